"""Findings and the summary as text, JSON or GitHub Actions annotations.

text    path:line:col: CODE message           (one line per finding)
json    one JSON document (see README) with every file, finding and the summary
github  ::error file=...,line=...,col=...,title=CODE::message  workflow commands

The report goes to stdout, except when stdout already carries a diff or
converted code (--diff, stdin); then it goes to stderr.  The one-line
summary always goes to stderr.
"""

from __future__ import annotations

import json

import click

from np2torch import __version__


def summary(outcomes) -> dict:
    counts = {"changed": 0, "unchanged": 0, "failed": 0, "copied": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    references = sum(o.references for o in outcomes)
    converted = sum(o.converted for o in outcomes)
    return {
        "files_changed": counts["changed"],
        "files_unchanged": counts["unchanged"],
        "files_failed": counts["failed"],
        "files_copied": counts["copied"],
        "findings": sum(len(o.findings) for o in outcomes),
        "numpy_references": references,
        "numpy_references_converted": converted,
        "convert_rate": round(converted / references, 4) if references else 1.0,
    }


def summary_line(totals: dict, mode: str) -> str:
    verb = "converted" if mode == "write" else "would be converted"
    parts = [
        f"{totals['files_changed']} file{'s' if totals['files_changed'] != 1 else ''} {verb}",
        f"{totals['files_unchanged']} unchanged",
        f"{totals['files_failed']} failed",
    ]
    if totals["files_copied"]:
        parts.append(f"{totals['files_copied']} copied")
    line = ", ".join(parts)
    line += f"; {totals['findings']} finding{'s' if totals['findings'] != 1 else ''}"
    if totals["numpy_references"]:
        line += (f"; NumPy references converted: {totals['numpy_references_converted']}/"
                 f"{totals['numpy_references']} ({100 * totals['convert_rate']:.1f}%)")
    return line


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(outcomes, fmt: str, mode: str, to_stdout: bool, quiet: bool, options=None) -> None:
    err = not to_stdout
    totals = summary(outcomes)
    if fmt == "json":
        document = {
            "version": __version__,
            "mode": mode,
            "files": [
                {
                    "path": o.display,
                    "status": o.status,
                    **({"error": o.error} if o.error else {}),
                    "references": o.references,
                    "converted": o.converted,
                    "findings": [f.to_dict() for f in o.findings],
                }
                for o in outcomes
                if o.status != "copied"
            ],
            "summary": totals,
        }
        click.echo(json.dumps(document, indent=2), err=err)
    else:
        for outcome in outcomes:
            if outcome.error:
                if fmt == "github":
                    click.echo(_github("error", outcome.display, outcome.error), err=err)
                else:
                    click.echo(outcome.error, err=True)
            for finding in outcome.findings:
                if fmt == "github":
                    click.echo(
                        f"::{finding.severity} file={_escape_property(outcome.display)},line={finding.line},"
                        f"col={finding.column},title={finding.code}::{_escape_data(finding.message)}",
                        err=err,
                    )
                else:
                    cell = f"cell {finding.cell}:" if finding.cell is not None else ""
                    click.echo(f"{outcome.display}:{cell}{finding.line}:{finding.column}: {finding.code} {finding.message}",
                               err=err)
    if not quiet and fmt != "json":
        click.echo(summary_line(totals, mode), err=True)


def _github(level: str, path: str, message: str) -> str:
    line = ""
    rest = message[len(path) + 1:] if message.startswith(path + ":") else ""
    head = rest.split(":", 2)
    if len(head) >= 2 and head[0].isdigit():
        line = f",line={head[0]}"
    return f"::{level} file={_escape_property(path)}{line}::{_escape_data(message)}"
