"""Odd but real files (issue 8): newer syntax, match, long lines, deep nesting, odd notebooks."""

import json

import pytest

from np2torch.transpiler import Options, convert, convert_notebook

OPTIONS = Options(ignore=("NP2T102",))
HEADER = "import numpy as np\n"
CONVERTED_HEADER = "import np2torch.runtime as np\n"

PY312 = {
    "pep695-generics": (
        "type Vec[T] = list[T]\n"
        "def first[T: (int, float), *Ts, **P](xs: list[T]) -> T:\n    return np.asarray(xs)[0]\n"
        "class Box[T]:\n    item: np.ndarray\n"
    ),
    "nested-fstrings": 'x = f"{"a" + f"{np.pi:.{3}f}"}"\ny = f"{f"{f"{np.e}"}"}"\n',
    "fstring-backslash-and-comment": 'z = f"{\'\\n\'.join(map(str, np.arange(3)))}"\nw = f"{np.pi # why\n}"\n',
    "except-star": "try:\n    np.zeros(1)\nexcept* ValueError:\n    pass\n",
    "match": (
        "match np.ndim(a):\n    case 0 | 1:\n        r = np.zeros(1)\n"
        "    case [x, *rest] if x > np.pi:\n        pass\n    case {'k': np.ndarray() as v}:\n        pass\n"
        "    case _:\n        pass\n"
    ),
}


@pytest.mark.parametrize("body", PY312.values(), ids=PY312.keys())
def test_newer_syntax_converts_and_is_stable(body):
    result = convert(HEADER + body, OPTIONS)
    assert not result.failed, result.error
    assert result.new_source == CONVERTED_HEADER + body
    assert not convert(result.new_source, OPTIONS).changed


def test_file_libcst_cannot_parse_is_reported_and_untouched():
    # Valid Python (CPython parses it) that LibCST's parser rejects: 5000 adjacent strings.
    source = HEADER + "s = " + " ".join(["'a'"] * 5000) + "\n"
    result = convert(source)
    assert result.failed and result.error.code == "NP2T001"
    assert result.error.line >= 1
    assert result.new_source is source


def test_very_long_line():
    body = "x = [" + ", ".join(f"np.float64({i})" for i in range(3000)) + "]  # end\n"
    result = convert(HEADER + body, OPTIONS)
    assert result.new_source == CONVERTED_HEADER + body


@pytest.mark.parametrize(
    "body",
    [
        "x = " + "-" * 2000 + "np.pi\n",
        "x = " + " or ".join(["np.e"] * 3000) + "\n",
        "x = np" + ".a" * 1500 + "\n",
        "x = " + "lambda: " * 800 + "np.pi\n",
    ],
    ids=["unary", "boolop", "attribute-chain", "lambda"],
)
def test_deep_nesting_converts_without_crashing(body):
    result = convert(HEADER + body, OPTIONS)
    assert not result.failed, result.error
    assert result.new_source == CONVERTED_HEADER + body


def test_nesting_beyond_cpython_limits_is_reported_not_crashed():
    source = HEADER + "x = " + "(" * 3000 + "np.pi" + ")" * 3000 + "\n"  # SIGSEGV before the fix
    result = convert(source, OPTIONS)
    assert result.failed or result.new_source.startswith(CONVERTED_HEADER)


def test_recursion_limit_is_restored():
    import sys

    before = sys.getrecursionlimit()
    convert(HEADER + "x = np.pi\n")
    assert sys.getrecursionlimit() == before


def _notebook(cells, **extra):
    document = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5, **extra}
    return (json.dumps(document, indent=1) + "\n").encode()


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b"\xff\xfe{}", b"[]", b'{"cells": 3}', b'{"nbformat": 4}', b"null",
     b'{"cells": [{"cell_type": "code", "source": [1, 2]}]}'],
    ids=["empty", "truncated", "not-utf8", "list", "cells-not-list", "no-cells", "null",
         "source-not-strings"],
)
def test_invalid_notebooks_are_reported_and_untouched(data):
    result = convert_notebook(data)
    assert result.failed and result.error.code == "NP2T003"
    assert result.new_source is data


def test_notebook_with_odd_metadata_still_converts():
    data = b'{"cells": [{"cell_type": "code", "source": "import numpy"}], "metadata": []}'
    result = convert_notebook(data, OPTIONS)
    assert not result.failed and result.changed


def test_notebook_with_empty_and_non_code_cells():
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["import numpy as np\n"]},
        {"cell_type": "raw", "metadata": {}, "source": "import numpy"},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": []},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": ""},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": ["import numpy as np\n", "x = np.ones(2)"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": ["\n", "   \n"]},
    ]
    result = convert_notebook(_notebook(cells), OPTIONS)
    assert not result.failed and result.changed
    new_cells = json.loads(result.new_source)["cells"]
    assert new_cells[0] == cells[0] and new_cells[1] == cells[1]
    assert new_cells[2]["source"] == [] and new_cells[3]["source"] == ""
    assert new_cells[4]["source"] == ["import np2torch.runtime as np\n", "x = np.ones(2)"]
    assert new_cells[5]["source"] == ["\n", "   \n"]
    assert not convert_notebook(result.new_source, OPTIONS).changed


def test_notebook_with_only_markdown_is_unchanged():
    data = _notebook([{"cell_type": "markdown", "metadata": {}, "source": "import numpy as np"}])
    result = convert_notebook(data)
    assert not result.failed and not result.changed and result.new_source is data
