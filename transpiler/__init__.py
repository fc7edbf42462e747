"""NumPy source -> source on np2torch.runtime (LibCST rules); pure functions, no I/O.

    from np2torch.transpiler import convert, Options
    result = convert("import numpy as np\n")
    result.new_source   # 'import np2torch.runtime as np\n'
    result.findings     # what was not converted, with stable NP2T codes

Attributes are resolved lazily so that `np2torch explain` and the catalog can
be used without importing libcst.
"""

from .options import Options

__all__ = ["convert", "convert_notebook", "Options", "Result", "Finding"]


def __getattr__(name):
    if name in ("convert", "Result"):
        from . import api

        return getattr(api, name)
    if name == "convert_notebook":
        from .notebook import convert_notebook

        return convert_notebook
    if name == "Finding":
        from .findings import Finding

        return Finding
    raise AttributeError(name)
