"""A real pre-commit run against this checkout's .pre-commit-hooks.yaml."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs pre-commit and git")
def test_first_run_rewrites_and_fails_second_passes(tmp_path):
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    committed = subprocess.run(["git", "cat-file", "-e", f"{revision}:.pre-commit-hooks.yaml"], cwd=REPO)
    if committed.returncode != 0:
        pytest.skip("the hooks file is not committed in this checkout")
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", ".", cwd=project)
    (project / "a.py").write_text("import numpy as np\nx = np.zeros(3)\n")
    (project / "plain.py").write_text("print('no numpy')\n")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {REPO}\n  rev: {revision}\n  hooks:\n  - id: np2torch\n"
    )
    git("add", ".", cwd=project)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    first = subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=project, env=env, capture_output=True, text=True)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (project / "a.py").read_text() == "import np2torch.runtime as np\nx = np.zeros(3)\n"
    assert (project / "plain.py").read_text() == "print('no numpy')\n"
    second = subprocess.run([str(PRE_COMMIT), "run", "--all-files"], cwd=project, env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stdout + second.stderr
