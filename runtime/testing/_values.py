"""Element-wise helpers for the asserts, on storage tensors (no ufunc layer).

The asserts must work even where the rest of the runtime is partial, and
they must not trip over the storage rules (uint16/uint32 widened, uint64 as
the int64 bit pattern).  Each helper takes ``(tensor, dtype)`` pairs and
returns tensors; ``fmt_0d`` prints one value as ``np.array2string`` prints a
0-d array.
"""

import math
import operator
import struct
from decimal import Decimal

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._casting import cast
from .._ndarray import _wrap, asarray, item_of, ndarray

_SIGN64 = -(1 << 63)


def arr(x):
    """Any array-like (lists, scalars, NumPy arrays, tensors) as a runtime array."""
    return x if isinstance(x, ndarray) else asarray(x)


def promote(a, b):
    return D.PROMOTE[a._index][b._index]


def to_dtype(t, src, dst):
    if src is dst:
        return t
    src, dst = src._nbo, dst._nbo
    if src.kind == "c" and dst.kind != "c":
        t = t.real
        src = D.float64 if src is D.complex128 else D.float32
    return cast(t, src, dst)


def inexact(d):
    """``result_type(d, 1.0)``: the dtype NumPy computes closeness in."""
    return d if d.kind in "fc" else D.float64


def ordered_view(t, d):
    """A tensor whose signed order is ``d``'s order (uint64 bit patterns flipped)."""
    if d is D.uint64:
        return torch.bitwise_xor(t, torch.tensor(_SIGN64, dtype=torch.int64, device=t.device))
    return t


def isnan(t, d):
    return torch.isnan(t) if d.kind in "fc" else torch.zeros(t.shape, dtype=torch.bool, device=t.device)


def isinf(t, d):
    return torch.isinf(t) if d.kind in "fc" else torch.zeros(t.shape, dtype=torch.bool, device=t.device)


def _object_compare(op, xt, xd, yt, yd):
    """``op`` (a Python comparison) element by element, for object operands."""
    from .._object import broadcast_values
    shape = tuple(torch.broadcast_shapes(xt.shape, yt.shape))
    xs, ys = broadcast_values([_wrap(xt, xd), _wrap(yt, yd)], shape)
    return torch.tensor([bool(op(x, y)) for x, y in zip(xs, ys)], dtype=torch.bool,
                        device=xt.device).reshape(shape)


def equal(xt, xd, yt, yd):
    p = promote(xd, yd)
    if p._pooled:
        return _object_compare(operator.eq, xt, xd, yt, yd)
    return to_dtype(xt, xd, p) == to_dtype(yt, yd, p)


def less(xt, xd, yt, yd):
    p = promote(xd, yd)
    if p._pooled:
        return _object_compare(operator.lt, xt, xd, yt, yd)
    if p.kind == "c":
        # NumPy orders complex numbers lexicographically
        a, b = to_dtype(xt, xd, p), to_dtype(yt, yd, p)
        return (a.real < b.real) | ((a.real == b.real) & (a.imag < b.imag))
    return ordered_view(to_dtype(xt, xd, p), p) < ordered_view(to_dtype(yt, yd, p), p)


def abs_diff(xt, xd, yt, yd):
    """(|x - y|, its dtype) as NumPy computes it; None for bool (no subtract)."""
    p = promote(xd, yd)
    if p.kind in "bOSUV":
        return None
    a = to_dtype(xt, xd, p)
    b = to_dtype(yt, yd, p)
    if p.kind == "u":
        ab = a - b
        ba = b - a
        if not p._native:
            mask = (1 << p._bits) - 1
            ab, ba = ab & mask, ba & mask
        if p is D.uint64:
            smaller = ordered_view(ab, p) <= ordered_view(ba, p)
            return torch.where(smaller, ab, ba), p
        return torch.minimum(ab, ba), p
    err = (a - b).abs()
    if p.kind == "c":
        return err, (D.float32 if p is D.complex64 else D.float64)
    return err, p


def as_float(t, d):
    """Values as a floating tensor for division (ints divide in float64)."""
    if d.kind in "fc":
        return t
    return to_dtype(t, d, D.float64)


def abs_value(t, d):
    if d.kind == "c":
        return t.abs(), (D.float32 if d is D.complex64 else D.float64)
    if d.kind in "ub":
        return t, d
    return t.abs(), d


def max_value(t, d):
    """Python value of the maximum of a non-empty tensor of dtype ``d``."""
    if d is D.uint64:
        i = int(torch.argmax(ordered_view(t, d)))
        return item_of(t.reshape(-1)[i], d)
    return item_of(t.max(), d)


def py_value(x):
    """A Python number for a scalar-like, or raise TypeError."""
    if isinstance(x, (bool, int, float, complex)):
        return x
    if isinstance(x, S.generic):
        return x._py()
    if isinstance(x, ndarray) and x.ndim == 0:
        return x.item()
    item = getattr(x, "item", None)
    if item is not None and getattr(x, "shape", None) == ():
        return item()
    raise TypeError(f"not a number: {type(x).__name__}")


def scalar_of(t, d):
    """NumPy's scalar for a 0-d or one-element tensor."""
    return S.make_scalar(item_of(t.reshape(()), d), d)


# -- printing one value as array2string prints a 0-d array -------------------------

_PACK = {"float16": "e", "float32": "f"}


def _shortest_digits(v, d):
    if d.name not in _PACK:
        return repr(v)
    code = _PACK[d.name]
    for p in range(1, 18):
        s = "%.*g" % (p, v)
        if struct.unpack(code, struct.pack(code, float(s)))[0] == v:
            return s
    return repr(v)


def _as(v, code):
    return struct.unpack(code, struct.pack(code, v))[0]


# (max cutoff, 0.0001 rounded to the dtype): comparisons happen in the dtype
_EXP_LIMITS = {"float16": (1e3, _as(1e-4, "e")), "float32": (1e6, _as(1e-4, "f"))}


def _trim(mantissa):
    if "." not in mantissa:
        return mantissa + "."
    return mantissa.rstrip("0")


def fmt_0d(v, d, precision=8):
    """``np.array2string`` of a 0-d array holding ``v`` (default print options)."""
    if d.kind in "biu":
        return str(v)
    if d.kind == "c":
        return f"{fmt_0d(v.real, D.float64, precision)}{'+' if v.imag >= 0 or v.imag != v.imag else '-'}{fmt_0d(abs(v.imag), D.float64, precision)}j"
    if v != v:
        return "nan"
    if v in (math.inf, -math.inf):
        return "inf" if v > 0 else "-inf"
    a = abs(v)
    # NumPy's cutoff depends on the dtype's precision (1e8, 1e6 float32, 1e3 float16)
    cutoff, small = _EXP_LIMITS.get(d.name, (1e8, 1e-4))
    if a != 0 and (a >= cutoff or a < small):
        sign, digs, exp = Decimal(_shortest_digits(v, d)).normalize().as_tuple()
        if len(digs) - 1 > precision:
            mant, _, e = ("%.*e" % (precision, v)).partition("e")
            e = int(e)
        else:
            text = "".join(map(str, digs))
            mant = ("-" if sign else "") + text[0] + "." + text[1:]
            e = exp + len(digs) - 1
        return f"{_trim(mant)}e{'+' if e >= 0 else '-'}{abs(e):02d}"
    digits = _shortest_digits(v, d)
    if "e" in digits:
        digits = "%.*f" % (precision, v)
    frac = digits.partition(".")[2]
    if len(frac) > precision:
        digits = "%.*f" % (precision, v)
    return _trim(digits)
