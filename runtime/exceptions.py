"""``numpy.exceptions``: NumPy's own warning and error types."""

__all__ = ["AxisError", "ComplexWarning", "VisibleDeprecationWarning", "RankWarning",
           "TooHardError", "DTypePromotionError", "ModuleDeprecationWarning",
           "NotSupportedError"]


class ComplexWarning(RuntimeWarning):
    """A complex value was cast to a real type, discarding the imaginary part."""


class VisibleDeprecationWarning(UserWarning):
    """A deprecation users should see."""


class ModuleDeprecationWarning(DeprecationWarning):
    """A deprecated module."""


class RankWarning(RuntimeWarning):
    """``polyfit`` met a rank-deficient matrix."""


class TooHardError(RuntimeError):
    """``shares_memory`` exceeded its work bound."""


class DTypePromotionError(TypeError):
    """Two dtypes have no common type."""


class AxisError(ValueError, IndexError):
    """An axis argument is out of range for the array's dimensions."""

    __slots__ = ("axis", "ndim", "_msg")

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            self._msg = axis
            self.axis = None
            self.ndim = None
        else:
            self._msg = msg_prefix
            self.axis = axis
            self.ndim = ndim

    def __str__(self):
        if self.axis is None and self.ndim is None:
            return str(self._msg)
        msg = f"axis {self.axis} is out of bounds for array of dimension {self.ndim}"
        if self._msg is not None:
            msg = f"{self._msg}: {msg}"
        return msg


class NotSupportedError(NotImplementedError, AttributeError):
    """A NumPy name np2torch does not provide (``np.<name> is not supported by
    np2torch``).  An AttributeError too, so ``hasattr(np, name)`` is False and
    ``getattr(np, name, default)`` gives the default."""
