"""Reading and atomic writing.

A file is replaced in one step: the new bytes go to a temporary file in the
same directory (same file system), are flushed to disk, get the original's
permission bits, and `os.replace` swaps them in.  A process killed at any
moment leaves the old file or the new one, never a mix.  The temporary name
does not end in .py, so a leftover is never mistaken for a source file, and
tree walks skip it (it is neither converted nor copied by `-o`).  Leftovers are
not deleted automatically: the file may belong to a run still in progress.
"""

from __future__ import annotations

import os
import stat
import tempfile

TEMP_SUFFIX = ".np2torch-tmp"


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def atomic_write(path: str, data: bytes, mode_from: str | None = None) -> None:
    """Write `data` to `path` atomically, keeping the permission bits of `mode_from` (default: `path`)."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(mode_from or path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
