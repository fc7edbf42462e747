"""ufuncs over the dtype grid, with out=, where=, dtype=, casting errors."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import np2torch.runtime as rt
from helpers import ALL_DTYPES, arrays_for, same

UNARY = ["negative", "positive", "absolute", "sign", "sqrt", "cbrt", "square", "reciprocal",
         "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
         "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
         "deg2rad", "rad2deg", "floor", "ceil", "trunc", "rint", "conjugate", "invert",
         "logical_not", "isnan", "isinf", "isfinite", "signbit", "fabs", "spacing"]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod",
          "power", "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "copysign",
          "logaddexp", "logaddexp2", "heaviside", "gcd", "lcm", "bitwise_and", "bitwise_or",
          "bitwise_xor", "left_shift", "right_shift", "logical_and", "logical_or",
          "logical_xor", "equal", "not_equal", "less", "less_equal", "greater",
          "greater_equal", "float_power", "nextafter"]

SPECIAL = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -2.5, np.inf, -np.inf, np.nan, 3.0, 1e-3])


@settings(max_examples=120, deadline=None)
@given(name=st.sampled_from(UNARY), d=st.sampled_from(ALL_DTYPES), seed=st.integers(0, 2**16))
def test_unary_dtype_grid(name, d, seed):
    x = arrays_for(d, (2, 3), np.random.default_rng(seed))
    same(lambda xp, x: getattr(xp, name)(x), x)
    same(lambda xp, x: getattr(xp, name)(x[0, 0]), x)


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("d", ["float32", "float64"])
def test_unary_special_values(name, d):
    same(lambda xp, x: getattr(xp, name)(x), SPECIAL.astype(d))


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(BINARY), a=st.sampled_from(ALL_DTYPES), b=st.sampled_from(ALL_DTYPES),
       seed=st.integers(0, 2**16))
def test_binary_dtype_grid(name, a, b, seed):
    rng = np.random.default_rng(seed)
    x = arrays_for(a, (2, 3), rng)
    y = arrays_for(b, (3,), rng)
    if name in ("left_shift", "right_shift", "power") and b != "bool" and b[0] in "iu":
        y = (np.abs(y) % 5).astype(b)
    same(lambda xp, x, y: getattr(xp, name)(x, y), x, y)


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "divide", "floor_divide",
                                  "remainder", "power", "maximum", "fmod", "arctan2", "copysign"])
def test_binary_special_values(name):
    x = SPECIAL
    y = SPECIAL[::-1].copy()
    same(lambda xp, x, y: getattr(xp, name)(x[:, None], y[None, :]), x, y)


@pytest.mark.parametrize("d", ["int8", "uint8", "int32", "int64", "uint64"])
def test_integer_division_by_zero(d):
    x = np.array([5, 0, 7, 100], dtype=d)
    y = np.array([0, 0, 2, 3], dtype=d)
    for name in ["floor_divide", "remainder", "fmod", "divmod", "divide"]:
        same(lambda xp, x, y: getattr(xp, name)(x, y), x, y)


def test_out_where_dtype():
    x = np.arange(6, dtype="float64").reshape(2, 3)
    y = np.array([1.0, 2.0, 3.0])
    mask = np.array([True, False, True])

    def with_out(xp, x, y):
        o = xp.full((2, 3), -1.0)
        r = xp.add(x, y, out=o)
        assert r is o
        return o
    same(with_out, x, y)

    def with_where(xp, x, y, m):
        o = xp.zeros((2, 3))
        xp.multiply(x, y, out=o, where=m)
        return o
    same(with_where, x, y, mask)
    same(lambda xp, x, y: xp.add(x, y, dtype="float32"), x, y)
    same(lambda xp, x: xp.add(x, 1, dtype="int64"), x)
    same(lambda xp, x: xp.sqrt(x, dtype="float32"), x)
    same(lambda xp, x: xp.add(x, x, out=(xp.empty((2, 3)),)), x)


def test_casting_errors():
    x = np.arange(6, dtype="float64")
    i = np.arange(6, dtype="int32")

    def out_int(xp, x):
        o = xp.zeros(6, dtype="int64")
        xp.add(x, 1.5, out=o)
        return o
    same(out_int, x)

    def inplace_int(xp, i):
        i = i.copy()
        i += 1.5
        return i
    same(inplace_int, i)

    def inplace_unsafe(xp, i, x):
        o = i.copy()
        xp.add(o, x, out=o, casting="unsafe")
        return o
    same(inplace_unsafe, i, x)
    same(lambda xp, i: xp.add(i, i, dtype="int8", casting="safe"), i)
    same(lambda xp, i: xp.add(i, i, dtype="int8", casting="same_kind"), i)
    same(lambda xp, x: xp.sqrt(x, dtype="int64"), x)


def test_broadcast_error():
    same(lambda xp: xp.add(xp.ones(3), xp.ones(4)))
    same(lambda xp: xp.ones((2, 3)) * xp.ones((3, 2)))


def test_divmod_modf_frexp_tuple_results():
    x = np.array([-3.5, 2.25, 0.0, 7.0])
    same(lambda xp, x: xp.divmod(x, 2.0), x)
    same(lambda xp, x: xp.modf(x), x)
    same(lambda xp, x: xp.frexp(x), x)
    same(lambda xp, x: xp.ldexp(x, 3), x)


def test_ufunc_attributes():
    for name in ["add", "sin", "divmod", "matmul"]:
        u, v = getattr(np, name), getattr(rt, name)
        assert (u.nin, u.nout, u.nargs, u.__name__) == (v.nin, v.nout, v.nargs, v.__name__)
    assert repr(rt.add) == repr(np.add)


def test_ufunc_methods():
    x = np.arange(1, 7).reshape(2, 3)
    same(lambda xp, x: xp.add.reduce(x, axis=1), x)
    same(lambda xp, x: xp.multiply.accumulate(x, axis=0), x)
    same(lambda xp, x: xp.subtract.outer(x[0], x[1]), x)
    same(lambda xp, x: xp.add.reduceat(x.ravel(), [0, 2, 4]), x)

    def at(xp, x):
        y = x.copy().ravel()
        xp.add.at(y, [0, 0, 3], 10)
        return y
    same(at, x)


U64_EDGES = [0, 1, 2, 3, 7, 2**32, 2**62 + 3, 2**63 - 1, 2**63, 2**63 + 1,
             12345678901234567890, 2**64 - 2, 2**64 - 1]


@pytest.mark.parametrize("name", ["floor_divide", "remainder", "fmod", "divmod", "right_shift"])
def test_uint64_division_and_shift_cover_the_whole_range(name):
    a = np.array([x for x in U64_EDGES for _ in U64_EDGES], dtype=np.uint64)
    b = np.array([y for _ in U64_EDGES for y in U64_EDGES], dtype=np.uint64)
    if name == "right_shift":
        b = b % 70
    with np.errstate(divide="ignore"), rt.errstate(divide="ignore"):
        same(lambda xp, a, b: getattr(xp, name)(a, b), a, b)


def _messages(fn):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn()
    return [str(w.message) for w in caught]


@pytest.mark.parametrize("call", [
    lambda xp: xp.floor_divide(xp.array([1.0, 0.0, xp.inf]), xp.array([0.0, 0.0, 1.0])),
    lambda xp: xp.remainder(xp.array([1.0, xp.inf]), xp.array([0.0, 2.0])),
    lambda xp: xp.fmod(xp.array([1.0]), xp.array([0.0])),
    lambda xp: xp.divmod(xp.array([1.0, 0.0]), xp.array([0.0, 0.0])),
    lambda xp: xp.divide(xp.array([1.0, xp.inf]), xp.array([0.0, xp.inf])),
    lambda xp: xp.sin(xp.array([xp.inf, 1.0])),
    lambda xp: xp.cos(xp.array([-xp.inf])),
    lambda xp: xp.log(xp.array([-xp.inf, xp.inf])),
    lambda xp: xp.floor_divide.reduce(xp.arange(-3, 3)),
    lambda xp: xp.floor_divide.accumulate(xp.arange(-3, 3)),
    lambda xp: xp.floor_divide.reduceat(xp.arange(-3, 3), [0, 2]),
    lambda xp: xp.floor_divide(xp.array([], dtype=xp.int8), 0),
    lambda xp: xp.floor_divide(xp.array([5], dtype=xp.uint64), 0),
])
def test_floating_point_conditions_match_numpy(call):
    assert _messages(lambda: call(rt)) == _messages(lambda: call(np))


def test_umath_only_ufuncs():
    for x in (np.array([1.5, -2.0]), np.array([3, 4], dtype=np.uint16), np.array([True])):
        same(lambda xp, x: xp._core.umath._ones_like(x), x)
    x = np.array([1.0, np.nan, 9.0, -4.0])
    same(lambda xp, x: xp._core.umath.clip(x, 2, 6.5), x)
    same(lambda xp, x: xp._core.umath.clip(x, np.nan, 6.5), x)
    with pytest.raises(OverflowError):
        rt._core.umath.clip(rt.array([1, 5], dtype=rt.int8), 2, 600)
    assert rt._core.umath.clip.nin == 3 and not hasattr(rt, "_ones_like")


@pytest.mark.parametrize("d", ["complex64", "complex128"])
def test_complex_add_subtract_with_infinities(d):
    # torch scales the second operand by 1+0j, which turns inf+0j into inf+nanj
    a = np.array([3 + 0j, 1 + 1j, -2j], dtype=d)
    b = np.array([complex("inf+0j"), complex("-inf+2j"), 2j], dtype=d)
    for op in ("add", "subtract"):
        same(lambda xp, a, b: getattr(xp, op)(a, b), a, b)
        same(lambda xp, a, b: getattr(xp, op)(b, a), a, b)
    same(lambda xp, a: a + np.inf, a)
    same(lambda xp, a: np.inf - a, a)


@pytest.mark.parametrize("d", ["int8", "int16", "int32", "int64"])
def test_divmod_reports_the_minimum_over_minus_one_overflow(d):
    a = np.array([np.iinfo(d).min] * 3, dtype=d)
    assert _messages(lambda: rt.divmod(rt.asarray(a), rt.array([-1], dtype=d))) == \
        _messages(lambda: np.divmod(a, np.array([-1], dtype=d)))
    same(lambda xp, a: xp.divmod(a, xp.array([-1], dtype=d)), a)
