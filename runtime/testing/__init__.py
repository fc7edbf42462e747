"""numpy.testing on torch (being written)."""

__all__ = []
