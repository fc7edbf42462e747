"""``np.lib.format`` (runtime/_format.py) against NumPy's: the same bytes for
headers and arrays, the same values read back, the same errors."""

import io
import warnings

import numpy as np
import pytest

import np2torch.runtime as rt
from np2torch.runtime.lib import format as rf

nf = np.lib.format

ARRAYS = [np.arange(6.0).reshape(2, 3), np.asfortranarray(np.arange(12, dtype="<i2").reshape(3, 4)),
          np.arange(5, dtype=">u4"), np.array([1 + 2j, -3j], dtype=">c16"), np.zeros((0, 3), ">f8"),
          np.array(7, dtype=">i8"), np.array([True, False]), np.arange(3, dtype=">u8") * (2**63 + 1)]


def written(fmt, arr, **kw):
    buf = io.BytesIO()
    fmt.write_array(buf, arr, **kw)
    return buf.getvalue()


@pytest.mark.parametrize("version", [None, (1, 0), (2, 0), (3, 0)])
@pytest.mark.parametrize("index", range(len(ARRAYS)))
def test_write_array_is_numpys_bytes_and_reads_back(index, version):
    a = ARRAYS[index]
    ours = written(rf, rt.asarray(a), version=version)
    assert ours == written(nf, a, version=version)
    back = rf.read_array(io.BytesIO(ours))
    assert back.dtype.str == a.dtype.str and back.shape == a.shape
    assert back.tobytes("A") == a.tobytes("A")


def test_magic():
    for version in [(1, 0), (2, 0), (3, 0)]:
        assert rf.magic(*version) == nf.magic(*version)
        buf = io.BytesIO(nf.magic(*version) + b"rest")
        assert rf.read_magic(buf) == version and buf.tell() == rf.MAGIC_LEN == nf.MAGIC_LEN
    for args in [(-1, 1), (256, 1), (1, -1), (1, 256)]:
        with pytest.raises(ValueError):
            rf.magic(*args)
    for bad in [b"\x92NUMPY\x01\x00", b"\x93numpy\x01\x00", b"\x93NUMPY\x01", b""]:
        with pytest.raises(ValueError):
            rf.read_array(io.BytesIO(bad))
    for version in [b"\x01\x01", b"\x00\x00", b"\x02\x02", b"\xff\xff"]:
        with pytest.raises(ValueError, match="we only support format version"):
            rf.read_array(io.BytesIO(b"\x93NUMPY" + version))


def test_write_version_checks():
    for bad in [(1, 1), (0, 0), (2, 2), (255, 255)]:
        with pytest.raises(ValueError, match="we only support format version"):
            rf.write_array(io.BytesIO(), rt.arange(1), version=bad)


def test_constants():
    for name in ["MAGIC_PREFIX", "MAGIC_LEN", "ARRAY_ALIGN", "BUFFER_SIZE", "GROWTH_AXIS_MAX_DIGITS",
                 "EXPECTED_KEYS"]:
        assert getattr(rf, name) == getattr(nf, name), name


@pytest.mark.parametrize("writer", ["write_array_header_1_0", "write_array_header_2_0"])
def test_headers(writer):
    for d in [{"shape": (), "fortran_order": False, "descr": "<i8"},
              {"shape": (3, 10**8), "fortran_order": True, "descr": ">u4"},
              {"shape": (1, 2), "fortran_order": False, "descr": "x", "extrakey": -1}]:
        ours, theirs = io.BytesIO(), io.BytesIO()
        getattr(rf, writer)(ours, d)
        getattr(nf, writer)(theirs, d)
        assert ours.getvalue() == theirs.getvalue()
    with pytest.raises(ValueError):
        rf.write_array_header_1_0(io.BytesIO(), {"shape": (1,) * 30000, "fortran_order": False,
                                                 "descr": "<i8"})


@pytest.mark.parametrize("version", [(1, 0), (2, 0)])
def test_read_array_header(version):
    data = written(nf, np.ones((3, 6), dtype=">f4"), version=version)
    buf = io.BytesIO(data)
    buf.seek(nf.MAGIC_LEN)
    read = rf.read_array_header_1_0 if version == (1, 0) else rf.read_array_header_2_0
    shape, fortran, d = read(buf)
    assert (shape, fortran, d.str) == ((3, 6), False, ">f4")
    assert buf.tell() % rf.ARRAY_ALIGN == 0


def test_bad_headers():
    for data in [b"", b"1", b"\x01\x00",
                 b"\x93NUMPY\x01\x006\x00{'descr': 'x', 'shape': (1, 2), }" + b" " * 20 + b"\n"]:
        with pytest.raises(ValueError):
            rf.read_array_header_1_0(io.BytesIO(data))
    buf = io.BytesIO()
    nf.write_array_header_1_0(buf, {"shape": (1, 2), "fortran_order": False, "descr": "x", "extrakey": -1})
    buf.seek(nf.MAGIC_LEN)
    with pytest.raises(ValueError, match="correct keys"):
        rf.read_array_header_1_0(buf)


def test_truncated_data_and_header(tmp_path):
    path = tmp_path / "a.npy"
    for a in (np.arange(10), np.zeros(0)):
        data = written(nf, a)[:-1]
        path.write_bytes(data)
        for opener in (lambda: io.BytesIO(data), lambda: open(path, "rb")):  # NumPy words them apart
            with opener() as f, pytest.raises(ValueError) as np_err:
                nf.read_array(f)
            with opener() as f, pytest.raises(ValueError) as rt_err:
                rf.read_array(f)
            assert str(rt_err.value) == str(np_err.value)


def test_python2_header():
    text = "{'descr': '<f8', 'fortran_order': False, 'shape': (2L,), }"
    data = nf.magic(1, 0) + len(text + "\n").to_bytes(2, "little") + text.encode() + b"\n"
    data += np.ones(2).tobytes()
    with pytest.warns(UserWarning, match="created on Python 2"):
        assert rf.read_array(io.BytesIO(data)).tolist() == [1.0, 1.0]


def test_descr_round_trip():
    for spelling in ["<f8", ">u4", "|b1", ">c8", "<i2", "|u1"]:
        assert rf.dtype_to_descr(rt.dtype(spelling)) == nf.dtype_to_descr(np.dtype(spelling))
        assert rf.descr_to_dtype(spelling).str == nf.descr_to_dtype(spelling).str


def test_object_arrays_are_never_pickled():
    obj = rt.zeros(2).astype(object)
    with pytest.raises(ValueError, match="allow_pickle=False"):
        rf.write_array(io.BytesIO(), obj, allow_pickle=False)
    with pytest.raises(NotImplementedError, match="object arrays"):
        rf.write_array(io.BytesIO(), obj)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = written(nf, np.array([None, 1], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle=False"):
        rf.read_array(io.BytesIO(data))


def test_open_memmap_is_refused():
    with pytest.raises(NotImplementedError, match="open_memmap"):
        rf.open_memmap("x.npy", mode="w+", dtype=rt.float64, shape=(2,))
