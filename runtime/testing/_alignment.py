"""``_gen_alignment_data``: arrays at several offsets and overlaps, in and out of
place, for exercising elementwise kernels (NumPy's tests use it for ufuncs)."""

from .._creation import arange, empty

__all__ = ["_gen_alignment_data"]


def _gen_alignment_data(dtype="float32", type="binary", max_size=24):
    """Yield ``(out, inp)`` (unary) or ``(out, inp1, inp2)`` (binary) plus a message,
    for offsets 0..2 and sizes up to ``max_size``: out of place, in place and
    with inputs and outputs shifted against each other."""
    if type not in ("unary", "binary"):
        raise ValueError(f"type must be 'unary' or 'binary', not {type!r}")
    fmt = "offset %d, size %d, dtype %s, %s"
    for offset in range(3):
        for size in range(offset + 2, max(offset + 3, max_size)):
            def fresh():
                return arange(size, dtype=dtype)[offset:]

            out = empty((size,), dtype=dtype)[offset:]
            if type == "unary":
                yield out, fresh(), fmt % (offset, size, dtype, "out of place")
                d = fresh()
                yield d, d, fmt % (offset, size, dtype, "in place")
                yield out[1:], fresh()[:-1], fmt % (offset, size, dtype, "out of place shifted")
                yield out[:-1], fresh()[1:], fmt % (offset, size, dtype, "out of place shifted back")
                d = fresh()
                yield d[:-1], d[1:], fmt % (offset, size, dtype, "aliased")
                d = fresh()
                yield d[1:], d[:-1], fmt % (offset, size, dtype, "aliased backwards")
            else:
                yield out, fresh(), fresh(), fmt % (offset, size, dtype, "out of place")
                yield out[1:], fresh()[:-1], fresh()[:-1], fmt % (offset, size, dtype,
                                                                  "out of place shifted")
                yield out[:-1], fresh()[1:], fresh()[:-1], fmt % (offset, size, dtype,
                                                                  "out of place mixed")
                yield out[1:], fresh()[:-1], fresh()[1:], fmt % (offset, size, dtype,
                                                                 "out of place mixed back")
                d = fresh()
                yield d, d, fresh(), fmt % (offset, size, dtype, "in place 1")
                d = fresh()
                yield d, fresh(), d, fmt % (offset, size, dtype, "in place 2")
                d = fresh()
                yield d[1:], d[:-1], d[:-1], fmt % (offset, size, dtype, "aliased")
                d = fresh()
                yield d[:-1], d[1:], d[1:], fmt % (offset, size, dtype, "aliased backwards")
