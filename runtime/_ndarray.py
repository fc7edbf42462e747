"""The ``ndarray`` class: a torch tensor plus the NumPy dtype it holds.

An ndarray owns nothing but two slots: ``_t`` (the tensor, in the dtype's
storage type, on any device) and ``_dtype``.  Views are torch views, so
memory is shared exactly where torch shares it.  Wrapping costs one object
allocation and two stores; operations do their dtype work through tables
built at import (see _ufuncs.py).
"""

import builtins
import numbers
import operator
from collections.abc import Mapping

import torch

from . import _dtypes as D
from . import _scalars as S
from ._casting import cast, to_torch_value_dtype, uint64_as_float, object_values, object_handles, plain
from ._config import current_device
from ._flags import READONLY, check_writeable, is_readonly, readonly_view

__all__ = ["ndarray", "array", "asarray", "asanyarray", "ascontiguousarray", "require",
           "asfortranarray", "from_torch", "to_torch", "isscalar", "ndim", "shape", "size",
           "shares_memory", "may_share_memory"]

_new = object.__new__
_is_compiling = torch.compiler.is_compiling
_MAKERS = S._MAKERS  # id(dtype) -> constructor of its NumPy scalar from a Python value
_PLAIN = (bool, int, float, complex)


def _wrap(t, d):
    a = _new(ndarray)
    a._t = t
    a._dtype = d
    return a


def item_of(t, d):
    """A Python value of the one element of tensor ``t`` holding dtype ``d``."""
    v = t.item()
    if d._nbo is D.uint64 and v < 0:
        v += 1 << 64
    elif d._pooled:
        return d.pool[v] if d.kind == "O" else plain(d.pool[v])
    elif d.kind == "m":
        from ._datetime import python_value
        return python_value(v, d)
    return v


def box(t, d):
    """An ndarray, or NumPy's scalar for a 0-d result."""
    if t.ndim or t.requires_grad or _is_compiling():
        # a 0-d result that carries autograd history stays a 0-d array: a scalar
        # (a Python value) would cut the graph; under torch.compile likewise
        # (reading the value back would break the traced graph)
        a = _new(ndarray)
        a._t = t
        a._dtype = d
        return a
    if d is D.uint64:
        return S.make_scalar(item_of(t, d), d)
    try:
        maker = _MAKERS[id(d)]
    except KeyError:
        # an object array's element is the object itself; strings are np.bytes_/np.str_
        if d.kind == "V":
            raise NotImplementedError("np.void: reading one record of a structured array is not "
                                      "supported by np2torch (use .tolist())") from None
        return d.pool[t.item()]
    return maker(t.item())


def broadcast_shapes_or_raise(*shapes):
    """torch.broadcast_shapes with NumPy's ValueError for shapes that do not broadcast."""
    try:
        return torch.broadcast_shapes(*shapes)
    except RuntimeError:
        text = " ".join(str(tuple(s)) for s in shapes)
        raise ValueError(f"operands could not be broadcast together with shapes {text} ") from None


def check_same_device(tensors):
    """NumPy has one memory; here operands must share a device (0-d CPU tensors
    mix with any device, as in torch).  Raises a ValueError saying what to do."""
    devices = {t.device for t in tensors if isinstance(t, torch.Tensor)
               and not (t.ndim == 0 and t.device.type == "cpu")}
    if len(devices) > 1:
        raise mixed_devices_error(devices)


def mixed_devices_error(devices):
    names = ", ".join(sorted(str(d) for d in devices))
    return ValueError(f"operands are on different devices ({names}); move one with "
                      "a.to_device(device), or create both under "
                      "np2torch.runtime.default_device(device)")


def _normalize_axis(axis, ndim):
    if axis < -ndim or axis >= ndim:
        from .exceptions import AxisError
        raise AxisError(axis, ndim)
    return axis % ndim if ndim else 0


class ndarray:
    """N-dimensional array with NumPy semantics, stored in a ``torch.Tensor``."""

    __slots__ = ("_t", "_dtype", "__weakref__")
    __array_priority__ = 1000.0
    __hash__ = None

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise NotImplementedError("np.ndarray(buffer=..., strides=...) is not supported by np2torch")
        from ._creation import empty
        return empty(shape, dtype)

    # -- torch interop -------------------------------------------------------
    @property
    def tensor(self):
        """The underlying torch tensor (no copy; shares memory and autograd)."""
        return self._t

    def to_torch(self):
        """The array as a torch tensor, zero-copy, on its device."""
        return to_torch_value_dtype(self._t, self._dtype)

    @property
    def device(self):
        return self._t.device

    def to_device(self, device, /, *, stream=None):
        return _wrap(self._t.to(device), self._dtype)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        args = _untree(args)
        kwargs = _untree(kwargs or {})
        return func(*args, **kwargs)

    def __array__(self, dtype=None, copy=None):
        if self._dtype._pooled:
            raise NotImplementedError(f"ndarray.__array__: arrays of dtype {self._dtype} cannot be "
                                      "exported to NumPy by np2torch (use .tolist())")
        t = to_torch_value_dtype(self._t, self._dtype).detach().cpu()
        out = t.resolve_conj().resolve_neg().numpy()
        if self._dtype.kind == "m":
            out = out.view(self._dtype.str)  # NumPy's timedelta64 of the same counts
        if dtype is not None:
            out = out.astype(dtype)
        elif self._dtype._swapped:
            out = out.astype(self._dtype.str)  # NumPy's array in the same byte order
        elif self._dtype.char in "qQ":
            out = out.astype(self._dtype.char)  # NumPy's longlong has the same values
        # (longdouble, double precision here, leaves as float64)
        return out

    def __array_namespace__(self, *, api_version=None):
        from np2torch import runtime
        return runtime

    def __dlpack__(self, *args, **kwargs):
        return self.to_torch().__dlpack__(*args, **kwargs)

    def __dlpack_device__(self):
        return self._t.__dlpack_device__()

    # -- attributes ----------------------------------------------------------
    @property
    def dtype(self):
        return self._dtype

    @property
    def shape(self):
        return tuple(self._t.shape)

    @shape.setter
    def shape(self, value):
        new = self.reshape(value)
        if not _shares_storage(new._t, self._t):
            raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.")
        self._t = new._t

    @property
    def ndim(self):
        return self._t.ndim

    @property
    def size(self):
        return self._t.numel()

    @property
    def itemsize(self):
        return self._dtype.itemsize

    @property
    def nbytes(self):
        return self._t.numel() * self._dtype.itemsize

    @property
    def strides(self):
        size = self._dtype.itemsize
        return tuple(s * size for s in self._t.stride())

    @property
    def base(self):
        b = self._t._base
        return None if b is None else _wrap(b, self._dtype)

    @property
    def flags(self):
        from ._flags import Flags
        return Flags(self)

    @property
    def T(self):
        t = self._t
        # t.t() is the 0/1/2-d case in one call; permute covers the rest
        return _wrap(t.t() if t.ndim <= 2 else t.permute(tuple(range(t.ndim - 1, -1, -1))), self._dtype)

    @property
    def mT(self):
        if self._t.ndim < 2:
            raise ValueError("matrix transpose with ndim < 2 is undefined")
        return _wrap(self._t.transpose(-2, -1), self._dtype)

    @property
    def real(self):
        if self._dtype.kind == "c":
            return _wrap(self._t.real, _part_dtype(self._dtype))
        return self

    @real.setter
    def real(self, value):
        self.real[...] = value

    @property
    def imag(self):
        if self._dtype.kind == "c":
            return _wrap(self._t.imag, _part_dtype(self._dtype))
        from ._creation import zeros_like
        z = zeros_like(self)
        return z

    @imag.setter
    def imag(self, value):
        if self._dtype.kind != "c":
            raise TypeError("array does not have imaginary part to set")
        self.imag[...] = value

    @property
    def flat(self):
        from ._indexing import flatiter
        return flatiter(self)

    @property
    def data(self):
        return memoryview(self.tobytes())

    # -- conversion ------------------------------------------------------------
    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        d = D.dtype(dtype)
        if d._pooled:
            # the same pooled dtype keeps its pool; anything else gets a new one
            d = self._dtype if d == self._dtype and d.itemsize else D.own(d)
        elif d.kind == "m" and not d.unit and self._dtype.kind == "m":
            d = self._dtype  # the generic unit keeps the array's own
        if casting not in D.CAN_CAST:
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or "
                             f"'unsafe' (got {casting!r})")
        if not D.CAN_CAST[casting][self._dtype._index][d._index] or (
                casting == "no" and not D.equivalent(d, self._dtype)):
            raise TypeError(f"Cannot cast array data from {self._dtype!r} to {d!r} according to the rule {casting!r}")
        if d is self._dtype:
            return _wrap(self._t.clone(), d) if copy else self
        t = cast(self._t, self._dtype, d)
        # a change of byte order only: the values stay, the new array is a copy
        return _wrap(t.clone() if t is self._t else t, d)

    def copy(self, order="C"):
        t = self._t
        if order != "C" and t.ndim > 1 and _wants_fortran(t, order):
            rev = tuple(range(t.ndim - 1, -1, -1))
            return _wrap(t.permute(rev).contiguous().permute(rev), self._dtype)
        if order == "K":
            return _wrap(t.clone(), self._dtype)  # torch keeps a dense tensor's stride order
        return _wrap(t.clone(memory_format=torch.contiguous_format), self._dtype)

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        if self._dtype._pooled:
            import copy
            d = self._dtype._copy()
            values = copy.deepcopy(object_values(self._t, self._dtype), memo)
            return _wrap(object_handles(values, d, self._t.shape, self._t.device), d)
        return self.copy()

    def __reduce__(self):
        d = self._dtype
        if d._pooled:
            return (_rebuild_pooled, (d, object_values(self._t, d), self.shape))
        return (_rebuild, (self.tolist() if self.ndim else self.item(), d.name if d.isnative else d.str, self.shape))

    def tolist(self):
        d = self._dtype
        if d._pooled:
            pool = d.pool
            if d.kind == "O":
                return _map_nested(self._t.cpu().tolist(), pool.__getitem__)
            return _map_nested(self._t.cpu().tolist(), lambda h: plain(pool[h]))
        if d.kind == "m":
            from ._datetime import python_value
            return _map_nested(self._t.cpu().tolist(), lambda v: python_value(v, d))
        t = self._t.detach()
        if d._nbo is D.uint64:
            values = t.cpu().tolist()
            return _map_nested(values, lambda v: v + (1 << 64) if v < 0 else v)
        if t.is_conj():
            t = t.resolve_conj()
        return t.cpu().tolist()

    def item(self, *args):
        if args:
            if len(args) == 1 and isinstance(args[0], tuple):
                args = args[0]
            if len(args) == 1:
                flat = self._t.reshape(-1)
                n = flat.numel()
                i = operator.index(args[0])
                if i < -n or i >= n:
                    raise IndexError(f"index {i} is out of bounds for size {n}")
                return item_of(flat[i], self._dtype)
            return item_of(self._t[tuple(operator.index(i) for i in args)], self._dtype)
        if self._t.numel() != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return item_of(self._t.reshape(()), self._dtype)

    def tobytes(self, order="C"):
        from ._io_bytes import tensor_bytes
        return tensor_bytes(self, order)

    def fill(self, value):
        if READONLY:
            check_writeable(self)
        d = self._dtype
        if d._pooled:
            self._t.fill_(object_handles([d.coerce(value)], d, (), self._t.device))
            return
        self._t.fill_(_fill_value(value, d))

    def view(self, dtype=None, type=None):
        if dtype is None or (isinstance(dtype, builtins.type) and issubclass(dtype, ndarray)):
            return _wrap(self._t.view(self._t.shape), self._dtype)
        d = D.dtype(dtype)
        if d is self._dtype:
            return _wrap(self._t.view(self._t.shape), d)
        src = self._dtype
        if d._pooled or src._pooled:
            if d == src:
                return _wrap(self._t.view(self._t.shape), src)
            if d.kind == "O" or src.kind == "O":
                raise TypeError("Cannot change data-type for array of references.")
            raise NotImplementedError(f"ndarray.view: reinterpreting {src} as {d} is not "
                                      "supported by np2torch")
        if src._swapped or d._swapped:
            same_order = src._swapped and d._swapped and src.itemsize == d.itemsize
            if not same_order:
                return _byte_order_view(self, src, d)
            # both swapped, one size: bytes and values reinterpret alike, a true view
        try:
            if self._dtype._native and d._native:
                t = self._t.view(d._torch)
            else:
                t = _reinterpret(self._t, self._dtype, d)
        except RuntimeError as e:
            raise ValueError(f"Changing the dtype of a 0d array is only supported if the itemsize is unchanged; {e}") from None
        if READONLY and is_readonly(self._t):
            t = readonly_view(t)  # a dtype view is no torch view: carry the flag over
        return _wrap(t, d)

    # -- Python protocol ---------------------------------------------------------
    def __len__(self):
        if self._t.ndim == 0:
            raise TypeError("len() of unsized object")
        return self._t.shape[0]

    def __iter__(self):
        if self._t.ndim == 0:
            raise TypeError("iteration over a 0-d array")
        d = self._dtype
        if self._t.ndim == 1:
            if d._pooled or d.kind == "m":
                return iter([box(h, d) for h in self._t.unbind(0)])
            return iter([S.make_scalar(v, d) for v in self.tolist()])
        return (_wrap(row, d) for row in self._t.unbind(0))

    def __bool__(self):
        if self._t.numel() != 1:
            raise ValueError("The truth value of an array with more than one element is "
                             "ambiguous. Use a.any() or a.all()")
        if self._dtype._pooled:
            return bool(self.item())
        return bool(self._t.reshape(()).item())

    def __float__(self):
        self._check_scalar_conversion()
        v = self.item()
        if isinstance(v, complex):
            from .exceptions import ComplexWarning
            import warnings
            warnings.warn("Casting complex values to real discards the imaginary part", ComplexWarning, stacklevel=2)
            v = v.real
        return float(v)

    def __int__(self):
        self._check_scalar_conversion()
        return int(self.item())

    def __complex__(self):
        self._check_scalar_conversion()
        return complex(self.item())

    def __index__(self):
        if self._t.ndim != 0 or self._dtype.kind not in "iu":
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self.item()

    def _check_scalar_conversion(self):
        if self._t.numel() != 1:
            raise TypeError("only length-1 arrays can be converted to Python scalars")
        if self._t.ndim:
            from ._errstate import deprecation
            deprecation("Conversion of an array with ndim > 0 to a scalar is deprecated, and will error in future. "
                        "Ensure you extract a single element from your array before performing this operation. "
                        "(Deprecated NumPy 1.25.)")

    def __contains__(self, value):
        return bool((self == value).any())

    def __repr__(self):
        from ._printing import ndarray_repr
        return ndarray_repr(self)

    def __str__(self):
        from ._printing import array_str
        return array_str(self)

    def __format__(self, spec):
        if self._t.ndim == 0:
            return format(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to numpy.ndarray.__format__")
        return str(self)

    # __getitem__/__setitem__ are _indexing.getitem/setitem, installed by _methods.install()

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


ndarray.__module__ = "np2torch.runtime"


def _part_dtype(d):
    """The dtype of ``.real``/``.imag`` of a complex dtype (same byte order)."""
    part = D.float32 if d._nbo is D.complex64 else D.longdouble if d.char == "G" else D.float64
    return part if d.isnative else part.newbyteorder()


# the torch dtype holding exactly a dtype's bits (uint16/uint32 are stored widened)
_BITS_OF_WIDENED = {"uint16": torch.int16, "uint32": torch.int32}
_WIDE_OF = {"uint16": (torch.int32, 0xFFFF), "uint32": (torch.int64, 0xFFFFFFFF)}


def _reinterpret(t, src, dst):
    """``view(dst)`` of storage tensor ``t`` of dtype ``src`` when either side is
    stored differently from its bits (uint16/uint32/uint64).

    uint64 is stored as the int64 bit pattern, so a view to or from it shares
    memory like any other.  uint16/uint32 are stored widened: their bits exist
    only after narrowing, so the result is a *copy* holding exactly the bytes
    NumPy's view would show; writes into it do not reach the original (see
    docs/coverage-notes.md)."""
    narrow = _BITS_OF_WIDENED.get(src.name)
    if narrow is not None:
        t = t.to(narrow)  # keeps the low bits: the value itself, in range
    target = _BITS_OF_WIDENED.get(dst.name) or dst._torch
    t = t.view(target)
    wide = _WIDE_OF.get(dst.name)
    if wide is not None:
        t = t.to(wide[0]) & wide[1]
    return t


def _byte_order_view(arr, src, dst):
    """``arr.view(dst)`` across byte orders (``'>u4'`` as ``'<u4'``, or as bytes).

    Values live in native order, so such a view is no torch view: its values
    are computed from ``arr``'s bytes.  That is NumPy's result only while no
    write can go through either array, so it is given for read-only arrays
    (as a read-only copy) and refused otherwise."""
    if not is_readonly(arr._t):
        raise NotImplementedError(
            f"ndarray.view: viewing {src!r} data as {dst!r} reinterprets its bytes in another "
            "byte order, which np2torch cannot do as a view (arrays hold values in native "
            "byte order); a.astype(dtype) changes the byte order keeping the values, "
            "a.byteswap() swaps the bytes of the values (see docs/coverage-notes.md)")
    from ._io_bytes import reinterpret
    try:
        t = reinterpret(arr._t, src, dst)
    except RuntimeError as e:
        raise ValueError("When changing to a smaller dtype, its size must be a divisor of the "
                         f"size of original dtype; {e}") from None
    return _wrap(readonly_view(t), dst)


def _wants_fortran(t, order):
    """Whether NumPy's ``order`` gives a Fortran-ordered copy of ``t``."""
    order = order.upper() if isinstance(order, str) else "K"
    if order == "F":
        return True
    if order in "AK" and not t.is_contiguous():
        return t.permute(tuple(range(t.ndim - 1, -1, -1))).is_contiguous()
    return False


_REQUIREMENTS = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C", "F": "F", "F_CONTIGUOUS": "F",
                 "FORTRAN": "F", "A": "A", "ALIGNED": "A", "W": "W", "WRITEABLE": "W", "O": "O",
                 "OWNDATA": "O", "E": "E", "ENSUREARRAY": "E"}


def require(a, dtype=None, requirements=None, *, like=None):
    """``np.require``: ``a`` as an array of ``dtype`` meeting the flag requirements
    (copying only when it does not)."""
    if not requirements:
        return asanyarray(a, dtype=dtype)
    wanted = {_REQUIREMENTS[r.upper()] for r in requirements}
    wanted.discard("E")
    order = "A"
    if {"C", "F"} <= wanted:
        raise ValueError('Cannot specify both "C" and "F" order')
    if "C" in wanted or "F" in wanted:
        order = "C" if "C" in wanted else "F"
        wanted.discard(order)
    arr = asanyarray(a, dtype=dtype)
    if (order == "C" and not arr.flags.c_contiguous) or (order == "F" and not arr.flags.f_contiguous):
        arr = arr.copy(order)
    for flag in wanted:
        if not arr.flags[flag]:
            return arr.copy(order)
    return arr


def _rebuild(values, dtype_name, shape):
    return array(values, dtype=dtype_name).reshape(shape)


def _rebuild_pooled(d, values, shape):
    d = d._copy()
    return _wrap(object_handles(values, d, shape, current_device()), d)


def _shares_storage(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


def _byte_extent(t):
    """[first, last) byte addresses a tensor's elements can touch."""
    if t.numel() == 0:
        return 0, 0
    isz = t.element_size()
    lo = hi = t.storage_offset()
    for n, st in zip(t.shape, t.stride()):
        if st >= 0:
            hi += (n - 1) * st
        else:
            lo += (n - 1) * st
    base = t.untyped_storage().data_ptr()
    return base + lo * isz, base + (hi + 1) * isz


def _element_bytes(t):
    """Start byte of every element (relative to the storage), as a 1-d tensor."""
    offs = torch.as_strided(torch.arange(t.untyped_storage().nbytes() // t.element_size() + 1),
                            t.shape, t.stride(), t.storage_offset())
    return offs.reshape(-1) * t.element_size()


def _operand_tensor(x):
    if isinstance(x, ndarray):
        return x._t
    if isinstance(x, torch.Tensor):
        return x
    return None


def may_share_memory(a, b, /, max_work=None):
    """NumPy's may_share_memory: whether the byte ranges of a and b overlap."""
    ta, tb = _operand_tensor(a), _operand_tensor(b)
    if ta is None or tb is None:
        return False
    lo_a, hi_a = _byte_extent(ta)
    lo_b, hi_b = _byte_extent(tb)
    return lo_a < hi_b and lo_b < hi_a


def shares_memory(a, b, /, max_work=None):
    """NumPy's shares_memory: whether some byte belongs to both a and b (exact)."""
    if not may_share_memory(a, b):
        return False
    ta, tb = _operand_tensor(a), _operand_tensor(b)
    if ta.untyped_storage().data_ptr() != tb.untyped_storage().data_ptr():
        return True  # overlapping extents of distinct storages: partial-view aliasing
    if ta.element_size() != tb.element_size():
        return True
    ea, eb = _element_bytes(ta), _element_bytes(tb)
    return bool(torch.isin(ea, eb).any())


def _map_nested(values, fn):
    if isinstance(values, list):
        return [_map_nested(v, fn) for v in values]
    return fn(values)


def _untree(obj):
    if type(obj) is ndarray:
        return obj.to_torch()
    if isinstance(obj, (list, tuple)):
        return type(obj)(_untree(o) for o in obj)
    if isinstance(obj, dict):
        return {k: _untree(v) for k, v in obj.items()}
    return obj


# -- from Python objects to tensors ------------------------------------------------

def _fill_value(value, d):
    """A Python value to store into an array of dtype ``d`` (NumPy's setitem rules)."""
    if type(value) is int and d.kind in "iu":
        D.check_int_fits(d, value)
        if value >= 1 << 63 and d._nbo is D.uint64:
            value -= 1 << 64
        return value
    if d._pooled:
        # a value copied into an object array (as NumPy's copyto does: scalars
        # and 0-d arrays are converted like arrays, to Python values)
        if isinstance(value, S.generic) and d.kind == "O":
            value = value._py()
        elif isinstance(value, ndarray):
            value = value.item()
        if d.kind in "SU" and not d.itemsize:
            d.fit(len(D._text(value, d.kind)))
        pool = d.pool
        pool.append(d.coerce(value))
        return len(pool) - 1
    if d.kind == "m":
        from ._datetime import stored_value
        return stored_value(value, d)
    if isinstance(value, (S.generic,)):
        value = value._py()
    if isinstance(value, ndarray):
        value = value.item()
    if d.kind == "b":
        return bool(value)
    if d.kind in "iu":
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                value = -(1 << 63) if d.kind == "i" else 0
            else:
                value = int(value)
        elif isinstance(value, complex):
            value = int(value.real)
        value = int(value)
        if value < d._min or value > d._max:
            from ._casting import wrap_unsigned
            bits = d._bits
            value &= (1 << bits) - 1
            if d.kind == "i" and value >= 1 << (bits - 1):
                value -= 1 << bits
        if value >= 1 << 63 and d._nbo is D.uint64:
            value -= 1 << 64
        return value
    if d.kind == "f":
        if isinstance(value, complex):
            from .exceptions import ComplexWarning
            import warnings
            warnings.warn("Casting complex values to real discards the imaginary part", ComplexWarning, stacklevel=3)
            value = value.real
        return float(value)
    return complex(value)


class _Scan:
    """What a nested sequence holds: its dtype (by NumPy's coercion rules)."""

    __slots__ = ("dtype", "plain", "big", "arrays", "strings")

    def __init__(self):
        self.dtype = None
        self.plain = True   # only Python numbers: torch.tensor can take it as is
        self.big = False    # a Python int beyond int64
        self.arrays = False  # holds ndarrays/tensors: stack them
        self.strings = False  # holds str/bytes (NumPy: a string array unless objects too)

    def add(self, d):
        self.dtype = d if self.dtype is None else D.PROMOTE[self.dtype._index][d._index]


_PY_DTYPE = D.PY_DEFAULT  # Python value -> dtype (the float policy updates it)


def _scan(obj, scan):
    t = type(obj)
    d = _PY_DTYPE.get(t)
    if d is not None:
        if t is int and (obj > 9223372036854775807 or obj < -9223372036854775808):
            if 0 <= obj < 1 << 64:
                scan.big = True
                scan.add(D.uint64)
                return
            raise _ObjectElements(obj)
        scan.add(d)
        return
    if t is list or t is tuple:
        for o in obj:
            _scan(o, scan)
        return
    if isinstance(obj, S.generic):
        scan.plain = False
        if isinstance(obj, (str, bytes)):
            scan.strings = True
            return
        scan.add(obj._dtype)
        return
    if isinstance(obj, ndarray):
        if obj._dtype._pooled:
            if obj._dtype.kind in "SU":
                scan.plain = False
                scan.strings = True
                return
            raise _ObjectElements(obj)
        scan.plain = False
        scan.arrays = True
        scan.add(obj._dtype)
        return
    if isinstance(obj, torch.Tensor):
        scan.plain = False
        scan.arrays = True
        scan.add(D.dtype(obj.dtype))
        return
    if isinstance(obj, (float, int, complex, bool)):
        scan.plain = False
        scan.add(_PY_DTYPE[float if isinstance(obj, float) else int if isinstance(obj, int) else complex])
        return
    if isinstance(obj, (str, bytes)):
        scan.plain = False
        scan.strings = True
        return
    if hasattr(obj, "__array__") or hasattr(obj, "__array_interface__"):
        if getattr(getattr(obj, "dtype", None), "kind", None) == "O":
            raise _ObjectElements(obj)
        scan.plain = False
        scan.arrays = True
        scan.add(_foreign_tensor(obj)[1])
        return
    if hasattr(obj, "__len__") and hasattr(obj, "__getitem__") and not isinstance(obj, Mapping):
        scan.plain = False
        for o in obj:
            _scan(o, scan)
        return
    # None, an iterator, a dict, any other object: NumPy makes an object array
    raise _ObjectElements(obj)


def _leaf_tensor(obj, d, device):
    """Nested structure with non-plain leaves -> tensor of dtype d."""
    if isinstance(obj, ndarray):
        return cast(obj._t, obj._dtype, d).to(device)
    if isinstance(obj, torch.Tensor):
        src = D.dtype(obj.dtype)
        return cast(_tensor_from_torch(obj), src, d).to(device)
    if isinstance(obj, S.generic) and obj._dtype.kind == "m":
        return cast(torch.tensor(obj._value, device=device), obj._dtype, d)
    if isinstance(obj, S.generic) or type(obj) in _PLAIN or isinstance(obj, (int, float, complex)):
        v = obj._py() if isinstance(obj, S.generic) else obj
        return torch.tensor(_fill_value(v, d), dtype=d._torch, device=device)
    if hasattr(obj, "__array__") and not isinstance(obj, (list, tuple)):
        t, src = _foreign_tensor(obj)
        return cast(t, src, d).to(device)
    parts = [_leaf_tensor(o, d, device) for o in obj]
    if not parts:
        return torch.empty((0,), dtype=d._torch, device=device)
    shapes = {p.shape for p in parts}
    if len(shapes) != 1:
        raise ValueError("setting an array element with a sequence. The requested array has an "
                         "inhomogeneous shape after 1 dimensions. The detected shape was "
                         f"({len(parts)},) + inhomogeneous part.")
    return torch.stack(parts)


def _foreign_tensor(obj):
    """Tensor + dtype for an object exposing ``__array__`` (e.g. a NumPy array)."""
    arr = obj.__array__()
    swapped = not getattr(arr.dtype, "isnative", True)
    if swapped:
        # torch takes native byte order only: the same values, natively (the dtype keeps the order)
        arr = arr.astype(arr.dtype.newbyteorder("="))
    longlong = getattr(arr.dtype, "char", None) in ("q", "Q")
    if longlong:
        # torch takes NumPy's int64/uint64 but not longlong/ulonglong, the same values
        arr = arr.view("i8" if arr.dtype.char == "q" else "u8")
    if type(arr).__module__ == "numpy":
        try:
            t = torch.from_numpy(arr)
        except ValueError:
            # negative strides: torch needs a copy
            t = torch.from_numpy(arr.copy())
    else:
        t = torch.as_tensor(arr)
    name = str(arr.dtype)
    d = D.BY_NAME.get(name)
    if d is None:
        raise NotImplementedError(f"np.asarray: arrays of dtype {name} are not supported by np2torch")
    if longlong:
        d = D.longlong if d is D.int64 else D.ulonglong
    return _tensor_from_torch(t), d.newbyteorder() if swapped else d


def _tensor_from_torch(t):
    """Storage tensor for a tensor of torch's own (possibly unsigned) dtype."""
    dt = t.dtype
    if dt is torch.uint16:
        return t.to(torch.int32)
    if dt is torch.uint32:
        return t.to(torch.int64)
    if dt is torch.uint64:
        return t.view(torch.int64)
    return t


class _ObjectElements(Exception):
    """A nested sequence holds an element NumPy stores only in an object array."""


def _object_from_nested(obj, d, device, allow_ragged=True):
    from ._object import from_nested
    if device is None:
        device = current_device()
    return from_nested(obj, d, device, allow_ragged), d


def _from_nested(obj, d, device):
    if d is not None and d._pooled:
        return _object_from_nested(obj, D.own(d), device, allow_ragged=d.kind == "O")
    scan = _Scan()
    try:
        _scan(obj, scan)
    except _ObjectElements as e:
        # NumPy makes an object array of what holds None, other objects or
        # Python ints beyond 64 bits; a numeric dtype converts its elements
        if d is not None:
            if type(e.args[0]) is int:
                raise OverflowError(f"Python integer {e.args[0]} out of bounds for {d.name}") from None
            od = D.new_object_dtype()
            t, od = _object_from_nested(obj, od, device, allow_ragged=False)
            return cast(t, od, d), d
        return _object_from_nested(obj, D.new_object_dtype(), device, allow_ragged=False)
    if scan.strings:
        if d is not None:
            t, sd = _object_from_nested(obj, _string_dtype_of(obj), device, allow_ragged=False)
            return cast(t, sd, d), d
        return _object_from_nested(obj, _string_dtype_of(obj), device, allow_ragged=False)
    inferred = scan.dtype if scan.dtype is not None else D.float64
    target = inferred if d is None else d
    if scan.plain and not scan.big:
        if d is not None and d.kind in "iu" and inferred.kind in "iu":
            if d._nbo is not D.int64:
                # NumPy 2 refuses out-of-range Python ints (negative ones for the
                # widened unsigned types too)
                _check_nested_ints(obj, d)
            t = torch.tensor(obj, dtype=torch.int64, device=device)
            return cast(t, D.int64, target), target
        if inferred.kind in "bif" and target.kind in "iu":
            t = torch.tensor(obj, dtype=inferred._torch, device=device)
            return cast(t, inferred, target), target
        try:
            t = torch.tensor(obj, dtype=target._torch if target._native else torch.int64, device=device)
        except (ValueError, TypeError) as e:
            raise _ragged(obj, e) from None
        if not target._native:
            t = cast(t, D.int64, target) if target.kind != "f" else t
        return t, target
    try:
        t = _leaf_tensor(obj, target, device)
    except ValueError:
        raise
    return t, target


def _string_dtype_of(obj):
    """NumPy's string dtype for nested data holding str/bytes (and numbers):
    ``<U`` if any text is str, else ``S``, as wide as the widest element."""
    from ._object import discover
    leaves = discover(obj)[1]
    kind = "U" if any(isinstance(v, str) or (isinstance(v, ndarray) and v._dtype.kind == "U")
                      for v in leaves) else "S"
    d = D.char_template(kind, 0)._copy()
    d.fit(max((D.text_width(v) for v in leaves), default=1))
    return d


def _check_nested_ints(obj, d):
    if type(obj) is int:
        D.check_int_fits(d, obj)
    elif type(obj) in (list, tuple):
        for o in obj:
            _check_nested_ints(o, d)


def _ragged(obj, err):
    return ValueError("setting an array element with a sequence. The requested array has an "
                      f"inhomogeneous shape. ({err})")


def _tensor_and_dtype(obj, d=None, device=None, keep_order=False):
    """Normalise any array-like to (storage tensor, NumPy dtype).

    Without ``d`` the dtype is canonical (``_nbo``: native byte order, int64
    for longlong), as an operand of a computation wants it, unless
    ``keep_order`` (asarray, array) keeps an array's or scalar's own."""
    if isinstance(obj, ndarray):
        if d is None:
            return obj._t, obj._dtype if keep_order else obj._dtype._nbo
        if d is obj._dtype:
            return obj._t, d
        if d._pooled and d.pool is None:
            if d == obj._dtype or (d is D.OBJECT and obj._dtype.kind == "O"):
                return obj._t, obj._dtype  # already of that dtype: as it is, pool and all
            d = d._copy()
        return cast(obj._t, obj._dtype, d), d
    if device is None:
        device = current_device()
    t = type(obj)
    if t in _PY_DTYPE:
        src = _PY_DTYPE[t]
        if t is int and not (-9223372036854775808 <= obj <= 9223372036854775807):
            if d is None and 0 <= obj < 1 << 64:
                src = D.uint64
            elif d is None:
                return _object_from_nested(obj, D.new_object_dtype(), device)
        target = src if d is None else D.own(d)
        return torch.tensor(_fill_value(obj, target), dtype=target._torch, device=device), target
    if isinstance(obj, S.generic):
        if isinstance(obj, (str, bytes)):
            return _from_nested(obj, d, device)
        src = obj._dtype
        target = (src if keep_order else src._nbo) if d is None else D.own(d)
        v = obj._py()
        if target is not src:
            tt = torch.tensor(_fill_value(v, src), dtype=src._torch, device=device)
            return cast(tt, src, target), target
        return torch.tensor(_fill_value(v, target), dtype=target._torch, device=device), target
    if isinstance(obj, torch.Tensor):
        if obj.dtype in D.UNSUPPORTED_TORCH:
            raise NotImplementedError(f"np.asarray: torch dtype {obj.dtype} has no NumPy counterpart")
        src = D.FROM_TORCH[obj.dtype]
        base = _tensor_from_torch(obj)
        if d is None or d is src:
            return base, src
        d = D.own(d)
        return cast(base, src, d), d
    if t is list or t is tuple:
        return _from_nested(obj, d, device)
    if hasattr(obj, "__array__") or hasattr(obj, "__array_interface__"):
        if getattr(getattr(obj, "dtype", None), "kind", None) == "O":
            # a NumPy object array: its elements, in its shape
            od = D.new_object_dtype()
            base = object_handles(obj.ravel().tolist(), od, tuple(obj.shape), device)
            return (base, od) if d is None or d.kind == "O" else (cast(base, od, d), d)
        base, src = _foreign_tensor(obj)
        base = base.to(device)
        if d is None:
            return base, src if keep_order else src._nbo
        if d is src:
            return base, src
        d = D.own(d)
        return cast(base, src, d), d
    if isinstance(obj, (bool, int, float, complex)):
        # subclasses of Python numbers (IntEnum, ...) count as the plain type
        for py in (bool, int, float, complex):
            if isinstance(obj, py):
                return _tensor_and_dtype(py(obj), d, device)
    return _from_nested(obj, d, device)


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    """``np.asarray``: no copy when ``a`` already is an array of that dtype."""
    if type(a) is ndarray and dtype is None and device is None:
        if copy:
            return a.copy()
        return a
    d = None if dtype is None else D.dtype(dtype)
    dev = _device_arg(device)
    t, d = _tensor_and_dtype(a, d, dev, keep_order=True)
    if dev is not None and t.device != dev:
        t = t.to(dev)
    if copy and (t is getattr(a, "_t", None) or t is a):
        t = t.clone()
    return _wrap(t, d)


def _device_arg(device):
    if device is None:
        return None
    if device == "cpu" or isinstance(device, torch.device):
        return torch.device(device)
    return torch.device(device)


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None, device=None):
    """``np.array``: a new array (a copy unless ``copy=False`` allows sharing)."""
    d = None if dtype is None else D.dtype(dtype)
    dev = _device_arg(device)
    src = getattr(object, "_t", None) if isinstance(object, ndarray) else (object if isinstance(object, torch.Tensor) else None)
    t, d = _tensor_and_dtype(object, d, dev, keep_order=True)
    if dev is not None and t.device != dev:
        t = t.to(dev)
    if copy is False:
        if src is not None and t is not src and not _shares_storage(t, src):
            raise ValueError("Unable to avoid copy while creating an array as requested.")
    elif copy and src is not None and (t is src or _shares_storage(t, src)):
        t = t.clone()
    if ndmin and t.ndim < ndmin:
        t = t.reshape((1,) * (ndmin - t.ndim) + tuple(t.shape))
    return _wrap(t, d)


asanyarray = asarray


def ascontiguousarray(a, dtype=None, *, like=None):
    arr = asarray(a, dtype)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    return _wrap(arr._t.contiguous(), arr._dtype)


def asfortranarray(a, dtype=None, *, like=None):
    arr = asarray(a, dtype)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    return arr


def from_torch(t):
    """Wrap a torch tensor as an ndarray: zero-copy, same device, autograd kept."""
    if isinstance(t, ndarray):
        return t
    if not isinstance(t, torch.Tensor):
        raise TypeError(f"from_torch expects a torch.Tensor, got {type(t).__name__}")
    return asarray(t)


def to_torch(a):
    """The torch tensor behind an array (zero-copy, device kept); other
    array-likes are converted first."""
    if isinstance(a, torch.Tensor):
        return a
    if isinstance(a, ndarray):
        return a.to_torch()
    return asarray(a).to_torch()


def isscalar(element):
    """``np.isscalar``: NumPy scalars, Python's scalar types and any ``numbers.Number``."""
    return isinstance(element, (S.generic, bool, int, float, complex, str, bytes, memoryview,
                                numbers.Number))


def ndim(a):
    return asarray(a).ndim if not isinstance(a, ndarray) else a.ndim


def shape(a):
    return asarray(a).shape if not isinstance(a, ndarray) else a.shape


def size(a, axis=None):
    arr = a if isinstance(a, ndarray) else asarray(a)
    if axis is None:
        return arr.size
    return arr.shape[axis]
