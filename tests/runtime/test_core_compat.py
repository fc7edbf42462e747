"""Names NumPy code reaches for: unsupported names, private testing helpers,
character scalars, extended precision (double precision here) and np.matrix."""

import platform

import numpy as np
import pytest

import np2torch.runtime as rt
from np2torch.runtime import exceptions as rt_exceptions
from helpers import same


# -- module __getattr__ -------------------------------------------------------------

def test_unsupported_numpy_name_raises_not_supported():
    with pytest.raises(rt_exceptions.NotSupportedError, match=r"np\.nditer is not supported by np2torch"):
        rt.nditer  # noqa: B018
    assert not hasattr(rt, "nditer")
    assert getattr(rt, "nditer", "default") == "default"
    with pytest.raises(NotImplementedError):
        rt.nditer  # noqa: B018


def test_unknown_name_is_plain_attribute_error():
    with pytest.raises(AttributeError) as info:
        rt.definitely_not_numpy  # noqa: B018
    assert not isinstance(info.value, NotImplementedError)


def test_unsupported_list_matches_numpy_main_namespace():
    from np2torch.runtime._unsupported_names import NUMPY_NAMES
    public = {n for n in dir(np) if not n.startswith("_")}
    # every listed name is NumPy's (the list comes from the transpiler's catalog)
    assert NUMPY_NAMES <= public | {"bool8", "float128", "complex256"}


def test_core_alias_sees_later_names():
    from np2torch.runtime._core import numeric
    assert numeric.einsum is rt.einsum


# -- numpy.testing._private.utils -----------------------------------------------------

def test_glibc_older_than_follows_libc_ver():
    from np2torch.runtime.testing._private.utils import _glibc_older_than
    lib, version = platform.libc_ver()
    if lib != "glibc":
        assert _glibc_older_than("99.0") is False
        return
    major, minor = (int(x) for x in version.split(".")[:2])
    assert _glibc_older_than(f"{major}.{minor + 1}")
    assert not _glibc_older_than(f"{major}.{minor}")
    assert not _glibc_older_than("2.0")


def test_requires_memory_skips_when_not_available(monkeypatch):
    from np2torch.runtime.testing._private.utils import requires_memory, check_free_memory
    monkeypatch.setenv("NPY_AVAILABLE_MEM", "1 MB")
    assert "memory required" in check_free_memory(2 * 10**6)
    assert check_free_memory(10**5) is None

    @requires_memory(free_bytes=2 * 10**6)
    def needs_memory():
        return "ran"
    with pytest.raises(pytest.skip.Exception):
        needs_memory()
    monkeypatch.setenv("NPY_AVAILABLE_MEM", "4GB")
    assert needs_memory() == "ran"


def test_gen_alignment_data_yields_matching_views():
    from np2torch.runtime.testing import _gen_alignment_data
    for out, a, b, msg in _gen_alignment_data("float32", "binary", 8):
        assert out.shape == a.shape == b.shape, msg
    for out, a, msg in _gen_alignment_data("int16", "unary", 8):
        assert out.dtype == a.dtype == rt.int16, msg


# -- character scalars, extended precision ----------------------------------------------

@pytest.mark.parametrize("value", ["", "ab", "héllo"])
def test_str_scalar(value):
    ours, theirs = rt.str_(value), np.str_(value)
    assert isinstance(ours, str) and ours == theirs
    assert repr(ours) == repr(theirs)
    assert str(ours.dtype) == str(theirs.dtype)
    assert ours.dtype.itemsize == theirs.dtype.itemsize


def test_bytes_scalar():
    ours, theirs = rt.bytes_(b"ab"), np.bytes_(b"ab")
    assert isinstance(ours, bytes) and ours == theirs
    assert repr(ours) == repr(theirs) and str(ours) == str(theirs)
    assert str(ours.dtype) == str(theirs.dtype)
    with pytest.raises(TypeError):
        ours - 1


def test_longdouble_is_double_precision():
    # NumPy's model where C long double is double (Windows, macOS/arm64); the
    # wider spellings name nothing here (details in test_type_twins.py)
    ours, theirs = rt.dtype(rt.longdouble), np.dtype(np.longdouble)
    assert (ours.char, ours.num, ours.kind) == (theirs.char, theirs.num, theirs.kind)
    assert (ours.str, ours.name, ours.itemsize) == ("<f8", "float64", 8)
    assert rt.dtype("g").char == "g" and rt.dtype("G").kind == "c"
    assert issubclass(rt.longdouble, rt.floating) and issubclass(rt.clongdouble, rt.complexfloating)
    assert rt.finfo(rt.longdouble).nmant == np.finfo(np.float64).nmant
    assert rt.finfo(rt.longdouble).eps == np.finfo(np.float64).eps
    assert float(rt.longdouble(1)) == 1.0 and rt.zeros(3, rt.longdouble).dtype.char == "g"
    for call in (lambda: rt.dtype("float128"), lambda: rt.zeros(3, "f16"),
                 lambda: rt.dtype("complex256")):
        with pytest.raises(NotImplementedError):
            call()


# -- matrix -------------------------------------------------------------------------

MATRIX_CASES = [
    lambda xp: xp.matrix([[1, 2], [3, 4]]) * xp.matrix([[1, 0], [2, 1]]),
    lambda xp: xp.matrix([0, 1]).shape,
    lambda xp: xp.matrix([[1, 2], [3, 4]])[0].shape,
    lambda xp: xp.matrix([[1, 2], [3, 4]])[:, 1].shape,
    lambda xp: xp.matrix([[1, 2], [3, 4]])[1, 0],
    lambda xp: (xp.matrix([[1, 2], [3, 4]]) ** 3).A,
    lambda xp: xp.matrix("1 2; 3 4").A1,
    lambda xp: xp.matrix([[2.0, 1.0], [1.0, 3.0]]).I.A,
    lambda xp: (xp.matrix([[1, 2], [3, 4]]) + 1).T.A,
    lambda xp: xp.matrix(xp.ones((2, 2, 2))),
]


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
@pytest.mark.parametrize("i", range(len(MATRIX_CASES)))
def test_matrix(i):
    same(lambda xp: _plain(MATRIX_CASES[i](xp)))


def _plain(x):
    return x.A if hasattr(x, "A") and hasattr(x, "I") else x


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
def test_matrix_type_and_repr():
    m = rt.matrix([[1, 2], [3, 4]])
    assert isinstance(m, rt.ndarray) and isinstance(m * m, rt.matrix)
    assert repr(m) == repr(np.matrix([[1, 2], [3, 4]]))
