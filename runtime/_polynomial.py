"""The legacy polynomial API (NumPy reference: "Poly1d"): ``poly1d`` and the
``poly*`` functions on coefficient arrays, highest power first.

Arithmetic goes through the runtime's own functions (``convolve``,
``vander``, ``linalg.lstsq``, ``linalg.eigvals``) so dtypes follow NumPy.
"""

import re
import warnings

from . import _dtypes as D
from . import _ufuncs as U
from ._creation import arange, diag, ones, vander, zeros, zeros_like
from ._manipulation import concatenate, trim_zeros
from ._math import convolve, isclose
from ._ndarray import array, asanyarray, asarray
from ._reductions import all as _all
from .exceptions import RankWarning

__all__ = ["poly1d", "poly", "roots", "polyval", "polyfit", "polyder", "polyint", "polyadd",
           "polysub", "polymul", "polydiv"]


def _atleast_1d(a):
    a = asarray(a)
    return a.reshape(1) if a.ndim == 0 else a


def _float_dtype(d):
    return D.float64 if d.kind in "biu" else d


def poly(seq_of_zeros):
    """``np.poly``: coefficients of the monic polynomial with the given roots (or of a
    square matrix's characteristic polynomial)."""
    seq = asarray(seq_of_zeros)
    sh = seq.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        from .linalg import eigvals
        seq = eigvals(seq)
    elif len(sh) == 1:
        pass
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if seq.shape[0] == 0:
        return 1.0
    dt = _float_dtype(seq.dtype)
    a = ones((1,), dtype=dt)
    for z in seq:
        a = convolve(a, array([1, -z], dtype=dt), mode="full")
    if a.dtype.kind == "c":
        values = [complex(v) for v in seq.astype(D.complex128).tolist()]
        key = lambda z: (z.real, z.imag)  # noqa: E731
        if sorted(values, key=key) == sorted((v.conjugate() for v in values), key=key):
            a = a.real.copy()
    return a


def roots(p):
    """``np.roots``: roots of the polynomial (eigenvalues of the companion matrix)."""
    p = _atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = [i for i, v in enumerate(U.not_equal(p, 0).tolist()) if v]
    if not nz:
        return array([])
    trailing = len(p) - nz[-1] - 1
    p = p[nz[0]:nz[-1] + 1]
    if p.dtype.kind not in "fc":
        p = p.astype(D.float64)
    n = len(p)
    if n > 1:
        from .linalg import eigvals
        A = diag(ones((n - 2,), dtype=p.dtype), -1)
        A[0, :] = -p[1:] / p[0]
        r = eigvals(A)
    else:
        r = array([], dtype=p.dtype)
    return concatenate((r, zeros(trailing, dtype=r.dtype)))


def polyint(p, m=1, k=None):
    """``np.polyint``: the ``m``-th antiderivative, integration constants ``k``."""
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = zeros(m, dtype=D.float64)
    k = _atleast_1d(k)
    if len(k) == 1 and m > 1:
        k = k[0] * ones(m, dtype=k.dtype)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    truepoly = isinstance(p, poly1d)
    p = asarray(p)
    if m == 0:
        return poly1d(p) if truepoly else p
    y = concatenate((p / arange(len(p), 0, -1), k[:1]))
    val = polyint(y, m - 1, k=k[1:])
    return poly1d(val) if truepoly else val


def polyder(p, m=1):
    """``np.polyder``: the ``m``-th derivative."""
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    truepoly = isinstance(p, poly1d)
    p = asarray(p)
    n = len(p) - 1
    y = p[:-1] * arange(n, 0, -1)
    val = p if m == 0 else polyder(y, m - 1)
    return poly1d(val) if truepoly else val


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """``np.polyfit``: least-squares polynomial fit (through ``linalg.lstsq``)."""
    from . import linalg
    from ._dtypes import finfo
    order = int(deg) + 1
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = len(x) * finfo(x.dtype).eps
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, None]
        rhs = rhs * (w if rhs.ndim == 1 else w[:, None])
    scale = U.sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale
    c, resids, rank, s = linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        vbase = linalg.inv(lhs.T @ lhs)
        vbase = vbase / (scale[:, None] * scale[None, :])
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order to scale the "
                                 "covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, vbase * fac
        return c, vbase[:, :, None] * fac
    return c


def polyval(p, x):
    """``np.polyval``: evaluate by Horner's rule (``x`` may be a ``poly1d``)."""
    if isinstance(x, poly1d):
        y = poly1d(0)
        for pv in asarray(p):
            y = y * x + pv
        return y
    p = asarray(p)
    x = asanyarray(x)
    y = zeros_like(x)
    for pv in p:
        y = y * x + pv
    return y


def _pair(a1, a2):
    a1, a2 = _atleast_1d(a1), _atleast_1d(a2)
    diff = len(a2) - len(a1)
    if diff > 0:
        a1 = concatenate((zeros(diff, dtype=a1.dtype), a1))
    elif diff < 0:
        a2 = concatenate((zeros(-diff, dtype=a2.dtype), a2))
    return a1, a2


def polyadd(a1, a2):
    """``np.polyadd``."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    x, y = _pair(a1, a2)
    val = x + y
    return poly1d(val) if truepoly else val


def polysub(a1, a2):
    """``np.polysub``."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    x, y = _pair(a1, a2)
    val = x - y
    return poly1d(val) if truepoly else val


def polymul(a1, a2):
    """``np.polymul``: the product (a convolution of the coefficients)."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    val = convolve(_atleast_1d(asarray(a1)), _atleast_1d(asarray(a2)))
    return poly1d(val) if truepoly else val


def polydiv(u, v):
    """``np.polydiv``: (quotient, remainder) of polynomial long division."""
    truepoly = isinstance(u, poly1d) or isinstance(v, poly1d)
    u = _atleast_1d(u) + 0.0
    v = _atleast_1d(v) + 0.0
    w = u[0] + v[0]
    m, n = len(u) - 1, len(v) - 1
    scale = 1.0 / v[0]
    q = zeros((max(m - n + 1, 1),), dtype=w.dtype)
    r = u.astype(w.dtype)
    for k in range(m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while bool(isclose(r[0], 0, rtol=1e-14, atol=1e-8)) and r.shape[-1] > 1:
        r = r[1:]
    if truepoly:
        return poly1d(q), poly1d(r)
    return q, r


_POWER = re.compile(r"\*\*([0-9]*)")


def _raise_power(text, wrap=70):
    """Write ``x**2`` as a superscript line above the polynomial (NumPy's ``str``)."""
    pos, top, bottom, out = 0, "", "", " "
    for match in _POWER.finditer(text):
        power = match.group(1)
        part = text[pos:match.start()]
        pos = match.end()
        add_bottom = part + " " * (len(power) - 1)
        add_top = " " * (len(part) - 1) + power
        if len(bottom) + len(add_bottom) > wrap or len(top) + len(add_top) > wrap:
            out += top + "\n" + bottom + "\n "
            top, bottom = add_top, add_bottom
        else:
            top += add_top
            bottom += add_bottom
    out += top + "\n" + bottom
    return out + text[pos:]


def _fmt_float(q):
    s = "%.4g" % q
    return s[:-5] if s.endswith(".0000") else s


class poly1d:
    """``np.poly1d``: a one-dimensional polynomial, coefficients highest power first."""

    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c = _atleast_1d(c_or_r)
        if c.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c = trim_zeros(c, trim="f")
        if len(c) == 0:
            c = array([0], dtype=c.dtype)
        self._coeffs = c
        self._variable = "x" if variable is None else variable

    # coefficient views
    @property
    def coeffs(self):
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    c = coef = coefficients = coeffs

    @property
    def variable(self):
        return self._variable

    @property
    def order(self):
        return len(self._coeffs) - 1

    o = order

    @property
    def roots(self):
        return roots(self._coeffs)

    r = roots

    def __array__(self, t=None, copy=None):
        return self._coeffs.__array__(t) if t is not None else self._coeffs.__array__()

    def __len__(self):
        return self.order

    def __repr__(self):
        vals = repr(self._coeffs)
        vals = vals[6:-1]  # strip "array(" and ")"
        return f"poly1d({vals})"

    def __str__(self):
        var = self._variable
        vals = self._coeffs.tolist()
        first = next((i for i, v in enumerate(vals) if v != 0), len(vals))
        vals = vals[first:]
        n = len(vals) - 1
        text = "0"
        for k, coeff in enumerate(vals):
            if isinstance(coeff, complex) and coeff.imag != 0:
                if coeff.real == 0:
                    coefstr = f"{_fmt_float(coeff.imag)}j"
                else:
                    coefstr = f"({_fmt_float(coeff.real)} + {_fmt_float(coeff.imag)}j)"
            else:
                coefstr = _fmt_float(coeff.real if isinstance(coeff, complex) else coeff)
            power = n - k
            if power == 0:
                new = coefstr if coefstr != "0" else ("0" if k == 0 else "")
            elif coefstr == "0":
                new = ""
            elif power == 1:
                new = f"{coefstr} {var}"
            else:
                new = f"{coefstr} {var}**{power}"
            if k > 0:
                if new:
                    text = f"{text} - {new[1:]}" if new.startswith("-") else f"{text} + {new}"
            else:
                text = new
        return _raise_power(text)

    def __call__(self, val):
        return polyval(self._coeffs, val)

    def __neg__(self):
        return poly1d(-self._coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if _is_scalar(other):
            return poly1d(self._coeffs * other)
        return poly1d(polymul(self._coeffs, poly1d(other)._coeffs))

    def __rmul__(self, other):
        if _is_scalar(other):
            return poly1d(other * self._coeffs)
        return poly1d(polymul(poly1d(other)._coeffs, self._coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self._coeffs, poly1d(other)._coeffs))

    def __radd__(self, other):
        return poly1d(polyadd(poly1d(other)._coeffs, self._coeffs))

    def __sub__(self, other):
        return poly1d(polysub(self._coeffs, poly1d(other)._coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other)._coeffs, self._coeffs))

    def __pow__(self, val):
        if not isinstance(val, int) or isinstance(val, bool) or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = array([1])
        for _ in range(val):
            res = polymul(self._coeffs, res)
        return poly1d(res)

    def __truediv__(self, other):
        if _is_scalar(other):
            return poly1d(self._coeffs / other)
        return polydiv(self, poly1d(other))

    __div__ = __truediv__

    def __rtruediv__(self, other):
        if _is_scalar(other):
            return poly1d(other / self._coeffs)
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self._coeffs.shape != other._coeffs.shape:
            return False
        return bool(_all(self._coeffs == other._coeffs))

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order or val < 0:
            return self._coeffs.dtype.type(0)
        return self._coeffs[ind]

    def __setitem__(self, key, val):
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            extra = zeros(key - self.order, dtype=self._coeffs.dtype)
            self._coeffs = concatenate((extra, self._coeffs))
        self._coeffs[self.order - key] = val

    def __iter__(self):
        return iter(self._coeffs)

    def integ(self, m=1, k=0):
        return poly1d(polyint(self._coeffs, m=m, k=k))

    def deriv(self, m=1):
        return poly1d(polyder(self._coeffs, m=m))


def _is_scalar(x):
    return isinstance(x, (bool, int, float, complex)) or (
        not isinstance(x, (poly1d, list, tuple)) and asarray(x).ndim == 0)

