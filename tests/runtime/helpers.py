"""Shared differential helpers: run the same call through NumPy and through
np2torch.runtime and compare everything user code can observe.

    same(lambda xp, a: xp.sum(a, axis=0), np.arange(6).reshape(2, 3))

``fn`` receives the module (``numpy`` or ``np2torch.runtime``) first; NumPy
values among the other arguments (arrays, scalars, dtypes, scalar types, also
inside lists/tuples/dicts) are converted to runtime values for the runtime
call.  Compared: values (exact for bool/int, tolerance for float/complex with
NaN positions), dtype by name and byte order, shape, scalar-vs-array, the scalar type's name,
and, when NumPy raises, the exception type (never torch's RuntimeError).
"""

import math

import numpy as np
import torch

import np2torch.runtime as rt
from np2torch.runtime import exceptions as rt_exceptions

RTOL = {"float16": 2e-3, "float32": 2e-5, "complex64": 2e-5}
DEFAULT_RTOL = 1e-12
ATOL = {"float16": 1e-3, "float32": 1e-6, "complex64": 1e-6}
DEFAULT_ATOL = 1e-12

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_DTYPES = ["float16", "float32", "float64"]
COMPLEX_DTYPES = ["complex64", "complex128"]
ALL_DTYPES = ["bool"] + INT_DTYPES + FLOAT_DTYPES + COMPLEX_DTYPES


# -- converting arguments ---------------------------------------------------------

def to_rt(x):
    """A NumPy value (nested in containers too) as the runtime's value."""
    if isinstance(x, np.ndarray) and x.dtype.kind == "O":
        # element by element: tolist() would read list elements as dimensions
        a = rt.empty(x.shape, dtype=object)
        flat = a.reshape(-1)
        for i, v in enumerate(x.ravel().tolist()):
            flat[i] = to_rt(v) if isinstance(v, (np.ndarray, np.generic)) else v
        return a
    if isinstance(x, np.ndarray):
        spelling = x.dtype.str if x.dtype.kind in "SU" else _dtype_spelling(x.dtype)
        return rt.asarray(x.tolist(), dtype=spelling).reshape(x.shape)
    if isinstance(x, np.generic):
        return getattr(rt, x.dtype.name)(x.item())
    if isinstance(x, np.dtype):
        return rt.dtype(_dtype_spelling(x))
    if isinstance(x, type) and issubclass(x, np.generic):
        return getattr(rt, np.dtype(x).name)
    if isinstance(x, tuple):
        return tuple(to_rt(v) for v in x)
    if isinstance(x, list):
        return [to_rt(v) for v in x]
    if isinstance(x, dict):
        return {k: to_rt(v) for k, v in x.items()}
    return x


def _dtype_spelling(d):
    """The name, or '>u4' for a non-native byte order (the name drops it)."""
    return d.name if d.isnative else d.str


def to_np(x):
    """A runtime array as a NumPy array (through torch, not the runtime's tolist)."""
    t = rt.to_torch(x).detach().cpu()
    name = x.dtype.name
    if name in ("uint16", "uint32"):
        return t.numpy().astype(name)
    if name == "uint64":
        return t.numpy().view(np.uint64)
    return t.numpy()


# -- comparing results ------------------------------------------------------------

def _values_equal(expected, actual, name, rtol, atol, where):
    if expected.dtype.kind == "m":
        np.testing.assert_array_equal(actual.view("i8"), expected.view("i8"), err_msg=where)
        return
    if expected.dtype.kind in "biu":
        np.testing.assert_array_equal(actual, expected, err_msg=where)
        return
    if rtol is None:
        rtol = RTOL.get(name, DEFAULT_RTOL)
    if atol is None:
        atol = ATOL.get(name, DEFAULT_ATOL)
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True,
                               err_msg=where)
    # NaN positions must match exactly (assert_allclose already checks) and so
    # must the infinities' signs; assert_allclose checks both.


def compare(expected, actual, rtol=None, atol=None, where="result", check_scalar_type=True):
    """Assert that the runtime's ``actual`` matches NumPy's ``expected``."""
    if isinstance(expected, (tuple, list)):
        assert isinstance(actual, (tuple, list)), f"{where}: expected a sequence, got {type(actual)}"
        assert len(expected) == len(actual), f"{where}: length {len(actual)} != {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            compare(e, a, rtol, atol, f"{where}[{i}]", check_scalar_type)
        return
    if isinstance(expected, np.dtype):
        assert isinstance(actual, rt.dtype), f"{where}: expected a dtype, got {actual!r}"
        assert actual.name == expected.name, f"{where}: dtype {actual.name} != {expected.name}"
        assert actual.isnative == expected.isnative, f"{where}: byte order {actual!r} != {expected!r}"
        return
    if isinstance(expected, type) and issubclass(expected, np.generic):
        assert actual.__name__ == expected.__name__, f"{where}: {actual} != {expected}"
        return
    if isinstance(expected, np.ndarray):
        assert isinstance(actual, rt.ndarray), (
            f"{where}: expected an ndarray, got {type(actual).__name__} {actual!r}")
        assert actual.dtype.name == expected.dtype.name, (
            f"{where}: dtype {actual.dtype.name} != {expected.dtype.name}")
        assert actual.dtype.isnative == expected.dtype.isnative, (
            f"{where}: byte order {actual.dtype!r} != {expected.dtype!r}")
        assert tuple(actual.shape) == expected.shape, (
            f"{where}: shape {tuple(actual.shape)} != {expected.shape}")
        if expected.dtype.kind in "OSUV":
            # the elements themselves: values and Python/NumPy types
            for i, (e, a) in enumerate(zip(expected.ravel().tolist(), actual.reshape(-1).tolist())):
                compare(e, a, rtol, atol, f"{where}.flat[{i}]", check_scalar_type)
            return
        _values_equal(expected, to_np(actual), expected.dtype.name, rtol, atol, where)
        return
    if isinstance(expected, (np.str_, np.bytes_)):
        assert type(actual).__name__ == type(expected).__name__ and actual == expected, (
            f"{where}: {actual!r} != {expected!r}")
        return
    if isinstance(expected, np.generic):
        assert not isinstance(actual, rt.ndarray), (
            f"{where}: expected scalar {type(expected).__name__}, got an ndarray {actual!r}")
        if check_scalar_type:
            assert type(actual).__name__ == type(expected).__name__, (
                f"{where}: scalar type {type(actual).__name__} != {type(expected).__name__}")
        _values_equal(np.asarray(expected), np.asarray(_py(actual), dtype=expected.dtype),
                      expected.dtype.name, rtol, atol, where)
        return
    # Python values (bool, int, float, complex, None, str)
    assert type(actual) is type(expected) or (
        isinstance(expected, (bool, int, float, complex)) and type(actual).__name__ == type(expected).__name__
    ), f"{where}: type {type(actual).__name__} != {type(expected).__name__}"
    if isinstance(expected, float) and math.isnan(expected):
        assert math.isnan(actual), f"{where}: {actual} != nan"
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def _py(scalar):
    return scalar.item() if hasattr(scalar, "item") else scalar


# -- exceptions ---------------------------------------------------------------------

def _expected_exception(np_exc):
    """The runtime class that must be raised where NumPy raised ``np_exc``."""
    cls = type(np_exc)
    if cls.__module__ == "builtins":
        return cls
    ours = getattr(rt_exceptions, cls.__name__, None)
    if ours is not None:
        return ours
    # NumPy-internal subclasses (e.g. _UFuncOutputCastingError): the nearest builtin
    for base in cls.__mro__:
        if base.__module__ == "builtins":
            return base
    return Exception


def check_raises_like(np_exc, call):
    expected = _expected_exception(np_exc)
    try:
        got = call()
    except Exception as exc:  # noqa: BLE001 - we compare exception types
        assert not (type(exc) is RuntimeError and expected is not RuntimeError), (
            f"torch RuntimeError leaked where NumPy raised {type(np_exc).__name__}: {exc}")
        assert isinstance(exc, expected), (
            f"raised {type(exc).__name__}({exc}) where NumPy raised "
            f"{type(np_exc).__name__}({np_exc})")
        return
    raise AssertionError(f"NumPy raised {type(np_exc).__name__}({np_exc}); runtime returned {got!r}")


# -- the differential call -------------------------------------------------------------

def same(fn, *args, rtol=None, atol=None, check_scalar_type=True, **kwargs):
    """Call ``fn(numpy, *args, **kwargs)`` and ``fn(rt, *converted...)`` and compare."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = fn(np, *args, **kwargs)
        except Exception as np_exc:  # noqa: BLE001
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                check_raises_like(np_exc, lambda: fn(rt, *to_rt(args), **to_rt(kwargs)))
            return None
        actual = fn(rt, *to_rt(args), **to_rt(kwargs))
    compare(expected, actual, rtol, atol, check_scalar_type=check_scalar_type)
    return actual


def arrays_for(dtype_name, shape, rng):
    """A small NumPy array of ``dtype_name`` with interesting values."""
    size = int(np.prod(shape)) if shape else 1
    if dtype_name == "bool":
        a = rng.integers(0, 2, size).astype(bool)
    elif dtype_name.startswith(("int", "uint")):
        info = np.iinfo(dtype_name)
        lo, hi = max(info.min, -50), min(info.max, 50)
        a = rng.integers(lo, hi + 1, size).astype(dtype_name)
    elif dtype_name.startswith("float"):
        a = (rng.standard_normal(size) * 5).astype(dtype_name)
    else:
        a = (rng.standard_normal(size) * 3 + 1j * rng.standard_normal(size) * 3).astype(dtype_name)
    return a.reshape(shape)


__all__ = ["same", "compare", "to_rt", "to_np", "check_raises_like", "arrays_for", "ALL_DTYPES",
           "INT_DTYPES", "FLOAT_DTYPES", "COMPLEX_DTYPES", "torch"]
