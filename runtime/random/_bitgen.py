"""BitGenerator base class: the raw-draw protocol every distribution uses.

A bit generator exposes its stream three ways:

* ``_peek64(n)`` / ``_skip64(k)``: the next ``n`` ``next_uint64`` draws as an
  int64 tensor (bit patterns) without consuming them, then consume ``k``.
  Rejection samplers peek a generous batch, decide vectorised how many draws
  they used, and consume exactly that many, so the stream stays NumPy's.
* ``_peek32(n)`` / ``_skip32(k)``: the same for ``next_uint32`` (values 0..2**32-1).
* ``_cursor()``: a Python-level reader (``u64()``, ``u32()``, ``double()``)
  for the scalar algorithms, committed with ``commit()``.

``_u64_to_double`` turns 64-bit draws into ``next_double`` values: MT19937
builds a double from two 32-bit words, PCG64 from the top 53 bits, and both
consume one 64-bit unit per double, so one peeked window serves both views.
"""

import threading

import torch

from ._seedsequence import ISeedSequence, SeedSequence

__all__ = ["BitGenerator"]

_TWO_M53 = 1.0 / 9007199254740992.0


class BitGenerator:
    """Base class of the bit generators (``numpy.random.BitGenerator``)."""

    def __init__(self, seed=None):
        self.lock = threading.Lock()
        if isinstance(seed, ISeedSequence):
            self._seed_seq = seed
        elif type(seed).__name__ == "SeedSequence" and hasattr(seed, "generate_state"):
            # a NumPy SeedSequence handed over from user code: same entropy, our pool
            self._seed_seq = SeedSequence(seed.entropy, spawn_key=seed.spawn_key, pool_size=seed.pool_size)
        else:
            if seed is not None and isinstance(seed, float):
                raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (seed,))
            self._seed_seq = SeedSequence(seed)

    # -- public API --------------------------------------------------------
    @property
    def seed_seq(self):
        return self._seed_seq

    def spawn(self, n_children):
        if not hasattr(self._seed_seq, "spawn"):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]

    def random_raw(self, size=None, output=True):
        """Raw draws of the underlying generator, as uint64."""
        from .._ndarray import _wrap
        from .. import _dtypes as D
        from .. import _scalars as S
        from ._common import normalize_size, on_device
        with self.lock:
            if size is None:
                n, shape = 1, None
            else:
                shape = normalize_size(size)
                n = 1
                for s in shape:
                    n *= s
            raw = self._raw(n)
        if not output:
            return None
        if shape is None:
            v = raw.item()
            return S.make_scalar(v + (1 << 64) if v < 0 else v, D.uint64)
        return _wrap(on_device(raw.reshape(shape)), D.uint64)

    def __getstate__(self):
        return {"state": self.state, "seed_seq": self._seed_seq}

    def __setstate__(self, st):
        self.lock = threading.Lock()
        self._init_empty()
        if isinstance(st, dict) and "seed_seq" in st:
            self._seed_seq = st["seed_seq"]
            self.state = st["state"]
        else:
            self._seed_seq = SeedSequence(0)
            self.state = st

    def __reduce__(self):
        return (_rebuild_bitgen, (type(self),), self.__getstate__())

    @property
    def ctypes(self):
        raise NotImplementedError("BitGenerator.ctypes: raw C access is not supported by np2torch")

    @property
    def cffi(self):
        raise NotImplementedError("BitGenerator.cffi: raw C access is not supported by np2torch")

    # -- protocol every subclass implements --------------------------------
    def _init_empty(self):
        raise NotImplementedError

    def _raw(self, n):
        raise NotImplementedError

    def _peek64(self, n):
        raise NotImplementedError

    def _skip64(self, k):
        raise NotImplementedError

    def _peek32(self, n):
        raise NotImplementedError

    def _skip32(self, k):
        raise NotImplementedError

    def _cursor(self):
        raise NotImplementedError

    def _u64_to_double(self, u):
        raise NotImplementedError

    # -- bulk helpers shared by the distributions --------------------------
    def _take64(self, n):
        u = self._peek64(n)
        self._skip64(n)
        return u

    def _take32(self, n):
        u = self._peek32(n)
        self._skip32(n)
        return u

    def _doubles(self, n):
        return self._u64_to_double(self._take64(n))

    def _floats(self, n):
        """next_float: (next_uint32 >> 8) / 2**24, as float32."""
        return (self._take32(n) >> 8).to(torch.float32) * (1.0 / 16777216.0)


def _rebuild_bitgen(cls):
    obj = cls.__new__(cls)
    return obj
