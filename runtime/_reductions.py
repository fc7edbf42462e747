"""Reductions and statistics (NumPy docs: "Mathematical functions: sums,
products" and "Statistics": order statistics, averages and variances).

NumPy's result dtypes: ``sum``/``prod``/``cumsum`` of bool and small signed
integers give int64, of small unsigned integers uint64; ``mean``/``std``/
``var`` of integers give float64.  Reductions to a 0-d result return NumPy
scalars.
"""

import math
import operator

import torch

from . import _dtypes as D
from ._casting import cast, uint64_as_float, truth, refuse_object, refuse_kinds
from ._ndarray import ndarray, _wrap, box, asarray, _tensor_and_dtype, _normalize_axis

__all__ = ["sum", "prod", "mean", "std", "var", "min", "max", "amin", "amax", "argmin",
           "argmax", "all", "any", "cumsum", "cumprod", "cumulative_sum", "cumulative_prod",
           "ptp", "average", "median", "percentile", "quantile", "count_nonzero",
           "nansum", "nanprod", "nanmean", "nanstd", "nanvar", "nanmin", "nanmax",
           "nanargmin", "nanargmax", "nancumsum", "nancumprod", "nanmedian",
           "nanpercentile", "nanquantile"]

import builtins as _py


def _axes(axis, ndim):
    """Normalised tuple of axes (all axes for None)."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (tuple, list)):
        axes = tuple(_normalize_axis(operator.index(a), ndim) for a in axis)
        if len(set(axes)) != len(axes):
            raise ValueError("duplicate value in 'axis'")
        return axes
    return (_normalize_axis(operator.index(axis), ndim),)


def _sum_dtype(d):
    if d.kind == "b" or (d.kind == "i" and d.itemsize < 8):
        return D.int64
    if d.kind == "u" and d.itemsize < 8:
        return D.uint64
    return d


def _mean_dtype(d):
    return D.POLICY["float"] if d.kind in "biu" else d


def _finish(r, d, axes, ndim, keepdims, out, shape):
    """Apply keepdims, write ``out`` or box the result."""
    if keepdims:
        r = r.reshape(tuple(1 if i in axes else s for i, s in enumerate(shape)))
    if out is not None:
        from ._ufuncs import _write_out
        return _write_out("reduce", out, r, d, None, "unsafe")
    return box(r, d)


def _prepare(a):
    arr = a if type(a) is ndarray else asarray(a)
    return arr, arr._t, arr._dtype._nbo  # reductions compute: native byte order


def _where_fill(t, where, fill):
    if where is True:
        return t
    mask, _ = _tensor_and_dtype(where, D.bool_)
    return torch.where(mask, t, torch.as_tensor(fill, dtype=t.dtype, device=t.device))


def _plain_full(a, axis, dtype, out, keepdims, initial, where):
    """The common call: a whole-array reduction of an ndarray, no options."""
    return (type(a) is ndarray and axis is None and dtype is None and out is None
            and keepdims is False and initial is None and where is True)


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    if _plain_full(a, axis, dtype, out, keepdims, initial, where):
        d = a._dtype._nbo
        if d.kind in "fc" or d is D.int64:
            return box(torch.sum(a._t), d)
    elif (type(a) is ndarray and type(axis) is int and dtype is None and out is None and not keepdims
          and initial is None and where is True and -a._t.ndim <= axis < a._t.ndim):
        d = a._dtype._nbo
        if d.kind in "fc" or d is D.int64:
            return box(torch.sum(a._t, dim=axis), d)
    arr, t, d = _prepare(a)
    rd = _sum_dtype(d) if dtype is None else D.loop_dtype(dtype)
    axes = _axes(axis, t.ndim)
    if rd._pooled:
        if rd.kind != "O":
            _no_loop_for_strings("add.reduce", rd)
        return _object_reduce(operator.add, "add", arr, axes, keepdims, initial, where, 0, out)
    x = cast(t, d, rd)
    x = _where_fill(x, where, 0)
    if x.dtype is torch.bool:
        x = x.to(torch.int64)
    if rd.kind == "m":
        from ._datetime import sum_
        r = sum_(x, axes)
    else:
        r = torch.sum(x, dim=axes) if axes else x.clone()
    if initial is not None:
        r = r + initial
    if r.dtype is not rd._torch:
        r = r.to(rd._torch)
    return _finish(r, rd, axes, t.ndim, keepdims, out, t.shape)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    arr, t, d = _prepare(a)
    rd = _sum_dtype(d) if dtype is None else D.loop_dtype(dtype)
    axes = _axes(axis, t.ndim)
    if rd._pooled:
        if rd.kind != "O":
            _no_loop_for_strings("multiply", rd)
        return _object_reduce(operator.mul, "multiply", arr, axes, keepdims, initial, where, 1, out)
    if rd.kind == "m":
        from ._ufuncs import UFuncTypeError
        raise UFuncTypeError(f"ufunc 'multiply' cannot use operands with types {rd!r} and {rd!r}")
    x = cast(t, d, rd)
    x = _where_fill(x, where, 1)
    if x.dtype is torch.bool:
        x = x.to(torch.int64)
    r = x
    for ax in sorted(axes, reverse=True):
        r = torch.prod(r, dim=ax)
    if initial is not None:
        r = r * initial
    if r.dtype is not rd._torch:
        r = r.to(rd._torch)
    return _finish(r, rd, axes, t.ndim, keepdims, out, t.shape)


def _object_reduce(fn, name, arr, axes, keepdims, initial, where, identity, out):
    from . import _object as O
    return O.reduce(fn, name, arr, axes, keepdims, O._NO_INITIAL if initial is None else initial,
                    where, O._NO_INITIAL if identity is None else identity, out)


def _object_mean(arr, axes, keepdims, where, out):
    """NumPy's mean of an object array: the object sum divided by the count
    (an intp scalar for a full reduction, Python ints element-wise)."""
    from ._scalars import int64
    from ._ufuncs import true_divide
    total = _object_reduce(operator.add, "add", arr, axes, keepdims, None, where, 0, None)
    n = _count(arr._t, axes, where)
    if isinstance(n, int):
        n = int64(n)
    elif keepdims:
        n = _wrap(n, D.int64).reshape(total.shape)
    else:
        n = _wrap(n, D.int64)
    r = true_divide(total, n) if isinstance(total, ndarray) else total / n
    if out is not None:
        out[...] = r
        return out
    return r


def _no_loop_for_strings(name, d):
    """NumPy's error for arithmetic reductions of string (or record) arrays."""
    if "." in name:
        raise TypeError(f"the resolved dtypes are not compatible with {name}. Resolved ({d!r}, {d!r}, {d!r})")
    from ._ufuncs import UFuncTypeError
    raise UFuncTypeError(f"ufunc '{name}' did not contain a loop with signature matching types "
                         f"({d!r}, {d!r}) -> None")


def _object_moment(arr, axes, ddof, keepdims, where, root, out):
    """NumPy's var/std of an object array: object sums and differences,
    ``x * conjugate(x)`` per element, divided by an intp count."""
    from ._scalars import int64
    from ._ufuncs import conjugate, multiply, sqrt, subtract, true_divide
    n = _count(arr._t, axes, where)
    total = _object_reduce(operator.add, "add", arr, axes, True, None, where, 0, None)
    mean = true_divide(total, int64(n) if isinstance(n, int) else _wrap(n, D.int64).reshape(total.shape))
    x = subtract(arr, mean)
    x = multiply(x, conjugate(x))
    ret = _object_reduce(operator.add, "add", x, axes, keepdims, None, where, 0, None)
    if isinstance(n, int):
        count = int64(_py.max(n - ddof, 0))
    else:
        count = _wrap(torch.clamp(n - ddof, min=0), D.int64)
        if keepdims:
            count = count.reshape(ret.shape)
    ret = true_divide(ret, count) if isinstance(ret, ndarray) else ret / count
    if root:
        ret = sqrt(ret)
    if out is not None:
        out[...] = ret
        return out
    return ret


def _count(t, axes, where):
    if where is True:
        n = 1
        for ax in axes:
            n *= t.shape[ax]
        return n
    mask, _ = _tensor_and_dtype(where, D.bool_)
    mask = torch.broadcast_to(mask, t.shape)
    return torch.sum(mask, dim=axes) if axes else mask.to(torch.int64)


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    if _plain_full(a, axis, dtype, out, keepdims, None, where) and a._t.numel():
        d = a._dtype._nbo
        if d is D.float64 or d is D.float32 or d.kind == "c":
            return box(torch.mean(a._t), d)
        if d.kind in "iu" and d._native:
            f = D.POLICY["float"]
            return box(torch.mean(a._t, dtype=f._torch), f)
    arr, t, d = _prepare(a)
    rd = _mean_dtype(d) if dtype is None else D.loop_dtype(dtype)
    axes = _axes(axis, t.ndim)
    if rd._pooled:
        if rd.kind != "O":
            _no_loop_for_strings("add.reduce", rd)
        return _object_mean(arr, axes, keepdims, where, out)
    if rd.kind == "m":
        from ._datetime import sum_, NAT
        s = sum_(_where_fill(cast(t, d, rd), where, 0), axes)
        n = _count(t, axes, where)
        r = torch.where(s == NAT, s, torch.div(s, n, rounding_mode="trunc"))
        return _finish(r, rd, axes, t.ndim, keepdims, out, t.shape)
    compute = D.float32 if rd is D.float16 else rd
    x = cast(t, d, compute) if d is not D.uint64 else uint64_as_float(t).to(compute._torch)
    x = _where_fill(x, where, 0)
    n = _count(t, axes, where)
    if isinstance(n, int) and n == 0:
        from ._errstate import report
        import warnings
        warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=2)
    s = torch.sum(x, dim=axes) if axes else x
    r = (s / n).to(rd._torch)
    return _finish(r, rd, axes, t.ndim, keepdims, out, t.shape)


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    return _moment(a, axis, dtype, out, ddof, keepdims, where, correction, False)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    return _moment(a, axis, dtype, out, ddof, keepdims, where, correction, True)


def _moment(a, axis, dtype, out, ddof, keepdims, where, correction, root):
    if correction is not None:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        ddof = correction
    arr, t, d = _prepare(a)
    rd = _mean_dtype(d) if dtype is None else D.loop_dtype(dtype)
    axes = _axes(axis, t.ndim)
    if rd.kind == "O":
        return _object_moment(arr, axes, ddof, keepdims, where, root, out)
    if rd._pooled or rd.kind == "m":
        refuse_object(f"np.{'std' if root else 'var'}", rd)
    compute = D.float32 if rd is D.float16 else rd
    x = cast(t, d, compute) if d is not D.uint64 else uint64_as_float(t).to(compute._torch)
    n = _count(t, axes, where)
    xm = _where_fill(x, where, 0)
    s = torch.sum(xm, dim=axes, keepdim=True) if axes else xm
    nk = n if isinstance(n, int) else n.reshape(s.shape)
    m = s / nk
    dev = x - m
    sq = (dev * dev.conj()).real if dev.is_complex() else dev * dev
    sq = _where_fill(sq, where, 0)
    total = torch.sum(sq, dim=axes) if axes else sq
    denom = n - ddof
    if isinstance(denom, int) and denom <= 0:
        import warnings
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning, stacklevel=3)
        denom = _py.max(denom, 0)
    r = total / denom
    if root:
        r = torch.sqrt(r)
    real_d = rd if rd.kind != "c" else (D.float32 if rd is D.complex64 else D.float64)
    r = r.to(real_d._torch)
    return _finish(r, real_d, axes, t.ndim, keepdims, out, t.shape)


def _minmax(a, axis, out, keepdims, initial, where, is_max):
    if _plain_full(a, axis, None, out, keepdims, initial, where) and a._t.numel():
        d = a._dtype._nbo
        if d._native and d.kind in "iuf":
            return box(torch.amax(a._t) if is_max else torch.amin(a._t), d)
    arr, t, d = _prepare(a)
    axes = _axes(axis, t.ndim)
    name = "maximum" if is_max else "minimum"
    if d._pooled:
        if d.kind != "O":
            _no_loop_for_strings(name, d)
        if where is not True and initial is None:
            raise ValueError(f"reduction operation '{name}' does not have an identity, so to use "
                             "a where mask one has to specify 'initial'")
        from ._object import LOOPS
        return _object_reduce(LOOPS[name], name, arr, axes, keepdims, initial, where, None, out)
    if d.kind == "m" and initial is None and where is True:
        # NaT wins, as NaN does
        from ._datetime import NAT
        plain = _minmax(_wrap(t, D.int64), axis, None, keepdims, None, True, is_max)
        r = plain._t if isinstance(plain, ndarray) else torch.tensor(int(plain), device=t.device)
        nat = t == NAT
        nat = (torch.any(nat, dim=axes, keepdim=keepdims) if axes else nat) if t.ndim else nat
        r = torch.where(nat.reshape(r.shape), torch.full_like(r, NAT), r)
        if out is not None:
            from ._ufuncs import _write_out
            return _write_out(name, out, r, d, None, "unsafe")
        return box(r, d)
    x = t
    flip = d is D.uint64
    if flip:
        x = torch.bitwise_xor(x, -(1 << 63))
    if x.dtype is torch.bool:
        x = x.to(torch.uint8)
    if where is not True:
        if initial is None:
            raise ValueError(f"reduction operation '{name}' does not have an identity, so to use a where mask one has to specify 'initial'")
        fill = _extreme(x.dtype, not is_max)
        x = _where_fill(x, where, fill)
    size_zero = _py.any(t.shape[ax] == 0 for ax in axes) if axes else t.numel() == 0 and t.ndim > 0
    if size_zero and initial is None:
        raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
    if size_zero:
        shape = [s for i, s in enumerate(t.shape) if i not in axes]
        r = torch.full(shape, initial, dtype=x.dtype, device=x.device)
    elif axes:
        if x.is_complex():
            keep = [i for i in range(x.ndim) if i not in axes]
            y = x.permute((*keep, *axes)).reshape([x.shape[i] for i in keep] + [-1])
            idx = _complex_arg_last(y, is_max)
            r = torch.gather(y, -1, idx.unsqueeze(-1)).squeeze(-1)
        else:
            r = torch.amax(x, dim=axes) if is_max else torch.amin(x, dim=axes)
    else:
        r = x.clone()
    if initial is not None and not size_zero:
        iv = torch.as_tensor(initial, dtype=x.dtype, device=x.device)
        if r.is_complex():
            from ._ufuncs import KERNELS
            r = KERNELS["maximum" if is_max else "minimum"](r, iv.expand(r.shape))
        else:
            r = torch.maximum(r, iv) if is_max else torch.minimum(r, iv)
    if flip:
        r = torch.bitwise_xor(r, -(1 << 63))
    if r.dtype is not d._torch:
        r = r.to(d._torch)
    return _finish(r, d, axes, t.ndim, keepdims, out, t.shape)


def _complex_arg_last(y, is_max):
    """Index along the last dim of the lexicographic (real, then imag) max/min of a
    complex tensor; the first NaN (in either part) wins, as in NumPy."""
    re, im = y.real, y.imag
    best_re = torch.amax(re, dim=-1, keepdim=True) if is_max else torch.amin(re, dim=-1, keepdim=True)
    cand = re == best_re
    fill = -math.inf if is_max else math.inf
    im_c = torch.where(cand, im, torch.full_like(im, fill))
    best_im = torch.amax(im_c, dim=-1, keepdim=True) if is_max else torch.amin(im_c, dim=-1, keepdim=True)
    pick = cand & (im == best_im)
    nan = torch.isnan(re) | torch.isnan(im)
    pick = torch.where(nan.any(-1, keepdim=True), nan, pick)
    return torch.argmax(pick.to(torch.uint8), dim=-1)


def _extreme(tdtype, high):
    if tdtype.is_floating_point:
        return math.inf if high else -math.inf
    info = torch.iinfo(tdtype)
    return info.max if high else info.min


def max(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _minmax(a, axis, out, keepdims, initial, where, True)


def min(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _minmax(a, axis, out, keepdims, initial, where, False)


amax = max
amin = min


def _arg(a, axis, out, keepdims, is_max):
    # torch's CPU kernels return the first extreme value and the first NaN,
    # as NumPy does; elsewhere the general path below handles NaN explicitly
    if (type(a) is ndarray and axis is None and out is None and not keepdims
            and a._t.numel() and a._t.device.type == "cpu"):
        d = a._dtype._nbo
        if d._native and d.kind in "iuf":
            return box(torch.argmax(a._t) if is_max else torch.argmin(a._t), D.int64)
    arr, t, d = _prepare(a)
    name = "argmax" if is_max else "argmin"
    x = t
    if d._pooled:
        from ._object import ranks
        x = ranks(t, d)  # the first extreme object, as NumPy's object argmax
    elif d.kind == "m":
        from ._datetime import NAT
        x = torch.where(t == NAT, float("nan"), t.to(torch.float64))  # NaT is found first, as NaN
    if d is D.uint64:
        x = torch.bitwise_xor(x, -(1 << 63))
    if x.dtype is torch.bool:
        x = x.to(torch.uint8)
    if axis is None:
        if t.numel() == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        x = x.reshape(-1)
        ax = 0
    else:
        ax = _normalize_axis(operator.index(axis), t.ndim)
        if t.shape[ax] == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
    if x.is_floating_point():
        nan = torch.isnan(x)
        has_nan = nan.any(dim=ax, keepdim=True)
        idx = torch.argmax(x, dim=ax, keepdim=True) if is_max else torch.argmin(x, dim=ax, keepdim=True)
        first_nan = torch.argmax(nan.to(torch.uint8), dim=ax, keepdim=True)
        r = torch.where(has_nan, first_nan, idx).squeeze(ax)
    elif x.is_complex():
        r = _complex_arg_last(torch.movedim(x, ax, -1), is_max)
    else:
        r = torch.argmax(x, dim=ax) if is_max else torch.argmin(x, dim=ax)
    if keepdims:
        if axis is None:
            r = r.reshape((1,) * t.ndim)
        else:
            r = r.unsqueeze(ax)
    if out is not None:
        out[...] = _wrap(r, D.int64)
        return out
    return box(r, D.int64)


def argmax(a, axis=None, out=None, *, keepdims=False):
    return _arg(a, axis, out, keepdims, True)


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _arg(a, axis, out, keepdims, False)


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    arr, t, d = _prepare(a)
    axes = _axes(axis, t.ndim)
    x = truth(t, d)
    x = _where_fill(x, where, True)
    r = torch.all(x, dim=axes) if axes else x.clone()
    return _finish(r, D.bool_, axes, t.ndim, keepdims, out, t.shape)


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    arr, t, d = _prepare(a)
    axes = _axes(axis, t.ndim)
    x = truth(t, d)
    x = _where_fill(x, where, False)
    r = torch.any(x, dim=axes) if axes else x.clone()
    return _finish(r, D.bool_, axes, t.ndim, keepdims, out, t.shape)


def _cumulative(a, axis, dtype, out, fn):
    arr, t, d = _prepare(a)
    # NumPy's accumulate takes any byte order here and computes natively
    rd = _sum_dtype(d) if dtype is None else D.dtype(dtype)._nbo
    if rd._pooled and rd.kind != "O":
        _no_loop_for_strings("add.accumulate" if fn is torch.cumsum else "multiply", rd)
    if rd.kind == "O":
        from ._object import accumulate
        flat = arr.reshape(-1) if axis is None else arr
        ax = 0 if axis is None else _normalize_axis(operator.index(axis), t.ndim)
        return accumulate(operator.add if fn is torch.cumsum else operator.mul, flat, ax, out)
    x = cast(t, d, rd)
    if x.dtype is torch.bool:
        x = x.to(torch.int64)
    if axis is None:
        x = x.reshape(-1)
        ax = 0
    else:
        ax = _normalize_axis(operator.index(axis), t.ndim)
    if rd.kind == "m":
        if fn is torch.cumprod:
            from ._ufuncs import UFuncTypeError
            raise UFuncTypeError(f"ufunc 'multiply' cannot use operands with types {rd!r} and {rd!r}")
        from ._datetime import NAT
        nat = torch.cummax((x == NAT).to(torch.uint8), dim=ax).values.to(torch.bool)
        r = torch.where(nat, torch.full_like(x, NAT), torch.cumsum(x, dim=ax))
    else:
        r = fn(x, dim=ax)
    if r.dtype is not rd._torch:
        r = r.to(rd._torch)
    if out is not None:
        out[...] = _wrap(r, rd)
        return out
    return _wrap(r, rd)


def cumsum(a, axis=None, dtype=None, out=None):
    return _cumulative(a, axis, dtype, out, torch.cumsum)


def cumprod(a, axis=None, dtype=None, out=None):
    return _cumulative(a, axis, dtype, out, torch.cumprod)


def _cumulative_api(x, axis, dtype, out, include_initial, running, identity):
    """The array API's cumulative_sum/prod: cumsum/cumprod, an axis required
    beyond 1-d, optionally led by the identity."""
    arr = asarray(x)
    if axis is None:
        if arr.ndim > 1:
            raise ValueError("axis must be specified for multi-dimensional arrays.")
        axis = 0
    r = running(arr, axis, dtype)
    if include_initial:
        from ._manipulation import concatenate
        from ._creation import full
        shape = list(r.shape)
        shape[_normalize_axis(axis, r.ndim)] = 1
        r = concatenate([full(shape, identity, r.dtype), r], axis)
    if out is not None:
        out[...] = r
        return out
    return r


def cumulative_sum(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    return _cumulative_api(x, axis, dtype, out, include_initial, cumsum, 0)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    return _cumulative_api(x, axis, dtype, out, include_initial, cumprod, 1)


def ptp(a, axis=None, out=None, keepdims=False):
    from ._ufuncs import subtract
    r = subtract(max(a, axis, keepdims=keepdims), min(a, axis, keepdims=keepdims))
    if out is not None:
        out[...] = r
        return out
    return r


def count_nonzero(a, axis=None, *, keepdims=False):
    arr, t, d = _prepare(a)
    axes = _axes(axis, t.ndim)
    x = truth(t, d).to(torch.int64)
    r = torch.sum(x, dim=axes) if axes else x
    if keepdims:
        r = r.reshape(tuple(1 if i in axes else s for i, s in enumerate(t.shape)))
    return box(r, D.int64)


def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    arr = asarray(a)
    if arr._dtype.kind == "m":
        refuse_kinds("np.average", arr)
    if weights is None:
        avg = mean(arr, axis, keepdims=keepdims)
        if returned:
            n = arr.size if axis is None else _prod_axes(arr.shape, _axes(axis, arr.ndim))
            from ._creation import full_like
            scl = full_like(asarray(avg), n, dtype=asarray(avg).dtype) if isinstance(avg, ndarray) else asarray(avg).dtype.type(n)
            return avg, scl
        return avg
    w = asarray(weights)
    rd = D.result_type(arr.dtype, w.dtype, D.float64) if arr.dtype.kind in "biu" else D.result_type(arr.dtype, w.dtype)
    if arr.shape != w.shape:
        if axis is None:
            raise TypeError("Axis must be specified when shapes of a and weights differ.")
        if w.ndim != 1:
            raise TypeError("1D weights expected when shapes of a and weights differ.")
        ax = _normalize_axis(axis, arr.ndim)
        if w.shape[0] != arr.shape[ax]:
            raise ValueError("Length of weights not compatible with specified axis.")
        shape = [1] * arr.ndim
        shape[ax] = -1
        w = w.reshape(shape)
    from ._ufuncs import multiply, divide
    wt = w.astype(rd)
    scl = sum(_wrap(torch.broadcast_to(wt._t, arr.shape), rd), axis, keepdims=keepdims)
    if bool((asarray(scl)._t == 0).any()):
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    avg = divide(sum(multiply(arr.astype(rd), wt), axis, keepdims=keepdims), scl)
    if returned:
        return avg, scl
    return avg


def _prod_axes(shape, axes):
    n = 1
    for ax in axes:
        n *= shape[ax]
    return n


# -- order statistics -------------------------------------------------------------

_METHODS = {"linear", "lower", "higher", "nearest", "midpoint", "inverted_cdf",
            "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
            "hazen", "weibull", "median_unbiased", "normal_unbiased"}
# (alpha, beta) of the continuous sample-quantile definitions (Hyndman & Fan)
_ALPHA_BETA = {"interpolated_inverted_cdf": (0, 1), "hazen": (0.5, 0.5), "weibull": (0, 0),
               "linear": (1, 1), "median_unbiased": (1 / 3, 1 / 3), "normal_unbiased": (3 / 8, 3 / 8)}


def _quantile_tensor(x, q, ax, method, nan_policy):
    """Quantiles of float tensor x along ax for q (1-d float64 tensor in [0, 1])."""
    x = torch.movedim(x, ax, -1)
    n = x.shape[-1]
    if x.is_complex():  # median only: NumPy's complex order, NaN-holding values last
        from ._sorting import _argsort
        xs = torch.gather(x, -1, _argsort(x, None, -1))
    else:
        xs, _ = torch.sort(x, dim=-1)
    if nan_policy == "omit":
        valid = (~torch.isnan(xs)).sum(-1, keepdim=True)
        nn = valid.to(torch.float64)
    else:
        nn = torch.full(xs.shape[:-1] + (1,), float(n), dtype=torch.float64, device=x.device)
    qv = q.to(torch.float64).to(x.device)
    qv = qv.reshape((1,) * (xs.ndim - 1) + (-1,))
    if method in _ALPHA_BETA:
        alpha, beta = _ALPHA_BETA[method]
        virtual = nn * qv + (alpha + qv * (1 - alpha - beta)) - 1
    elif method in ("lower", "higher", "nearest", "midpoint"):
        virtual = (nn - 1) * qv
    elif method == "inverted_cdf":
        virtual = torch.ceil(nn * qv) - 1
    elif method == "averaged_inverted_cdf":
        virtual = nn * qv - 1
    elif method == "closest_observation":
        # H&F's nearest even order statistic: ceil of n*q - 1.5, except at exact
        # integers, where an odd (0-based) index stays
        v = nn * qv - 1.5
        below_v = torch.floor(v)
        virtual = torch.where((v == below_v) & (torch.remainder(below_v, 2) == 1), below_v, below_v + 1)
    else:
        raise ValueError(f"'{method}' is not a valid method. Use one of: {sorted(_METHODS)}")
    if method == "lower":
        virtual = torch.floor(virtual)
    elif method == "higher":
        virtual = torch.ceil(virtual)
    elif method == "nearest":
        virtual = torch.round(virtual)
    below = torch.clamp(torch.floor(virtual), 0, None)
    below = torch.minimum(below, nn - 1).clamp(min=0)
    above = torch.minimum(below + 1, nn - 1).clamp(min=0)
    gamma = (virtual - below).clamp(0, 1)
    if method == "midpoint":
        gamma = torch.where(virtual == torch.floor(virtual), torch.zeros_like(gamma), torch.full_like(gamma, 0.5))
    elif method in ("lower", "higher", "nearest", "inverted_cdf", "closest_observation"):
        gamma = torch.zeros_like(gamma)
    elif method == "averaged_inverted_cdf":
        frac = (nn * qv) - torch.floor(nn * qv)
        gamma = torch.where(frac == 0, torch.full_like(gamma, 0.5), torch.zeros_like(gamma))
        below = torch.clamp(torch.ceil(nn * qv) - 1, 0, None)
        below = torch.minimum(below, nn - 1)
        above = torch.minimum(below + 1, nn - 1)
    expand = xs.shape[:-1] + (qv.shape[-1],)
    lo = torch.gather(xs, -1, below.to(torch.int64).expand(expand))
    hi = torch.gather(xs, -1, above.to(torch.int64).expand(expand))
    upper = (gamma >= 0.5).expand(expand)
    g = gamma.to(xs.dtype).expand(expand)
    # NumPy's lerp: exact at both ends
    res = torch.where(upper, hi - (hi - lo) * (1 - g), lo + (hi - lo) * g)
    if nan_policy == "propagate" and (xs.is_floating_point() or xs.is_complex()):
        # NumPy's result for a slice holding a NaN is its last sorted value (a NaN)
        last = xs[..., -1:]
        res = torch.where(torch.isnan(last), last.expand_as(res), res)
    return torch.movedim(res, -1, 0)


def _quantile(a, q, axis, out, overwrite_input, method, keepdims, nan_policy, scale, name):
    arr = asarray(a)
    refuse_kinds(f"np.{name}", arr)
    qa = asarray(q)
    qt = qa._t.to(torch.float64) / scale
    if bool(((qt < 0) | (qt > 1)).any()):
        raise ValueError("Percentiles must be in the range [0, 100]" if scale == 100 else "Quantiles must be in the range [0, 1]")
    if method not in _METHODS:
        raise ValueError(f"'{method}' is not a valid method. Use one of: {sorted(_METHODS)}")
    d = arr._dtype._nbo
    # interpolating methods: NumPy's result_type(a, q) with q weak when a Python number
    rd = d if isinstance(q, (int, float)) and not isinstance(q, ndarray) else D.result_type(d, qa._dtype)
    if rd.kind in "biu":
        rd = D.float64
    if rd.kind == "c" and not name.endswith("median"):
        raise TypeError("a must be an array of real numbers")
    x = cast(arr._t, d, rd) if d is not D.uint64 else uint64_as_float(arr._t)
    if axis is None:
        x = x.reshape(-1)
        axes = (0,)
    else:
        axes = _axes(axis, arr.ndim)
        if not axes:
            x = x.unsqueeze(-1)
            axes_eff = (arr.ndim,)
        elif len(axes) > 1:
            keep = [i for i in range(arr.ndim) if i not in axes]
            x = x.permute((*keep, *axes)).reshape([arr.shape[i] for i in keep] + [-1])
            axes_eff = (len(keep),)
        else:
            axes_eff = axes
    if nan_policy == "omit" and x.numel() and rd.kind in "fc":
        if bool(torch.isnan(x).all(dim=axes_eff[0] if axis is not None else 0).any()):
            import warnings
            warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
    if x.numel() == 0 and axis is None:
        r = torch.full(tuple(qt.shape), float("nan"), dtype=rd._torch)
    else:
        r = _quantile_tensor(x, qt.reshape(-1), axes_eff[0] if axis is not None else 0, method, nan_policy)
        r = r.reshape(tuple(qt.shape) + tuple(r.shape[1:]))
    if keepdims:
        if axis is None:
            r = r.reshape(tuple(qt.shape) + (1,) * arr.ndim)
        else:
            shape = list(arr.shape)
            for ax in axes:
                shape[ax] = 1
            r = r.reshape(tuple(qt.shape) + tuple(shape))
    if method in ("lower", "higher", "nearest", "inverted_cdf", "closest_observation"):
        rd = d
        r = cast(r.to(torch.float64), D.float64, d) if d is not D.uint64 else r
    r = r.to(rd._torch)
    if out is not None:
        out[...] = _wrap(r, rd)
        return out
    return box(r, rd)


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None, interpolation=None):
    if weights is not None:
        raise NotImplementedError("np.quantile: weights= is not supported by np2torch")
    return _quantile(a, q, axis, out, overwrite_input, interpolation or method, keepdims, "propagate", 1, "quantile")


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None, interpolation=None):
    if weights is not None:
        raise NotImplementedError("np.percentile: weights= is not supported by np2torch")
    return _quantile(a, q, axis, out, overwrite_input, interpolation or method, keepdims, "propagate", 100, "percentile")


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    return _quantile(a, 0.5, axis, out, overwrite_input, "linear", keepdims, "propagate", 1, "median")


# -- nan-ignoring variants ---------------------------------------------------------

def _nan_to(a, value):
    arr = asarray(a)
    if arr._dtype.kind == "m":
        refuse_kinds(None, arr)  # NaT would need skipping like NaN
    if arr._dtype.kind not in "fc":
        return arr, None
    mask = torch.isnan(arr._t)
    return _wrap(torch.where(mask, torch.as_tensor(value, dtype=arr._t.dtype, device=arr._t.device), arr._t), arr._dtype), mask


def nansum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    arr, _ = _nan_to(a, 0)
    return sum(arr, axis, dtype, out, keepdims, initial, where)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    arr, _ = _nan_to(a, 1)
    return prod(arr, axis, dtype, out, keepdims, initial, where)


def nancumsum(a, axis=None, dtype=None, out=None):
    arr, _ = _nan_to(a, 0)
    return cumsum(arr, axis, dtype, out)


def nancumprod(a, axis=None, dtype=None, out=None):
    arr, _ = _nan_to(a, 1)
    return cumprod(arr, axis, dtype, out)


def _valid_where(a):
    arr = asarray(a)
    if arr._dtype.kind not in "fc":
        return arr, True
    return arr, _wrap(~torch.isnan(arr._t), D.bool_)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    arr, valid = _valid_where(a)
    if valid is True:
        return mean(arr, axis, dtype, out, keepdims, where=where)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = mean(_nan_to(arr, 0)[0], axis, dtype, out, keepdims, where=valid)
    if bool(torch.isnan(asarray(r)._t).any()):
        warnings.warn("Mean of empty slice", RuntimeWarning, stacklevel=2)
    return r


def _warn_dof(valid, axis, ddof):
    """NumPy's warning when a slice has no more non-NaN values than ``ddof``."""
    counts = sum(valid, axis)
    if bool((asarray(counts)._t <= ddof).any()):
        import warnings
        warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning, stacklevel=3)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    arr, valid = _valid_where(a)
    if valid is True:
        return var(arr, axis, dtype, out, ddof, keepdims, correction=correction)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = var(_nan_to(arr, 0)[0], axis, dtype, out, ddof, keepdims, where=valid, correction=correction)
    _warn_dof(valid, axis, ddof if correction is None else correction)
    return r


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None):
    arr, valid = _valid_where(a)
    if valid is True:
        return std(arr, axis, dtype, out, ddof, keepdims, correction=correction)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = std(_nan_to(arr, 0)[0], axis, dtype, out, ddof, keepdims, where=valid, correction=correction)
    _warn_dof(valid, axis, ddof if correction is None else correction)
    return r


def _nan_extreme(a, axis, out, keepdims, initial, where, is_max):
    arr = asarray(a)
    if arr._dtype.kind not in "fc":
        return _minmax(arr, axis, out, keepdims, initial, where, is_max)
    fill = -math.inf if is_max else math.inf
    filled, mask = _nan_to(arr, fill)
    r = _minmax(filled, axis, None, keepdims, initial, where, is_max)
    all_nan = all(_wrap(mask, D.bool_), axis, keepdims=keepdims)
    rt = asarray(r)._t
    an = asarray(all_nan)._t
    if bool(an.any()):
        import warnings
        warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)
        rt = torch.where(an, torch.full_like(rt, math.nan), rt)
    res = box(rt, arr._dtype._nbo) if not isinstance(r, ndarray) else _wrap(rt, arr._dtype._nbo)
    if out is not None:
        out[...] = res
        return out
    return res


def nanmax(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _nan_extreme(a, axis, out, keepdims, initial, where, True)


def nanmin(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _nan_extreme(a, axis, out, keepdims, initial, where, False)


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    arr = asarray(a)
    filled, mask = _nan_to(arr, -math.inf)
    if mask is not None and bool(asarray(all(_wrap(mask, D.bool_), axis))._t.any()):
        raise ValueError("All-NaN slice encountered")
    return argmax(filled, axis, out, keepdims=keepdims)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    arr = asarray(a)
    filled, mask = _nan_to(arr, math.inf)
    if mask is not None and bool(asarray(all(_wrap(mask, D.bool_), axis))._t.any()):
        raise ValueError("All-NaN slice encountered")
    return argmin(filled, axis, out, keepdims=keepdims)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None, interpolation=None):
    return _quantile(a, q, axis, out, overwrite_input, interpolation or method, keepdims, "omit", 1, "nanquantile")


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, weights=None, interpolation=None):
    return _quantile(a, q, axis, out, overwrite_input, interpolation or method, keepdims, "omit", 100, "nanpercentile")


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    return _quantile(a, 0.5, axis, out, overwrite_input, "linear", keepdims, "omit", 1, "nanmedian")
