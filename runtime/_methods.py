"""ndarray methods that are the module functions of the same name.

One table, so that ``a.sum(...)`` and ``np.sum(a, ...)`` cannot drift apart.
"""

import operator

import torch

from . import _creation, _indexing, _manipulation, _math, _reductions, _sorting
from ._ndarray import ndarray, _wrap, asarray
from . import _flags
from ._flags import READONLY, check_writeable


_SAME_NAME = {
    _reductions: ["sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax",
                  "all", "any", "cumsum", "cumprod"],
    _math: ["clip", "round", "dot", "trace", "diagonal", "conj"],
    _indexing: ["take", "put", "choose", "nonzero"],
    _manipulation: ["ravel", "swapaxes", "repeat", "squeeze"],
    _sorting: ["argsort", "searchsorted", "argpartition"],
}


def _reshape(self, *shape, order="C", copy=None):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = shape[0]
    return _manipulation.reshape(self, shape, order=order, copy=copy)


def _transpose(self, *axes):
    if not axes or (len(axes) == 1 and axes[0] is None):
        return _manipulation.transpose(self)
    if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
        axes = axes[0]
    return _manipulation.transpose(self, axes)


def _flatten(self, order="C"):
    if isinstance(order, str):
        order = order.upper()  # NumPy accepts 'f' as well as 'F'
    if order not in ("C", "F", "A", "K", None):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    return _wrap(_manipulation.ravel(self, order)._t.clone(), self._dtype)


def _sort(self, axis=-1, kind=None, order=None, *, stable=None):
    if READONLY:
        _flags.check_writeable(self)
    self._t.copy_(_sorting.sort(self, axis, kind, order)._t)


def _partition(self, kth, axis=-1, kind="introselect", order=None):
    if READONLY:
        _flags.check_writeable(self)
    self._t.copy_(_sorting.partition(self, kth, axis)._t)


def _resize(self, *new_shape, refcheck=True):
    if len(new_shape) == 1 and isinstance(new_shape[0], (tuple, list)):
        new_shape = new_shape[0]
    n = 1
    for s in new_shape:
        n *= s
    if READONLY:
        _flags.check_writeable(self)
    flat = self._t.reshape(-1)
    if n <= flat.numel():
        self._t = flat[:n].clone().reshape(new_shape)
    else:
        grown = torch.zeros(n, dtype=self._t.dtype, device=self._t.device)
        grown[: flat.numel()] = flat
        self._t = grown.reshape(new_shape)


def _ptp_removed(self, *args, **kwargs):
    raise AttributeError("`ptp` was removed from the ndarray class in NumPy 2.0. Use np.ptp(arr, ...) instead.")


def _byteswap(self, inplace=False):
    """``ndarray.byteswap``: every element's bytes reversed; the dtype stays."""
    from ._io_bytes import byteswap
    t = byteswap(self._t, self._dtype)
    if not inplace:
        return _wrap(t, self._dtype)
    if READONLY:
        check_writeable(self)
    self._t.copy_(t)
    return self


def _dump(self, file):
    import pickle
    with open(file, "wb") if isinstance(file, str) else _nullctx(file) as f:
        pickle.dump(self, f)


class _nullctx:
    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self.f

    def __exit__(self, *exc):
        return False


def _dumps(self):
    import pickle
    return pickle.dumps(self)


def _tofile(self, fid, sep="", format="%s"):
    from . import _io
    return _io.tofile(self, fid, sep, format)


def _setflags(self, write=None, align=None, uic=None):
    if write is not None:
        _flags.set_writeable(self, bool(write))
    if align is False:
        raise NotImplementedError("ndarray.setflags(align=False) is not supported by np2torch")
    if uic:
        raise ValueError("cannot set WRITEBACKIFCOPY flag to True")


def _conjugate(self):
    return _math.conj(self)


def _getfield(self, dtype, offset=0):
    raise NotImplementedError("ndarray.getfield is not supported by np2torch")


def _compress(self, condition, axis=None, out=None):
    # the method takes the condition first; np.compress takes it before the array
    return _indexing.compress(condition, self, axis, out)


def install():
    # The module functions take the array first, so they serve as methods
    # unchanged (no wrapper layer on the hot path).
    for module, names in _SAME_NAME.items():
        for name in names:
            setattr(ndarray, name, getattr(module, name))
    ndarray.compress = _compress
    ndarray.__getitem__ = _indexing.getitem
    ndarray.__setitem__ = _indexing.setitem
    ndarray.reshape = _reshape
    ndarray.transpose = _transpose
    ndarray.flatten = _flatten
    ndarray.sort = _sort
    ndarray.partition = _partition
    ndarray.resize = _resize
    ndarray.byteswap = _byteswap
    ndarray.dump = _dump
    ndarray.dumps = _dumps
    ndarray.tofile = _tofile
    ndarray.setflags = _setflags
    ndarray.conjugate = _conjugate
    ndarray.getfield = _getfield
