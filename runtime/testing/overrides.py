"""``numpy.testing.overrides``: which functions honour ``__array_ufunc__`` and
``__array_function__``.

np2torch's ufuncs are ``ufunc`` objects, so the ufunc half answers as NumPy
does.  The runtime does not dispatch through ``__array_function__``, so no
function is overridable that way and the function half says so.
"""

__all__ = ["get_overridable_numpy_ufuncs", "allows_array_ufunc_override",
           "get_overridable_numpy_array_functions", "allows_array_function_override"]


def _ufunc_type():
    from .._ufuncs import ufunc
    return ufunc


def get_overridable_numpy_ufuncs():
    """The set of the runtime's public ufuncs."""
    from ... import runtime
    kind = _ufunc_type()
    return {obj for obj in vars(runtime).values() if isinstance(obj, kind)}


def allows_array_ufunc_override(func):
    return isinstance(func, _ufunc_type())


def get_overridable_numpy_array_functions():
    """Empty: the runtime has no ``__array_function__`` dispatch."""
    return set()


def allows_array_function_override(func):
    return False
