"""Fixed-width string arrays (S/U), structured records and timedelta64 arrays
against NumPy: creation, element types, casts, comparisons, printing, and the
errors NumPy raises (or NotImplementedError where np2torch has no loop)."""

import datetime
import pickle

import numpy as np
import pytest

import np2torch.runtime as rt
from helpers import same


# -- strings ------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda xp: xp.array(["a"], dtype="S1"),
    lambda xp: xp.array(["abc", "d"], dtype="S2"),
    lambda xp: xp.array(["ab", "c"]),
    lambda xp: xp.array([b"ab", b"c"]),
    lambda xp: xp.array(["a", 1]),
    lambda xp: xp.array([b"a", 1]),
    lambda xp: xp.array(["abc", True]),
    lambda xp: xp.array([["a", "bc"], ["d", "e"]]),
    lambda xp: xp.array("abc"),
    lambda xp: xp.array(5, dtype="S"),
    lambda xp: xp.zeros(2, dtype="S2"),
    lambda xp: xp.ones(2, dtype="U3"),
    lambda xp: xp.empty(2, dtype="U2"),
    lambda xp: xp.full(3, "xy", dtype="U1"),
])
def test_string_creation(make):
    same(lambda xp: make(xp).tolist())
    same(lambda xp: str(make(xp).dtype))
    same(lambda xp: make(xp).shape)
    assert repr(make(rt)) == repr(make(np))
    assert str(make(rt)) == str(make(np))


def test_string_elements_and_dtype():
    a = rt.array([b"a", b"bc"])
    assert type(a[0]) is rt.bytes_ and a[0] == b"a"
    assert type(a.tolist()[0]) is bytes and type(a.item(0)) is bytes
    assert rt.array(["x"])[0] == "x" and type(rt.array(["x"])[0]) is rt.str_
    for spelling in ("S1", "S", "U3", "<U2", "|S5"):
        d, nd = rt.dtype(spelling), np.dtype(spelling)
        assert (repr(d), str(d), d.name, d.kind, d.char, d.itemsize, d.num) == (
            repr(nd), str(nd), nd.name, nd.kind, nd.char, nd.itemsize, nd.num)
    assert a.dtype == "S2" and a.dtype != "S3" and a.dtype == rt.dtype("S2")
    assert pickle.loads(pickle.dumps(a)).tolist() == [b"a", b"bc"]


@pytest.mark.parametrize("cast", [
    lambda xp: xp.array([1, 2]).astype("S"),
    lambda xp: xp.array([1.5, 2]).astype("U"),
    lambda xp: xp.array([True]).astype("S"),
    lambda xp: xp.array(["abc", "d"], dtype="U2").astype("S1"),
    lambda xp: xp.array(["1.5", "2"]).astype(float),
    lambda xp: xp.array([b"7", b"8"]).astype(int),
    lambda xp: xp.array([b"a", b"bc"]).astype(object),
    lambda xp: xp.array(["a", None], dtype=object).astype("U"),
    lambda xp: xp.array(["a", ""]).astype(bool),
])
def test_string_casts(cast):
    same(lambda xp: (cast(xp).tolist(), str(cast(xp).dtype)))


@pytest.mark.parametrize("op", [
    lambda xp, a: a == b"a", lambda xp, a: a != b"bc", lambda xp, a: a < b"b",
    lambda xp, a: a == a[::-1], lambda xp, a: xp.array_equal(a, a.copy()),
    lambda xp, a: xp.sort(a).tolist(), lambda xp, a: xp.argsort(a), lambda xp, a: xp.argmax(a),
    lambda xp, a: xp.unique(a).tolist(), lambda xp, a: xp.nonzero(a),
    lambda xp, a: xp.concatenate([a, xp.array([b"xyz"])]).tolist(),
    lambda xp, a: str(xp.concatenate([a, xp.array([b"xyz"])]).dtype),
    lambda xp, a: xp.where([True, False, True], a, b"q").tolist(),
    lambda xp, a: a.reshape(3, 1)[1:].tolist(), lambda xp, a: a[[2, 0]].tolist(),
    lambda xp, a: xp.sum(a), lambda xp, a: xp.max(a), lambda xp, a: xp.maximum(a, b"b"),
    lambda xp, a: xp.promote_types("i4", "S"), lambda xp, a: xp.promote_types("S30", "b"),
])
def test_string_operations(op):
    same(lambda xp: op(xp, xp.array([b"b", b"", b"bc"])))


def test_string_setitem_truncates_and_views_share():
    def check(xp):
        a = xp.array(["aa", "bb", "cc"])
        a[0] = "xyz"
        a[1:][0] = "q"
        a[2] = 5
        return a.tolist()
    same(check)


def test_string_arithmetic_is_refused():
    with pytest.raises(NotImplementedError, match="np.add"):
        rt.array(["a"]) + rt.array(["b"])


# -- structured records --------------------------------------------------------------------

def test_records():
    make = lambda xp: xp.array([("a", 1), ("bc", 2)], dtype="S1,u4")  # noqa: E731
    same(lambda xp: make(xp).tolist())
    same(lambda xp: make(xp).copy().tolist())
    same(lambda xp: make(xp).dtype.names)
    same(lambda xp: make(xp).dtype.itemsize)
    same(lambda xp: make(xp) == make(xp))
    assert repr(make(rt)) == repr(make(np))
    assert repr(make(rt).dtype) == repr(make(np).dtype)
    with pytest.raises(NotImplementedError, match="np.void"):
        make(rt)[0]


# -- timedelta64 -----------------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda xp: xp.zeros(3, dtype="m8"),
    lambda xp: xp.zeros(3, dtype="m8") - 1,
    lambda xp: xp.array([1] * 3, dtype="m8"),
    lambda xp: xp.array([1, 2], dtype="m8[s]"),
    lambda xp: xp.array([1.0, xp.nan, 2]).astype("timedelta64"),
    lambda xp: xp.arange(3).astype("m8[D]"),
    lambda xp: xp.array(xp.timedelta64(5, "s")),
    lambda xp: xp.array([xp.timedelta64(1, "s"), xp.timedelta64(2, "ms")]),
])
def test_timedelta_creation(make):
    same(lambda xp: make(xp).tolist())
    same(lambda xp: str(make(xp).dtype))
    assert repr(make(rt)) == repr(make(np))
    assert str(make(rt)) == str(make(np))


@pytest.mark.parametrize("op", [
    lambda xp, t, n: t + t, lambda xp, t, n: t - 1, lambda xp, t, n: t * 2, lambda xp, t, n: t * 1.5,
    lambda xp, t, n: t / 2, lambda xp, t, n: t / t, lambda xp, t, n: t // t, lambda xp, t, n: -t,
    lambda xp, t, n: abs(-t), lambda xp, t, n: t % xp.array([2], dtype="m8[s]"),
    lambda xp, t, n: t + xp.array([1], dtype="m8[ms]"), lambda xp, t, n: t.astype("m8[ms]"),
    lambda xp, t, n: t.astype("m8"), lambda xp, t, n: t.astype(float), lambda xp, t, n: n.astype(int),
    lambda xp, t, n: n == n, lambda xp, t, n: n != n, lambda xp, t, n: n < 2, lambda xp, t, n: xp.isnat(n),
    lambda xp, t, n: n + 1, lambda xp, t, n: n.max(), lambda xp, t, n: t.sum(), lambda xp, t, n: n.sum(),
    lambda xp, t, n: t.mean(), lambda xp, t, n: xp.fmax(n, 2), lambda xp, t, n: xp.sort(n),
    lambda xp, t, n: xp.argmax(n), lambda xp, t, n: xp.cumsum(n),
    lambda xp, t, n: xp.maximum(n, xp.timedelta64("NaT")),
    lambda xp, t, n: xp.clip(xp.array([1] * 3, dtype="m8"), xp.timedelta64("NaT"), xp.zeros(3, dtype=xp.int32)),
    lambda xp, t, n: xp.array_equal(n, n), lambda xp, t, n: xp.array_equal(n, n, equal_nan=True),
    lambda xp, t, n: t + 1.5, lambda xp, t, n: t * t, lambda xp, t, n: t.prod(),
    lambda xp, t, n: xp.promote_types("m8", "i8"), lambda xp, t, n: xp.promote_types("m8[s]", "m8[ms]"),
    lambda xp, t, n: xp.promote_types("m8", "f8"), lambda xp, t, n: xp.can_cast("m8[ms]", "m8[s]", "same_kind"),
])
def test_timedelta_operations(op):
    def run(xp):
        r = op(xp, xp.array([1, 2], dtype="m8[s]"), xp.array([1.0, xp.nan, 3]).astype("m8"))
        if isinstance(r, (np.ndarray, rt.ndarray)):
            return r.tolist(), str(r.dtype)
        return repr(r) if isinstance(r, (np.timedelta64, rt.timedelta64)) else r
    same(run, check_scalar_type=False)


def test_timedelta_scalars():
    for args in ((5,), (5, "s"), ("NaT",), (datetime.timedelta(seconds=3),)):
        assert repr(rt.timedelta64(*args)) == repr(np.timedelta64(*args))
        assert str(rt.timedelta64(*args)) == str(np.timedelta64(*args))
    assert rt.timedelta64(3) + rt.timedelta64(4) == rt.timedelta64(7)
    assert repr(rt.timedelta64(3, "s") * 2) == "np.timedelta64(6,'s')"
    assert rt.array([1, 2], dtype="m8[s]")[1].item() == datetime.timedelta(seconds=2)
    assert isinstance(rt.timedelta64(1), rt.signedinteger)


@pytest.mark.parametrize("text", ["NaT", "Nat", "nat", "", "5", " NaT", "x"])
def test_timedelta64_from_strings(text):
    def outcome(xp):
        try:
            return repr(xp.timedelta64(text, "Y"))
        except Exception as e:  # noqa: BLE001 - the exception type is the outcome
            return type(e).__name__
    assert outcome(rt) == outcome(np)
