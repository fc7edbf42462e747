"""Scalar sampling algorithms, one draw at a time, as NumPy's C code defines them.

Each function takes a *source* ``s`` with ``double()``, ``u32()``, ``u64()``,
``gauss()``, ``std_exp()``, ``std_gamma(shape)`` and a ``legacy`` flag, so the
same algorithm serves RandomState (polar Gaussian, -log(1-U) exponential) and
Generator (ziggurat).  Python floats are IEEE doubles and ``math`` calls the
C library NumPy calls, so the results agree bit for bit.

References: Marsaglia & Tsang (2000) gamma; Kachitvichyanukul & Schmeiser
(1988) BTPE binomial; Hoermann (1993) PTRS Poisson; Stadlober (1989) HRUA
hypergeometric; Best & Fisher (1979) von Mises; Devroye (1986) for the
zipf, logseries, geometric and wald samplers.
"""

import math

from . import _ziggurat as Z

__all__ = []

_INT64_MAX = (1 << 63) - 1
log, exp, sqrt, pow_, log1p, expm1 = math.log, math.exp, math.sqrt, math.pow, math.log1p, math.expm1


def cpow(x, y):
    try:
        return pow_(x, y)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.nan


def clog(x):
    if x > 0.0:
        return log(x)
    if x == 0.0:
        return -math.inf
    return math.nan


def cexp(x):
    try:
        return exp(x)
    except OverflowError:
        return math.inf


def cdiv(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        if a == 0.0 or a != a:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)


# -- sources -----------------------------------------------------------------
class Source:
    """Generator-API source: ziggurat normal and exponential."""

    legacy = False

    def __init__(self, cursor):
        c = cursor
        self.c = c
        self.double = c.double
        self.u32 = c.u32
        self.u64 = c.u64

    def gauss(self):
        return zig_normal(self)

    def std_exp(self):
        return zig_exp(self)

    def std_gamma(self, shape):
        return standard_gamma(self, shape)


class LegacySource(Source):
    """RandomState source: polar Box-Muller with the cached second value."""

    legacy = True

    def __init__(self, cursor, rs):
        super().__init__(cursor)
        self.rs = rs

    def gauss(self):
        rs = self.rs
        if rs._has_gauss:
            rs._has_gauss = 0
            g, rs._gauss = rs._gauss, 0.0
            return g
        double = self.double
        while True:
            x1 = 2.0 * double() - 1.0
            x2 = 2.0 * double() - 1.0
            r2 = x1 * x1 + x2 * x2
            if r2 < 1.0 and r2 != 0.0:
                break
        f = sqrt(-2.0 * log(r2) / r2)
        rs._gauss = f * x1
        rs._has_gauss = 1
        return f * x2

    def std_exp(self):
        return -clog(1.0 - self.double())


# -- ziggurat ----------------------------------------------------------------
def zig_normal(s):
    ki, wi, fi = Z.KI_DOUBLE, Z.WI_DOUBLE, Z.FI_DOUBLE
    while True:
        r = s.u64()
        idx = r & 0xFF
        r >>= 8
        sign = r & 1
        rabs = (r >> 1) & 0x000FFFFFFFFFFFFF
        x = rabs * wi[idx]
        if sign:
            x = -x
        if rabs < ki[idx]:
            return x
        if idx == 0:
            while True:
                xx = -Z.NOR_INV_R * log1p(-s.double())
                yy = -log1p(-s.double())
                if yy + yy > xx * xx:
                    return -(Z.NOR_R + xx) if (rabs >> 8) & 1 else Z.NOR_R + xx
        elif (fi[idx - 1] - fi[idx]) * s.double() + fi[idx] < exp(-0.5 * x * x):
            return x


def zig_exp(s):
    ke, we, fe = Z.KE_DOUBLE, Z.WE_DOUBLE, Z.FE_DOUBLE
    while True:
        ri = s.u64() >> 3
        idx = ri & 0xFF
        ri >>= 8
        x = ri * we[idx]
        if ri < ke[idx]:
            return x
        if idx == 0:
            return Z.EXP_R - log1p(-s.double())
        if (fe[idx - 1] - fe[idx]) * s.double() + fe[idx] < exp(-x):
            return x


# -- continuous ----------------------------------------------------------------
def standard_gamma(s, shape):
    if shape == 1.0:
        return s.std_exp()
    if shape == 0.0:
        return 0.0
    if shape < 1.0:
        while True:
            u = s.double()
            v = s.std_exp()
            if u <= 1.0 - shape:
                x = cpow(u, 1.0 / shape)
                if x <= v:
                    return x
            else:
                y = -clog((1.0 - u) / shape)
                x = cpow(1.0 - shape + shape * y, 1.0 / shape)
                if x <= v + y:
                    return x
    b = shape - 1.0 / 3.0
    c = 1.0 / sqrt(9.0 * b)
    while True:
        while True:
            x = s.gauss()
            v = 1.0 + c * x
            if v > 0.0:
                break
        v = v * v * v
        u = s.double()
        if u < 1.0 - 0.0331 * (x * x) * (x * x):
            return b * v
        if clog(u) < 0.5 * x * x + b * (1.0 - v + clog(v)):
            return b * v


def gamma(s, shape, scale):
    return scale * s.std_gamma(shape)


def beta(s, a, b):
    if a <= 1.0 and b <= 1.0:
        while True:
            u = s.double()
            v = s.double()
            x = cpow(u, 1.0 / a)
            y = cpow(v, 1.0 / b)
            xpy = x + y
            if xpy <= 1.0 and (xpy > 0.0 if s.legacy else u + v > 0.0):
                if xpy > 0.0:
                    return x / xpy
                log_x = clog(u) / a
                log_y = clog(v) / b
                log_m = max(log_x, log_y)
                log_x -= log_m
                log_y -= log_m
                return exp(log_x - log(exp(log_x) + exp(log_y)))
    ga = s.std_gamma(a)
    gb = s.std_gamma(b)
    return ga / (ga + gb)


def chisquare(s, df):
    return 2.0 * s.std_gamma(df / 2.0)


def noncentral_chisquare(s, df, nonc):
    if nonc != nonc:
        return math.nan
    if nonc == 0:
        return chisquare(s, df)
    if 1 < df:
        chi2 = chisquare(s, df - 1)
        n = s.gauss() + sqrt(nonc)
        return chi2 + n * n
    i = poisson(s, nonc / 2.0)
    return chisquare(s, df + 2 * i)


def f(s, dfnum, dfden):
    if s.legacy:
        return cdiv(chisquare(s, dfnum) * dfden, chisquare(s, dfden) * dfnum)
    return cdiv(chisquare(s, dfnum) * dfden, chisquare(s, dfden) * dfnum)


def noncentral_f(s, dfnum, dfden, nonc):
    t = noncentral_chisquare(s, dfnum, nonc) * dfden
    return cdiv(t, chisquare(s, dfden) * dfnum)


def standard_cauchy(s):
    n = s.gauss()
    return cdiv(n, s.gauss())


def standard_t(s, df):
    num = s.gauss()
    denom = s.std_gamma(df / 2.0)
    return cdiv(sqrt(df / 2.0) * num, sqrt(denom))


def wald(s, mean, scale):
    mu_2l = mean / (2.0 * scale)
    y = s.gauss()
    y = mean * y * y
    x = mean + mu_2l * (y - sqrt(4.0 * scale * y + y * y))
    u = s.double()
    if u <= mean / (mean + x):
        return x
    return mean * mean / x


def pareto(s, a):
    if s.legacy:
        return cexp(s.std_exp() / a) - 1.0
    return expm1(s.std_exp() / a)


def weibull(s, a):
    if a == 0.0:
        return 0.0
    return cpow(s.std_exp(), 1.0 / a)


def power(s, a):
    if s.legacy:
        return cpow(1.0 - exp(-s.std_exp()), 1.0 / a)
    return cpow(-expm1(-s.std_exp()), 1.0 / a)


def rayleigh(s, mode):
    if s.legacy:
        return mode * sqrt(-2.0 * log1p(-s.double()))
    return mode * sqrt(2.0 * s.std_exp())


def laplace(s, loc, scale):
    while True:
        u = s.double()
        if u >= 0.5:
            return loc - scale * clog(2.0 - u - u)
        if u > 0.0:
            return loc + scale * log(u + u)


def gumbel(s, loc, scale):
    while True:
        u = 1.0 - s.double()
        if u < 1.0:
            return loc - scale * log(-log(u))


def logistic(s, loc, scale):
    while True:
        u = s.double()
        if u > 0.0:
            return loc + scale * log(u / (1.0 - u))


def lognormal(s, mean, sigma):
    return cexp(mean + sigma * s.gauss())


def triangular(s, left, mode, right):
    base = right - left
    leftbase = mode - left
    ratio = leftbase / base
    leftprod = leftbase * base
    rightprod = (right - mode) * base
    u = s.double()
    if u <= ratio:
        return left + sqrt(u * leftprod)
    return right - sqrt((1.0 - u) * rightprod)


def vonmises(s, mu, kappa):
    if kappa != kappa:
        return math.nan
    if kappa < 1e-8:
        return math.pi * (2.0 * s.double() - 1.0)
    if kappa < 1e-5:
        sv = 1.0 / kappa + kappa
    elif not s.legacy and kappa > 1e6:
        result = mu + sqrt(1.0 / kappa) * s.gauss()
        if result < -math.pi:
            result += 2 * math.pi
        if result > math.pi:
            result -= 2 * math.pi
        return result
    else:
        r = 1.0 + sqrt(1.0 + 4.0 * kappa * kappa)
        rho = (r - sqrt(2.0 * r)) / (2.0 * kappa)
        sv = cdiv(1.0 + rho * rho, 2.0 * rho)
    while True:
        u = s.double()
        z = math.cos(math.pi * u)
        w = cdiv(1.0 + sv * z, sv + z)
        y = kappa * (sv - w)
        v = s.double()
        if y * (2.0 - y) - v >= 0.0 or clog(cdiv(y, v)) + 1.0 - y >= 0.0:
            break
    u = s.double()
    result = math.acos(w)
    if u < 0.5:
        result = -result
    result += mu
    neg = result < 0
    mod = abs(result)
    mod = math.fmod(mod + math.pi, 2.0 * math.pi) - math.pi
    if neg:
        mod *= -1
    return mod


# -- discrete ----------------------------------------------------------------
_LOGGAM_A = (8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
             -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
             6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
             -1.39243221690590e+00)  # Stirling series B_2k / (2k (2k-1)), k = 1..10


def loggam(x):
    if x == 1.0 or x == 2.0:
        return 0.0
    n = int(7 - x) if x < 7.0 else 0
    x0 = x + n
    x2 = (1.0 / x0) * (1.0 / x0)
    gl0 = _LOGGAM_A[9]
    for k in range(8, -1, -1):
        gl0 *= x2
        gl0 += _LOGGAM_A[k]
    gl = gl0 / x0 + 0.5 * log(2 * math.pi) + (x0 - 0.5) * log(x0) - x0
    if x < 7.0:
        for _ in range(n):
            gl -= log(x0 - 1.0)
            x0 -= 1.0
    return gl


def poisson(s, lam):
    if lam >= 10:
        slam = sqrt(lam)
        loglam = log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = s.double() - 0.5
            v = s.double()
            us = 0.5 - abs(u)
            k = math.floor((2 * a / us + b) * u + lam + 0.43)
            if us >= 0.07 and v <= vr:
                return k
            if k < 0 or (us < 0.013 and v > us):
                continue
            if (clog(v) + log(invalpha) - log(a / (us * us) + b)) <= (-lam + k * loglam - loggam(k + 1)):
                return k
    if lam == 0:
        return 0
    enlam = exp(-lam)
    x = 0
    prod = 1.0
    while True:
        prod *= s.double()
        if prod > enlam:
            x += 1
        else:
            return x


def binomial(s, p, n):
    if n == 0 or p == 0.0:
        return 0
    if p <= 0.5:
        if p * n <= 30.0:
            return _binomial_inversion(s, n, p)
        return _binomial_btpe(s, n, p)
    q = 1.0 - p
    if q * n <= 30.0:
        return n - _binomial_inversion(s, n, q)
    return n - _binomial_btpe(s, n, q)


def _binomial_inversion(s, n, p):
    q = 1.0 - p
    qn = exp(n * log(q))
    np_ = n * p
    bound = min(n, int(np_ + 10.0 * sqrt(np_ * q + 1)))
    x = 0
    px = qn
    u = s.double()
    while u > px:
        x += 1
        if x > bound:
            x = 0
            px = qn
            u = s.double()
        else:
            u -= px
            px = ((n - x + 1) * p * px) / (x * q)
    return x


def _binomial_btpe(s, n, p):
    r = min(p, 1.0 - p)
    q = 1.0 - r
    fm = n * r + r
    m = math.floor(fm)
    p1 = math.floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl = xm - p1
    xr = xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    p4 = p3 + c / lamr
    while True:
        nrq = n * r * q
        u = s.double() * p4
        v = s.double()
        if u <= p1:
            y = math.floor(xm - p1 * v + u)
            break
        if u <= p2:
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = math.floor(x)
        elif u <= p3:
            y = math.floor(xl + clog(v) / laml)
            if y < 0 or v == 0.0:
                continue
            v = v * (u - p2) * laml
        else:
            y = math.floor(xr - clog(v) / lamr)
            if y > n or v == 0.0:
                continue
            v = v * (u - p3) * lamr
        k = abs(y - m)
        if not (k > 20 and k < (nrq / 2.0 - 1)):
            s_ = r / q
            a = s_ * (n + 1)
            F = 1.0
            if m < y:
                for i in range(m + 1, y + 1):
                    F *= a / i - s_
            elif m > y:
                for i in range(y + 1, m + 1):
                    F /= a / i - s_
            if v > F:
                continue
            break
        rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
        t = -k * k / (2 * nrq)
        A = clog(v)
        if A < t - rho:
            break
        if A > t + rho:
            continue
        x1 = y + 1.0
        f1 = m + 1.0
        z = n + 1.0 - m
        w = n - y + 1.0
        x2 = x1 * x1
        f2 = f1 * f1
        z2 = z * z
        w2 = w * w
        bound = (xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q))
                 + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.)
        if A > bound:
            continue
        break
    if p > 0.5:
        y = n - y
    return y


def geometric(s, p):
    if p >= 0.333333333333333333333333:
        x = 1
        total = prod = p
        q = 1.0 - p
        u = s.double()
        while u > total:
            prod *= q
            total += prod
            x += 1
        return x
    if s.legacy:
        return int(math.ceil(log1p(-s.double()) / log1p(-p)))
    z = math.ceil(-s.std_exp() / log1p(-p))
    if z >= 9.223372036854776e18:
        return _INT64_MAX
    return int(z)


def negative_binomial(s, n, p):
    y = gamma(s, n, (1 - p) / p)
    return poisson(s, y)


def zipf(s, a):
    am1 = a - 1.0
    b = pow_(2.0, am1)
    while True:
        u = 1.0 - s.double()
        v = s.double()
        x = math.floor(cpow(u, -1.0 / am1)) if u > 0 else math.inf
        if x > _INT64_MAX or x < 1.0:
            continue
        t = pow_(1.0 + 1.0 / x, am1)
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return int(x)


def logseries(s, p):
    r = log1p(-p)
    while True:
        v = s.double()
        if v >= p:
            return 1
        u = s.double()
        q = -expm1(r * u)
        if v <= q * q:
            result = math.floor(1 + clog(v) / clog(q))
            if result < 1 or v == 0.0:
                continue
            return int(result)
        if v >= q:
            return 1
        return 2


_D1 = 2.0 * math.sqrt(2.0 / math.e)
_D2 = 3.0 - 2.0 * math.sqrt(3.0 / math.e)


def hypergeometric_legacy(s, good, bad, sample):
    if sample > 10:
        return _hypergeometric_hrua(s, good, bad, sample)
    if sample > 0:
        d1 = bad + good - sample
        d2 = float(min(bad, good))
        y = d2
        k = sample
        while y > 0.0:
            u = s.double()
            y -= math.floor(u + y / (d1 + k))
            k -= 1
            if k == 0:
                break
        z = int(d2 - y)
        if good > bad:
            z = sample - z
        return z
    return 0


def _hypergeometric_hrua(s, good, bad, sample):
    mingoodbad = min(good, bad)
    popsize = good + bad
    maxgoodbad = max(good, bad)
    m = min(sample, popsize - sample)
    d4 = mingoodbad / popsize
    d5 = 1.0 - d4
    d6 = m * d4 + 0.5
    d7 = sqrt((popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5)
    d8 = _D1 * d7 + _D2
    d9 = math.floor((m + 1) * (mingoodbad + 1) / (popsize + 2))
    d10 = loggam(d9 + 1) + loggam(mingoodbad - d9 + 1) + loggam(m - d9 + 1) + loggam(maxgoodbad - m + d9 + 1)
    d11 = min(min(m, mingoodbad) + 1.0, math.floor(d6 + 16 * d7))
    while True:
        x = s.double()
        y = s.double()
        w = d6 + d8 * (y - 0.5) / x if x != 0.0 else math.inf
        if w < 0.0 or w >= d11:
            continue
        z = math.floor(w)
        t = d10 - (loggam(z + 1) + loggam(mingoodbad - z + 1) + loggam(m - z + 1) + loggam(maxgoodbad - m + z + 1))
        if x * (4.0 - x) - 3.0 <= t:
            break
        if x * (x - t) >= 1:
            continue
        if 2.0 * log(x) <= t:
            break
    if good > bad:
        z = m - z
    if m < sample:
        z = good - z
    return z


def random_interval(s, mx):
    """Uniform integer in [0, mx] by masked rejection (NumPy's random_interval)."""
    if mx == 0:
        return 0
    mask = mx
    for sh in (1, 2, 4, 8, 16, 32):
        mask |= mask >> sh
    if mx <= 0xFFFFFFFF:
        u32 = s.u32
        while True:
            v = u32() & mask
            if v <= mx:
                return v
    u64 = s.u64
    while True:
        v = u64() & mask
        if v <= mx:
            return v


def lemire64(s, rng):
    """Uniform integer in [0, rng] (NumPy's random_bounded_uint64 without masking)."""
    if rng == 0:
        return 0
    if rng <= 0xFFFFFFFF:
        if rng == 0xFFFFFFFF:
            return s.u32()
        excl = rng + 1
        m = s.u32() * excl
        left = m & 0xFFFFFFFF
        if left < excl:
            thr = (0xFFFFFFFF - rng) % excl
            while left < thr:
                m = s.u32() * excl
                left = m & 0xFFFFFFFF
        return m >> 32
    if rng == 0xFFFFFFFFFFFFFFFF:
        return s.u64()
    excl = rng + 1
    m = s.u64() * excl
    left = m & 0xFFFFFFFFFFFFFFFF
    if left < excl:
        thr = (0xFFFFFFFFFFFFFFFF - rng) % excl
        while left < thr:
            m = s.u64() * excl
            left = m & 0xFFFFFFFFFFFFFFFF
    return m >> 64
