"""sort/argsort/unique/searchsorted/partition against NumPy."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from helpers import ALL_DTYPES, arrays_for, same

REAL = [d for d in ALL_DTYPES if not d.startswith("complex")]


@settings(max_examples=60, deadline=None)
@given(d=st.sampled_from(REAL), axis=st.sampled_from([0, 1, -1, None]), seed=st.integers(0, 999))
def test_sort_argsort(d, axis, seed):
    x = arrays_for(d, (4, 5), np.random.default_rng(seed))
    same(lambda xp, x: xp.sort(x, axis=axis), x)
    same(lambda xp, x: xp.argsort(x, axis=axis, kind="stable"), x)

    def inplace(xp, x):
        y = x.copy()
        y.sort(axis=0)
        return y
    same(inplace, x)


def test_sort_nan_and_errors():
    x = np.array([3.0, np.nan, -1.0, np.inf, -np.inf, 0.0])
    same(lambda xp, x: xp.sort(x), x)
    same(lambda xp, x: xp.argsort(x), x)
    same(lambda xp, x: xp.sort(x, axis=1), x)


@pytest.mark.parametrize("d", REAL)
def test_unique(d):
    x = arrays_for(d, (12,), np.random.default_rng(5)) // (1 if d == "bool" else 1)
    x = np.concatenate([x, x[:4]])
    same(lambda xp, x: xp.unique(x), x)
    same(lambda xp, x: xp.unique(x, return_index=True, return_inverse=True, return_counts=True), x)
    same(lambda xp, x: xp.unique(x.reshape(4, 4), axis=0), x)
    # unique_values/unique_counts give no order guarantee (NumPy hashes integers)
    same(lambda xp, x: xp.sort(xp.unique_values(x)), x)
    same(lambda xp, x: xp.sort(xp.unique_counts(x).values), x)


def test_unique_nan():
    x = np.array([1.0, np.nan, 1.0, np.nan, 2.0])
    same(lambda xp, x: xp.unique(x), x)
    same(lambda xp, x: xp.unique(x, equal_nan=False), x)


@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted(side):
    a = np.array([1, 2, 2, 3, 5, 8])
    v = np.array([[0, 2], [5, 9]])
    same(lambda xp, a, v: xp.searchsorted(a, v, side=side), a, v)
    same(lambda xp, a: xp.searchsorted(a, 2, side=side), a)
    same(lambda xp, a: xp.searchsorted(a, 2.5, side=side), a)
    same(lambda xp, a: a.searchsorted([3, 4], side=side), a)
    same(lambda xp, a: xp.searchsorted(a[::-1].copy(), 2, sorter=xp.argsort(a[::-1].copy(), kind="stable")), a)


def test_partition_and_sets():
    x = np.array([9, 1, 8, 2, 7, 3, 6])
    same(lambda xp, x: xp.partition(x, 3)[3], x)
    same(lambda xp, x: x[xp.argpartition(x, 3)[3]], x)
    same(lambda xp, x: xp.lexsort((x, x % 2)), x)
    same(lambda xp, x: xp.intersect1d(x, [1, 2, 100]), x)
    same(lambda xp, x: xp.union1d(x, [1, 2, 100]), x)
    same(lambda xp, x: xp.setdiff1d(x, [1, 2]), x)
    same(lambda xp, x: xp.isin(x, [1, 2, 3]), x)
    same(lambda xp, x: xp.count_nonzero(x > 3), x)


_N = float("nan")
COMPLEX_VALUES = [3 + 1j, 1 + 2j, complex(_N, 1), 1 + 1j, complex(1, _N), 0j, complex(_N, _N),
                  1 + 1j, -1 - 5j, complex(5, _N), complex(_N, -3), -0.0 + 2j, 2 - 1j]


@settings(max_examples=40, deadline=None)
@given(d=st.sampled_from(["complex64", "complex128"]), axis=st.sampled_from([0, 1, -1, None]),
       picks=st.lists(st.integers(0, len(COMPLEX_VALUES) - 1), min_size=12, max_size=12))
def test_complex_sort_order_matches_numpy(d, axis, picks):
    # NumPy's complex order: real part, then imaginary, NaN-holding values last
    x = np.array([COMPLEX_VALUES[i] for i in picks], dtype=d).reshape(3, 4)
    same(lambda xp, x: xp.sort(x, axis=axis), x)
    same(lambda xp, x: xp.argsort(x, axis=axis), x)
    same(lambda xp, x: xp.unique(x[0], equal_nan=False), x)


@pytest.mark.parametrize("d", ["int8", "uint16", "bool", "float32", "float64", "complex64"])
def test_sort_complex_result_dtype(d):
    same(lambda xp, x: xp.sort_complex(x), np.array([3, 1, 2, 0]).astype(d))


def test_isin_on_bools():
    same(lambda xp: xp.isin(xp.array([True, False, True]), [True]))
    same(lambda xp: xp.isin(xp.array([True, False]), xp.array([False]), invert=True))


_INF = float("inf")


@pytest.mark.parametrize("d", ["float16", "float32", "float64"])
@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted_with_nans_and_signed_zeros(d, side):
    # NumPy's order: -0.0 == 0.0, NaNs after +inf
    a = np.array([-_INF, -2, -0.0, 0.0, 1, _INF, _N, _N], dtype=d)
    v = np.array([_N, _INF, -0.0, 0.0, -_INF, 1.5, -3, -_N], dtype=d)
    same(lambda xp, a, v: xp.searchsorted(a, v, side=side), a, v)


def test_isin_on_complex_values():
    x = np.array([[1 + 1j, 2], [3j, 1]])
    same(lambda xp, x: xp.isin(x, [1, 3j]), x)
    same(lambda xp, x: xp.isin(x, [1], invert=True), x)
    same(lambda xp: xp.isin(xp.array([], dtype=complex), [1j]))
