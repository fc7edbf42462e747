"""A small .gitignore matcher (the subset of gitignore(5) that trees use).

Supports comments, `!` negation, trailing `/` for directories, anchoring by
a slash, `*`, `?`, `[...]` and `**`.  The last matching pattern wins; a
directory that is ignored is not entered, as in git.
"""

from __future__ import annotations

import re
from pathlib import Path


class Pattern:
    def __init__(self, base: Path, text: str):
        self.base = base
        self.negated = text.startswith("!")
        if self.negated:
            text = text[1:]
        self.dir_only = text.endswith("/")
        text = text.rstrip("/")
        anchored = "/" in text
        text = text.lstrip("/")
        self.anchored = anchored
        self.regex = re.compile(_translate(text) + r"\Z", re.DOTALL)

    def matches(self, relative: str, name: str, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        return bool(self.regex.match(relative if self.anchored else name))


def _translate(pattern: str) -> str:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape("["))
                i += 1
            else:
                body = pattern[i + 1:end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def parse_file(path: Path) -> list[Pattern]:
    return [Pattern(path.parent, text) for text in _raw(path)]


class GitIgnore:
    """Accumulates patterns directory by directory while a tree is walked."""

    def __init__(self, patterns: list[Pattern] | None = None):
        self.patterns = patterns or []

    @classmethod
    def for_directory(cls, directory: Path) -> "GitIgnore":
        """Patterns that apply inside `directory`: those of its enclosing repository."""
        directory = directory.resolve()
        chain = []
        for parent in [directory, *directory.parents]:
            chain.append(parent)
            if (parent / ".git").exists():
                # .git/info/exclude patterns are relative to the repository root.
                patterns = [Pattern(parent, text) for text in _raw(parent / ".git" / "info" / "exclude")]
                for folder in reversed(chain):
                    patterns += parse_file(folder / ".gitignore")
                return cls(patterns)
        return cls(parse_file(directory / ".gitignore"))

    def child(self, directory: Path) -> "GitIgnore":
        extra = parse_file(directory / ".gitignore")
        return GitIgnore(self.patterns + extra) if extra else self

    def ignored(self, path: Path, is_dir: bool) -> bool:
        result = False
        for pattern in self.patterns:
            try:
                relative = path.relative_to(pattern.base).as_posix()
            except ValueError:
                continue
            if pattern.matches(relative, path.name, is_dir):
                result = not pattern.negated
        return result


def _raw(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [
        line if line.endswith("\\ ") else line.rstrip(" ")
        for line in lines
        if line.strip() and not line.startswith("#")
    ]
