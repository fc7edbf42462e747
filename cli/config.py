"""`[tool.np2torch]` in pyproject.toml, found from the working directory upward.

    [tool.np2torch]
    runtime = "np2torch.runtime"   # module converted code imports
    exclude = ["legacy/*", "*_pb2.py"]
    select = ["NP2T1"]             # report only these codes (prefixes allowed)
    ignore = ["NP2T103"]           # never report these
    approximate = false            # opt in to names with documented differences
    gitignore = true               # skip files matched by .gitignore
    cache = true                   # content cache in <project>/.np2torch_cache
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

KNOWN_KEYS = {"runtime", "exclude", "extend-exclude", "select", "ignore", "approximate", "gitignore", "cache", "jobs"}


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: Path | None = None
    runtime: str | None = None
    exclude: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    approximate: bool = False
    gitignore: bool = True
    cache: bool = True
    jobs: int | None = None

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path else None


def _load_toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib
        except ModuleNotFoundError as exc:
            raise ConfigError(f"{path}: reading pyproject.toml needs Python 3.11+ or the tomli package") from exc
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has [tool.np2torch]."""
    for directory in [start, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            data = _load_toml(candidate)
            if "np2torch" in data.get("tool", {}):
                return candidate
    return None


def load_config(start: Path, explicit: Path | None = None) -> Config:
    path = explicit or find_config(start)
    if path is None:
        return Config()
    table = _load_toml(path).get("tool", {}).get("np2torch", {})
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown [tool.np2torch] keys: {', '.join(sorted(unknown))}")

    def strings(key):
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.np2torch] {key} must be a list of strings")
        return value

    def boolean(key, default):
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: [tool.np2torch] {key} must be true or false")
        return value

    runtime = table.get("runtime")
    if runtime is not None and not isinstance(runtime, str):
        raise ConfigError(f"{path}: [tool.np2torch] runtime must be a string")
    jobs = table.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise ConfigError(f"{path}: [tool.np2torch] jobs must be a positive integer")
    return Config(
        path=path,
        runtime=runtime,
        exclude=strings("exclude") + strings("extend-exclude"),
        select=strings("select"),
        ignore=strings("ignore"),
        approximate=boolean("approximate", False),
        gitignore=boolean("gitignore", True),
        cache=boolean("cache", True),
        jobs=jobs,
    )
