"""Coefficient-array algebra shared by every basis of ``numpy.polynomial``.

A basis is described by its three-term recurrence
``P[k+1] = (A_k x + B_k) P[k] - C_k P[k-1]`` (``P[0] = 1``, ``C_0`` unused),
plus one-step derivative and antiderivative rules on coefficient tensors.
From those, ``vander``, ``val``, ``mulx``, ``mul``, ``div``, ``pow``,
``line``, ``fromroots`` and ``fit`` are generic.  ``roots`` converts to the
power basis and takes the companion matrix's eigenvalues, which loses
accuracy for high degrees (> ~20) in the orthogonal bases compared with
NumPy's scaled companion matrices.

Coefficients are computed in float64 (complex128 for complex input), lowest
degree first, as NumPy's ``polyutils.as_series`` does.
"""

import warnings

import torch

from .. import _dtypes as D
from .._ndarray import _wrap, asarray, box
from ..exceptions import RankWarning


def as_tensor(c, trim=False):
    """A 1-d float64/complex128 coefficient tensor (at least one entry)."""
    a = asarray(c)
    if a.ndim == 0:
        a = a.reshape(1)
    if a.ndim != 1:
        raise ValueError("Coefficient array is not 1-d")
    if a.size == 0:
        raise ValueError("Coefficient array is empty")
    t = a._t
    if a.dtype.kind == "c":
        t = t.to(torch.complex128)
    elif a.dtype._nbo is D.uint64:
        t = a.astype(D.float64)._t
    else:
        t = t.to(torch.float64)
    return trimseq(t) if trim else t


def trimseq(t):
    """Drop trailing zeros, keeping at least one coefficient."""
    n = t.shape[0]
    while n > 1 and bool(t[n - 1] == 0):
        n -= 1
    return t[:n]


def out(t):
    return _wrap(t.contiguous(), D.complex128 if t.is_complex() else D.float64)


def _common(*ts):
    if any(t.is_complex() for t in ts):
        return [t.to(torch.complex128) for t in ts]
    return list(ts)


class Basis:
    """One polynomial family; subclasses give ``rec``, ``der_step``, ``int_step``."""

    name = "poly"

    def rec(self, k):
        """(A_k, B_k, C_k) of the recurrence producing P[k+1]."""
        raise NotImplementedError

    # -- evaluation ---------------------------------------------------------------
    def vander_t(self, x, deg):
        cols = [torch.ones_like(x)]
        if deg > 0:
            a, b, _ = self.rec(0)
            cols.append(a * x + b)
        for k in range(1, deg):
            a, b, c = self.rec(k)
            cols.append((a * x + b) * cols[k] - c * cols[k - 1])
        return torch.stack(cols, dim=-1)

    def vander(self, x, deg):
        deg = int(deg)
        if deg < 0:
            raise ValueError("deg must be non-negative")
        xa = asarray(x)
        t = xa._t.to(torch.complex128 if xa.dtype.kind == "c" else torch.float64)
        return out(self.vander_t(t, deg))

    def val(self, x, c, tensor=True):
        if hasattr(x, "_series_basis"):  # a series object: evaluate with series arithmetic
            return self._val_series(x, c)
        ca = asarray(c)
        if ca.dtype.kind in "biu":
            ca = ca.astype(D.float64)
        if ca.ndim == 0:
            ca = ca.reshape(1)
        xa = asarray(x)
        xt = xa._t.to(torch.float64) if xa.dtype.kind in "biuf" else xa._t.to(torch.complex128)
        ct = ca._t if ca.dtype.kind == "c" else ca._t.to(torch.float64)
        xt, ct = _common(xt, ct)
        n = ct.shape[0]
        V = self.vander_t(xt, n - 1)  # x.shape + (n,)
        if ct.ndim == 1:
            r = V @ ct
        elif tensor:
            extra = ct.shape[1:]
            flatc = ct.reshape(n, -1)
            r = (V.reshape(-1, n) @ flatc).T.reshape(tuple(extra) + tuple(xt.shape))
        else:
            r = sum(ct[k] * V[..., k] for k in range(n))
        return box(r, D.complex128 if r.is_complex() else D.float64)

    def _val_series(self, x, c):
        ct = as_tensor(c)
        vals = ct.tolist()
        p_prev, p = None, x * 0 + 1
        total = p * vals[0]
        for k in range(1, len(vals)):
            a, b, cc = self.rec(k - 1)
            nxt = p * b + x * p * a if k == 1 else p * b + x * p * a - p_prev * cc
            p_prev, p = p, nxt
            total = total + p * vals[k]
        return total

    # -- algebra -----------------------------------------------------------------------
    def mulx_t(self, c):
        n = c.shape[0]
        r = torch.zeros(n + 1, dtype=c.dtype)
        for k in range(n):
            a, b, cc = self.rec(k)
            # x P_k = (P_{k+1} - B_k P_k + C_k P_{k-1}) / A_k
            r[k + 1] += c[k] / a
            r[k] -= c[k] * b / a
            if k > 0:
                r[k - 1] += c[k] * cc / a
        return r

    def mul_t(self, c1, c2):
        c1, c2 = _common(c1, c2)
        if c1.shape[0] == 1 or c2.shape[0] == 1:  # a constant: exact scaling
            return trimseq(c1 * c2)
        n = c1.shape[0] + c2.shape[0] - 1
        total = torch.zeros(n, dtype=c1.dtype)
        q_prev, q = None, c1
        for j in range(c2.shape[0]):
            if j > 0:
                a, b, cc = self.rec(j - 1)
                nxt = a * self.mulx_t(q)
                nxt[:q.shape[0]] += b * q
                if j > 1:
                    nxt[:q_prev.shape[0]] -= cc * q_prev
                q_prev, q = q, nxt
            total[:q.shape[0]] += c2[j] * q
        return trimseq(total)

    def add_t(self, c1, c2, sign=1):
        c1, c2 = _common(c1, c2)
        n = max(c1.shape[0], c2.shape[0])
        r = torch.zeros(n, dtype=c1.dtype)
        r[:c1.shape[0]] += c1
        r[:c2.shape[0]] += sign * c2
        return trimseq(r)

    def div_t(self, c1, c2):
        c1, c2 = _common(c1, c2)
        c2 = trimseq(c2)
        if bool(c2[-1] == 0):
            raise ZeroDivisionError("polynomial division by zero")
        l1, l2 = c1.shape[0], c2.shape[0]
        if l1 < l2:
            return c1[:1] * 0, c1
        if l2 == 1:
            return c1 / c2[-1], c1[:1] * 0
        quo = torch.zeros(l1 - l2 + 1, dtype=c1.dtype)
        rem = c1.clone()
        for i in range(l1 - l2, -1, -1):
            unit = torch.zeros(i + 1, dtype=c1.dtype)
            unit[i] = 1
            p = self.mul_t(unit, c2)
            p = torch.cat([p, torch.zeros(i + l2 - p.shape[0], dtype=p.dtype)])
            q = rem[-1] / p[-1]
            rem = rem[:-1] - q * p[:-1]
            quo[i] = q
        return quo, trimseq(rem)

    def pow_t(self, c, power, maxpower=16):
        power = int(power)
        if power != int(power) or power < 0:
            raise ValueError("Power must be a non-negative integer.")
        if maxpower is not None and power > maxpower:
            raise ValueError("Power is too large")
        r = torch.ones(1, dtype=c.dtype)
        for _ in range(power):
            r = self.mul_t(r, c)
        return r

    def line_t(self, off, scl):
        x = self.mulx_t(torch.ones(1, dtype=torch.float64))
        r = x * scl
        r[0] += off
        return r

    def to_power_t(self, c):
        """Power-basis coefficients of a series in this basis."""
        power = PowerBasis()
        total = torch.zeros(c.shape[0], dtype=c.dtype)
        p_prev, p = None, torch.ones(1, dtype=c.dtype)
        for k in range(c.shape[0]):
            if k > 0:
                a, b, cc = self.rec(k - 1)
                nxt = a * power.mulx_t(p)
                nxt[:p.shape[0]] += b * p
                if k > 1:
                    nxt[:p_prev.shape[0]] -= cc * p_prev
                p_prev, p = p, nxt
            total[:p.shape[0]] += c[k] * p
        return total

    def roots_t(self, c):
        c = trimseq(c)
        pc = trimseq(self.to_power_t(c))
        n = pc.shape[0] - 1
        if n < 1:
            return torch.zeros(0, dtype=c.dtype)
        if n == 1:
            return (-pc[0] / pc[1]).reshape(1)
        comp = torch.zeros((n, n), dtype=pc.dtype)
        comp[1:, :-1] = torch.eye(n - 1, dtype=pc.dtype)
        comp[:, -1] = -pc[:-1] / pc[-1]
        from ..linalg import eigvals
        r = eigvals(_wrap(comp, D.complex128 if comp.is_complex() else D.float64))
        return r._t

    def fromroots_t(self, roots):
        if roots.numel() == 0:
            return torch.ones(1, dtype=torch.float64)
        r = torch.ones(1, dtype=roots.dtype)
        for z in roots:
            line = self.line_t(0.0, 1.0).to(roots.dtype)
            line[0] -= z
            r = self.mul_t(r, line)
        return r

    # -- calculus ------------------------------------------------------------------
    def der_step(self, c):
        raise NotImplementedError

    def int_step(self, c):
        raise NotImplementedError

    def der(self, c, m=1, scl=1, axis=0):
        a = asarray(c)
        t = a._t.to(torch.complex128 if a.dtype.kind == "c" else torch.float64)
        m = _count(m, "der")
        ax = _axis(axis, t.ndim)
        t = t.movedim(ax, 0)
        for _ in range(m):
            if t.shape[0] <= 1:
                t = t[:1] * 0
                break
            t = self.der_step(t * scl)
        return out(t.movedim(0, ax))

    def integ(self, c, m=1, k=(), lbnd=0, scl=1, axis=0):
        a = asarray(c)
        t = a._t.to(torch.complex128 if a.dtype.kind == "c" else torch.float64)
        m = _count(m, "integ")
        ks = list(asarray(k).reshape(-1).tolist()) if not isinstance(k, (list, tuple)) else list(k)
        if len(ks) > m:
            raise ValueError("Too many integration constants")
        if asarray(lbnd).ndim != 0:
            raise ValueError("lbnd must be a scalar.")
        if asarray(scl).ndim != 0:
            raise ValueError("scl must be a scalar.")
        ks += [0] * (m - len(ks))
        ax = _axis(axis, t.ndim)
        t = t.movedim(ax, 0)
        for i in range(m):
            t = t * scl
            new = self.int_step(t)
            # choose the constant so the antiderivative is k[i] at lbnd
            V = self.vander_t(torch.tensor(float(lbnd), dtype=torch.float64), new.shape[0] - 1)
            V = V.to(new.dtype)
            at = torch.tensordot(V, new, dims=([0], [0]))
            new[0] = new[0] + ks[i] - at
            t = new
        return out(t.movedim(0, ax))

    # -- fitting -------------------------------------------------------------------
    def fit(self, x, y, deg, rcond=None, full=False, w=None):
        from .. import linalg
        from .._dtypes import finfo
        xa = asarray(x) + 0.0
        ya = asarray(y) + 0.0
        degs = asarray(deg)
        if degs.dtype.kind not in "iu":
            raise TypeError("deg must be an int or non-empty 1-D array of int")
        if degs.ndim > 1 or degs.size == 0:
            raise TypeError("deg must be an int or non-empty 1-D array of int")
        if bool((degs < 0).any()):
            raise ValueError("expected deg >= 0")
        if xa.ndim != 1:
            raise TypeError("expected 1D vector for x")
        if xa.size == 0:
            raise TypeError("expected non-empty vector for x")
        if ya.ndim < 1 or ya.ndim > 2:
            raise TypeError("expected 1D or 2D array for y")
        if len(xa) != len(ya):
            raise TypeError("expected x and y to have same length")
        if degs.ndim == 0:
            lmax = int(degs)
            order = lmax + 1
            cols = None
        else:
            cols = sorted(int(d) for d in degs.tolist())
            lmax = cols[-1]
            order = len(cols)
        V = self.vander(xa, lmax)
        if cols is not None:
            V = V[:, cols]
        lhs, rhs = V.T, ya.T
        if w is not None:
            wa = asarray(w) + 0.0
            if wa.ndim != 1:
                raise TypeError("expected 1D vector for w")
            if len(xa) != len(wa):
                raise TypeError("expected x and w to have same length")
            lhs = lhs * wa
            rhs = rhs * wa
        if rcond is None:
            rcond = len(xa) * finfo(xa.dtype).eps
        lt = lhs._t
        scl = (lt * lt.conj()).real.sum(dim=1).sqrt() if lt.is_complex() else (lt * lt).sum(dim=1).sqrt()
        scl = torch.where(scl == 0, torch.ones_like(scl), scl)
        sc = _wrap(scl, D.float64)
        c, resids, rank, s = linalg.lstsq((lhs.T / sc), rhs.T, rcond)
        c = (c.T / sc).T
        if cols is not None:
            full_c = torch.zeros((lmax + 1,) + tuple(c.shape[1:]), dtype=c._t.dtype)
            full_c[cols] = c._t
            c = _wrap(full_c, c.dtype)
        if rank != order and not full:
            warnings.warn("The fit may be poorly conditioned", RankWarning, stacklevel=3)
        if full:
            return c, [resids, rank, s, rcond]
        return c


def _count(m, what):
    if isinstance(m, float) or int(m) != m:
        raise TypeError(f"The order of {'derivation' if what == 'der' else 'integration'} must be integer")
    m = int(m)
    if m < 0:
        raise ValueError(f"The order of {'derivation' if what == 'der' else 'integration'} must be non-negative")
    return m


def _axis(axis, ndim):
    from ..exceptions import AxisError
    if int(axis) != axis:
        raise TypeError("The axis must be integer")
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim)
    return axis % ndim


class PowerBasis(Basis):
    name = "poly"

    def rec(self, k):
        return 1.0, 0.0, 0.0

    def der_step(self, c):
        n = c.shape[0]
        k = torch.arange(1, n, dtype=torch.float64).reshape((-1,) + (1,) * (c.ndim - 1))
        return c[1:] * k

    def int_step(self, c):
        n = c.shape[0]
        k = torch.arange(1, n + 1, dtype=torch.float64).reshape((-1,) + (1,) * (c.ndim - 1))
        return torch.cat([torch.zeros_like(c[:1]), c / k])


class ChebyshevBasis(Basis):
    name = "cheb"

    def rec(self, k):
        return (1.0, 0.0, 0.0) if k == 0 else (2.0, 0.0, 1.0)

    def der_step(self, c):
        c = c.clone()
        n = c.shape[0] - 1
        der = torch.zeros_like(c[:n])
        for j in range(n, 2, -1):
            der[j - 1] = (2 * j) * c[j]
            c[j - 2] += (j * c[j]) / (j - 2)
        if n > 1:
            der[1] = 4 * c[2]
        der[0] = c[1]
        return der

    def int_step(self, c):
        n = c.shape[0]
        tmp = torch.zeros_like(torch.cat([c, c[:1]]))
        tmp[1] = c[0]
        if n > 1:
            tmp[2] = c[1] / 4
        for j in range(2, n):
            tmp[j + 1] = c[j] / (2 * (j + 1))
            tmp[j - 1] -= c[j] / (2 * (j - 1))
        return tmp


class LegendreBasis(Basis):
    name = "leg"

    def rec(self, k):
        return ((2 * k + 1) / (k + 1), 0.0, k / (k + 1))

    def der_step(self, c):
        c = c.clone()
        n = c.shape[0] - 1
        der = torch.zeros_like(c[:n])
        for j in range(n, 2, -1):
            der[j - 1] = (2 * j - 1) * c[j]
            c[j - 2] += c[j]
        if n > 1:
            der[1] = 3 * c[2]
        der[0] = c[1]
        return der

    def int_step(self, c):
        n = c.shape[0]
        tmp = torch.zeros_like(torch.cat([c, c[:1]]))
        tmp[1] = c[0]
        if n > 1:
            tmp[2] = c[1] / 3
        for j in range(2, n):
            t = c[j] / (2 * j + 1)
            tmp[j + 1] = t
            tmp[j - 1] -= t
        return tmp


class HermiteBasis(Basis):
    name = "herm"

    def rec(self, k):
        return (2.0, 0.0, 2.0 * k)

    def der_step(self, c):
        n = c.shape[0]
        k = torch.arange(1, n, dtype=torch.float64).reshape((-1,) + (1,) * (c.ndim - 1))
        return c[1:] * (2 * k)

    def int_step(self, c):
        n = c.shape[0]
        k = torch.arange(1, n + 1, dtype=torch.float64).reshape((-1,) + (1,) * (c.ndim - 1))
        return torch.cat([torch.zeros_like(c[:1]), c / (2 * k)])


class HermiteEBasis(Basis):
    name = "herme"

    def rec(self, k):
        return (1.0, 0.0, float(k))

    def der_step(self, c):
        n = c.shape[0]
        k = torch.arange(1, n, dtype=torch.float64).reshape((-1,) + (1,) * (c.ndim - 1))
        return c[1:] * k

    def int_step(self, c):
        return PowerBasis.int_step(self, c)


class LaguerreBasis(Basis):
    name = "lag"

    def rec(self, k):
        return (-1.0 / (k + 1), (2 * k + 1) / (k + 1), k / (k + 1))

    def der_step(self, c):
        c = c.clone()
        n = c.shape[0] - 1
        der = torch.zeros_like(c[:n])
        for j in range(n, 1, -1):
            der[j - 1] = -c[j]
            c[j - 1] += c[j]
        der[0] = -c[1]
        return der

    def int_step(self, c):
        n = c.shape[0]
        tmp = torch.zeros_like(torch.cat([c, c[:1]]))
        tmp[0] = c[0]
        tmp[1] = -c[0]
        for j in range(1, n):
            tmp[j] += c[j]
            tmp[j + 1] = -c[j]
        return tmp


