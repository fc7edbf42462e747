"""Rule family `references`: every NumPy name used is looked up in the catalog.

Names the runtime provides count as converted; the others are reported and
left as they are, so the user sees each one:

    import numpy as np
    m = np.ma.masked_array(x)     # NP2T101 unsupported NumPy API (np.ma)
    y = np.some_future_func(x)    # NP2T103 unknown NumPy name

Names resolve through imports with LibCST's qualified names, so a local
variable called `np` is never taken for NumPy, and `from numpy import ma`
followed by `ma.array` is.  Code already converted (importing the runtime)
is analysed the same way, so its findings do not vanish on a second run.
Also reported: `importlib.import_module("numpy")` and `__import__("numpy")`
(NP2T108), which no rule can rewrite.
"""

from __future__ import annotations

import libcst as cst

from ..catalog import lookup
from ._names import as_numpy_name, dotted


class ReferenceReporter(cst.CSTVisitor):
    """Findings come out as `pending`: (code, message, node, name); the caller adds positions."""

    def __init__(self, options, resolver):
        super().__init__()
        self.options = options
        self.resolver = resolver
        self.pending: list[tuple[str, str, cst.CSTNode, str]] = []
        self.references = 0
        self.converted = 0

    def _numpy(self, name: str | None) -> str | None:
        return as_numpy_name(name, self.options.runtime) if name else None

    def _reference(self, numpy_name: str, shown: str, node: cst.CSTNode) -> None:
        entry = lookup(numpy_name)
        self.references += 1
        if entry.converted or (entry.tier == "approximate" and self.options.approximate):
            self.converted += 1
            return
        what = shown if shown == numpy_name else f"{shown} ({numpy_name})"
        self.pending.append((entry.code, f"{what}: {entry.note}", node, numpy_name))

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            name = self._numpy(dotted(alias.name))
            if name is not None:
                self._reference(name, dotted(alias.name), alias)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        module = self._numpy(dotted(node.module)) if not node.relative else None
        if module is None:
            return False
        if isinstance(node.names, cst.ImportStar):
            self._reference(module, dotted(node.module), node)
            return False
        for alias in node.names:
            member = dotted(alias.name)
            self._reference(f"{module}.{member}", member, alias)
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        imported = self.resolver.imported(node)
        if not imported:
            return True
        names = {n for n in map(self._numpy, imported) if n}
        if not names:
            return True
        # One reference per outermost chain: np.linalg.norm, not also np.linalg.
        self._reference(min(names), dotted(node) or min(names), node)
        return False

    def visit_Call(self, node: cst.Call) -> bool:
        if not node.args or not isinstance(node.args[0].value, cst.SimpleString):
            return True
        called = self.resolver.imported(node.func) | {dotted(node.func)}
        dynamic = called & {"importlib.import_module", "__import__", "builtins.__import__"}
        if dynamic:
            target = node.args[0].value.evaluated_value
            if isinstance(target, str) and (target == "numpy" or target.startswith("numpy.")):
                self.pending.append(("NP2T108", f"dynamic import of {target!r} is not converted", node, target))
        return True
