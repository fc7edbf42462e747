"""NumPy's private ``numpy.lib._function_base_impl`` layout: the runtime's
function-library names, whichever runtime module implements them."""
from .. import _function_base as _fb
from .._function_base import *  # noqa: F401,F403
from .._function_base import _parse_gufunc_signature  # noqa: F401


def __getattr__(name):
    import sys
    runtime_names = vars(sys.modules[__name__.rsplit(".", 2)[0]])
    if not name.startswith("_") and name in runtime_names:
        return runtime_names[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


del _fb
