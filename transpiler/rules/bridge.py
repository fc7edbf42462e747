"""Rule family `bridge`: torch <-> NumPy idioms become zero-copy runtime helpers.

    torch.from_numpy(a)             ->  np.to_torch(a)
    torch.as_tensor(a, dtype=d)     ->  np.to_torch(a, dtype=d)
    torch.tensor(a)                 ->  np.to_torch(a).detach().clone()
    t.numpy()                       ->  np.from_torch(t)
    t.cpu().numpy()                 ->  np.from_torch(t)
    t.detach().cpu().numpy()        ->  np.from_torch(t.detach())

(`np` here is whatever name the file binds to numpy, which the `imports`
rule turns into the runtime; without one, `import np2torch.runtime` is added
and the helpers are spelled out in full.)

Semantics, helper by helper (the runtime implements both helpers):
  to_torch(obj, dtype=None, device=None) behaves as torch.as_tensor(obj, dtype,
    device), except that a runtime ndarray yields its own tensor: no copy, the
    array's device kept.  from_numpy requires an array, so it maps exactly;
    torch.tensor always copies and never carries autograd history, hence
    .detach().clone(); requires_grad=True is kept with .requires_grad_().
  from_torch(t) wraps t as a runtime ndarray sharing its memory and device.
    t.numpy() shares memory too.  .cpu() is dropped on purpose: the data stays
    on its device (the point of converting); on the CPU .cpu() returns t itself,
    so nothing changes there.  On a GPU the old code got a private CPU copy,
    the new one shares the tensor's memory: writes to it now reach the tensor.
    .detach() is kept so the array carries no autograd graph, as before.
    t.numpy() on a tensor that requires grad raised in torch; the converted
    code no longer raises there.
Literal data (torch.tensor([1.0, 2.0])) is not an array and is left alone,
as are calls with arguments these forms do not cover.  Rewritten only in
files that import numpy or torch, so `.numpy()` of unrelated libraries in
other files is never touched.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata.scope_provider import ImportAssignment

from ._names import build_dotted, dotted

LITERALS = (cst.List, cst.Tuple, cst.ListComp, cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString,
            cst.ConcatenatedString, cst.FormattedString, cst.Dict, cst.Set, cst.GeneratorExp, cst.UnaryOperation)


BRIDGE_FUNCTIONS = {"torch.from_numpy", "torch.as_tensor", "torch.tensor"}


class BridgeRewriter(cst.CSTTransformer):
    """Rewrites the idioms in the subtrees it visits; `rewrite_calls` chooses those subtrees.

    `imports`: every import statement of the file (for the names bound to numpy).
    """

    def __init__(self, runtime: str, imports_torch: bool, resolver, imports=()):
        super().__init__()
        self.runtime = runtime
        self.resolver = resolver
        self.imports_torch = imports_torch
        self.aliases = numpy_aliases(imports, runtime)  # names bound to numpy (or the runtime) by `import`
        self.need_import = False
        self.rewritten = 0

    def is_candidate(self, call: cst.Call) -> bool:
        """Whether leave_Call could rewrite this call (cheap test, no rewriting)."""
        if self.resolver.imported(call.func) & BRIDGE_FUNCTIONS:
            return True
        func = call.func
        return self.imports_torch and isinstance(func, cst.Attribute) and func.attr.value == "numpy"

    # -- where the helpers live, seen from one call site ------------------------------
    def _runtime_expr(self, original: cst.CSTNode) -> cst.BaseExpression:
        scope = self.resolver.scope_of(original)
        if scope is not None:
            for alias in sorted(self.aliases):
                assignments = scope[alias]
                if assignments and all(self._binds_runtime(a, alias) for a in assignments):
                    return cst.Name(alias)
        self.need_import = True
        return build_dotted(self.runtime)

    def _binds_runtime(self, assignment, alias: str) -> bool:
        if not isinstance(assignment, ImportAssignment) or not isinstance(assignment.node, cst.Import):
            return False
        for item in assignment.node.names:
            bound = item.evaluated_alias or item.evaluated_name.split(".")[0]
            if bound == alias:
                module = item.evaluated_name
                return module == "numpy" or module == self.runtime if item.asname else module.split(".")[0] == "numpy"
        return False

    def _helper(self, original: cst.CSTNode, name: str) -> cst.Attribute:
        self.rewritten += 1
        return cst.Attribute(value=self._runtime_expr(original), attr=cst.Name(name))

    # -- the idioms --------------------------------------------------------------------
    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        called = self.resolver.imported(original.func) & BRIDGE_FUNCTIONS
        if not called:
            return self._leave_method_call(original, updated)
        if any(arg.star for arg in updated.args) or not updated.args:
            return updated
        first = updated.args[0]
        if "torch.from_numpy" in called:
            if len(updated.args) == 1 and first.keyword is None:
                return updated.with_changes(func=self._helper(original, "to_torch"))
            return updated
        if first.keyword is not None or isinstance(first.value, LITERALS):
            return updated
        if "torch.as_tensor" in called:
            if all(arg.keyword is None or arg.keyword.value in ("dtype", "device") for arg in updated.args[1:]):
                return updated.with_changes(func=self._helper(original, "to_torch"))
            return updated
        if "torch.tensor" in called:
            return self._torch_tensor(original, updated)
        return updated

    def _torch_tensor(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        keywords = {arg.keyword.value: arg for arg in updated.args[1:] if arg.keyword is not None}
        if len(keywords) != len(updated.args) - 1 or not set(keywords) <= {"dtype", "device", "requires_grad"}:
            return updated
        kept = [updated.args[0]] + [arg for key, arg in keywords.items() if key != "requires_grad"]
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        call = cst.Call(func=self._helper(original, "to_torch"), args=kept)
        copy = _method(_method(call, "detach"), "clone")
        if "requires_grad" in keywords:
            flag = keywords["requires_grad"].value
            copy = cst.Call(func=cst.Attribute(value=copy, attr=cst.Name("requires_grad_")), args=[cst.Arg(flag)])
        return copy

    def _leave_method_call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if not self.imports_torch or not isinstance(updated.func, cst.Attribute) or updated.func.attr.value != "numpy":
            return updated
        force = False
        for arg in updated.args:
            if arg.keyword is None or arg.keyword.value != "force" or not isinstance(arg.value, cst.Name):
                return updated
            if arg.value.value not in ("True", "False"):
                return updated
            force = arg.value.value == "True"
        receiver = updated.func.value
        detached = force
        while (isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Attribute)
               and receiver.func.attr.value in ("cpu", "detach") and not receiver.args):
            detached = detached or receiver.func.attr.value == "detach"
            receiver = receiver.func.value
        if isinstance(receiver, cst.Name) and receiver.value in self.aliases:
            return updated  # np.numpy() is not a tensor method
        tensor = _method(receiver, "detach") if detached else receiver
        return cst.Call(func=self._helper(original, "from_torch"), args=[cst.Arg(tensor)])

    def runtime_import(self, module: cst.Module) -> tuple[cst.CSTNode, cst.SimpleStatementLine] | None:
        """(statement of `module`, `import <runtime>` to put before it) when a helper
        was spelled in full; after the docstring and `from __future__` imports."""
        if not self.need_import:
            return None
        statement = cst.SimpleStatementLine([cst.Import([cst.ImportAlias(build_dotted(self.runtime))])])
        body = module.body
        position = 0
        for index, item in enumerate(body):
            if index == 0 and _is_docstring(item):
                position = 1
            elif _is_future_import(item):
                position = index + 1
            else:
                break
        return body[position], statement


def rewrite_statements(module: cst.Module, rule: BridgeRewriter) -> dict[int, tuple]:
    """id(statement) -> (statement, rewritten statement, codegen options) for the
    statements whose calls the idioms rewrite: the same result as `module.visit(rule)`.

    Only statements holding a call the rule could change are transformed, each
    as a whole: LibCST validates a node against its new children when it
    rebuilds it, and a rewrite inside an expression rebuilds every enclosing
    node up to its statement (`return(t).numpy()` must fail as it did).  An
    `elif` is part of its `if`; a statement inside a transformed one is part
    of it.
    """
    from ._walk import children

    chosen: list[cst.CSTNode] = []
    enclosing: dict[int, cst.CSTNode | None] = {}  # id(statement) -> the statement around it
    options: dict[int, dict] = {}  # codegen keywords of small statements (as their line passes them)
    elifs: set[int] = set()
    pending: list[tuple[cst.CSTNode, cst.CSTNode | None]] = [(module, None)]
    while pending:
        node, statement = pending.pop()
        if isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)) and id(node) not in elifs:
            enclosing[id(node)] = statement
            statement = node
        elif isinstance(node, cst.Call) and statement is not None and rule.is_candidate(node):
            if not chosen or chosen[-1] is not statement:
                chosen.append(statement)
        if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            for index, small in enumerate(node.body):
                options[id(small)] = {"default_semicolon": index != len(node.body) - 1}
        elif isinstance(node, cst.If) and isinstance(node.orelse, cst.If):
            elifs.add(id(node.orelse))  # printed by its `if`, not on its own
        pending.extend((child, statement) for child in reversed(children(node)))

    picked = {id(s) for s in chosen}
    rewritten = {}
    for statement in chosen:
        outer = enclosing.get(id(statement))
        while outer is not None and id(outer) not in picked:
            outer = enclosing.get(id(outer))
        if outer is not None or id(statement) in rewritten:
            continue  # transformed with the statement around it
        before = rule.rewritten
        replacement = statement.visit(rule)
        if rule.rewritten != before:
            rewritten[id(statement)] = (statement, replacement, options.get(id(statement), {}))
    return rewritten


def _method(value: cst.BaseExpression, name: str) -> cst.Call:
    return cst.Call(func=cst.Attribute(value=value, attr=cst.Name(name)))


def _is_docstring(statement) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def _is_future_import(statement) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine)
            and all(isinstance(s, cst.ImportFrom) and dotted(s.module) == "__future__" for s in statement.body))


def numpy_aliases(imports, runtime: str) -> set[str]:
    """Names that `import numpy [as x]` or `import <runtime> as x` bind anywhere in the file."""
    aliases: set[str] = set()
    for node in imports:
        if not isinstance(node, cst.Import):
            continue
        for alias in node.names:
            module = dotted(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                if module in ("numpy", runtime):
                    aliases.add(alias.asname.name.value)
            elif module.split(".")[0] == "numpy":
                aliases.add("numpy")
    return aliases
