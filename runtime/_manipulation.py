"""Array manipulation routines (NumPy docs: "Array manipulation routines")."""

import operator

import torch

from . import _dtypes as D
from ._casting import cast
from ._flags import readonly_view
from ._ndarray import ndarray, _wrap, asarray, _tensor_and_dtype, _normalize_axis, check_same_device
from .exceptions import AxisError

__all__ = ["reshape", "ravel", "transpose", "permute_dims", "moveaxis", "rollaxis", "swapaxes",
           "matrix_transpose", "expand_dims", "squeeze", "broadcast_to", "broadcast_arrays",
           "broadcast_shapes", "broadcast", "atleast_1d", "atleast_2d", "atleast_3d", "concatenate",
           "concat", "stack", "vstack", "hstack", "dstack", "column_stack", "row_stack",
           "split", "array_split", "hsplit", "vsplit", "dsplit", "unstack", "tile",
           "repeat", "flip", "fliplr", "flipud", "roll", "rot90", "resize", "append",
           "insert", "delete", "trim_zeros", "pad", "astype", "copyto"]


def _axes_tuple(axis, ndim, name=None):
    """Normalised axes; ``name`` prefixes an out-of-range error ('source: axis 3 ...')."""
    if isinstance(axis, (tuple, list, range)):
        axes = tuple(_checked_axis(a, ndim, name) for a in axis)
        if len(set(axes)) != len(axes):
            raise ValueError(f"repeated axis in `{name}` argument" if name else "repeated axis")
        return axes
    return (_checked_axis(axis, ndim, name),)


def _checked_axis(axis, ndim, name):
    axis = operator.index(axis)
    if name is not None and not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, name)
    return _normalize_axis(axis, ndim)


def _shape_arg(shape):
    if isinstance(shape, (tuple, list)):
        return tuple(operator.index(s) for s in shape)
    return (operator.index(shape),)


def reshape(a, /, shape=None, order="C", *, newshape=None, copy=None):
    arr = asarray(a)
    if shape is None:
        shape = newshape
    shp = _shape_arg(shape)
    t = arr._t
    if isinstance(order, str):
        order = order.upper()
    if order == "F":
        return _wrap(_reshape_f(t, shp, arr.size), arr._dtype)
    try:
        r = t.reshape(shp) if copy is not False else t.view(shp)
    except RuntimeError:
        if copy is False:
            raise ValueError("Unable to avoid creating a copy while reshaping.") from None
        raise ValueError(f"cannot reshape array of size {t.numel()} into shape "
                         f"{_shape_repr(shp)}") from None
    if copy:
        r = r.clone()
    return _wrap(r, arr._dtype)


def _shape_repr(shp):
    return str(tuple(shp)) if len(shp) != 1 else f"({shp[0]},)"


def _reshape_f(t, shp, size):
    unknown = [i for i, s in enumerate(shp) if s == -1]
    if unknown:
        known = 1
        for s in shp:
            if s != -1:
                known *= s
        shp = list(shp)
        shp[unknown[0]] = size // known if known else 0
    if _prod(shp) != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {_shape_repr(tuple(shp))}")
    flat = t.permute(tuple(range(t.ndim - 1, -1, -1))).reshape(-1)
    return flat.reshape(tuple(shp)[::-1]).permute(tuple(range(len(shp) - 1, -1, -1)))


def _prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def ravel(a, order="C"):
    arr = asarray(a)
    if isinstance(order, str):
        order = order.upper()
    if order == "F":
        return _wrap(arr._t.permute(tuple(range(arr.ndim - 1, -1, -1))).reshape(-1), arr._dtype)
    return _wrap(arr._t.reshape(-1), arr._dtype)


def transpose(a, axes=None):
    arr = asarray(a)
    n = arr.ndim
    if axes is None:
        return _wrap(arr._t.permute(tuple(range(n - 1, -1, -1))), arr._dtype)
    axes = tuple(axes)
    if len(axes) != n:
        raise ValueError("axes don't match array")
    perm = tuple(_normalize_axis(operator.index(x), n) for x in axes)
    if len(set(perm)) != n:
        raise ValueError("repeated axis in transpose")
    return _wrap(arr._t.permute(tuple(perm)), arr._dtype)


def permute_dims(a, axes=None):
    return transpose(a, axes)


def matrix_transpose(x, /):
    arr = asarray(x)
    if arr.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {arr.ndim}")
    return _wrap(arr._t.transpose(-1, -2), arr._dtype)


def moveaxis(a, source, destination):
    arr = asarray(a)
    n = arr.ndim
    src = _axes_tuple(source, n, "source")
    dst = _axes_tuple(destination, n, "destination")
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number of elements")
    return _wrap(torch.movedim(arr._t, src, dst), arr._dtype)


def rollaxis(a, axis, start=0):
    arr = asarray(a)
    n = arr.ndim
    axis = _normalize_axis(axis, n)
    if not -n <= start <= n:
        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if start < 0:
        start += n
    if axis < start:
        start -= 1
    if axis == start:
        return arr[...]
    order = [i for i in range(n) if i != axis]
    order.insert(start, axis)
    return transpose(arr, order)


def swapaxes(a, axis1, axis2):
    arr = asarray(a)
    n = arr.ndim
    return _wrap(arr._t.transpose(_normalize_axis(axis1, n), _normalize_axis(axis2, n)), arr._dtype)


def expand_dims(a, axis):
    arr = asarray(a)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    out_nd = arr.ndim + len(axes)
    axes = sorted(_normalize_axis(operator.index(x), out_nd) for x in axes)
    if len(set(axes)) != len(axes):
        raise ValueError("repeated axis")
    shape = list(arr.shape)
    for ax in axes:
        shape.insert(ax, 1)
    return _wrap(arr._t.reshape(shape), arr._dtype)


def squeeze(a, axis=None):
    arr = asarray(a)
    if axis is None:
        return _wrap(arr._t.reshape([s for s in arr.shape if s != 1]), arr._dtype)
    axes = _axes_tuple(axis, arr.ndim)
    for ax in axes:
        if arr.shape[ax] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not equal to one")
    return _wrap(arr._t.reshape([s for i, s in enumerate(arr.shape) if i not in axes]), arr._dtype)


def broadcast_shapes(*args):
    shapes = [(s,) if isinstance(s, int) else tuple(s) for s in args]
    try:
        return tuple(torch.broadcast_shapes(*shapes))
    except RuntimeError:
        raise _mismatch(shapes) from None


def _mismatch(shapes):
    """NumPy's error naming the first two arguments that do not broadcast together."""
    for i, si in enumerate(shapes):
        for j in range(i):
            try:
                torch.broadcast_shapes(shapes[j], si)
            except RuntimeError:
                return ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                                  f"Mismatch is between arg {j} with shape {shapes[j]} and arg {i} "
                                  f"with shape {si}.")
    return ValueError("shape mismatch: objects cannot be broadcast to a single shape.")


class broadcast:
    """``np.broadcast``: the shape its arguments broadcast to, and iterators
    over each of them in that shape (``iters[i].base`` is the argument)."""

    def __init__(self, *arrays, **kwargs):
        if kwargs:
            raise ValueError("broadcast() takes only positional arguments")
        flat = []
        for a in arrays:
            flat.extend(x.base for x in a.iters) if isinstance(a, broadcast) else flat.append(asarray(a))
        if len(flat) > 64:
            raise ValueError("Need at least 0 and at most 64 array objects.")
        self._arrays = flat
        self.shape = broadcast_shapes(*[a.shape for a in flat]) if flat else ()
        self.index = 0

    @property
    def iters(self):
        return tuple(_BroadcastIter(a, self.shape) for a in self._arrays)

    @property
    def numiter(self):
        return len(self._arrays)

    @property
    def nd(self):
        return len(self.shape)

    ndim = nd

    @property
    def size(self):
        return _prod(self.shape)

    def reset(self, /):
        self.index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= self.size:
            raise StopIteration
        idx = []
        rest = self.index
        for n in reversed(self.shape):
            idx.append(rest % n)
            rest //= n
        idx = tuple(reversed(idx))
        self.index += 1
        return tuple(_wrap(torch.broadcast_to(a._t, self.shape), a._dtype)[idx] for a in self._arrays)


class _BroadcastIter:
    """One of ``broadcast.iters``: a flat iterator over an argument in the broadcast shape."""

    def __init__(self, base, shape):
        self.base = base
        self._shape = shape

    def __iter__(self):
        return iter(_wrap(torch.broadcast_to(self.base._t, self._shape), self.base._dtype).ravel())

    def __len__(self):
        return _prod(self._shape)


import inspect as _inspect  # noqa: E402  (NumPy's signatures of the C type)

broadcast.__signature__ = _inspect.Signature(
    [_inspect.Parameter("arrays", _inspect.Parameter.VAR_POSITIONAL)])


def broadcast_to(array, shape, subok=False):
    arr = asarray(array)
    shp = _shape_arg(shape)
    if any(s < 0 for s in shp):
        raise ValueError("all elements of broadcast shape must be non-negative")
    try:
        t = torch.broadcast_to(arr._t, shp)
    except RuntimeError:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {arr.shape}  and requested shape {shp}") from None
    # NumPy's broadcast views are read-only: many elements share one memory location
    return _wrap(readonly_view(t), arr._dtype)


def broadcast_arrays(*args, subok=False):
    arrays = [asarray(a) for a in args]
    shape = broadcast_shapes(*[a.shape for a in arrays])
    return tuple(_wrap(torch.broadcast_to(a._t, shape), a._dtype) for a in arrays)


def atleast_1d(*arys):
    res = [a if (a := asarray(x)).ndim >= 1 else a.reshape(1) for x in arys]
    return res[0] if len(res) == 1 else tuple(res)


def atleast_2d(*arys):
    res = []
    for x in arys:
        a = asarray(x)
        if a.ndim == 0:
            a = a.reshape(1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, -1)
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_3d(*arys):
    res = []
    for x in arys:
        a = asarray(x)
        if a.ndim == 0:
            a = a.reshape(1, 1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, -1, 1)
        elif a.ndim == 2:
            a = a.reshape(a.shape + (1,))
        res.append(a)
    return res[0] if len(res) == 1 else tuple(res)


def _common(arrays, dtype=None, casting="same_kind", operands=None):
    """(result dtype, tensors in it) for joining ``arrays``: NumPy's result_type of
    ``operands`` (the arrays as given: Python scalars among them are weak)."""
    d = D.result_type(*(operands or arrays))
    if dtype is not None:
        want = D.dtype(dtype)
        for a in arrays:
            if not D.CAN_CAST[casting][a._dtype._index][want._index]:
                raise TypeError(f"Cannot cast array data from {a._dtype!r} to {want!r} according to the rule {casting!r}")
        d = want
    if d._pooled:
        d = D.pooled_result(d, [a._dtype for a in arrays])
    return d, [cast(a._t, a._dtype, d) for a in arrays]


def concatenate(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    _out_or_dtype("concatenate", out, dtype)
    if out is None and dtype is None and type(axis) is int and type(arrays) in (list, tuple) and arrays:
        first = arrays[0]
        if type(first) is ndarray and first._t.ndim and -first._t.ndim <= axis < first._t.ndim and all(
                type(x) is ndarray and x._dtype is first._dtype._nbo and x._t.ndim == first._t.ndim
                for x in arrays):
            try:
                return _wrap(torch.cat([x._t for x in arrays], dim=axis), first._dtype)
            except RuntimeError:
                pass  # mismatched shapes: the general path gives NumPy's message
    arrs = [asarray(a) for a in arrays]
    if not arrs:
        raise ValueError("need at least one array to concatenate")
    if axis is None:
        arrs = [a.ravel() for a in arrs]
        axis = 0
    nd = arrs[0].ndim
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    for i, a in enumerate(arrs):
        if a.ndim != nd:
            raise ValueError(f"all the input arrays must have same number of dimensions, but the array at "
                             f"index 0 has {nd} dimension(s) and the array at index {i} has {a.ndim} dimension(s)")
    ax = _normalize_axis(operator.index(axis), nd)
    for i, a in enumerate(arrs[1:], 1):
        for k in range(nd):
            if k != ax and a.shape[k] != arrs[0].shape[k]:
                raise ValueError("all the input array dimensions except for the concatenation axis must "
                                 f"match exactly, but along dimension {k}, the array at index 0 has size "
                                 f"{arrs[0].shape[k]} and the array at index {i} has size {a.shape[k]}")
    d, ts = _common(arrs, dtype, casting, [
        a if type(a) in (int, float, complex) else arr for a, arr in zip(arrays, arrs)])
    check_same_device(ts)
    r = torch.cat(ts, dim=ax)
    if out is not None:
        return _into_out("concatenate", out, r, d, casting)
    return _wrap(r, d)


concat = concatenate


def _out_or_dtype(name, out, dtype):
    if out is not None and dtype is not None:
        raise TypeError(f"{name}() only takes `out` or `dtype` as an argument, "
                        "but both were provided.")


def _into_out(name, out, r, d, casting):
    """Write a joined result into ``out``: exactly its shape, by the casting rule."""
    if tuple(out.shape) != tuple(r.shape):
        raise ValueError("Output array is the wrong shape")
    from ._ufuncs import _write_out
    return _write_out(name, out, r, d, None, casting)


def _require_sequence(arrays):
    if not hasattr(arrays, "__getitem__"):
        raise TypeError("arrays to stack must be passed as a \"sequence\" type such as list or tuple.")


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    _require_sequence(arrays)
    _out_or_dtype("stack", out, dtype)
    arrs = [asarray(a) for a in arrays]
    if not arrs:
        raise ValueError("need at least one array to stack")
    shapes = {a.shape for a in arrs}
    if len(shapes) != 1:
        raise ValueError("all input arrays must have the same shape")
    ax = _normalize_axis(operator.index(axis), arrs[0].ndim + 1)
    d, ts = _common(arrs, dtype, casting)
    check_same_device(ts)
    r = torch.stack(ts, dim=ax)
    if out is not None:
        return _into_out("stack", out, r, d, casting)
    return _wrap(r, d)


def vstack(tup, *, dtype=None, casting="same_kind"):
    _require_sequence(tup)
    arrs = [atleast_2d(a) for a in tup]
    return concatenate(arrs, 0, dtype=dtype, casting=casting)


row_stack = vstack


def hstack(tup, *, dtype=None, casting="same_kind"):
    _require_sequence(tup)
    arrs = [atleast_1d(a) for a in tup]
    if arrs and arrs[0].ndim == 1:
        return concatenate(arrs, 0, dtype=dtype, casting=casting)
    return concatenate(arrs, 1, dtype=dtype, casting=casting)


def dstack(tup):
    _require_sequence(tup)
    arrs = [atleast_3d(a) for a in tup]
    return concatenate(arrs, 2)


def column_stack(tup):
    _require_sequence(tup)
    arrs = []
    for v in tup:
        a = asarray(v)
        if a.ndim < 2:
            a = a.reshape(-1, 1)
        arrs.append(a)
    return concatenate(arrs, 1)


def _split_points(n, sections_or_indices, strict):
    if isinstance(sections_or_indices, (int,)) or hasattr(sections_or_indices, "__index__") and not isinstance(sections_or_indices, (list, tuple, ndarray)):
        sections = operator.index(sections_or_indices)
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        if strict and n % sections:
            raise ValueError("array split does not result in an equal division")
        each, extra = divmod(n, sections)
        sizes = [each + 1] * extra + [each] * (sections - extra)
        points = [0]
        for s in sizes:
            points.append(points[-1] + s)
        return points
    idx = [operator.index(i) for i in (sections_or_indices.tolist() if isinstance(sections_or_indices, ndarray) else sections_or_indices)]
    return [0] + idx + [n]


def array_split(ary, indices_or_sections, axis=0):
    arr = asarray(ary)
    ax = _normalize_axis(axis, arr.ndim)
    n = arr.shape[ax]
    pts = _split_points(n, indices_or_sections, False)
    out = []
    for lo, hi in zip(pts[:-1], pts[1:]):
        lo_c = max(min(lo if lo >= 0 else lo + n, n), 0)
        hi_c = max(min(hi if hi >= 0 else hi + n, n), 0)
        out.append(_wrap(arr._t.narrow(ax, lo_c, max(hi_c - lo_c, 0)), arr._dtype))
    return out


def split(ary, indices_or_sections, axis=0):
    arr = asarray(ary)
    ax = _normalize_axis(axis, arr.ndim)
    _split_points(arr.shape[ax], indices_or_sections, True)
    return array_split(arr, indices_or_sections, ax)


def hsplit(ary, indices_or_sections):
    arr = asarray(ary)
    if arr.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(arr, indices_or_sections, 1 if arr.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    arr = asarray(ary)
    if arr.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(arr, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    arr = asarray(ary)
    if arr.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(arr, indices_or_sections, 2)


def unstack(x, /, *, axis=0):
    arr = asarray(x)
    if arr.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    ax = _normalize_axis(axis, arr.ndim)
    return tuple(_wrap(t, arr._dtype) for t in arr._t.unbind(ax))


def tile(A, reps):
    arr = asarray(A)
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    nd = max(arr.ndim, len(reps))
    t = arr._t.reshape((1,) * (nd - arr.ndim) + arr.shape)
    reps = (1,) * (nd - len(reps)) + reps
    if any(r < 0 for r in reps):
        raise ValueError("negative dimensions are not allowed")
    return _wrap(t.repeat(reps), arr._dtype)


def repeat(a, repeats, axis=None):
    arr = asarray(a)
    t = arr._t
    if axis is None:
        t = t.reshape(-1)
        ax = 0
    else:
        ax = _normalize_axis(axis, arr.ndim)
    if isinstance(repeats, int):
        if repeats < 0:
            raise ValueError("negative dimensions are not allowed")
        return _wrap(torch.repeat_interleave(t, repeats, dim=ax), arr._dtype)
    r, _ = _tensor_and_dtype(repeats)
    r = r.to(torch.int64)
    if r.ndim == 0 or r.numel() == 1:
        return _wrap(torch.repeat_interleave(t, int(r.reshape(-1)[0]), dim=ax), arr._dtype)
    if bool((r < 0).any()):
        raise ValueError("repeats may not contain negative values.")
    if r.shape[0] != t.shape[ax]:
        raise ValueError(f"operands could not be broadcast together with shape ({t.shape[ax]},) ({r.shape[0]},)")
    return _wrap(torch.repeat_interleave(t, r, dim=ax), arr._dtype)


def flip(m, axis=None):
    arr = asarray(m)
    if axis is None:
        dims = tuple(range(arr.ndim))
    else:
        dims = _axes_tuple(axis, arr.ndim)
    return _wrap(torch.flip(arr._t, dims), arr._dtype)


def fliplr(m):
    arr = asarray(m)
    if arr.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return flip(arr, 1)


def flipud(m):
    arr = asarray(m)
    if arr.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return flip(arr, 0)


def roll(a, shift, axis=None):
    arr = asarray(a)
    if axis is None:
        n = arr._t.numel()
        if isinstance(shift, (tuple, list)) or (isinstance(shift, ndarray) and shift.ndim):
            return roll(arr.ravel(), shift, 0).reshape(arr.shape)
        k = operator.index(shift) % n if n else 0  # any integer, however large, as NumPy
        return _wrap(torch.roll(arr._t.reshape(-1), k).reshape(arr._t.shape), arr._dtype)
    if isinstance(axis, (tuple, list)):
        axes = tuple(_normalize_axis(x, arr.ndim) for x in axis)
    else:
        axes = (_normalize_axis(axis, arr.ndim),)
    shifts = shift if isinstance(shift, (tuple, list)) else (shift,)
    if len(shifts) == 1 and len(axes) > 1:
        shifts = shifts * len(axes)
    if len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    if len(shifts) != len(axes):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    sizes = arr._t.shape
    shifts = tuple(operator.index(s) % sizes[ax] if sizes[ax] else 0 for s, ax in zip(shifts, axes))
    return _wrap(torch.roll(arr._t, shifts, axes), arr._dtype)


def rot90(m, k=1, axes=(0, 1)):
    arr = asarray(m)
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == arr.ndim:
        raise ValueError("Axes must be different.")
    a0 = _normalize_axis(axes[0], arr.ndim)
    a1 = _normalize_axis(axes[1], arr.ndim)
    return _wrap(torch.rot90(arr._t, k, (a0, a1)), arr._dtype)


def resize(a, new_shape):
    arr = asarray(a)
    shp = _shape_arg(new_shape)
    if any(s < 0 for s in shp):
        raise ValueError("all elements of `new_shape` must be non-negative")
    n = _prod(shp)
    flat = arr._t.reshape(-1)
    if n == 0 or flat.numel() == 0:
        from ._creation import zeros
        return zeros(shp, arr._dtype)
    reps = -(-n // flat.numel())
    return _wrap(flat.repeat(reps)[:n].reshape(shp), arr._dtype)


def append(arr, values, axis=None):
    a = asarray(arr)
    v = asarray(values)
    if axis is None:
        return concatenate([a.ravel(), v.ravel()], 0)
    return concatenate([a, v], axis)


def delete(arr, obj, axis=None):
    a = asarray(arr)
    if axis is None:
        a = a.ravel()
        axis = 0
    ax = _normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    keep = torch.ones(n, dtype=torch.bool, device=a._t.device)
    if isinstance(obj, slice):
        keep[torch.arange(n)[obj]] = False
    else:
        idx, idd = _tensor_and_dtype(obj)
        if idd.kind == "b":
            if idx.shape != (n,):
                raise ValueError(f"boolean array argument obj to delete must be one dimensional and match the axis length of {n}")
            keep = ~idx
        else:
            idx = idx.reshape(-1).to(torch.int64)
            if idx.numel() and (bool((idx >= n).any()) or bool((idx < -n).any())):
                bad = idx[(idx >= n) | (idx < -n)][0].item()
                raise IndexError(f"index {bad} is out of bounds for axis {ax} with size {n}")
            keep[torch.where(idx < 0, idx + n, idx)] = False
    return _wrap(torch.index_select(a._t, ax, torch.nonzero(keep).reshape(-1)), a._dtype)


def insert(arr, obj, values, axis=None):
    a = asarray(arr)
    if axis is None:
        a = a.ravel()
        axis = 0
    ax = _normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    if isinstance(obj, slice):
        obj = list(range(*obj.indices(n)))
    idx, _ = _tensor_and_dtype(obj)
    scalar_index = idx.ndim == 0
    idx = idx.reshape(-1).to(torch.int64)
    if idx.numel() and (bool((idx > n).any()) or bool((idx < -n).any())):
        bad = idx[(idx > n) | (idx < -n)][0].item()
        raise IndexError(f"index {bad} is out of bounds for axis {ax} with size {n}")
    idx = torch.where(idx < 0, idx + n, idx)
    v = asarray(values, dtype=a._dtype)
    if scalar_index:
        vt = v._t
        if vt.ndim == a.ndim:
            vt = torch.movedim(vt, 0, ax) if False else vt
        else:
            vt = vt.unsqueeze(ax) if vt.ndim == a.ndim - 1 else vt
        shape = list(a.shape)
        shape[ax] = vt.shape[ax] if vt.ndim == a.ndim else 1
        vt = torch.broadcast_to(vt, shape)
        pos = int(idx[0])
        parts = [a._t.narrow(ax, 0, pos), vt, a._t.narrow(ax, pos, n - pos)]
        return _wrap(torch.cat(parts, ax), a._dtype)
    k = idx.numel()
    shape = list(a.shape)
    shape[ax] = k
    vt = v._t
    if vt.ndim < a.ndim:
        vt = vt.reshape((1,) * (a.ndim - vt.ndim) + tuple(vt.shape)) if vt.ndim else vt
        if vt.ndim and vt.shape[ax] != k and a.ndim == 1:
            pass
    vt = torch.broadcast_to(vt if vt.ndim == a.ndim else vt.reshape(shape[:ax] + [-1] + shape[ax + 1:]) if vt.numel() == _prod(shape) else vt, shape)
    order = torch.argsort(idx, stable=True)
    sorted_idx = idx[order]
    new_pos = sorted_idx + torch.arange(k, device=idx.device)
    total = n + k
    is_new = torch.zeros(total, dtype=torch.bool, device=idx.device)
    is_new[new_pos] = True
    out_shape = list(a.shape)
    out_shape[ax] = total
    out = torch.empty(out_shape, dtype=a._t.dtype, device=a._t.device)
    old_pos = torch.nonzero(~is_new).reshape(-1)
    out.index_copy_(ax, old_pos, a._t)
    out.index_copy_(ax, new_pos, torch.index_select(vt, ax, order))
    return _wrap(out, a._dtype)


def trim_zeros(filt, trim="fb", axis=None):
    """``np.trim_zeros``: drop the leading ('f') and/or trailing ('b') all-zero
    hyperplanes along ``axis`` (every axis when None); a view of ``filt``."""
    a = asarray(filt)
    how = trim.lower() if isinstance(trim, str) else trim
    if not isinstance(how, str) or how not in ("f", "b", "fb", "bf"):
        raise ValueError(f"unexpected character(s) in `trim`: {trim!r}")
    if a.ndim == 0:
        return a
    axes = range(a.ndim) if axis is None else [_normalize_axis(ax, a.ndim) for ax in
                                               ((axis,) if isinstance(axis, int) else axis)]
    from ._casting import truth
    nz = torch.nonzero(truth(a._t, a._dtype))
    if nz.shape[0] == 0:
        start = stop = [0] * a.ndim
    else:
        start = nz.min(dim=0).values.tolist()
        stop = (nz.max(dim=0).values + 1).tolist()
    key = [slice(None)] * a.ndim
    for ax in axes:
        key[ax] = slice(start[ax] if "f" in how else None, stop[ax] if "b" in how else None)
    return a[tuple(key)]


def pad(array, pad_width, mode="constant", **kwargs):
    arr = asarray(array)
    nd = arr.ndim
    pw, _ = _tensor_and_dtype(pad_width)
    pw = torch.broadcast_to(pw.to(torch.int64).reshape(-1, 2) if pw.numel() > 1 or pw.ndim else pw.reshape(1, 1).expand(1, 2), (nd, 2)).tolist()
    if any(p < 0 for pair in pw for p in pair):
        raise ValueError("index can't contain negative values")
    t = arr._t
    if mode == "constant":
        cv = kwargs.get("constant_values", 0)
        cvt, cvd = _tensor_and_dtype(cv)
        cv_pairs = torch.broadcast_to(cvt.reshape(-1, 2) if cvt.numel() > 1 else cvt.reshape(1, 1).expand(1, 2), (nd, 2)).tolist() if nd else []
        if arr._dtype.kind == "O" and not cvd._pooled:
            # NumPy stores the constants as the NumPy scalars of their array
            from ._scalars import make_scalar
            pool = arr._dtype.pool
            for pair in cv_pairs:
                for i, v in enumerate(pair):
                    pool.append(make_scalar(v, cvd))
                    pair[i] = len(pool) - 1
            cvd = None
        for ax in range(nd):
            before, after = pw[ax]
            if before == 0 and after == 0:
                continue
            shape_b = list(t.shape)
            shape_b[ax] = before
            shape_a = list(t.shape)
            shape_a[ax] = after
            from ._ndarray import _fill_value
            vb, va = cv_pairs[ax]
            if cvd is not None:
                vb, va = _fill_value(vb, arr._dtype), _fill_value(va, arr._dtype)
            t = torch.cat([torch.full(shape_b, vb, dtype=t.dtype, device=t.device), t,
                           torch.full(shape_a, va, dtype=t.dtype, device=t.device)], ax)
        return _wrap(t, arr._dtype)
    if mode in ("edge", "wrap", "reflect", "symmetric"):
        for ax in range(nd):
            before, after = pw[ax]
            n = t.shape[ax]
            if before == 0 and after == 0:
                continue
            if n == 0:
                raise ValueError("can't extend empty axis 0 using modes other than 'constant' or 'empty'")
            idx = _pad_index(n, before, after, mode)
            t = torch.index_select(t, ax, torch.tensor(idx, dtype=torch.int64, device=t.device))
        return _wrap(t, arr._dtype)
    if mode == "empty":
        return pad(arr, pad_width, "constant")
    if mode in ("linear_ramp", "maximum", "mean", "median", "minimum") or callable(mode):
        raise NotImplementedError(f"np.pad: mode={mode!r} is not supported by np2torch")
    raise ValueError(f"mode {mode!r} is not supported")


def _pad_index(n, before, after, mode):
    def src(i):
        if mode == "edge":
            return min(max(i, 0), n - 1)
        if mode == "wrap":
            return i % n
        if mode == "reflect":
            if n == 1:
                return 0
            period = 2 * (n - 1)
            j = i % period
            return j if j < n else period - j
        period = 2 * n
        j = i % period
        return j if j < n else period - 1 - j
    return [src(i) for i in range(-before, n + after)]


def astype(x, dtype, /, *, copy=True, device=None):
    arr = asarray(x)
    r = arr.astype(dtype, copy=copy)
    if device is not None:
        r = _wrap(r._t.to(device), r._dtype)
    return r


def copyto(dst, src, casting="same_kind", where=True):
    if not isinstance(dst, ndarray):
        raise TypeError("copyto() argument 1 must be numpy.ndarray, not " + type(dst).__name__)
    from ._ufuncs import _operands, _write_out
    tensors, dtypes = _operands((src,), False)
    t, d = tensors[0], dtypes[0]
    if not isinstance(t, torch.Tensor):
        d = D.weak_result(dst._dtype, t) if type(t) is not bool else D.bool_
        if dst._dtype._pooled:
            from ._ndarray import _fill_value
            d = dst._dtype
            t = torch.tensor(_fill_value(t, d), device=dst._t.device)
        elif type(t) is int and d.kind in "iu":
            D.check_int_fits(d, t)
        if not isinstance(t, torch.Tensor):
            t = torch.tensor(t if d.kind != "b" else bool(t), dtype=d._torch if d._native else torch.int64, device=dst._t.device)
    mask = None if where is True else _tensor_and_dtype(where, D.bool_)[0]
    try:
        _write_out("copyto", dst, t, d, mask, casting)
    except TypeError as e:
        raise TypeError(str(e).replace("ufunc 'copyto' output", "array data").replace(" with casting rule", " according to the rule")) from None
