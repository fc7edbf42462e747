"""NumPy scalar types: ``np.float64``, ``np.int8``, ``np.bool_`` ...

They follow NumPy's class tree (``generic > number > integer > signedinteger
> int64`` ...).  ``float64`` subclasses ``float`` and ``complex128``
subclasses ``complex`` exactly as in NumPy, so ``isinstance``, hashing,
``json.dumps`` and f-strings behave the same.  Other scalars hold a Python
value of their exact type (an int within range, a float rounded to float32).
``longlong``/``ulonglong`` and ``longdouble``/``clongdouble`` are classes of
their own (the scalar types of the type-twin dtypes, see _dtypes) with the
values and arithmetic of int64/uint64 and float64/complex128.

Arithmetic between two scalars of the common cases (float64 with Python
numbers; same-typed integers) runs in pure Python; every other mix goes
through a 0-d array, which applies the same promotion and casting as arrays.
"""

import datetime
import math
import operator
import struct
import warnings

from . import _dtypes as D

__all__ = [
    "generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact",
    "floating", "complexfloating", "bool_", "int8", "int16", "int32", "int64",
    "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64",
    "complex64", "complex128", "longlong", "ulonglong", "longdouble", "clongdouble",
    "True_", "False_", "SCALAR_OF", "make_scalar",
    "issubdtype", "isdtype",
]


def _arr(x):
    from ._ndarray import asarray
    return asarray(x)


def _array_binop(op):
    def forward(self, other):
        if op is operator.mul and type(other) in (list, tuple):
            return _sequence_repeat(self, other)
        if _defer(other):
            return NotImplemented
        return op(_arr(self), other)

    def reflected(self, other):
        if op is operator.mul and type(other) in (list, tuple):
            return _sequence_repeat(self, other)
        if _defer(other):
            return NotImplemented
        return op(other if _is_py_number(other) else _arr(other), _arr(self))
    return forward, reflected


def _is_py_number(x):
    return type(x) in (int, float, complex, bool)


def _defer(other):
    """Let arrays (ours and torch's) handle mixed operations themselves, and
    defer to any type that opts out of NumPy with ``__array_ufunc__ = None``
    (NumPy's binop rule)."""
    from ._ndarray import ndarray
    return (isinstance(other, ndarray) or type(other).__module__.startswith("torch")
            or getattr(type(other), "__array_ufunc__", 0) is None)


class generic:
    """Base class of NumPy scalar types."""

    __slots__ = ()
    _dtype = None
    __array_priority__ = -1000000.0

    # -- array-like attributes ------------------------------------------------
    @property
    def dtype(self):
        return self._dtype

    shape = ()
    ndim = 0
    size = 1
    strides = ()
    base = None

    @property
    def itemsize(self):
        return self._dtype.itemsize

    @property
    def nbytes(self):
        return self._dtype.itemsize

    @property
    def T(self):
        return self

    @property
    def real(self):
        return _arr(self).real[()]

    @property
    def imag(self):
        return _arr(self).imag[()]

    def item(self, *args):
        return self._py()

    def tolist(self):
        return self._py()

    def astype(self, dtype, *args, **kwargs):
        return _arr(self).astype(dtype, *args, **kwargs)[()]

    def __array__(self, dtype=None, copy=None):
        return _arr(self).__array__(dtype, copy)

    def __getitem__(self, key):
        return _arr(self)[key]

    def __getattr__(self, name):
        # array methods (reshape, round, conj, sum, ...) act on a 0-d array
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_arr(self), name)

    def __repr__(self):
        from ._printing import scalar_repr
        return scalar_repr(self)

    def __str__(self):
        from ._printing import scalar_str
        return scalar_str(self)

    def __reduce__(self):
        return (type(self), (self._py(),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- generic arithmetic through 0-d arrays --------------------------------
    __add__, __radd__ = _array_binop(operator.add)
    __sub__, __rsub__ = _array_binop(operator.sub)
    __mul__, __rmul__ = _array_binop(operator.mul)
    __truediv__, __rtruediv__ = _array_binop(operator.truediv)
    __floordiv__, __rfloordiv__ = _array_binop(operator.floordiv)
    __mod__, __rmod__ = _array_binop(operator.mod)
    __pow__, __rpow__ = _array_binop(operator.pow)
    __and__, __rand__ = _array_binop(operator.and_)
    __or__, __ror__ = _array_binop(operator.or_)
    __xor__, __rxor__ = _array_binop(operator.xor)
    __lshift__, __rlshift__ = _array_binop(operator.lshift)
    __rshift__, __rrshift__ = _array_binop(operator.rshift)
    __matmul__, __rmatmul__ = _array_binop(operator.matmul)

    def __divmod__(self, other):
        if _defer(other):
            return NotImplemented
        from ._ufuncs import divmod as np_divmod
        return np_divmod(self, other)

    def __rdivmod__(self, other):
        if _defer(other):
            return NotImplemented
        from ._ufuncs import divmod as np_divmod
        return np_divmod(other, self)

    def __neg__(self):
        return -_arr(self)

    def __pos__(self):
        return +_arr(self)

    def __abs__(self):
        return abs(_arr(self))

    def __invert__(self):
        return ~_arr(self)

    def __eq__(self, other):
        if _defer(other):
            return NotImplemented
        try:
            return _arr(self) == other
        except TypeError:
            return False_

    def __ne__(self, other):
        if _defer(other):
            return NotImplemented
        try:
            return _arr(self) != other
        except TypeError:
            return True_

    def __lt__(self, other):
        return NotImplemented if _defer(other) else _arr(self) < other

    def __le__(self, other):
        return NotImplemented if _defer(other) else _arr(self) <= other

    def __gt__(self, other):
        return NotImplemented if _defer(other) else _arr(self) > other

    def __ge__(self, other):
        return NotImplemented if _defer(other) else _arr(self) >= other


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ()

    @property
    def numerator(self):
        return self

    @property
    def denominator(self):
        return 1

    def is_integer(self):
        return True


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()

    def is_integer(self):
        return float(self).is_integer()

    def as_integer_ratio(self):
        return float(self).as_integer_ratio()


class complexfloating(inexact):
    __slots__ = ()


def _not_array_like(x):
    from ._ndarray import ndarray
    return not isinstance(x, (list, tuple, ndarray)) and not type(x).__module__.startswith("torch")


def _array_from_type(cls, x):
    from ._ndarray import array
    return array(x, dtype=cls._dtype)


# -- integers ------------------------------------------------------------------

_INT_OPS = {
    "add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
}


def _int_fast(pyop, name, reflected=False):
    """Same-type integer arithmetic in Python, wrapping as NumPy does (with its
    'overflow encountered in scalar ...' warning)."""
    def method(self, other):
        cls = type(self)
        t = type(other)
        if t is cls or t is int:
            a, b = self._v, (other._v if t is cls else other)
            if t is int and (b < cls._dtype._min or b > cls._dtype._max):
                return _slow(self, other, pyop, reflected)
            r = pyop(b, a) if reflected else pyop(a, b)
            d = cls._dtype
            if r < d._min or r > d._max:
                from ._errstate import report
                report("over", f"overflow encountered in scalar {name}")
                r = _wrap_int(r, d)
            return cls._from_int(r)
        return _slow(self, other, pyop, reflected)
    return method


def _sequence_repeat(self, other):
    """``[1, 2] * np.int64(2)``: NumPy integers repeat a list or tuple like a
    Python int; other scalars refuse (TypeError)."""
    if isinstance(self, integer) and not isinstance(self, timedelta64):
        return other * operator.index(self)
    raise TypeError(f"can't multiply sequence by non-int of type '{type(self).__name__}'")


def _slow(self, other, pyop, reflected):
    if pyop is operator.mul and type(other) in (list, tuple):
        return _sequence_repeat(self, other)
    if _defer(other):
        return NotImplemented
    if reflected:
        return pyop(other if _is_py_number(other) else _arr(other), _arr(self))
    return pyop(_arr(self), other)


def _wrap_int(r, d):
    bits = d._bits
    r &= (1 << bits) - 1
    if d.kind == "i" and r >= 1 << (bits - 1):
        r -= 1 << bits
    return r


class _HeldValue:
    """Scalars that hold their value as a Python number in ``_v`` (every type
    but float64/complex128, which are float/complex subclasses)."""

    __slots__ = ()

    def _py(self):
        return self._v

    def __complex__(self):
        return complex(self._v)

    def __bool__(self):
        return self._v != 0

    def __format__(self, spec):
        return format(self._v, spec)


class _IntScalar(_HeldValue):
    """Shared implementation of the eight integer scalar types."""

    __slots__ = ()

    def __new__(cls, value=0, *args):
        if type(value) is int:
            d = cls._dtype
            if value < d._min or value > d._max:
                raise OverflowError(f"Python integer {value} out of bounds for {d.name}")
            return cls._from_int(value)
        if isinstance(value, str):
            return cls(int(value, *args))
        if isinstance(value, generic) or _not_array_like(value):
            if isinstance(value, float) and not math.isfinite(value):
                return _arr(value).astype(cls._dtype)[()]
            if isinstance(value, generic) and value._dtype.kind in "fc":
                return _arr(value).astype(cls._dtype)[()]
            if isinstance(value, (integer, bool_)):
                return cls._from_int(_wrap_int(int(value), cls._dtype))
            return cls._from_int(_wrap_int(int(value), cls._dtype))
        return _array_from_type(cls, value)

    @classmethod
    def _from_int(cls, v):
        self = object.__new__(cls)
        self._v = v
        return self

    def __neg__(self):
        d = type(self)._dtype
        if (d.kind == "i" and self._v == d._min) or (d.kind == "u" and self._v):
            from ._errstate import report
            report("over", "overflow encountered in scalar negative")
        return -_arr(self)

    def __abs__(self):
        d = type(self)._dtype
        if d.kind == "i" and self._v == d._min:
            from ._errstate import report
            report("over", "overflow encountered in scalar absolute")
        return abs(_arr(self))

    def __int__(self):
        return self._v

    def __index__(self):
        return self._v

    def __float__(self):
        return float(self._v)

    def __hash__(self):
        return hash(self._v)

    def __round__(self, ndigits=None):
        return self._v if ndigits is None else type(self)._from_int(round(self._v, ndigits))

    def bit_count(self):
        return abs(self._v).bit_count()

    __add__ = _int_fast(operator.add, "add")
    __radd__ = _int_fast(operator.add, "add", True)
    __sub__ = _int_fast(operator.sub, "subtract")
    __rsub__ = _int_fast(operator.sub, "subtract", True)
    __mul__ = _int_fast(operator.mul, "multiply")
    __rmul__ = _int_fast(operator.mul, "multiply", True)

    def _cmp(pyop):
        def method(self, other):
            t = type(other)
            if t is int or t is float or isinstance(other, _IntScalar):
                v = other._v if isinstance(other, _IntScalar) else other
                return True_ if pyop(self._v, v) else False_
            if _defer(other):
                return NotImplemented
            return pyop(_arr(self), other)
        return method

    __eq__ = _cmp(operator.eq)
    __ne__ = _cmp(operator.ne)
    __lt__ = _cmp(operator.lt)
    __le__ = _cmp(operator.le)
    __gt__ = _cmp(operator.gt)
    __ge__ = _cmp(operator.ge)
    del _cmp


def _int_class(name, base, d=None):
    cls = type(name, (_IntScalar, base), {"__slots__": ("_v",), "_dtype": d or D.BY_NAME[name],
                                          "__module__": "np2torch.runtime"})
    return cls


int8 = _int_class("int8", signedinteger)
int16 = _int_class("int16", signedinteger)
int32 = _int_class("int32", signedinteger)
int64 = _int_class("int64", signedinteger)
uint8 = _int_class("uint8", unsignedinteger)
uint16 = _int_class("uint16", unsignedinteger)
uint32 = _int_class("uint32", unsignedinteger)
uint64 = _int_class("uint64", unsignedinteger)
# distinct types with int64's/uint64's values, as on 64-bit Linux
longlong = _int_class("longlong", signedinteger, D.longlong)
ulonglong = _int_class("ulonglong", unsignedinteger, D.ulonglong)


# -- bool ----------------------------------------------------------------------

class bool_(generic):
    """``np.bool``: two singletons, ``np.True_`` and ``np.False_``."""

    __slots__ = ("_v",)
    _dtype = D.bool_

    def __new__(cls, value=False):
        if _not_array_like(value) or isinstance(value, generic):
            return True_ if value else False_
        return _array_from_type(cls, value)

    def _py(self):
        return self._v

    def __bool__(self):
        return self._v

    def __hash__(self):
        return hash(self._v)

    def __index__(self):
        raise TypeError("'numpy.bool' object cannot be interpreted as an integer")

    def __int__(self):
        return int(self._v)

    def __float__(self):
        return float(self._v)

    def __format__(self, spec):
        return format(self._v, spec)

    def __eq__(self, other):
        if type(other) in (bool, int, float) or type(other) is bool_:
            return True_ if self._v == (other._v if type(other) is bool_ else other) else False_
        return generic.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else ~r


bool_.__module__ = "np2torch.runtime"
bool_.__name__ = bool_.__qualname__ = "bool"  # NumPy 2's name for the type
True_ = object.__new__(bool_)
True_._v = True
False_ = object.__new__(bool_)
False_._v = False


# -- floats --------------------------------------------------------------------

def _round_f32(x):
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def _round_f16(x):
    try:
        return struct.unpack("e", struct.pack("e", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


class _SmallFloat(_HeldValue):
    """float16 and float32: a Python float holding the exactly rounded value."""

    __slots__ = ()

    def __new__(cls, value=0.0):
        if isinstance(value, str):
            value = float(value)
        if isinstance(value, generic) and value._dtype.kind == "c":
            return _arr(value).astype(cls._dtype)[()]
        if _not_array_like(value) or isinstance(value, generic):
            return cls._from_float(cls._round(float(value)))
        return _array_from_type(cls, value)

    @classmethod
    def _from_float(cls, v):
        self = object.__new__(cls)
        self._v = v
        return self

    def __float__(self):
        return self._v

    def __int__(self):
        return int(self._v)

    def __hash__(self):
        return hash(self._v)

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(self._v)
        return _arr(self).round(ndigits)[()]

    def is_integer(self):
        return self._v.is_integer()

    def _cmp(pyop):
        def method(self, other):
            t = type(other)
            if t is int or t is float or isinstance(other, (_SmallFloat, float64)):
                return True_ if pyop(self._v, float(other)) else False_
            if _defer(other):
                return NotImplemented
            return pyop(_arr(self), other)
        return method

    __eq__ = _cmp(operator.eq)
    __ne__ = _cmp(operator.ne)
    __lt__ = _cmp(operator.lt)
    __le__ = _cmp(operator.le)
    __gt__ = _cmp(operator.gt)
    __ge__ = _cmp(operator.ge)
    del _cmp


class float16(_SmallFloat, floating):
    __slots__ = ("_v",)
    _dtype = D.float16
    _round = staticmethod(_round_f16)


class float32(_SmallFloat, floating):
    __slots__ = ("_v",)
    _dtype = D.float32
    _round = staticmethod(_round_f32)


def _ld_fast(pyop, reflected=False):
    """longdouble with Python numbers or itself: float arithmetic, boxed as longdouble."""
    def method(self, other):
        t = type(other)
        if t is float or t is int or t is longdouble:
            b = other._v if t is longdouble else other
            try:
                r = pyop(b, self._v) if reflected else pyop(self._v, b)
            except (ZeroDivisionError, OverflowError):
                return _slow(self, other, pyop, reflected)
            return longdouble._from_float(r)
        return _slow(self, other, pyop, reflected)
    return method


class longdouble(_SmallFloat, floating):
    """``np.longdouble``: double precision, as NumPy's on Windows and macOS/arm64
    (torch has no 80-bit float).  Not a ``float`` subclass, as in NumPy."""

    __slots__ = ("_v",)
    _dtype = D.longdouble
    _round = staticmethod(float)

    __add__ = _ld_fast(operator.add)
    __radd__ = _ld_fast(operator.add, True)
    __sub__ = _ld_fast(operator.sub)
    __rsub__ = _ld_fast(operator.sub, True)
    __mul__ = _ld_fast(operator.mul)
    __rmul__ = _ld_fast(operator.mul, True)
    __truediv__ = _ld_fast(operator.truediv)
    __rtruediv__ = _ld_fast(operator.truediv, True)

    def __neg__(self):
        return longdouble._from_float(-self._v)

    def __pos__(self):
        return self

    def __abs__(self):
        return longdouble._from_float(abs(self._v))


def _f64_fast(pyop, reflected=False):
    """float64 with Python numbers: plain float arithmetic, boxed as float64."""
    def method(self, other):
        t = type(other)
        if t is float or t is int or t is float64:
            try:
                r = pyop(other, float(self)) if reflected else pyop(float(self), other)
            except (ZeroDivisionError, OverflowError):
                return _slow(self, other, pyop, reflected)
            return float64(r)
        return _slow(self, other, pyop, reflected)
    return method


def _f64_cmp(pyop):
    def method(self, other):
        t = type(other)
        if t is float or t is int or t is float64 or t is bool:
            return True_ if pyop(float(self), other) else False_
        if _defer(other):
            return NotImplemented
        if isinstance(other, (generic, complex)):
            # NumPy orders complex values lexicographically; arrays do the same
            return pyop(_arr(self), other)
        return float.__eq__(self, other) if pyop is operator.eq else (
            float.__ne__(self, other) if pyop is operator.ne else pyop(float(self), other))
    return method


class float64(floating, float):
    """``np.float64``: a ``float`` subclass, as in NumPy."""

    __slots__ = ()
    _dtype = D.float64

    def __new__(cls, value=0.0):
        if type(value) is float or type(value) is int:
            return float.__new__(cls, value)
        if isinstance(value, generic) and value._dtype.kind == "c":
            return _arr(value).astype(D.float64)[()]
        if isinstance(value, (str, bytes)) or _not_array_like(value) or isinstance(value, generic):
            return float.__new__(cls, value)
        return _array_from_type(cls, value)

    def _py(self):
        return float(self)

    __hash__ = float.__hash__
    __format__ = float.__format__
    __bool__ = float.__bool__
    __float__ = float.__float__
    __int__ = float.__int__

    __add__ = _f64_fast(operator.add)
    __radd__ = _f64_fast(operator.add, True)
    __sub__ = _f64_fast(operator.sub)
    __rsub__ = _f64_fast(operator.sub, True)
    __mul__ = _f64_fast(operator.mul)
    __rmul__ = _f64_fast(operator.mul, True)
    __truediv__ = _f64_fast(operator.truediv)
    __rtruediv__ = _f64_fast(operator.truediv, True)

    __eq__ = _f64_cmp(operator.eq)
    __ne__ = _f64_cmp(operator.ne)
    __lt__ = _f64_cmp(operator.lt)
    __le__ = _f64_cmp(operator.le)
    __gt__ = _f64_cmp(operator.gt)
    __ge__ = _f64_cmp(operator.ge)

    def __neg__(self):
        return float64(-float(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return float64(abs(float(self)))

    def __round__(self, ndigits=None):
        if ndigits is None:
            return round(float(self))
        return float64(round(float(self), ndigits))

    def __reduce__(self):
        return (float64, (float(self),))

    def conjugate(self):
        return self

    real = property(lambda self: self)
    imag = property(lambda self: float64(0.0))


class _HeldComplex(_HeldValue):
    """complex64 and clongdouble: a Python complex holding the rounded value."""

    __slots__ = ()

    def __new__(cls, real=0.0, imag=None):
        if imag is not None:
            real = complex(real, imag)
        if isinstance(real, str):
            real = complex(real)
        if _not_array_like(real) or isinstance(real, generic):
            v = complex(real)
            self = object.__new__(cls)
            self._v = complex(cls._round(v.real), cls._round(v.imag))
            return self
        return _array_from_type(cls, real)

    def __hash__(self):
        return hash(self._v)


class complex64(_HeldComplex, complexfloating):
    __slots__ = ("_v",)
    _dtype = D.complex64
    _round = staticmethod(_round_f32)


class clongdouble(_HeldComplex, complexfloating):
    """``np.clongdouble``: complex128's precision, like ``longdouble``."""

    __slots__ = ("_v",)
    _dtype = D.clongdouble
    _round = staticmethod(float)


class complex128(complexfloating, complex):
    """``np.complex128``: a ``complex`` subclass, as in NumPy."""

    __slots__ = ()
    _dtype = D.complex128

    def __new__(cls, real=0.0, imag=None):
        if imag is not None:
            return complex.__new__(cls, real, imag)
        if isinstance(real, (str, complex, float, int)) or isinstance(real, generic) or _not_array_like(real):
            return complex.__new__(cls, complex(real) if not isinstance(real, str) else real)
        return _array_from_type(cls, real)

    def _py(self):
        return complex(self)

    __hash__ = complex.__hash__
    __format__ = complex.__format__
    __bool__ = complex.__bool__
    __complex__ = complex.__complex__

    real = property(lambda self: float64(complex(self).real))
    imag = property(lambda self: float64(complex(self).imag))


for _cls in (float16, float32, float64, complex64, complex128, int8, int16, int32, int64,
             uint8, uint16, uint32, uint64, bool_, generic, number, integer, signedinteger,
             unsignedinteger, inexact, floating, complexfloating, longlong, ulonglong,
             longdouble, clongdouble):
    _cls.__module__ = "np2torch.runtime"

# SCALAR_OF: the canonical dtypes' scalar types (a type twin equals its canonical
# dtype as a key, so read ``d.type`` for any dtype)
SCALAR_OF = {d: globals()[d.name if d.name != "bool" else "bool_"] for d in D.ALL}
for _d, _cls in SCALAR_OF.items():
    _d.type = _cls
    D.SCALAR_TYPES[_cls] = _d
_TWIN_TYPES = ((D.longlong, longlong), (D.ulonglong, ulonglong), (D.longdouble, longdouble),
               (D.clongdouble, clongdouble))
for _d, _cls in _TWIN_TYPES:
    _d.type = _d._other_order.type = _cls
    D.SCALAR_TYPES[_cls] = _d

_ABSTRACT = {generic: None, number: None, integer: "iu", signedinteger: "i",
             unsignedinteger: "u", inexact: "fc", floating: "f", complexfloating: "c"}

class _MakerTable(dict):
    """dtype -> converter from a Python value (as torch's .item()/.tolist() give
    it) to the dtype's scalar.  Keyed by the dtype's identity, because a type
    twin (longlong) equals and hashes as its canonical dtype (int64) yet boxes
    as its own type.  The hot path reads ``[id(d)]`` (no Python-level hash);
    ``[d]`` reads and writes work too."""

    __slots__ = ()

    def __setitem__(self, d, maker):
        dict.__setitem__(self, id(d), maker)

    def __missing__(self, d):
        if type(d) is int:
            raise KeyError(d)
        return self[id(d)]


_MAKERS = _MakerTable()
for _d, _cls in SCALAR_OF.items():
    if _d is D.bool_:
        _MAKERS[_d] = lambda v: True_ if v else False_
    elif _d is D.float64:
        _MAKERS[_d] = float64
    elif _d is D.complex128:
        _MAKERS[_d] = complex128
    elif _d.kind in "iu":
        _MAKERS[_d] = _cls._from_int
    elif _d.kind == "f":
        _MAKERS[_d] = _cls._from_float
    else:
        _MAKERS[_d] = _cls


# Swapped byte-order twins (dtype('>u4')) hold native values: they box as their
# native dtype does; the one difference is uint64, whose box() path is by identity.
for _twin in D.SWAPPED:
    if _twin is not None:
        _twin.type = SCALAR_OF[_twin._nbo]
        SCALAR_OF[_twin] = _twin.type
        _MAKERS[_twin] = _MAKERS[_twin._nbo]
_MAKERS[D.SWAPPED[D.uint64._index]] = lambda v: uint64._from_int(v + (1 << 64) if v < 0 else v)
_MAKERS[D.longlong] = longlong._from_int
_MAKERS[D.ulonglong] = lambda v: ulonglong._from_int(v + (1 << 64) if v < 0 else v)
_MAKERS[D.longdouble] = longdouble._from_float
_MAKERS[D.clongdouble] = clongdouble
for _d, _cls in _TWIN_TYPES:
    _MAKERS[_d._other_order] = _MAKERS[_d]


def make_scalar(value, d):
    """Box a Python value already of dtype ``d``'s range as ``d``'s scalar type
    (an object array's element is itself)."""
    maker = _MAKERS.get(id(d))
    return value if maker is None else maker(value)


def issubdtype(arg1, arg2):
    """``np.issubdtype``: is arg1's type below arg2 in the scalar type tree?"""
    t1 = arg1 if isinstance(arg1, type) and issubclass(arg1, generic) else D.dtype(arg1).type
    if isinstance(arg2, type) and issubclass(arg2, generic):
        t2 = arg2
    else:
        t2 = D.dtype(arg2).type
    return issubclass(t1, t2)


_ISDTYPE_KINDS = {
    "bool": "b", "signed integer": "i", "unsigned integer": "u", "integral": "iu",
    "real floating": "f", "complex floating": "c", "numeric": "iufc",
}


def isdtype(dtype, kind):
    """``np.isdtype`` (array API): does ``dtype`` belong to ``kind``?"""
    d = D.dtype(dtype) if not isinstance(dtype, D.dtype) else dtype
    if isinstance(dtype, type) and not issubclass(dtype, generic):
        raise TypeError(f"dtype argument must be a NumPy dtype, but it is a {dtype}.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, str):
            if k not in _ISDTYPE_KINDS:
                raise ValueError(f"kind argument is a string, but {k!r} is not a known kind name.")
            if d.kind in _ISDTYPE_KINDS[k]:
                return True
        else:
            # NumPy compares the scalar types: '>i8' is int64, 'q' (longlong) is not
            if d.type is D.dtype(k).type:
                return True
    return False


class _DateTimeLike:
    """``np.datetime64``: can be constructed, printed and compared for identity of
    value and unit, but np2torch has no datetime arrays, so arithmetic and array use
    raise NotImplementedError (docs/coverage-notes.md)."""

    __slots__ = ("_value", "_unit")

    def __init__(self, value=None, unit=None, /):
        self._value = value
        self._unit = unit

    def _refuse(self, *args, **kwargs):
        raise NotImplementedError(f"np.{type(self).__name__}: datetime arithmetic and arrays are "
                                  "not supported by np2torch")

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __divmod__ = __rdivmod__ = __neg__ = __abs__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __array__ = __float__ = __int__ = astype = item = _refuse

    def __eq__(self, other):
        return (type(other) is type(self) and other._value == self._value
                and other._unit == self._unit)

    def __hash__(self):
        return hash((type(self).__name__, self._value, self._unit))

    def __repr__(self):
        args = repr(self._value) + (f",'{self._unit}'" if self._unit else "")
        return f"np.{type(self).__name__}({args})"


class datetime64(_DateTimeLike):
    __slots__ = ()


class timedelta64(signedinteger):
    """``np.timedelta64``: a count of a time unit (NaT: not a time).  A NumPy
    scalar of a timedelta64 dtype: arithmetic and comparisons go through 0-d
    arrays (_datetime.py has the loops)."""

    __slots__ = ("_value", "_dtype")

    def __new__(cls, value=None, unit=None, /):
        from ._datetime import stored_value
        if unit is None and isinstance(value, timedelta64):
            return value
        if unit is None and isinstance(value, datetime.timedelta):
            unit = "us"
        d = D.TIMEDELTA.get(unit or "")
        if d is None:
            raise TypeError(f"Invalid datetime unit \"{unit}\" in metadata")
        return cls._make(0 if value is None else stored_value(value, d), d)

    @classmethod
    def _make(cls, count, d):
        self = object.__new__(cls)
        self._value = count
        self._dtype = d
        return self

    def _py(self):
        return self._value

    def item(self, *args):
        from ._datetime import python_value
        return python_value(self._value, self._dtype)

    tolist = item

    def __int__(self):
        return self._value

    def __float__(self):
        return float(self._value)

    def __index__(self):
        return self._value

    def __bool__(self):
        return self._value != 0

    def __hash__(self):
        return hash(self.item())

    def __repr__(self):
        unit = self._dtype.unit
        value = "'NaT'" if self._value == D.NAT else str(self._value)
        return f"np.timedelta64({value}{f',{unit!r}' if unit else ''})"

    def __str__(self):
        if self._value == D.NAT:
            return "NaT"
        unit = self._dtype.unit
        return f"{self._value} {_UNIT_WORDS[unit] + 's' if unit else 'generic time units'}"


_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "h": "hour", "m": "minute",
               "s": "second", "ms": "millisecond", "us": "microsecond", "ns": "nanosecond",
               "ps": "picosecond", "fs": "femtosecond", "as": "attosecond"}
datetime64.__module__ = timedelta64.__module__ = "np2torch.runtime"
__all__ += ["datetime64", "timedelta64"]


# -- flexible scalars: NumPy's str_ / bytes_ are str / bytes subclasses -----------

class flexible(generic):
    __slots__ = ()


class character(flexible):
    __slots__ = ()


def _no_numeric(self, *args):
    return NotImplemented


class _CharacterScalar:
    """Shared behaviour of ``str_`` and ``bytes_``: the Python value's own methods,
    NumPy's ``repr``, a string dtype (arrays of which torch cannot hold)."""

    __slots__ = ()
    _kind = None

    @property
    def dtype(self):
        return D.dtype(f"{self._kind}{len(self)}")

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.dtype.itemsize

    def _py(self):
        return self._base(self)

    def __repr__(self):
        return f"np.{type(self).__name__}({self._base.__repr__(self)})"

    def __getattr__(self, name):
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __reduce__(self):
        return (type(self), (self._base(self),))

    __sub__ = __rsub__ = __truediv__ = __rtruediv__ = __floordiv__ = _no_numeric
    __rfloordiv__ = __pow__ = __rpow__ = __and__ = __rand__ = __or__ = __ror__ = _no_numeric
    __xor__ = __rxor__ = __lshift__ = __rlshift__ = __rshift__ = __rrshift__ = _no_numeric
    __matmul__ = __rmatmul__ = __divmod__ = __rdivmod__ = _no_numeric

    def __neg__(self):
        raise TypeError(f"bad operand type for unary -: '{type(self).__name__}'")

    __pos__ = __abs__ = __invert__ = __neg__


class str_(_CharacterScalar, str, character):
    """``np.str_``: a ``str`` subclass; its dtype is '<U<n>'."""
    __slots__ = ()
    _kind = "U"
    _base = str


class bytes_(_CharacterScalar, bytes, character):
    """``np.bytes_``: a ``bytes`` subclass; its dtype is 'S<n>'."""
    __slots__ = ()
    _kind = "S"
    _base = bytes


class object_(generic):
    """``np.object_``: the type of dtype('O').  As in NumPy, calling it returns its
    argument unchanged (elements of object arrays are the Python objects themselves)."""
    __slots__ = ()

    def __new__(cls, value=None):
        return value


for _cls in (flexible, character, str_, bytes_, object_):
    _cls.__module__ = "np2torch.runtime"
D.SCALAR_TYPES[object_] = D.dtype("O")
D.SCALAR_TYPES[timedelta64] = D.TIMEDELTA[""]
for _d in D.TIMEDELTA.values():
    _MAKERS[_d] = (lambda d: lambda v: timedelta64._make(v, d))(_d)


D.OPAQUE_SCALAR_TYPES.update({"U": str_, "S": bytes_, "O": object_, "m": timedelta64})
__all__ += ["flexible", "character", "str_", "bytes_", "object_"]

# np.sctypeDict: NumPy's names of scalar types (those of 64-bit Linux, less the
# extended-precision float128/complex256)
D.sctypeDict.update({
    "bool": bool_, "bool_": bool_, "byte": int8, "ubyte": uint8, "short": int16,
    "ushort": uint16, "intc": int32, "uintc": uint32, "long": int64, "ulong": uint64,
    "longlong": longlong, "ulonglong": ulonglong, "int": int64, "int_": int64, "intp": int64,
    "uint": uint64, "uintp": uint64, "int8": int8, "int16": int16, "int32": int32,
    "int64": int64, "uint8": uint8, "uint16": uint16, "uint32": uint32, "uint64": uint64,
    "half": float16, "single": float32, "double": float64, "float": float64,
    "longdouble": longdouble, "float16": float16, "float32": float32, "float64": float64,
    "csingle": complex64, "cdouble": complex128, "complex": complex128,
    "clongdouble": clongdouble, "complex64": complex64, "complex128": complex128,
    "bytes": bytes_, "bytes_": bytes_, "a": bytes_, "str": str_, "str_": str_,
    "unicode": str_, "object": object_, "object_": object_, "datetime64": datetime64,
    "timedelta64": timedelta64,
})
