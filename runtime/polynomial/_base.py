"""The series classes of ``numpy.polynomial`` (``Polynomial``, ``Chebyshev``, ...)
and the per-basis coefficient functions (``polyval``, ``chebfit``, ...)."""

import torch

from .. import _dtypes as D
from .._creation import linspace as _linspace
from .._ndarray import _wrap, asarray
from . import _series as S

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def coefficient_functions(basis, prefix):
    """The module-level functions of one basis, NumPy's names (``chebval``, ...)."""
    T = S.as_tensor

    def val(x, c, tensor=True):
        return basis.val(x, c, tensor)

    def vander(x, deg):
        return basis.vander(x, deg)

    def add(c1, c2):
        return S.out(basis.add_t(T(c1), T(c2)))

    def sub(c1, c2):
        return S.out(basis.add_t(T(c1), T(c2), sign=-1))

    def mul(c1, c2):
        return S.out(basis.mul_t(T(c1), T(c2)))

    def mulx(c):
        return S.out(basis.mulx_t(T(c)))

    def div(c1, c2):
        q, r = basis.div_t(T(c1), T(c2))
        return S.out(q), S.out(r)

    def pow(c, pow, maxpower=16):  # noqa: A001 - NumPy's parameter name
        return S.out(basis.pow_t(T(c), pow, maxpower))

    def der(c, m=1, scl=1, axis=0):
        return basis.der(c, m, scl, axis)

    def integ(c, m=1, k=[], lbnd=0, scl=1, axis=0):  # noqa: B006 - NumPy's default
        return basis.integ(c, m, k, lbnd, scl, axis)

    def roots(c):
        r = basis.roots_t(T(c))
        return _sorted_roots(r)

    def fromroots(roots):
        r = asarray(roots).reshape(-1)
        t = r._t.to(torch.complex128 if r.dtype.kind == "c" else torch.float64)
        return S.out(basis.fromroots_t(t))

    def line(off, scl):
        if scl == 0:
            return S.out(torch.tensor([float(off)], dtype=torch.float64))
        return S.out(basis.line_t(off, scl))

    def fit(x, y, deg, rcond=None, full=False, w=None):
        return basis.fit(x, y, deg, rcond, full, w)

    def trim(c, tol=0):
        return trimcoef(c, tol)

    names = {"val": val, "vander": vander, "add": add, "sub": sub, "mul": mul, "mulx": mulx,
             "div": div, "pow": pow, "der": der, "int": integ, "roots": roots,
             "fromroots": fromroots, "line": line, "fit": fit, "trim": trim}
    funcs = {}
    for suffix, fn in names.items():
        fn.__name__ = prefix + suffix
        fn.__qualname__ = prefix + suffix
        funcs[prefix + suffix] = fn
    return funcs


def _sorted_roots(t):
    if t.is_complex():
        if bool((t.imag == 0).all()):
            t = t.real
        else:
            order = sorted(range(t.shape[0]), key=lambda i: (float(t[i].real), float(t[i].imag)))
            return S.out(t[order])
    return S.out(torch.sort(t).values)


def trimcoef(c, tol=0):
    """``polyutils.trimcoef``: drop trailing coefficients with ``|c| <= tol``."""
    if tol < 0:
        raise ValueError("tol must be non-negative")
    t = S.as_tensor(c)
    keep = torch.nonzero(t.abs() > tol).reshape(-1)
    if keep.numel() == 0:
        return S.out(t[:1] * 0)
    return S.out(t[:int(keep[-1]) + 1].clone())


def getdomain(x):
    """``polyutils.getdomain``: the smallest interval (or box) holding ``x``."""
    a = asarray(x)
    t = a._t
    if a.dtype.kind == "c":
        rmin, rmax = t.real.min(), t.real.max()
        imin, imax = t.imag.min(), t.imag.max()
        return S.out(torch.stack([torch.complex(rmin, imin), torch.complex(rmax, imax)]))
    t = t.to(torch.float64)
    return S.out(torch.stack([t.min(), t.max()]))


def mapparms(old, new):
    """``polyutils.mapparms``: (off, scl) with ``new = off + scl * old``."""
    o = asarray(old).tolist()
    n = asarray(new).tolist()
    oldlen = o[1] - o[0]
    newlen = n[1] - n[0]
    off = (o[1] * n[0] - o[0] * n[1]) / oldlen
    scl = newlen / oldlen
    return off, scl


def mapdomain(x, old, new):
    """``polyutils.mapdomain``: map ``x`` from interval ``old`` to ``new``."""
    off, scl = mapparms(old, new)
    return off + scl * asarray(x)


class ABCPolyBase:
    """A series in one basis with a domain mapped linearly onto a window."""

    __hash__ = None
    __array_ufunc__ = None
    maxpower = 100
    _basis = None
    basis_name = None
    domain = None
    window = None
    _series_basis = True

    def __init__(self, coef, domain=None, window=None, symbol="x"):
        self.coef = S.out(S.as_tensor(coef).clone())
        if domain is not None:
            domain = asarray(domain) + 0.0
            if domain.shape != (2,):
                raise ValueError("Domain has wrong number of elements.")
            self.domain = domain
        else:
            self.domain = asarray(type(self).domain)
        if window is not None:
            window = asarray(window) + 0.0
            if window.shape != (2,):
                raise ValueError("Window has wrong number of elements.")
            self.window = window
        else:
            self.window = asarray(type(self).window)
        if not isinstance(symbol, str) or not symbol.isidentifier():
            raise ValueError("Symbol string must be a valid Python identifier")
        self._symbol = symbol

    @property
    def symbol(self):
        return self._symbol

    # -- comparisons and basic info ----------------------------------------------------
    def has_samecoef(self, other):
        return (self.coef.shape == other.coef.shape
                and bool((self.coef == other.coef).all()))

    def has_samedomain(self, other):
        return bool((self.domain == other.domain).all())

    def has_samewindow(self, other):
        return bool((self.window == other.window).all())

    def has_sametype(self, other):
        return isinstance(other, type(self))

    def __eq__(self, other):
        return (isinstance(other, type(self)) and self.has_samecoef(other)
                and self.has_samedomain(other) and self.has_samewindow(other)
                and self.symbol == other.symbol)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __len__(self):
        return len(self.coef)

    def degree(self):
        return len(self) - 1

    def copy(self):
        return type(self)(self.coef, self.domain, self.window, self.symbol)

    def mapparms(self):
        return mapparms(self.domain, self.window)

    # -- text ----------------------------------------------------------------------------
    def __repr__(self):
        coef = repr(self.coef)[6:-1]
        domain = repr(self.domain)[6:-1]
        window = repr(self.window)[6:-1]
        return (f"{type(self).__name__}({coef}, domain={domain}, window={window}, "
                f"symbol='{self.symbol}')")

    def _term(self, i):
        if self.basis_name is None:
            if i == 0:
                return ""
            return self.symbol if i == 1 else f"{self.symbol}{str(i).translate(_SUPERSCRIPTS)}"
        return f"{self.basis_name}{str(i).translate(_SUBSCRIPTS)}({self.symbol})"

    def __str__(self):
        parts = []
        for i, v in enumerate(self.coef.tolist()):
            if isinstance(v, complex):
                text, neg = str(v), False
            else:
                neg = v < 0 or (v == 0 and str(v).startswith("-"))
                text = repr(float(abs(v)))
            term = self._term(i)
            piece = f"{text}·{term}" if term else text
            if not parts:
                parts.append(("-" + piece) if neg else piece)
            else:
                parts.append(("- " if neg else "+ ") + piece)
        return " ".join(parts)

    def __format__(self, fmt_str):
        if fmt_str == "":
            return self.__str__()
        if fmt_str not in ("ascii", "unicode"):
            raise ValueError(f"Unsupported format string '{fmt_str}' passed to "
                             f"{type(self)}.__format__. Valid options are 'ascii' and 'unicode'")
        return self.__str__()

    # -- evaluation ----------------------------------------------------------------------
    def __call__(self, arg):
        off, scl = self.mapparms()
        if isinstance(arg, ABCPolyBase):
            x = arg * scl + off
        else:
            x = off + scl * asarray(arg)
        return self._basis.val(x, self.coef)

    def __iter__(self):
        return iter(self.coef)

    # -- arithmetic ------------------------------------------------------------------------
    def _other_coef(self, other):
        if isinstance(other, ABCPolyBase):
            if not isinstance(other, type(self)):
                raise TypeError("Polynomial types differ")
            if not self.has_samedomain(other):
                raise TypeError("Domains differ")
            if not self.has_samewindow(other):
                raise TypeError("Windows differ")
            if self.symbol != other.symbol:
                raise ValueError("Polynomial symbols differ")
            return other.coef._t
        return S.as_tensor(other)

    def _new(self, t):
        return type(self)(S.out(t), self.domain, self.window, self.symbol)

    def __neg__(self):
        return self._new(-self.coef._t)

    def __pos__(self):
        return self

    def __add__(self, other):
        try:
            oc = self._other_coef(other)
        except (ValueError, TypeError) as e:
            if isinstance(other, ABCPolyBase):
                raise e
            return NotImplemented
        return self._new(self._basis.add_t(self.coef._t, oc))

    def __sub__(self, other):
        try:
            oc = self._other_coef(other)
        except (ValueError, TypeError) as e:
            if isinstance(other, ABCPolyBase):
                raise e
            return NotImplemented
        return self._new(self._basis.add_t(self.coef._t, oc, sign=-1))

    def __mul__(self, other):
        try:
            oc = self._other_coef(other)
        except (ValueError, TypeError) as e:
            if isinstance(other, ABCPolyBase):
                raise e
            return NotImplemented
        return self._new(self._basis.mul_t(self.coef._t, oc))

    def __truediv__(self, other):
        if isinstance(other, ABCPolyBase) or asarray(other).ndim != 0:
            raise TypeError(f"unsupported types for true division: '{type(self)}', "
                            f"'{type(other)}'")
        return self.__floordiv__(other)

    def __floordiv__(self, other):
        return self.__divmod__(other)[0]

    def __mod__(self, other):
        return self.__divmod__(other)[1]

    def __divmod__(self, other):
        try:
            oc = self._other_coef(other)
        except (ValueError, TypeError) as e:
            if isinstance(other, ABCPolyBase):
                raise e
            return NotImplemented
        q, r = self._basis.div_t(self.coef._t, oc)
        return self._new(q), self._new(r)

    def __pow__(self, other):
        return self._new(self._basis.pow_t(self.coef._t, other, maxpower=self.maxpower))

    def __radd__(self, other):
        return self._new(self._basis.add_t(S.as_tensor(other), self.coef._t))

    def __rsub__(self, other):
        return self._new(self._basis.add_t(S.as_tensor(other), self.coef._t, sign=-1))

    def __rmul__(self, other):
        return self._new(self._basis.mul_t(S.as_tensor(other), self.coef._t))

    def __rtruediv__(self, other):
        return NotImplemented

    def __rdivmod__(self, other):
        q, r = self._basis.div_t(S.as_tensor(other), self.coef._t)
        return self._new(q), self._new(r)

    def __rfloordiv__(self, other):
        return self.__rdivmod__(other)[0]

    def __rmod__(self, other):
        return self.__rdivmod__(other)[1]

    # -- calculus and shaping -------------------------------------------------------------
    def trim(self, tol=0):
        return type(self)(trimcoef(self.coef, tol), self.domain, self.window, self.symbol)

    def truncate(self, size):
        isize = int(size)
        if isize != size or isize < 1:
            raise ValueError("size must be a positive integer")
        return type(self)(self.coef[:isize], self.domain, self.window, self.symbol)

    def cutdeg(self, deg):
        return self.truncate(deg + 1)

    def deriv(self, m=1):
        off, scl = self.mapparms()
        return type(self)(self._basis.der(self.coef, m, scl), self.domain, self.window,
                          self.symbol)

    def integ(self, m=1, k=[], lbnd=None):  # noqa: B006 - NumPy's default
        off, scl = self.mapparms()
        lbnd = 0 if lbnd is None else off + scl * lbnd
        coef = self._basis.integ(self.coef, m, k, lbnd, 1.0 / scl)
        return type(self)(coef, self.domain, self.window, self.symbol)

    def roots(self):
        r = _sorted_roots(self._basis.roots_t(self.coef._t))
        return mapdomain(r, self.window, self.domain)

    def linspace(self, n=100, domain=None):
        if domain is None:
            domain = self.domain
        d = asarray(domain).tolist()
        x = _linspace(d[0], d[1], n)
        return x, self(x)

    def convert(self, domain=None, kind=None, window=None):
        if kind is None:
            kind = type(self)
        if domain is None:
            domain = kind.domain
        if window is None:
            window = kind.window
        return self(kind.identity(domain, window=window, symbol=self.symbol))

    # -- constructors ---------------------------------------------------------------------
    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None, window=None,
            symbol="x"):
        if domain is None:
            domain = getdomain(x)
            if domain.dtype.kind != "c" and bool(domain[0] == domain[1]):
                domain = domain + asarray([-0.5, 0.5])
        elif isinstance(domain, list) and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        xnew = mapdomain(x, domain, window)
        res = cls._basis.fit(xnew, y, deg, rcond=rcond, full=full, w=w)
        if full:
            coef, status = res
            return cls(coef, domain=domain, window=window, symbol=symbol), status
        return cls(res, domain=domain, window=window, symbol=symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol="x"):  # noqa: B006
        r = asarray(roots).reshape(-1)
        if domain is None:
            domain = getdomain(r)
        elif isinstance(domain, list) and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        deg = r.shape[0]
        off, scl = mapparms(domain, window)
        rnew = off + scl * r
        t = rnew._t.to(torch.complex128 if rnew.dtype.kind == "c" else torch.float64)
        coef = cls._basis.fromroots_t(t) / scl ** deg
        return cls(S.out(coef), domain=domain, window=window, symbol=symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol="x"):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        off, scl = mapparms(window, domain)
        return cls(S.out(cls._basis.line_t(off, scl)), domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol="x"):
        ideg = int(deg)
        if ideg != deg or ideg < 0:
            raise ValueError("deg must be non-negative integer")
        c = torch.zeros(ideg + 1, dtype=torch.float64)
        c[-1] = 1
        return cls(S.out(c), domain, window, symbol)

    @classmethod
    def cast(cls, series, domain=None, window=None):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        return series.convert(domain, cls, window)


def make_class(name, basis, basis_name, domain):
    dom = _wrap(torch.tensor(domain, dtype=torch.float64), D.float64)
    return type(name, (ABCPolyBase,), {"_basis": basis, "basis_name": basis_name,
                                       "domain": dom, "window": dom,
                                       "__module__": "np2torch.runtime.polynomial",
                                       "__doc__": f"A {name} series (numpy.polynomial.{name})."})


