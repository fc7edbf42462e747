"""Sorting, searching and set routines (NumPy docs: "Sorting, searching, and
counting" and "Set routines")."""

import operator

import torch

from . import _dtypes as D
from ._casting import cast
from ._ndarray import ndarray, _wrap, box, asarray, _tensor_and_dtype, _normalize_axis

__all__ = ["sort", "argsort", "lexsort", "searchsorted", "partition", "argpartition",
           "unique", "unique_values", "unique_counts", "unique_inverse", "unique_all",
           "sort_complex", "isin", "in1d", "intersect1d", "union1d", "setdiff1d", "setxor1d"]

_KINDS = (None, "quicksort", "mergesort", "heapsort", "stable")


def _sortable(t, d):
    """A tensor whose order matches the NumPy order of t's values."""
    if d is D.uint64:
        return torch.bitwise_xor(t, -(1 << 63))
    if t.dtype is torch.bool:
        return t.to(torch.uint8)
    if t.is_complex():
        raise NotImplementedError("np.sort: complex arrays are not supported by np2torch")
    if d._pooled:
        from ._object import ranks
        return ranks(t, d)
    if d.kind == "m":
        from ._datetime import sortable
        return sortable(t)
    return t


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    if order is not None:
        raise NotImplementedError("np.sort: order= (structured arrays) is not supported by np2torch")
    if kind not in _KINDS:
        raise ValueError(f"sort kind must be one of 'quick', 'heap', or 'stable' (got {kind!r})")
    arr = asarray(a)
    t = arr._t
    if axis is None:
        t = t.reshape(-1)
        axis = 0
    ax = _normalize_axis(operator.index(axis), t.ndim) if t.ndim else 0
    if t.ndim == 0:
        from .exceptions import AxisError
        raise AxisError(axis, 0)
    key = _sortable(t, arr._dtype)
    idx = torch.argsort(key, dim=ax, stable=True)
    return _wrap(torch.gather(t, ax, idx), arr._dtype)


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    if order is not None:
        raise NotImplementedError("np.argsort: order= (structured arrays) is not supported by np2torch")
    arr = asarray(a)
    t = arr._t
    if axis is None:
        t = t.reshape(-1)
        axis = 0
    if t.ndim == 0:
        from .exceptions import AxisError
        raise AxisError(axis, 0)
    ax = _normalize_axis(operator.index(axis), t.ndim)
    return _wrap(torch.argsort(_sortable(t, arr._dtype), dim=ax, stable=True), D.int64)


def lexsort(keys, axis=-1):
    ks = [asarray(k) for k in (keys if not isinstance(keys, ndarray) else list(keys))]
    if not ks:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    n = ks[0].shape[axis]
    idx = torch.arange(n, device=ks[0]._t.device)
    if ks[0].ndim != 1:
        raise NotImplementedError("np.lexsort: only 1-d keys are supported by np2torch")
    for k in ks:
        kt = _sortable(k._t, k._dtype)[idx]
        order = torch.argsort(kt, stable=True)
        idx = idx[order]
    return _wrap(idx, D.int64)


def searchsorted(a, v, side="left", sorter=None):
    arr = asarray(a)
    if arr.ndim != 1:
        raise ValueError("object too deep for desired array")
    vt, vd = _tensor_and_dtype(v)
    d = D.PROMOTE[arr._dtype._index][vd._index]
    at = cast(arr._t, arr._dtype, d)
    vt = cast(vt, vd, d)
    if sorter is not None:
        st, _ = _tensor_and_dtype(sorter)
        at = at[st]
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right' (got {side!r})")
    at = _sortable(at, d)
    vt = _sortable(vt, d)
    r = torch.searchsorted(at.contiguous(), vt.reshape(-1) if vt.ndim else vt.reshape(1), right=side == "right")
    return box(r.reshape(vt.shape), D.int64)


def partition(a, kth, axis=-1, kind="introselect", order=None):
    arr = asarray(a)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    _check_kth(arr, kth, axis)
    return sort(arr, axis)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    arr = asarray(a)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    _check_kth(arr, kth, axis)
    return argsort(arr, axis)


def _check_kth(arr, kth, axis):
    n = arr.shape[_normalize_axis(axis, arr.ndim)]
    for k in (kth if isinstance(kth, (list, tuple)) else asarray(kth).ravel().tolist()):
        if not -n <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")


def sort_complex(a):
    arr = asarray(a)
    d = arr._dtype if arr._dtype.kind == "c" else (D.complex64 if arr._dtype.itemsize <= 2 or arr._dtype in (D.float32,) and False else D.complex128)
    t = cast(arr._t, arr._dtype, d)
    re = t.real
    im = t.imag
    idx = torch.argsort(im, stable=True)
    idx = idx[torch.argsort(re[idx], stable=True)]
    return _wrap(t[idx], d)


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True):
    arr = asarray(ar)
    if axis is not None:
        ax = _normalize_axis(axis, arr.ndim)
        t = torch.movedim(arr._t, ax, 0)
        flat = t.reshape(t.shape[0], -1)
        vals, inv, counts = torch.unique(flat, dim=0, return_inverse=True, return_counts=True)
        first = _first_index(inv, vals.shape[0])
        out = torch.movedim(vals.reshape((-1,) + tuple(t.shape[1:])), 0, ax)
        res = [_wrap(out, arr._dtype)]
        if return_index:
            res.append(_wrap(first, D.int64))
        if return_inverse:
            res.append(_wrap(inv, D.int64))
        if return_counts:
            res.append(_wrap(counts, D.int64))
        return res[0] if len(res) == 1 else tuple(res)
    t = arr._t.reshape(-1)
    key = _sortable(t, arr._dtype)
    order = torch.argsort(key, stable=True)
    st = t[order]
    sk = key[order]
    n = st.shape[0]
    if n:
        new = torch.ones(n, dtype=torch.bool, device=t.device)
        new[1:] = sk[1:] != sk[:-1]
        if st.is_floating_point() and equal_nan:
            nan = torch.isnan(st)
            if bool(nan.any()):
                new[1:] = new[1:] & ~(nan[1:] & nan[:-1])
    else:
        new = torch.zeros(0, dtype=torch.bool, device=t.device)
    vals = st[new]
    res = [_wrap(vals, arr._dtype)]
    group = torch.cumsum(new.to(torch.int64), 0) - 1
    if return_index:
        res.append(_wrap(order[new], D.int64))
    if return_inverse:
        inv = torch.empty_like(order)
        inv[order] = group
        if arr.ndim > 1 and False:
            inv = inv.reshape(arr.shape)
        res.append(_wrap(inv.reshape(arr.shape) if arr.ndim > 1 else inv, D.int64))
    if return_counts:
        counts = torch.bincount(group, minlength=int(vals.shape[0])) if n else torch.zeros(0, dtype=torch.int64)
        res.append(_wrap(counts, D.int64))
    return res[0] if len(res) == 1 else tuple(res)


def _first_index(inv, k):
    n = inv.shape[0]
    first = torch.full((k,), n, dtype=torch.int64, device=inv.device)
    return first.scatter_reduce(0, inv, torch.arange(n, device=inv.device), reduce="amin")


def unique_values(x):
    return unique(x)


def unique_counts(x):
    from collections import namedtuple
    v, c = unique(x, return_counts=True)
    return _UniqueCounts(v, c)


def unique_inverse(x):
    v, i = unique(x, return_inverse=True)
    arr = asarray(x)
    return _UniqueInverse(v, i.reshape(arr.shape))


def unique_all(x):
    arr = asarray(x)
    v, idx, inv, c = unique(arr, return_index=True, return_inverse=True, return_counts=True)
    return _UniqueAll(v, idx, inv.reshape(arr.shape), c)


from collections import namedtuple as _nt
_UniqueCounts = _nt("UniqueCountsResult", ["values", "counts"])
_UniqueInverse = _nt("UniqueInverseResult", ["values", "inverse_indices"])
_UniqueAll = _nt("UniqueAllResult", ["values", "indices", "inverse_indices", "counts"])


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    e = asarray(element)
    te = asarray(test_elements)
    d = D.PROMOTE[e._dtype._index][te._dtype._index]
    et = cast(e._t, e._dtype, d)
    tt = cast(te._t, te._dtype, d).reshape(-1)
    r = torch.isin(et, tt, invert=invert)
    return _wrap(r, D.bool_) if e.ndim else box(r, D.bool_)


def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    return isin(asarray(ar1).ravel(), ar2, invert=invert)


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    a = unique(ar1) if not assume_unique else asarray(ar1).ravel()
    b = unique(ar2) if not assume_unique else asarray(ar2).ravel()
    m = isin(a, b)
    r = a[m]
    if return_indices:
        a_full = asarray(ar1).ravel()
        b_full = asarray(ar2).ravel()
        _, ia = unique(a_full, return_index=True)
        _, ib = unique(b_full, return_index=True)
        ua = unique(a_full)
        ub = unique(b_full)
        ia = ia[isin(ua, r)]
        ib = ib[isin(ub, r)]
        return r, ia, ib
    return r


def union1d(ar1, ar2):
    from ._manipulation import concatenate
    return unique(concatenate([asarray(ar1).ravel(), asarray(ar2).ravel()]))


def setdiff1d(ar1, ar2, assume_unique=False):
    a = unique(ar1) if not assume_unique else asarray(ar1).ravel()
    return a[isin(a, ar2, invert=True)]


def setxor1d(ar1, ar2, assume_unique=False):
    a = unique(ar1) if not assume_unique else asarray(ar1).ravel()
    b = unique(ar2) if not assume_unique else asarray(ar2).ravel()
    from ._manipulation import concatenate
    both = concatenate([a[isin(a, b, invert=True)], b[isin(b, a, invert=True)]])
    return sort(both)
