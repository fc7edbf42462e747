"""Elementwise math that rounds exactly like the C library NumPy's samplers call.

torch's CPU kernels use vectorised approximations (SLEEF/MKL) that differ
from libm in the last bit for log, exp, log1p, ... and even sqrt.  A single
bit changes a rejection decision, so samplers that must reproduce NumPy's
numbers go through these helpers:

* ``sqrt``: torch's result corrected to the correctly rounded one with an exact
  residual (Dekker's product), vectorised.
* the transcendental functions: Python's ``math`` module, which calls the same
  libm NumPy's C code calls, element by element.
"""

import math

import torch

__all__ = ["sqrt", "log", "log1p", "exp", "expm1", "apply"]

_SPLIT = 134217729.0  # 2**27 + 1


def _square_error(r, p):
    """Exact r*r - p for p = fl(r*r) (Dekker)."""
    a = r * _SPLIT
    hi = a - (a - r)
    lo = r - hi
    return ((hi * hi - p) + 2.0 * hi * lo) + lo * lo


def sqrt(x):
    """Correctly rounded square root of a float64 tensor (IEEE sqrt)."""
    r = torch.sqrt(x)
    finite = torch.isfinite(r) & (r > 0)
    if not bool(finite.any()):
        return r
    for _ in range(2):
        p = r * r
        res = (x - p) - _square_error(r, p)  # x - r**2
        up = torch.nextafter(r, torch.full_like(r, math.inf)) - r
        dn = r - torch.nextafter(r, torch.zeros_like(r))
        go_up = res > r * up + 0.25 * up * up
        go_dn = res < -(r * dn - 0.25 * dn * dn)
        if not bool(((go_up | go_dn) & finite).any()):
            break
        r = torch.where(go_up & finite, r + up, torch.where(go_dn & finite, r - dn, r))
    return r


def apply(fn, x):
    """``fn`` (a scalar libm function) applied to every element of a float64 tensor."""
    if x.numel() == 0:
        return x.clone()
    vals = x.reshape(-1).tolist()
    try:
        out = [fn(v) for v in vals]
    except (ValueError, OverflowError):
        out = [_safe(fn, v) for v in vals]
    return torch.tensor(out, dtype=torch.float64).reshape(x.shape)


def _safe(fn, v):
    try:
        return fn(v)
    except ValueError:
        if v != v:
            return v
        if fn in (math.log, math.log1p):
            if v == 0.0 or (fn is math.log1p and v == -1.0):
                return -math.inf
            return math.nan
        return math.nan
    except OverflowError:
        return math.inf


def log(x):
    return apply(math.log, x)


def log1p(x):
    return apply(math.log1p, x)


def exp(x):
    return apply(math.exp, x)


def expm1(x):
    return apply(math.expm1, x)
