"""The runtime without numpy, and autograd through runtime operations."""

import subprocess
import sys
import textwrap

import torch

import np2torch.runtime as rt

NO_NUMPY = textwrap.dedent("""
    import sys

    class _Block:
        def find_spec(self, name, path=None, target=None):
            if name == "numpy" or name.startswith("numpy."):
                raise ModuleNotFoundError("numpy is blocked for this test")
            return None

    sys.modules.pop("numpy", None)
    sys.meta_path.insert(0, _Block())
    import np2torch.runtime as np
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    b = (a * 2 + 1).sum(axis=0)
    c = np.linalg.norm(a) if hasattr(np, "linalg") else 0
    print(repr(b), repr(np.float64(1.5)), a[::-1, 1:3].mean(), np.sort(-a, axis=1)[0], float(c) > 0)
    print("numpy" in sys.modules)
""")


def test_runtime_works_without_numpy():
    proc = subprocess.run([sys.executable, "-c", NO_NUMPY], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    # NumPy prints exactly this for the same program
    assert lines[0] == ("array([27., 33., 39., 45.], dtype=float32) np.float64(1.5) "
                        "5.5 [-3. -2. -1. -0.] True"), lines[0]
    assert lines[1] == "False"


def test_autograd_flows_through_runtime_ops():
    t = torch.arange(6, dtype=torch.float64, requires_grad=True)
    a = rt.from_torch(t)
    x = a.reshape(2, 3)
    y = rt.sin(x) * 2 + x ** 2
    z = rt.sum(y, axis=0) + rt.mean(x[:, ::-1], axis=0)
    w = rt.concatenate([z, rt.exp(x[0])]) @ rt.ones(6)
    rt.to_torch(w).sum().backward()
    expected_t = torch.arange(6, dtype=torch.float64, requires_grad=True)
    ex = expected_t.reshape(2, 3)
    ey = torch.sin(ex) * 2 + ex ** 2
    ez = ey.sum(0) + ex.flip(1).mean(0)
    ew = torch.cat([ez, torch.exp(ex[0])]) @ torch.ones(6, dtype=torch.float64)
    ew.backward()
    torch.testing.assert_close(t.grad, expected_t.grad)


def test_from_torch_is_zero_copy():
    t = torch.zeros(3)
    a = rt.from_torch(t)
    a[1] = 5
    assert t[1].item() == 5.0
    assert rt.to_torch(a) is t or rt.to_torch(a).data_ptr() == t.data_ptr()
