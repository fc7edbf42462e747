"""File I/O against NumPy: byte-identical .npy, round trips both ways for every
dtype, and text/buffer readers giving NumPy's values, shapes and errors."""

import io
import os
import warnings

import numpy as np
import pytest

import np2torch.runtime as rt
from np2torch.runtime import _io as R
from np2torch.runtime._ndarray import asarray

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
SHAPES = [(), (0,), (5,), (2, 3), (2, 0, 3), (3, 1, 4)]


def sample(dtype, shape):
    """Data that reaches the extremes of the dtype (sign bits, high unsigned values)."""
    n = int(np.prod(shape))
    base = np.arange(n, dtype=np.int64) * 7919 - 3 * n
    if dtype == "bool":
        out = base % 3 == 0
    elif np.dtype(dtype).kind in "iu":
        info = np.iinfo(dtype)
        out = (base % (int(info.max) - int(info.min) + 1) if info.bits < 64 else base).astype(dtype)
        if n:
            out[0] = info.max
        if n > 1:
            out[-1] = info.min
    elif np.dtype(dtype).kind == "f":
        out = (base / 7.0).astype(dtype)
        if n > 2:
            out[:3] = [np.nan, -np.inf, -0.0]
    else:
        out = (base / 3.0 + 1j * base[::-1] / 9.0).astype(dtype)
    return out.reshape(shape)


def same_array(ours, expected):
    assert ours.dtype.name == expected.dtype.name
    assert ours.dtype.str == expected.dtype.str  # byte order included
    assert ours.shape == expected.shape
    assert ours.tobytes() == np.ascontiguousarray(expected).tobytes()


def npy_bytes(save, arr):
    buf = io.BytesIO()
    save(buf, arr)
    return buf.getvalue()


@pytest.mark.parametrize("dtype", DTYPES)
def test_npy_byte_identical_and_round_trips(dtype):
    for shape in SHAPES:
        data = sample(dtype, shape)
        ours = asarray(data)
        written = npy_bytes(R.save, ours)
        assert written == npy_bytes(np.save, data), shape
        # NumPy reads what we wrote; we read what NumPy wrote
        back = np.load(io.BytesIO(written))
        assert back.dtype == data.dtype and back.tobytes() == data.tobytes()
        same_array(R.load(io.BytesIO(npy_bytes(np.save, data))), data)


@pytest.mark.parametrize("dtype", DTYPES)
def test_fortran_order_and_big_endian(dtype):
    data = np.asfortranarray(sample(dtype, (3, 4)))
    written = npy_bytes(np.save, data)
    assert b"'fortran_order': True" in written
    loaded = R.load(io.BytesIO(written))
    same_array(loaded, data)
    assert npy_bytes(R.save, loaded) == written
    big = sample(dtype, (2, 3)).astype(np.dtype(dtype).newbyteorder(">"))
    # a big-endian file loads as a big-endian array (as in NumPy): same bytes, same values
    loaded = R.load(io.BytesIO(npy_bytes(np.save, big)))
    same_array(loaded, big)
    np.testing.assert_array_equal(np.asarray(loaded), big)
    assert npy_bytes(R.save, loaded) == npy_bytes(np.save, big)


@pytest.mark.parametrize("dtype", DTYPES)
def test_tobytes_orders(dtype):
    data = sample(dtype, (2, 3, 4))
    for arr in (data, np.asfortranarray(data)):
        ours = asarray(arr)
        for order in "CFAK":
            assert ours.tobytes(order) == arr.tobytes(order), order


def test_format_versions_and_header_padding():
    data = np.arange(6.0)
    for version in [(1, 0), (2, 0), (3, 0)]:
        buf = io.BytesIO()
        np.lib.format.write_array(buf, data, version=version)
        same_array(R.load(io.BytesIO(buf.getvalue())), data)
    assert len(npy_bytes(R.save, asarray(data))) % 64 == 48  # header multiple of 64, then data


def test_save_and_load_paths(tmp_path):
    path = tmp_path / "a"
    R.save(str(path), asarray([1, 2, 3]))
    assert np.load(str(path) + ".npy").tolist() == [1, 2, 3]
    R.save(path.with_suffix(".npy"), asarray([4.0]))
    assert R.load(path.with_suffix(".npy")).tolist() == [4.0]
    np.save(tmp_path / "b.npy", np.eye(2), allow_pickle=False)
    assert R.load(str(tmp_path / "b.npy"), mmap_mode="r").tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_load_refuses_pickles_and_bad_input(tmp_path):
    obj = tmp_path / "o.npy"
    np.save(obj, np.array([1, "x"], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError, match="Object arrays cannot be loaded when allow_pickle=False"):
        R.load(obj)
    with pytest.raises(NotImplementedError, match="np.load"):
        R.load(obj, allow_pickle=True)
    pick = tmp_path / "p.pkl"
    pick.write_bytes(b"\x80\x04garbage")
    with pytest.raises(ValueError) as ours:
        R.load(pick)
    with pytest.raises(ValueError) as theirs:
        np.load(pick)
    assert str(ours.value) == str(theirs.value)
    with pytest.raises(EOFError):
        R.load(io.BytesIO(b""))
    records = tmp_path / "s.npy"
    np.save(records, np.array([(1, 2.0)], dtype=[("a", "i8"), ("b", "f8")]))
    with pytest.raises(NotImplementedError, match="np.load"):
        R.load(records)


@pytest.mark.parametrize("compressed", [False, True])
def test_npz_both_ways(tmp_path, compressed):
    ours_save = R.savez_compressed if compressed else R.savez
    np_save = np.savez_compressed if compressed else np.savez
    arrays = {d: sample(d, (2, 3)) for d in DTYPES}
    path = tmp_path / "ours"
    ours_save(str(path), asarray(arrays["int8"]), **{k: asarray(v) for k, v in arrays.items()})
    with np.load(str(path) + ".npz") as z:
        assert sorted(z.files) == sorted(list(arrays) + ["arr_0"])
        for k, v in arrays.items():
            assert z[k].dtype == v.dtype and z[k].tobytes() == v.tobytes()
    np_path = tmp_path / "theirs.npz"
    np_save(np_path, np.arange(3), fortran=np.asfortranarray(np.eye(3)), **arrays)
    with R.load(np_path) as z:
        assert z.files == list(np.load(np_path).files)
        assert "arr_0" in z and len(z) == len(arrays) + 2
        same_array(z["arr_0"], np.arange(3))
        same_array(z["fortran.npy"], np.eye(3))
        same_array(z.f.fortran, np.eye(3))
        for k, v in arrays.items():
            same_array(z[k], v)
        with pytest.raises(KeyError):
            z["missing"]
        assert repr(z).startswith("NpzFile ") and "with keys: " in repr(z)
    assert z.zip is None  # closed by the context manager


def test_npz_file_object_and_positional_clash():
    buf = io.BytesIO()
    R.savez(buf, asarray([1]), asarray([2.5]))
    buf.seek(0)
    z = np.load(buf)
    assert z["arr_0"].tolist() == [1] and z["arr_1"].tolist() == [2.5]
    with pytest.raises(ValueError):
        R.savez(io.BytesIO(), asarray([1]), arr_0=asarray([2]))


# -- raw buffers ---------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_frombuffer_fromfile_tofile(dtype, tmp_path):
    data = sample(dtype, (11,))
    raw = data.tobytes()
    same_array(R.frombuffer(raw, dtype=dtype), np.frombuffer(raw, dtype=dtype))
    size = np.dtype(dtype).itemsize
    same_array(R.frombuffer(raw, dtype=dtype, count=3, offset=size),
               np.frombuffer(raw, dtype=dtype, count=3, offset=size))
    path = tmp_path / "raw.bin"
    R.tofile(asarray(data), str(path))
    assert path.read_bytes() == raw
    same_array(R.fromfile(str(path), dtype=dtype), np.fromfile(path, dtype=dtype))
    same_array(R.fromfile(str(path), dtype=dtype, count=4, offset=size),
               np.fromfile(path, dtype=dtype, count=4, offset=size))


def test_frombuffer_shares_writable_memory_and_errors():
    buf = bytearray(np.arange(4, dtype=np.int32).tobytes())
    a = R.frombuffer(buf, dtype="int32")
    buf[0] = 9
    assert a.tolist()[0] == 9
    same_array(R.frombuffer(b"", dtype="int16"), np.frombuffer(b"", dtype="int16"))
    for args in [(b"\x01\x02\x03",)]:
        with pytest.raises(ValueError) as ours:
            R.frombuffer(*args, dtype="int16")
        with pytest.raises(ValueError) as theirs:
            np.frombuffer(*args, dtype="int16")
        assert str(ours.value) == str(theirs.value)


def test_text_tofile_fromfile_fromstring(tmp_path):
    path = tmp_path / "t.txt"
    data = np.array([[1.5, 2.0], [3.25, -4.0]])
    R.tofile(asarray(data), str(path), sep=",")
    data.tofile(tmp_path / "np.txt", sep=",")
    assert path.read_text() == (tmp_path / "np.txt").read_text()
    same_array(R.fromfile(str(path), sep=","), np.fromfile(path, sep=","))
    ints = np.array([1, 2, 3])
    R.tofile(asarray(ints), str(path), sep=" ", format="%03d")
    ints.tofile(tmp_path / "np.txt", sep=" ", format="%03d")
    assert path.read_text() == (tmp_path / "np.txt").read_text()
    for text, dtype, sep in [("1 2 3", "int64", " "), ("1.5,2,3e2", "float32", ","),
                             ("1, 2, 3", "uint8", ","), ("  4\n5\t6 ", "float64", " ")]:
        same_array(R.fromstring(text, dtype=dtype, sep=sep), np.fromstring(text, dtype=dtype, sep=sep))
    same_array(R.fromstring("1 2 3 4", dtype="int16", count=2, sep=" "),
               np.fromstring("1 2 3 4", dtype="int16", count=2, sep=" "))
    for bad in [("1,2,,3", ","), ("1,2,x", ",")]:
        with pytest.raises(ValueError) as ours:
            R.fromstring(bad[0], sep=bad[1])
        with pytest.raises(ValueError) as theirs:
            np.fromstring(bad[0], sep=bad[1])
        assert str(ours.value) == str(theirs.value)
    with pytest.raises(ValueError, match="binary mode of fromstring is removed"):
        R.fromstring(b"\x01\x02", dtype="uint8", sep="")


def test_fromiter():
    same_array(R.fromiter((x * x for x in range(5)), dtype="float32"),
               np.fromiter((x * x for x in range(5)), dtype="float32"))
    same_array(R.fromiter(iter(range(10)), dtype="int8", count=3),
               np.fromiter(iter(range(10)), dtype="int8", count=3))
    same_array(R.fromiter([], dtype="uint16"), np.fromiter([], dtype="uint16"))
    with pytest.raises(ValueError) as ours:
        R.fromiter(range(2), dtype=int, count=5)
    with pytest.raises(ValueError) as theirs:
        np.fromiter(range(2), dtype=int, count=5)
    assert str(ours.value) == str(theirs.value)


# -- text files ----------------------------------------------------------------------

def both(func_name, text, **kwargs):
    """Call np.<func> and ours on the same text; same result or same error."""
    results = []
    for func in (getattr(np, func_name), getattr(R, func_name)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                results.append(("ok", func(io.StringIO(text), **kwargs),
                                [w.category.__name__ for w in caught]))
            except ValueError as e:
                results.append(("error", str(e), None))
    (kind_np, np_out, np_warn), (kind_ours, out, warn) = results
    assert kind_ours == kind_np, (np_out, out)
    if kind_np == "error":
        assert out == np_out
        return
    assert warn == np_warn
    if isinstance(np_out, tuple):
        for a, b in zip(out, np_out):
            same_array(a, b)
    else:
        same_array(out, np_out)


LOADTXT_CASES = [
    ("1 2\n3 4\n", {}),
    ("1 2 3", {}),
    ("1\n2\n3", {}),
    ("1", {}),
    ("", {}),
    ("", {"ndmin": 2}),
    ("1 2", {"ndmin": 2}),
    ("1\n2", {"ndmin": 2}),
    ("1\n2", {"ndmin": 1}),
    ("1", {"ndmin": 1}),
    ("#c\n1 2\n\n3 x", {}),
    ("h\n#c\n1 2\n\n3 x", {"skiprows": 1}),
    ("1 2\n3", {}),
    ("1 2\n3 4", {"usecols": (1, 5)}),
    ("300", {"dtype": "int8"}),
    ("1.0", {"dtype": int}),
    ("2 0", {"dtype": bool}),
    ("1,,2", {"delimiter": ","}),
    ("1, 2 ,3", {"delimiter": ","}),
    ("1+2j (3-1j)", {"dtype": complex}),
    ("1 2\n3 4", {"unpack": True}),
    ("1 2\n3 4", {"usecols": 1}),
    ("1 2 3\n4 5 6", {"usecols": [-1, 0]}),
    ("1 2 # x\n3 4 // y", {"comments": ["#", "//"]}),
    ("1 2\n3 4\n5 6", {"max_rows": 2}),
    ("nan inf -inf 1e3", {}),
    ("18446744073709551615 0", {"dtype": "uint64"}),
    ("65535 70000", {"dtype": "uint16"}),
    (" 1  2 \n\t3 4", {}),
    ("1;2;3\n4;5;6", {"delimiter": ";", "dtype": "float32"}),
    ("0.1 0.2", {"dtype": "float16"}),
    ("1 2\n3 4", {"converters": {0: lambda s: float(s) * 10}}),
    ("1 2\n3 4", {"converters": lambda s: float(s) * 10}),
    ("% c\n1 2", {"comments": "%"}),
    ("1 2\n3 4", {"ndmin": 3}),
]


@pytest.mark.parametrize("text,kwargs", LOADTXT_CASES, ids=[str(i) for i in range(len(LOADTXT_CASES))])
def test_loadtxt_matches_numpy(text, kwargs):
    both("loadtxt", text, **kwargs)


GENFROMTXT_CASES = [
    ("1 2\n3 4", {}),
    ("1\n2\n3", {}),
    ("1", {}),
    ("", {}),
    ("1 2\n3", {}),
    ("1 2\n3 4 5\n5 6\n7", {}),
    ("1 2\n3 4 5\n5 6", {"invalid_raise": False}),
    ("1,2\n3,", {"delimiter": ","}),
    ("1,2\n3,", {"delimiter": ",", "dtype": int}),
    ("1,N/A,3\n4,5,", {"delimiter": ",", "missing_values": "N/A", "filling_values": 0}),
    ("1,N/A,3\n4,5,", {"delimiter": ",", "missing_values": {1: "N/A"}, "filling_values": {1: -9, 2: -5}}),
    ("1,x,3\n4,5,6", {"delimiter": ","}),
    ("1,x,3\n4,5,6", {"delimiter": ",", "dtype": int}),
    ("h\n1 2\n3 4\nfoot", {"skip_header": 1, "skip_footer": 1}),
    ("123456\n789012", {"delimiter": (2, 4)}),
    ("123456\n789012", {"delimiter": 3}),
    ("1 2 # c\n# full\n3 4", {"unpack": True}),
    ("1 2\n3 4\n5 6", {"max_rows": 2}),
    ("1 2\n3 4\n5 6", {"dtype": None}),
    ("1.5 2.5\n3 4", {"dtype": None}),
    ("1j 2j\n3 4", {"dtype": None}),
    ("1 2\n3 4\n5 6", {"converters": {0: lambda s: float(s) + 1}}),
    ("1;2;3", {"delimiter": ";", "dtype": "float32"}),
    (" 1 , 2 ", {"delimiter": ",", "dtype": int}),
    ("1 2\n3 4\n5 6", {"usecols": (-1,)}),
    ("1 2\n3 4", {"ndmin": 2, "usecols": 0}),
]


@pytest.mark.parametrize("text,kwargs", GENFROMTXT_CASES, ids=[str(i) for i in range(len(GENFROMTXT_CASES))])
def test_genfromtxt_matches_numpy(text, kwargs):
    both("genfromtxt", text, **kwargs)


def test_text_structured_requests_are_named():
    with pytest.raises(NotImplementedError, match="np.genfromtxt"):
        R.genfromtxt(io.StringIO("a b\n1 2"), names=True)
    with pytest.raises(NotImplementedError, match="np.genfromtxt"):
        R.genfromtxt(io.StringIO("1 2.5\n3 4"), dtype=None)
    with pytest.raises(NotImplementedError, match="np.genfromtxt"):
        R.genfromtxt(io.StringIO("1 x\n3 4"), dtype=None)
    with pytest.raises(NotImplementedError, match="np.loadtxt"):
        R.loadtxt(io.StringIO("1 2"), dtype=[("a", "i4"), ("b", "f8")])


SAVETXT_CASES = [
    (np.arange(6.0).reshape(2, 3), {}),
    (np.arange(4), {}),
    (np.arange(6).reshape(3, 2), {"fmt": "%d"}),
    (np.arange(6).reshape(3, 2), {"fmt": ["%d", "%.2f"], "delimiter": ","}),
    (np.arange(6).reshape(3, 2), {"fmt": "%d|%x"}),
    (np.array([[1.5, -2.25]], np.float32), {"header": "a\nb", "footer": "end"}),
    (np.array([[1 + 2j, 3 - 4j]]), {}),
    (np.array([[1 + 2j, 3 - 4j]]), {"fmt": "%.3f"}),
    (np.array([True, False]), {"fmt": "%d"}),
    (np.array([2 ** 64 - 1], np.uint64), {"fmt": "%d"}),
    (np.arange(4.0).reshape(2, 2), {"newline": "\r\n", "comments": "// ", "header": "h"}),
]


@pytest.mark.parametrize("data,kwargs", SAVETXT_CASES, ids=[str(i) for i in range(len(SAVETXT_CASES))])
def test_savetxt_matches_numpy(data, kwargs, tmp_path):
    np.savetxt(tmp_path / "np.txt", data, **kwargs)
    R.savetxt(str(tmp_path / "ours.txt"), asarray(data), **kwargs)
    assert (tmp_path / "ours.txt").read_bytes() == (tmp_path / "np.txt").read_bytes()
    text_np, text_ours = io.StringIO(), io.StringIO()
    np.savetxt(text_np, data, **kwargs)
    R.savetxt(text_ours, asarray(data), **kwargs)
    assert text_ours.getvalue() == text_np.getvalue()


def test_savetxt_loadtxt_round_trip_via_paths(tmp_path):
    data = np.linspace(-3, 7, 12).reshape(4, 3)
    path = tmp_path / "d.txt.gz"
    R.savetxt(str(path), asarray(data), delimiter=",")
    same_array(R.loadtxt(str(path), delimiter=","), np.loadtxt(path, delimiter=","))
    same_array(R.loadtxt(["1 2", "3 4"]), np.loadtxt(["1 2", "3 4"]))
    same_array(R.loadtxt([b"1 2", b"3 4"]), np.loadtxt([b"1 2", b"3 4"]))
    with pytest.raises(ValueError):
        R.savetxt(io.StringIO(), asarray(np.zeros((2, 2, 2))))
    assert os.path.exists(path)


TEXT_AND_TIME = [
    np.array(["ab", "c", ""]), np.array([b"x", b"yz", b"a\x00b"]),
    np.array([["héllo", "w"], ["", "x"]]), np.asfortranarray(np.array([["ab", "c"], ["d", "efg"]])),
    np.array([1, -2, 3], dtype="m8[s]"), np.array([[5], [6]], dtype="m8[ms]"),
]


@pytest.mark.parametrize("data", TEXT_AND_TIME, ids=range(len(TEXT_AND_TIME)))
def test_npy_strings_and_timedeltas_both_ways(data):
    # NumPy writes, np2torch reads (same dtype, values and bytes) ...
    loaded = R.load(io.BytesIO(npy_bytes(np.save, data)))
    assert loaded.dtype.str == data.dtype.str and loaded.shape == data.shape
    assert loaded.tolist() == data.tolist()
    assert loaded.tobytes() == np.ascontiguousarray(data).tobytes()
    # ... and the other way round, byte for byte
    ours = rt.array(data.tolist(), dtype=data.dtype.str)
    written = npy_bytes(R.save, ours)
    assert written == npy_bytes(np.save, np.ascontiguousarray(data))
    back = np.load(io.BytesIO(written))
    assert back.dtype == data.dtype and back.tolist() == data.tolist()
