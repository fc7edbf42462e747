"""SeedSequence: NumPy's entropy pool (O'Neill's seed_seq with NumPy's hash constants).

All arithmetic is on 32-bit words held in Python ints; seeding is short and
runs once, so clarity beats vectorisation here.
"""

import secrets

__all__ = ["SeedSequence", "ISeedSequence", "ISpawnableSeedSequence", "SeedlessSeedSequence"]

_M32 = 0xFFFFFFFF
_INIT_A = 0x43B0D7E5
_MULT_A = 0x931E8875
_INIT_B = 0x8B51F9DD
_MULT_B = 0x58F38DED
_MIX_MULT_L = 0xCA01F9DD
_MIX_MULT_R = 0x4973F715
_XSHIFT = 16
DEFAULT_POOL_SIZE = 4


class ISeedSequence:
    """Abstract base: anything with ``generate_state(n_words, dtype)``."""

    def generate_state(self, n_words, dtype="uint32"):
        raise NotImplementedError


class ISpawnableSeedSequence(ISeedSequence):
    def spawn(self, n_children):
        raise NotImplementedError


class SeedlessSeedSequence(ISpawnableSeedSequence):
    def generate_state(self, n_words, dtype="uint32"):
        raise NotImplementedError("seedless SeedSequences cannot generate state")

    def spawn(self, n_children):
        return [self] * n_children


def _int_words(n):
    if n < 0:
        raise ValueError("expected non-negative integer")
    words = [n & _M32]
    n >>= 32
    while n:
        words.append(n & _M32)
        n >>= 32
    return words


def _as_int(x):
    """A Python int for an integer-like value, None for sequences, TypeError for floats."""
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    dt = getattr(x, "dtype", None)
    if dt is not None and getattr(x, "ndim", None) == 0:
        kind = getattr(dt, "kind", "")
        if kind in "iub":
            return int(x)
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    if hasattr(x, "__index__") and not hasattr(x, "__len__"):
        return x.__index__()
    return None


def _coerce_words(x):
    """NumPy's coercion of entropy / spawn keys to a list of uint32 words."""
    if x is None:
        return []
    if isinstance(x, str):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    v = _as_int(x)
    if v is not None:
        return _int_words(v)
    dt = getattr(x, "dtype", None)
    if dt is not None:
        kind = getattr(dt, "kind", "")
        if kind not in "iub":
            raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
        if getattr(dt, "name", "") == "uint32":
            return [int(w) for w in x.tolist()] if getattr(x, "ndim", 1) == 1 else \
                [w for row in x for w in _coerce_words(row)]
        x = x.tolist()
    try:
        items = list(x)
    except TypeError:
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,)) from None
    out = []
    for item in items:
        out.extend(_coerce_words(item))
    return out


def _hashmix(value, hash_const):
    value = (value ^ hash_const[0]) & _M32
    hash_const[0] = (hash_const[0] * _MULT_A) & _M32
    value = (value * hash_const[0]) & _M32
    return value ^ (value >> _XSHIFT)


def _mix(x, y):
    result = (_MIX_MULT_L * x - _MIX_MULT_R * y) & _M32
    return result ^ (result >> _XSHIFT)


def _mix_entropy(pool_size, entropy):
    hash_const = [_INIT_A]
    mixer = [_hashmix(entropy[i] if i < len(entropy) else 0, hash_const) for i in range(pool_size)]
    for i_src in range(pool_size):
        for i_dst in range(pool_size):
            if i_src != i_dst:
                mixer[i_dst] = _mix(mixer[i_dst], _hashmix(mixer[i_src], hash_const))
    for i_src in range(pool_size, len(entropy)):
        for i_dst in range(pool_size):
            mixer[i_dst] = _mix(mixer[i_dst], _hashmix(entropy[i_src], hash_const))
    return mixer


def _dtype_name(dtype):
    name = getattr(dtype, "name", None)
    if name is None:
        name = getattr(dtype, "__name__", None) or str(dtype)
    aliases = {"u4": "uint32", "<u4": "uint32", "I": "uint32", "uint32": "uint32",
               "u8": "uint64", "<u8": "uint64", "Q": "uint64", "L": "uint64", "uint64": "uint64"}
    return aliases.get(name, name)


class SeedSequence(ISpawnableSeedSequence):
    """Mixes entropy into a pool and hands out well-spread seed words (``numpy.random.SeedSequence``)."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=DEFAULT_POOL_SIZE, n_children_spawned=0):
        if pool_size < DEFAULT_POOL_SIZE:
            raise ValueError("The size of the entropy pool should be at least %d" % DEFAULT_POOL_SIZE)
        if entropy is None:
            entropy = secrets.randbits(pool_size * 32)
        elif not isinstance(entropy, (int, bool)) and _as_int(entropy) is None:
            if isinstance(entropy, (str, float)):
                raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (entropy,))
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        self._pool = _mix_entropy(pool_size, self._assembled_entropy())

    def _assembled_entropy(self):
        run = _coerce_words(self.entropy)
        spawn = _coerce_words(self.spawn_key)
        if spawn and len(run) < self.pool_size:
            run = run + [0] * (self.pool_size - len(run))
        return run + spawn

    @property
    def state(self):
        return {"entropy": self.entropy, "spawn_key": self.spawn_key, "pool_size": self.pool_size,
                "n_children_spawned": self.n_children_spawned}

    @property
    def pool(self):
        from .._ndarray import _wrap
        from .. import _dtypes as D
        import torch
        return _wrap(torch.tensor(self._pool, dtype=torch.int64), D.uint32)

    def __repr__(self):
        lines = ["SeedSequence(", "    entropy=%r," % (self.entropy,)]
        if self.spawn_key:
            lines.append("    spawn_key=%r," % (self.spawn_key,))
        if self.pool_size != DEFAULT_POOL_SIZE:
            lines.append("    pool_size=%r," % (self.pool_size,))
        if self.n_children_spawned:
            lines.append("    n_children_spawned=%r," % (self.n_children_spawned,))
        lines.append(")")
        return "\n".join(lines)

    def generate_words(self, n_words, bits=32):
        """The state as a list of Python ints of ``bits`` (32 or 64) bits each."""
        n32 = n_words * (bits // 32)
        hash_const = _INIT_B
        pool = self._pool
        words = []
        for i in range(n32):
            value = pool[i % len(pool)] ^ hash_const
            hash_const = (hash_const * _MULT_B) & _M32
            value = (value * hash_const) & _M32
            words.append(value ^ (value >> _XSHIFT))
        if bits == 64:
            return [words[2 * i] | (words[2 * i + 1] << 32) for i in range(n_words)]
        return words

    def generate_state(self, n_words, dtype="uint32"):
        import torch
        from .._ndarray import _wrap
        from .. import _dtypes as D
        name = _dtype_name(dtype)
        if name not in ("uint32", "uint64"):
            raise ValueError("only support uint32 or uint64")
        n_words = int(n_words)
        if name == "uint32":
            return _wrap(torch.tensor(self.generate_words(n_words), dtype=torch.int64), D.uint32)
        vals = [w - (1 << 64) if w >> 63 else w for w in self.generate_words(n_words, 64)]
        return _wrap(torch.tensor(vals, dtype=torch.int64), D.uint64)

    def spawn(self, n_children):
        start = self.n_children_spawned
        children = [SeedSequence(self.entropy, spawn_key=self.spawn_key + (i,), pool_size=self.pool_size)
                    for i in range(start, start + n_children)]
        self.n_children_spawned += n_children
        return children
