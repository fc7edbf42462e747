"""RandomState and the module-level legacy functions (``np.random.seed``, ``np.random.rand``, ...).

Every sampler draws exactly NumPy's numbers: the common ones (random, randn,
randint, uniform, normal, exponential, choice, shuffle's index draws) are
vectorised over peeked raw draws; the rest run NumPy's algorithms one value at
a time in Python (see _scalar.py).
"""

import warnings

import torch

from .. import _dtypes as D
from .._ndarray import _wrap
from . import _libm
from . import _scalar as X
from ._distributions import ScalarDistributions
from ._common import normalize_size, numel, on_device, user_stacklevel
from ._int128 import lsr
from ._integers import random_integers_fill
from ._mt19937 import MT19937
from ._sampling import Param, params, out_shape, check, float_out, legacy_gauss
from . import _choice

__all__ = ["RandomState"]

_F64 = torch.float64


class RandomState(ScalarDistributions):
    """NumPy's legacy random number container (``numpy.random.RandomState``), on MT19937."""

    _poisson_lam_max = 9.223372006484771e18

    def __init__(self, seed=None):
        from ._bitgen import BitGenerator
        if isinstance(seed, type) and issubclass(seed, BitGenerator):
            raise ValueError("Invalid bit generator. The bit generator must be instantized.")
        if isinstance(seed, BitGenerator):
            self._bit_generator = seed
        else:
            self._bit_generator = MT19937.__new__(MT19937)
            BitGenerator.__init__(self._bit_generator, 0)
            self._bit_generator._legacy_seeding(seed)
        self._has_gauss = 0
        self._gauss = 0.0

    def __repr__(self):
        return "%s at 0x%X" % (self, id(self))

    def __str__(self):
        return "RandomState(%s)" % type(self._bit_generator).__name__

    def __getstate__(self):
        return self.get_state(legacy=False)

    def __setstate__(self, state):
        self.set_state(state)

    def __reduce__(self):
        # NumPy's layout: the constructor takes the bit generator (or, from old
        # pickles, its name); __setstate__ then restores the state dict.
        return (_randomstate_ctor, (self._bit_generator,), self.get_state(legacy=False))

    @property
    def _bitgen(self):
        return self._bit_generator

    # -- state ---------------------------------------------------------------
    def seed(self, seed=None):
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        self._bit_generator._legacy_seeding(seed)
        self._has_gauss = 0
        self._gauss = 0.0

    def get_state(self, legacy=True):
        st = self._bit_generator.state
        if legacy and not isinstance(self._bit_generator, MT19937):
            warnings.warn("get_state and legacy can only be used with the MT19937 BitGenerator. To silence "
                          "this warning, set `legacy` to False.", RuntimeWarning, stacklevel=user_stacklevel())
            legacy = False
        st["has_gauss"] = self._has_gauss
        st["gauss"] = self._gauss
        if legacy:
            return ("MT19937", st["state"]["key"], st["state"]["pos"], self._has_gauss, self._gauss)
        return st

    def set_state(self, state):
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"] = state[3]
                st["gauss"] = state[4]
        self._bit_generator.state = {"bit_generator": st["bit_generator"], "state": st["state"]} \
            if st["bit_generator"] == "MT19937" else st
        self._has_gauss = int(st.get("has_gauss", 0))
        self._gauss = float(st.get("gauss", 0.0))

    # -- helpers ---------------------------------------------------------------
    def _source(self, cursor):
        return X.LegacySource(cursor, self)

    # -- uniform -----------------------------------------------------------------
    def random_sample(self, size=None):
        shape = normalize_size(size)
        bg = self._bit_generator
        with bg.lock:
            t = bg._doubles(1 if shape is None else numel(shape))
        return float_out(t, shape)

    def random(self, size=None):
        return self.random_sample(size)

    def ranf(self, *args, **kwargs):
        return self.random_sample(*args, **kwargs)

    def sample(self, *args, **kwargs):
        return self.random_sample(*args, **kwargs)

    def rand(self, *args):
        if not args:
            return self.random_sample()
        return self.random_sample(size=args)

    def randn(self, *args):
        if not args:
            return self.standard_normal()
        return self.standard_normal(size=args)

    def tomaxint(self, size=None):
        """Non-negative int64 draws: one raw 64-bit word shifted right by one each."""
        shape = normalize_size(size)
        bg = self._bit_generator
        with bg.lock:
            u = bg._take64(1 if shape is None else numel(shape))
        vals = lsr(u, 1)
        if shape is None:
            return vals.item()
        return _wrap(on_device(vals.reshape(shape)), D.int64)

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            high = low
            low = 0
        with self._bit_generator.lock:
            return random_integers_fill(self._bit_generator, low, high, size, dtype, closed=False, masked=True)

    def random_integers(self, low, high=None, size=None):
        if high is None:
            warnings.warn("This function is deprecated. Please call randint(1, {low} + 1) instead".format(low=low),
                          DeprecationWarning, stacklevel=2)
            high = low
            low = 1
        else:
            warnings.warn("This function is deprecated. Please call randint({low}, {high} + 1) instead".format(
                low=low, high=high), DeprecationWarning, stacklevel=2)
        if isinstance(high, float):
            high = int(high)
        with self._bit_generator.lock:  # the closed interval [low, high]: no overflow at high = 2**63 - 1
            return random_integers_fill(self._bit_generator, low, high, size, int, closed=True, masked=True)

    def bytes(self, length):
        n32 = (length - 1) // 4 + 1
        words = self.randint(0, 4294967296, size=n32, dtype="uint32")
        return _words_to_bytes(words._t)[:length]

    def uniform(self, low=0.0, high=1.0, size=None):
        lo, hi = params(low, high)
        rng = _sub(hi, lo)
        check(rng, "range", "finite")
        shape, b = out_shape(size, [lo, rng])
        bg = self._bit_generator
        with bg.lock:
            u = bg._doubles(1 if shape is None else numel(shape))
        if shape is None:
            return lo.scalar + rng.scalar * u.item()
        return float_out(b[0] + b[1] * u.reshape(shape), shape)

    # -- normal family -------------------------------------------------------------
    def standard_normal(self, size=None):
        shape = normalize_size(size)
        bg = self._bit_generator
        with bg.lock:
            t = legacy_gauss(bg, self, 1 if shape is None else numel(shape))
        return float_out(t if shape is not None else t[0], shape)

    def normal(self, loc=0.0, scale=1.0, size=None):
        loc_p, scale_p = params(loc, scale)
        check(scale_p, "scale", "nonneg")
        shape, b = out_shape(size, [loc_p, scale_p])
        bg = self._bit_generator
        with bg.lock:
            g = legacy_gauss(bg, self, 1 if shape is None else numel(shape))
        if shape is None:
            return loc_p.scalar + scale_p.scalar * g.item()
        return float_out(b[0] + b[1] * g.reshape(shape), shape)

    def standard_exponential(self, size=None):
        shape = normalize_size(size)
        bg = self._bit_generator
        with bg.lock:
            u = bg._doubles(1 if shape is None else numel(shape))
        t = -_libm.log(1.0 - u)
        return float_out(t if shape is not None else t[0], shape)

    def exponential(self, scale=1.0, size=None):
        (sc,) = params(scale)
        check(sc, "scale", "nonneg")
        shape, b = out_shape(size, [sc])
        bg = self._bit_generator
        with bg.lock:
            u = bg._doubles(1 if shape is None else numel(shape))
        e = -_libm.log(1.0 - u)
        if shape is None:
            return sc.scalar * e.item()
        return float_out(b[0] * e.reshape(shape), shape)

    def standard_gamma(self, shape, size=None):
        ps = params(shape)
        check(ps[0], "shape", "nonneg")
        return self._loop(X.standard_gamma, size, ps)

    def pareto(self, a, size=None):
        ps = params(a)
        check(ps[0], "a", "pos")
        return self._loop(X.pareto, size, ps)

    def power(self, a, size=None):
        ps = params(a)
        check(ps[0], "a", "pos")
        return self._loop(X.power, size, ps)

    # -- discrete ------------------------------------------------------------------
    def negative_binomial(self, n, p, size=None):
        ps = params(n, p)
        check(ps[0], "n", "pos")
        check(ps[1], "p", "01")
        return self._loop(X.negative_binomial, size, ps, "i")

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        ps = [Param(v, D.int64) for v in (ngood, nbad, nsample)]
        check(ps[0], "ngood", "nonneg")
        check(ps[1], "nbad", "nonneg")
        check(ps[2], "nsample", "pos")
        g, b, s = (p.tensor for p in ps)
        if bool((g + b < s).any()):
            raise ValueError("ngood + nbad < nsample")
        return self._loop(X.hypergeometric_legacy, size, ps, "i")

    def multinomial(self, n, pvals, size=None):
        return _choice.multinomial(self, n, pvals, size, legacy=True)

    def dirichlet(self, alpha, size=None):
        return _choice.dirichlet(self, alpha, size, legacy=True)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        return _choice.multivariate_normal(self, mean, cov, size, check_valid, tol, legacy=True)

    # -- permutations ----------------------------------------------------------------
    def shuffle(self, x):
        _choice.shuffle(self, x, lemire=False)

    def permutation(self, x):
        return _choice.permutation(self, x)

    def choice(self, a, size=None, replace=True, p=None):
        return _choice.choice_legacy(self, a, size, replace, p)


def _randomstate_ctor(bit_generator="MT19937"):
    """Unpickling constructor: a bit generator, or (old pickles) a bit generator's name."""
    if isinstance(bit_generator, str):
        from ._pcg64 import PCG64, PCG64DXSM
        known = {"MT19937": MT19937, "PCG64": PCG64, "PCG64DXSM": PCG64DXSM}
        if bit_generator not in known:
            raise ValueError(str(bit_generator) + " is not a known BitGenerator module.")
        bit_generator = known[bit_generator]()
    return RandomState(bit_generator)


def _sub(a, b):
    if a.t is None and b.t is None:
        return Param(a.scalar - b.scalar)
    return Param(_wrap(a.tensor - b.tensor, D.float64))


def _words_to_bytes(t):
    vals = t.reshape(-1).tolist()
    return b"".join(int(v).to_bytes(4, "little") for v in vals)


# -- the module-level functions share one RandomState ---------------------------------
_rand = RandomState()


def _global(name):
    def fn(*args, **kwargs):
        return getattr(_rand, name)(*args, **kwargs)
    fn.__name__ = name
    fn.__qualname__ = name
    fn.__doc__ = getattr(RandomState, name).__doc__
    return fn


_LEGACY_NAMES = [
    "beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f", "gamma",
    "geometric", "get_state", "gumbel", "hypergeometric", "laplace", "logistic", "lognormal",
    "logseries", "multinomial", "multivariate_normal", "negative_binomial", "noncentral_chisquare",
    "noncentral_f", "normal", "pareto", "permutation", "poisson", "power", "rand", "randint", "randn",
    "random", "random_integers", "random_sample", "ranf", "rayleigh", "sample", "seed", "set_state",
    "shuffle", "standard_cauchy", "standard_exponential", "standard_gamma", "standard_normal",
    "standard_t", "triangular", "uniform", "vonmises", "wald", "weibull", "zipf",
]
for _name in _LEGACY_NAMES:
    globals()[_name] = _global(_name)


def seed(seed=None):
    """Reseed the global RandomState; a non-MT19937 bit generator (see
    set_bit_generator) is reseeded in place as ``type(bg)(seed)`` would be."""
    bg = _rand._bit_generator
    if isinstance(bg, MT19937):
        return _rand.seed(seed)
    bg.state = type(bg)(seed).state
__all__ += _LEGACY_NAMES + ["get_bit_generator", "set_bit_generator"]


def get_bit_generator():
    return _rand._bit_generator


def set_bit_generator(bitgen):
    _rand._bit_generator = bitgen
    _rand._has_gauss = 0
