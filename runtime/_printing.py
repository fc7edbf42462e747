"""Array and scalar printing, character for character as NumPy 2.4 prints.

Three layers:

* digits: the shortest decimal that reads back as the same float of its own
  width (float16/32/64), or the exact binary value rounded half-to-even at a
  cut-off.  Python's ``repr`` gives the float64 digits; float16/32 digits come
  from exact integer arithmetic on the rounding interval.
* one number: ``format_float_positional`` / ``format_float_scientific`` turn
  digits into text (trim modes, sign, padding, exponent width).
* one array: the edges of a summarised array are sliced on the tensor first,
  copied to Python once, a formatter is fitted to the values that will be
  shown (common width, positional or scientific, digits), and the nested
  lists are laid out with NumPy's wrapping and bracket rules.

Print options live in a context variable, so ``printoptions`` is safe in
threads and asyncio tasks, as in NumPy 2.
"""

import contextlib
import contextvars
import functools
import math
import operator
import struct
import sys

import torch

from . import _dtypes as D
from ._casting import plain

__all__ = [
    "set_printoptions", "get_printoptions", "printoptions", "array2string",
    "array_repr", "array_str", "format_float_positional", "format_float_scientific",
]

# --------------------------------------------------------------------------
# print options
# --------------------------------------------------------------------------

_NO_LEGACY = sys.maxsize
_LEGACY_CODES = {"1.25": 125, "2.1": 201, "2.2": 202}
_FLOATMODES = ("fixed", "unique", "maxprec", "maxprec_equal")

_DEFAULTS = {
    "edgeitems": 3, "threshold": 1000, "floatmode": "maxprec", "precision": 8,
    "suppress": False, "linewidth": 75, "nanstr": "nan", "infstr": "inf",
    "sign": "-", "formatter": None, "legacy": _NO_LEGACY, "override_repr": None,
}
_options = contextvars.ContextVar("np2torch_printoptions", default=_DEFAULTS)


def _checked_options(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None,
                     sign=None, floatmode=None, legacy=None, override_repr=None):
    """Validate the given options; return only those that were supplied."""
    given = {}
    if floatmode is not None:
        if floatmode not in _FLOATMODES:
            raise ValueError("floatmode option must be one of " +
                             ", ".join(f'"{m}"' for m in _FLOATMODES))
        given["floatmode"] = floatmode
    if sign is not None:
        if sign not in ("-", "+", " "):
            raise ValueError("sign option must be one of ' ', '+', or '-'")
        given["sign"] = sign
    if legacy is not None:
        if legacy is False:
            given["legacy"] = _NO_LEGACY
        elif legacy in _LEGACY_CODES:
            given["legacy"] = _LEGACY_CODES[legacy]
        elif isinstance(legacy, str) and legacy in ("1.13", "1.21"):
            raise NotImplementedError(
                f"np.set_printoptions: legacy={legacy!r} is not supported by np2torch")
        else:
            raise ValueError("legacy printing option can currently only be '1.13', '1.21', "
                             "'1.25', '2.1', '2.2' or `False`")
    if threshold is not None:
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
            raise TypeError("threshold must be numeric")
        if threshold != threshold:
            raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation")
        given["threshold"] = threshold
    if precision is not None:
        try:
            given["precision"] = operator.index(precision)
        except TypeError as e:
            raise TypeError("precision must be an integer") from e
        if given["precision"] < 0:
            raise ValueError("precision must be >= 0")
    for name, value in (("edgeitems", edgeitems), ("linewidth", linewidth)):
        if value is not None:
            given[name] = operator.index(value)
    for name, value in (("suppress", suppress), ("nanstr", nanstr), ("infstr", infstr)):
        if value is not None:
            given[name] = bool(value) if name == "suppress" else value
    if formatter is not None:
        given["formatter"] = formatter
    if override_repr is not None:
        given["override_repr"] = override_repr
    return given


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None, override_repr=None):
    """``np.set_printoptions``: change how arrays print in the current context.

    Options left as ``None`` keep their value; ``formatter`` is reset unless given.
    """
    given = _checked_options(precision, threshold, edgeitems, linewidth, suppress, nanstr,
                             infstr, formatter, sign, floatmode, legacy, override_repr)
    new = dict(_options.get())
    new.update(given)
    new["formatter"] = formatter
    new["override_repr"] = override_repr
    _options.set(new)


def get_printoptions():
    """``np.get_printoptions``: the current print options as a dict."""
    opts = dict(_options.get())
    code = opts["legacy"]
    opts["legacy"] = False if code == _NO_LEGACY else next(
        k for k, v in _LEGACY_CODES.items() if v == code)
    return opts


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """``np.printoptions``: set print options inside a ``with`` block."""
    token = _options.set(dict(_options.get()))
    try:
        set_printoptions(*args, **kwargs)
        yield get_printoptions()
    finally:
        _options.reset(token)


# --------------------------------------------------------------------------
# digits
# --------------------------------------------------------------------------

# significand bits, minimum normal exponent, |x| from which a scalar's str
# turns scientific, struct code, |x| from which an array prints scientific
_FLOAT_INFO = {
    "float16": (11, -14, 1e3, "e", 1e3),
    "float32": (24, -126, 1e6, "f", 1e6),
    "float64": (53, -1022, 1e16, "d", 1e8),
}


def _to_width(x, code):
    """``x`` rounded to the float type with struct code ``code``."""
    if code == "d":
        return x
    try:
        return struct.unpack(code, struct.pack(code, x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _strip_zeros(n, q):
    if n == 0:
        return 0, 0
    while n % 10 == 0:
        n //= 10
        q += 1
    return n, q


@functools.lru_cache(maxsize=8192)
def _shortest(x, kind):
    """(n, q), n * 10**q the shortest decimal that reads back as ``x`` (> 0, finite).

    Among equally short decimals the one nearest ``x`` wins, as in Dragon4.
    """
    if kind == "float64":
        mantissa, _, exp = repr(x).partition("e")
        whole, _, frac = mantissa.partition(".")
        return _strip_zeros(int(whole + frac), int(exp or 0) - len(frac))
    bits, emin = _FLOAT_INFO[kind][:2]
    _, ex = math.frexp(x)
    e = max(ex - bits, emin - bits + 1)         # x == m * 2**e exactly
    m = int(math.ldexp(x, -e))
    # the rounding interval, in units of 2**(e-2); narrower below a power of two
    centre = 4 * m
    low = centre - (1 if m == 1 << (bits - 1) and e > emin - bits + 1 else 2)
    high = centre + 2
    closed = m % 2 == 0
    top = _exp10(x)

    def nearest_inside(ndigits):
        q = top - ndigits + 1
        unit = 10 ** max(q, 0) << max(2 - e, 0)     # one decimal step, over ...
        den = 10 ** max(-q, 0) << max(e - 2, 0)     # ... this, in interval units
        target = centre * den
        below = target // unit
        best = None
        for n in (below, below + 1):
            v = n * unit
            if (low * den < v < high * den) or (closed and low * den <= v <= high * den):
                key = (abs(v - target), n % 2, n)
                best = key if best is None or key < best else best
        return None if best is None else _strip_zeros(best[2], q)

    # fewest digits by bisection: an interval holding a k-digit decimal holds a (k+1)-digit one
    lo, hi = 1, 10
    found = nearest_inside(hi)
    while lo < hi:
        mid = (lo + hi) // 2
        got = nearest_inside(mid)
        if got is None:
            lo = mid + 1
        else:
            hi, found = mid, got
    return found


@functools.lru_cache(maxsize=8192)
def _exp10(x):
    """floor(log10(x)) for x > 0, exactly."""
    k = math.floor(math.log10(x))
    num, den = x.as_integer_ratio()

    def at_least(k):  # x >= 10**k
        return num >= den * 10 ** k if k >= 0 else num * 10 ** -k >= den
    while not at_least(k):
        k -= 1
    while at_least(k + 1):
        k += 1
    return k


def _cut(x, q):
    """(n, q): x cut at 10**q as NumPy's digit generator cuts it.

    The exact value is rounded half-to-even; zeros reached before the cut
    stay ("0.100"), but a round-up that carries drops the zeros it leaves
    behind (0.0999 at two places is "0.1").
    """
    n, q = _exact(x, q)
    num, den = x.as_integer_ratio()
    return _strip_zeros(n, q) if n * den * 10 ** max(q, 0) > num * 10 ** max(-q, 0) else (n, q)


def _digits_positional(ax, kind, precision, unique, fractional, min_digits=None):
    """(n, q): |x| ~ n * 10**q for positional notation.

    Unique mode prints the shortest digits that read back as ``x``; a
    ``precision`` shorter than that cuts the exact value, and ``min_digits``
    longer than that prints more of the exact value (NumPy's Dragon4).
    """
    if ax == 0:
        count = precision if not unique else min_digits
        if not count:
            return 0, 0
        return 0, -(count if fractional else count - 1)
    if not unique:
        q = -precision if fractional else _exp10(ax) - precision + 1
        return _exact(ax, q, stop_early=True)
    n, q = _shortest(ax, kind)
    if fractional:
        if precision is not None and -q > precision:
            return _cut(ax, -precision)
        if min_digits is not None and -q < min_digits:
            return _exact(ax, -min_digits, carry=True)
        return n, q
    count = len(str(n))
    if precision is not None and count > precision:
        return _cut(ax, _exp10(ax) - precision + 1)
    if min_digits and count < min_digits:
        return _exact(ax, _exp10(ax) - min_digits + 1, carry=True)
    return n, q


def _exact(x, q, stop_early=False, carry=False):
    """(n, q): x rounded half-to-even at 10**q, every digit kept.

    NumPy's digit generator stops early and so leaves no trailing zeros
    when a round-up carries (``carry``) and, with a fixed precision, when
    the value is used up (``stop_early``).
    """
    num, den = x.as_integer_ratio()
    if q <= 0:
        num *= 10 ** -q
    else:
        den *= 10 ** q
    n, r = divmod(num, den)
    up = 2 * r > den or (2 * r == den and n % 2)
    if up:
        n += 1
    if (stop_early or carry) and up or stop_early and r == 0:
        return _strip_zeros(n, q)
    return n, q


def _digits_scientific(ax, kind, precision, unique, min_digits=None):
    """(digit string, exponent) for |x|: value = d.ddd * 10**exponent."""
    if ax == 0:
        return "0", 0
    top = _exp10(ax)
    if unique:
        n, q = _shortest(ax, kind)
        digits = str(n)
        if precision is not None and len(digits) > precision + 1:
            n, q = _cut(ax, top - precision)
        elif min_digits and len(digits) <= min_digits:
            n, q = _exact(ax, top - min_digits, carry=True)
        else:
            return digits, len(digits) - 1 + q
    else:
        n, q = _exact(ax, top - precision, stop_early=True)
    digits = str(n)
    return digits, len(digits) - 1 + q


# --------------------------------------------------------------------------
# one number
# --------------------------------------------------------------------------

def _float_kind(x):
    """(Python float, float dtype name) of a number ``format_float_*`` accepts."""
    d = getattr(x, "_dtype", None)
    if d is None and hasattr(x, "dtype") and hasattr(x, "_t"):
        if x.ndim:
            raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
        d, x = x.dtype, x.item()
    if d is not None and d.kind == "f":
        return float(x._py() if hasattr(x, "_py") else x), d.name
    if d is not None and d.kind == "c":
        import warnings
        from .exceptions import ComplexWarning
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=3)
        v = complex(x)
        return v.real, ("float32" if d.name == "complex64" else "float64")
    if isinstance(x, complex):
        raise TypeError("must be real number, not complex")
    return float(x), "float64"


def _nonfinite(x, sign):
    if x != x:
        return "nan"
    return "-inf" if x < 0 else ("+inf" if sign else "inf")


def _check_args(precision, min_digits, unique, trim, pad_left, pad_right, exp_digits=None):
    for name, value in (("precision", precision), ("min_digits", min_digits),
                        ("pad_left", pad_left), ("pad_right", pad_right),
                        ("exp_digits", exp_digits)):
        if value is not None and operator.index(value) < 0:
            raise ValueError(f"{name} must be >= 0")
    if trim not in ("k", ".", "0", "-"):
        raise TypeError(f"if supplied, trim must be 'k', '.', '0' or '-' found `{trim}`")
    if not unique and precision is None:
        raise TypeError("in non-unique mode `precision` must be supplied")
    if min_digits is not None and precision is not None and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")


def _head(x, sign, whole, pad_left):
    """The sign and whole part, right-aligned in ``pad_left`` columns."""
    head = ("-" if math.copysign(1.0, x) < 0 else "+" if sign else "") + whole
    return head.rjust(pad_left) if pad_left else head


def _trimmed(frac, trim, min_digits):
    """Fraction digits after padding to ``min_digits`` and trimming; None: no point."""
    if min_digits and len(frac) < min_digits:
        frac += "0" * (min_digits - len(frac))
    if trim == "k":
        return frac
    frac = frac.rstrip("0")
    if trim == "0" and not frac:
        return "0"
    if trim == "-" and not frac:
        return None
    return frac


def _positional(x, kind, precision=None, unique=True, fractional=True, trim="k",
                sign=False, pad_left=None, pad_right=None, min_digits=None):
    if not math.isfinite(x):
        return _nonfinite(x, sign)
    ax = abs(x)
    n, q = _digits_positional(ax, kind, precision, unique, fractional, min_digits)
    s = str(n)
    if q >= 0:
        whole, frac = s + "0" * q, ""
    else:
        s = s.rjust(1 - q, "0")
        whole, frac = s[:q], s[q:]
    if not fractional:
        # counts are of digits, the whole part's included (a lone "0" too)
        count = precision if not unique else min_digits
        min_digits = count - len(whole) if count else None
    elif not unique:
        frac = frac.ljust(precision, "0")
    frac = _trimmed(frac, trim, min_digits)
    head = _head(x, sign, whole, pad_left)
    tail = "" if frac is None else "." + frac
    if pad_right is not None:
        tail = tail.ljust(pad_right + 1)
    return head + tail


def _scientific(x, kind, precision=None, unique=True, trim="k", sign=False,
                pad_left=None, exp_digits=None, min_digits=None):
    if not math.isfinite(x):
        return _nonfinite(x, sign)
    ax = abs(x)
    digits, exponent = _digits_scientific(ax, kind, precision, unique, min_digits)
    frac = digits[1:]
    generated = bool(frac)
    if not unique:
        frac = frac.ljust(precision, "0")
    frac = _trimmed(frac, trim, min_digits)
    if frac is None and generated:
        frac = ""               # NumPy drops the point only if no digit followed it
    head = _head(x, sign, digits[0], pad_left)
    width = 2 if exp_digits is None else exp_digits
    exp_text = str(abs(exponent)) if exponent or width else ""
    tail = "" if frac is None else "." + frac
    return f"{head}{tail}e{'-' if exponent < 0 else '+'}{exp_text.zfill(width)}"


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """``np.format_float_positional``: a float in positional notation."""
    value, kind = _float_kind(x)
    _check_args(precision, min_digits, unique, trim, pad_left, pad_right)
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    return _positional(value, kind, precision, unique, fractional, trim, sign,
                       pad_left, pad_right, min_digits)


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    """``np.format_float_scientific``: a float in scientific notation."""
    value, kind = _float_kind(x)
    _check_args(precision, min_digits, unique, trim, pad_left, None, exp_digits)
    return _scientific(value, kind, precision, unique, trim, sign, pad_left,
                       exp_digits, min_digits)


# --------------------------------------------------------------------------
# scalars
# --------------------------------------------------------------------------

def _float_scalar_text(v, kind, trim_positional):
    if not math.isfinite(v):
        return _nonfinite(v, False)
    av = abs(v)
    # NumPy 2.3 made float16/float32 scalars turn scientific sooner
    large = _FLOAT_INFO[kind][2] if _options.get()["legacy"] > 202 else 1e16
    if av == 0 or 1e-4 <= av < large:
        return _positional(v, kind, trim=trim_positional)
    return _scientific(v, kind, trim="-")


def _complex_scalar_text(v, kind):
    imag = _float_scalar_text(v.imag, kind, "-")
    if imag[0] not in "+-":
        imag = "+" + imag
    if v.real == 0 and math.copysign(1.0, v.real) > 0:
        return (imag[1:] if imag[0] == "+" else imag) + "j", False
    return f"{_float_scalar_text(v.real, kind, '-')}{imag}j", True


def scalar_str(x):
    """``str`` of a NumPy scalar."""
    d = x._dtype
    v = x._py()
    kind = d.kind
    if kind == "f":
        return _float_scalar_text(v, d.name, "0")
    if kind == "c":
        text, paren = _complex_scalar_text(v, "float32" if d.name == "complex64" else "float64")
        return f"({text})" if paren else text
    return str(v)


def scalar_repr(x):
    """``repr`` of a NumPy scalar: ``np.float64(1.5)``, ``np.True_``."""
    d = x._dtype
    legacy = _options.get()["legacy"] <= 125
    if d.kind == "b":
        return str(bool(x._py())) if legacy else ("np.True_" if x._py() else "np.False_")
    if d.kind == "c":
        text, paren = _complex_scalar_text(x._py(), "float32" if d.name == "complex64" else "float64")
        if legacy:
            return f"({text})" if paren else text
    else:
        text = scalar_str(x)
    if legacy:
        return text
    if d.char in "gG":
        # NumPy quotes long doubles, so that the text round-trips at full precision
        return f"np.{d.type.__name__}('{text}')"
    return f"np.{d.name}({text})"


# --------------------------------------------------------------------------
# element formatters fitted to the values shown
# --------------------------------------------------------------------------

def _signbit(v):
    return math.copysign(1.0, v) < 0


class _FloatFormat:
    """Formats each float of an array so that all share one layout."""

    def __init__(self, values, kind, precision, floatmode, suppress, sign, nanstr, infstr,
                 legacy=_NO_LEGACY):
        self.kind, self.sign = kind, sign
        self.nanstr, self.infstr = nanstr, infstr
        self.precision = None if floatmode == "unique" else precision
        finite = [v for v in values if math.isfinite(v)]
        magnitudes = [abs(v) for v in finite if v != 0]
        self.scientific = False
        if magnitudes:
            code, large = _FLOAT_INFO[kind][3:]
            if legacy <= 202:
                large = 1e8             # before NumPy 2.3: one limit for every float type
            biggest, smallest = max(magnitudes), min(magnitudes)
            # NumPy compares in the array's own dtype (NEP 50: the limits are weak)
            ratio = _to_width(biggest / smallest, code)
            self.scientific = biggest >= large or (
                not suppress and (smallest < _to_width(1e-4, code) or ratio > 1000.0))
        plus = sign == "+"
        fixed = floatmode == "fixed"
        self.unique = not fixed
        if not finite:
            self.pad_left = self.pad_right = 0
            self.trim, self.exp_size, self.min_digits = ".", -1, None
        elif self.scientific:
            trim = "k" if fixed else "."
            texts = [_scientific(v, kind, self.precision, self.unique, trim, plus) for v in finite]
            mantissas, exps = zip(*(t.split("e") for t in texts))
            wholes, fracs = zip(*(m.split(".") for m in mantissas))
            self.exp_size = max(len(e) for e in exps) - 1
            self.precision = self.min_digits = max(len(f) for f in fracs)
            self.trim = "k"
            self.pad_left = max(len(w) for w in wholes)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            trim = "k" if fixed else "."
            texts = [_positional(v, kind, self.precision, self.unique, True, trim, plus)
                     for v in finite]
            wholes, fracs = zip(*(t.split(".") for t in texts))
            self.pad_left = max(len(w) for w in wholes)
            self.pad_right = max(len(f) for f in fracs)
            self.exp_size = -1
            if floatmode in ("fixed", "maxprec_equal"):
                self.precision = self.min_digits = self.pad_right
                self.trim = "k"
            else:
                self.trim, self.min_digits = ".", 0
        if sign == " " and not any(_signbit(v) for v in finite):
            self.pad_left += 1
        if len(finite) != len(values):
            neg_inf = sign != "-" or any(v == -math.inf for v in values)
            room = self.pad_right + 1
            self.pad_left = max(self.pad_left, len(nanstr) - room, len(infstr) + neg_inf - room)

    def __call__(self, v):
        if not math.isfinite(v):
            if v != v:
                text = ("+" if self.sign == "+" else "") + self.nanstr
            else:
                text = ("-" if v < 0 else "+" if self.sign == "+" else "") + self.infstr
            return text.rjust(self.pad_left + self.pad_right + 1)
        if self.scientific:
            return _scientific(v, self.kind, self.precision, self.unique, self.trim,
                               self.sign == "+", self.pad_left, self.exp_size, self.min_digits)
        return _positional(v, self.kind, self.precision, self.unique, True, self.trim,
                           self.sign == "+", self.pad_left, self.pad_right, self.min_digits)


class _ComplexFormat:
    def __init__(self, values, kind, precision, floatmode, suppress, sign, nanstr, infstr,
                 legacy=_NO_LEGACY):
        self.real = _FloatFormat([v.real for v in values], kind, precision, floatmode,
                                 suppress, sign, nanstr, infstr, legacy)
        self.imag = _FloatFormat([v.imag for v in values], kind, precision, floatmode,
                                 suppress, "+", nanstr, infstr, legacy)

    def __call__(self, v):
        imag = self.imag(v.imag)
        end = len(imag.rstrip())
        return self.real(v.real) + imag[:end] + "j" + imag[end:]


def _int_format(values, sign):
    if not values:
        return str
    low, high = min(values), max(values)
    if sign == "+":
        width = max(len(format(low, "+d")), len(format(high, "+d")))
        spec = f"+{width}d"
    else:
        # ' ' keeps a column for the sign only while nothing is negative
        width = max(len(str(low)), len(str(high))) + (sign == " " and low >= 0)
        spec = f"{width}d"
    return lambda v: format(v, spec)


def _bool_format(ndim):
    true = " True" if ndim else "True"
    return lambda v: true if v else "False"


_FORMATTER_KEYS = {"b": ("bool",), "i": ("int", "int_kind"), "u": ("int", "int_kind"),
                   "f": ("float", "float_kind"), "c": ("complexfloat", "complex_kind"),
                   "O": ("object",), "m": ("timedelta",), "S": ("numpystr",),
                   "U": ("numpystr",), "V": ("void",)}


def _record_format(v):
    fields = [repr(plain(x)) if isinstance(x, (bytes, str)) else str(x) for x in v]
    return "(" + ", ".join(fields) + ("," if len(fields) == 1 else "") + ")"


def _object_format(v):
    # lists are spelled out, so that they cannot be read as a dimension
    return f"list({v!r})" if type(v) is list else repr(v)


def _element_format(dtype, values, ndim, opts):
    formatter = opts["formatter"]
    if formatter:
        for key in _FORMATTER_KEYS[dtype.kind] + ("all",):
            if formatter.get(key) is not None:
                return formatter[key]
    kind = dtype.kind
    if kind == "b":
        return _bool_format(ndim)
    if kind == "O":
        return _object_format
    if kind in "SU":
        return lambda v: repr(plain(v))
    if kind == "V":
        return _record_format
    if kind == "m":
        from ._datetime import formatter
        return formatter(values)
    if kind in "iu":
        return _int_format(values, opts["sign"])
    args = (opts["precision"], opts["floatmode"], opts["suppress"], opts["sign"],
            opts["nanstr"], opts["infstr"], opts["legacy"])
    if kind == "f":
        return _FloatFormat(values, dtype.name, *args)
    return _ComplexFormat(values, "float32" if dtype.name == "complex64" else "float64", *args)


# --------------------------------------------------------------------------
# arrays
# --------------------------------------------------------------------------

def _edges(t, edgeitems):
    """The part of ``t`` a summarised print shows: the first and last items of each long axis."""
    for axis, n in enumerate(t.shape):
        if n > 2 * edgeitems:
            back = t.narrow(axis, n - edgeitems, edgeitems) if edgeitems else t
            t = torch.cat((t.narrow(axis, 0, edgeitems), back), axis)
    return t


def _python_values(t, dtype):
    if dtype._pooled:
        return _map_nested(t.cpu().tolist(), dtype.pool.__getitem__, t.ndim)
    t = t.detach()
    if t.is_conj():
        t = t.resolve_conj()
    if t.is_neg():
        t = t.resolve_neg()
    values = t.cpu().tolist()
    if dtype is D.uint64:
        values = _map_nested(values, lambda v: v + (1 << 64) if v < 0 else v, t.ndim)
    return values


def _map_nested(values, fn, depth):
    if depth == 0:
        return fn(values)
    return [_map_nested(v, fn, depth - 1) for v in values]


def _flatten(values, depth, out):
    if depth == 0:
        out.append(values)
    elif depth == 1:
        out.extend(values)
    else:
        for v in values:
            _flatten(v, depth - 1, out)
    return out


def _add_word(done, line, word, width, indent):
    """Append ``word`` to ``line``, first moving ``line`` into ``done`` if it would overflow."""
    if len(line) + len(word) > width and len(line) > len(indent):
        done.append(line.rstrip())
        line = indent
    return line + word


def _layout(values, shape, fmt, width, indent, separator, edgeitems, summarise):
    """NumPy's nested-bracket layout of ``values`` (nested lists of ``shape``)."""
    ndim = len(shape)

    def render(node, axis, indent, width):
        if axis == ndim:
            return fmt(node)
        n = shape[axis]
        cut = summarise and 2 * edgeitems < n
        if cut:
            front, back = node[:edgeitems], (node[edgeitems:] if edgeitems else node[-1:])
        else:
            front, back = [], node
        inner_indent, inner_width = indent + " ", width - 1
        if axis == ndim - 1:
            words = [fmt(v) for v in front]
            if cut:
                words.append("...")
            words.extend(fmt(v) for v in back)
            limit = width - max(len(separator.rstrip()), 1)
            done, line = [], indent
            last = len(words) - 1
            for i, word in enumerate(words):
                line = _add_word(done, line, word, limit, indent)
                if i != last:
                    line += separator
            done.append(line)
            body = "\n".join(done)
        else:
            rows = [render(v, axis + 1, inner_indent, inner_width) for v in front]
            if cut:
                rows.append("...")
            rows.extend(render(v, axis + 1, inner_indent, inner_width) for v in back)
            row_sep = separator.rstrip() + "\n" * (ndim - axis - 1)
            body = (row_sep + indent).join(rows)
            body = indent + body
        return "[" + body[len(indent):] + "]"

    return render(values, 0, indent, width)


def _as_array(a):
    if hasattr(a, "_t") and hasattr(a, "_dtype"):
        return a
    from ._ndarray import asarray
    return asarray(a)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", *, formatter=None, threshold=None, edgeitems=None, sign=None,
                 floatmode=None, suffix="", legacy=None):
    """``np.array2string``: the text of an array's elements in brackets."""
    a = _as_array(a)
    opts = dict(_options.get())
    opts.update(_checked_options(precision, threshold, edgeitems, max_line_width, suppress_small,
                                 None, None, formatter, sign, floatmode, legacy))
    if max_line_width is not None:
        opts["linewidth"] = max_line_width
    t = a._t
    if t.numel() == 0:
        return "[]"
    return _array_text(t, a._dtype, opts, separator, prefix, suffix)


def _array_text(t, dtype, opts, separator, prefix, suffix):
    dtype = dtype._nbo  # the byte order does not change how values print
    summarise = t.numel() > opts["threshold"]
    edgeitems = opts["edgeitems"]
    shown = _edges(t, edgeitems) if summarise else t
    values = _python_values(shown, dtype)
    fmt = _element_format(dtype, _flatten(values, t.ndim, []), t.ndim, opts)
    return _layout(values, tuple(t.shape), fmt, opts["linewidth"] - len(suffix),
                   " " + " " * len(prefix), separator, edgeitems, summarise)


_IMPLIED = ("float64", "int64", "bool", "complex128")


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """``np.array_repr``: ``array([1, 2], dtype=int8)``."""
    arr = _as_array(arr)
    opts = dict(_options.get())
    opts.update(_checked_options(precision, None, None, max_line_width, suppress_small))
    if max_line_width is not None:
        opts["linewidth"] = max_line_width
    t, d = arr._t, arr._dtype
    prefix = "array("
    shape = tuple(t.shape)
    size = t.numel()
    extras = []
    if size == 0 and shape != (0,):
        body = "[]"
        extras.append(f"shape={shape!r}")
    elif size == 0:
        body = "[]"
    else:
        body = _array_text(t, d, opts, ", ", prefix, ")")
        if size > opts["threshold"] and opts["legacy"] > 202:
            extras.append(f"shape={shape!r}")
    text = prefix + body + ")"
    if not d.isnative:
        extras.append(f"dtype='{d.str}'")
    elif d.name not in _IMPLIED or size == 0 or d._nbo is not d:  # longlong shows dtype=int64
        if d.kind in "SU":
            extras.append(f"dtype='{d.str}'")
        elif d.kind == "V":
            extras.append(f"dtype={d.descr!r}")
        else:
            extras.append(f"dtype={d.name}" if d.name.isidentifier() else f"dtype='{d.name}'")
    if not extras:
        return text
    extra = ", ".join(extras)
    last_line = len(text) - (text.rfind("\n") + 1)
    spacer = " "
    if last_line + len(extra) + 2 > opts["linewidth"]:    # the line as it would end
        spacer = "\n" + " " * len(prefix)
    return f"{text[:-1]},{spacer}{extra})"


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """``np.array_str``: the elements in brackets, as ``print(a)`` shows them."""
    a = _as_array(a)
    if a._t.ndim == 0:
        from ._ndarray import box
        v = box(a._t, a._dtype)
        return repr(v) if isinstance(v, bytes) else str(v)  # NumPy guards bytes with repr
    return array2string(a, max_line_width, precision, suppress_small, " ", "")


def ndarray_repr(a):
    """``repr(a)`` for ndarray: ``override_repr`` when set, else ``array_repr``."""
    override = _options.get()["override_repr"]
    return override(a) if override is not None else array_repr(a)
