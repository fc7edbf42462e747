"""Argument handling shared by RandomState and Generator: sizes, devices, seeds."""

import operator
import sys

import torch

from .._config import current_device

__all__ = []


def normalize_size(size):
    """``size`` as a tuple of ints (NumPy accepts an int or a sequence)."""
    if size is None:
        return None
    try:
        n = operator.index(size)
    except TypeError:
        pass
    else:
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        return (n,)
    shape = tuple(operator.index(s) for s in size)
    for s in shape:
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
    return shape


def numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def on_device(t):
    """A freshly drawn tensor on the current device, owning its memory as
    NumPy's results do (a reshape of the drawn buffer is not a view of it:
    ``flags.owndata`` is True)."""
    dev = current_device()
    if dev is not None and t.device != dev:
        return t.to(dev)
    return t.detach() if t._base is not None else t


def seed_words(seed):
    """Validate an array seed for init_by_array: 1-d, non-empty, ints in [0, 2**32)."""
    if hasattr(seed, "tolist"):
        dt = getattr(seed, "dtype", None)
        if dt is not None and getattr(dt, "kind", "") not in "iub":
            raise TypeError("Cannot cast array data from dtype('%s') to dtype('int64') according to the rule 'safe'" % dt)
        ndim = getattr(seed, "ndim", 1)
        seed = seed.tolist()
    else:
        if isinstance(seed, (str, bytes)):
            raise TypeError("Cannot cast seed %r to integers" % (seed,))
        try:
            seed = list(seed)
        except TypeError:
            raise TypeError("Cannot cast seed %r to integers" % (seed,)) from None
        ndim = 1
        if any(isinstance(s, (list, tuple)) for s in seed):
            ndim = 2
    if ndim != 1:
        raise ValueError("Seed array must be 1-d")
    if len(seed) == 0:
        raise ValueError("Seed must be non-empty")
    words = []
    for s in seed:
        if isinstance(s, float) or (hasattr(s, "dtype") and getattr(s.dtype, "kind", "") == "f"):
            raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
        s = operator.index(s)
        if s < 0 or s > 0xFFFFFFFF:
            raise ValueError("Seed must be between 0 and 2**32 - 1")
        words.append(s)
    return words


def user_stacklevel():
    """``stacklevel`` for ``warnings.warn`` that names the first caller outside this package.

    Call it from the function that warns: RandomState methods, the module-level
    wrappers and Generator reach the same helpers through different depths.
    """
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    return level


_PACKAGE = __name__.rpartition(".")[0] + "."
