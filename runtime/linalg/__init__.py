"""``numpy.linalg`` on torch tensors.

Layout: ``_common`` (LinAlgError, result tuples, dtype rules, checks),
``_solve`` (inv, solve, lstsq, det, cholesky, ...), ``_decomp`` (eig, svd,
qr, matrix_rank, cond), ``_norms`` and ``_products`` (matmul, cross, trace,
...).  Conventions that differ from NumPy are listed in docs/linalg-fft.md.
"""

from . import _linalg
from ._linalg import *  # noqa: F401,F403
from ._linalg import __all__

__all__ = list(__all__)
