"""numpy.random on torch, drawing NumPy's exact streams.

Bit generators (MT19937, PCG64, PCG64DXSM), SeedSequence, the legacy
RandomState with the module-level functions, and Generator/default_rng.
Samples are computed on the CPU (bit-exact with NumPy) and moved to the
default device; ``set_fast_mode(True)`` samples with torch's own generator on
the device instead (same distributions, different numbers).
"""

from ._seedsequence import SeedSequence, ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence
from ._bitgen import BitGenerator
from ._mt19937 import MT19937
from ._pcg64 import PCG64, PCG64DXSM
from ._legacy import RandomState
from . import _legacy
from . import _legacy as mtrand  # numpy.random.mtrand
from ._legacy import *  # noqa: F401,F403  (seed, rand, randn, ...)

__all__ = ["SeedSequence", "ISeedSequence", "ISpawnableSeedSequence", "SeedlessSeedSequence",
           "BitGenerator", "MT19937", "PCG64", "PCG64DXSM", "RandomState"] + list(_legacy.__all__[1:])

try:
    from ._generator import Generator, default_rng, set_fast_mode, get_fast_mode  # noqa: F401
    __all__ += ["Generator", "default_rng", "set_fast_mode", "get_fast_mode"]
except ImportError:  # pragma: no cover - during development
    pass
