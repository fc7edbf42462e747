"""The package layout promised by pyproject.toml and the README."""

import ast
import pathlib
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAPPED = {"np2torch.transpiler": "transpiler", "np2torch.runtime": "runtime",
          "np2torch.cli": "cli", "np2torch": "pkg"}


def _config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_source_package_is_listed_in_pyproject():
    listed = set(_config()["tool"]["setuptools"]["packages"])
    found = set()
    for prefix, folder in MAPPED.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([prefix, *rel.parts]) if rel.parts else prefix)
    assert found == listed


def test_runtime_sources_never_import_numpy():
    offenders = []
    for path in (ROOT / "runtime").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            if any(n == "numpy" or n.startswith("numpy.") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_torch_is_an_extra_and_the_converter_needs_only_libcst_and_click():
    project = _config()["project"]
    deps = " ".join(project["dependencies"])
    assert "torch" not in deps and "numpy" not in deps
    assert any(d.startswith("torch") for d in project["optional-dependencies"]["runtime"])


def test_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text()
    block = text.split("```")[1].strip().splitlines()
    assert block == ["make demo", "make test"]


def test_ci_entry_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_runtime_works_with_numpy_unimportable():
    code = (
        "import sys\n"
        "sys.modules['numpy'] = None\n"
        "import np2torch.runtime as np\n"
        "a = np.arange(6).reshape(2, 3) * 1.5\n"
        "print(a.sum(axis=0), np.linalg.norm(a) > 0, np.fft.fft(a).dtype, repr(a.mean()))\n"
        "assert 'numpy' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[ 4.5  7.5 10.5] True complex128 np.float64(3.75)"
