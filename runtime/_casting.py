"""Converting tensors between NumPy dtypes, including the widened unsigned ones.

``cast(t, src, dst)`` takes a tensor holding ``src`` values in ``src``'s
storage and returns one holding NumPy's ``astype(dst)`` result in ``dst``'s
storage.  uint16/uint32 live in int32/int64 and are kept in range by
masking; uint64 lives in int64 as the same bit pattern, so ring operations
(+, -, *, bitwise) are already right and only conversions, comparisons and
division need to see the unsigned value.
"""

import sys
import warnings

import torch

from . import _dtypes as D

_TWO64 = float(2 ** 64)
_MASKS = {"uint16": 0xFFFF, "uint32": 0xFFFFFFFF}


def wrap_unsigned(t, d):
    """Bring int64/int32 storage back into the range of a widened unsigned dtype."""
    mask = _MASKS.get(d.name)
    if mask is None:
        return t
    return torch.bitwise_and(t, mask)


def uint64_as_float(t):
    """The values of a uint64 array (int64 bit patterns) as float64."""
    f = t.to(torch.float64)
    return torch.where(t < 0, f + _TWO64, f)


def cast(t, src, dst):
    if src is dst:
        return t
    # byte order is layout, not value: a dtype and its swapped twin hold the same values
    src, dst = src._nbo, dst._nbo
    if src is dst:
        return t
    sk, dk = src.kind, dst.kind
    if sk in "OmSUV" or dk in "OmSUV":
        if src._pooled or dst._pooled:
            return _pooled_cast(t, src, dst)
        from ._datetime import cast as timedelta_cast
        return timedelta_cast(t, src, dst)
    if dk == "b":
        return t != 0
    if sk == "c" and dk != "c":
        from .exceptions import ComplexWarning
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=4)
        t = t.real
        sk = "f"
    if src is D.uint64 and dk in "fc":
        return uint64_as_float(t).to(dst._torch)
    if dk in "fc" or (dst._native and sk in "biu"):
        return t.to(dst._torch)
    # integer destinations
    if sk == "f":
        if dst is D.uint64:
            # values >= 2**63 do not fit int64: shift them through the sign bit
            big = t >= 9.223372036854775808e18
            low = torch.where(big, t - _TWO64, t)
            return low.to(torch.int64)
        t = t.to(torch.int64)
    elif t.dtype is not torch.int64:
        t = t.to(torch.int64)
    if dst._native:
        return t.to(dst._torch)
    return wrap_unsigned(t, dst).to(dst._torch)


def truth(t, d):
    """A bool tensor: each element's truth value (NumPy's cast to bool)."""
    if t.dtype is torch.bool:
        return t
    if d._pooled:
        return _pooled_cast(t, d, D.bool_)
    return t != 0


def to_torch_value_dtype(t, d):
    """A tensor whose torch dtype shows ``d``'s values directly (for export)."""
    if d._native:
        return t
    if d._nbo is D.uint64:
        return t.to(torch.uint64)
    if d._pooled:
        raise NotImplementedError(f"to_torch: an array of dtype {d} has no torch tensor form "
                                  "(its tensor holds handles of Python objects)")
    if d.kind == "m":
        return t  # the int64 counts
    return t.to({"uint16": torch.uint16, "uint32": torch.uint32}[d.name])


# -- object arrays (see _dtypes._ObjectDtype: int64 handles into the dtype's pool) --

def python_values(t, d):
    """The elements of a numeric storage tensor as a flat list of Python values
    (what NumPy's cast to object stores: bool, int, float, complex)."""
    t = t.detach()
    if t.is_conj():
        t = t.resolve_conj()
    if t.is_neg():
        t = t.resolve_neg()
    values = t.reshape(-1).cpu().tolist()
    if d is D.uint64:
        values = [v + (1 << 64) if v < 0 else v for v in values]
    elif d.kind == "m":
        from ._datetime import python_value
        values = [python_value(v, d) for v in values]
    return values


def object_values(t, d):
    """The elements a handle tensor of pooled dtype ``d`` refers to, as a flat list."""
    pool = d.pool
    return [pool[h] for h in t.reshape(-1).cpu().tolist()]


def plain(v):
    """An element as Python sees it from ``tolist``/``item``/a cast to object:
    np.bytes_/np.str_ as bytes/str, records as tuples of Python values."""
    t = type(v)
    if t is tuple:
        return tuple(plain(x) for x in v)
    if isinstance(v, bytes) and t is not bytes:
        return bytes(v)
    if isinstance(v, str) and t is not str:
        return str(v)
    item = getattr(v, "item", None)
    return item() if item is not None and hasattr(v, "_dtype") else v


def object_handles(values, d, shape, device):
    """Append ``values`` to ``d``'s pool: the handle tensor of shape ``shape`` naming them."""
    pool = d.pool
    base = len(pool)
    pool.extend(values)
    return torch.arange(base, base + len(values), dtype=torch.int64, device=device).reshape(shape)


_PACKAGE = __name__.rpartition(".")[0]


def _entry_point():
    """The runtime function the user called (the outermost runtime frame), as
    ``np.name``, for messages raised deep inside it."""
    found = None
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith(_PACKAGE):
            found = (module, frame.f_code.co_name)
        elif found is not None:
            break
        frame = frame.f_back
    if found is None:
        return "np2torch"
    module, name = found
    sub = module[len(_PACKAGE) + 1:].split(".")[0]
    return f"np.{sub}.{name}" if sub and not sub.startswith("_") else f"np.{name}"


def refuse_kinds(what, *arrays):
    """Refuse arrays of object, string, record or timedelta dtype in a function
    that only computes on numbers (torch would compute on handles or counts)."""
    for a in arrays:
        d = getattr(a, "_dtype", None)
        if d is not None and (d._pooled or d.kind == "m"):
            if d.kind == "m":
                raise NotImplementedError(f"{what or _entry_point()}: timedelta64 arrays are not "
                                          "supported by this function in np2torch")
            refuse_object(what, d)


def refuse_object(what=None, d=None):
    """NotImplementedError for a function that has no object-array (string,
    structured) implementation."""
    kind = {"S": "bytes", "U": "str", "V": "structured"}.get(getattr(d, "kind", "O"), "object")
    raise NotImplementedError(f"{what or _entry_point()}: arrays of dtype {kind} are not "
                              "supported by this function in np2torch")


def coerce_values(values, dst, src=None):
    """``values`` as elements of the pooled dtype ``dst`` (a flexible string
    width is fitted to them first)."""
    if dst.kind == "O":
        return [plain(v) for v in values] if src is not None and src.kind in "SUV" else values
    if dst.kind in "SU" and dst.itemsize == 0:
        if src is not None and not src._pooled:
            dst.fit(D.dtype_text_width(src))
        else:  # objects and strings: as long as their text
            dst.fit(max((len(D._text(v, dst.kind)) for v in values), default=1))
    return [dst.coerce(v) for v in values]


def _pooled_cast(t, src, dst):
    if (src._pooled and src.pool is None) or (dst._pooled and dst.pool is None):
        # only numeric code casts into a template (the promotion table's
        # dtype('O'), np.dtype('S5')): torch would compute on the handles, so
        # refuse (pool-aware paths cast into a dtype of their own, see
        # _dtypes.own / pooled_result)
        refuse_object(None, dst if dst._pooled else src)
    if not src._pooled:
        values = coerce_values(python_values(t, src), dst, src)
        return object_handles(values, dst, t.shape, t.device)
    if dst._pooled:
        # different pools: copy the referenced elements (each once) into dst's
        if t.numel() == 0:
            coerce_values([], dst, src)
            return torch.zeros(t.shape, dtype=torch.int64, device=t.device)
        uniq, inverse = torch.unique(t, return_inverse=True)
        pool = src.pool
        values = coerce_values([pool[h] for h in uniq.tolist()], dst, src)
        return object_handles(values, dst, uniq.shape, t.device)[inverse]
    convert = _FROM_OBJECT[dk] if (dk := dst.kind) != "f" else _to_float
    values = [convert(v, dst) for v in object_values(t, src)]
    if dk in "ium":
        return torch.tensor(values, dtype=torch.int64, device=t.device).to(dst._torch).reshape(t.shape)
    if dk == "b":
        return torch.tensor(values, dtype=torch.bool, device=t.device).reshape(t.shape)
    return torch.tensor(values, dtype=torch.float64 if dk == "f" else torch.complex128,
                        device=t.device).to(dst._torch).reshape(t.shape)


def _to_int(v, dst):
    """An object stored into an integer array: ``int(v)`` in the dtype's range
    (uint64 as its int64 bit pattern)."""
    n = int(v)
    if n < dst._min or n > dst._max:
        raise OverflowError(f"Python integer {n} out of bounds for {dst.name}")
    return n - (1 << 64) if n >= 1 << 63 else n


def _to_float(v, dst):
    return float("nan") if v is None else float(v)


def _to_complex(v, dst):
    return complex(float("nan"), float("nan")) if v is None else complex(v)


def _to_timedelta(v, dst):
    from ._datetime import stored_value
    return stored_value(v, dst)


_FROM_OBJECT = {"b": lambda v, dst: bool(v), "i": _to_int, "u": _to_int, "c": _to_complex,
                "m": _to_timedelta}
