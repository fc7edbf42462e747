"""``numpy.lib`` for np2torch: the public submodules NumPy 2 has
(``stride_tricks``, ``array_utils``, ``scimath``, ``mixins``, ``introspect``,
``format``)
and the private ``_*_impl`` modules that real code and NumPy's own tests
import functions from (each re-exports the runtime's implementation)."""

from . import array_utils, format, introspect, mixins, scimath, stride_tricks  # noqa: F401
from . import (_function_base_impl, _index_tricks_impl, _polynomial_impl,  # noqa: F401
               _shape_base_impl, _stride_tricks_impl, _twodim_base_impl)
from ._version import NumpyVersion  # noqa: F401
from .. import _io as _npyio_impl  # noqa: F401  (NumPy's private I/O module: the runtime's own)

import sys as _sys
_sys.modules[__name__ + "._npyio_impl"] = _npyio_impl
del _sys

emath = scimath

__all__ = ["array_utils", "format", "introspect", "mixins", "scimath", "stride_tricks", "emath",
           "NumpyVersion"]
