"""Notebooks: code cells convert as one program; everything else is untouched."""

import json

from np2torch.transpiler import Options, convert_notebook

OPTIONS = Options(ignore=("NP2T102",))


def notebook(*cells, language="python"):
    document = {
        "cells": list(cells),
        "metadata": {"kernelspec": {"language": language, "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode()


def code(*lines, outputs=()):
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": list(outputs), "source": list(lines)}


def markdown(*lines):
    return {"cell_type": "markdown", "metadata": {}, "source": list(lines)}


def sources(data):
    return [cell["source"] for cell in json.loads(data)["cells"]]


def test_code_cells_convert_and_the_rest_is_kept():
    output = {"output_type": "stream", "name": "stdout", "text": ["import numpy as np\n"]}
    data = notebook(
        markdown("Uses `import numpy as np` — ünïcode\n"),
        code("%matplotlib inline\n", "import numpy as np\n", "import torch"),
        code("x = np.ma.zeros(3)\n", "!ls\n", "files = !ls -a\n", "np.zeros?\n", "y = torch.from_numpy(x)", outputs=[output]),
        code(),
        code("%%bash\n", "echo import numpy\n"),
    )
    result = convert_notebook(data, OPTIONS)
    assert result.changed
    assert sources(result.new_source) == [
        ["Uses `import numpy as np` — ünïcode\n"],
        ["%matplotlib inline\n", "import np2torch.runtime as np\n", "import torch"],
        ["x = np.ma.zeros(3)\n", "!ls\n", "files = !ls -a\n", "np.zeros?\n", "y = np.to_torch(x)"],
        [],
        ["%%bash\n", "echo import numpy\n"],
    ]
    assert json.loads(result.new_source)["cells"][2]["outputs"] == [output]
    assert [(f.cell, f.line, f.column, f.code) for f in result.findings] == [(2, 1, 5, "NP2T101")]
    again = convert_notebook(result.new_source, OPTIONS)
    assert not again.changed and again.new_source == result.new_source


def test_unchanged_notebook_is_returned_byte_for_byte():
    data = notebook(markdown("hi\n"), code("print(1)\n"))
    odd = data.replace(b'"nbformat": 4', b'"nbformat":   4')
    result = convert_notebook(odd)
    assert not result.changed and result.new_source is odd


def test_other_languages_are_skipped():
    data = notebook(code("import numpy as np\n"), language="julia")
    assert not convert_notebook(data).changed


def test_invalid_json_is_an_error():
    result = convert_notebook(b'{"cells": [')
    assert result.failed and result.error.code == "NP2T003"


def test_syntax_error_names_the_cell():
    result = convert_notebook(notebook(code("import numpy as np\n"), code("x = (\n")))
    assert result.failed and result.error.code == "NP2T001" and result.error.cell == 1
