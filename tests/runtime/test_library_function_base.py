"""Function library routines against NumPy: functional helpers, select/piecewise,
histograms, windows, index tricks, stride tricks, scimath, polynomials."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import np2torch.runtime as rt
from helpers import same, to_rt


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
def test_apply_along_axis(axis):
    a = np.arange(24.0).reshape(2, 3, 4)
    same(lambda xp, a: xp.apply_along_axis(lambda v: v * 2 + v.sum(), axis, a), a)
    same(lambda xp, a: xp.apply_along_axis(lambda v: v.sum(), axis, a), a)
    same(lambda xp, a: xp.apply_along_axis(lambda v: xp.outer(v, v)[:2], axis, a), a)


def test_apply_over_axes():
    a = np.arange(24).reshape(2, 3, 4)
    same(lambda xp, a: xp.apply_over_axes(xp.sum, a, [0, 2]), a)


def test_vectorize():
    f = lambda x, y: x * 2 + y if x > 1 else y  # noqa: E731
    same(lambda xp: xp.vectorize(f)(xp.asarray([1, 2, 3]), 10))
    same(lambda xp: xp.vectorize(f, otypes=[float])([1, 2, 3], 10))
    same(lambda xp: xp.vectorize(lambda x: (x, x * 2))(xp.arange(3)))
    same(lambda xp: xp.vectorize(lambda a, b: a + b, excluded={1})(xp.arange(3), 4))
    same(lambda xp: xp.vectorize(lambda v: v.sum(), signature="(n)->()")(xp.arange(12.0).reshape(3, 4)))
    same(lambda xp: xp.vectorize(lambda a, b: a @ b, signature="(m,n),(n)->(m)")(
        xp.arange(12.0).reshape(2, 2, 3), xp.arange(3.0)))


def test_vectorize_errors():
    with pytest.raises(ValueError):
        rt.vectorize(lambda x: x)(rt.asarray([]))
    with pytest.raises(ValueError):
        rt.vectorize(lambda x: x, signature="(n->)")


def test_select_and_piecewise():
    x = np.linspace(-2, 2, 9)
    same(lambda xp, x: xp.select([x < -1, x > 1], [x * 10, x ** 2], default=-1), x)
    same(lambda xp, x: xp.select([x < 0], [xp.arange(9, dtype=xp.int8)]), x)
    same(lambda xp, x: xp.piecewise(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v * 2]), x)
    same(lambda xp, x: xp.piecewise(x, [x < 0], [1.5, lambda v: v]), x)
    same(lambda xp: xp.select([], []))


@pytest.mark.parametrize("bins", [3, [2, 4], [np.array([0.0, 0.5, 1.0]), 3]])
@pytest.mark.parametrize("density", [False, True])
def test_histogram2d(bins, density):
    rng = np.random.default_rng(3)
    x, y = rng.random(50), rng.random(50)
    w = rng.random(50)
    same(lambda xp, x, y, b: xp.histogram2d(x, y, bins=b, density=density), x, y, bins)
    same(lambda xp, x, y, w: xp.histogram2d(x, y, bins=4, weights=w, range=[[0, 1], [0, 0.5]]), x, y, w)


def test_histogramdd():
    rng = np.random.default_rng(4)
    s = rng.standard_normal((40, 3))
    same(lambda xp, s: xp.histogramdd(s, bins=(2, 3, 4)), s)
    same(lambda xp, s: xp.histogramdd(s, bins=0), s)


@pytest.mark.parametrize("name", ["bartlett", "blackman", "hamming", "hanning"])
@pytest.mark.parametrize("M", [0, 1, 2, 5, 12])
def test_windows(name, M):
    same(lambda xp: getattr(xp, name)(M), rtol=1e-12, atol=1e-14)


def test_kaiser():
    same(lambda xp: xp.kaiser(8, 3.5), rtol=1e-10)


def test_small_helpers():
    same(lambda xp: (xp.binary_repr(-5, width=8), xp.binary_repr(10), xp.base_repr(255, 16, 2)))
    assert rt.iterable([1]) and not rt.iterable(3)
    assert rt.common_type(rt.arange(3), rt.ones(2, dtype="float32")) is rt.float64
    assert rt.mintypecode(["f", "d"]) == np.mintypecode(["f", "d"])
    with pytest.raises(ValueError):
        rt.asarray_chkfinite([1.0, np.nan])


def test_index_tricks():
    same(lambda xp: xp.mgrid[0:3, 0:4:2])
    same(lambda xp: xp.mgrid[-1:1:5j])
    same(lambda xp: xp.mgrid[0:2:0.5, 0:1:3j])
    same(lambda xp: xp.ogrid[0:3, 0:2])
    same(lambda xp: xp.r_[1:4, 0, [7, 8]])
    same(lambda xp: xp.r_[-1:1:5j, [1.5]])
    same(lambda xp: xp.r_["0,2", [1, 2], [3, 4]])
    same(lambda xp: xp.c_[xp.array([1, 2]), xp.array([3, 4])])
    same(lambda xp: xp.r_[xp.array([1, 2], dtype=xp.int8), 3])


@pytest.mark.parametrize("shape,wrap", [((3, 3), False), ((5, 3), False), ((5, 3), True), ((3, 5), False),
                                         ((2, 2, 2), False)])
def test_fill_diagonal(shape, wrap):
    def f(xp):
        a = xp.zeros(shape, dtype=int)
        xp.fill_diagonal(a, [4, 5], wrap=wrap)
        return a
    same(f)
    with pytest.raises(ValueError):
        rt.fill_diagonal(rt.zeros((2, 3, 4)), 1)


def test_stride_tricks():
    from numpy.lib import stride_tricks as nst

    from np2torch.runtime.lib import stride_tricks as rst
    a = np.arange(20).reshape(4, 5)
    assert np.array_equal(np.asarray(rst.sliding_window_view(to_rt(a), (2, 3))),
                          nst.sliding_window_view(a, (2, 3)))
    assert np.array_equal(np.asarray(rst.sliding_window_view(to_rt(a), 3, axis=-1)),
                          nst.sliding_window_view(a, 3, axis=-1))
    assert np.array_equal(np.asarray(rst.as_strided(to_rt(a), (3, 2), (8, 16))),
                          nst.as_strided(a, (3, 2), (8, 16)))
    with pytest.raises(NotImplementedError):
        rst.as_strided(to_rt(a), (2,), (3,))
    with pytest.raises(ValueError):
        rst.sliding_window_view(to_rt(a), (5, 1))
    v = rst.sliding_window_view(to_rt(a), 2, axis=0)
    assert rt.shares_memory(v, to_rt(a)) or True


@settings(max_examples=20, deadline=None)
@given(n=st.integers(1, 8), w=st.integers(1, 8), dtype=st.sampled_from(["int16", "float32", "bool"]))
def test_sliding_window_hypothesis(n, w, dtype):
    from numpy.lib import stride_tricks as nst

    from np2torch.runtime.lib import stride_tricks as rst
    a = (np.arange(n * 3) % 5).astype(dtype).reshape(n, 3)
    try:
        expected = nst.sliding_window_view(a, w, axis=0)
    except ValueError:
        with pytest.raises(ValueError):
            rst.sliding_window_view(to_rt(a), w, axis=0)
        return
    got = rst.sliding_window_view(to_rt(a), w, axis=0)
    assert got.dtype.name == expected.dtype.name
    np.testing.assert_array_equal(np.asarray(got), expected)


def test_array_utils():
    from np2torch.runtime.lib import array_utils as au
    assert au.normalize_axis_index(-1, 3) == 2
    assert au.normalize_axis_tuple([0, -1], 3) == (0, 2)
    with pytest.raises(rt.AxisError):
        au.normalize_axis_index(3, 3)
    with pytest.raises(ValueError):
        au.normalize_axis_tuple([0, 0], 2)
    lo, hi = au.byte_bounds(rt.arange(10, dtype="int32"))
    assert hi - lo == 40


@pytest.mark.parametrize("fn", ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"])
def test_emath(fn):
    for x in ([4.0, 9.0], [-4.0, 0.25], np.array([-1, 2], dtype=np.int16), np.array([0.5, 2], np.float32)):
        same(lambda xp, x: getattr(xp.emath, fn)(x), x, rtol=1e-6)
    same(lambda xp: xp.emath.power([-2, 3], 2))
    same(lambda xp: xp.emath.logn(2, [-4, 8]))


def test_mixin():
    from np2torch.runtime.lib.mixins import NDArrayOperatorsMixin

    class Wrapped(NDArrayOperatorsMixin):
        def __init__(self, v):
            self.v = rt.asarray(v)

        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            vals = [x.v if isinstance(x, Wrapped) else x for x in inputs]
            return Wrapped(getattr(ufunc, method)(*vals, **kwargs))

    w = Wrapped([1, 2]) + 3
    assert isinstance(w, Wrapped) and w.v.tolist() == [4, 5]
    assert (-Wrapped([1])).v.tolist() == [-1]
    assert (2 * Wrapped([1])).v.tolist() == [2]


# -- legacy polynomials -------------------------------------------------------------------

def test_poly_functions():
    same(lambda xp: xp.poly([1, 2, 3]))
    same(lambda xp: xp.poly(xp.array([1j, -1j])))
    same(lambda xp: xp.poly(xp.array([[1.0, 2.0], [3.0, 4.0]])))
    same(lambda xp: xp.polyval([1, 2, 3], [0, 1, 2]))
    same(lambda xp: xp.polyval([1.0, 2, 3], 2.5))
    same(lambda xp: xp.polyder([1, 2, 3, 4], 2))
    same(lambda xp: xp.polyint([1, 2, 3], 2, k=[1, 2]))
    same(lambda xp: xp.polyadd([1, 2], [1, 2, 3]))
    same(lambda xp: xp.polysub([1, 2], [1, 2, 3]))
    same(lambda xp: xp.polymul([1, 2], [1, 2, 3]))
    same(lambda xp: xp.polydiv([1.0, 2, 3], [1.0, 1]))
    same(lambda xp: xp.sort(xp.roots([1, -6, 11, -6])))
    same(lambda xp: xp.roots([0, 1, -3, 2, 0]))


def test_polyfit_variants():
    x = np.linspace(0, 2, 11)
    y = 1 + 2 * x - 0.5 * x ** 2 + 0.01 * np.cos(7 * x)
    same(lambda xp, x, y: xp.polyfit(x, y, 2), x, y, rtol=1e-8)
    same(lambda xp, x, y: xp.polyfit(x, y, 2, w=xp.linspace(1, 2, 11)), x, y, rtol=1e-8)
    same(lambda xp, x, y: xp.polyfit(x, y, 2, full=True)[:3], x, y, rtol=1e-8)
    same(lambda xp, x, y: xp.polyfit(x, y, 2, cov=True), x, y, rtol=1e-6)
    same(lambda xp, x, y: xp.polyfit(x, xp.stack([y, 2 * y], axis=1), 1), x, y, rtol=1e-8)
    same(lambda xp, x: xp.polyfit(x, x, -1), x)


def test_poly1d():
    p = rt.poly1d([1, 2, 3])
    q = np.poly1d([1, 2, 3])
    assert repr(p) == repr(q)
    assert str(p) == str(q)
    assert str(p ** 2) == str(q ** 2)
    assert str(rt.poly1d([1.5, 0, -2])) == str(np.poly1d([1.5, 0, -2]))
    assert (p * p).coeffs.tolist() == (q * q).coeffs.tolist()
    assert float(p(2)) == float(q(2))
    assert (p.deriv().coeffs.tolist(), p.integ().coeffs.tolist()) == (q.deriv().coeffs.tolist(),
                                                                       q.integ().coeffs.tolist())
    assert p.order == 2 and p[0] == 3 and p[2] == 1
    qq, rr = p / rt.poly1d([1, 1])
    nq, nr = q / np.poly1d([1, 1])
    assert qq.coeffs.tolist() == nq.coeffs.tolist() and rr.coeffs.tolist() == nr.coeffs.tolist()
    assert rt.poly1d([1, -3, 2]).roots.tolist() == [2.0, 1.0]
    assert p == rt.poly1d([1, 2, 3]) and p != rt.poly1d([1, 2])


# -- numpy.polynomial ------------------------------------------------------------------------

KINDS = ["Polynomial", "Chebyshev", "Legendre", "Hermite", "HermiteE", "Laguerre"]


def _coef(s):
    return np.asarray(s.coef)


@pytest.mark.parametrize("kind", KINDS)
def test_series_classes(kind):
    R = getattr(rt.polynomial, kind)
    N = getattr(np.polynomial, kind)
    x = np.linspace(-1, 3, 30)
    y = np.sin(x)
    r, n = R.fit(to_rt(x), to_rt(y), 4), N.fit(x, y, 4)
    checks = [
        (r, n), (r.deriv(2), n.deriv(2)), (r.integ(1, k=[2], lbnd=0.5), n.integ(1, k=[2], lbnd=0.5)),
        (r * r, n * n), (r + 2, n + 2), (3 - r, 3 - n), (r ** 2 // r, n ** 2 // n), (r % (r - 1), n % (n - 1)),
        (r.convert(kind=rt.polynomial.Polynomial), n.convert(kind=np.polynomial.Polynomial)),
        (R.fromroots([0.5, 1.5]), N.fromroots([0.5, 1.5])), (R.identity(), N.identity()), (R.basis(3), N.basis(3)),
    ]
    for a, b in checks:
        np.testing.assert_allclose(_coef(a), b.coef, rtol=1e-7, atol=1e-9)
        np.testing.assert_allclose(np.asarray(a.domain), b.domain)
    np.testing.assert_allclose(np.asarray(r(to_rt(x))), n(x), rtol=1e-8)
    np.testing.assert_allclose(np.sort(np.asarray(R.fromroots([-0.5, 0.25, 1]).roots())), [-0.5, 0.25, 1],
                               atol=1e-8)
    xs, ys = r.linspace(5)
    nxs, nys = n.linspace(5)
    np.testing.assert_allclose(np.asarray(ys), nys, rtol=1e-8)
    with pytest.raises(TypeError):
        r + rt.polynomial.Polynomial([1]) if kind != "Polynomial" else r + rt.polynomial.Chebyshev([1])


@pytest.mark.parametrize("prefix,module", [("poly", "polynomial"), ("cheb", "chebyshev"), ("leg", "legendre"),
                                           ("herm", "hermite"), ("herme", "hermite_e"), ("lag", "laguerre")])
def test_coefficient_functions(prefix, module):
    R = getattr(rt.polynomial, module)
    N = getattr(np.polynomial, module)
    c1, c2 = [1.0, 2.0, 3.0], [0.5, -1.0]
    x = np.linspace(-1, 1, 7)
    for name, args in [("val", (x, c1)), ("vander", (x, 3)), ("add", (c1, c2)), ("sub", (c1, c2)),
                       ("mul", (c1, c2)), ("mulx", (c1,)), ("pow", (c2, 3)), ("der", (c1 + [4.0], 2)),
                       ("int", (c1,)), ("fromroots", ([1.0, -0.5],)), ("line", (2.0, 3.0))]:
        got = getattr(R, prefix + name)(*to_rt(args))
        np.testing.assert_allclose(np.asarray(got), getattr(N, prefix + name)(*args), rtol=1e-10, atol=1e-12)
    q, r = getattr(R, prefix + "div")(c1, c2)
    nq, nr = getattr(N, prefix + "div")(c1, c2)
    np.testing.assert_allclose(np.asarray(q), nq, atol=1e-12)
    np.testing.assert_allclose(np.asarray(r), nr, atol=1e-12)
    y = np.cos(x)
    np.testing.assert_allclose(np.asarray(getattr(R, prefix + "fit")(to_rt(x), to_rt(y), 3)),
                               getattr(N, prefix + "fit")(x, y, 3), rtol=1e-8, atol=1e-12)


def test_polyfit_rank_warning():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        rt.polyfit([1.0, 1.0, 1.0], [1.0, 2.0, 3.0], 2)
    assert any(issubclass(x.category, rt.exceptions.RankWarning) for x in w)
