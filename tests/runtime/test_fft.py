"""np2torch.runtime.fft against numpy.fft: values, NumPy 2 result dtypes,
shapes, ``n``/``s``/``axes``/``norm``/``out`` and exception types."""

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from np2torch.runtime import fft as F
from np2torch.runtime._ndarray import asarray, ndarray

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DTYPES = ["bool", "int8", "uint64", "int64", "float16", "float32", "float64", "complex64", "complex128"]
NORMS = [None, "backward", "ortho", "forward"]
ONE_D = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]
N_D = ["fftn", "ifftn", "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2"]


def ours(x):
    return asarray(np.ascontiguousarray(x)) if isinstance(x, np.ndarray) else x


def tolerance(in_dtype, out_dtype):
    if np.dtype(in_dtype) == np.float16:
        return 3e-2
    return 2e-4 if out_dtype in (np.complex64, np.float32) else 1e-9


def check(name, a, *args, **kw):
    """Same result (dtype, shape, values) or the same exception type as NumPy."""
    with warnings.catch_warnings(record=True) as wwarn:
        warnings.simplefilter("always")
        try:
            want, werr = getattr(np.fft, name)(a, *args, **kw), None
        except Exception as e:  # noqa: BLE001
            want, werr = None, e
    with warnings.catch_warnings(record=True) as gwarn:
        warnings.simplefilter("always")
        try:
            got, gerr = getattr(F, name)(ours(a), *args, **kw), None
        except Exception as e:  # noqa: BLE001
            got, gerr = None, e
    assert sorted({w.category.__name__ for w in gwarn}) == sorted({w.category.__name__ for w in wwarn})
    if werr is not None:
        assert gerr is not None, f"numpy raised {werr!r}; we returned a result"
        assert isinstance(gerr, type(werr)) or type(gerr).__name__ == type(werr).__name__, (werr, gerr)
        return None
    if gerr is not None:
        raise gerr
    assert isinstance(got, ndarray)
    g = np.asarray(got)
    assert g.dtype == want.dtype, (g.dtype, want.dtype)
    assert g.shape == want.shape
    r = tolerance(np.asarray(a).dtype, want.dtype)
    scale = max(1.0, float(np.max(np.abs(want)))) if want.size else 1.0
    np.testing.assert_allclose(g, want, rtol=r, atol=r * scale)
    return got


@st.composite
def signals(draw, max_dims=3):
    dtype = draw(st.sampled_from(DTYPES))
    shape = tuple(draw(st.lists(st.integers(1, 6), min_size=1, max_size=max_dims)))
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 16)))
    x = rng.standard_normal(shape) * 4
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dtype)


@SETTINGS
@given(signals(), st.sampled_from(ONE_D), st.sampled_from([None, 1, 2, 5, 8, 0]), st.integers(-3, 3),
       st.sampled_from(NORMS))
def test_one_dimensional(a, name, n, axis, norm):
    check(name, a, n, axis, norm)


@SETTINGS
@given(signals(), st.sampled_from(N_D), st.sampled_from(NORMS), st.data())
def test_n_dimensional(a, name, norm, data):
    nd = a.ndim
    axes = data.draw(st.one_of(st.none(), st.lists(st.integers(-nd, nd - 1), min_size=1, max_size=3)))
    if name.endswith("2") and axes is None:
        axes = (-2, -1)
    if axes is not None and data.draw(st.booleans()):
        s = data.draw(st.lists(st.sampled_from([1, 2, 3, 4, 7, -1]), min_size=len(axes), max_size=len(axes)))
    else:
        s = None
    check(name, a, s, axes, norm)


def test_result_dtypes_follow_numpy2():
    for dtype in DTYPES:
        a = np.ones((4, 6), dtype=dtype)
        for name in ONE_D + N_D:
            check(name, a)


def test_bad_arguments():
    a = np.ones(8)
    check("fft", a, norm="bogus")
    check("hfft", a, norm="bogus")
    check("fft", a, 0)
    check("fft", a, -3)
    check("irfft", np.ones(1))
    check("fft", a, axis=2)
    check("fft", np.ones(0))
    check("rfft", a.astype(complex))
    check("fftn", np.ones((2, 3)), s=(2, 3), axes=(0,))
    check("fftn", np.ones((2, 3)), s=(2, 0), axes=(0, 1))
    check("fftn", np.ones((2, 3)), s=(4, 4))            # DeprecationWarning: s without axes
    check("fftn", np.ones((2, 3)), s=(None, 4), axes=(0, 1))  # DeprecationWarning: None in s
    check("irfftn", np.ones((2, 3)), s=(None, 4), axes=(0, 1))


def test_empty_non_transformed_axis():
    check("fft", np.ones((0, 4)))
    check("rfft", np.ones((0, 4)))
    check("irfftn", np.ones((0, 4)), axes=(1,))
    check("fft", np.ones((3, 0)), axis=0)


@pytest.mark.parametrize("name", ONE_D + ["fftn", "rfftn", "irfftn"])
def test_out(name):
    a = np.random.default_rng(0).standard_normal((3, 8))
    want = getattr(np.fft, name)(a)
    out = ours(np.zeros(want.shape, want.dtype))
    got = getattr(F, name)(ours(a), out=out)
    assert got is out
    np.testing.assert_allclose(np.asarray(out), want, rtol=1e-9, atol=1e-9)
    with pytest.raises(ValueError):
        getattr(F, name)(ours(a), out=ours(np.zeros((1,) + want.shape, want.dtype)))


def test_out_casts_same_kind_only():
    a = np.ones(4)
    out = ours(np.zeros(4, np.complex64))
    F.fft(ours(a), out=out)
    np.testing.assert_allclose(np.asarray(out), np.fft.fft(a))
    with pytest.raises(TypeError):
        F.fft(ours(a), out=ours(np.zeros(4)))


def test_repeated_axes_apply_the_transform_twice():
    a = np.random.default_rng(1).standard_normal((4, 5))
    check("fftn", a, None, (0, 0))
    check("ifftn", a, (3, 2), (1, 1))
    check("rfftn", a, None, (1, 0, 1))


@pytest.mark.parametrize("n", [1, 2, 5, 8, 9])
@pytest.mark.parametrize("d", [1.0, 0.1, 3])
def test_frequencies(n, d):
    for name in ["fftfreq", "rfftfreq"]:
        want = getattr(np.fft, name)(n, d)
        got = np.asarray(getattr(F, name)(n, d))
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-15)


def test_frequency_arguments():
    with pytest.raises(ValueError, match="n should be an integer"):
        F.fftfreq(4.0)
    assert np.asarray(F.fftfreq(np.int64(4))).shape == (4,)
    assert np.asarray(F.rfftfreq(8, dtype="float32")).dtype == np.float32
    assert F.fftfreq(4, device="cpu")._t.device.type == "cpu"


@pytest.mark.parametrize("dtype", ["int64", "float32", "complex128", "bool"])
@pytest.mark.parametrize("axes", [None, 0, -1, (0, 1), (1, 0), [1]])
def test_shifts(dtype, axes):
    x = (np.arange(35).reshape(5, 7) % 3).astype(dtype)
    for name in ["fftshift", "ifftshift"]:
        want = getattr(np.fft, name)(x, axes)
        got = getattr(F, name)(ours(x), axes)
        assert np.asarray(got).dtype == want.dtype
        np.testing.assert_array_equal(np.asarray(got), want)
    np.testing.assert_array_equal(np.asarray(F.ifftshift(F.fftshift(ours(x), axes), axes)), x)


def test_shift_of_lists_and_scalars():
    np.testing.assert_array_equal(np.asarray(F.fftshift([0, 1, 2, -2, -1])), np.fft.fftshift([0, 1, 2, -2, -1]))
    assert np.asarray(F.fftshift(5)).shape == ()


def test_round_trips():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((3, 10))
    for norm in NORMS:
        np.testing.assert_allclose(np.asarray(F.ifft(F.fft(ours(x), norm=norm), norm=norm)).real, x, atol=1e-12)
        np.testing.assert_allclose(np.asarray(F.irfft(F.rfft(ours(x), norm=norm), 10, norm=norm)), x, atol=1e-12)
        np.testing.assert_allclose(np.asarray(F.hfft(F.ihfft(ours(x), norm=norm), 10, norm=norm)), x, atol=1e-12)
        np.testing.assert_allclose(np.asarray(F.irfftn(F.rfftn(ours(x), norm=norm), x.shape, (0, 1), norm=norm)),
                                   x, atol=1e-12)


def test_module_surface():
    assert sorted(F.__all__) == sorted(np.fft.__all__)
