"""NumPy's private ``numpy._utils`` text helpers (``asbytes``, ``asunicode``), which
real code and NumPy's own tests import."""

__all__ = ["asbytes", "asunicode"]


def asbytes(s):
    """``s`` as bytes: bytes unchanged, anything else ``str(s)`` in latin-1."""
    if isinstance(s, bytes):
        return s
    return str(s).encode("latin1")


def asunicode(s):
    """``s`` as str: bytes decoded as latin-1, anything else ``str(s)``."""
    if isinstance(s, bytes):
        return s.decode("latin1")
    return str(s)
