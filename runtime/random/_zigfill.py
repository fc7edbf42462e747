"""Vectorised ziggurat fills: the fast path for a window of draws in one go, the
rare slow path (about 1% of draws) in Python on the same window, so the
stream is consumed exactly as NumPy's one-at-a-time loop consumes it."""

import torch

from . import _scalar as X
from . import _ziggurat as Z
from ._int128 import lsr

__all__ = []

_WINDOW = 1 << 16
_KI = _WI = _KE = _WE = None


def _tables():
    global _KI, _WI, _KE, _WE
    if _KI is None:
        _KI = torch.tensor(Z.KI_DOUBLE, dtype=torch.int64)
        _WI = torch.tensor(Z.WI_DOUBLE, dtype=torch.float64)
        _KE = torch.tensor(Z.KE_DOUBLE, dtype=torch.int64)
        _WE = torch.tensor(Z.WE_DOUBLE, dtype=torch.float64)


class _WindowCursor:
    """Reads 64-bit units from a peeked window (as Python ints) for the slow path."""

    __slots__ = ("w", "i", "to_double", "bg")

    def __init__(self, w, i, to_double, bg):
        self.w = w
        self.i = i
        self.to_double = to_double
        self.bg = bg

    def u64(self):
        if self.i >= len(self.w):
            n = len(self.w)
            self.w.extend(v & 0xFFFFFFFFFFFFFFFF for v in self.bg._peek64(n + 256)[n:].tolist())
        v = self.w[self.i]
        self.i += 1
        return v

    def double(self):
        return self.to_double(self.u64())

    def u32(self):  # not used by the ziggurat samplers
        raise RuntimeError("32-bit draw inside a ziggurat window")


def _normal_fast(u):
    idx = u & 0xFF
    r = lsr(u, 8)
    rabs = lsr(r, 1) & 0x000FFFFFFFFFFFFF
    x = rabs.to(torch.float64) * _WI[idx]
    x = torch.where((r & 1).bool(), -x, x)
    return x, rabs < _KI[idx]


def _exp_fast(u):
    ri = lsr(u, 3)
    idx = ri & 0xFF
    ri = ri >> 8
    return ri.to(torch.float64) * _WE[idx], ri < _KE[idx]


def fill(bg, n, kind):
    _tables()
    fast = _normal_fast if kind == "normal" else _exp_fast
    slow = X.zig_normal if kind == "normal" else X.zig_exp
    parts = []
    remaining = n
    to_double = bg._double_of_u64
    while remaining:
        want = min(remaining + (remaining >> 4) + 64, _WINDOW + 64)
        u = bg._peek64(want)
        x, ok = fast(u)
        bad = torch.nonzero(~ok).reshape(-1).tolist()
        words = None
        pos = 0
        bi = 0
        stop = want - 40  # leave room for a slow path's extra draws
        while remaining and pos < stop:
            while bi < len(bad) and bad[bi] < pos:
                bi += 1
            nxt = bad[bi] if bi < len(bad) else want
            take = min(nxt - pos, remaining, stop - pos)
            if take > 0:
                parts.append(x[pos:pos + take])
                pos += take
                remaining -= take
                continue
            if not remaining or pos >= stop:
                break
            if words is None:
                words = [v & 0xFFFFFFFFFFFFFFFF for v in u.tolist()]
            c = _WindowCursor(words, pos, to_double, bg)
            s = X.Source.__new__(X.Source)
            s.c = c
            s.double, s.u64, s.u32 = c.double, c.u64, c.u32
            parts.append(torch.tensor([slow(s)], dtype=torch.float64))
            pos = c.i
            remaining -= 1
        bg._skip64(pos)
    if not parts:
        return torch.empty(0, dtype=torch.float64)
    return torch.cat(parts) if len(parts) > 1 else parts[0]
