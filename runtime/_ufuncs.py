"""NumPy's universal functions on torch.

Each ufunc resolves its loop the way NumPy does — the first registered type
signature (see _ufunc_loops.py) that every input can be safely cast to —
and caches the result per input-dtype tuple, so after the first call with a
given dtype combination, dispatch is two dict lookups.  Kernels are plain
functions of tensors already in the loop's storage dtypes.

Operators (``a + b``) enter through ``ufunc._binary``, which keeps a fast
path for the common case: two arrays of the same native dtype, or an array
and a Python scalar that does not change its dtype.
"""

import math
import operator

import torch

from . import _dtypes as D
from . import _errstate
from . import _scalars as S
from ._casting import cast, wrap_unsigned
from ._flags import READONLY, check_writeable
from ._ndarray import (ndarray, _wrap, box, _tensor_and_dtype, _fill_value, asarray, check_same_device,
                       mixed_devices_error, broadcast_shapes_or_raise)
from ._ufunc_loops import ALIASES, LOOPS

__all__ = ["ufunc", "UFuncTypeError"] + sorted(LOOPS) + sorted(ALIASES)

_CHAR = {d.char: d for d in D.ALL}
_PY_SCALARS = (bool, int, float, complex)


_CASTINGS = frozenset(("no", "equiv", "safe", "same_kind", "unsafe"))


class UFuncTypeError(TypeError):
    """No loop of the ufunc accepts the given input types."""


def _broadcast_error(arrays):
    shapes = " ".join(str(tuple(a.shape)) for a in arrays if isinstance(a, torch.Tensor))
    return ValueError(f"operands could not be broadcast together with shapes {shapes} ")


# -- kernels ------------------------------------------------------------------

def _int_zero_guard(name, op):
    """Integer division-like ops: NumPy returns 0 (with a warning) for x/0."""
    def kernel(a, b):
        if a.dtype.is_floating_point or a.dtype.is_complex:
            return op(a, b)
        if a.dtype is torch.bool:
            a = a.to(torch.int8)
            b = b.to(torch.int8)
        if not isinstance(b, torch.Tensor):
            if b == 0 or (b == -1 and checks_overflow):
                b = torch.full((), b, dtype=a.dtype, device=a.device)
            else:
                return op(a, b)
        zero = b == 0
        if checks_overflow and a.dtype in _SIGNED_MIN:
            # MIN // -1 does not fit: NumPy wraps it and says so
            if bool(((a == _SIGNED_MIN[a.dtype]) & (b == -1)).any()):
                _errstate.report("over", f"overflow encountered in {name}")
        if bool(zero.any()):
            _errstate.report("divide", f"divide by zero encountered in {name}")
            safe = torch.where(zero, torch.ones_like(b), b)
            return torch.where(zero, torch.zeros_like(a), op(a, safe))
        return op(a, b)
    checks_overflow = name == "floor_divide"
    return kernel


_SIGNED_MIN = {t: torch.iinfo(t).min for t in (torch.int8, torch.int16, torch.int32, torch.int64)}


def _power(a, b):
    if not (a.dtype.is_floating_point or a.dtype.is_complex) and a.dtype is not torch.bool:
        negative = (b < 0).any() if isinstance(b, torch.Tensor) else b < 0
        if bool(negative):
            raise ValueError("Integers to negative integer powers are not allowed.")
    return torch.pow(a, b)


def _float_check(name, op):
    """Float kernels whose special values NumPy reports (divide by zero, invalid)."""
    def kernel(*args):
        r = op(*args)
        if r.dtype.is_floating_point and _errstate.active() and r.numel():
            _report_special(name, args, r)
        return r
    return kernel


def _report_special(name, args, r):
    # One reduction and one sync in the common case: a NaN or an infinity
    # anywhere makes the sum non-finite (an overflowing sum only costs the
    # detailed scan below).
    if math.isfinite(float(r.detach().sum())):
        return
    nonfinite = ~torch.isfinite(r)
    if not bool(nonfinite.any()):
        return
    finite_in = torch.ones_like(r, dtype=torch.bool)
    for a in args:
        if isinstance(a, torch.Tensor) and (a.dtype.is_floating_point or a.dtype.is_complex):
            finite_in = finite_in & torch.isfinite(a)
    new = nonfinite & finite_in
    if bool((torch.isnan(r) & new).any()):
        _errstate.report("invalid", f"invalid value encountered in {name}", stacklevel=5)
    if bool((torch.isinf(r) & new).any()):
        kind = "divide" if name in ("divide", "log", "log2", "log10", "log1p", "reciprocal",
                                    "floor_divide", "remainder", "arctanh", "divmod") else "over"
        msg = "divide by zero" if kind == "divide" else "overflow"
        _errstate.report(kind, f"{msg} encountered in {name}", stacklevel=5)


def _sign(x):
    if x.is_complex():
        return torch.sgn(x)
    if x.is_floating_point():
        return torch.where(torch.isnan(x), x, torch.sign(x))
    return torch.sign(x)


def _cbrt(x):
    return torch.where(x < 0, -torch.pow(-x, 1.0 / 3.0), torch.pow(x, 1.0 / 3.0))


def _reciprocal(x):
    if x.is_floating_point() or x.is_complex():
        return torch.reciprocal(x)
    one = torch.ones_like(x)
    zero = x == 0
    if bool(zero.any()):
        _errstate.report("divide", "divide by zero encountered in reciprocal")
    return torch.where(zero, torch.zeros_like(x), torch.div(one, torch.where(zero, one, x), rounding_mode="trunc"))


def _spacing(x):
    inf = torch.full_like(x, math.inf)
    toward = torch.where(torch.signbit(x), -inf, inf)
    gap = torch.nextafter(x, toward) - x
    # NumPy's half-precision spacing is the gap's magnitude (its float/double keep the sign)
    return torch.abs(gap) if x.dtype is torch.float16 else gap


def _rint(x):
    if x.is_complex():
        return torch.complex(torch.round(x.real), torch.round(x.imag))
    return torch.round(x)


def _identity_copy(x):
    return x.clone()


def _maybe_copy(fn):
    def kernel(x):
        if x.is_floating_point() or x.is_complex():
            return fn(x)
        return x.clone()
    return kernel


def _conj(x):
    return torch.conj_physical(x) if x.is_complex() else x.clone()


def _modf(x):
    ipart = torch.trunc(x)
    frac = torch.where(torch.isinf(x), torch.copysign(torch.zeros_like(x), x), x - ipart)
    return frac, ipart


def _frexp(x):
    m, e = torch.frexp(x)
    return m, e.to(torch.int32)


def _divmod(a, b):
    return _FLOOR_DIVIDE(a, b), _REMAINDER(a, b)


def _bitwise_count(x):
    x = torch.abs(x.to(torch.int64)) if x.dtype is not torch.int64 else torch.abs(x)
    count = torch.zeros_like(x)
    for shift in range(64):
        count += torch.bitwise_and(torch.bitwise_right_shift(x, shift), 1)
    return count.to(torch.uint8)


def _maxmin(tfn, take_first_when, nan_wins):
    """maximum/minimum (nan_wins) and fmax/fmin; complex values order lexicographically."""
    def kernel(a, b):
        if a.dtype is torch.bool:
            return tfn(a.to(torch.uint8), b.to(torch.uint8)).to(torch.bool)
        if a.is_complex():
            a, b = torch.broadcast_tensors(a, b)
            pick_a = take_first_when(a, b)
            a_nan = torch.isnan(a)
            b_nan = torch.isnan(b)
            if nan_wins:
                pick_a = pick_a | a_nan
            else:
                pick_a = (pick_a | b_nan) & ~a_nan | (a_nan & b_nan)
            return torch.where(pick_a, a, b)
        return tfn(a, b)
    return kernel


def _complex_order(strict, tfn):
    """NumPy's lexicographic complex comparison (real part first, then imaginary)."""
    def kernel(a, b):
        if (isinstance(a, torch.Tensor) and a.is_complex()) or (isinstance(b, torch.Tensor) and b.is_complex()):
            a = torch.as_tensor(a)
            b = torch.as_tensor(b, device=a.device)
            ct = a.dtype if a.is_complex() else b.dtype
            a, b = a.to(ct), b.to(ct)
            ar, ai, br, bi = a.real, a.imag, b.real, b.imag
            return ((strict(ar, br) & ~torch.isnan(ai) & ~torch.isnan(bi))
                    | ((ar == br) & tfn(ai, bi)))
        return tfn(a, b)
    return kernel


def _heaviside(a, b):
    return torch.heaviside(a, b.to(a.dtype) if isinstance(b, torch.Tensor) else torch.tensor(b, dtype=a.dtype))


def _ldexp(a, b):
    return (a * torch.pow(2.0, b.to(torch.float64))).to(a.dtype) if a.dtype is not torch.float64 else torch.ldexp(a, b)


def _logaddexp2(a, b):
    return torch.logaddexp2(a, b)


def _lcm(a, b):
    # NumPy: |a| // gcd * |b| in the loop's dtype (wrapping on overflow, no final abs)
    a, b = torch.abs(a), torch.abs(b)
    g = torch.gcd(a, b)
    zero = g == 0
    return torch.where(zero, torch.zeros_like(g), torch.div(a, torch.where(zero, torch.ones_like(g), g), rounding_mode="trunc") * b)


def _absolute(a):
    return a.clone() if a.dtype is torch.bool else torch.abs(a)


def _gcd(a, b):
    return torch.abs(torch.gcd(a, b))


def _matmul(a, b):
    if a.device != b.device:
        # torch's CPU kernel does not check (a meta operand gives garbage)
        check_same_device((a, b))
    if a.ndim == 0 or b.ndim == 0:
        which = 0 if a.ndim == 0 else 1
        raise ValueError(f"matmul: Input operand {which} does not have enough dimensions "
                         f"(has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
    if a.shape[-1] != b.shape[-2 if b.ndim > 1 else 0]:
        n = a.shape[-1]
        k = b.shape[-2 if b.ndim > 1 else 0]
        raise ValueError(f"matmul: Input operand 1 has a mismatch in its core dimension 0, "
                         f"with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {k} is different from {n})")
    if a.dtype is torch.bool:
        return torch.matmul(a.to(torch.int64), b.to(torch.int64)) != 0
    if not a.dtype.is_floating_point and not a.dtype.is_complex and a.device.type != "cpu":
        return torch.matmul(a.to(torch.float64), b.to(torch.float64)).round().to(a.dtype)
    return torch.matmul(a, b)


def _vecdot(a, b):
    if a.shape[-1] != b.shape[-1]:
        raise ValueError("vecdot: Input operand 1 has a mismatch in its core dimension 0")
    if a.is_complex():
        a = torch.conj(a)
    return (a * b).sum(-1)


def _matvec(a, b):
    return torch.matmul(a, b.unsqueeze(-1)).squeeze(-1)


def _vecmat(a, b):
    if a.is_complex():
        a = torch.conj(a)
    return torch.matmul(a.unsqueeze(-2), b).squeeze(-2)


def _right_shift(a, b):
    return torch.bitwise_right_shift(a, b)


def _logical(tfn):
    return lambda a, b: tfn(a, b)


_LT = _complex_order(torch.lt, torch.lt)
_LE = _complex_order(torch.lt, torch.le)
_GT = _complex_order(torch.gt, torch.gt)
_GE = _complex_order(torch.gt, torch.ge)

_FLOOR_DIVIDE = _int_zero_guard("floor_divide", torch.floor_divide)
_REMAINDER = _int_zero_guard("remainder", torch.remainder)

KERNELS = {
    "add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
    "divide": _float_check("divide", operator.truediv),
    "floor_divide": _FLOOR_DIVIDE, "remainder": _REMAINDER,
    "fmod": _int_zero_guard("fmod", torch.fmod),
    "divmod": _divmod,
    "power": _power, "float_power": torch.pow,
    "maximum": _maxmin(torch.maximum, lambda a, b: _GE(a, b), True),
    "minimum": _maxmin(torch.minimum, lambda a, b: _LE(a, b), True),
    "fmax": _maxmin(torch.fmax, lambda a, b: _GE(a, b), False),
    "fmin": _maxmin(torch.fmin, lambda a, b: _LE(a, b), False),
    "arctan2": torch.atan2, "hypot": torch.hypot, "copysign": torch.copysign,
    "nextafter": torch.nextafter, "ldexp": _ldexp, "logaddexp": torch.logaddexp,
    "logaddexp2": _logaddexp2, "heaviside": _heaviside, "gcd": _gcd, "lcm": _lcm,
    "bitwise_and": torch.bitwise_and, "bitwise_or": torch.bitwise_or,
    "bitwise_xor": torch.bitwise_xor, "left_shift": torch.bitwise_left_shift,
    "right_shift": _right_shift,
    "logical_and": torch.logical_and, "logical_or": torch.logical_or,
    "logical_xor": torch.logical_xor,
    "equal": torch.eq, "not_equal": torch.ne, "less": _LT, "less_equal": _LE,
    "greater": _GT, "greater_equal": _GE,
    "matmul": _matmul, "vecdot": _vecdot, "matvec": _matvec, "vecmat": _vecmat,
    # unary
    "negative": torch.neg, "positive": _identity_copy, "absolute": _absolute,
    "fabs": torch.abs, "sign": _sign, "sqrt": _float_check("sqrt", torch.sqrt),
    "cbrt": _cbrt, "square": torch.square, "reciprocal": _reciprocal,
    "exp": torch.exp, "exp2": torch.exp2, "expm1": torch.expm1,
    "log": _float_check("log", torch.log), "log2": _float_check("log2", torch.log2),
    "log10": _float_check("log10", torch.log10), "log1p": _float_check("log1p", torch.log1p),
    "sin": torch.sin, "cos": torch.cos, "tan": torch.tan,
    "arcsin": _float_check("arcsin", torch.asin), "arccos": _float_check("arccos", torch.acos),
    "arctan": torch.atan, "sinh": torch.sinh, "cosh": torch.cosh, "tanh": torch.tanh,
    "arcsinh": torch.asinh, "arccosh": _float_check("arccosh", torch.acosh),
    "arctanh": _float_check("arctanh", torch.atanh),
    "deg2rad": torch.deg2rad, "radians": torch.deg2rad,
    "rad2deg": torch.rad2deg, "degrees": torch.rad2deg,
    "floor": _maybe_copy(torch.floor), "ceil": _maybe_copy(torch.ceil),
    "trunc": _maybe_copy(torch.trunc), "rint": _maybe_copy(_rint),
    "conjugate": _conj, "invert": torch.bitwise_not, "logical_not": torch.logical_not,
    "isnan": torch.isnan, "isinf": torch.isinf, "isfinite": torch.isfinite,
    "signbit": torch.signbit, "spacing": _spacing, "modf": _modf, "frexp": _frexp,
    "bitwise_count": _bitwise_count,
}

# Ufuncs whose result on widened unsigned storage can leave the type's range.
_WRAPS = {"add", "subtract", "multiply", "negative", "left_shift", "power", "square",
          "invert", "lcm"}
_COMPARISONS = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}
# Integer loops NumPy never uses for these: ints go to float64 instead.
_INT_TO_DOUBLE = {"divide"}
# NumPy's type resolvers reject all-bool inputs for these (no bool -> int8 fallback).
_NO_BOOL_LOOP = {"negative", "subtract", "positive", "gcd", "lcm", "sign"}
_GUFUNCS = {"matmul": "(n?,k),(k,m?)->(n?,m?)", "vecdot": "(n),(n)->()",
            "matvec": "(m,n),(n)->(m)", "vecmat": "(n),(n,m)->(m)"}
_BOOL_MESSAGES = {
    "subtract": "numpy boolean subtract, the `-` operator, is not supported, use the "
                "bitwise_xor, the `^` operator, or the logical_xor function instead.",
    "negative": "The numpy boolean negative, the `-` operator, is not supported, use the "
                "`~` operator or the logical_not function instead.",
}


def _parse_identity(text):
    if text is None:
        return None
    kind, _, value = text.partition(":")
    if kind == "float":
        return float(value)
    if kind == "bool":
        return value == "True"
    return int(value)


class ufunc:
    """A NumPy universal function: elementwise, broadcasting, with out/where/dtype."""

    def __init__(self, name, nin, nout, identity, loops):
        self.__name__ = name
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self.identity = _parse_identity(identity)
        self.types = list(loops)
        self.ntypes = len(loops)
        self.signature = _GUFUNCS.get(name)
        self._loops = [(tuple(_CHAR[c] for c in sig.split("->")[0]),
                        tuple(_CHAR[c] for c in sig.split("->")[1])) for sig in loops]
        self._kernel = KERNELS.get(name)
        self._wraps = name in _WRAPS
        self._cache = {}
        self._doc = f"NumPy's ``{name}`` ufunc on torch tensors."
        # fast path for operators: same native dtype in, kernel, dtype out
        self._same = [None] * D.N_TYPES
        for d in D.ALL:
            if d._native and self._kernel is not None and nin == 2 and nout == 1:
                loop = self._resolve((d, d))
                if loop is not None and loop[0] == (d, d) and loop[1][0]._native:
                    self._same[d._index] = loop[1][0]
        self._scalar_ok = None if nin == 2 and self._kernel is not None else False
        # the same for unary ufuncs: one native dtype in, its loop's dtype out
        self._same1 = [None] * D.N_TYPES
        for d in D.ALL:
            if d._native and self._kernel is not None and nin == 1 and nout == 1:
                loop = self._resolve((d,))
                if loop is not None and loop[0] == (d,) and loop[1][0]._native:
                    self._same1[d._index] = loop[1][0]

    @property
    def __doc__(self):
        return self._doc

    def __repr__(self):
        return f"<ufunc '{self.__name__}'>"

    # -- loop resolution ---------------------------------------------------
    def _resolve(self, dtypes):
        """The (input dtypes, output dtypes) loop for these input dtypes."""
        key = tuple(d._index for d in dtypes)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        found = None
        name = self.__name__
        if name in _NO_BOOL_LOOP and all(d is D.bool_ for d in dtypes):
            found = None
        elif name in _INT_TO_DOUBLE and all(d.kind in "biu" for d in dtypes):
            f = D.POLICY["float"]
            found = ((f,) * len(dtypes), (f,))
        else:
            safe = D.CAN_CAST["safe"]
            for ins, outs in self._loops:
                if all(safe[d._index][l._index] for d, l in zip(dtypes, ins)):
                    found = (ins, outs)
                    break
        if found is not None:
            self._cache[key] = found
        return found

    def _no_loop(self, dtypes):
        if len(dtypes) == 1 and dtypes[0] is D.bool_ and self.__name__ in _BOOL_MESSAGES:
            return TypeError(_BOOL_MESSAGES[self.__name__])
        if len(dtypes) == 2 and dtypes[0] is D.bool_ and dtypes[1] is D.bool_ and self.__name__ in _BOOL_MESSAGES:
            return TypeError(_BOOL_MESSAGES[self.__name__])
        names = ", ".join(f"dtype('{d.name}')" for d in dtypes)
        return UFuncTypeError(
            f"ufunc '{self.__name__}' not supported for the input types, and the inputs could "
            "not be safely coerced to any supported types according to the casting rule ''safe''"
            if len(dtypes) > 0 else f"ufunc '{self.__name__}' did not contain a loop with signature matching types ({names})")

    # -- operators: fast path ----------------------------------------------
    def _binary(self, a, b):
        if type(a) is ndarray:
            da = a._dtype
            tb = type(b)
            if tb is ndarray:
                if da is b._dtype:
                    out_d = self._same[da._index]
                    if out_d is not None:
                        try:
                            r = self._kernel(a._t, b._t)
                        except RuntimeError as e:
                            raise _translate(e, a._t, b._t) from None
                        return box(r, out_d)
            elif tb is float:
                # float16 goes the general way: torch refuses Python floats beyond its range
                if da.kind in "fc" and da is not D.float16 and self._takes_scalars():
                    out_d = self._same[da._index]
                    if out_d is not None:
                        r = self._kernel(a._t, b)
                        return box(r, out_d)
            elif tb is int:
                if (da._native and da is not D.float16 and da.kind in "iuf"
                        and (da.kind == "f" or da._min <= b <= da._max) and self._takes_scalars()):
                    out_d = self._same[da._index]
                    if out_d is not None:
                        r = self._kernel(a._t, b)
                        return box(r, out_d)
        return self._call(a, b)

    def _takes_scalars(self):
        """Whether the kernel accepts a Python number as its second operand
        (operator kernels do; many torch functions need tensors)."""
        ok = self._scalar_ok
        if ok is None:
            probe = torch.ones(2, dtype=torch.float64)
            try:
                self._kernel(probe, 2.0)
                ok = True
            except Exception:  # any refusal means: give it tensors
                ok = False
            self._scalar_ok = ok
        return ok

    def _rbinary(self, a, b):
        """Reflected operator: ``b op a`` where ``a`` is the ndarray."""
        tb = type(b)
        if tb is float or tb is int:
            da = a._dtype
            if da is D.float16:
                return self._call(b, a)
            if (tb is float and da.kind in "fc") or (tb is int and da._native and da.kind in "iuf"
                                                     and (da.kind == "f" or da._min <= b <= da._max)):
                out_d = self._same[da._index]
                if out_d is not None:
                    k = self._kernel
                    other = b if k in _OPERATOR_KERNELS else _scalar_tensor(b, a._t)
                    return box(k(other, a._t), out_d)
        return self._call(b, a)

    # -- the general call ----------------------------------------------------
    def __call__(self, *args, **kwargs):
        # Fast path: plain call on arrays of native dtypes (no out/where/dtype).
        if not kwargs:
            if len(args) == 1:
                a = args[0]
                if type(a) is ndarray:
                    out_d = self._same1[a._dtype._index]
                    if out_d is not None:
                        try:
                            r = self._kernel(a._t)
                        except RuntimeError as e:
                            raise _translate(e, a._t) from None
                        if r.dtype is not out_d._torch:
                            r = r.to(out_d._torch)
                        return box(r, out_d)
            elif len(args) == 2:
                return self._binary(args[0], args[1])
        return self._call(*args, **kwargs)

    def _call(self, *args, out=None, where=True, dtype=None, casting="same_kind",
              order="K", subok=True, signature=None, axes=None, axis=None, keepdims=False):
        nin = self.nin
        if casting not in _CASTINGS:
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or "
                             f"'unsafe' (got {casting!r})")
        if len(args) > self.nargs:
            raise TypeError(f"{self.__name__}() takes from {nin} to {self.nargs} positional "
                            f"arguments but {len(args)} were given")
        if len(args) > nin:
            if out is not None:
                raise TypeError("cannot specify 'out' as both a positional and keyword argument")
            out = args[nin:]
            args = args[:nin]
            if len(out) == 1:
                out = out[0]
        if len(args) != nin:
            raise TypeError(f"{self.__name__}() takes from {nin} to {self.nargs} positional "
                            f"arguments but {len(args)} were given")
        outs = _normalize_out(out, self.nout)
        if signature is not None and dtype is None:
            dtype = _signature_dtype(signature)
        tensors, dtypes = _operands(args, self.__name__ in _COMPARISONS,
                                    self.__name__ in _INT_TO_DOUBLE)
        if dtype is not None:
            want = D.dtype(dtype)
            if want.kind == "O":
                return _object_call(self, args, out, where, dtype, casting)
            loop = self._resolve((want,) * nin)
            if loop is None:
                raise self._no_loop((want,) * nin)
            if self.nout == 1 and loop[1][0] is not want and self.__name__ not in _COMPARISONS:
                raise UFuncTypeError(f"No loop matching the specified signature and casting "
                                     f"was found for ufunc {self.__name__}")
            ins = loop[0]
            for d, l in zip(dtypes, ins):
                if not D.CAN_CAST[casting][d._index][l._index]:
                    raise UFuncTypeError(
                        f"Cannot cast ufunc '{self.__name__}' input from dtype('{d.name}') to "
                        f"dtype('{l.name}') with casting rule '{casting}'")
            out_ds = loop[1]
        else:
            loop = self._resolve(dtypes)
            if loop is None and any(type(a) in _PY_SCALARS for a in args):
                # a weak Python scalar that fits no loop at its weak dtype (ldexp's
                # exponent): NumPy falls back to the scalar's default dtype
                dtypes = [_tensor_and_dtype(a)[1] if type(a) in _PY_SCALARS else d
                          for a, d in zip(args, dtypes)]
                loop = self._resolve(dtypes)
            if loop is None:
                if any(d._pooled for d in dtypes):
                    return _object_call(self, args, out, where, None, casting)
                if any(d.kind == "m" for d in dtypes):
                    from ._datetime import ufunc_call
                    return ufunc_call(self, args, out, where, casting)
                raise self._no_loop(dtypes)
            ins, out_ds = loop
        xs = [t if isinstance(t, torch.Tensor) and d is l else _to_loop(t, d, l, tensors)
              for t, d, l in zip(tensors, dtypes, ins)]
        kernel = self._kernel
        if kernel is None:
            raise NotImplementedError(f"np.{self.__name__} is not supported by np2torch")
        in_d = ins[0]
        if len(ins) == 2 and ins[0] is not ins[1] and D.uint64 in ins and self.__name__ in _COMPARISONS:
            kernel = _mixed_uint64_compare(self.__name__, kernel, ins[0] is D.uint64)
        elif not in_d._native and in_d is D.uint64:
            kernel = _uint64_kernel(self.__name__, kernel)
        try:
            results = kernel(*xs)
        except RuntimeError as e:
            raise _translate(e, *xs) from None
        if self.nout == 1:
            results = (results,)
        fixed = []
        for r, od in zip(results, out_ds):
            if r.dtype is not od._torch:
                r = r.to(od._torch)
            if self._wraps and not od._native and od is not D.uint64:
                r = wrap_unsigned(r, od)
            fixed.append(r)
        if outs is None and where is True:
            boxed = tuple(box(r, od) for r, od in zip(fixed, out_ds))
            return boxed[0] if self.nout == 1 else boxed
        mask = None if where is True else _tensor_and_dtype(where, D.bool_)[0]
        if outs is None:
            outs = [None] * self.nout
        final = []
        for r, od, o in zip(fixed, out_ds, outs):
            if o is None:
                if mask is not None:
                    shape = broadcast_shapes_or_raise(r.shape, mask.shape)
                    r = torch.where(mask, r, torch.zeros((), dtype=r.dtype, device=r.device)).expand(shape).clone()
                final.append(_wrap(r, od))
                continue
            final.append(_write_out(self.__name__, o, r, od, mask, casting))
        return final[0] if self.nout == 1 else tuple(final)

    # -- methods ---------------------------------------------------------------
    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=None, where=True):
        from ._ufunc_methods import reduce
        return reduce(self, array, axis, dtype, out, keepdims, initial, where)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        from ._ufunc_methods import accumulate
        return accumulate(self, array, axis, dtype, out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        from ._ufunc_methods import reduceat
        return reduceat(self, array, indices, axis, dtype, out)

    def outer(self, A, B, /, **kwargs):
        from ._ufunc_methods import outer
        return outer(self, A, B, **kwargs)

    def at(self, a, indices, b=None, /):
        from ._ufunc_methods import at
        return at(self, a, indices, b)

    def resolve_dtypes(self, dtypes, *, signature=None, casting=None, reduction=False):
        ins = tuple(D.dtype(d) for d in dtypes[:self.nin])
        loop = self._resolve(ins)
        if loop is None:
            raise self._no_loop(ins)
        return loop[0] + loop[1]


class _PyFuncUfunc(ufunc):
    """The ufunc ``np.frompyfunc`` makes: one object loop calling a Python function."""

    def __init__(self, func, nin, nout, identity):
        name = getattr(func, "__name__", type(func).__name__)
        self.__name__ = f"{name} (vectorized)"
        self.nin, self.nout, self.nargs = nin, nout, nin + nout
        self.identity = identity
        self.types = ["O" * nin + "->" + "O" * nout]
        self.ntypes = 1
        self.signature = None
        self._loops, self._kernel, self._cache = [], None, {}
        self._same = self._same1 = [None] * D.N_TYPES
        self._scalar_ok = False
        self._doc = getattr(func, "__doc__", None)
        self._object_loop = func if nout == 1 else (lambda *xs: tuple(func(*xs)))

    def _call(self, *args, out=None, where=True, dtype=None, casting="same_kind", **ignored):
        if len(args) > self.nin:
            out, args = args[self.nin:], args[:self.nin]
            out = out[0] if len(out) == 1 else out
        if len(args) != self.nin:
            raise TypeError(f"{self.__name__}() takes from {self.nin} to {self.nargs} positional "
                            f"arguments but {len(args)} were given")
        return _object_call(self, args, out, where, dtype, casting)


def pyfunc_ufunc(func, nin, nout, identity=None):
    return _PyFuncUfunc(func, nin, nout, identity)


_OPERATOR_KERNELS = (operator.add, operator.sub, operator.mul)


def _scalar_tensor(value, like):
    return torch.tensor(value, dtype=like.dtype, device=like.device)


def _signature_dtype(signature):
    if isinstance(signature, (tuple, list)):
        for s in signature:
            if s is not None:
                return s
        return None
    if isinstance(signature, str):
        return signature.split("->")[-1][:1] or None
    return signature


def _object_call(uf, args, out, where, dtype, casting):
    from ._object import ufunc_call
    if isinstance(out, tuple):
        out = out[0] if len(out) == 1 else out
    return ufunc_call(uf, args, out, where, dtype, casting)


def _normalize_out(out, nout):
    if out is None:
        return None
    if isinstance(out, tuple):
        if len(out) != nout:
            raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        if all(o is None for o in out):
            return None
        outs = list(out)
    else:
        if nout != 1:
            raise TypeError("'out' must be a tuple of arrays")
        outs = [out]
    for o in outs:
        if o is not None and not isinstance(o, ndarray):
            raise TypeError("return arrays must be of ArrayType")
    return outs


def _operands(args, comparison, int_to_double=False):
    """(tensors or weak Python scalars, dtypes) with NEP 50's weak-scalar rules."""
    tensors = []
    dtypes = []
    weak = []
    strong = None
    for x in args:
        if type(x) is ndarray:
            tensors.append(x._t)
            dtypes.append(x._dtype)
            strong = x._dtype if strong is None else D.PROMOTE[strong._index][x._dtype._index]
        elif type(x) in _PY_SCALARS:
            tensors.append(x)
            dtypes.append(None)
            weak.append(x)
        else:
            try:
                t, d = _tensor_and_dtype(x)
            except NotImplementedError:
                # a string beside an object array: NumPy's object loop takes it as it is
                if not any(type(a) is ndarray and a._dtype.kind == "O" for a in args):
                    raise
                d = D.new_object_dtype()
                t = torch.tensor(_fill_value(x, d))
            tensors.append(t)
            dtypes.append(d)
            strong = d if strong is None else D.PROMOTE[strong._index][d._index]
    if weak:
        if strong is None:
            # only Python scalars: they take their default dtypes
            for i, x in enumerate(tensors):
                t, d = _tensor_and_dtype(x)
                tensors[i] = t
                dtypes[i] = d
            return tensors, dtypes
        for i, x in enumerate(tensors):
            if dtypes[i] is None:
                d = D.weak_result(strong, x)
                if type(x) is int and d.kind in "iu" and not (d._min <= x <= d._max):
                    if not comparison and not int_to_double:
                        raise OverflowError(f"Python integer {x} out of bounds for {d.name}")
                    d = D.int64 if -2**63 <= x < 2**63 else D.float64
                    if d is D.float64:
                        x = float(x)
                        tensors[i] = x
                dtypes[i] = d
    return tensors, dtypes


def _to_loop(x, d, loop_d, tensors):
    """Bring one operand to the loop's storage dtype."""
    if isinstance(x, torch.Tensor):
        return cast(x, d, loop_d)
    device = next((t.device for t in tensors if isinstance(t, torch.Tensor)), None)
    value = x
    if loop_d.kind in "iu":
        value = int(x)
        if loop_d is D.uint64 and value >= 1 << 63:
            value -= 1 << 64
    elif loop_d.kind == "f":
        value = float(x) if not isinstance(x, complex) else x
    elif loop_d.kind == "b":
        value = bool(x)
    return torch.tensor(value, dtype=loop_d._torch, device=device)


_SIGN64 = -(1 << 63)


_PY_COMPARE = {"equal": operator.eq, "not_equal": operator.ne, "less": operator.lt,
               "less_equal": operator.le, "greater": operator.gt, "greater_equal": operator.ge}


def _mixed_uint64_compare(name, kernel, unsigned_first):
    """Exact uint64-vs-int64 comparison (NumPy's 'Ll->?' loops): uint64 values of 2**63
    and above (negative in their int64 storage) exceed every int64."""
    pyop = _PY_COMPARE[name]
    big = pyop(2**64, 0) if unsigned_first else pyop(0, 2**64)

    def compare(a, b):
        u = a if unsigned_first else b
        r = kernel(a, b)
        return torch.where(u < 0, torch.tensor(big, device=r.device), r)
    return compare


def _uint64_kernel(name, kernel):
    """uint64 is stored as int64 bits: ops that see the sign need the unsigned view."""
    if name in _COMPARISONS or name in ("maximum", "minimum", "fmax", "fmin"):
        def flipped(a, b):
            fa = torch.bitwise_xor(a, _SIGN64)
            fb = torch.bitwise_xor(b, _SIGN64)
            r = kernel(fa, fb)
            return r if r.dtype is torch.bool else torch.bitwise_xor(r, _SIGN64)
        return flipped
    if name == "right_shift":
        return _uint64_right_shift
    if name in ("floor_divide", "remainder", "fmod", "divmod", "true_divide"):
        def checked(*xs):
            for x in xs:
                if bool((x < 0).any()):
                    raise NotImplementedError(
                        f"np.{name}: uint64 values >= 2**63 are not supported by np2torch")
            return kernel(*xs)
        return checked
    return kernel


def _uint64_right_shift(x, s):
    """Logical right shift of uint64 bit patterns stored as int64 (shifts of 64
    or more give 0, as NumPy's)."""
    s = torch.as_tensor(s, device=x.device)
    big = s >= 64
    k = torch.where(big | (s < 0), torch.zeros_like(s), s)
    # the arithmetic shift copies the sign bit; keep only the 64 - k low bits
    keep = torch.bitwise_right_shift(torch.full_like(k, (1 << 63) - 1), k - 1)
    r = torch.where(k > 0, torch.bitwise_and(torch.bitwise_right_shift(x, k), keep), x)
    return torch.where(big, torch.zeros_like(r), r)


def _translate(err, *tensors):
    msg = str(err)
    if "device" in msg:
        devices = {t.device for t in tensors if isinstance(t, torch.Tensor)}
        if len(devices) > 1:
            return mixed_devices_error(devices)
    if "must match the size" in msg or "broadcast" in msg or "shape" in msg:
        return _broadcast_error(tensors)
    if "not implemented for" in msg:
        return UFuncTypeError(msg)
    return ValueError(msg)


def _write_out(name, o, r, od, mask, casting):
    if READONLY:
        check_writeable(o)
    if not D.CAN_CAST[casting][od._index][o._dtype._index]:
        raise UFuncTypeError(
            f"Cannot cast ufunc '{name}' output from {od!r} to "
            f"{o._dtype!r} with casting rule '{casting}'")
    target = o._t
    value = cast(r, od, o._dtype)
    try:
        shape = torch.broadcast_shapes(value.shape, target.shape if mask is None else torch.broadcast_shapes(mask.shape, target.shape))
    except RuntimeError:
        raise ValueError(f"non-broadcastable output operand with shape {tuple(target.shape)} "
                         f"doesn't match the broadcast shape {tuple(value.shape)}") from None
    if tuple(shape) != tuple(target.shape):
        raise ValueError(f"non-broadcastable output operand with shape {tuple(target.shape)} "
                         f"doesn't match the broadcast shape {tuple(shape)}")
    if mask is None:
        target.copy_(value)
    else:
        target.copy_(torch.where(mask, value, target))
    return o


# -- the ufunc objects -----------------------------------------------------------

_g = globals()
for _name, (_nin, _nout, _ident, _loops) in LOOPS.items():
    _g[_name] = ufunc(_name, _nin, _nout, _ident, _loops)
for _alias, _target in ALIASES.items():
    _g[_alias] = _g[_target]
true_divide = divide  # noqa: F821  (defined by the loop above)


def _drop_cached_loops():
    # loops that depend on the float policy (int / int) are resolved again
    for uf in {v for v in _g.values() if isinstance(v, ufunc)}:
        uf._cache.clear()


D.POLICY_LISTENERS.append(_drop_cached_loops)
