"""MT19937: the Mersenne Twister with NumPy's seeding and state format.

The generator's words form one sequence x[k + 624] = x[k + 397] ^ twist(x[k], x[k + 1]),
so a whole new 624-word block is computed in chunks of 227 words, each chunk
needing only words at least 227 positions back.  ``_buf`` holds the current
block (NumPy's ``key``) followed by any blocks generated ahead; ``_pos`` indexes
the next untempered word.  NumPy's ``pos`` is ``_pos`` relative to the block that
holds the last consumed word.
"""

import torch

from ._bitgen import BitGenerator, _TWO_M53
from ._int128 import M32, lsr

__all__ = ["MT19937"]

_N = 624
_M = 397
_LAG = _N - _M  # 227
_MATRIX_A = 0x9908B0DF
_UPPER = 0x80000000
_LOWER = 0x7FFFFFFF


def _init_genrand(s):
    mt = [0] * _N
    mt[0] = s & M32
    for i in range(1, _N):
        prev = mt[i - 1]
        mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & M32
    return mt


def _init_by_array(key):
    mt = _init_genrand(19650218)
    i, j = 1, 0
    n = len(key)
    for _ in range(max(_N, n)):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & M32
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= n:
            j = 0
    for _ in range(_N - 1):
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & M32
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
    mt[0] = 0x80000000
    return mt


def _temper(y):
    y = y ^ (y >> 11)
    y = y ^ ((y << 7) & 0x9D2C5680)
    y = y ^ ((y << 15) & 0xEFC60000)
    return y ^ (y >> 18)


def _temper_int(y):
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    return y ^ (y >> 18)


class MT19937(BitGenerator):
    """Mersenne Twister bit generator (``numpy.random.MT19937``)."""

    def __init__(self, seed=None):
        super().__init__(seed)
        words = self._seed_seq.generate_words(_N)
        words[0] = 0x80000000
        self._set_key(words, _N - 1)

    def _init_empty(self):
        self._set_key([0] * _N, _N)

    def _set_key(self, words, pos):
        self._buf = torch.tensor(words, dtype=torch.int64)
        self._pos = pos

    def _legacy_seeding(self, seed):
        """RandomState.seed: init_genrand for an int, init_by_array for arrays."""
        if seed is None:
            from ._seedsequence import SeedSequence
            words = SeedSequence().generate_words(_N)
            words[0] = 0x80000000
            self._set_key(words, _N)
            return
        if hasattr(seed, "squeeze") and getattr(seed, "ndim", 0) == 0:
            seed = seed.squeeze()
        try:
            if isinstance(seed, float) or (hasattr(seed, "dtype") and getattr(seed.dtype, "kind", "") == "f"):
                raise TypeError
            idx = seed.__index__() if not isinstance(seed, int) else seed
            if idx > M32 or idx < 0:
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            self._set_key(_init_genrand(idx), _N)
            return
        except (TypeError, AttributeError):
            pass
        from ._common import seed_words
        words = seed_words(seed)
        self._set_key(_init_by_array(words), _N)

    # -- stream ------------------------------------------------------------
    def _extend(self, need):
        """Make sure at least ``need`` words exist from ``_pos``."""
        have = self._buf.numel() - self._pos
        if have >= need:
            return
        blocks = -(-(need - have) // _N)
        old = self._buf
        length = old.numel()
        buf = torch.empty(length + blocks * _N, dtype=torch.int64)
        buf[:length] = old
        end = length + blocks * _N
        for s in range(length, end, _LAG):
            e = min(s + _LAG, end)
            a = buf[s - _N:e - _N]
            b = buf[s - _N + 1:e - _N + 1]
            y = (a & _UPPER) | (b & _LOWER)
            torch.bitwise_xor(buf[s - _LAG:e - _LAG], (y >> 1) ^ ((b & 1) * _MATRIX_A), out=buf[s:e])
        self._buf = buf

    def _peek32(self, n):
        self._extend(n)
        return _temper(self._buf[self._pos:self._pos + n])

    def _peek32_at(self, offset, n):
        self._extend(offset + n)
        start = self._pos + offset
        return _temper(self._buf[start:start + n])

    def _skip32(self, k):
        self._extend(k)
        self._pos += k
        block = (self._pos - 1) // _N
        if block > 0:
            self._buf = self._buf[block * _N:]
            self._pos -= block * _N

    def _peek64(self, n):
        w = self._peek32(2 * n)
        return (w[0::2] << 32) | w[1::2]

    def _skip64(self, k):
        self._skip32(2 * k)

    def _raw(self, n):
        return self._take32(n)

    def _u64_to_double(self, u):
        a = lsr(u, 37)
        b = (u & M32) >> 6
        return ((a << 26) | b).to(torch.float64) * _TWO_M53

    @staticmethod
    def _double_of_u64(u):
        return ((u >> 37) * 67108864.0 + ((u & 0xFFFFFFFF) >> 6)) * _TWO_M53

    def _doubles(self, n):
        w = self._take32(2 * n)
        return (((w[0::2] >> 5) << 26) | (w[1::2] >> 6)).to(torch.float64) * _TWO_M53

    def _cursor(self):
        return _MTCursor(self)

    # -- state -------------------------------------------------------------
    @property
    def state(self):
        from .._ndarray import _wrap
        from .. import _dtypes as D
        self._extend(0)
        key = self._buf[:_N].clone()
        return {"bit_generator": "MT19937", "state": {"key": _wrap(key, D.uint32), "pos": int(self._pos)}}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != "MT19937":
            raise ValueError("state must be for a MT19937 PRNG")
        st = value["state"]
        key = _key_list(st["key"])
        self._set_key(key, int(st["pos"]))

    def jumped(self, jumps=1):
        raise NotImplementedError("MT19937.jumped: the 2**128-step polynomial jump is not supported by np2torch")


def _key_list(key):
    if hasattr(key, "tolist"):
        key = key.tolist()
    key = [int(k) & M32 for k in key]
    if len(key) != _N:
        raise ValueError("key must have 624 elements")
    return key


class _MTCursor:
    """Scalar reader over MT19937's words, fetched in chunks."""

    __slots__ = ("_bg", "_w", "_i")

    def __init__(self, bg):
        self._bg = bg
        self._w = []
        self._i = 0

    def _more(self, k):
        n = len(self._w)
        self._w.extend(self._bg._peek32_at(n, max(k, 1024, n)).tolist())

    def u32(self):
        if self._i >= len(self._w):
            self._more(1)
        v = self._w[self._i]
        self._i += 1
        return v

    def u64(self):
        if self._i + 2 > len(self._w):
            self._more(2)
        i = self._i
        self._i = i + 2
        return (self._w[i] << 32) | self._w[i + 1]

    def double(self):
        if self._i + 2 > len(self._w):
            self._more(2)
        i = self._i
        self._i = i + 2
        return ((self._w[i] >> 5) * 67108864.0 + (self._w[i + 1] >> 6)) * _TWO_M53

    def commit(self):
        self._bg._skip32(self._i)
        self._w = []
        self._i = 0
