"""The converter must stay light: no torch or numpy (and no libcst for --help).

Its start-up time is measured by benchmarks/cli_startup.py, not asserted here:
timing assertions fail at random on a loaded CI machine.
"""

import json
import subprocess
import sys

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
