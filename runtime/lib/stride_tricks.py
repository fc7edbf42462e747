"""``numpy.lib.stride_tricks``: views with chosen shapes and strides.

Strides are in bytes as in NumPy; torch strides count elements, so byte
strides must be non-negative multiples of the item size.
"""

import torch

from .._manipulation import broadcast_arrays, broadcast_shapes, broadcast_to
from .._flags import readonly_view
from .._ndarray import _wrap, asarray
from .array_utils import normalize_axis_tuple

__all__ = ["as_strided", "sliding_window_view", "broadcast_to", "broadcast_arrays",
           "broadcast_shapes"]


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """``np.lib.stride_tricks.as_strided`` over ``torch.as_strided`` (shares memory).

    ``writeable=False`` gives a read-only view; otherwise the view is read-only
    exactly when ``x`` is."""
    a = asarray(x)
    t = a._t
    shape = tuple(t.shape) if shape is None else tuple(int(n) for n in shape)
    size = a.dtype.itemsize
    if strides is None:
        elem_strides = tuple(t.stride())
    else:
        strides = tuple(int(s) for s in strides)
        if len(strides) != len(shape):
            raise ValueError("mismatch in length of strides and shape")
        if any(s < 0 or s % size for s in strides):
            raise NotImplementedError(
                "np.lib.stride_tricks.as_strided: strides must be non-negative multiples of the "
                f"item size ({size} bytes) in np2torch; got {strides}")
        elem_strides = tuple(s // size for s in strides)
    if len(elem_strides) != len(shape):
        raise ValueError("mismatch in length of strides and shape")
    if any(n < 0 for n in shape):
        raise ValueError("negative dimensions are not allowed")
    view = torch.as_strided(t, shape, elem_strides, t.storage_offset())
    return _wrap(view if writeable else readonly_view(view), a.dtype)


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """``np.lib.stride_tricks.sliding_window_view``: a view of every window (``Tensor.unfold``)."""
    a = asarray(x)
    window_shape = (tuple(window_shape) if hasattr(window_shape, "__iter__")
                    else (window_shape,))
    window_shape = tuple(int(w) for w in window_shape)
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        if len(window_shape) != a.ndim:
            raise ValueError(f"Since axis is `None`, must provide window_shape for all "
                             f"dimensions of `x`; got {len(window_shape)} window_shape elements "
                             f"and `x.ndim` is {a.ndim}.")
        axes = tuple(range(a.ndim))
    else:
        axes = normalize_axis_tuple(axis, a.ndim, allow_duplicate=True)
        if len(window_shape) != len(axes):
            raise ValueError(f"Must provide matching length window_shape and axis; got "
                             f"{len(window_shape)} window_shape elements and {len(axes)} axes "
                             "elements.")
    remaining = list(a.shape)
    for ax, w in zip(axes, window_shape):
        if remaining[ax] < w:
            raise ValueError("window shape cannot be larger than input array shape")
        remaining[ax] -= w - 1
    t = a._t
    for ax, w in zip(axes, window_shape):
        t = t.unfold(ax, w, 1)
    return _wrap(t if writeable else readonly_view(t), a.dtype)


def _broadcast_shape(*args):
    """The shape of broadcasting ``args`` (arrays or array-likes) together."""
    return broadcast_shapes(*(asarray(x).shape for x in args))
