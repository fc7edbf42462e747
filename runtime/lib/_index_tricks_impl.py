"""NumPy's private ``numpy.lib._index_tricks_impl`` layout."""
from .._index_tricks import c_, fill_diagonal, mgrid, ogrid, r_  # noqa: F401
from .._indexing import (diag_indices, diag_indices_from, index_exp, ix_,  # noqa: F401
                         ndenumerate, ndindex, ravel_multi_index, s_, unravel_index)
