"""Array and scalar printing as NumPy prints them (placeholder; being written)."""

__all__ = []


def scalar_str(x):
    v = x._py()
    return repr(v) if isinstance(v, float) else str(v)


def scalar_repr(x):
    return f"np.{type(x).__name__}({scalar_str(x)})"


def array_repr(a):
    return f"array({a.tolist()!r}, dtype={a.dtype.name})"


def array_str(a):
    return str(a.tolist())
