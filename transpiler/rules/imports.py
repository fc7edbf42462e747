"""Rule family `imports`: every NumPy import form points at the runtime.

    import numpy as np                ->  import np2torch.runtime as np
    import numpy                      ->  import np2torch.runtime as numpy
    import numpy.linalg               ->  import np2torch.runtime as numpy
    import numpy.linalg as la         ->  import np2torch.runtime.linalg as la
    from numpy import array, zeros as z ->  from np2torch.runtime import array, zeros as z
    from numpy.random import rand     ->  from np2torch.runtime.random import rand
    from numpy import *               ->  from np2torch.runtime import *

Import statements bind names wherever they appear (module level, functions,
`if`/`try` blocks), so the rule rewrites the statement itself and never the
names that refer to it: a local variable that happens to be called `np` is
not an import and is left alone.  `import numpy.linalg` binds `numpy` to the
top package, hence `import <runtime> as numpy`; the runtime exposes its
submodules as attributes, as NumPy does.  Runtime imports are not NumPy
imports, so a second run changes nothing.
"""

from __future__ import annotations

import libcst as cst

from ._names import build_dotted, dotted, is_numpy_module, runtime_module


class ImportRewriter(cst.CSTTransformer):
    def __init__(self, runtime: str):
        super().__init__()
        self.runtime = runtime
        self.rewritten = 0

    # Only statements can hold imports; do not rebuild expression subtrees.
    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        return any(isinstance(statement, (cst.Import, cst.ImportFrom)) for statement in node.body)

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> bool:
        return any(isinstance(statement, (cst.Import, cst.ImportFrom)) for statement in node.body)

    def visit_Decorator(self, node: cst.Decorator) -> bool:
        return False

    def visit_Parameters(self, node: cst.Parameters) -> bool:
        return False

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        names = []
        changed = False
        for alias in updated_node.names:
            module = dotted(alias.name)
            if not is_numpy_module(module):
                names.append(alias)
                continue
            changed = True
            self.rewritten += 1
            if alias.asname is not None:
                names.append(alias.with_changes(name=build_dotted(runtime_module(module, self.runtime))))
            else:
                names.append(
                    alias.with_changes(
                        name=build_dotted(self.runtime),
                        asname=cst.AsName(name=cst.Name("numpy")),
                    )
                )
        return updated_node.with_changes(names=names) if changed else updated_node

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        if updated_node.relative:
            return updated_node
        module = dotted(updated_node.module)
        if not is_numpy_module(module):
            return updated_node
        self.rewritten += 1
        return updated_node.with_changes(module=build_dotted(runtime_module(module, self.runtime)))
