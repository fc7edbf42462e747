"""Sampling from sequences and multivariate distributions: choice, shuffle, permutation,
multinomial, dirichlet, multivariate_normal (RandomState and Generator flavours)."""

import math
import operator
import warnings
from collections.abc import Sequence

import torch

from .. import _dtypes as D
from .._flags import is_readonly
from .._ndarray import _wrap, _tensor_and_dtype, ndarray, asarray
from . import _scalar as X
from ._common import normalize_size, numel, on_device, user_stacklevel
from ._sampling import shuffled_index

__all__ = []

_F64 = torch.float64


def _is_int_like(a):
    if isinstance(a, bool):
        return True
    if isinstance(a, int):
        return True
    if isinstance(a, ndarray):
        return a.ndim == 0 and a.dtype.kind in "iu"
    return hasattr(a, "__index__") and not hasattr(a, "__len__") and not isinstance(a, float)


# -- shuffle / permutation --------------------------------------------------------------
def shuffle(rs, x, lemire=False, axis=0):
    bg = rs._bit_generator
    if isinstance(x, ndarray):
        if x.ndim == 0:
            raise TypeError("object of type 'numpy.ndarray' has no len()") if not lemire else \
                ValueError("array must be at least 1-d")
        if is_readonly(x._t):
            raise ValueError("array is read-only")
        n = x.shape[axis]
        with bg.lock:
            perm = shuffled_index(bg, n, lemire)
        idx = torch.tensor(perm, dtype=torch.int64, device=x._t.device)
        t = x._t
        x._t.copy_(t.index_select(axis, idx))
        return
    if isinstance(x, torch.Tensor):
        n = x.shape[0]
        with bg.lock:
            perm = shuffled_index(bg, n, lemire)
        x.copy_(x[torch.tensor(perm)])
        return
    if not isinstance(x, (Sequence, memoryview)):
        warnings.warn("you are shuffling a '%s' object which is not a subclass of 'Sequence'; `shuffle` is not "
                      "guaranteed to behave correctly. E.g., non-numpy array/tensor objects with view semantics "
                      "may contain duplicates after shuffling." % type(x).__name__, UserWarning,
                      stacklevel=user_stacklevel())
    n = len(x)
    with bg.lock:
        perm = shuffled_index(bg, n, lemire)
    items = [x[k] for k in perm]
    for i, v in enumerate(items):
        x[i] = v


def permutation(rs, x, lemire=False, axis=0):
    if _is_int_like(x):
        n = operator.index(x)
        bg = rs._bit_generator
        with bg.lock:
            perm = shuffled_index(bg, n, lemire)
        return _wrap(on_device(torch.tensor(perm, dtype=torch.int64)), D.int64)
    arr = asarray(x)
    if arr.ndim < 1:
        raise IndexError("x must be an integer or at least 1-dimensional")
    bg = rs._bit_generator
    with bg.lock:
        perm = shuffled_index(bg, arr.shape[axis], lemire)
    idx = torch.tensor(perm, dtype=torch.int64, device=arr._t.device)
    return _wrap(arr._t.index_select(axis, idx).clone(), arr.dtype)


# -- choice ---------------------------------------------------------------------------------
def _choice_args(a, size, p):
    if _is_int_like(a):
        pop_size = operator.index(a)
        arr = None
        if pop_size <= 0 and (size is None or numel(normalize_size(size)) != 0):
            raise ValueError("a must be greater than 0 unless no samples are taken")
    else:
        arr = asarray(a)
        if arr.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        pop_size = arr.shape[0]
        if pop_size == 0 and (size is None or numel(normalize_size(size)) != 0):
            raise ValueError("'a' cannot be empty unless no samples are taken")
    pt = None
    if p is not None:
        if isinstance(p, (list, tuple)) and any(v is None for v in p):
            p = [math.nan if v is None else v for v in p]  # NumPy's cast to double: None is NaN
        pt, pd = _tensor_and_dtype(p)
        pt = pt.to(_F64).cpu()
        atol = math.sqrt(2.220446049250313e-16)
        if pd is D.float32:
            atol = max(atol, math.sqrt(1.1920929e-07))
        if pt.ndim != 1:
            raise ValueError("'p' must be 1-dimensional")
        if pt.numel() != pop_size:
            raise ValueError("'a' and 'p' must have same size")
        if bool((~torch.isfinite(pt)).any()):
            raise ValueError("probabilities contain NaN")
        if bool((pt < 0).any()):
            raise ValueError("probabilities are not non-negative")
        if abs(math.fsum(pt.tolist()) - 1.0) > atol:
            raise ValueError("probabilities do not sum to 1")
    shape = normalize_size(size)
    n = 1 if shape is None else numel(shape)
    return arr, pop_size, pt, shape, n


def _cdf_search(pt, u):
    cdf = torch.cumsum(pt, 0)
    cdf = cdf / cdf[-1]
    return torch.searchsorted(cdf, u, right=True)


def _choice_no_replace_p(draw_doubles, pt, n, pop_size):
    if int((pt > 0).sum()) < n:
        raise ValueError("Fewer non-zero entries in p than size")
    p = pt.clone()
    found = torch.zeros(n, dtype=torch.int64)
    n_uniq = 0
    while n_uniq < n:
        x = draw_doubles(n - n_uniq)
        if n_uniq > 0:
            p[found[:n_uniq]] = 0
        new = _cdf_search(p, x)
        vals = new.tolist()
        seen = {}
        for i, v in enumerate(vals):
            if v not in seen:
                seen[v] = i
        order = sorted(seen.values())
        uniq = torch.tensor([vals[i] for i in order], dtype=torch.int64)
        found[n_uniq:n_uniq + uniq.numel()] = uniq
        n_uniq += uniq.numel()
    return found


def _finish_choice(arr, idx, shape):
    if shape is None:
        i = int(idx.reshape(-1)[0])
        if arr is None:
            return i
        return arr[i]
    idx = idx.reshape(shape)
    if arr is None:
        return _wrap(on_device(idx), D.int64)
    return _wrap(arr._t[idx.to(arr._t.device)], arr.dtype)


def choice_legacy(rs, a, size, replace, p):
    arr, pop_size, pt, shape, n = _choice_args(a, size, p)
    bg = rs._bit_generator
    if replace:
        if pt is not None:
            with bg.lock:
                u = bg._doubles(n)
            idx = _cdf_search(pt, u)
        else:
            from ._integers import random_integers_fill
            with bg.lock:
                r = random_integers_fill(bg, 0, pop_size, (n,), D.int64, False, True)
            idx = r._t.cpu()
    else:
        if n > pop_size:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'")
        if pt is not None:
            def draw(k):
                with bg.lock:
                    return bg._doubles(k)
            idx = _choice_no_replace_p(draw, pt, n, pop_size)
        else:
            with bg.lock:
                perm = shuffled_index(bg, pop_size, False)
            idx = torch.tensor(perm[:n], dtype=torch.int64)
    return _finish_choice(arr, idx, shape)


# -- multivariate ------------------------------------------------------------------------
def _vec(x, name):
    t, _ = _tensor_and_dtype(x)
    return t.to(_F64).cpu()


def multinomial(rs, n, pvals, size, legacy=True):
    pt_in, pd = _tensor_and_dtype(pvals)
    pt = pt_in.to(_F64).cpu()
    if pt.ndim != 1:
        raise ValueError("pvals must be a 1-d sequence" if legacy else "pvals must have at least 1 dimension")
    d = pt.numel()
    if bool(((pt < 0) | (pt > 1) | torch.isnan(pt)).any()):
        raise ValueError("pvals < 0, pvals > 1 or pvals is NaN")
    pix = pt.tolist()
    if d and math.fsum(pix[:-1]) > 1.0 + 1e-12:
        if pd.kind == "f" and pd is not D.float64 and float(pt_in[:-1].sum()) <= 1.0 + 1e-12:
            # valid in the caller's precision, invalid once widened: say so
            raise ValueError("sum(pvals[:-1].astype(np.float64)) > 1.0. The pvals array is cast to 64-bit "
                             "floating point prior to checking the sum. Precision changes when casting may "
                             "cause problems even if the sum of the original pvals is valid.")
        raise ValueError("sum(pvals[:-1]) > 1.0")
    shape = normalize_size(size)
    nt, _ = _tensor_and_dtype(n)
    if nt.ndim == 0:
        nv = int(nt.item())
        if nv < 0:
            raise ValueError("n < 0")
        rows = 1 if shape is None else numel(shape)
        ns = [nv] * rows
        out_shape = (d,) if shape is None else shape + (d,)
    else:
        if bool((nt < 0).any()):
            raise ValueError("n < 0")
        bshape = tuple(nt.shape) if shape is None else shape
        ns = nt.to(torch.int64).expand(bshape).reshape(-1).tolist()
        out_shape = bshape + (d,)
    bg = rs._bit_generator
    out = []
    with bg.lock:
        cursor = bg._cursor()
        s = rs._source(cursor)
        try:
            for nv in ns:
                row = [0] * d
                remaining = 1.0
                dn = nv
                for j in range(d - 1):
                    row[j] = X.binomial(s, pix[j] / remaining if remaining > 0 else 1.0, dn) \
                        if dn > 0 else 0
                    if not legacy and remaining <= 0:
                        pass
                    dn -= row[j]
                    if dn <= 0:
                        break
                    remaining -= pix[j]
                if dn > 0:
                    row[d - 1] = dn
                out.append(row)
        finally:
            cursor.commit()
    t = torch.tensor(out, dtype=torch.int64).reshape(out_shape)
    return _wrap(on_device(t), D.int64)


def dirichlet(rs, alpha, size, legacy=True):
    at = _vec(alpha, "alpha")
    if at.ndim != 1:
        raise ValueError("alpha must be a one-dimensional sequence of floats")
    if bool((at <= 0).any()) if legacy else bool((at < 0).any()):
        raise ValueError("alpha <= 0" if legacy else "alpha < 0")
    if bool(torch.isnan(at).any()):
        raise ValueError("alpha contains NaNs" if not legacy else "alpha <= 0")
    k = at.numel()
    shape = normalize_size(size)
    rows = 1 if shape is None else numel(shape)
    out_shape = (k,) if shape is None else shape + (k,)
    al = at.tolist()
    bg = rs._bit_generator
    out = []
    with bg.lock:
        cursor = bg._cursor()
        s = rs._source(cursor)
        try:
            if not legacy and k and max(al) < 0.1:
                out = [_dirichlet_beta(s, al) for _ in range(rows)]
            else:
                for _ in range(rows):
                    vals = [s.std_gamma(a) for a in al]
                    acc = 0.0
                    for v in vals:
                        acc += v
                    inv = 1.0 / acc if acc != 0 else math.inf
                    out.append([v * inv for v in vals])
        finally:
            cursor.commit()
    return _wrap(on_device(torch.tensor(out, dtype=_F64).reshape(out_shape)), D.float64)


def _dirichlet_beta(s, al):
    k = len(al)
    alpha_csum = [0.0] * k
    acc = 0.0
    for j in range(k - 1, -1, -1):
        acc += al[j]
        alpha_csum[j] = acc
    row = [0.0] * k
    remainder = 1.0
    for j in range(k - 1):
        v = X.beta(s, al[j], alpha_csum[j + 1])
        row[j] = remainder * v
        remainder -= row[j]
        if remainder <= 0:
            break
    row[k - 1] = remainder
    return row


def multivariate_normal(rs, mean, cov, size, check_valid, tol, legacy=True, method="svd"):
    mt = _vec(mean, "mean")
    ct = _vec(cov, "cov")
    shape = normalize_size(size)
    shape = () if shape is None else shape
    if mt.ndim != 1:
        raise ValueError("mean must be 1 dimensional")
    if ct.ndim != 2 or ct.shape[0] != ct.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mt.shape[0] != ct.shape[0]:
        raise ValueError("mean and cov must have same length")
    final = tuple(shape) + (mt.shape[0],)
    z = rs.standard_normal(final)
    x = z._t.cpu().reshape(-1, mt.shape[0])
    if method == "cholesky":
        factor = torch.linalg.cholesky(ct)
        out = x @ factor.T
    else:
        if method == "eigh":
            s, u = torch.linalg.eigh(ct)
            s = s.flip(0)
            u = u.flip(1)
            vh = u.T
        else:
            u, s, vh = torch.linalg.svd(ct)
        if check_valid != "ignore":
            if check_valid not in ("warn", "raise"):
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            psd = torch.allclose((vh.T * s) @ vh, ct, rtol=tol, atol=tol) if method == "svd" else bool((s >= -tol).all())
            if not psd:
                if check_valid == "warn":
                    warnings.warn("covariance is not symmetric positive-semidefinite.", RuntimeWarning, stacklevel=3)
                else:
                    raise ValueError("covariance is not symmetric positive-semidefinite.")
        if legacy:
            out = x @ (torch.sqrt(s)[:, None] * vh)
        else:
            s = s.clamp(min=0) if method == "eigh" else s
            out = x @ (u * torch.sqrt(s)).T
    out = out + mt
    return _wrap(on_device(out.reshape(final)), D.float64)
