"""The distributions that NumPy's RandomState and Generator draw the same way.

Both classes hand a scalar algorithm (``_scalar``) to ``_sampling.loop``
through their own uniform/normal sources (``self._source``); only the source
differs, so the methods live here once and both classes inherit them.
"""

from .. import _dtypes as D
from . import _scalar as X
from ._sampling import Param, params, check, loop


class ScalarDistributions:
    """Mixin: gamma, beta, binomial, poisson, ... for RandomState and Generator."""

    def _loop(self, fn, size, ps, kind="f"):
        with self._bit_generator.lock:
            return loop(self._source, self._bit_generator, fn, size, ps, kind)

    def gamma(self, shape, scale=1.0, size=None):
        ps = params(shape, scale)
        check(ps[0], "shape", "nonneg")
        check(ps[1], "scale", "nonneg")
        return self._loop(X.gamma, size, ps)

    def beta(self, a, b, size=None):
        ps = params(a, b)
        check(ps[0], "a", "pos")
        check(ps[1], "b", "pos")
        return self._loop(X.beta, size, ps)

    def chisquare(self, df, size=None):
        ps = params(df)
        check(ps[0], "df", "pos")
        return self._loop(X.chisquare, size, ps)

    def noncentral_chisquare(self, df, nonc, size=None):
        ps = params(df, nonc)
        check(ps[0], "df", "pos")
        check(ps[1], "nonc", "nonneg")
        return self._loop(X.noncentral_chisquare, size, ps)

    def f(self, dfnum, dfden, size=None):
        ps = params(dfnum, dfden)
        check(ps[0], "dfnum", "pos")
        check(ps[1], "dfden", "pos")
        return self._loop(X.f, size, ps)

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        ps = params(dfnum, dfden, nonc)
        check(ps[0], "dfnum", "pos")
        check(ps[1], "dfden", "pos")
        check(ps[2], "nonc", "nonneg")
        return self._loop(X.noncentral_f, size, ps)

    def standard_t(self, df, size=None):
        ps = params(df)
        check(ps[0], "df", "pos")
        return self._loop(X.standard_t, size, ps)

    def standard_cauchy(self, size=None):
        return self._loop(X.standard_cauchy, size, [])

    def vonmises(self, mu, kappa, size=None):
        ps = params(mu, kappa)
        check(ps[1], "kappa", "nonneg")
        return self._loop(X.vonmises, size, ps)

    def weibull(self, a, size=None):
        ps = params(a)
        check(ps[0], "a", "nonneg")
        return self._loop(X.weibull, size, ps)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        ps = params(loc, scale)
        check(ps[1], "scale", "nonneg")
        return self._loop(X.laplace, size, ps)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        ps = params(loc, scale)
        check(ps[1], "scale", "nonneg")
        return self._loop(X.gumbel, size, ps)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        ps = params(loc, scale)
        check(ps[1], "scale", "nonneg")
        return self._loop(X.logistic, size, ps)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        ps = params(mean, sigma)
        check(ps[1], "sigma", "nonneg")
        return self._loop(X.lognormal, size, ps)

    def rayleigh(self, scale=1.0, size=None):
        ps = params(scale)
        check(ps[0], "scale", "nonneg")
        return self._loop(X.rayleigh, size, ps)

    def wald(self, mean, scale, size=None):
        ps = params(mean, scale)
        check(ps[0], "mean", "pos")
        check(ps[1], "scale", "pos")
        return self._loop(X.wald, size, ps)

    def triangular(self, left, mode, right, size=None):
        ps = params(left, mode, right)
        lt, mt, rt = (p.tensor for p in ps)
        if bool((lt > mt).any()):
            raise ValueError("left > mode")
        if bool((mt > rt).any()):
            raise ValueError("mode > right")
        if bool((lt == rt).any()):
            raise ValueError("left == right")
        return self._loop(X.triangular, size, ps)

    def binomial(self, n, p, size=None):
        n_p = Param(n, D.int64)
        p_p = Param(p)
        check(n_p, "n", "nonneg")
        check(p_p, "p", "01")
        return self._loop(lambda s, n_, p_: X.binomial(s, p_, n_), size, [n_p, p_p], "i")

    def poisson(self, lam=1.0, size=None):
        ps = params(lam)
        check(ps[0], "lam", "poisson")
        return self._loop(X.poisson, size, ps, "i")

    def geometric(self, p, size=None):
        ps = params(p)
        check(ps[0], "p", "gt0_1")
        return self._loop(X.geometric, size, ps, "i")

    def zipf(self, a, size=None):
        ps = params(a)
        check(ps[0], "a", "gt1")
        return self._loop(X.zipf, size, ps, "i")

    def logseries(self, p, size=None):
        ps = params(p)
        check(ps[0], "p", "lt0_1")
        return self._loop(X.logseries, size, ps, "i")
