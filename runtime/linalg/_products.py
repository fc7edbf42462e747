"""Products and views over the last two axes: ``matmul``, ``vecdot``,
``outer``, ``cross``, ``tensordot``, ``multi_dot``, ``diagonal``, ``trace``,
``matrix_transpose``.

The tensor kernels (``matmul_tensors``, ``cross_tensors``, ``tensordot_tensors``)
keep NumPy's dtype of the operands (no float conversion), so the top-level
``np.matmul``/``np.cross``/``np.tensordot`` can share them.
"""

import operator

import torch

from .. import _dtypes as D
from .._casting import cast, wrap_unsigned
from .._flags import READONLY, check_writeable
from .._ndarray import _normalize_axis, _wrap, box
from ._common import assert_2d, tensor

__all__ = ["matmul", "vecdot", "outer", "cross", "tensordot", "multi_dot", "diagonal",
           "trace", "matrix_transpose"]

_SIG = "(n?,k),(k,m?)->(n?,m?)"


def _broadcast_batch(shape_a, shape_b, what):
    try:
        return tuple(torch.broadcast_shapes(shape_a, shape_b))
    except RuntimeError:
        raise ValueError(f"{what}: operands could not be broadcast together with shapes "
                         f"{tuple(shape_a)} {tuple(shape_b)}") from None


def _mm(a, b):
    """Matrix product of same-dtype storage tensors with matching core dims."""
    dt = a.dtype
    if dt is torch.bool:
        return torch.matmul(a.to(torch.float32), b.to(torch.float32)) != 0
    if a.device.type != "cpu" and not (dt.is_floating_point or dt.is_complex):
        # accelerators have no integer GEMM: multiply and sum (exact, wraps like NumPy)
        if a.ndim == 1:
            a = a.unsqueeze(0)
            squeeze_a = True
        else:
            squeeze_a = False
        if b.ndim == 1:
            out = (a * b).sum(-1, dtype=dt)
            return out.squeeze(-1) if squeeze_a else out
        out = (a.unsqueeze(-1) * b.unsqueeze(-3)).sum(-2, dtype=dt)
        return out.squeeze(-2) if squeeze_a else out
    return torch.matmul(a, b)


def matmul_tensors(ta, da, tb, db, name="matmul"):
    """NumPy's ``matmul`` on storage tensors: returns (tensor, dtype)."""
    d = D.PROMOTE[da._index][db._index]
    for i, t in enumerate((ta, tb)):
        if t.ndim == 0:
            raise ValueError(f"{name}: Input operand {i} does not have enough dimensions (has 0, "
                             f"gufunc core with signature {_SIG} requires 1)")
    ka = ta.shape[-1]
    kb = tb.shape[-2] if tb.ndim >= 2 else tb.shape[0]
    if ka != kb:
        raise ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                         f"signature {_SIG} (size {kb} is different from {ka})")
    if ta.ndim > 2 or tb.ndim > 2:
        _broadcast_batch(ta.shape[:-2], tb.shape[:-2], name)
    a = cast(ta, da, d)
    b = cast(tb, db, d)
    return wrap_unsigned(_mm(a, b), d), d


def matmul(x1, x2, /):
    """``numpy.linalg.matmul`` (array API): ``x1 @ x2`` with broadcasting."""
    ta, da = tensor(x1)
    tb, db = tensor(x2)
    t, d = matmul_tensors(ta, da, tb, db)
    return box(t, d)


def vecdot(x1, x2, /, *, axis=-1):
    """``numpy.linalg.vecdot``: ``sum(conj(x1) * x2)`` over ``axis`` with broadcasting."""
    ta, da = tensor(x1)
    tb, db = tensor(x2)
    d = D.PROMOTE[da._index][db._index]
    a, b = cast(ta, da, d), cast(tb, db, d)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("vecdot: Input operand does not have enough dimensions (has 0, gufunc core "
                         "with signature (n),(n)->() requires 1)")
    shape = _broadcast_batch(a.shape, b.shape, "vecdot")
    ax = _normalize_axis(axis, len(shape))
    a = a.expand(shape).movedim(ax, -1) if a.shape != shape else a.movedim(ax, -1)
    b = b.expand(shape).movedim(ax, -1) if b.shape != shape else b.movedim(ax, -1)
    if d.kind == "c":
        a = a.conj()
    if d.kind == "b":
        out = (a & b).any(-1)
    else:
        out = (a * b).sum(-1, dtype=a.dtype)
    return box(wrap_unsigned(out, d), d)


def outer(x1, x2, /):
    """``numpy.linalg.outer``: outer product of two 1-D arrays."""
    ta, da = tensor(x1)
    tb, db = tensor(x2)
    if ta.ndim != 1 or tb.ndim != 1:
        raise ValueError("Input arrays must be one-dimensional, but they are "
                         f"x1.ndim={ta.ndim} and x2.ndim={tb.ndim}.")
    d = D.PROMOTE[da._index][db._index]
    a, b = cast(ta, da, d), cast(tb, db, d)
    out = (a.unsqueeze(-1) & b) if d.kind == "b" else a.unsqueeze(-1) * b
    return _wrap(wrap_unsigned(out, d), d)


def cross_tensors(ta, da, tb, db, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """NumPy's ``np.cross`` on storage tensors (2- and 3-vectors)."""
    if axis is not None:
        axisa = axisb = axisc = axis
    axisa = _normalize_axis(axisa, ta.ndim)
    axisb = _normalize_axis(axisb, tb.ndim)
    a = ta.movedim(axisa, -1)
    b = tb.movedim(axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    d = D.PROMOTE[da._index][db._index]
    if d.kind == "b":
        raise TypeError("numpy boolean subtract, the `-` operator, is not supported, use the "
                        "bitwise_xor, the `^` operator, or the logical_xor function instead.")
    a, b = cast(a, da, d), cast(b, db, d)
    batch = _broadcast_batch(a.shape[:-1], b.shape[:-1], "cross")
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        out = (a0 * b1 - a1 * b0).expand(batch)
        return wrap_unsigned(out, d), d
    a2 = a[..., 2] if a.shape[-1] == 3 else torch.zeros_like(a0)
    b2 = b[..., 2] if b.shape[-1] == 3 else torch.zeros_like(b0)
    out = torch.stack(torch.broadcast_tensors(a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0), -1)
    axisc = _normalize_axis(axisc, out.ndim)
    return wrap_unsigned(out.movedim(-1, axisc), d), d


def cross(x1, x2, /, *, axis=-1):
    """``numpy.linalg.cross``: cross product of 3-element vectors along ``axis``."""
    ta, da = tensor(x1)
    tb, db = tensor(x2)
    na = ta.shape[_normalize_axis(axis, ta.ndim)] if ta.ndim else 0
    nb = tb.shape[_normalize_axis(axis, tb.ndim)] if tb.ndim else 0
    if na != 3 or nb != 3:
        raise ValueError("Both input arrays must be (arrays of) 3-dimensional vectors, "
                         f"but they are {na} and {nb} dimensional instead.")
    t, d = cross_tensors(ta, da, tb, db, axis=axis)
    return _wrap(t, d)


def tensordot_tensors(ta, da, tb, db, axes=2):
    """NumPy's ``tensordot`` on storage tensors."""
    try:
        n = operator.index(axes)
        if n < 0:
            raise ValueError("tensordot: axes must be non-negative")
        axes_a = list(range(ta.ndim - n, ta.ndim))
        axes_b = list(range(n))
    except TypeError:
        axes_a, axes_b = axes
        axes_a = [axes_a] if isinstance(axes_a, int) else list(axes_a)
        axes_b = [axes_b] if isinstance(axes_b, int) else list(axes_b)
    if len(axes_a) != len(axes_b):
        raise ValueError("shape-mismatch for sum")
    axes_a = [_normalize_axis(x, ta.ndim) for x in axes_a]
    axes_b = [_normalize_axis(x, tb.ndim) for x in axes_b]
    for x, y in zip(axes_a, axes_b):
        if ta.shape[x] != tb.shape[y]:
            raise ValueError("shape-mismatch for sum")
    d = D.PROMOTE[da._index][db._index]
    free_a = [i for i in range(ta.ndim) if i not in axes_a]
    free_b = [i for i in range(tb.ndim) if i not in axes_b]
    k = 1
    for x in axes_a:
        k *= ta.shape[x]
    a = cast(ta, da, d).permute(free_a + axes_a).reshape(-1, k) if ta.ndim else cast(ta, da, d).reshape(1, 1)
    b = cast(tb, db, d).permute(axes_b + free_b).reshape(k, -1) if tb.ndim else cast(tb, db, d).reshape(1, 1)
    out = wrap_unsigned(_mm(a, b), d)
    shape = [ta.shape[i] for i in free_a] + [tb.shape[i] for i in free_b]
    return out.reshape(shape), d


def tensordot(x1, x2, /, *, axes=2):
    """``numpy.linalg.tensordot``: sum products over the given axes."""
    ta, da = tensor(x1)
    tb, db = tensor(x2)
    t, d = tensordot_tensors(ta, da, tb, db, axes)
    return _wrap(t, d)


def _dot(a, da, b, db):
    """``np.dot`` for operands of at most 2 dimensions."""
    if a.ndim == 0 or b.ndim == 0:
        d = D.PROMOTE[da._index][db._index]
        out = cast(a, da, d) * cast(b, db, d)
        return wrap_unsigned(out, d), d
    return matmul_tensors(a, da, b, db, name="dot")


def multi_dot(arrays, *, out=None):
    """``numpy.linalg.multi_dot``: chained ``dot`` in the cheapest order."""
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    pairs = [tensor(a) for a in arrays]
    ts = [p[0] for p in pairs]
    ds = [p[1] for p in pairs]
    if n == 2:
        t, d = _dot(ts[0], ds[0], ts[1], ds[1])
        return _finish(t, d, out)
    ndim_first, ndim_last = ts[0].ndim, ts[-1].ndim
    if ndim_first == 1:
        ts[0] = ts[0].unsqueeze(0)
    if ndim_last == 1:
        ts[-1] = ts[-1].unsqueeze(-1)
    assert_2d(*ts)
    if n == 3:
        a, b, c = ts
        cost1 = a.shape[0] * c.shape[0] * (a.shape[1] + c.shape[1])
        cost2 = a.shape[1] * c.shape[1] * (a.shape[0] + c.shape[0])
        if cost1 < cost2:
            ab, dab = _dot(a, ds[0], b, ds[1])
            t, d = _dot(ab, dab, c, ds[2])
        else:
            bc, dbc = _dot(b, ds[1], c, ds[2])
            t, d = _dot(a, ds[0], bc, dbc)
    else:
        order = _chain_order([tuple(t.shape) for t in ts])[0]
        t, d = _chain(ts, ds, order, 0, n - 1)
    if ndim_first == 1 and ndim_last == 1:
        t = t[0, 0]
    elif ndim_first == 1 or ndim_last == 1:
        t = t.reshape(-1)
    return _finish(t, d, out)


def _finish(t, d, out):
    if out is None:
        return box(t, d)
    if READONLY:
        check_writeable(out)
    ot, od = out._t, out._dtype
    if tuple(ot.shape) != tuple(t.shape):
        raise ValueError("output array has wrong shape")
    if od is not d:
        raise ValueError("output array is not acceptable (must have the right datatype, number of "
                         "dimensions, and be a C-Array)")
    ot.copy_(t)
    return out


def _chain(ts, ds, order, i, j):
    if i == j:
        return ts[i], ds[i]
    k = order[i][j]
    a, da = _chain(ts, ds, order, i, k)
    b, db = _chain(ts, ds, order, k + 1, j)
    return _dot(a, da, b, db)


def _chain_order(shapes):
    """Dynamic programming over matrix-chain split points (Cormen, ch. 15.2)."""
    n = len(shapes)
    p = [s[0] for s in shapes] + [shapes[-1][1]]
    m = [[0.0] * n for _ in range(n)]
    s = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            m[i][j] = float("inf")
            for k in range(i, j):
                q = m[i][k] + m[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if q < m[i][j]:
                    m[i][j] = q
                    s[i][j] = k
    return s, m


def _multi_dot_matrix_chain_order(arrays, return_costs=False):
    """The split table (and with ``return_costs`` the cost table) ``multi_dot`` uses."""
    s, m = _chain_order([tuple(tensor(a)[0].shape) for a in arrays])
    s_arr = _wrap(torch.tensor(s, dtype=torch.int64), D.int64)
    if return_costs:
        return s_arr, _wrap(torch.tensor(m, dtype=torch.float64), D.float64)
    return s_arr


def diagonal(x, /, *, offset=0):
    """``numpy.linalg.diagonal``: the diagonals of the last two axes (a view)."""
    t, d = tensor(x)
    if t.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    return _wrap(torch.diagonal(t, offset, -2, -1), d)


def _sum_dtype(d):
    """The accumulator dtype ``np.sum``/``np.trace`` pick for ``d``."""
    if d.kind == "b" or (d.kind == "i" and d.itemsize < 8):
        return D.int64
    if d.kind == "u" and d.itemsize < 8:
        return D.uint64
    return d


def trace(x, /, *, offset=0, dtype=None):
    """``numpy.linalg.trace``: sums along the diagonals of the last two axes."""
    t, d = tensor(x)
    if t.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    rd = _sum_dtype(d) if dtype is None else D.dtype(dtype)
    diag = cast(torch.diagonal(t, offset, -2, -1), d, rd)
    if rd.kind == "b":
        out = diag.any(-1)
    else:
        out = wrap_unsigned(diag.sum(-1, dtype=diag.dtype), rd)
    return box(out, rd)


def matrix_transpose(x, /):
    """``numpy.linalg.matrix_transpose``: swap the last two axes (a view)."""
    t, d = tensor(x)
    if t.ndim < 2:
        raise ValueError("Input array must be at least 2-dimensional")
    return _wrap(t.transpose(-2, -1), d)
