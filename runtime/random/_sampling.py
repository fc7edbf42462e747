"""Shared plumbing for RandomState and Generator: parameters, outputs and the vectorised samplers.

Vectorised samplers peek a batch of raw draws, decide with tensor operations
which draws a NumPy loop would have used, and consume exactly those, so the
stream position (and every later draw) matches NumPy's.
"""

import math
import operator

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._ndarray import _wrap, _tensor_and_dtype, ndarray
from . import _libm
from . import _scalar as X
from ._common import normalize_size, numel, on_device
from ._int128 import M32, lsr, mulhi

__all__ = []

_F64 = torch.float64


# -- parameters ----------------------------------------------------------------
class Param:
    __slots__ = ("t", "scalar")

    def __init__(self, value, dtype=D.float64):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and dtype is D.float64:
            self.scalar = float(value)
            self.t = None
            return
        t, d = _tensor_and_dtype(value)
        if d.kind == "c" and dtype.kind != "c":
            raise TypeError("can't convert complex to float")
        if t.device.type != "cpu":
            t = t.cpu()
        if d is D.uint64:
            from .._casting import uint64_as_float
            t = uint64_as_float(t) if dtype is D.float64 else t
        t = t.to(dtype._torch if dtype is D.float64 else torch.int64)
        if t.ndim == 0:
            if isinstance(value, ndarray):
                # NumPy converts a 0-d parameter with the object's own __float__ /
                # __index__, so an exception there (or a float array passed
                # for an integer) reaches the caller
                self.scalar = float(value) if dtype is D.float64 else operator.index(value)
            else:
                self.scalar = t.item()
            self.t = None
        else:
            self.scalar = None
            self.t = t

    @property
    def tensor(self):
        if self.t is not None:
            return self.t
        return torch.tensor(self.scalar, dtype=_F64 if isinstance(self.scalar, float) else torch.int64)

    def values(self):
        return self.tensor


def params(*values, dtype=D.float64):
    return [p if isinstance(p, Param) else Param(p, dtype) for p in values]


def out_shape(size, ps):
    """(shape or None for a scalar result, list of broadcast tensors)."""
    shape = normalize_size(size)
    arrays = [p for p in ps if p.t is not None]
    if shape is None and not arrays:
        return None, None
    bshape = torch.broadcast_shapes(*[p.t.shape for p in arrays]) if arrays else ()
    if shape is None:
        shape = tuple(bshape)
    else:
        try:
            if torch.broadcast_shapes(tuple(bshape), shape) != torch.Size(shape):
                raise ValueError
        except (RuntimeError, ValueError):
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                             "Mismatch is between arg 0 with shape %s and arg 1 with shape %s."
                             % (tuple(bshape), shape)) from None
    return shape, [p.tensor.expand(shape) if p.t is not None else p.scalar for p in ps]


def as_values(ps, shape, bcast):
    """Per-element Python lists (or repeated scalars) for the scalar loops."""
    n = numel(shape)
    cols = []
    for p, b in zip(ps, bcast):
        if isinstance(b, torch.Tensor):
            cols.append(b.reshape(-1).tolist())
        else:
            cols.append([b] * n)
    return cols


# -- checks --------------------------------------------------------------------
def _any(p, pred):
    if p.t is None:
        return bool(pred(torch.tensor(p.scalar, dtype=_F64)))
    return bool(pred(p.t).any())


def check(p, name, kind):
    if kind == "nonneg":
        if _any(p, lambda t: torch.signbit(t) & ~torch.isnan(t)):
            raise ValueError(name + " < 0")
    elif kind == "nonneg_nan":
        if _any(p, lambda t: (t < 0) | torch.isnan(t)):
            raise ValueError(name + " < 0 or " + name + " is NaN")
    elif kind == "pos":
        if _any(p, lambda t: t <= 0):
            raise ValueError(name + " <= 0")
    elif kind == "pos_nan":
        if _any(p, lambda t: torch.isnan(t)):
            raise ValueError(name + " must not be NaN")
        if _any(p, lambda t: t <= 0):
            raise ValueError(name + " <= 0")
    elif kind == "01":
        if _any(p, lambda t: (t < 0) | (t > 1) | torch.isnan(t)):
            raise ValueError(name + " < 0, " + name + " > 1 or " + name + " is NaN")
    elif kind == "gt0_1":
        if _any(p, lambda t: (t <= 0) | (t > 1) | torch.isnan(t)):
            raise ValueError(name + " <= 0, " + name + " > 1 or " + name + " contains NaNs")
    elif kind == "lt0_1":
        if _any(p, lambda t: (t < 0) | (t >= 1) | torch.isnan(t)):
            raise ValueError(name + " < 0, " + name + " >= 1 or " + name + " is NaN")
    elif kind == "gt1":
        if _any(p, lambda t: (t <= 1) | torch.isnan(t)):
            raise ValueError(name + " <= 1 or " + name + " is NaN")
    elif kind == "gte1":
        if _any(p, lambda t: (t < 1) | torch.isnan(t)):
            raise ValueError(name + " < 1 or " + name + " is NaN")
    elif kind == "poisson":
        if _any(p, lambda t: (t < 0) | torch.isnan(t)):
            raise ValueError(name + " < 0 or " + name + " is NaN")
        if _any(p, lambda t: t > 9.223372006484771e18):
            raise ValueError(name + " value too large")
    elif kind == "finite":
        if _any(p, lambda t: ~torch.isfinite(t)):
            raise OverflowError("Range exceeds valid bounds")


# -- outputs -------------------------------------------------------------------
def float_out(t, shape):
    if shape is None:
        return t.item() if isinstance(t, torch.Tensor) else t
    return _wrap(on_device(t.reshape(shape)), D.float64)


def int_out(t, shape, dtype=D.int64):
    if shape is None:
        return t.item() if isinstance(t, torch.Tensor) else t
    return _wrap(on_device(t.reshape(shape)), dtype)


# -- scalar loop driver ------------------------------------------------------------
def loop(make_source, bg, fn, size, ps, kind="f"):
    """Run scalar ``fn(source, *params)`` for every output element, in C order."""
    shape, bcast = out_shape(size, ps)
    cursor = bg._cursor()
    src = make_source(cursor)
    try:
        if shape is None:
            v = fn(src, *[p.scalar for p in ps])
            return v if kind == "f" else int(v)
        cols = as_values(ps, shape, bcast)
        n = numel(shape)
        if cols:
            vals = [fn(src, *args) for args in zip(*cols)]
        else:
            vals = [fn(src) for _ in range(n)]
    finally:
        cursor.commit()
    if kind == "f":
        return float_out(torch.tensor(vals, dtype=_F64), shape)
    return int_out(torch.tensor(vals, dtype=torch.int64), shape)


# -- vectorised primitives ---------------------------------------------------------------
def first_accepted(ok, n):
    """Indices of the first ``n`` True entries of ``ok`` (None if fewer)."""
    idx = torch.nonzero(ok).reshape(-1)
    if idx.numel() < n:
        return None
    return idx[:n]


def legacy_gauss(bg, rs, n):
    """n draws of the legacy polar Gaussian, updating RandomState's cached value."""
    parts = []
    if n and rs._has_gauss:
        parts.append(torch.tensor([rs._gauss], dtype=_F64))
        rs._has_gauss = 0
        rs._gauss = 0.0
        n -= 1
    if n:
        pairs = (n + 1) // 2
        attempts = int(pairs * 1.3) + 16
        while True:
            d = bg._u64_to_double(bg._peek64(2 * attempts))
            x1 = 2.0 * d[0::2] - 1.0
            x2 = 2.0 * d[1::2] - 1.0
            r2 = x1 * x1 + x2 * x2
            idx = first_accepted((r2 < 1.0) & (r2 != 0.0), pairs)
            if idx is not None:
                break
            attempts *= 2
        bg._skip64(2 * (int(idx[-1]) + 1))
        x1, x2, r2 = x1[idx], x2[idx], r2[idx]
        f = _libm.sqrt(-2.0 * _libm.log(r2) / r2)
        vals = torch.stack([f * x2, f * x1], 1).reshape(-1)
        if n % 2:
            rs._gauss = vals[-1].item()
            rs._has_gauss = 1
        parts.append(vals[:n])
    if not parts:
        return torch.empty(0, dtype=_F64)
    return torch.cat(parts) if len(parts) > 1 else parts[0]


def gen_mask(rng):
    mask = rng
    for sh in (1, 2, 4, 8, 16, 32):
        mask |= mask >> sh
    return mask


_SUB = {8: 4, 16: 2}


def bounded(bg, off, rng, n, bits, masked):
    """n integers off + [0, rng] with NumPy's bounded fill for a dtype of ``bits`` bits.

    Returns an int64 tensor of the values' bit patterns (wrapped like NumPy's
    unsigned arithmetic).  ``masked``: RandomState's rejection on a bit mask;
    otherwise Lemire's multiply-shift as Generator uses.
    """
    if n == 0:
        return torch.empty(0, dtype=torch.int64)
    if rng == 0:
        return torch.full((n,), off, dtype=torch.int64) if -(1 << 63) <= off < (1 << 63) else \
            torch.full((n,), off - (1 << 64), dtype=torch.int64)
    if bits == 1:
        return _bounded_bool(bg, off, n)
    if bits in _SUB:
        return _bounded_small(bg, off, rng, n, bits, masked)
    if rng <= 0xFFFFFFFF:
        if rng == 0xFFFFFFFF:
            vals = bg._take32(n)
        elif masked:
            vals = _take_accepted32(bg, n, lambda w: w & gen_mask(rng), lambda v: v <= rng)
        else:
            excl = rng + 1
            thr = (0xFFFFFFFF - rng) % excl
            vals = _take_accepted32(bg, n, lambda w: w * excl, lambda m: (m & M32) >= thr)
            vals = lsr(vals, 32)
    else:
        if rng == 0xFFFFFFFFFFFFFFFF:
            vals = bg._take64(n)
        elif masked:
            mask = gen_mask(rng)
            mask_s = mask - (1 << 64) if mask >> 63 else mask
            rng_s = rng ^ (1 << 63)
            rng_s = rng_s - (1 << 64) if rng_s >> 63 else rng_s
            vals = _take_accepted64(bg, n, lambda u: u & mask_s, lambda v: (v ^ -(1 << 63)) <= rng_s)
        else:
            excl = rng + 1
            thr = ((1 << 64) - excl) % excl
            thr_s = (thr ^ (1 << 63))
            thr_s = thr_s - (1 << 64) if thr_s >> 63 else thr_s
            excl_s = excl - (1 << 64) if excl >> 63 else excl
            vals = _take_accepted64(bg, n, lambda u: u, lambda u: ((u * excl_s) ^ -(1 << 63)) >= thr_s)
            vals = mulhi(vals, excl_s)
    off_s = off - (1 << 64) if off >= (1 << 63) else off
    return vals + off_s if off_s else vals


def _take_accepted32(bg, n, transform, accept):
    want = n + (n >> 1) + 16
    while True:
        v = transform(bg._peek32(want))
        idx = first_accepted(accept(v), n)
        if idx is not None:
            bg._skip32(int(idx[-1]) + 1)
            return v[idx]
        want *= 2


def _take_accepted64(bg, n, transform, accept):
    want = n + (n >> 1) + 16
    while True:
        v = transform(bg._peek64(want))
        idx = first_accepted(accept(v), n)
        if idx is not None:
            bg._skip64(int(idx[-1]) + 1)
            return v[idx]
        want *= 2


def _bounded_small(bg, off, rng, n, bits, masked):
    per = _SUB[bits]
    top = (1 << bits) - 1
    want = n + (n >> 1) + 16
    while True:
        words = bg._peek32(-(-want // per))
        subs = torch.stack([(words >> (bits * i)) & top for i in range(per)], 1).reshape(-1)
        if rng == top:
            vals, ok = subs, torch.ones_like(subs, dtype=torch.bool)
        elif masked:
            vals = subs & gen_mask(rng)
            ok = vals <= rng
        else:
            excl = rng + 1
            thr = (top - rng) % excl
            m = subs * excl
            ok = (m & top) >= thr
            vals = m >> bits
        idx = first_accepted(ok, n)
        if idx is not None:
            bg._skip32(int(idx[-1]) // per + 1)
            return vals[idx] + off
        want *= 2


def _bounded_bool(bg, off, n):
    words = bg._take32(-(-n // 32))
    bits = torch.stack([(words >> i) & 1 for i in range(32)], 1).reshape(-1)[:n]
    return bits + off


def interval_perm(bg, n, lemire=False):
    """The swap indices j_i of a Fisher-Yates pass i = n-1 .. 1, drawn as NumPy draws them."""
    cursor = bg._cursor()
    s = X.Source(cursor)
    try:
        if lemire:
            js = [X.lemire64(s, i) for i in range(n - 1, 0, -1)]
        else:
            js = [X.random_interval(s, i) for i in range(n - 1, 0, -1)]
    finally:
        cursor.commit()
    return js


def shuffled_index(bg, n, lemire=False, first=1):
    perm = list(range(n))
    cursor = bg._cursor()
    s = X.Source(cursor)
    draw = X.lemire64 if lemire else X.random_interval
    try:
        for i in range(n - 1, first - 1, -1):
            j = draw(s, i)
            perm[i], perm[j] = perm[j], perm[i]
    finally:
        cursor.commit()
    return perm
