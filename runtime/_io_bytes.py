"""Raw bytes of arrays, exactly as NumPy lays them out.

``tensor_bytes`` serves ``ndarray.tobytes``, ``np.save`` and ``tofile``;
``tensor_from_bytes`` is its inverse and serves ``np.load``, ``frombuffer``
and ``fromfile``.  Neither needs NumPy: bytes leave a CPU tensor through
``ctypes.string_at`` and enter one through ``torch.frombuffer``.

The widened unsigned dtypes (uint16 in int32, uint32 in int64) are narrowed
to the signed type of the same width on the way out (same bit pattern) and
widened again, masked, on the way in; uint64 already is the int64 bit
pattern.

Byte order: tensors hold values in the machine's order.  A swapped dtype
(``'>u4'`` on a little-endian machine) reverses each element's bytes (each
component's, for complex) on the way out and on the way in, so its bytes
are NumPy's; ``byteswap`` and cross-order ``reinterpret`` use the same flip.
"""

import ctypes

import torch

from . import _dtypes as D

__all__ = []

# Torch dtype whose bit pattern equals NumPy's for each dtype.
_BITS_TORCH = {d: d._torch for d in D.ALL}
_BITS_TORCH[D.uint16] = torch.int16
_BITS_TORCH[D.uint32] = torch.int32
_BITS_TORCH[D.uint64] = torch.int64


def bits_tensor(t, d):
    """Storage tensor ``t`` of dtype ``d`` as a tensor with NumPy's bit pattern."""
    d = d._nbo
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
    """The bytes of a C-contiguous tensor (any device) in the machine's order."""
    t = t.detach()
    if t.device.type != "cpu":
        t = t.cpu()
    t = t.contiguous()
    n = t.numel() * t.element_size()
    if n == 0:
        return b""
    # (ctypes.string_at takes a C int: arrays of 2 GiB and more need the array type)
    return (ctypes.c_char * n).from_address(t.data_ptr()).raw


def _text_bytes(arr, order):
    """NumPy's bytes of a fixed-width string array: each element NUL-padded to
    the itemsize, ``S`` as its bytes, ``U`` as UTF-32 in the machine's order."""
    d = arr._dtype
    if d.kind not in "SU":
        what = "object" if d.kind == "O" else "structured"
        raise NotImplementedError(f"ndarray.tobytes / np.save: the bytes of {what} arrays are not "
                                  "supported by np2torch")
    pool = d.pool
    handles = ordered(arr._t, order).reshape(-1).tolist()
    codec = "utf-32-le" if _LITTLE else "utf-32-be"
    size = d.itemsize
    if d.kind == "S":
        return b"".join(bytes(pool[h]).ljust(size, b"\0") for h in handles)
    return b"".join(str(pool[h]).encode(codec).ljust(size, b"\0") for h in handles)


def text_from_bytes(data, d, count):
    """The elements of ``count`` fixed-width strings of dtype ``d`` in ``data``
    (inverse of ``_text_bytes``; trailing NULs end an element, as in NumPy)."""
    size = d.itemsize
    view = bytes(memoryview(data).cast("B"))
    codec = "utf-32-le" if _LITTLE else "utf-32-be"
    out = []
    for i in range(count):
        chunk = view[i * size:(i + 1) * size]
        if d.kind == "S":
            out.append(chunk.rstrip(b"\0"))
        else:
            out.append(chunk.decode(codec).rstrip("\0"))
    return out


_LITTLE = __import__("sys").byteorder == "little"


def tensor_bytes(arr, order="C"):
    """``arr.tobytes(order)``: NumPy's raw bytes, in the byte order of ``arr``'s dtype."""
    d = arr._dtype
    if d._pooled:
        return _text_bytes(arr, order)
    t = ordered(bits_tensor(arr._t, d), order)
    if d._swapped:
        t = flip_bytes(t, d)
    return raw_bytes(t)


def _as_bytes(t):
    """A C-contiguous tensor's memory as uint8, one more axis of ``element_size`` bytes."""
    t = t.contiguous()
    if t.dtype is torch.bool:
        t = t.view(torch.uint8)
    shape = tuple(t.shape) + (t.element_size(),)
    if not t.numel():
        return torch.empty(shape, dtype=torch.uint8, device=t.device)
    return t.reshape(-1).view(torch.uint8).reshape(shape)


def flip_bytes(t, d):
    """Bit-pattern tensor ``t`` of dtype ``d`` with each element's bytes reversed
    (each component's for complex): the other byte order's memory."""
    width = d.itemsize // 2 if d.kind == "c" else d.itemsize
    if width == 1 or not t.numel():
        return t.clone()
    u8 = _as_bytes(t)
    flipped = u8.reshape(tuple(t.shape) + (t.element_size() // width, width)).flip(-1).reshape(u8.shape)
    return flipped.reshape(-1).view(t.dtype).reshape(t.shape)


def byteswap(t, d):
    """``ndarray.byteswap``: storage tensor of the values whose bytes are ``t``'s reversed."""
    if d.itemsize == 1:
        return t.clone()
    native = d._nbo
    return from_bits(flip_bytes(bits_tensor(t, native), native), native)


def reinterpret(t, src, dst):
    """``view(dst)`` as a copy: storage tensor of ``dst`` whose memory is the bytes
    storage tensor ``t`` of ``src`` has in ``src``'s byte order.  Raises
    RuntimeError (as torch's ``view``) when the last axis does not divide."""
    bits = bits_tensor(t, src)
    shape = tuple(bits.shape) or (1,)
    if src._swapped:
        bits = flip_bytes(bits, src)
    u8 = _as_bytes(bits.reshape(shape)).reshape(shape[:-1] + (shape[-1] * bits.element_size(),))
    target = torch.uint8 if dst._nbo is D.bool_ else _BITS_TORCH[dst._nbo]
    out = u8.view(target) if shape[-1] else torch.empty(shape, dtype=target, device=u8.device)
    if dst._swapped:
        out = flip_bytes(out, dst)
    if not t.ndim:
        out = out.reshape(())
    return from_bits(out, dst._nbo)


def tensor_from_bytes(data, d, count=-1, offset=0, share=False):
    """A 1-d storage tensor of dtype ``d`` read from a bytes-like object holding
    ``d``'s bytes (in ``d``'s byte order).

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
    native = d._nbo
    if d._pooled:
        raise NotImplementedError(f"np.frombuffer / np.fromfile: dtype {d} is not supported by np2torch")
    # bool bytes other than 0/1 must read as True, so read them as uint8
    bits_dtype = torch.uint8 if native is D.bool_ else _BITS_TORCH.get(native, native._torch)
    if count == 0:
        t = torch.empty((0,), dtype=bits_dtype)
    else:
        chunk = view[offset:offset + nbytes]
        if d._swapped:
            t = flip_bytes(torch.frombuffer(bytearray(chunk), dtype=bits_dtype), d)
        elif share and not view.readonly and d._native:
            t = torch.frombuffer(chunk, dtype=bits_dtype)
        else:
            t = torch.frombuffer(bytearray(chunk), dtype=bits_dtype)
    return from_bits(t, native)


def from_bits(t, d):
    """Inverse of ``bits_tensor``: a tensor holding NumPy's bit pattern to storage."""
    if d is D.uint16:
        return t.to(torch.int32) & 0xFFFF
    if d is D.uint32:
        return t.to(torch.int64) & 0xFFFFFFFF
    if d is D.bool_ and t.dtype is not torch.bool:
        return t != 0
    return t
