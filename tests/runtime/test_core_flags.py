"""Read-only arrays (flags.writeable / setflags), dtype views and object arrays,
against NumPy."""

import numpy as np
import pytest

import np2torch.runtime as rt
from helpers import same


def _writes(xp):
    """Every way of writing into an array: (name, fn(array))."""
    return [
        ("setitem", lambda a: a.__setitem__(0, 1)),
        ("setitem slice", lambda a: a.__setitem__(slice(None), 1)),
        ("setitem mask", lambda a: a.__setitem__(a > 2, 1)),
        ("fill", lambda a: a.fill(1)),
        ("iadd", lambda a: a.__iadd__(1)),
        ("ufunc out", lambda a: xp.add(a, 1, out=a)),
        ("reduction out", lambda a: xp.sum(xp.ones((3, 6)), axis=0, out=a)),
        ("sort", lambda a: a.sort()),
        ("partition", lambda a: a.partition(2)),
        ("put", lambda a: xp.put(a, [0], [9])),
        ("place", lambda a: xp.place(a, a > 2, [9])),
        ("putmask", lambda a: xp.putmask(a, a > 2, 9)),
        ("copyto", lambda a: xp.copyto(a, 5)),
        ("flat", lambda a: a.flat.__setitem__(0, 3)),
        ("put_along_axis", lambda a: xp.put_along_axis(a, xp.asarray([0]), 9, axis=0)),
        ("clip out", lambda a: xp.clip(a, 0, 1, out=a)),
    ]


@pytest.mark.parametrize("index", range(len(_writes(np))))
def test_read_only_array_refuses_every_write(index):
    name, np_write = _writes(np)[index]
    _, rt_write = _writes(rt)[index]
    n = np.arange(6.0)
    r = rt.arange(6.0)
    n.setflags(write=False)
    r.setflags(write=False)
    with pytest.raises(ValueError, match="read-only") as e:
        np_write(n)
    with pytest.raises(ValueError, match="read-only"):
        rt_write(r)
    assert r.tolist() == n.tolist()
    assert not r.flags.writeable
    # a writeable array takes the same write
    w = rt.arange(6.0)
    rt_write(w)
    del e


def test_views_of_read_only_arrays_are_read_only_but_the_base_is_not():
    a = rt.arange(6.0)
    before = a[1:]
    b = a.reshape(2, 3)
    b.flags.writeable = False
    for view in (b[0], b.T, b.reshape(6), b[:, 1:], b.view(), b.view(rt.int64), b.ravel()):
        assert not view.flags.writeable
        with pytest.raises(ValueError, match="read-only"):
            view[...] = 0
    assert a.flags.writeable and before.flags.writeable
    a[0] = 7.0  # the base stays writeable and the read-only view sees the write
    assert b[0, 0] == 7.0
    assert b.copy().flags.writeable
    with pytest.raises(ValueError):
        b[0].flags.writeable = True
    b.flags["W"] = True
    b[0, 0] = 1.0
    assert a[0] == 1.0


def test_broadcast_to_and_sliding_window_view_are_read_only():
    from np2torch.runtime.lib.stride_tricks import as_strided, sliding_window_view
    a = rt.arange(4)
    assert not rt.broadcast_to(a, (2, 4)).flags.writeable
    assert not sliding_window_view(a, 2).flags.writeable
    assert sliding_window_view(a, 2, writeable=True).flags.writeable
    assert not as_strided(a, writeable=False).flags.writeable
    assert a.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        rt.broadcast_to(a, (2, 4))[0, 0] = 1


@pytest.mark.parametrize("src", ["int8", "int16", "int64", "uint16", "uint32", "uint64", "float32", "float64", "complex128"])
@pytest.mark.parametrize("dst", ["uint8", "uint16", "uint32", "uint64", "int32", "float16", "float64"])
def test_view_reinterprets_bits_like_numpy(src, dst):
    n = np.arange(-4, 12).astype(src) * 3
    try:
        expected = n.view(dst)
    except ValueError:
        with pytest.raises(ValueError):
            rt.asarray(n).view(dst)
        return
    got = rt.asarray(n).view(dst)
    assert str(got.dtype) == str(expected.dtype)
    np.testing.assert_array_equal(np.asarray(got), expected)


def test_view_through_uint64_shares_memory():
    a = rt.zeros(3)
    a.view(rt.uint64)[0] = 0x3FF0000000000000
    assert a[0] == 1.0


def test_object_arrays_from_astype_behave_like_numpy():
    a = rt.arange(3).astype(object)
    assert a.dtype == rt.dtype(object) and a.shape == (3,)
    assert rt.dtype(object).type is rt.object_ and rt.object_(5) == 5
    for use in (lambda xp, a: a + 1, lambda xp, a: a.tolist(), lambda xp, a: a[0],
                lambda xp, a: repr(a), lambda xp, a: a.astype(float), lambda xp, a: xp.sum(a)):
        same(use, np.arange(3).astype(object))
