"""Notebooks (.ipynb, nbformat 4): code cells convert as one program.

All code cells are joined (so `import numpy as np` in the first cell is seen
by the others), converted by `convert`, and split back.  IPython syntax that
is not Python (`%magic`, `!shell`, `x = !cmd`, `obj?`) is masked by a
placeholder line before and restored after; a cell starting with a `%%` cell
magic is left alone.  Markdown/raw cells, outputs and metadata are never
touched; a notebook that needs no change is returned byte for byte.
Findings carry the cell number and the line within that cell.
"""

from __future__ import annotations

import dataclasses
import json
import re

from .api import Result, convert
from .findings import Finding
from .options import Options

CELL_MARK = "# np2torch-cell:"
MAGIC_MARK = "pass  # np2torch-magic:"
_MAGIC_LINE = re.compile(r"^(\s*)(?:[%!]|\w+\s*=\s*[%!]|.*\?\s*$)")


def _error(source, message) -> Result:
    error = Finding("NP2T003", message, 1, 1)
    return Result(source, [error], error=error)


def convert_notebook(source: str | bytes, options: Options | None = None) -> Result:
    options = options or Options()
    try:
        # UnicodeDecodeError is a ValueError: a notebook that is not UTF-8 is reported too.
        text = source.decode("utf-8-sig") if isinstance(source, bytes) else source
        notebook = json.loads(text)
        cells = notebook["cells"]
        if not isinstance(cells, list):
            raise TypeError("cells is not a list")
        metadata = notebook.get("metadata", {})
        kernelspec = metadata.get("kernelspec", {}) if isinstance(metadata, dict) else {}
        language = kernelspec.get("language", "python") if isinstance(kernelspec, dict) else "python"
        for cell in cells:
            if isinstance(cell, dict) and cell.get("cell_type") == "code":
                _cell_text(cell)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return _error(source, f"cannot read notebook: {exc}")
    if language != "python":
        return Result(source)

    code_cells = [
        (index, cell) for index, cell in enumerate(cells)
        if isinstance(cell, dict) and cell.get("cell_type") == "code"
    ]
    program, magics, origins = [], {}, []  # origins[i] = (cell index, line in cell) of program line i+1
    masked_cells = set()
    for index, cell in code_cells:
        cell_text = _cell_text(cell)
        if cell_text.lstrip().startswith("%%"):
            masked_cells.add(index)
            continue
        program.append(f"{CELL_MARK}{index}\n")
        origins.append((index, 0))
        lines = cell_text.splitlines(keepends=True)
        for number, line in enumerate(lines, start=1):
            match = _MAGIC_LINE.match(line)
            if match and not _is_python(line):
                key = f"{len(magics)}"
                magics[key] = line.rstrip("\r\n")
                line = f"{match.group(1)}{MAGIC_MARK}{key}\n"
            elif not line.endswith("\n"):
                line += "\n"
            program.append(line)
            origins.append((index, number))

    joined = "".join(program)
    result = convert(joined, options)
    if result.failed:
        cell, line = origins[result.error.line - 1] if 0 < result.error.line <= len(origins) else (None, result.error.line)
        error = dataclasses.replace(result.error, line=max(line, 1), cell=cell)
        return Result(source, [error], error=error)

    findings = []
    for finding in result.findings:
        cell, line = origins[finding.line - 1] if 0 < finding.line <= len(origins) else (None, finding.line)
        findings.append(dataclasses.replace(finding, line=max(line, 1), cell=cell))
    if not result.changed:
        return Result(source, findings, references=result.references, converted=result.converted)

    new_sources = _split(result.new_source, magics)
    changed = False
    for index, cell in code_cells:
        if index in masked_cells or index not in new_sources:
            continue
        old = cell.get("source", "")
        old_text = "".join(old) if isinstance(old, list) else old
        new_text = new_sources[index]
        if not old_text.endswith("\n") and new_text.endswith("\n"):
            new_text = new_text[:-1]
        if new_text != old_text:
            changed = True
            cell["source"] = new_text.splitlines(keepends=True) if isinstance(old, list) else new_text
    if not changed:
        return Result(source, findings, references=result.references, converted=result.converted)
    new_text = _dump(notebook, text)
    new_source = new_text.encode("utf-8") if isinstance(source, bytes) else new_text
    return Result(new_source, findings, changed=True, references=result.references, converted=result.converted)


def _cell_text(cell: dict) -> str:
    """A code cell's source; raises TypeError when it is not a string or a list of strings."""
    cell_source = cell.get("source", "")
    if isinstance(cell_source, list):
        return "".join(cell_source)
    if isinstance(cell_source, str):
        return cell_source
    raise TypeError(f"cell source is {type(cell_source).__name__}, not a string or list of strings")


def _is_python(line: str) -> bool:
    """`a != b` and `x = y % 2` match the magic pattern loosely; real Python wins."""
    import ast

    stripped = line.strip()
    if stripped.startswith(("%", "!")):
        return False
    try:
        ast.parse(stripped)
        return True
    except SyntaxError:
        return False


def _split(program: str, magics: dict) -> dict[int, str]:
    cells: dict[int, list[str]] = {}
    current = None
    for line in program.splitlines(keepends=True):
        if line.startswith(CELL_MARK):
            current = int(line[len(CELL_MARK):].strip())
            cells[current] = []
            continue
        if MAGIC_MARK in line:
            key = line.split(MAGIC_MARK, 1)[1].strip()
            line = magics[key] + "\n"
        if current is None:  # an import the bridge rule added above the first cell marker
            current = -1
            cells[current] = []
        cells[current].append(line)
    if -1 in cells:
        first = min(k for k in cells if k >= 0) if any(k >= 0 for k in cells) else None
        if first is not None:
            cells[first] = cells.pop(-1) + cells[first]
    return {index: "".join(lines) for index, lines in cells.items() if index >= 0}


def _dump(notebook: dict, original: str) -> str:
    """Serialise like the file was: nbformat writes indent=1, non-ASCII as is, a final newline."""
    indent = 1
    for line in original.splitlines()[1:2]:
        indent = len(line) - len(line.lstrip(" ")) or 1
    text = json.dumps(notebook, indent=indent, ensure_ascii=not _has_raw_non_ascii(original))
    return text + "\n" if original.endswith("\n") else text


def _has_raw_non_ascii(text: str) -> bool:
    return any(ord(ch) > 127 for ch in text)
