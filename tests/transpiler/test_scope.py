"""The converter's own scope analysis (rules/_scope.py) against LibCST's ScopeProvider.

Two kinds of checks:
- `scope_differences` asks both analyses every question the rules can ask
  (qualified names of each chain rooted at a tracked name, the scope of each
  call, the assignments of each numpy alias seen from each call) and lists the
  answers that differ; run on the fixtures, the samples, edge cases and
  generated programs.  `tools/convert_snapshot.py scopes` runs it on a whole
  corpus (numpy's sources and more).
- conversions of scope edge cases, asserting the converted text and findings.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import given, settings

from np2torch.transpiler import Options, convert
from np2torch.transpiler.api import _ImportFinder, _Statements
from np2torch.transpiler.rules import _scope, _walk
from np2torch.transpiler.rules._resolve import Resolver, root_name
from np2torch.transpiler.rules.bridge import numpy_aliases

from test_fuzz import SETTINGS, mixed_programs

HERE = Path(__file__).parent
REPO = HERE.parent.parent
RUNTIME = "np2torch.runtime"


class _AllNodes(cst.CSTVisitor):
    def __init__(self):
        super().__init__()
        self.nodes = []

    def on_visit(self, node):
        self.nodes.append(node)
        return True


def scope_differences(source, runtime: str = RUNTIME) -> list[str]:
    """Questions the rules may ask whose answers differ between the two analyses."""
    from libcst.metadata import MetadataWrapper, ScopeProvider

    module = cst.parse_module(source)
    statements = _Statements(module)
    finder = _ImportFinder()
    module.visit(finder)
    interesting = {"numpy", "torch", "importlib", "builtins", runtime.split(".")[0]}
    tracked = {name for name, root in finder.bound if root in interesting} | {"__import__", "object"}
    typing_names = {name for name, root in finder.bound if root in ("typing", "typing_extensions")}
    if statements.defines & {"typing", "typing_extensions"}:
        return []  # left to LibCST's ScopeProvider by the converter
    ours = _scope.analyze(module, frozenset(tracked), frozenset(typing_names))
    theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ScopeProvider)
    aliases = sorted(numpy_aliases(statements.imports, runtime))
    resolver = Resolver(ours, tracked)  # the converter's answers, with its caches
    collector = _AllNodes()
    module.visit(collector)
    in_module = {id(n) for n in collector.nodes}
    problems = []
    for node in collector.nodes:
        if not isinstance(node, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)):
            continue
        mine, libcst_scope = ours.get(id(node)), theirs.get(node)
        label = f"{type(node).__name__} {module.code_for_node(node)[:60]!r}"
        if (mine is None) != (libcst_scope is None):
            problems.append(f"scope presence differs for {label}")
            continue
        if mine is None:
            continue
        if root_name(node) in tracked:
            a = {(q.name, q.source) for q in mine.get_qualified_names_for(node)}
            b = {(q.name, q.source) for q in libcst_scope.get_qualified_names_for(node)}
            if a != b:
                problems.append(f"qualified names differ for {label}: {sorted(a)} != {sorted(b)}")
            cached = {(q.name, q.source) for q in resolver.qualified(node)}
            if cached != b:
                problems.append(f"Resolver differs for {label}: {sorted(cached)} != {sorted(b)}")
        if isinstance(node, cst.Call):
            for alias in aliases:
                a = {_assignment(x, in_module) for x in mine[alias]}
                b = {_assignment(x, in_module) for x in libcst_scope[alias]}
                if a != b:
                    problems.append(f"assignments of {alias} differ at {label}: {a} != {b}")
    return problems


def _assignment(assignment, in_module):
    node = getattr(assignment, "node", None)
    # A node of an annotation string LibCST parsed: each analysis parsed it for itself.
    where = id(node) if id(node) in in_module else (type(node).__name__, cst.Module([]).code_for_node(node))
    return type(assignment).__name__, assignment.name, where, assignment._index


def walk_order_differences(source) -> list[str]:
    """Non-trivia nodes in the order LibCST's visitors reach them vs `_walk.walk`."""
    module = cst.parse_module(source)
    collector = _AllNodes()
    module.visit(collector)
    expected = [id(n) for n in collector.nodes if not isinstance(n, _walk.TRIVIA)]

    class Everything:
        def __init__(self):
            self.seen = []

        def __getattr__(self, name):
            if name.startswith("visit_"):
                return lambda node: self.seen.append(id(node))
            raise AttributeError(name)

    walker = Everything()
    _walk.walk(module, walker)
    return [] if walker.seen == expected else [f"walk order differs: {len(walker.seen)} vs {len(expected)} nodes"]


EDGE_CASES = {
    "param_shadows": (
        "import numpy as np\nimport torch\n\ndef f(np, t):\n    return torch.from_numpy(t), np.ma\n",
        "import np2torch.runtime\nimport np2torch.runtime as np\nimport torch\n\ndef f(np, t):\n"
        "    return np2torch.runtime.to_torch(t), np.ma\n",
    ),
    "comprehension_variable": (
        "import numpy as np\nx = [np.ma for np in range(3)]\ny = np.ma\n",
        "import np2torch.runtime as np\nx = [np.ma for np in range(3)]\ny = np.ma\n",
    ),
    "class_body_does_not_leak": (
        "import numpy as np\nclass K:\n    np = 1\n    def m(self):\n        return np.ma\n",
        "import np2torch.runtime as np\nclass K:\n    np = 1\n    def m(self):\n        return np.ma\n",
    ),
    "global": (
        "import numpy\n\ndef load():\n    global np\n    import numpy as np\n\ndef use():\n    return np.ma\n",
        "import np2torch.runtime as numpy\n\ndef load():\n    global np\n    import np2torch.runtime as np\n\n"
        "def use():\n    return np.ma\n",
    ),
    "del": (
        "import numpy as np\ndel np\nnp = 3\nx = np.ma\n",
        "import np2torch.runtime as np\ndel np\nnp = 3\nx = np.ma\n",
    ),
    "import_in_function": (
        "def f(a):\n    import numpy as np\n    return np.ma.masked_array(a)\n\ndef g():\n    return np.ma\n",
        "def f(a):\n    import np2torch.runtime as np\n    return np.ma.masked_array(a)\n\ndef g():\n    return np.ma\n",
    ),
    "star_import": (
        "from numpy import *\nx = ma.masked_array([1])\n",
        "from np2torch.runtime import *\nx = ma.masked_array([1])\n",
    ),
    "try_import": (
        "try:\n    import numpy as np\nexcept ImportError:\n    np = None\n\ny = np.ma\n",
        "try:\n    import np2torch.runtime as np\nexcept ImportError:\n    np = None\n\ny = np.ma\n",
    ),
    "nonlocal": (
        "import numpy as np\n\ndef outer():\n    np = None\n    def inner():\n        nonlocal np\n"
        "        np = 1\n    return np.ma\n",
        "import np2torch.runtime as np\n\ndef outer():\n    np = None\n    def inner():\n        nonlocal np\n"
        "        np = 1\n    return np.ma\n",
    ),
    "walrus_and_lambda_default": (
        "import numpy as np\nf = lambda a=np.ma: a\nif (m := np.ma):\n    pass\n",
        "import np2torch.runtime as np\nf = lambda a=np.ma: a\nif (m := np.ma):\n    pass\n",
    ),
    "from_import_name": (
        "from numpy import ma\nimport torch\n\ndef f(t):\n    ma = t\n    return ma.numpy()\nx = ma.array([1])\n",
        "import np2torch.runtime\nfrom np2torch.runtime import ma\nimport torch\n\ndef f(t):\n    ma = t\n"
        "    return np2torch.runtime.from_torch(ma)\nx = ma.array([1])\n",
    ),
    "string_annotations": (
        "from typing import Optional, Literal, cast, TypeVar\nimport numpy as np\n"
        "T = TypeVar('T', bound='np.ndarray')\n"
        "def f(x: 'np.ndarray', y: Optional['np.ma.MaskedArray'] = None) -> Literal['np.ma']:\n"
        "    return cast('np.ndarray', np.ma)\n",
        "from typing import Optional, Literal, cast, TypeVar\nimport np2torch.runtime as np\n"
        "T = TypeVar('T', bound='np.ndarray')\n"
        "def f(x: 'np.ndarray', y: Optional['np.ma.MaskedArray'] = None) -> Literal['np.ma']:\n"
        "    return cast('np.ndarray', np.ma)\n",
    ),
    "bridge_alias_local_import": (
        "import torch\n\ndef f(t):\n    import numpy as np\n    return t.numpy()\n\ndef g(t):\n    return t.numpy()\n",
        "import np2torch.runtime\nimport torch\n\ndef f(t):\n    import np2torch.runtime as np\n    return np.from_torch(t)\n\n"
        "def g(t):\n    return np2torch.runtime.from_torch(t)\n",
    ),
    "decorator_and_default_scopes": (
        "import numpy as np\n\n@np.vectorize\ndef f(x, np=np.ma):\n    return np\n",
        "import np2torch.runtime as np\n\n@np.vectorize\ndef f(x, np=np.ma):\n    return np\n",
    ),
    "match_capture": (
        "import numpy as np\nmatch 1:\n    case np.ma.MaskedArray():\n        pass\n    case np:\n        pass\n",
        "import np2torch.runtime as np\nmatch 1:\n    case np.ma.MaskedArray():\n        pass\n    case np:\n        pass\n",
    ),
}

# (line, column, code) of each edge case's findings (NP2T102 aside: it moves with the runtime).
EDGE_FINDINGS = {
    "param_shadows": [],
    "comprehension_variable": [(3, 5, "NP2T101")],
    "class_body_does_not_leak": [(5, 16, "NP2T101")],
    "global": [(8, 12, "NP2T101")],
    "del": [(4, 5, "NP2T101")],  # flow-insensitive, as LibCST: np may still be numpy
    "import_in_function": [(3, 12, "NP2T101")],
    "star_import": [],
    "try_import": [(6, 5, "NP2T101")],
    "nonlocal": [],
    "walrus_and_lambda_default": [(2, 14, "NP2T101"), (3, 10, "NP2T101")],
    "from_import_name": [(1, 19, "NP2T101"), (7, 5, "NP2T101")],
    "string_annotations": [(5, 31, "NP2T101")],
    "bridge_alias_local_import": [],
    "decorator_and_default_scopes": [(4, 13, "NP2T101")],
    "match_capture": [(3, 10, "NP2T101")],
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_scope_edge_cases_convert_as_expected(name):
    source, expected = EDGE_CASES[name]
    result = convert(source, Options(ignore=("NP2T102",)))
    assert result.new_source == expected
    assert [(f.line, f.column, f.code) for f in result.findings] == EDGE_FINDINGS[name]


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_scope_edge_cases_match_libcst(name):
    assert scope_differences(EDGE_CASES[name][0]) == []


def _sources():
    paths = sorted((HERE / "fixtures").glob("*.py")) + sorted((REPO / "samples").rglob("*.py"))
    return [p for p in paths if not p.name.startswith("deep_")]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_scopes_match_libcst_on_fixtures_and_samples(path):
    assert scope_differences(path.read_bytes()) == []
    assert walk_order_differences(path.read_bytes()) == []


def _parses(source) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source)
            return True
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False


@settings(max_examples=60, **SETTINGS)
@given(mixed_programs())
def test_scopes_match_libcst_on_generated_programs(source):
    if not _parses(source):
        return
    assert scope_differences(source) == []
    assert walk_order_differences(source) == []


def test_every_libcst_node_class_has_a_known_field_order():
    for cls in _walk.node_classes():
        _walk.fields(cls)  # raises UnsupportedNode otherwise

# Bridge rewrites inside statements of every kind, and annotation strings; expected
# outputs and findings from the implementation on ScopeProvider (one case each).
STATEMENT_CASES = [
    ('import torch\nimport numpy as np\nif x:\n    pass\nelif torch.from_numpy(a).sum():\n    y = t.numpy()\nelse:\n    z = t.cpu().numpy()\n',
     'import torch\nimport np2torch.runtime as np\nif x:\n    pass\nelif np.to_torch(a).sum():\n    y = np.from_torch(t)\nelse:\n    z = np.from_torch(t)\n',
     []),
    ('import torch\n@deco(torch.from_numpy(a))\ndef f(x=torch.tensor(b)):\n    import numpy as np\n    return x.numpy()\n',
     'import np2torch.runtime\nimport torch\n@deco(np2torch.runtime.to_torch(a))\ndef f(x=np2torch.runtime.to_torch(b).detach().clone()):\n    import np2torch.runtime as np\n    return np.from_torch(x)\n',
     []),
    ('import torch, numpy as np\ntry:\n    pass\nexcept torch.from_numpy(a):\n    import numpy\n',
     'import torch, np2torch.runtime as np\ntry:\n    pass\nexcept np.to_torch(a):\n    import np2torch.runtime as numpy\n',
     []),
    ('import torch\nimport numpy as np\nx = torch.tensor(t.numpy(), dtype=torch.float32); y = 1\nif c: z = t.numpy()\n',
     'import torch\nimport np2torch.runtime as np\nx = np.to_torch(np.from_torch(t), dtype=torch.float32).detach().clone(); y = 1\nif c: z = np.from_torch(t)\n',
     []),
    ("import torch\nimport numpy as np\nclass K:\n    a = t.numpy()\n    def m(self):\n        return torch.as_tensor(self.a, device='cpu')\n",
     "import torch\nimport np2torch.runtime as np\nclass K:\n    a = np.from_torch(t)\n    def m(self):\n        return np.to_torch(self.a, device='cpu')\n",
     []),
    ('"""doc"""\nfrom __future__ import annotations\nimport torch\nv = [x.numpy() for x in xs]\n',
     '"""doc"""\nfrom __future__ import annotations\nimport np2torch.runtime\nimport torch\nv = [np2torch.runtime.from_torch(x) for x in xs]\n',
     []),
    ('import torch\nimport numpy as np\nwhile torch.tensor(a, requires_grad=True):\n    np = 3\n    b = t.numpy(force=True)\n',
     'import np2torch.runtime\nimport torch\nimport np2torch.runtime as np\nwhile np2torch.runtime.to_torch(a).detach().clone().requires_grad_(True):\n    np = 3\n    b = np2torch.runtime.from_torch(t.detach())\n',
     []),
    ('import torch\nimport numpy as np\nmatch t.numpy():\n    case [a]:\n        b = a.detach().cpu().numpy()\n',
     'import torch\nimport np2torch.runtime as np\nmatch np.from_torch(t):\n    case [a]:\n        b = np.from_torch(a.detach())\n',
     []),
    ('import torch\nimport numpy as np\nwith torch.no_grad():\n    import numpy.linalg\n    b = t.numpy()\n',
     'import torch\nimport np2torch.runtime as np\nwith torch.no_grad():\n    import np2torch.runtime as numpy\n    b = np.from_torch(t)\n',
     []),
    ('import torch\n\n\n# comment\n@torch.jit.script\ndef f(t):\n    if t:\n        return t.numpy()\n    elif u:\n        return u.cpu().numpy()\n',
     'import np2torch.runtime\nimport torch\n\n\n# comment\n@torch.jit.script\ndef f(t):\n    if t:\n        return np2torch.runtime.from_torch(t)\n    elif u:\n        return np2torch.runtime.from_torch(u)\n',
     []),
    ("import torch\nx = f'{t.numpy()}'\n",
     "import np2torch.runtime\nimport torch\nx = f'{np2torch.runtime.from_torch(t)}'\n",
     []),
    ('import torch\nimport numpy as np\nx = lambda t: t.numpy()\ndel t.numpy().x\n',
     'import torch\nimport np2torch.runtime as np\nx = lambda t: np.from_torch(t)\ndel np.from_torch(t).x\n',
     []),
    ('import torch\r\nimport numpy as np\r\ndef f():\r\n\tif a:\r\n\t\treturn (t\r\n\t\t  .numpy())\r\n',
     'import torch\r\nimport np2torch.runtime as np\r\ndef f():\r\n\tif a:\r\n\t\treturn np.from_torch(t)\r\n',
     []),
    ("import numpy as np\nclass typing:\n    List = np.ma\n\ndef f(x: 'np.ma') -> None:\n    return np.ma\n",
     "import np2torch.runtime as np\nclass typing:\n    List = np.ma\n\ndef f(x: 'np.ma') -> None:\n    return np.ma\n",
     [(3, 12, 'NP2T101'), (6, 12, 'NP2T101')]),
    ("import numpy as np\nfrom typing import cast\ny = cast('lambda: np', np.ma)\nz: 'import numpy as np' = np.ma\n",
     "import np2torch.runtime as np\nfrom typing import cast\ny = cast('lambda: np', np.ma)\nz: 'import numpy as np' = np.ma\n",
     [(3, 24, 'NP2T101'), (4, 27, 'NP2T101')]),
]


@pytest.mark.parametrize("source, expected, findings", STATEMENT_CASES)
def test_bridge_and_annotation_cases_convert_as_before(source, expected, findings):
    for given in (source, source.encode()):
        result = convert(given, Options(ignore=("NP2T102",)))
        assert result.new_source == (expected if isinstance(given, str) else expected.encode())
        assert [(f.line, f.column, f.code) for f in result.findings] == findings
    assert scope_differences(source) == []

