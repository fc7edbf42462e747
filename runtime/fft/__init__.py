"""numpy.fft on torch (being written)."""

__all__ = []
