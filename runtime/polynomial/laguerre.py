"""``numpy.polynomial.laguerre``: the Laguerre series class and its coefficient functions."""

from .. import _dtypes as _D
from .._ndarray import array as _array
from ._base import coefficient_functions as _functions
from ._base import make_class as _make_class
from ._series import LaguerreBasis as _Basis

__all__ = ['Laguerre', 'lagval', 'lagvander', 'lagadd', 'lagsub', 'lagmul', 'lagmulx', 'lagdiv', 'lagpow', 'lagder', 'lagint', 'lagroots', 'lagfromroots', 'lagline', 'lagfit', 'lagtrim', 'lagdomain', 'lagzero', 'lagone', 'lagx']

_basis = _Basis()
globals().update(_functions(_basis, "lag"))
Laguerre = _make_class("Laguerre", _basis, 'L', [0, 1])
lagdomain = _array([0, 1], dtype=_D.float64)
lagzero = _array([0], dtype=_D.int64)
lagone = _array([1], dtype=_D.int64)
lagx = _array(_basis.line_t(0.0, 1.0).tolist(), dtype=_D.float64)
