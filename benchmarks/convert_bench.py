"""Converter speed on a large real tree: the installed numpy package's .py sources.

    .venv/bin/python benchmarks/convert_bench.py [--markdown] [--skip-jobs2]

Times, each as a fresh process (wall clock, so interpreter start-up counts):
  parse     plain libcst.parse_module of every file (the floor)
  cold -j1  np2torch convert --no-cache -j 1 SRC -o OUT
  cold -j2  np2torch convert --no-cache -j 2 SRC -o OUT
  warm      np2torch convert SRC on an already converted tree whose cache is filled
Files are copied to a scratch folder first (the .py files only), so numpy's
install is never touched and binaries are not part of the timing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
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


def timed(command, env=None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1, 2):
        raise SystemExit(f"{command[:3]} failed: {done.stderr.decode()[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--skip-jobs2", action="store_true")
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

        results = {}
        results["parse"] = timed([sys.executable, "-c", PARSE_SCRIPT, *files])
        results["cold -j1"] = timed([NP2TORCH, "convert", "-q", "--no-cache", "-j", "1", str(src), "-o",
                                     str(scratch / "out1")], env)
        if not args.skip_jobs2:
            results["cold -j2"] = timed([NP2TORCH, "convert", "-q", "--no-cache", "-j", "2", str(src), "-o",
                                         str(scratch / "out2")], env)
        tree = scratch / "out1"
        timed([NP2TORCH, "convert", "-q", str(tree)], env)  # fills the cache (the tree is converted already)
        results["warm"] = min(timed([NP2TORCH, "convert", "-q", str(tree)], env) for _ in range(3))

    floor = results["parse"]
    header = (f"{len(files)} files, {lines} lines (numpy {origin}), Python {platform.python_version()}, "
              f"{os.cpu_count()} CPUs, {platform.machine()}")
    if args.markdown:
        print(header + "\n")
        print("| run | wall s | × parse-only |")
        print("|---|---:|---:|")
        for name, seconds in results.items():
            print(f"| {name} | {seconds:.2f} | {seconds / floor:.2f}× |")
    else:
        print(header)
        for name, seconds in results.items():
            print(f"{name:10s} {seconds:8.2f} s  {seconds / floor:5.2f}x parse-only")


if __name__ == "__main__":
    main()
