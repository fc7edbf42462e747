"""Reductions: axis int/tuple/None, keepdims, dtype, ddof, where, initial; NumPy's result dtypes."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from helpers import ALL_DTYPES, arrays_for, same

AXES = [None, 0, 1, -1, (0, 1), (0, 2), (), 3, (0, 0)]
SIMPLE = ["sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "all", "any",
          "cumsum", "cumprod", "median", "ptp"]


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(SIMPLE), d=st.sampled_from(ALL_DTYPES), axis=st.sampled_from(AXES),
       keepdims=st.booleans(), method=st.booleans(), seed=st.integers(0, 2**16))
def test_reduction_grid(name, d, axis, keepdims, method, seed):
    x = arrays_for(d, (2, 3, 4), np.random.default_rng(seed))
    kw = {}
    if axis is not None:
        kw["axis"] = axis
    if keepdims and name not in ("cumsum", "cumprod", "argmin", "argmax") or (
            keepdims and name in ("argmin", "argmax") and not isinstance(axis, tuple)):
        kw["keepdims"] = True
    if method and name not in ("median",):
        same(lambda xp, x: getattr(x, name)(**kw), x)
    else:
        same(lambda xp, x: getattr(xp, name)(x, **kw), x)


@pytest.mark.parametrize("d", ALL_DTYPES)
def test_sum_prod_result_dtypes(d):
    x = arrays_for(d, (3, 2), np.random.default_rng(1))
    for name in ["sum", "prod", "cumsum", "cumprod", "mean", "var", "std"]:
        same(lambda xp, x: getattr(xp, name)(x), x)
        same(lambda xp, x: getattr(xp, name)(x, axis=0), x)


@pytest.mark.parametrize("dtype", ["int8", "float32", "float64", "uint16", "complex64", "int64"])
def test_dtype_argument(dtype):
    x = np.arange(1, 7, dtype="int16").reshape(2, 3)
    for name in ["sum", "prod", "mean", "cumsum", "cumprod"]:
        same(lambda xp, x: getattr(xp, name)(x, axis=1, dtype=dtype), x)


def test_ddof_where_initial():
    x = np.arange(12, dtype="float64").reshape(3, 4)
    mask = np.array([True, False, True, True])
    same(lambda xp, x: xp.std(x, ddof=1, axis=0), x)
    same(lambda xp, x: xp.var(x, ddof=2), x)
    same(lambda xp, x, m: xp.sum(x, where=m, axis=1), x, mask)
    same(lambda xp, x, m: xp.mean(x, where=m, axis=1), x, mask)
    same(lambda xp, x, m: xp.max(x, where=m, initial=-5, axis=1), x, mask)
    same(lambda xp, x: xp.min(x, initial=3.5), x)
    same(lambda xp, x: xp.sum(x, initial=10), x)
    same(lambda xp, x: xp.prod(x[:0], initial=2), x)
    same(lambda xp, x: xp.max(x[:0]), x)
    same(lambda xp, x: xp.argmax(x[:0]), x)
    same(lambda xp, x: xp.mean(x[:0]), x)
    same(lambda xp, x: xp.sum(x, axis=(0, 1), keepdims=True), x)

    def with_out(xp, x):
        o = xp.zeros(4)
        r = xp.sum(x, axis=0, out=o)
        assert r is o
        return o
    same(with_out, x)


@pytest.mark.parametrize("q", [0, 25, 50, 99.5, 100, [10, 90]])
@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
def test_percentile_quantile(q, axis):
    x = np.random.default_rng(3).standard_normal((5, 4))
    same(lambda xp, x: xp.percentile(x, q, axis=axis), x)
    qq = np.asarray(q) / 100
    same(lambda xp, x: xp.quantile(x, qq, axis=axis, keepdims=True), x)
    same(lambda xp, x: xp.median(x, axis=axis), x)


@pytest.mark.parametrize("method", ["linear", "lower", "higher", "midpoint", "nearest"])
def test_quantile_methods(method):
    x = np.arange(10, dtype="float32")
    same(lambda xp, x: xp.quantile(x, [0.1, 0.55, 0.9], method=method), x)
    same(lambda xp, x: xp.percentile(x.astype("int32"), 33, method=method), x)


def test_nan_handling():
    x = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]])
    for name in ["sum", "min", "max", "argmin", "argmax", "mean", "median"]:
        same(lambda xp, x: getattr(xp, name)(x, axis=1), x)
    same(lambda xp, x: xp.percentile(x, 50, axis=1), x)


def test_average():
    x = np.arange(6, dtype="float64").reshape(2, 3)
    w = np.array([1.0, 2.0, 3.0])
    same(lambda xp, x, w: xp.average(x, axis=1, weights=w), x, w)
    same(lambda xp, x, w: xp.average(x, axis=1, weights=w, returned=True), x, w)
    same(lambda xp, x: xp.average(x), x)


def test_axis_errors():
    x = np.ones((2, 3))
    for name in ["sum", "argmax", "cumsum", "mean", "median"]:
        same(lambda xp, x: getattr(xp, name)(x, axis=2), x)
        same(lambda xp, x: getattr(xp, name)(x, axis=-3), x)


def test_complex_median_and_nanmedian_match_numpy():
    nan = float("nan")
    x = np.array([[1 + 2j, 3 - 1j, 2 + 0j, 0j], [1 + 1j, complex(nan, 1), 2j, 5 + 0j],
                  [complex(1, nan), 1, 2, 3]])
    for axis in (None, 0, 1):
        same(lambda xp, x: xp.median(x, axis=axis), x)
        same(lambda xp, x: xp.nanmedian(x, axis=axis), x)
    same(lambda xp, x: xp.median(x[0].astype("complex64")), x)


@pytest.mark.parametrize("name", ["percentile", "quantile", "nanpercentile", "nanquantile"])
def test_quantiles_of_complex_arrays_are_type_errors(name):
    q = 50 if "percentile" in name else 0.5
    same(lambda xp: getattr(xp, name)(xp.array([1 + 1j, 2 + 0j]), q))


@pytest.mark.parametrize("n", [1, 4, 5, 10, 11])
def test_closest_observation_quantiles(n):
    x = np.array([3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5][:n])
    qs = [0, 0.05, 0.1, 0.13, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.9, 0.95, 1]
    same(lambda xp, x: xp.quantile(x, qs, method="closest_observation"), x)
    same(lambda xp, x: xp.percentile(x.astype("float32"), 37.5, method="closest_observation"), x)
