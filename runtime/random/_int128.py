"""Unsigned 64/128-bit arithmetic on int64 tensors (two's-complement bit patterns).

torch has no uint64/uint128 kernels everywhere, so a 64-bit unsigned value is
an int64 tensor holding the same bits, and a 128-bit value is a (hi, lo) pair
of them.  Multiplication wraps modulo 2**64, which is what we want for the
low halves; high halves are assembled from 32-bit partial products.
"""

import torch

M32 = 0xFFFFFFFF
M64 = (1 << 64) - 1
_MAX_I64 = (1 << 63) - 1
_SIGN = -(1 << 63)


def to_signed(v):
    """A Python int in [0, 2**64) as the int64 with the same bits."""
    v &= M64
    return v - (1 << 64) if v >> 63 else v


def lsr(x, s):
    """Logical right shift of int64 bit patterns by a Python int 0..63."""
    if s == 0:
        return x
    return (x >> s) & (_MAX_I64 >> (s - 1))


def lsr_t(x, s):
    """Logical right shift by an int64 tensor of amounts in 0..63."""
    shifted = ((x >> 1) & _MAX_I64) >> (s - 1).clamp_(min=0)
    return torch.where(s == 0, x, shifted)


def mulhi(x, y):
    """High 64 bits of the unsigned 128-bit product of int64 bit patterns (tensors or ints)."""
    x0 = x & M32
    x1 = lsr(x, 32) if isinstance(x, torch.Tensor) else (x >> 32) & M32
    y0 = y & M32
    y1 = lsr(y, 32) if isinstance(y, torch.Tensor) else (y >> 32) & M32
    p00 = x0 * y0
    p01 = x0 * y1
    p10 = x1 * y0
    p11 = x1 * y1
    mid = lsr(p00, 32) + (p01 & M32) + (p10 & M32)
    return p11 + lsr(p01, 32) + lsr(p10, 32) + (mid >> 32)


def mul128(ah, al, bh, bl):
    """(a * b) mod 2**128 for (hi, lo) pairs; any of them may be tensors."""
    lo = al * bl
    hi = mulhi(al, bl) + al * bh + ah * bl
    return hi, lo


def add128(ah, al, bh, bl):
    lo = al + bl
    # carry when the unsigned sum wrapped: lo < al as unsigned
    carry = ((lo ^ _SIGN) < (al ^ _SIGN)).to(torch.int64) if isinstance(lo, torch.Tensor) else 0
    return ah + bh + carry, lo


def split128(v):
    """A Python int as (hi, lo) signed-int64 Python ints."""
    return to_signed(v >> 64), to_signed(v)
