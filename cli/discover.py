"""Turn command-line paths into work: which files to convert, which to copy.

Directories are walked recursively.  Skipped by default: version-control and
tool folders, virtual environments, build output, site-packages (see
DEFAULT_SKIP), files matched by .gitignore, `--exclude` globs and the output
directory itself when it lies inside the input tree.  With `-o`, files and
folders that .gitignore or `--exclude` hide are not converted but are still
copied, so the converted tree runs (data, model files, generated modules);
only DEFAULT_SKIP folders and the output directory stay out of the copy.  Symbolic links are
never followed out of the tree: linked files are not converted in place
(their target is, if it is in the tree) and linked directories are not
entered; `-o` recreates links as links.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from .fileio import TEMP_SUFFIX
from .gitignore import GitIgnore

CONVERTIBLE = (".py", ".pyi", ".ipynb")
DEFAULT_SKIP = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "build", "dist", "site-packages",
    "__pycache__", "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".np2torch_cache",
    ".eggs", "*.egg-info", ".ipynb_checkpoints", ".hypothesis",
)


@dataclass(frozen=True)
class Task:
    source: str  # path to read
    display: str  # path as shown to the user
    destination: str | None  # where to write; None: in place (or nowhere with --diff/--check)
    action: str  # "convert", "copy" (other files under -o) or "link" (symlinks under -o)


def is_convertible(path: str) -> bool:
    return path.endswith(CONVERTIBLE)


def _matches(globs, relative: str, name: str, absolute: Path | None = None, base: Path | None = None) -> bool:
    """A glob matches the path relative to the walked root, to the project root (`base`), or the name."""
    candidates = [relative, name]
    if absolute is not None and base is not None:
        try:
            candidates.append(absolute.relative_to(base).as_posix())
        except ValueError:
            pass
    return any(fnmatch.fnmatchcase(c, g) for g in globs for c in candidates)


def discover(paths, excludes, use_gitignore=True, output=None, base=None):
    """Tasks for `paths`, and messages about paths that do not exist."""
    tasks: list[Task] = []
    problems: list[str] = []
    output_dir = Path(output).resolve() if output else None
    base = Path(base or Path.cwd()).resolve()
    for given in paths:
        path = Path(given)
        if path.is_symlink() and path.is_dir():
            problems.append(f"{given}: is a symbolic link to a directory; pass its target instead")
            continue
        if path.is_dir():
            tasks.extend(_walk(path, excludes, use_gitignore, output_dir, base))
        elif path.exists() or path.is_symlink():
            if _matches(excludes, path.as_posix(), path.name, path.absolute(), base):
                continue
            destination = str(output_dir / path.name) if output_dir else None
            if is_convertible(path.name):
                # An explicitly named file is converted even through a link:
                # the target is rewritten and the link stays a link.
                source = str(path.resolve()) if path.is_symlink() and not output_dir else given
                tasks.append(Task(source, given, destination, "convert"))
            elif output_dir:
                tasks.append(Task(given, given, destination, "copy"))
        else:
            problems.append(f"{given}: no such file or directory")
    return tasks, problems


def _walk(root: Path, excludes, use_gitignore, output_dir, base):
    absolute_root = root.resolve()
    ignore = GitIgnore.for_directory(absolute_root) if use_gitignore else None
    ignores = {absolute_root: ignore}
    copy_only = set()  # under -o: folders excluded or git-ignored, copied but not converted
    for directory, dirnames, filenames in os.walk(absolute_root):
        current = Path(directory)
        ignore = ignores.pop(current, None)
        inside_copy_only = current in copy_only
        relative_dir = current.relative_to(absolute_root)
        kept = []
        for name in sorted(dirnames):
            child = current / name
            relative = (relative_dir / name).as_posix()
            if output_dir is not None and child == output_dir:
                continue
            if _matches(DEFAULT_SKIP, name, name):
                continue
            hidden = inside_copy_only or _matches(excludes, relative, name, child, base) or (
                ignore is not None and ignore.ignored(child, is_dir=True))
            if hidden and output_dir is None:
                continue
            if child.is_symlink():
                if output_dir is not None:
                    yield Task(str(child), _shown(root, relative), str(output_dir / relative), "link")
                continue
            kept.append(name)
            if hidden:
                # The converted copy must run: data, models and generated code that
                # .gitignore hides travel with it, as they are.
                copy_only.add(child)
                ignores[child] = None
            else:
                ignores[child] = ignore.child(child) if ignore is not None else None
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.endswith(TEMP_SUFFIX):
                continue  # an atomic write in progress, or left by a killed run
            child = current / name
            relative = (relative_dir / name).as_posix()
            shown = _shown(root, relative)
            destination = str(output_dir / relative) if output_dir is not None else None
            if child.is_symlink():
                if output_dir is not None:
                    yield Task(str(child), shown, destination, "link")
                continue
            skipped = inside_copy_only or _matches(excludes, relative, name, child, base) or (
                ignore is not None and ignore.ignored(child, is_dir=False)
            )
            if is_convertible(name) and not skipped:
                yield Task(shown, shown, destination, "convert")
            elif output_dir is not None:
                # A complete copy, so the converted tree runs: excluded and
                # ignored files travel unconverted.
                yield Task(shown, shown, destination, "copy")


def _shown(root: Path, relative: str) -> str:
    return os.path.normpath(os.path.join(str(root), relative))
