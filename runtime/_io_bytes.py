"""Raw bytes of arrays, exactly as NumPy lays them out (little-endian).

``tensor_bytes`` serves ``ndarray.tobytes``, ``np.save`` and ``tofile``;
``tensor_from_bytes`` is its inverse and serves ``np.load``, ``frombuffer``
and ``fromfile``.  Neither needs NumPy: bytes leave a CPU tensor through
``ctypes.string_at`` and enter one through ``torch.frombuffer``.

The widened unsigned dtypes (uint16 in int32, uint32 in int64) are narrowed
to the signed type of the same width on the way out (same bit pattern) and
widened again, masked, on the way in; uint64 already is the int64 bit
pattern.
"""

import ctypes
import sys

import torch

from . import _dtypes as D

__all__ = []

_LITTLE = sys.byteorder == "little"
# Torch dtype whose bit pattern equals NumPy's for each dtype.
_BITS_TORCH = {d: d._torch for d in D.ALL}
_BITS_TORCH[D.uint16] = torch.int16
_BITS_TORCH[D.uint32] = torch.int32
_BITS_TORCH[D.uint64] = torch.int64


def bits_tensor(t, d):
    """Storage tensor ``t`` of dtype ``d`` as a tensor with NumPy's bit pattern."""
    if d is D.uint16:
        return torch.where(t >= 1 << 15, t - (1 << 16), t).to(torch.int16)
    if d is D.uint32:
        return torch.where(t >= 1 << 31, t - (1 << 32), t).to(torch.int32)
    if t.is_conj():
        t = t.resolve_conj()
    if t.is_neg():
        t = t.resolve_neg()
    return t


def ordered(t, order):
    """``t`` laid out contiguously in C or Fortran order (a tensor whose
    C-order bytes are the requested layout)."""
    if order in ("F", "f") or (order in ("A", "a") and _is_fortran(t)):
        t = t.permute(tuple(range(t.ndim - 1, -1, -1)))
    elif order not in ("C", "c", "A", "a", "K", "k", None):
        raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got %r)" % (order,))
    return t.contiguous()


def _is_fortran(t):
    """Fortran-contiguous and not C-contiguous (NumPy's test for 'A' order)."""
    if t.ndim < 2 or t.is_contiguous():
        return False
    return t.permute(tuple(range(t.ndim - 1, -1, -1))).is_contiguous()


def raw_bytes(t):
    """The bytes of a C-contiguous tensor (any device) in native order."""
    t = t.detach()
    if t.device.type != "cpu":
        t = t.cpu()
    t = t.contiguous()
    n = t.numel() * t.element_size()
    if n == 0:
        return b""
    data = ctypes.string_at(t.data_ptr(), n)
    if not _LITTLE and t.element_size() > 1:
        data = swap_bytes(data, t.element_size(), t.is_complex())
    return data


def tensor_bytes(arr, order="C"):
    """``arr.tobytes(order)``: NumPy's little-endian raw bytes."""
    t = bits_tensor(arr._t, arr._dtype)
    return raw_bytes(ordered(t, order))


def swap_bytes(data, itemsize, is_complex=False):
    """Reverse the byte order of each element (each component for complex)."""
    width = itemsize // 2 if is_complex else itemsize
    if width <= 1 or not data:
        return bytes(data)
    u8 = torch.frombuffer(bytearray(data), dtype=torch.uint8)
    return raw_bytes(u8.reshape(-1, width).flip(1))


def tensor_from_bytes(data, d, count=-1, offset=0, big_endian=False, share=False):
    """A 1-d storage tensor of dtype ``d`` read from a bytes-like object.

    ``share`` keeps the memory of a writable buffer where the layout allows
    (NumPy's ``frombuffer`` shares memory); otherwise the result is a copy.
    """
    size = d.itemsize
    view = memoryview(data).cast("B")
    avail = len(view) - offset
    if offset < 0 or avail < 0:
        raise ValueError("offset must be non-negative and no greater than buffer length (%d)" % len(view))
    if count < 0:
        if avail % size:
            raise ValueError("buffer size must be a multiple of element size")
        count = avail // size
    elif avail < count * size:
        raise ValueError("buffer is smaller than requested size")
    nbytes = count * size
    # bool bytes other than 0/1 must read as True, so read them as uint8
    bits_dtype = torch.uint8 if d is D.bool_ else _BITS_TORCH[d]
    if count == 0:
        t = torch.empty((0,), dtype=bits_dtype)
    else:
        chunk = view[offset:offset + nbytes]
        swap = big_endian == _LITTLE and size > 1
        if swap:
            chunk = swap_bytes(chunk, size, d.kind == "c")
        if share and not swap and not view.readonly and d._native:
            t = torch.frombuffer(chunk, dtype=bits_dtype)
        else:
            t = torch.frombuffer(bytearray(chunk), dtype=bits_dtype)
    return from_bits(t, d)


def from_bits(t, d):
    """Inverse of ``bits_tensor``: a tensor holding NumPy's bit pattern to storage."""
    if d is D.uint16:
        return t.to(torch.int32) & 0xFFFF
    if d is D.uint32:
        return t.to(torch.int64) & 0xFFFFFFFF
    if d is D.bool_ and t.dtype is not torch.bool:
        return t != 0
    return t
