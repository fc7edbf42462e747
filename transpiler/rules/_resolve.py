"""Qualified names on demand, for the few nodes a rule asks about.

LibCST's QualifiedNameProvider computes a value for every node of the file,
while the rules need qualified names only for chains rooted at an imported
name.  `Resolver` answers the same question QualifiedNameProvider would
(`scope.get_qualified_names_for(node)` with the node's scope), but only when
asked and only for chains whose root name an interesting import (or a
builtin the rules know) binds.  The scopes come from `_scope.analyze` (or
LibCST's ScopeProvider), keyed by id(node).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import Assignment, QualifiedNameSource
from libcst.metadata.scope_provider import _is_assignment

from ._layout import positions  # noqa: F401  (re-exported: positions for findings)


def root_name(node: cst.CSTNode) -> str | None:
    """The leftmost name of the chain LibCST's get_full_name_for_node would build."""
    while True:
        kind = type(node)
        if kind is cst.Name:
            return node.value
        if kind is cst.Attribute or kind is cst.Subscript:
            node = node.value
        elif kind is cst.Call:
            node = node.func
        else:
            return None


_NOTHING: frozenset = frozenset()


class Resolver:
    """Answers are remembered per node: several rules ask about the same call."""

    def __init__(self, scopes: Mapping[int, object], roots: Iterable[str]):
        self.scopes = scopes  # id(node) -> LibCST scope
        self.roots = frozenset(roots)
        self._qualified: dict[int, frozenset] = {}
        self._imported: dict[int, frozenset[str]] = {}
        self._by_name: dict[tuple[int, str | None], frozenset] = {}
        self._referents: dict[int, frozenset] = {}

    def scope_of(self, node: cst.CSTNode):
        return self.scopes.get(id(node))

    def qualified(self, node: cst.CSTNode) -> frozenset:
        """QualifiedName objects of `node` (any source), as QualifiedNameProvider gives them."""
        root = root_name(node)
        if root is None or root not in self.roots:
            return _NOTHING
        key = id(node)
        try:
            return self._qualified[key]
        except KeyError:
            pass
        scope = self.scopes.get(key)
        accesses = None if scope is None else scope._accesses_by_node.get(node)
        if scope is None:
            found = _NOTHING
        elif accesses:
            # A use of a name: LibCST's answer is the union over what the use may refer to.
            found = frozenset(q for access in accesses for referent in access.referents
                              for q in self._names_of(referent))
        elif type(node) is cst.Name:
            found = frozenset(scope.get_qualified_names_for(node))
        else:
            found = self._by_dotted_name(scope, node)
        self._qualified[key] = found
        return found

    def _by_dotted_name(self, scope, node: cst.CSTNode) -> frozenset:
        """LibCST's Scope.get_qualified_names_for for a node that is not a use of a name.

        The same steps (the assignments of the longest dotted prefix the scope
        sees), with each assignment's answer for a dotted name remembered: the
        same names (np.array, np.zeros, ...) come back in every function.
        """
        full_name = get_full_name_for_node(node)
        if full_name is None:
            return _NOTHING
        assignments = ()
        prefix = full_name
        while prefix:
            if prefix in scope:
                assignments = scope[prefix]
                break
            index = prefix.rfind(".")
            prefix = None if index == -1 else prefix[:index]
        for assignment in assignments:
            if isinstance(assignment, Assignment) and _is_assignment(node, assignment.node):
                return frozenset(assignment.get_qualified_names_for(full_name))
        found = set()
        for assignment in assignments:
            shared = (id(assignment), full_name)
            names = self._by_name.get(shared)
            if names is None:
                names = self._by_name[shared] = frozenset(assignment.get_qualified_names_for(full_name))
            found |= names
        return frozenset(found)

    def _names_of(self, assignment) -> frozenset:
        key = id(assignment)
        found = self._referents.get(key)
        if found is None:
            found = self._referents[key] = frozenset(assignment.get_qualified_names_for(assignment.name))
        return found

    def imported(self, node: cst.CSTNode) -> frozenset[str]:
        """Qualified names of `node` that come from an import (not local variables)."""
        key = id(node)
        try:
            return self._imported[key]
        except KeyError:
            pass
        root = root_name(node)
        if root is None or root not in self.roots:
            self._imported[key] = _NOTHING
            return _NOTHING
        qualified = self.qualified(node)
        found = frozenset(q.name for q in qualified if q.source is QualifiedNameSource.IMPORT) if qualified else _NOTHING
        self._imported[key] = found
        return found
