"""`convert`: one source text in, converted text and findings out.

The trip: parse (LibCST keeps encoding, BOM, newlines, comments) -> report
what cannot be converted (on the original tree, where names still resolve to
numpy) -> rewrite torch-bridge idioms -> rewrite imports -> re-parse the
output -> same type back (bytes in, bytes out in the same encoding).
Nothing outside the rewritten nodes is re-rendered, so formatting elsewhere is
kept byte for byte.
"""

from __future__ import annotations

import codecs
import re
import sys
import threading
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import MetadataWrapper, ScopeProvider

from .findings import Finding, ignore_pragmas, is_silenced
from .options import Options
from .rules._names import dotted
from .rules._walk import walk
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
    if not _may_reference_numpy(source, options) and _python_parses(source):
        # Nothing can change: no rule fires without one of these words.  Python's
        # parser (C, several times faster than LibCST's) still decides that the file
        # is valid, so a broken file is reported as before.
        return Result(source)
    return _on_deep_stack(_convert, source, options)


# Every rule needs one of these words in the text: numpy imports and names, torch
# (bridge idioms), the runtime's top package (already converted code), and the
# dynamic imports whose argument could spell "numpy" with escapes.
_TRIGGERS = ("numpy", "torch", "__import__", "import_module")
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)
_ASCII_SUPERSETS = ("utf_8", "utf-8", "ascii", "latin_1", "iso8859", "cp125")


def _may_reference_numpy(source: str | bytes, options: Options) -> bool:
    triggers = _TRIGGERS + (options.runtime.split(".")[0],)
    if isinstance(source, bytes):
        head = b"\n".join(source.split(b"\n", 2)[:2])
        cookie = _COOKIE.search(head)
        if cookie is not None:
            # The byte scan is exact only where ASCII letters are the same bytes.
            try:
                name = codecs.lookup(cookie.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                return True
            if not name.startswith(_ASCII_SUPERSETS):
                return True
        return any(word.encode() in source for word in triggers)
    return any(word in source for word in triggers)


def _python_parses(source: str | bytes) -> bool:
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source)
            return True
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            return False


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

    # The module's text: what LibCST prints back (module.code), without printing it.
    text = source if isinstance(source, str) else source.decode(module.encoding)
    statements = _Statements(module)
    finder = _ImportFinder()
    if "__import__" in text:
        walk(module, finder)  # __import__(...) calls can be anywhere
    else:
        for node in statements.imports:
            finder.visit_import(node)
    roots = finder.roots
    runtime_root = options.runtime.split(".")[0]
    if not roots & {"numpy", "torch", "importlib", "__import__", runtime_root}:
        # The common case in a large tree: nothing to do, no scopes to compute.
        return Result(source)

    interesting = {"numpy", "torch", "importlib", "builtins", runtime_root}
    tracked = {name for name, root in finder.bound if root in interesting} | {"__import__", "object"}
    scopes = _scopes(module, tracked, finder, statements)
    try:
        return _apply_rules(source, options, module, text, roots, finder, statements, tracked, scopes)
    finally:
        _release(scopes)


def _apply_rules(source, options, module, text, roots, finder, statements, tracked, scopes) -> Result:
    from .rules import bridge, dtypes, references
    from .rules._layout import layout
    from .rules._resolve import Resolver

    resolver = Resolver(scopes, tracked)
    report = references.ReferenceReporter(options, resolver)
    dtype_report = dtypes.DtypeReporter(options.runtime, resolver)
    walk(module, report, dtype_report)
    bridge_rule = bridge.BridgeRewriter(options.runtime, imports_torch="torch" in roots, resolver=resolver,
                                        imports=statements.imports)
    imports = ImportRewriter(options.runtime)
    # Every bridge idiom involves torch: without a torch import there is nothing to rewrite.
    replacements = bridge.rewrite_statements(module, bridge_rule) if "torch" in roots else {}
    nested: set[int] = set()
    for key, inside in _imports_inside(replacements).items():  # imports in a rewritten compound statement
        original, replacement, codegen = replacements[key]
        replacements[key] = (original, replacement.visit(imports), codegen)
        nested |= inside
    for node in statements.imports:
        if id(node) in nested:
            continue
        rewrite = imports.leave_Import if isinstance(node, cst.Import) else imports.leave_ImportFrom
        new_node = rewrite(node, node)
        if new_node is not node:
            replacements[id(node)] = (node, new_node, statements.codegen[id(node)])
    insert = bridge_rule.runtime_import(module)
    changed = bool(imports.rewritten or bridge_rule.rewritten or bridge_rule.need_import)

    pending = [p for p in report.pending + dtype_report.pending if options.reports(p[0])]
    where = layout(module, text, starts=[node for _, _, node, _ in pending],
                   replacements=replacements if changed else None, insert=insert if changed else None)
    new_bytes = None
    if changed:
        new_bytes = where.text.encode(module.encoding)
        fragments = [replacement for _, replacement, _ in replacements.values()] + ([insert[1]] if insert else [])
        if not _fragments_parse(module, fragments):
            problem = _reparse_problem(source, new_bytes)
            if problem is not None:  # pragma: no cover - a bug in a rule
                error = Finding("NP2T002", f"converted text does not parse: {problem[1]}", problem[0], 1)
                return Result(source, [error], error=error)

    found = []
    if pending:
        pragmas = ignore_pragmas(text)
        for code, message, node, name in pending:
            line, column = where.positions[id(node)]
            finding = Finding(code, message, line, column, name)
            if not is_silenced(finding, pragmas):
                found.append(finding)
    findings = sorted(found, key=lambda f: (f.line, f.column, f.code))
    if not changed:
        new_source = source
    elif isinstance(source, bytes):
        new_source = new_bytes
    else:
        new_source = new_bytes.decode(module.encoding)
    return Result(
        new_source,
        findings,
        changed=changed,
        references=report.references + bridge_rule.rewritten,
        converted=report.converted + bridge_rule.rewritten,
    )


def _imports_inside(replacements) -> dict[int, set[int]]:
    """id(rewritten statement) -> ids of the import statements it contains (compound ones only)."""
    found = {}
    for key, (original, _, _) in replacements.items():
        if isinstance(original, cst.BaseCompoundStatement):
            inside = {id(node) for node in _Statements(original).imports}
            if inside:
                found[key] = inside
    return found


def _fragments_parse(module: cst.Module, statements) -> bool:
    """Whether each new statement parses on its own (Python's parser).

    The converted text is the original text, which parsed, with whole
    statements replaced; a statement that parses alone parses in its place.
    When one does not (or Python is older than its syntax), the caller parses
    the whole converted text as before.
    """
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for statement in statements:
            try:
                ast.parse(module.code_for_node(statement))
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return False
    return True


def _release(scopes) -> None:
    from .rules import _scope

    _scope.release(scopes)


def _scopes(module: cst.Module, tracked: set[str], finder: _ImportFinder, statements: _Statements):
    """id(node) -> LibCST scope for the nodes rules look up (see rules/_scope.py)."""
    from .rules import _scope

    typing_names = {name for name, root in finder.bound if root in ("typing", "typing_extensions")}
    if not statements.defines & {"typing", "typing_extensions"}:
        return _scope.analyze(module, frozenset(tracked), frozenset(typing_names))
    # LibCST would qualify the local names of a function or class called `typing` as typing.*.
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    return {id(node): scope for node, scope in wrapper.resolve(ScopeProvider).items()}


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


def _reparse_problem(source, new_bytes: bytes):
    """(line, message) if the converted text does not parse, else None.

    Python's own parser is the judge (and fast); where the running Python is
    older than the file's syntax (the original does not parse either), LibCST's.
    """
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(new_bytes)
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
        cst.parse_module(new_bytes)
    except cst.ParserSyntaxError as exc:
        return exc.raw_line, exc.message
    return None


class _ImportFinder(cst.CSTVisitor):
    """Top-level packages the file imports (and `__import__` if it calls it), and the
    names each import binds: `bound` holds (name, top-level package) pairs."""

    def __init__(self):
        super().__init__()
        self.roots: set[str] = set()
        self.bound: set[tuple[str, str]] = set()

    def visit_import(self, node: cst.Import | cst.ImportFrom) -> None:
        if isinstance(node, cst.Import):
            self.visit_Import(node)
        else:
            self.visit_ImportFrom(node)

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            module = dotted(alias.name) or ""
            root = module.split(".")[0]
            self.roots.add(root)
            name = alias.evaluated_alias if alias.asname is not None else root
            if name:
                self.bound.add((name, root))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if not node.relative:
            root = (dotted(node.module) or "").split(".")[0]
            self.roots.add(root)
            if not isinstance(node.names, cst.ImportStar):
                for alias in node.names:
                    name = alias.evaluated_alias if alias.asname is not None else dotted(alias.name)
                    if name:
                        self.bound.add((name.split(".")[0], root))
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


# Fields of compound statements that hold statements.
_STATEMENT_FIELDS = ("body", "orelse", "handlers", "finalbody", "cases")


class _Statements:
    """Every import statement of the module, and the names `def`/`class` statements define,
    from a walk over statements only (imports are statements; expressions cannot hold one)."""

    def __init__(self, root: cst.CSTNode):
        self.imports: list[cst.Import | cst.ImportFrom] = []
        self.codegen: dict[int, dict] = {}  # id(import) -> what its line passes to its codegen
        self.defines: set[str] = set()
        pending = [root]
        while pending:
            node = pending.pop()
            if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                last = len(node.body) - 1
                for index, small in enumerate(node.body):
                    if isinstance(small, (cst.Import, cst.ImportFrom)):
                        self.imports.append(small)
                        self.codegen[id(small)] = {"default_semicolon": index != last}
                continue
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                self.defines.add(node.name.value)
            inner = []
            for name in _STATEMENT_FIELDS:
                value = getattr(node, name, None)
                if isinstance(value, (list, tuple)):
                    inner.extend(value)
                elif isinstance(value, cst.CSTNode):
                    inner.append(value)
            pending.extend(reversed(inner))  # source order
