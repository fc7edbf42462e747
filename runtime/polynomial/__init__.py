"""``numpy.polynomial`` for np2torch: the series classes ``Polynomial``,
``Chebyshev``, ``Legendre``, ``Hermite``, ``HermiteE``, ``Laguerre`` and their
coefficient-function modules.  See ``_series.py`` for where results can
differ from NumPy (roots of high-degree orthogonal series)."""

from . import chebyshev, hermite, hermite_e, laguerre, legendre, polynomial, polyutils  # noqa: F401
from .chebyshev import Chebyshev
from .hermite import Hermite
from .hermite_e import HermiteE
from .laguerre import Laguerre
from .legendre import Legendre
from .polynomial import Polynomial

__all__ = ["set_default_printstyle", "polynomial", "Polynomial", "chebyshev", "Chebyshev",
           "legendre", "Legendre", "hermite", "Hermite", "hermite_e", "HermiteE", "laguerre",
           "Laguerre"]


def set_default_printstyle(style):
    """Accepts NumPy's 'unicode' and 'ascii'; np2torch prints the unicode form."""
    if style not in ("unicode", "ascii"):
        raise ValueError(f"Unsupported format string '{style}'. Valid options are 'ascii' and "
                         "'unicode'")
