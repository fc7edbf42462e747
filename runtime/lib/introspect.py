"""``numpy.lib.introspect``: NumPy lists its compiled SIMD loops here; the
runtime has none of its own (torch picks kernels), so the table is empty."""

__all__ = ["opt_func_info"]


def opt_func_info(func_name=None, signature=None):
    """NumPy's dispatch table of optimised loops; empty for np2torch."""
    return {}
