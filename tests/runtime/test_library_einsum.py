"""einsum / einsum_path against NumPy: subscripts forms, dtypes, errors, paths."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import np2torch.runtime as rt
from helpers import same, to_rt

CASES = [
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("ij,jk", [(2, 3), (3, 4)]),
    ("ii", [(3, 3)]),
    ("ii->i", [(3, 3)]),
    ("iij->ij", [(3, 3, 2)]),
    ("ijk->kji", [(2, 3, 4)]),
    ("...ij,...jk->...ik", [(5, 2, 3), (3, 4)]),
    ("i...,i...", [(3, 2, 2), (3, 2, 2)]),
    ("i,j", [(3,), (4,)]),
    (",i->i", [(), (3,)]),
    ("ij,ij->j", [(1, 2), (4, 2)]),
    ("bbcdc->d", [(1, 1, 3, 1, 3)]),
    ("ea,fb,abcd,gc,hd->efgh", [(2, 3), (2, 2), (3, 2, 2, 2), (2, 2), (2, 2)]),
    ("a,ab,abc->abc", [(2,), (2, 3), (2, 3, 2)]),
]


@pytest.mark.parametrize("subscripts,shapes", CASES)
@pytest.mark.parametrize("dtype", ["int8", "uint16", "int64", "float32", "float64", "complex64", "bool"])
@pytest.mark.parametrize("optimize", [False, True, "optimal"])
def test_einsum_matches_numpy(subscripts, shapes, dtype, optimize):
    rng = np.random.default_rng(0)
    ops = [(rng.standard_normal(s) * 4).astype(dtype) for s in shapes]
    same(lambda xp, *a: xp.einsum(subscripts, *a, optimize=optimize), *ops)


def test_sublist_form_and_ellipsis():
    a = np.arange(24.0).reshape(2, 3, 4)
    b = np.arange(12.0).reshape(4, 3)
    same(lambda xp, a, b: xp.einsum(a, [0, 1, 2], b, [2, 1], [0]), a, b)
    same(lambda xp, a: xp.einsum(a, [Ellipsis, 0], [Ellipsis]), a)


@pytest.mark.parametrize("kwargs", [dict(dtype="float64"), dict(dtype="float32", casting="same_kind"),
                                    dict(dtype="int8"), dict(dtype="?", casting="unsafe")])
def test_dtype_and_casting(kwargs):
    a = np.arange(6).reshape(2, 3).astype("int16")
    same(lambda xp, a: xp.einsum("ij->j", a, **kwargs), a)


def test_out_argument():
    a = np.arange(6.0).reshape(2, 3)
    out = rt.zeros(3)
    r = rt.einsum("ij->j", to_rt(a), out=out)
    assert r is out
    np.testing.assert_array_equal(np.asarray(out), a.sum(0))
    with pytest.raises(TypeError):
        rt.einsum("ij->j", to_rt(a), out=rt.zeros(3, dtype="int64"))


@pytest.mark.parametrize("args", [
    ("i", [[0, 0]]), ("ij", [0, 0]), ("i..", [0, 0]), ("i%...", [0, 0]), ("i->ij", [0, 0]),
    ("ij->jij", [[0, 0], [0, 0]]), ("ii", np.arange(6).reshape(2, 3)), ("", 0, 0), ("i,i", [1, 2], [1, 2, 3]),
])
def test_errors_match_numpy(args):
    same(lambda xp, *a: xp.einsum(*a), *args)


def test_single_operand_result_is_a_view():
    a = rt.arange(9).reshape(3, 3)
    d = rt.einsum("ii->i", a)
    d[0] = 100
    assert int(a[0, 0]) == 100


@pytest.mark.parametrize("subscripts", ["acdf,jbje,gihb,hfac,gfac,gifabc,hfac",
                                        "chd,bde,agbc,hiad,bdi,cgh,agdb", "eb,cb,fb->cef",
                                        "dd,fb,be,cdb->cef", "dcc,fce,ea,dbf->ab"])
@pytest.mark.parametrize("optimize", ["greedy", "optimal", ("greedy", 0)])
def test_einsum_path_matches_numpy(subscripts, optimize):
    sizes = dict(zip("abcdefghij", [2, 3, 4, 5, 4, 3, 2, 6, 5, 4]))
    rng = np.random.default_rng(1)
    ops = [rng.random([sizes[c] for c in term]) for term in subscripts.split("->")[0].split(",")]
    expected = np.einsum_path(subscripts, *ops, optimize=optimize)[0]
    got, report = rt.einsum_path(subscripts, *to_rt(ops), optimize=optimize)
    assert got == expected
    assert "Complete contraction" in report
    np.testing.assert_allclose(np.asarray(rt.einsum(subscripts, *to_rt(ops), optimize=optimize)),
                               np.einsum(subscripts, *ops), rtol=1e-10)


def test_invalid_explicit_path():
    ops = [rt.ones((2, 2))] * 4
    with pytest.raises(RuntimeError):
        rt.einsum("ab,bc,cd,de->ae", *ops, optimize=["einsum_path", (2, 3), (0, 1)])


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 4), m=st.integers(1, 4), k=st.integers(1, 4),
       dtype=st.sampled_from(["int32", "uint8", "float64", "complex128"]))
def test_matmul_like_hypothesis(n, m, k, dtype):
    rng = np.random.default_rng(n * 100 + m * 10 + k)
    a = (rng.standard_normal((n, k)) * 3).astype(dtype)
    b = (rng.standard_normal((k, m)) * 3).astype(dtype)
    same(lambda xp, a, b: xp.einsum("ik,km->mi", a, b), a, b)
