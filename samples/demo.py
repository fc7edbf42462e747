"""np2torch demo: convert the sample programs and check they print what NumPy prints.

Run by `make demo` as `.venv/bin/python samples/demo.py`. Steps:
1. `np2torch convert samples/programs -o TMP` writes converted copies;
2. `np2torch convert --diff` shows what changed in one sample;
3. every original runs under NumPy and its copy under np2torch.runtime, and
   their stdout is compared byte for byte.
Exits 0 only when every sample matches.
"""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import PROGRAMS_DIR, first_difference, run_program, sample_names, tail

REPO_ROOT = PROGRAMS_DIR.parent.parent
DIFF_SAMPLE = "linear_regression.py"
CLI_TIMEOUT_S = 120


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


COLOR = _use_color()


def paint(text: str, code: str) -> str:
    return f"\033[{code}m{text}\033[0m" if COLOR else text


def green(text: str) -> str:
    return paint(text, "32")


def red(text: str) -> str:
    return paint(text, "31")


def bold(text: str) -> str:
    return paint(text, "1")


def np2torch_command() -> list[str]:
    """The installed console script, or the same entry point through this interpreter."""
    script = Path(sys.executable).parent / ("np2torch.exe" if os.name == "nt" else "np2torch")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from np2torch.cli.main import main; sys.exit(main())"]


def show_command(args: list[str]) -> str:
    shown = ["np2torch"] + [_relative(a) for a in args]
    return "$ " + shlex.join(shown)


def _relative(arg: str) -> str:
    try:
        return str(Path(arg).resolve().relative_to(REPO_ROOT))
    except ValueError:
        return arg


def run_cli(args: list[str]) -> subprocess.CompletedProcess:
    print(bold(show_command(args)))
    return subprocess.run(
        np2torch_command() + args,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
    )


def indent(lines: list[str], prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in lines)


def shorten(lines: list[str], keep: int = 10) -> list[str]:
    """The first lines of a long report and its last (summary) line."""
    if len(lines) <= keep + 2:
        return lines
    return lines[:keep] + [f"... ({len(lines) - keep - 1} more lines)", lines[-1]]


def convert_tree(output_dir: Path) -> bool:
    print(bold("1. Convert the samples into a temporary tree"))
    done = run_cli(["convert", _relative(str(PROGRAMS_DIR)), "-o", str(output_dir)])
    if done.returncode == 0:
        report = (done.stdout + done.stderr).rstrip("\n").splitlines()
        print(indent(shorten(report)))
    else:
        print(red(f"    np2torch convert exited with status {done.returncode}"))
        print(indent(tail(done.stdout + done.stderr), "    | "))
    print()
    return done.returncode == 0


def show_diff(sample: str) -> None:
    print(bold(f"2. What the conversion changes in {sample}"))
    # --diff exits 1 when the file would change: that is the expected case here.
    done = run_cli(["convert", "--diff", _relative(str(PROGRAMS_DIR / sample))])
    if done.stdout:
        for line in done.stdout.rstrip("\n").splitlines():
            if line.startswith("+") and not line.startswith("+++"):
                line = green(line)
            elif line.startswith("-") and not line.startswith("---"):
                line = red(line)
            print("    " + line)
    if done.returncode not in (0, 1) or not done.stdout:
        print(red(f"    np2torch convert --diff exited with status {done.returncode}"))
    if done.stderr.strip():
        print(indent(shorten(done.stderr.rstrip("\n").splitlines()), "    | "))
    print()


def find_converted(output_dir: Path, name: str) -> Path | None:
    """Where `-o` put the copy of `name` (directly, or under the input folder's name)."""
    for candidate in (output_dir / name, output_dir / PROGRAMS_DIR.name / name):
        if candidate.exists():
            return candidate
    found = sorted(output_dir.rglob(name))
    return found[0] if found else None


def compare_sample(name: str, output_dir: Path) -> bool:
    """Run one sample both ways, print its verdict line, and say whether it matched."""
    original = run_program(PROGRAMS_DIR / name)
    label = f"  {name:<26}"
    if not original.ok:
        print(f"{label}{red('ERROR')}    the NumPy original failed ({_status(original)})")
        print(indent(tail(original.stderr), "      | "))
        return False
    converted_path = find_converted(output_dir, name)
    if converted_path is None:
        print(f"{label}{red('ERROR')}    no converted copy was written")
        return False
    converted = run_program(converted_path)
    timing = f"(numpy {original.seconds:.1f} s, np2torch {converted.seconds:.1f} s)"
    if not converted.ok:
        print(f"{label}{red('ERROR')}    the converted program failed ({_status(converted)}) {timing}")
        if converted.stdout == original.stdout[: len(converted.stdout)] and converted.stdout:
            print(f"      (its {len(converted.stdout.splitlines())} lines of output so far matched)")
        print(indent(tail(converted.stderr), "      | "))
        return False
    if converted.stdout != original.stdout:
        print(f"{label}{red('MISMATCH')} {timing}")
        print(indent(first_difference(original.stdout, converted.stdout), "      "))
        return False
    lines = len(original.stdout.splitlines())
    print(f"{label}{green('match')}    {lines} lines identical {timing}")
    return True


def _status(result) -> str:
    if result.returncode is None:
        return "timed out"
    return f"exit status {result.returncode}"


def main() -> int:
    names = sample_names()
    print(bold(f"np2torch demo: {len(names)} NumPy programs in {_relative(str(PROGRAMS_DIR))}/"))
    print()
    with tempfile.TemporaryDirectory(prefix="np2torch-demo-") as tmp:
        output_dir = Path(tmp) / "converted"
        convert_tree(output_dir)
        show_diff(DIFF_SAMPLE if DIFF_SAMPLE in names else names[0])

        print(bold("3. Run each original under NumPy and its conversion under np2torch.runtime"))
        matched = sum(compare_sample(name, output_dir) for name in names)
    print()
    summary = f"{matched}/{len(names)} samples match NumPy"
    print(bold(green(summary) if matched == len(names) else red(summary)))
    return 0 if matched == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
