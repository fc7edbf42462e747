"""Converted NumPy code under torch.autograd and torch.compile (issue 7).

The kernels are NumPy source — functions taken from samples/programs plus
the loop bodies of the samples that have no functions — run through
``np2torch.transpiler.convert`` and executed, so what is tested is what a
user gets after converting.  Tensors go in through ``from_torch`` and come
out through ``to_torch``.  docs/gpu-compile-autograd.md explains the results.

Tests marked ``xfail(strict=True)`` need a change in the runtime core (or in
torch) named in the reason; they fail as XPASS once it lands, so the marker
gets removed.
"""

import ast
import sys
import types
from pathlib import Path

import pytest
import torch

import np2torch.runtime as rnp
from np2torch.transpiler import convert

PROGRAMS = Path(__file__).resolve().parent.parent / "samples" / "programs"


def _functions_from_sample(filename, names):
    """The source of the named top-level functions of a sample program."""
    source = (PROGRAMS / filename).read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = {node.name: ast.get_source_segment(source, node)
             for node in tree.body if isinstance(node, ast.FunctionDef)}
    return "\n\n\n".join(found[n] for n in names)


# Loop bodies of heat_equation.py, kmeans.py and logistic_regression.py,
# wrapped in functions; the code inside is the samples' own.
_LOOP_KERNELS = '''
def heat_step(u, r):
    u = u.copy()
    interior = u[1:-1] + r * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    u[1:-1] = interior
    return u


def kmeans_assign(points, centroids):
    diff = points[:, None, :] - centroids[None, :, :]
    dist2 = (diff ** 2).sum(axis=2)
    return dist2.argmin(axis=1)


def kmeans_inertia(points, centroids):
    diff = points[:, None, :] - centroids[None, :, :]
    dist2 = (diff ** 2).sum(axis=2)
    return dist2.min(axis=1).sum()


def logistic_gradient(X, w, labels):
    n = X.shape[0]
    p = sigmoid(X @ w)
    return X.T @ (p - labels) / n


def logistic_loss(X, w, labels):
    eps = 1e-12
    p = np.clip(sigmoid(X @ w), eps, 1 - eps)
    return -np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p))


def neural_net_loss(w1, b1, w2, b2, x, y):
    return forward([w1, b1, w2, b2], x, y)[0]


def kmeans_assign_calls(points, centroids):
    # kmeans_assign spelled with functions instead of operators
    diff = np.subtract(points[:, None, :], centroids[None, :, :])
    return np.square(diff).sum(axis=2).argmin(axis=1)


def logistic_gradient_calls(X, w, labels):
    # logistic_gradient with np.matmul/np.divide instead of @ and /
    p = np.divide(1.0, np.add(1.0, np.exp(np.negative(np.matmul(X, w)))))
    return np.divide(np.matmul(X.T, np.subtract(p, labels)), X.shape[0])
'''

NUMPY_SOURCE = "\n\n".join([
    "import numpy as np",
    _functions_from_sample("logistic_regression.py", ["sigmoid"]),
    _functions_from_sample("neural_net.py", ["softmax", "forward", "backward"]),
    _LOOP_KERNELS,
])


@pytest.fixture(scope="module")
def k():
    """The kernels, converted and imported as a module."""
    result = convert(NUMPY_SOURCE)
    assert not result.failed
    assert "import np2torch.runtime as np" in result.new_source
    name = "np2torch_converted_kernels"
    mod = types.ModuleType(name)
    # dynamo looks functions' modules up by name
    sys.modules[name] = mod
    exec(compile(result.new_source, f"<{name}>", "exec"), mod.__dict__)
    yield mod
    sys.modules.pop(name, None)


F, T = rnp.from_torch, rnp.to_torch


def _f64(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(*shape, generator=g, dtype=torch.float64)


def _logistic_data():
    X = torch.cat([torch.ones(40, 1, dtype=torch.float64), _f64(40, 2, seed=1) * 2 - 1], dim=1)
    labels = (_f64(40, seed=2) > 0.5).to(torch.float64)
    w = _f64(3, seed=3) - 0.5
    return X, w, labels


def _net_data():
    x = torch.sin(torch.arange(48, dtype=torch.float64).reshape(12, 4) * 0.37)
    y = torch.arange(12) % 3
    w1 = 0.5 * torch.cos(torch.arange(20, dtype=torch.float64).reshape(4, 5) * 1.1)
    b1 = _f64(5, seed=4) * 0.1
    w2 = 0.5 * torch.sin(torch.arange(15, dtype=torch.float64).reshape(5, 3) * 0.9 + 0.3)
    b2 = _f64(3, seed=5) * 0.1
    return w1, b1, w2, b2, x, y


def _central_differences(f, x, h=1e-6):
    """d f / d x by central differences, one coordinate at a time (float64)."""
    grad = torch.empty_like(x)
    flat = x.detach().reshape(-1)
    for i in range(flat.numel()):
        plus, minus = flat.clone(), flat.clone()
        plus[i] += h
        minus[i] -= h
        grad.view(-1)[i] = (f(plus.reshape(x.shape)) - f(minus.reshape(x.shape))) / (2 * h)
    return grad


# -- autograd ----------------------------------------------------------------------

def test_logistic_loss_gradient_matches_finite_differences(k):
    X, w0, labels = _logistic_data()
    w = w0.clone().requires_grad_(True)
    loss = k.logistic_loss(F(X), F(w), F(labels))
    # a 0-d result with autograd history stays an array: a NumPy scalar would cut the graph
    assert isinstance(loss, rnp.ndarray) and loss.shape == ()
    (grad,) = torch.autograd.grad(T(loss), w)

    def value(wv):
        return float(k.logistic_loss(F(X), F(wv), F(labels)))

    torch.testing.assert_close(grad, _central_differences(value, w0), rtol=1e-6, atol=1e-9)
    # and the sample's own analytic gradient agrees
    torch.testing.assert_close(grad, T(k.logistic_gradient(F(X), F(w0), F(labels))), rtol=1e-10, atol=1e-12)


def test_neural_net_loss_gradient_matches_finite_differences_and_backward(k):
    w1, b1, w2, b2, x, y = _net_data()
    leaves = [t.clone().requires_grad_(True) for t in (w1, b1, w2, b2)]
    loss = k.neural_net_loss(*map(F, leaves), F(x), F(y))
    grads = torch.autograd.grad(T(loss), leaves)

    def value_w1(w):
        return float(k.neural_net_loss(F(w), F(b1), F(w2), F(b2), F(x), F(y)))

    torch.testing.assert_close(grads[0], _central_differences(value_w1, w1), rtol=1e-6, atol=1e-9)
    # the sample's hand-written backward pass gives the same gradients
    _, hidden, probs = k.forward([F(w1), F(b1), F(w2), F(b2)], F(x), F(y))
    manual = k.backward([F(w1), F(b1), F(w2), F(b2)], F(x), F(y), hidden, probs)
    for auto, hand in zip(grads, manual):
        torch.testing.assert_close(auto, T(hand), rtol=1e-10, atol=1e-12)


def test_gradcheck_through_runtime_ops(k):
    X, w0, labels = _logistic_data()

    def loss(w):
        return T(k.logistic_loss(F(X), F(w), F(labels)))

    assert torch.autograd.gradcheck(loss, (w0.clone().requires_grad_(True),))


# What cuts or refuses gradients (documented in docs/gpu-compile-autograd.md).

def test_python_values_carry_no_gradient():
    a = F(torch.arange(3.0, dtype=torch.float64, requires_grad=True))
    assert type(float(a.sum())) is float
    assert type(a.sum().item()) is float
    assert type(a.tolist()[0]) is float


def test_integer_results_carry_no_gradient():
    a = F(torch.tensor([0.5, 2.5, 1.0], dtype=torch.float64, requires_grad=True))
    assert not T(a.astype(int)).requires_grad
    assert not T(a.argmax(keepdims=True)).requires_grad
    assert not T(a > 1.0).requires_grad


def test_in_place_update_of_a_leaf_is_refused_but_a_copy_is_fine():
    leaf = torch.arange(3.0, dtype=torch.float64, requires_grad=True)
    a = F(leaf)
    with pytest.raises((RuntimeError, ValueError)):
        a -= 1.0
    b = a.copy()
    b -= 1.0
    b[0] = 10.0
    (grad,) = torch.autograd.grad(T((b * b).sum()), leaf)
    torch.testing.assert_close(grad, torch.tensor([0.0, 0.0, 2.0], dtype=torch.float64))


# -- torch.compile -------------------------------------------------------------------

def _compare_compiled(fn, args, fullgraph, exact=False, backend="inductor"):
    torch._dynamo.reset()
    eager = fn(*args)
    compiled = torch.compile(fn, fullgraph=fullgraph, backend=backend)(*args)
    if exact:
        assert torch.equal(compiled, eager)
    else:
        torch.testing.assert_close(compiled, eager, rtol=1e-12, atol=1e-12)


def _heat_case(k):
    u = torch.sin(torch.pi * torch.linspace(0.0, 1.0, 21, dtype=torch.float64))
    return (lambda u: T(k.heat_step(F(u), 0.4))), (u,), False


def _kmeans_case(k, fn_name="kmeans_assign"):
    points = _f64(30, 2, seed=6) * 4
    centroids = points[[1, 2, 3]].clone()
    fn = getattr(k, fn_name)
    return (lambda p, c: T(fn(F(p), F(c)))), (points, centroids), True


def _softmax_case(k):
    logits = _f64(12, 3, seed=7) * 6 - 3
    return (lambda z: T(k.softmax(F(z)))), (logits,), False


def _logistic_case(k, fn_name="logistic_gradient"):
    X, w, labels = _logistic_data()
    fn = getattr(k, fn_name)
    return (lambda X, w, l: T(fn(F(X), F(w), F(l)))), (X, w, labels), False


def _net_case(k):
    w1, b1, w2, b2, x, y = _net_data()
    return (lambda *a: T(k.neural_net_loss(*map(F, a)))), (w1, b1, w2, b2, x, y), False


CASES = {
    "heat_step": _heat_case,
    "kmeans_assign": _kmeans_case,
    "kmeans_inertia": lambda k: _kmeans_case(k, "kmeans_inertia")[:2] + (False,),
    "softmax": _softmax_case,
    "logistic_gradient": _logistic_case,
    "kmeans_assign_calls": lambda k: _kmeans_case(k, "kmeans_assign_calls"),
    "logistic_gradient_calls": lambda k: _logistic_case(k, "logistic_gradient_calls"),
    "neural_net_loss": _net_case,
}

_MATMUL = "torch: dynamo cannot trace the @ operator on non-tensor classes (use np.matmul/np.dot)"

# Kernels that cannot compile with fullgraph=True yet, and why.
FULLGRAPH_BLOCKERS = {
    "logistic_gradient": [_MATMUL],
    "neural_net_loss": [_MATMUL],
}


def _fullgraph_param(name):
    blockers = FULLGRAPH_BLOCKERS.get(name)
    if not blockers:
        return name
    exc = torch._dynamo.exc.Unsupported
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, raises=exc, reason="; ".join(blockers)))


# The default run traces with dynamo and AOTAutograd only ("aot_eager": the
# same graphs and graph breaks, no code generation); inductor's first compile
# on a cold cache takes about 30 s on the 2-core VM, so the runs through
# inductor, torch.compile's default backend, are slow tests.
FULLGRAPH_NAMES = [n for n in CASES if n != "neural_net_loss"]


@pytest.mark.parametrize("name", [_fullgraph_param(n) for n in FULLGRAPH_NAMES])
def test_compile_fullgraph(k, name):
    fn, args, exact = CASES[name](k)
    _compare_compiled(fn, args, fullgraph=True, exact=exact, backend="aot_eager")


@pytest.mark.slow
@pytest.mark.parametrize("name", [_fullgraph_param(n) for n in FULLGRAPH_NAMES])
def test_compile_fullgraph_inductor(k, name):
    fn, args, exact = CASES[name](k)
    _compare_compiled(fn, args, fullgraph=True, exact=exact)


# With graph breaks allowed every kernel compiles and matches eager.
@pytest.mark.parametrize("name", sorted(CASES))
def test_compile_with_graph_breaks(k, name):
    fn, args, exact = CASES[name](k)
    _compare_compiled(fn, args, fullgraph=False, exact=exact, backend="aot_eager")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_compile_with_graph_breaks_inductor(k, name):
    fn, args, exact = CASES[name](k)
    _compare_compiled(fn, args, fullgraph=False, exact=exact)
