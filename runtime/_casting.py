"""Converting tensors between NumPy dtypes, including the widened unsigned ones.

``cast(t, src, dst)`` takes a tensor holding ``src`` values in ``src``'s
storage and returns one holding NumPy's ``astype(dst)`` result in ``dst``'s
storage.  uint16/uint32 live in int32/int64 and are kept in range by
masking; uint64 lives in int64 as the same bit pattern, so ring operations
(+, -, *, bitwise) are already right and only conversions, comparisons and
division need to see the unsigned value.
"""

import warnings

import torch

from . import _dtypes as D

_TWO64 = float(2 ** 64)
_MASKS = {"uint16": 0xFFFF, "uint32": 0xFFFFFFFF}


def wrap_unsigned(t, d):
    """Bring int64/int32 storage back into the range of a widened unsigned dtype."""
    mask = _MASKS.get(d.name)
    if mask is None:
        return t
    return torch.bitwise_and(t, mask)


def uint64_as_float(t):
    """The values of a uint64 array (int64 bit patterns) as float64."""
    f = t.to(torch.float64)
    return torch.where(t < 0, f + _TWO64, f)


def cast(t, src, dst):
    if src is dst:
        return t
    # byte order is layout, not value: a dtype and its swapped twin hold the same values
    src, dst = src._nbo, dst._nbo
    if src is dst:
        return t
    sk, dk = src.kind, dst.kind
    if dk == "b":
        return t != 0
    if sk == "c" and dk != "c":
        from .exceptions import ComplexWarning
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=4)
        t = t.real
        sk = "f"
    if src is D.uint64 and dk in "fc":
        return uint64_as_float(t).to(dst._torch)
    if dk in "fc" or (dst._native and sk in "biu"):
        return t.to(dst._torch)
    # integer destinations
    if sk == "f":
        if dst is D.uint64:
            # values >= 2**63 do not fit int64: shift them through the sign bit
            big = t >= 9.223372036854775808e18
            low = torch.where(big, t - _TWO64, t)
            return low.to(torch.int64)
        t = t.to(torch.int64)
    elif t.dtype is not torch.int64:
        t = t.to(torch.int64)
    if dst._native:
        return t.to(dst._torch)
    return wrap_unsigned(t, dst).to(dst._torch)


def to_torch_value_dtype(t, d):
    """A tensor whose torch dtype shows ``d``'s values directly (for export)."""
    if d._native:
        return t
    if d._nbo is D.uint64:
        return t.to(torch.uint64)
    return t.to({"uint16": torch.uint16, "uint32": torch.uint32}[d.name])
