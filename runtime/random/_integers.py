"""randint / integers: NumPy's bounded integer fills for every integer dtype."""

import operator

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._ndarray import _wrap, _tensor_and_dtype
from . import _scalar as X
from ._common import normalize_size, numel, on_device
from ._sampling import bounded, gen_mask

__all__ = []

_BITS = {"bool": 1, "int8": 8, "uint8": 8, "int16": 16, "uint16": 16, "int32": 32, "uint32": 32,
         "int64": 64, "uint64": 64}


def _resolve_dtype(dtype):
    if dtype is int:
        return D.int64, int
    if dtype is bool:
        return D.bool_, bool
    try:
        d = D.dtype(dtype)
    except TypeError:
        name = getattr(dtype, "__name__", None) or getattr(getattr(dtype, "dtype", None), "name", None)
        if name is None:
            raise
        d = D.dtype(name)
    if d.name not in _BITS:
        raise TypeError("Unsupported dtype %r for randint" % (d.name,))
    return d._nbo, None  # a byte order is ignored: the draws are native (as legacy NumPy)


def _bound(x):
    """A Python int, or an int64/float tensor for array bounds."""
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        if x != x:
            raise ValueError("low is NaN" if False else "cannot convert float NaN to integer")
        return int(x) if x == int(x) else x
    t, d = _tensor_and_dtype(x)
    if t.ndim == 0:
        v = t.item()
        if d is D.uint64 and v < 0:
            v += 1 << 64
        if d.kind == "f":
            if v != v:
                raise ValueError("cannot convert float NaN to integer")
            return int(v)
        return int(v)
    if d.kind == "f":
        return [int(v) for v in t.reshape(-1).tolist()], tuple(t.shape)
    vals = t.reshape(-1).tolist()
    if d is D.uint64:
        vals = [v + (1 << 64) if v < 0 else v for v in vals]
    return vals, tuple(t.shape)


def random_integers_fill(bg, low, high, size, dtype, closed, masked):
    d, pytype = _resolve_dtype(dtype)
    bits = _BITS[d.name]
    lo_b = 0 if d.kind in "ub" else -(1 << (bits - 1))
    hi_b = 1 if bits == 1 else ((1 << bits) - 1 if d.kind == "u" else (1 << (bits - 1)) - 1)
    low_v = _bound(low)
    high_v = _bound(high)
    shape = normalize_size(size)
    if isinstance(low_v, int) and isinstance(high_v, int):
        if low_v < lo_b:
            raise ValueError("low is out of bounds for %s" % d.name)
        hi = high_v if closed else high_v - 1
        if hi > hi_b:
            raise ValueError("high is out of bounds for %s" % d.name)
        if low_v > hi:
            raise ValueError("low > high" if closed else "low >= high")
        rng = hi - low_v
        n = 1 if shape is None else numel(shape)
        vals = bounded(bg, low_v, rng, n, bits, masked)
        return _finish(vals, shape, d, pytype)
    return _broadcast_fill(bg, low_v, high_v, shape, d, pytype, bits, lo_b, hi_b, closed, masked)


def _finish(vals, shape, d, pytype):
    if d is D.bool_:
        t = vals != 0
    elif d.name in ("int8", "int16", "int32"):
        t = vals.to(d._torch)
    elif d.name in ("uint16", "uint32"):
        t = vals & ((1 << d._bits) - 1)
    elif d.name == "uint8":
        t = (vals & 0xFF).to(torch.uint8)
    else:
        t = vals
    if shape is None:
        v = t.reshape(()).item()
        if d is D.uint64 and v < 0:
            v += 1 << 64
        if pytype is not None:
            return pytype(v)
        return S.make_scalar(v, d)
    return _wrap(on_device(t.reshape(shape)), d)


def _broadcast_fill(bg, low_v, high_v, shape, d, pytype, bits, lo_b, hi_b, closed, masked):
    lows = low_v if isinstance(low_v, tuple) else ([low_v], ())
    highs = high_v if isinstance(high_v, tuple) else ([high_v], ())
    bshape = torch.broadcast_shapes(lows[1], highs[1])
    if shape is None:
        shape = tuple(bshape)
    elif torch.broadcast_shapes(bshape, shape) != torch.Size(shape):
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
    n = numel(shape)
    idx = torch.arange(n).reshape(shape) if n else torch.zeros(shape, dtype=torch.int64)
    li = torch.arange(len(lows[0])).reshape(lows[1]).expand(shape).reshape(-1).tolist() if lows[1] else [0] * n
    hi_i = torch.arange(len(highs[0])).reshape(highs[1]).expand(shape).reshape(-1).tolist() if highs[1] else [0] * n
    del idx
    lo_list = [lows[0][i] for i in li]
    hi_list = [highs[0][i] - (0 if closed else 1) for i in hi_i]
    if any(v < lo_b for v in lo_list):
        raise ValueError("low is out of bounds for %s" % d.name)
    if any(v > hi_b for v in hi_list):
        raise ValueError("high is out of bounds for %s" % d.name)
    if any(a > b for a, b in zip(lo_list, hi_list)):
        raise ValueError("low > high" if closed else "low >= high")
    cursor = bg._cursor()
    s = X.Source(cursor)
    out = []
    buf = [0, 0]  # bcnt, buf for the buffered 8/16-bit and bool draws
    try:
        for lo, hi in zip(lo_list, hi_list):
            rng = hi - lo
            out.append(lo + _one(s, rng, bits, masked, buf))
    finally:
        cursor.commit()
    vals = torch.tensor([v - (1 << 64) if v >= 1 << 63 else v for v in out], dtype=torch.int64)
    return _finish(vals, shape, d, pytype)


def _one(s, rng, bits, masked, buf):
    if rng == 0:
        return 0
    if bits == 1:
        if not buf[0]:
            buf[1] = s.u32()
            buf[0] = 31
        else:
            buf[1] >>= 1
            buf[0] -= 1
        return buf[1] & 1
    if bits in (8, 16):
        per = 32 // bits - 1
        top = (1 << bits) - 1

        def sub():
            if not buf[0]:
                buf[1] = s.u32()
                buf[0] = per
            else:
                buf[1] >>= bits
                buf[0] -= 1
            return buf[1] & top
        if rng == top:
            return sub()
        if masked:
            mask = gen_mask(rng)
            while True:
                v = sub() & mask
                if v <= rng:
                    return v
        excl = rng + 1
        m = sub() * excl
        left = m & top
        if left < excl:
            thr = (top - rng) % excl
            while left < thr:
                m = sub() * excl
                left = m & top
        return m >> bits
    if masked:
        return X.random_interval(s, rng)
    return X.lemire64(s, rng)
