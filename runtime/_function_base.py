"""Functional programming and miscellaneous routines (NumPy reference:
"Functional programming", "Statistics / histograms", "Window functions",
"Data type routines"): ``apply_along_axis``, ``apply_over_axes``,
``vectorize``, ``piecewise``, ``select``, ``histogram2d``, ``histogramdd``,
the window functions and small helpers (``iterable``, ``common_type``, ...).

The functions that call Python code per element or per slice (``vectorize``,
``apply_along_axis``) loop in Python as NumPy does; everything else works on
whole tensors.
"""

import builtins
import math
import re

import torch

from . import _dtypes as D
from ._casting import cast
from ._manipulation import broadcast_arrays, broadcast_to, expand_dims, moveaxis
from ._ndarray import _wrap, array, asarray, asanyarray, ndarray
from ._indexing import ndindex
from .exceptions import AxisError

__all__ = ["apply_along_axis", "apply_over_axes", "vectorize", "piecewise", "select",
           "histogram2d", "histogramdd", "bartlett", "blackman", "hamming", "hanning", "kaiser",
           "iterable", "asarray_chkfinite", "common_type", "mintypecode", "typename",
           "base_repr", "binary_repr", "frompyfunc"]


def _axis_index(axis, ndim):
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim)
    return axis % ndim


# -- functional programming ----------------------------------------------------------

def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """``np.apply_along_axis``: ``func1d`` on every 1-d slice along ``axis``; the
    result's dimensions take the place of ``axis``."""
    arr = asanyarray(arr)
    nd = arr.ndim
    axis = _axis_index(axis, nd)
    moved = moveaxis(arr, axis, -1)
    outer = moved.shape[:-1]
    if any(n == 0 for n in outer):
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    results = [asanyarray(func1d(moved[idx], *args, **kwargs)) for idx in ndindex(*outer)]
    first = results[0]
    d = first.dtype
    ts = []
    for r in results:
        if r.shape != first.shape:
            raise ValueError(f"could not broadcast input array from shape {r.shape} into shape "
                             f"{first.shape}")
        ts.append(cast(r._t, r._dtype, d))  # object results: handles into d's pool
    t = torch.stack(ts).reshape(tuple(outer) + tuple(first.shape))
    k = first.ndim
    # result dims sit after the outer dims; move them to where ``axis`` was
    perm = list(range(axis)) + list(range(len(outer), len(outer) + k)) + \
        list(range(axis, len(outer)))
    return _wrap(t.permute(perm), d)


def apply_over_axes(func, a, axes):
    """``np.apply_over_axes``: ``func(a, axis)`` repeatedly, keeping the dimensions."""
    val = asarray(a)
    n = val.ndim
    if asarray(axes).ndim == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = n + axis
        res = func(val, axis)
        if not isinstance(res, ndarray):
            res = asarray(res)
        if res.ndim == val.ndim:
            val = res
        else:
            res = expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
            val = res
    return val


_DIM = r"\w+"
_CORE = rf"\((?:{_DIM}(?:,{_DIM})*)?\)"
_ARGS = rf"{_CORE}(?:,{_CORE})*"
_SIGNATURE = rf"^{_ARGS}->{_ARGS}$"


def _parse_gufunc_signature(signature):
    """``'(m,n),(n)->(m)'`` -> ``([('m', 'n'), ('n',)], [('m',)])``."""
    signature = re.sub(r"\s+", "", signature)
    if not re.match(_SIGNATURE, signature):
        raise ValueError(f"not a valid gufunc signature: {signature}")
    ins, outs = signature.split("->")

    def cores(text):
        return [tuple(re.findall(_DIM, c)) for c in re.findall(_CORE, text)]
    return cores(ins), cores(outs)


def _py(v):
    return v.item() if isinstance(v, ndarray) or hasattr(v, "item") else v


class vectorize:
    """``np.vectorize``: call a Python function element by element (or core slice by
    core slice with ``signature``) over broadcast arguments."""

    def __init__(self, pyfunc=None, otypes=None, doc=None, excluded=None, cache=False,
                 signature=None):
        if pyfunc is not None and not callable(pyfunc):
            raise TypeError("np.vectorize: pyfunc must be callable")
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = signature
        if isinstance(otypes, str):
            for c in otypes:
                if c not in D.typecodes["All"]:
                    raise ValueError(f"Invalid otype specified: {c}")
        elif otypes is not None and hasattr(otypes, "__iter__"):
            otypes = "".join(D.dtype(x).char for x in otypes)
        elif otypes is not None:
            raise ValueError("Invalid otype specification")
        self.otypes = otypes
        self.excluded = set(excluded) if excluded else set()
        self._core = _parse_gufunc_signature(signature) if signature is not None else None
        if pyfunc is not None:
            self.__doc__ = pyfunc.__doc__ if doc is None else doc
            self.__name__ = getattr(pyfunc, "__name__", "vectorized")
        else:
            self.__doc__ = doc

    def __call__(self, *args, **kwargs):
        if self.pyfunc is None:  # used as a decorator with options: @vectorize(otypes=...)
            return type(self)(args[0], otypes=self.otypes, doc=self.__doc__,
                              excluded=self.excluded or None, cache=self.cache,
                              signature=self.signature)
        func = self.pyfunc
        excluded = self.excluded
        if excluded or kwargs:
            pos_free = [i for i in range(len(args)) if i not in excluded]
            kw_free = [k for k in kwargs if k not in excluded]
            fixed_args = list(args)
            names = kw_free

            def func(*vals, _f=self.pyfunc, _pos=pos_free, _names=names):
                call = list(fixed_args)
                for i, v in zip(_pos, vals[:len(_pos)]):
                    call[i] = v
                kw = dict(kwargs)
                kw.update(zip(_names, vals[len(_pos):]))
                return _f(*call, **kw)
            args = [args[i] for i in pos_free] + [kwargs[k] for k in kw_free]
        if self._core is not None:
            return self._call_with_signature(func, args)
        return self._call_elementwise(func, args)

    def _otypes_for(self, func, arrays):
        if self.otypes is not None:
            return self.otypes, None
        if any(a.size == 0 for a in arrays):
            raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
        first = func(*[_py(a.reshape(-1)[0]) if a.ndim else _py(a) for a in arrays])
        outs = first if isinstance(first, tuple) else (first,)
        return "".join(asarray(o).dtype.char for o in outs), (first if self.cache else None)

    def _call_elementwise(self, func, args):
        arrays = [asanyarray(a) for a in args]
        if not arrays:
            return array(func())
        otypes, cached = self._otypes_for(func, arrays)
        b = broadcast_arrays(*arrays)
        shape = b[0].shape if b else ()
        flat = [x.reshape(-1).tolist() for x in b]
        n = math.prod(shape)
        values = [None] * n
        for i in range(n):
            values[i] = cached if (i == 0 and cached is not None) else func(*[f[i] for f in flat])
        nout = len(otypes)
        if nout == 1:
            if values and isinstance(values[0], tuple):
                raise ValueError("np.vectorize: the function returned a tuple but otypes names "
                                 "one output")
            return array(values, dtype=otypes[0]).reshape(shape)
        outs = []
        for k in range(nout):
            col = [v[k] for v in values]
            outs.append(array(col, dtype=otypes[k]).reshape(shape))
        return tuple(outs)

    def _call_with_signature(self, func, args):
        in_cores, out_cores = self._core
        if len(args) != len(in_cores):
            raise TypeError(f"wrong number of positional arguments: expected {len(in_cores)}, "
                            f"got {len(args)}")
        arrays = [asanyarray(a) for a in args]
        sizes = {}
        loop_shapes = []
        for a, core in zip(arrays, in_cores):
            k = len(core)
            if a.ndim < k:
                raise ValueError(f"input with shape {a.shape} does not have enough dimensions for "
                                 f"all core dimensions {core} of the signature")
            for name, n in zip(core, a.shape[a.ndim - k:]):
                if sizes.setdefault(name, n) != n:
                    raise ValueError(f"inconsistent size for core dimension {name!r}: {n} vs "
                                     f"{sizes[name]}")
            loop_shapes.append(a.shape[:a.ndim - k])
        from ._manipulation import broadcast_shapes
        loop = broadcast_shapes(*loop_shapes)
        arrays = [broadcast_to(a, loop + a.shape[a.ndim - len(c):]) for a, c in zip(arrays, in_cores)]
        nout = len(out_cores)
        results = None
        otypes = self.otypes
        if not loop or math.prod(loop) > 0:
            results = []
            for idx in ndindex(*loop):
                r = func(*[a[idx] for a in arrays])
                outs = r if isinstance(r, tuple) else (r,)
                if nout == 1 and isinstance(r, tuple) and len(out_cores) == 1 and len(r) != 1:
                    outs = (r,)
                if len(outs) != nout:
                    raise ValueError(f"wrong number of outputs from pyfunc: expected {nout}, got "
                                     f"{len(outs)}")
                outs = tuple(asanyarray(o) for o in outs)
                for o, core in zip(outs, out_cores):
                    if o.ndim != len(core):
                        raise ValueError(f"wrong number of dimensions returned from pyfunc: "
                                         f"expected {len(core)}, got {o.ndim}")
                    for name, n in zip(core, o.shape):
                        if sizes.setdefault(name, n) != n:
                            raise ValueError(f"inconsistent size for core dimension {name!r}: "
                                             f"{n} vs {sizes[name]}")
                results.append(outs)
        if not results:
            if otypes is None:
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
            for core in out_cores:
                for name in core:
                    if name not in sizes:
                        raise ValueError(f"cannot call `vectorize` with a signature including new "
                                         f"output dimensions on size 0 inputs")
            from ._creation import empty
            outs = tuple(empty(loop + tuple(sizes[n] for n in core), dtype=otypes[k])
                         for k, core in enumerate(out_cores))
            return outs[0] if nout == 1 else outs
        outs = []
        for k, core in enumerate(out_cores):
            d = D.own_object(D.dtype(otypes[k])) if otypes is not None else results[0][k].dtype
            ts = [cast(r[k]._t, r[k]._dtype, d) for r in results]  # object: into d's pool
            t = torch.stack(ts).reshape(loop + tuple(sizes[n] for n in core))
            outs.append(_wrap(t, d))
        return outs[0] if nout == 1 else tuple(outs)


def frompyfunc(func, /, nin, nout, *, identity=None):
    """``np.frompyfunc``: an ufunc whose one loop (``O...->O...``) calls ``func``
    on each element; its results are object arrays."""
    from ._ufuncs import pyfunc_ufunc
    return pyfunc_ufunc(func, nin, nout, identity)


def piecewise(x, condlist, funclist, *args, **kw):
    """``np.piecewise``: ``funclist[i]`` (a function or a value) where ``condlist[i]``."""
    x = asanyarray(x)
    n2 = len(funclist)
    if (isinstance(condlist, (bool, int, float)) or
            (isinstance(condlist, ndarray) and condlist.ndim == 0) or
            (len(condlist) and not isinstance(condlist[0], (list, ndarray)) and x.ndim != 0)):
        condlist = [condlist]
    conds = asarray(condlist, dtype=D.bool_)
    n = len(conds)
    if n == n2 - 1:
        from ._reductions import any as _any
        otherwise = ~_any(conds, axis=0, keepdims=True)
        from ._manipulation import concatenate
        conds = concatenate([conds, otherwise], axis=0)
        n += 1
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    from ._creation import zeros_like
    y = zeros_like(x)
    for cond, func in zip(conds, funclist):
        if not callable(func):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y


def select(condlist, choicelist, default=0):
    """``np.select``: from ``choicelist`` the first entry whose condition holds."""
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [asarray(c) for c in choicelist]
    try:
        inter = D.result_type(*[c.dtype for c in choices])
    except TypeError as e:
        raise TypeError(f"Choicelist elements do not have a common dtype: {e}") from None
    default_arr = asarray(default)
    # a Python scalar default is weak (NEP 50), an array default is not
    d = D.result_type(inter, default if type(default) in (bool, int, float, complex)
                      else default_arr.dtype)
    conds = broadcast_arrays(*[asarray(c) for c in condlist])
    for i, c in enumerate(conds):
        if c.dtype is not D.bool_:
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    choices = broadcast_arrays(*choices, default_arr)
    if choices[0].ndim == 0:
        shape = conds[0].shape
    else:
        shape = broadcast_arrays(conds[0], choices[0])[0].shape
    result = broadcast_to(choices[-1].astype(d), shape)._t
    for choice, cond in zip(choices[-2::-1], conds[::-1]):
        c = choice.astype(d)._t
        result = torch.where(cond._t, c, result)
    full = torch.broadcast_to(result, shape).clone()
    return _wrap(full, d)


# -- histograms ---------------------------------------------------------------------

def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    """``np.histogramdd``: (counts, list of edge arrays) of ``D``-dimensional samples."""
    if isinstance(sample, ndarray) and sample.ndim == 2:
        s = sample
    else:
        s = asarray(sample)
        if not isinstance(sample, ndarray) and s.ndim == 2 and isinstance(sample, (list, tuple)):
            s = s.T  # a sequence of D coordinate arrays
        elif s.ndim <= 1:
            s = s.reshape(-1, 1)
        elif s.ndim != 2:
            raise ValueError("np.histogramdd: sample must be 2-d (N, D)")
    if s.dtype.kind == "c":
        raise NotImplementedError("np.histogramdd: complex samples are not supported by np2torch")
    N, Dn = s.shape
    try:
        M = len(bins)
        if M != Dn:
            raise ValueError("The dimension of bins must be equal to the dimension of the sample x.")
    except TypeError:
        bins = Dn * [bins]
    if range is None:
        range = (None,) * Dn
    elif len(range) != Dn:
        raise ValueError("range argument must have one entry per dimension")
    st = s._t.to(torch.float64)
    device = st.device
    edges, nbin, dedges = [], [], []
    for i in builtins.range(Dn):
        b = bins[i]
        if isinstance(b, (int,)) or (asarray(b).ndim == 0):
            if asarray(b).dtype.kind not in "iu":
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar")
            b = int(b)
            if b < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            lo, hi = _outer_edges(st[:, i], range[i])
            e = torch.linspace(lo, hi, b + 1, dtype=torch.float64, device=device)
            edges.append(_wrap(e, D.float64))
        else:
            ea = asarray(b)
            if ea.ndim != 1:
                raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
            e = ea._t.to(torch.float64)
            if bool((e[1:] < e[:-1]).any()):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an array")
            edges.append(ea)
        nbin.append(int(e.shape[0]) + 1)
        dedges.append(torch.diff(e))
    flat = torch.zeros(N, dtype=torch.int64, device=device)
    for i in builtins.range(Dn):
        e = edges[i]._t.to(torch.float64)
        col = st[:, i].contiguous()
        idx = torch.searchsorted(e.contiguous(), col, right=True)
        idx = torch.where(col == e[-1], idx - 1, idx)
        flat = flat * nbin[i] + idx
    total = math.prod(nbin)
    if weights is not None:
        w = asarray(weights)
        wt = w._t.to(torch.complex128 if w.dtype.kind == "c" else torch.float64).reshape(-1)
        hist = torch.zeros(total, dtype=wt.dtype, device=device).index_add_(0, flat, wt)
    else:
        hist = torch.bincount(flat, minlength=total).to(torch.float64)
    hist = hist.reshape(nbin)
    core = tuple(slice(1, -1) for _ in builtins.range(Dn))
    hist = hist[core]
    if hist.shape != tuple(n - 2 for n in nbin):
        raise RuntimeError("Internal Shape Error")
    if density:
        total_count = hist.sum()
        for i in builtins.range(Dn):
            shape = [1] * Dn
            shape[i] = nbin[i] - 2
            hist = hist / dedges[i].reshape(shape)
        hist = hist / total_count
    rd = D.complex128 if hist.is_complex() else D.float64
    return _wrap(hist.contiguous(), rd), edges


def _outer_edges(col, rng):
    if rng is not None:
        lo, hi = float(rng[0]), float(rng[1])
        if lo > hi:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"supplied range of [{lo}, {hi}] is not finite")
    elif col.numel() == 0:
        lo, hi = 0.0, 1.0
    else:
        lo, hi = float(col.min()), float(col.max())
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"autodetected range of [{lo}, {hi}] is not finite")
    if lo == hi:
        lo -= 0.5
        hi += 0.5
    return lo, hi


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    """``np.histogram2d``: (counts, x edges, y edges)."""
    x, y = asarray(x), asarray(y)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        if x.shape != y.shape:
            raise ValueError("x and y must have the same length.")
    try:
        n = len(bins)
    except TypeError:
        n = 1
    if n != 1 and n != 2:
        bins = [bins, bins]  # one array of edges for both axes
    from ._manipulation import stack
    d = D.result_type(x.dtype, y.dtype)
    hist, edges = histogramdd(stack([x.astype(d), y.astype(d)], axis=1), bins, range, density,
                              weights)
    return hist, edges[0], edges[1]


# -- window functions ----------------------------------------------------------------

def _window_points(M):
    M = float(M)
    if M < 1:
        return None, M
    return torch.arange(1 - M, M, 2, dtype=torch.float64), M


def _window(M, formula):
    n, M = _window_points(M)
    if n is None:
        return _wrap(torch.empty(0, dtype=torch.float64), D.float64)
    if M == 1:
        return _wrap(torch.ones(1, dtype=torch.float64), D.float64)
    return _wrap(formula(n, M), D.float64)


def bartlett(M):
    """``np.bartlett``: the triangular window."""
    return _window(M, lambda n, M: torch.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1)))


def blackman(M):
    """``np.blackman``: the Blackman window."""
    return _window(M, lambda n, M: 0.42 + 0.5 * torch.cos(math.pi * n / (M - 1))
                   + 0.08 * torch.cos(2.0 * math.pi * n / (M - 1)))


def hamming(M):
    """``np.hamming``: the Hamming window."""
    return _window(M, lambda n, M: 0.54 + 0.46 * torch.cos(math.pi * n / (M - 1)))


def hanning(M):
    """``np.hanning``: the Hann window."""
    return _window(M, lambda n, M: 0.5 + 0.5 * torch.cos(math.pi * n / (M - 1)))


def kaiser(M, beta):
    """``np.kaiser``: the Kaiser window with shape parameter ``beta``."""
    M = float(M)
    if M < 1:
        return _wrap(torch.empty(0, dtype=torch.float64), D.float64)
    if M == 1:
        return _wrap(torch.ones(1, dtype=torch.float64), D.float64)
    n = torch.arange(0, M, dtype=torch.float64)
    alpha = (M - 1) / 2.0
    beta_t = torch.as_tensor(float(beta), dtype=torch.float64)
    arg = beta_t * torch.sqrt(1 - ((n - alpha) / alpha) ** 2)
    return _wrap(torch.special.i0(arg) / torch.special.i0(beta_t), D.float64)


# -- small helpers ------------------------------------------------------------------

def iterable(y):
    """``np.iterable``: whether ``iter(y)`` works (0-d arrays are not iterable)."""
    try:
        iter(y)
    except TypeError:
        return False
    return True


def asarray_chkfinite(a, dtype=None, order=None):
    """``np.asarray_chkfinite``: ``asarray`` that rejects NaN and infinity."""
    arr = asarray(a, dtype=dtype)
    if arr.dtype.kind in "fc" and not bool(torch.isfinite(arr._t).all()):
        raise ValueError("array must not contain infs or NaNs")
    return arr


_TYPE_NAMES = {
    "S1": "character", "?": "bool", "B": "unsigned char", "b": "signed char",
    "H": "unsigned short", "h": "short", "I": "unsigned integer", "i": "integer",
    "L": "unsigned long integer", "l": "long integer", "Q": "unsigned long long integer",
    "q": "long long integer", "f": "single precision", "d": "double precision",
    "g": "long precision", "F": "complex single precision", "D": "complex double precision",
    "G": "complex long double precision", "S": "string", "U": "unicode", "V": "void",
    "O": "object",
}


def typename(char):
    """``np.typename``: a description of a type code."""
    return _TYPE_NAMES[char]


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    """``np.mintypecode``: the smallest type code in ``typeset`` that holds all ``typechars``."""
    codes = [(t if isinstance(t, str) else asarray(t).dtype.char) for t in typechars]
    intersection = {t for t in codes if t in typeset}
    if not intersection:
        return default
    if "F" in intersection and "d" in intersection:
        return "D"
    order = "GDFgdf"
    return min(intersection, key=order.index)


def common_type(*arrays):
    """``np.common_type``: the scalar type (float16 and up) that holds every array's values."""
    rank = {D.float16: 0, D.float32: 1, D.float64: 2}
    best, is_complex = 0, False
    for a in arrays:
        d = a.dtype._nbo
        if d.kind == "c":
            is_complex = True
            best = max(best, 1 if d is D.complex64 else 2)
        elif d.kind in "biu":
            if d.kind == "b":
                raise TypeError("can't get common type for non-numeric array")
            best = max(best, 2)
        elif d.kind == "f":
            best = max(best, rank[d])
        else:
            raise TypeError("can't get common type for non-numeric array")
    from . import _scalars as S
    if is_complex:
        return (S.complex64, S.complex64, S.complex128)[best]
    return (S.float16, S.float32, S.float64)[best]


def base_repr(number, base=2, padding=0):
    """``np.base_repr``: ``number`` written in ``base`` (2 to 36)."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if base > len(digits):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(int(number))
    res = []
    while num:
        res.append(digits[num % base])
        num //= base
    if padding:
        res.append("0" * padding)
    if int(number) < 0:
        res.append("-")
    return "".join(reversed(res or ["0"]))


def binary_repr(num, width=None):
    """``np.binary_repr``: two's complement binary text when ``width`` is given."""
    num = int(num)

    def check(nbits):
        if width is not None and width < nbits:
            raise ValueError(f"Insufficient bit width={width} provided for binwidth={nbits}")
    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        text = bin(num)[2:]
        check(len(text))
        return text.zfill(width) if width is not None else text
    if width is None:
        return "-" + bin(-num)[2:]
    poswidth = len(bin(-num)[2:])
    if 2 ** (poswidth - 1) == -num:
        poswidth -= 1
    twocomp = 2 ** (poswidth + 1) + num
    text = bin(twocomp)[2:]
    outwidth = max(len(text), width)
    check(poswidth + 1)
    return "1" * (outwidth - len(text)) + text
