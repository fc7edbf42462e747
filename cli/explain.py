"""`np2torch explain NAME`: how a NumPy name or a finding code is handled."""

from __future__ import annotations


def explain_text(name: str) -> tuple[str, bool]:
    from np2torch.transpiler.findings import CODES

    code = name.upper()
    if code in CODES:
        entry = CODES[code]
        return f"{entry.code} ({entry.severity}): {entry.title}\n\n{entry.help}", True
    from np2torch.transpiler.catalog import describe

    return describe(name)
