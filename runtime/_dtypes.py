"""NumPy dtypes on torch: the `dtype` class, promotion and casting rules.

Each NumPy dtype has a *storage* torch dtype.  Where torch has a full set of
kernels the two are the same; uint16/uint32 are stored widened (int32/int64)
and uint64 is stored as the int64 bit pattern, because torch lacks arithmetic
kernels for its unsigned types.  ``ndarray`` keeps the NumPy dtype beside
the tensor, so the logical type is never lost.

All tables are built once at import; lookups on the hot path are dict or
attribute reads.
"""

import sys

import torch

__all__ = [
    "dtype", "promote_types", "result_type", "can_cast", "finfo", "iinfo",
    "typecodes", "sctypeDict",
]

_KIND_ORDER = {"b": 0, "u": 1, "i": 2, "f": 3, "c": 4, "O": 5}
# Twins: a dtype that holds the same values as one of the fourteen canonical
# dtypes (ALL) but is another NumPy dtype is a *twin* of it: another instance
# sharing _index, _torch, _native and limits, so every table indexed by _index
# serves it unchanged, with _nbo pointing at the canonical dtype.
# - Byte order: tensors always hold values in the machine's order; a dtype of
#   the other order (NumPy's '>u4' on a little-endian machine) is a *swapped
#   twin* (_swapped True; see _swapped_twin): it changes only how bytes leave
#   and enter memory (tobytes, save, frombuffer), never the stored values.
# - Type: longlong/ulonglong ('q'/'Q', twins of int64/uint64, as on 64-bit
#   Linux) and longdouble/clongdouble ('g'/'G', twins of float64/complex128,
#   as NumPy on platforms whose C long double is double: Windows, macOS/arm64)
#   are *type twins* (see _type_twin): their own char, num and scalar type.
_NATIVE_CHAR = "<" if sys.byteorder == "little" else ">"
_SWAPPED_CHAR = ">" if _NATIVE_CHAR == "<" else "<"
_BYTEORDER_CODES = {
    "S": "S", "s": "S", "swap": "S", "=": "=", "N": "=", "n": "=", "native": "=",
    "|": "|", "I": "|", "i": "|", ">": ">", "B": ">", "b": ">", "big": ">",
    "<": "<", "L": "<", "l": "<", "little": "<",
}


class dtype:
    """A NumPy data type (``np.dtype``): name, kind, size, scalar type, torch storage."""

    # _nbo: the canonical dtype of the values (itself, or the native canonical
    # dtype of a twin); code that works on values compares ``d._nbo``.
    # _swapped: non-native byte order; _other_order: the same type in the other
    # byte order (itself for single-byte dtypes).
    __slots__ = ("name", "kind", "char", "itemsize", "num", "type", "_torch",
                 "_native", "_index", "_bits", "_min", "_max", "_nbo", "_swapped",
                 "_other_order", "__weakref__")
    _pooled = False  # arrays hold handles into a pool of elements (_PooledDtype)

    def __new__(cls, obj=None, align=False, copy=False, metadata=None):
        if isinstance(obj, dtype):
            return obj
        found = _lookup(obj)
        if found is None:
            raise TypeError(f"data type {obj!r} not understood")
        return found

    @classmethod
    def _make(cls, name, kind, char, itemsize, num, storage):
        self = object.__new__(cls)
        self.name = name
        self.kind = kind
        self.char = char
        self.itemsize = itemsize
        self.num = num
        self._torch = storage
        self._bits = itemsize * 8
        self._nbo = self
        self._swapped = False
        self._other_order = self
        # storage == logical: torch's own kernels give NumPy's results directly
        self._native = name not in ("uint16", "uint32", "uint64")
        if kind in "iu":
            bits = self._bits
            self._min = 0 if kind == "u" else -(1 << (bits - 1))
            self._max = (1 << bits) - 1 if kind == "u" else (1 << (bits - 1)) - 1
        else:
            self._min = self._max = None
        return self

    # -- NumPy attributes ------------------------------------------------
    @property
    def str(self):
        order = "|" if self.itemsize == 1 else _SWAPPED_CHAR if self._swapped else _NATIVE_CHAR
        return order + self.kind + repr(self.itemsize)

    @property
    def byteorder(self):
        return "|" if self.itemsize == 1 else _SWAPPED_CHAR if self._swapped else "="

    @property
    def isnative(self):
        return not self._swapped

    @property
    def descr(self):
        return [("", self.str)]

    @property
    def alignment(self):
        return self.itemsize if self.kind != "c" else self.itemsize // 2

    isbuiltin = 1
    isalignedstruct = False
    hasobject = False
    fields = None
    names = None
    metadata = None
    subdtype = None
    shape = ()
    ndim = 0
    flags = 0

    @property
    def base(self):
        return self

    @property
    def torch_dtype(self):
        """The torch dtype that stores this dtype's values."""
        return self._torch

    def newbyteorder(self, new_order="S"):
        code = _BYTEORDER_CODES.get(new_order)
        if code is None:
            raise ValueError(f"byteorder not recognized (got {new_order!r})")
        if code == "|" or self.itemsize == 1 or type(self) is not dtype:
            return self  # flexible/object dtypes keep their order
        if code == "S":
            return self._other_order
        want_swapped = code not in ("=", _NATIVE_CHAR)
        return self if want_swapped is self._swapped else self._other_order

    # -- comparisons -------------------------------------------------------
    def __eq__(self, other):
        if type(other) is not dtype:
            try:
                other = dtype(other)
            except (TypeError, NotImplementedError):
                return False
        return equivalent(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        other = dtype(other)
        return not equivalent(self, other) and can_cast(self, other, "safe")

    def __le__(self, other):
        return can_cast(self, dtype(other), "safe")

    def __gt__(self, other):
        return dtype(other).__lt__(self)

    def __ge__(self, other):
        return dtype(other).__le__(self)

    def __hash__(self):
        return hash(("np2torch.dtype", self.name, self._swapped))

    def __repr__(self):
        return f"dtype('{self.__str__()}')"

    def __str__(self):
        return self.str if self._swapped else self.name

    def __reduce__(self):
        return (dtype, (self.__str__(),))

    def __len__(self):
        return 0

    def __bool__(self):
        return True


_SPECS = [
    # name, kind, char, itemsize, storage
    ("bool", "b", "?", 1, torch.bool),
    ("int8", "i", "b", 1, torch.int8),
    ("uint8", "u", "B", 1, torch.uint8),
    ("int16", "i", "h", 2, torch.int16),
    ("uint16", "u", "H", 2, torch.int32),
    ("int32", "i", "i", 4, torch.int32),
    ("uint32", "u", "I", 4, torch.int64),
    ("int64", "i", "l", 8, torch.int64),
    ("uint64", "u", "L", 8, torch.int64),
    ("float16", "f", "e", 2, torch.float16),
    ("float32", "f", "f", 4, torch.float32),
    ("float64", "f", "d", 8, torch.float64),
    ("complex64", "c", "F", 8, torch.complex64),
    ("complex128", "c", "D", 16, torch.complex128),
]
_NUMS = {"bool": 0, "int8": 1, "uint8": 2, "int16": 3, "uint16": 4, "int32": 5, "uint32": 6,
         "int64": 7, "uint64": 8, "float16": 23, "float32": 11, "float64": 12,
         "complex64": 14, "complex128": 15}

ALL = []
for _i, (_name, _kind, _char, _size, _storage) in enumerate(_SPECS):
    _d = dtype._make(_name, _kind, _char, _size, _NUMS[_name], _storage)
    _d._index = _i
    ALL.append(_d)
    globals()["d_" + _name] = _d



def equivalent(a, b):
    """NumPy's dtype equality: the same values (type twins count as their
    canonical dtype) in the same byte order."""
    if a is b:
        return True
    if a._pooled or b._pooled:  # instances with pools of their own compare by type
        return a == b
    return a._nbo is b._nbo and a._swapped is b._swapped


def _twin(base, char, num):
    """Another instance holding ``base``'s values: the same storage, index and
    limits (so every table indexed by ``_index`` serves it), another identity."""
    twin = object.__new__(dtype)
    for attr in ("name", "kind", "itemsize", "_torch", "_native", "_index", "_bits",
                 "_min", "_max", "_nbo", "_swapped"):
        setattr(twin, attr, getattr(base, attr))
    twin.char = char
    twin.num = num
    twin._other_order = twin
    return twin


def _swapped_twin(native):
    """``native`` in the other byte order (``newbyteorder`` flips between them)."""
    twin = _twin(native, native.char, native.num)
    twin._swapped = True
    twin._other_order = native
    native._other_order = twin
    return twin


def _type_twin(canonical, char, num):
    """A distinct NumPy type with ``canonical``'s values ('q' of 'l'), in native
    byte order, with its own swapped twin."""
    twin = _twin(canonical, char, num)
    _swapped_twin(twin)
    return twin


# SWAPPED[d._index]: d's swapped twin (None for the single-byte dtypes, which have no order)
SWAPPED = [None if d.itemsize == 1 else _swapped_twin(d) for d in ALL]
BY_NAME = {d.name: d for d in ALL}
# dtype('O') takes the next index in the promotion and casting tables
OBJECT_INDEX = len(ALL)
bool_ = BY_NAME["bool"]
int8, uint8, int16, uint16 = (BY_NAME[n] for n in ("int8", "uint8", "int16", "uint16"))
int32, uint32, int64, uint64 = (BY_NAME[n] for n in ("int32", "uint32", "int64", "uint64"))
float16, float32, float64 = (BY_NAME[n] for n in ("float16", "float32", "float64"))
complex64, complex128 = BY_NAME["complex64"], BY_NAME["complex128"]
longlong = _type_twin(int64, "q", 9)
ulonglong = _type_twin(uint64, "Q", 10)
longdouble = _type_twin(float64, "g", 13)
clongdouble = _type_twin(complex128, "G", 16)
TYPE_TWINS = (longlong, ulonglong, longdouble, clongdouble)

default_int = int64
default_float = float64
default_complex = complex128
intp = int64

# torch storage dtype -> NumPy dtype, for tensors that arrive from torch.
FROM_TORCH = {
    torch.bool: bool_, torch.int8: int8, torch.uint8: uint8, torch.int16: int16,
    torch.int32: int32, torch.int64: int64, torch.float16: float16,
    torch.float32: float32, torch.float64: float64, torch.complex64: complex64,
    torch.complex128: complex128, torch.uint16: uint16, torch.uint32: uint32,
    torch.uint64: uint64,
}
# NumPy dtypes torch cannot represent; converting names them.
UNSUPPORTED_TORCH = {torch.bfloat16: "bfloat16", torch.complex32: "complex32"}

_ALIASES = {
    "?": bool_, "b1": bool_, "bool": bool_, "bool_": bool_, "bool8": bool_,
    "b": int8, "i1": int8, "int8": int8, "byte": int8,
    "B": uint8, "u1": uint8, "uint8": uint8, "ubyte": uint8,
    "h": int16, "i2": int16, "int16": int16, "short": int16,
    "H": uint16, "u2": uint16, "uint16": uint16, "ushort": uint16,
    "i": int32, "i4": int32, "int32": int32, "intc": int32,
    "I": uint32, "u4": uint32, "uint32": uint32, "uintc": uint32,
    "l": int64, "i8": int64, "int64": int64, "int": int64, "int_": int64,
    "intp": int64, "p": int64, "long": int64, "n": int64,
    "q": longlong, "longlong": longlong,
    "L": uint64, "u8": uint64, "uint64": uint64, "uint": uint64,
    "uintp": uint64, "P": uint64, "ulong": uint64, "N": uint64,
    "Q": ulonglong, "ulonglong": ulonglong,
    "e": float16, "f2": float16, "float16": float16, "half": float16,
    "f": float32, "f4": float32, "float32": float32, "single": float32,
    "d": float64, "f8": float64, "float64": float64, "float": float64, "double": float64,
    "float_": float64,
    "g": longdouble, "longdouble": longdouble, "longfloat": longdouble,
    "F": complex64, "c8": complex64, "complex64": complex64, "csingle": complex64,
    "D": complex128, "c16": complex128, "complex128": complex128, "complex": complex128,
    "cdouble": complex128, "complex_": complex128,
    "G": clongdouble, "clongdouble": clongdouble, "clongfloat": clongdouble,
}
_PY_TYPES = {bool: bool_, int: int64, float: float64, complex: complex128}
# The dtypes NumPy gives Python values and picks by default when it chooses a
# float itself.  float64/complex128 unless the opt-in float32 policy
# (_config.set_default_float_dtype) changes them; the policy updates these
# two dicts in place, so hot paths stay plain dict reads.
PY_DEFAULT = dict(_PY_TYPES)
POLICY = {"float": float64, "complex": complex128}
# Called with no arguments after the policy changes (ufuncs drop cached loops).
POLICY_LISTENERS = []


def set_float_policy(float_dtype):
    complex_dtype = complex64 if float_dtype is float32 else complex128
    POLICY["float"] = float_dtype
    POLICY["complex"] = complex_dtype
    PY_DEFAULT[float] = float_dtype
    PY_DEFAULT[complex] = complex_dtype
    for listener in POLICY_LISTENERS:
        listener()
# Scalar classes register themselves here (see _scalars.py).
SCALAR_TYPES = {}

_UNSUPPORTED_KINDS = {
    "U": "unicode string", "S": "byte string", "a": "byte string", "O": "object",
    "V": "void/structured", "M": "datetime64", "m": "timedelta64", "T": "StringDType",
}

# Extended precision (x86's 80-bit long double and its complex, as 64-bit Linux
# NumPy spells them): np.longdouble is double precision here (as NumPy on Windows
# and macOS/arm64), so these spellings of a wider float have nothing to name.
_EXTENDED_PRECISION = {"f16", "float128", "c32", "complex256"}


def _refuse_extended(spelling):
    raise NotImplementedError(
        f"np.dtype({spelling!r}): 128-bit extended precision is not available in np2torch "
        "(torch has no 80-bit float); np.longdouble is double precision here, as NumPy on "
        "Windows and macOS/arm64")


def _lookup(obj):
    if obj is None:
        return POLICY["float"]
    if isinstance(obj, str):
        key = obj.strip()
        found = _ALIASES.get(key)
        if found is not None:
            return found
        if key.lstrip("<>=|") in _EXTENDED_PRECISION:
            _refuse_extended(obj)
        if key[:1] in "<>=|":
            native = _ALIASES.get(key[1:])
            if native is None:
                return _opaque(key) or _timedelta_spelling(key)
            return native._other_order if key[0] == _SWAPPED_CHAR else native
        opaque = _opaque(key)
        if opaque is not None:
            return opaque
        td = _timedelta_spelling(key)
        if td is not None:
            return td
        if "," in key:
            return _opaque_structured([(f"f{i}", part.strip()) for i, part in enumerate(key.split(","))])
        _reject_unsupported(obj, key)
        return None
    if isinstance(obj, type):
        found = _PY_TYPES.get(obj)
        if found is not None:
            return found
        found = SCALAR_TYPES.get(obj)
        if found is not None:
            return found
        name = getattr(obj, "__name__", "")
        opaque_key = {"str": "U", "str_": "U", "bytes": "S", "bytes_": "S", "object": "O",
                      "object_": "O", "void": "V"}.get(name)
        if opaque_key is not None:
            return _opaque(opaque_key)
        if name in ("str", "bytes", "object", "str_", "bytes_", "object_", "void",
                    "datetime64", "timedelta64"):
            raise NotImplementedError(f"np.dtype({name}): {name} arrays are not supported by np2torch")
        return OBJECT  # any other Python class: NumPy stores its instances as objects
    if isinstance(obj, torch.dtype):
        found = FROM_TORCH.get(obj)
        if found is None:
            raise NotImplementedError(f"np.dtype: torch dtype {obj} has no NumPy counterpart")
        return found
    inner = getattr(obj, "dtype", None)
    if isinstance(inner, dtype):
        return inner
    if isinstance(obj, (list, tuple, dict)):
        return _opaque_structured(obj)
    return None


class _OpaqueDtype(dtype):
    """A dtype NumPy has but torch cannot store (void, bytes, str, object): it can be
    named, compared, hashed and printed; making an array of it raises
    NotImplementedError (see docs/coverage-notes.md)."""

    __slots__ = ()

    @property
    def type(self):
        return OPAQUE_SCALAR_TYPES.get(self.char)

    def _refuse(self):
        what = _UNSUPPORTED_KINDS.get(self.kind, self.kind)
        raise NotImplementedError(f"np.dtype({self._spelling!r}): {what} "
                                  "arrays are not supported by np2torch")

    _torch = property(_refuse)
    _index = property(_refuse)
    _native = property(_refuse)
    _nbo = property(lambda self: self)
    _other_order = property(lambda self: self)
    _swapped = False

    @property
    def _spelling(self):
        return self.str.lstrip("|")

    @property
    def str(self):
        return ("<" if self.kind == "U" else "|") + self.kind + (
            str(self.itemsize // (4 if self.kind == "U" else 1)) if self.kind != "O" else "")

    @property
    def byteorder(self):
        return "=" if self.kind == "U" else "|"

    @property
    def alignment(self):
        return {"U": 4, "O": 8}.get(self.kind, 1)

    def __repr__(self):
        return f"dtype('{self.str if self.kind == 'U' else self._spelling}')"

    def __str__(self):
        return "object" if self.kind == "O" else self.str

    def __eq__(self, other):
        try:
            return self is dtype(other)
        except (TypeError, NotImplementedError):
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("np2torch.dtype", self.name))

def _as_dtype_or_none(other):
    """``other`` as a dtype for an equality test; None when it names none."""
    if isinstance(other, dtype):
        return other
    try:
        return dtype(other)
    except (TypeError, NotImplementedError):
        return None


class _PooledDtype(dtype):
    """Base of the dtypes torch cannot hold element by element: object, fixed-width
    strings (``S``/``U``) and structured records.

    Their arrays store int64 *handles* into a Python list, the *pool*, which
    the dtype instance carries (``pool[0]`` is the dtype's default element,
    what an uninitialised element reads as: None, b'', '' or a zero record).
    Every family of arrays made by one operation gets its own instance and
    pool; views share the instance, so they share memory exactly as in NumPy,
    and anything that only moves elements (reshape, transpose, indexing,
    flip, take, broadcast) works on the handle tensor unchanged.  Pools only
    grow: any number of arrays may share one.  Handles of two instances never
    mix: ``_casting.cast`` between two pooled dtypes copies the referenced
    elements into the target's pool.  Instances of one dtype compare, hash
    and print alike.  The instances ``np.dtype(...)`` returns (``OBJECT``,
    ``dtype('S5')``, ...) are *templates* without a pool: arrays get a copy
    with a pool (``own``, ``pooled_result``), and a cast into a template
    means numeric code met such an array and is refused."""

    __slots__ = ("pool", "_default")
    _pooled = True
    # not twins: their own values, in native byte order
    _nbo = property(lambda self: self)
    _other_order = property(lambda self: self)
    _swapped = False

    def _copy(self, default=None):
        """A new instance of this dtype with a pool of its own."""
        d = object.__new__(type(self))
        for attr in ("name", "kind", "char", "itemsize", "num", "_torch", "_native", "_index",
                     "_bits", "_min", "_max", "_default") + self._extra:
            setattr(d, attr, getattr(self, attr))
        d.pool = [self._default]
        return d

    _extra = ()

    def coerce(self, value):
        """``value`` as an element of this dtype (what the pool stores)."""
        return value

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(("np2torch.dtype", self.name))


def _pooled_template(cls, name, kind, itemsize, num, index, default):
    d = object.__new__(cls)
    d.name = name
    d.kind = d.char = kind
    d.itemsize = itemsize
    d.num = num
    d._torch = torch.int64
    d._native = False
    d._index = index
    d._bits = itemsize * 8
    d._min = d._max = None
    d._default = default
    d.pool = None
    return d


class _ObjectDtype(_PooledDtype):
    """``dtype('O')``: arrays of Python objects (see _PooledDtype)."""

    __slots__ = ()

    @property
    def type(self):
        return OPAQUE_SCALAR_TYPES["O"]

    @property
    def str(self):
        return "|O"

    @property
    def byteorder(self):
        return "|"

    @property
    def alignment(self):
        return 8

    hasobject = True
    flags = 63  # NumPy: item refcount, item heap, list pickle, needs init, needs pyapi, uses getitem

    def __repr__(self):
        return "dtype('O')"

    def __str__(self):
        return "object"

    def __eq__(self, other):
        if isinstance(other, _ObjectDtype):
            return True
        try:
            return isinstance(dtype(other), _ObjectDtype)
        except (TypeError, NotImplementedError):
            return False

    def __hash__(self):
        return hash(("np2torch.dtype", "object"))

    def __reduce__(self):
        return (dtype, ("O",))


def new_object_dtype():
    """A ``dtype('O')`` with a pool of its own (``[None]``)."""
    return OBJECT._copy()


def own(d):
    """``d``, or a copy with a pool of its own when ``d`` is a template (what a
    user's ``dtype=object`` / ``dtype='S5'`` names): new arrays get own pools."""
    return d._copy() if d._pooled and d.pool is None else d


own_object = own


def object_result(*dtypes):
    """The object dtype for a result built from operands of ``dtypes``: the
    operands' own instance when they all share one (their handles stay valid),
    else a new one (each operand's handles are then remapped by ``cast``)."""
    found = None
    for d in dtypes:
        if d is not None and d.kind == "O":
            if found is None:
                found = d
            elif found is not d:
                return new_object_dtype()
    if found is None or found.pool is None:
        return new_object_dtype()
    return found  # numeric operands are cast into (appended to) its pool


OBJECT = _pooled_template(_ObjectDtype, "object", "O", 8, 17, OBJECT_INDEX, None)


def pooled_result(d, dtypes):
    """The dtype of a result of pooled dtype ``d`` (as promotion found it) built
    from operands of ``dtypes``: their shared instance when they have one, else
    a new one (strings: as wide as the widest operand)."""
    if d.kind == "O":
        return object_result(*dtypes)
    shared = dtypes[0] if dtypes else None
    if shared is not None and shared._pooled and shared.pool is not None and all(x is shared for x in dtypes):
        return shared
    if d.kind == "V":
        first = next((x for x in dtypes if x.kind == "V"), d)
        return first._copy()
    width = max((dtype_text_width(x) for x in dtypes), default=1)
    out = char_template(d.kind, 0)._copy()
    out.fit(width)
    return out


# -- timedelta64 ------------------------------------------------------------------

TIME_UNITS = ("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as")
# attoseconds in one unit; the calendar units (years, months) have no fixed length
UNIT_AS = {"W": 604800 * 10**18, "D": 86400 * 10**18, "h": 3600 * 10**18, "m": 60 * 10**18,
           "s": 10**18, "ms": 10**15, "us": 10**12, "ns": 10**9, "ps": 10**6, "fs": 10**3,
           "as": 1}
NAT = -(1 << 63)  # NumPy's "not a time", the int64 minimum


class _TimedeltaDtype(dtype):
    """``dtype('m8[unit]')``: int64 counts of ``unit`` (``''``: the generic unit,
    ``timedelta64``); the int64 minimum is NaT.  Arithmetic is in _datetime.py."""

    __slots__ = ("unit",)
    # not twins: their own values, in native byte order
    _nbo = property(lambda self: self)
    _other_order = property(lambda self: self)
    _swapped = False

    @property
    def type(self):
        return OPAQUE_SCALAR_TYPES["m"]

    @property
    def str(self):
        return "<m8" + (f"[{self.unit}]" if self.unit else "")

    @property
    def byteorder(self):
        return "="

    @property
    def alignment(self):
        return 8

    def __repr__(self):
        return f"dtype('{self.str}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        if isinstance(other, _TimedeltaDtype):
            return other is self
        return _OpaqueDtype.__eq__(self, other)  # one instance per unit, found by dtype()

    __ne__ = _OpaqueDtype.__ne__
    __hash__ = _OpaqueDtype.__hash__

    def __reduce__(self):
        return (dtype, (self.str,))


def _timedelta(unit, index):
    d = object.__new__(_TimedeltaDtype)
    d.name = "timedelta64" + (f"[{unit}]" if unit else "")
    d.kind = d.char = "m"
    d.itemsize = 8
    d.num = 22
    d._torch = torch.int64
    d._native = False
    d._index = index
    d._bits = 64
    d._min = d._max = None
    d.unit = unit
    return d


TIMEDELTA = {u: _timedelta(u, OBJECT_INDEX + 1 + i) for i, u in enumerate(("",) + TIME_UNITS)}
BYTES_INDEX = OBJECT_INDEX + 1 + len(TIMEDELTA)
STR_INDEX = BYTES_INDEX + 1
RECORD_INDEX = STR_INDEX + 1
N_TYPES = RECORD_INDEX + 1


# -- fixed-width strings and structured records (pooled, see _PooledDtype) ------------

class _CharDtype(_PooledDtype):
    """``dtype('S<n>')`` / ``dtype('<U<n>')``: strings of at most n bytes or
    characters, NumPy's ``np.bytes_`` / ``np.str_`` values in the pool
    (``n == 0``: the flexible spelling ``'S'``, sized from the data)."""

    __slots__ = ()

    @property
    def type(self):
        return OPAQUE_SCALAR_TYPES[self.kind]

    @property
    def count(self):
        return self.itemsize // 4 if self.kind == "U" else self.itemsize

    @property
    def str(self):
        return ("|S" if self.kind == "S" else "<U") + repr(self.count)

    @property
    def byteorder(self):
        return "|" if self.kind == "S" else "="

    @property
    def alignment(self):
        return 1 if self.kind == "S" else 4

    def __repr__(self):
        spelling = self.str if self.kind == "U" else self.str[1:]
        return f"dtype('{spelling if self.itemsize else spelling[:-1]}')"

    def __str__(self):
        return self.str

    def __eq__(self, other):
        other = _as_dtype_or_none(other)
        return isinstance(other, _CharDtype) and (other.kind, other.itemsize) == (self.kind, self.itemsize)

    def __hash__(self):
        return hash(("np2torch.dtype", self.name))

    def __reduce__(self):
        return (dtype, (self.str,))

    def coerce(self, value):
        """NumPy's conversion of a value stored into this string dtype: bytes or
        text (numbers as their ``str``), cut to the width, trailing NULs dropped."""
        text = _text(value, self.kind)
        n = self.count
        if n:
            text = text[:n]
        return OPAQUE_SCALAR_TYPES[self.kind](text.rstrip(b"\0" if self.kind == "S" else "\0"))

    def fit(self, width):
        """Give a new, still empty, flexible (width 0) instance its width."""
        unit = 4 if self.kind == "U" else 1
        self.itemsize = max(width, 1) * unit
        self._bits = self.itemsize * 8
        self.name = f"{'bytes' if self.kind == 'S' else 'str'}{self._bits}"


# widths NumPy gives numbers turned into strings: by source dtype, and by Python type
_NUMBER_WIDTH = {"bool": 5, "int8": 4, "int16": 6, "int32": 11, "int64": 21, "uint8": 3,
                 "uint16": 5, "uint32": 10, "uint64": 20, "float16": 32, "float32": 32,
                 "float64": 32, "complex64": 64, "complex128": 64}
_PY_WIDTH = {bool: 5, int: 21, float: 32, complex: 64}


def text_width(value):
    """The string width NumPy gives ``value`` among other elements of a list."""
    if isinstance(value, (str, bytes)):
        return len(value)
    width = _PY_WIDTH.get(type(value))
    if width is None:
        inner = getattr(value, "dtype", None)
        width = _NUMBER_WIDTH.get(getattr(inner, "name", None))
    return width if width is not None else len(str(value))


def dtype_text_width(d):
    """The string width NumPy gives the values of a numeric dtype (int64: 21)."""
    if d.kind in "SU":
        return d.count
    return _NUMBER_WIDTH.get(d.name, 32)


def _text(value, kind):
    if kind == "S":
        if isinstance(value, bytes):
            return bytes(value)
        return (value if isinstance(value, str) else _number_text(value)).encode("ascii")
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bytes):
        return bytes(value).decode("ascii")
    return _number_text(value)


def _number_text(value):
    return str(value)


_CHAR_TEMPLATES = {}


def char_template(kind, count):
    """The ``S<count>`` / ``U<count>`` dtype ``np.dtype`` returns (no pool)."""
    found = _CHAR_TEMPLATES.get((kind, count))
    if found is None:
        unit = 4 if kind == "U" else 1
        base = "bytes" if kind == "S" else "str"
        found = _pooled_template(_CharDtype, f"{base}{count * unit * 8}" if count else base, kind,
                                 count * unit, 18 if kind == "S" else 19,
                                 BYTES_INDEX if kind == "S" else STR_INDEX, b"" if kind == "S" else "")
        _CHAR_TEMPLATES[(kind, count)] = found
    return found


class _RecordDtype(_PooledDtype):
    """A structured dtype (``'S1,u4'``, ``[('a', 'f8'), ...]``): each element a
    record, stored in the pool as a tuple of NumPy scalars, one per field.
    Arrays can be made, copied, reshaped, indexed, compared and printed;
    reading one record (``np.void``) and field access are not supported."""

    __slots__ = ("fields_list",)
    _extra = ("fields_list",)

    @property
    def type(self):
        return OPAQUE_SCALAR_TYPES.get("V")

    @property
    def names(self):
        return tuple(name for name, _, _ in self.fields_list)

    @property
    def fields(self):
        out, offset = {}, 0
        for name, fd, shape in self.fields_list:
            out[name] = (fd, offset)
            offset += fd.itemsize
        return out

    @property
    def descr(self):
        return [(name, _field_spelling(fd)) + ((shape,) if shape else ())
                for name, fd, shape in self.fields_list]

    @property
    def str(self):
        return f"|V{self.itemsize}"

    @property
    def byteorder(self):
        return "|"

    @property
    def alignment(self):
        return 1

    isalignedstruct = False

    def __repr__(self):
        return f"dtype({self.descr!r})"

    def __str__(self):
        return repr(self.descr)

    def __eq__(self, other):
        other = _as_dtype_or_none(other)
        return isinstance(other, _RecordDtype) and other.fields_list == self.fields_list

    def __hash__(self):
        return hash(("np2torch.dtype", "record", repr(self.descr)))

    def __reduce__(self):
        return (dtype, (self.descr,))

    def _copy(self, default=None):
        d = _PooledDtype._copy(self)
        d.pool[0] = d._default = self.coerce(tuple(0 if not fd._pooled else fd._default
                                                   for _, fd, _ in self.fields_list))
        return d

    def coerce(self, value):
        """A record: a tuple with one value per field, each converted to its field's type."""
        if not isinstance(value, tuple) or len(value) != len(self.fields_list):
            raise ValueError(f"could not assign {value!r} to a record of {len(self.fields_list)} fields")
        from ._ndarray import asarray
        out = []
        for v, (_, fd, shape) in zip(value, self.fields_list):
            if shape:
                raise NotImplementedError("np.dtype: sub-array fields are not supported by np2torch")
            out.append(fd.coerce(v) if fd._pooled else asarray(v, dtype=fd)[()])
        return tuple(out)


def _field_spelling(fd):
    if fd.kind == "S":
        return fd.str[1:]
    return fd.str


def common_unit(u, v):
    """The unit both timedelta units convert to without loss (the finer one)."""
    if not u or u == v:
        return v
    if not v:
        return u
    if (u in UNIT_AS) != (v in UNIT_AS):
        raise TypeError(f"Cannot get a common metadata divisor for Numpy datetime metadata [{u}] "
                        f"and [{v}] because they have incompatible nonlinear base time units.")
    if u not in UNIT_AS:
        return "M"
    return u if UNIT_AS[u] < UNIT_AS[v] else v


def _timedelta_spelling(key):
    """The timedelta dtype for 'm8', '<m8[s]', 'timedelta64[ns]', 'm' (None otherwise)."""
    body = key[1:] if key[:1] in "<=|" else key
    head, sep, rest = body.partition("[")
    if head not in ("m8", "m", "timedelta64"):
        return None
    unit = rest[:-1] if sep and rest.endswith("]") else ("" if not sep else None)
    return TIMEDELTA.get(unit) if unit is not None else None


class _NoCommonDtype(dtype):
    """What the promotion table holds where two dtypes have no common dtype
    (timedelta64 with a float): any use raises NumPy's DTypePromotionError."""

    __slots__ = ("pair",)
    # not twins: their own values, in native byte order
    _nbo = property(lambda self: self)
    _other_order = property(lambda self: self)
    _swapped = False

    def _raise(self, *args):
        from .exceptions import DTypePromotionError
        a, b = self.pair
        raise DTypePromotionError(
            f"The DTypes {_dtype_class_name(a)} and {_dtype_class_name(b)} do not have a common "
            "DType. For example they cannot be stored in a single array unless the dtype is "
            "`object`.")

    kind = char = _index = _torch = _native = itemsize = property(_raise)

    def __repr__(self):
        return "<no common dtype>"


def _dtype_class_name(d):
    return f"<class 'numpy.dtypes.{'TimeDelta64' if d.kind == 'm' else d.name.capitalize()}DType'>"


def _no_common(a, b):
    d = object.__new__(_NoCommonDtype)
    d.pair = (a, b)
    d.name = "no common dtype"
    return d


_OPAQUE = {}
_OPAQUE_NAMES = {"V": ("void", 1, 8, 20), "S": ("bytes", 1, 8, 18), "U": ("str", 4, 32, 19),
                 "O": ("object", 8, 0, 17)}


def _opaque(key):
    """The opaque dtype for 'V6', 'S5', '<U3', 'O' (None for other spellings)."""
    body = key.lstrip("<>=|")
    if body in ("object", "O", "O8"):
        return OBJECT
    if body[:1] in ("V", "S", "U") and (body[1:].isdigit() or body[1:] == ""):
        kind, count = body[0], int(body[1:] or 0)
    else:
        return None
    if kind in "SU":
        return char_template(kind, count)
    found = _OPAQUE.get((kind, count))
    if found is None:
        base, unit, bits, num = _OPAQUE_NAMES[kind]
        found = object.__new__(_OpaqueDtype)
        found.name = base if kind == "O" or count == 0 else f"{base}{count * unit * 8}"
        found.kind = kind
        found.char = kind
        found.itemsize = count * unit
        found.num = num
        found._bits = found.itemsize * 8
        found._min = found._max = None
        _OPAQUE[(kind, count)] = found
    return found


# scalar types of the opaque dtypes by char, filled by _scalars (str_, bytes_, object_)
OPAQUE_SCALAR_TYPES = {}


def _opaque_structured(spec):
    """A structured dtype (list of (name, type[, shape]) or a dict): described as
    NumPy's void of the packed size; its arrays are refused."""
    if isinstance(spec, dict):
        spec = list(zip(spec["names"], spec["formats"]))
    if isinstance(spec, tuple):
        spec = [("f0", spec[0], spec[1] if len(spec) > 1 else ())]
    size = 0
    for field in spec:
        fd = dtype(field[1])
        shape = field[2] if len(field) > 2 else ()
        count = 1
        for n in ((shape,) if isinstance(shape, int) else shape):
            count *= n
        size += fd.itemsize * count
    key = ("structured", repr(spec))
    found = _OPAQUE.get(key)
    if found is None:
        found = _pooled_template(_RecordDtype, f"void{size * 8}", "V", size, 20, RECORD_INDEX, None)
        found.fields_list = tuple((field[0], dtype(field[1]), field[2] if len(field) > 2 else ())
                                  for field in spec)
        _OPAQUE[key] = found
    return found


def _reject_unsupported(obj, key):
    body = key.lstrip("<>=|")
    head = body[:1]
    if head in _UNSUPPORTED_KINDS or body in ("str", "bytes", "object", "O", "U", "S",
                                              "datetime64"):
        what = _UNSUPPORTED_KINDS.get(head, body)
        raise NotImplementedError(
            f"np.dtype({obj!r}): {what} dtypes are not supported by np2torch")
    if "," in body:
        return  # handled by _opaque_structured


# -- promotion -------------------------------------------------------------

def _smallest_float_for_int(d):
    if d.kind == "b":
        return float16
    if d.itemsize == 1:
        return float16
    if d.itemsize == 2:
        return float32
    return float64


def _promote_pair(a, b):
    if a is b:
        return a
    if a.kind == "O" or b.kind == "O":
        return OBJECT
    if a.kind in "SUV" or b.kind in "SUV":
        kinds = {a.kind, b.kind}
        if "V" in kinds or "m" in kinds:
            return _no_common(a, b)
        return char_template("U" if "U" in kinds else "S", 0)
    if a.kind == "m" or b.kind == "m":
        if a.kind == b.kind:
            try:
                return TIMEDELTA[common_unit(a.unit, b.unit)]
            except TypeError:
                return _no_common(a, b)
        td, other = (a, b) if a.kind == "m" else (b, a)
        return td if other.kind in "biu" else _no_common(a, b)
    ka, kb = a.kind, b.kind
    if ka == "b":
        return b
    if kb == "b":
        return a
    if ka in "iu" and kb in "iu":
        if ka == kb:
            return a if a.itemsize >= b.itemsize else b
        signed, unsigned = (a, b) if ka == "i" else (b, a)
        if unsigned.itemsize < signed.itemsize:
            return signed
        if unsigned.itemsize == 8:
            return float64
        return BY_NAME["int%d" % (unsigned.itemsize * 16)]
    if ka in "iu" or kb in "iu":
        intd, other = (a, b) if ka in "iu" else (b, a)
        f = _smallest_float_for_int(intd)
        if other.kind == "f":
            return f if f.itemsize >= other.itemsize else other
        # complex
        need = complex128 if f is float64 else complex64
        return need if need.itemsize >= other.itemsize else other
    # both inexact
    if ka == kb:
        return a if a.itemsize >= b.itemsize else b
    fl, cx = (a, b) if ka == "f" else (b, a)
    if fl is float64:
        return complex128
    return cx


_TABLE_TYPES = (ALL + [OBJECT] + list(TIMEDELTA.values())  # by _index
                + [char_template("S", 0), char_template("U", 0), _opaque_structured([("f0", "u1")])])
PROMOTE = [[_promote_pair(a, b) for b in _TABLE_TYPES] for a in _TABLE_TYPES]


def promote_types(type1, type2):
    """``np.promote_types``: the smallest dtype both can be safely cast to."""
    a, b = dtype(type1), dtype(type2)
    found = PROMOTE[a._index][b._index]
    if type(found) is _NoCommonDtype:
        found._raise()
    if found.kind in "SU":
        # as wide as the wider side (numbers: the width of their text)
        return char_template(found.kind, max(dtype_text_width(a), dtype_text_width(b)))
    return found


def _can_cast_dtypes(src, dst, casting):
    if src is dst:
        return True
    if casting in ("no", "equiv"):
        return False
    if casting == "unsafe":
        return True
    if src.kind in "SUV" or dst.kind in "SUV":
        if dst.kind == "O":
            return True
        if src.kind == "V" or dst.kind == "V":
            return src.kind == dst.kind
        return src.kind in "biufcSU" and dst.kind in "SU"
    if src.kind == "m" or dst.kind == "m":
        return _can_cast_timedelta(src, dst, casting)
    safe = PROMOTE[src._index][dst._index] is dst
    if casting == "safe" or safe:
        return safe
    if casting == "same_kind":
        return _KIND_ORDER[src.kind] <= _KIND_ORDER[dst.kind]
    raise ValueError(
        "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")


def _can_cast_timedelta(src, dst, casting):
    """NumPy's safe/same_kind casts to and from timedelta64."""
    if src.kind == "m" and dst.kind == "m":
        if not src.unit:
            return True
        if not dst.unit:
            return False
        try:
            finer = common_unit(src.unit, dst.unit) == dst.unit
        except TypeError:
            return False
        return finer or casting == "same_kind"
    if dst.kind == "m":
        if src.kind in "bi":
            return True
        return src.kind == "u" and (src.itemsize < 8 or casting == "same_kind")
    return dst.kind == "O"


CAN_CAST = {c: [[_can_cast_dtypes(a, b, c) for b in _TABLE_TYPES] for a in _TABLE_TYPES]
            for c in ("no", "equiv", "safe", "same_kind", "unsafe")}


def can_cast(from_, to, casting="safe"):
    """``np.can_cast`` for dtypes and arrays (Python scalars raise, as NumPy 2 does)."""
    table = CAN_CAST.get(casting)
    if table is None:
        raise ValueError(
            "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    if type(from_) in (int, float, complex, bool):
        raise TypeError(
            "can_cast() does not support Python ints, floats, and complex because the "
            "result used to depend on the value.\nThis change was part of adopting NEP 50, "
            "we may explicitly allow them again in the future.")
    src = from_.dtype if hasattr(from_, "dtype") and not isinstance(from_, dtype) and not isinstance(from_, type) else dtype(from_)
    dst = dtype(to)
    if casting == "no":
        return equivalent(src, dst)  # 'equiv' allows a change of byte order, 'no' does not
    return table[src._index][dst._index]


def weak_result(d, value):
    """NEP 50: the dtype of an operation between an array of dtype ``d`` and a
    Python scalar ``value`` (a "weak" operand)."""
    t = type(value)
    if t is bool:
        return d
    kind = d.kind
    if t is int:
        return int64 if kind == "b" else d
    if t is float:
        return POLICY["float"] if kind in "biu" else d
    # complex
    if kind in "biu":
        return POLICY["complex"]
    if d._nbo is float64:
        return complex128
    if kind == "f":
        return complex64
    return d


def loop_dtype(obj):
    """The dtype a ufunc's or reduction's ``dtype=`` asks for: NumPy takes it to
    choose a loop only, so a byte order there is an error."""
    d = dtype(obj)
    if d._swapped:
        raise TypeError(
            "The `dtype` and `signature` arguments to ufuncs only select the general DType "
            "and not details such as the byte order or time unit. You can avoid this error "
            "by using the scalar types `np.float64` or the dtype string notation.")
    return d._nbo  # loops are kept for the canonical dtypes ('q' runs 'l')


def check_int_fits(d, value):
    """NumPy 2 raises when a Python int does not fit the array's integer dtype."""
    if value < d._min or value > d._max:
        raise OverflowError(f"Python integer {value} out of bounds for {d.name}")


def _as_dtype_operand(x):
    """(dtype, weak_value_or_None) for one ``result_type`` operand."""
    t = type(x)
    if t in (bool, int, float, complex):
        return None, x
    if t is dtype:
        return x, None
    inner = getattr(x, "dtype", None)
    if isinstance(inner, dtype):
        return inner, None
    return dtype(x), None


def result_type(*arrays_and_dtypes):
    """``np.result_type`` with NEP 50 rules: Python scalars are weak."""
    if not arrays_and_dtypes:
        raise ValueError("at least one array or dtype is required")
    if len(arrays_and_dtypes) > 2:
        keys = [_dtype_or_weak_type(x) for x in arrays_and_dtypes]
        # object, string and timedelta dtypes promote pairwise (their tables decide)
        if all(type(k) is dtype or k in (int, float, complex) for k in keys):
            return _promote_sequence(keys)
    strong = None
    weak = []
    for x in arrays_and_dtypes:
        d, w = _as_dtype_operand(x)
        if d is None:
            weak.append(w)
        else:
            # a lone operand is promoted with itself: results are in native byte order
            strong = d._nbo if strong is None else PROMOTE[strong._index][d._index]
    if strong is None:
        strong = PY_DEFAULT[type(weak[0])]
        for w in weak[1:]:
            strong = PROMOTE[strong._index][PY_DEFAULT[type(w)]._index]
        return strong
    for w in weak:
        strong = weak_result(strong, w)
    if type(strong) is _NoCommonDtype:
        strong._raise()
    return strong


# -- promoting many operands ---------------------------------------------------
# Pairwise promotion is not associative (uint16, int16, float32: int32 first
# would give float64), so for three or more operands NumPy finds the "most
# knowledgeable" DType first and promotes everything with it
# (PyArray_PromoteDTypeSequence).  Operands here are native dtypes or, for weak
# Python scalars, the types int/float/complex (NumPy's abstract Python DTypes).

def _dtype_or_weak_type(x):
    d, w = _as_dtype_operand(x)
    return d._nbo if d is not None else type(w) if type(w) is not bool else bool_


def _common_dtype(a, b):
    """``a.__common_dtype__(b)``: the promotion if ``a`` knows it, None when ``a``
    leaves it to ``b`` (NotImplemented)."""
    if type(a) is dtype:
        if type(b) is dtype:
            # the DType with the larger type number decides (float16's is the largest)
            return None if b.num > a.num else PROMOTE[a._index][b._index]
        kind = a.kind
        if b is complex:
            if kind == "c":
                return a
            return (complex128 if a is float64 else complex64) if kind == "f" else None
        if b is float:
            return a if kind in "fc" else None
        return a if kind != "b" else None
    if type(b) is dtype:
        if b.kind == "b":
            return PY_DEFAULT[a]
        if b.kind in "iu" and a is not int:
            return POLICY["float"] if a is float else POLICY["complex"]
        return None
    if a is float and b is int or a is complex and b in (int, float):
        return a
    return None


def _common_either(a, b):
    if a is b:
        return a
    found = _common_dtype(a, b)
    return found if found is not None else _common_dtype(b, a)


def _most_knowledgeable(keys, length):
    """Reorder ``keys[:length]`` so that ``keys[0]`` can promote with all others;
    returns the promotion of the last pair looked at (None: not known)."""
    half = length // 2
    found = None
    for low in range(half):
        high = length - 1 - low
        found = keys[low] if keys[high] is keys[low] else _common_dtype(keys[low], keys[high])
        if found is None:
            keys[low], keys[high] = keys[high], keys[low]
        elif found is keys[low]:
            keys[high] = None  # cannot change the result
    if length == 2:
        return found
    return _most_knowledgeable(keys, length - half)


def _promote_sequence(keys):
    result = _most_knowledgeable(keys, len(keys))
    main = keys[0]
    for key in keys[1 if result is None else 2:]:
        if key is None:
            continue
        promotion = _common_dtype(main, key)
        if promotion is None:
            raise TypeError(f"The DType {key} could not be promoted by {main}.")
        result = promotion if result is None else _common_either(result, promotion)
    return result if type(result) is dtype else PY_DEFAULT[result]


# -- finfo / iinfo -----------------------------------------------------------

class finfo:
    """``np.finfo``: machine limits of a floating dtype."""

    _cache = {}

    def __new__(cls, dtype_or_value):
        d = _inexact_dtype(dtype_or_value)
        if d.kind == "c":
            d = float32 if d is complex64 else longdouble if d is clongdouble else float64
        cached = cls._cache.get(d.char)
        if cached is not None:
            return cached
        self = object.__new__(cls)
        info = torch.finfo(d._torch)
        st = d.type  # longdouble's limits are float64's, as longdouble scalars
        self.dtype = d
        self.bits = info.bits
        self.eps = st(info.eps)
        self.max = st(info.max)
        self.min = st(info.min)
        self.tiny = st(info.tiny)
        self.smallest_normal = self.tiny
        self.resolution = st(info.resolution)
        self.precision = {16: 3, 32: 6, 64: 15}[info.bits]
        self.nmant = {16: 10, 32: 23, 64: 52}[info.bits]
        self.nexp = {16: 5, 32: 8, 64: 11}[info.bits]
        self.minexp = {16: -14, 32: -126, 64: -1022}[info.bits]
        self.maxexp = {16: 16, 32: 128, 64: 1024}[info.bits]
        self.iexp = self.nexp
        self.machep = -self.nmant
        self.negep = {16: -11, 32: -24, 64: -53}[info.bits]
        self.epsneg = st(2.0 ** self.negep)
        self.smallest_subnormal = st(2.0 ** (self.minexp - self.nmant))
        cls._cache[d.char] = self
        return self

    def __repr__(self):
        return (f"finfo(resolution={self.resolution}, min={self.min:.6e}, max={self.max:.6e}, "
                f"dtype={self.dtype})")


def _inexact_dtype(x):
    if isinstance(x, (float, complex)) and not isinstance(x, type):
        x = type(x)
    if isinstance(x, type) and x in (float, complex, int):
        return float64 if x is not complex else complex128
    d = dtype(x) if not hasattr(x, "dtype") or isinstance(x, type) else x.dtype
    if d.kind not in "fc":
        raise ValueError(f"data type {d.type!r} not inexact")
    return d.newbyteorder("=")


class iinfo:
    """``np.iinfo``: limits of an integer dtype."""

    def __init__(self, int_type):
        if isinstance(int_type, int) and not isinstance(int_type, bool):
            d = int64
        elif hasattr(int_type, "dtype") and not isinstance(int_type, type) and type(int_type) is not dtype:
            d = int_type.dtype
        else:
            d = dtype(int_type)
        if d.kind not in "iu":
            raise ValueError(f"Invalid integer data type {d.kind!r}.")
        self.dtype = d
        self.kind = d.kind
        self.bits = d._bits
        self.min = d._min
        self.max = d._max

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"


typecodes = {
    "Character": "c", "Integer": "bhilqnp", "UnsignedInteger": "BHILQNP",
    "Float": "efdg", "Complex": "FDG", "AllInteger": "bBhHiIlLqQnNpP",
    "AllFloat": "efdgFDG", "Datetime": "Mm", "All": "?bhilqnpBHILQNPefdgFDGSUVOMm",
}

# NumPy's scalar type names -> scalar types (filled by _scalars)
sctypeDict = {}
