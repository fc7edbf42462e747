"""Shared pieces of ``numpy.linalg``: the error type, result tuples, and the
normalising layer that turns array-likes into tensors of the dtype LAPACK
would see (NumPy's ``_commonType``).

Pure-torch kernels elsewhere in the package take and return tensors; the
public functions call ``operand``/``operands`` once and ``result`` once.
"""

import contextlib
from typing import Any, NamedTuple

import torch

from .. import _dtypes as D
from .._casting import cast, refuse_object
from .._ndarray import _tensor_and_dtype, _wrap, box, ndarray

__all__ = ["LinAlgError", "EigResult", "EighResult", "QRResult", "SlogdetResult", "SVDResult"]


class LinAlgError(ValueError):
    """Generic Python-exception-derived object raised by linalg functions
    (singular matrix, non-convergence, wrong number of dimensions)."""


LinAlgError.__module__ = "np2torch.runtime.linalg"


class EigResult(NamedTuple):
    eigenvalues: Any
    eigenvectors: Any


class EighResult(NamedTuple):
    eigenvalues: Any
    eigenvectors: Any


class QRResult(NamedTuple):
    Q: Any
    R: Any


class SlogdetResult(NamedTuple):
    sign: Any
    logabsdet: Any


class SVDResult(NamedTuple):
    U: Any
    S: Any
    Vh: Any


# -- dtypes ------------------------------------------------------------------

_REAL_OF = {"float32": D.float32, "float64": D.float64, "complex64": D.float32, "complex128": D.float64}
_COMPLEX_OF = {"float32": D.complex64, "float64": D.complex128, "complex64": D.complex64,
               "complex128": D.complex128}


def real_of(d):
    return _REAL_OF[d.name]


def complex_of(d):
    return _COMPLEX_OF[d.name]


def common_type(*dtypes):
    """NumPy's ``_commonType``: the result dtype of a LAPACK call on arrays of
    these dtypes.  Integers and bools compute in float64; float16 is refused."""
    single = True
    is_complex = False
    for d in dtypes:
        if d.kind in "fc":
            if d.kind == "c":
                is_complex = True
            if d.name in ("float64", "complex128"):
                single = False
            elif d.name not in ("float32", "complex64"):
                raise TypeError(f"array type {d.name} is unsupported in linalg")
        else:
            single = False
    if is_complex:
        return D.complex64 if single else D.complex128
    return D.float32 if single else D.float64


def compute_dtype(result_dtype, device):
    """The dtype to run LAPACK in.  NumPy always computes in double precision
    and rounds single-precision results afterwards; we do the same on the CPU
    and keep single precision on accelerators, where float64 is slow."""
    if device.type == "cpu":
        return D.complex128 if result_dtype.kind == "c" else D.float64
    return result_dtype


# -- normalising ---------------------------------------------------------------

def tensor(a):
    """(storage tensor, dtype) of any array-like (object arrays are refused)."""
    t, d = _tensor_and_dtype(a)
    if d._pooled:
        refuse_object(None, d)
    return t, d


def operand(a, result_dtype=None):
    """Tensor in the compute dtype, and NumPy's result dtype, for one operand."""
    t, d = _tensor_and_dtype(a)
    if d._pooled:
        refuse_object(None, d)
    rd = common_type(d) if result_dtype is None else result_dtype
    cd = compute_dtype(rd, t.device)
    return cast(t, d, cd), rd


def to_dtype(t, d, target):
    return cast(t, d, target)


def result(t, d):
    """Wrap a compute-dtype tensor as an array of dtype ``d`` (scalars for 0-d)."""
    if t.dtype is not d._torch:
        t = t.to(d._torch)
    return box(t, d)


def result_array(t, d):
    """Like ``result`` but always an ndarray (NumPy returns 0-d arrays here)."""
    if t.dtype is not d._torch:
        t = t.to(d._torch)
    return _wrap(t, d)


# -- checks ---------------------------------------------------------------------

def assert_2d(*tensors):
    for t in tensors:
        if t.ndim != 2:
            raise LinAlgError(f"{t.ndim}-dimensional array given. Array must be two-dimensional")


def assert_stacked_2d(*tensors):
    for t in tensors:
        if t.ndim < 2:
            raise LinAlgError(f"{t.ndim}-dimensional array given. Array must be at least two-dimensional")


def assert_stacked_square(*tensors):
    for t in tensors:
        if t.ndim < 2:
            raise LinAlgError(f"{t.ndim}-dimensional array given. Array must be at least two-dimensional")
        if t.shape[-1] != t.shape[-2]:
            raise LinAlgError("Last 2 dimensions of the array must be square")


def assert_finite(*tensors):
    for t in tensors:
        if t.numel() and not bool(torch.isfinite(t).all()):
            raise LinAlgError("Array must not contain infs or NaNs")


def check_info(info, message):
    """Raise LinAlgError when any LAPACK ``info`` code of a ``*_ex`` call is nonzero."""
    if info.numel() and bool((info != 0).any()):
        raise LinAlgError(message)


@contextlib.contextmanager
def lapack_errors(message):
    """Turn torch's linalg failures into NumPy's ``LinAlgError``."""
    try:
        yield
    except torch.linalg.LinAlgError as e:
        raise LinAlgError(message) from e
    except RuntimeError as e:
        raise LinAlgError(f"{message} ({e})") from e


def is_array(a):
    return isinstance(a, ndarray)
