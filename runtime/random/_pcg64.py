"""PCG64 (128-bit LCG, XSL-RR output) and PCG64DXSM, with NumPy's seeding and state format.

The state is a Python int.  A batch of n outputs is computed without a loop:
state_k = A_k * state + C_k (mod 2**128), where A_k = M**k and C_k = inc * (1 + M + ... + M**(k-1)).
A table of (A_k, G_k = C_k / inc) for k = 1..B is built once; the start states
of the n/B blocks are stepped in Python ints; one broadcast 128-bit multiply
then gives every state.  Outputs peeked ahead are kept, so peek-then-skip
costs nothing extra.
"""

import torch

from ._bitgen import BitGenerator, _TWO_M53
from ._int128 import M32, M64, lsr, lsr_t, mul128, add128, split128, to_signed

__all__ = ["PCG64", "PCG64DXSM"]

_M128 = (1 << 128) - 1
_MULT = 0x2360ED051FC65DA44385DF649FCCF645
_CHEAP_MULT = 0xDA942042E4DD58B5
_JUMP = 0x9E3779B97F4A7C15F39CC0605CEDC835
_BLOCK = 2048
_SMALL = 32


def _affine(mult, delta, inc):
    """(A, C) with step^delta(s) = A*s + C for s -> mult*s + inc (mod 2**128)."""
    acc_mult, acc_plus = 1, 0
    cur_mult, cur_plus = mult, inc
    while delta > 0:
        if delta & 1:
            acc_mult = (acc_mult * cur_mult) & _M128
            acc_plus = (acc_plus * cur_mult + cur_plus) & _M128
        cur_plus = ((cur_mult + 1) * cur_plus) & _M128
        cur_mult = (cur_mult * cur_mult) & _M128
        delta >>= 1
    return acc_mult, acc_plus


_TABLES = {}


def _table(mult):
    """(A_k, G_k) for k = 1.._BLOCK as (hi, lo) int64 tensors."""
    tab = _TABLES.get(mult)
    if tab is None:
        a, g = 1, 0
        ahs, als, ghs, gls = [], [], [], []
        for _ in range(_BLOCK):
            g = (g * mult + 1) & _M128
            a = (a * mult) & _M128
            h, lo = split128(a)
            ahs.append(h)
            als.append(lo)
            h, lo = split128(g)
            ghs.append(h)
            gls.append(lo)
        tab = tuple(torch.tensor(v, dtype=torch.int64) for v in (ahs, als, ghs, gls))
        _TABLES[mult] = tab
    return tab


def _xsl_rr(hi, lo):
    x = hi ^ lo
    rot = lsr(hi, 58)
    return lsr_t(x, rot) | (x << ((64 - rot) & 63))


def _xsl_rr_int(state):
    hi = state >> 64
    x = (hi ^ state) & M64
    rot = hi >> 58
    return ((x >> rot) | (x << ((64 - rot) & 63))) & M64


def _dxsm(hi, lo):
    lo = lo | 1
    hi = hi ^ lsr(hi, 32)
    hi = hi * _CHEAP_MULT_S
    hi = hi ^ lsr(hi, 48)
    return hi * lo


def _dxsm_int(state):
    hi = (state >> 64) & M64
    lo = (state & M64) | 1
    hi ^= hi >> 32
    hi = (hi * _CHEAP_MULT) & M64
    hi ^= hi >> 48
    return (hi * lo) & M64


_CHEAP_MULT_S = to_signed(_CHEAP_MULT)


class PCG64(BitGenerator):
    """PCG-64 bit generator (``numpy.random.PCG64``), the default of ``default_rng``."""

    _mult = _MULT
    _name = "PCG64"

    def __init__(self, seed=None):
        super().__init__(seed)
        v = self._seed_seq.generate_words(4, 64)
        self._seed_from((v[0] << 64) | v[1], (v[2] << 64) | v[3])

    def _init_empty(self):
        self._state, self._inc = 0, 1
        self._has32, self._u32 = 0, 0
        self._ahead = None

    def _seed_from(self, initstate, initseq):
        self._inc = ((initseq << 1) | 1) & _M128
        s = (self._inc + initstate) & _M128
        self._state = (s * self._mult + self._inc) & _M128
        self._has32, self._u32 = 0, 0
        self._ahead = None

    # -- outputs -----------------------------------------------------------
    def _output_int(self, state):
        return _xsl_rr_int(state)

    def _output(self, hi, lo):
        return _xsl_rr(hi, lo)

    def _output_of_state_before(self, hi, lo):
        return _xsl_rr(hi, lo)

    def _compute(self, state, n):
        """The next n outputs after ``state`` as an int64 tensor."""
        mult, inc = self._mult, self._inc
        if n <= _SMALL:
            out = []
            for _ in range(n):
                state = (state * mult + inc) & _M128
                out.append(to_signed(self._output_int(state)))
            return torch.tensor(out, dtype=torch.int64)
        ah, al, gh, gl = _table(mult)
        ih, il = split128(inc)
        ch, cl = mul128(gh, gl, ih, il)
        blocks = -(-n // _BLOCK)
        step_a, step_c = _affine(mult, _BLOCK, inc)
        starts_h, starts_l = [], []
        s = state
        for _ in range(blocks):
            h, lo = split128(s)
            starts_h.append(h)
            starts_l.append(lo)
            s = (step_a * s + step_c) & _M128
        sh = torch.tensor(starts_h, dtype=torch.int64).unsqueeze(1)
        sl = torch.tensor(starts_l, dtype=torch.int64).unsqueeze(1)
        hi, lo = mul128(sh, sl, ah, al)
        hi, lo = add128(hi, lo, ch, cl)
        return self._output(hi.reshape(-1)[:n], lo.reshape(-1)[:n])

    def _peek64(self, n):
        ahead = self._ahead
        have = 0 if ahead is None else ahead.numel()
        if have >= n:
            return ahead[:n]
        if have:
            a, c = _affine(self._mult, have, self._inc)
            more = self._compute((a * self._state + c) & _M128, max(n - have, min(have, 1 << 20)))
            ahead = torch.cat([ahead, more])
        else:
            ahead = self._compute(self._state, n)
        self._ahead = ahead
        return ahead[:n]

    def _skip64(self, k):
        if k <= 0:
            return
        a, c = _affine(self._mult, k, self._inc)
        self._state = (a * self._state + c) & _M128
        ahead = self._ahead
        if ahead is not None:
            self._ahead = ahead[k:] if ahead.numel() > k else None

    def _peek32(self, n):
        has = self._has32
        units = self._peek64(-(-(n - has) // 2)) if n > has else self._peek64(0)
        halves = torch.stack([units & M32, lsr(units, 32)], 1).reshape(-1)
        if has:
            halves = torch.cat([torch.tensor([self._u32], dtype=torch.int64), halves])
        return halves[:n]

    def _skip32(self, k):
        if k <= 0:
            return
        if self._has32:
            self._has32 = 0
            k -= 1
        if k <= 0:
            return
        units = -(-k // 2)
        # NumPy leaves the high half of the last unit in ``uinteger`` even once it is used
        last = self._peek64(units)[units - 1].item()
        self._u32 = (last >> 32) & M32
        self._has32 = k % 2
        self._skip64(units)

    def _raw(self, n):
        return self._take64(n)

    def _u64_to_double(self, u):
        return lsr(u, 11).to(torch.float64) * _TWO_M53

    @staticmethod
    def _double_of_u64(u):
        return (u >> 11) * _TWO_M53

    def _cursor(self):
        return _PCGCursor(self)

    # -- public API --------------------------------------------------------
    @property
    def state(self):
        return {"bit_generator": self._name, "state": {"state": self._state, "inc": self._inc},
                "has_uint32": self._has32, "uinteger": self._u32}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        if value.get("bit_generator") != self._name:
            raise ValueError("state must be for a %s RNG" % self._name)
        st = value["state"]
        self._state = int(st["state"]) & _M128
        self._inc = int(st["inc"]) & _M128
        self._has32 = int(value["has_uint32"])
        self._u32 = int(value["uinteger"])
        self._ahead = None

    def advance(self, delta):
        """Advance the state as if ``delta`` 64-bit draws had been made."""
        delta = int(delta) & _M128
        a, c = _affine(self._mult, delta, self._inc)
        self._state = (a * self._state + c) & _M128
        self._has32, self._u32 = 0, 0
        self._ahead = None
        return self

    def jumped(self, jumps=1):
        """A copy whose state has jumped ahead by ``jumps`` * (phi - 1) * 2**128 draws."""
        new = type(self).__new__(type(self))
        BitGenerator.__init__(new, self._seed_seq)
        new._init_empty()
        new.state = self.state
        new.advance(int(jumps) * _JUMP)
        return new


class PCG64DXSM(PCG64):
    """PCG64 with the DXSM output and the cheap 64-bit multiplier (``numpy.random.PCG64DXSM``).

    DXSM outputs the state *before* stepping, so the k-th output uses state_{k-1}.
    """

    _mult = _CHEAP_MULT
    _name = "PCG64DXSM"

    def _seed_from(self, initstate, initseq):
        # seeding steps with the full 128-bit multiplier, as NumPy does
        self._inc = ((initseq << 1) | 1) & _M128
        s = (self._inc + initstate) & _M128
        self._state = (s * _MULT + self._inc) & _M128
        self._has32, self._u32 = 0, 0
        self._ahead = None

    def _compute(self, state, n):
        mult, inc = self._mult, self._inc
        if n <= _SMALL:
            out = []
            for _ in range(n):
                out.append(to_signed(_dxsm_int(state)))
                state = (state * mult + inc) & _M128
            return torch.tensor(out, dtype=torch.int64)
        # output k uses the state after k-1 steps: compute states 1..n from the one before
        prev = (state - inc) * pow(mult, -1, 1 << 128) & _M128
        return PCG64._compute(self, prev, n)

    def _output(self, hi, lo):
        return _dxsm(hi, lo)

    def _output_int(self, state):
        return _dxsm_int(state)


class _PCGCursor:
    """Scalar reader over PCG64's 64-bit outputs, with NumPy's half-word cache for next_uint32."""

    __slots__ = ("_bg", "_u", "_i", "_has32", "_u32")

    def __init__(self, bg):
        self._bg = bg
        self._u = []
        self._i = 0
        self._has32 = bg._has32
        self._u32 = bg._u32

    def u64(self):
        if self._i >= len(self._u):
            n = len(self._u)
            self._u.extend(v & M64 for v in self._bg._peek64(n + max(256, n))[n:].tolist())
        v = self._u[self._i]
        self._i += 1
        return v

    def double(self):
        return (self.u64() >> 11) * _TWO_M53

    def u32(self):
        if self._has32:
            self._has32 = 0
            return self._u32
        v = self.u64()
        self._has32 = 1
        self._u32 = v >> 32
        return v & M32

    def commit(self):
        self._bg._skip64(self._i)
        self._bg._has32 = self._has32
        self._bg._u32 = self._u32
        self._u = []
        self._i = 0
