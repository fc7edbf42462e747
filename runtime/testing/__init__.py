"""``numpy.testing`` on np2torch arrays: the asserts (with NumPy's messages)
and the support tools.  Every assert accepts runtime arrays, NumPy arrays,
tensors, lists and scalars."""

from ._asserts import *  # noqa: F401,F403
from ._asserts import __all__ as _asserts_all
from ._support import *  # noqa: F401,F403
from ._support import __all__ as _support_all

from . import overrides  # noqa: E402,F401
from ._alignment import _gen_alignment_data  # noqa: E402,F401

__all__ = _asserts_all + _support_all + ["overrides"]
