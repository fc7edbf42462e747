"""Positions of chosen nodes and the converted text, from one partial code generation.

LibCST prints a module back to exactly the text it parsed, token by token.
So the text before a node is the code generated before it: one code
generation pass that notes where chosen nodes begin gives their positions
(what PositionProvider reports for them), and noting where replaced nodes
begin and end lets the converted text be put together from the original
tokens and the code of the replacements alone.  The pass stops after the last
node it needs; the rest of the converted text is the rest of the original
text, which is what the remaining tokens would have spelled.

This replaces generating the whole converted module (`new_module.code`) plus
a whole second pass for positions: most edits are import lines near the top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import libcst as cst
from libcst._nodes.internal import CodegenState

_NEWLINE = re.compile(r"\r\n?|\n")


class _Done(Exception):
    """Every node the pass was asked about has been seen."""


class _Nothing:
    """A context manager that does nothing (without a generator behind it)."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info) -> bool:
        return False


_NOTHING = _Nothing()


class _MarkingState(CodegenState):
    """Code generation that notes token indices (and indentation) at chosen nodes."""

    def __init__(self, module: cst.Module, starts: set[int], spans: set[int]):
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.starts = starts  # ids of nodes whose start is wanted
        self.spans = spans  # ids of nodes whose start and end are wanted
        self.begin: dict[int, tuple[int, list[str]]] = {}
        self.end: dict[int, int] = {}
        self.remaining = len(starts | spans) + len(spans)

    def record_syntactic_position(self, node, *, start_node=None, end_node=None):
        # CodegenState's own version is an empty @contextmanager generator; this one
        # costs no generator per node (position tracking is done by the marks).
        return _NOTHING

    def before_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if (key in self.starts or key in self.spans) and key not in self.begin:
            self.begin[key] = (len(self.tokens), list(self.indent_tokens))
            self.remaining -= 1
            if not self.remaining:
                raise _Done

    def after_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.spans and key not in self.end:
            self.end[key] = len(self.tokens)
            self.remaining -= 1
            if not self.remaining:
                raise _Done


class Layout:
    """`positions`: id(node) -> (line, column), 1-based, for the nodes asked about;
    `text`: the module's text with the given nodes replaced (None if none were)."""

    def __init__(self, positions: dict[int, tuple[int, int]], text: str | None):
        self.positions = positions
        self.text = text


def layout(module: cst.Module, text: str, starts: Iterable[cst.CSTNode] = (),
           replacements: Mapping[int, tuple[cst.CSTNode, cst.CSTNode, dict]] | None = None,
           insert: tuple[cst.CSTNode, cst.CSTNode] | None = None) -> Layout:
    """Positions of `starts` and the text with edits applied.

    `text` is the module's own text (`module.code`, or the decoded source it was
    parsed from).  `replacements`: id(original) -> (original, replacement,
    keywords its parent passes to its code generation);
    `insert`: (statement already in the module, new statement to put before it).
    """
    replacements = dict(replacements or {})
    wanted = {id(node) for node in starts}
    start_ids = wanted | ({id(insert[0])} if insert is not None else set())
    span_ids = set(replacements)
    if not start_ids and not span_ids:
        return Layout({}, None)
    state = _MarkingState(module, start_ids, span_ids)
    try:
        module._codegen(state)
    except _Done:
        pass
    tokens = state.tokens
    generated = "".join(tokens)
    if not text.startswith(generated):  # pragma: no cover - LibCST prints what it parsed
        raise AssertionError("np2torch: code generation does not reproduce the parsed text")
    positions = _positions(tokens, {key: state.begin[key][0] for key in wanted})
    if not span_ids and insert is None:
        return Layout(positions, None)

    edits = []  # (start token, end token, new code)
    for key, (original, replacement, keywords) in replacements.items():
        begin, indent = state.begin[key]
        edits.append((begin, state.end[key], _code(module, replacement, indent, keywords)))
    if insert is not None:
        begin, indent = state.begin[id(insert[0])]
        edits.append((begin, begin, _code(module, insert[1], indent, {})))
    pieces = []
    done = 0
    for begin, end, code in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        pieces.append("".join(tokens[done:begin]))
        pieces.append(code)
        done = end
    pieces.append("".join(tokens[done:]))
    pieces.append(text[len(generated):])
    return Layout(positions, "".join(pieces))


def _code(module: cst.Module, node: cst.CSTNode, indent: list[str], keywords: dict) -> str:
    state = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline,
                         indent_tokens=list(indent))
    node._codegen(state, **keywords)
    return "".join(state.tokens)


def _positions(tokens: list[str], marks: dict[int, int]) -> dict[int, tuple[int, int]]:
    result: dict[int, tuple[int, int]] = {}
    line, column, done = 1, 0, 0
    for key, index in sorted(marks.items(), key=lambda item: item[1]):
        text = "".join(tokens[done:index])
        done = index
        pieces = _NEWLINE.split(text)
        if len(pieces) == 1:
            column += len(text)
        else:
            line += len(pieces) - 1
            column = len(pieces[-1])
        result[key] = (line, column + 1)
    return result


def positions(module: cst.Module, nodes: Iterable[cst.CSTNode]) -> dict[int, tuple[int, int]]:
    """id(node) -> (line, column), both 1-based, of where each node's code starts.

    The start PositionProvider reports for expressions, imports and aliases
    (the only nodes rules report on); columns count characters.
    """
    return layout(module, module.code, starts=nodes).positions
