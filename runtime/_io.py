"""File I/O: the ``.npy``/``.npz`` formats, text files and raw buffers.

``save``/``load``/``savez`` read and write NumPy's own formats byte for byte
(format versions 1.0, 2.0 and 3.0, headers padded to 64 bytes), so files
move freely between NumPy and np2torch.  Big-endian files (``'>f8'``) load
as arrays of the big-endian dtype, as in NumPy, and such arrays are written
big-endian (see _io_bytes).  Pickled (object) data is never
read or written: np2torch has no object arrays.

Text I/O (``loadtxt``, ``savetxt``, ``genfromtxt``, ``fromstring`` with
``sep``, ``fromfile`` with ``sep``) handles numeric data; structured dtypes
and field names raise ``NotImplementedError`` naming the function.
"""

import bz2
import gzip
import io
import lzma
import os
import re
import warnings
import zipfile

import torch

from . import _dtypes as D
from . import _format
from ._config import current_device
from ._io_bytes import tensor_bytes, tensor_from_bytes
from ._ndarray import _wrap, asarray, ndarray

__all__ = ["save", "load", "savez", "savez_compressed", "loadtxt", "savetxt",
           "genfromtxt", "fromfile", "frombuffer", "fromiter", "fromstring"]

_MAX_HEADER_SIZE = _format.MAX_HEADER_SIZE
_PICKLE_MSG = ("This file contains pickled (object) data. If you trust the file you can "
               "load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.")


class ConversionWarning(UserWarning):
    """genfromtxt skipped lines it could not convert (``invalid_raise=False``)."""


def _unsupported(func, what):
    return NotImplementedError(f"np.{func}: {what} is not supported by np2torch")


def _to_device(t):
    dev = current_device()
    return t if dev is None else t.to(dev)


def _write_npy(fp, value, allow_pickle=True):
    _format.write_array(fp, value, allow_pickle=allow_pickle)


def _read_npy(fp, allow_pickle=False, max_header_size=_MAX_HEADER_SIZE):
    return _format.read_array(fp, allow_pickle, max_header_size=max_header_size)


# -- save / load ----------------------------------------------------------------

def _is_pathlike(f):
    return isinstance(f, (str, bytes, os.PathLike))


def save(file, arr, allow_pickle=True, fix_imports=None):
    """``np.save``: one array to NumPy's ``.npy`` format."""
    if _is_pathlike(file):
        file = os.fspath(file)
        if isinstance(file, bytes):
            file = os.fsdecode(file)
        if not file.endswith(".npy"):
            file = file + ".npy"
        with open(file, "wb") as fp:
            _write_npy(fp, arr, allow_pickle)
    else:
        _write_npy(file, arr, allow_pickle)


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII",
         *, max_header_size=_MAX_HEADER_SIZE):
    """``np.load``: ``.npy`` arrays and ``.npz`` archives (``mmap_mode`` loads into memory)."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    own = _is_pathlike(file)
    fid = open(os.fspath(file), "rb") if own else file
    try:
        start = fid.tell() if hasattr(fid, "tell") else None
        head = fid.read(len(_format.MAGIC_PREFIX))
        if not head:
            raise EOFError("No data left in file")
        if start is not None:
            fid.seek(start)
        else:
            fid = _Prefixed(head, fid)
        if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
            npz = NpzFile(fid, own_fid=own, allow_pickle=allow_pickle,
                          max_header_size=max_header_size)
            own = False
            return npz
        if head == _format.MAGIC_PREFIX:
            return _read_npy(fid, allow_pickle, max_header_size)
        if not allow_pickle:
            raise ValueError(_PICKLE_MSG)
        raise _unsupported("load", "pickled data")
    finally:
        if own:
            fid.close()


class _Prefixed:
    """A file object with bytes already read pushed back in front of it."""

    def __init__(self, head, fp):
        self._head = head
        self._fp = fp

    def read(self, n=-1):
        if n is None or n < 0:
            out, self._head = self._head + self._fp.read(), b""
            return out
        out = self._head[:n]
        self._head = self._head[n:]
        if len(out) < n:
            out += self._fp.read(n - len(out))
        return out


def _npz_arrays(args, kwds):
    named = dict(kwds)
    for i, value in enumerate(args):
        key = f"arr_{i}"
        if key in named:
            raise ValueError(f"Cannot use un-named variables and keyword {key}")
        named[key] = value
    return named


def _savez(file, args, kwds, compress, allow_pickle=True):
    if _is_pathlike(file):
        file = os.fspath(file)
        if isinstance(file, bytes):
            file = os.fsdecode(file)
        if not file.endswith(".npz"):
            file = file + ".npz"
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(file, mode="w", compression=method, allowZip64=True) as zf:
        for key, value in _npz_arrays(args, kwds).items():
            with zf.open(key + ".npy", "w", force_zip64=True) as member:
                _write_npy(member, value, allow_pickle)


def savez(file, *args, allow_pickle=True, **kwds):
    """``np.savez``: several arrays into an uncompressed ``.npz`` archive."""
    _savez(file, args, kwds, False, allow_pickle)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """``np.savez_compressed``: several arrays into a deflated ``.npz`` archive."""
    _savez(file, args, kwds, True, allow_pickle)


class _BagObj:
    """Attribute access to an NpzFile's arrays (``npz.f.name``)."""

    def __init__(self, npz):
        self._npz = npz

    def __getattribute__(self, key):
        try:
            return object.__getattribute__(self, "_npz")[key]
        except KeyError:
            raise AttributeError(key) from None

    def __dir__(self):
        return list(object.__getattribute__(self, "_npz").keys())


class NpzFile:
    """``np.lib.npyio.NpzFile``: a lazy, read-only mapping over a ``.npz`` archive."""

    fid = None
    zip = None
    _MAX_REPR_ARRAY_COUNT = 5

    def __init__(self, fid, own_fid=False, allow_pickle=False, pickle_kwargs=None, *,
                 max_header_size=_MAX_HEADER_SIZE):
        self.zip = zipfile.ZipFile(fid)
        self._files = self.zip.namelist()
        self.files = [name[:-4] if name.endswith(".npy") else name for name in self._files]
        self._by_key = dict(zip(self.files, self._files))
        self._by_key.update({name: name for name in self._files})
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.pickle_kwargs = pickle_kwargs
        self.f = _BagObj(self)
        if own_fid:
            self.fid = fid

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def close(self):
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None
        self.f = None

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __contains__(self, key):
        return key in self.files

    def keys(self):
        return list(self.files)

    def values(self):
        return [self[k] for k in self.files]

    def items(self):
        return [(k, self[k]) for k in self.files]

    def get(self, key, default=None):
        return self[key] if key in self._by_key else default

    def __getitem__(self, key):
        member = self._by_key.get(key)
        if member is None:
            raise KeyError(f"{key} is not a file in the archive")
        if self.zip is None:
            raise ValueError("I/O operation on closed file.")
        with self.zip.open(member) as fp:
            head = fp.read(len(_format.MAGIC_PREFIX))
            if head != _format.MAGIC_PREFIX:
                return head + fp.read()
        with self.zip.open(member) as fp:
            return _read_npy(io.BytesIO(fp.read()), self.allow_pickle, self.max_header_size)

    def __repr__(self):
        name = self.fid.name if self.fid is not None and hasattr(self.fid, "name") else "object"
        keys = ", ".join(self.files[:self._MAX_REPR_ARRAY_COUNT])
        more = "..." if len(self.files) > self._MAX_REPR_ARRAY_COUNT else ""
        return f"NpzFile {name!r} with keys: {keys}{more}"


# -- raw buffers -----------------------------------------------------------------

def _plain_dtype(dtype, func):
    try:
        return D.dtype(dtype)
    except NotImplementedError as e:
        raise _unsupported(func, f"dtype {dtype!r}") from e


def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):
    """``np.frombuffer``: shares a writable buffer's memory where the dtype's storage allows."""
    d = _plain_dtype(dtype, "frombuffer")
    if isinstance(buffer, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    t = tensor_from_bytes(buffer, d, count=count, offset=offset, share=True)
    return _wrap(_to_device(t), d)


def fromiter(iter, dtype, count=-1, *, like=None):
    """``np.fromiter``: a 1-d array from an iterable of numbers."""
    d = _plain_dtype(dtype, "fromiter")
    values = []
    if count < 0:
        values = list(iter)
    else:
        it = builtins_iter(iter)
        for _ in range(count):
            try:
                values.append(next(it))
            except StopIteration:
                raise ValueError(f"iterator too short: Expected {count} but iterator had only "
                                 f"{len(values)} items.") from None
    if not values:
        return _wrap(_to_device(torch.empty((0,), dtype=d._torch)), d)
    return asarray(values, dtype=d)


builtins_iter = iter


def _parse_sep_text(text, d, sep, count, func):
    sep_stripped = sep.strip()
    if sep_stripped:
        pieces = text.split(sep_stripped)
    else:
        pieces = text.split()
    tokens = []
    for i, piece in enumerate(pieces):
        token = piece.strip()
        if not token and (i == len(pieces) - 1) and tokens:
            break
        tokens.append(token)
    values = []
    for token in tokens:
        if 0 <= count <= len(values):
            break
        try:
            values.append(_parse_number(token, d))
        except (ValueError, OverflowError):
            raise ValueError("string or file could not be read to its end due to unmatched data") from None
    if 0 <= count and len(values) < count:
        raise ValueError(f"string is smaller than requested size")
    return _array_from_values(values, d)


def fromstring(string, dtype=float, count=-1, *, sep, like=None):
    """``np.fromstring`` in text mode (``sep`` given); binary mode raises as in NumPy 2."""
    d = _plain_dtype(dtype, "fromstring")
    if sep == "":
        raise ValueError("The binary mode of fromstring is removed, use frombuffer instead")
    if isinstance(string, (bytes, bytearray)):
        string = bytes(string).decode("latin1")
    return _parse_sep_text(string, d, sep, count, "fromstring")


def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, like=None):
    """``np.fromfile``: raw binary data, or text numbers separated by ``sep``."""
    d = _plain_dtype(dtype, "fromfile")
    own = _is_pathlike(file)
    fp = open(os.fspath(file), "rb") if own else file
    try:
        if sep == "":
            if offset:
                fp.seek(offset, 1)
            data = fp.read() if count < 0 else fp.read(count * d.itemsize)
            if count < 0:
                usable = len(data) - len(data) % d.itemsize
                data = data[:usable]
            elif len(data) < count * d.itemsize:
                count = len(data) // d.itemsize
                data = data[:count * d.itemsize]
            t = tensor_from_bytes(data, d)
            return _wrap(_to_device(t), d)
        text = fp.read()
        if isinstance(text, bytes):
            text = text.decode("latin1")
        return _parse_sep_text(text, d, sep, count, "fromfile")
    finally:
        if own:
            fp.close()


def tofile(arr, fid, sep="", format="%s"):
    """``ndarray.tofile``: raw bytes in C order, or text items joined by ``sep``."""
    own = _is_pathlike(fid)
    fp = open(os.fspath(fid), "wb") if own else fid
    try:
        if sep == "":
            fp.write(tensor_bytes(arr, "C"))
            return
        flat = arr.reshape(-1).tolist() if arr.ndim else [arr.item()]
        text = sep.join(format % (_text_value(v, arr._dtype),) for v in flat)
        fp.write(text.encode("latin1"))
    finally:
        if own:
            fp.close()


def _text_value(v, d):
    from ._scalars import make_scalar
    return make_scalar(v, d)


# -- parsing numbers --------------------------------------------------------------

_INT_RE = re.compile(r"\s*[+-]?\d+\s*\Z")


def _parse_number(token, d):
    kind = d.kind
    if kind in "iu":
        if not _INT_RE.match(token):
            raise ValueError(token)
        v = int(token)
        if v < d._min or v > d._max:
            raise OverflowError(token)
        return v
    if kind == "b":
        if not _INT_RE.match(token):
            raise ValueError(token)
        return int(token) != 0
    if kind == "f":
        if "_" in token:
            raise ValueError(token)
        return float(token)
    if "_" in token:
        raise ValueError(token)
    return complex(token.strip().replace("+-", "-"))


def _array_from_values(values, d, shape=None):
    """An array of dtype ``d`` from a flat list of Python values in range."""
    if d._nbo is D.uint64:
        values = [v - (1 << 64) if v >= 1 << 63 else v for v in values]
        t = torch.tensor(values, dtype=torch.int64)
    elif d.kind in "iu" and not d._native:
        t = torch.tensor(values, dtype=torch.int64).to(d._torch)
    elif d.kind in "iu":
        t = torch.tensor(values, dtype=d._torch)
    elif d.kind in "fc":
        # parse in double precision and round once, as NumPy does
        t = torch.tensor(values, dtype=torch.complex128 if d.kind == "c" else torch.float64)
        t = t.to(d._torch)
    else:
        t = torch.tensor(values, dtype=d._torch)
    if not values:
        t = torch.empty((0,), dtype=d._torch)
    if shape is not None:
        t = t.reshape(shape)
    return _wrap(_to_device(t), d)


def _convert_value(value, d):
    """A converter's result (any Python/NumPy-like number) as a value for dtype ``d``."""
    if isinstance(value, str):
        return _parse_number(value, d)
    if isinstance(value, bytes):
        return _parse_number(value.decode("latin1"), d)
    if hasattr(value, "item") and not isinstance(value, (int, float, complex)):
        value = value.item()
    if d.kind in "iu":
        if isinstance(value, float):
            value = int(value)
        value = int(value)
        if value < d._min or value > d._max:
            raise OverflowError(value)
        return value
    if d.kind == "b":
        return bool(value)
    if d.kind == "f":
        return float(value)
    return complex(value)


# -- text files -------------------------------------------------------------------

def _open_text(fname, encoding, func):
    """(iterator of str lines, closer) for a path, file object or iterable of lines."""
    if _is_pathlike(fname):
        path = os.fspath(fname)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open, ".lzma": lzma.open}.get(
            os.path.splitext(path)[1], open)
        fh = opener(path, "rt", encoding=encoding)
        return fh, fh.close
    if isinstance(fname, str):
        raise TypeError(f"fname must be a string, filehandle, list of strings, or generator. Got {type(fname)} instead.")
    enc = encoding or "latin1"

    def lines():
        for line in fname:
            yield line.decode(enc) if isinstance(line, (bytes, bytearray)) else line
    return lines(), None


def _strip_comment(line, comments):
    for c in comments:
        pos = line.find(c)
        if pos >= 0:
            line = line[:pos]
    return line


def _split_fields(line, delimiter, quotechar=None):
    line = line.rstrip("\r\n")
    if delimiter is None:
        return line.split()
    if quotechar is not None and quotechar in line:
        import csv
        return next(csv.reader([line], delimiter=delimiter, quotechar=quotechar))
    return line.split(delimiter)


def _norm_comments(comments):
    if comments is None:
        return ()
    if isinstance(comments, (str, bytes)):
        comments = [comments]
    return tuple(c.decode("latin1") if isinstance(c, bytes) else c for c in comments if c)


def _norm_usecols(usecols):
    if usecols is None:
        return None
    if isinstance(usecols, (list, tuple)) or hasattr(usecols, "tolist"):
        cols = usecols.tolist() if hasattr(usecols, "tolist") else list(usecols)
        if not isinstance(cols, list):
            cols = [cols]
    else:
        cols = [usecols]
    out = []
    for c in cols:
        if isinstance(c, bool) or not hasattr(c, "__index__"):
            raise TypeError(f"usecols must be an int or a sequence of ints but it contains "
                            f"at least one element of type {type(c)}")
        out.append(c.__index__())
    return out


def _finish_shape(arr, ndmin, unpack):
    if arr.ndim > ndmin:
        t = arr._t
        t = t.squeeze() if t.ndim else t
        arr = _wrap(t, arr._dtype)
    if arr.ndim < ndmin:
        t = arr._t
        if ndmin == 1:
            t = t.reshape(1) if t.ndim == 0 else t
        else:
            t = t.reshape(1, -1).T if t.ndim == 1 else t.reshape(1, 1)
        arr = _wrap(t, arr._dtype)
    if unpack:
        arr = _wrap(arr._t.permute(tuple(range(arr.ndim - 1, -1, -1))), arr._dtype)
    return arr


def _check_text_dtype(dtype, func):
    if dtype is None:
        return None
    if isinstance(dtype, (list, tuple, dict)) or (isinstance(dtype, str) and "," in dtype):
        raise _unsupported(func, "structured dtypes")
    return _plain_dtype(dtype, func)


# loadtxt turns the parsed Python values into a tensor every this many rows, so a
# large file never holds more than one chunk of Python numbers (NumPy's name)
_loadtxt_chunksize = 50000


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *,
            quotechar=None, like=None):
    """``np.loadtxt`` for numeric data."""
    d = _check_text_dtype(dtype, "loadtxt")
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    comments = _norm_comments(comments)
    cols = _norm_usecols(usecols)
    if converters is not None and not callable(converters) and not isinstance(converters, dict):
        raise TypeError("converters must be a dictionary mapping columns to converter "
                        f"functions or a single callable.")
    lines, close = _open_text(fname, encoding, "loadtxt")
    values = []
    chunks = []  # rows already converted to tensors, _loadtxt_chunksize at a time
    chunk_rows = max(1, int(_loadtxt_chunksize))
    ncols = None
    nrows = 0
    try:
        for lineno, line in enumerate(lines):
            if lineno < skiprows:
                continue
            if max_rows is not None and nrows >= max_rows:
                break
            body = _strip_comment(line, comments)
            if not body.strip():
                continue
            fields = _split_fields(body, delimiter, quotechar)
            width = len(fields)
            if cols is not None:
                picked = []
                for c in cols:
                    if not -width <= c < width:
                        raise ValueError(f"invalid column index {c} at row {nrows + 1} with {width} columns")
                    picked.append((c % width, fields[c]))
            else:
                if ncols is not None and width != ncols:
                    raise ValueError(f"the number of columns changed from {ncols} to {width} at row "
                                     f"{nrows + 1}; use `usecols` to select a subset and avoid this error")
                picked = list(enumerate(fields))
            ncols = len(picked)
            for pos, (col, field) in enumerate(picked):
                conv = None
                if converters is not None:
                    conv = converters if callable(converters) else (
                        converters.get(col, converters.get(col - width)))
                try:
                    if conv is not None:
                        values.append(_convert_value(conv(field), d))
                    else:
                        values.append(_parse_number(field, d))
                except (ValueError, OverflowError, TypeError):
                    raise ValueError(f"could not convert string {field!r} to {d.name} at row "
                                     f"{nrows}, column {pos + 1}.") from None
            nrows += 1
            if len(values) >= chunk_rows * ncols:
                chunks.append(_array_from_values(values, d)._t)
                values = []
    finally:
        if close is not None:
            close()
    if nrows == 0:
        warnings.warn(f'loadtxt: input contained no data: "{fname}"', UserWarning, stacklevel=2)
        shape = (0,) if ncols is None else (0, ncols)
        if cols is not None:
            shape = (0, len(cols))
        arr = _array_from_values([], d, shape if shape != (0,) else None)
    else:
        if values or not chunks:
            chunks.append(_array_from_values(values, d)._t)
        t = chunks[0] if len(chunks) == 1 else torch.cat(chunks)
        arr = _wrap(t.reshape(nrows, ncols), d)
    return _finish_shape(arr, ndmin, unpack)


def _format_row_spec(fmt, ncols, iscomplex, delimiter):
    if isinstance(fmt, bytes):
        fmt = fmt.decode("latin1")
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncols:
            raise AttributeError(f"fmt has wrong shape.  {fmt}")
        return delimiter.join(map(str, fmt))
    if not isinstance(fmt, str):
        raise ValueError(f"invalid fmt: {fmt!r}")
    n_specs = fmt.count("%")
    if n_specs == 1:
        if iscomplex:
            one = f" ({fmt}+{fmt}j)"
            return delimiter.join([one] * ncols)
        return delimiter.join([fmt] * ncols)
    if iscomplex and n_specs == 2 * ncols:
        return fmt
    if not iscomplex and n_specs == ncols:
        return fmt
    if n_specs == 0:
        raise ValueError(f"invalid fmt: {fmt!r}")
    raise ValueError(f"fmt has wrong number of % formats:  {fmt}")


def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",
            comments="# ", encoding=None):
    """``np.savetxt`` for 1-d and 2-d numeric arrays."""
    arr = X if isinstance(X, ndarray) else asarray(X)
    if arr.ndim == 0 or arr.ndim > 2:
        raise ValueError(f"Expected 1D or 2D array, got {arr.ndim}D array instead")
    rows = arr.tolist()
    if arr.ndim == 1:
        rows = [[v] for v in rows]
        ncols = 1
    else:
        ncols = arr.shape[1]
    iscomplex = arr.dtype.kind == "c"
    spec = _format_row_spec(fmt, ncols, iscomplex, delimiter)
    own = _is_pathlike(fname)
    if own:
        path = os.fspath(fname)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        opener = gzip.open if path.endswith(".gz") else open
        fh = opener(path, "wt", encoding=encoding or "latin1", newline="")
        write = fh.write
    elif hasattr(fname, "write"):
        fh = fname
        enc = encoding or "latin1"

        def write(text):
            try:
                fh.write(text)
            except TypeError:
                fh.write(text.encode(enc))
    else:
        raise ValueError("fname must be a string or file handle")
    try:
        if header:
            header = header.replace("\n", "\n" + comments)
            write(comments + header + newline)
        for row in rows:
            if iscomplex:
                flat = []
                for v in row:
                    flat += [v.real, v.imag]
                line = spec % tuple(flat)
                if "+-" in line:
                    line = line.replace("+-", "-")
            else:
                try:
                    line = spec % tuple(row)
                except TypeError as e:
                    raise TypeError(f"Mismatch between array dtype ('{arr.dtype}') and format "
                                    f"specifier ('{spec}')") from e
            write(line + newline)
        if footer:
            footer = footer.replace("\n", "\n" + comments)
            write(comments + footer + newline)
    finally:
        if own:
            fh.close()


def _genfromtxt_split(line, delimiter, autostrip):
    line = line.rstrip("\r\n")
    if delimiter is None:
        return line.split()
    if isinstance(delimiter, int) or isinstance(delimiter, (list, tuple)):
        widths = [delimiter] * ((len(line) + delimiter - 1) // delimiter) if isinstance(delimiter, int) else list(delimiter)
        out, pos = [], 0
        for w in widths:
            out.append(line[pos:pos + w])
            pos += w
        return [f.strip() for f in out]
    fields = line.split(delimiter)
    return [f.strip() for f in fields]


def _per_column(spec, ncols, default, func):
    """genfromtxt's missing/filling options as a list (one per column)."""
    out = [default] * ncols
    if spec is None:
        return out
    if isinstance(spec, dict):
        for key, value in spec.items():
            if not isinstance(key, int):
                raise _unsupported(func, "column names in missing_values/filling_values")
            if key is None:
                out = [value] * ncols
            elif -ncols <= key < ncols:
                out[key % ncols] = value
        return out
    if isinstance(spec, (list, tuple)):
        for i, value in enumerate(spec[:ncols]):
            out[i] = value
        return out
    return [spec] * ncols


def _infer_kind(token):
    t = token.strip()
    if _INT_RE.match(t):
        return D.int64
    try:
        float(t)
        return D.float64
    except ValueError:
        pass
    try:
        complex(t)
        return D.complex128
    except ValueError:
        return None


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0,
               converters=None, missing_values=None, filling_values=None, usecols=None,
               names=None, excludelist=None, deletechars=None, replace_space="_", autostrip=False,
               case_sensitive=True, defaultfmt="f%i", unpack=None, usemask=False, loose=True,
               invalid_raise=True, max_rows=None, encoding=None, *, ndmin=0, like=None):
    """``np.genfromtxt`` for numeric data (missing values filled, bad lines reported)."""
    if names not in (None, False):
        raise _unsupported("genfromtxt", "names= (structured output)")
    if usemask:
        raise _unsupported("genfromtxt", "usemask=True (masked arrays)")
    d = _check_text_dtype(dtype, "genfromtxt")
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    if max_rows is not None and skip_footer:
        raise ValueError("The keywords 'skip_footer' and 'max_rows' can not be specified at the same time.")
    comments = _norm_comments(comments)
    cols = _norm_usecols(usecols)
    lines, close = _open_text(fname, encoding, "genfromtxt")
    try:
        raw = list(lines)
    finally:
        if close is not None:
            close()
    raw = raw[skip_header:]
    rows = []  # (line number, fields)
    for lineno, line in enumerate(raw, start=skip_header + 1):
        body = _strip_comment(line, comments)
        if not body.strip():
            continue
        rows.append((lineno, _genfromtxt_split(body, delimiter, autostrip)))
    if skip_footer:
        rows = rows[:-skip_footer] if skip_footer < len(rows) else []
    if not rows:
        warnings.warn(f'genfromtxt: Empty input file: "{fname}"', UserWarning, stacklevel=2)
        arr = _array_from_values([], d or D.float64)
        return _finish_shape(arr, ndmin, bool(unpack))
    width = len(rows[0][1])
    errors, kept = [], []
    for lineno, fields in rows:
        if len(fields) != width and cols is None:
            errors.append((lineno, len(fields)))
            continue
        if cols is not None:
            try:
                fields = [fields[c] for c in cols]
            except IndexError:
                errors.append((lineno, len(fields)))
                continue
        kept.append(fields)
        if max_rows is not None and len(kept) >= max_rows:
            break
    if errors and invalid_raise:
        msg = "Some errors were detected !" + "".join(
            f"\n    Line #{n} (got {got} columns instead of {width})" for n, got in errors)
        raise ValueError(msg)
    if errors:
        warnings.warn("Some errors were detected !" + "".join(
            f"\n    Line #{n} (got {got} columns instead of {width})" for n, got in errors),
            ConversionWarning, stacklevel=2)
    ncols = len(kept[0]) if kept else (len(cols) if cols is not None else width)
    orig_cols = cols if cols is not None else list(range(ncols))
    missing = _per_column(missing_values, ncols, None, "genfromtxt")
    missing_sets = []
    for m in missing:
        extra = set()
        if m is not None:
            parts = m if isinstance(m, (list, tuple)) else str(m).split(",")
            extra = {str(p).strip() for p in parts}
        missing_sets.append(extra | {""})
    if d is None:
        d = _infer_dtype(kept, missing_sets)
    # NumPy's defaults: -1 for integers (wrapping to the maximum for unsigned)
    default_fill = {"b": False, "i": -1, "u": d._max, "f": float("nan"),
                    "c": complex(float("nan"), 0.0)}[d.kind]
    fills = _per_column(filling_values, ncols, default_fill, "genfromtxt")
    conv_for = {}
    if converters:
        for key, fn in converters.items():
            if not isinstance(key, int):
                raise _unsupported("genfromtxt", "column names in converters")
            conv_for[key] = fn
    values = []
    for fields in kept:
        for j, field in enumerate(fields):
            token = field.strip()
            conv = conv_for.get(orig_cols[j]) if conv_for else None
            if conv is not None:
                try:
                    values.append(_convert_value(conv(token), d))
                    continue
                except (ValueError, TypeError, OverflowError):
                    pass
            if token in missing_sets[j]:
                values.append(_convert_value(fills[j], d))
                continue
            try:
                values.append(_parse_number(token, d))
            except (ValueError, OverflowError):
                values.append(_convert_value(fills[j], d))
    arr = _array_from_values(values, d, (len(kept), ncols))
    if arr.ndim > 0:
        arr = _wrap(arr._t.squeeze(), d) if ndmin < 2 else arr
    return _finish_shape(arr, ndmin, bool(unpack))


def _infer_dtype(rows, missing_sets):
    """dtype=None: one dtype for all columns (mixed columns would need a structured array)."""
    found = set()
    for fields in rows:
        for j, field in enumerate(fields):
            token = field.strip()
            if token in missing_sets[j]:
                continue
            kind = _infer_kind(token)
            if kind is None:
                raise _unsupported("genfromtxt", f"dtype=None with non-numeric data ({token!r})")
            found.add((j, kind))
    per_col = {}
    for j, kind in found:
        prev = per_col.get(j)
        per_col[j] = kind if prev is None else D.PROMOTE[prev._index][kind._index]
    kinds = set(per_col.values())
    if len(kinds) > 1:
        raise _unsupported("genfromtxt", "dtype=None with columns of different types (structured output)")
    return kinds.pop() if kinds else D.float64
