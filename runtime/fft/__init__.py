"""``numpy.fft`` on ``torch.fft``: transforms (``_pocketfft``) and helpers
(``_helper``), with NumPy 2's dtypes, ``norm`` modes and ``out=``.
Differences from NumPy are listed in docs/linalg-fft.md."""

from . import _helper, _pocketfft
from ._helper import *  # noqa: F401,F403
from ._pocketfft import *  # noqa: F401,F403

__all__ = _pocketfft.__all__ + _helper.__all__
