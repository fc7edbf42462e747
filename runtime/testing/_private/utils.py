"""``numpy.testing._private.utils``: the public testing names plus the private
helpers NumPy's own tests import (``_glibc_older_than``, ``requires_memory``,
``_gen_alignment_data``, ...), each with real behaviour."""

import functools
import os
import platform

from .. import *  # noqa: F401,F403
from .. import __all__ as _public
from .._support import run_threaded  # noqa: F401
from .._alignment import _gen_alignment_data  # noqa: F401

__all__ = list(_public) + ["_glibc_older_than", "requires_memory", "check_free_memory",
                           "_gen_alignment_data", "run_threaded", "_get_glibc_version"]


def _get_glibc_version():
    """The C library's version as 'major.minor' when it is glibc, else '0.0'."""
    try:
        lib, version = platform.libc_ver()
    except (OSError, ValueError):  # pragma: no cover - unreadable executable
        return "0.0"
    return version if lib == "glibc" and version else "0.0"


def _version_tuple(text):
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


_GLIBC_VERSION = _get_glibc_version()


def _glibc_older_than(version):
    """True when running on glibc older than ``version`` ('2.17'); False elsewhere."""
    return _GLIBC_VERSION != "0.0" and _version_tuple(_GLIBC_VERSION) < _version_tuple(version)


_UNITS = {"": 1, "b": 1, "k": 1000, "m": 1000 ** 2, "g": 1000 ** 3, "t": 1000 ** 4,
          "kb": 1000, "mb": 1000 ** 2, "gb": 1000 ** 3, "tb": 1000 ** 4,
          "kib": 1024, "mib": 1024 ** 2, "gib": 1024 ** 3, "tib": 1024 ** 4}


def _parse_size(text):
    """'4 GB', '1.5g', '100' -> bytes."""
    s = str(text).strip().lower().replace(" ", "")
    i = len(s)
    while i and not (s[i - 1].isdigit() or s[i - 1] == "."):
        i -= 1
    number, unit = s[:i], s[i:]
    if unit not in _UNITS or not number:
        raise ValueError(f"invalid memory size {text!r}")
    return int(float(number) * _UNITS[unit])


def _available_memory():
    """Bytes of memory available to this process, or None when unknown."""
    try:
        with open("/proc/meminfo") as f:
            info = {line.split(":")[0]: line.split(":")[1] for line in f}
        return int(info["MemAvailable"].split()[0]) * 1024
    except (OSError, KeyError, ValueError, IndexError):
        return None


def check_free_memory(free_bytes):
    """A reason to skip when fewer than ``free_bytes`` are available (NPY_AVAILABLE_MEM
    overrides the measurement), else None."""
    env = os.environ.get("NPY_AVAILABLE_MEM")
    if env is not None:
        try:
            available = _parse_size(env)
        except ValueError as exc:
            raise ValueError(f"Invalid environment variable NPY_AVAILABLE_MEM: {exc}") from exc
        source = "NPY_AVAILABLE_MEM"
    else:
        available = _available_memory()
        if available is None:
            return ("Could not determine available memory; set NPY_AVAILABLE_MEM "
                    "environment variable (e.g. NPY_AVAILABLE_MEM=16GB) to run the test.")
        source = "available memory"
    if available < free_bytes:
        return (f"{free_bytes / 1e9:.1f} GB memory required, but {source} "
                f"is {available / 1e9:.1f} GB")
    return None


def requires_memory(free_bytes):
    """Decorator: skip the test (pytest) when ``free_bytes`` of memory are not available."""
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            reason = check_free_memory(free_bytes)
            if reason is not None:
                import pytest
                pytest.skip(reason)
            try:
                return func(*args, **kwargs)
            except MemoryError:
                import pytest
                pytest.xfail("MemoryError raised")
        return wrapper
    return decorator
