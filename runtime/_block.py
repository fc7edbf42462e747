"""``np.block``: assemble an array from nested lists of blocks.

Three stages, each usable alone (NumPy keeps the same split in
``numpy._core.shape_base``, and code that tunes blocking imports them):

- ``_block_setup`` checks the nesting (lists only, equal depths, nothing
  empty), turns the leaves into arrays and measures the job;
- ``_block_concatenate`` joins innermost lists first with ``concatenate``;
- ``_block_slicing`` allocates the result once and copies every block into
  its place, which costs one copy per element however deep the nesting.

``block`` picks between the last two by the number of element copies the
concatenating path would make.
"""

import torch

from ._ndarray import _wrap, asarray
from ._dtypes import result_type

__all__ = ["block"]

# above this many element copies (elements x nesting depth) one allocation wins
_SLICING_THRESHOLD = 1 << 18


def _path(index):
    return "arrays" + "".join(f"[{i}]" for i in index)


def _leaf_depth(x, index):
    """Depth of the leaves under ``x`` (index: where ``x`` sits); all must agree.

    An empty list counts as holding leaves one level down, so ``[1, []]`` is a
    depth mismatch while ``[[1], []]`` is an empty-list error found later."""
    if type(x) is tuple:
        raise TypeError(f"{_path(index)} is a tuple. Only lists can be used to arrange blocks, "
                        "and np.block does not allow implicit conversion from tuple to ndarray.")
    if type(x) is not list:
        return len(index)
    if not x:
        return len(index) + 1
    first = _leaf_depth(x[0], index + [0])
    for i, item in enumerate(x[1:], 1):
        depth = _leaf_depth(item, index + [i])
        if depth != first:
            raise ValueError(f"List depths are mismatched. First element was at depth {first}, "
                             f"but there is an element at depth {depth} ({_path(index + [i])})")
    return first


def _block_dispatcher(arrays):
    """The leaves of the nesting, in order (lists are entered, nothing else is)."""
    if type(arrays) is list:
        for item in arrays:
            yield from _block_dispatcher(item)
    else:
        yield arrays


def _leaves_as_arrays(x, depth, list_ndim, sizes, ndims):
    if depth == list_ndim:
        a = asarray(x)
        sizes.append(a.size)
        ndims.append(a.ndim)
        return a
    if not x:
        raise ValueError("Lists cannot be empty")
    return [_leaves_as_arrays(item, depth + 1, list_ndim, sizes, ndims) for item in x]


def _block_setup(arrays):
    """-> (arrays with array leaves, list depth, result ndim, total element count)."""
    list_ndim = _leaf_depth(arrays, [])
    sizes, ndims = [], []
    arrays = _leaves_as_arrays(arrays, 0, list_ndim, sizes, ndims)
    result_ndim = max(list_ndim, max(ndims))
    return arrays, list_ndim, result_ndim, sum(sizes)


def _with_ndim(a, ndim):
    return a if a.ndim == ndim else a.reshape((1,) * (ndim - a.ndim) + a.shape)


def _block_concatenate(arrays, list_ndim, result_ndim):
    from ._manipulation import concatenate

    def join(x, depth):
        if depth == list_ndim:
            return _with_ndim(x, result_ndim)
        return concatenate([join(item, depth + 1) for item in x], axis=depth - list_ndim)

    result = join(arrays, 0)
    # with no lists there was nothing to join: still a new array
    return result.copy() if list_ndim == 0 else result


def _layout(x, depth, list_ndim, result_ndim, placed):
    """Shape of the block ``x`` makes; appends (start offsets, array) for its leaves."""
    if depth == list_ndim:
        a = _with_ndim(x, result_ndim)
        placed.append(([0] * result_ndim, a))
        return a.shape
    axis = result_ndim - list_ndim + depth
    shape = None
    offset = 0
    for item in x:
        first = len(placed)
        sub = _layout(item, depth + 1, list_ndim, result_ndim, placed)
        if shape is None:
            shape = list(sub)
        elif len(sub) != len(shape) or any(s != t for i, (s, t) in enumerate(zip(sub, shape))
                                           if i != axis):
            raise ValueError(f"Mismatched array shapes in block along axis {axis}.")
        else:
            shape[axis] += sub[axis]
        for start, _ in placed[first:]:
            start[axis] += offset
        offset += sub[axis]
    return tuple(shape)


def _block_slicing(arrays, list_ndim, result_ndim):
    placed = []
    shape = _layout(arrays, 0, list_ndim, result_ndim, placed)
    leaves = [a for _, a in placed]
    d = result_type(*leaves)
    devices = {a._t.device for a in leaves}
    out = _wrap(torch.empty(shape, dtype=d._torch, device=next(iter(devices))), d)
    for start, a in placed:
        out[tuple(slice(s, s + n) for s, n in zip(start, a.shape))] = a
    return out


def block(arrays):
    arrays, list_ndim, result_ndim, total_size = _block_setup(arrays)
    if list_ndim * total_size > _SLICING_THRESHOLD:
        return _block_slicing(arrays, list_ndim, result_ndim)
    return _block_concatenate(arrays, list_ndim, result_ndim)

