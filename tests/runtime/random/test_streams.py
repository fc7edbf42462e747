"""Differential tests: the runtime's random streams against NumPy's, bit for bit."""

import math

import numpy as np
import pytest
import torch

import np2torch.runtime.random as R

SEEDS = [0, 1, 12345, [1, 2, 3]]


def _np(x):
    if isinstance(x, (int, float, bytes)):
        return x
    return np.asarray(x)


def assert_same(mine, ref):
    np.testing.assert_array_equal(_np(mine), ref)
    if isinstance(ref, np.ndarray):
        assert _np(mine).dtype == ref.dtype


# -- seeding and bit generators ---------------------------------------------------------
@pytest.mark.parametrize("entropy", [0, 1, 2**70 + 5, [1, 2, 3], [2**40, 7], list(range(10))])
def test_seedsequence(entropy):
    a, b = R.SeedSequence(entropy), np.random.SeedSequence(entropy)
    assert a.generate_state(8).tolist() == b.generate_state(8).tolist()
    assert a.generate_state(5, "uint64").tolist() == b.generate_state(5, np.uint64).tolist()
    c, d = a.spawn(3)[2], b.spawn(3)[2]
    assert c.generate_state(6).tolist() == d.generate_state(6).tolist()


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["MT19937", "PCG64", "PCG64DXSM"])
def test_random_raw_and_state(name, seed):
    a, b = getattr(R, name)(seed), getattr(np.random, name)(seed)
    for n in (1, 5, 40, 3000):
        assert np.asarray(a.random_raw(n)).tolist() == b.random_raw(n).tolist()
    sa, sb = a.state, b.state
    if name == "MT19937":
        assert sa["state"]["pos"] == sb["state"]["pos"]
        assert np.asarray(sa["state"]["key"]).tolist() == sb["state"]["key"].tolist()
    else:
        assert sa == sb
        assert a.jumped(2).state == b.jumped(2).state


def test_state_roundtrip_pcg64():
    a = R.PCG64(5)
    st = np.random.PCG64(9).state
    a.state = st
    assert np.asarray(a.random_raw(10)).tolist() == np.random.PCG64(9).random_raw(10).tolist()


# -- legacy API -------------------------------------------------------------------------
LEGACY = [
    ("random_sample", (7,)), ("random_sample", ()), ("rand", (3, 2)), ("randn", (4,)),
    ("standard_normal", (1001,)), ("standard_normal", ()), ("randint", (0, 10, 20)),
    ("randint", (-5, 2**40, 20)), ("randint", (0, 100, 20, "int8")), ("randint", (-3, 1000, 20, "int16")),
    ("randint", (0, 2, 20, "bool")), ("randint", (0, 2**32, 5, "uint32")), ("randint", (0, 2**64, 5, "uint64")),
    ("randint", (0, 7, 33, "int32")), ("uniform", (2, 5, 10)), ("normal", (1, 2, 11)),
    ("standard_exponential", (10,)), ("exponential", (3, 10)), ("standard_gamma", (0.5, 50)),
    ("standard_gamma", (3.5, 50)), ("gamma", (2, 3, 20)), ("beta", (0.5, 0.6, 20)), ("beta", (2, 3, 20)),
    ("chisquare", (3, 10)), ("noncentral_chisquare", (3, 2, 10)), ("noncentral_chisquare", (0.5, 2, 10)),
    ("f", (3, 4, 10)), ("noncentral_f", (3, 4, 2, 10)), ("standard_t", (5, 10)), ("standard_cauchy", (10,)),
    ("vonmises", (1, 2, 20)), ("pareto", (3, 10)), ("weibull", (2, 10)), ("power", (2, 10)),
    ("laplace", (0, 2, 10)), ("gumbel", (0, 2, 10)), ("logistic", (0, 2, 10)), ("lognormal", (0, 1, 10)),
    ("rayleigh", (2, 10)), ("wald", (1, 2, 10)), ("triangular", (0, 1, 3, 10)), ("binomial", (10, 0.3, 20)),
    ("binomial", (1000, 0.4, 20)), ("binomial", (1000, 0.7, 20)), ("negative_binomial", (5, 0.3, 20)),
    ("poisson", (3, 20)), ("poisson", (50, 20)), ("geometric", (0.5, 20)), ("geometric", (0.1, 20)),
    ("zipf", (2, 20)), ("logseries", (0.7, 20)), ("hypergeometric", (10, 5, 7, 20)),
    ("hypergeometric", (100, 50, 30, 20)), ("permutation", (10,)), ("choice", (10, 5)),
    ("choice", (10, 5, False)), ("choice", (5, 8, True, [0.1, 0.2, 0.3, 0.2, 0.2])),
    ("choice", (5, 3, False, [0.1, 0.2, 0.3, 0.2, 0.2])), ("multinomial", (20, [0.2, 0.3, 0.5], 4)),
    ("dirichlet", ([1, 2, 3], 4)), ("bytes", (13,)),
]


def _legacy_state_equal(a, b):
    s1, s2 = a.get_state(), b.get_state()
    assert s1[2] == s2[2] and np.asarray(s1[1]).tolist() == s2[1].tolist()
    assert (s1[3], s1[4]) == (s2[3], s2[4])


@pytest.mark.parametrize("seed", SEEDS)
def test_legacy_sequence(seed):
    """One RandomState runs every sampler in turn: values and the state after each agree."""
    a, b = R.RandomState(seed), np.random.RandomState(seed)
    for name, args in LEGACY:
        assert_same(getattr(a, name)(*args), getattr(b, name)(*args))
        _legacy_state_equal(a, b)


def test_legacy_broadcast_params():
    a, b = R.RandomState(3), np.random.RandomState(3)
    assert_same(a.normal([0.0, 1.0, 2.0], [[1.0], [2.0]]), b.normal([0.0, 1.0, 2.0], [[1.0], [2.0]]))
    assert_same(a.randint([0, 5, 10], [3, 100, 2**33]), b.randint([0, 5, 10], [3, 100, 2**33]))
    assert_same(a.randint([0, 5], 9, dtype="uint8"), b.randint([0, 5], 9, dtype=np.uint8))
    assert_same(a.poisson([1.0, 20.0], size=(3, 2)), b.poisson([1.0, 20.0], size=(3, 2)))


def test_module_functions_and_shuffle():
    R.seed(42)
    np.random.seed(42)
    assert_same(R.rand(5), np.random.rand(5))
    x, y = list(range(20)), list(range(20))
    R.shuffle(x)
    np.random.shuffle(y)
    assert x == y
    st = R.get_state()
    v = R.randn(3)
    R.set_state(st)
    assert_same(R.randn(3), np.asarray(v))


def test_legacy_seed_errors():
    with pytest.raises(ValueError):
        R.RandomState(-1)
    with pytest.raises(ValueError):
        R.RandomState(2**32)
    with pytest.raises(TypeError):
        R.RandomState(1.5)


# -- Generator API --------------------------------------------------------------------
GENERATOR = [
    ("random", (7,)), ("random", ()), ("random", (5, "float32")), ("integers", (0, 10, 20)),
    ("integers", (-5, 2**40, 20)), ("integers", (0, 10, 20, "int8")), ("integers", (0, 1000, 20, "int16")),
    ("integers", (0, 2, 20, "bool")), ("integers", (0, 100, 20, "uint32")), ("integers", (0, 2**64, 5, "uint64")),
    ("integers", (0, 10, 5, "int64", True)), ("uniform", (2, 5, 10)), ("bytes", (10,)), ("permutation", (10,)),
    ("choice", (10, 5)), ("choice", (10, 5, False)), ("choice", (20000, 5000, False)),
    ("choice", (5, 8, True, [0.1, 0.2, 0.3, 0.2, 0.2])), ("choice", (5, 3, False, [0.1, 0.2, 0.3, 0.2, 0.2])),
    ("binomial", (10, 0.3, 20)), ("poisson", (3, 20)), ("poisson", (50, 20)), ("geometric", (0.5, 20)),
    ("logseries", (0.7, 20)), ("zipf", (2, 20)), ("triangular", (0, 1, 3, 10)), ("laplace", (0, 2, 10)),
    ("gumbel", (0, 2, 10)), ("logistic", (0, 2, 10)), ("vonmises", (1, 2, 20)),
    ("multinomial", (20, [0.2, 0.3, 0.5], 4)), ("standard_exponential", (10, "float64", "inv")),
]


@pytest.mark.parametrize("seed", SEEDS[:3])
@pytest.mark.parametrize("bg", ["PCG64", "MT19937"])
def test_generator_sequence(bg, seed):
    a = R.Generator(getattr(R, bg)(seed))
    b = np.random.Generator(getattr(np.random, bg)(seed))
    for name, args in GENERATOR:
        assert_same(getattr(a, name)(*args), getattr(b, name)(*args))
    assert np.asarray(a.bit_generator.random_raw(4)).tolist() == b.bit_generator.random_raw(4).tolist()


def test_default_rng_and_spawn():
    a, b = R.default_rng(7), np.random.default_rng(7)
    assert_same(a.random(4), b.random(4))
    (c,), (d,) = a.spawn(1), b.spawn(1)
    assert_same(c.integers(0, 100, 5), d.integers(0, 100, 5))


def test_shuffle_and_permuted():
    a, b = R.default_rng(3), np.random.default_rng(3)
    x = R.RandomState(0).random_sample((6, 3))
    xn = np.asarray(x).copy()
    a.shuffle(x)
    b.shuffle(xn)
    assert_same(x, xn)
    assert_same(a.permuted(R.RandomState(1).random_sample((3, 4)), axis=1),
                b.permuted(np.random.RandomState(1).random_sample((3, 4)), axis=1))


# -- samplers whose tables differ from NumPy's: statistical checks ------------------------------------
def _ks(sample, cdf):
    xs = np.sort(np.asarray(sample))
    n = len(xs)
    c = np.array([cdf(v) for v in xs])
    return max(np.max(np.arange(1, n + 1) / n - c), np.max(c - np.arange(n) / n))


def test_ziggurat_normal_distribution():
    x = R.default_rng(11).standard_normal(20000)
    assert _ks(x, lambda v: 0.5 * math.erfc(-v / math.sqrt(2))) < 1.63 / math.sqrt(20000)


def test_ziggurat_exponential_distribution():
    x = R.default_rng(12).standard_exponential(20000)
    assert _ks(x, lambda v: 1 - math.exp(-v)) < 1.63 / math.sqrt(20000)


@pytest.mark.parametrize("method", ["standard_normal", "standard_exponential"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_ziggurat_close_to_numpy(method, dtype):
    # the tables reproduce NumPy's for most layers (see _ziggurat.py): most draws are
    # bit-exact, the rest differ in the last bits, and the stream never drifts
    a = np.asarray(getattr(R.default_rng(0), method)(20000, dtype=dtype))
    b = getattr(np.random.default_rng(0), method)(20000, dtype=dtype)
    assert a.dtype == b.dtype
    np.testing.assert_allclose(a, b, rtol=2e-14 if dtype == "float64" else 2.5e-7, atol=0)
    assert np.mean(a == b) > (0.8 if dtype == "float64" else 0.99)


# -- legacy corners -----------------------------------------------------------------------
def test_tomaxint_and_random_integers_at_int64_max():
    a, b = R.RandomState(1234567890), np.random.RandomState(1234567890)
    assert_same(a.tomaxint((3, 2)), b.tomaxint((3, 2)))
    assert a.tomaxint() == b.tomaxint()
    top = 2**63 - 1
    with pytest.warns(DeprecationWarning):
        assert R.random_integers(top, top) == top
    with pytest.warns(DeprecationWarning):
        assert R.random_integers(np.int64(top), np.int64(top)) == top


def test_randomstate_pickle_and_old_style_ctor():
    import pickle
    rs = R.RandomState(R.MT19937(0))
    rs.standard_normal(1)
    ctor, args, state = rs.__reduce__()
    assert type(args[0]).__name__ == "MT19937"
    old = ctor("MT19937")
    old.set_state(state)
    assert old.get_state(legacy=False)["gauss"] == state["gauss"]
    assert_same(pickle.loads(pickle.dumps(rs)).standard_normal(4), rs.standard_normal(4))
    pcg = R.RandomState(R.PCG64(3))
    assert str(pcg) == "RandomState(PCG64)"
    assert_same(pickle.loads(pickle.dumps(pcg)).random(3), pcg.random(3))
    with pytest.raises(ValueError):
        R.RandomState(R.MT19937)
    with pytest.warns(RuntimeWarning, match="legacy"):
        assert pcg.get_state()["bit_generator"] == "PCG64"


def test_module_seed_with_other_bit_generator():
    saved = R.get_bit_generator()
    try:
        bg = R.PCG64(0)
        R.set_bit_generator(bg)
        R.seed(1)
        assert bg.state == np.random.PCG64(1).state
    finally:
        R.set_bit_generator(saved)


def test_shuffle_warnings_and_read_only():
    with pytest.warns(UserWarning, match="shuffling a 'dict'") as rec:
        R.shuffle({0: 0, 1: 1, 2: 2})
    assert rec[0].filename == __file__
    with pytest.warns(UserWarning, match="shuffling a 'dict'") as rec:
        R.default_rng().shuffle({0: 0, 1: 1})
    assert rec[0].filename == __file__
    import np2torch.runtime as rt
    a = rt.zeros(3)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        R.shuffle(a)


def test_parameter_conversion_errors_reach_the_caller():
    import np2torch.runtime as rt
    # NumPy converts a 0-d parameter with the object's own __index__: a float array is refused
    with pytest.raises(TypeError):
        np.random.binomial(np.array(10.0), 0.5)
    with pytest.raises(TypeError):
        R.binomial(rt.array(10.0), 0.5)
    with pytest.raises(ValueError, match="NaN"):
        R.choice(3, p=[None, None, None])
    x = np.array([0.99, 0.99] + [1e-9] * 8, dtype=np.float32)
    with pytest.raises(ValueError, match="cast to 64-bit"):
        R.multinomial(1, rt.asarray(x / x.sum()))


def test_vonmises_tiny_kappa_matches_numpy():
    for kappa in (1.1e-8, 1e-6):
        a, b = R.RandomState(3), np.random.RandomState(3)
        assert_same(a.vonmises(0.5, kappa, 2000), b.vonmises(0.5, kappa, 2000))


def test_fast_mode():
    g = R.Generator(R.PCG64(1), fast=True)
    x = g.standard_normal(50000)
    assert abs(float(np.asarray(x).mean())) < 0.03
    assert 0.97 < float(np.asarray(x).std()) < 1.03
    u = np.asarray(g.random(10000))
    assert u.min() >= 0 and u.max() < 1


def test_result_on_default_device():
    from np2torch.runtime._config import default_device
    with default_device("cpu"):
        assert R.default_rng(0).random(3).device.type == "cpu"
