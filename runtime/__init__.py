"""np2torch.runtime: NumPy's public API on torch tensors.

Converted programs import this module in place of numpy
(``import np2torch.runtime as np``).  It imports only torch and the
standard library.  Arrays live on any torch device; ``to_torch(a)`` and
``from_torch(t)`` cross between the two worlds without copying.
"""

try:
    import torch as _torch  # noqa: F401
except ImportError as _e:  # pragma: no cover - exercised without torch installed
    raise ImportError("np2torch.runtime needs PyTorch: pip install 'np2torch[runtime]'") from _e

# NumPy API level this runtime follows (code that checks np.__version__).
__version__ = "2.4.0"

from . import _dtypes
from ._dtypes import (dtype, promote_types, result_type, can_cast, finfo, iinfo, typecodes,
                      sctypeDict)
from ._scalars import *  # noqa: F401,F403
from ._scalars import bool_ as bool  # noqa: A001  (np.bool is the scalar type in NumPy 2)
from ._ndarray import *  # noqa: F401,F403
from . import _ufuncs
from ._ufuncs import *  # noqa: F401,F403
from ._creation import *  # noqa: F401,F403
from ._indexing import *  # noqa: F401,F403
from ._manipulation import *  # noqa: F401,F403
from ._block import *  # noqa: F401,F403
from ._reductions import *  # noqa: F401,F403
from ._sorting import *  # noqa: F401,F403
from ._math import *  # noqa: F401,F403
from ._printing import *  # noqa: F401,F403
from ._errstate import *  # noqa: F401,F403
from ._config import *  # noqa: F401,F403
from ._io import *  # noqa: F401,F403
from ._matrix import *  # noqa: F401,F403
from . import exceptions
from .exceptions import AxisError, ComplexWarning, VisibleDeprecationWarning  # noqa: F401
from . import _operators, _methods

_operators.install()
_methods.install()

from . import linalg, fft, random, testing  # noqa: E402

# scalar type aliases (NumPy 2 names)
int_ = int64
intp = int64
uint = uint64
uintp = uint64
long = int64
ulong = uint64
intc = int32
uintc = uint32
short = int16
ushort = uint16
byte = int8
ubyte = uint8
half = float16
single = float32
double = float64
csingle = complex64
cdouble = complex128

# constants
import math as _math
pi = _math.pi
e = _math.e
euler_gamma = 0.5772156649015329
inf = _math.inf
nan = _math.nan
newaxis = None
little_endian = True

del _math


def _install_core_aliases():
    """``np._core`` / ``np.core`` (NumPy 1.x spelling): real code imports ufuncs and
    array functions from ``numpy.core.umath``, ``numpy.core.numeric`` and
    ``numpy.core.multiarray``.  Each alias holds the runtime's own objects."""
    import sys
    import types

    public = {k: v for k, v in globals().items() if not k.startswith("_")}
    # NumPy's umath holds each ufunc under its own name, plus three aliases;
    # code (and NumPy's tests) enumerate it, so the array API aliases
    # (acos, pow, bitwise_invert, ...) stay in the main namespace only
    umath_names = {k: v for k, v in public.items()
                   if isinstance(v, _ufuncs.ufunc) and (k == v.__name__ or k in ("conj", "mod", "true_divide"))}
    umath_names.update(_ufuncs.UMATH_UFUNCS)
    umath_names.update(pi=pi, e=e, euler_gamma=euler_gamma, PINF=inf, NINF=-inf, NAN=nan,
                       PZERO=0.0, NZERO=-0.0)
    core = types.ModuleType(__name__ + "._core", "NumPy's numpy._core layout over np2torch.runtime")
    from . import _block
    shape_base = dict(public, **{k: v for k, v in vars(_block).items() if k.startswith("_block")})
    for sub, names in (("umath", umath_names), ("numeric", public), ("multiarray", public),
                       ("fromnumeric", public), ("shape_base", shape_base)):
        mod = types.ModuleType(f"{core.__name__}.{sub}")
        mod.__dict__.update(names)
        setattr(core, sub, mod)
        sys.modules[mod.__name__] = mod
        sys.modules[f"{__name__}.core.{sub}"] = mod
    core.__dict__.update(public)
    # numpy._core.numeric's axis helpers, which NumPy 1.x code imports from there
    from .lib.array_utils import normalize_axis_index, normalize_axis_tuple
    core.numeric.normalize_axis_tuple = normalize_axis_tuple
    core.numeric.normalize_axis_index = normalize_axis_index
    core.multiarray.normalize_axis_index = normalize_axis_index
    runtime = sys.modules[__name__]

    def delegate(name):
        # names added to the runtime after this alias was built (later imports)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(runtime, name)
    for mod in (core, core.numeric, core.multiarray, core.fromnumeric):
        mod.__getattr__ = delegate
    # NumPy's scalar-type table (64-bit Linux's, with longdouble double precision),
    # limited in "others" to the types whose arrays torch can hold
    core.sctypes = {"int": [int8, int16, int32, int64, longlong],
                    "uint": [uint8, uint16, uint32, uint64, ulonglong],
                    "float": [float16, float32, float64, longdouble],
                    "complex": [complex64, complex128, clongdouble], "others": [bool]}
    core.__path__ = []  # a package, so `import np2torch.runtime._core.umath` works
    sys.modules[core.__name__] = core
    sys.modules[__name__ + ".core"] = core
    return core


_core = core = _install_core_aliases()


def _make_config_module():
    """``np.__config__``: build information; here, torch's."""
    import types
    mod = types.ModuleType(__name__ + ".__config__", "Build configuration (torch's)")

    def show(mode="stdout"):
        text = _torch.__config__.show()
        if mode == "stdout":
            print(text)
            return None
        return text
    mod.show = show
    mod.CONFIG = {"torch": _torch.__version__}
    return mod


__config__ = _make_config_module()

def __getattr__(name):
    """NumPy names the runtime lacks raise NotSupportedError (an AttributeError and
    a NotImplementedError); other unknown names a plain AttributeError."""
    from ._unsupported_names import NUMPY_NAMES
    if name in NUMPY_NAMES:
        error = exceptions.NotSupportedError(f"np.{name} is not supported by np2torch")
        error.name = name
        raise error
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}", name=name)


# function library (issue 5)
from ._einsum import *  # noqa: E402,F401,F403
from ._function_base import *  # noqa: E402,F401,F403
from ._index_tricks import *  # noqa: E402,F401,F403
from . import lib  # noqa: E402
emath = lib.scimath
from ._polynomial import *  # noqa: E402,F401,F403
from . import polynomial  # noqa: E402
