"""`np2torch convert`: options -> tasks -> workers -> report -> exit status."""

from __future__ import annotations

import dataclasses
import difflib
import io
import os
import shutil
import sys
import tokenize
from collections import deque
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import click

from . import report
from .config import ConfigError, load_config
from .discover import Task, discover, _matches
from .fileio import atomic_write, read_bytes

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2
PARALLEL_THRESHOLD = 8  # below this many files a process pool costs more than it saves


@dataclass
class Outcome:
    display: str
    status: str  # "changed", "unchanged", "failed", "copied"
    findings: list = field(default_factory=list)  # Finding
    error: str | None = None  # a message for failed files
    diff: str = ""
    references: int = 0
    converted: int = 0
    cached: bool = False
    new_data: bytes | None = None  # converted bytes; dropped before leaving a worker


@dataclass(frozen=True)
class Job:
    mode: str  # "write", "diff", "check"
    options: object  # transpiler Options
    cache_dir: str | None
    color: bool
    checked_cache: bool = False  # the main process already looked these tasks up


def _cached_outcome(task: Task, job: Job) -> Outcome | None:
    from .cache import Cache

    try:
        data = read_bytes(task.source)
    except OSError:
        return None  # the worker reports it
    cache = Cache(Path(job.cache_dir), job.options)
    entry = cache.get(cache.key(_kind(task.display), data))
    if entry is None:
        return None
    from np2torch.transpiler.findings import Finding

    return Outcome(task.display, "unchanged", [Finding(**f) for f in entry["findings"]],
                   references=entry["references"], converted=entry["converted"], cached=True)


def _kind(display: str) -> str:
    return "notebook" if display.endswith(".ipynb") else "python"


def run_convert(paths, output, diff, check, report_format, jobs, excludes, stdin_filename, runtime,
                select, ignore, approximate, no_gitignore, no_cache, color, config_path, quiet) -> int:
    try:
        config = load_config(Path.cwd(), Path(config_path) if config_path else None)
    except ConfigError as exc:
        click.echo(f"np2torch: {exc}", err=True)
        return EXIT_ERROR

    from np2torch.transpiler.options import Options

    def codes(text, configured):
        return tuple(c.strip() for c in text.split(",") if c.strip()) if text is not None else tuple(configured)

    try:
        options = Options(
            runtime=runtime or config.runtime or Options.runtime,
            select=codes(select, config.select),
            ignore=codes(ignore, config.ignore),
            approximate=config.approximate if approximate is None else approximate,
        )
    except ValueError as exc:
        click.echo(f"np2torch: {exc}", err=True)
        return EXIT_ERROR

    mode = "diff" if diff else "check" if check else "write"
    all_excludes = list(config.exclude) + list(excludes)
    use_color = sys.stdout.isatty() if color is None else color

    if "-" in paths:
        if len(paths) > 1:
            click.echo("np2torch: '-' (stdin) cannot be combined with other paths", err=True)
            return EXIT_ERROR
        return _run_stdin(mode, options, stdin_filename, all_excludes, report_format, use_color, quiet)

    if output and mode == "write":
        os.makedirs(output, exist_ok=True)
    tasks, problems = discover(paths, all_excludes, use_gitignore=config.gitignore and not no_gitignore,
                               output=output if mode == "write" else None, base=config.root)
    for problem in problems:
        click.echo(problem, err=True)

    use_cache = config.cache and not no_cache
    from .cache import cache_dir

    job = Job(mode, options, str(cache_dir(config.root)) if use_cache else None, use_color)
    outcomes = _execute(tasks, job, jobs or config.jobs, show_progress=not quiet)

    report_stream_is_stdout = mode != "diff"
    if mode == "diff":
        for outcome in outcomes:
            if outcome.diff:
                click.echo(outcome.diff, nl=False)
    report.render(outcomes, report_format or "text", mode, to_stdout=report_stream_is_stdout,
                  quiet=quiet, options=options)

    if problems or any(o.status == "failed" for o in outcomes):
        return EXIT_ERROR
    if mode != "write" and any(o.status == "changed" or o.findings for o in outcomes):
        return EXIT_CHANGES
    return EXIT_OK


def _execute(tasks: list[Task], job: Job, jobs: int | None, show_progress: bool) -> list[Outcome]:
    if job.cache_dir is not None and not job.checked_cache:
        # Cache hits are answered here, without starting worker processes: a
        # re-run on an unchanged tree reads, hashes and looks up, nothing more.
        # (-o tasks also write a copy, so their workers look them up.)
        known = {}
        for index, task in enumerate(tasks):
            if task.action == "convert" and task.destination is None:
                outcome = _cached_outcome(task, job)
                if outcome is not None:
                    known[index] = outcome
        if not any(task.destination is not None for task in tasks):
            job = dataclasses.replace(job, checked_cache=True)
        if known:
            rest = [task for index, task in enumerate(tasks) if index not in known]
            done = iter(_execute(rest, job, jobs, show_progress) if rest else [])
            return [known[index] if index in known else next(done) for index in range(len(tasks))]
    convertible = sum(1 for t in tasks if t.action == "convert")
    if jobs is None:
        jobs = (os.cpu_count() or 1) if convertible >= PARALLEL_THRESHOLD else 1
    progress = show_progress and sys.stderr.isatty() and len(tasks) > 20
    if jobs <= 1 or len(tasks) < 2:
        if convertible:
            tune_gc()
        return _collect(_in_process(tasks, job), len(tasks), progress)
    with ProcessPoolExecutor(max_workers=jobs, initializer=tune_gc) as pool:
        chunk = max(1, min(16, len(tasks) // (jobs * 4)))
        return _collect(pool.map(process, tasks, [job] * len(tasks), chunksize=chunk), len(tasks), progress)


def tune_gc() -> None:
    """Garbage collection settings for a process that converts files.

    A conversion builds a tree of about a million LibCST nodes that lives
    until the file is done.  With Python's default thresholds (700, 10, 10)
    the young generations are collected every few thousand allocations and
    every collection of generation 1 walks the whole tree built so far: about
    a fifth of the converter's time on numpy's sources.  Collecting the young
    generation every 50 000 allocations and the middle one 1 000 times less
    often removes almost all of that; reference cycles (LibCST's scope
    objects) are still collected, a few files later.  `gc.freeze()` keeps the
    modules loaded so far out of every collection.
    """
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 1_000, 10)


def _collect(results, total, progress) -> list[Outcome]:
    if not progress:
        return list(results)
    outcomes = []
    with click.progressbar(length=total, file=sys.stderr, label="converting") as bar:
        for outcome in results:
            outcomes.append(outcome)
            bar.update(1)
    return outcomes


def process(task: Task, job: Job) -> Outcome:
    """Do one task; never raises for a problem with the file itself."""
    stage = _read_and_convert(task, job)
    return stage if isinstance(stage, Outcome) else stage()


def _finished(stage) -> bool:
    return not hasattr(stage, "done") or stage.done()


def _read_and_convert(task: Task, job: Job) -> Outcome | Callable[[], Outcome]:
    """A task up to its write: its Outcome, or the write still to do (which returns it)."""
    if task.action == "link":
        return lambda: _copy_link(task)
    try:
        data = read_bytes(task.source)
    except OSError as exc:
        return Outcome(task.display, "failed", error=f"{task.display}: cannot read: {exc.strerror or exc}")
    if task.action == "copy":
        return lambda: _copy(task, data)

    outcome = _convert_bytes(task.display, data, job)
    if outcome.status == "failed" and job.mode == "write" and task.destination is not None:
        def copy_as_is() -> Outcome:
            _copy(task, data)  # the output tree stays complete; the file is reported and copied as is
            outcome.new_data = None
            return outcome

        return copy_as_is
    if outcome.status == "failed" or job.mode != "write":
        outcome.new_data = None
        return outcome
    return lambda: _write(task, outcome)


def _write(task: Task, outcome: Outcome) -> Outcome:
    try:
        if task.destination is not None:
            os.makedirs(os.path.dirname(task.destination) or ".", exist_ok=True)
            atomic_write(task.destination, outcome.new_data, mode_from=task.source)
        elif outcome.status == "changed":
            if not os.access(task.source, os.W_OK):
                return Outcome(task.display, "failed", outcome.findings,
                               error=f"{task.display}: file is read-only; left unchanged")
            atomic_write(task.source, outcome.new_data)
    except OSError as exc:
        return Outcome(task.display, "failed", outcome.findings,
                       error=f"{task.display}: cannot write: {exc.strerror or exc}")
    outcome.new_data = None  # nothing large travels back from a worker
    return outcome


WRITES_IN_FLIGHT = 64  # converted files waiting for the writer thread, at most


def _in_process(tasks: list[Task], job: Job):
    """Outcomes in task order; files are written (fsync included) while the next ones convert.

    One writer thread: a write waits on the disk (the GIL released), a
    conversion on the CPU.  Small files convert faster than a write syncs, so
    several writes may wait in line (their bytes are held until written).
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="np2torch-write") as writer:
        in_flight: deque = deque()
        for task in tasks:
            stage = _read_and_convert(task, job)
            in_flight.append(stage if isinstance(stage, Outcome) else writer.submit(stage))
            while len(in_flight) > WRITES_IN_FLIGHT or (in_flight and _finished(in_flight[0])):
                done = in_flight.popleft()
                yield done.result() if isinstance(done, Future) else done
        while in_flight:
            done = in_flight.popleft()
            yield done.result() if isinstance(done, Future) else done


def _convert_bytes(display: str, data: bytes, job: Job) -> Outcome:
    from np2torch.transpiler.findings import Finding

    kind = _kind(display)
    cache = None
    if job.cache_dir is not None:
        from .cache import Cache

        cache = Cache(Path(job.cache_dir), job.options)
        key = cache.key(kind, data)
        entry = None if job.checked_cache else cache.get(key)
        if entry is not None:
            outcome = Outcome(display, "unchanged", [Finding(**f) for f in entry["findings"]],
                              references=entry["references"], converted=entry["converted"], cached=True)
            outcome.new_data = data
            return outcome

    if kind == "notebook":
        from np2torch.transpiler import convert_notebook as convert
    else:
        from np2torch.transpiler import convert
    result = convert(data, job.options)
    if result.failed:
        error = result.error
        cell = f"cell {error.cell}:" if error.cell is not None else ""
        return Outcome(display, "failed", [], new_data=data,
                       error=f"{display}:{cell}{error.line}:{error.column}: {error.code} {error.message}")
    status = "changed" if result.changed else "unchanged"
    outcome = Outcome(display, status, list(result.findings), references=result.references,
                      converted=result.converted)
    outcome.new_data = result.new_source
    if result.changed and job.mode == "diff":
        outcome.diff = unified_diff(display, data, result.new_source, job.color)
    if cache is not None and not result.changed:
        cache.put(key, {"findings": [_finding_fields(f) for f in result.findings],
                        "references": result.references, "converted": result.converted})
    return outcome


def _finding_fields(finding) -> dict:
    return {"code": finding.code, "message": finding.message, "line": finding.line,
            "column": finding.column, "name": finding.name, "cell": finding.cell}


def _copy(task: Task, data: bytes) -> Outcome:
    try:
        os.makedirs(os.path.dirname(task.destination) or ".", exist_ok=True)
        atomic_write(task.destination, data, mode_from=task.source)
    except OSError as exc:
        return Outcome(task.display, "failed", error=f"{task.display}: cannot copy: {exc.strerror or exc}")
    return Outcome(task.display, "copied")


def _copy_link(task: Task) -> Outcome:
    try:
        os.makedirs(os.path.dirname(task.destination) or ".", exist_ok=True)
        if os.path.lexists(task.destination):
            os.unlink(task.destination)
        os.symlink(os.readlink(task.source), task.destination)
    except OSError as exc:
        return Outcome(task.display, "failed", error=f"{task.display}: cannot copy link: {exc.strerror or exc}")
    return Outcome(task.display, "copied")


def _decode(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8"
    return data.decode(encoding, errors="replace")


def _diff_label(side: str, display: str) -> str:
    return display if os.path.isabs(display) else f"{side}/{display}"


def unified_diff(display: str, old: bytes, new: bytes, color: bool) -> str:
    lines = difflib.unified_diff(
        _decode(old).splitlines(keepends=True),
        _decode(new).splitlines(keepends=True),
        _diff_label("a", display), _diff_label("b", display),
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        if color:
            if line.startswith(("+++", "---")):
                line = click.style(line, bold=True)
            elif line.startswith("@@"):
                line = click.style(line, fg="cyan")
            elif line.startswith("+"):
                line = click.style(line, fg="green")
            elif line.startswith("-"):
                line = click.style(line, fg="red")
        out.append(line)
    return "".join(out)


def _run_stdin(mode, options, stdin_filename, excludes, report_format, color, quiet) -> int:
    display = stdin_filename or "-"
    data = sys.stdin.buffer.read()
    if stdin_filename and _matches(excludes, Path(stdin_filename).as_posix(), Path(stdin_filename).name):
        if mode == "write":
            sys.stdout.buffer.write(data)
        return EXIT_OK
    outcome = _convert_bytes(display, data, Job(mode, options, None, color))
    if outcome.status == "failed":
        click.echo(outcome.error, err=True)
        return EXIT_ERROR
    if mode == "write":
        sys.stdout.buffer.write(outcome.new_data)
        sys.stdout.flush()
    elif mode == "diff" and outcome.diff:
        click.echo(outcome.diff, nl=False)
    report.render([outcome], report_format or "text", mode, to_stdout=False, quiet=True, options=options)
    if mode != "write" and (outcome.status == "changed" or outcome.findings):
        return EXIT_CHANGES
    return EXIT_OK
