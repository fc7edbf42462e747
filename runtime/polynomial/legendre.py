"""``numpy.polynomial.legendre``: the Legendre series class and its coefficient functions."""

from .. import _dtypes as _D
from .._ndarray import array as _array
from ._base import coefficient_functions as _functions
from ._base import make_class as _make_class
from ._series import LegendreBasis as _Basis

__all__ = ['Legendre', 'legval', 'legvander', 'legadd', 'legsub', 'legmul', 'legmulx', 'legdiv', 'legpow', 'legder', 'legint', 'legroots', 'legfromroots', 'legline', 'legfit', 'legtrim', 'legdomain', 'legzero', 'legone', 'legx']

_basis = _Basis()
globals().update(_functions(_basis, "leg"))
Legendre = _make_class("Legendre", _basis, 'P', [-1, 1])
legdomain = _array([-1, 1], dtype=_D.float64)
legzero = _array([0], dtype=_D.int64)
legone = _array([1], dtype=_D.int64)
legx = _array(_basis.line_t(0.0, 1.0).tolist(), dtype=_D.float64)
