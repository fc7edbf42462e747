"""Names and positions on demand, for the few nodes a rule asks about.

LibCST's QualifiedNameProvider and PositionProvider compute a value for every
node of the file; on a large file that is most of the conversion time, while
the rules need qualified names only for chains rooted at an imported name and
positions only for nodes with findings.  `Resolver` answers the same question
QualifiedNameProvider would (`scope.get_qualified_names_for(node)` with the
node's scope from ScopeProvider), but only when asked and only for chains
whose root name an interesting import (or a builtin the rules know) binds.
`positions` finds the start of given nodes with one plain code generation
pass over the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst.metadata import QualifiedNameSource

_NEWLINE = re.compile(r"\r\n?|\n")


def root_name(node: cst.CSTNode) -> str | None:
    """The leftmost name of the chain LibCST's get_full_name_for_node would build."""
    while True:
        if isinstance(node, cst.Name):
            return node.value
        if isinstance(node, (cst.Attribute, cst.Subscript)):
            node = node.value
        elif isinstance(node, cst.Call):
            node = node.func
        else:
            return None


class Resolver:
    def __init__(self, scopes: Mapping[cst.CSTNode, object], roots: Iterable[str]):
        self.scopes = scopes
        self.roots = frozenset(roots)

    def qualified(self, node: cst.CSTNode) -> set:
        """QualifiedName objects of `node` (any source), as QualifiedNameProvider gives them."""
        root = root_name(node)
        if root is None or root not in self.roots:
            return set()
        scope = self.scopes.get(node)
        if scope is None:
            return set()
        return scope.get_qualified_names_for(node)

    def imported(self, node: cst.CSTNode) -> set[str]:
        """Qualified names of `node` that come from an import (not local variables)."""
        return {q.name for q in self.qualified(node) if q.source is QualifiedNameSource.IMPORT}


class _MarkingState(CodegenState):
    """Code generation that remembers where chosen nodes begin (an index into the tokens)."""

    def __init__(self, module: cst.Module, wanted):
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.wanted = wanted
        self.marks: dict[int, int] = {}

    def before_codegen(self, node: cst.CSTNode) -> None:
        if id(node) in self.wanted and id(node) not in self.marks:
            self.marks[id(node)] = len(self.tokens)


def positions(module: cst.Module, nodes: Iterable[cst.CSTNode]) -> dict[int, tuple[int, int]]:
    """id(node) -> (line, column), both 1-based, of where each node's code starts.

    The same start PositionProvider reports for expressions, imports and
    aliases (the only nodes rules report on); columns count characters.
    """
    wanted = {id(node) for node in nodes}
    if not wanted:
        return {}
    state = _MarkingState(module, wanted)
    module._codegen(state)
    tokens = state.tokens
    result: dict[int, tuple[int, int]] = {}
    line, column, done = 1, 0, 0
    for node_id, index in sorted(state.marks.items(), key=lambda item: item[1]):
        text = "".join(tokens[done:index])
        done = index
        pieces = _NEWLINE.split(text)
        if len(pieces) == 1:
            column += len(text)
        else:
            line += len(pieces) - 1
            column = len(pieces[-1])
        result[node_id] = (line, column + 1)
    return result
