"""Object arrays (``dtype=object``): creation from Python objects and the
Python-level loops NumPy runs for them.

An object array's tensor holds int64 handles into its dtype's pool (see
``_dtypes._ObjectDtype``); moving elements is torch work on the handles, and
only what needs the objects themselves lives here: discovering the shape of
nested sequences, the element-wise ufunc loops (NumPy's ``O`` loops call the
Python operator, the ``math`` function or the element's method of the same
name), reductions, accumulations and products.  These run one Python call per
element, as NumPy's own object loops do.
"""

import math
import operator
from collections.abc import Mapping

import torch

from . import _dtypes as D
from ._casting import cast, object_handles, object_values, python_values
from ._ndarray import ndarray, _wrap, box, broadcast_shapes_or_raise

# -- creation from nested sequences ------------------------------------------------


def _is_sequence(x):
    """Whether NumPy's discovery looks inside ``x`` for more dimensions."""
    t = type(x)
    if t is list or t is tuple:
        return True
    if isinstance(x, (ndarray, torch.Tensor)):
        return x.ndim > 0
    if isinstance(x, (str, bytes, Mapping)):
        return False
    if hasattr(x, "__array__") and hasattr(x, "ndim"):
        return x.ndim > 0
    return hasattr(x, "__len__") and hasattr(x, "__getitem__")


def _items(x):
    if isinstance(x, ndarray):
        return x.tolist() if x.ndim == 1 else list(x)
    if isinstance(x, torch.Tensor) or (hasattr(x, "__array__") and hasattr(x, "ndim")):
        return x.tolist() if x.ndim == 1 else list(x)
    return list(x)


def discover(obj, max_depth=64):
    """(shape, leaves in C order, ragged) of a nested sequence read as an object
    array: dimensions go down while every item at a level is a sequence of
    one common length (at most ``max_depth`` of them); what is below them is
    an element."""
    shape = []
    level = [obj]
    while level and len(shape) < max_depth:
        lengths = set()
        for x in level:
            if not _is_sequence(x):
                lengths = None
                break
            lengths.add(len(x))
        if lengths is None or len(lengths) != 1:
            ragged = lengths is not None or any(_is_sequence(x) for x in level)
            return tuple(shape), level, ragged
        shape.append(lengths.pop())
        level = [y for x in level for y in _items(x)]
    return tuple(shape), level, False


def from_nested(obj, d, device, allow_ragged=True, max_depth=64):
    """The handle tensor (into ``d``'s pool) of the object array NumPy makes from ``obj``."""
    shape, leaves, ragged = discover(obj, max_depth)
    if ragged and not allow_ragged:
        raise ValueError("setting an array element with a sequence. The requested array has an "
                         f"inhomogeneous shape after {len(shape)} dimensions. The detected shape "
                         f"was {shape} + inhomogeneous part.")
    return object_handles(leaves, d, shape, device)


def values(a):
    """The elements of ndarray ``a`` as a flat list of Python objects (NumPy's
    cast to object for numeric arrays)."""
    if a._dtype.kind == "O":
        return object_values(a._t, a._dtype)
    return python_values(a._t, a._dtype)


def from_values(vals, shape, device, d=None):
    """A new object array holding ``vals`` (flat, C order) in ``shape``."""
    d = D.new_object_dtype() if d is None else d
    return _wrap(object_handles(vals, d, tuple(shape), device), d)


def setitem_value(a, items, value):
    """What ``a[items] = value`` writes into object array ``a``: a handle or a
    handle tensor in ``a``'s pool.  As in NumPy, a value for one element is
    stored as it is (a list, an array); otherwise arrays are cast and
    sequences read as object arrays of at most the target's dimensions."""
    d = a._dtype
    target_ndim = a._t[items].ndim
    if target_ndim and isinstance(value, ndarray):
        return cast(value._t, value._dtype, d)
    if target_ndim and _is_sequence(value):
        return from_nested(value, d, a._t.device, max_depth=target_ndim)
    pool = d.pool
    pool.append(value)
    return len(pool) - 1
