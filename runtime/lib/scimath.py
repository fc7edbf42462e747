"""``numpy.lib.scimath`` (``np.emath``): math functions that return complex
results where the real-valued function is undefined (``sqrt(-1) == 1j``).

Each function promotes only when it has to, as NumPy does: a real input with
an out-of-domain value becomes complex (complex64 for float32 and the small
integer types, complex128 otherwise); in-domain real input stays real.
"""

from .. import _dtypes as D
from .. import _ufuncs as U
from .._ndarray import asarray

__all__ = ["sqrt", "log", "log2", "logn", "log10", "power", "arccos", "arcsin", "arctanh"]

_TO_COMPLEX64 = {"float32", "int8", "int16", "uint8", "uint16", "complex64"}


def _complex_of(a):
    return a.astype(D.complex64 if a.dtype.name in _TO_COMPLEX64 else D.complex128)


def _fix(x, bad):
    """``x`` as an array, made complex when it is real and ``bad(values)`` holds anywhere."""
    a = asarray(x)
    if a.dtype.kind == "c":
        return a
    if a.dtype.kind == "b" or a.size == 0:
        return a
    if bool(bad(a._t if a.dtype.kind == "f" else a.astype(D.float64)._t).any()):
        return _complex_of(a)
    return a


def _lt_zero(x):
    return _fix(x, lambda t: t < 0)


def _abs_gt_1(x):
    return _fix(x, lambda t: t.abs() > 1)


def _int_lt_zero(x):
    a = asarray(x)
    if a.dtype.kind in "iu" and bool((a.astype(D.float64)._t < 0).any()):
        return a.astype(D.float64)
    return a


def sqrt(x):
    return U.sqrt(_lt_zero(x))


def log(x):
    return U.log(_lt_zero(x))


def log10(x):
    return U.log10(_lt_zero(x))


def log2(x):
    return U.log2(_lt_zero(x))


def logn(n, x):
    """Logarithm of ``x`` to base ``n``."""
    return U.divide(U.log(_lt_zero(x)), U.log(_lt_zero(n)))


def power(x, p):
    return U.power(_lt_zero(x), _int_lt_zero(p))


def arccos(x):
    return U.arccos(_abs_gt_1(x))


def arcsin(x):
    return U.arcsin(_abs_gt_1(x))


def arctanh(x):
    return U.arctanh(_abs_gt_1(x))
