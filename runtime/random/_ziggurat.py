"""Ziggurat tables for the Generator's normal and exponential samplers (256 layers).

Built at import from Marsaglia & Tsang's construction ("The Ziggurat Method
for Generating Random Variables", 2000): for the right tail start r and the
common layer area v, the layer edges follow
x_{i-1} = f^{-1}(f(x_i) + v / x_i); w_i = x_i / 2**bits scales the random
mantissa, k_i = round(2**bits * x_{i-1} / x_i) is the fast-path acceptance
threshold, f_i = f(x_i); layer 0 is the base strip with the tail
(w_0 = v / f(r) / 2**bits, k_0 = round(2**bits * r f(r) / v)).

How the constants and the arithmetic were chosen (checked against NumPy by
its draws, never against its tables, see tests/runtime/random):
- normal: r = 3.6541528853610088 and v = 0.0049286732339746519, the layer
  area to 20 digits (the 12-digit 0.00492867323399 quoted with the
  algorithm is too coarse: it moves every w_i by about 1e-12).  The edges are
  iterated in double precision; this reproduces NumPy's w_i exactly for the
  base strip and layers 38..255.  Layers 2..37 (the narrow top of the
  ziggurat, where the recursion amplifies rounding) come out up to ~20 ulps
  away from NumPy's, whose generator evaluated exp/log with a different
  rounding that the standard library cannot reproduce.
- exponential: r = 7.69711747013104972, v = 0.0039496598225815571993,
  edges iterated in 40-digit decimal arithmetic and rounded once; this
  matches NumPy's w_i for all but about 20 layers, which are 1-2 ulps off.
So a draw landing in one of those layers can differ from NumPy's in its last
bits; docs/coverage-notes.md ("Random") lists the samplers affected.
"""

import math
from decimal import Decimal, localcontext

__all__ = []

NOR_R = 3.6541528853610088
NOR_V = 0.0049286732339746519
EXP_R = 7.69711747013104972
EXP_V = 0.0039496598225815571993
NOR_INV_R = 1.0 / NOR_R

_EXP_R_TEXT = "7.69711747013104972"
_EXP_V_TEXT = "0.0039496598225815571993"


def _normal_edges():
    """x_255 = r down to x_1, iterated in double precision."""
    f = lambda x: math.exp(-0.5 * x * x)
    xs = [0.0] * 256
    x = xs[255] = NOR_R
    for i in range(254, 0, -1):
        x = math.sqrt(-2.0 * math.log(f(x) + NOR_V / x))
        xs[i] = x
    return xs, f


def _exponential_edges():
    """x_255 = r down to x_1, iterated in 40-digit decimals (returned as Decimals)."""
    with localcontext() as ctx:
        ctx.prec = 40
        v = Decimal(_EXP_V_TEXT)
        x = Decimal(_EXP_R_TEXT)
        xs = [Decimal(0)] * 256
        xs[255] = x
        for i in range(254, 0, -1):
            x = -((-x).exp() + v / x).ln()
            xs[i] = x
    return xs


def _normal_tables(m):
    xs, f = _normal_edges()
    k = [0] * 256
    w = [0.0] * 256
    fv = [0.0] * 256
    for i in range(1, 256):
        w[i] = xs[i] / m
        fv[i] = f(xs[i])
    for i in range(2, 256):
        k[i] = round(xs[i - 1] / xs[i] * m)
    fr = f(NOR_R)
    w[0] = NOR_V / fr / m
    k[0] = round(NOR_R * fr / NOR_V * m)
    fv[0] = 1.0
    return k, w, fv


def _exponential_tables(m):
    xs = _exponential_edges()
    k = [0] * 256
    w = [0.0] * 256
    fv = [0.0] * 256
    with localcontext() as ctx:
        ctx.prec = 40
        dm = Decimal(m)
        for i in range(1, 256):
            w[i] = float(xs[i] / dm)
            fv[i] = float((-xs[i]).exp())
        for i in range(2, 256):
            k[i] = int((xs[i - 1] / xs[i] * dm).to_integral_value())
        r, v = xs[255], Decimal(_EXP_V_TEXT)
        fr = (-r).exp()
        w[0] = float(v / fr / dm)
        k[0] = int((r * fr / v * dm).to_integral_value())
    fv[0] = 1.0
    return k, w, fv


KI_DOUBLE, WI_DOUBLE, FI_DOUBLE = _normal_tables(2.0 ** 52)
KE_DOUBLE, WE_DOUBLE, FE_DOUBLE = _exponential_tables(2 ** 53)
KI_FLOAT, WI_FLOAT, FI_FLOAT = _normal_tables(2.0 ** 23)
KE_FLOAT, WE_FLOAT, FE_FLOAT = _exponential_tables(2 ** 23)  # 32-bit draw >> 1: 8 index bits, 23 mantissa bits
