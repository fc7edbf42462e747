"""Runtime-wide settings: where new arrays are created, and the default float.

Device. New arrays go to, in order: ``set_default_device``/the
``default_device`` context manager, the ``NP2TORCH_DEVICE`` environment
variable, then torch's own default device.  Operations put their results on
their inputs' device; this setting only decides where arrays made from
nothing (``zeros``, ``arange``, ``array([...])``, random draws) are born.

Default float (opt-in, a semantic change).  NumPy makes float64 whenever it
picks a float type itself: ``zeros(3)``, ``array([1.5])``, ``linspace``,
``arange(0.5, 3)``, random draws, Python floats turned into arrays, integer
division and the mean of integers.  ``set_default_float_dtype("float32")``
(or the ``default_float_dtype`` context manager, or
``NP2TORCH_DEFAULT_FLOAT=float32``) makes those float32 — and the matching
complex default complex64 — which is what GPUs are fast at.  Results then
differ from NumPy's (about 7 significant digits instead of 16, overflow
above 3.4e38).  Explicit dtypes are honoured exactly: ``dtype=float``,
``dtype=np.float64`` and ``astype(float)`` still give float64, and arrays
that already are float64 stay float64.

Core call sites read ``current_float_dtype()``/``current_complex_dtype()``
where they used to name float64/complex128 as a default.
"""

import contextlib
import os

import torch

from . import _dtypes as D

__all__ = ["set_default_device", "get_default_device", "default_device",
           "set_default_float_dtype", "get_default_float_dtype", "default_float_dtype"]

_FLOAT_ENV = "NP2TORCH_DEFAULT_FLOAT"
_COMPLEX_OF = {D.float32: D.complex64, D.float64: D.complex128}

# One process-wide state, like torch.set_default_device/dtype: converted
# scripts set it once at the top.
_state = {"device": None}


# -- device -------------------------------------------------------------------

def current_device():
    """The device new arrays go to, or None for torch's default."""
    return _state["device"]


def set_default_device(device):
    """Create new arrays on ``device`` from now on (None: torch's default)."""
    _state["device"] = None if device is None else torch.device(device)


def get_default_device():
    """The device new arrays go to (torch's default when none was set)."""
    dev = _state["device"]
    return dev if dev is not None else torch.empty(0).device


@contextlib.contextmanager
def default_device(device):
    """Within the block, new arrays are created on ``device``."""
    old = _state["device"]
    set_default_device(device)
    try:
        yield
    finally:
        _state["device"] = old


# -- default float dtype ------------------------------------------------------

def _float_policy(dtype):
    """The runtime dtype a policy value names; only float32 and float64 are allowed."""
    if dtype is None:
        return D.float64
    try:
        d = D.dtype(dtype)
    except (TypeError, ValueError, NotImplementedError):
        d = None
    if d not in _COMPLEX_OF:
        raise ValueError(f"default float dtype must be 'float32' or 'float64', got {dtype!r}")
    return d


def current_float_dtype():
    """The float dtype defaults resolve to (runtime dtype object): float64 unless opted in."""
    return D.POLICY["float"]


def current_complex_dtype():
    """The complex dtype defaults resolve to: complex64 under the float32 policy."""
    return D.POLICY["complex"]


def set_default_float_dtype(dtype):
    """Make defaults that NumPy resolves to float64 resolve to ``dtype`` instead.

    ``dtype`` is ``"float32"`` or ``"float64"`` (or any spelling of them:
    ``np.float32``, ``torch.float32``, ``"f4"``); None restores float64.
    Returns the previous setting's name.
    """
    d = _float_policy(dtype)
    old = D.POLICY["float"].name
    D.set_float_policy(d)
    return old


def get_default_float_dtype():
    """The name of the current default float dtype: ``'float64'`` or ``'float32'``."""
    return D.POLICY["float"].name


@contextlib.contextmanager
def default_float_dtype(dtype):
    """Within the block, defaults that NumPy makes float64 are ``dtype``."""
    old = D.POLICY["float"]
    set_default_float_dtype(dtype)
    try:
        yield
    finally:
        D.set_float_policy(old)


def _from_environment():
    dev = os.environ.get("NP2TORCH_DEVICE")
    if dev:
        _state["device"] = torch.device(dev)
    flt = os.environ.get(_FLOAT_ENV)
    if flt:
        try:
            set_default_float_dtype(flt.strip())
        except ValueError:
            raise ValueError(f"{_FLOAT_ENV}={flt!r}: expected 'float32' or 'float64'") from None


_from_environment()
