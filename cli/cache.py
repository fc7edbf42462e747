"""Content cache: a file whose bytes were seen before, with the same tool
version and options, is not parsed again.

Only results that changed nothing are stored (a changed file is written, and
its new content is cached on the next run).  Entries are small JSON files
named by a SHA-256 of (version, options, kind, content) under
`<project>/.np2torch_cache/` (or $NP2TORCH_CACHE_DIR); the folder holds a
`.gitignore` of `*`, so it is never committed or converted.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from np2torch import __version__

from .fileio import atomic_write


def cache_dir(project_root: Path | None) -> Path:
    override = os.environ.get("NP2TORCH_CACHE_DIR")
    if override:
        return Path(override)
    if project_root is None:
        project_root = Path.cwd()
    return project_root / ".np2torch_cache"


class Cache:
    def __init__(self, directory: Path, options):
        self.directory = directory
        self.salt = f"{__version__}\0{options!r}\0".encode()

    def key(self, kind: str, data: bytes) -> str:
        return hashlib.sha256(self.salt + kind.encode() + b"\0" + data).hexdigest()

    def get(self, key: str) -> dict | None:
        try:
            with open(self.directory / key[:2] / f"{key}.json", encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry: dict) -> None:
        try:
            folder = self.directory / key[:2]
            folder.mkdir(parents=True, exist_ok=True)
            marker = self.directory / ".gitignore"
            if not marker.exists():
                marker.write_text("# created by np2torch\n*\n")
            atomic_write(str(folder / f"{key}.json"), json.dumps(entry).encode(), mode_from=str(marker))
        except OSError:
            pass  # a cache that cannot be written is only slower
