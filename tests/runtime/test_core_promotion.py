"""NEP 50 promotion: result_type, promote_types, can_cast, operator result dtypes."""

import operator

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import np2torch.runtime as rt
from helpers import ALL_DTYPES, arrays_for, same

PY_SCALARS = [True, 3, -3, 300, 2.5, -1e300, 1 + 2j, 2**40, 0]


@pytest.mark.parametrize("a", ALL_DTYPES)
def test_promote_types_and_result_type(a):
    for b in ALL_DTYPES:
        same(lambda xp: xp.promote_types(a, b))
        same(lambda xp: xp.result_type(xp.dtype(a), xp.dtype(b)))


@pytest.mark.parametrize("a", ALL_DTYPES)
def test_can_cast(a):
    for b in ALL_DTYPES:
        for casting in ["no", "equiv", "safe", "same_kind", "unsafe"]:
            same(lambda xp: xp.can_cast(a, b, casting=casting))


@pytest.mark.parametrize("d", ALL_DTYPES)
def test_result_type_with_python_scalar(d):
    for s in PY_SCALARS:
        same(lambda xp: xp.result_type(xp.dtype(d), s))
        same(lambda xp: xp.result_type(xp.ones(2, dtype=d), s))


OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv,
       operator.mod, operator.pow, operator.and_, operator.or_, operator.xor,
       operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge,
       operator.lshift, operator.rshift]


@settings(max_examples=150, deadline=None)
@given(a=st.sampled_from(ALL_DTYPES), b=st.sampled_from(ALL_DTYPES), op=st.sampled_from(OPS),
       seed=st.integers(0, 2**16))
def test_binary_operators_arrays(a, b, op, seed):
    rng = np.random.default_rng(seed)
    x = arrays_for(a, (3,), rng)
    y = arrays_for(b, (3,), rng)
    if op in (operator.pow,) and b.startswith("int"):
        y = np.abs(y) % 4
    if op in (operator.lshift, operator.rshift):
        y = np.abs(y) % 4 if b != "bool" else y
    same(lambda xp, x, y: op(x, y), x, y)


@settings(max_examples=150, deadline=None)
@given(a=st.sampled_from(ALL_DTYPES), s=st.sampled_from(PY_SCALARS), op=st.sampled_from(OPS),
       reflected=st.booleans(), scalar_lhs=st.booleans(), seed=st.integers(0, 2**16))
def test_binary_operators_with_python_scalars(a, s, op, reflected, scalar_lhs, seed):
    rng = np.random.default_rng(seed)
    x = arrays_for(a, (3,), rng)
    if scalar_lhs:  # NumPy scalar (0-d) op Python scalar
        x = x[0]
    if op is operator.pow and isinstance(s, int) and s < 0:
        s = 2
    if op in (operator.lshift, operator.rshift) and isinstance(s, int):
        s = abs(s) % 4
    if reflected:
        same(lambda xp, x: op(s, x), x)
    else:
        same(lambda xp, x: op(x, s), x)


@pytest.mark.parametrize("d", ["int8", "uint8", "int16", "uint32", "int64"])
def test_python_int_out_of_range_raises(d):
    same(lambda xp: xp.ones(2, dtype=d) + 1000)
    same(lambda xp: xp.ones(2, dtype=d) + 2**70)
    same(lambda xp: xp.ones(2, dtype=d) + (-1))


def test_int_true_divide_is_float64():
    same(lambda xp: xp.arange(4) / 2)
    same(lambda xp: xp.arange(4, dtype="int8") / xp.int8(2))
    same(lambda xp: xp.arange(4, dtype="uint16") / xp.arange(1, 5, dtype="uint16"))
