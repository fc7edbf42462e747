"""Child process of benchmarks/programs.py: times one program or one memory chain.

    _program_worker.py program BACKEND FILE REPEATS
        exec FILE's code REPEATS times (stdout discarded) after importing the
        backend, so interpreter and import start-up are not counted; prints
        JSON {"first": s, "best": s}.
    _program_worker.py memory BACKEND CHAIN N
        builds the input, then runs CHAIN once; prints JSON with the peak
        resident set growth the chain caused (ru_maxrss, bytes).

BACKEND is numpy, runtime (np2torch.runtime on the CPU), runtime-cuda or torch.
"""

import contextlib
import io
import json
import os
import resource
import sys
import time


def _import_backend(backend):
    if backend == "numpy":
        import numpy
        return numpy
    if backend == "torch":
        import torch
        return torch
    import np2torch.runtime as rnp
    if backend == "runtime-cuda":
        rnp.set_default_device("cuda")
    return rnp


def run_program(backend, path, repeats):
    mod = _import_backend(backend)
    if backend == "runtime-cuda":
        import torch
        sync = torch.cuda.synchronize
    else:
        sync = lambda: None  # noqa: E731
    source = open(path, encoding="utf-8").read()
    code = compile(source, path, "exec")
    times = []
    sink = io.StringIO()
    for _ in range(repeats):
        glb = {"__name__": "__main__", "__file__": path}
        start = time.perf_counter()
        with contextlib.redirect_stdout(sink):
            exec(code, glb)
        sync()
        times.append(time.perf_counter() - start)
        sink.seek(0)
        sink.truncate()
    del mod
    return {"first": times[0], "best": min(times)}


def _maxrss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _reset_peak():
    """Reset the kernel's peak-RSS mark (VmHWM; Linux >= 4.0). False if refused."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _hwm_bytes():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return _maxrss_bytes()


def _current_rss_bytes():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# Each chain: NumPy-style code that runs unchanged on numpy and the runtime,
# and the same computation in plain torch.
CHAINS = {
    "elementwise": (
        lambda np, x: np.exp(-x * x) * np.sin(3.0 * x) + 0.5 * np.sqrt(np.abs(x)),
        lambda torch, x: torch.exp(-x * x) * torch.sin(3.0 * x) + 0.5 * torch.sqrt(torch.abs(x)),
    ),
    "standardise": (
        lambda np, x: (x - x.mean()) / x.std(),
        lambda torch, x: (x - x.mean()) / x.std(correction=0),
    ),
    "where-reduce": (
        lambda np, x: np.where(x > 0, np.log1p(np.abs(x)), -x ** 2).sum(axis=0),
        lambda torch, x: torch.where(x > 0, torch.log1p(torch.abs(x)), -x ** 2).sum(dim=0),
    ),
}


def run_memory(backend, chain, n):
    mod = _import_backend(backend)
    numpy_style, torch_style = CHAINS[chain]
    if backend == "torch":
        x = mod.linspace(-3.0, 3.0, n, dtype=mod.float64)
        fn = torch_style
    else:
        x = mod.linspace(-3.0, 3.0, n)
        fn = numpy_style
    exact = _reset_peak()
    before_now = _current_rss_bytes()
    result = fn(mod, x)
    after_peak = _hwm_bytes() if exact else _maxrss_bytes()
    del result
    # growth of the peak above what was resident just before the chain
    return {"peak_growth": after_peak - before_now, "input_bytes": n * 8, "exact_peak": exact}


def main(argv):
    kind, backend = argv[0], argv[1]
    if kind == "program":
        out = run_program(backend, argv[2], int(argv[3]))
    elif kind == "memory":
        out = run_memory(backend, argv[2], int(argv[3]))
    else:
        raise SystemExit(f"unknown job {kind!r}")
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
