"""Rule family `dtypes`: report structured and object dtypes."""

from __future__ import annotations

import libcst as cst


class DtypeReporter(cst.CSTVisitor):
    def __init__(self):
        super().__init__()
        self.findings = []
