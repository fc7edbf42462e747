"""Scope analysis for the names the rules ask about, in one fast walk.

The rules need to know what a handful of names refer to: the names that
numpy, torch, importlib, builtins and runtime imports bind, plus `object`
and `__import__`.  LibCST's ScopeProvider answers that for every name of the
file, through two LibCST visits (ExpressionContextProvider, ScopeVisitor)
that rebuild the whole tree; that was most of a conversion's time.

`analyze` gives the same answers for the tracked names.  It mirrors
LibCST's ScopeVisitor step for step (same scopes, same visiting order, same
assignment counters, so "assigned before this use" comes out the same) on the
walker of `_walk`, and it builds LibCST's own scope objects
(GlobalScope, FunctionScope, ClassScope, ..., Access, Assignment), so every
question the rules ask afterwards (`scope.get_qualified_names_for(node)`,
`scope[name]`) runs LibCST's code on the same data.  What it leaves out
cannot change those answers:

- assignments and uses of names that are not tracked (a name's qualified
  names depend only on the assignments of that name);
- type-annotation strings that cannot bind a name or move a counter (no
  `:`, `=`, `import`, `global`, `nonlocal`, `for`): LibCST parses such a string
  and records uses inside it, which no rule asks about.  Strings that could
  bind are parsed and walked as LibCST does.

Names bound by `typing` imports are tracked too: LibCST decides from them
which strings are annotations and which arguments of `TypeVar`/`NewType`/
`cast` it visits.  A file that defines a function or class called `typing`
or `typing_extensions` (whose local names LibCST would also qualify as
`typing.*`) is left to LibCST's ScopeProvider; `Unsupported` says so.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata.scope_provider import (
    Access,
    AnnotationScope,
    ClassScope,
    ComprehensionScope,
    FunctionScope,
    GlobalScope,
    _gen_dotted_names,
)

from ._walk import _node_types, fields, is_node

# LibCST's _ASSIGNMENT_LIKE_NODES: leaving one of these moves its scope's assignment counter.
_COUNTED = (
    cst.AnnAssign, cst.AsName, cst.Assign, cst.AugAssign, cst.ClassDef, cst.CompFor, cst.FunctionDef,
    cst.Global, cst.Import, cst.ImportFrom, cst.NamedExpr, cst.Nonlocal, cst.Parameters, cst.WithItem,
    cst.TypeVar, cst.TypeAlias, cst.TypeVarTuple, cst.ParamSpec,
)
# Nodes whose scope a rule may look up (Resolver, bridge).
_RECORDED = (cst.Name, cst.Attribute, cst.Call, cst.Subscript)
_TYPING_ROOTS = ("typing", "typing_extensions")
_MAY_BIND = (":", "=", "import", "global", "nonlocal", "for")
_LONG_STRING = 1000  # longer annotation strings are always parsed, as LibCST does


class Unsupported(Exception):
    """The file needs LibCST's ScopeProvider (see the module docstring)."""


def analyze(module: cst.Module, tracked: frozenset[str], typing_names: frozenset[str]) -> dict[int, object]:
    """id(node) -> LibCST scope, for the Name/Attribute/Call/Subscript nodes LibCST's
    ScopeProvider gives a scope.  `tracked`: root names whose assignments and uses
    are recorded; `typing_names`: names bound by typing imports."""
    builder = _ScopeBuilder(tracked, typing_names)
    builder.visit(module)
    builder.infer_accesses()
    return builder.scopes


class _ScopeBuilder:
    """LibCST's ScopeVisitor (libcst/metadata/scope_provider.py), restricted to tracked names.

    Method names follow ScopeVisitor's so the two read side by side; `store`
    stands in for ExpressionContextProvider (which names are assigned to).
    """

    def __init__(self, tracked: frozenset[str], typing_names: frozenset[str]):
        self.typing = frozenset(typing_names) | frozenset(_TYPING_ROOTS)
        self.tracked = frozenset(tracked) | self.typing
        self.scope = GlobalScope()
        self.scopes: dict[int, object] = {}
        self.deferred: list[tuple[Access, cst.Attribute | None, cst.BaseString | None]] = []
        self.top_level_attribute = [None]
        self.in_annotation = [False]
        self.in_type_hint = [False]
        self.ignored_subscripts: set[int] = set()
        self.last_string_annotation = None
        self.store: set[int] = set()  # ids of tracked Names that ExpressionContextProvider calls STORE
        self.contexts = True  # False where ExpressionContextProvider assigns no context
        self.kinds = _KINDS  # node class -> how to visit and leave it (functions, not bound methods)

    # -- the traversal (CSTNode.visit + ScopeVisitor.on_leave) ----------------------------
    def visit(self, node: cst.CSTNode) -> None:
        cls = type(node)
        try:
            special, names, recorded, counted, leave = self.kinds[cls]
        except KeyError:
            special, names, recorded, counted, leave = self.kinds[cls] = _kind(cls)
        if special is None or special(self, node) is not False:
            visit = self.visit
            node_types = _node_types
            for name in names:
                value = getattr(node, name)
                if type(value) is tuple or type(value) is list:
                    for child in value:
                        visit(child)
                elif value is not None and (node_types.get(type(value)) or is_node(value)):
                    visit(value)
        if recorded:
            self.scopes[id(node)] = self.scope
        if counted:
            self.scope._assignment_count += 1
        if leave is not None:
            leave(self, node)

    def _in_scope(self, scope, visit) -> None:
        outer = self.scope
        self.scope = scope
        try:
            visit()
        finally:
            self.scope = outer

    def _without_contexts(self, node: cst.CSTNode) -> None:
        saved = self.contexts
        self.contexts = False
        try:
            self.visit(node)
        finally:
            self.contexts = saved

    def _record(self, name: str, node: cst.CSTNode) -> None:
        if name.split(".", 1)[0] in self.tracked:
            self.scope.record_assignment(name, node)

    # -- ExpressionContextProvider: names assigned to ------------------------------------
    def _mark_store(self, target: cst.CSTNode) -> None:
        if not self.contexts:
            return
        pending = [target]
        while pending:
            node = pending.pop()
            cls = type(node)
            if cls is cst.Name:
                if node.value in self.tracked:
                    self.store.add(id(node))
            elif cls is not cst.Attribute and cls is not cst.Subscript:  # their parts are loads
                for name in fields(cls):
                    value = getattr(node, name)
                    if type(value) is tuple or type(value) is list:
                        pending.extend(value)
                    elif value is not None and is_node(value):
                        pending.append(value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._mark_store(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._mark_store(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._mark_store(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._mark_store(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._mark_store(node.name)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._mark_store(node.target)

    # -- ScopeVisitor ---------------------------------------------------------------------
    def _visit_import_alike(self, node: cst.Import | cst.ImportFrom) -> bool:
        names = node.names
        if isinstance(names, cst.ImportStar):
            return False
        for alias in names:
            asname = alias.asname
            if asname is not None:
                name_values = _gen_dotted_names(cst.ensure_type(asname.name, cst.Name))
                import_node_asname = asname.name
            else:
                name_values = _gen_dotted_names(alias.name)
                import_node_asname = alias.name
            for name_value, _ in name_values:
                if name_value.split(".", 1)[0] in self.tracked:
                    self.scope.record_import_assignment(name_value, node, import_node_asname)
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        return self._visit_import_alike(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return self._visit_import_alike(node)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        stack = self.top_level_attribute
        if stack[-1] is None:
            stack[-1] = node
        self.visit(node.value)  # explicitly not visiting attr
        if stack[-1] is node:
            stack[-1] = None
        return False

    def _typing_names_of(self, node: cst.CSTNode) -> set[str]:
        """LibCST's visit-time `scope.get_qualified_names_for(node)`, where it can name typing."""
        full_name = get_full_name_for_node(node)
        if full_name is None or full_name.split(".", 1)[0] not in self.typing:
            return set()
        return {qn.name for qn in self.scope.get_qualified_names_for(node)}

    def visit_Call(self, node: cst.Call) -> bool:
        self.top_level_attribute.append(None)
        self.in_type_hint.append(False)
        qnames = self._typing_names_of(node)
        if "typing.NewType" in qnames or "typing.TypeVar" in qnames:
            self.visit(node.func)
            self.in_type_hint[-1] = True
            for arg in node.args[1:]:
                self.visit(arg)
            return False
        if "typing.cast" in qnames:
            self.visit(node.func)
            if len(node.args) > 0:
                self.in_type_hint.append(True)
                self.visit(node.args[0])
                self.in_type_hint.pop()
                for arg in node.args[1:]:
                    self.visit(arg)
            return False
        return True

    def leave_Call(self, node: cst.Call) -> None:
        self.top_level_attribute.pop()
        self.in_type_hint.pop()

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self.in_annotation.append(True)

    def leave_Annotation(self, node: cst.Annotation) -> None:
        self.in_annotation.pop()

    def visit_SimpleString(self, node: cst.SimpleString) -> bool:
        self._handle_string_annotation(node)
        return False

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> bool:
        return not self._handle_string_annotation(node)

    def _handle_string_annotation(self, node: cst.SimpleString | cst.ConcatenatedString) -> bool:
        if (self.in_type_hint[-1] or self.in_annotation[-1]) and not self.ignored_subscripts:
            value = node.evaluated_value
            if value:
                top_level_annotation = self.last_string_annotation is None
                if top_level_annotation:
                    self.last_string_annotation = node
                if _may_bind(value):
                    try:
                        self._without_contexts(cst.parse_module(value))
                    except cst.ParserSyntaxError:
                        pass
                if top_level_annotation:
                    self.last_string_annotation = None
                return True
        return False

    def visit_Subscript(self, node: cst.Subscript) -> bool:
        in_type_hint = False
        if isinstance(node.value, cst.Name):
            qnames = self._typing_names_of(node.value)
            if any(qn.startswith(("typing.", "typing_extensions.")) for qn in qnames):
                in_type_hint = True
            if "typing.Literal" in qnames or "typing_extensions.Literal" in qnames:
                self.ignored_subscripts.add(id(node))
        self.in_type_hint.append(in_type_hint)
        return True

    def leave_Subscript(self, node: cst.Subscript) -> None:
        self.in_type_hint.pop()
        self.ignored_subscripts.discard(id(node))

    def visit_Name(self, node: cst.Name) -> None:
        name = node.value
        if name not in self.tracked:
            return
        if id(node) in self.store:
            self.scope.record_assignment(name, node)
            return
        access = Access(node, self.scope, is_annotation=bool(self.in_annotation[-1]),
                        is_type_hint=bool(self.in_type_hint[-1]))
        self.deferred.append((access, self.top_level_attribute[-1], self.last_string_annotation))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._record(node.name.value, node)
        self.scopes[id(node.name)] = self.scope
        outer = self.scope
        try:
            if node.type_parameters:
                self.scope = AnnotationScope(self.scope, node, None)
                self._without_contexts(node.type_parameters)
            function = FunctionScope(self.scope, node, get_full_name_for_node(node.name))
            self._in_scope(function, lambda: (self.visit(node.params), self.visit(node.body)))
            for decorator in node.decorators:
                self.visit(decorator)
            if node.returns:
                self.visit(node.returns)
        finally:
            self.scope = outer
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self._in_scope(FunctionScope(self.scope, node), lambda: (self.visit(node.params), self.visit(node.body)))
        return False

    def visit_Param(self, node: cst.Param) -> bool:
        self._record(node.name.value, node)
        self.scopes[id(node.name)] = self.scope

        def defaults_and_annotation():
            for part in (node.default, node.annotation):
                if part:
                    self.visit(part)

        self._in_scope(self.scope.parent, defaults_and_annotation)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        # The keyword of Arg is neither an Assignment nor an Access.
        self.visit(node.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self._record(node.name.value, node)
        self.scopes[id(node.name)] = self.scope
        for decorator in node.decorators:
            self.visit(decorator)
        outer = self.scope
        try:
            if node.type_parameters:
                self.scope = AnnotationScope(self.scope, node, None)
                self._without_contexts(node.type_parameters)
            for base in node.bases:
                self.visit(base)
            for keyword in node.keywords:
                self.visit(keyword)

            def body():
                for statement in node.body.body:
                    self.visit(statement)

            self._in_scope(ClassScope(self.scope, node, get_full_name_for_node(node.name)), body)
        finally:
            self.scope = outer
        return False

    def visit_Global(self, node: cst.Global) -> bool:
        for item in node.names:
            self.scope.record_global_overwrite(item.name.value)
        return False

    def visit_Nonlocal(self, node: cst.Nonlocal) -> bool:
        for item in node.names:
            self.scope.record_nonlocal_overwrite(item.name.value)
        return False

    def _visit_comp_alike(self, node) -> bool:
        for_in = node.for_in
        self.visit(for_in.iter)

        def inside():
            self._mark_store(for_in.target)
            self.visit(for_in.target)
            self.scope._assignment_count += 1  # things from here on can refer to the target
            for condition in for_in.ifs:
                self.visit(condition)
            if for_in.inner_for_in:
                self.visit(for_in.inner_for_in)
            if isinstance(node, cst.DictComp):
                self.visit(node.key)
                self.visit(node.value)
            else:
                self.visit(node.elt)

        self._in_scope(ComprehensionScope(self.scope, node), inside)
        return False

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _visit_comp_alike

    def visit_For(self, node: cst.For) -> bool:
        self._mark_store(node.target)
        self.visit(node.target)
        self.scope._assignment_count += 1
        for child in (node.iter, node.body, node.orelse):  # node.asynchronous holds no names
            if child is not None:
                self.visit(child)
        return False

    def visit_TypeAlias(self, node: cst.TypeAlias) -> bool:
        self._record(node.name.value, node)

        def inside():
            if node.type_parameters is not None:
                self.visit(node.type_parameters)
            self.visit(node.value)

        self._in_scope(AnnotationScope(self.scope, node, None), inside)
        return False

    def visit_TypeVar(self, node: cst.TypeVar) -> bool:
        self._record(node.name.value, node)
        if node.bound is not None:
            self.visit(node.bound)
        return False

    def visit_TypeVarTuple(self, node: cst.TypeVarTuple) -> bool:
        self._record(node.name.value, node)
        return False

    def visit_ParamSpec(self, node: cst.ParamSpec) -> bool:
        self._record(node.name.value, node)
        return False

    # -- after the walk (ScopeVisitor.infer_accesses) -------------------------------------
    def infer_accesses(self) -> None:
        for access, enclosing_attribute, enclosing_string_annotation in self.deferred:
            name = access.node.value
            if enclosing_attribute is not None:
                # if _gen_dotted_names doesn't generate any values, fall back to the name node
                for attr_name, node in _gen_dotted_names(enclosing_attribute):
                    if attr_name in access.scope:
                        access.node = node
                        name = attr_name
                        break
            if enclosing_string_annotation is not None:
                access.node = enclosing_string_annotation
            access.record_assignments(name)
            access.scope.record_access(name, access)
        self.deferred = []


_SPECIAL = (
    cst.Assign, cst.AnnAssign, cst.AugAssign, cst.NamedExpr, cst.AsName, cst.CompFor,
    cst.Import, cst.ImportFrom, cst.Attribute, cst.Call, cst.Annotation, cst.SimpleString,
    cst.ConcatenatedString, cst.Subscript, cst.Name, cst.FunctionDef, cst.Lambda, cst.Param, cst.Arg,
    cst.ClassDef, cst.Global, cst.Nonlocal, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp,
    cst.For, cst.TypeAlias, cst.TypeVar, cst.TypeVarTuple, cst.ParamSpec,
)


_KINDS: dict[type, tuple] = {}


def _kind(cls: type) -> tuple:
    special = getattr(_ScopeBuilder, "visit_" + cls.__name__) if cls in _SPECIAL else None
    leave = getattr(_ScopeBuilder, "leave_" + cls.__name__, None)
    return special, fields(cls), issubclass(cls, _RECORDED), issubclass(cls, _COUNTED), leave


def release(scopes: dict[int, object]) -> None:
    """Empty the scopes `analyze` returned once the rules are done.

    Scopes and their assignments and accesses point at each other (reference
    cycles) and at the tree's nodes; emptied, the tree is freed as soon as the
    conversion drops it instead of waiting for the cycle collector.
    """
    seen = set()
    for scope in scopes.values():
        while id(scope) not in seen:
            seen.add(id(scope))
            for table in ("_assignments", "_accesses_by_name", "_accesses_by_node", "_scope_overwrites"):
                getattr(scope, table, {}).clear()
            scope = scope.parent


def _may_bind(value: str | bytes) -> bool:
    """Whether LibCST's walk of this annotation string could assign a name or move a counter."""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return len(value) > _LONG_STRING or any(token in value for token in _MAY_BIND)
