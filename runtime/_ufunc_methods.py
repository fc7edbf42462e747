"""``ufunc.reduce``, ``accumulate``, ``reduceat``, ``outer`` and ``at``.

Reductions of the common ufuncs map to torch's reductions; any other binary
ufunc reduces by repeated application along the axis (correct for every
ufunc, fast enough for the rare ones).
"""

import operator

import torch

from . import _dtypes as D
from ._errstate import in_method
from ._ndarray import ndarray, _wrap, box, asarray, _tensor_and_dtype, _normalize_axis
from ._flags import READONLY, check_writeable


def _axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (tuple, list)):
        return tuple(_normalize_axis(operator.index(a), ndim) for a in axis)
    return (_normalize_axis(operator.index(axis), ndim),)


def reduce(uf, array, axis=0, dtype=None, out=None, keepdims=False, initial=None, where=True):
    from . import _reductions as R
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError("reduce only supported for binary functions")
    name = uf.__name__
    kwargs = dict(out=out, keepdims=keepdims, where=where)
    arr = asarray(array)
    if (arr._dtype.kind == "O" or (dtype is not None and D.dtype(dtype).kind == "O")
            or getattr(uf, "_object_loop", None) is not None):
        return _object_reduce(uf, arr, axis, out, keepdims, initial, where)
    if name == "add":
        return R.sum(arr, axis, dtype, initial=initial, **kwargs)
    if name == "multiply":
        return R.prod(arr, axis, dtype, initial=initial, **kwargs)
    if name in ("maximum", "fmax"):
        return R.max(arr, axis, initial=initial, **kwargs)
    if name in ("minimum", "fmin"):
        return R.min(arr, axis, initial=initial, **kwargs)
    if name in ("logical_and",):
        return R.all(arr, axis, out=out, keepdims=keepdims, where=where)
    if name in ("logical_or",):
        return R.any(arr, axis, out=out, keepdims=keepdims, where=where)
    with in_method("reduce"):
        return _generic_reduce(uf, arr, axis, dtype, out, keepdims, initial)


def _object_reduce(uf, arr, axis, out, keepdims, initial, where):
    from . import _object as O
    fn = O.loop_of(uf)
    if fn is None or uf.__name__ in O.BOOL_RESULTS:
        raise NotImplementedError(f"np.{uf.__name__}.reduce: object arrays are not supported by np2torch")
    return O.reduce(fn, uf.__name__, arr, _axes(axis, arr.ndim), keepdims,
                    O._NO_INITIAL if initial is None else initial, where,
                    O._NO_INITIAL if uf.identity is None else uf.identity, out)


def _generic_reduce(uf, arr, axis, dtype, out, keepdims, initial):
    axes = _axes(axis, arr.ndim)
    result = arr if dtype is None else arr.astype(dtype)
    for ax in sorted(axes, reverse=True):
        n = result.shape[ax]
        if n == 0:
            if initial is None and uf.identity is None:
                raise ValueError(f"zero-size array to reduction operation {uf.__name__} which has no identity")
            from ._creation import full
            shape = result.shape[:ax] + result.shape[ax + 1:]
            result = full(shape, initial if initial is not None else uf.identity, dtype=result.dtype)
            continue
        parts = result._t.unbind(ax)
        acc = _wrap(parts[0], result._dtype)
        if initial is not None:
            acc = uf(initial, acc)
        for p in parts[1:]:
            acc = uf(acc, _wrap(p, result._dtype))
        result = asarray(acc)
    if keepdims:
        shape = tuple(1 if i in axes else s for i, s in enumerate(arr.shape))
        result = result.reshape(shape)
    if out is not None:
        out[...] = result
        return out
    return result[()] if result.ndim == 0 else result


def accumulate(uf, array, axis=0, dtype=None, out=None):
    from . import _reductions as R
    arr = asarray(array)
    if arr.ndim == 0:
        raise TypeError("cannot accumulate on a scalar")
    name = uf.__name__
    d = arr.dtype if dtype is None else D.dtype(dtype)
    if d._pooled and d.kind != "O" and getattr(uf, "_object_loop", None) is None:
        raise uf._no_loop([d, d])  # strings and records: no accumulating loops
    if d.kind == "O" or getattr(uf, "_object_loop", None) is not None:
        from . import _object as O
        fn = O.loop_of(uf)
        if fn is None or name in O.BOOL_RESULTS or uf.nin != 2:
            raise NotImplementedError(f"np.{name}.accumulate: object arrays are not supported by np2torch")
        return O.accumulate(fn, arr, _normalize_axis(axis, arr.ndim), out)
    if name == "add":
        r = R.cumsum(arr, axis, d)
    elif name == "multiply":
        r = R.cumprod(arr, axis, d)
    else:
        ax = _normalize_axis(axis, arr.ndim)
        t = arr.astype(d)._t
        if name in ("maximum", "minimum") and d.kind != "m":
            fn = torch.cummax if name == "maximum" else torch.cummin
            r = _wrap(fn(t, ax).values, d)
        else:
            parts = t.unbind(ax)
            acc = _wrap(parts[0], d)
            outs = [acc._t]
            with in_method("accumulate"):
                for p in parts[1:]:
                    acc = asarray(uf(acc, _wrap(p, d)))
                    outs.append(acc._t)
            r = _wrap(torch.stack(outs, ax), asarray(acc)._dtype)
    if out is not None:
        out[...] = r
        return out
    return r


def reduceat(uf, array, indices, axis=0, dtype=None, out=None):
    arr = asarray(array)
    if arr._dtype.kind == "O":
        raise NotImplementedError(f"np.{uf.__name__}.reduceat: object arrays are not supported by np2torch")
    idx = asarray(indices).tolist()
    ax = _normalize_axis(axis, arr.ndim)
    n = arr.shape[ax]
    pieces = []
    for i, start in enumerate(idx):
        if not 0 <= start < n:
            raise IndexError(f"index {start} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
        stop = idx[i + 1] if i + 1 < len(idx) else n
        if stop <= start:
            piece = arr._t.narrow(ax, start, 1)
            pieces.append(piece)
            continue
        seg = _wrap(arr._t.narrow(ax, start, stop - start), arr._dtype)
        with in_method("reduceat"):
            red = asarray(reduce(uf, seg, ax, dtype, keepdims=True))
        pieces.append(red._t)
    d = D.dtype(dtype) if dtype is not None else D.dtype(pieces[0].dtype) if pieces else arr._dtype
    r = _wrap(torch.cat([p.to(pieces[0].dtype) for p in pieces], ax), arr._dtype if dtype is None else d)
    if out is not None:
        out[...] = r
        return out
    return r


def outer(uf, A, B, **kwargs):
    a = asarray(A)
    b = asarray(B)
    a2 = a.reshape(a.shape + (1,) * b.ndim)
    return uf(a2, b, **kwargs)


def at(uf, a, indices, b=None):
    if not isinstance(a, ndarray):
        raise TypeError("first operand must be array")
    if READONLY:
        check_writeable(a)
    sub = a[indices]
    if isinstance(indices, tuple):
        key = indices
    else:
        key = (indices,)
    # unbuffered: repeated indices apply repeatedly
    from ._indexing import _normalize_key
    items, _, _ = _normalize_key(a, key)
    idx_tensors = [k for k in items if isinstance(k, torch.Tensor)]
    if (uf.__name__ == "add" and b is not None and not a._dtype._pooled and a._dtype.kind != "m"
            and len(items) == 1 and isinstance(items[0], torch.Tensor) and items[0].dtype is not torch.bool):
        from ._casting import cast
        bt, bd = _tensor_and_dtype(b)
        vals = torch.broadcast_to(cast(bt, bd, a._dtype), a._t[items].shape)
        a._t.index_put_(items, vals, accumulate=True)
        return None
    if not idx_tensors:
        a[indices] = uf(sub, b) if b is not None else uf(sub)
        return None
    # general case: apply element by element in index order
    flat_idx = torch.broadcast_tensors(*[k for k in idx_tensors])
    count = flat_idx[0].numel()
    bvals = None if b is None else asarray(b)
    for i in range(count):
        key_i = tuple(int(k.reshape(-1)[i]) if isinstance(k, torch.Tensor) else k for k in items)
        cur = a[key_i]
        if bvals is None:
            a[key_i] = uf(cur)
        else:
            bv = bvals if bvals.ndim == 0 else bvals.reshape(-1)[i % bvals.size]
            a[key_i] = uf(cur, bv)
    return None
