"""Draws per second for ``random`` and ``standard_normal`` at 10**6 samples:
np2torch.runtime.random (exact NumPy streams, and fast mode) vs NumPy vs torch.Generator.

    python benchmarks/random_bench.py
"""

import time

import numpy as np
import torch

import np2torch.runtime.random as R

N = 10**6


def rate(fn, repeat=5):
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return N / best


def main():
    rows = []
    rs, nrs = R.RandomState(0), np.random.RandomState(0)
    g, ng = R.default_rng(0), np.random.default_rng(0)
    fast = R.Generator(R.PCG64(0), fast=True)
    tg = torch.Generator().manual_seed(0)
    rows.append(("random", "np2torch RandomState (MT19937, exact)", rate(lambda: rs.random_sample(N))))
    rows.append(("random", "numpy RandomState", rate(lambda: nrs.random_sample(N))))
    rows.append(("random", "np2torch Generator (PCG64, exact)", rate(lambda: g.random(N))))
    rows.append(("random", "numpy Generator (PCG64)", rate(lambda: ng.random(N))))
    rows.append(("random", "np2torch Generator fast mode", rate(lambda: fast.random(N))))
    rows.append(("random", "torch.rand (torch.Generator)", rate(lambda: torch.rand(N, dtype=torch.float64, generator=tg))))
    rows.append(("standard_normal", "np2torch RandomState (polar, exact)", rate(lambda: rs.standard_normal(N))))
    rows.append(("standard_normal", "numpy RandomState", rate(lambda: nrs.standard_normal(N))))
    rows.append(("standard_normal", "np2torch Generator (PCG64, ziggurat)", rate(lambda: g.standard_normal(N))))
    rows.append(("standard_normal", "numpy Generator (PCG64)", rate(lambda: ng.standard_normal(N))))
    rows.append(("standard_normal", "np2torch Generator fast mode", rate(lambda: fast.standard_normal(N))))
    rows.append(("standard_normal", "torch.randn (torch.Generator)", rate(lambda: torch.randn(N, dtype=torch.float64, generator=tg))))
    print("torch %s, numpy %s, %d threads, N = %d" % (torch.__version__, np.__version__, torch.get_num_threads(), N))
    print("| function | implementation | draws/s |")
    print("|---|---|---:|")
    for fn, impl, r in rows:
        print("| %s | %s | %.3g |" % (fn, impl, r))


if __name__ == "__main__":
    main()
