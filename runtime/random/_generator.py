"""Generator and default_rng: NumPy's new random API on any bit generator.

Exact with NumPy for the uniform, integer, permutation and choice samplers
and for every sampler built only on them; the ziggurat samplers (normal,
exponential and what builds on them: gamma, beta, chisquare, ...) follow NumPy's
algorithm and stream consumption but use tables built from the published
construction, which differ from NumPy's shipped tables in the last bits (see
docs/coverage.md).

Fast mode (``set_fast_mode(True)`` or ``Generator(bitgen, fast=True)``) draws
random/standard_normal/normal/uniform/integers/exponential/permutation with a
torch.Generator on the default device: same distributions, different numbers.
"""

import math

import torch

from .. import _dtypes as D
from .. import _scalars as S
from .._config import current_device
from .._flags import is_readonly
from .._ndarray import _wrap, asarray
from . import _choice
from . import _libm
from . import _scalar as X
from ._distributions import ScalarDistributions
from . import _zigfill
from ._bitgen import BitGenerator
from ._common import normalize_size, numel, on_device
from ._integers import random_integers_fill, _resolve_dtype
from ._pcg64 import PCG64
from ._sampling import Param, params, out_shape, check, float_out, shuffled_index, bounded

__all__ = ["Generator", "default_rng", "set_fast_mode", "get_fast_mode"]

_F64 = torch.float64
_FAST = {"on": False}


def set_fast_mode(flag=True):
    """Draw with torch's generator on the device (fast; not NumPy's numbers)."""
    _FAST["on"] = bool(flag)


def get_fast_mode():
    return _FAST["on"]


def _float_dtype(dtype):
    d = D.dtype(dtype) if not isinstance(dtype, D.dtype) else dtype
    if d not in (D.float32, D.float64):
        raise TypeError("Unsupported dtype %r for this method" % (d.name,))
    return d._nbo  # longdouble (double precision here) draws float64, as NumPy on Windows


class Generator(ScalarDistributions):
    """Container for the BitGenerators (``numpy.random.Generator``)."""

    def __init__(self, bit_generator, *, fast=None):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("Generator requires a BitGenerator instance")
        self._bit_generator = bit_generator
        self._fast = fast
        self._torch_gen = None

    def __repr__(self):
        return "Generator(%s) at 0x%X" % (type(self._bit_generator).__name__, id(self))

    def __str__(self):
        return "Generator(%s)" % type(self._bit_generator).__name__

    def __getstate__(self):
        return {"bit_generator": self._bit_generator}

    def __setstate__(self, st):
        self._bit_generator = st["bit_generator"]
        self._fast = None
        self._torch_gen = None

    def __reduce__(self):
        return (_rebuild_generator, (self._bit_generator,))

    @property
    def bit_generator(self):
        return self._bit_generator

    def spawn(self, n_children):
        return [Generator(bg) for bg in self._bit_generator.spawn(n_children)]

    # -- internals -------------------------------------------------------------
    def _is_fast(self):
        return _FAST["on"] if self._fast is None else self._fast

    def _tgen(self):
        dev = current_device() or torch.empty(0).device
        g = self._torch_gen
        if g is None or g.device != dev:
            g = torch.Generator(device=dev)
            words = self._bit_generator._seed_seq.generate_words(2, 32) \
                if hasattr(self._bit_generator._seed_seq, "generate_words") else [0, 0]
            g.manual_seed((words[0] | (words[1] << 32)) & ((1 << 63) - 1))
            self._torch_gen = g
        return g

    def _source(self, cursor):
        return X.Source(cursor)

    def _std_normal(self, n):
        with self._bit_generator.lock:
            return _zigfill.fill(self._bit_generator, n, "normal")

    def _std_exp(self, n):
        with self._bit_generator.lock:
            return _zigfill.fill(self._bit_generator, n, "exp")

    # -- uniform -------------------------------------------------------------------
    def random(self, size=None, dtype=D.float64, out=None):
        d = _float_dtype(dtype)
        shape = _out_size(size, out)
        n = 1 if shape is None else numel(shape)
        if self._is_fast() and shape is not None:
            t = torch.rand(shape, dtype=d._torch, generator=self._tgen(), device=self._tgen().device)
            return _place(t, d, out)
        bg = self._bit_generator
        with bg.lock:
            t = bg._doubles(n) if d is D.float64 else bg._floats(n)
        if shape is None:
            return t.item() if d is D.float64 else S.make_scalar(t.item(), d)
        return _place(t.reshape(shape), d, out)

    def integers(self, low, high=None, size=None, dtype=D.int64, endpoint=False):
        if high is None:
            high = low
            low = 0
        if self._is_fast() and size is not None and isinstance(low, int) and isinstance(high, int):
            d, _ = _resolve_dtype(dtype)
            hi = high + 1 if endpoint else high
            if low < hi and hi - low < (1 << 62) and d is not D.bool_ and d is not D.uint64:
                t = torch.randint(low, hi, normalize_size(size), generator=self._tgen(),
                                  device=self._tgen().device, dtype=torch.int64)
                return _wrap(t.to(d._torch) if d._native else t, d)
        with self._bit_generator.lock:
            return random_integers_fill(self._bit_generator, low, high, size, dtype, closed=endpoint, masked=False)

    def bytes(self, length):
        n32 = (length - 1) // 4 + 1
        words = self.integers(0, 4294967296, size=n32, dtype=D.uint32)
        return b"".join(int(v).to_bytes(4, "little") for v in words._t.tolist())[:length]

    def uniform(self, low=0.0, high=1.0, size=None):
        lo, hi = params(low, high)
        rng = Param(hi.scalar - lo.scalar) if lo.t is None and hi.t is None else \
            Param(_wrap(hi.tensor - lo.tensor, D.float64))
        check(rng, "range", "finite")
        check(rng, "high - low", "nonneg")
        shape, b = out_shape(size, [lo, rng])
        if self._is_fast() and shape is not None:
            u = torch.rand(shape, dtype=_F64, generator=self._tgen(), device=self._tgen().device)
            return _wrap(_dev(b[0]) + _dev(b[1]) * u, D.float64)
        bg = self._bit_generator
        with bg.lock:
            u = bg._doubles(1 if shape is None else numel(shape))
        if shape is None:
            return lo.scalar + rng.scalar * u.item()
        return float_out(b[0] + b[1] * u.reshape(shape), shape)

    # -- normal / exponential / gamma -----------------------------------------------
    def standard_normal(self, size=None, dtype=D.float64, out=None):
        d = _float_dtype(dtype)
        shape = _out_size(size, out)
        if self._is_fast() and shape is not None:
            return _place(torch.randn(shape, dtype=d._torch, generator=self._tgen(), device=self._tgen().device), d, out)
        n = 1 if shape is None else numel(shape)
        if d is D.float32:
            return self._float32_loop(_normal_f32, shape, d, out)
        t = self._std_normal(n)
        if shape is None:
            return t.item()
        return _place(t.reshape(shape), d, out)

    def normal(self, loc=0.0, scale=1.0, size=None):
        loc_p, scale_p = params(loc, scale)
        check(scale_p, "scale", "nonneg")
        shape, b = out_shape(size, [loc_p, scale_p])
        if self._is_fast() and shape is not None:
            z = torch.randn(shape, dtype=_F64, generator=self._tgen(), device=self._tgen().device)
            return _wrap(_dev(b[0]) + _dev(b[1]) * z, D.float64)
        g = self._std_normal(1 if shape is None else numel(shape))
        if shape is None:
            return loc_p.scalar + scale_p.scalar * g.item()
        return float_out(b[0] + b[1] * g.reshape(shape), shape)

    def standard_exponential(self, size=None, dtype=D.float64, method="zig", out=None):
        d = _float_dtype(dtype)
        if method not in ("zig", "inv"):
            raise ValueError("method must be either 'inv' or 'zig'")
        shape = _out_size(size, out)
        n = 1 if shape is None else numel(shape)
        if d is D.float32:
            return self._float32_loop(_exp_f32 if method == "zig" else _exp_inv_f32, shape, d, out)
        if method == "inv":
            bg = self._bit_generator
            with bg.lock:
                u = bg._doubles(n)
            t = -_libm.log1p(-u)
        else:
            t = self._std_exp(n)
        if shape is None:
            return t.item()
        return _place(t.reshape(shape), d, out)

    def exponential(self, scale=1.0, size=None):
        (sc,) = params(scale)
        check(sc, "scale", "nonneg")
        shape, b = out_shape(size, [sc])
        if self._is_fast() and shape is not None:
            e = torch.empty(shape, dtype=_F64, device=self._tgen().device).exponential_(generator=self._tgen())
            return _wrap(_dev(b[0]) * e, D.float64)
        e = self._std_exp(1 if shape is None else numel(shape))
        if shape is None:
            return sc.scalar * e.item()
        return float_out(b[0] * e.reshape(shape), shape)

    def _float32_loop(self, fn, shape, d, out):
        bg = self._bit_generator
        n = 1 if shape is None else numel(shape)
        with bg.lock:
            cursor = bg._cursor()
            try:
                vals = [fn(cursor) for _ in range(n)]
            finally:
                cursor.commit()
        t = torch.tensor(vals, dtype=torch.float32)
        if shape is None:
            return S.make_scalar(t.item(), d)
        return _place(t.reshape(shape), d, out)

    def standard_gamma(self, shape, size=None, dtype=D.float64, out=None):
        d = _float_dtype(dtype)
        ps = params(shape)
        check(ps[0], "shape", "nonneg")
        r = self._loop(X.standard_gamma, size if out is None else out.shape, ps)
        if d is D.float32:
            if isinstance(r, float):
                return S.make_scalar(r, d)
            r = _wrap(r._t.to(torch.float32), d)
        if out is not None:
            out._t.copy_(r._t)
            return out
        return r

    def pareto(self, a, size=None):
        ps = params(a)
        check(ps[0], "a", "nonneg")
        return self._loop(X.pareto, size, ps)

    def power(self, a, size=None):
        ps = params(a)
        check(ps[0], "a", "nonneg")
        return self._loop(X.power, size, ps)

    # -- discrete ---------------------------------------------------------------------
    def negative_binomial(self, n, p, size=None):
        ps = params(n, p)
        check(ps[0], "n", "pos")
        check(ps[1], "p", "gt0_1")
        return self._loop(X.negative_binomial, size, ps, "i")

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        ps = [Param(v, D.int64) for v in (ngood, nbad, nsample)]
        check(ps[0], "ngood", "nonneg")
        check(ps[1], "nbad", "nonneg")
        check(ps[2], "nsample", "nonneg")
        g, b, s = (p.tensor for p in ps)
        if bool((g + b < s).any()):
            raise ValueError("ngood + nbad < nsample")
        return self._loop(X.hypergeometric_legacy, size, ps, "i")

    def multinomial(self, n, pvals, size=None):
        return _choice.multinomial(self, n, pvals, size, legacy=False)

    def dirichlet(self, alpha, size=None):
        return _choice.dirichlet(self, alpha, size, legacy=False)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *, method="svd"):
        return _choice.multivariate_normal(self, mean, cov, size, check_valid, tol, legacy=False, method=method)

    # -- permutations ---------------------------------------------------------------
    def shuffle(self, x, axis=0):
        _choice.shuffle(self, x, lemire=False, axis=axis)

    def permutation(self, x, axis=0):
        if self._is_fast() and isinstance(x, int):
            return _wrap(torch.randperm(x, generator=self._tgen(), device=self._tgen().device), D.int64)
        return _choice.permutation(self, x, lemire=False, axis=axis)

    def permuted(self, x, *, axis=None, out=None):
        arr = asarray(x)
        if out is None:
            out = _wrap(arr._t.clone(), arr.dtype)
        else:
            if out.shape != arr.shape:
                raise ValueError("out must have the same shape as x")
            if is_readonly(out._t):
                raise ValueError("out is read-only")
            out._t.copy_(arr._t)
        t = out._t
        bg = self._bit_generator
        if axis is None:
            flat = t.reshape(-1).clone()
            with bg.lock:
                perm = shuffled_index(bg, flat.numel(), False)
            t.copy_(flat[torch.tensor(perm, dtype=torch.int64)].reshape(t.shape))
            return out
        ax = axis % t.ndim if t.ndim else 0
        moved = t.movedim(ax, -1)
        rows = moved.reshape(-1, moved.shape[-1]).clone()
        with bg.lock:
            for r in range(rows.shape[0]):
                perm = shuffled_index(bg, rows.shape[1], False)
                rows[r] = rows[r][torch.tensor(perm, dtype=torch.int64)]
        moved.copy_(rows.reshape(moved.shape))
        return out

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        arr, pop_size, pt, shape, n = _choice._choice_args(a, size, p)
        bg = self._bit_generator
        if replace:
            if pt is not None:
                with bg.lock:
                    u = bg._doubles(n)
                idx = _choice._cdf_search(pt, u)
            else:
                with bg.lock:
                    idx = bounded(bg, 0, pop_size - 1, n, 64, False) if pop_size > 0 else \
                        torch.zeros(n, dtype=torch.int64)
        else:
            if n > pop_size:
                raise ValueError("Cannot take a larger sample than population when replace is False")
            if pt is not None:
                def draw(k):
                    with bg.lock:
                        return bg._doubles(k)
                idx = _choice._choice_no_replace_p(draw, pt, n, pop_size)
            else:
                with bg.lock:
                    idx = torch.tensor(_floyd(bg, pop_size, n, shuffle), dtype=torch.int64)
        return _choice._finish_choice(arr, idx, shape)


def _floyd(bg, pop_size, size, shuffle):
    cutoff = 50 if shuffle else 20
    cursor = bg._cursor()
    s = X.Source(cursor)
    try:
        if pop_size > 10000 and size > pop_size // cutoff:
            idx = list(range(pop_size))
            for i in range(pop_size - 1, max(pop_size - size, 1) - 1, -1):
                j = X.lemire64(s, i)
                idx[i], idx[j] = idx[j], idx[i]
            return idx[pop_size - size:]
        out = [0] * size
        chosen = set()
        for j in range(pop_size - size, pop_size):
            val = X.lemire64(s, j)
            if val in chosen:
                val = j
            chosen.add(val)
            out[j - pop_size + size] = val
        if shuffle:
            for i in range(size - 1, 0, -1):
                j = X.lemire64(s, i)
                out[i], out[j] = out[j], out[i]
        return out
    finally:
        cursor.commit()


def _normal_f32(c):
    ki, wi, fi = _zig_f32()[0:3]
    while True:
        r = c.u32()
        idx = r & 0xFF
        sign = (r >> 8) & 1
        rabs = (r >> 9) & 0x0007FFFFF
        x = _f32(rabs * wi[idx])
        if sign:
            x = -x
        if rabs < ki[idx]:
            return x
        if idx == 0:
            while True:
                xx = _f32(-_f32(1.0 / 3.6541528853610088) * _f32(math.log1p(-_next_float(c))))
                yy = _f32(-math.log1p(-_next_float(c)))
                if _f32(yy + yy) > _f32(xx * xx):
                    v = _f32(3.6541528853610088 + xx)
                    return -v if (rabs >> 8) & 1 else v
        elif _f32(_f32(_f32(fi[idx - 1] - fi[idx]) * _next_float(c)) + fi[idx]) < _f32(math.exp(-0.5 * x * x)):
            return x


def _exp_f32(c):
    ke, we, fe = _zig_f32()[3:6]
    while True:
        ri = c.u32() >> 1
        idx = ri & 0xFF
        ri >>= 8
        x = _f32(ri * we[idx])
        if ri < ke[idx]:
            return x
        if idx == 0:
            return _f32(7.69711747013104972 - _f32(math.log1p(-_next_float(c))))
        if _f32(_f32(_f32(fe[idx - 1] - fe[idx]) * _next_float(c)) + fe[idx]) < _f32(math.exp(-x)):
            return x


def _exp_inv_f32(c):
    return _f32(-math.log1p(-_next_float(c)))


def _next_float(c):
    return (c.u32() >> 8) * (1.0 / 16777216.0)


_F32_TABLES = []


def _zig_f32():
    if not _F32_TABLES:
        from . import _ziggurat as Z
        _F32_TABLES.extend([Z.KI_FLOAT, [_f32(v) for v in Z.WI_FLOAT], [_f32(v) for v in Z.FI_FLOAT],
                            Z.KE_FLOAT, [_f32(v) for v in Z.WE_FLOAT], [_f32(v) for v in Z.FE_FLOAT]])
    return _F32_TABLES


def _f32(v):
    import struct
    try:
        return struct.unpack("f", struct.pack("f", v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def _dev(x):
    if isinstance(x, torch.Tensor):
        dev = current_device()
        return x.to(dev) if dev is not None else x
    return x


def _out_size(size, out):
    if out is not None:
        if size is not None and tuple(normalize_size(size)) != tuple(out.shape):
            raise ValueError("size must match out.shape when used together")
        return tuple(out.shape)
    return normalize_size(size)


def _place(t, d, out):
    if out is not None:
        if out.dtype is not d:
            raise TypeError("Supplied output array has the wrong type. Expected %s, got %s" % (d.name, out.dtype.name))
        out._t.copy_(t.to(out._t.device))
        return out
    return _wrap(on_device(t), d)


def _rebuild_generator(bg):
    return Generator(bg)


def default_rng(seed=None):
    """A Generator on PCG64 (``numpy.random.default_rng``)."""
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    return Generator(PCG64(seed))
