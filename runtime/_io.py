"""NumPy file formats and text I/O (being written)."""

__all__ = []
