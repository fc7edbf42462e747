"""``numpy.polynomial.hermite``: the Hermite series class and its coefficient functions."""

from .. import _dtypes as _D
from .._ndarray import array as _array
from ._base import coefficient_functions as _functions
from ._base import make_class as _make_class
from ._series import HermiteBasis as _Basis

__all__ = ['Hermite', 'hermval', 'hermvander', 'hermadd', 'hermsub', 'hermmul', 'hermmulx', 'hermdiv', 'hermpow', 'hermder', 'hermint', 'hermroots', 'hermfromroots', 'hermline', 'hermfit', 'hermtrim', 'hermdomain', 'hermzero', 'hermone', 'hermx']

_basis = _Basis()
globals().update(_functions(_basis, "herm"))
Hermite = _make_class("Hermite", _basis, 'H', [-1, 1])
hermdomain = _array([-1, 1], dtype=_D.float64)
hermzero = _array([0], dtype=_D.int64)
hermone = _array([1], dtype=_D.int64)
hermx = _array(_basis.line_t(0.0, 1.0).tolist(), dtype=_D.float64)
