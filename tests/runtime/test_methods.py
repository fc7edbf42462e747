"""ndarray methods against NumPy's methods of the same name (argument order included)."""

import numpy
import pytest

import np2torch.runtime as rt

BASE = numpy.arange(12, dtype=numpy.float64).reshape(3, 4) - 5.5

CALLS = [
    ("sum", (), {"axis": 0}), ("mean", (1,), {}), ("max", (), {"axis": -1}),
    ("argmin", (), {}), ("cumsum", (0,), {}), ("clip", (-2, 3), {}), ("round", (1,), {}),
    ("compress", ([True, False, True],), {"axis": 0}), ("take", ([0, 5],), {}),
    ("repeat", (2,), {"axis": 1}), ("swapaxes", (0, 1), {}), ("trace", (1,), {}),
    ("diagonal", (), {"offset": -1}), ("ravel", (), {}),
    ("argsort", (), {"axis": 0}), ("nonzero", (), {}), ("std", (), {"ddof": 1}),
    ("dot", (numpy.ones(4),), {}), ("squeeze", (), {}), ("all", (), {"axis": 1}),
]


@pytest.mark.parametrize("name,args,kwargs", CALLS, ids=[c[0] for c in CALLS])
def test_method_matches_numpy(name, args, kwargs):
    expected = getattr(BASE, name)(*args, **kwargs)
    ours_args = [rt.asarray(a) if isinstance(a, numpy.ndarray) else a for a in args]
    got = getattr(rt.asarray(BASE), name)(*ours_args, **kwargs)
    if isinstance(expected, tuple):
        for e, g in zip(expected, got):
            numpy.testing.assert_array_equal(numpy.asarray(g), e)
        return
    numpy.testing.assert_allclose(numpy.asarray(got), expected)
    assert str(numpy.asarray(got).dtype) == str(numpy.asarray(expected).dtype)
