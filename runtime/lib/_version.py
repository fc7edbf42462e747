"""``numpy.lib.NumpyVersion``: compare NumPy version strings (pure Python)."""

import re

__all__ = ["NumpyVersion"]

_PATTERN = re.compile(r"(\d+)\.(\d+)\.(\d+)(?:(a|b|rc)(\d+))?(\.dev0\+?[0-9a-f]*)?$")


class NumpyVersion:
    """A parsed ``major.minor.bugfix[a|b|rcN][.dev0+hash]`` version."""

    def __init__(self, vstring):
        self.vstring = vstring
        m = re.match(r"\d+\.\d+\.\d+", vstring)
        if not m:
            raise ValueError("Not a valid numpy version string")
        self.version = m.group()
        self.major, self.minor, self.bugfix = (int(x) for x in self.version.split("."))
        rest = vstring[m.end():]
        pre = re.match(r"(a|b|rc)\d+", rest)
        self.pre_release = pre.group() if pre else "final"
        self.is_devversion = ".dev" in vstring

    def _key(self):
        order = {"a": 0, "b": 1, "r": 2, "f": 3}
        pre = self.pre_release
        pre_key = (order[pre[0]], int(re.sub(r"\D", "", pre) or 0)) if pre != "final" else (3, 0)
        return (self.major, self.minor, self.bugfix, pre_key, 0 if self.is_devversion else 1)

    def _cmp(self, other):
        if isinstance(other, str):
            other = NumpyVersion(other)
        elif not isinstance(other, NumpyVersion):
            raise ValueError("Invalid object to compare with NumpyVersion.")
        a, b = self._key(), other._key()
        return (a > b) - (a < b)

    def __lt__(self, other):
        return self._cmp(other) < 0

    def __le__(self, other):
        return self._cmp(other) <= 0

    def __eq__(self, other):
        return self._cmp(other) == 0

    def __ne__(self, other):
        return self._cmp(other) != 0

    def __gt__(self, other):
        return self._cmp(other) > 0

    def __ge__(self, other):
        return self._cmp(other) >= 0

    __hash__ = None

    def __repr__(self):
        return f"NumpyVersion({self.vstring})"
