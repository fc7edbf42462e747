"""NumPy's private ``numpy.lib._shape_base_impl`` layout."""
from .._function_base import apply_along_axis, apply_over_axes  # noqa: F401


def __getattr__(name):
    import sys
    runtime_names = vars(sys.modules[__name__.rsplit(".", 2)[0]])
    if not name.startswith("_") and name in runtime_names:
        return runtime_names[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
