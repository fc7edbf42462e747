"""NumPy's ``.npy`` format (``numpy.lib.format``), byte for byte.

A file is the magic string ``\\x93NUMPY`` and a version, a header (a Python
dict literal: ``descr``, ``fortran_order``, ``shape``) padded to a multiple of
64 bytes, then the raw data in the ``descr``'s byte order.  Versions 1.0
(2-byte header length), 2.0 (4-byte) and 3.0 (4-byte, UTF-8 header) are read
and written; ``np.save`` picks the smallest that fits and warns as NumPy
does.  Pickled object data is never read or written.  ``open_memmap`` is not
available (np2torch has no memory-mapped arrays).

``np.save``/``np.load``/``savez`` (``_io``) go through ``write_array`` and
``read_array``; ``np2torch.runtime.lib.format`` exports the public names.
"""

import ast
import re
import struct
import warnings

from . import _dtypes as D
from ._config import current_device
from ._io_bytes import tensor_bytes, tensor_from_bytes
from ._ndarray import _wrap, array, asarray, ndarray

__all__ = []

MAGIC_PREFIX = b"\x93NUMPY"
MAGIC_LEN = len(MAGIC_PREFIX) + 2
ARRAY_ALIGN = 64
BUFFER_SIZE = 2 ** 18
GROWTH_AXIS_MAX_DIGITS = 21
EXPECTED_KEYS = {"descr", "fortran_order", "shape"}
MAX_HEADER_SIZE = 10000
# version -> (struct format of the header length, header encoding)
_HEADER_SIZE = {(1, 0): ("<H", "latin1"), (2, 0): ("<I", "latin1"), (3, 0): ("<I", "utf8")}


# -- magic string ----------------------------------------------------------------

def magic(major, minor):
    """The magic string of format version ``(major, minor)``."""
    if major < 0 or major > 255:
        raise ValueError("major version must be 0 <= major < 256")
    if minor < 0 or minor > 255:
        raise ValueError("minor version must be 0 <= minor < 256")
    return MAGIC_PREFIX + bytes([major, minor])


def read_magic(fp):
    """The ``(major, minor)`` version from a file's magic string."""
    found = _read_bytes(fp, MAGIC_LEN, "magic string")
    if found[:-2] != MAGIC_PREFIX:
        raise ValueError(f"the magic string is not correct; expected {MAGIC_PREFIX!r}, "
                         f"got {found[:-2]!r}")
    return found[-2], found[-1]


def _check_version(version):
    if version is not None and tuple(version) not in _HEADER_SIZE:
        raise ValueError("we only support format version (1,0), (2,0), and (3,0), not %s"
                         % (version,))


# -- dtype descriptions ------------------------------------------------------------

def dtype_to_descr(dtype):
    """The header's ``descr`` for a dtype (``'<f8'``, ``'>u4'``, ``'|b1'``)."""
    return D.dtype(dtype).str


def descr_to_dtype(descr):
    """The dtype a header's ``descr`` names (TypeError when it names none)."""
    return D.dtype(descr)


def _array_dtype(descr, allow_pickle):
    """The dtype of an array read from a header: one np2torch can hold."""
    if isinstance(descr, str) and descr.lstrip("<>|=") in ("O", "O4", "O8"):
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        raise _unsupported("load", "object arrays (pickled data)")
    try:
        d = descr_to_dtype(descr)
    except TypeError as e:
        raise ValueError(f"descr is not a valid dtype descriptor: {descr!r}") from e
    except NotImplementedError:
        d = None
    if type(d) is not D.dtype and not (d is not None and d.kind in "SUm"):
        what = "structured dtype" if isinstance(descr, (list, tuple)) else "dtype"
        raise _unsupported("load", f"{what} {descr!r}")
    return d


def _unsupported(func, what):
    return NotImplementedError(f"np.{func}: {what} is not supported by np2torch")


# -- headers -------------------------------------------------------------------------

def _is_fortran_only(t):
    if t.ndim < 2 or t.is_contiguous():
        return False
    return t.permute(tuple(range(t.ndim - 1, -1, -1))).is_contiguous()


def header_data_from_array_1_0(array):
    """The header dict of an array (Fortran order only when not C-contiguous)."""
    arr = array if isinstance(array, ndarray) else asarray(array)
    return {"shape": tuple(arr.shape), "fortran_order": _is_fortran_only(arr._t),
            "descr": dtype_to_descr(arr.dtype)}


def _header_text(d):
    text = "{" + "".join(f"'{k}': {d[k]!r}, " for k in sorted(d)) + "}"
    shape = d["shape"]
    if len(shape):
        # room for the growing axis' length to be rewritten in place
        text += " " * (GROWTH_AXIS_MAX_DIGITS - len(repr(shape[-1 if d["fortran_order"] else 0])))
    return text


def _wrap_header(text, version):
    fmt, encoding = _HEADER_SIZE[version]
    body = text.encode(encoding)
    hlen = len(body) + 1
    padlen = ARRAY_ALIGN - ((MAGIC_LEN + struct.calcsize(fmt) + hlen) % ARRAY_ALIGN)
    try:
        size = struct.pack(fmt, hlen + padlen)
    except struct.error:
        raise ValueError(f"Header length {hlen} too big for version={version}") from None
    return magic(*version) + size + body + b" " * padlen + b"\n"


def _wrap_header_any_version(text):
    """Version 1.0 when the header fits, else 2.0, else 3.0 (non-latin1 text), warning as NumPy."""
    try:
        return _wrap_header(text, (1, 0))
    except ValueError:
        pass
    try:
        wrapped = _wrap_header(text, (2, 0))
        note = "Stored array in format 2.0. It can only be read by NumPy >= 1.9"
    except UnicodeEncodeError:
        wrapped = _wrap_header(text, (3, 0))
        note = "Stored array in format 3.0. It can only be read by NumPy >= 1.17"
    warnings.warn(note, UserWarning, stacklevel=4)
    return wrapped


def _write_array_header(fp, d, version=None):
    text = _header_text(d)
    fp.write(_wrap_header_any_version(text) if version is None else _wrap_header(text, tuple(version)))


def write_array_header_1_0(fp, d):
    """Write a version 1.0 header for the dict ``d``."""
    _write_array_header(fp, d, (1, 0))


def write_array_header_2_0(fp, d):
    """Write a version 2.0 header for the dict ``d``."""
    _write_array_header(fp, d, (2, 0))


def read_array_header_1_0(fp, max_header_size=MAX_HEADER_SIZE):
    """``(shape, fortran_order, dtype)`` from a version 1.0 header (after the magic)."""
    return _read_array_header(fp, (1, 0), max_header_size)


def read_array_header_2_0(fp, max_header_size=MAX_HEADER_SIZE):
    """``(shape, fortran_order, dtype)`` from a version 2.0 header (after the magic)."""
    return _read_array_header(fp, (2, 0), max_header_size)


def _read_header_dict(fp, version, max_header_size=MAX_HEADER_SIZE):
    fmt, encoding = _HEADER_SIZE[version]
    (hlen,) = struct.unpack(fmt, _read_bytes(fp, struct.calcsize(fmt), "array header length"))
    text = _read_bytes(fp, hlen, "array header").decode(encoding)
    if len(text) > max_header_size:
        raise ValueError(
            f"Header info length ({len(text)}) is large and may not be safe to load securely.\n"
            "To allow loading, adjust `max_header_size` or fully trust the `.npy` file using "
            "`allow_pickle=True`.\nFor safety against large resource use or crashes, sandboxing "
            "may be necessary.")
    try:
        header = ast.literal_eval(text)
    except SyntaxError as e:
        if version > (2, 0):
            raise ValueError(f"Cannot parse header: {text!r}") from e
        header = _python2_header(text)
    if not isinstance(header, dict):
        raise ValueError(f"Header is not a dictionary: {header!r}")
    if set(header) != EXPECTED_KEYS:
        raise ValueError(f"Header does not contain the correct keys: {sorted(header)!r}")
    shape = header["shape"]
    if not isinstance(shape, tuple) or not all(isinstance(x, int) for x in shape):
        raise ValueError(f"shape is not valid: {shape!r}")
    if not isinstance(header["fortran_order"], bool):
        raise ValueError(f"fortran_order is not a valid bool: {header['fortran_order']!r}")
    return header


def _python2_header(text):
    """Headers written by Python 2 spell long integers ``3L``."""
    cleaned = re.sub(r"(?<=\d)L\b", "", text)
    try:
        header = ast.literal_eval(cleaned)
    except SyntaxError as e:
        raise ValueError(f"Cannot parse header: {cleaned!r}") from e
    warnings.warn("Reading `.npy` or `.npz` file required additional header parsing as it was "
                  "created on Python 2. Save the file again to speed up loading and avoid this "
                  "warning.", UserWarning, stacklevel=5)
    return header


def _read_array_header(fp, version, max_header_size):
    header = _read_header_dict(fp, version, max_header_size)
    try:
        d = descr_to_dtype(header["descr"])
    except TypeError as e:
        raise ValueError(f"descr is not a valid dtype descriptor: {header['descr']!r}") from e
    return header["shape"], header["fortran_order"], d


def _read_bytes(fp, n, what):
    """Exactly ``n`` bytes (file objects may return fewer per read)."""
    data = b""
    while len(data) < n:
        chunk = fp.read(n - len(data))
        if not chunk:
            break
        data += chunk
    if len(data) != n:
        raise ValueError(f"EOF: reading {what}, expected {n} bytes got {len(data)}")
    return data


# -- arrays ----------------------------------------------------------------------------

def write_array(fp, array, version=None, allow_pickle=True, pickle_kwargs=None):
    """An array to an open file in ``.npy`` format (its own byte order and layout)."""
    _check_version(version)
    arr = array if isinstance(array, ndarray) else asarray(array)
    if arr.dtype.kind == "O":
        if not allow_pickle:
            raise ValueError("Object arrays cannot be saved when allow_pickle=False")
        raise _unsupported("save", "object arrays (pickled data)")
    header = header_data_from_array_1_0(arr)
    _write_array_header(fp, header, version)
    fp.write(tensor_bytes(arr, "F" if header["fortran_order"] else "C"))


def read_array(fp, allow_pickle=False, pickle_kwargs=None, *, max_header_size=MAX_HEADER_SIZE):
    """The array in an open ``.npy`` file (in the file's byte order)."""
    if allow_pickle:
        max_header_size = 2 ** 64  # a trusted file: no limit
    version = read_magic(fp)
    _check_version(version)
    header = _read_header_dict(fp, version, max_header_size)
    d = _array_dtype(header["descr"], allow_pickle)
    shape = header["shape"]
    count = 1
    for n in shape:
        count *= n
    if not isfileobj(fp):
        data = _read_bytes(fp, count * d.itemsize, "array data")
    else:
        # NumPy reads real files with fromfile, which words a short read this way
        data = _read_available(fp, count * d.itemsize)
        if len(data) < count * d.itemsize:
            raise ValueError(f"Failed to read all data for array. Expected {shape} = {count} "
                             f"elements, could only read {len(data) // d.itemsize} elements. "
                             "(file seems not fully written?)")
    if d._pooled:  # fixed-width strings: elements into a new array's pool
        from ._io_bytes import text_from_bytes
        flat = array(text_from_bytes(data, d, count), dtype=d)
        if header["fortran_order"]:
            return flat.reshape(shape[::-1]).transpose()
        return flat.reshape(shape)
    t = tensor_from_bytes(data, d)
    if header["fortran_order"]:
        t = t.reshape(shape[::-1]).permute(tuple(range(len(shape) - 1, -1, -1)))
    else:
        t = t.reshape(shape)
    dev = current_device()
    return _wrap(t if dev is None else t.to(dev), d)


def _read_available(fp, n):
    data = b""
    while len(data) < n:
        chunk = fp.read(min(n - len(data), 1 << 30))
        if not chunk:
            break
        data += chunk
    return data


def open_memmap(filename, mode="r+", dtype=None, shape=None, fortran_order=False, version=None,
                *, max_header_size=MAX_HEADER_SIZE):
    raise NotImplementedError("np.lib.format.open_memmap: memory-mapped arrays are not supported "
                              "by np2torch; use np.load / np.save")


def isfileobj(f):
    """Whether ``f`` is a real file object (with a file descriptor)."""
    import io
    if not isinstance(f, (io.FileIO, io.BufferedReader, io.BufferedWriter)):
        return False
    try:
        f.fileno()
        return True
    except OSError:
        return False
