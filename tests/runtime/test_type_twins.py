"""NumPy's same-size but distinct scalar types against NumPy.

``np.longlong``/``np.ulonglong`` are types of their own with int64's/uint64's
values, exactly as on 64-bit Linux NumPy (the oracle here).  ``np.longdouble``
/ ``np.clongdouble`` are double precision, as NumPy on Windows and macOS/arm64
(torch has no 80-bit float): their dtype attributes are that model's (char 'g',
num 13, itemsize 8, name 'float64'), checked against NumPy where the platforms
agree and against the model where they do not; their values are compared with
NumPy's float64/complex128 results.
"""

import io
import pickle
import warnings

import numpy as np
import pytest

import np2torch.runtime as rt

INT_TWINS = ["q", "Q", "longlong", "ulonglong", ">q", "<Q", "=q"]


def dtype_attrs(d):
    return (d.str, d.byteorder, d.isnative, d.name, d.kind, d.char, d.itemsize, d.num,
            d.descr, d.alignment, d.type.__name__, str(d), repr(d))


def public_mro(cls):
    """The scalar class tree by name (the runtime's private mixins left out)."""
    return [c.__name__ for c in cls.__mro__ if not c.__name__.startswith("_")]


# -- dtypes -------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", INT_TWINS)
def test_longlong_dtype_attributes(spelling):
    assert dtype_attrs(rt.dtype(spelling)) == dtype_attrs(np.dtype(spelling))


@pytest.mark.parametrize("ours, theirs", [(rt.longlong, np.longlong), (rt.ulonglong, np.ulonglong)])
def test_longlong_dtype_from_the_type(ours, theirs):
    assert dtype_attrs(rt.dtype(ours)) == dtype_attrs(np.dtype(theirs))
    assert rt.dtype(ours).type is ours


# longdouble as NumPy describes it where C long double is double (Windows, macOS/arm64)
LONGDOUBLE = ("<f8", "=", True, "float64", "f", "g", 8, 13, [("", "<f8")], 8, "longdouble",
              "float64", "dtype('float64')")
CLONGDOUBLE = ("<c16", "=", True, "complex128", "c", "G", 16, 16, [("", "<c16")], 8,
               "clongdouble", "complex128", "dtype('complex128')")


@pytest.mark.parametrize("spelling", ["g", "longdouble", "longfloat", rt.longdouble, "=g", "<g"])
def test_longdouble_dtype_attributes(spelling):
    d = rt.dtype(spelling)
    assert dtype_attrs(d) == LONGDOUBLE
    assert d.type is rt.longdouble
    # what NumPy says on every platform
    theirs = np.dtype(np.longdouble)
    assert (d.char, d.num, d.kind, d.type.__name__) == (theirs.char, theirs.num, theirs.kind,
                                                       theirs.type.__name__)


@pytest.mark.parametrize("spelling", ["G", "clongdouble", "clongfloat", rt.clongdouble])
def test_clongdouble_dtype_attributes(spelling):
    d = rt.dtype(spelling)
    assert dtype_attrs(d) == CLONGDOUBLE
    assert d.type is rt.clongdouble
    theirs = np.dtype(np.clongdouble)
    assert (d.char, d.num, d.kind) == (theirs.char, theirs.num, theirs.kind)


def test_swapped_longdouble():
    d = rt.dtype(">g")
    assert (d.str, d.byteorder, d.isnative, d.char, d.type) == (">f8", ">", False, "g", rt.longdouble)
    assert repr(d) == "dtype('>f8')"
    assert d == rt.dtype(">f8") and d != rt.dtype("g") and hash(d) == hash(rt.dtype(">f8"))
    assert d.newbyteorder() is rt.dtype("g") and rt.dtype("g").newbyteorder(">") is d
    assert rt.dtype(">G").str == ">c16" and rt.dtype(">G").char == "G"


@pytest.mark.parametrize("spelling", ["f16", "float128", "c32", "complex256", "<f16", ">c32"])
def test_extended_precision_spellings_are_refused(spelling):
    with pytest.raises(NotImplementedError, match="128-bit extended precision") as info:
        rt.dtype(spelling)
    assert repr(spelling) in str(info.value)


@pytest.mark.parametrize("spelling", ["float96", "complex192", "f12"])
def test_spellings_numpy_lacks_on_64_bit_linux_are_not_understood(spelling):
    for xp in (np, rt):
        with pytest.raises(TypeError):
            xp.dtype(spelling)


@pytest.mark.parametrize("twin, canonical", [("q", "l"), ("Q", "L"), (">q", ">l"), ("g", "d"),
                                             ("G", "D"), (">g", ">d")])
def test_twins_equal_and_hash_as_their_canonical_dtype(twin, canonical):
    t, c = rt.dtype(twin), rt.dtype(canonical)
    assert t == c and c == t and not (t != c) and hash(t) == hash(c)
    assert {c: "found"}[t] == "found"
    assert t == str(c) and t is not c
    if twin in ("q", "Q", ">q"):
        n = np.dtype(twin)
        assert (n == np.dtype(canonical), hash(n) == hash(np.dtype(canonical))) == (True, True)


def test_byte_order_still_tells_twins_apart():
    assert rt.dtype("q") != rt.dtype(">q") and np.dtype("q") != np.dtype(">q")
    assert rt.dtype(">q") == rt.dtype(">i8") and np.dtype(">q") == np.dtype(">i8")
    assert rt.dtype(">q").newbyteorder() is rt.dtype("q")


def test_pickled_twin_dtypes_come_back_canonical_as_in_numpy():
    for spelling in ("q", "Q", ">q"):
        ours = pickle.loads(pickle.dumps(rt.dtype(spelling)))
        theirs = pickle.loads(pickle.dumps(np.dtype(spelling)))
        assert (ours.char, ours.str) == (theirs.char, theirs.str)
    assert pickle.loads(pickle.dumps(rt.dtype("g"))) == rt.float64


# -- promotion and casting --------------------------------------------------------------

PAIRS = [("q", "l"), ("l", "q"), ("Q", "q"), ("q", "Q"), ("Q", "L"), ("q", "d"), ("q", "f"),
         ("Q", "e"), (">q", "l"), ("q", ">q"), ("b", "q"), ("q", "F")]
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("a, b", PAIRS)
def test_longlong_promotion_and_casting(a, b):
    assert rt.result_type(a, b).str == np.result_type(a, b).str
    assert rt.promote_types(a, b).str == np.promote_types(a, b).str
    for casting in CASTINGS:
        assert rt.can_cast(a, b, casting) == np.can_cast(a, b, casting), casting


# NumPy on Windows: longdouble is double, every DType-level relation is float64's
@pytest.mark.parametrize("a, b", [("g", "d"), ("d", "g"), ("G", "D"), ("g", "f"), ("g", "q"),
                                  ("g", "F"), (">g", "d")])
def test_longdouble_promotion_and_casting_follow_float64(a, b):
    def as_double(s):
        return s.replace("g", "d").replace("G", "D")
    assert rt.result_type(a, b).str == np.result_type(as_double(a), as_double(b)).str
    for casting in CASTINGS:
        assert rt.can_cast(a, b, casting) == np.can_cast(as_double(a), as_double(b), casting)


@pytest.mark.parametrize("arg1", ["q", "Q", "l", "g", "G", "d", "longlong", "longdouble"])
@pytest.mark.parametrize("arg2", ["longlong", "ulonglong", "int64", "uint64", "signedinteger",
                                  "integer", "floating", "float64", "longdouble", "clongdouble",
                                  "complexfloating", "number", "generic"])
def test_issubdtype(arg1, arg2):
    theirs = np.issubdtype(np.dtype(arg1) if len(arg1) == 1 else getattr(np, arg1), getattr(np, arg2))
    ours = rt.issubdtype(rt.dtype(arg1) if len(arg1) == 1 else getattr(rt, arg1), getattr(rt, arg2))
    assert ours == theirs


@pytest.mark.parametrize("spelling", ["q", "Q", "l", ">q", "g", "d", "G"])
@pytest.mark.parametrize("kind", ["longlong", "int64", "uint64", "ulonglong", "float64",
                                  "longdouble", "signed integer", "unsigned integer",
                                  "real floating", "complex floating", "numeric"])
def test_isdtype(spelling, kind):
    ours = rt.isdtype(rt.dtype(spelling), getattr(rt, kind, kind))
    theirs = np.isdtype(np.dtype(spelling), getattr(np, kind, kind))
    assert ours == theirs


def test_finfo_longdouble_is_float64s():
    ours, double = rt.finfo(rt.longdouble), np.finfo(np.float64)
    for name in ("bits", "precision", "nmant", "nexp", "minexp", "maxexp", "machep", "negep"):
        assert getattr(ours, name) == getattr(double, name), name
    for name in ("eps", "epsneg", "max", "min", "tiny", "smallest_normal", "resolution",
                 "smallest_subnormal"):
        value = getattr(ours, name)
        assert type(value) is rt.longdouble and float(value) == float(getattr(double, name)), name
    assert ours.dtype == rt.float64 and ours.dtype.char == "g"
    assert rt.finfo(rt.clongdouble).dtype.char == "g"
    assert rt.finfo(rt.dtype(">g")) is ours
    assert rt.finfo(rt.float64).dtype.char == "d"


@pytest.mark.parametrize("spelling", ["q", "Q", np.longlong, np.ulonglong])
def test_iinfo(spelling):
    ours = rt.iinfo(spelling if isinstance(spelling, str) else getattr(rt, spelling.__name__))
    theirs = np.iinfo(spelling)
    assert (ours.min, ours.max, ours.bits, ours.kind, ours.dtype.char) == (
        theirs.min, theirs.max, theirs.bits, theirs.kind, theirs.dtype.char)


# -- the type tables ---------------------------------------------------------------------

def test_sctypes_list_the_twins():
    ours, theirs = rt._core.sctypes, np._core.sctypes
    for key in ("int", "uint", "float", "complex"):
        assert [t.__name__ for t in ours[key]] == [t.__name__ for t in theirs[key]]


def test_sctypedict_names_scalar_types():
    extended = {"float128", "complex256", "void"}
    assert set(rt.sctypeDict) == set(np.sctypeDict) - extended
    for name, t in rt.sctypeDict.items():
        assert t.__name__ == np.sctypeDict[name].__name__, name


def test_typecodes():
    assert rt.typecodes == np.typecodes
    for code in rt.typecodes["AllInteger"] + rt.typecodes["AllFloat"]:
        assert rt.dtype(code).char == np.dtype(code).char


# -- scalars ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["longlong", "ulonglong", "longdouble", "clongdouble"])
def test_scalar_class_tree(name):
    ours, theirs = getattr(rt, name), getattr(np, name)
    assert public_mro(ours) == public_mro(theirs)
    for other in ("int64", "uint64", "float64", "complex128"):
        assert issubclass(ours, getattr(rt, other)) == issubclass(theirs, getattr(np, other))
    for builtin in (int, float, complex):
        assert issubclass(ours, builtin) == issubclass(theirs, builtin)


@pytest.mark.parametrize("name, value", [("longlong", 5), ("longlong", -2**63), ("ulonglong", 2**64 - 1),
                                         ("ulonglong", 0)])
def test_longlong_scalar(name, value):
    ours, theirs = getattr(rt, name)(value), getattr(np, name)(value)
    assert type(ours) is getattr(rt, name)
    assert repr(ours) == repr(theirs) and str(ours) == str(theirs)
    assert hash(ours) == hash(theirs) and ours == value and int(ours) == int(theirs)
    assert ours.dtype.char == theirs.dtype.char and ours.item() == theirs.item()
    assert isinstance(ours, rt.integer) and not isinstance(ours, int)


def test_longlong_scalar_arithmetic():
    for op in (lambda x: x + 1, lambda x: x * 3, lambda x: 7 - x, lambda x: x + x):
        ours, theirs = op(rt.longlong(5)), op(np.longlong(5))
        assert type(ours).__name__ == type(theirs).__name__ and ours == theirs
    with pytest.warns(RuntimeWarning, match="overflow"):
        wrapped = rt.longlong(2**63 - 1) + rt.longlong(1)
    assert type(wrapped) is rt.longlong and wrapped == -2**63


@pytest.mark.parametrize("value", [1.5, -2.25, 0.0, float("inf"), 3.0, 1e300])
def test_longdouble_scalar(value):
    ours, double = rt.longdouble(value), np.float64(value)
    assert type(ours) is rt.longdouble and not isinstance(ours, float)
    assert float(ours) == float(double) and str(ours) == str(double)
    assert repr(ours) == f"np.longdouble('{double}')"
    assert hash(ours) == hash(float(double)) and ours == value
    assert ours.dtype.char == "g" and type(ours.item()) is float


def test_longdouble_scalar_repr_matches_numpy_where_exact():
    # exactly representable values print the same in double and in 80-bit precision
    for value in (1.5, -2.25, 0.0, 3.0):
        assert repr(rt.longdouble(value)) == repr(np.longdouble(value))
        assert repr(rt.clongdouble(complex(value, 2))) == repr(np.clongdouble(complex(value, 2)))


def test_longdouble_scalar_arithmetic_is_double():
    x = rt.longdouble(0.1)
    for op in (lambda v: v + 0.2, lambda v: v * 3, lambda v: 1 / v, lambda v: v - v, lambda v: -v,
               lambda v: abs(-v), lambda v: v + v):
        ours = op(x)
        assert type(ours) is rt.longdouble and float(ours) == float(op(np.float64(0.1)))
    assert rt.longdouble("2.5") == 2.5 and rt.longdouble(rt.int8(3)) == 3.0
    assert float(rt.longdouble(2) ** 2) == 4.0 and rt.longdouble(1.5) < 2
    assert pickle.loads(pickle.dumps(rt.longdouble(1.5))) == 1.5


def test_clongdouble_scalar():
    z = rt.clongdouble(1.5 + 2j)
    assert type(z) is rt.clongdouble and not isinstance(z, complex) and complex(z) == 1.5 + 2j
    assert type(z.real) is rt.longdouble and float(z.imag) == 2.0
    assert rt.clongdouble(1, 2) == 1 + 2j and rt.clongdouble("1+2j") == 1 + 2j
    assert complex(z * 2) == (1.5 + 2j) * 2
    assert hash(z) == hash(1.5 + 2j) and z.dtype.char == "G"


# -- arrays ------------------------------------------------------------------------------------

def pair(values, spelling):
    return rt.array(values, dtype=spelling), np.array(values, dtype=spelling)


@pytest.mark.parametrize("spelling", ["q", "Q", rt.longlong, rt.ulonglong])
def test_longlong_arrays(spelling):
    theirs_spelling = spelling if isinstance(spelling, str) else getattr(np, spelling.__name__)
    values = [0, 1, 2**63 - 1] if rt.dtype(spelling).kind == "i" else [0, 1, 2**64 - 1]
    ours = rt.array(values, dtype=spelling)
    theirs = np.array(values, dtype=theirs_spelling)
    assert ours.dtype.char == theirs.dtype.char and ours.dtype == theirs.dtype.name
    assert type(ours[2]).__name__ == type(theirs[2]).__name__ and ours[2] == int(theirs[2])
    assert repr(ours) == repr(theirs) and str(ours) == str(theirs)
    assert repr(ours[2]) == repr(theirs[2])
    assert ours.tolist() == theirs.tolist() and ours.item(2) == theirs.item(2)
    assert type(ours.item(1)) is int
    assert ours.tobytes() == theirs.tobytes()
    assert ours[:2].dtype.char == ours.copy().dtype.char == ours.reshape(3, 1).dtype.char == theirs.dtype.char
    assert ours.astype(spelling).dtype.char == theirs.dtype.char
    assert ours.astype("i8" if ours.dtype.kind == "i" else "u8").dtype.char == ("l" if ours.dtype.kind == "i" else "L")


@pytest.mark.parametrize("spelling", ["q", "Q"])
def test_longlong_array_arithmetic_values(spelling):
    ours, theirs = pair([3, 7, 2**62], spelling)
    for op in (lambda a: a + a, lambda a: a * 3, lambda a: a // 2, lambda a: a % 5, lambda a: a > 4,
               lambda a: a / 2, lambda a: -a if a.dtype.kind == "i" else a - 1,
               lambda a: a.sum(), lambda a: a.max(), lambda a: a.cumsum(), lambda a: a ** 2):
        o, t = op(ours), op(theirs)
        np.testing.assert_array_equal(np.asarray(o), t)
        # results may be the canonical dtype ('l' for 'q'): an equal dtype
        assert o.dtype == t.dtype.str


def test_ulonglong_high_values():
    ours, theirs = pair([2**64 - 1, 2**63, 5], "Q")
    for op in (lambda a: a // 3, lambda a: a > 2**63, lambda a: a.astype(float), lambda a: a.max(),
               lambda a: np.sort(a) if isinstance(a, np.ndarray) else rt.sort(a),
               lambda a: a >> 1, lambda a: a.argmax()):
        o, t = op(ours), op(theirs)
        np.testing.assert_array_equal(np.asarray(o), t)


def test_twin_arrays_cross_to_numpy():
    ours = rt.array([1, 2], dtype="q")
    assert np.asarray(ours).dtype.char == "q"
    assert rt.asarray(np.array([1, 2], dtype="q")).dtype.char == "q"
    assert rt.asarray(np.array([1, 2], dtype="Q")).dtype.char == "Q"
    # longdouble is double precision here: it leaves as float64
    assert np.asarray(rt.array([1.5], dtype="g")).dtype == np.float64


@pytest.mark.parametrize("spelling, numpy_spelling", [("g", "d"), ("G", "D")])
def test_longdouble_arrays(spelling, numpy_spelling):
    values = [1.5, -2.0, 0.1, float("inf")]
    ours, theirs = rt.array(values, dtype=spelling), np.array(values, dtype=numpy_spelling)
    assert ours.dtype.char == spelling and ours.dtype == theirs.dtype.str
    element = rt.longdouble if spelling == "g" else rt.clongdouble
    assert type(ours[0]) is element and complex(ours[2]) == complex(theirs[2])
    # repr as NumPy prints longdouble where it is double: the dtype is named (not implied)
    assert repr(ours) == repr(theirs)[:-1] + f", dtype={theirs.dtype.name})"
    assert str(ours) == str(theirs)
    assert ours.tolist() == theirs.tolist() and ours.tobytes() == theirs.tobytes()
    ours, theirs = ours[:3], theirs[:3]
    for op in (np.sin, np.exp, np.sqrt, lambda a: a * 3 + 1, lambda a: a / 7, np.cumsum):
        with np.errstate(invalid="ignore"), rt.errstate(invalid="ignore"):
            o = op(ours) if not isinstance(op, np.ufunc) else getattr(rt, op.__name__)(ours)
            t = op(theirs)
        np.testing.assert_array_equal(np.asarray(o), t)
        assert o.dtype == t.dtype.str
    assert rt.zeros(3, spelling).dtype.char == spelling
    assert rt.arange(3, dtype=spelling).dtype.char == spelling


def test_clongdouble_parts_are_longdouble():
    z = rt.array([1 + 2j], dtype="G")
    assert z.real.dtype.char == "g" and z.imag.dtype.char == "g"
    assert rt.array([1 + 2j], dtype=">G").real.dtype.str == ">f8"


@pytest.mark.parametrize("src, dst", [("q", "g"), ("g", "q"), ("l", "q"), ("d", "g"), ("g", "d"),
                                      ("Q", "q"), ("G", "g")])
def test_astype(src, dst):
    values = [1, 2, 3]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rt.ComplexWarning)
        warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
        ours = rt.array(values, dtype=src).astype(dst)
        theirs = np.array(values, dtype=src.replace("g", "d").replace("G", "D")).astype(
            dst.replace("g", "d").replace("G", "D"))
    assert ours.dtype.char == dst
    np.testing.assert_array_equal(np.asarray(ours), theirs)


def test_astype_no_casting_between_twins():
    a = rt.array([1, 2], dtype="q")
    assert a.astype("l", casting="no").dtype.char == "l"
    assert rt.array([1.5], dtype="d").astype("g", casting="no").dtype.char == "g"
    with pytest.raises(TypeError):
        a.astype(">q", casting="no")


def test_ufunc_dtype_argument_accepts_twins():
    a = rt.array([1, 2, 3])
    assert rt.add(a, a, dtype=rt.longlong).dtype == np.add(np.array([1, 2, 3]), 1, dtype=np.longlong).dtype.str
    assert rt.add(a, a, dtype="g").dtype == rt.float64
    assert rt.sum(a, dtype="g") == 6.0


@pytest.mark.parametrize("spelling, descr", [("q", "<i8"), ("Q", "<u8"), ("g", "<f8"), ("G", "<c16"),
                                             (">q", ">i8"), (">g", ">f8")])
def test_save_and_load(spelling, descr):
    values = [1, 2, 3]
    buffer = io.BytesIO()
    rt.save(buffer, rt.array(values, dtype=spelling))
    assert f"'descr': '{descr}'".encode() in buffer.getvalue()
    buffer.seek(0)
    theirs = np.load(io.BytesIO(buffer.getvalue()))
    assert theirs.dtype.str == descr and theirs.tolist() == values
    loaded = rt.load(buffer)
    assert loaded.dtype.str == descr and loaded.tolist() == values
    # and NumPy's file of the same values loads here
    if spelling in ("q", "Q", ">q"):
        out = io.BytesIO()
        np.save(out, np.array(values, dtype=spelling))
        out.seek(0)
        assert rt.load(out).tolist() == values


def test_frombuffer_and_tobytes_with_twins():
    data = np.array([1, -2], dtype=">q").tobytes()
    ours = rt.frombuffer(data, dtype=">q")
    assert ours.tolist() == [1, -2] and ours.dtype.char == "q" and ours.tobytes() == data
    assert rt.frombuffer(np.array([1.5]).tobytes(), dtype="g").tolist() == [1.5]


def test_random_longdouble_draws_float64():
    rng = rt.random.default_rng(1)
    draws = rng.random(3, dtype=rt.longdouble)
    assert draws.dtype == rt.float64
    np.testing.assert_array_equal(np.asarray(draws), np.random.default_rng(1).random(3))
