"""Exception types: AxisError, ValueError for shapes, IndexError; never torch's RuntimeError."""

import numpy as np
import pytest

import np2torch.runtime as rt
from helpers import same

CASES = [
    lambda xp: xp.sum(xp.ones((2, 3)), axis=5),
    lambda xp: xp.ones((2, 3)).mean(axis=(0, 0)),
    lambda xp: xp.concatenate([xp.ones((2, 3)), xp.ones((2, 3))], axis=2),
    lambda xp: xp.expand_dims(xp.ones(3), 3),
    lambda xp: xp.moveaxis(xp.ones((2, 3)), 2, 0),
    lambda xp: xp.squeeze(xp.ones((2, 3)), axis=0),
    lambda xp: xp.ones(6).reshape(4, 2),
    lambda xp: xp.ones(6).reshape(-1, 4),
    lambda xp: xp.broadcast_to(xp.ones(3), (2, 4)),
    lambda xp: xp.broadcast_arrays(xp.ones(3), xp.ones(4)),
    lambda xp: xp.ones(3) + xp.ones(2),
    lambda xp: xp.concatenate([xp.ones((2, 3)), xp.ones((3, 2))]),
    lambda xp: xp.stack([xp.ones(2), xp.ones(3)]),
    lambda xp: xp.ones((2, 3)) @ xp.ones((2, 3)),
    lambda xp: xp.dot(xp.ones(3), xp.ones(4)),
    lambda xp: xp.ones(3)[5],
    lambda xp: xp.ones((2, 2))[0, 0, 0],
    lambda xp: xp.ones(3)[1.0],
    lambda xp: xp.ones(3)[[0, 7]],
    lambda xp: xp.split(xp.ones(5), 2),
    lambda xp: xp.arange(5).astype("int8").view("int32"),
    lambda xp: xp.zeros((2, 3)).transpose(0, 0),
    lambda xp: xp.swapaxes(xp.ones(3), 0, 1),
    lambda xp: xp.argmax(xp.ones(0)),
    lambda xp: xp.max(xp.ones((0, 3)), axis=0),
    lambda xp: xp.tile(xp.ones(2), -1),
    lambda xp: xp.repeat(xp.ones(2), [1, 2, 3]),
    lambda xp: xp.take(xp.ones(3), 5),
    lambda xp: xp.ones(3, dtype="int64") + 2**64,
    lambda xp: xp.int8(5).astype("foo"),
    lambda xp: xp.dtype("float99"),
    lambda xp: xp.zeros((2, -1)),
    lambda xp: xp.ones(2).item(),
    lambda xp: float(xp.ones(2)),
    lambda xp: bool(xp.ones(2)),
    lambda xp: xp.add(xp.ones(2), xp.ones(2), xp.ones(3)),
    lambda xp: xp.pad(xp.ones(2), 1, mode="nope"),
    lambda xp: xp.linspace(0, 1, -1),
    lambda xp: xp.eye(-1),
    lambda xp: xp.ones((2, 3)).sum(axis=1.5),
]


@pytest.mark.parametrize("i", range(len(CASES)))
def test_error_types(i):
    same(CASES[i])


def test_axis_error_is_value_and_index_error():
    with pytest.raises(rt.exceptions.AxisError) as info:
        rt.sum(rt.ones(3), axis=1)
    assert isinstance(info.value, ValueError) and isinstance(info.value, IndexError)
    assert str(info.value) == str(np.exceptions.AxisError(1, 1))
    assert rt.AxisError is rt.exceptions.AxisError


def test_errstate_call_and_single_entry():
    def foo(*args):
        pass
    old = rt.geterrcall()
    with rt.errstate(call=foo):
        assert rt.geterrcall() is foo
        with rt.errstate(call=None):
            assert rt.geterrcall() is None
    assert rt.geterrcall() is old
    state = rt.errstate(invalid="warn")
    with state:
        pass
    with pytest.raises(TypeError, match="Cannot enter `np.errstate` twice"):
        with state:
            pass

    @rt.errstate(all="raise")
    def divide():
        return rt.ones(2) / 0
    for _ in range(2):  # a decorator enters a fresh errstate on each call
        with pytest.raises(FloatingPointError):
            divide()
