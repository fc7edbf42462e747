"""Decompositions: ``eig``, ``eigvals``, ``eigh``, ``eigvalsh``, ``svd``,
``svdvals``, ``qr``, and what builds on them: ``matrix_rank``, ``cond``."""

import math
import warnings

import torch

from .. import _dtypes as D
from .._casting import cast
from .._ndarray import _wrap, box
from ._common import (EighResult, EigResult, LinAlgError, QRResult, SVDResult,
                      assert_finite, assert_stacked_2d, assert_stacked_square, common_type,
                      compute_dtype, lapack_errors, real_of, complex_of, result, result_array,
                      tensor)
from ._norms import norm_tensor

__all__ = ["eig", "eigvals", "eigh", "eigvalsh", "svd", "svdvals", "qr", "matrix_rank", "cond"]


def _square_operand(a):
    t, d = tensor(a)
    assert_stacked_square(t)
    rd = common_type(d)
    return cast(t, d, compute_dtype(rd, t.device)), rd


def _eig_result_dtype(w, rd):
    """NumPy 2: real input whose eigenvalues are all real gives real arrays."""
    if rd.kind != "c" and (w.numel() == 0 or not bool((w.imag != 0).any())):
        return rd, True
    return complex_of(rd), False


def eigvals(a):
    """``numpy.linalg.eigvals``: eigenvalues of general square matrices (unordered)."""
    x, rd = _square_operand(a)
    assert_finite(x)
    if x.numel() == 0:
        w = torch.zeros(x.shape[:-1], dtype=x.dtype, device=x.device)
        return result_array(w, rd)
    with lapack_errors("Eigenvalues did not converge"):
        w = torch.linalg.eigvals(x)
    out_d, real = _eig_result_dtype(w, rd)
    return result_array(w.real if real else w, out_d)


def eig(a):
    """``numpy.linalg.eig``: eigenvalues and right eigenvectors (unit-norm columns)."""
    x, rd = _square_operand(a)
    assert_finite(x)
    if x.numel() == 0:
        w = torch.zeros(x.shape[:-1], dtype=x.dtype, device=x.device)
        return EigResult(result_array(w, rd), result_array(x.clone(), rd))
    with lapack_errors("Eigenvalues did not converge"):
        w, v = torch.linalg.eig(x)
    out_d, real = _eig_result_dtype(w, rd)
    if real:
        w, v = w.real, v.real
    return EigResult(result_array(w, out_d), result_array(v, out_d))


def _uplo(UPLO):
    u = UPLO.upper() if isinstance(UPLO, str) else UPLO
    if u not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return u


def eigvalsh(a, UPLO="L"):
    """``numpy.linalg.eigvalsh``: ascending eigenvalues of Hermitian matrices,
    reading the ``UPLO`` triangle."""
    u = _uplo(UPLO)
    x, rd = _square_operand(a)
    if x.numel() == 0:
        w = torch.zeros(x.shape[:-1], dtype=x.real.dtype, device=x.device)
    else:
        with lapack_errors("Eigenvalues did not converge"):
            w = torch.linalg.eigvalsh(x, UPLO=u)
    return result_array(w, real_of(rd))


def eigh(a, UPLO="L"):
    """``numpy.linalg.eigh``: ascending eigenvalues and orthonormal eigenvectors
    of Hermitian matrices."""
    u = _uplo(UPLO)
    x, rd = _square_operand(a)
    if x.numel() == 0:
        w = torch.zeros(x.shape[:-1], dtype=x.real.dtype, device=x.device)
        v = x.clone()
    else:
        with lapack_errors("Eigenvalues did not converge"):
            w, v = torch.linalg.eigh(x, UPLO=u)
    return EighResult(result_array(w, real_of(rd)), result_array(v, rd))


def svd_tensors(x, full_matrices=True, hermitian=False):
    """(U, S, Vh) of a compute-dtype stack of matrices."""
    if hermitian:
        with lapack_errors("Eigenvalues did not converge"):
            w, u = torch.linalg.eigh(x)
        sgn = torch.copysign(torch.ones_like(w), w)
        s = w.abs()
        order = torch.argsort(s, dim=-1, descending=True, stable=True)
        sgn = sgn.gather(-1, order)
        s = s.gather(-1, order)
        u = u.gather(-1, order.unsqueeze(-2).expand(u.shape))
        vh = (u * sgn.unsqueeze(-2).to(u.dtype)).mH
        return u, s, vh
    m, n = x.shape[-2:]
    if x.numel() == 0:
        k = min(m, n)
        batch = tuple(x.shape[:-2])
        real = x.real.dtype if x.is_complex() else x.dtype
        s = torch.zeros(batch + (k,), dtype=real, device=x.device)
        um, vn = (m, n) if full_matrices else (k, k)
        u = torch.eye(m, um, dtype=x.dtype, device=x.device).expand(batch + (m, um)).clone()
        vh = torch.eye(vn, n, dtype=x.dtype, device=x.device).expand(batch + (vn, n)).clone()
        return u, s, vh
    with lapack_errors("SVD did not converge"):
        return torch.linalg.svd(x, full_matrices=full_matrices)


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """``numpy.linalg.svd``: ``a = U @ diag(S) @ Vh``; ``S`` descending.

    With ``hermitian`` the factors come from ``eigh`` as in NumPy."""
    t, d = tensor(a)
    if hermitian:
        assert_stacked_square(t)
    else:
        assert_stacked_2d(t)
    rd = common_type(d)
    x = cast(t, d, compute_dtype(rd, t.device))
    real = real_of(rd)
    if not compute_uv:
        if hermitian:
            if x.numel() == 0:
                s = torch.zeros(x.shape[:-1], dtype=x.real.dtype, device=x.device)
            else:
                with lapack_errors("Eigenvalues did not converge"):
                    s = torch.linalg.eigvalsh(x).abs()
            s = s.sort(-1, descending=True).values
        else:
            s = _svdvals_tensor(x)
        return result_array(s, real)
    u, s, vh = svd_tensors(x, full_matrices, hermitian)
    return SVDResult(result_array(u, rd), result_array(s, real), result_array(vh, rd))


def _svdvals_tensor(x):
    if x.numel() == 0:
        k = min(x.shape[-2:])
        return torch.zeros(tuple(x.shape[:-2]) + (k,), dtype=x.real.dtype if x.is_complex() else x.dtype,
                           device=x.device)
    with lapack_errors("SVD did not converge"):
        return torch.linalg.svdvals(x)


def svdvals(x, /):
    """``numpy.linalg.svdvals``: singular values, descending."""
    return svd(x, compute_uv=False)


def qr(a, mode="reduced"):
    """``numpy.linalg.qr``: ``a = Q @ R`` (Householder, as LAPACK geqrf/orgqr).

    Modes: 'reduced' (Q, R), 'complete' (square Q), 'r' (R only), 'raw'
    ((h, tau) as LAPACK returns them, h transposed like NumPy)."""
    if mode not in ("reduced", "complete", "r", "raw"):
        if mode in ("f", "full"):
            warnings.warn("The 'full' option is deprecated in favor of 'reduced'.\n"
                          "For backward compatibility let mode default.", DeprecationWarning, stacklevel=2)
            mode = "reduced"
        elif mode in ("e", "economic"):
            warnings.warn("The 'economic' option is deprecated.", DeprecationWarning, stacklevel=2)
            mode = "economic"
        else:
            raise ValueError(f"Unrecognized mode '{mode}'")
    t, d = tensor(a)
    assert_stacked_2d(t)
    rd = common_type(d)
    x = cast(t, d, compute_dtype(rd, t.device))
    m, n = x.shape[-2:]
    k = min(m, n)
    if mode in ("raw", "economic"):
        if x.numel() == 0:
            h = x.clone()
            tau = torch.zeros(tuple(x.shape[:-2]) + (k,), dtype=x.dtype, device=x.device)
        else:
            with lapack_errors("Incorrect argument found while performing QR factorization"):
                h, tau = torch.geqrf(x)
        if mode == "economic":
            return result_array(h, rd)
        return result_array(h.mT, rd), result_array(tau, rd)
    if x.numel() == 0:
        rows = m if mode == "complete" else k
        q = torch.eye(m, rows, dtype=x.dtype, device=x.device).expand(tuple(x.shape[:-2]) + (m, rows)).clone()
        r = torch.zeros(tuple(x.shape[:-2]) + (rows if mode != "r" else k, n), dtype=x.dtype, device=x.device)
    else:
        with lapack_errors("Incorrect argument found while performing QR factorization"):
            q, r = torch.linalg.qr(x, mode="complete" if mode == "complete" else "reduced")
    if mode == "r":
        return result_array(r, rd)
    return QRResult(result_array(q, rd), result_array(r, rd))


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    """``numpy.linalg.matrix_rank``: number of singular values above ``tol``
    (default ``max(M, N) * eps * max(S)``)."""
    if rtol is not None and tol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    t, d = tensor(A)
    if t.ndim < 2:
        return int(not bool((t == 0).all()))
    s_arr = svd(_wrap(t, d), compute_uv=False, hermitian=hermitian)
    s = s_arr._t
    if tol is None:
        if rtol is None:
            rtol_t = torch.tensor(max(t.shape[-2:]) * torch.finfo(s.dtype).eps, dtype=s.dtype, device=s.device)
        else:
            rtol_t = tensor(rtol)[0].to(device=s.device).unsqueeze(-1)
        smax = s.amax(-1, keepdim=True) if s.shape[-1] else torch.zeros(s.shape[:-1] + (1,), dtype=s.dtype,
                                                                           device=s.device)
        tol_t = smax * rtol_t
    else:
        tol_t = tensor(tol)[0].to(device=s.device).unsqueeze(-1)
    return box((s > tol_t).sum(-1), D.int64)


def cond(x, p=None):
    """``numpy.linalg.cond``: condition number in norm ``p`` (SVD ratio for None/2/-2).

    Singular matrices give inf rather than an error, as in NumPy."""
    t, d = tensor(x)
    if t.numel() == 0 and (t.ndim < 2 or t.shape[-1] * t.shape[-2] == 0):
        raise LinAlgError("cond is not defined on empty arrays")
    if p is None or (not isinstance(p, str) and p in (2, -2)):
        assert_stacked_2d(t)
        rd = common_type(d)
        xs = cast(t, d, compute_dtype(rd, t.device))
        s = _svdvals_tensor(xs)
        r = s[..., -1] / s[..., 0] if p == -2 else s[..., 0] / s[..., -1]
    else:
        assert_stacked_square(t)
        rd = common_type(d)
        xs = cast(t, d, compute_dtype(rd, t.device))
        inv, info = torch.linalg.inv_ex(xs)
        bad = (info != 0).reshape(tuple(info.shape) + (1, 1))
        inv = torch.where(bad, torch.full_like(inv, math.nan), inv)
        r = norm_tensor(xs, p, (-2, -1)) * norm_tensor(inv, p, (-2, -1))
    real = real_of(rd)
    r = r.to(real._torch)
    nan = torch.isnan(r)
    if bool(nan.any()):
        src_nan = torch.isnan(t).flatten(-2).any(-1) if t.dtype.is_floating_point or t.is_complex() else \
            torch.zeros_like(nan)
        r = torch.where(nan & ~src_nan, torch.full_like(r, math.inf), r)
    return result(r, real)
