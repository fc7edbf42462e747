"""Property-based fuzzing: generated valid Python, alone and mixed with NumPy usage.

Programs come from hypothesmith (from the grammar and from LibCST nodes);
NumPy and torch usage comes from TEMPLATES, spliced in with one of the import
forms.  For every program:

- convert() never raises; a failure is only NP2T001 on a file LibCST itself
  cannot parse, and then the source comes back untouched;
- the output parses (Python's parser) and converting it again changes nothing;
- no numpy import survives;
- a program that mentions neither numpy nor torch comes back byte for byte.

The default run is derandomized (tests/conftest.py) and small enough for CI;
`pytest -m slow tests/transpiler/test_fuzz.py` runs the long one (seed from
$NP2TORCH_FUZZ_SEED, example count from $NP2TORCH_FUZZ_EXAMPLES).
Crashes found here become fixtures in tests/transpiler/fixtures/.
"""

from __future__ import annotations

import ast
import os
import warnings

import hypothesmith
import libcst as cst
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from np2torch.transpiler import Options, convert

IMPORT_FORMS = [
    "import numpy as np\n",
    "import numpy\nnp = numpy\n",
    "import numpy.linalg as la, numpy as np\n",
    "from numpy import *\nimport numpy as np\n",
    "try:\n    import numpy as np\nexcept ImportError:\n    np = None\n",
    "import np2torch.runtime as np\n",
    "import numpy as np, torch\n",
    "from numpy import array, zeros as z\nimport numpy as np\n",
]

TEMPLATES = [
    "a = np.zeros((3, 4), dtype=np.float32)\n",
    "b = np.linalg.norm(a, axis=-1)\n",
    "c = np.ma.masked_array([1, 2])  # np2torch: ignore[NP2T101]\n",
    "d = np.array([(1, 2.0)], dtype=[('x', 'i4'), ('y', 'f8')])\n",
    "e = np.empty(3, dtype=object)\n",
    "f = np.some_future_function(1)\n",
    "def g(np):\n    return np.ma\n",
    "def h(x: np.ndarray) -> np.ndarray:\n    return np.asarray(x)\n",
    "import torch\nt = torch.from_numpy(a)\nu = t.detach().cpu().numpy()\n",
    "import torch\nv = torch.tensor(b, dtype=torch.float64, requires_grad=True)\n",
    "import importlib\nm = importlib.import_module('numpy')\n",
    "class K:\n    np = 1\n    def m(self):\n        return np.pi\n",
    "lam = lambda np: np.float64\n",
    "w = [np.int64(i) for np in range(3)]\n",
    "x = (np\n     .linalg\n     .inv)(a)\n",
    "y = f'{np.pi:.{3}f} {np.e!r}'\n",
    "match a:\n    case np.ndarray():\n        pass\n    case _:\n        pass\n",
    "if isinstance(a, np.ndarray):\n    from numpy.random import default_rng\n",
    "z = np._core._multiarray_umath\n",
    "with open(__file__) as np:\n    np.read()\n",
]

PROGRAMS = st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node())
SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck))
OPTIONS = Options(ignore=("NP2T102",))


def _parses(source) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source)
            return True
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False


def _libcst_parses(source) -> bool:
    try:
        cst.parse_module(source)
        return True
    except Exception:
        return False


@st.composite
def mixed_programs(draw):
    """Generated code with an import form and NumPy templates spliced around it."""
    program = draw(PROGRAMS)
    if not program.endswith("\n"):
        program += "\n"
    header = draw(st.sampled_from(IMPORT_FORMS))
    before = draw(st.lists(st.sampled_from(TEMPLATES), max_size=3))
    after = draw(st.lists(st.sampled_from(TEMPLATES), max_size=3))
    indent = draw(st.booleans())
    tail = "".join(after)
    if indent and tail:
        tail = "def _wrapped():\n" + "".join("    " + line for line in tail.splitlines(keepends=True))
    # `from __future__` must stay first: keep generated code ahead when it has one.
    if "__future__" in program:
        source = program + header + "".join(before) + tail
    else:
        source = header + "".join(before) + program + tail
    as_bytes = draw(st.booleans())
    crlf = draw(st.booleans())
    if crlf:
        source = source.replace("\r\n", "\n").replace("\n", "\r\n")
    return source.encode("utf-8") if as_bytes else source


def _no_numpy_import_left(source) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "numpy" for a in node.names):
            return False
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] == "numpy":
            return False
    return True


def check_program(source) -> None:
    result = convert(source, OPTIONS)
    if result.failed:
        # Only a file LibCST itself cannot parse may fail, and it is left untouched.
        assert result.error.code == "NP2T001", result.error
        assert result.new_source is source
        assert not _libcst_parses(source)
        return
    assert type(result.new_source) is type(source)
    assert _parses(result.new_source), result.new_source
    again = convert(result.new_source, OPTIONS)
    assert not again.failed and not again.changed
    assert again.new_source == result.new_source
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _no_numpy_import_left(result.new_source)
    text = source.decode("utf-8") if isinstance(source, bytes) else source
    if "numpy" not in text and "torch" not in text:
        assert result.new_source is source
        assert not result.changed and not result.findings


def check_plain_program(source: str) -> None:
    """Code that does not reference NumPy is returned byte for byte."""
    if "numpy" in source or "torch" in source:
        return
    result = convert(source, OPTIONS)
    if result.failed:
        assert result.error.code == "NP2T001" and not _libcst_parses(source)
        return
    assert result.new_source == source
    assert not result.changed and not result.findings
    as_bytes = source.encode("utf-8")
    assert convert(as_bytes, OPTIONS).new_source == as_bytes


@settings(max_examples=150, **SETTINGS)
@given(PROGRAMS)
def test_generated_code_without_numpy_is_byte_identical(source):
    check_plain_program(source)


@settings(max_examples=150, **SETTINGS)
@given(mixed_programs())
def test_generated_code_mixed_with_numpy_converts_safely(source):
    if not _parses(source):
        return  # splicing can make invalid programs (e.g. a trailing line continuation)
    check_program(source)


FUZZ_SEED = int(os.environ.get("NP2TORCH_FUZZ_SEED", "20240817"))
FUZZ_EXAMPLES = int(os.environ.get("NP2TORCH_FUZZ_EXAMPLES", "3000"))


@pytest.mark.slow
@seed(FUZZ_SEED)
@settings(max_examples=FUZZ_EXAMPLES, derandomize=False, database=None, **SETTINGS)
@given(mixed_programs())
def test_long_fuzz_mixed(source):
    if _parses(source):
        check_program(source)


@pytest.mark.slow
@seed(FUZZ_SEED + 1)
@settings(max_examples=FUZZ_EXAMPLES, derandomize=False, database=None, **SETTINGS)
@given(PROGRAMS)
def test_long_fuzz_plain(source):
    check_plain_program(source)
