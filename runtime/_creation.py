"""Array creation routines (NumPy docs: "Array creation routines")."""

import math
import operator

import torch

from . import _dtypes as D
from ._casting import cast, refuse_object, refuse_kinds
from ._config import current_device
from ._ndarray import ndarray, _wrap, asarray, _tensor_and_dtype, _fill_value, _device_arg

__all__ = ["empty", "empty_like", "zeros", "zeros_like", "ones", "ones_like", "full",
           "full_like", "arange", "linspace", "logspace", "geomspace", "eye", "identity",
           "tri", "diag", "diagflat", "vander", "meshgrid", "indices", "copy", "tril", "triu",
           "fromfunction"]


def _shape(shape, itemsize=1):
    if isinstance(shape, (int,)) or hasattr(shape, "__index__") and not isinstance(shape, (tuple, list)):
        n = operator.index(shape)
        if n < 0:
            raise ValueError("negative dimensions are not allowed")
        _check_size((n,), itemsize)
        return (n,)
    try:
        dims = tuple(operator.index(s) for s in shape)
    except TypeError:
        raise TypeError(f"'{type(shape).__name__}' object cannot be interpreted as an integer") from None
    if any(s < 0 for s in dims):
        raise ValueError("negative dimensions are not allowed")
    _check_size(dims, itemsize)
    return dims


_MAX_INTP = (1 << 63) - 1


def _check_size(dims, itemsize=1):
    """NumPy's limits: each dimension and the byte size must fit a signed 64-bit int."""
    total = itemsize
    for n in dims:
        if n > _MAX_INTP:
            raise ValueError("Maximum allowed dimension exceeded")
        total *= n
    if total > _MAX_INTP:
        raise ValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than "
                         "the maximum possible size.")


def _dev(device):
    d = _device_arg(device)
    return d if d is not None else current_device()


def _dtype_or(dtype):
    """An explicit dtype, or NumPy's default float (float64 unless the
    float32 policy is on)."""
    return D.POLICY["float"] if dtype is None else D.dtype(dtype)


_DEFAULT = object()


def _pooled_full(shape, value, d, device):
    """A new array of pooled dtype ``d`` (object, string, record) whose every
    element is ``value``, or the dtype's default element (None, b'', ...)."""
    d = d._copy()
    if value is _DEFAULT:
        if d.kind in "SU" and not d.itemsize:
            d.fit(1)
        return _wrap(torch.zeros(shape, dtype=torch.int64, device=device), d)
    if d.kind in "SU" and not d.itemsize:
        d.fit(len(D._text(value, d.kind)))
    d.pool.append(d.coerce(value))
    return _wrap(torch.ones(shape, dtype=torch.int64, device=device), d)


def empty(shape, dtype=None, order="C", *, device=None, like=None):
    d = _dtype_or(dtype)
    if d._pooled:
        return _pooled_full(_shape(shape, 8), _DEFAULT, d, _dev(device))
    return _wrap(torch.zeros(_shape(shape, d.itemsize), dtype=d._torch, device=_dev(device)), d)


def zeros(shape, dtype=None, order="C", *, device=None, like=None):
    if dtype is None and device is None and type(shape) is int and shape >= 0:
        d = D.POLICY["float"]
        return _wrap(torch.zeros(shape, dtype=d._torch, device=current_device()), d)
    d = _dtype_or(dtype)
    if d._pooled:
        return _pooled_full(_shape(shape, 8), 0 if d.kind == "O" else _DEFAULT, d, _dev(device))
    return _wrap(torch.zeros(_shape(shape, d.itemsize), dtype=d._torch, device=_dev(device)), d)


def ones(shape, dtype=None, order="C", *, device=None, like=None):
    d = _dtype_or(dtype)
    if d._pooled:
        return _pooled_full(_shape(shape, 8), 1, d, _dev(device))
    return _wrap(torch.ones(_shape(shape, d.itemsize), dtype=d._torch, device=_dev(device)), d)


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None):
    if dtype is None:
        fv = asarray(fill_value)
        d = fv._dtype
        if fv.ndim or d._pooled:
            return _wrap(torch.broadcast_to(fv._t, _shape(shape, d.itemsize)).clone(), d)
        value = fv.item()
    else:
        d = D.dtype(dtype)
        if d._pooled:
            if isinstance(fill_value, ndarray) or (isinstance(fill_value, (list, tuple))
                                                   and not (d.kind == "V" and type(fill_value) is tuple)):
                return full(shape, asarray(fill_value, dtype=d), device=device)
            return _pooled_full(_shape(shape, 8), _fill_object(fill_value) if d.kind == "O" else fill_value,
                                d, _dev(device))
        if isinstance(fill_value, ndarray) and fill_value.ndim:
            return _wrap(torch.broadcast_to(cast(fill_value._t, fill_value._dtype, d), _shape(shape, d.itemsize)).clone(), d)
        value = fill_value
    return _wrap(torch.full(_shape(shape, d.itemsize), _fill_value(value, d), dtype=d._torch, device=_dev(device)), d)


def _like(a, dtype, shape, device):
    arr = a if isinstance(a, ndarray) else asarray(a)
    d = arr._dtype if dtype is None else D.dtype(dtype)
    shp = arr.shape if shape is None else _shape(shape)
    dev = arr._t.device if device is None else _device_arg(device)
    return arr, d, shp, dev


def _laid_out(r, arr, order, shape):
    """``r`` (a new C-ordered array) in the memory order NumPy's ``*_like``
    gives: 'F', 'A' for a Fortran prototype, 'K' the prototype's own order."""
    t = r._t
    if t.ndim < 2:
        return r
    proto = arr._t
    order = order.upper() if isinstance(order, str) else "K"
    if order == "F" or (order == "A" and not proto.is_contiguous() and _is_fortran(proto)):
        dims = list(range(t.ndim - 1, -1, -1))
    elif order == "K" and proto.ndim == t.ndim and not proto.is_contiguous():
        dims = sorted(range(t.ndim), key=lambda i: -proto.stride(i))  # outermost first
    else:
        return r
    buf = torch.empty([t.shape[i] for i in dims], dtype=t.dtype, device=t.device)
    out = buf.permute([dims.index(i) for i in range(t.ndim)])
    out.copy_(t)
    return _wrap(out, r._dtype)


def _is_fortran(t):
    return t.permute(tuple(range(t.ndim - 1, -1, -1))).is_contiguous()


def empty_like(prototype, dtype=None, order="K", subok=True, shape=None, *, device=None):
    arr, d, shp, dev = _like(prototype, dtype, shape, device)
    if d._pooled:
        r = _pooled_full(shp, _DEFAULT, d, dev)
    else:
        r = _wrap(torch.zeros(shp, dtype=d._torch, device=dev), d)
    return _laid_out(r, arr, order, shape)


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    arr, d, shp, dev = _like(a, dtype, shape, device)
    if d._pooled:
        r = _pooled_full(shp, 0 if d.kind == "O" else _DEFAULT, d, dev)
    else:
        r = _wrap(torch.zeros(shp, dtype=d._torch, device=dev), d)
    return _laid_out(r, arr, order, shape)


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    arr, d, shp, dev = _like(a, dtype, shape, device)
    if d._pooled:
        r = _pooled_full(shp, 1, d, dev)
    else:
        r = _wrap(torch.ones(shp, dtype=d._torch, device=dev), d)
    return _laid_out(r, arr, order, shape)


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None):
    arr, d, shp, dev = _like(a, dtype, shape, device)
    if d._pooled:
        r = full(shp, fill_value, dtype=d, device=dev)
    elif isinstance(fill_value, ndarray) and fill_value.ndim:
        r = _wrap(torch.broadcast_to(cast(fill_value._t, fill_value._dtype, d), shp).clone(), d)
    else:
        r = _wrap(torch.full(shp, _fill_value(fill_value, d), dtype=d._torch, device=dev), d)
    return _laid_out(r, arr, order, shape)


def _fill_object(value):
    """What NumPy's copyto stores for a fill value in an object array: NumPy
    scalars become Python values, anything else is stored as it is."""
    return value._py() if hasattr(value, "_py") else value


def _scalar_value(x):
    if isinstance(x, ndarray):
        return x.item()
    if hasattr(x, "_py"):
        return x._py()
    return x


_PY_DEFAULT = D.PY_DEFAULT


def arange(start_or_stop, /, stop=None, step=None, *, dtype=None, device=None, like=None):
    """``np.arange``: length ceil((stop - start) / step), NumPy's dtype rules."""
    if (dtype is None and device is None and type(start_or_stop) is int
            and (stop is None or type(stop) is int) and step is None):
        lo, hi = (0, start_or_stop) if stop is None else (start_or_stop, stop)
        return _wrap(torch.arange(lo, max(hi, lo), dtype=torch.int64, device=current_device()), D.int64)
    if stop is None:
        start, stop = 0, start_or_stop
    else:
        start = start_or_stop
    if step is None:
        step = 1
    values = [_scalar_value(v) for v in (start, stop, step)]
    # Python numbers count at their default dtypes here (not weakly): arange(int8(5)) is int64
    strong = [_PY_DEFAULT.get(type(v), v) for v in (start, stop, step)]
    d = D.result_type(*strong) if dtype is None else D.dtype(dtype)
    if d.kind == "O":
        return _object_arange(values, _dev(device))
    if d.kind == "b":
        d = D.int64
    elif dtype is None and d.kind == "f" and all(type(v) in (int, float) for v in (start, stop, step)):
        d = D.POLICY["float"]  # Python bounds with a float among them: the default float
    start_v, stop_v, step_v = values
    if step_v == 0:
        raise ZeroDivisionError("division by zero")
    length = max(0, math.ceil((stop_v - start_v) / step_v))
    dev = _dev(device)
    if d.kind in "iu":
        if all(isinstance(v, int) for v in values):
            t = torch.arange(start_v, start_v + length * step_v, step_v, dtype=torch.int64, device=dev)[:length]
            return _wrap(cast(t, D.int64, d), d)
        # NumPy computes integer aranges from float bounds by repeated addition
        first = int(start_v)
        delta = int(start_v + step_v) - first
        t = first + delta * torch.arange(length, dtype=torch.int64, device=dev)
        return _wrap(cast(t, D.int64, d), d)
    # NumPy fills start + i * delta, where delta is the first step as computed
    delta = (start_v + step_v) - start_v
    t = start_v + delta * torch.arange(length, dtype=torch.float64, device=dev)
    return _wrap(t.to(d._torch), d)


def _object_arange(values, device):
    """``arange(..., dtype=object)``: Python arithmetic, as NumPy's object fill
    (start, start + step, then start + i * (second - first))."""
    start, stop, step = values
    if step == 0:
        raise ZeroDivisionError("division by zero")
    length = max(0, math.ceil((stop - start) / step))
    items = [start, start + step][:length]
    if length > 2:
        delta = items[1] - items[0]
        items.extend(start + i * delta for i in range(2, length))
    from ._object import from_values
    return from_values(items, (length,), device)


def _inexact(d):
    """The float type a computation over values of dtype ``d`` runs in:
    integers go to the default float (float64 unless the float32 policy is on)."""
    if d.kind in "biu":
        return D.POLICY["float"]
    return d


def _bounds_dtype(start, ds, stop, de):
    """NEP 50 over two bounds: Python numbers are weak (linspace(float32(0), 1) is float32)."""
    weak = (bool, int, float, complex)
    return D.result_type(start if type(start) in weak else ds, stop if type(stop) in weak else de)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *, device=None):
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    ts, ds = _tensor_and_dtype(start)
    te, de = _tensor_and_dtype(stop)
    calc = _inexact(_bounds_dtype(start, ds, stop, de))
    ts = cast(ts, ds, calc)
    te = cast(te, de, calc)
    div = (num - 1) if endpoint else num
    shape = torch.broadcast_shapes(ts.shape, te.shape)
    ts = ts.expand(shape)
    te = te.expand(shape)
    delta = te - ts
    # torch has no complex arange: count in float64, then take the calculation dtype
    steps = torch.arange(num, dtype=torch.float64, device=ts.device).to(calc._torch)
    steps = steps.reshape((-1,) + (1,) * len(shape))
    if div > 0:
        step = delta / div
        any_zero = bool((step == 0).any()) if step.ndim else bool(step == 0)
        if any_zero:
            y = steps / div * delta + ts
        else:
            y = steps * step + ts
    else:
        step = torch.full_like(delta, float("nan"))
        y = steps * delta + ts
    if endpoint and num > 1:
        y[-1, ...] = te
    if axis != 0:
        y = torch.movedim(y, 0, axis)
    d = calc if dtype is None else D.own_object(D.dtype(dtype))
    if d.kind in "iu":
        y = torch.floor(y)
    out = _wrap(cast(y, calc, d), d)
    if retstep:
        from ._ndarray import box
        return out, box(step, calc)
    return out


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    from ._ufuncs import power
    from ._manipulation import expand_dims
    parts = [asarray(v) for v in (start, stop, base)]
    ndmax = len(torch.broadcast_shapes(*(p.shape for p in parts)))
    start, stop, b = (p.reshape((1,) * (ndmax - p.ndim) + p.shape) for p in parts)
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
    b = expand_dims(b, axis)
    r = power(b, y)
    return r if dtype is None else r.astype(dtype)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    ts, ds = _tensor_and_dtype(start)
    te, de = _tensor_and_dtype(stop)
    if bool((ts == 0).any()) or bool((te == 0).any()):
        raise ValueError("Geometric sequence cannot include zero")
    calc = D.PROMOTE[D.PROMOTE[ds._index][de._index]._index][D.POLICY["float"]._index]
    ts = cast(ts, ds, calc)
    te = cast(te, de, calc)
    # NumPy's recipe: divide out the start's sign (z/|z| for complex), interpolate
    # the exponents, put the exact ends back, multiply the sign in again
    shape = torch.broadcast_shapes(ts.shape, te.shape)
    ts, te = ts.expand(shape), te.expand(shape)
    sign = ts / ts.abs() if calc.kind == "c" else torch.sign(ts)
    s0, s1 = ts / sign, te / sign
    exps = linspace(_wrap(torch.log10(s0), calc), _wrap(torch.log10(s1), calc), num, endpoint, axis=0)._t
    y = torch.pow(torch.tensor(10.0, dtype=calc._torch, device=exps.device), exps)
    if num > 0:
        y[0, ...] = s0
        if endpoint and num > 1:
            y[-1, ...] = s1
    y = y * sign
    if axis != 0:
        y = torch.movedim(y, 0, axis)
    d = calc if dtype is None else D.own_object(D.dtype(dtype))
    return _wrap(cast(y, calc, d), d)


def eye(N, M=None, k=0, dtype=None, order="C", *, device=None, like=None):
    d = _dtype_or(dtype)
    if d.kind == "O":
        return eye(N, M, k, D.int64, device=device).astype(d)
    M = N if M is None else M
    if N < 0 or M < 0:
        raise ValueError("negative dimensions are not allowed")
    _check_size((N, M), d.itemsize)
    t = torch.zeros((N, M), dtype=d._torch, device=_dev(device))
    if -N < k < M:
        idx = torch.arange(max(0, -k), min(N, M - k), device=t.device)
        t[idx, idx + k] = 1
    return _wrap(t, d)


def identity(n, dtype=None, *, like=None):
    return eye(n, dtype=dtype)


def tri(N, M=None, k=0, dtype=None, *, like=None):
    d = _dtype_or(dtype)
    M = N if M is None else M
    t = torch.ones((N, M), dtype=torch.bool, device=current_device()).tril(k)
    d = D.own_object(d)
    return _wrap(cast(t, D.bool_, d), d)


def diag(v, k=0):
    a = asarray(v)
    if a.ndim == 1:
        return _wrap(torch.diag(a._t, k), a._dtype)
    if a.ndim == 2:
        return _wrap(torch.diagonal(a._t, k), a._dtype)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    a = asarray(v)
    return _wrap(torch.diag(a._t.reshape(-1), k), a._dtype)


def vander(x, N=None, increasing=False):
    a = asarray(x)
    if a.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    n = a.shape[0] if N is None else N
    refuse_kinds("np.vander", a)
    powers = torch.arange(n, device=a._t.device)
    if not increasing:
        powers = powers.flip(0)
    d = D.PROMOTE[a._dtype._index][D.int64._index] if a._dtype.kind == "b" else a._dtype
    t = cast(a._t, a._dtype, d)
    return _wrap(torch.pow(t.unsqueeze(1), powers.to(t.dtype) if t.is_floating_point() or t.is_complex() else powers), d)


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    arrays = [asarray(x).ravel() for x in xi]
    nd = len(arrays)
    outs = []
    for i, a in enumerate(arrays):
        shape = [1] * nd
        shape[i] = a.shape[0]
        outs.append(a.reshape(shape))
    if indexing == "xy" and nd > 1:
        for i, o in enumerate(outs):
            s = list(o.shape)
            s[0], s[1] = s[1], s[0]
            outs[i] = o.reshape(s)
    if not sparse:
        full_shape = torch.broadcast_shapes(*[tuple(o.shape) for o in outs])
        outs = [_wrap(o._t.expand(full_shape), o._dtype) for o in outs]
        if copy:
            outs = [o.copy() for o in outs]
    return tuple(outs)


def indices(dimensions, dtype=int, sparse=False):
    d = D.own_object(D.dtype(dtype))
    dims = tuple(dimensions)
    n = len(dims)
    outs = []
    for i, size in enumerate(dims):
        shape = [1] * n
        shape[i] = size
        t = torch.arange(size, dtype=torch.int64, device=current_device()).reshape(shape)
        outs.append(cast(t, D.int64, d))
    if sparse:
        return tuple(_wrap(t, d) for t in outs)
    if n == 0:
        return _wrap(torch.zeros((0,), dtype=d._torch), d)
    return _wrap(torch.stack([t.expand(dims) for t in outs]), d)


def copy(a, order="K", subok=False):
    arr = asarray(a)
    return _wrap(arr._t.clone(), arr._dtype)


def _triangle(m, k, keep_lower):
    arr = asarray(m)
    if arr.ndim == 0:
        raise ValueError("input array must be at least 1-d")
    t = arr._t if arr.ndim >= 2 else arr._t.expand(arr.shape[0], arr.shape[0])
    k = operator.index(k)
    if arr._dtype._pooled:
        # NumPy's where(mask, m, zeros(1, m.dtype)): an object array's zero is the int 0
        from ._indexing import where
        keep = torch.ones(t.shape[-2:], dtype=torch.bool, device=t.device)
        keep = torch.tril(keep, k) if keep_lower else torch.triu(keep, k)
        return where(_wrap(keep, D.bool_), _wrap(t, arr._dtype), zeros((), dtype=arr._dtype))
    r = torch.tril(t, k) if keep_lower else torch.triu(t, k)
    return _wrap(r, arr._dtype)


def tril(m, k=0):
    """``np.tril``: zero the elements above the k-th diagonal."""
    return _triangle(m, k, True)


def triu(m, k=0):
    """``np.triu``: zero the elements below the k-th diagonal."""
    return _triangle(m, k, False)


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    """``np.fromfunction``: call ``function`` once with the index grids."""
    return function(*indices(shape, dtype=dtype), **kwargs)
