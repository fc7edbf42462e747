"""Solving and inverting: ``solve``, ``inv``, ``pinv``, ``lstsq``, ``det``,
``slogdet``, ``cholesky``, ``matrix_power``, ``tensorinv``, ``tensorsolve``."""

import operator

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._casting import cast
from .._ndarray import _wrap, box
from ._common import (LinAlgError, SlogdetResult, assert_2d, assert_stacked_square,
                      check_info, common_type, compute_dtype, lapack_errors, real_of,
                      result, result_array, tensor)
from ._products import matmul_tensors

__all__ = ["solve", "inv", "pinv", "lstsq", "det", "slogdet", "cholesky", "matrix_power",
           "tensorinv", "tensorsolve"]


def _inv_tensor(a):
    """Inverse of a stack of square compute-dtype matrices; LinAlgError if singular."""
    if a.numel() == 0:
        return a.clone()
    inv, info = torch.linalg.inv_ex(a)
    check_info(info, "Singular matrix")
    return inv


def inv(a):
    """``numpy.linalg.inv``: the inverse of each square matrix in ``a``."""
    t, d = tensor(a)
    assert_stacked_square(t)
    rd = common_type(d)
    x = cast(t, d, compute_dtype(rd, t.device))
    return result_array(_inv_tensor(x), rd)


def solve(a, b):
    """``numpy.linalg.solve``: ``x`` with ``a @ x == b``; 1-D ``b`` is a vector."""
    ta, da = tensor(a)
    assert_stacked_square(ta)
    tb, db = tensor(b)
    rd = common_type(da, db)
    cd = compute_dtype(rd, ta.device)
    m = ta.shape[-1]
    vector = tb.ndim == 1
    if vector:
        if tb.shape[0] != m:
            raise ValueError(f"solve1: Input operand 1 has a mismatch in its core dimension 0, with "
                             f"gufunc signature (m,m),(m)->(m) (size {tb.shape[0]} is different from {m})")
        tb = tb.unsqueeze(-1)
    elif tb.ndim == 0 or tb.shape[-2] != m:
        size = tb.shape[-2] if tb.ndim >= 2 else 0
        raise ValueError(f"solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                         f"signature (m,m),(m,n)->(m,n) (size {size} is different from {m})")
    try:
        batch = tuple(torch.broadcast_shapes(ta.shape[:-2], tb.shape[:-2]))
    except RuntimeError:
        raise ValueError(f"solve: operands could not be broadcast together with shapes "
                         f"{tuple(ta.shape)} {tuple(tb.shape)}") from None
    x = cast(ta, da, cd).expand(batch + tuple(ta.shape[-2:]))
    y = cast(tb, db, cd).expand(batch + tuple(tb.shape[-2:]))
    if x.numel() == 0 or y.numel() == 0:
        out = torch.zeros(batch + (m, y.shape[-1]), dtype=cd._torch, device=x.device)
    else:
        out, info = torch.linalg.solve_ex(x, y)
        check_info(info, "Singular matrix")
    if vector:
        out = out.squeeze(-1)
    return result_array(out, rd)


def _svd_parts(x, hermitian):
    from ._decomp import svd_tensors
    return svd_tensors(x, full_matrices=False, hermitian=hermitian)


_NOVALUE = object()


def pinv(a, rcond=None, hermitian=False, *, rtol=_NOVALUE):
    """``numpy.linalg.pinv``: Moore-Penrose pseudo-inverse via the SVD.

    Singular values at or below ``rcond * max(s)`` count as zero; ``rcond``
    defaults to 1e-15 unless ``rtol`` is given (None: ``max(M, N) * eps``)."""
    return _pinv(a, rcond, hermitian, rtol)


def _pinv(a, rcond, hermitian, rtol):
    t, d = tensor(a)
    from ._common import assert_stacked_2d
    assert_stacked_2d(t)
    m, n = t.shape[-2:]
    if t.shape[-1] * t.shape[-2] == 0:
        return _wrap(torch.empty(tuple(t.shape[:-2]) + (n, m), dtype=t.dtype, device=t.device), d)
    rd = common_type(d)
    cd = compute_dtype(rd, t.device)
    x = cast(t, d, cd)
    if rcond is None:
        if rtol is _NOVALUE:
            rcond = 1e-15
        elif rtol is None:
            rcond = max(m, n) * torch.finfo(rd._torch).eps
        else:
            rcond = rtol
    elif rtol is not _NOVALUE:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    rc, _ = tensor(rcond)
    rc = rc.to(device=x.device, dtype=x.real.dtype if x.is_complex() else x.dtype)
    u, s, vh = _svd_parts(x, hermitian)
    cutoff = rc.unsqueeze(-1) * s.amax(-1, keepdim=True)
    large = s > cutoff
    s_inv = torch.where(large, 1 / torch.where(large, s, torch.ones_like(s)), torch.zeros_like(s))
    out = vh.mH @ (s_inv.unsqueeze(-1).to(u.dtype) * u.mH)
    return result_array(out, rd)


def lstsq(a, b, rcond=None):
    """``numpy.linalg.lstsq``: least-squares solution via the SVD (LAPACK gelsd's method).

    Returns ``(x, residuals, rank, s)``; ``residuals`` is empty unless ``a`` has
    full column rank and more rows than columns."""
    ta, da = tensor(a)
    tb, db = tensor(b)
    is_1d = tb.ndim == 1
    if is_1d:
        tb = tb.unsqueeze(-1)
    assert_2d(ta, tb)
    m, n = ta.shape
    m2, k = tb.shape
    if m != m2:
        raise LinAlgError("Incompatible dimensions")
    rd = common_type(da, db)
    real = real_of(rd)
    cd = compute_dtype(rd, ta.device)
    x = cast(ta, da, cd)
    y = cast(tb, db, cd)
    eps = torch.finfo(x.real.dtype if x.is_complex() else x.dtype).eps  # float64 on the CPU, as NumPy
    if rcond is None:
        rcond = eps * max(n, m)
    elif rcond < 0:
        rcond = eps / 2  # LAPACK's relative machine precision
    if min(m, n) == 0:
        sol = torch.zeros((n, k), dtype=cd._torch, device=x.device)
        s = torch.zeros((0,), dtype=sol.real.dtype, device=x.device)
        rank = 0
    else:
        with lapack_errors("SVD did not converge in Linear Least Squares"):
            u, s, vh = torch.linalg.svd(x, full_matrices=False)
        rank = int((s > rcond * s[0]).sum())
        coeff = (u[:, :rank].mH @ y) / s[:rank].unsqueeze(-1).to(cd._torch)
        sol = vh[:rank].mH @ coeff
    if rank == n and m > n:
        resid = (y - x @ sol).abs().square().sum(0)
    else:
        resid = torch.zeros((0,), dtype=s.dtype, device=x.device)
    if is_1d:
        sol = sol.squeeze(-1)
    return (result_array(sol, rd), result_array(resid, real), S.make_scalar(rank, D.int32),
            result_array(s, real))


def det(a):
    """``numpy.linalg.det``: determinant of each square matrix in ``a``."""
    t, d = tensor(a)
    assert_stacked_square(t)
    rd = common_type(d)
    x = cast(t, d, compute_dtype(rd, t.device))
    with lapack_errors("Singular matrix"):
        out = torch.linalg.det(x)
    return result(out, rd)


def slogdet(a):
    """``numpy.linalg.slogdet``: ``(sign, log|det|)``; sign is 0 and logabsdet -inf when singular."""
    t, d = tensor(a)
    assert_stacked_square(t)
    rd = common_type(d)
    x = cast(t, d, compute_dtype(rd, t.device))
    with lapack_errors("Singular matrix"):
        sign, logabsdet = torch.linalg.slogdet(x)
    return SlogdetResult(result(sign, rd), result(logabsdet, real_of(rd)))


def cholesky(a, /, *, upper=False):
    """``numpy.linalg.cholesky``: ``L`` with ``a == L @ L.H`` (or ``U.H @ U`` when
    ``upper``), reading only the lower (or upper) triangle of ``a``."""
    t, d = tensor(a)
    assert_stacked_square(t)
    rd = common_type(d)
    x = cast(t, d, compute_dtype(rd, t.device))
    if upper:
        x = x.mH
    if x.numel() == 0:
        out = x.clone()
    else:
        out, info = torch.linalg.cholesky_ex(x)
        check_info(info, "Matrix is not positive definite")
    if upper:
        out = out.mH
    return result_array(out.contiguous() if upper else out, rd)


def matrix_power(a, n):
    """``numpy.linalg.matrix_power``: ``a`` to the integer power ``n`` by
    repeated squaring (negative powers invert first)."""
    if getattr(getattr(a, "dtype", None), "kind", None) == "O":
        return _object_matrix_power(a, n)
    t, d = tensor(a)
    assert_stacked_square(t)
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError("exponent must be an integer") from e
    if n == 0:
        eye = torch.eye(t.shape[-1], dtype=t.dtype, device=t.device)
        return _wrap(eye.expand(t.shape).clone(), d)
    if n < 0:
        rd = common_type(d)
        inv_t = _inv_tensor(cast(t, d, compute_dtype(rd, t.device)))
        t, d = inv_t.to(rd._torch), rd
        n = -n
    if n == 1:
        return _wrap(t.clone() if not d.kind == "f" else t, d)
    z = None
    out = None
    while n > 0:
        z = t if z is None else matmul_tensors(z, d, z, d)[0]
        n, bit = divmod(n, 2)
        if bit:
            out = z if out is None else matmul_tensors(out, d, z, d)[0]
    return _wrap(out, d)


def _object_matrix_power(a, n):
    """matrix_power of an object array: repeated squaring with the object matmul."""
    from .._creation import eye, empty_like
    from .._ufuncs import matmul
    assert_stacked_square(a._t)
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError("exponent must be an integer") from e
    if n == 0:
        out = empty_like(a)
        out[...] = eye(a.shape[-1], dtype=object)
        return out
    if n < 0:
        raise NotImplementedError("np.linalg.matrix_power: negative powers of object arrays are "
                                  "not supported by np2torch")
    z = out = None
    while n > 0:
        z = a if z is None else matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            out = z if out is None else matmul(out, z)
    return out


def tensorinv(a, ind=2):
    """``numpy.linalg.tensorinv``: the inverse of ``a`` seen as a matrix of its
    first ``ind`` axes against the rest."""
    t, d = tensor(a)
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    old = tuple(t.shape)
    invshape = old[ind:] + old[:ind]
    rows = 1
    for k in old[ind:]:
        rows *= k
    if rows == 0 or t.numel() % rows:
        raise ValueError(f"cannot reshape array of size {t.numel()} into shape ({rows},newaxis)")
    m = t.reshape(rows, t.numel() // rows)
    out = inv(_wrap(m, d))
    return _wrap(out._t.reshape(invshape), out._dtype)


def tensorsolve(a, b, axes=None):
    """``numpy.linalg.tensorsolve``: ``x`` with ``tensordot(a, x, x.ndim) == b``."""
    ta, da = tensor(a)
    tb, db = tensor(b)
    an = ta.ndim
    if axes is not None:
        order = list(range(an))
        for k in axes:
            order.remove(k)
            order.insert(an, k)
        ta = ta.permute(order)
    oldshape = tuple(ta.shape[-(an - tb.ndim):]) if an != tb.ndim else ()
    prod = 1
    for k in oldshape:
        prod *= k
    if ta.numel() != prod ** 2:
        raise LinAlgError("Input arrays must satisfy the requirement "
                          "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    out = solve(_wrap(ta.reshape(prod, prod), da), _wrap(tb.reshape(-1), db))
    return _wrap(out._t.reshape(oldshape), out._dtype)
