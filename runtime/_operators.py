"""Python operators on ``ndarray``, each the NumPy ufunc it stands for."""

from . import _ufuncs as U
from ._ndarray import ndarray

_BINARY = {
    "add": U.add, "sub": U.subtract, "mul": U.multiply, "truediv": U.divide,
    "floordiv": U.floor_divide, "mod": U.remainder, "pow": U.power,
    "matmul": U.matmul, "and": U.bitwise_and, "or": U.bitwise_or, "xor": U.bitwise_xor,
    "lshift": U.left_shift, "rshift": U.right_shift,
}
_COMPARE = {"eq": U.equal, "ne": U.not_equal, "lt": U.less, "le": U.less_equal,
            "gt": U.greater, "ge": U.greater_equal}


# The operator functions look their ufunc up at call time (a dict read)
# rather than closing over bound methods: torch.compile's tracer follows
# plain functions and module dicts, not captured bound methods.
_UFUNC_OF = {}


def _forward(uf):
    name = uf.__name__

    def op(self, other):
        if _defers(other):
            return NotImplemented
        return _UFUNC_OF[name]._binary(self, other)
    return op


def _reflected(uf):
    name = uf.__name__

    def op(self, other):
        if _defers(other):
            return NotImplemented
        return _UFUNC_OF[name]._rbinary(self, other)
    return op


def _inplace(uf):
    def op(self, other):
        uf(self, other, out=self)
        return self
    return op


def _compare(uf, fallback):
    name = uf.__name__

    def op(self, other):
        if _defers(other):
            return NotImplemented
        if (fallback is not None and (other is None or isinstance(other, (str, bytes)))
                and not self._dtype._pooled):
            return fallback(self)
        try:
            return _UFUNC_OF[name]._binary(self, other)
        except (NotImplementedError, OverflowError):
            raise
        except (TypeError, ValueError) as e:
            if fallback is None or "broadcast" in str(e) or self._dtype._pooled:
                raise
            return fallback(self)
    return op


def _defers(other):
    # Objects with a higher __array_priority__ (and no ndarray relation) take over.
    return (not isinstance(other, ndarray) and
            getattr(other, "__array_priority__", 0.0) > ndarray.__array_priority__ and
            hasattr(other, "__array_ufunc__") and other.__array_ufunc__ is None)


def install():
    for uf in list(_BINARY.values()) + list(_COMPARE.values()):
        _UFUNC_OF[uf.__name__] = uf
    for name, uf in _BINARY.items():
        setattr(ndarray, f"__{name}__", _forward(uf))
        setattr(ndarray, f"__r{name}__", _reflected(uf))
        setattr(ndarray, f"__i{name}__", _inplace(uf))
    from ._creation import zeros_like, ones_like
    for name, uf in _COMPARE.items():
        fallback = None
        if name == "eq":
            fallback = lambda self: zeros_like(self, dtype=bool)
        elif name == "ne":
            fallback = lambda self: ones_like(self, dtype=bool)
        setattr(ndarray, f"__{name}__", _compare(uf, fallback))
    ndarray.__neg__ = lambda self: U.negative(self)
    ndarray.__pos__ = lambda self: U.positive(self)
    ndarray.__abs__ = lambda self: U.absolute(self)
    ndarray.__invert__ = lambda self: U.invert(self)
    ndarray.__divmod__ = lambda self, other: U.divmod(self, other)
    ndarray.__rdivmod__ = lambda self, other: U.divmod(other, self)
    ndarray.__hash__ = None
