"""``numpy.polynomial.chebyshev``: the Chebyshev series class and its coefficient functions."""

from .. import _dtypes as _D
from .._ndarray import array as _array
from ._base import coefficient_functions as _functions
from ._base import make_class as _make_class
from ._series import ChebyshevBasis as _Basis

__all__ = ['Chebyshev', 'chebval', 'chebvander', 'chebadd', 'chebsub', 'chebmul', 'chebmulx', 'chebdiv', 'chebpow', 'chebder', 'chebint', 'chebroots', 'chebfromroots', 'chebline', 'chebfit', 'chebtrim', 'chebdomain', 'chebzero', 'chebone', 'chebx']

_basis = _Basis()
globals().update(_functions(_basis, "cheb"))
Chebyshev = _make_class("Chebyshev", _basis, 'T', [-1, 1])
chebdomain = _array([-1, 1], dtype=_D.float64)
chebzero = _array([0], dtype=_D.int64)
chebone = _array([1], dtype=_D.int64)
chebx = _array(_basis.line_t(0.0, 1.0).tolist(), dtype=_D.float64)
