"""Differential check of the converter: convert a corpus, save every result, compare two runs.

    .venv/bin/python tools/convert_snapshot.py save OUT.pickle [--jobs N]
    .venv/bin/python tools/convert_snapshot.py compare OLD.pickle NEW.pickle
    .venv/bin/python tools/convert_snapshot.py scopes [--jobs N]

The corpus: every .py file of the installed numpy package, the transpiler
fixtures and samples/, and the files of networkx, sympy, torch and hypothesis
that mention numpy or torch (imports inside functions, try/except imports,
the torch bridge idioms).  A result is the output bytes, the findings (code,
line, column, message, name), the changed flag and the reference counts, for
the default options and for `approximate=True` with another runtime name.
Run `save` before and after a change to the rules (for the old code, put a
checkout of it first on PYTHONPATH) and `compare` the two files: any
difference is printed with its file.  `scopes` asks the converter's scope
analysis and LibCST's ScopeProvider the same questions on every file of the
corpus (tests/transpiler/test_scope.py, `scope_differences`) and prints the
answers that differ.
"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _package(name: str) -> Path:
    return Path(importlib.util.find_spec(name).origin).parent  # located, never imported


def corpus() -> list[Path]:
    files = sorted(_package("numpy").rglob("*.py"))
    files += sorted((REPO / "tests" / "transpiler" / "fixtures").glob("*.py"))
    files += sorted((REPO / "samples").rglob("*.py"))
    for package in ("networkx", "sympy", "torch", "hypothesis"):
        for path in sorted(_package(package).rglob("*.py")):
            data = path.read_bytes()
            if b"numpy" in data or (package != "torch" and b"torch" in data):
                files.append(path)
    return files


def _options():
    from np2torch.transpiler import Options

    return [Options(), Options(runtime="acme.rt", approximate=True)]


def _convert_one(path: str):
    from np2torch.transpiler import convert

    source = Path(path).read_bytes()
    outcome = []
    for options in _options():
        result = convert(source, options)
        outcome.append((
            result.new_source,
            [(f.code, f.line, f.column, f.message, getattr(f, "name", None)) for f in result.findings],
            result.changed,
            result.references,
            result.converted,
            None if result.error is None else (result.error.code, result.error.line, result.error.message),
        ))
    return path, outcome


def save(out: Path, jobs: int) -> None:
    import np2torch.transpiler

    print("converter:", np2torch.transpiler.__file__, file=sys.stderr)
    paths = [str(p) for p in corpus()]
    with ProcessPoolExecutor(jobs) as pool:
        results = dict(pool.map(_convert_one, paths, chunksize=4))
    with open(out, "wb") as f:
        pickle.dump(results, f)
    changed = sum(1 for outcome in results.values() if outcome[0][2])
    print(f"{len(results)} files, {changed} changed -> {out}", file=sys.stderr)


def compare(old_path: Path, new_path: Path) -> int:
    old = pickle.loads(old_path.read_bytes())
    new = pickle.loads(new_path.read_bytes())
    problems = 0
    for path in sorted(set(old) | set(new)):
        if old.get(path) != new.get(path):
            problems += 1
            print(f"DIFFERS: {path}")
            for index, (a, b) in enumerate(zip(old.get(path) or [], new.get(path) or [])):
                for field, x, y in zip(("source", "findings", "changed", "references", "converted", "error"), a, b):
                    if x != y:
                        shown_x = x if field != "source" else f"{len(x)} chars"
                        shown_y = y if field != "source" else f"{len(y)} chars"
                        print(f"  options {index} {field}: {shown_x!r} != {shown_y!r}")
    print(f"{len(old)} / {len(new)} files compared, {problems} differ")
    return 1 if problems else 0


def _scope_check(path: str):
    sys.path.insert(0, str(REPO / "tests" / "transpiler"))
    from test_scope import scope_differences, walk_order_differences

    from np2torch.transpiler.api import _on_deep_stack

    source = Path(path).read_bytes()
    outcome = []

    def check(source, options):  # on the converter's deep stack: deeply nested files too
        try:
            outcome.append(scope_differences(source) + walk_order_differences(source))
        except Exception as exc:  # files LibCST cannot parse, or that ScopeProvider rejects
            outcome.append([f"skipped: {type(exc).__name__}: {exc}"[:200]])

    _on_deep_stack(check, source, None)
    return path, outcome[0] if outcome else ["skipped: nested too deeply"]


def scopes(jobs: int) -> int:
    paths = [str(p) for p in corpus()]
    problems = skipped = 0
    with ProcessPoolExecutor(jobs) as pool:
        for path, found in pool.map(_scope_check, paths, chunksize=4):
            if found and found[0].startswith("skipped"):
                skipped += 1
                print(f"{path}: {found[0]}")
            elif found:
                problems += 1
                print(f"DIFFERS: {path}")
                for line in found[:20]:
                    print("  " + line)
    print(f"{len(paths)} files, {problems} with differences, {skipped} skipped")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p_save = sub.add_parser("save")
    p_save.add_argument("out", type=Path)
    p_save.add_argument("--jobs", type=int, default=1)
    p_compare = sub.add_parser("compare")
    p_compare.add_argument("old", type=Path)
    p_compare.add_argument("new", type=Path)
    p_scopes = sub.add_parser("scopes")
    p_scopes.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if args.command == "scopes":
        return scopes(args.jobs)
    if args.command == "save":
        save(args.out, args.jobs)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
