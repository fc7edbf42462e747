"""The converter must stay light: no torch or numpy, and a fast --help."""

import json
import subprocess
import sys
import time

PROBE = """
import json, sys
from click.testing import CliRunner
from np2torch.cli.main import main
runner = CliRunner()
codes = [runner.invoke(main, args).exit_code for args in {args!r}]
print(json.dumps({{"codes": codes, "modules": sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'numpy', 'libcst'))}}))
"""


def probe(args_list):
    out = subprocess.run([sys.executable, "-c", PROBE.format(args=args_list)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_help_and_version_import_neither_torch_numpy_nor_libcst():
    result = probe([["--help"], ["--version"], ["convert", "--help"]])
    assert result["codes"] == [0, 0, 0]
    assert result["modules"] == []


def test_convert_does_not_import_torch_or_numpy(tmp_path):
    source = tmp_path / "a.py"
    source.write_text("import numpy as np\nimport torch\nx = torch.from_numpy(np.ones(2)).numpy()\n")
    result = probe([["convert", "--no-cache", str(source)], ["convert", "--check", "--ignore", "NP2T102", str(tmp_path)]])
    assert result["codes"] == [0, 0]
    roots = {m.split(".")[0] for m in result["modules"]}
    assert roots == {"libcst"}


def test_help_is_fast():
    command = [sys.executable, "-m", "np2torch.cli.main", "--help"]
    subprocess.run(command, capture_output=True, check=True)  # warm the OS cache
    best = min(_timed(command) for _ in range(3))
    assert best < 0.3, f"np2torch --help took {best:.3f}s"


def _timed(command):
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start
