"""Per-call overhead: ~20 common small-array operations under raw torch,
np2torch.runtime, torch._numpy and NumPy, timed in one run.

    .venv/bin/python benchmarks/percall.py [--size N] [--markdown]

Each operation is timed with timeit (best of 5 repeats); the table gives
microseconds per call and the ratio to raw torch.  The geometric mean of
the ratios is the headline number for the runtime's per-call cost.
"""

import argparse
import math
import platform
import timeit

import numpy
import torch
import torch._numpy as tnp

import np2torch.runtime as rt


def cases(n):
    """name -> {backend: zero-argument callable}"""
    base = numpy.arange(n, dtype=numpy.float64) / 7.0
    t_a = torch.tensor(base)
    t_b = torch.tensor(base[::-1].copy())
    t_i = torch.arange(n)
    t_m = t_a[: (n // 4) * 4].reshape(4, -1)
    backends = {
        "torch": (t_a, t_b, t_i, t_m),
        "np2torch": (rt.asarray(base), rt.asarray(base[::-1].copy()), rt.arange(n), rt.asarray(base[: (n // 4) * 4].reshape(4, -1))),
        "torch._numpy": (tnp.asarray(base), tnp.asarray(base[::-1].copy()), tnp.arange(n), tnp.asarray(base[: (n // 4) * 4].reshape(4, -1))),
        "numpy": (base, base[::-1].copy(), numpy.arange(n), base[: (n // 4) * 4].reshape(4, -1)),
    }
    mods = {"torch": torch, "np2torch": rt, "torch._numpy": tnp, "numpy": numpy}
    mask_of = {k: (v[0] > 1.0) for k, v in backends.items()}
    idx_of = {"torch": torch.tensor([1, 3, 5]), "np2torch": rt.asarray([1, 3, 5]),
              "torch._numpy": tnp.asarray([1, 3, 5]), "numpy": numpy.array([1, 3, 5])}
    table = {}

    def add(name, fn):
        table[name] = {k: fn(k, mods[k], *backends[k]) for k in backends}

    add("a + b", lambda k, m, a, b, i, mm: (lambda: a + b))
    add("a * 2.5", lambda k, m, a, b, i, mm: (lambda: a * 2.5))
    add("a < b", lambda k, m, a, b, i, mm: (lambda: a < b))
    add("-a", lambda k, m, a, b, i, mm: (lambda: -a))
    add("sqrt(a)", lambda k, m, a, b, i, mm: (lambda: m.sqrt(a)))
    add("exp(a)", lambda k, m, a, b, i, mm: (lambda: m.exp(a)))
    add("maximum(a, b)", lambda k, m, a, b, i, mm: (lambda: m.maximum(a, b)))
    add("where(a < b, a, b)", lambda k, m, a, b, i, mm: (lambda: m.where(a < b, a, b)))
    add("a.sum()", lambda k, m, a, b, i, mm: (lambda: a.sum()))
    add("m.sum(axis=0)", lambda k, m, a, b, i, mm: (lambda: mm.sum(0) if k == "torch" else mm.sum(axis=0)))
    add("a.mean()", lambda k, m, a, b, i, mm: (lambda: a.mean()))
    add("a.max()", lambda k, m, a, b, i, mm: (lambda: a.max()))
    add("a.argmax()", lambda k, m, a, b, i, mm: (lambda: a.argmax()))
    add("a[2:8]", lambda k, m, a, b, i, mm: (lambda: a[2:8]))
    add("a[idx]", lambda k, m, a, b, i, mm: (lambda: a[idx_of[k]]))
    add("a[mask]", lambda k, m, a, b, i, mm: (lambda: a[mask_of[k]]))
    add("zeros(n)", lambda k, m, a, b, i, mm: (lambda: m.zeros(n, dtype=torch.float64) if k == "torch" else m.zeros(n)))
    add("arange(n)", lambda k, m, a, b, i, mm: (lambda: m.arange(n)))
    add("dot(a, b)", lambda k, m, a, b, i, mm: (lambda: m.dot(a, b)))
    add("concatenate", lambda k, m, a, b, i, mm: (lambda: m.cat([a, b]) if k == "torch" else m.concatenate([a, b])))
    add("argsort(a)", lambda k, m, a, b, i, mm: (lambda: m.argsort(a)))
    add("m @ m.T", lambda k, m, a, b, i, mm: (lambda: mm @ mm.T))
    return table


def best_us(fn, number):
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=16)
    p.add_argument("--number", type=int, default=2000)
    p.add_argument("--markdown", action="store_true")
    args = p.parse_args()
    torch.set_num_threads(1)
    table = cases(args.size)
    names = ["torch", "np2torch", "torch._numpy", "numpy"]
    rows = []
    ratios = {k: [] for k in names}
    for op, fns in table.items():
        us = {k: best_us(fns[k], args.number) for k in names}
        for k in names:
            ratios[k].append(us[k] / us["torch"])
        rows.append((op, us))
    geo = {k: math.exp(sum(math.log(r) for r in ratios[k]) / len(ratios[k])) for k in names}
    head = f"size={args.size}, torch {torch.__version__}, numpy {numpy.__version__}, {platform.processor() or platform.machine()}, 1 thread"
    if args.markdown:
        print(head + "\n")
        print("| operation | torch µs | np2torch µs (×torch) | torch._numpy µs (×torch) | NumPy µs (×torch) |")
        print("|---|---:|---:|---:|---:|")
        for op, us in rows:
            t = us["torch"]
            print(f"| `{op}` | {t:.2f} | {us['np2torch']:.2f} ({us['np2torch'] / t:.2f}×) | "
                  f"{us['torch._numpy']:.2f} ({us['torch._numpy'] / t:.2f}×) | {us['numpy']:.2f} ({us['numpy'] / t:.2f}×) |")
        print(f"| **geometric mean ×torch** | 1.00 | **{geo['np2torch']:.2f}×** | {geo['torch._numpy']:.2f}× | {geo['numpy']:.2f}× |")
    else:
        print(head)
        print(f"{'operation':22s}" + "".join(f"{k:>16s}" for k in names))
        for op, us in rows:
            print(f"{op:22s}" + "".join(f"{us[k]:13.2f} us" for k in names))
        print(f"{'geomean x torch':22s}" + "".join(f"{geo[k]:15.2f}x" for k in names))


if __name__ == "__main__":
    main()
