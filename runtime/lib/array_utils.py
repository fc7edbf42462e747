"""``numpy.lib.array_utils``: axis normalisation and byte bounds."""

import operator

from .._ndarray import asarray
from ..exceptions import AxisError

__all__ = ["normalize_axis_index", "normalize_axis_tuple", "byte_bounds"]


def normalize_axis_index(axis, ndim, msg_prefix=None):
    """``axis`` in ``[0, ndim)`` (negative counts from the end); ``AxisError`` otherwise."""
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, msg_prefix)
    return axis % ndim if axis < 0 else axis


def normalize_axis_tuple(axis, ndim, argname=None, allow_duplicate=False):
    """A tuple of normalised axes from an int or a sequence of ints."""
    if type(axis) not in (tuple, list):
        try:
            axis = [operator.index(axis)]
        except TypeError:
            pass
    axis = tuple(normalize_axis_index(ax, ndim, argname) for ax in axis)
    if not allow_duplicate and len(set(axis)) != len(axis):
        if argname:
            raise ValueError(f"repeated axis in `{argname}` argument")
        raise ValueError("repeated axis")
    return axis


def byte_bounds(a):
    """(low, high) addresses of the memory ``a`` touches (high one past the end)."""
    a = asarray(a)
    t = a._t
    item = t.element_size()
    low = high = t.data_ptr()
    if t.numel() == 0:
        return low, high
    for n, s in zip(t.shape, t.stride()):
        if s < 0:
            low += (n - 1) * s * item
        else:
            high += (n - 1) * s * item
    return low, high + item
