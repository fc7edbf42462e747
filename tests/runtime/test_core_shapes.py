"""Creation (arange/linspace/eye/full/zeros_like...) and shape manipulation."""

import numpy as np
import pytest

import np2torch.runtime as rt
from helpers import ALL_DTYPES, arrays_for, same

CREATION = [
    lambda xp: xp.arange(5), lambda xp: xp.arange(1, 10, 3), lambda xp: xp.arange(2.5),
    lambda xp: xp.arange(0, 1, 0.1), lambda xp: xp.arange(10, 0, -2), lambda xp: xp.arange(5, dtype="uint8"),
    lambda xp: xp.arange(3, dtype="float32"), lambda xp: xp.arange(0), lambda xp: xp.arange(5, 1),
    lambda xp: xp.arange(xp.int8(5)), lambda xp: xp.arange(1, 2, 0),
    lambda xp: xp.linspace(0, 1, 5), lambda xp: xp.linspace(0, 1, 5, endpoint=False),
    lambda xp: xp.linspace(0, 10, 4, dtype="int32"), lambda xp: xp.linspace(0, 1, 3, retstep=True),
    lambda xp: xp.linspace([0, 1], [1, 3], 3), lambda xp: xp.linspace(0, 1, 3, axis=0, dtype="float32"),
    lambda xp: xp.logspace(0, 2, 3), lambda xp: xp.geomspace(1, 1000, 4),
    lambda xp: xp.eye(3), lambda xp: xp.eye(2, 4, k=1, dtype="int8"), lambda xp: xp.eye(3, k=-5),
    lambda xp: xp.identity(2, dtype="bool"), lambda xp: xp.full((2, 2), 7),
    lambda xp: xp.full(3, 2.5, dtype="float16"), lambda xp: xp.full((2,), True),
    lambda xp: xp.full((2, 3), [1, 2, 3]), lambda xp: xp.zeros((2, 0)), lambda xp: xp.ones(3, dtype="complex64"),
    lambda xp: xp.empty((2, 3)).shape, lambda xp: xp.zeros_like(xp.arange(3, dtype="int16")),
    lambda xp: xp.ones_like(xp.ones((2, 2)), dtype="uint32"), lambda xp: xp.full_like(xp.arange(3), 2.7),
    lambda xp: xp.full_like(xp.arange(3.0), 2.7, shape=(2, 2)), lambda xp: xp.tri(3, 4, 1),
    lambda xp: xp.diag([1, 2, 3], k=1), lambda xp: xp.diag(xp.arange(9).reshape(3, 3), -1),
    lambda xp: xp.array([[1, 2], [3, 4]], dtype="float32"), lambda xp: xp.array([1, 2.5, 3j]),
    lambda xp: xp.array([True, 2]), lambda xp: xp.array(5), lambda xp: xp.array([], dtype="int8"),
    lambda xp: xp.array([[1], [2, 3]]), lambda xp: xp.array([1, 2], ndmin=3),
    lambda xp: xp.asarray([2**63]), lambda xp: xp.asarray([-1, 2**63]), lambda xp: xp.array([300], dtype="int8"),
    lambda xp: xp.meshgrid([1, 2], [3, 4, 5]), lambda xp: xp.meshgrid([1, 2], [3, 4, 5], indexing="ij"),
    lambda xp: xp.indices((2, 3)), lambda xp: xp.fromfunction(lambda i, j: i + j, (2, 3)),
    lambda xp: xp.tril(xp.ones((3, 3))), lambda xp: xp.triu(xp.arange(9).reshape(3, 3), 1),
    lambda xp: xp.vander([1, 2, 3]), lambda xp: xp.zeros(-1),
]


@pytest.mark.parametrize("i", range(len(CREATION)))
def test_creation(i):
    same(CREATION[i])


A = np.arange(24).reshape(2, 3, 4)
MANIP = [
    lambda xp, a: a.reshape(6, 4), lambda xp, a: a.reshape(-1, 3), lambda xp, a: xp.reshape(a, (4, -1), order="F"),
    lambda xp, a: a.reshape(5, 5), lambda xp, a: a.reshape(-1, -1), lambda xp, a: a.transpose(),
    lambda xp, a: a.transpose(2, 0, 1), lambda xp, a: xp.transpose(a, (1, 0)), lambda xp, a: a.T,
    lambda xp, a: xp.concatenate([a, a], axis=1), lambda xp, a: xp.concatenate([a, a], axis=None),
    lambda xp, a: xp.concatenate([a, a[:, :2]], axis=0), lambda xp, a: xp.concatenate([a, a.astype("float32")]),
    lambda xp, a: xp.concatenate([a, a], axis=3), lambda xp, a: xp.stack([a, a]), lambda xp, a: xp.stack([a, a], axis=-1),
    lambda xp, a: xp.stack([a, a[0]]), lambda xp, a: xp.hstack([a, a]), lambda xp, a: xp.vstack([a[0], a[1]]),
    lambda xp, a: xp.dstack([a[0], a[1]]), lambda xp, a: xp.column_stack([a[0, 0], a[1, 1]]),
    lambda xp, a: xp.split(a, 2), lambda xp, a: xp.split(a, [1, 3], axis=2), lambda xp, a: xp.split(a, 3, axis=2),
    lambda xp, a: xp.array_split(a, 3, axis=2), lambda xp, a: xp.hsplit(a, 3), lambda xp, a: xp.vsplit(a[0], 3),
    lambda xp, a: xp.tile(a[0], 2), lambda xp, a: xp.tile(a[0], (2, 1, 2)), lambda xp, a: xp.repeat(a, 2),
    lambda xp, a: xp.repeat(a, [1, 2, 0], axis=1), lambda xp, a: xp.repeat(a, 2, axis=-1), lambda xp, a: xp.flip(a),
    lambda xp, a: xp.flip(a, 1), lambda xp, a: xp.flip(a, (0, 2)), lambda xp, a: xp.fliplr(a[0]), lambda xp, a: xp.flipud(a),
    lambda xp, a: xp.roll(a, 2), lambda xp, a: xp.roll(a, -1, axis=1), lambda xp, a: xp.roll(a, (1, 2), axis=(0, 2)),
    lambda xp, a: xp.rot90(a[0]), lambda xp, a: xp.rot90(a, 3, axes=(1, 2)),
    lambda xp, a: xp.pad(a[0], 1), lambda xp, a: xp.pad(a[0], ((1, 0), (2, 3)), constant_values=-1),
    lambda xp, a: xp.pad(a[0], 2, mode="edge"), lambda xp, a: xp.pad(a[0], 2, mode="reflect"),
    lambda xp, a: xp.pad(a[0], (1, 2), mode="symmetric"), lambda xp, a: xp.pad(a[0], 1, mode="wrap"),
    lambda xp, a: xp.squeeze(a[:1]), lambda xp, a: xp.squeeze(a[:1, :1], axis=1), lambda xp, a: xp.squeeze(a, axis=0),
    lambda xp, a: xp.expand_dims(a, 0), lambda xp, a: xp.expand_dims(a, (0, -1)), lambda xp, a: xp.expand_dims(a, 5),
    lambda xp, a: xp.moveaxis(a, 0, -1), lambda xp, a: xp.moveaxis(a, [0, 1], [-1, -2]), lambda xp, a: xp.swapaxes(a, 0, 2),
    lambda xp, a: xp.rollaxis(a, 2), lambda xp, a: xp.broadcast_to(a[0, 0], (3, 4)), lambda xp, a: xp.broadcast_to(a, (3, 4)),
    lambda xp, a: xp.broadcast_arrays(a, a[0, 0]), lambda xp, a: xp.broadcast_shapes((2, 1), (3,)),
    lambda xp, a: xp.broadcast_shapes((2,), (3,)), lambda xp, a: xp.atleast_1d(a[0, 0, 0]),
    lambda xp, a: xp.atleast_2d(a[0, 0]), lambda xp, a: xp.atleast_3d(a[0]), lambda xp, a: a.ravel(),
    lambda xp, a: a.flatten("F"), lambda xp, a: xp.ravel(a.T), lambda xp, a: a.swapaxes(0, 1).reshape(-1),
    lambda xp, a: xp.block([[a[0], a[1]], [a[1], a[0]]]), lambda xp, a: xp.append(a[0], [[9, 9, 9, 9]], axis=0),
    lambda xp, a: xp.insert(a[0, 0], 1, 99), lambda xp, a: xp.delete(a[0], 1, axis=1), lambda xp, a: xp.trim_zeros(a[0, 0]),
    lambda xp, a: xp.resize(a[0, 0], 7), lambda xp, a: a.squeeze(), lambda xp, a: xp.stack([]),
]


@pytest.mark.parametrize("i", range(len(MANIP)))
def test_manipulation(i):
    same(MANIP[i], A)


@pytest.mark.parametrize("d", ALL_DTYPES)
def test_manipulation_keeps_dtypes(d):
    x = arrays_for(d, (2, 3), np.random.default_rng(0))
    same(lambda xp, x: xp.concatenate([x, x]), x)
    same(lambda xp, x: xp.roll(xp.flip(x, 1), 1), x)
    same(lambda xp, x: xp.pad(x, 1), x)
    same(lambda xp, x: xp.tile(x.T, 2), x)


def test_views():
    def f(xp, a):
        a = a.copy()
        r = a.reshape(4, 6)
        r[0, 0] = -1
        t = xp.transpose(a)
        t[0, 0, 1] = -2
        e = xp.expand_dims(a, 0)
        e[0, 0, 0, 2] = -3
        b = xp.broadcast_to(a, (2, 2, 3, 4))
        return a, xp.shares_memory(a, b), xp.shares_memory(a, a.copy())
    same(f, A)


@pytest.mark.parametrize("args", [(1j, 16j, 5), (1, 1000, 4), (-1, -1000, 4), (1 + 1j, 1000 + 1000j, 4),
                                  ([1, 2], [100, 200], 3), (2, 32, 5)])
def test_geomspace_and_complex_linspace(args):
    same(lambda xp: xp.geomspace(*args), rtol=1e-12, atol=1e-12)
    same(lambda xp: xp.linspace(*args))
    same(lambda xp: xp.logspace(1, 2, 3, base=[2.0, 10.0]))
    same(lambda xp: xp.logspace([1, 2], [3, 4], 3, base=[2.0, 10.0], axis=1))


BLOCK_CASES = [
    lambda xp: [[xp.eye(2), xp.zeros((2, 1))], [xp.ones((1, 3))]],
    lambda xp: [1.0, 2 * xp.ones((1, 2)), 3 * xp.ones((1, 1, 3))],
    lambda xp: [[1.0, 2 * xp.ones((1, 2))], [3 * xp.ones((1, 2, 3))]],
    lambda xp: [[xp.arange(3, dtype=xp.int8)], [xp.arange(3, dtype=xp.float32)]],
    lambda xp: 5,
    lambda xp: [[[xp.ones((2, 2, 2))] * 2] * 2] * 2,
]
BLOCK_ERRORS = [
    lambda xp: [1, [2]], lambda xp: [1, []], lambda xp: [[1], 2], lambda xp: [],
    lambda xp: [[1], []], lambda xp: ([1, 2], [3, 4]), lambda xp: [(1, 2), (3, 4)],
    lambda xp: [xp.array([0, 0]), xp.eye(2)],
    lambda xp: [[xp.ones((2, 3)), xp.ones((2, 2))], [xp.ones((2, 2)), xp.ones((2, 2))]],
]


@pytest.mark.parametrize("stage", ["block", "concatenate", "slicing"])
@pytest.mark.parametrize("case", BLOCK_CASES + BLOCK_ERRORS)
def test_block_and_its_stages_match_numpy(case, stage):
    # both assembly strategies must give np.block's result (and its errors)
    def run(xp):
        if stage == "block":
            return xp.block(case(xp))
        mod = __import__(f"{xp.__name__}._core.shape_base", fromlist=["_block_setup"])
        arrays, list_ndim, result_ndim, _ = mod._block_setup(case(xp))
        return getattr(mod, f"_block_{stage}")(arrays, list_ndim, result_ndim)
    same(lambda xp: run(xp))


def test_block_returns_a_copy_and_counts_elements():
    a = rt.eye(3)
    b = rt.block(a)
    b[0, 0] = 2
    assert a[0, 0] == 1
    from np2torch.runtime._core.shape_base import _block_setup, _block_dispatcher
    assert [_block_setup(x)[3] for x in ([1], [[1, 1]], [[1], [1]], [[1, 2], [3, 4]])] == [1, 2, 2, 4]
    assert list(_block_dispatcher([[1], [2, [3]], (4,)])) == [1, 2, 3, (4,)]
