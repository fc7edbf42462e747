"""Rule family `bridge`: torch <-> NumPy idioms."""

from __future__ import annotations

import libcst as cst


class BridgeRewriter(cst.CSTTransformer):
    def __init__(self, runtime: str):
        super().__init__()
        self.runtime = runtime
