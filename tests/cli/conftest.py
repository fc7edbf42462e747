import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args, cwd=None, input=None, env=None):
    """Run the real console entry point in a fresh interpreter."""
    full_env = dict(os.environ, NP2TORCH_CACHE_DIR=str(Path(cwd or ".").resolve() / ".cache-for-tests"))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", "from np2torch.cli.main import main; main()", *args],
        cwd=cwd, input=input, capture_output=True, env=full_env,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NP2TORCH_CACHE_DIR", str(tmp_path / ".cache-for-tests"))
