"""Norms: ``norm``, ``vector_norm``, ``matrix_norm`` (and ``cond``'s helper)."""

import math
import torch

from .. import _dtypes as D
from .._casting import cast
from .._ndarray import _normalize_axis, box
from ._common import common_type, compute_dtype, lapack_errors, tensor

__all__ = ["norm", "vector_norm", "matrix_norm"]

_INF = math.inf


def _inexact(a):
    """NumPy's ``norm`` input rule: non-inexact arrays become float64."""
    t, d = tensor(a)
    if d.kind not in "fc":
        t, d = cast(t, d, D.float64), D.float64
    return t, d


def _real_dtype(d):
    return {"complex64": D.float32, "complex128": D.float64}.get(d.name, d)


def _abs(t):
    return t.abs()


def _max(t, dims, keepdim, initial_zero):
    dims = dims if isinstance(dims, tuple) else (dims,)
    if any(t.shape[k] == 0 for k in dims):
        if not initial_zero:
            raise ValueError("zero-size array to reduction operation minimum which has no identity")
        shape = list(t.shape)
        for k in dims:
            shape[k] = 1
        out = torch.zeros(shape, dtype=t.dtype, device=t.device)
        return out if keepdim else out.squeeze(dims) if dims else out
    return t.amax(dims, keepdim=keepdim)


def _min(t, dims, keepdim):
    dims = dims if isinstance(dims, tuple) else (dims,)
    if any(t.shape[k] == 0 for k in dims):
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    return t.amin(dims, keepdim=keepdim)


def _sumsq(t, dims, keepdim):
    if t.is_complex():
        s = t.real.square() + t.imag.square()
    else:
        s = t.square()
    return s.sum(dims, keepdim=keepdim)


def _svdvals(t, row, col):
    """Singular values of the matrices spanned by axes ``row``/``col``, in t's real dtype."""
    d = D.dtype(t.dtype)
    rd = common_type(d)
    y = t.movedim((row, col), (-2, -1)).to(compute_dtype(rd, t.device)._torch)
    if y.numel() == 0:
        k = min(y.shape[-2], y.shape[-1])
        s = torch.zeros(tuple(y.shape[:-2]) + (k,), dtype=y.real.dtype if y.is_complex() else y.dtype,
                        device=y.device)
    else:
        with lapack_errors("SVD did not converge"):
            s = torch.linalg.svdvals(y)
    return s.to(_real_dtype(rd)._torch)


def norm_tensor(t, ord=None, axis=None, keepdims=False):
    """``norm`` on an inexact storage tensor; returns a tensor."""
    nd = t.ndim
    if axis is None:
        if ord is None or (isinstance(ord, str) and ord in ("f", "fro") and nd == 2) or (
                not isinstance(ord, str) and ord == 2 and nd == 1):
            ret = _sumsq(t.reshape(-1), 0, False).sqrt()
            if keepdims:
                ret = ret.reshape([1] * nd)
            return ret
        axis = tuple(range(nd))
    elif not isinstance(axis, tuple):
        try:
            axis = int(axis)
        except Exception as e:
            raise TypeError("'axis' must be None, an integer or a tuple of integers") from e
        axis = (axis,)
    if len(axis) == 1:
        ax = _normalize_axis(axis[0], nd)
        if isinstance(ord, str):
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        if ord == _INF:
            return _max(_abs(t), ax, keepdims, True)
        if ord == -_INF:
            return _min(_abs(t), ax, keepdims)
        if ord == 0:
            real = t.real.dtype if t.is_complex() else t.dtype
            return (t != 0).to(real).sum(ax, keepdim=keepdims)
        if ord == 1:
            return _abs(t).sum(ax, keepdim=keepdims)
        if ord is None or ord == 2:
            return _sumsq(t, ax, keepdims).sqrt()
        ret = _abs(t).pow(ord).sum(ax, keepdim=keepdims)
        return ret.pow(1.0 / ord)
    if len(axis) == 2:
        row = _normalize_axis(axis[0], nd)
        col = _normalize_axis(axis[1], nd)
        if row == col:
            raise ValueError("Duplicate axes given.")
        if isinstance(ord, str) and ord not in ("fro", "f", "nuc"):
            raise ValueError("Invalid norm order for matrices.")
        if ord == 2:
            s = _svdvals(t, row, col)
            ret = _max(s, -1, False, True)
        elif ord == -2:
            ret = _min(_svdvals(t, row, col), -1, False)
        elif ord == 1:
            ret = _max(_abs(t).sum(row), col - 1 if col > row else col, False, True)
        elif ord == _INF:
            ret = _max(_abs(t).sum(col), row - 1 if row > col else row, False, True)
        elif ord == -1:
            ret = _min(_abs(t).sum(row), col - 1 if col > row else col, False)
        elif ord == -_INF:
            ret = _min(_abs(t).sum(col), row - 1 if row > col else row, False)
        elif ord is None or ord in ("fro", "f"):
            ret = _sumsq(t, (row, col), False).sqrt()
        elif ord == "nuc":
            ret = _svdvals(t, row, col).sum(-1)
        else:
            raise ValueError("Invalid norm order for matrices.")
        if keepdims:
            shape = list(t.shape)
            shape[row] = 1
            shape[col] = 1
            ret = ret.reshape(shape)
        return ret
    raise ValueError("Improper number of dimensions to norm.")


def norm(x, ord=None, axis=None, keepdims=False):
    """``numpy.linalg.norm``: vector norms over one axis, matrix norms over two."""
    t, d = _inexact(x)
    out = norm_tensor(t, ord, axis, keepdims)
    rd = _real_dtype(d)
    return box(out.to(rd._torch), rd)


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """``numpy.linalg.matrix_norm``: ``norm`` over the last two axes."""
    return norm(x, axis=(-2, -1), keepdims=keepdims, ord=ord)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """``numpy.linalg.vector_norm``: ``norm`` of the elements over ``axis`` (all by default)."""
    t, d = _inexact(x)
    shape = list(t.shape)
    if axis is None:
        y, ax = t.reshape(-1), 0
    elif isinstance(axis, tuple):
        norm_axes = tuple(_normalize_axis(a, t.ndim) for a in axis)
        if len(set(norm_axes)) != len(norm_axes):
            raise ValueError("repeated axis")
        rest = [i for i in range(t.ndim) if i not in norm_axes]
        y = t.permute(list(norm_axes) + rest)
        y = y.reshape((-1,) + tuple(t.shape[i] for i in rest)) if norm_axes else y.unsqueeze(0)
        ax = 0
    else:
        y, ax = t, axis
    out = norm_tensor(y, ord, ax, False)
    if keepdims:
        axes = range(len(shape)) if axis is None else (axis if isinstance(axis, tuple) else (axis,))
        for i in axes:
            shape[_normalize_axis(i, len(shape))] = 1
        out = out.reshape(shape)
    rd = _real_dtype(d)
    return box(out.to(rd._torch), rd)
