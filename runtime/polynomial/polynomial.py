"""``numpy.polynomial.polynomial``: the Polynomial series class and its coefficient functions."""

from .. import _dtypes as _D
from .._ndarray import array as _array
from ._base import coefficient_functions as _functions
from ._base import make_class as _make_class
from ._series import PowerBasis as _Basis

__all__ = ['Polynomial', 'polyval', 'polyvander', 'polyadd', 'polysub', 'polymul', 'polymulx', 'polydiv', 'polypow', 'polyder', 'polyint', 'polyroots', 'polyfromroots', 'polyline', 'polyfit', 'polytrim', 'polydomain', 'polyzero', 'polyone', 'polyx']

_basis = _Basis()
globals().update(_functions(_basis, "poly"))
Polynomial = _make_class("Polynomial", _basis, None, [-1, 1])
polydomain = _array([-1, 1], dtype=_D.float64)
polyzero = _array([0], dtype=_D.int64)
polyone = _array([1], dtype=_D.int64)
polyx = _array(_basis.line_t(0.0, 1.0).tolist(), dtype=_D.float64)
