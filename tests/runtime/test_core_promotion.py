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


# -- many operands: NumPy promotes with the most knowledgeable DType first ------------

OPERANDS = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
            "float16", "float32", "float64", "complex64", "complex128", 0, 0.0, 0j, True]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OPERANDS), min_size=3, max_size=6))
def test_result_type_of_many_operands(operands):
    # pairwise promotion is not associative: uint16, int16, float32 is float32
    same(lambda xp: xp.result_type(*[xp.dtype(o) if isinstance(o, str) else o for o in operands]))


def test_joining_treats_python_scalars_as_weak():
    same(lambda xp: xp.concatenate([xp.float32(1), 1.0], axis=None))
    same(lambda xp: xp.concatenate([xp.arange(3, dtype=xp.int8), [5]]))
    same(lambda xp: xp.choose(1, [xp.float32(1), 1.0]))
    same(lambda xp: xp.r_[xp.arange(3, dtype=xp.int8), 5])
    same(lambda xp: xp.r_[1, xp.int8(2)])
    same(lambda xp: xp.r_[xp.arange(5, dtype=xp.int8), 255])  # OverflowError


@pytest.mark.parametrize("d", ["float16", "float32", "complex64", "float64"])
def test_weak_numbers_overflowing_the_dtype(d):
    huge_int = int(np.finfo(d).max) * 2
    for value in (huge_int, 3e100 if d != "float64" else 1e308, complex(2**300)):
        # multiply: torch's complex add gives inf+nanj where NumPy gives inf+0j
        for call in (lambda xp: xp.ones(2, dtype=d) * value, lambda xp: xp.dtype(d).type(1) * value,
                     lambda xp: xp.multiply(xp.array(1, dtype=d), value)):
            with np.errstate(over="raise"), rt.errstate(over="raise"):
                same(call)  # FloatingPointError where NumPy warns about the cast
            with np.errstate(over="ignore"), rt.errstate(over="ignore"):
                same(call)


def test_uint64_power_absolute_sign_see_unsigned_values():
    a = np.array([2**64 - 1, 3, 0, 2**63], dtype=np.uint64)
    same(lambda xp, x: xp.abs(x), a)
    same(lambda xp, x: xp.sign(x), a)
    same(lambda xp, x: xp.power(xp.array([3, 5, 1, 2], dtype=xp.uint64), x), a)
    same(lambda xp: xp.power(xp.uint64(1), 2**63))


@pytest.mark.parametrize("d", ["uint8", "uint16", "uint32", "uint64", "int8", "int16"])
@pytest.mark.parametrize("values", [[-1], [[1, -5]], [300], [70000], [2**32], [2**63]])
def test_out_of_range_python_ints_in_lists_raise(d, values):
    # NumPy 2 refuses them for every integer dtype (the widened unsigned ones too)
    same(lambda xp: xp.array(values, dtype=d))
