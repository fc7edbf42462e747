"""``numpy.fft`` helpers: sample frequencies and spectrum shifts."""

import operator

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._config import current_device
from .._ndarray import _normalize_axis, _tensor_and_dtype, _wrap, ndarray

__all__ = ["fftfreq", "rfftfreq", "fftshift", "ifftshift"]


def _shifted(x, axes, sign):
    t, d = _tensor_and_dtype(x)
    if axes is None:
        axes = tuple(range(t.ndim))
    elif not isinstance(axes, (tuple, list)):
        axes = (axes,)
    dims = [_normalize_axis(operator.index(ax), t.ndim) for ax in axes]
    if not dims:
        return _wrap(t.clone(), d)
    shifts = [sign * (t.shape[ax] // 2) for ax in dims]
    return _wrap(torch.roll(t, shifts, dims), d)


def fftshift(x, axes=None):
    """Move the zero-frequency term to the centre of the spectrum."""
    return _shifted(x, axes, 1)


def ifftshift(x, axes=None):
    """The inverse of ``fftshift`` (they differ for odd lengths)."""
    return _shifted(x, axes, -1)


def _check_n(n):
    # NumPy accepts Python and NumPy integers (any integer scalar), not arrays
    if isinstance(n, ndarray) or not hasattr(type(n), "__index__"):
        raise ValueError("n should be an integer")
    return operator.index(n)


def _scaled(k, n, d, dtype, device):
    dev = current_device() if device is None else torch.device(device)
    out_d = D.float64 if dtype is None else D.dtype(dtype)
    if out_d.kind not in "fc":
        raise ValueError(f"fftfreq: dtype must be a floating type, got {out_d.name}")
    if isinstance(d, S.generic):
        d = d._py()
    val = 1.0 / (n * d)
    t = k.to(device=dev, dtype=torch.float64) * val
    return _wrap(t.to(out_d._torch), out_d)


def fftfreq(n, d=1.0, device=None, *, dtype=None):
    """Sample frequencies ``[0, 1, ..., n//2 - 1 (or (n-1)//2), -(n//2), ..., -1] / (d*n)``.

    ``dtype`` (array API extension; NumPy always gives float64) picks the float type."""
    n = _check_n(n)
    k = torch.cat([torch.arange(0, (n - 1) // 2 + 1), torch.arange(-(n // 2), 0)])
    return _scaled(k, n, d, dtype, device)


def rfftfreq(n, d=1.0, device=None, *, dtype=None):
    """Sample frequencies for ``rfft``: ``[0, 1, ..., n//2] / (d*n)``."""
    n = _check_n(n)
    k = torch.arange(0, n // 2 + 1)
    return _scaled(k, n, d, dtype, device)
