"""`np2torch convert` through click's runner and as a real subprocess."""

import os
import stat

import pytest
from click.testing import CliRunner

from np2torch.cli.main import main

NUMPY_SOURCE = "import numpy as np\n\nx = np.zeros(3)  # keep me\n"
CONVERTED = "import np2torch.runtime as np\n\nx = np.zeros(3)  # keep me\n"
PLAIN = "import os\nprint(os.sep)\n"


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "project"
    (root / "pkg" / "sub").mkdir(parents=True)
    (root / "pkg" / "a.py").write_text(NUMPY_SOURCE)
    (root / "pkg" / "sub" / "b.py").write_text("from numpy.linalg import norm\n")
    (root / "pkg" / "plain.py").write_text(PLAIN)
    (root / "pkg" / "data.csv").write_text("1,2\n")
    return root


def invoke(*args, cwd=None):
    runner = CliRunner()
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(main, ["convert", *map(str, args)], catch_exceptions=False)
    finally:
        os.chdir(old)


def test_in_place(tree):
    result = invoke(tree)
    assert result.exit_code == 0, result.output
    assert (tree / "pkg" / "a.py").read_text() == CONVERTED
    assert (tree / "pkg" / "sub" / "b.py").read_text() == "from np2torch.runtime.linalg import norm\n"
    assert (tree / "pkg" / "plain.py").read_text() == PLAIN
    assert "2 files converted, 1 unchanged, 0 failed" in result.stderr
    again = invoke(tree)
    assert again.exit_code == 0
    assert "0 files converted, 3 unchanged" in again.stderr


def test_check_exits_1_and_writes_nothing(tree):
    result = invoke("--check", tree)
    assert result.exit_code == 1
    assert (tree / "pkg" / "a.py").read_text() == NUMPY_SOURCE
    assert "2 files would be converted" in result.stderr
    invoke(tree)
    # NP2T102 (not yet in the runtime) would also fail --check, whatever the runtime holds today.
    assert invoke("--check", "--ignore", "NP2T102", tree).exit_code == 0


def test_diff_prints_unified_diff_and_writes_nothing(tree):
    target = tree / "pkg" / "a.py"
    result = invoke("--diff", target)
    assert result.exit_code == 1
    assert target.read_text() == NUMPY_SOURCE
    assert result.stdout == (
        f"--- {target}\n+++ {target}\n@@ -1,3 +1,3 @@\n"
        "-import numpy as np\n+import np2torch.runtime as np\n \n x = np.zeros(3)  # keep me\n"
    )


def test_diff_with_relative_paths_uses_a_b_prefixes(tree):
    result = invoke("--diff", "pkg/sub/b.py", cwd=tree)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/pkg/sub/b.py\n+++ b/pkg/sub/b.py\n")


def test_diff_without_changes_exits_0(tree):
    assert invoke("--diff", tree / "pkg" / "plain.py").exit_code == 0


def test_output_directory_gets_a_complete_converted_copy(tree, tmp_path):
    out = tmp_path / "out"
    result = invoke("-o", out, tree / "pkg")
    assert result.exit_code == 0, result.output
    assert (out / "a.py").read_text() == CONVERTED
    assert (out / "sub" / "b.py").read_text() == "from np2torch.runtime.linalg import norm\n"
    assert (out / "plain.py").read_text() == PLAIN
    assert (out / "data.csv").read_text() == "1,2\n"
    assert (tree / "pkg" / "a.py").read_text() == NUMPY_SOURCE  # input untouched


def test_output_directory_inside_the_input_tree_is_not_walked(tree):
    out = tree / "pkg" / "converted"
    assert invoke("-o", out, tree / "pkg").exit_code == 0
    assert invoke("-o", out, tree / "pkg").exit_code == 0
    assert (out / "a.py").read_text() == CONVERTED
    assert not (out / "converted").exists()
    assert (tree / "pkg" / "a.py").read_text() == NUMPY_SOURCE


def test_parse_error_exits_2_names_file_and_line_and_converts_the_rest(tree):
    bad = tree / "pkg" / "bad.py"
    bad.write_text("import numpy as np\n\ndef broken(:\n    pass\n")
    before = bad.read_bytes()
    result = invoke(tree)
    assert result.exit_code == 2
    assert f"{bad}:3:12: NP2T001 cannot parse" in result.stderr
    assert bad.read_bytes() == before
    assert (tree / "pkg" / "a.py").read_text() == CONVERTED


def test_parse_error_beats_changes_for_check(tree):
    (tree / "pkg" / "bad.py").write_text("x = (\n")
    assert invoke("--check", tree).exit_code == 2


def test_missing_path_exits_2(tree):
    result = invoke(tree / "nope.py", tree / "pkg" / "a.py")
    assert result.exit_code == 2
    assert "nope.py: no such file or directory" in result.stderr
    assert (tree / "pkg" / "a.py").read_text() == CONVERTED


def test_permissions_are_preserved(tree):
    target = tree / "pkg" / "a.py"
    os.chmod(target, 0o751)
    assert invoke(target).exit_code == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o751
    assert target.read_text() == CONVERTED


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anything")
def test_unreadable_file_exits_2_and_others_convert(tree):
    secret = tree / "pkg" / "secret.py"
    secret.write_text(NUMPY_SOURCE)
    os.chmod(secret, 0)
    try:
        result = invoke(tree)
    finally:
        os.chmod(secret, 0o644)
    assert result.exit_code == 2
    assert f"{secret}: cannot read" in result.stderr
    assert (tree / "pkg" / "a.py").read_text() == CONVERTED


def test_read_only_file_is_reported_and_left_alone(tree):
    target = tree / "pkg" / "a.py"
    os.chmod(target, 0o444)
    try:
        result = invoke(tree)
        if os.access(target, os.W_OK):
            pytest.skip("running as root: read-only bits do not stop writes")
    finally:
        os.chmod(target, 0o644)
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert target.read_text() == NUMPY_SOURCE


def test_no_temporary_files_are_left_behind(tree):
    invoke(tree)
    leftovers = [p for p in tree.rglob("*") if "np2torch-tmp" in p.name]
    assert leftovers == []


def test_subprocess_round_trip(tree, cli):
    result = cli("convert", "--check", str(tree))
    assert result.returncode == 1
    result = cli("convert", str(tree))
    assert result.returncode == 0, result.stderr
    assert (tree / "pkg" / "a.py").read_text() == CONVERTED
    result = cli("convert", "--check", "--ignore", "NP2T102", str(tree))
    assert result.returncode == 0, result.stderr


def test_subprocess_parse_error(tree, cli):
    (tree / "pkg" / "bad.py").write_text("x = (\n")
    result = cli("convert", str(tree))
    assert result.returncode == 2
    assert b"bad.py:1:" in result.stderr
    assert (tree / "pkg" / "a.py").read_text() == CONVERTED
