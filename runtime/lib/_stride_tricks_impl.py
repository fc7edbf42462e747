"""NumPy's private ``numpy.lib._stride_tricks_impl`` layout."""
from .stride_tricks import *  # noqa: F401,F403
from .stride_tricks import _broadcast_shape  # noqa: F401
