"""Read-only traversal of LibCST trees, without LibCST's visitor machinery.

LibCST's `node.visit(visitor)` rebuilds every node it passes (read-only
visitors included) and descends into every whitespace, comma and parenthesis
node; on a large file one such visit costs about half a parse.  The rules
only read the tree, and only care about names, expressions and statements, so
this module walks the *meaningful* fields of each node type, in the order
LibCST's own visitors take them (source order), and skips the trivia.

The field order is read from each node class's `_visit_and_replace_children`
(the code LibCST's visitors run), so it follows the installed LibCST; LibCST
ships its sources, and `UnsupportedNode` says so should they be missing.
`tests/transpiler/test_scope.py` checks every node class and compares the
walk with LibCST's own visitors.
"""

from __future__ import annotations

import dataclasses
import linecache
import re
import typing

import libcst as cst

# Nodes that hold only whitespace, comments and punctuation: no names, no expressions.
TRIVIA = (
    cst.BaseParenthesizableWhitespace, cst.Comment, cst.Newline, cst.EmptyLine, cst.TrailingWhitespace,
    cst.Comma, cst.Semicolon, cst.Colon, cst.Dot, cst.AssignEqual, cst.ParamSlash, cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
    cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.BaseUnaryOp, cst.BaseBinaryOp, cst.BaseBooleanOp,
    cst.BaseCompOp, cst.BaseAugOp, cst.Asynchronous,
)

_FIELD_REFERENCE = re.compile(r"""visit_\w+\(\s*self\s*,\s*["'](\w+)["']""")
_fields: dict[type, tuple[str, ...]] = {}


class UnsupportedNode(Exception):
    """The visiting order of a node class could not be read from LibCST's source (is it installed
    without its .py files?)."""


def fields(cls: type) -> tuple[str, ...]:
    """The non-trivia fields of a node class, in LibCST's visiting order (cached)."""
    try:
        return _fields[cls]
    except KeyError:
        pass
    order = _visit_order(cls)
    hints = typing.get_type_hints(cls)  # resolves LibCST's forward references ("CompIf")
    types = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    node_fields = {name for name, t in types.items() if _node_classes(t)}
    if not node_fields <= set(order):
        raise UnsupportedNode(cls.__name__)
    kept = tuple(name for name in order if any(not issubclass(c, TRIVIA) for c in _node_classes(types[name])))
    _fields[cls] = kept
    return kept


def _visit_order(cls: type) -> list[str]:
    owner = next((k for k in cls.__mro__ if "_visit_and_replace_children" in k.__dict__), None)
    code = getattr(owner.__dict__["_visit_and_replace_children"], "__code__", None) if owner else None
    lines = linecache.getlines(code.co_filename) if code is not None else []
    if not lines:
        raise UnsupportedNode(cls.__name__)
    last = max((line for _, _, line in code.co_lines() if line), default=0)
    body = lines[code.co_firstlineno - 1:last]
    order: list[str] = []
    for name in _FIELD_REFERENCE.findall("".join(body)):
        if name not in order:
            order.append(name)
    return order


def _node_classes(annotation) -> list[type]:
    args = typing.get_args(annotation)
    if args:
        return [c for a in args for c in _node_classes(a)]
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, cst.CSTNode):
        return [annotation]
    if origin is not None and isinstance(origin, type) and issubclass(origin, cst.CSTNode):
        return [origin]
    return []


_node_types: dict[type, bool] = {}


def is_node(value) -> bool:
    """isinstance(value, cst.CSTNode), without the cost of an ABC check on every call."""
    cls = type(value)
    try:
        return _node_types[cls]
    except KeyError:
        answer = _node_types[cls] = isinstance(value, cst.CSTNode)
        return answer


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The non-trivia children of `node`, in source order."""
    cls = type(node)
    names = _fields.get(cls) or fields(cls)
    found = []
    for name in names:
        value = getattr(node, name)
        if type(value) is tuple or type(value) is list:
            found.extend(value)
        elif is_node(value):
            found.append(value)
    return found


class _Resume:
    """Stack marker: the walk has left the children of a node that visitor `index` pruned."""

    __slots__ = ("index",)

    def __init__(self, index: int):
        self.index = index


def walk(root: cst.CSTNode, *visitors) -> None:
    """Call each visitor's `visit_<NodeType>(node)` in pre-order, source order.

    As in LibCST, a hook that returns False keeps *that* visitor out of the
    node's children; the others still see them.  One walk serves several
    visitors: the result is what walking once per visitor would give.
    """
    if len(visitors) == 1:
        _walk_one(root, visitors[0])
        return
    hooks: dict[type, tuple | None] = {}
    known = _fields
    node_types = _node_types
    resume = [_Resume(i) for i in range(len(visitors))]
    pruned = [0] * len(visitors)  # per visitor: how many enclosing nodes it pruned
    silent = 0  # visitors currently pruned
    stack = [root]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        cls = type(node)
        if cls is _Resume:
            pruned[node.index] -= 1
            if not pruned[node.index]:
                silent -= 1
            continue
        try:
            called = hooks[cls]
        except KeyError:
            found = tuple((i, getattr(v, "visit_" + cls.__name__)) for i, v in enumerate(visitors)
                          if hasattr(v, "visit_" + cls.__name__))
            called = hooks[cls] = found or None
        if called is not None:
            for index, hook in called:
                if not pruned[index] and hook(node) is False:
                    pruned[index] = 1
                    silent += 1
                    push(resume[index])
            if silent == len(visitors):
                continue
        names = known.get(cls)
        if names is None:
            names = fields(cls)
        for name in reversed(names):
            value = getattr(node, name)
            if type(value) is tuple or type(value) is list:
                extend(reversed(value))
            elif value is not None and (node_types.get(type(value)) or is_node(value)):
                push(value)


def _walk_one(root: cst.CSTNode, visitor) -> None:
    hooks: dict[type, object] = {}
    known = _fields
    stack = [root]
    pop, push, extend = stack.pop, stack.append, stack.extend
    node_types = _node_types
    while stack:
        node = pop()
        cls = type(node)
        try:
            hook = hooks[cls]
        except KeyError:
            hook = hooks[cls] = getattr(visitor, "visit_" + cls.__name__, None)
        if hook is not None and hook(node) is False:
            continue
        names = known.get(cls)
        if names is None:
            names = fields(cls)
        for name in reversed(names):
            value = getattr(node, name)
            if type(value) is tuple or type(value) is list:
                extend(reversed(value))
            elif value is not None and (node_types.get(type(value)) or is_node(value)):
                push(value)


def node_classes() -> list[type]:
    """Every concrete node class LibCST defines (for tests)."""
    return [c for c in vars(cst).values()
            if isinstance(c, type) and issubclass(c, cst.CSTNode) and dataclasses.is_dataclass(c)
            and not getattr(c, "__abstractmethods__", None)]
