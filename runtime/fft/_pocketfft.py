"""Discrete Fourier transforms (``numpy.fft``'s transforms) on ``torch.fft``.

Dtypes follow NumPy 2: float32/float16 input gives complex64 (irfft/hfft:
float32/float16), everything non-inexact computes in double precision.
Multi-axis transforms use ``torch.fft.*n`` when the axes are distinct and
otherwise apply the 1-D transform axis by axis, last axis first, as NumPy does.
"""

import warnings

import torch

from .. import _dtypes as D
from .._casting import cast
from .._flags import READONLY, check_writeable
from .._ndarray import _normalize_axis, _tensor_and_dtype, _wrap, ndarray

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2",
           "fftn", "ifftn", "rfftn", "irfftn"]

_NORMS = (None, "backward", "ortho", "forward")
_SWAP = {None: "forward", "backward": "forward", "ortho": "ortho", "forward": "backward"}

# input dtype name -> (complex compute dtype, complex result dtype, real result dtype)
_COMPLEX_RESULT = {"float16": D.complex64, "float32": D.complex64, "complex64": D.complex64}
_REAL_RESULT = {"float16": D.float16, "float32": D.float32, "complex64": D.float32}


def _check_norm(norm):
    if norm not in _NORMS:
        raise ValueError(f'Invalid norm value {norm}; should be "backward", "ortho" or "forward".')


def _swap(norm):
    _check_norm(norm)
    return _SWAP[norm]


def _check_n(n):
    if n is not None and n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")


def _input(a):
    # torch's FFT kernels round differently for different memory layouts;
    # C-ordered input makes results depend on the values only
    t, d = _tensor_and_dtype(a)
    return t.contiguous(), d


def _complex_operand(t, d):
    """Tensor ready for a complex transform, and the complex result dtype."""
    rd = _COMPLEX_RESULT.get(d.name, D.complex128)
    if d.kind == "c":
        return t, rd
    return cast(t, d, rd), rd


def _real_operand(t, d, fname):
    """Tensor ready for a real-input transform (rfft), and the complex result dtype."""
    if d.kind == "c":
        raise TypeError(f"ufunc '{fname}' not supported for the input types, and the inputs could not be "
                        "safely coerced to any supported types according to the casting rule ''safe''")
    rd = _COMPLEX_RESULT.get(d.name, D.complex128)
    real = D.float32 if rd is D.complex64 else D.float64
    return cast(t, d, real), rd


def _hermitian_operand(t, d):
    """Tensor ready for a complex-to-real transform, and the real result dtype."""
    real = _REAL_RESULT.get(d.name, D.float64)
    cd = D.complex64 if real is not D.float64 else D.complex128
    return cast(t, d, cd), real


def _output(t, d, out):
    """Wrap ``t`` (computed as dtype ``d``) or write it into ``out``."""
    if t.dtype is not d._torch:
        t = t.to(d._torch)
    if out is None:
        return _wrap(t.contiguous(), d)  # NumPy returns C-ordered results
    if not isinstance(out, ndarray):
        raise TypeError("return arrays must be of ArrayType")
    if READONLY:
        check_writeable(out)
    if tuple(out._t.shape) != tuple(t.shape):
        raise ValueError("output array has wrong shape.")
    od = out._dtype
    if not D.can_cast(d, od, "same_kind"):
        raise TypeError(f"Cannot cast ufunc output from dtype('{d.name}') to dtype('{od.name}') "
                        "with casting rule 'same_kind'")
    out._t.copy_(cast(t, d, od))
    return out


def _empty_result(t, dim, n_out, dtype):
    shape = list(t.shape)
    shape[dim] = n_out
    return torch.zeros(shape, dtype=dtype, device=t.device)


def _c2c(t, n, dim, norm, forward):
    n = t.shape[dim] if n is None else n
    _check_n(n)
    if t.numel() == 0:
        return _empty_result(t, dim, n, t.dtype)
    f = torch.fft.fft if forward else torch.fft.ifft
    return f(t, n=n, dim=dim, norm=norm)


def _r2c(t, n, dim, norm):
    n = t.shape[dim] if n is None else n
    _check_n(n)
    cd = torch.complex64 if t.dtype is torch.float32 else torch.complex128
    if t.numel() == 0:
        return _empty_result(t, dim, n // 2 + 1, cd)
    return torch.fft.rfft(t, n=n, dim=dim, norm=norm)


def _c2r(t, n, dim, norm):
    n = (t.shape[dim] - 1) * 2 if n is None else n
    _check_n(n)
    real = torch.float32 if t.dtype is torch.complex64 else torch.float64
    if t.numel() == 0:
        return _empty_result(t, dim, n, real)
    return torch.fft.irfft(t, n=n, dim=dim, norm=norm)


# -- 1-D -----------------------------------------------------------------------

def _prepare(a, n, axis, norm, inverse_real=False):
    """NumPy's argument order: the length (default from the axis), then the
    norm, then the axis itself."""
    t, d = _input(a)
    if n is None:
        m = t.shape[_normalize_axis(axis, t.ndim)]
        n = (m - 1) * 2 if inverse_real else m
    _check_n(n)
    _check_norm(norm)
    return t, d, n, _normalize_axis(axis, t.ndim)


def fft(a, n=None, axis=-1, norm=None, out=None):
    """1-D discrete Fourier transform along ``axis`` (length ``n``: crop or zero-pad)."""
    t, d, n, dim = _prepare(a, n, axis, norm)
    x, rd = _complex_operand(t, d)
    return _output(_c2c(x, n, dim, norm, True), rd, out)


def ifft(a, n=None, axis=-1, norm=None, out=None):
    """1-D inverse discrete Fourier transform."""
    t, d, n, dim = _prepare(a, n, axis, norm)
    x, rd = _complex_operand(t, d)
    return _output(_c2c(x, n, dim, norm, False), rd, out)


def _rfft_name(n):
    return "rfft_n_even" if n % 2 == 0 else "rfft_n_odd"


def rfft(a, n=None, axis=-1, norm=None, out=None):
    """1-D transform of real input: the ``n // 2 + 1`` non-negative frequencies."""
    t, d, n, dim = _prepare(a, n, axis, norm)
    x, rd = _real_operand(t, d, _rfft_name(n))
    return _output(_r2c(x, n, dim, norm), rd, out)


def irfft(a, n=None, axis=-1, norm=None, out=None):
    """Inverse of ``rfft``: real output of length ``n`` (default ``2 * (m - 1)``)."""
    t, d, n, dim = _prepare(a, n, axis, norm, inverse_real=True)
    x, rd = _hermitian_operand(t, d)
    return _output(_c2r(x, n, dim, norm), rd, out)


def hfft(a, n=None, axis=-1, norm=None, out=None):
    """Transform of a Hermitian-symmetric signal given by its first half: real output."""
    swapped = _swap(norm)
    t, d, n, dim = _prepare(a, n, axis, swapped, inverse_real=True)
    x, rd = _hermitian_operand(t, d)
    return _output(_c2r(x.conj(), n, dim, swapped), rd, out)


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    """Inverse of ``hfft``: the first half of the Hermitian spectrum of real input."""
    swapped = _swap(norm)
    t, d, n, dim = _prepare(a, n, axis, swapped)
    x, rd = _real_operand(t, d, _rfft_name(n))
    return _output(_r2c(x, n, dim, swapped).conj(), rd, out)


# -- n-D -----------------------------------------------------------------------

def _cook_nd_args(shape, s, axes, invreal=False):
    """NumPy's rules for ``s``/``axes``: lengths per transformed axis, axes."""
    shapeless = s is None
    if s is None:
        s = list(shape) if axes is None else [shape[_normalize_axis(ax, len(shape))] for ax in axes]
    s = list(s)
    if axes is None:
        if not shapeless:
            warnings.warn("`axes` should not be `None` if `s` is not `None` (Deprecated in NumPy 2.0). "
                          "In a future version of NumPy, this will raise an error and `s[i]` will "
                          "correspond to the size along the transformed axis specified by `axes[i]`. "
                          "To retain current behaviour, pass a sequence [0, ..., k-1] to `axes` for an "
                          "array of dimension k.", DeprecationWarning, stacklevel=4)
        axes = list(range(-len(s), 0))
    axes = list(axes)
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    axes = [_normalize_axis(ax, len(shape)) for ax in axes]
    if invreal and shapeless:
        s[-1] = (shape[axes[-1]] - 1) * 2
    if any(x is None for x in s):
        warnings.warn("Passing an array containing `None` values to `s` is deprecated in NumPy 2.0 and "
                      "will raise an error in a future version of NumPy. To use the default behaviour "
                      "of the corresponding 1-D transform, pass the value matching the default for its "
                      "`n` parameter. To use the default behaviour for every axis, the `s` argument can "
                      "be omitted.", DeprecationWarning, stacklevel=4)
    s = [shape[ax] if n == -1 else n for n, ax in zip(s, axes)]
    return s, axes


def _whole(s, axes):
    """Can one torch n-D call do it (distinct axes, every length known)?"""
    return len(set(axes)) == len(axes) and all(n is not None for n in s)


def _c2c_nd(a, s, axes, norm, out, forward):
    _check_norm(norm)
    t, d = _input(a)
    s, axes = _cook_nd_args(tuple(t.shape), s, axes)
    x, rd = _complex_operand(t, d)
    for n in s:
        _check_n(n)
    if not axes:
        return _output(x.clone(), rd, out)
    if _whole(s, axes) and x.numel() and all(x.shape[ax] for ax in axes):
        f = torch.fft.fftn if forward else torch.fft.ifftn
        return _output(f(x, s=s, dim=axes, norm=norm), rd, out)
    for n, ax in reversed(list(zip(s, axes))):
        x = _c2c(x, n, ax, norm, forward)
    return _output(x, rd, out)


def fftn(a, s=None, axes=None, norm=None, out=None):
    """N-D discrete Fourier transform over ``axes`` (all by default)."""
    return _c2c_nd(a, s, axes, norm, out, True)


def ifftn(a, s=None, axes=None, norm=None, out=None):
    """N-D inverse discrete Fourier transform."""
    return _c2c_nd(a, s, axes, norm, out, False)


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D discrete Fourier transform (``fftn`` over the last two axes)."""
    return _c2c_nd(a, s, axes, norm, out, True)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D inverse discrete Fourier transform."""
    return _c2c_nd(a, s, axes, norm, out, False)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    """N-D transform of real input; the last axis keeps ``n // 2 + 1`` frequencies."""
    _check_norm(norm)
    t, d = _input(a)
    s, axes = _cook_nd_args(tuple(t.shape), s, axes)
    for n in s:
        _check_n(n)
    last_n = t.shape[axes[-1]] if s[-1] is None else s[-1]
    x, rd = _real_operand(t, d, _rfft_name(last_n))
    if _whole(s, axes) and x.numel() and all(x.shape[ax] for ax in axes):
        return _output(torch.fft.rfftn(x, s=s, dim=axes, norm=norm), rd, out)
    x = _r2c(x, s[-1], axes[-1], norm)
    for n, ax in reversed(list(zip(s[:-1], axes[:-1]))):
        x = _c2c(x, n, ax, norm, True)
    return _output(x, rd, out)


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D transform of real input."""
    return rfftn(a, s, axes, norm, out)


def irfftn(a, s=None, axes=None, norm=None, out=None):
    """Inverse of ``rfftn``: real output; last-axis length defaults to ``2 * (m - 1)``."""
    _check_norm(norm)
    t, d = _input(a)
    s, axes = _cook_nd_args(tuple(t.shape), s, axes, invreal=True)
    for n in s:
        _check_n(n)
    x, rd = _hermitian_operand(t, d)
    if len(axes) > 1 and rd is D.float16:
        rd = D.float32  # NumPy's complex ifft passes go through complex64 first
    if _whole(s, axes) and x.numel() and all(x.shape[ax] for ax in axes):
        return _output(torch.fft.irfftn(x, s=s, dim=axes, norm=norm), rd, out)
    for n, ax in zip(s[:-1], axes[:-1]):
        x = _c2c(x, n, ax, norm, False)
    return _output(_c2r(x, s[-1], axes[-1], norm), rd, out)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """2-D inverse of ``rfft2``."""
    return irfftn(a, s, axes, norm, out)
