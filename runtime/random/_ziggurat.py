"""Ziggurat tables for the Generator's normal and exponential samplers (256 layers).

Built at import from Marsaglia & Tsang's construction ("The Ziggurat Method
for Generating Random Variables", 2000): for the right tail start r and the
common layer area v, the layer edges x_i follow
x_{i-1} = f^{-1}(v / x_i + f(x_i)); k_i are the acceptance thresholds scaled to
the integer width of the random mantissa, w_i the scale factors and f_i = f(x_i).
"""

import math

__all__ = []

NOR_R = 3.6541528853610088
NOR_V = 0.00492867323399
EXP_R = 7.69711747013104972
EXP_V = 0.0039496598225815571993
NOR_INV_R = 1.0 / NOR_R


def _normal_tables(m):
    f = lambda x: math.exp(-0.5 * x * x)
    finv = lambda y: math.sqrt(-2.0 * math.log(y))
    return _build(NOR_R, NOR_V, m, f, finv)


def _exponential_tables(m):
    f = lambda x: math.exp(-x)
    finv = lambda y: -math.log(y)
    return _build(EXP_R, EXP_V, m, f, finv)


def _build(r, v, m, f, finv):
    k = [0] * 256
    w = [0.0] * 256
    fv = [0.0] * 256
    d = r
    t = d
    q = v / f(d)
    k[0] = int((d / q) * m)
    k[1] = 0
    w[0] = q / m
    w[255] = d / m
    fv[0] = 1.0
    fv[255] = f(d)
    for i in range(254, 0, -1):
        d = finv(v / d + f(d))
        k[i + 1] = int((d / t) * m)
        t = d
        fv[i] = f(d)
        w[i] = d / m
    return k, w, fv


KI_DOUBLE, WI_DOUBLE, FI_DOUBLE = _normal_tables(2.0 ** 52)
KE_DOUBLE, WE_DOUBLE, FE_DOUBLE = _exponential_tables(2.0 ** 53)
KI_FLOAT, WI_FLOAT, FI_FLOAT = _normal_tables(2.0 ** 23)
KE_FLOAT, WE_FLOAT, FE_FLOAT = _exponential_tables(2.0 ** 24)
