"""numpy.random on torch (being written)."""

__all__ = []
