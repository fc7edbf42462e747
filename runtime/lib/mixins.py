"""``numpy.lib.mixins.NDArrayOperatorsMixin``: Python operators for classes
that implement ``__array_ufunc__``.

Each operator calls the class's own ``__array_ufunc__`` with the runtime's
ufunc (NumPy's ufunc machinery would do the same dispatch), or the ufunc
itself when the class defines no override.  An operand whose
``__array_ufunc__`` is ``None`` makes the operator return ``NotImplemented``.
"""

from .. import _ufuncs as U

__all__ = ["NDArrayOperatorsMixin"]


def _opts_out(other):
    return getattr(type(other), "__array_ufunc__", False) is None


def _call(ufunc, *inputs, **kwargs):
    for x in inputs:
        override = getattr(type(x), "__array_ufunc__", None)
        if override is not None:
            result = override(x, ufunc, "__call__", *inputs, **kwargs)
            if result is not NotImplemented:
                return result
    return ufunc(*inputs, **kwargs)


def _binary(ufunc):
    def forward(self, other):
        if _opts_out(other):
            return NotImplemented
        return _call(ufunc, self, other)

    def reflected(self, other):
        if _opts_out(other):
            return NotImplemented
        return _call(ufunc, other, self)

    def inplace(self, other):
        return _call(ufunc, self, other, out=(self,))

    return forward, reflected, inplace


def _unary(ufunc):
    def op(self):
        return _call(ufunc, self)
    return op


class NDArrayOperatorsMixin:
    """Defines every Python operator through ``__array_ufunc__`` (as NumPy's mixin)."""

    __slots__ = ()

    __lt__ = _binary(U.less)[0]
    __le__ = _binary(U.less_equal)[0]
    __eq__ = _binary(U.equal)[0]
    __ne__ = _binary(U.not_equal)[0]
    __gt__ = _binary(U.greater)[0]
    __ge__ = _binary(U.greater_equal)[0]

    __add__, __radd__, __iadd__ = _binary(U.add)
    __sub__, __rsub__, __isub__ = _binary(U.subtract)
    __mul__, __rmul__, __imul__ = _binary(U.multiply)
    __matmul__, __rmatmul__, __imatmul__ = _binary(U.matmul)
    __truediv__, __rtruediv__, __itruediv__ = _binary(U.true_divide)
    __floordiv__, __rfloordiv__, __ifloordiv__ = _binary(U.floor_divide)
    __mod__, __rmod__, __imod__ = _binary(U.remainder)
    __divmod__, __rdivmod__, _ = _binary(U.divmod)
    __pow__, __rpow__, __ipow__ = _binary(U.power)
    __lshift__, __rlshift__, __ilshift__ = _binary(U.left_shift)
    __rshift__, __rrshift__, __irshift__ = _binary(U.right_shift)
    __and__, __rand__, __iand__ = _binary(U.bitwise_and)
    __xor__, __rxor__, __ixor__ = _binary(U.bitwise_xor)
    __or__, __ror__, __ior__ = _binary(U.bitwise_or)
    del _

    __neg__ = _unary(U.negative)
    __pos__ = _unary(U.positive)
    __abs__ = _unary(U.absolute)
    __invert__ = _unary(U.invert)
    __hash__ = None
