"""The assert functions of ``numpy.testing``, with NumPy's messages.

All of them accept anything array-like (runtime arrays, NumPy arrays,
tensors, lists, scalars).  ``assert_array_compare`` is the engine: it checks
shapes, the positions of nan and inf, then applies a comparison and, on
failure, reports the mismatch count, the first five positions and the
largest absolute and relative differences, exactly as NumPy words them.
"""

import math
import operator

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._ndarray import _tensor_and_dtype, _wrap, asarray, item_of, ndarray
from . import _values as V

__all__ = [
    "assert_", "assert_equal", "assert_almost_equal", "assert_approx_equal",
    "assert_array_equal", "assert_array_less", "assert_array_almost_equal",
    "assert_allclose", "assert_array_compare", "assert_string_equal",
    "assert_array_almost_equal_nulp", "assert_array_max_ulp", "build_err_msg",
    "print_assert_equal",
]


def assert_(val, msg=""):
    """Assert that works under ``python -O``; ``msg`` may be a callable."""
    __tracebackhide__ = True
    if not val:
        try:
            text = msg()
        except TypeError:
            text = msg
        raise AssertionError(text)


# -- messages --------------------------------------------------------------------

def _array_repr(a, precision):
    from .. import _printing
    try:
        return _printing.array_repr(a, precision=precision)
    except TypeError:
        return _printing.array_repr(a)


def build_err_msg(arrays, err_msg, header="Items are not equal:", verbose=True,
                  names=("ACTUAL", "DESIRED"), precision=8):
    lines = ["\n" + header]
    err_msg = str(err_msg)
    if err_msg:
        if "\n" not in err_msg and len(err_msg) < 79 - len(header):
            lines = [lines[0] + " " + err_msg]
        else:
            lines.append(err_msg)
    if verbose:
        for i, a in enumerate(arrays):
            try:
                r = _array_repr(a, precision) if isinstance(a, ndarray) else repr(a)
            except Exception as exc:
                r = f"[repr failed for <{type(a).__name__}>: {exc}]"
            if r.count("\n") > 3:
                r = "\n".join(r.splitlines()[:3]) + "..."
            lines.append(f" {names[i]}: {r}")
    return "\n".join(lines)


# -- scalars and containers ---------------------------------------------------------

def _is_array(x):
    if isinstance(x, (ndarray, torch.Tensor)):
        return True
    return type(x).__name__ == "ndarray" and hasattr(x, "__array__")


def _isscalar(x):
    if isinstance(x, (S.generic, bool, int, float, complex, str, bytes)):
        return True
    # NumPy's own scalars (np.float64 is a float, but np.float32 is not)
    return (type(x).__module__ == "numpy" and hasattr(x, "dtype")
            and not hasattr(x, "__len__"))


def _iscomplexobj(x):
    if isinstance(x, complex):
        return True
    try:
        return V.arr(x).dtype.kind == "c"
    except Exception:
        return False


def _real_imag(x):
    if isinstance(x, (complex, S.generic)) or not _is_array(x):
        v = V.py_value(x)
        return v.real, v.imag
    a = V.arr(x)
    return a.real, a.imag


def _isnan_scalar(x):
    v = V.py_value(x)
    if isinstance(v, complex):
        return math.isnan(v.real) or math.isnan(v.imag)
    return isinstance(v, float) and math.isnan(v)


def _isfinite_scalar(x):
    v = V.py_value(x)
    if isinstance(v, complex):
        return math.isfinite(v.real) and math.isfinite(v.imag)
    return math.isfinite(v)


def _signbit(x):
    v = V.py_value(x)
    if isinstance(v, complex):
        raise TypeError("signbit of complex")
    return math.copysign(1.0, float(v)) < 0


def assert_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Equality of objects: dicts and sequences recursively, arrays element-wise,
    nan equal to nan, and 0.0 unequal to -0.0."""
    __tracebackhide__ = True
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for k in desired:
            if k not in actual:
                raise AssertionError(repr(k))
            assert_equal(actual[k], desired[k], f"key={k!r}\n{err_msg}", verbose)
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        assert_equal(len(actual), len(desired), err_msg, verbose)
        for k in range(len(desired)):
            assert_equal(actual[k], desired[k], f"item={k!r}\n{err_msg}", verbose)
        return
    if _is_array(actual) or _is_array(desired):
        return assert_array_equal(actual, desired, err_msg, verbose, strict=strict)
    msg = build_err_msg([actual, desired], err_msg, verbose=verbose)
    if _iscomplexobj(actual) or _iscomplexobj(desired):
        try:
            ar, ai = _real_imag(actual) if _iscomplexobj(actual) else (actual, 0)
            dr, di = _real_imag(desired) if _iscomplexobj(desired) else (desired, 0)
            assert_equal(ar, dr)
            assert_equal(ai, di)
        except AssertionError:
            raise AssertionError(msg) from None
    if _isscalar(desired) != _isscalar(actual):
        raise AssertionError(msg)
    try:
        if _isnan_scalar(desired) and _isnan_scalar(actual):
            return
        if desired == 0 and actual == 0 and _signbit(desired) != _signbit(actual):
            raise AssertionError(msg)
    except (TypeError, ValueError, NotImplementedError):
        pass
    if not (desired == actual):
        raise AssertionError(msg)


def print_assert_equal(test_string, actual, desired):
    __tracebackhide__ = True
    import io
    import pprint
    if not (actual == desired):
        out = io.StringIO()
        out.write(test_string)
        out.write(" failed\nACTUAL: \n")
        pprint.pprint(actual, out)
        out.write("DESIRED: \n")
        pprint.pprint(desired, out)
        raise AssertionError(out.getvalue())


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    """``abs(desired - actual) < 1.5 * 10**(-decimal)``; arrays go element-wise."""
    __tracebackhide__ = True

    def fail():
        return AssertionError(build_err_msg(
            [actual, desired], err_msg, verbose=verbose,
            header="Arrays are not almost equal to %d decimals" % decimal))

    if _iscomplexobj(actual) or _iscomplexobj(desired):
        ar, ai = _real_imag(actual) if _iscomplexobj(actual) else (actual, 0)
        dr, di = _real_imag(desired) if _iscomplexobj(desired) else (desired, 0)
        try:
            assert_almost_equal(ar, dr, decimal=decimal)
            assert_almost_equal(ai, di, decimal=decimal)
        except AssertionError:
            raise fail() from None
    if isinstance(actual, (list, tuple)) or isinstance(desired, (list, tuple)) \
            or _is_array(actual) or _is_array(desired):
        return assert_array_almost_equal(actual, desired, decimal, err_msg)
    try:
        if not (_isfinite_scalar(desired) and _isfinite_scalar(actual)):
            if _isnan_scalar(desired) or _isnan_scalar(actual):
                if not (_isnan_scalar(desired) and _isnan_scalar(actual)):
                    raise fail()
            elif not desired == actual:
                raise fail()
            return
    except (NotImplementedError, TypeError):
        pass
    if abs(V.py_value(desired) - V.py_value(actual)) >= 1.5 * 10.0 ** (-decimal):
        raise fail()


def assert_approx_equal(actual, desired, significant=7, err_msg="", verbose=True):
    """Equality to ``significant`` significant digits."""
    __tracebackhide__ = True
    actual, desired = float(actual), float(desired)
    if desired == actual:
        return
    msg = build_err_msg([actual, desired], err_msg, verbose=verbose,
                        header="Items are not equal to %d significant digits:" % significant)
    if not (math.isfinite(desired) and math.isfinite(actual)):
        if math.isnan(desired) or math.isnan(actual):
            if not (math.isnan(desired) and math.isnan(actual)):
                raise AssertionError(msg)
        elif not desired == actual:
            raise AssertionError(msg)
        return
    scale = 0.5 * (abs(desired) + abs(actual))
    scale = 10.0 ** math.floor(math.log10(scale))
    sc_desired = desired / scale if scale else 0.0
    sc_actual = actual / scale if scale else 0.0
    if abs(sc_desired - sc_actual) >= 10.0 ** (-(significant - 1)):
        raise AssertionError(msg)


# -- arrays ------------------------------------------------------------------------

def assert_array_compare(comparison, x, y, err_msg="", verbose=True, header="",
                         precision=6, equal_nan=True, equal_inf=True, *, strict=False,
                         names=("ACTUAL", "DESIRED")):
    """Apply ``comparison(x, y)`` (arrays in, booleans out) after NumPy's checks
    of shapes and of nan/inf positions."""
    __tracebackhide__ = True

    def tensor_compare(xt, xd, yt, yd):
        out = comparison(_wrap(xt, xd), _wrap(yt, yd))
        if isinstance(out, ndarray):
            return out._t.to(torch.bool)
        return V.arr(out)._t.to(torch.bool)

    _compare(tensor_compare, x, y, err_msg, verbose, header, precision, equal_nan,
             equal_inf, strict, names)


def _compare(compare, x, y, err_msg="", verbose=True, header="", precision=6,
             equal_nan=True, equal_inf=True, strict=False, names=("ACTUAL", "DESIRED")):
    __tracebackhide__ = True
    x = V.arr(x)
    y = V.arr(y)
    ox, oy = x, y

    def fail(extra, arrays=(x, y)):
        return AssertionError(build_err_msg(list(arrays), err_msg + extra, verbose=verbose,
                                            header=header, names=names, precision=precision))

    if strict:
        ok = x.shape == y.shape and x.dtype == y.dtype
    else:
        ok = x.shape == () or y.shape == () or x.shape == y.shape
    if not ok:
        if x.shape != y.shape:
            raise fail(f"\n(shapes {x.shape}, {y.shape} mismatch)")
        raise fail(f"\n(dtypes {x.dtype}, {y.dtype} mismatch)")

    xt, xd, yt, yd = x._t, x._dtype._nbo, y._t, y._dtype._nbo
    flagged = torch.tensor(False)

    def same_positions(fx, fy, what):
        if not bool((fx == fy).all()):
            raise fail(f"\n{what} location mismatch:")
        if fx.ndim == 0:
            return fx
        if fy.ndim == 0:
            return fy
        return fy

    if equal_nan:
        flagged = same_positions(V.isnan(xt, xd), V.isnan(yt, yd), "nan")
    if equal_inf:
        fx = V.isinf(xt, xd) & ~flagged
        fy = V.isinf(yt, yd) & ~flagged
        infs = same_positions(fx, fy, "inf")
        if bool(infs.any()):
            if xt.ndim > 0 and yt.ndim > 0:
                ix, iy = xt[infs], yt[infs]
            else:
                ix, iy = xt, yt
            if not bool(V.equal(ix, xd, iy, yd).all()):
                raise fail("\ninf values mismatch:", (_wrap(ix, xd), _wrap(iy, yd)))
        flagged = flagged | infs
    if flagged.ndim > 0:
        keep = ~flagged
        xt, yt = xt[keep], yt[keep]
        if xt.numel() == 0:
            return
    elif bool(flagged):
        return

    val = compare(xt, xd, yt, yd)
    reduced = val.reshape(-1)
    if bool(reduced.all()):
        return
    invalids = ~val
    n_mismatch = int(reduced.numel() - reduced.sum())
    n_elements = flagged.numel() if flagged.ndim != 0 else reduced.numel()
    remarks = [f"Mismatched elements: {n_mismatch} / {n_elements} "
               f"({100 * n_mismatch / n_elements:.3g}%)"]
    if invalids.ndim != 0:
        if flagged.ndim > 0:
            positions = torch.argwhere(~flagged)[invalids]
        else:
            positions = torch.argwhere(invalids)
        shown = []
        for p in positions[:5].tolist():
            left = _element_str(ox, p)
            right = _element_str(oy, p)
            shown.append(f" {p}: {left} ({names[0]}), {right} ({names[1]})")
        s = "\n".join(shown)
        if len(positions) == 1:
            remarks.append(f"Mismatch at index:\n{s}")
        elif len(positions) <= 5:
            remarks.append(f"Mismatch at indices:\n{s}")
        else:
            remarks.append(f"First 5 mismatches are at indices:\n{s}")
    remarks += _difference_remarks(xt, xd, yt, yd, invalids)
    raise fail("\n" + "\n".join(remarks), (ox, oy))


def _element_str(a, p):
    # NumPy formats the element with an f-string: its scalars format as the
    # Python number they hold (np.float32(2.1) shows as 2.0999999046325684)
    t = a._t if a.ndim == 0 else a._t[tuple(p)]
    return format(item_of(t.reshape(()), a._dtype), "")


def _difference_remarks(xt, xd, yt, yd, invalids):
    found = V.abs_diff(xt, xd, yt, yd)
    if found is None:
        return []
    error, ed = found
    if invalids.ndim == 0:
        error = error.reshape(1)
        invalids = invalids.reshape(1)
        yt = yt.reshape(1)
    else:
        error = error.expand(invalids.shape) if error.shape != invalids.shape else error
    out = ["Max absolute difference among violations: "
           + V.fmt_0d(V.max_value(error[invalids], ed), ed)]
    yb = yt.expand(invalids.shape) if yt.shape != invalids.shape else yt
    nonzero_invalid = invalids & (yb != 0)
    if not bool(nonzero_invalid.any()):
        rel, rd = math.inf, D.float64
    else:
        ay, ayd = V.abs_value(yb[nonzero_invalid], yd)
        rd = V.promote(ed, ayd)
        if rd.kind not in "fc":
            rd = D.float64
        num = V.to_dtype(V.as_float(error[nonzero_invalid], ed), ed if ed.kind in "fc" else D.float64, rd)
        den = V.to_dtype(V.as_float(ay, ayd), ayd if ayd.kind in "fc" else D.float64, rd)
        rel = V.max_value(num / den, rd)
    out.append("Max relative difference among violations: " + V.fmt_0d(rel, rd))
    return out


def assert_array_equal(actual, desired, err_msg="", verbose=True, *, strict=False):
    """Element-wise equality (shapes must match unless one side is a scalar)."""
    __tracebackhide__ = True
    _compare(V.equal, actual, desired, err_msg=err_msg, verbose=verbose,
             header="Arrays are not equal", strict=strict)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg="", verbose=True):
    """Element-wise ``abs(desired - actual) < 1.5 * 10**(-decimal)``."""
    __tracebackhide__ = True
    limit = 1.5 * 10.0 ** (-decimal)

    def compare(xt, xd, yt, yd):
        if xd._pooled or yd._pooled:
            # object elements: abs(x - y) by the object loops, then as float64 (NumPy's way)
            from .._ufuncs import absolute, subtract
            z = asarray(absolute(subtract(_wrap(xt, xd), _wrap(yt, yd)))).astype(D.float64)
            return z._t < limit
        fd = V.inexact(yd)
        yt = V.to_dtype(yt, yd, fd)
        p = V.promote(xd, fd)
        z = (V.to_dtype(xt, xd, p) - V.to_dtype(yt, fd, p)).abs()
        return z < limit

    _compare(compare, actual, desired, err_msg=err_msg, verbose=verbose,
             header="Arrays are not almost equal to %d decimals" % decimal, precision=decimal)


def assert_array_less(x, y, err_msg="", verbose=True, *, strict=False):
    """Element-wise ``x < y``."""
    __tracebackhide__ = True
    _compare(V.less, x, y, err_msg=err_msg, verbose=verbose,
             header="Arrays are not strictly ordered `x < y`", equal_inf=False,
             strict=strict, names=("x", "y"))


def _tolerance(tol, like):
    """rtol/atol: Python numbers as they are; NumPy scalars and arrays as tensors."""
    if type(tol) in (int, float):
        return tol
    t, _ = _tensor_and_dtype(tol)
    return t.to(like.device)


def _isclose(xt, xd, yt, yd, rtol, atol, equal_nan):
    fd = V.inexact(yd)
    yt = V.to_dtype(yt, yd, fd)
    p = V.promote(xd, fd)
    xp = V.to_dtype(xt, xd, p)
    yp = V.to_dtype(yt, fd, p)
    tol_dtype = fd._torch if fd.kind == "f" else (torch.float32 if fd is D.complex64 else torch.float64)
    bound = _tolerance(atol, yt) + _tolerance(rtol, yt) * yt.abs().to(tol_dtype)
    result = ((xp - yp).abs() <= bound) & torch.isfinite(yt) | (xp == yp)
    if equal_nan:
        result = result | (V.isnan(xt, xd) & torch.isnan(yt))
    return result


def assert_allclose(actual, desired, rtol=1e-7, atol=0, equal_nan=True, err_msg="",
                    verbose=True, *, strict=False):
    """``|actual - desired| <= atol + rtol * |desired|`` element-wise."""
    __tracebackhide__ = True

    def compare(xt, xd, yt, yd):
        return _isclose(xt, xd, yt, yd, rtol, atol, equal_nan)

    _compare(compare, actual, desired, err_msg=str(err_msg), verbose=verbose,
             header=f"Not equal to tolerance rtol={rtol:g}, atol={atol:g}",
             equal_nan=equal_nan, strict=strict)


def assert_string_equal(actual, desired):
    """Equality of two strings, reporting a line diff."""
    __tracebackhide__ = True
    import difflib
    if not isinstance(actual, str):
        raise AssertionError(repr(type(actual)))
    if not isinstance(desired, str):
        raise AssertionError(repr(type(desired)))
    if desired == actual:
        return
    diff = list(difflib.Differ().compare(actual.splitlines(True), desired.splitlines(True)))
    shown = []
    while diff:
        first = diff.pop(0)
        if first.startswith("  "):
            continue
        if not first.startswith("- "):
            raise AssertionError(repr(first))
        block = [first]
        second = diff.pop(0)
        if second.startswith("? "):
            block.append(second)
            second = diff.pop(0)
        if not second.startswith("+ "):
            raise AssertionError(repr(second))
        block.append(second)
        if diff:
            third = diff.pop(0)
            if third.startswith("? "):
                block.append(third)
            else:
                diff.insert(0, third)
        if second[2:] != first[2:]:
            shown.extend(block)
    if shown:
        raise AssertionError(f"Differences in strings:\n{''.join(shown).rstrip()}")


# -- units in the last place ------------------------------------------------------------

_INT_VIEW = {"float16": (torch.int16, -2 ** 15), "float32": (torch.int32, -2 ** 31),
             "float64": (torch.int64, -2 ** 63)}


def _common_float(*dtypes):
    out = None
    for d in dtypes:
        f = d if d.kind in "fc" else D.float64
        out = f if out is None else V.promote(out, f)
    return out


def nulp_diff(x, y, dtype=None):
    """Number of representable floats between ``x`` and ``y``, element-wise."""
    x = V.arr(x) if dtype is None else asarray(x, dtype=dtype)
    y = V.arr(y) if dtype is None else asarray(y, dtype=dtype)
    t = _common_float(x.dtype, y.dtype)
    if x.dtype.kind == "c" or y.dtype.kind == "c":
        raise NotImplementedError("_nulp not implemented for complex array")
    xt = V.to_dtype(x._t, x.dtype, t).unsqueeze(0)
    yt = V.to_dtype(y._t, y.dtype, t).unsqueeze(0)
    if xt.shape != yt.shape:
        raise ValueError(f"Arrays do not have the same shape: {tuple(xt.shape)} - {tuple(yt.shape)}")
    idt, comp = _INT_VIEW[t.name]
    nan = torch.tensor(float("nan"), dtype=t._torch)
    xt = torch.where(torch.isnan(xt), nan, xt).contiguous()
    yt = torch.where(torch.isnan(yt), nan, yt).contiguous()

    def integer_repr(v):
        r = v.view(idt)
        return torch.where(r < 0, comp - r, r)

    diff = (integer_repr(xt) - integer_repr(yt)).to(t._torch)
    return _wrap(diff.abs(), t)


def assert_array_max_ulp(a, b, maxulp=1, dtype=None):
    """Check that ``a`` and ``b`` differ by at most ``maxulp`` units in the last place."""
    __tracebackhide__ = True
    ret = nulp_diff(a, b, dtype)
    if not bool((ret._t <= maxulp).all()):
        worst = float(ret._t.max()) if ret._t.numel() else float("nan")
        raise AssertionError("Arrays are not almost equal up to %g ULP (max difference is %g ULP)"
                             % (maxulp, worst))
    return ret


def _spacing(t):
    return torch.nextafter(t, torch.full_like(t, math.inf)) - t


def assert_array_almost_equal_nulp(x, y, nulp=1):
    """``|x - y| <= nulp * spacing(max(|x|, |y|))`` element-wise."""
    __tracebackhide__ = True
    ax_arr, ay_arr = V.arr(x), V.arr(y)
    t = _common_float(ax_arr.dtype, ay_arr.dtype)
    if t.kind == "c":
        xt = V.to_dtype(ax_arr._t, ax_arr.dtype, t)
        yt = V.to_dtype(ay_arr._t, ay_arr.dtype, t)
        ax, ay = xt.abs(), yt.abs()
        ref = nulp * _spacing(torch.where(ax > ay, ax, ay))
        if not bool(((xt - yt).abs() <= ref).all()):
            raise AssertionError(f"Arrays are not equal to {nulp} ULP")
        return
    xt = V.to_dtype(ax_arr._t, ax_arr.dtype, t)
    yt = V.to_dtype(ay_arr._t, ay_arr.dtype, t)
    ax, ay = xt.abs(), yt.abs()
    ref = nulp * _spacing(torch.where(ax > ay, ax, ay))
    if not bool(((xt - yt).abs() <= ref).all()):
        max_nulp = float(nulp_diff(x, y)._t.max())
        raise AssertionError(f"Arrays are not equal to {nulp} ULP (max is {max_nulp:g})")
