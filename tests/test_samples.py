"""The sample programs, end to end.

For each program in samples/programs:
- the transpiler turns it into exactly samples/expected/<name> (golden test);
- converting that expected file again changes nothing;
- the original under NumPy and the expected conversion under np2torch.runtime
  print the same bytes.

The run test uses the checked-in conversion rather than converting again, so
a failure there points at the runtime and a golden failure at the transpiler.
`make demo` runs the same comparison through the real CLI.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"


def _load_harness():
    # samples/ is not a package; load its helper module by path, once.
    name = "np2torch_samples_harness"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SAMPLES_DIR / "harness.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


harness = _load_harness()
NAMES = harness.sample_names()


def convert_source(source: str) -> str:
    from np2torch.transpiler import convert

    return convert(source).new_source


def read(path: Path) -> str:
    # newline="" keeps line endings as they are in the file.
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def test_there_are_enough_samples():
    assert len(NAMES) >= 6, NAMES


def test_every_sample_has_an_expected_conversion():
    expected = sorted(p.name for p in harness.EXPECTED_DIR.glob("*.py"))
    assert expected == NAMES


def test_readme_table_lists_every_sample():
    readme = read(SAMPLES_DIR / "README.md")
    missing = [name for name in NAMES if f"`{name}`" not in readme]
    assert not missing, f"samples/README.md does not describe {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_transpiler_produces_expected_conversion(name):
    source = read(harness.PROGRAMS_DIR / name)
    expected = read(harness.EXPECTED_DIR / name)
    assert convert_source(source) == expected


@pytest.mark.parametrize("name", NAMES)
def test_sample_converts_without_findings(name):
    # The samples use only API the catalog supports, so nothing is reported.
    from np2torch.transpiler import convert

    findings = convert(read(harness.PROGRAMS_DIR / name)).findings
    assert findings == [], [f"{f.line}: {f.code} {f.message}" for f in findings]


@pytest.mark.parametrize("name", NAMES)
def test_converting_the_conversion_changes_nothing(name):
    expected = read(harness.EXPECTED_DIR / name)
    assert convert_source(expected) == expected


@pytest.mark.parametrize("name", NAMES)
def test_converted_sample_prints_what_numpy_prints(name):
    original = harness.run_program(harness.PROGRAMS_DIR / name)
    if not original.ok:
        fail_run("the NumPy original", original)
    converted = harness.run_program(harness.EXPECTED_DIR / name)
    if not converted.ok:
        fail_run("the converted program", converted)
    if converted.stdout != original.stdout:
        pytest.fail("\n".join(harness.first_difference(original.stdout, converted.stdout)), pytrace=False)


def fail_run(what: str, result) -> None:
    status = "timed out" if result.returncode is None else f"exit status {result.returncode}"
    pytest.fail(f"{what} failed ({status}):\n" + "\n".join(harness.tail(result.stderr, 15)), pytrace=False)
