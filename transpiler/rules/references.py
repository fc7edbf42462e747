"""Rule family `references`: report NumPy names the runtime cannot honour."""

from __future__ import annotations

import libcst as cst


class ReferenceReporter(cst.CSTVisitor):
    def __init__(self, options):
        super().__init__()
        self.options = options
        self.findings = []
        self.references = 0
        self.converted = 0
