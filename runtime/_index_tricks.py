"""Index tricks (NumPy reference: "Indexing routines"): ``mgrid``, ``ogrid``,
``r_``, ``c_`` and ``fill_diagonal``.  ``s_``, ``index_exp``, ``ix_``,
``ndindex`` and ``ndenumerate`` live in ``_indexing.py``."""

import math

import torch

from . import _dtypes as D
from ._creation import arange, linspace
from ._manipulation import concatenate, resize
from ._ndarray import _wrap, array, asarray, ndarray

__all__ = ["mgrid", "ogrid", "r_", "c_", "fill_diagonal"]


def _slice_parts(s):
    start = 0 if s.start is None else s.start
    step = 1 if s.step is None else s.step
    return start, s.stop, step


def _is_count(step):
    """A complex step (``5j``) means "this many points, stop included"."""
    return isinstance(step, complex) or (hasattr(step, "imag") and not isinstance(step, (int, float))
                                         and getattr(step, "dtype", None) is not None
                                         and step.dtype.kind == "c")


def _axis_values(s, dtype):
    """The 1-d values of one ``mgrid`` slice, in ``dtype``."""
    start, stop, step = _slice_parts(s)
    if stop is None:
        raise ValueError("np.mgrid: a slice needs a stop value")
    if _is_count(step):
        num = int(abs(complex(step)))
        return linspace(start, stop, num, dtype=dtype)
    n = max(0, math.ceil((stop - start) / step))
    return asarray(start + arange(n, dtype=dtype if dtype.kind == "f" else D.int64) * step
                   ).astype(dtype)


def _grid_dtype(slices):
    for s in slices:
        start, stop, step = _slice_parts(s)
        if _is_count(step):
            return D.float64
        for v in (start, stop, step):
            if isinstance(v, float) or getattr(getattr(v, "dtype", None), "kind", "i") == "f":
                return D.float64
    return D.int64


def _grid_result_type(slices):
    """The dtype of ``mgrid[a:b:c, ...]``: NumPy's result_type of every start, stop
    and step (Python numbers weak, so np.float32 bounds give float32); a count
    step (``5j``) takes part as its magnitude."""
    values = []
    for s in slices:
        start, stop, step = _slice_parts(s)
        if _is_count(step):
            step = abs(step)
        values += [v for v in (start, stop, step) if v is not None]
    d = D.result_type(*values)
    return D.float64 if d.kind in "bc" else d


class _Grid:
    """``np.mgrid`` (dense) / ``np.ogrid`` (open): ``grid[0:3, 0:5:0.5]``."""

    def __init__(self, sparse):
        self.sparse = sparse

    def __getitem__(self, key):
        single = isinstance(key, slice)
        slices = (key,) if single else tuple(key)
        for s in slices:
            if not isinstance(s, slice):
                raise TypeError("np.mgrid/np.ogrid take slices (start:stop:step)")
        dtype = _grid_dtype(slices) if single else _grid_result_type(slices)
        axes = [_axis_values(s, dtype) for s in slices]
        if single:
            return axes[0]
        nd = len(axes)
        if self.sparse:
            out = []
            for i, a in enumerate(axes):
                shape = [1] * nd
                shape[i] = a.shape[0]
                out.append(a.reshape(shape))
            return tuple(out)
        shape = [a.shape[0] for a in axes]
        ts = []
        for i, a in enumerate(axes):
            view = [1] * nd
            view[i] = shape[i]
            ts.append(a._t.reshape(view).expand(shape))
        if not ts:
            return _wrap(torch.empty((0,), dtype=dtype._torch), dtype)
        return _wrap(torch.stack(ts), dtype)

    def __len__(self):
        return 0


mgrid = _Grid(sparse=False)
ogrid = _Grid(sparse=True)


class _Concatenator:
    """``np.r_`` / ``np.c_``: build an array by concatenating slices, scalars and arrays."""

    def __init__(self, axis, ndmin, trans1d):
        self.axis, self.ndmin, self.trans1d = axis, ndmin, trans1d

    def __getitem__(self, key):
        if not isinstance(key, tuple):
            key = (key,)
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        pieces = []
        for k, item in enumerate(key):
            if isinstance(item, slice):
                piece = _axis_values(item, _grid_dtype((item,)))
            elif isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                if item in ("r", "c"):
                    raise NotImplementedError("np.r_['r'/'c']: np.matrix results are not supported "
                                              "by np2torch")
                parts = item.split(",")
                try:
                    numbers = [int(p) for p in parts]
                except ValueError:
                    raise ValueError(f"unknown special directive {item!r}") from None
                axis = numbers[0]
                if len(numbers) > 1:
                    ndmin = numbers[1]
                if len(numbers) > 2:
                    trans1d = numbers[2]
                continue
            elif isinstance(item, (bool, int, float, complex)) or (
                    not isinstance(item, ndarray) and asarray(item).ndim == 0
                    and not isinstance(item, (list, tuple))):
                pieces.append((item, True))
                continue
            else:
                piece = asarray(item)
            pieces.append((_promote_ndim(piece, ndmin, trans1d), False))
        if not pieces:
            return array([], dtype=D.float64)
        # Python scalars are weak (NEP 50), and must fit the result: r_[int8 array, 255] raises
        dt = D.result_type(*[p.dtype if not is_scalar else p if type(p) in (bool, int, float, complex)
                             else asarray(p).dtype for p, is_scalar in pieces])
        return concatenate([array(p, ndmin=ndmin, dtype=dt) if is_scalar else p for p, is_scalar in pieces],
                           axis=axis, dtype=dt, casting="unsafe")

    def __len__(self):
        return 0


def _promote_ndim(a, ndmin, trans1d):
    nd = a.ndim
    if nd >= ndmin:
        return a
    a = array(a, copy=False, ndmin=ndmin)
    if trans1d != -1:
        k2 = ndmin - nd
        k1 = trans1d if trans1d >= 0 else trans1d + k2 + 1
        order = list(range(ndmin))
        a = a.transpose(order[:k1] + order[k2:] + order[k1:k2])
    return a


r_ = _Concatenator(axis=0, ndmin=1, trans1d=-1)
c_ = _Concatenator(axis=-1, ndmin=2, trans1d=0)


def fill_diagonal(a, val, wrap=False):
    """``np.fill_diagonal``: write ``val`` (repeated as needed) on the main diagonal, in place."""
    if not isinstance(a, ndarray):
        raise TypeError("np.fill_diagonal: the array must be an ndarray (it is written in place)")
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    shape = a.shape
    if a.ndim == 2:
        rows, cols = shape
        step = cols + 1
        end = a.size if wrap else min(a.size, cols * cols)
        flat = torch.arange(0, end, step, device=a._t.device)
        index = (flat // cols, flat % cols)
    else:
        if len(set(shape)) != 1:
            raise ValueError("All dimensions of input must be of equal length")
        k = torch.arange(shape[0], device=a._t.device)
        index = (k,) * a.ndim
    n = int(index[0].shape[0])
    if n == 0:
        return None
    values = resize(asarray(val), (n,))
    a[tuple(_wrap(i, D.int64) for i in index)] = values
    return None
