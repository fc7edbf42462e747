"""Bad input (issue 8): wrong shapes, axes, dtypes, out arrays, index types, empty
inputs, NaN/inf, huge sizes and non-array arguments, each run through NumPy and
through the runtime.  Where NumPy raises, the runtime must raise the same
exception type (never torch's RuntimeError); where NumPy returns, the runtime
must return the same value, dtype and shape.

``python tests/runtime/test_bad_input.py`` prints the agreement rate recorded
in docs/conformance.md.
"""

import warnings

import pytest

from helpers import same

BIG = 2 ** 62


def _cases():
    c = {}

    # -- shapes -------------------------------------------------------------------
    c["shape/add-mismatch"] = lambda xp: xp.ones(3) + xp.ones(4)
    c["shape/add-2d-mismatch"] = lambda xp: xp.ones((2, 3)) + xp.ones((3, 2))
    c["shape/multiply-func"] = lambda xp: xp.multiply(xp.ones((2, 3)), xp.ones(2))
    c["shape/compare"] = lambda xp: xp.ones(3) < xp.ones(2)
    c["shape/matmul-inner"] = lambda xp: xp.ones((2, 3)) @ xp.ones((2, 3))
    c["shape/matmul-0d"] = lambda xp: xp.matmul(xp.float64(2.0), xp.ones(3))
    c["shape/matmul-1d-mismatch"] = lambda xp: xp.ones(3) @ xp.ones(4)
    c["shape/dot-mismatch"] = lambda xp: xp.dot(xp.ones((2, 3)), xp.ones((2, 3)))
    c["shape/inner-mismatch"] = lambda xp: xp.inner(xp.ones(3), xp.ones(2))
    c["shape/outer-ok"] = lambda xp: xp.outer(xp.ones(3), xp.ones((2, 2)))
    c["shape/reshape-size"] = lambda xp: xp.ones(6).reshape(4, 2)
    c["shape/reshape-two-unknown"] = lambda xp: xp.ones(6).reshape(-1, -1)
    c["shape/reshape-unknown-bad"] = lambda xp: xp.ones(7).reshape(-1, 2)
    c["shape/reshape-negative"] = lambda xp: xp.ones(6).reshape(-2, 3)
    c["shape/reshape-float"] = lambda xp: xp.ones(6).reshape(2.0, 3)
    c["shape/broadcast_to-bad"] = lambda xp: xp.broadcast_to(xp.ones(3), (2, 4))
    c["shape/broadcast_to-fewer-dims"] = lambda xp: xp.broadcast_to(xp.ones((2, 3)), (3,))
    c["shape/broadcast_to-negative"] = lambda xp: xp.broadcast_to(xp.ones(3), (-1, 3))
    c["shape/broadcast_arrays"] = lambda xp: xp.broadcast_arrays(xp.ones(3), xp.ones(4))
    c["shape/broadcast_shapes"] = lambda xp: xp.broadcast_shapes((2, 3), (4,))
    c["shape/concatenate-mismatch"] = lambda xp: xp.concatenate([xp.ones((2, 3)), xp.ones((3, 2))])
    c["shape/concatenate-ndim"] = lambda xp: xp.concatenate([xp.ones((2, 3)), xp.ones(3)])
    c["shape/concatenate-empty-list"] = lambda xp: xp.concatenate([])
    c["shape/concatenate-0d"] = lambda xp: xp.concatenate([xp.float64(1.0), xp.ones(2)])
    c["shape/stack-mismatch"] = lambda xp: xp.stack([xp.ones(2), xp.ones(3)])
    c["shape/stack-empty"] = lambda xp: xp.stack([])
    c["shape/vstack-mismatch"] = lambda xp: xp.vstack([xp.ones(2), xp.ones(3)])
    c["shape/hstack-mismatch"] = lambda xp: xp.hstack([xp.ones((2, 1)), xp.ones((3, 1))])
    c["shape/dstack-mismatch"] = lambda xp: xp.dstack([xp.ones((2, 2)), xp.ones((3, 2))])
    c["shape/column_stack-mismatch"] = lambda xp: xp.column_stack([xp.ones(2), xp.ones(3)])
    c["shape/split-unequal"] = lambda xp: xp.split(xp.ones(5), 2)
    c["shape/split-zero"] = lambda xp: xp.split(xp.ones(4), 0)
    c["shape/array_split-zero"] = lambda xp: xp.array_split(xp.ones(4), 0)
    c["shape/hsplit-0d"] = lambda xp: xp.hsplit(xp.float64(1.0), 1)
    c["shape/vsplit-1d"] = lambda xp: xp.vsplit(xp.ones(4), 2)
    c["shape/where-mismatch"] = lambda xp: xp.where(xp.ones(3) > 0, xp.ones(2), xp.ones(3))
    c["shape/clip-mismatch"] = lambda xp: xp.clip(xp.ones(3), xp.zeros(2), 1)
    c["shape/setitem-mismatch"] = lambda xp: xp.ones(3).__setitem__(slice(None), xp.ones(2))
    c["shape/setitem-bool-mismatch"] = lambda xp: xp.ones(3).__setitem__(xp.array([True, False, True]), xp.ones(3))
    c["shape/shape-setter"] = lambda xp: setattr(xp.ones(6), "shape", (4,))
    c["shape/resize-neg"] = lambda xp: xp.resize(xp.ones(3), (-1,))
    c["shape/repeat-counts"] = lambda xp: xp.repeat(xp.ones(2), [1, 2, 3])
    c["shape/repeat-negative"] = lambda xp: xp.repeat(xp.ones(2), -1)
    c["shape/tile-negative"] = lambda xp: xp.tile(xp.ones(2), -1)
    c["shape/diag-3d"] = lambda xp: xp.diag(xp.ones((2, 2, 2)))
    c["shape/trace-1d"] = lambda xp: xp.trace(xp.ones(3))
    c["shape/diagonal-1d"] = lambda xp: xp.diagonal(xp.ones(3))
    c["shape/cross-bad"] = lambda xp: xp.cross(xp.ones(4), xp.ones(4))
    c["shape/einsum-mismatch"] = lambda xp: xp.einsum("ij,jk->ik", xp.ones((2, 3)), xp.ones((2, 3)))
    c["shape/take_along_axis-ndim"] = lambda xp: xp.take_along_axis(xp.ones((2, 3)), xp.zeros(3, dtype=int), axis=1)
    c["shape/put_along_axis-ndim"] = lambda xp: xp.put_along_axis(xp.ones((2, 3)), xp.zeros(3, dtype=int), 1.0, axis=1)
    c["shape/choose-mismatch"] = lambda xp: xp.choose(xp.array([0, 1]), [xp.ones(3), xp.ones(3)])
    c["shape/compress-too-long"] = lambda xp: xp.compress([True, False, True, True], xp.ones(3), axis=0)
    c["shape/zeros-negative"] = lambda xp: xp.zeros((2, -1))
    c["shape/ones-negative"] = lambda xp: xp.ones(-3)
    c["shape/empty-negative"] = lambda xp: xp.empty((-1,))
    c["shape/full-negative"] = lambda xp: xp.full(-2, 1.0)
    c["shape/eye-negative"] = lambda xp: xp.eye(-1)
    c["shape/identity-negative"] = lambda xp: xp.identity(-2)
    c["shape/linspace-negative"] = lambda xp: xp.linspace(0, 1, -1)
    c["shape/zeros-float-shape"] = lambda xp: xp.zeros(2.5)
    c["shape/zeros-str-shape"] = lambda xp: xp.zeros("3")
    c["shape/array-ragged"] = lambda xp: xp.array([[1, 2], [3]])
    c["shape/array-ragged-deep"] = lambda xp: xp.array([[[1], [2]], [[3]]])
    c["shape/pad-bad-width"] = lambda xp: xp.pad(xp.ones(2), ((1, 1), (1, 1)))
    c["shape/pad-negative"] = lambda xp: xp.pad(xp.ones(2), -1)
    c["shape/polyval-ok"] = lambda xp: xp.polyval([1, 2], xp.ones((2, 2)))
    c["shape/searchsorted-2d"] = lambda xp: xp.searchsorted(xp.ones((2, 2)), 1.0)
    c["shape/interp-mismatch"] = lambda xp: xp.interp(1.0, xp.ones(3), xp.ones(2))
    c["shape/convolve-empty"] = lambda xp: xp.convolve(xp.ones(0), xp.ones(3))
    c["shape/kron-ok"] = lambda xp: xp.kron(xp.ones(2), xp.ones((2, 2)))
    c["shape/transpose-too-few"] = lambda xp: xp.ones((2, 3)).transpose(0)
    c["shape/flatten-order"] = lambda xp: xp.ones((2, 3)).flatten(order="X")

    # -- axes ---------------------------------------------------------------------
    c["axis/sum-out-of-range"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=2)
    c["axis/sum-negative"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=-3)
    c["axis/sum-repeated"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=(0, 0))
    c["axis/sum-repeated-neg"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=(1, -1))
    c["axis/sum-float"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=1.0)
    c["axis/sum-str"] = lambda xp: xp.sum(xp.ones((2, 3)), axis="0")
    c["axis/sum-list"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=[0])
    c["axis/mean-out-of-range"] = lambda xp: xp.mean(xp.ones(3), axis=1)
    c["axis/prod-0d-axis0"] = lambda xp: xp.prod(xp.float64(2.0), axis=0)
    c["axis/prod-0d-axis-none"] = lambda xp: xp.prod(xp.array(2.0), axis=None)
    c["axis/max-out-of-range"] = lambda xp: xp.max(xp.ones(3), axis=1)
    c["axis/argmax-tuple"] = lambda xp: xp.argmax(xp.ones((2, 3)), axis=(0, 1))
    c["axis/argmin-out-of-range"] = lambda xp: xp.argmin(xp.ones((2, 3)), axis=-3)
    c["axis/std-out-of-range"] = lambda xp: xp.std(xp.ones(3), axis=2)
    c["axis/var-repeated"] = lambda xp: xp.var(xp.ones((2, 2)), axis=(0, -2))
    c["axis/cumsum-out-of-range"] = lambda xp: xp.cumsum(xp.ones(3), axis=1)
    c["axis/cumsum-tuple"] = lambda xp: xp.cumsum(xp.ones((2, 3)), axis=(0, 1))
    c["axis/all-out-of-range"] = lambda xp: xp.all(xp.ones(3), axis=4)
    c["axis/any-tuple-bad"] = lambda xp: xp.any(xp.ones((2, 2)), axis=(0, 5))
    c["axis/median-out-of-range"] = lambda xp: xp.median(xp.ones(3), axis=1)
    c["axis/sort-out-of-range"] = lambda xp: xp.sort(xp.ones(3), axis=1)
    c["axis/argsort-out-of-range"] = lambda xp: xp.argsort(xp.ones((2, 3)), axis=-3)
    c["axis/concatenate-out-of-range"] = lambda xp: xp.concatenate([xp.ones((2, 3))] * 2, axis=2)
    c["axis/stack-out-of-range"] = lambda xp: xp.stack([xp.ones(3)] * 2, axis=3)
    c["axis/expand_dims-out-of-range"] = lambda xp: xp.expand_dims(xp.ones(3), 3)
    c["axis/expand_dims-repeated"] = lambda xp: xp.expand_dims(xp.ones(3), (0, 0))
    c["axis/squeeze-not-one"] = lambda xp: xp.squeeze(xp.ones((2, 3)), axis=0)
    c["axis/squeeze-out-of-range"] = lambda xp: xp.squeeze(xp.ones((1, 3)), axis=2)
    c["axis/moveaxis-out-of-range"] = lambda xp: xp.moveaxis(xp.ones((2, 3)), 2, 0)
    c["axis/moveaxis-repeated"] = lambda xp: xp.moveaxis(xp.ones((2, 3)), [0, 0], [0, 1])
    c["axis/moveaxis-length"] = lambda xp: xp.moveaxis(xp.ones((2, 3)), [0, 1], [0])
    c["axis/swapaxes-out-of-range"] = lambda xp: xp.swapaxes(xp.ones(3), 0, 1)
    c["axis/transpose-repeated"] = lambda xp: xp.zeros((2, 3)).transpose(0, 0)
    c["axis/transpose-out-of-range"] = lambda xp: xp.zeros((2, 3)).transpose(0, 2)
    c["axis/rollaxis-out-of-range"] = lambda xp: xp.rollaxis(xp.ones((2, 3)), 3)
    c["axis/flip-out-of-range"] = lambda xp: xp.flip(xp.ones(3), axis=1)
    c["axis/roll-out-of-range"] = lambda xp: xp.roll(xp.ones(3), 1, axis=1)
    c["axis/roll-shift-axis-mismatch"] = lambda xp: xp.roll(xp.ones((2, 2)), (1, 2, 3), axis=(0, 1))
    c["axis/rot90-same-axes"] = lambda xp: xp.rot90(xp.ones((2, 2)), axes=(0, 0))
    c["axis/rot90-1d"] = lambda xp: xp.rot90(xp.ones(3))
    c["axis/take-out-of-range"] = lambda xp: xp.take(xp.ones((2, 3)), [0], axis=2)
    c["axis/diff-out-of-range"] = lambda xp: xp.diff(xp.ones(3), axis=1)
    c["axis/diff-negative-n"] = lambda xp: xp.diff(xp.ones(3), n=-1)
    c["axis/split-out-of-range"] = lambda xp: xp.split(xp.ones(4), 2, axis=1)
    c["axis/apply_along_axis-bad"] = lambda xp: xp.apply_along_axis(lambda v: v, 2, xp.ones((2, 2)))
    c["axis/unique-out-of-range"] = lambda xp: xp.unique(xp.ones(3), axis=1)
    c["axis/count_nonzero-out-of-range"] = lambda xp: xp.count_nonzero(xp.ones(3), axis=1)
    c["axis/ptp-out-of-range"] = lambda xp: xp.ptp(xp.ones(3), axis=2)
    c["axis/percentile-out-of-range"] = lambda xp: xp.percentile(xp.ones(3), 50, axis=1)
    c["axis/average-out-of-range"] = lambda xp: xp.average(xp.ones(3), axis=1)
    c["axis/ufunc-reduce"] = lambda xp: xp.add.reduce(xp.ones(3), axis=1)
    c["axis/ufunc-accumulate-none"] = lambda xp: xp.add.accumulate(xp.ones((2, 2)), axis=None)

    # -- dtypes -------------------------------------------------------------------
    c["dtype/unknown-name"] = lambda xp: xp.dtype("float99")
    c["dtype/unknown-object"] = lambda xp: xp.dtype(3.5)
    c["dtype/zeros-bad-dtype"] = lambda xp: xp.zeros(3, dtype="int3")
    c["dtype/astype-bad"] = lambda xp: xp.ones(3).astype("foo")
    c["dtype/astype-casting-safe"] = lambda xp: xp.ones(3).astype("int8", casting="safe")
    c["dtype/astype-casting-bad"] = lambda xp: xp.ones(3).astype("float32", casting="nope")
    c["dtype/bitwise-float"] = lambda xp: xp.bitwise_and(xp.ones(3), xp.ones(3))
    c["dtype/invert-float"] = lambda xp: ~xp.ones(3)
    c["dtype/lshift-float"] = lambda xp: xp.left_shift(xp.ones(2), 1)
    c["dtype/gcd-float"] = lambda xp: xp.gcd(xp.ones(2), xp.ones(2))
    c["dtype/floor-complex"] = lambda xp: xp.floor(xp.ones(2, dtype=complex))
    c["dtype/remainder-complex"] = lambda xp: xp.remainder(xp.ones(2, dtype=complex), 2)
    c["dtype/arctan2-complex"] = lambda xp: xp.arctan2(xp.ones(2, dtype=complex), 1)
    c["dtype/maximum-ok-complex"] = lambda xp: xp.maximum(xp.array([1 + 2j, 2 + 0j]), 1.5)
    c["dtype/isnan-ok-int"] = lambda xp: xp.isnan(xp.arange(3))
    c["dtype/subtract-bool"] = lambda xp: xp.subtract(xp.ones(2, bool), xp.ones(2, bool))
    c["dtype/negative-bool"] = lambda xp: -xp.ones(2, bool)
    c["dtype/add-out-int-from-float"] = lambda xp: xp.add(xp.ones(2), 1.5, out=xp.zeros(2, dtype=int))
    c["dtype/iadd-int-float"] = lambda xp: xp.ones(2, dtype=int).__iadd__(1.5)
    c["dtype/iadd-uint8-neg"] = lambda xp: xp.ones(2, dtype="uint8").__iadd__(-1)
    c["dtype/python-int-overflow-int8"] = lambda xp: xp.ones(2, dtype="int8") + 300
    c["dtype/python-int-overflow-int64"] = lambda xp: xp.ones(3, dtype="int64") + 2 ** 64
    c["dtype/python-int-neg-uint"] = lambda xp: xp.ones(2, dtype="uint32") * -1
    c["dtype/array-overflow-uint8"] = lambda xp: xp.array([256], dtype="uint8")
    c["dtype/array-neg-uint8"] = lambda xp: xp.array(-1, dtype="uint8")
    c["dtype/int8-scalar-overflow"] = lambda xp: xp.int8(300)
    c["dtype/uint8-scalar-neg"] = lambda xp: xp.uint8(-1)
    c["dtype/int-cast-nan"] = lambda xp: int(xp.float64("nan"))
    c["dtype/int-cast-inf"] = lambda xp: int(xp.float32("inf"))
    c["dtype/view-bad-size"] = lambda xp: xp.arange(5).astype("int8").view("int32")
    c["dtype/view-0d-itemsize"] = lambda xp: xp.array(1, dtype="int32").view("int8")
    c["dtype/promote-bad"] = lambda xp: xp.promote_types("float64", "foo")
    c["dtype/can_cast-python"] = lambda xp: xp.can_cast(3, "int8")
    c["dtype/can_cast-bad-casting"] = lambda xp: xp.can_cast("int8", "int16", casting="nope")
    c["dtype/result_type-empty"] = lambda xp: xp.result_type()
    c["dtype/iinfo-float"] = lambda xp: xp.iinfo(xp.float64)
    c["dtype/finfo-int"] = lambda xp: xp.finfo(xp.int32)
    c["dtype/ufunc-dtype-bad"] = lambda xp: xp.add(xp.ones(2), 1, dtype="int8", casting="safe")
    c["dtype/ufunc-casting-bad"] = lambda xp: xp.add(xp.ones(2), 1, casting="nope")
    c["dtype/sum-dtype-bad"] = lambda xp: xp.sum(xp.ones(2), dtype="foo")
    c["dtype/arange-complex-step"] = lambda xp: xp.arange(0, 5, 1j)
    c["dtype/fill-str"] = lambda xp: xp.ones(2).fill("x")
    c["dtype/setitem-str"] = lambda xp: xp.ones(2).__setitem__(0, "x")
    c["dtype/setitem-str-number"] = lambda xp: _set_and_return(xp.ones(2), 0, "3.5")
    c["dtype/complex-to-float-setitem"] = lambda xp: xp.ones(2).__setitem__(0, 1j)
    c["dtype/bool-of-array"] = lambda xp: bool(xp.ones(2))
    c["dtype/float-of-array"] = lambda xp: float(xp.ones(2))
    c["dtype/int-of-empty"] = lambda xp: int(xp.ones(0))
    c["dtype/index-of-float"] = lambda xp: [1, 2, 3][xp.float64(1.0)]
    c["dtype/index-of-int-array"] = lambda xp: [1, 2, 3][xp.array([1])]
    c["dtype/index-ok-0d"] = lambda xp: [1, 2, 3][xp.array(1)]

    # -- out= arrays --------------------------------------------------------------
    c["out/wrong-shape"] = lambda xp: xp.add(xp.ones(2), xp.ones(2), out=xp.ones(3))
    c["out/wrong-shape-positional"] = lambda xp: xp.add(xp.ones(2), xp.ones(2), xp.ones(3))
    c["out/not-array"] = lambda xp: xp.add(xp.ones(2), xp.ones(2), out=[0, 0])
    c["out/tuple-too-long"] = lambda xp: xp.add(xp.ones(2), 1, out=(xp.ones(2), xp.ones(2)))
    c["out/unsafe-cast"] = lambda xp: xp.sqrt(xp.ones(2), out=xp.zeros(2, dtype="int64"))
    c["out/complex-into-float"] = lambda xp: xp.multiply(xp.ones(2), 1j, out=xp.zeros(2))
    c["out/float32-ok"] = lambda xp: xp.add(xp.ones(2), 1.5, out=xp.zeros(2, dtype="float32"))
    c["out/broadcast-into-smaller"] = lambda xp: xp.add(xp.ones((2, 2)), 1, out=xp.zeros(2))
    c["out/broadcast-ok"] = lambda xp: xp.add(xp.ones(2), 1, out=xp.zeros((3, 2)))
    c["out/sum-wrong-shape"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=0, out=xp.zeros(2))
    c["out/sum-int-ok"] = lambda xp: xp.sum(xp.ones((2, 3)), axis=0, out=xp.zeros(3, dtype=int))
    c["out/mean-wrong-shape"] = lambda xp: xp.mean(xp.ones((2, 3)), axis=1, out=xp.zeros(3))
    c["out/cumsum-wrong-shape"] = lambda xp: xp.cumsum(xp.ones(3), out=xp.zeros(2))
    c["out/clip-wrong-shape"] = lambda xp: xp.clip(xp.ones(3), 0, 1, out=xp.zeros(2))
    c["out/argmax-wrong-dtype"] = lambda xp: xp.argmax(xp.ones(3), out=xp.zeros((), dtype="float64"))
    c["out/matmul-wrong-shape"] = lambda xp: xp.matmul(xp.ones((2, 2)), xp.ones((2, 2)), out=xp.zeros((3, 2)))
    c["out/where-kw-shape"] = lambda xp: xp.add(xp.ones(3), 1, where=xp.ones(2, dtype=bool))
    c["out/divmod-one-out"] = lambda xp: xp.divmod(xp.ones(2), 2, out=xp.zeros(2))
    c["out/modf-out-tuple-bad"] = lambda xp: xp.modf(xp.ones(2), out=(xp.zeros(2),))
    c["out/reduce-out-shape"] = lambda xp: xp.add.reduce(xp.ones((2, 2)), axis=0, out=xp.zeros(3))

    # -- indexing -----------------------------------------------------------------
    c["index/out-of-range"] = lambda xp: xp.ones(3)[5]
    c["index/negative-out-of-range"] = lambda xp: xp.ones(3)[-4]
    c["index/too-many"] = lambda xp: xp.ones((2, 2))[0, 0, 0]
    c["index/float"] = lambda xp: xp.ones(3)[1.0]
    c["index/float-array"] = lambda xp: xp.ones(3)[xp.array([0.0, 1.0])]
    c["index/str"] = lambda xp: xp.ones(3)["a"]
    c["index/none-dict"] = lambda xp: xp.ones(3)[{}]
    c["index/list-out-of-range"] = lambda xp: xp.ones(3)[[0, 7]]
    c["index/bool-wrong-length"] = lambda xp: xp.ones(3)[xp.array([True, False])]
    c["index/bool-wrong-shape-2d"] = lambda xp: xp.ones((2, 2))[xp.ones((3, 3), dtype=bool)]
    c["index/two-ellipsis"] = lambda xp: xp.ones((2, 2))[..., ...]
    c["index/0d-int"] = lambda xp: xp.array(1.0)[0]
    c["index/0d-ellipsis-ok"] = lambda xp: xp.array(1.0)[...]
    c["index/broadcast-fancy"] = lambda xp: xp.ones((3, 3))[[0, 1], [0, 1, 2]]
    c["index/slice-float-step"] = lambda xp: xp.ones(3)[::1.5]
    c["index/slice-zero-step"] = lambda xp: xp.ones(3)[::0]
    c["index/slice-out-of-range-ok"] = lambda xp: xp.arange(3)[5:10]
    c["index/nested-list-ok"] = lambda xp: xp.arange(6).reshape(2, 3)[[[0], [1]], [[0, 2]]]
    c["index/setitem-out-of-range"] = lambda xp: xp.ones(3).__setitem__(3, 1.0)
    c["index/setitem-fancy-out-of-range"] = lambda xp: xp.ones(3).__setitem__([0, 5], 1.0)
    c["index/take-out-of-range"] = lambda xp: xp.take(xp.ones(3), 5)
    c["index/take-clip-ok"] = lambda xp: xp.take(xp.arange(3), [5, -7], mode="clip")
    c["index/take-wrap-ok"] = lambda xp: xp.take(xp.arange(3), [5, -7], mode="wrap")
    c["index/take-bad-mode"] = lambda xp: xp.take(xp.ones(3), 0, mode="nope")
    c["index/take-float-indices"] = lambda xp: xp.take(xp.ones(3), [0.5])
    c["index/put-out-of-range"] = lambda xp: xp.put(xp.ones(3), [5], 1.0)
    c["index/choose-out-of-range"] = lambda xp: xp.choose([0, 3], [xp.ones(2), xp.zeros(2)])
    c["index/unravel-out-of-range"] = lambda xp: xp.unravel_index(10, (2, 3))
    c["index/ravel_multi-out-of-range"] = lambda xp: xp.ravel_multi_index(([0, 5], [0, 1]), (2, 3))
    c["index/delete-out-of-range"] = lambda xp: xp.delete(xp.ones(3), 5)
    c["index/insert-out-of-range"] = lambda xp: xp.insert(xp.ones(3), 5, 1.0)
    c["index/item-out-of-range"] = lambda xp: xp.ones(3).item(5)
    c["index/item-multi"] = lambda xp: xp.ones(3).item()
    c["index/ufunc-at-out-of-range"] = lambda xp: xp.add.at(xp.ones(3), [5], 1)
    c["index/bincount-negative"] = lambda xp: xp.bincount(xp.array([0, -1]))
    c["index/bincount-float"] = lambda xp: xp.bincount(xp.array([0.5, 1.0]))

    # -- empty inputs -------------------------------------------------------------
    c["empty/argmax"] = lambda xp: xp.argmax(xp.ones(0))
    c["empty/argmin-axis"] = lambda xp: xp.argmin(xp.ones((0, 3)), axis=0)
    c["empty/argmin-other-axis-ok"] = lambda xp: xp.argmin(xp.ones((0, 3)), axis=1)
    c["empty/max"] = lambda xp: xp.max(xp.ones(0))
    c["empty/max-axis"] = lambda xp: xp.max(xp.ones((0, 3)), axis=0)
    c["empty/max-initial-ok"] = lambda xp: xp.max(xp.ones(0), initial=-1.0)
    c["empty/min-other-axis-ok"] = lambda xp: xp.min(xp.ones((0, 3)), axis=1)
    c["empty/ptp"] = lambda xp: xp.ptp(xp.ones(0))
    c["empty/sum-ok"] = lambda xp: xp.sum(xp.ones(0))
    c["empty/prod-ok"] = lambda xp: xp.prod(xp.ones((0, 2)), axis=0)
    c["empty/mean-nan"] = lambda xp: xp.mean(xp.ones(0))
    c["empty/var-nan"] = lambda xp: xp.var(xp.ones((0, 2)), axis=0)
    c["empty/median-nan"] = lambda xp: xp.median(xp.ones(0))
    c["empty/percentile"] = lambda xp: xp.percentile(xp.ones(0), 50)
    c["empty/all-ok"] = lambda xp: xp.all(xp.ones(0))
    c["empty/any-ok"] = lambda xp: xp.any(xp.ones(0))
    c["empty/average"] = lambda xp: xp.average(xp.ones(0))
    c["empty/average-weights-zero"] = lambda xp: xp.average(xp.ones(2), weights=xp.zeros(2))
    c["empty/concatenate-ok"] = lambda xp: xp.concatenate([xp.ones(0), xp.ones(2)])
    c["empty/reshape-ok"] = lambda xp: xp.ones(0).reshape(0, 5)
    c["empty/reshape-unknown"] = lambda xp: xp.ones(0).reshape(-1, 0)
    c["empty/sort-ok"] = lambda xp: xp.sort(xp.ones((0, 2)), axis=0)
    c["empty/unique-ok"] = lambda xp: xp.unique(xp.ones(0))
    c["empty/nonzero-ok"] = lambda xp: xp.nonzero(xp.ones(0))
    c["empty/matmul-ok"] = lambda xp: xp.ones((2, 0)) @ xp.ones((0, 3))
    c["empty/dot-ok"] = lambda xp: xp.dot(xp.ones(0), xp.ones(0))
    c["empty/array-empty-list"] = lambda xp: xp.array([])
    c["empty/array-nested-empty"] = lambda xp: xp.array([[], []])
    c["empty/ufunc-reduce-no-identity"] = lambda xp: xp.maximum.reduce(xp.ones(0))
    c["empty/ufunc-reduce-identity-ok"] = lambda xp: xp.add.reduce(xp.ones((0, 2)))
    c["empty/cumsum-ok"] = lambda xp: xp.cumsum(xp.ones(0))
    c["empty/stack-empty-arrays-ok"] = lambda xp: xp.stack([xp.ones(0), xp.ones(0)])
    c["empty/split-ok"] = lambda xp: xp.split(xp.ones(0), 2)
    c["empty/searchsorted-ok"] = lambda xp: xp.searchsorted(xp.ones(0), 1.0)
    c["empty/bincount-ok"] = lambda xp: xp.bincount(xp.array([], dtype=int))
    c["empty/histogram-ok"] = lambda xp: xp.histogram(xp.ones(0), bins=3)[0]
    c["empty/linspace-zero"] = lambda xp: xp.linspace(0, 1, 0)
    c["empty/arange-empty"] = lambda xp: xp.arange(5, 0)
    c["empty/item-0"] = lambda xp: xp.ones(0).item()
    c["empty/len-0d"] = lambda xp: len(xp.array(1.0))
    c["empty/iter-0d"] = lambda xp: list(iter(xp.array(1.0)))

    # -- NaN / inf ----------------------------------------------------------------
    c["nan/arange-nan"] = lambda xp: xp.arange(0, float("nan"))
    c["nan/arange-inf"] = lambda xp: xp.arange(0, float("inf"))
    c["nan/arange-zero-step"] = lambda xp: xp.arange(0, 5, 0)
    c["nan/linspace-nan-ok"] = lambda xp: xp.linspace(0, float("nan"), 3)
    c["nan/astype-int-nan"] = lambda xp: xp.array([1.0, float("nan")]).astype(xp.int32).shape
    c["nan/max-nan"] = lambda xp: xp.max(xp.array([1.0, float("nan")]))
    c["nan/argmax-nan"] = lambda xp: xp.argmax(xp.array([1.0, float("nan"), 3.0]))
    c["nan/sort-nan"] = lambda xp: xp.sort(xp.array([3.0, float("nan"), 1.0, -float("inf")]))
    c["nan/unique-nan"] = lambda xp: xp.unique(xp.array([float("nan"), 1.0, float("nan")]))
    c["nan/median-nan"] = lambda xp: xp.median(xp.array([1.0, float("nan"), 3.0]))
    c["nan/percentile-bad-q"] = lambda xp: xp.percentile(xp.ones(3), 150)
    c["nan/percentile-nan-q"] = lambda xp: xp.percentile(xp.ones(3), float("nan"))
    c["nan/quantile-bad-q"] = lambda xp: xp.quantile(xp.ones(3), -0.5)
    c["nan/divide-zero"] = lambda xp: xp.divide(xp.array([1.0, 0.0, -1.0]), 0.0)
    c["nan/floor_divide-int-zero"] = lambda xp: xp.floor_divide(xp.array([1, 0, -1]), 0)
    c["nan/remainder-int-zero"] = lambda xp: xp.remainder(xp.array([5, -5]), 0)
    c["nan/log-negative"] = lambda xp: xp.log(xp.array([-1.0, 0.0, float("inf")]))
    c["nan/sqrt-negative"] = lambda xp: xp.sqrt(xp.array([-4.0, float("nan")]))
    c["nan/power-int-negative"] = lambda xp: xp.power(xp.array([2, 3]), -1)
    c["nan/inf-minus-inf"] = lambda xp: xp.array([float("inf")]) - float("inf")
    c["nan/isclose-nan"] = lambda xp: xp.isclose(float("nan"), float("nan"))
    c["nan/allclose-inf"] = lambda xp: xp.allclose([float("inf")], [float("inf")])
    c["nan/histogram-inf-range"] = lambda xp: xp.histogram(xp.array([1.0, float("inf")]))
    c["nan/histogram-bad-bins"] = lambda xp: xp.histogram(xp.ones(3), bins=-1)
    c["nan/round-inf-ok"] = lambda xp: xp.round(xp.array([float("inf"), float("nan"), 2.5]))
    c["nan/clip-nan-bound"] = lambda xp: xp.clip(xp.array([1.0, 2.0]), float("nan"), 3.0)
    c["nan/nan_to_num-ok"] = lambda xp: xp.nan_to_num(xp.array([float("nan"), float("inf"), -float("inf")]))
    c["nan/float16-overflow-ok"] = lambda xp: xp.array([70000.0]).astype(xp.float16)
    c["nan/searchsorted-nan"] = lambda xp: xp.searchsorted(xp.array([1.0, 2.0, float("nan")]), float("nan"))

    # -- huge sizes ---------------------------------------------------------------
    c["huge/zeros"] = lambda xp: xp.zeros((BIG, BIG))
    c["huge/ones-overflowing-size"] = lambda xp: xp.ones((2 ** 40, 2 ** 40))
    c["huge/empty-int-overflow"] = lambda xp: xp.empty(2 ** 64)
    c["huge/reshape-huge"] = lambda xp: xp.ones(4).reshape(2 ** 62, 4)
    c["huge/broadcast_to-huge-ok"] = lambda xp: xp.broadcast_to(xp.ones(1), (2 ** 20, 2 ** 20)).shape
    c["huge/arange-huge"] = lambda xp: xp.arange(2 ** 70)
    c["huge/eye-huge"] = lambda xp: xp.eye(2 ** 40)
    c["huge/tile-huge"] = lambda xp: xp.tile(xp.ones(2), 2 ** 62)
    c["huge/repeat-huge"] = lambda xp: xp.repeat(xp.ones(2), 2 ** 62)
    c["huge/index-huge"] = lambda xp: xp.ones(3)[2 ** 70]
    c["huge/shift-large-ok"] = lambda xp: xp.left_shift(xp.array([1], dtype="int64"), 70)
    c["huge/array-huge-int"] = lambda xp: xp.array([2 ** 70])
    c["huge/array-mixed-uint64"] = lambda xp: xp.array([2 ** 63, -1])
    c["huge/int64-scalar-overflow"] = lambda xp: xp.int64(2 ** 63)

    # -- non-array arguments ------------------------------------------------------
    c["arg/add-str"] = lambda xp: xp.add(xp.ones(2), "a")
    c["arg/add-none"] = lambda xp: xp.ones(2) + None
    c["arg/add-dict"] = lambda xp: xp.add({}, 1)
    c["arg/sum-str"] = lambda xp: xp.sum("abc")
    c["arg/sqrt-list-ok"] = lambda xp: xp.sqrt([1, 4, 9])
    c["arg/sqrt-nested-tuple-ok"] = lambda xp: xp.sqrt(((1, 4), (9, 16)))
    c["arg/sqrt-generator"] = lambda xp: xp.sqrt(x for x in range(3))
    c["arg/sin-set"] = lambda xp: xp.sin({1, 2})
    c["arg/sin-none"] = lambda xp: xp.sin(None)
    c["arg/ufunc-too-many"] = lambda xp: xp.sin(xp.ones(2), xp.ones(2), xp.ones(2))
    c["arg/ufunc-too-few"] = lambda xp: xp.add(xp.ones(2))
    c["arg/ufunc-bad-kw"] = lambda xp: xp.add(xp.ones(2), 1, foo=1)
    c["arg/reshape-none-shape"] = lambda xp: xp.ones(4).reshape(None)
    c["arg/zeros-none-shape"] = lambda xp: xp.zeros(None)
    c["arg/zeros-list-shape-ok"] = lambda xp: xp.zeros([2, 1])
    c["arg/array-kw-bad"] = lambda xp: xp.array([1], foo=2)
    c["arg/concatenate-not-seq"] = lambda xp: xp.concatenate(3)
    c["arg/concatenate-arrays-ok"] = lambda xp: xp.concatenate(([1, 2], (3,)))
    c["arg/mean-bad-kw"] = lambda xp: xp.mean(xp.ones(2), bad=1)
    c["arg/sort-bad-kind"] = lambda xp: xp.sort(xp.ones(2), kind="nope")
    c["arg/argsort-bad-order-arg"] = lambda xp: xp.argsort(xp.ones(2), order="x")
    c["arg/searchsorted-bad-side"] = lambda xp: xp.searchsorted(xp.ones(2), 1.0, side="middle")
    c["arg/pad-bad-mode"] = lambda xp: xp.pad(xp.ones(2), 1, mode="nope")
    c["arg/round-float-decimals"] = lambda xp: xp.round(xp.ones(2), 1.5)
    c["arg/linspace-float-num"] = lambda xp: xp.linspace(0, 1, 2.5)
    c["arg/full-like-str-ok"] = lambda xp: xp.full_like(xp.ones(2), "3")
    c["arg/full-str-value"] = lambda xp: xp.full(2, "abc", dtype=float)
    c["arg/asarray-torch-like-list-ok"] = lambda xp: xp.asarray([xp.float32(1), 2.0])
    c["arg/percentile-bad-method"] = lambda xp: xp.percentile(xp.ones(3), 50, method="nope")
    c["arg/clip-no-bounds"] = lambda xp: xp.clip(xp.ones(3))
    c["arg/where-one-arg-ok"] = lambda xp: xp.where([0, 1, 2])
    c["arg/where-two-args"] = lambda xp: xp.where([True], [1])
    c["arg/iinfo-str-bad"] = lambda xp: xp.iinfo("nope")
    c["arg/errstate-bad-value"] = lambda xp: xp.errstate(divide="sometimes").__enter__()
    c["arg/seterr-bad-key"] = lambda xp: xp.seterr(nope="ignore")
    c["arg/set_printoptions-bad"] = lambda xp: xp.set_printoptions(precision="a")
    c["arg/dtype-call"] = lambda xp: xp.dtype(xp.ones(2))
    c["arg/ndarray-hash"] = lambda xp: hash(xp.ones(2))
    c["arg/ndarray-bool-empty"] = lambda xp: bool(xp.ones(0))
    c["arg/comparison-str-eq"] = lambda xp: xp.ones(2) == "a"
    c["arg/comparison-str-lt"] = lambda xp: xp.ones(2) < "a"
    c["arg/matmul-scalar"] = lambda xp: xp.ones(2) @ 3
    c["arg/divmod-str"] = lambda xp: divmod(xp.ones(2), "a")
    return c


CASES = _cases()


def _set_and_return(a, index, value):
    a[index] = value
    return a


# Known disagreements (strict xfails: fixing one makes its test fail until it is removed here).
KNOWN = {
    "arg/argsort-bad-order-arg": "order= raises NotImplementedError (no structured arrays) before NumPy's ValueError",
    "arg/dtype-call": "np.dtype(ndarray) returns the array's dtype; NumPy refuses",
    "arg/iinfo-str-bad": "iinfo('nope'): TypeError (unknown dtype) where NumPy reads it as a string dtype",
    "arg/reshape-none-shape": "reshape(None): NumPy keeps the shape; np2torch raises TypeError",
    "arg/round-float-decimals": "round(decimals=1.5) is accepted",
    "axis/prod-0d-axis0": "axis=0 on a 0-d array: NumPy accepts it for scalars; np2torch raises AxisError",
    "axis/sum-list": "axis=[0] is accepted as a sequence of axes",
    "axis/ufunc-accumulate-none": "accumulate(axis=None) flattens instead of raising",
    "dtype/arange-complex-step": "complex arange step raises TypeError; NumPy returns an empty complex array",
    "dtype/complex-to-float-setitem": "assigning a complex scalar into a float array discards the imaginary part",
    "empty/percentile": "percentile of an empty array gives nan; NumPy raises IndexError",
    "huge/arange-huge": "arange(2**70) raises OverflowError; NumPy ValueError",
    "huge/repeat-huge": "torch's RuntimeError for an overflowing repeat count",
    "huge/tile-huge": "torch's RuntimeError for an overflowing tile count",
    "index/take-float-indices": "take with float indices raises TypeError; NumPy 2.4 truncates them",
    "nan/arange-inf": "arange(0, inf) raises OverflowError; NumPy ValueError",
    "nan/percentile-nan-q": "percentile(q=nan) leaks torch's RuntimeError",
    "out/argmax-wrong-dtype": "argmax(out=float array) is accepted",
    "shape/pad-bad-width": "a pad_width of the wrong length leaks torch's RuntimeError",
    "shape/put_along_axis-ndim": "IndexError instead of ValueError for indices of the wrong ndim",
    "shape/reshape-negative": "reshape(-2, 3): NumPy treats any negative as unknown; np2torch raises",
    "shape/split-zero": "split(a, 0): ValueError where NumPy raises ZeroDivisionError",
}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN[n])) if n in KNOWN else n
    for n in sorted(CASES)])
def test_bad_input_matches_numpy(name):
    same(CASES[name])


def test_known_differences_are_cases():
    assert set(KNOWN) <= set(CASES)


def test_enough_cases():
    assert len(CASES) >= 200


def agreement():
    """(agreeing, total, [disagreeing names]) over all cases."""
    bad = []
    for name in sorted(CASES):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                same(CASES[name])
        except (AssertionError, Exception) as exc:  # noqa: BLE001 - counting disagreements
            bad.append((name, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]))
    return len(CASES) - len(bad), len(CASES), bad


if __name__ == "__main__":
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    ok, total, bad = agreement()
    for name, why in bad:
        print(f"DIFFERS {name}: {why}")
    print(f"bad-input agreement: {ok}/{total} = {100 * ok / total:.1f}%")
