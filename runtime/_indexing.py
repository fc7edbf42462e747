"""Indexing (NumPy docs: "Indexing routines") and ``ndarray.__getitem__``/``__setitem__``.

torch implements NumPy's basic and advanced indexing rules; this module
normalises keys (NumPy scalars, lists, our arrays, negative-step slices,
which torch lacks), turns fully-integer results into NumPy scalars, and
gives NumPy's exception types and messages.
"""

import operator
import re

import torch

from . import _dtypes as D
from . import _scalars as S
from ._casting import cast, truth
from ._ndarray import ndarray, _wrap, box, asarray, _tensor_and_dtype, _fill_value, _normalize_axis, check_same_device
from ._ndarray import broadcast_shapes_or_raise
from ._flags import READONLY, check_writeable

__all__ = ["take", "put", "choose", "compress", "where", "nonzero", "flatnonzero",
           "argwhere", "place", "putmask", "take_along_axis", "put_along_axis", "extract",
           "ix_", "diag_indices", "diag_indices_from", "tril_indices", "triu_indices",
           "tril_indices_from", "triu_indices_from", "mask_indices", "unravel_index",
           "ravel_multi_index", "flatiter", "ndindex", "ndenumerate", "s_", "index_exp"]

_VALID = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
          "integer or boolean arrays are valid indices")


def _key_item(k):
    """One element of an index key, in a form torch understands."""
    t = type(k)
    if t is int:
        if not -_INTP_LIMIT <= k < _INTP_LIMIT:
            raise IndexError(_VALID)  # no index fits: NumPy's message for it
        return k
    if k is None or k is Ellipsis:
        return k
    if t is slice:
        if (k.start is None or type(k.start) is int) and (k.stop is None or type(k.stop) is int) \
                and (k.step is None or type(k.step) is int):
            return k
        return _int_slice(k)
    if t is ndarray:
        kd = k._dtype.kind
        if kd == "b" or kd in "iu":
            if k._t.ndim == 0 and kd in "iu":
                return int(k._t.item())
            kt = k._t
            if kd != "b" and kt.dtype is not torch.int64 and kt.dtype is not torch.int32:
                # torch reads uint8 tensors as masks and refuses int8/int16
                kt = kt.to(torch.int64)
            return kt
        raise IndexError(_VALID)
    if isinstance(k, S.generic):
        if isinstance(k, S.integer):
            return int(k)
        if isinstance(k, S.bool_):
            return torch.tensor(bool(k))
        raise IndexError(_VALID)
    if t is bool:
        return torch.tensor(k)
    if t is list or t is tuple:
        arr = asarray(k) if k else asarray(k, dtype=D.int64)
        return _key_item(arr)
    if isinstance(k, torch.Tensor):
        if k.dtype.is_floating_point or k.dtype.is_complex:
            raise IndexError(_VALID)
        return k
    if t is float:
        raise IndexError(_VALID)
    if hasattr(k, "__index__"):
        return operator.index(k)
    if hasattr(k, "__array__"):
        return _key_item(asarray(k))
    raise IndexError(_VALID)


_MAXARGS = 64
_INTP_LIMIT = 1 << 63


def _int_slice(k):
    """A slice whose parts are not all ints: NumPy takes anything with __index__."""
    def part(x):
        if x is None or type(x) is int:
            return x
        if isinstance(x, (bool, S.bool_)) or not hasattr(x, "__index__"):
            raise TypeError("slice indices must be integers or None or have an __index__ method")
        return operator.index(x)
    return slice(part(k.start), part(k.stop), part(k.step))


def _shape_str(shape):
    """A shape as NumPy's error messages print it: (100,100), (5,)."""
    dims = ",".join(str(n) for n in shape)
    return f"({dims},)" if len(shape) == 1 else f"({dims})"


def _normalize_key(a, key):
    """(torch key tuple, flip dims, result-is-scalar flag)."""
    if type(key) is not tuple:
        key = (key,)
    items = [_key_item(k) for k in key]
    if items.count(Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if len(items) >= _MAXARGS and sum(isinstance(k, torch.Tensor) for k in items) >= _MAXARGS:
        # NumPy's iterator takes at most 64 operands
        raise IndexError(f"too many advanced indices: at most {_MAXARGS - 1} are supported")
    scalar = all(type(k) is int for k in items)
    flips = None
    if any(type(k) is slice and k.step is not None and k.step < 0 for k in items):
        items, flips = _positive_slices(a, items)
    return tuple(items), flips, scalar


def _positive_slices(a, items):
    """Rewrite negative-step slices as positive ones plus flips of result dims."""
    has_advanced = any(isinstance(k, torch.Tensor) for k in items)
    shape = a._t.shape
    n_ell = sum(1 for k in items if k is Ellipsis)
    consumed = sum(1 for k in items if k is not None and k is not Ellipsis
                   and not (isinstance(k, torch.Tensor) and k.dtype is torch.bool))
    consumed += sum(k.ndim for k in items if isinstance(k, torch.Tensor) and k.dtype is torch.bool)
    out = []
    flips = []
    dim = 0       # input dimension
    out_dim = 0   # output dimension (basic indexing only)
    for k in items:
        if k is Ellipsis:
            skip = len(shape) - consumed
            dim += skip
            out_dim += skip
            out.append(k)
            continue
        if k is None:
            out.append(k)
            out_dim += 1
            continue
        if type(k) is slice:
            if k.step is not None and k.step < 0:
                if dim >= len(shape):
                    raise IndexError("too many indices for array")
                idx = range(*k.indices(shape[dim]))
                if has_advanced:
                    k = torch.tensor(list(idx), dtype=torch.int64, device=a._t.device)
                else:
                    if len(idx):
                        k = slice(idx[-1], idx[0] + 1, -k.step)
                    else:
                        k = slice(0, 0)
                    flips.append(out_dim)
            out.append(k)
            dim += 1
            out_dim += 1
            continue
        out.append(k)
        if isinstance(k, torch.Tensor) and k.dtype is torch.bool:
            dim += k.ndim
        else:
            dim += 1
    n_ell = n_ell
    return out, flips


def _translate(e, a, key):
    msg = str(e)
    if "out of bounds" in msg or "out of range" in msg:
        msg = msg.replace("dimension", "axis")
        return IndexError(msg)
    if "too many indices" in msg:
        n = sum(1 for k in key if k is not None and k is not Ellipsis)
        return IndexError(f"too many indices for array: array is {a.ndim}-dimensional, "
                          f"but {n} were indexed")
    if "shape mismatch" in msg or "cannot be broadcast" in msg:
        return IndexError("shape mismatch: indexing arrays could not be broadcast together")
    if "mask" in msg and "does not match" in msg:
        found = re.search(r"mask \[([\d, ]*)\] at index (\d+) does not match the shape of the "
                          r"indexed tensor \[([\d, ]*)\] at index (\d+)", msg)
        if found:
            mask_shape, mask_at, shape, axis = found.groups()
            mask_size = mask_shape.split(", ")[int(mask_at)]
            size = shape.split(", ")[int(axis)]
            return IndexError(f"boolean index did not match indexed array along axis {axis}; size of "
                              f"axis is {size} but size of corresponding boolean axis is {mask_size}")
        return IndexError(msg.replace("dimension", "axis"))
    return IndexError(msg)


def getitem(a, key):
    t = a._t
    if type(key) is int:
        try:
            r = t[key]
        except (IndexError, ValueError, OverflowError):
            if not -_INTP_LIMIT <= key < _INTP_LIMIT:
                raise IndexError(_VALID) from None
            n = t.shape[0] if t.ndim else 0
            if t.ndim == 0:
                raise IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed") from None
            raise IndexError(f"index {key} is out of bounds for axis 0 with size {n}") from None
        return box(r, a._dtype) if r.ndim == 0 else _wrap(r, a._dtype)
    if type(key) is slice and (key.step is None or key.step > 0):
        return _wrap(t[key], a._dtype)
    if type(key) is ndarray and key._t.ndim and key._dtype._native:
        # a boolean mask or an integer index array: torch's own rules are NumPy's
        k = key._t
        if (k.dtype is torch.bool and k.shape == t.shape) or (
                (k.dtype is torch.int64 or k.dtype is torch.int32) and t.ndim):
            try:
                return _wrap(t[k], a._dtype)
            except (IndexError, RuntimeError):
                pass  # the general path below reports it NumPy's way
    items, flips, scalar = _normalize_key(a, key)
    try:
        r = t[items]
    except (IndexError, RuntimeError, TypeError) as e:
        raise _translate(e, a, items) from None
    if flips:
        r = torch.flip(r, flips)
    if scalar and r.ndim == 0:
        return box(r, a._dtype)
    return _wrap(r, a._dtype)


def _value_tensor(value, d, device):
    if type(value) in (int, float, bool, complex) or isinstance(value, S.generic):
        return _fill_value(value, d)
    if isinstance(value, ndarray):
        vt = cast(value._t, value._dtype, d) if value._dtype is not d else value._t
    else:
        vt, vd = _tensor_and_dtype(value)
        vt = cast(vt, vd, d)
    if vt.device != device:
        vt = vt.to(device)
    return vt


def setitem(a, key, value):
    if READONLY:
        check_writeable(a)
    t = a._t
    if a._dtype._pooled:
        from ._object import setitem_value
        try:
            v = setitem_value(a, _normalize_key(a, key)[0], value)
        except (IndexError, RuntimeError, TypeError) as e:
            if isinstance(e, TypeError) and not isinstance(value, ndarray):
                raise
            raise _translate(e, a, key if type(key) is tuple else (key,)) from None
    else:
        v = _value_tensor(value, a._dtype, t.device)
    if isinstance(v, torch.Tensor) and v.ndim:
        # NumPy drops leading length-1 axes of the value (a[0] = ones((1, n)))
        lead = 0
        while lead < v.ndim - 1 and v.shape[lead] == 1:
            lead += 1
        if lead:
            v = v.reshape(v.shape[lead:])
    if isinstance(v, torch.Tensor) and v.numel() > 1 and (
            torch.compiler.is_compiling() or _same_storage(v, t)):
        # NumPy buffers overlapping assignments (a[1:] = a[:-1]); torch refuses them
        v = v.clone()
    items, flips, _ = _normalize_key(a, key)
    try:
        if flips:
            target = t[items]
            if isinstance(v, torch.Tensor):
                try:
                    v = torch.flip(torch.broadcast_to(v, target.shape), flips)
                except RuntimeError:
                    raise ValueError(f"could not broadcast input array from shape {_shape_str(v.shape)} "
                                     f"into shape {_shape_str(target.shape)}") from None
            target.copy_(v) if isinstance(v, torch.Tensor) else target.fill_(v)
            return
        if isinstance(v, torch.Tensor) and v.ndim and all(k is None or k is Ellipsis or type(k) in (int, slice) for k in items):
            target = t[items]
            try:
                target.copy_(torch.broadcast_to(v, target.shape))
            except RuntimeError:
                raise ValueError(f"could not broadcast input array from shape {_shape_str(v.shape)} "
                                 f"into shape {_shape_str(target.shape)}") from None
            return
        try:
            t[items] = v
        except RuntimeError as e:
            if "single memory location" not in str(e):
                raise
            # an index array that is a view of the target (a[2:][a[:-2]] = 3): NumPy
            # reads indices before writing; give torch its own copy of them
            t[tuple(k.clone() if isinstance(k, torch.Tensor) else k for k in items)] = v
    except ValueError:
        raise
    except (IndexError, RuntimeError, TypeError) as e:
        msg = str(e)
        if "shape mismatch" in msg and isinstance(v, torch.Tensor):
            try:
                result = f" of shape {_shape_str(t[items].shape)}"
            except (IndexError, RuntimeError, TypeError):
                result = ""
            raise ValueError(f"shape mismatch: value array of shape {_shape_str(v.shape)} could not be "
                             f"broadcast to indexing result{result}") from None
        raise _translate(e, a, items) from None


class flatiter:
    """``ndarray.flat``: a 1-d view-like iterator over the array in C order."""

    def __init__(self, arr):
        self.base = arr
        self.index = 0

    def _flat(self):
        return self.base._t.reshape(-1)

    def __len__(self):
        return self.base.size

    def __iter__(self):
        d = self.base._dtype
        for v in self.base.ravel().tolist():
            yield S.make_scalar(v, d)

    def __getitem__(self, key):
        return getitem(_wrap(self._flat(), self.base._dtype), key)

    def __setitem__(self, key, value):
        if READONLY:
            check_writeable(self.base)
        t = self.base._t
        if t.is_contiguous():
            setitem(_wrap(t.view(-1), self.base._dtype), key, value)
        else:
            flat = t.reshape(-1).clone()
            setitem(_wrap(flat, self.base._dtype), key, value)
            t.copy_(flat.reshape(t.shape))

    def __array__(self, dtype=None, copy=None):
        return self.base.ravel().__array__(dtype)

    def copy(self):
        return self.base.flatten()

    @property
    def coords(self):
        return unravel_index(self.index, self.base.shape)


# -- indexing routines --------------------------------------------------------------

def _axis_arg(axis, ndim):
    return _normalize_axis(operator.index(axis), ndim)


def _check_clipmode(mode):
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")


def take(a, indices, axis=None, out=None, mode="raise"):
    _check_clipmode(mode)
    arr = asarray(a)
    idx, idd = _tensor_and_dtype(indices)
    if idd.kind not in "iu":
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
    t = arr._t.reshape(-1) if axis is None else arr._t
    ax = 0 if axis is None else _axis_arg(axis, arr.ndim)
    n = t.shape[ax]
    if mode == "wrap":
        idx = torch.remainder(idx, n)
    elif mode == "clip":
        idx = idx.clamp(0, n - 1)
    else:
        if idx.numel() and (bool((idx >= n).any()) or bool((idx < -n).any())):
            bad = idx[(idx >= n) | (idx < -n)].reshape(-1)[0].item()
            raise IndexError(f"index {bad} is out of bounds for axis {ax} with size {n}")
        idx = torch.where(idx < 0, idx + n, idx)
    r = torch.index_select(t, ax, idx.reshape(-1).to(torch.int64))
    r = r.reshape(t.shape[:ax] + tuple(idx.shape) + t.shape[ax + 1:])
    res = box(r, arr._dtype)
    if out is not None:
        out[...] = res
        return out
    return res


def put(a, ind, v, mode="raise"):
    _check_clipmode(mode)
    if not isinstance(a, ndarray):
        raise TypeError("argument a of put must be a numpy array")
    if READONLY:
        check_writeable(a)
    idx, _ = _tensor_and_dtype(ind)
    idx = idx.reshape(-1).to(torch.int64)
    vals = _tensor_and_dtype(v, a._dtype)[0].reshape(-1)
    n = a.size
    if mode == "wrap":
        idx = torch.remainder(idx, n)
    elif mode == "clip":
        idx = idx.clamp(0, n - 1)
    elif idx.numel() and (bool((idx >= n).any()) or bool((idx < -n).any())):
        bad = idx[(idx >= n) | (idx < -n)][0].item()
        raise IndexError(f"index {bad} is out of bounds for axis 0 with size {n}")
    if vals.numel() == 0 or idx.numel() == 0:
        return
    if vals.numel() < idx.numel():
        vals = vals.repeat((idx.numel() + vals.numel() - 1) // vals.numel())[: idx.numel()]
    flat = a._t.reshape(-1)
    flat[idx] = vals[: idx.numel()]
    if not _same_storage(flat, a._t):
        a._t.copy_(flat.reshape(a._t.shape))


def _same_storage(x, y):
    if torch.compiler.is_compiling():
        # storage pointers cannot be traced: "not shared" makes callers copy back
        return False
    return x.untyped_storage().data_ptr() == y.untyped_storage().data_ptr()


def choose(a, choices, out=None, mode="raise"):
    _check_clipmode(mode)
    idx = asarray(a)
    choices = list(choices)
    arrays = [asarray(c) for c in choices]
    # NumPy's result_type of the choices: Python scalars among them are weak
    d = D.result_type(*[c if type(c) in (int, float, complex) else arr for c, arr in zip(choices, arrays)])
    if d._pooled:
        d = D.pooled_result(d, [c._dtype for c in arrays])
    ts = [cast(c._t, c._dtype, d) for c in arrays]
    shape = broadcast_shapes_or_raise(idx._t.shape, *[t.shape for t in ts])
    n = len(ts)
    it = idx._t
    if mode == "wrap":
        it = torch.remainder(it, n)
    elif mode == "clip":
        it = it.clamp(0, n - 1)
    elif bool((it < 0).any()) or bool((it >= n).any()):
        raise ValueError("invalid entry in choice array")
    stacked = torch.stack([t.expand(shape) for t in ts])
    r = torch.gather(stacked, 0, it.expand(shape).unsqueeze(0).to(torch.int64)).squeeze(0).clone()  # owns its data
    if out is not None:
        out[...] = _wrap(r, d)
        return out
    return box(r, d)


def compress(condition, a, axis=None, out=None):
    cond, _ = _tensor_and_dtype(condition, D.bool_)
    arr = asarray(a)
    t = arr._t.reshape(-1) if axis is None else arr._t
    ax = 0 if axis is None else _axis_arg(axis, arr.ndim)
    n = t.shape[ax]
    if cond.shape[0] > n:
        raise IndexError(f"index {n} is out of bounds for axis {ax} with size {n}")
    idx = torch.nonzero(cond.reshape(-1)).reshape(-1)
    return _wrap(torch.index_select(t, ax, idx), arr._dtype)


def where(condition, x=None, y=None, /):
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    if (type(condition) is ndarray and type(x) is ndarray and type(y) is ndarray
            and condition._dtype is D.bool_ and x._dtype is y._dtype._nbo):
        try:
            return _wrap(torch.where(condition._t, x._t, y._t), x._dtype)
        except RuntimeError:
            pass  # shapes that do not broadcast: the general path says so
    cond, _ = _tensor_and_dtype(condition, D.bool_)
    from ._ufuncs import _operands
    (tx, ty), (dx, dy) = _operands((x, y), False)
    d = D.PROMOTE[dx._index][dy._index]
    if d._pooled:
        d = D.pooled_result(d, [dx, dy])
    device = cond.device
    tx = cast(tx, dx, d) if isinstance(tx, torch.Tensor) else torch.tensor(_fill_value(tx, d), dtype=d._torch, device=device)
    ty = cast(ty, dy, d) if isinstance(ty, torch.Tensor) else torch.tensor(_fill_value(ty, d), dtype=d._torch, device=device)
    broadcast_shapes_or_raise(cond.shape, tx.shape, ty.shape)
    check_same_device((cond, tx, ty))
    return _wrap(torch.where(cond, tx, ty), d)


def nonzero(a):
    arr = asarray(a)
    if arr.ndim == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. "
                         "If the context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.")
    t = truth(arr._t, arr._dtype)
    return tuple(_wrap(c, D.int64) for c in torch.nonzero(t, as_tuple=True))


def flatnonzero(a):
    arr = asarray(a)
    return _wrap(torch.nonzero(truth(arr._t.reshape(-1), arr._dtype)).reshape(-1), D.int64)


def argwhere(a):
    arr = asarray(a)
    t = arr._t if arr.ndim else arr._t.reshape(1)
    r = torch.nonzero(truth(t, arr._dtype))
    if arr.ndim == 0:
        r = r[:, :0]
    return _wrap(r, D.int64)


def extract(condition, arr):
    c, _ = _tensor_and_dtype(condition, D.bool_)
    a = asarray(arr)
    return _wrap(a._t.reshape(-1)[c.reshape(-1)], a._dtype)


def place(arr, mask, vals):
    if not isinstance(arr, ndarray):
        raise TypeError("argument 1 must be numpy.ndarray, not " + type(arr).__name__)
    if READONLY:
        check_writeable(arr)
    m, _ = _tensor_and_dtype(mask, D.bool_)
    v = _tensor_and_dtype(vals, arr._dtype)[0].reshape(-1)
    m = m.reshape(-1)
    k = int(m.sum())
    if k == 0:
        return
    if v.numel() == 0:
        raise ValueError("Cannot insert from an empty array!")
    v = v.repeat((k + v.numel() - 1) // v.numel())[:k]
    flat = arr._t.reshape(-1)
    flat[m] = v
    if not _same_storage(flat, arr._t):
        arr._t.copy_(flat.reshape(arr._t.shape))


def putmask(a, mask, values):
    if not isinstance(a, ndarray):
        raise TypeError("argument a of putmask must be a numpy array")
    if READONLY:
        check_writeable(a)
    m, _ = _tensor_and_dtype(mask, D.bool_)
    if tuple(m.shape) != a.shape:
        raise ValueError("putmask: mask and data must be the same size")
    v = _tensor_and_dtype(values, a._dtype)[0].reshape(-1)
    if v.numel() == 0:
        return
    n = a.size
    full = v.repeat((n + v.numel() - 1) // v.numel())[:n].reshape(a._t.shape)
    a._t.copy_(torch.where(m, full, a._t))


def take_along_axis(arr, indices, axis=-1):
    a = asarray(arr)
    idx, idd = _tensor_and_dtype(indices)
    if idd.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        t = a._t.reshape(-1)
        return _wrap(torch.gather(t, 0, idx.reshape(-1)), a._dtype)
    ax = _axis_arg(axis, a.ndim)
    if idx.ndim != a.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    shape = list(torch.broadcast_shapes(tuple(s if i != ax else 1 for i, s in enumerate(a._t.shape)),
                                        tuple(s if i != ax else 1 for i, s in enumerate(idx.shape))))
    tshape = list(shape)
    tshape[ax] = a._t.shape[ax]
    ishape = list(shape)
    ishape[ax] = idx.shape[ax]
    n = a._t.shape[ax]
    idx = torch.where(idx < 0, idx + n, idx)
    return _wrap(torch.gather(a._t.expand(tshape), ax, idx.expand(ishape)), a._dtype)


def put_along_axis(arr, indices, values, axis):
    if READONLY:
        check_writeable(arr)
    idx, _ = _tensor_and_dtype(indices)
    if axis is None:
        flat = arr._t.reshape(-1)
        v = _tensor_and_dtype(values, arr._dtype)[0]
        flat.scatter_(0, idx.reshape(-1), torch.broadcast_to(v, idx.reshape(-1).shape).clone())
        if not _same_storage(flat, arr._t):
            arr._t.copy_(flat.reshape(arr._t.shape))
        return
    ax = _axis_arg(axis, arr.ndim)
    n = arr._t.shape[ax]
    idx = torch.where(idx < 0, idx + n, idx)
    shape = list(torch.broadcast_shapes(tuple(s if i != ax else 1 for i, s in enumerate(arr._t.shape)),
                                        tuple(s if i != ax else 1 for i, s in enumerate(idx.shape))))
    ishape = list(shape)
    ishape[ax] = idx.shape[ax]
    idx = idx.expand(ishape)
    v = _tensor_and_dtype(values, arr._dtype)[0]
    arr._t.scatter_(ax, idx, torch.broadcast_to(v, idx.shape).clone())


def ix_(*args):
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        a = asarray(new)
        if a.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if a.size == 0 and not isinstance(new, ndarray):
            a = a.astype(D.int64)  # an untyped empty sequence indexes
        if a._dtype.kind == "b":
            a = nonzero(a)[0]
        out.append(a.reshape((1,) * k + (a.size,) + (1,) * (nd - k - 1)))
    return tuple(out)


def diag_indices(n, ndim=2):
    idx = _wrap(torch.arange(n), D.int64)
    return (idx,) * ndim


def diag_indices_from(arr):
    a = asarray(arr)
    if a.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if len(set(a.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(a.shape[0], a.ndim)


def tril_indices(n, k=0, m=None):
    m = n if m is None else m
    mask = torch.ones((n, m), dtype=torch.bool).tril(k)
    return tuple(_wrap(c, D.int64) for c in torch.nonzero(mask, as_tuple=True))


def triu_indices(n, k=0, m=None):
    m = n if m is None else m
    mask = torch.ones((n, m), dtype=torch.bool).triu(k)
    return tuple(_wrap(c, D.int64) for c in torch.nonzero(mask, as_tuple=True))


def tril_indices_from(arr, k=0):
    a = asarray(arr)
    if a.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(a.shape[-2], k=k, m=a.shape[-1])


def triu_indices_from(arr, k=0):
    a = asarray(arr)
    if a.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(a.shape[-2], k=k, m=a.shape[-1])


def mask_indices(n, mask_func, k=0):
    from ._creation import ones
    m = mask_func(ones((n, n), dtype=int), k)
    return nonzero(m != 0)


_EMPTY_INDICES = ("indices must be integral: the provided empty sequence was inferred as float. "
                  "Wrap it with 'np.array(indices, dtype=np.intp)'")
_INTP_MAX = (1 << 63) - 1


def _integral_indices(x):
    """An index operand of unravel_index/ravel_multi_index as an int64 tensor."""
    if type(x) in (list, tuple) and not x:
        raise TypeError(_EMPTY_INDICES)
    arr = asarray(x)
    if arr._dtype.kind not in "biu":
        raise TypeError(_EMPTY_INDICES if type(x) in (list, tuple) and arr.size == 0
                        else "only int indices permitted")
    return arr._t.to(torch.int64), arr.ndim == 0 and not isinstance(x, ndarray)


def _check_order(order):
    if order not in ("C", "F", "A", "K"):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    return "F" if order == "F" else "C"


def _dims(shape):
    dims = (operator.index(shape),) if not isinstance(shape, (tuple, list)) else tuple(operator.index(s) for s in shape)
    total = 1
    for n in dims:
        total *= n
    if total > _INTP_MAX:
        raise ValueError("invalid dims: array size defined by dims is larger than the maximum possible size.")
    return dims, total


def _strides(dims, order):
    strides = [0] * len(dims)
    acc = 1
    for i in (range(len(dims) - 1, -1, -1) if order == "C" else range(len(dims))):
        strides[i] = acc
        acc *= dims[i]
    return strides


def unravel_index(indices, shape, order="C"):
    order = _check_order(order)
    t, scalar = _integral_indices(indices)
    dims, total = _dims(shape)
    if t.numel() and (bool((t < 0).any()) or bool((t >= total).any())):
        bad = t[(t < 0) | (t >= total)].reshape(-1)[0].item()
        raise ValueError(f"index {bad} is out of bounds for array with size {total}")
    if not dims:
        if t.ndim:
            raise ValueError("multiple indices are not supported for 0d arrays")
        return ()
    out = [t // stride % n if n else t for n, stride in zip(dims, _strides(dims, order))]
    return tuple(box(o, D.int64) if scalar else _wrap(o, D.int64) for o in out)


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    order = _check_order(order)
    dims, _ = _dims(dims)
    parts = [_integral_indices(i) for i in multi_index]
    if len(parts) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    modes = tuple(mode) if isinstance(mode, (tuple, list)) else (mode,) * len(dims)
    try:
        idx = torch.broadcast_tensors(*[t for t, _ in parts]) if parts else []
    except RuntimeError:
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape") from None
    fixed = []
    for t, n, m in zip(idx, dims, modes):
        if m not in ("raise", "wrap", "clip"):
            raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {m!r})")
        if n == 0 and t.numel():
            raise ValueError("cannot unravel if shape has zero entries (is empty).")
        if m == "wrap" and n:
            t = torch.remainder(t, n)
        elif m == "clip" and n:
            t = t.clamp(0, n - 1)
        elif m == "raise" and t.numel() and (bool((t < 0).any()) or bool((t >= n).any())):
            raise ValueError("invalid entry in coordinates array")
        fixed.append(t)
    r = torch.zeros((), dtype=torch.int64)
    for t, stride in zip(fixed, _strides(dims, order)):
        r = r + t * stride
    if all(scalar for _, scalar in parts):
        return box(r, D.int64)
    return _wrap(r, D.int64)


class ndindex:
    """``np.ndindex``: an iterator over the index tuples of a shape, in C order."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(operator.index(s) for s in shape)
        if any(n < 0 for n in self._shape):
            raise ValueError("negative dimensions are not allowed")
        import itertools
        self._it = itertools.product(*(range(n) for n in self._shape))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """``np.ndenumerate``: (index, value) pairs in C order."""

    def __init__(self, arr):
        self._arr = asarray(arr)

    def __iter__(self):
        a = self._arr
        values = a.ravel().tolist()
        d = a._dtype
        for idx, v in zip(ndindex(a.shape), values):
            yield idx, S.make_scalar(v, d)


class IndexExpression:
    """``np.s_`` / ``np.index_exp``: build index tuples with slice syntax."""

    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = IndexExpression(maketuple=True)
s_ = IndexExpression(maketuple=False)
