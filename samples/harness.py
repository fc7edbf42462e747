"""Shared helpers for running a sample program and comparing its output.

Used by samples/demo.py (for people) and tests/test_samples.py (for CI), so
both judge "matches NumPy" the same way: stdout compared byte for byte.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent
PROGRAMS_DIR = SAMPLES_DIR / "programs"
EXPECTED_DIR = SAMPLES_DIR / "expected"

# Generous: the converted program pays for `import torch` (a few seconds on
# a cold disk) on top of its own work, which is under a second.
RUN_TIMEOUT_S = 120


def sample_names() -> list[str]:
    """File names of the sample programs, sorted, e.g. ``kmeans.py``."""
    return sorted(p.name for p in PROGRAMS_DIR.glob("*.py"))


@dataclass
class RunResult:
    returncode: int | None  # None when the program timed out
    stdout: str
    stderr: str
    seconds: float

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_program(path: Path, timeout: float = RUN_TIMEOUT_S) -> RunResult:
    """Run one program with this interpreter and capture what it prints.

    It runs from its own folder, with a clean PYTHONPATH, so the repository
    root never shadows installed packages.
    """
    path = Path(path).resolve()
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONIOENCODING"] = "utf-8"
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(path)],
            cwd=path.parent,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        return RunResult(None, _text(exc.stdout), _text(exc.stderr), time.perf_counter() - started)
    return RunResult(done.returncode, done.stdout, done.stderr, time.perf_counter() - started)


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    if isinstance(data, bytes):
        return data.decode("utf-8", "replace")
    return data


def first_difference(expected: str, actual: str, context: int = 3) -> list[str]:
    """Describe where two outputs first differ, as lines ready to print.

    Shows the first differing line of each side and up to ``context - 1``
    lines after it, numbered from 1 like an editor does.
    """
    want = expected.splitlines()
    got = actual.splitlines()
    index = 0
    while index < min(len(want), len(got)) and want[index] == got[index]:
        index += 1
    if index == len(want) == len(got):
        # Same lines; only the final newline (or its absence) differs.
        return ["outputs differ only in trailing newline"]
    lines = [f"first difference at output line {index + 1}:"]
    for label, side in (("numpy   ", want), ("np2torch", got)):
        chunk = side[index:index + context]
        if not chunk:
            lines.append(f"  {label} | <end of output>")
        for line in chunk:
            lines.append(f"  {label} | {line}")
    return lines


def tail(text: str, lines: int = 8) -> list[str]:
    """The last few lines of ``text`` (a traceback's useful end)."""
    return text.rstrip("\n").splitlines()[-lines:]
