"""Whole programs and large arrays: NumPy vs np2torch.runtime (CPU, and CUDA when present).

    .venv/bin/python benchmarks/programs.py [--sizes 1e6,1e7] [--repeats 3]
                                            [--program-repeats 5] [--markdown]

Three tables, all from one run:

1. Sample programs (samples/programs/*.py): each original under NumPy and
   its conversion under the runtime, in a child process that imports the
   library first, then executes the program's code ``--program-repeats``
   times with stdout discarded (interpreter and import start-up excluded).
   "first" includes one-off warm-up inside the libraries; "best" is the
   steady state.
2. Large-array workloads (elementwise chain, reductions, matmul, fft, sort)
   at each size, in this process: NumPy, the runtime, raw torch.  Best of
   ``--repeats``; CUDA timings synchronise before stopping the clock.
3. Peak memory of three chains at the largest size up to 10^7, each in a
   fresh child: growth of peak resident memory (VmHWM, reset before the
   chain) over what was resident before it, NumPy vs runtime vs raw torch.

The CUDA columns appear only when torch sees a GPU; otherwise the run says
it skipped them.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy
import torch

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # noqa: E402  (samples/ is not a package)

import np2torch.runtime as rnp  # noqa: E402
from np2torch.transpiler import convert  # noqa: E402
from samples.harness import PROGRAMS_DIR, sample_names  # noqa: E402

WORKER = HERE / "_program_worker.py"
HAVE_CUDA = torch.cuda.is_available()


def _child(args, env=None):
    full_env = dict(os.environ)
    full_env.pop("PYTHONPATH", None)
    full_env.update(env or {})
    done = subprocess.run([sys.executable, str(WORKER), *args], capture_output=True, text=True,
                          env=full_env, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- 1. sample programs ---------------------------------------------------------------

def bench_programs(repeats):
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sample_names():
            original = PROGRAMS_DIR / name
            converted = Path(tmp) / name
            converted.write_text(convert(original.read_text(encoding="utf-8")).new_source, encoding="utf-8")
            row = {"program": name,
                   "numpy": _child(["program", "numpy", str(original), str(repeats)]),
                   "runtime": _child(["program", "runtime", str(converted), str(repeats)])}
            if HAVE_CUDA:
                row["runtime-cuda"] = _child(["program", "runtime-cuda", str(converted), str(repeats)])
            rows.append(row)
            print(f"  {name}: numpy {row['numpy']['best'] * 1e3:.2f} ms, "
                  f"runtime {row['runtime']['best'] * 1e3:.2f} ms", file=sys.stderr)
    return rows


# -- 2. large-array workloads ------------------------------------------------------------

def _workloads(lib, n, kind):
    """name -> (setup() -> args, fn(*args)).  ``kind`` is numpy, runtime or torch."""
    if kind.startswith("torch"):
        def vec():
            x = torch.linspace(-3.0, 3.0, n, dtype=torch.float64, device=_device(kind))
            return (x[(torch.arange(n, device=x.device) * 7919) % n],)
        def mat():
            m = int(round(n ** 0.5))
            return (torch.linspace(-1.0, 1.0, m * m, dtype=torch.float64, device=_device(kind)).reshape(m, m),)
        return {
            "elementwise chain": (vec, lambda x: torch.exp(-x * x) * torch.sin(3.0 * x) + 0.5 * torch.sqrt(torch.abs(x))),
            "reductions (sum, mean, std, max)": (vec, lambda x: (x.sum(), x.mean(), x.std(correction=0), x.max())),
            "matmul (sqrt(n) square)": (mat, lambda a: a @ a),
            "fft": (vec, lambda x: torch.fft.fft(x)),
            "sort": (vec, lambda x: torch.sort(x).values),
        }
    np = lib
    def vec():
        x = np.linspace(-3.0, 3.0, n)
        # shuffle deterministically so sorting has work to do
        return (x[(np.arange(n) * 7919) % n],)
    def mat():
        m = int(round(n ** 0.5))
        return (np.linspace(-1.0, 1.0, m * m).reshape(m, m),)
    return {
        "elementwise chain": (vec, lambda x: np.exp(-x * x) * np.sin(3.0 * x) + 0.5 * np.sqrt(np.abs(x))),
        "reductions (sum, mean, std, max)": (vec, lambda x: (x.sum(), x.mean(), x.std(), x.max())),
        "matmul (sqrt(n) square)": (mat, lambda a: a @ a),
        "fft": (vec, lambda x: np.fft.fft(x)),
        "sort": (vec, lambda x: np.sort(x)),
    }


def _device(kind):
    return "cuda" if kind.endswith("cuda") else "cpu"


def _time(fn, args, repeats, cuda):
    best = float("inf")
    for _ in range(repeats):
        if cuda:
            torch.cuda.synchronize()
        start = time.perf_counter()
        fn(*args)
        if cuda:
            torch.cuda.synchronize()
        best = min(best, time.perf_counter() - start)
    return best


def bench_large(sizes, repeats):
    """Backends take turns within each repeat, so load from other processes
    hits them alike; each keeps its best time."""
    backends = [("numpy", numpy, "numpy"), ("runtime", rnp, "runtime"), ("torch", torch, "torch")]
    if HAVE_CUDA:
        backends += [("runtime-cuda", rnp, "runtime"), ("torch-cuda", torch, "torch-cuda")]
    rows = []
    for n in sizes:
        per_backend = {}
        for label, lib, kind in backends:
            ctx = rnp.default_device("cuda") if label == "runtime-cuda" else _null()
            with ctx:
                per_backend[label] = _workloads(lib, n, kind)
        for wname in per_backend["numpy"]:
            prepared = {}
            for label, _, _ in backends:
                setup, fn = per_backend[label][wname]
                ctx = rnp.default_device("cuda") if label == "runtime-cuda" else _null()
                with ctx:
                    args = setup()
                    fn(*args)  # warm-up (first-call costs, CUDA context)
                prepared[label] = (fn, args, label.endswith("cuda"))
            best = {label: float("inf") for label in prepared}
            for _ in range(repeats):
                for label, (fn, args, cuda) in prepared.items():
                    best[label] = min(best[label], _time(fn, args, 1, cuda))
            for label, t in best.items():
                rows.append({"n": n, "workload": wname, "backend": label, "seconds": t})
            del prepared
            print(f"  n={n:.0e} {wname} done", file=sys.stderr)
    return rows


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# -- 3. peak memory ---------------------------------------------------------------------------

def bench_memory(n):
    rows = []
    for chain in ("elementwise", "standardise", "where-reduce"):
        for backend in ("numpy", "runtime", "torch"):
            r = _child(["memory", backend, chain, str(n)])
            rows.append({"chain": chain, "backend": backend, **r})
    return rows


# -- report -------------------------------------------------------------------------------------

def _machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    gpu = torch.cuda.get_device_name(0) if HAVE_CUDA else "no GPU (CUDA columns skipped)"
    return (f"{cpu}, {os.cpu_count()} CPUs, torch {torch.__version__} ({torch.get_num_threads()} threads), "
            f"numpy {numpy.__version__}, Python {platform.python_version()}; {gpu}")


def _ms(s):
    return f"{s * 1e3:.2f}"


def report(programs, large, memory, sizes):
    lines = [f"Machine: {_machine()}", ""]
    lines += ["### Sample programs (ms per run, start-up excluded)", ""]
    head = "| program | NumPy first | NumPy best | runtime first | runtime best | runtime/NumPy (best) |"
    sep = "|---|---:|---:|---:|---:|---:|"
    if HAVE_CUDA:
        head += " runtime CUDA best | CUDA/NumPy |"
        sep += "---:|---:|"
    lines += [head, sep]
    for r in programs:
        a, b = r["numpy"], r["runtime"]
        line = (f"| {r['program']} | {_ms(a['first'])} | {_ms(a['best'])} | {_ms(b['first'])} | "
                f"{_ms(b['best'])} | {b['best'] / a['best']:.1f}× |")
        if HAVE_CUDA:
            c = r["runtime-cuda"]
            line += f" {_ms(c['best'])} | {c['best'] / a['best']:.1f}× |"
        lines.append(line)
    lines += ["", "### Large arrays (ms, best of repeats; float64)", ""]
    cols = ["numpy", "runtime", "torch"] + (["runtime-cuda", "torch-cuda"] if HAVE_CUDA else [])
    head = "| workload | n | " + " | ".join(cols) + " | runtime/NumPy | runtime/torch |"
    if HAVE_CUDA:
        head += " runtime-cuda/NumPy |"
    lines += [head, "|---|---:|" + "---:|" * (len(cols) + 2 + HAVE_CUDA)]
    table = {(r["workload"], r["n"], r["backend"]): r["seconds"] for r in large}
    for wname in dict.fromkeys(r["workload"] for r in large):
        for n in sizes:
            t = {c: table[(wname, n, c)] for c in cols}
            line = (f"| {wname} | {n:.0e} | " + " | ".join(_ms(t[c]) for c in cols) +
                    f" | {t['runtime'] / t['numpy']:.2f}× | {t['runtime'] / t['torch']:.2f}× |")
            if HAVE_CUDA:
                line += f" {t['runtime-cuda'] / t['numpy']:.3f}× |"
            lines.append(line)
    if memory:
        n = memory[0]["input_bytes"] // 8
        lines += ["", f"### Peak memory of chains (n = {n:.0e} float64; input = {n * 8 / 1e6:.0f} MB)", "",
                  "| chain | NumPy MB | runtime MB | torch MB | runtime/torch | runtime in inputs |",
                  "|---|---:|---:|---:|---:|---:|"]
        mem = {(r["chain"], r["backend"]): r for r in memory}
        for chain in dict.fromkeys(r["chain"] for r in memory):
            g = {b: mem[(chain, b)]["peak_growth"] for b in ("numpy", "runtime", "torch")}
            lines.append(f"| {chain} | {g['numpy'] / 1e6:.0f} | {g['runtime'] / 1e6:.0f} | "
                         f"{g['torch'] / 1e6:.0f} | {g['runtime'] / g['torch']:.2f}× | "
                         f"{g['runtime'] / (n * 8):.1f} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,1e7", help="comma-separated element counts")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--program-repeats", type=int, default=5)
    parser.add_argument("--skip-programs", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--json", help="also write raw results here")
    args = parser.parse_args(argv)
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    if not HAVE_CUDA:
        print("note: torch sees no CUDA device; CUDA columns skipped", file=sys.stderr)
    programs = [] if args.skip_programs else bench_programs(args.program_repeats)
    large = bench_large(sizes, args.repeats)
    memory = [] if args.skip_memory else bench_memory(min(max(sizes), 10 ** 7))
    if args.json:
        Path(args.json).write_text(json.dumps({"programs": programs, "large": large, "memory": memory}, indent=1))
    print(report(programs, large, memory, sizes))


if __name__ == "__main__":
    main()
