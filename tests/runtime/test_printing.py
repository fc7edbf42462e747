"""repr/str of arrays and scalars, print options and format_float_*: differential against NumPy.

Every test makes the same object in NumPy and in the runtime and compares the
text character for character.
"""

import math
import pathlib
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from np2torch.runtime import _dtypes as D
from np2torch.runtime import _printing as P
from np2torch.runtime import _scalars as S
from np2torch.runtime._ndarray import asarray

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
FLOATS = ["float16", "float32", "float64"]
SPECIAL = [0.0, -0.0, math.nan, math.inf, -math.inf, 5e-324, 1e-300, 1e300, 1e-5, 1e-4,
           1e8, 1e16, 0.1, 1 / 3, 2.5, 1000.0, 65504.0, 123456789.0]

fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def rt_array(a):
    """The runtime array holding exactly NumPy array ``a``."""
    return asarray(a)


def rt_scalar(x):
    """The runtime scalar equal to NumPy scalar ``x``."""
    d = D.dtype(x.dtype.name)
    if d.kind == "c":
        return S.make_scalar(complex(x), d)
    if d.kind == "f":
        return S.make_scalar(float(x), d)
    if d.kind == "b":
        return S.make_scalar(bool(x), d)
    return S.make_scalar(int(x), d)


def assert_prints_same(a, **options):
    """repr and str of NumPy array ``a`` and of its runtime twin agree."""
    b = rt_array(a)
    with np.printoptions(**options), P.printoptions(**options):
        assert repr(b) == repr(a)
        assert str(b) == str(a)


def assert_scalar_prints_same(x):
    y = rt_scalar(x)
    assert repr(y) == repr(x)
    assert str(y) == str(x)


def np_array(values, dtype, shape):
    with np.errstate(all="ignore"):
        return np.array(values, dtype=dtype).reshape(shape)


# --------------------------------------------------------------------------
# strategies
# --------------------------------------------------------------------------

def floats_of(dtype):
    width = {"float16": 16, "float32": 32, "float64": 64}[dtype]
    return st.one_of(st.sampled_from(SPECIAL),
                     st.floats(width=width, allow_nan=True, allow_infinity=True),
                     st.integers(-1000, 1000).map(lambda i: i / 8),
                     st.floats(-1, 1).flatmap(
                         lambda m: st.integers(-12, 12).map(lambda e: m * 10.0 ** e)))


def values_of(dtype):
    if dtype == "bool":
        return st.booleans()
    if dtype[0] in "iu":
        info = np.iinfo(dtype)
        return st.one_of(st.integers(int(info.min), int(info.max)),
                         st.integers(max(int(info.min), -50), min(int(info.max), 300)))
    if dtype.startswith("complex"):
        part = floats_of("float32" if dtype == "complex64" else "float64")
        return st.builds(complex, part, part)
    return floats_of(dtype)


@st.composite
def arrays(draw, max_side=8):
    dtype = draw(st.sampled_from(DTYPES))
    shape = tuple(draw(st.lists(st.integers(0, max_side), max_size=3)))
    size = math.prod(shape)
    values = draw(st.lists(values_of(dtype), min_size=size, max_size=size))
    return np_array(values, dtype, shape)


print_options = st.fixed_dictionaries({}, optional={
    "precision": st.integers(0, 17),
    "suppress": st.booleans(),
    "floatmode": st.sampled_from(["fixed", "unique", "maxprec", "maxprec_equal"]),
    "sign": st.sampled_from(["-", "+", " "]),
    "linewidth": st.integers(10, 120),
    "threshold": st.integers(0, 60),
    "edgeitems": st.integers(1, 4),
    "nanstr": st.sampled_from(["nan", "NaN", "missing"]),
    "infstr": st.sampled_from(["inf", "Infinity"]),
})


# --------------------------------------------------------------------------
# arrays
# --------------------------------------------------------------------------

EXPLICIT = [
    ([1, 2], "int8"), ([1, 2], "int64"), ([1, 2], "uint64"), ([2**64 - 1, 0], "uint64"),
    ([True, False], "bool"), ([True, True], "bool"), ([], "float64"), ([], "int64"),
    ([1.5, 2.25], "float64"), ([0.1, 0.2], "float32"), ([0.1, 65504], "float16"),
    ([1e-5, 1.0], "float64"), ([1e8, 1.0], "float64"), ([1e3, 2.0], "float16"),
    ([1e6, 2.0], "float32"), ([999999.0, 2.0], "float32"), ([-0.0, 0.0], "float64"),
    ([math.nan, math.inf, -math.inf, 1.0], "float64"), ([math.nan], "float32"),
    ([1 + 2j, 3 - 4j], "complex128"), ([0.1 + 0.2j], "complex64"),
    ([complex(1, math.nan), complex(math.inf, -0.0)], "complex128"),
    ([1e-8 + 1j, 2 + 3e7j], "complex64"), ([1e23, 1.0], "float64"),
    ([123456789.0, 1e-8, 0.5], "float32"), ([0.5, 0.25, 0.125], "float16"),
]


@pytest.mark.parametrize("values, dtype", EXPLICIT)
def test_explicit_arrays(values, dtype):
    assert_prints_same(np_array(values, dtype, (len(values),)))


@pytest.mark.parametrize("shape", [(), (0,), (0, 3), (2, 0), (3, 0, 2), (1,), (1, 1, 1), (2, 3, 4)])
@pytest.mark.parametrize("dtype", ["bool", "int16", "uint32", "float64", "float16", "complex64"])
def test_shapes(shape, dtype):
    size = math.prod(shape)
    low = -1 if dtype[0] in "ifc" else 0
    assert_prints_same(np_array([i * 7 % 5 + low for i in range(size)], dtype, shape))


def test_zero_dim_arrays():
    for value, dtype in [(1.5, "float64"), (1e-5, "float64"), (np.float32(0.1), "float32"),
                         (5, "int8"), (True, "bool"), (math.nan, "float64"), (2j, "complex64")]:
        assert_prints_same(np.array(value, dtype=dtype))


@pytest.mark.parametrize("dtype", ["int8", "int64", "float64", "float32", "complex128"])
def test_summarised(dtype):
    assert_prints_same(np.arange(2000).astype(dtype))
    assert_prints_same(np.arange(3000).reshape(30, 100).astype(dtype) / 7)
    assert_prints_same(np.arange(6000).reshape(10, 20, 30).astype(dtype))


def test_summarised_large_array_slices_edges_first():
    a = np.random.default_rng(0).standard_normal((1000, 1000))
    b = rt_array(a)
    start = time.perf_counter()
    text = repr(b)
    assert time.perf_counter() - start < 2.0
    assert text == repr(a)
    assert "shape=(1000, 1000)" in text


def test_line_wrapping():
    for width in (10, 20, 33, 47, 75, 100):
        assert_prints_same(np.arange(40, dtype=np.int16) * 37, linewidth=width)
        assert_prints_same(np.linspace(0, 1, 17), linewidth=width)
        assert_prints_same(np.arange(12.0).reshape(3, 4) / 3, linewidth=width)
        assert_prints_same(np.zeros((0, 4, 3)), linewidth=width)


@fast
@given(arrays())
def test_arrays_default_options(a):
    assert_prints_same(a)


@fast
@given(arrays(), print_options)
def test_arrays_with_print_options(a, options):
    assert_prints_same(a, **options)


@fast
@given(st.sampled_from(FLOATS), st.lists(st.integers(0, 2**16 - 1), min_size=1, max_size=30))
def test_float_arrays_from_bit_patterns(dtype, raw):
    bits = {"float16": np.uint16, "float32": np.uint32, "float64": np.uint64}[dtype]
    scale = {"float16": 1, "float32": 65537, "float64": 281479271743489}[dtype]
    a = (np.array(raw, dtype=np.uint64) * np.uint64(scale)).astype(bits).view(dtype)
    assert_prints_same(a)
    assert_prints_same(a, floatmode="maxprec_equal")


@pytest.mark.parametrize("floatmode", ["fixed", "unique", "maxprec", "maxprec_equal"])
@pytest.mark.parametrize("precision", [0, 2, 8, 12])
def test_floatmode_and_precision(floatmode, precision):
    for a in (np.array([0.5, 1 / 3, 10.0]), np.array([1e-5, 2.0]), np.array([1.0, 2.0]),
              np.array([0.1, 0.25], dtype=np.float32), np.array([np.nan, 1.5, -np.inf])):
        assert_prints_same(a, floatmode=floatmode, precision=precision)


def test_suppress_and_sign():
    a = np.array([1e-10, 1.0, -2.5, 1e5])
    for sign in "-+ ":
        assert_prints_same(a, sign=sign)
        assert_prints_same(a, sign=sign, suppress=True)
        assert_prints_same(np.array([1, 22, 333]), sign=sign)
        assert_prints_same(np.array([-1, 22, 333]), sign=sign)
        assert_prints_same(np.array([1 + 1j, np.nan]), sign=sign)


def test_threshold_and_edgeitems():
    a = np.arange(100)
    for threshold in (0, 10, 99, 100):
        for edgeitems in (1, 2, 3, 5):
            assert_prints_same(a, threshold=threshold, edgeitems=edgeitems)
            assert_prints_same(a.reshape(10, 10), threshold=threshold, edgeitems=edgeitems)


def test_nanstr_infstr():
    assert_prints_same(np.array([np.nan, np.inf, -np.inf, 1.0]), nanstr="NaN", infstr="Infinity")
    assert_prints_same(np.array(np.inf), infstr="Inf")


# --------------------------------------------------------------------------
# array2string, array_repr, array_str
# --------------------------------------------------------------------------

def test_array2string_arguments():
    a = np.array([[1.5, -2.25, 3.0], [4.0, 5.0, 600.125]])
    b = rt_array(a)
    for kwargs in [{}, {"separator": ", "}, {"prefix": "foo("}, {"suffix": ")"},
                   {"max_line_width": 20}, {"precision": 2}, {"suppress_small": True},
                   {"sign": "+"}, {"floatmode": "fixed"}, {"threshold": 2, "edgeitems": 1},
                   {"formatter": {"float": lambda x: f"<{x:.1f}>"}},
                   {"formatter": {"all": lambda x: "x"}},
                   {"formatter": {"float_kind": lambda x: "%.2f" % x}}]:
        assert P.array2string(b, **kwargs) == np.array2string(a, **kwargs)
    ints = np.arange(5)
    assert (P.array2string(rt_array(ints), formatter={"int": hex})
            == np.array2string(ints, formatter={"int": hex}))
    assert P.array2string(rt_array(np.zeros((0, 2)))) == np.array2string(np.zeros((0, 2)))


def test_array_repr_and_str_arguments():
    a = np.array([1 / 3, 2e-9, 7.0])
    b = rt_array(a)
    for kwargs in [{}, {"max_line_width": 20}, {"precision": 3}, {"suppress_small": True}]:
        assert P.array_repr(b, **kwargs) == np.array_repr(a, **kwargs)
        assert P.array_str(b, **kwargs) == np.array_str(a, **kwargs)


# --------------------------------------------------------------------------
# scalars
# --------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
def test_scalar_special_values(dtype):
    if dtype == "bool":
        values = [True, False]
    elif dtype[0] in "iu":
        info = np.iinfo(dtype)
        values = [0, 5, int(info.min), int(info.max)]
    elif dtype.startswith("complex"):
        values = [0, 2j, -2j, 1 + 2j, complex(-0.0, 2), complex(1.5, -0.0), complex(-0.0, -0.0),
                  complex(1, math.nan), complex(math.nan, math.inf), 1e20 + 1j, 1e-5j]
    else:
        values = SPECIAL + [1e10, 123456789, 1e-4 * 0.99, 999.0, 1024.0, 1e6 - 1, 1e15]
    with np.errstate(all="ignore"):
        for v in values:
            assert_scalar_prints_same(getattr(np, dtype)(v))


def test_documented_scalar_examples():
    assert repr(S.float64(1.5)) == "np.float64(1.5)"
    assert repr(S.int8(5)) == "np.int8(5)"
    assert repr(S.True_) == "np.True_"
    assert str(S.float32(1e10)) == "1e+10"
    assert str(S.float32(123456789)) == "1.2345679e+08"


@fast
@given(st.sampled_from(FLOATS).flatmap(lambda d: st.tuples(st.just(d), floats_of(d))))
def test_float_scalars(case):
    dtype, value = case
    with np.errstate(all="ignore"):
        assert_scalar_prints_same(getattr(np, dtype)(value))


@fast
@given(st.sampled_from(["complex64", "complex128"]).flatmap(
    lambda d: st.tuples(st.just(d), values_of(d))))
def test_complex_scalars(case):
    dtype, value = case
    with np.errstate(all="ignore"):
        assert_scalar_prints_same(getattr(np, dtype)(value))


@pytest.mark.parametrize("legacy", ["1.25", "2.1", "2.2"])
def test_legacy_modes(legacy):
    with np.printoptions(legacy=legacy), P.printoptions(legacy=legacy):
        for x in (np.float64(1.5), np.int8(3), np.True_, np.complex64(1 + 2j), np.float32(0.1),
                  np.float32(1e8), np.float16(2048), np.complex64(1e7 + 1j)):
            assert_scalar_prints_same(x)
        assert_prints_same(np.arange(2000))
        assert_prints_same(np.array([6944.0, 1.0], dtype=np.float16))
        assert_prints_same(np.array([1e7, 1e6], dtype=np.float32))


def test_float16_every_value_shortest():
    every = np.arange(2**16, dtype=np.uint16).view(np.float16)
    every = every[np.isfinite(every)]
    ours = [P._scientific(float(v), "float16") for v in every]
    assert ours == [np.format_float_scientific(v) for v in every]


# --------------------------------------------------------------------------
# format_float_positional / format_float_scientific
# --------------------------------------------------------------------------

@st.composite
def float_format_calls(draw):
    dtype = draw(st.sampled_from(FLOATS))
    value = draw(floats_of(dtype))
    kwargs = {}
    if draw(st.booleans()):
        kwargs["precision"] = draw(st.integers(0, 25))
        if draw(st.booleans()):
            kwargs["unique"] = False
    if draw(st.booleans()):
        kwargs["trim"] = draw(st.sampled_from("k.0-"))
    if draw(st.booleans()):
        kwargs["sign"] = True
    if draw(st.booleans()):
        kwargs["pad_left"] = draw(st.integers(0, 8))
    if draw(st.booleans()):
        kwargs["min_digits"] = draw(st.integers(0, kwargs.get("precision", 20)))
    positional = draw(st.booleans())
    if positional:
        if draw(st.booleans()):
            kwargs["pad_right"] = draw(st.integers(0, 8))
        if draw(st.booleans()) and kwargs.get("precision", 1) > 0:
            kwargs["fractional"] = False
    elif draw(st.booleans()):
        kwargs["exp_digits"] = draw(st.integers(0, 5))
    return positional, dtype, value, kwargs


@settings(max_examples=300, deadline=None)
@given(float_format_calls())
def test_format_float(call):
    positional, dtype, value, kwargs = call
    with np.errstate(all="ignore"):
        x = getattr(np, dtype)(value)
    ours = P.format_float_positional if positional else P.format_float_scientific
    theirs = np.format_float_positional if positional else np.format_float_scientific
    assert ours(rt_scalar(x), **kwargs) == theirs(x, **kwargs)


def test_format_float_examples():
    cases = [(0.125, {"precision": 2}), (2.675, {"precision": 2}), (0.1, {"precision": 30, "unique": False}),
             (1.5, {"pad_left": 5, "pad_right": 4}), (-1.5, {"sign": True}), (12345.678, {"fractional": False, "precision": 3}),
             (1e23, {"min_digits": 0}), (0.0999, {"precision": 2}), (0.1000001, {"precision": 3}), (5e-324, {})]
    for value, kwargs in cases:
        assert P.format_float_positional(value, **kwargs) == np.format_float_positional(value, **kwargs)
        kwargs.pop("fractional", None), kwargs.pop("pad_right", None)
        assert P.format_float_scientific(value, **kwargs) == np.format_float_scientific(value, **kwargs)
    assert P.format_float_positional(S.float32(0.1), min_digits=12) == "0.100000001490"
    assert P.format_float_scientific(1.0, exp_digits=0) == "1.e+"


@pytest.mark.parametrize("call, error", [
    (lambda f: f(1.0, unique=False), TypeError),
    (lambda f: f(1.0, precision=-1), ValueError),
    (lambda f: f(1.0, trim="x"), TypeError),
    (lambda f: f(1.0, precision=1, min_digits=2), ValueError),
])
def test_format_float_errors(call, error):
    for f in (np.format_float_positional, P.format_float_positional):
        with pytest.raises(error):
            call(f)


# --------------------------------------------------------------------------
# print options
# --------------------------------------------------------------------------

def test_default_options_match():
    assert P.get_printoptions() == np.get_printoptions()


def test_set_and_restore():
    before = P.get_printoptions()
    with P.printoptions(precision=3, linewidth=40) as opts:
        assert opts["precision"] == 3 and P.get_printoptions()["linewidth"] == 40
        assert repr(rt_array(np.array([1 / 3]))) == "array([0.333])"
    assert P.get_printoptions() == before
    try:
        P.set_printoptions(threshold=5)
        P.set_printoptions()
        assert P.get_printoptions()["threshold"] == 5
    finally:
        P.set_printoptions(**{k: v for k, v in before.items() if k != "legacy"}, legacy=False)
    assert P.get_printoptions() == before


def test_options_restored_after_error():
    before = P.get_printoptions()
    with pytest.raises(KeyError):
        with P.printoptions(precision=2):
            raise KeyError
    assert P.get_printoptions() == before


@pytest.mark.parametrize("kwargs, error", [
    ({"floatmode": "bogus"}, ValueError), ({"sign": "x"}, ValueError),
    ({"threshold": math.nan}, ValueError), ({"precision": 1.5}, TypeError),
])
def test_invalid_options(kwargs, error):
    for module in (np, P):
        with pytest.raises(error):
            with module.printoptions(**kwargs):
                pass


def test_unsupported_legacy_modes():
    with pytest.raises(NotImplementedError):
        P.set_printoptions(legacy="1.13")
    with pytest.raises(ValueError):
        P.set_printoptions(legacy="0.9")


def test_runtime_never_imports_numpy():
    source = pathlib.Path(P.__file__).read_text()
    assert "import numpy" not in source and "from numpy" not in source


def test_runtime_namespace_exports_printing():
    import np2torch.runtime as rt
    for name in P.__all__:
        assert getattr(rt, name) is getattr(P, name)
    assert repr(rt.arange(2000)) == repr(np.arange(2000))
    assert str(rt.linspace(0, 1, 7).reshape(7, 1)) == str(np.linspace(0, 1, 7).reshape(7, 1))
