"""``numpy.polynomial.hermite_e``: the HermiteE series class and its coefficient functions."""

from .. import _dtypes as _D
from .._ndarray import array as _array
from ._base import coefficient_functions as _functions
from ._base import make_class as _make_class
from ._series import HermiteEBasis as _Basis

__all__ = ['HermiteE', 'hermeval', 'hermevander', 'hermeadd', 'hermesub', 'hermemul', 'hermemulx', 'hermediv', 'hermepow', 'hermeder', 'hermeint', 'hermeroots', 'hermefromroots', 'hermeline', 'hermefit', 'hermetrim', 'hermedomain', 'hermezero', 'hermeone', 'hermex']

_basis = _Basis()
globals().update(_functions(_basis, "herme"))
HermiteE = _make_class("HermiteE", _basis, 'He', [-1, 1])
hermedomain = _array([-1, 1], dtype=_D.float64)
hermezero = _array([0], dtype=_D.int64)
hermeone = _array([1], dtype=_D.int64)
hermex = _array(_basis.line_t(0.0, 1.0).tolist(), dtype=_D.float64)
