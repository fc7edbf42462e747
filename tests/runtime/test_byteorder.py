"""Non-native byte order ('>u4' on a little-endian machine) against NumPy.

Byte order is layout, not value: arrays of a swapped dtype hold their values
natively, the dtype says '>' (str, repr, equality, hashing), promotion and
ufunc results are native, and every path where bytes leave or enter memory
(tobytes, save/load, frombuffer, fromfile, byteswap) gives NumPy's bytes.
"""

import io
import pickle
import warnings

import numpy as np
import pytest

import np2torch.runtime as rt
from helpers import same

MULTIBYTE = ["int16", "uint16", "int32", "uint32", "int64", "uint64",
             "float16", "float32", "float64", "complex64", "complex128"]
SPELLINGS = [">u4", "<u4", "=u4", "|u4", "u4", ">f8", ">c16", ">c8", ">e", ">f2", ">i8", ">l",
             ">H", ">L", "=f8", "<f8", "|f8", ">b1", ">i1", ">u1", ">?", ">B", "<i2"]
BYTEORDER_CODES = ["S", ">", "<", "=", "|", "B", "L", "N", "I", "big", "little", "native",
                   "swap", "s", "b", "l", "n", "i"]


def big(name):
    return np.dtype(name).newbyteorder(">")


def values(name, n=6):
    """NumPy values reaching the dtype's extremes (sign bit, high unsigned values)."""
    d = np.dtype(name)
    if d.kind in "iu":
        info = np.iinfo(d)
        return np.array([0, 1, int(info.max), int(info.min), int(info.max) // 3, 7][:n], dtype=d)
    if d.kind == "f":
        return np.array([0.0, -1.5, np.inf, np.nan, 1e4, -0.0][:n]).astype(d)
    return np.array([1 + 2j, -3.5j, np.inf, 0, 2.25 - 1j, np.nan][:n]).astype(d)


def ours(a):
    """A runtime array holding NumPy's values in the same byte order."""
    return rt.asarray(a)


def dtype_attrs(d):
    return (d.str, d.byteorder, d.isnative, d.name, d.kind, d.char, d.itemsize, d.num,
            d.descr, d.alignment, d.type.__name__, str(d))


# -- the dtype --------------------------------------------------------------------

@pytest.mark.parametrize("spelling", SPELLINGS)
def test_dtype_attributes(spelling):
    n, r = np.dtype(spelling), rt.dtype(spelling)
    assert dtype_attrs(r) == dtype_attrs(n)
    assert repr(r) == repr(n)


def test_dtype_equality_and_hashing():
    spellings = [">u4", "<u4", "=u4", "|u4", "u4", ">i4", ">f8", "<f8"]
    for a in spellings:
        for b in spellings:
            assert (rt.dtype(a) == rt.dtype(b)) == (np.dtype(a) == np.dtype(b)), (a, b)
            assert (rt.dtype(a) != rt.dtype(b)) == (np.dtype(a) != np.dtype(b)), (a, b)
            assert (rt.dtype(a) == b) == (np.dtype(a) == b), (a, b)
            if rt.dtype(a) == rt.dtype(b):
                assert hash(rt.dtype(a)) == hash(rt.dtype(b))
    table = {rt.dtype(">u4"): "big", rt.dtype("u4"): "native"}
    assert table[rt.dtype(">u4")] == "big" and table[rt.dtype("<u4")] == "native"
    assert rt.dtype(rt.dtype(">u4")) is rt.dtype(">u4")


@pytest.mark.parametrize("code", BYTEORDER_CODES)
@pytest.mark.parametrize("name", ["u4", ">u4", "f8", ">c8", "u1"])
def test_newbyteorder(name, code):
    n, r = np.dtype(name).newbyteorder(code), rt.dtype(name).newbyteorder(code)
    # NumPy spells an explicit '<' on a native dtype dtype('<u4'); the dtype is equal
    assert (r.str, r.isnative) == (n.str, n.isnative)
    assert r == n.str and r.newbyteorder(code) == n.newbyteorder(code).str


def test_newbyteorder_rejects_unknown_codes():
    with pytest.raises(ValueError, match="byteorder not recognized"):
        rt.dtype("u4").newbyteorder("x")


@pytest.mark.parametrize("name", MULTIBYTE)
def test_pickle_round_trip(name):
    d = rt.dtype(big(name).str)
    assert pickle.loads(pickle.dumps(d)) is d


def test_pickled_arrays_keep_the_byte_order():
    r = rt.arange(3, dtype=">u4")
    back = pickle.loads(pickle.dumps(r))
    assert back.dtype.str == ">u4" and back.tolist() == [0, 1, 2]


@pytest.mark.parametrize("name", MULTIBYTE)
def test_finfo_iinfo(name):
    n, r = big(name), rt.dtype(big(name).str)
    if n.kind in "fc":
        assert rt.finfo(r).dtype.str == np.finfo(n).dtype.str
        assert rt.finfo(r).eps == np.finfo(n).eps
    else:
        assert rt.iinfo(r).dtype.str == np.iinfo(n).dtype.str
        assert (rt.iinfo(r).min, rt.iinfo(r).max) == (np.iinfo(n).min, np.iinfo(n).max)


# -- promotion and casting -----------------------------------------------------------

PAIRS = [(">u4", ">u4"), (">u4", "u4"), (">i2", ">f4"), (">f8", "<f8"), (">c8", ">f8"),
         (">u8", ">i8"), (">f2", "u1"), (">c16", "?"), ("<i4", ">i4")]


@pytest.mark.parametrize("a,b", PAIRS)
def test_promotion_is_native(a, b):
    assert rt.promote_types(a, b).str == np.promote_types(a, b).str
    assert rt.result_type(rt.dtype(a), rt.dtype(b)).str == np.result_type(a, b).str
    for scalar in (1, 2.5, 1j, True):
        assert rt.result_type(rt.dtype(a), scalar).str == np.result_type(np.dtype(a), scalar).str
    assert rt.result_type(rt.dtype(a)).str == np.result_type(np.dtype(a)).str


@pytest.mark.parametrize("casting", ["no", "equiv", "safe", "same_kind", "unsafe"])
def test_can_cast(casting):
    spellings = [">u4", "u4", ">i8", "i8", ">f4", "f8", ">f8", "u1", ">c16"]
    for a in spellings:
        for b in spellings:
            assert rt.can_cast(a, b, casting) == np.can_cast(a, b, casting), (a, b, casting)


@pytest.mark.parametrize("casting", ["no", "equiv", "safe"])
def test_astype_casting_rules(casting):
    for src in [">u4", "u4"]:
        for dst in [">u4", "u4", ">i8"]:
            same(lambda xp, a: a.astype(dst, casting=casting), np.arange(3, dtype=src))


# -- arrays of a swapped dtype ----------------------------------------------------------

@pytest.mark.parametrize("name", MULTIBYTE)
def test_creation_keeps_the_byte_order(name):
    d = big(name)
    for make in (lambda xp: xp.ones(3, dtype=d.str), lambda xp: xp.zeros((2, 2), d.str),
                 lambda xp: xp.full(2, 3, dtype=d.str), lambda xp: xp.array([1, 2], dtype=d.str),
                 lambda xp: xp.arange(4).astype(d.str), lambda xp: xp.empty_like(xp.ones(2, d.str)) * 0,
                 lambda xp: xp.zeros_like(xp.ones(2, d.str))):
        n, r = make(np), make(rt)
        assert r.dtype.str == n.dtype.str
        np.testing.assert_array_equal(np.asarray(r), n)


@pytest.mark.parametrize("name", MULTIBYTE)
def test_layout_operations_keep_the_byte_order(name):
    a = values(name).astype(big(name)).reshape(2, 3)
    for fn in (lambda xp, x: x.copy(), lambda xp, x: x[1:], lambda xp, x: x.reshape(3, 2),
               lambda xp, x: x.T, lambda xp, x: x.ravel(), lambda xp, x: xp.array(x),
               lambda xp, x: x[[0, 1]], lambda xp, x: xp.flip(x), lambda xp, x: x.astype(x.dtype)):
        n, r = fn(np, a), fn(rt, ours(a))
        assert r.dtype.str == n.dtype.str
        assert r.tobytes() == n.tobytes()


@pytest.mark.parametrize("name", MULTIBYTE)
def test_results_have_numpys_byte_order(name):
    """Computations give native results; sort/take-like operations keep the order."""
    a = values(name).astype(big(name))
    if a.dtype.kind == "c":
        a = a[np.isfinite(a)]  # torch's complex arithmetic with inf differs from NumPy's
    ops = [lambda xp, x: x + x, lambda xp, x: x * 2, lambda xp, x: x == x, lambda xp, x: -x,
           lambda xp, x: xp.abs(x), lambda xp, x: x.sum(), lambda xp, x: x.max(),
           lambda xp, x: x[2], lambda xp, x: xp.concatenate([x, x]), lambda xp, x: x.astype("f8"),
           lambda xp, x: xp.where(x == x, x, x), lambda xp, x: xp.cumsum(x),
           lambda xp, x: x.mean(), lambda xp, x: xp.diff(x), lambda xp, x: xp.take(x, [1, 0])]
    if a.dtype.kind != "c":
        ops.append(lambda xp, x: xp.sort(x))
    for i, fn in enumerate(ops):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(np, a)
        got = same(fn, a)
        if isinstance(expected, np.ndarray):
            assert got.dtype.str == expected.dtype.str, i


@pytest.mark.parametrize("name", ["uint64", "int64", "uint32", "float16", "complex64"])
def test_values_at_the_extremes(name):
    a = values(name).astype(big(name))
    r = ours(a)
    assert r.tolist() == a.tolist() or name in ("float16", "complex64")
    np.testing.assert_array_equal(np.asarray(r), a)
    assert [type(v).__name__ for v in r] == [type(v).__name__ for v in a]
    if a.dtype.kind == "c":
        for part in ("real", "imag"):
            assert getattr(r, part).dtype.str == getattr(a, part).dtype.str


def test_setitem_and_fill_reach_the_top_of_uint64():
    r, n = rt.zeros(2, ">u8"), np.zeros(2, ">u8")
    r[0] = n[0] = 2**64 - 1
    r[1:].fill(2**63)
    n[1:].fill(2**63)
    assert r.tolist() == n.tolist() and r.tobytes() == n.tobytes()
    r += 1
    n += 1
    assert r.dtype.str == ">u8" and r.tolist() == n.tolist()


def test_ufunc_out_of_a_swapped_dtype():
    a = np.arange(3, dtype=">u4")
    n_out, r_out = np.empty(3, ">f8"), rt.empty(3, ">f8")
    np.add(a, a, out=n_out)
    rt.add(ours(a), ours(a), out=r_out)
    assert r_out.dtype.str == ">f8" and r_out.tobytes() == n_out.tobytes()


def test_dtype_argument_of_ufuncs_refuses_a_byte_order():
    a = np.arange(3, dtype=">u4")
    same(lambda xp, x: xp.add(x, x, dtype=">u4"), a)
    same(lambda xp, x: x.sum(dtype=">u8"), a)
    same(lambda xp, x: xp.cumsum(x, dtype=">f8"), a)


def test_printing():
    for n in (np.arange(3, dtype=">u4"), np.ones(2, ">f8"), np.zeros(0, ">f8"),
              np.array([1 + 2j], ">c16"), np.ones(2, ">i8"), np.array(5, ">i2")):
        r = ours(n)
        assert repr(r) == repr(n)
        assert str(r) == str(n)


def test_ndarray_has_no_newbyteorder():
    assert not hasattr(np.ndarray, "newbyteorder")
    with pytest.raises(AttributeError):
        rt.ones(2, ">u4").newbyteorder()


# -- bytes in and out ---------------------------------------------------------------------

@pytest.mark.parametrize("name", MULTIBYTE)
def test_tobytes_frombuffer_round_trip(name):
    a = values(name).astype(big(name)).reshape(2, 3)
    r = ours(a)
    for order in "CFAK":
        assert r.tobytes(order) == a.tobytes(order)
    back = rt.frombuffer(a.tobytes(), dtype=a.dtype.str)
    assert back.dtype.str == a.dtype.str and back.tobytes() == a.tobytes()
    np.testing.assert_array_equal(np.asarray(back), a.reshape(-1))
    # NumPy reads our bytes back the same way
    np.testing.assert_array_equal(np.frombuffer(r.tobytes(), a.dtype).reshape(2, 3), a)


@pytest.mark.parametrize("name", MULTIBYTE)
def test_byteswap(name):
    a = values(name).astype(big(name))
    r = ours(a)
    swapped = r.byteswap()
    assert swapped.dtype.str == a.dtype.str and swapped.tobytes() == a.byteswap().tobytes()
    assert r.tobytes() == a.tobytes()  # not in place
    assert r.byteswap(inplace=True) is r
    assert r.tobytes() == a.byteswap().tobytes()
    native = values(name)
    assert ours(native).byteswap().tobytes() == native.byteswap().tobytes()


def test_byteswap_of_bool_and_bytes_is_a_copy():
    for n in (np.array([True, False]), np.arange(3, dtype=np.int8)):
        r = ours(n)
        out = r.byteswap()
        assert out.tobytes() == n.byteswap().tobytes() and not rt.shares_memory(out, r)


def npy_bytes(save, arr):
    buf = io.BytesIO()
    save(buf, arr)
    return buf.getvalue()


@pytest.mark.parametrize("name", MULTIBYTE)
def test_save_and_load_big_endian_files(name):
    for a in (values(name).astype(big(name)),
              np.asfortranarray(values(name).astype(big(name)).reshape(2, 3))):
        written = npy_bytes(np.save, a)
        assert ("'descr': '%s'" % a.dtype.str).encode() in written
        loaded = rt.load(io.BytesIO(written))
        assert loaded.dtype.str == a.dtype.str and loaded.tobytes() == a.tobytes()
        np.testing.assert_array_equal(np.asarray(loaded), a)
        # ours is byte-for-byte NumPy's, and NumPy reads it as it wrote it
        ours_written = npy_bytes(rt.save, loaded)
        assert ours_written == written
        back = np.load(io.BytesIO(ours_written))
        assert back.dtype == a.dtype and back.tobytes() == a.tobytes()


def test_savez_and_tofile_fromfile(tmp_path):
    a = np.arange(6, dtype=">i4").reshape(2, 3)
    r = ours(a)
    rt.savez(tmp_path / "z.npz", x=r)
    with np.load(tmp_path / "z.npz") as z:
        assert z["x"].dtype == a.dtype and z["x"].tobytes() == a.tobytes()
    np.savez(tmp_path / "n.npz", x=a)
    with rt.load(tmp_path / "n.npz") as z:
        assert z["x"].dtype.str == ">i4" and z["x"].tobytes() == a.tobytes()
    r.tofile(tmp_path / "raw")
    assert (tmp_path / "raw").read_bytes() == a.tobytes()
    back = rt.fromfile(tmp_path / "raw", dtype=">i4")
    assert back.dtype.str == ">i4" and back.tolist() == a.reshape(-1).tolist()


def test_asarray_of_numpy_big_endian_arrays_and_back():
    for name in MULTIBYTE:
        a = values(name).astype(big(name))
        r = rt.asarray(a)
        assert r.dtype.str == a.dtype.str
        back = np.asarray(r)
        assert back.dtype == a.dtype and back.tobytes() == a.tobytes()


# -- views ------------------------------------------------------------------------------

def test_views_within_one_byte_order_are_views():
    a = np.arange(1, 5, dtype=">u4")
    for dst in (">i4", ">f4", ">u4"):
        n, r = a.view(dst), ours(a).view(dst)
        assert r.dtype.str == n.dtype.str and r.tobytes() == n.tobytes()
    r = rt.arange(1, 5, dtype=">i4")
    v = r.view(">f4")
    v[0] = 0.0
    assert r[0] == 0  # shares memory


@pytest.mark.parametrize("dst", ["<u4", "u1", ">u2", "<f4", ">u8"])
def test_views_across_byte_orders_refuse_on_writeable_arrays(dst):
    r = rt.arange(4, dtype=">u4")
    with pytest.raises(NotImplementedError, match="ndarray.view"):
        r.view(dst)


@pytest.mark.parametrize("dst", ["<u4", "u1", ">u2", "<f4", ">u8", ">i4"])
def test_views_across_byte_orders_of_readonly_arrays(dst):
    a = np.arange(1, 5, dtype=">u4")
    r = ours(a)
    a.flags.writeable = False
    r.flags.writeable = False
    n, v = a.view(dst), r.view(dst)
    assert v.dtype.str == n.dtype.str and v.shape == n.shape and v.tobytes() == n.tobytes()
    np.testing.assert_array_equal(np.asarray(v), n)
    assert not v.flags.writeable
    native = np.arange(1, 5, dtype="<u4")
    rn = ours(native)
    native.flags.writeable = False
    rn.flags.writeable = False
    assert rn.view(">u4").tolist() == native.view(">u4").tolist()


@pytest.mark.parametrize("shape", [(0,), (0, 4), (2, 0), ()])
@pytest.mark.parametrize("name", [">u4", ">c8", ">u2"])
def test_empty_and_0d_arrays(name, shape):
    a = np.zeros(shape, name)
    r = ours(a)
    assert r.tobytes() == a.tobytes() and r.byteswap().shape == shape
    back = rt.load(io.BytesIO(npy_bytes(np.save, a)))
    assert back.dtype.str == a.dtype.str and back.shape == shape
    a.flags.writeable = False
    r.flags.writeable = False
    for dst in ("u1", "<u4", ">u2", ">c16"):
        try:
            expected = a.view(dst)
        except ValueError:
            with pytest.raises(ValueError):
                r.view(dst)
            continue
        assert r.view(dst).shape == expected.shape and r.view(dst).tobytes() == expected.tobytes()
