"""Mathematical and logic functions that are not ufuncs (NumPy docs:
"Mathematical functions", "Logic functions", "Linear algebra" products)."""

import builtins
import math
import operator

import torch

from . import _dtypes as D
from ._casting import cast, refuse_object, refuse_kinds
from ._flags import READONLY, check_writeable
from ._ndarray import ndarray, _wrap, box, asarray, _tensor_and_dtype, _normalize_axis

__all__ = ["clip", "round", "around", "dot", "vdot", "inner", "outer", "tensordot", "kron",
           "allclose", "isclose", "array_equal", "array_equiv", "diff", "ediff1d", "trace",
           "diagonal", "nan_to_num", "real", "imag", "angle", "iscomplex", "isreal",
           "iscomplexobj", "isrealobj", "isneginf", "isposinf", "fix", "real_if_close",
           "convolve", "correlate", "interp", "sinc", "i0", "cross", "trapezoid", "gradient",
           "unwrap", "bincount", "digitize", "histogram", "histogram_bin_edges", "cov", "corrcoef",
           "logical_all_placeholder"]
__all__.remove("logical_all_placeholder")


def _parts(a):
    return a._t, a._dtype


def _promote(*arrays):
    d = arrays[0]._dtype
    for a in arrays[1:]:
        d = D.PROMOTE[d._index][a._dtype._index]
    return d


_NO_VALUE = object()


def clip(a, a_min=_NO_VALUE, a_max=_NO_VALUE, out=None, *, min=_NO_VALUE, max=_NO_VALUE, **kwargs):
    """``np.clip``: ``minimum(maximum(a, a_min), a_max)`` (bounds may be None)."""
    from ._ufuncs import minimum, maximum
    if a_min is _NO_VALUE and a_max is _NO_VALUE:
        lo = None if min is _NO_VALUE else min
        hi = None if max is _NO_VALUE else max
    elif a_min is _NO_VALUE:
        raise TypeError("clip() missing 1 required positional argument: 'a_min'")
    elif a_max is _NO_VALUE:
        raise TypeError("clip() missing 1 required positional argument: 'a_max'")
    elif min is not _NO_VALUE or max is not _NO_VALUE:
        raise ValueError("Passing `min` or `max` keyword argument when `a_min` and `a_max` are "
                         "provided is forbidden.")
    else:
        lo, hi = a_min, a_max
    r = asarray(a)
    d = r._dtype
    if d.kind in "iu":
        # NumPy drops Python-int bounds beyond the dtype's range (NEP 50 would refuse them)
        if type(lo) is int and lo <= d._min:
            lo = None
        if type(hi) is int and hi >= d._max:
            hi = None
    casting = kwargs.pop("casting", "same_kind")
    if lo is None and hi is None:
        if casting not in D.CAN_CAST:
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or "
                             f"'unsafe' (got {casting!r})")
        return r.copy() if out is None else _copy_out(r, out)
    if lo is not None:
        r = maximum(r, lo, casting=casting, **kwargs)
    if hi is not None:
        r = minimum(r, hi, casting=casting, **kwargs)
    if out is not None:
        return _copy_out(r, out)
    return r


def _copy_out(r, out):
    out[...] = r
    return out


def round(a, decimals=0, out=None):
    arr = asarray(a)
    d = arr._dtype
    t = arr._t
    if d.kind in "biu":
        if decimals >= 0:
            r = t.clone()
        else:
            f = 10 ** (-decimals)
            r = (torch.round(t.to(torch.float64) / f) * f).to(t.dtype)
    elif d.kind == "c":
        r = torch.complex(_round_float(t.real, decimals), _round_float(t.imag, decimals))
    elif d._pooled or d.kind == "m":
        # NumPy: rint (times/over 10**decimals): objects need a rint method
        from ._ufuncs import rint
        r = asarray(rint(arr if not decimals else arr * 10.0 ** decimals))
        if decimals:
            r = r / 10.0 ** decimals
        return _copy_out(r, out) if out is not None else r
    else:
        r = _round_float(t, decimals)
    res = box(r, d) if not isinstance(a, ndarray) or arr.ndim == 0 else _wrap(r, d)
    if out is not None:
        return _copy_out(_wrap(r, d), out)
    return res


def _round_float(t, decimals):
    # NumPy scales by 10**decimals, rounds half to even, and scales back
    if decimals == 0:
        return torch.round(t)
    if decimals > 0:
        f = 10.0 ** decimals
        return torch.round(t * f) / f
    f = 10.0 ** (-decimals)
    return torch.round(t / f) * f


around = round


def dot(a, b, out=None):
    if (out is None and type(a) is ndarray and type(b) is ndarray and a._dtype is b._dtype
            and a._dtype.kind in "fc" and 1 <= a._t.ndim <= 2 and 1 <= b._t.ndim <= 2
            and a._t.shape[-1] == b._t.shape[0]):
        return box(torch.matmul(a._t, b._t), a._dtype)
    x = asarray(a)
    y = asarray(b)
    from ._ufuncs import multiply, matmul
    if x.ndim == 0 or y.ndim == 0:
        r = multiply(x, y)
    elif x.ndim <= 2 and y.ndim <= 2:
        if x.shape[-1] != y.shape[0 if y.ndim == 1 else -2]:
            raise ValueError(f"shapes {x.shape} and {y.shape} not aligned: {x.shape[-1]} (dim {x.ndim - 1}) "
                             f"!= {y.shape[0 if y.ndim == 1 else -2]} (dim {0 if y.ndim == 1 else y.ndim - 2})")
        r = matmul(x, y)
    else:
        d = _promote(x, y)
        if d.kind == "O":
            from ._object import tensordot as object_tensordot
            r = box(*_parts(object_tensordot(x, y, [x.ndim - 1], [max(y.ndim - 2, 0)])))
            return _copy_out(asarray(r), out) if out is not None else r
        xt = cast(x._t, x._dtype, d)
        yt = cast(y._t, y._dtype, d)
        if y.ndim == 1:
            r = box(torch.tensordot(xt, yt, dims=([x.ndim - 1], [0])), d)
        else:
            r = box(torch.tensordot(xt, yt, dims=([x.ndim - 1], [y.ndim - 2])), d)
    if out is not None:
        return _copy_out(asarray(r), out)
    return r


def vdot(a, b):
    x = asarray(a).ravel()
    y = asarray(b).ravel()
    if x.size != y.size:
        raise ValueError("cannot reshape array of size %d into shape (%d,)" % (y.size, x.size))
    from ._ufuncs import conjugate
    return dot(conjugate(x) if x._dtype.kind == "c" else x, y)


def inner(a, b):
    x = asarray(a)
    y = asarray(b)
    if x.ndim == 0 or y.ndim == 0:
        from ._ufuncs import multiply
        return multiply(x, y)
    if x.shape[-1] != y.shape[-1]:
        raise ValueError("shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)" % (
            x.shape, y.shape, x.shape[-1], x.ndim - 1, y.shape[-1], y.ndim - 1))
    d = _promote(x, y)
    if d.kind == "O":
        from ._object import tensordot as object_tensordot
        return box(*_parts(object_tensordot(x, y, [x.ndim - 1], [y.ndim - 1])))
    xt = cast(x._t, x._dtype, d)
    yt = cast(y._t, y._dtype, d)
    if xt.dtype is torch.bool:
        return box(torch.tensordot(xt.to(torch.int64), yt.to(torch.int64), dims=([-1], [-1])) != 0, d)
    return box(torch.tensordot(xt, yt, dims=([x.ndim - 1], [y.ndim - 1])), d)


def outer(a, b, out=None):
    from ._ufuncs import multiply
    r = multiply(asarray(a).ravel()[:, None], asarray(b).ravel()[None, :])
    if out is not None:
        return _copy_out(r, out)
    return r


def tensordot(a, b, axes=2):
    x = asarray(a)
    y = asarray(b)
    d = _promote(x, y)
    if d.kind == "m":
        refuse_kinds("np.tensordot", x, y)
    if isinstance(axes, int):
        dims = axes
    else:
        ax_a, ax_b = axes
        ax_a = [ax_a] if isinstance(ax_a, int) else list(ax_a)
        ax_b = [ax_b] if isinstance(ax_b, int) else list(ax_b)
        if len(ax_a) != len(ax_b):
            raise ValueError("shape-mismatch for sum")
        for i, j in zip(ax_a, ax_b):
            if x.shape[i] != y.shape[j]:
                raise ValueError("shape-mismatch for sum")
        dims = (ax_a, ax_b)
    if d.kind == "O":
        from ._object import tensordot as object_tensordot
        if isinstance(dims, int):
            dims = (list(range(x.ndim - dims, x.ndim)), list(range(dims)))
        xa = [_normalize_axis(i, x.ndim) for i in dims[0]]
        ya = [_normalize_axis(i, y.ndim) for i in dims[1]]
        if any(x.shape[i] != y.shape[j] for i, j in zip(xa, ya)):
            raise ValueError("shape-mismatch for sum")
        return box(*_parts(object_tensordot(x, y, xa, ya)))
    xt = cast(x._t, x._dtype, d)
    yt = cast(y._t, y._dtype, d)
    try:
        return box(torch.tensordot(xt, yt, dims=dims), d)
    except RuntimeError:
        raise ValueError("shape-mismatch for sum") from None


def kron(a, b):
    x = asarray(a)
    y = asarray(b)
    refuse_kinds("np.kron", x, y)
    d = _promote(x, y)
    return _wrap(torch.kron(cast(x._t, x._dtype, d), cast(y._t, y._dtype, d)), d)


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """``np.isclose``: ``|a - b| <= atol + rtol * |b|`` by NumPy's ufuncs (so NEP 50
    treats Python-number tolerances weakly), equal infinities close, NaN only
    with ``equal_nan``."""
    from . import _errstate
    from ._reductions import all as np_all
    from ._ufuncs import isfinite, isnan, less_equal
    x, y, atol, rtol = (v if isinstance(v, (int, float, complex)) else asarray(v)
                        for v in (a, b, atol, rtol))
    if isinstance(y, ndarray) and y._dtype.kind != "m":
        y = asarray(y, dtype=D.result_type(y, 1.0))
    elif type(y) is int:
        y = float(y)
    if not (bool(np_all(isfinite(atol))) and bool(np_all(isfinite(rtol)))):
        _errstate.report("invalid", f"One of rtol or atol is not valid, atol: {atol}, rtol: {rtol}",
                         stacklevel=3)
    with _errstate.errstate(invalid="ignore"):
        # builtins.abs, as NumPy: a Python-number tolerance term stays weak
        result = less_equal(builtins.abs(x - y), atol + rtol * builtins.abs(y)) & isfinite(y) | (x == y)
        if equal_nan:
            result = result | (isnan(x) & isnan(y))
    return asarray(result)[()]


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    r = isclose(a, b, rtol, atol, equal_nan)
    return bool(asarray(r)._t.all())


def array_equal(a1, a2, equal_nan=False):
    try:
        x = asarray(a1)
        y = asarray(a2)
    except Exception:
        return False
    if x.shape != y.shape:
        return False
    d = _promote(x, y)
    if d._pooled:
        return _object_all_equal(x, y)
    xt = cast(x._t, x._dtype, d)
    yt = cast(y._t, y._dtype, d)
    eq = xt == yt
    if equal_nan and (xt.is_floating_point() or xt.is_complex()):
        eq = eq | (torch.isnan(xt) & torch.isnan(yt))
    elif d.kind == "m":
        # NaT equals nothing, unless equal_nan pairs NaTs as it pairs NaNs
        nx, ny = xt == D.NAT, yt == D.NAT
        eq = (eq & ~nx) | (nx & ny) if equal_nan else eq & ~nx
    return bool(eq.all())


def array_equiv(a1, a2):
    try:
        x = asarray(a1)
        y = asarray(a2)
        torch.broadcast_shapes(x._t.shape, y._t.shape)
    except Exception:
        return False
    d = _promote(x, y)
    if d._pooled:
        return _object_all_equal(x, y)
    return bool((cast(x._t, x._dtype, d) == cast(y._t, y._dtype, d)).all())


def _object_all_equal(x, y):
    """NumPy's ``(a1 == a2).all()`` for object operands: Python ``==`` per element."""
    from ._ufuncs import equal
    return bool(asarray(equal(x, y)).all())


def diff(a, n=1, axis=-1, prepend=None, append=None):
    arr = asarray(a)
    if n == 0:
        return arr
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    if arr.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    ax = _normalize_axis(axis, arr.ndim)
    from ._manipulation import concatenate, broadcast_to
    parts = []
    if prepend is not None:
        p = asarray(prepend)
        if p.ndim == 0:
            shape = list(arr.shape)
            shape[ax] = 1
            p = broadcast_to(p, shape)
        parts.append(p)
    parts.append(arr)
    if append is not None:
        p = asarray(append)
        if p.ndim == 0:
            shape = list(arr.shape)
            shape[ax] = 1
            p = broadcast_to(p, shape)
        parts.append(p)
    if len(parts) > 1:
        arr = concatenate(parts, ax)
    t = arr._t
    d = arr._dtype._nbo  # a computed result: native byte order
    if d._pooled or d.kind == "m":
        # NumPy's a[1:] - a[:-1] by the subtract ufunc (objects: their own -; NaT)
        from ._ufuncs import subtract
        for _ in range(n):
            m = builtins_max(arr.shape[ax] - 1, 0)
            arr = asarray(subtract(_wrap(arr._t.narrow(ax, 1, m), arr._dtype),
                                   _wrap(arr._t.narrow(ax, 0, m), arr._dtype)))
        return arr
    for _ in range(n):
        hi = t.narrow(ax, 1, builtins_max(t.shape[ax] - 1, 0))
        lo = t.narrow(ax, 0, builtins_max(t.shape[ax] - 1, 0))
        t = (hi != lo) if d.kind == "b" else hi - lo
        if not d._native and d is not D.uint64:
            from ._casting import wrap_unsigned
            t = wrap_unsigned(t, d)
    return _wrap(t, d)


def ediff1d(ary, to_end=None, to_begin=None):
    arr = asarray(ary).ravel()
    r = diff(arr) if arr.size else arr
    from ._manipulation import concatenate
    parts = []
    if to_begin is not None:
        parts.append(asarray(to_begin, dtype=arr.dtype).ravel())
    parts.append(r)
    if to_end is not None:
        parts.append(asarray(to_end, dtype=arr.dtype).ravel())
    return concatenate(parts) if len(parts) > 1 else r


def diagonal(a, offset=0, axis1=0, axis2=1):
    arr = asarray(a)
    if arr.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    a1 = _normalize_axis(axis1, arr.ndim)
    a2 = _normalize_axis(axis2, arr.ndim)
    if a1 == a2:
        raise ValueError("axis1 and axis2 cannot be the same")
    return _wrap(torch.diagonal(arr._t, offset, a1, a2), arr._dtype)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    from ._reductions import sum as np_sum
    return np_sum(diagonal(a, offset, axis1, axis2), axis=-1, dtype=dtype, out=out)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    arr = asarray(x)
    d = arr._dtype
    if d.kind not in "fc":
        return arr.copy() if copy else arr
    if d.kind == "c":
        r = torch.complex(torch.nan_to_num(arr._t.real, nan, posinf, neginf), torch.nan_to_num(arr._t.imag, nan, posinf, neginf))
    else:
        r = torch.nan_to_num(arr._t, nan, posinf, neginf)
    if not copy:
        if READONLY:
            check_writeable(arr)
        arr._t.copy_(r)
        return arr
    return box(r, d) if not isinstance(x, ndarray) else _wrap(r, d)


def real(val):
    arr = asarray(val)
    r = arr.real
    return r if isinstance(val, ndarray) or arr.ndim else r[()]


def imag(val):
    arr = asarray(val)
    r = arr.imag
    return r if isinstance(val, ndarray) or arr.ndim else r[()]


def conj(x):
    from ._ufuncs import conjugate
    return conjugate(x)


def angle(z, deg=False):
    arr = asarray(z)
    d = arr._dtype._nbo
    t = arr._t if d.kind == "c" else cast(arr._t, d, D.float64 if d.kind in "biu" else d)
    r = torch.angle(t)
    if deg:
        r = torch.rad2deg(r)
    rd = D.float64 if d.kind in "biu" or d is D.complex128 else (D.float32 if d is D.complex64 else d)
    return box(r.to(rd._torch), rd)


def iscomplex(x):
    arr = asarray(x)
    if arr._dtype.kind != "c":
        return box(torch.zeros(arr._t.shape, dtype=torch.bool), D.bool_)
    return box(arr._t.imag != 0, D.bool_)


def isreal(x):
    arr = asarray(x)
    if arr._dtype.kind != "c":
        return box(torch.ones(arr._t.shape, dtype=torch.bool), D.bool_)
    return box(arr._t.imag == 0, D.bool_)


def iscomplexobj(x):
    d = getattr(x, "dtype", None)
    if d is None:
        d = asarray(x).dtype
    return D.dtype(d).kind == "c"


def isrealobj(x):
    return not iscomplexobj(x)


def isneginf(x, out=None):
    arr = asarray(x)
    if arr._dtype.kind == "c":
        raise TypeError("This operation is not supported for complex values because it would be ambiguous.")
    r = box(torch.isneginf(arr._t) if arr._dtype.kind == "f" else torch.zeros(arr._t.shape, dtype=torch.bool), D.bool_)
    return _copy_out(asarray(r), out) if out is not None else r


def isposinf(x, out=None):
    arr = asarray(x)
    if arr._dtype.kind == "c":
        raise TypeError("This operation is not supported for complex values because it would be ambiguous.")
    r = box(torch.isposinf(arr._t) if arr._dtype.kind == "f" else torch.zeros(arr._t.shape, dtype=torch.bool), D.bool_)
    return _copy_out(asarray(r), out) if out is not None else r


def fix(x, out=None):
    from ._ufuncs import trunc
    return trunc(x, out=out) if out is not None else trunc(x)


def real_if_close(a, tol=100):
    arr = asarray(a)
    if arr._dtype.kind != "c":
        return arr
    eps = torch.finfo(arr._t.real.dtype).eps
    if tol > 1:
        tol = tol * eps
    if bool((torch.abs(arr._t.imag) < tol).all()):
        return arr.real
    return arr


_CONV_MODES = ("valid", "same", "full")


def _mode_name(mode):
    """NumPy's convolve/correlate mode: one of the three names or 0, 1, 2."""
    if isinstance(mode, str):
        if mode not in _CONV_MODES:
            raise ValueError("Use one of 'valid', 'same', or 'full' for convolve/correlate mode")
        return mode
    if type(mode) is int or (hasattr(mode, "__index__") and not isinstance(mode, (bool, float))):
        i = operator.index(mode)
        if i not in (0, 1, 2):
            raise ValueError("integer convolve/correlate mode must be 0, 1, or 2")
        return _CONV_MODES[i]
    raise TypeError("convolve/correlate mode not understood")


def _conv_mode(x, y, mode, flip):
    mode = _mode_name(mode)
    if x._dtype.kind == "m" or y._dtype.kind == "m":
        refuse_kinds("np.convolve" if flip else "np.correlate", x, y)
    d = _promote(x, y)
    if d.kind == "b":
        d = D.bool_
    if x.size == 0 or y.size == 0:
        raise ValueError("v cannot be empty" if y.size == 0 else "a cannot be empty")
    n, m = x.size, y.size
    if d.kind == "O":
        full = _object_correlation(x, y, flip)
        return _wrap(_conv_slice(full._t, mode, n, m), full._dtype)
    xt = cast(x._t, x._dtype, d)
    yt = cast(y._t, y._dtype, d)
    if flip:
        yt = torch.flip(yt, (0,))
    elif d.kind == "c":
        yt = torch.conj(yt)
    compute = xt.dtype
    if compute in (torch.bool,) or not (xt.is_floating_point() or xt.is_complex()):
        xt_c, yt_c = xt.to(torch.float64), yt.to(torch.float64)
    else:
        xt_c, yt_c = xt, yt
    full = torch.nn.functional.conv1d(
        torch.nn.functional.pad(xt_c.reshape(1, 1, -1), (m - 1, m - 1)),
        yt_c.reshape(1, 1, -1)).reshape(-1) if not xt_c.is_complex() else _complex_corr(xt_c, yt_c)
    if not (xt.is_floating_point() or xt.is_complex()):
        full = torch.round(full).to(xt.dtype) if compute is not torch.bool else full != 0
    return _wrap(_conv_slice(full, mode, n, m), d)


def _conv_slice(full, mode, n, m):
    """The part of the full correlation ``mode`` keeps."""
    if mode == "full":
        return full
    if mode == "same":
        length = builtins_max(n, m)
        start = (n + m - 1 - length) // 2
    else:
        length = builtins_max(n, m) - builtins_min(n, m) + 1
        start = builtins_min(n, m) - 1
    return full[start:start + length]


def _object_correlation(x, y, flip):
    """The full correlation of object vectors (``flip``: convolution), each
    output NumPy's object dot of the overlapping elements (no conjugation)."""
    from ._object import values, dot_values, from_values
    xs, ys = values(x), values(y)
    if flip:
        ys = ys[::-1]
    n, m = len(xs), len(ys)
    full = []
    for k in range(n + m - 1):
        off = k - (m - 1)
        js = range(builtins_max(0, -off), builtins_min(m, n - off))
        full.append(dot_values([xs[j + off] for j in js], [ys[j] for j in js]))
    return from_values(full, (n + m - 1,), x._t.device)


def _complex_corr(x, y):
    m = y.shape[0]
    xp = torch.nn.functional.pad(x, (m - 1, m - 1))
    windows = xp.unfold(0, m, 1)
    return (windows * y).sum(-1)


import builtins as _b
builtins_max = _b.max
builtins_min = _b.min


def convolve(a, v, mode="full"):
    x = asarray(a).ravel()
    y = asarray(v).ravel()
    if x.size == 0 or y.size == 0:
        raise ValueError("a cannot be empty" if x.size == 0 else "v cannot be empty")
    if x.size < y.size:
        x, y = y, x
    return _conv_mode(x, y, mode, True)


def correlate(a, v, mode="valid"):
    x = asarray(a).ravel()
    y = asarray(v).ravel()
    if x.size < y.size:
        r = _conv_mode(y, x, mode, False)
        t = torch.flip(r._t, (0,))
        if r._dtype.kind == "c":
            t = torch.conj(t)
        return _wrap(t, r._dtype)
    return _conv_mode(x, y, mode, False)


def interp(x, xp, fp, left=None, right=None, period=None):
    xa = asarray(x)
    xpa = asarray(xp)
    fpa = asarray(fp)
    if xa._dtype.kind == "m" or xpa._dtype.kind == "m" or fpa._dtype.kind == "m":
        refuse_kinds("np.interp", xa, xpa, fpa)
    if xpa.ndim != 1 or fpa.ndim != 1:
        raise ValueError("Data points must be 1-D sequences")
    if xpa.shape[0] != fpa.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xpa.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    out_d = D.complex128 if fpa._dtype.kind == "c" else D.float64
    xt = cast(xa._t, xa._dtype, D.float64)
    xpt = cast(xpa._t, xpa._dtype, D.float64)
    fpt = cast(fpa._t, fpa._dtype, out_d)
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(period)
        xt = torch.remainder(xt, period)
        xpt = torch.remainder(xpt, period)
        order = torch.argsort(xpt)
        xpt = xpt[order]
        fpt = fpt[order]
        xpt = torch.cat([xpt[-1:] - period, xpt, xpt[:1] + period])
        fpt = torch.cat([fpt[-1:], fpt, fpt[:1]])
    n = xpt.shape[0]
    idx = torch.searchsorted(xpt.contiguous(), xt.reshape(-1).contiguous(), right=True).reshape(xt.shape)
    lo = (idx - 1).clamp(0, n - 1)
    hi = idx.clamp(0, n - 1)
    x0, x1 = xpt[lo], xpt[hi]
    f0, f1 = fpt[lo], fpt[hi]
    span = x1 - x0
    slope = torch.where(span != 0, (f1 - f0) / torch.where(span != 0, span, torch.ones_like(span)), torch.zeros_like(f1 - f0))
    r = slope * (xt - x0) + f0
    r = torch.where(xt == x1, f1, r)
    lval = fpt[0] if left is None else torch.tensor(left, dtype=fpt.dtype)
    rval = fpt[-1] if right is None else torch.tensor(right, dtype=fpt.dtype)
    if period is None:
        r = torch.where(xt < xpt[0], lval, r)
        r = torch.where(xt > xpt[-1], rval, r)
    return box(r, out_d)


def sinc(x):
    arr = asarray(x)
    d = D.float64 if arr._dtype.kind in "biu" else arr._dtype
    t = cast(arr._t, arr._dtype, d)
    return box(torch.sinc(t), d)


def i0(x):
    arr = asarray(x)
    d = D.float64 if arr._dtype.kind in "biu" else arr._dtype
    if d.kind == "c":
        raise TypeError("i0 not supported for complex values")
    t = cast(arr._t, arr._dtype, d)
    return box(torch.special.i0(t), d)


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    x = asarray(a)
    y = asarray(b)
    refuse_kinds("np.cross", x, y)
    if axis is not None:
        axisa = axisb = axisc = axis
    xt = torch.movedim(x._t, axisa, -1)
    yt = torch.movedim(y._t, axisb, -1)
    if xt.shape[-1] not in (2, 3) or yt.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    d = _promote(x, y)
    xt = cast(xt, x._dtype, d)
    yt = cast(yt, y._dtype, d)
    if xt.shape[-1] == 2 and yt.shape[-1] == 2:
        return box(xt[..., 0] * yt[..., 1] - xt[..., 1] * yt[..., 0], d)
    if xt.shape[-1] == 2:
        xt = torch.nn.functional.pad(xt, (0, 1))
    if yt.shape[-1] == 2:
        yt = torch.nn.functional.pad(yt, (0, 1))
    xt, yt = torch.broadcast_tensors(xt, yt)
    r = torch.linalg.cross(xt, yt, dim=-1) if d.kind in "fc" else torch.stack([
        xt[..., 1] * yt[..., 2] - xt[..., 2] * yt[..., 1],
        xt[..., 2] * yt[..., 0] - xt[..., 0] * yt[..., 2],
        xt[..., 0] * yt[..., 1] - xt[..., 1] * yt[..., 0]], -1)
    return _wrap(torch.movedim(r, -1, axisc if r.ndim > 1 else -1), d)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    ya = asarray(y)
    refuse_kinds("np.trapezoid", ya)
    d = D.float64 if ya._dtype.kind in "biu" else ya._dtype
    yt = cast(ya._t, ya._dtype, d)
    ax = _normalize_axis(axis, ya.ndim)
    n = yt.shape[ax]
    avg = (yt.narrow(ax, 1, n - 1) + yt.narrow(ax, 0, n - 1)) / 2.0 if n > 1 else yt.narrow(ax, 0, 0)
    if x is None:
        r = torch.sum(avg * dx, dim=ax)
    else:
        xa = asarray(x)
        xt = cast(xa._t, xa._dtype, D.float64 if xa._dtype.kind in "biu" else xa._dtype)
        if xt.ndim == 1:
            dxt = xt[1:] - xt[:-1]
            shape = [1] * yt.ndim
            shape[ax] = dxt.shape[0]
            dxt = dxt.reshape(shape)
        else:
            dxt = xt.narrow(ax, 1, n - 1) - xt.narrow(ax, 0, n - 1)
        r = torch.sum(avg * dxt, dim=ax)
    return box(r, D.dtype(r.dtype) if r.dtype in D.FROM_TORCH else d)


def gradient(f, *varargs, axis=None, edge_order=1):
    arr = asarray(f)
    refuse_kinds("np.gradient", arr)
    d = D.float64 if arr._dtype.kind in "biu" else arr._dtype
    t = cast(arr._t, arr._dtype, d)
    axes = list(range(arr.ndim)) if axis is None else ([axis] if isinstance(axis, int) else list(axis))
    axes = [_normalize_axis(a, arr.ndim) for a in axes]
    if len(varargs) == 0:
        spacing = [1.0] * len(axes)
    elif len(varargs) == 1 and asarray(varargs[0]).ndim == 0:
        spacing = [float(asarray(varargs[0]).item())] * len(axes)
    else:
        spacing = list(varargs)
    outs = []
    for ax, h in zip(axes, spacing):
        n = t.shape[ax]
        if n < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, "
                             "at least (edge_order + 1) elements are required.")
        if isinstance(h, (int, float)):
            g = torch.empty_like(t)
            sl = lambda s: t.narrow(ax, s.start, s.stop - s.start)
            g.narrow(ax, 1, n - 2).copy_((t.narrow(ax, 2, n - 2) - t.narrow(ax, 0, n - 2)) / (2.0 * h))
            if edge_order == 1:
                g.narrow(ax, 0, 1).copy_((t.narrow(ax, 1, 1) - t.narrow(ax, 0, 1)) / h)
                g.narrow(ax, n - 1, 1).copy_((t.narrow(ax, n - 1, 1) - t.narrow(ax, n - 2, 1)) / h)
            else:
                g.narrow(ax, 0, 1).copy_((-1.5 * t.narrow(ax, 0, 1) + 2 * t.narrow(ax, 1, 1) - 0.5 * t.narrow(ax, 2, 1)) / h)
                g.narrow(ax, n - 1, 1).copy_((0.5 * t.narrow(ax, n - 3, 1) - 2 * t.narrow(ax, n - 2, 1) + 1.5 * t.narrow(ax, n - 1, 1)) / h)
        else:
            x = cast(asarray(h)._t, asarray(h)._dtype, D.float64)
            dx = x[1:] - x[:-1]
            shape = [1] * t.ndim
            shape[ax] = n - 2
            dx1 = dx[:-1].reshape(shape)
            dx2 = dx[1:].reshape(shape)
            a = -(dx2) / (dx1 * (dx1 + dx2))
            b = (dx2 - dx1) / (dx1 * dx2)
            c = dx1 / (dx2 * (dx1 + dx2))
            g = torch.empty_like(t)
            g.narrow(ax, 1, n - 2).copy_(a * t.narrow(ax, 0, n - 2) + b * t.narrow(ax, 1, n - 2) + c * t.narrow(ax, 2, n - 2))
            g.narrow(ax, 0, 1).copy_((t.narrow(ax, 1, 1) - t.narrow(ax, 0, 1)) / dx[0])
            g.narrow(ax, n - 1, 1).copy_((t.narrow(ax, n - 1, 1) - t.narrow(ax, n - 2, 1)) / dx[-1])
        outs.append(_wrap(g, d))
    return outs[0] if len(outs) == 1 else tuple(outs)


def unwrap(p, discont=None, axis=-1, *, period=2 * math.pi):
    arr = asarray(p)
    d = D.float64 if arr._dtype.kind in "biu" else arr._dtype
    t = cast(arr._t, arr._dtype, d)
    ax = _normalize_axis(axis, arr.ndim)
    n = t.shape[ax]
    if discont is None:
        discont = period / 2
    dd = t.narrow(ax, 1, n - 1) - t.narrow(ax, 0, n - 1)
    high = period / 2
    ddmod = torch.remainder(dd + high, period) - high
    ddmod = torch.where((ddmod == -high) & (dd > 0), torch.full_like(ddmod, high), ddmod)
    correct = ddmod - dd
    correct = torch.where(torch.abs(dd) < discont, torch.zeros_like(correct), correct)
    out = t.clone()
    out.narrow(ax, 1, n - 1).add_(torch.cumsum(correct, ax))
    return _wrap(out, d)


def bincount(x, weights=None, minlength=0):
    arr = asarray(x)
    if arr.ndim != 1:
        raise ValueError("object too deep for desired array" if arr.ndim > 1 else "object of too small depth for desired array")
    if arr._dtype.kind not in "biu":
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
    t = arr._t.to(torch.int64)
    if t.numel() and bool((t < 0).any()):
        raise ValueError("'list' argument must have no negative elements")
    if weights is not None:
        w = asarray(weights)
        wt = cast(w._t, w._dtype, D.float64 if w._dtype.kind != "c" else D.complex128)
        if wt.is_complex():
            raise NotImplementedError("np.bincount: complex weights are not supported by np2torch")
        return _wrap(torch.bincount(t, wt, minlength=minlength), D.float64)
    return _wrap(torch.bincount(t, minlength=minlength), D.int64)


def digitize(x, bins, right=False):
    xa = asarray(x)
    ba = asarray(bins)
    refuse_kinds("np.digitize", xa, ba)
    if ba.ndim != 1:
        raise ValueError("object too deep for desired array")
    bt = cast(ba._t, ba._dtype, D.float64)
    xt = cast(xa._t, xa._dtype, D.float64)
    increasing = bt.numel() < 2 or bool((bt[1:] >= bt[:-1]).all())
    decreasing = bt.numel() < 2 or bool((bt[1:] <= bt[:-1]).all())
    if not (increasing or decreasing):
        raise ValueError("bins must be monotonically increasing or decreasing")
    if increasing:
        r = torch.searchsorted(bt, xt.reshape(-1), right=not right).reshape(xt.shape)
    else:
        rev = torch.flip(bt, (0,))
        r = bt.numel() - torch.searchsorted(rev, xt.reshape(-1), right=right).reshape(xt.shape)
    return box(r, D.int64)


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    arr = asarray(a)
    refuse_kinds("np.histogram", arr)
    t = cast(arr._t, arr._dtype, D.float64).reshape(-1)
    if isinstance(bins, str):
        raise NotImplementedError(f"np.histogram_bin_edges: bins={bins!r} is not supported by np2torch")
    if isinstance(bins, int) or (hasattr(bins, "__index__") and not isinstance(bins, ndarray)):
        n = operator.index(bins)
        if n < 1:
            raise ValueError("`bins` must be positive, when an integer")
        if range is not None:
            lo, hi = float(range[0]), float(range[1])
            if lo > hi:
                raise ValueError("max must be larger than min in range parameter.")
        elif t.numel():
            lo, hi = float(t.min()), float(t.max())
        else:
            lo, hi = 0.0, 1.0
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"autodetected range of [{lo}, {hi}] is not finite")
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        from ._creation import linspace
        d = arr._dtype if arr._dtype.kind == "f" else D.float64
        return linspace(lo, hi, n + 1, dtype=d)
    edges = asarray(bins)
    if edges.ndim != 1:
        raise ValueError("`bins` must be 1d, when an array")
    if bool((edges._t[1:] < edges._t[:-1]).any()):
        raise ValueError("`bins` must increase monotonically, when an array")
    return edges


def histogram(a, bins=10, range=None, density=None, weights=None):
    arr = asarray(a)
    edges = histogram_bin_edges(arr, bins, range)
    et = cast(edges._t, edges._dtype, D.float64)
    t = cast(arr._t, arr._dtype, D.float64).reshape(-1)
    keep = (t >= et[0]) & (t <= et[-1])
    n = et.numel() - 1
    idx = torch.searchsorted(et, t, right=True) - 1
    idx = torch.where(t == et[-1], torch.full_like(idx, n - 1), idx)
    idx = idx[keep]
    if weights is not None:
        w = asarray(weights)
        wd = w._dtype
        wt = cast(w._t, wd, D.float64).reshape(-1)[keep]
        counts = torch.zeros(n, dtype=torch.float64).index_add_(0, idx, wt)
        cd = wd if wd.kind == "f" else D.float64
        if wd.kind in "iu":
            cd = D.int64
            counts = counts.round().to(torch.int64)
    else:
        counts = torch.bincount(idx, minlength=n)
        cd = D.int64
    if density:
        widths = et[1:] - et[:-1]
        dens = counts.to(torch.float64) / widths / counts.sum()
        return _wrap(dens, D.float64), edges
    return _wrap(counts.to(cd._torch), cd), edges


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    x = asarray(m)
    if x.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    d = D.float64 if x._dtype.kind in "biu" else x._dtype
    if dtype is not None:
        d = D.dtype(dtype)
    xt = cast(x._t, x._dtype, d)
    if xt.ndim == 1:
        xt = xt.reshape(1, -1)
    elif not rowvar:
        xt = xt.T
    if y is not None:
        ya = asarray(y)
        yt = cast(ya._t, ya._dtype, d)
        if yt.ndim == 1:
            yt = yt.reshape(1, -1)
        elif not rowvar:
            yt = yt.T
        xt = torch.cat([xt, yt], 0)
    if fweights is not None or aweights is not None:
        raise NotImplementedError("np.cov: fweights/aweights are not supported by np2torch")
    if ddof is None:
        ddof = 0 if bias else 1
    n = xt.shape[1]
    xc = xt - xt.mean(1, keepdim=True)
    c = (xc @ xc.conj().T) / (n - ddof)
    return box(c.squeeze() if c.numel() == 1 else c, d)


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    c = asarray(cov(x, y, rowvar, dtype=dtype))
    if c.ndim == 0:
        return c / c
    t = c._t
    dg = torch.sqrt(torch.diagonal(t).real if t.is_complex() else torch.diagonal(t))
    r = t / dg[:, None] / dg[None, :]
    if not r.is_complex():
        r = r.clamp(-1, 1)
    return _wrap(r, c._dtype)
