"""`convert`: one source text in, converted text and findings out.

The trip: parse (LibCST keeps encoding, BOM, newlines, comments) -> report
what cannot be converted (on the original tree, where names still resolve to
numpy) -> rewrite torch-bridge idioms -> rewrite imports -> re-parse the
output -> same type back (bytes in, bytes out in the same encoding).
Nothing outside the rewritten nodes is re-rendered, so formatting elsewhere is
kept byte for byte.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import MetadataWrapper

from .findings import Finding, ignore_pragmas, is_silenced
from .options import Options
from .rules._names import dotted
from .rules.imports import ImportRewriter


@dataclass
class Result:
    new_source: str | bytes
    findings: list[Finding] = field(default_factory=list)
    changed: bool = False
    references: int = 0  # NumPy references seen (imports and uses)
    converted: int = 0  # of which the runtime (or torch) honours
    error: Finding | None = None  # set when the source could not be converted at all

    @property
    def failed(self) -> bool:
        return self.error is not None


# LibCST's parser (native code) and its visitors (Python) recurse once per
# nesting level.  On the default 8 MiB stack and recursion limit of 1000, valid
# files with a few hundred nested expressions raised RecursionError and a few
# thousand crashed the process (SIGSEGV).  Conversion therefore runs on a thread
# with a large stack and a raised recursion limit; what is still too deep is
# reported as NP2T001 instead of crashing.
_STACK_BYTES = 512 * 1024 * 1024  # reserved address space; only touched pages cost memory
_RECURSION_LIMIT = 60_000
_deep_stack_lock = threading.Lock()


def convert(source: str | bytes, options: Options | None = None) -> Result:
    options = options or Options()
    return _on_deep_stack(_convert, source, options)


def _on_deep_stack(function, source, options) -> Result:
    outcome: list = []

    def target():
        try:
            outcome.append(function(source, options))
        except (RecursionError, MemoryError) as exc:
            outcome.append(exc)

    with _deep_stack_lock:
        old_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old_limit, _RECURSION_LIMIT))
        try:
            worker = threading.Thread(target=target, name="np2torch-convert")
            old_stack = threading.stack_size(_STACK_BYTES)  # applies to threads started now
            try:
                worker.start()
            finally:
                threading.stack_size(old_stack)
            worker.join()
        finally:
            sys.setrecursionlimit(old_limit)
    if not outcome:  # pragma: no cover - the thread died without a result
        raise RuntimeError("np2torch: conversion thread ended without a result")
    if isinstance(outcome[0], BaseException):
        kind = "nested too deeply" if isinstance(outcome[0], RecursionError) else "too large"
        error = Finding("NP2T001", f"cannot parse: the code is {kind} for the converter", 1, 1)
        return Result(source, [error], error=error)
    return outcome[0]


def _convert(source: str | bytes, options: Options) -> Result:
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as exc:
        error = _syntax_error(source, exc)
        return Result(source, [error], error=error)
    except (UnicodeDecodeError, LookupError, SyntaxError, ValueError) as exc:
        error = Finding("NP2T001", f"cannot decode: {exc}", 1, 1)
        return Result(source, [error], error=error)

    roots = _imported_roots(module)
    if not roots & {"numpy", "torch", "importlib", "__import__", options.runtime.split(".")[0]}:
        # The common case in a large tree: nothing to do, no metadata to compute.
        return Result(source)

    from .rules import bridge, dtypes, references

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    report = references.ReferenceReporter(options)
    wrapper.visit(report)
    dtype_report = dtypes.DtypeReporter(options.runtime)
    wrapper.visit(dtype_report)
    bridge_rule = bridge.BridgeRewriter(options.runtime, imports_torch="torch" in roots)
    # Every bridge idiom involves torch: without a torch import there is nothing to rewrite.
    bridged = wrapper.visit(bridge_rule) if "torch" in roots else module
    imports = ImportRewriter(options.runtime)
    new_module = bridged.visit(imports)

    new_code = new_module.code
    changed = new_code != module.code
    if changed:
        problem = _reparse_problem(source, new_module)
        if problem is not None:  # pragma: no cover - a bug in a rule
            error = Finding("NP2T002", f"converted text does not parse: {problem[1]}", problem[0], 1)
            return Result(source, [error], error=error)

    pragmas = ignore_pragmas(module.code)
    findings = sorted(
        (
            f
            for f in report.findings + dtype_report.findings
            if options.reports(f.code) and not is_silenced(f, pragmas)
        ),
        key=lambda f: (f.line, f.column, f.code),
    )
    if not changed:
        new_source = source
    else:
        new_source = new_module.bytes if isinstance(source, bytes) else new_code
    return Result(
        new_source,
        findings,
        changed=changed,
        references=report.references + bridge_rule.rewritten,
        converted=report.converted + bridge_rule.rewritten,
    )


def _syntax_error(source: str | bytes, exc: cst.ParserSyntaxError) -> Finding:
    """Python's own message and position where it has one: LibCST's are coarser."""
    import ast
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source)
    except SyntaxError as py_exc:
        line = py_exc.lineno or exc.raw_line
        column = py_exc.offset or 1
        return Finding("NP2T001", f"cannot parse: {py_exc.msg}", line, column)
    except (ValueError, RecursionError, MemoryError):
        pass
    message = exc.message.splitlines()[0] if exc.message else "syntax error"
    return Finding("NP2T001", f"cannot parse: {message}", exc.raw_line, exc.raw_column + 1)


def _reparse_problem(source, new_module: cst.Module):
    """(line, message) if the converted text does not parse, else None.

    Python's own parser is the judge (and fast); where the running Python is
    older than the file's syntax (the original does not parse either), LibCST's.
    """
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(new_module.bytes)
            return None
        except SyntaxError as exc:
            first = (exc.lineno or 1, exc.msg)
        except (ValueError, RecursionError, MemoryError):
            first = None
        try:
            ast.parse(source)
            if first is not None:
                return first
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
    try:
        cst.parse_module(new_module.bytes)
    except cst.ParserSyntaxError as exc:
        return exc.raw_line, exc.message
    return None


def _imported_roots(module: cst.Module) -> set[str]:
    """Top-level packages the file imports (and `__import__` if it calls it), from the tree."""
    finder = _ImportFinder()
    module.visit(finder)
    return finder.roots


class _ImportFinder(cst.CSTVisitor):
    def __init__(self):
        super().__init__()
        self.roots: set[str] = set()

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            self.roots.add((dotted(alias.name) or "").split(".")[0])
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if not node.relative:
            self.roots.add((dotted(node.module) or "").split(".")[0])
        return False

    def visit_Call(self, node: cst.Call) -> bool:
        if isinstance(node.func, cst.Name) and node.func.value == "__import__":
            self.roots.add("__import__")
        return True

    # Imports are statements: expressions other than calls cannot hold one.
    def visit_Assign(self, node) -> bool:
        return any(isinstance(n, cst.Call) for n in (node.value,))

    def visit_Decorator(self, node) -> bool:
        return False

    def visit_Parameters(self, node) -> bool:
        return False

    def visit_Comparison(self, node) -> bool:
        return False

    def visit_BinaryOperation(self, node) -> bool:
        return False

    def visit_Attribute(self, node) -> bool:
        return False

    def visit_Subscript(self, node) -> bool:
        return False

    def visit_SimpleString(self, node) -> bool:
        return False
