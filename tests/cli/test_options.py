"""Reporting formats, stdin, config, file selection, cache, jobs, explain, version."""

import json
import os
import subprocess

import pytest
from click.testing import CliRunner

from np2torch.cli.main import main

SOURCE = "import numpy as np\nm = np.ma.masked_all(3)\n"
CONVERTED = "import np2torch.runtime as np\nm = np.ma.masked_all(3)\n"


def invoke(*args, input=None, cwd=None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text(SOURCE)
    return tmp_path


def test_text_findings_and_summary(project):
    result = invoke("convert", "--check", project / "src")
    assert result.exit_code == 1
    path = project / "src" / "a.py"
    assert f"{path}:2:5: NP2T101 np.ma.masked_all (numpy.ma.masked_all): masked arrays" in result.stdout
    assert "1 file would be converted, 0 unchanged, 0 failed; 1 finding" in result.stderr
    assert "NumPy references converted: 1/2 (50.0%)" in result.stderr


def test_json_report(project):
    result = invoke("convert", "--check", "--format", "json", project / "src")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["mode"] == "check"
    (entry,) = report["files"]
    assert entry["path"] == str(project / "src" / "a.py") and entry["status"] == "changed"
    assert entry["findings"] == [{
        "code": "NP2T101", "severity": "error", "line": 2, "column": 5, "name": "numpy.ma.masked_all", "cell": None,
        "message": "np.ma.masked_all (numpy.ma.masked_all): masked arrays have no torch equivalent with "
                   "NumPy's semantics; use a boolean mask array",
    }]
    assert report["summary"]["files_changed"] == 1
    assert report["summary"]["numpy_references"] == 2


def test_json_with_diff_keeps_stdout_a_diff(project):
    result = invoke("convert", "--diff", "--format", "json", project / "src")
    assert result.stdout.startswith("--- ")
    assert json.loads(result.stderr)["files"][0]["status"] == "changed"


def test_github_annotations(project):
    result = invoke("convert", "--check", "--format", "github", project / "src")
    path = project / "src" / "a.py"
    assert f"::error file={path},line=2,col=5,title=NP2T101::np.ma.masked_all" in result.stdout


def test_stdin_to_stdout():
    result = invoke("convert", "-", "--stdin-filename", "x.py", input=SOURCE)
    assert result.exit_code == 0
    assert result.stdout == CONVERTED
    assert "x.py:2:5: NP2T101" in result.stderr


def test_stdin_check_and_diff():
    assert invoke("convert", "--check", "-", input=SOURCE).exit_code == 1
    result = invoke("convert", "--diff", "-", "--stdin-filename", "pkg/x.py", input=SOURCE)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/pkg/x.py\n+++ b/pkg/x.py\n")


def test_stdin_parse_error():
    result = invoke("convert", "-", "--stdin-filename", "x.py", input="def (:\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert "x.py:1:" in result.stderr


def test_stdin_notebook():
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                     "source": ["import numpy as np\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    result = invoke("convert", "-", "--stdin-filename", "n.ipynb", input=json.dumps(nb, indent=1) + "\n")
    assert json.loads(result.stdout)["cells"][0]["source"] == ["import np2torch.runtime as np\n"]


def test_pyi_and_ipynb_files_are_found(tmp_path):
    (tmp_path / "stub.pyi").write_text("import numpy as np\ndef f(x: np.ndarray) -> np.ndarray: ...\n")
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                     "source": ["import numpy\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "n.ipynb").write_text(json.dumps(nb, indent=1) + "\n")
    (tmp_path / "notes.txt").write_text("import numpy\n")
    assert invoke("convert", tmp_path).exit_code == 0
    assert (tmp_path / "stub.pyi").read_text().startswith("import np2torch.runtime as np\n")
    assert json.loads((tmp_path / "n.ipynb").read_text())["cells"][0]["source"] == ["import np2torch.runtime as numpy\n"]
    assert (tmp_path / "notes.txt").read_text() == "import numpy\n"


def test_invalid_notebook_exits_2_and_is_untouched(tmp_path):
    (tmp_path / "bad.ipynb").write_text("{not json")
    (tmp_path / "a.py").write_text(SOURCE)
    result = invoke("convert", tmp_path)
    assert result.exit_code == 2
    assert "bad.ipynb:1:1: NP2T003" in result.stderr
    assert (tmp_path / "bad.ipynb").read_text() == "{not json"
    assert (tmp_path / "a.py").read_text() == CONVERTED


def test_default_skips_excludes_and_gitignore(tmp_path):
    for folder in [".venv/lib", "build", "site-packages/pkg", ".tox", "src/gen", "src/ignored", "src/keep"]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "m.py").write_text(SOURCE)
    (tmp_path / "src" / "skip_pb2.py").write_text(SOURCE)
    (tmp_path / "src" / "local.py").write_text(SOURCE)
    (tmp_path / "src" / "kept.py").write_text(SOURCE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored/\n/src/local.py\n*.py[cod]\n")
    (tmp_path / "src" / ".gitignore").write_text("gen/\n!keep/\n")
    result = invoke("convert", "--exclude", "*_pb2.py", tmp_path)
    assert result.exit_code == 0
    converted = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.py") if p.read_text() == CONVERTED)
    assert converted == ["src/keep/m.py", "src/kept.py"]
    everything = invoke("convert", "--no-gitignore", tmp_path / "src")
    assert everything.exit_code == 0
    assert (tmp_path / "src" / "gen" / "m.py").read_text() == CONVERTED
    assert (tmp_path / "src" / "skip_pb2.py").read_text() == CONVERTED


def test_pyproject_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.np2torch]\nruntime = "mylib.np"\nexclude = ["legacy/*"]\nignore = ["NP2T101"]\n'
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text(SOURCE)
    (tmp_path / "a.py").write_text(SOURCE)
    sub = tmp_path / "deeper"
    sub.mkdir()
    result = invoke("convert", "--check", "../a.py", "../legacy", cwd=sub)
    assert "NP2T101" not in result.stdout
    invoke("convert", "../a.py", "../legacy", cwd=sub)
    assert (tmp_path / "a.py").read_text() == SOURCE.replace("import numpy", "import mylib.np")
    assert (tmp_path / "legacy" / "old.py").read_text() == SOURCE


def test_bad_config_exits_2(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.np2torch]\nrutnime = "x"\n')
    (tmp_path / "a.py").write_text(SOURCE)
    result = invoke("convert", "a.py", cwd=tmp_path)
    assert result.exit_code == 2 and "unknown [tool.np2torch] keys: rutnime" in result.stderr


def test_cache_skips_parsing_unchanged_files(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text(CONVERTED)
    first = invoke("convert", "--format", "json", tmp_path)
    from np2torch.transpiler import api

    def boom(*args, **kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(api, "convert", boom)
    import np2torch.transpiler as transpiler

    monkeypatch.setattr(transpiler, "convert", boom, raising=False)
    second = invoke("convert", "--format", "json", tmp_path)
    assert second.exit_code == 0
    assert json.loads(second.stdout)["files"] == json.loads(first.stdout)["files"]
    (tmp_path / "a.py").write_text(SOURCE)
    with pytest.raises(AssertionError, match="parsed although cached"):
        invoke("convert", tmp_path)


def test_jobs_give_the_same_result(tmp_path):
    for i in range(12):
        (tmp_path / f"m{i}.py").write_text(SOURCE)
    result = invoke("convert", "--jobs", "3", "--no-cache", "--format", "json", tmp_path)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["summary"]["files_changed"] == 12
    assert all((tmp_path / f"m{i}.py").read_text() == CONVERTED for i in range(12))


def test_explain_name_and_code():
    result = invoke("explain", "np.ma.masked_array")
    assert result.exit_code == 0 and "tier: unsupported" in result.stdout and "NP2T101" in result.stdout
    result = invoke("explain", "NP2T105")
    assert result.exit_code == 0 and "structured dtype" in result.stdout
    assert invoke("explain", "np.not_a_thing").exit_code == 1


def test_version():
    from np2torch import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_symlinks_are_not_followed_out_of_the_tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.py").write_text(SOURCE)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.py").write_text(SOURCE)
    os.symlink(outside, tree / "linked_dir")
    os.symlink(outside / "x.py", tree / "linked.py")
    assert invoke("convert", tree).exit_code == 0
    assert (tree / "a.py").read_text() == CONVERTED
    assert (outside / "x.py").read_text() == SOURCE
    assert (tree / "linked.py").is_symlink()
    out = tmp_path / "out"
    assert invoke("convert", "-o", out, tree).exit_code == 0
    assert (out / "linked.py").is_symlink() and os.readlink(out / "linked.py") == str(outside / "x.py")


def test_explicit_symlinked_file_converts_its_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real.py").write_text(SOURCE)
    os.symlink(tmp_path / "real.py", tmp_path / "link.py")
    assert invoke("convert", tmp_path / "link.py").exit_code == 0
    assert (tmp_path / "link.py").is_symlink()
    assert (tmp_path / "real.py").read_text() == CONVERTED


def test_console_script_help(cli):
    result = cli("--help")
    assert result.returncode == 0 and b"convert" in result.stdout


def test_output_tree_copies_what_gitignore_and_excludes_hide(tmp_path):
    project = tmp_path / "project"
    for folder in ["src", "data", "models/cache", "generated", ".venv/lib", "build", ".git"]:
        (project / folder).mkdir(parents=True, exist_ok=True)
    (project / ".gitignore").write_text("data/\nmodels/\ngenerated/\n*.npy\n")
    (project / "src" / "main.py").write_text(SOURCE)
    (project / "src" / "weights.npy").write_bytes(b"\x93NUMPY")
    (project / "data" / "table.csv").write_text("1,2\n")
    (project / "models" / "cache" / "net.bin").write_bytes(b"\x00\x01")
    (project / "generated" / "gen.py").write_text(SOURCE)
    (project / ".venv" / "lib" / "m.py").write_text(SOURCE)
    (project / "build" / "m.py").write_text(SOURCE)
    (project / "src" / "excluded.py").write_text(SOURCE)
    out = tmp_path / "out"
    result = invoke("convert", "--exclude", "src/excluded.py", project, "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "src" / "main.py").read_text() == CONVERTED
    assert (out / "src" / "weights.npy").read_bytes() == b"\x93NUMPY"
    assert (out / "data" / "table.csv").read_text() == "1,2\n"
    assert (out / "models" / "cache" / "net.bin").read_bytes() == b"\x00\x01"
    # Hidden from conversion, not from the copy: copied as they are.
    assert (out / "generated" / "gen.py").read_text() == SOURCE
    assert (out / "src" / "excluded.py").read_text() == SOURCE
    assert not (out / ".venv").exists() and not (out / "build").exists() and not (out / ".git").exists()
    # In place, hidden folders are still not touched.
    assert invoke("convert", project).exit_code == 0
    assert (project / "generated" / "gen.py").read_text() == SOURCE
