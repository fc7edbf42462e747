"""Start-up time of `np2torch --help` (target: under 0.3 s), best of N runs.

    .venv/bin/python benchmarks/cli_startup.py [--runs 10]
"""

import argparse
import subprocess
import sys
import time


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=10)
    args = p.parse_args()
    python_only = [sys.executable, "-c", "pass"]
    help_cmd = [sys.executable, "-m", "np2torch.cli.main", "--help"]
    timed(help_cmd)  # warm the OS cache
    bare = min(timed(python_only) for _ in range(args.runs))
    best = min(timed(help_cmd) for _ in range(args.runs))
    print(f"python -c pass:   {bare * 1000:7.1f} ms")
    print(f"np2torch --help:  {best * 1000:7.1f} ms  (target < 300 ms)")


if __name__ == "__main__":
    main()
