"""``numpy.polynomial.polyutils``: helpers shared by the series modules."""

from ._base import getdomain, mapdomain, mapparms, trimcoef  # noqa: F401
from ._series import as_tensor as _as_tensor
from ._series import out as _out
from ._series import trimseq as _trimseq

__all__ = ["as_series", "trimseq", "trimcoef", "getdomain", "mapdomain", "mapparms", "RankWarning"]

from ..exceptions import RankWarning  # noqa: E402


def trimseq(seq):
    return _out(_trimseq(_as_tensor(seq)))


def as_series(alist, trim=True):
    """Each item as a 1-d float64/complex128 coefficient array (all of one type)."""
    ts = [_as_tensor(a, trim=trim) for a in alist]
    if any(t.is_complex() for t in ts):
        import torch
        ts = [t.to(torch.complex128) for t in ts]
    return [_out(t) for t in ts]
