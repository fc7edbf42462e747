"""The catalog: every NumPy name np2torch knows, with its tier.

Tiers (see docs/coverage.md):
  native       an exact torch spelling exists and the converter emits it (torch-bridge idioms)
  runtime      np2torch.runtime provides it with NumPy's semantics
  approximate  the runtime provides it with a documented difference (opt-in)
  unsupported  left as is and reported (NP2T101/105/106), or not yet in the runtime (NP2T102)

Data comes from three files: numpy_names.py (generated once from numpy),
runtime_names.py (generated from np2torch.runtime, grows with it) and
policy.py (hand-written).  Nothing here imports numpy, torch or libcst.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import policy
from .numpy_names import NAMES, NUMPY_VERSION, REMOVED
from .runtime_names import RUNTIME_NAMES

__all__ = ["Entry", "lookup", "entries", "describe", "NUMPY_VERSION"]

NOT_IN_RUNTIME = "not yet implemented in np2torch.runtime"


@dataclass(frozen=True)
class Entry:
    name: str  # the NumPy name as looked up (numpy.linalg.norm)
    kind: str  # module, function, ufunc, class, scalar type, constant, method, attribute, ...
    tier: str  # native, runtime, approximate, unsupported, unknown
    code: str | None  # finding code when not converted as is
    note: str = ""

    @property
    def converted(self) -> bool:
        return self.tier in ("native", "runtime")


def _policy_match(name: str, table: dict):
    parts = name.split(".")
    for end in range(len(parts), 1, -1):
        key = ".".join(parts[:end])
        if key in table:
            return table[key]
    return None


def _canonical(name: str) -> str:
    """numpy.core.numeric.zeros / numpy._core.zeros -> numpy.zeros (compatibility paths).

    Names NumPy keeps elsewhere since 2.0 (numpy.core.multiarray.normalize_axis_index ->
    numpy.lib.array_utils.normalize_axis_index) are found by their last component.
    """
    for package in policy.COMPAT_PACKAGES:
        if name.startswith(package + "."):
            last = name.rsplit(".", 1)[1]
            if f"numpy.{last}" in NAMES:
                return f"numpy.{last}"
            if name.count(".") >= 3:
                for namespace in _PUBLIC_NAMESPACES:
                    if f"{namespace}.{last}" in NAMES:
                        return f"{namespace}.{last}"
    return name


_PUBLIC_NAMESPACES = sorted(n for n, kind in NAMES.items() if kind == "module" and n != "numpy")


def _compat_module(name: str) -> Entry | None:
    """numpy.core, numpy._core and their public-looking submodules."""
    for package in policy.COMPAT_PACKAGES:
        if name == package or name.startswith(package + "."):
            rest = name[len(package) + 1:].split(".") if name != package else []
            if any(part.startswith("_") for part in rest) or len(rest) > 1:
                return Entry(name, "module", "unknown", "NP2T107", "private NumPy module")
            if package in RUNTIME_NAMES:
                return Entry(name, "module", "runtime", None, "compatibility path; names resolve to the main namespace")
            return Entry(name, "module", "unsupported", "NP2T102", NOT_IN_RUNTIME)
    return None


def _known_prefix(name: str) -> str | None:
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        key = ".".join(parts[:end])
        if key in NAMES:
            return key
    return None


@lru_cache(maxsize=4096)
def lookup(name: str) -> Entry:
    """The entry for a dotted name rooted at numpy (e.g. numpy.linalg.norm)."""
    if name in policy.RUNTIME_HELPERS:
        return Entry(name, "function", "native", None, policy.RUNTIME_HELPERS[name])
    canonical = _canonical(name)
    unsupported = _policy_match(canonical, policy.UNSUPPORTED)
    kind = NAMES.get(canonical)
    if unsupported is not None:
        code, reason = unsupported
        return Entry(name, kind or "name", "unsupported", code, reason)
    if canonical in NAMES:
        return _known(name, canonical, kind)
    if canonical in REMOVED:
        return Entry(name, "removed", "unknown", "NP2T103", f"removed from NumPy. {REMOVED[canonical]}")
    compat = _compat_module(canonical)
    if compat is not None:
        return compat
    if any(part.startswith("_") and not (part.startswith("__") and part.endswith("__")) for part in canonical.split(".")):
        return Entry(name, "private", "unknown", "NP2T107", "private NumPy API")
    prefix = _known_prefix(canonical)
    if prefix is not None and NAMES[prefix] != "module":
        # An attribute of a known object (np.finfo.max, np.float64.__name__): it goes where its owner goes.
        owner = _known(name, prefix, NAMES[prefix])
        return Entry(name, "attribute", owner.tier, owner.code, owner.note)
    return Entry(name, "name", "unknown", "NP2T103", f"not in NumPy {NUMPY_VERSION}'s public API")


def _known(name: str, canonical: str, kind: str) -> Entry:
    if canonical in RUNTIME_NAMES:
        if canonical in policy.PYTHON_LOOPS:
            return Entry(name, kind, "approximate", "NP2T106", policy.PYTHON_LOOPS[canonical])
        if canonical in policy.APPROXIMATE:
            return Entry(name, kind, "approximate", "NP2T104", policy.APPROXIMATE[canonical])
        return Entry(name, kind, "runtime", None)
    return Entry(name, kind, "unsupported", "NP2T102", NOT_IN_RUNTIME)


def entries() -> list[Entry]:
    """Every public NumPy name, with its tier, sorted by name."""
    return [lookup(name) for name in sorted(NAMES)]


def describe(query: str) -> tuple[str, bool]:
    """Text for `np2torch explain`: accepts np.x, numpy.x, x, linalg.norm, torch.from_numpy."""
    query = query.strip()
    if query in policy.NATIVE:
        form, note = policy.NATIVE[query]
        return f"{query}\n  tier: native\n  becomes: {form}\n  note: {note}", True
    candidates = [query]
    if query.startswith("np."):
        candidates = ["numpy." + query[3:]]
    elif not query.startswith("numpy"):
        candidates = [f"numpy.{query}"] + [f"{ns}.{query}" for ns in sorted(n for n, k in NAMES.items() if k == "module")]
    for candidate in candidates:
        if candidate in NAMES or candidate in REMOVED or candidate == query:
            entry = lookup(candidate)
            break
    else:
        entry = lookup(candidates[0])
    found = entry.tier != "unknown" or entry.name in REMOVED
    lines = [entry.name, f"  kind: {entry.kind}", f"  tier: {entry.tier}"]
    if entry.tier in ("runtime", "approximate"):
        lines.append(f"  becomes: np2torch.runtime{entry.name[len('numpy'):]}")
    if entry.code:
        lines.append(f"  reported as: {entry.code}")
    if entry.note:
        lines.append(f"  note: {entry.note}")
    return "\n".join(lines), found
