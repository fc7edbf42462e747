"""Object arrays (dtype=object) against NumPy: creation, element types, casts,
views that share memory, handle pools kept apart when arrays are combined,
ufunc loops, reductions, products, printing and the errors NumPy raises."""

import copy
import fractions
import math
import pickle

import numpy as np
import pytest

import np2torch.runtime as rt
from helpers import same


def O(xp, *values):
    """A 1-d object array holding exactly ``values`` (no discovery of lists)."""
    a = xp.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        a[i] = v
    return a


# -- creation -------------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda xp: xp.array([1, "a", None], dtype=object),
    lambda xp: xp.array(None, dtype=object),
    lambda xp: xp.array(5, dtype=object),
    lambda xp: xp.array([[1, 2], [3]], dtype=object),
    lambda xp: xp.array([[1, 2], 3], dtype=object),
    lambda xp: xp.array([[1, 2], [3, 4]], dtype=object),
    lambda xp: xp.array([(1, 2), (3, 4)], dtype=object),
    lambda xp: xp.array([[], []], dtype=object),
    lambda xp: xp.array([], dtype=object),
    lambda xp: xp.array(range(3), dtype=object),
    lambda xp: xp.array([xp.array(1.5)], dtype=object),
    lambda xp: xp.array([xp.arange(2.0), xp.arange(3.0)], dtype=object),
    lambda xp: xp.array([xp.arange(2.0), 2], dtype=object),
    lambda xp: xp.array([xp.arange(2.0), xp.arange(2.0)], dtype=object),
    lambda xp: xp.array([xp.float32(1.5), 2], dtype=object),
    lambda xp: xp.array([1, None]),
    lambda xp: xp.array([2 ** 70, 1]),
    lambda xp: xp.array(2 ** 100),
    lambda xp: xp.array({1: 2}),
    lambda xp: xp.array([fractions.Fraction(1, 3), 2]),
    lambda xp: xp.asarray([None, "x"]),
    lambda xp: xp.array(xp.array([1.5, 2.0]), dtype=object),
], ids=lambda f: "")
def test_creation_from_python_objects(make):
    same(make)


def test_ragged_lists_need_dtype_object():
    same(lambda xp: xp.array([[1, 2], [3]]))
    same(lambda xp: xp.array([xp.arange(2), None]))


@pytest.mark.parametrize("make", [
    lambda xp: xp.zeros(3, dtype=object), lambda xp: xp.ones((2, 2), dtype=object),
    lambda xp: xp.empty(2, dtype=object), lambda xp: xp.full(3, None, dtype=object),
    lambda xp: xp.full(2, xp.float64(1.5), dtype=object), lambda xp: xp.full(2, [1, 2], dtype=object),
    lambda xp: xp.full(3, fractions.Fraction(1, 2)), lambda xp: xp.arange(5, dtype=object),
    lambda xp: xp.arange(0.5, 3, dtype=object), lambda xp: xp.arange(1, 10, 3, dtype=object),
    lambda xp: xp.eye(2, dtype=object), lambda xp: xp.zeros_like(xp.array([1, 2]), dtype=object),
    lambda xp: xp.ones_like(xp.array(["a", None], dtype=object)),
    lambda xp: xp.empty_like(xp.array(["a", None], dtype=object)),
    lambda xp: xp.full_like(xp.array(["a", None], dtype=object), "z"),
])
def test_creation_functions(make):
    same(make)


def test_element_access_returns_the_object_itself():
    obj = [1, 2]
    a = rt.empty(2, dtype=object)
    a[0] = obj
    assert a[0] is obj
    assert a.item(0) is obj and a.tolist()[0] is obj
    assert a[1] is None
    b = rt.array([obj], dtype=object)
    assert b.shape == (1, 2)


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "uint64", "int64", "float16",
                                   "float32", "float64", "complex64", "complex128"])
def test_numeric_to_object_gives_python_values(dtype):
    same(lambda xp: xp.array([0, 1, 2], dtype=dtype).astype(object))
    same(lambda xp: xp.array([0, 1, 2], dtype=dtype).astype(object)[1])


@pytest.mark.parametrize("dtype", ["bool", "int64", "uint8", "float64", "float32", "complex128"])
@pytest.mark.parametrize("values", [[None, 1.5], [1.5, "7", True], [300, 2], [2 ** 70, 1],
                                    [float("nan"), 1]], ids=str)
def test_object_to_numeric_casts(dtype, values):
    same(lambda xp: O(xp, *values).astype(dtype))


def test_casting_rules():
    for casting in ("no", "equiv", "safe", "same_kind", "unsafe"):
        same(lambda xp: xp.arange(3).astype(object, casting=casting))
        same(lambda xp: O(xp, 1, 2).astype("f8", casting=casting))
    same(lambda xp: xp.can_cast(object, "f8"))
    same(lambda xp: xp.can_cast("f8", object))
    same(lambda xp: xp.promote_types("O", "i4"))
    same(lambda xp: xp.result_type(O(xp, 1), 1.5))


def test_dtype_object_describes_like_numpy():
    d = rt.dtype(object)
    a = rt.array([1, 2], dtype=object)
    for rd, nd in ((d, np.dtype(object)), (a.dtype, np.array([1], dtype=object).dtype)):
        assert rd == nd.str and rd == "O" and rd == object
        assert (repr(rd), str(rd), rd.str, rd.char, rd.kind, rd.num, rd.itemsize) == (
            repr(nd), str(nd), nd.str, nd.char, nd.kind, nd.num, nd.itemsize)
        assert rd.hasobject and rd.type is rt.object_
    assert a.dtype == d and hash(a.dtype) == hash(d) and a.dtype != rt.dtype("i8")
    assert pickle.loads(pickle.dumps(a.dtype)) == d
    assert a.itemsize == 8 and a.strides == (8,) and a.nbytes == 16


# -- views share memory, exactly as in NumPy -----------------------------------------------

def test_views_share_memory():
    def check(xp):
        a = xp.array([1, "x", None, 4.5], dtype=object)
        a[1:3][0] = "slice"
        r = a.reshape(2, 2)
        r[1, 1] = [7]
        r.T[0, 1] = "T"
        a.view()[0] = 99
        b = a[xp.newaxis]
        b[0, 3] = "newaxis"
        return a
    same(check)
    a = rt.arange(6, dtype=object)
    assert rt.shares_memory(a, a.reshape(2, 3).T) and not rt.shares_memory(a, a.copy())


def test_copies_do_not_share():
    def check(xp):
        a = xp.array([1, 2, 3], dtype=object)
        c = a.copy()
        c[0] = "c"
        t = a[[0, 1]]
        t[0] = "t"
        f = a.flatten()
        f[0] = "f"
        return a, c, t, f
    same(check)


@pytest.mark.parametrize("write", [
    lambda xp, a: a.__setitem__(0, [1, 2]),
    lambda xp, a: a.__setitem__(0, xp.arange(3)),
    lambda xp, a: a.__setitem__(slice(None), (1, 2, 3)),
    lambda xp, a: a.__setitem__(slice(1, None), xp.array([1.5, 2.5])),
    lambda xp, a: a.__setitem__(Ellipsis, [1]),
    lambda xp, a: a.__setitem__([0, 2], [[1], [2]]),
    lambda xp, a: a.__setitem__(slice(None), xp.float32(2)),
    lambda xp, a: a.__setitem__(a == 2, "two"),
    lambda xp, a: a.__setitem__(slice(None), [1, 2]),
    lambda xp, a: a.fill([0]),
])
def test_setitem(write):
    def check(xp):
        a = xp.array([1, 2, 3], dtype=object)
        write(xp, a)
        return a
    same(check)


# -- combining arrays keeps each array's objects ------------------------------------------

def test_concatenate_and_stack_remap_pools():
    first = object()
    a = rt.array([1, "x"], dtype=object)
    b = rt.empty(2, dtype=object)
    b[0] = first
    c = rt.concatenate([a, b, rt.arange(2)])
    assert c.tolist() == [1, "x", first, None, 0, 1] and c[2] is first
    s = rt.stack([a, b])
    assert s[1, 0] is first and s[0, 1] == "x"
    for make in (lambda xp: xp.concatenate([O(xp, 1, "x"), O(xp, None, 2.5)]),
                 lambda xp: xp.concatenate([O(xp, 1, "x"), xp.arange(2)]),
                 lambda xp: xp.stack([O(xp, 1, "x"), O(xp, None, [2])]),
                 lambda xp: xp.vstack([O(xp, 1, "x"), xp.arange(2.0)]),
                 lambda xp: xp.concatenate([xp.arange(2), xp.arange(2)], dtype=object),
                 lambda xp: xp.array([O(xp, 1, "x"), O(xp, None, 2)]),
                 lambda xp: xp.array([O(xp, 1, "x"), xp.arange(2)])):
        same(make)


def test_where_choose_copyto_put_remap_pools():
    for make in (lambda xp: xp.where([True, False], O(xp, 1, "x"), O(xp, None, 2.5)),
                 lambda xp: xp.where([True, False], O(xp, 1, "x"), "q"),
                 lambda xp: xp.where([True, False], 1.5, O(xp, 1, "x")),
                 lambda xp: xp.where([[True], [False]], O(xp, 1, "x"), xp.arange(2)),
                 lambda xp: xp.choose([0, 1, 0], [O(xp, 1, 2, 3), O(xp, "a", "b", "c")])):
        same(make)

    def copyto(xp):
        d = xp.zeros(3, dtype=object)
        xp.copyto(d, O(xp, "a", None, 2.5))
        e = xp.zeros(3, dtype=object)
        xp.copyto(e, 7, where=[True, False, True])
        f = xp.zeros(2, dtype=object)
        xp.copyto(f, xp.arange(2.0))
        return d, e, f
    same(copyto)

    def put(xp):
        a = O(xp, 1, 2, 3)
        xp.put(a, [0, 2], O(xp, "p", None))
        xp.putmask(a, [False, True, False], O(xp, "m", "m", "m"))
        xp.place(a, [True, False, False], ["pl"])
        b = xp.zeros(2, dtype=object)
        b[:] = O(xp, "from", "other")
        return a, b
    same(put)

    first = object()
    src = rt.empty(1, dtype=object)
    src[0] = first
    dst = rt.zeros(3, dtype=object)
    dst[1:2] = src
    assert dst[1] is first and dst[0] == 0
    assert rt.where([True], src, 0)[0] is first


def test_ufunc_out_into_object_array():
    def check(xp):
        o = xp.zeros(2, dtype=object)
        xp.add(O(xp, 1, 2), O(xp, 5, 5), out=o)
        p = xp.zeros(2, dtype=object)
        xp.multiply(xp.arange(2), 3, out=p)
        q = O(xp, 1, 2)
        q += 10
        return o, p, q
    same(check)
    same(lambda xp: xp.add(O(xp, 1, 2), 1, out=xp.zeros(2)))


# -- ufuncs -------------------------------------------------------------------------------

@pytest.mark.parametrize("op", [
    lambda xp, a, b: a + b, lambda xp, a, b: a - b, lambda xp, a, b: a * b,
    lambda xp, a, b: a / b, lambda xp, a, b: a // b, lambda xp, a, b: a % b,
    lambda xp, a, b: a ** b, lambda xp, a, b: a == b, lambda xp, a, b: a != b,
    lambda xp, a, b: a < b, lambda xp, a, b: a >= b, lambda xp, a, b: xp.maximum(a, b),
    lambda xp, a, b: xp.minimum(a, b), lambda xp, a, b: xp.fmax(a, b),
    lambda xp, a, b: xp.logical_and(a, b), lambda xp, a, b: xp.logical_or(a, b),
    lambda xp, a, b: xp.gcd(a, b), lambda xp, a, b: xp.lcm(a, b),
    lambda xp, a, b: xp.equal(a, b, dtype=object), lambda xp, a, b: a & b,
    lambda xp, a, b: xp.add(a, b, where=xp.array([True, False, True])),
    lambda xp, a, b: xp.add.outer(a, b),
])
def test_binary_loops(op):
    same(lambda xp: op(xp, O(xp, 6, -7, 3), O(xp, 2, 2, 5)))
    same(lambda xp: op(xp, O(xp, 6, -7, 3), 2))
    same(lambda xp: op(xp, xp.array([6, -7, 3]), O(xp, 2, 2, 5)))


@pytest.mark.parametrize("op", [
    lambda xp, a: -a, lambda xp, a: +a, lambda xp, a: abs(a), lambda xp, a: xp.sign(a),
    lambda xp, a: xp.square(a), lambda xp, a: xp.reciprocal(a), lambda xp, a: xp.floor(a),
    lambda xp, a: xp.ceil(a), lambda xp, a: xp.trunc(a), lambda xp, a: xp.logical_not(a),
    lambda xp, a: xp.conjugate(a), lambda xp, a: xp.positive(a),
])
def test_unary_loops(op):
    same(lambda xp: op(xp, O(xp, -2.5, 0, 3, True)))


def test_loops_with_other_objects():
    same(lambda xp: O(xp, "a", "b") + "c")
    same(lambda xp: O(xp, [1], [2]) * 2)
    same(lambda xp: O(xp, 1, None) == None)  # noqa: E711 - element-wise, as in NumPy
    same(lambda xp: O(xp, 1, None) != None)  # noqa: E711
    same(lambda xp: O(xp, fractions.Fraction(1, 2), 1) + fractions.Fraction(1, 3))
    same(lambda xp: xp.add(xp.array(1, dtype=object), 2))
    same(lambda xp: xp.add(xp.arange(3), xp.arange(3), dtype=object))


def test_loop_errors_match_numpy():
    same(lambda xp: xp.sqrt(O(xp, 4)))              # int has no sqrt method: TypeError
    same(lambda xp: xp.isnan(O(xp, 4.0)))           # no object loop: UFuncTypeError
    same(lambda xp: O(xp, 1, "a") + 1)              # the element's own TypeError
    same(lambda xp: xp.fmod(O(xp, 7.5), O(xp, 2)))  # float has no fmod: AttributeError
    same(lambda xp: O(xp, 1, 2) < O(xp, "a", "b"))
    with pytest.raises(TypeError, match="no callable sqrt method"):
        rt.sqrt(O(rt, 4))


class _Root:
    def __init__(self, v):
        self.v = v

    def sqrt(self):
        return math.sqrt(self.v)

    def __eq__(self, other):
        return isinstance(other, _Root) and other.v == self.v


def test_method_loops_call_the_element_method():
    a = O(rt, _Root(4), _Root(9))
    assert rt.sqrt(a).tolist() == [2.0, 3.0]
    assert rt.sqrt(a).dtype == object


# -- reductions ---------------------------------------------------------------------------

@pytest.mark.parametrize("reduce", [
    lambda xp, a: a.sum(), lambda xp, a: a.sum(axis=0), lambda xp, a: a.sum(axis=1, keepdims=True),
    lambda xp, a: a.prod(), lambda xp, a: a.max(), lambda xp, a: a.min(axis=1),
    lambda xp, a: a.mean(), lambda xp, a: a.mean(axis=0), lambda xp, a: a.any(), lambda xp, a: a.all(axis=0),
    lambda xp, a: xp.cumsum(a), lambda xp, a: xp.cumprod(a, axis=1), lambda xp, a: xp.add.reduce(a, axis=None),
    lambda xp, a: xp.add.reduce(a, initial=10), lambda xp, a: xp.maximum.reduce(a, axis=1),
    lambda xp, a: xp.add.accumulate(a, axis=1), lambda xp, a: xp.multiply.reduce(a, axis=(0, 1)),
    lambda xp, a: a.sum(where=xp.array([[True, False, True], [False, True, True]])),
    lambda xp, a: a.sum(where=xp.array([[True, False, True], [False, True, True]]), initial=0),
    lambda xp, a: a.max(where=xp.array([[True, False, True], [False, True, True]]), initial=-1),
    lambda xp, a: xp.argmax(a), lambda xp, a: xp.argmin(a, axis=1), lambda xp, a: xp.sort(a, axis=0),
    lambda xp, a: xp.argsort(a, axis=1), lambda xp, a: xp.unique(a), lambda xp, a: xp.count_nonzero(a),
    lambda xp, a: xp.nonzero(a), lambda xp, a: xp.clip(a, 1, 4), lambda xp, a: a.sum(dtype=float),
])
def test_reductions(reduce):
    same(lambda xp: reduce(xp, xp.array([[3, 0, 5], [1, 4, 2]], dtype=object)))


@pytest.mark.parametrize("call", [
    lambda xp, a: xp.isclose(a, a), lambda xp, a: xp.diff(a), lambda xp, a: xp.diff(a, axis=0, n=2),
    lambda xp, a: xp.tril(a), lambda xp, a: xp.triu(a, 1), lambda xp, a: xp.trim_zeros(a[1]),
    lambda xp, a: xp.round(a), lambda xp, a: xp.correlate(a[0], a[1], "full"),
    lambda xp, a: xp.convolve(a[0], a[1]), lambda xp, a: list(a[0]), lambda xp, a: xp.roll(a, 1),
    lambda xp, a: xp.pad(a, 1, constant_values=7), lambda xp, a: xp.add.at(a, [0, 0], 1),
])
def test_more_functions_on_object_arrays(call):
    same(lambda xp: call(xp, xp.array([[3, 1, 2], [5, 4, 0]], dtype=object)))


def test_var_std_like_numpy():
    def complex_var(xp):
        b = xp.array([None, 0])
        b[0] = 1j
        return xp.var(b), xp.std(b)
    same(complex_var)
    same(lambda xp: xp.var(xp.array([[1, 2], [3, 5]], dtype=object), axis=0))
    same(lambda xp: xp.var(xp.array([[1, 2], [3, 5]], dtype=object), axis=1, ddof=1, keepdims=True))
    same(lambda xp: xp.std(xp.array([[1, 2], [3, 5]], dtype=object), axis=0))  # float has no sqrt method


def test_reduction_edge_cases():
    same(lambda xp: O(xp, "a", "b").sum())
    same(lambda xp: xp.array([], dtype=object).sum())
    same(lambda xp: xp.array([], dtype=object).prod())
    same(lambda xp: xp.array([], dtype=object).max())
    same(lambda xp: xp.sum(xp.arange(3), dtype=object))
    same(lambda xp: xp.logical_and.reduce(O(xp, 1, 0, 3)))
    same(lambda xp: xp.logical_or.reduce(O(xp, 0, "", 3)))
    same(lambda xp: O(xp, 0, "a", None).any())
    same(lambda xp: xp.nonzero(O(xp, xp.array([1, 2]), 3)))  # truth of an array: ValueError


# -- products -------------------------------------------------------------------------------

@pytest.mark.parametrize("product", [
    lambda xp, a, b: xp.dot(a, b), lambda xp, a, b: a @ b, lambda xp, a, b: xp.matmul(a[0], b),
    lambda xp, a, b: xp.inner(a, b.T), lambda xp, a, b: xp.tensordot(a, b, axes=1),
    lambda xp, a, b: xp.einsum("ij,jk", a, b), lambda xp, a, b: xp.einsum("ii", a @ b),
    lambda xp, a, b: xp.einsum("ij->", a), lambda xp, a, b: xp.einsum("ij->ji", a),
    lambda xp, a, b: xp.vecdot(a, b.T), lambda xp, a, b: xp.dot(a[0], a[1]),
    lambda xp, a, b: xp.einsum("i,i", a[0], b[:, 0], dtype=object),
    lambda xp, a, b: xp.einsum("ij,jk", a, b, dtype="i8", casting="unsafe"),
])
def test_products(product):
    same(lambda xp: product(xp, xp.arange(4, dtype=object).reshape(2, 2) + 1,
                            xp.array([[1, 2], [3, 4]], dtype=object)))
    same(lambda xp: product(xp, xp.arange(4, dtype=object).reshape(2, 2) + 1,
                            xp.array([[1.5, 2], [3, 4]])))


def test_products_of_empty_and_errors():
    same(lambda xp: xp.dot(xp.array([], dtype=object), xp.array([], dtype=object)))
    same(lambda xp: xp.matmul(O(xp, 1, 2), O(xp, 1, 2, 3)))
    same(lambda xp: xp.einsum("i,i", O(xp, 1j, 2), O(xp, 3, 4)))


def test_einsum_propagates_element_errors():
    class Boom(Exception):
        pass

    class Bad:
        def __mul__(self, other):
            raise Boom

    with pytest.raises(Boom):
        rt.einsum("i,i", O(rt, Bad()), O(rt, Bad()))


# -- conversion, printing, comparison -------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda xp: xp.array([1, "a", None], dtype=object),
    lambda xp: xp.array([[1, 100], [2, 3]], dtype=object),
    lambda xp: xp.array([[1, 2], [3]], dtype=object),
    lambda xp: xp.array([xp.float64(1.5), 1.5, 1e-20, 1e20], dtype=object),
    lambda xp: xp.array(None, dtype=object),
    lambda xp: xp.array([], dtype=object),
    lambda xp: xp.empty((2, 0), dtype=object),
    lambda xp: xp.arange(1002, dtype=object),
])
def test_printing(make):
    assert repr(make(rt)) == repr(make(np))
    assert str(make(rt)) == str(make(np))


def test_tolist_copy_pickle_deepcopy():
    same(lambda xp: xp.array([[1, [2]], [None, "x"]], dtype=object).tolist())
    a = rt.array([[1, [2]], [None, "x"]], dtype=object)
    b = pickle.loads(pickle.dumps(a))
    assert b.tolist() == a.tolist() and b.dtype == object and b.shape == (2, 2)
    d = copy.deepcopy(a)
    assert d.tolist() == a.tolist() and d[0, 1] is not a[0, 1]
    c = copy.copy(a)
    assert c[0, 1] is a[0, 1]
    assert list(rt.array([1, "a"], dtype=object)) == [1, "a"]


def test_equality_helpers():
    same(lambda xp: xp.array_equal(O(xp, 1, "a"), O(xp, 1, "a")))
    same(lambda xp: xp.array_equal(O(xp, 1, "a"), O(xp, 1, "b")))
    same(lambda xp: xp.array_equal(O(xp, 1, 2), xp.array([1, 2])))
    same(lambda xp: xp.array_equiv(O(xp, 1, 1), 1))
    rt.testing.assert_array_equal(O(rt, 1, "a", None), O(rt, 1, "a", None))
    rt.testing.assert_equal(O(rt, 1, [2]), O(rt, 1, [2]))
    with pytest.raises(AssertionError, match="Mismatched elements: 1 / 2"):
        rt.testing.assert_array_equal(O(rt, 1, "a"), O(rt, 1, "b"))


def test_no_object_form_outside_the_runtime():
    a = rt.array([1, None], dtype=object)
    with pytest.raises(NotImplementedError):
        a.to_torch()
    with pytest.raises(NotImplementedError):
        np.asarray(a)
    same(lambda xp: xp.array([1, 2], dtype=object).view("i8"))


def test_unsupported_functions_name_themselves():
    a = rt.array([[1, 2], [3, 4]], dtype=object)
    for call, name in ((lambda: rt.kron(a, a), "np.kron"), (lambda: rt.linalg.inv(a), "np.linalg.inv"),
                       (lambda: rt.searchsorted(a[0], 1), "np.searchsorted"),
                       (lambda: rt.gradient(a[0]), "np.gradient"), (lambda: rt.median(a), "np.median")):
        with pytest.raises(NotImplementedError, match=name):
            call()


def _pair(x, y):
    return x + y, x * y


def _plus(x, y):
    return x + y


@pytest.mark.parametrize("call", [
    lambda xp: xp.frompyfunc(_pair, 2, 2)(xp.arange(3), 2),
    lambda xp: xp.frompyfunc(_plus, 2, 1)(1, 2),
    lambda xp: xp.frompyfunc(_plus, 2, 1).reduce(xp.arange(4)),
    lambda xp: xp.frompyfunc(_plus, 2, 1).accumulate(xp.arange(4)),
    lambda xp: xp.frompyfunc(_plus, 2, 1).outer([1, 2], [10, 20]),
    lambda xp: xp.frompyfunc(str, 1, 1)([[1, 2]]),
    lambda xp: xp.frompyfunc(_plus, 2, 1)([1, 2], [3, 4], out=xp.zeros(2, dtype=object)),
    lambda xp: (lambda u: (u.__name__, u.nin, u.nout, u.nargs, u.identity, u.types))(
        xp.frompyfunc(_plus, 2, 1, identity=0)),
])
def test_frompyfunc(call):
    same(call)
