"""convert() as a pure function: types, bytes kept, errors reported, no I/O."""

import pytest

from np2torch.transpiler import Options, convert


def test_str_in_str_out():
    result = convert("import numpy as np\n")
    assert result.new_source == "import np2torch.runtime as np\n"
    assert result.changed and not result.findings and not result.failed


def test_unrelated_code_is_returned_as_is():
    source = "import os\nx = 1  # comment\n"
    result = convert(source)
    assert result.new_source is source
    assert not result.changed


@pytest.mark.parametrize(
    "source, expected",
    [
        (b"\xef\xbb\xbfimport numpy as np\r\nx = np.ones(2)  \r\n", b"\xef\xbb\xbfimport np2torch.runtime as np\r\nx = np.ones(2)  \r\n"),
        (b"# -*- coding: latin-1 -*-\nimport numpy\ns = '\xe9t\xe9'\n", b"# -*- coding: latin-1 -*-\nimport np2torch.runtime as numpy\ns = '\xe9t\xe9'\n"),
        (b"if True:\n\timport numpy as np\t# tab\n\tx = np\n", b"if True:\n\timport np2torch.runtime as np\t# tab\n\tx = np\n"),
        (b"import numpy as np\nx = 1\r\ny = 2\n", b"import np2torch.runtime as np\nx = 1\r\ny = 2\n"),
        (b"import numpy   as   np  ;  import  numpy\n", b"import np2torch.runtime   as   np  ;  import  np2torch.runtime as numpy\n"),
    ],
    ids=["bom-crlf-trailing-space", "latin1-cookie", "tabs", "mixed-newlines", "odd-spacing"],
)
def test_bytes_outside_changed_spans_are_kept(source, expected):
    result = convert(source)
    assert result.new_source == expected
    assert convert(expected).new_source == expected


def test_runtime_name_is_an_option():
    result = convert("import numpy as np\nfrom numpy.fft import fft\n", Options(runtime="mypkg.np"))
    assert result.new_source == "import mypkg.np as np\nfrom mypkg.np.fft import fft\n"


def test_runtime_cannot_be_numpy():
    with pytest.raises(ValueError):
        Options(runtime="numpy.compat")


@pytest.mark.parametrize(
    "source, line, column",
    [("def f(:\n    pass\n", 1, 7), ("x = 1\n  y = 2\n", 2, 2), ("import numpy as np\nnp.(\n", 2, 4)],
)
def test_parse_error_is_reported_with_position(source, line, column):
    result = convert(source)
    assert result.failed
    assert result.new_source == source
    assert (result.error.code, result.error.line, result.error.column) == ("NP2T001", line, column)


def test_undecodable_bytes_are_a_parse_error():
    result = convert(b"# coding: utf-8\nx = '\xff'\n")
    assert result.failed and result.error.code == "NP2T001"


def test_empty_and_comment_only_sources():
    assert convert("").new_source == ""
    assert convert(b"# only a comment\n").new_source == b"# only a comment\n"


def test_convert_does_no_file_io(monkeypatch, tmp_path):
    import builtins

    def no_open(*args, **kwargs):
        raise AssertionError("convert() opened a file")

    monkeypatch.setattr(builtins, "open", no_open)
    assert convert("import numpy as np\n").changed


@pytest.mark.parametrize(
    "source",
    [
        b"# -*- coding: latin-1 -*-\ns = '\xe9t\xe9'\n",
        "x = 1\n",
        b"\xef\xbb\xbfimport os\r\n",
        "def f[T](x: T) -> T:\n    return x\n",  # newer than this Python: LibCST decides
    ],
)
def test_files_without_numpy_words_come_back_as_they_are(source):
    result = convert(source)
    assert result.new_source is source and not result.changed and not result.failed


def test_prefilter_keeps_parse_errors_and_escaped_dynamic_imports():
    assert convert("def f(:\n    pass\n").failed
    assert convert(b"# coding: utf-8\nx = '\xff'\n").failed
    found = convert("m = __import__('\\x6eumpy')\n").findings
    assert [f.code for f in found] == ["NP2T108"]


def test_positions_match_libcst_position_provider():
    from pathlib import Path

    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from np2torch.transpiler.rules._resolve import positions

    fixtures = Path(__file__).parent / "fixtures"
    for path in sorted(p for p in fixtures.glob("*.input.py") if not p.name.startswith("deep_")):
        module = cst.parse_module(path.read_bytes())
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        expected = wrapper.resolve(PositionProvider)
        nodes = [n for n in expected if isinstance(n, (cst.Attribute, cst.Call, cst.ImportAlias, cst.ImportFrom,
                                                         cst.Name, cst.List, cst.SimpleString))]
        found = positions(module, nodes)
        for node in nodes:
            start = expected[node].start
            assert found[id(node)] == (start.line, start.column + 1), (path.name, node)
