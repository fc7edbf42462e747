"""Conversion options: what the CLI's flags and `[tool.np2torch]` turn into."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_RUNTIME = "np2torch.runtime"


@dataclass(frozen=True)
class Options:
    """Settings for one conversion; hashable so the CLI can key its cache on it.

    runtime      dotted module that converted code imports in place of numpy
    select       finding codes (or prefixes such as "NP2T1") to report; empty = all
    ignore       finding codes (or prefixes) never reported
    approximate  opt in to catalog names whose runtime behaviour differs from
                 NumPy in a documented way (otherwise each use is reported)
    """

    runtime: str = DEFAULT_RUNTIME
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    approximate: bool = False

    def __post_init__(self):
        parts = self.runtime.split(".")
        if not all(part.isidentifier() for part in parts) or parts[0] == "numpy":
            raise ValueError(f"runtime must be a dotted module name other than numpy, got {self.runtime!r}")

    def reports(self, code: str) -> bool:
        """True when a finding with this code should be reported."""
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return not self.select or any(code.startswith(prefix) for prefix in self.select)
