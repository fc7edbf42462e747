"""Rule family `dtypes`: dtypes torch cannot hold, spelled as values.

    np.zeros(3, dtype=[("x", "f8"), ("y", "i4")])   # NP2T105 structured dtype
    np.dtype({"names": ["a"], "formats": ["f8"]})   # NP2T105
    np.array(items, dtype=object)                   # NP2T106 object array (a warning:
    np.empty(4, dtype="O")                          # NP2T106  it runs, element by element)

Scalar types such as np.object_ and np.void are names, reported by the
`references` rule.  Only calls to NumPy functions are inspected: `dtype=`
means something else to other libraries.
"""

from __future__ import annotations

import libcst as cst

from ._names import as_numpy_name

OBJECT_STRINGS = {"O", "|O", "object", "=O", "<O", ">O"}


class DtypeReporter(cst.CSTVisitor):
    """Findings come out as `pending`: (code, message, node, name); the caller adds positions."""

    def __init__(self, runtime: str, resolver):
        super().__init__()
        self.runtime = runtime
        self.resolver = resolver
        self.pending: list[tuple[str, str, cst.CSTNode, str]] = []

    def visit_Call(self, node: cst.Call) -> None:
        imported = self.resolver.imported(node.func)
        if not imported:
            return
        names = {as_numpy_name(n, self.runtime) for n in imported} - {None}
        if not names:
            return
        candidates = [arg.value for arg in node.args if arg.keyword is not None and arg.keyword.value == "dtype"]
        if names & {"numpy.dtype"} and node.args and node.args[0].keyword is None:
            candidates.append(node.args[0].value)
        for value in candidates:
            code = self._classify(value)
            if code is not None:
                message = (
                    "structured dtype: torch tensors hold one numeric type; use one array per field"
                    if code == "NP2T105"
                    else "object dtype: runs element by element in Python on the CPU (no torch speed, "
                    "no GPU); prefer a numeric dtype"
                )
                self.pending.append((code, message, value, "numpy.dtype"))

    def _classify(self, value: cst.BaseExpression) -> str | None:
        if isinstance(value, (cst.List, cst.ListComp, cst.Dict, cst.DictComp)):
            return "NP2T105"
        if isinstance(value, cst.SimpleString):
            text = value.evaluated_value
            if isinstance(text, bytes):
                text = text.decode("latin-1")
            if text.strip() in OBJECT_STRINGS:
                return "NP2T106"
            if "," in text:
                return "NP2T105"
            return None
        if isinstance(value, cst.Name) and value.value == "object":
            if any(q.name == "builtins.object" for q in self.resolver.qualified(value)):
                return "NP2T106"
        return None
