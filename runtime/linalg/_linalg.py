"""Mirror of ``numpy.linalg._linalg``: every public name in one module, for
code (and NumPy's own tests) that imports from the private path."""

from ._common import *  # noqa: F401,F403
from ._common import __all__ as _common_all
from ._decomp import *  # noqa: F401,F403
from ._decomp import __all__ as _decomp_all
from ._norms import *  # noqa: F401,F403
from ._norms import __all__ as _norms_all
from ._products import *  # noqa: F401,F403
from ._products import __all__ as _products_all
from ._products import _multi_dot_matrix_chain_order  # noqa: F401
from ._solve import *  # noqa: F401,F403
from ._solve import __all__ as _solve_all

__all__ = _common_all + _solve_all + _decomp_all + _norms_all + _products_all
