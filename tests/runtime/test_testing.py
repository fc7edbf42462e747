"""np2torch.runtime.testing against numpy.testing: same outcome, same message."""

import math
import warnings

import numpy as np
import numpy.testing as nt
import pytest

import np2torch.runtime.testing as rt
from np2torch.runtime import _dtypes as D
from np2torch.runtime import _scalars as S
from np2torch.runtime._ndarray import asarray


def _ours(x):
    """The runtime's counterpart of a NumPy input (lists stay lists)."""
    if isinstance(x, np.ndarray):
        return asarray(x)
    if isinstance(x, np.generic) and not isinstance(x, float):
        return S.make_scalar(x.item(), D.dtype(x.dtype.name))
    return x


def _outcome(func, args, kwargs):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            func(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - the exception is what we compare
        return type(e), str(e)
    return None, None


def check_same(name, *args, **kwargs):
    """Run ``numpy.testing.<name>`` on the NumPy inputs and ours on their
    runtime counterparts; the exception type and message must agree."""
    expected = _outcome(getattr(nt, name), args, kwargs)
    got = _outcome(getattr(rt, name), [_ours(a) for a in args], kwargs)
    assert got == expected
    return got


A = np.array
CASES = [
    # (function, actual, desired, kwargs)
    ("assert_array_equal", [1, 2, 3], [1, 2, 3], {}),
    ("assert_array_equal", A([1, 2, 3]), A([1, 2, 4]), {}),
    ("assert_array_equal", A([1.5, np.nan]), A([1.5, np.nan]), {}),
    ("assert_array_equal", A([1.0, np.nan]), A([1, 2]), {}),
    ("assert_array_equal", A([[1, 2]]), A([1, 2, 3]), {}),
    ("assert_array_equal", A([True, False]), A([True, True]), {}),
    ("assert_array_equal", A([1, 2], np.uint8), A([2, 1], np.uint8), {}),
    ("assert_array_equal", A([2 ** 64 - 1, 3], np.uint64), A([0, 3], np.uint64), {}),
    ("assert_array_equal", A([60000, 3], np.uint16), A([5, 3], np.uint16), {}),
    ("assert_array_equal", A([4000000000, 3], np.uint32), A([5, 3], np.uint32), {}),
    ("assert_array_equal", A([1, 2, 3]), 2, {}),
    ("assert_array_equal", 3.0, A([3.0, 3.0]), {}),
    ("assert_array_equal", A([np.inf, 2]), A([np.inf, 3]), {}),
    ("assert_array_equal", A([np.inf, 2]), A([-np.inf, 2]), {}),
    ("assert_array_equal", A([1, 2]), A([1, 2], np.int8), {"strict": True}),
    ("assert_array_equal", A([1, 2]), A([1, 2, 3]), {"err_msg": "context"}),
    ("assert_array_equal", np.arange(12.).reshape(3, 4), np.arange(12.).reshape(3, 4) + 1, {}),
    ("assert_array_equal", np.arange(100), np.arange(100) * 2, {}),
    ("assert_array_equal", A([1 + 2j, 3j]), A([1 + 2j, 4j]), {}),
    ("assert_array_equal", A([1.5, 2.5], np.float32), A([1.5, 2.25], np.float32), {}),
    ("assert_array_equal", A([1.5, 2.5], np.float16), A([1.5, 2.25], np.float16), {}),
    ("assert_array_equal", A([0.0]), A([-0.0]), {}),
    ("assert_array_equal", A(5), A(6), {}),
    ("assert_array_equal", A([1, 2]), A([1, 2]), {"verbose": False}),
    ("assert_array_equal", A([1, 3]), A([1, 2]), {"verbose": False}),
    ("assert_array_equal", np.zeros((0, 3)), np.zeros((0, 3)), {}),
    ("assert_array_less", [1, 2, 3], [1, 2, 4], {}),
    ("assert_array_less", A([1.0, -np.inf]), A([2.0, np.inf]), {}),
    ("assert_array_less", A([1.0, np.inf]), A([2.0, np.inf]), {}),
    ("assert_array_less", A([2 ** 63, 1], np.uint64), A([2 ** 64 - 1, 2], np.uint64), {}),
    ("assert_array_less", A([5, 1]), 3, {}),
    ("assert_allclose", [1.0, 2.0, 3.0], [1.0, 2.5, 3.1], {}),
    ("assert_allclose", A([1.0, 2.0]), A([1.0, 2.0 + 1e-9]), {}),
    ("assert_allclose", A([1.0, 2.0], np.float32), A([1.0, 2.1], np.float32), {}),
    ("assert_allclose", A([1.0, 2.0]), A([1.1, 2.0]), {"rtol": 0.2}),
    ("assert_allclose", A([1.0, 2.0]), A([1.1, 2.0]), {"atol": 0.01, "rtol": 0}),
    ("assert_allclose", A([np.nan, 1.0]), A([np.nan, 1.0]), {"equal_nan": False}),
    ("assert_allclose", A([1, 2]), A([1, 3]), {}),
    ("assert_allclose", A([1e-10, 0.0]), A([0.0, 0.0]), {}),
    ("assert_allclose", A([1 + 1j]), A([1 + 1.1j]), {}),
    ("assert_allclose", A(1.0), A(1.5), {}),
    ("assert_allclose", A([1.0, 2.0]), A([1.0, 2.0]), {"strict": True}),
    ("assert_allclose", A([1.0, 2.0]), A([1.0, 2.0], np.float32), {"strict": True}),
    ("assert_array_almost_equal", np.arange(10.0) / 3, np.arange(10.0) / 3 + 0.1, {}),
    ("assert_array_almost_equal", A([1.0, 2.0]), A([1.0, 2.0000001]), {}),
    ("assert_array_almost_equal", A([1.0, 2.0]), A([1.0, 2.001]), {"decimal": 2}),
    ("assert_array_almost_equal", A([1.0, np.inf]), A([1.0, np.inf]), {}),
    ("assert_array_almost_equal", A([1, 2]), A([1, 3]), {}),
    ("assert_array_almost_equal", A([1.0, 2.0], np.float32), A([1.0, 2.01], np.float32), {}),
    ("assert_almost_equal", 1.0, 1.1, {}),
    ("assert_almost_equal", 1.0, 1.00000001, {}),
    ("assert_almost_equal", np.nan, np.nan, {}),
    ("assert_almost_equal", np.nan, 1.0, {}),
    ("assert_almost_equal", np.inf, np.inf, {}),
    ("assert_almost_equal", np.inf, -np.inf, {}),
    ("assert_almost_equal", 1 + 1j, 1 + 1.1j, {}),
    ("assert_almost_equal", [1.0, 2.0], [1.0, 2.1], {}),
    ("assert_almost_equal", A([1.0, 2.0]), A([1.0, 2.1]), {"decimal": 3}),
    ("assert_almost_equal", 1.0, 1.01, {"decimal": 1}),
    ("assert_approx_equal", 1.0, 1.1, {}),
    ("assert_approx_equal", 1.2345678, 1.2345679, {"significant": 7}),
    ("assert_approx_equal", 1.2345678e10, 1.2345679e10, {"significant": 8}),
    ("assert_approx_equal", np.nan, np.nan, {}),
    ("assert_approx_equal", np.nan, 1.0, {}),
    ("assert_approx_equal", 0.0, 1e-20, {}),
    ("assert_equal", 1.0, 2.0, {}),
    ("assert_equal", 1, 1, {}),
    ("assert_equal", [1, 2], [1, 3], {}),
    ("assert_equal", (1, [2, 3]), (1, [2, 3]), {}),
    ("assert_equal", {"a": 1}, {"a": 2}, {}),
    ("assert_equal", {"a": 1}, {"b": 1}, {}),
    ("assert_equal", {"a": 1}, [1], {}),
    ("assert_equal", [1, 2], [1, 2, 3], {}),
    ("assert_equal", 0.0, -0.0, {}),
    ("assert_equal", -0.0, -0.0, {}),
    ("assert_equal", np.nan, np.nan, {}),
    ("assert_equal", np.nan, 1.0, {}),
    ("assert_equal", [np.nan], np.nan, {}),
    ("assert_equal", 1 + 2j, 1 + 2j, {}),
    ("assert_equal", complex(np.nan, 1), complex(np.nan, 1), {}),
    ("assert_equal", 1 + 2j, 1 + 3j, {}),
    ("assert_equal", "abc", "abd", {}),
    ("assert_equal", A([1, 2]), [1, 2], {}),
    ("assert_equal", A([1, 2]), A([1, 3]), {}),
    ("assert_equal", A([1, 2]), 1, {}),
    ("assert_equal", np.float32(1.0), 2, {}),
    ("assert_equal", np.float64(1.5), 1.5, {}),
    ("assert_equal", np.int64(3), np.int64(4), {}),
    ("assert_equal", [A([1, 2]), 3], [A([1, 2]), 3], {}),
    ("assert_equal", [A([1, 2]), 3], [A([1, 5]), 3], {}),
    ("assert_equal", 1.0, 2.0, {"err_msg": "a message"}),
    ("assert_equal", 1.0, 2.0, {"err_msg": "two\nlines"}),
    ("assert_string_equal", "foo\nbar", "foo\nbar", {}),
    ("assert_string_equal", "foo\nbar", "foo\nbaz", {}),
    ("assert_string_equal", "a", 1, {}),
    ("assert_array_max_ulp", A([1.0]), A([1.0 + 2 * np.finfo(float).eps]), {}),
    ("assert_array_max_ulp", A([1.0, 2.0]), A([1.0, 2.0]), {}),
    ("assert_array_max_ulp", A([1.0], np.float32), A([1.001], np.float32), {"maxulp": 3}),
    ("assert_array_almost_equal_nulp", A([1.0]), A([1.000001]), {}),
    ("assert_array_almost_equal_nulp", A([1.0, 2.0]), A([1.0, 2.0]), {}),
    ("assert_array_almost_equal_nulp", A([1.0 + 1j]), A([1.1 + 1j]), {}),
    ("assert_array_almost_equal_nulp", A([1.0], np.float16), A([1.01], np.float16), {"nulp": 2}),
]


@pytest.mark.parametrize("name,actual,desired,kwargs", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_same_outcome_and_message(name, actual, desired, kwargs):
    check_same(name, actual, desired, **kwargs)


DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["assert_array_equal", "assert_allclose",
                                  "assert_array_almost_equal", "assert_array_less"])
def test_random_mismatches_every_dtype(name, dtype):
    rng = np.random.default_rng(abs(hash((name, dtype))) % 2 ** 32)
    for shape in [(7,), (3, 4), (2, 3, 2)]:
        a = (rng.integers(0, 5, shape) * rng.uniform(0.5, 3, shape)).astype(dtype)
        b = a.copy()
        flat = b.reshape(-1)
        hits = rng.choice(flat.size, size=int(rng.integers(1, flat.size)), replace=False)
        flat[hits] = (rng.integers(0, 5, hits.size) * 1.7).astype(dtype)
        check_same(name, a, b)
        check_same(name, a, np.asfortranarray(b) if b.ndim > 1 else b[::-1].copy())
        check_same(name, a, b.reshape(-1)[0])


def test_failures_are_really_reported():
    # guard against both sides silently passing
    kind, msg = check_same("assert_array_equal", A([1, 2, 3]), A([1, 2, 4]))
    assert kind is AssertionError
    assert "Mismatched elements: 1 / 3 (33.3%)" in msg
    assert "Max absolute difference among violations: 1\n" in msg


def test_accepts_every_array_like():
    import torch
    rt.assert_array_equal(asarray([1, 2]), np.array([1, 2]))
    rt.assert_array_equal(torch.tensor([1, 2]), [1, 2])
    rt.assert_allclose((1.0, 2.0), asarray([1.0, 2.0]))
    rt.assert_equal(asarray([1, 2]), np.array([1, 2]))
    rt.assert_almost_equal(asarray(1.0), 1.0)
    with pytest.raises(AssertionError):
        rt.assert_array_equal(torch.tensor([1, 2]), asarray([1, 3]))


def test_assert_array_compare_with_a_callable():
    import operator
    rt.assert_array_compare(operator.__le__, asarray([1, 2]), asarray([1, 3]))
    expected = _outcome(nt.assert_array_compare, (operator.__le__, A([1, 4]), A([1, 3])), {"header": "H"})
    got = _outcome(rt.assert_array_compare, (operator.__le__, asarray([1, 4]), asarray([1, 3])), {"header": "H"})
    assert got == expected


def test_build_err_msg_and_assert_():
    for args in (([1, 2], "msg"), ([1.5, "x"], "a" * 90), ((A([1, 2]), A([3])), "")):
        arrays, err = args
        ours = [asarray(a) if isinstance(a, np.ndarray) else a for a in arrays]
        assert rt.build_err_msg(ours, err) == nt.build_err_msg(list(arrays), err)
    rt.assert_(True)
    with pytest.raises(AssertionError, match="lazy"):
        rt.assert_(False, lambda: "lazy")
    assert _outcome(rt.print_assert_equal, ("t", [1], [2]), {}) == \
        _outcome(nt.print_assert_equal, ("t", [1], [2]), {})


def test_raises_helpers():
    rt.assert_raises(ValueError, int, "x")
    with rt.assert_raises(ZeroDivisionError):
        1 / 0
    rt.assert_raises_regex(ValueError, "invalid literal", int, "x")
    with pytest.raises(AssertionError):
        rt.assert_raises(ValueError, int, "1")


def _warn():
    warnings.warn("boom", UserWarning)
    return 7


def test_warning_helpers():
    with pytest.warns(DeprecationWarning):
        assert rt.assert_warns(UserWarning, _warn) == 7
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with rt.assert_warns(UserWarning):
            _warn()
        with pytest.raises(AssertionError, match="No warning raised when calling int"):
            rt.assert_warns(UserWarning, int, "1")
        assert rt.assert_no_warnings(int, "3") == 3
        with pytest.raises(AssertionError, match="Got warnings when calling _warn"):
            rt.assert_no_warnings(_warn)
        with rt.suppress_warnings() as sup:
            log = sup.record(UserWarning, "bo")
            sup.filter(RuntimeWarning)
            _warn()
            warnings.warn("other", RuntimeWarning)
            assert len(log) == 1 and len(sup.log) == 1

        @rt.suppress_warnings()
        def quiet():
            return 1
        assert quiet() == 1
        with pytest.raises(ValueError):
            rt.suppress_warnings("bogus")
    with rt.clear_and_catch_warnings(record=True, modules=[math]) as log:
        warnings.simplefilter("always")
        _warn()
    assert len(log) == 1


def test_gc_and_files_and_flags(tmp_path):
    rt.assert_no_gc_cycles(lambda: [1, 2])

    def make_cycle():
        a = []
        a.append(a)
    with pytest.raises(AssertionError, match="Reference cycles were found when calling make_cycle"):
        rt.assert_no_gc_cycles(make_cycle)
    rt.break_cycles()
    with rt.tempdir() as d:
        import os
        assert os.path.isdir(d)
    assert not os.path.exists(d)
    with rt.temppath(suffix=".npy") as p:
        assert p.endswith(".npy") and os.path.exists(p)
    assert not os.path.exists(p)
    for flag in ("IS_PYPY", "HAS_REFCOUNT", "IS_WASM", "IS_64BIT", "NOGIL_BUILD", "IS_MUSL"):
        assert getattr(rt, flag) == getattr(nt, flag), flag
    assert issubclass(rt.KnownFailureException, Exception)
    assert rt.SkipTest is nt.SkipTest
    assert rt.verbose == 0
    assert isinstance(rt.jiffies(), int)
    assert rt.memusage() is None or rt.memusage() > 0
    assert rt.measure("x = 1", times=3) >= 0
    ns = {}
    rt.runstring("y = 2", ns)
    assert ns["y"] == 2
    with pytest.raises(NotImplementedError, match="rundocs"):
        rt.rundocs()


def test_decorate_methods():
    calls = []

    class T:
        def test_a(self):
            return "a"

        def helper(self):
            return "h"

    def deco(f):
        def wrapped(*a):
            calls.append(f.__name__)
            return f(*a)
        return wrapped
    rt.decorate_methods(T, deco)
    T().test_a()
    T().helper()
    assert calls == ["test_a"]


def test_public_names_cover_numpy_testing():
    assert not set(nt.__all__) - set(rt.__all__)


def test_overrides():
    import np2torch.runtime as rnp
    ufuncs = rt.overrides.get_overridable_numpy_ufuncs()
    assert rnp.add in ufuncs and rnp.sin in ufuncs
    assert rt.overrides.allows_array_ufunc_override(rnp.add)
    assert not rt.overrides.allows_array_ufunc_override(rnp.sum)
    assert not rt.overrides.allows_array_function_override(rnp.sum)


def test_assert_allclose_takes_numpy_scalar_tolerances():
    import np2torch.runtime as rt
    a = rt.ones(3, dtype=rt.float32)
    eps = rt.finfo(rt.float32).eps
    rt.testing.assert_allclose(a, a + 1e-7, atol=10 * eps)
    rt.testing.assert_allclose(a, a + 1e-7, rtol=rt.float64(1e-6))
    with pytest.raises(AssertionError):
        rt.testing.assert_allclose(a, a + 1e-3, atol=rt.float32(1e-5))
