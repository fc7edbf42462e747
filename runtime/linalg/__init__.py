"""numpy.linalg on torch (being written)."""

__all__ = []
