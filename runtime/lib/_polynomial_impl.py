"""NumPy's private ``numpy.lib._polynomial_impl`` layout."""


def __getattr__(name):
    from .. import _polynomial
    if hasattr(_polynomial, name):
        return getattr(_polynomial, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
