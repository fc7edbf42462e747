"""timedelta64 arrays: int64 counts of a time unit, NaT (the int64 minimum)
propagating like NaN.

The dtypes live in _dtypes (``TIMEDELTA[unit]``, ``''`` the generic unit);
this module holds what needs their meaning: unit conversion, the values
Python sees, and NumPy's timedelta ufunc loops.  datetime64 arrays are not
supported (``np.dtype('M8')`` raises NotImplementedError).
"""

import datetime
import math

import torch

from . import _dtypes as D

NAT = D.NAT
# units whose values Python sees as datetime.timedelta (as NumPy's tolist/item)
_PY_TIMEDELTA_UNITS = ("W", "D", "h", "m", "s", "ms", "us")


def convert_units(t, src_unit, dst_unit):
    """Counts of ``src_unit`` as counts of ``dst_unit`` (coarser: floor), NaT kept."""
    if not src_unit or not dst_unit or src_unit == dst_unit:
        return t
    if src_unit in D.UNIT_AS and dst_unit in D.UNIT_AS:
        a, b = D.UNIT_AS[src_unit], D.UNIT_AS[dst_unit]
        r = t * (a // b) if a >= b else torch.div(t, b // a, rounding_mode="floor")
    elif src_unit not in D.UNIT_AS and dst_unit not in D.UNIT_AS:
        r = t * 12 if src_unit == "Y" else torch.div(t, 12, rounding_mode="floor")
    else:
        raise NotImplementedError(f"np2torch: converting timedelta64[{src_unit}] to "
                                  f"timedelta64[{dst_unit}] (calendar and fixed units) is not supported")
    return torch.where(t == NAT, t, r)


def cast(t, src, dst):
    """``_casting.cast`` where either side is timedelta64 (object sides excepted)."""
    from ._casting import cast as plain_cast
    if src.kind == "m" and dst.kind == "m":
        return convert_units(t, src.unit, dst.unit)
    if dst.kind == "m":
        if src.kind in "fc":
            if src.kind == "c":
                t = t.real
            bad = ~torch.isfinite(t)
            r = torch.where(bad, torch.zeros_like(t), t).to(torch.int64)
            return torch.where(bad, torch.full_like(r, NAT), r)
        return t.to(torch.int64)
    return plain_cast(t, D.int64, dst)


def python_value(v, d):
    """What NumPy's ``item``/``tolist`` give for the stored count ``v``."""
    if v == NAT:
        return None
    if d.unit in _PY_TIMEDELTA_UNITS:
        return datetime.timedelta(microseconds=v * D.UNIT_AS[d.unit] // 10**12)
    return v


def stored_value(value, d):
    """The int64 count a value stores as in a timedelta64 array of dtype ``d``."""
    from ._scalars import timedelta64, generic
    if isinstance(value, timedelta64):
        t = torch.tensor(value._value)
        return int(convert_units(t, value._dtype.unit, d.unit))
    if value is None:
        return NAT
    if isinstance(value, (str, bytes)):
        text = value.decode() if isinstance(value, bytes) else value
        # NumPy reads 'NaT' in any case, and the empty string, as NaT
        if text.lower() in ("nat", ""):
            return NAT
        try:
            return int(text)
        except ValueError:
            raise ValueError("Could not convert object to NumPy timedelta") from None
    if isinstance(value, datetime.timedelta):
        us = (value.days * 86400 + value.seconds) * 10**6 + value.microseconds
        return int(convert_units(torch.tensor(us), "us", d.unit or "us"))
    if isinstance(value, generic):
        value = value._py()
    if isinstance(value, float):
        return NAT if not math.isfinite(value) else int(value)
    return int(value)


def scalar(v, d):
    from ._scalars import timedelta64
    return timedelta64._make(v, d)


# -- printing ------------------------------------------------------------------------

def formatter(values):
    """NumPy's TimedeltaFormat: counts right-aligned, NaT as 'NaT'."""
    shown = [v for v in values if v != NAT]
    width = max((len(str(v)) for v in (min(shown), max(shown))), default=0) if shown else 0
    if len(shown) < len(values):
        width = max(width, 5)
    nat = "'NaT'".rjust(width)
    return lambda v: nat if v == NAT else str(v).rjust(width)


# -- ufunc loops ---------------------------------------------------------------------

_ARITH = {"add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder",
          "fmod", "negative", "positive", "absolute", "sign", "maximum", "minimum", "fmax", "fmin",
          "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "isnat",
          "isnan", "isfinite", "isinf"}
_COMPARE = {"equal": torch.eq, "not_equal": torch.ne, "less": torch.lt, "less_equal": torch.le,
            "greater": torch.gt, "greater_equal": torch.ge}


def _operand(x):
    from ._ndarray import asarray
    return asarray(x)  # Python ints become int64, as NumPy's timedelta loops take them


def _type_error(name, arrays):
    from ._ufuncs import UFuncTypeError
    types = " and ".join(repr(a.dtype) for a in arrays)
    return UFuncTypeError(f"ufunc '{name}' cannot use operands with types {types}")


def ufunc_call(uf, args, out, where, casting):
    """A ufunc with timedelta64 operands: NumPy's m loops (NaT propagates)."""
    from ._ndarray import _wrap, box, broadcast_shapes_or_raise
    name = uf.__name__
    if name not in _ARITH:
        raise uf._no_loop([getattr(a, "dtype", None) or _operand(a).dtype for a in args])
    arrays = [_operand(a) for a in args]
    kinds = [a.dtype.kind for a in arrays]
    broadcast_shapes_or_raise(*[a._t.shape for a in arrays])
    result = _loop(name, arrays, kinds)
    if result is None:
        raise _type_error(name, arrays)
    t, d = result
    if out is None and where is True:
        return box(t, d)
    from ._ufuncs import _write_out
    from ._ndarray import _tensor_and_dtype
    mask = None if where is True else _tensor_and_dtype(where, D.bool_)[0]
    if out is None:
        r = torch.where(mask, t, torch.zeros((), dtype=t.dtype, device=t.device))
        return _wrap(r.expand(torch.broadcast_shapes(r.shape, mask.shape)).clone(), d)
    o = out[0] if isinstance(out, tuple) else out
    return _write_out(name, o, t, d, mask, casting)


def _nat(*ts):
    m = None
    for t in ts:
        m = (t == NAT) if m is None else m | (t == NAT)
    return m


def _with_nat(r, *ts):
    return torch.where(_nat(*ts), torch.full_like(r, NAT), r)


def _loop(name, arrays, kinds):
    """(tensor, dtype) of one timedelta loop, or None where NumPy has none."""
    from ._casting import cast
    if len(arrays) == 1:
        a = arrays[0]
        t, d = a._t, a.dtype
        if name in ("isnat", "isnan"):
            return t == NAT, D.bool_
        if name == "isfinite":
            return t != NAT, D.bool_
        if name == "isinf":
            return torch.zeros_like(t, dtype=torch.bool), D.bool_
        if name == "negative":
            return _with_nat(-t, t), d
        if name == "positive":
            return t.clone(), d
        if name == "absolute":
            return _with_nat(t.abs(), t), d
        if name == "sign":
            return torch.sign(t), d  # NaT, the int64 minimum, is negative (as in NumPy)
        return None
    a, b = arrays
    ka, kb = kinds
    if ka == "m" and kb == "m":
        d = D.TIMEDELTA[D.common_unit(a.dtype.unit, b.dtype.unit)]
        x, y = cast(a._t, a.dtype, d), cast(b._t, b.dtype, d)
        if name in _COMPARE:
            r = _COMPARE[name](x, y)
            nat = _nat(x, y)
            return (r | nat if name == "not_equal" else r & ~nat), D.bool_
        if name in ("add", "subtract"):
            return _with_nat(x + y if name == "add" else x - y, x, y), d
        if name in ("maximum", "minimum"):
            r = torch.maximum(x, y) if name == "maximum" else torch.minimum(x, y)
            return _with_nat(r, x, y), d
        if name in ("fmax", "fmin"):
            r = torch.maximum(x, y) if name == "fmax" else torch.minimum(x, y)
            r = torch.where(x == NAT, y, torch.where(y == NAT, x, r))
            return r, d
        if name in ("divide", "true_divide"):
            r = x.to(torch.float64) / y.to(torch.float64)
            return torch.where(_nat(x, y), torch.full_like(r, math.nan), r), D.float64
        if name == "floor_divide":
            zero = (y == 0) | _nat(x, y)
            r = torch.div(x, torch.where(zero, torch.ones_like(y), y), rounding_mode="floor")
            return torch.where(zero, torch.zeros_like(r), r), D.int64
        if name in ("remainder", "fmod"):
            zero = y == 0
            safe = torch.where(zero, torch.ones_like(y), y)
            r = torch.remainder(x, safe) if name == "remainder" else torch.fmod(x, safe)
            return _with_nat(torch.where(zero, torch.full_like(r, NAT), r), x, y), d
        return None
    # timedelta with a number
    td, num, td_first = (a, b, True) if ka == "m" else (b, a, False)
    kn = num.dtype.kind
    d = td.dtype
    x = td._t
    if kn not in "biuf":
        return None
    if name in ("add", "subtract") and kn in "biu" and (td_first or name == "add"):
        y = num._t.to(torch.int64)
        r = x + y if name == "add" else x - y
        return _with_nat(r, x), d
    if name in _COMPARE and kn in "biu":
        y = num._t.to(torch.int64)
        xs, ys = (x, y) if td_first else (y, x)
        r = _COMPARE[name](xs, ys)
        nat = _nat(x)
        return (r | nat if name == "not_equal" else r & ~nat), D.bool_
    if name in ("maximum", "minimum", "fmax", "fmin") and kn in "biu":
        return _loop(name, [td, _as_timedelta(num, d)] if td_first else [_as_timedelta(num, d), td],
                     ["m", "m"])
    if name == "multiply":
        if kn == "f":
            r = x.to(torch.float64) * num._t.to(torch.float64)
            bad = ~torch.isfinite(r)
            r = torch.where(bad, torch.zeros_like(r), r).to(torch.int64)
            return torch.where(bad | _nat(x), torch.full_like(r, NAT), r), d
        return _with_nat(x * num._t.to(torch.int64), x), d
    if name in ("divide", "true_divide", "floor_divide") and td_first:
        if kn == "f":
            r = x.to(torch.float64) / num._t.to(torch.float64)
            if name == "floor_divide":
                r = torch.floor(r)
            bad = ~torch.isfinite(r)
            r = torch.where(bad, torch.zeros_like(r), r).to(torch.int64)
            return torch.where(bad | _nat(x), torch.full_like(r, NAT), r), d
        y = num._t.to(torch.int64)
        zero = y == 0
        safe = torch.where(zero, torch.ones_like(y), y)
        mode = "floor" if name == "floor_divide" else "trunc"
        r = torch.div(x, safe, rounding_mode=mode)
        return torch.where(zero | _nat(x), torch.full_like(r, NAT), r), d
    return None


def _as_timedelta(arr, d):
    from ._ndarray import _wrap
    return _wrap(arr._t.to(torch.int64), d)


# -- reductions ------------------------------------------------------------------------

def sum_(t, axes):
    """Sum of counts along ``axes``; NaT anywhere gives NaT."""
    s = torch.sum(t, dim=axes) if axes else t.clone()
    nat = torch.any(t == NAT, dim=axes) if axes else t == NAT
    return torch.where(nat, torch.full_like(s, NAT), s)


def sortable(t):
    """A key ordering NaT after every time (NumPy sorts NaT last)."""
    return torch.where(t == NAT, torch.full_like(t, (1 << 63) - 1), t)
