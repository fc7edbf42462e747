"""Fixture-driven rule tests: fixtures/<name>.input.py converts to <name>.expected.py.

An optional fixtures/<name>.findings.txt lists the expected findings, one
`line:column CODE` per line.  Every expected file must also convert to
itself (a second run changes nothing).
"""

from pathlib import Path

import libcst as cst
import pytest

from np2torch.transpiler import Options, convert

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = sorted(p.name[: -len(".input.py")] for p in FIXTURES.glob("*.input.py"))


def _options(name: str) -> Options:
    # NP2T102 ("not yet in the runtime") changes whenever the runtime grows;
    # it has its own tests, so fixtures stay stable.
    return Options(approximate=name.startswith("approximate_optin"), ignore=("NP2T102",))


@pytest.mark.parametrize("name", NAMES)
def test_fixture_converts_to_expected(name):
    source = (FIXTURES / f"{name}.input.py").read_bytes()
    expected = (FIXTURES / f"{name}.expected.py").read_bytes()
    result = convert(source, _options(name))
    assert not result.failed, result.error
    assert result.new_source.decode() == expected.decode()
    assert result.new_source == expected
    assert result.changed == (source != expected)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_second_run_is_a_no_op(name):
    expected = (FIXTURES / f"{name}.expected.py").read_bytes()
    cst.parse_module(expected)
    again = convert(expected, _options(name))
    assert not again.changed
    assert again.new_source == expected


@pytest.mark.parametrize("name", NAMES)
def test_fixture_findings(name):
    listing = FIXTURES / f"{name}.findings.txt"
    expected = listing.read_text().split("\n") if listing.exists() else []
    expected = [line for line in expected if line.strip()]
    source = (FIXTURES / f"{name}.input.py").read_bytes()
    found = [f"{f.line}:{f.column} {f.code}" for f in convert(source, _options(name)).findings]
    assert found == expected
