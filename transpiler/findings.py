"""Findings: what the converter could not convert, or converted with a caveat.

Codes are stable: tools and `# np2torch: ignore[CODE]` comments depend on
them.  Never renumber; retire a code by leaving its entry in place.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    title: str
    help: str


CODES = {
    c.code: c
    for c in [
        Code("NP2T001", ERROR, "cannot parse",
             "The file is not valid Python (or not valid for its encoding); it was left untouched."),
        Code("NP2T002", ERROR, "internal error",
             "The converted text did not parse again, so nothing was written. Please report it with the file."),
        Code("NP2T003", ERROR, "cannot read notebook",
             "The notebook is not valid JSON in nbformat 4 layout; it was left untouched."),
        Code("NP2T101", ERROR, "unsupported NumPy API",
             "np2torch has no torch equivalent for this part of NumPy. Keep this code on NumPy "
             "(import numpy under another name) or rewrite it; see `np2torch explain NAME`."),
        Code("NP2T102", ERROR, "not yet in the runtime",
             "np2torch.runtime does not provide this name yet, so the converted code would fail "
             "when it reaches it. Rewrite it with supported functions or keep it on NumPy."),
        Code("NP2T103", WARNING, "unknown NumPy name",
             "The name is not in NumPy's public API as np2torch knows it (a typo, a newer "
             "NumPy, or a private name). The converted code may fail on it."),
        Code("NP2T104", WARNING, "approximate",
             "The runtime supports this name with a documented difference from NumPy. "
             "Opt in with `approximate = true` in [tool.np2torch] (or --approximate) once you have read it."),
        Code("NP2T105", ERROR, "structured dtype",
             "Structured (record) dtypes have no torch equivalent. Use separate arrays per field."),
        Code("NP2T106", WARNING, "object array",
             "Object arrays (dtype=object) work, but torch cannot hold Python objects: the runtime "
             "keeps them in a Python list and runs every operation element by element on the CPU "
             "(no torch speed, no GPU, no autograd). Prefer a numeric dtype where the data allows."),
        Code("NP2T107", WARNING, "private NumPy API",
             "Private modules (numpy._core._multiarray_umath, ...) are not part of the runtime. "
             "Use the public name instead."),
        Code("NP2T108", WARNING, "dynamic import of numpy",
             "importlib.import_module('numpy') / __import__('numpy') is not rewritten. Use a "
             "plain import statement so the converter can see it."),
    ]
}


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    line: int
    column: int  # 1-based, as editors and GitHub annotations count
    name: str = ""  # the NumPy name concerned, if any
    cell: int | None = None  # notebooks: index of the cell; `line` counts within it

    @property
    def severity(self) -> str:
        return CODES[self.code].severity

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity
        return data


_PRAGMA = re.compile(r"#\s*np2torch:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")


def ignore_pragmas(text: str) -> dict[int, frozenset[str] | None]:
    """Map line -> codes silenced there (None: every code) from real comments.

    Uses the tokenizer so that the marker inside a string literal does not count.
    """
    pragmas: dict[int, frozenset[str] | None] = {}
    if "np2torch" not in text:
        return pragmas
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type != tokenize.COMMENT:
                continue
            match = _PRAGMA.search(token.string)
            if not match:
                continue
            codes = match.group("codes")
            line = token.start[0]
            if codes is None:
                pragmas[line] = None
            elif pragmas.get(line, frozenset()) is not None:
                names = {c.strip() for c in codes.split(",") if c.strip()}
                pragmas[line] = frozenset(names) | pragmas.get(line, frozenset())
    except (tokenize.TokenError, SyntaxError):
        pass
    return pragmas


def is_silenced(finding: Finding, pragmas) -> bool:
    if finding.line not in pragmas:
        return False
    codes = pragmas[finding.line]
    return codes is None or finding.code in codes
