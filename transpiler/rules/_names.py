"""Small helpers for dotted names in LibCST trees."""

from __future__ import annotations

import libcst as cst


def dotted(node: cst.BaseExpression | None) -> str | None:
    """'a.b.c' for Name/Attribute chains, None for anything else."""
    parts = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def build_dotted(name: str) -> cst.Name | cst.Attribute:
    parts = name.split(".")
    node: cst.Name | cst.Attribute = cst.Name(parts[0])
    for part in parts[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def is_numpy_module(name: str | None) -> bool:
    return name is not None and (name == "numpy" or name.startswith("numpy."))


def runtime_module(numpy_module: str, runtime: str) -> str:
    """numpy.linalg -> <runtime>.linalg; numpy -> <runtime>."""
    return runtime + numpy_module[len("numpy"):]


def as_numpy_name(name: str, runtime: str) -> str | None:
    """numpy.x -> numpy.x; <runtime>.x -> numpy.x (already converted code); else None."""
    if is_numpy_module(name):
        return name
    if name == runtime or name.startswith(runtime + "."):
        return "numpy" + name[len(runtime):]
    return None
