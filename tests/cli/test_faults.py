"""Faults (issue 8): a killed run, concurrent runs, and user code that must never run."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

NP2TORCH = str(Path(sys.executable).with_name("np2torch"))
OLD = "import numpy as np\n\n\ndef f{i}(x):\n    return np.linalg.norm(np.asarray(x) * {i})  # keep\n" + "y = np.zeros(3)\n" * 10
NEW = OLD.replace("import numpy as np", "import np2torch.runtime as np")
TEMP_SUFFIX = ".np2torch-tmp"


def _make_tree(root: Path, count: int) -> dict[Path, tuple[str, str]]:
    files = {}
    for i in range(count):
        path = root / f"pkg{i % 7}" / f"mod_{i}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        old = OLD.format(i=i)
        path.write_text(old)
        files[path] = (old, NEW.format(i=i))
    return files


def _convert(*args, cwd=None):
    env = dict(os.environ, NP2TORCH_CACHE_DIR=str(Path(cwd or ".") / ".np2torch-test-cache"))
    return subprocess.Popen([NP2TORCH, "convert", "-q", *map(str, args)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _states(files):
    """'old' / 'new' per file; anything else fails the test."""
    states = {}
    for path, (old, new) in files.items():
        text = path.read_text()
        assert text in (old, new), f"{path} is neither the old nor the new content"
        states[path] = "old" if text == old else "new"
    return states


def test_sigkill_mid_tree_leaves_every_file_old_or_new(tmp_path):
    # Large enough that a run takes well over the kill delays (250 files took under 0.7 s once
    # the converter got faster).
    files = _make_tree(tmp_path / "tree", 1500)
    killed_mid_run = 0
    for delay in (0.7, 1.2, 1.7):
        process = _convert("--no-cache", "-j", "2", tmp_path / "tree", cwd=tmp_path)
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the command and its worker processes
            killed_mid_run += 1
        process.communicate()
        _states(files)
    assert killed_mid_run, "every run finished before the kill: make the tree larger"
    # A leftover temporary file (a kill between write and rename) is never taken for a source file.
    (tmp_path / "tree" / "pkg0" / f".mod_0.py.abc123{TEMP_SUFFIX}").write_text("partial")
    finished = _convert("--no-cache", tmp_path / "tree", cwd=tmp_path)
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err.decode()
    assert set(_states(files).values()) == {"new"}
    copy = _convert("--no-cache", tmp_path / "tree" / "pkg0", "-o", tmp_path / "copy", cwd=tmp_path)
    assert copy.wait(timeout=300) == 0
    assert not list((tmp_path / "copy").rglob(f"*{TEMP_SUFFIX}"))


def test_concurrent_runs_on_the_same_tree(tmp_path):
    files = _make_tree(tmp_path / "tree", 60)
    runs = [_convert("--no-cache", "-j", "1", tmp_path / "tree", cwd=tmp_path) for _ in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    assert set(_states(files).values()) == {"new"}
    assert not list((tmp_path / "tree").rglob(f"*{TEMP_SUFFIX}"))


def test_user_code_is_never_run_or_imported(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    marker = tmp_path / "ran"
    side_effect = f"open({str(marker)!r}, 'a').write(__file__ + '\\n')\n"
    (tree / "exits.py").write_text("import os\nos._exit(3)\nimport numpy as np\n")
    (tree / "conftest.py").write_text(side_effect + "import numpy as np\n")
    (tree / "setup.py").write_text(side_effect + "import numpy\n")
    (tree / "sitecustomize.py").write_text(side_effect)
    (tree / "numpy.py").write_text(side_effect)  # a module shadowing numpy in the working directory
    (tree / "torch.py").write_text(side_effect)
    (tree / "__init__.py").write_text(side_effect + "import numpy as np\n")
    (tree / "nb.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,'
        ' "source": ["import os; os._exit(4)\\n", "import numpy as np\\n"]}], "metadata": {},'
        ' "nbformat": 4, "nbformat_minor": 5}\n'
    )
    for cwd in (tree, tmp_path):
        run = _convert("--no-cache", tree, cwd=cwd)
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert not marker.exists(), marker.read_text()
    assert (tree / "exits.py").read_text() == "import os\nos._exit(3)\nimport np2torch.runtime as np\n"
    assert "np2torch.runtime" in (tree / "conftest.py").read_text()
    assert "np2torch.runtime" in (tree / "nb.ipynb").read_text()
