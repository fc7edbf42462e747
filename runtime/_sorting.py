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
    if d._nbo is D.uint64:
        return torch.bitwise_xor(t, -(1 << 63))
    if t.dtype is torch.bool:
        return t.to(torch.uint8)
    if t.is_complex():
        raise NotImplementedError("np.searchsorted / np.lexsort: complex keys are not supported by np2torch")
    if d._pooled:
        from ._object import ranks
        return ranks(t, d)
    if d.kind == "m":
        from ._datetime import sortable
        return sortable(t)
    return t


_INT_OF_FLOAT = {torch.float16: torch.int16, torch.float32: torch.int32, torch.float64: torch.int64}


def _search_key(t, d):
    """A key torch.searchsorted compares in NumPy's order.  For floats that is a
    total order with -0.0 == 0.0 and every NaN last: the bit pattern as a signed
    integer, with the magnitude bits flipped for negative values."""
    if not t.is_floating_point():
        return _sortable(t, d)
    ints = _INT_OF_FLOAT.get(t.dtype)
    if ints is None:  # bfloat16 and the like: no NaN handling needed here
        return t
    canonical = torch.where(torch.isnan(t), torch.full_like(t, float("nan")).abs(), t) + 0.0
    bits = canonical.view(ints)
    magnitude = torch.iinfo(ints).max
    return torch.where(bits < 0, bits ^ magnitude, bits)


def _argsort(t, d, ax):
    """Stable argsort in NumPy's order along ``ax``.  Complex values order by real
    part, then imaginary part, with every value holding a NaN after all others:
    x+nanj, then nan+yj, then nan+nanj.  Three stable passes, least significant
    key first: imaginary part, real part, NaN group."""
    if not t.is_complex():
        return torch.argsort(_sortable(t, d), dim=ax, stable=True)
    re_nan, im_nan = torch.isnan(t.real), torch.isnan(t.imag)
    group = torch.where(re_nan, 2, 0) + torch.where(im_nan, 1, 0)  # x+nanj before nan+yj
    idx = torch.argsort(t.imag, dim=ax, stable=True)
    for key in (t.real, group):
        idx = torch.take_along_dim(idx, torch.argsort(torch.take_along_dim(key, idx, dim=ax),
                                                      dim=ax, stable=True), dim=ax)
    return idx


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
    idx = _argsort(t, arr._dtype, ax)
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
    return _wrap(_argsort(t, arr._dtype, ax), D.int64)


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
    at = _search_key(at, d)
    vt = _search_key(vt, d)
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
    # NumPy's result types: small integers -> complex64, everything else complex128
    d = arr._dtype if arr._dtype.kind == "c" else D.complex64 if arr._dtype.char in "bhBH" else D.complex128
    t = cast(arr._t, arr._dtype, d).reshape(-1) if arr.ndim != 1 else cast(arr._t, arr._dtype, d)
    return _wrap(t[_argsort(t, d, 0)], d)


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
    order = _argsort(t, arr._dtype, 0)
    st = t[order]
    sk = st if st.is_complex() else _sortable(st, arr._dtype)
    n = st.shape[0]
    if n:
        new = torch.ones(n, dtype=torch.bool, device=t.device)
        new[1:] = sk[1:] != sk[:-1]
        if (st.is_floating_point() or st.is_complex()) and equal_nan:
            # every NaN (for complex: a NaN in either part) is one value
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
    if d is D.bool_:  # torch.isin has no bool kernel
        et, tt = et.to(torch.uint8), tt.to(torch.uint8)
    if et.is_complex():  # nor a complex one: compare against every test value, in chunks
        flat = et.reshape(-1)
        step = max(1, (1 << 22) // max(1, tt.numel()))
        found = torch.cat([(flat[i:i + step, None] == tt[None, :]).any(1)
                           for i in range(0, flat.numel(), step)] or [flat.new_zeros(0, dtype=torch.bool)])
        r = found.reshape(et.shape)
        r = ~r if invert else r
    else:
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
