"""The catalog: tiers, its promise about the runtime, and the generated coverage doc."""

import importlib
import subprocess
import sys

import pytest

from np2torch.transpiler import Options, catalog, convert
from np2torch.transpiler.catalog import coverage, policy
from np2torch.transpiler.catalog.numpy_names import NAMES
from np2torch.transpiler.catalog.runtime_names import RUNTIME_NAMES


def _resolve(name):
    value = importlib.import_module("np2torch.runtime")
    for part in name.split(".")[1:]:
        value = getattr(value, part)
    return value


def test_every_runtime_tier_name_exists_in_the_runtime():
    runtime_tier = [e.name for e in catalog.entries() if e.tier in ("runtime", "approximate")]
    missing = []
    for name in runtime_tier:
        try:
            _resolve(name)
        except AttributeError:
            missing.append(name)
    assert missing == [], "catalog sends these names to the runtime, which lacks them; rerun the generator"


def test_runtime_snapshot_only_holds_numpy_names():
    assert RUNTIME_NAMES <= set(NAMES) | {"numpy._core"}


def test_policy_names_are_numpy_names():
    for name in list(policy.UNSUPPORTED) + list(policy.APPROXIMATE):
        assert name in NAMES or name.rsplit(".", 1)[0] in NAMES or name in ("numpy.matlib", "numpy.f2py"), name


def test_coverage_doc_is_up_to_date():
    assert coverage.DOC.read_text() == coverage.render(), (
        "docs/coverage.md is stale: run `python -m np2torch.transpiler.catalog.coverage`"
    )


def test_catalog_needs_neither_numpy_nor_libcst():
    code = (
        "import sys; import np2torch.transpiler.catalog as c; c.entries(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'torch', 'libcst')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "name, tier, code",
    [
        ("numpy.ma.masked_array", "unsupported", "NP2T101"),
        ("numpy.char", "unsupported", "NP2T101"),
        ("numpy.recarray", "unsupported", "NP2T105"),
        ("numpy.object_", "approximate", "NP2T106"),
        ("numpy.str_", "runtime", None),
        ("numpy.timedelta64", "runtime", None),
        ("numpy.zerros", "unknown", "NP2T103"),
        ("numpy.float", "unknown", "NP2T103"),
        ("numpy._core._multiarray_umath", "unknown", "NP2T107"),
        ("numpy.to_torch", "native", None),
    ],
)
def test_fixed_tiers(name, tier, code):
    entry = catalog.lookup(name)
    assert (entry.tier, entry.code) == (tier, code)


@pytest.fixture
def runtime_has(monkeypatch):
    """Pretend the runtime provides exactly `names` (the tier logic, not today's runtime)."""

    def install(*names, approximate=None):
        monkeypatch.setattr(catalog, "RUNTIME_NAMES", frozenset(names))
        monkeypatch.setattr(policy, "APPROXIMATE", dict(approximate or {}))
        catalog.lookup.cache_clear()

    yield install
    catalog.lookup.cache_clear()


def test_names_missing_from_the_runtime_are_reported(runtime_has):
    runtime_has("numpy", "numpy.zeros")
    result = convert("import numpy as np\na = np.zeros(3)\nb = np.polyfit(a, a, 1)\n")
    assert [(f.line, f.column, f.code, f.name) for f in result.findings] == [(3, 5, "NP2T102", "numpy.polyfit")]
    assert (result.references, result.converted) == (3, 2)
    assert catalog.lookup("numpy.zeros").tier == "runtime"


def test_compat_paths_resolve_to_main_namespace(runtime_has):
    runtime_has("numpy", "numpy.core", "numpy.zeros")
    assert catalog.lookup("numpy.core.numeric.zeros").tier == "runtime"
    assert catalog.lookup("numpy.core").tier == "runtime"
    assert catalog.lookup("numpy._core").code == "NP2T102"


def test_approximate_names_need_opt_in(runtime_has):
    runtime_has("numpy", "numpy.median", approximate={"numpy.median": "NaN handling differs"})
    source = "import numpy as np\nm = np.median([1.0])\n"
    result = convert(source)
    assert [(f.code, f.line) for f in result.findings] == [("NP2T104", 2)]
    assert "NaN handling differs" in result.findings[0].message
    opted = convert(source, Options(approximate=True))
    assert opted.findings == [] and opted.converted == opted.references == 2


def test_select_and_ignore(runtime_has):
    runtime_has("numpy")
    source = "import numpy as np\nnp.ma.x\nnp.zerros\n"
    assert [f.code for f in convert(source).findings] == ["NP2T101", "NP2T103"]
    assert [f.code for f in convert(source, Options(select=("NP2T101",))).findings] == ["NP2T101"]
    assert [f.code for f in convert(source, Options(ignore=("NP2T1",))).findings] == []


def test_describe():
    text, found = catalog.describe("np.ma.masked_array")
    assert found and "tier: unsupported" in text and "NP2T101" in text
    text, found = catalog.describe("torch.from_numpy")
    assert found and "to_torch" in text
    assert catalog.describe("np.no_such_thing")[1] is False
