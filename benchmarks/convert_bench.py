"""Converter speed on a large real tree: the installed numpy package's .py sources.

    .venv/bin/python benchmarks/convert_bench.py [--markdown] [--skip-jobs2] [--repeats N]

Times, each as a fresh process (wall clock, so interpreter start-up counts;
and the CPU seconds the process and its workers used, which other jobs on a
shared machine disturb less):
  parse     plain libcst.parse_module of every file (the floor)
  cold -j1  np2torch convert --no-cache -j 1 SRC -o OUT
  cold -j2  np2torch convert --no-cache -j 2 SRC -o OUT
  warm      np2torch convert SRC on an already converted tree whose cache is filled
Files are copied to a scratch folder first (the .py files only), so numpy's
install is never touched and binaries are not part of the timing.  With
--repeats N the parse and cold rows are the best of N runs (taken in turn, so
a burst of load on a shared machine hits each row alike).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NP2TORCH = str(Path(sys.executable).with_name("np2torch"))
PARSE_SCRIPT = """
import sys, libcst
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        libcst.parse_module(f.read())
"""


def numpy_sources() -> Path:
    spec = importlib.util.find_spec("numpy")  # located, never imported
    return Path(spec.origin).parent


def timed(command, env=None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1, 2):
        raise SystemExit(f"{command[:3]} failed: {done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--skip-jobs2", action="store_true")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()

    origin = numpy_sources()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        src = scratch / "numpy"
        files = []
        for path in sorted(origin.rglob("*.py")):
            target = src / path.relative_to(origin)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            files.append(str(target))
        lines = sum(Path(f).read_bytes().count(b"\n") for f in files)
        env = dict(os.environ, NP2TORCH_CACHE_DIR=str(scratch / "cache"))

        commands = {"parse": ([sys.executable, "-c", PARSE_SCRIPT, *files], None)}
        for jobs in ("1",) if args.skip_jobs2 else ("1", "2"):
            commands[f"cold -j{jobs}"] = ([NP2TORCH, "convert", "-q", "--no-cache", "-j", jobs, str(src), "-o",
                                          str(scratch / f"out{jobs}")], env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.repeats):
            for name, (command, command_env) in commands.items():
                runs[name].append(timed(command, command_env))
        results = {name: min(times) for name, times in runs.items()}
        tree = scratch / "out1"
        timed([NP2TORCH, "convert", "-q", str(tree)], env)  # fills the cache (the tree is converted already)
        results["warm"] = min(timed([NP2TORCH, "convert", "-q", str(tree)], env) for _ in range(3))

    floor_wall, floor_cpu = results["parse"]
    header = (f"{len(files)} files, {lines} lines (numpy {origin}), Python {platform.python_version()}, "
              f"{os.cpu_count()} CPUs, {platform.machine()}, best of {args.repeats}")
    if args.markdown:
        print(header + "\n")
        print("| run | wall s | × parse-only | CPU s | × parse-only |")
        print("|---|---:|---:|---:|---:|")
        for name, (wall, cpu) in results.items():
            print(f"| {name} | {wall:.2f} | {wall / floor_wall:.2f}× | {cpu:.2f} | {cpu / floor_cpu:.2f}× |")
    else:
        print(header)
        for name, (wall, cpu) in results.items():
            print(f"{name:10s} {wall:8.2f} s wall {wall / floor_wall:5.2f}x   {cpu:8.2f} s CPU {cpu / floor_cpu:5.2f}x")


if __name__ == "__main__":
    main()
