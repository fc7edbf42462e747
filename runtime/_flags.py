"""``ndarray.flags``: memory layout flags derived from the tensor."""


class Flags:
    """NumPy's flags object: C/F contiguity, ownership, writeability."""

    def __init__(self, arr):
        self._arr = arr

    @property
    def c_contiguous(self):
        return self._arr._t.is_contiguous()

    @property
    def f_contiguous(self):
        t = self._arr._t
        return t.ndim <= 1 and t.is_contiguous() or t.permute(*range(t.ndim - 1, -1, -1)).is_contiguous()

    @property
    def contiguous(self):
        return self.c_contiguous

    @property
    def owndata(self):
        return self._arr._t._base is None

    writeable = True
    aligned = True
    writebackifcopy = False

    @property
    def fnc(self):
        return self.f_contiguous and not self.c_contiguous

    @property
    def forc(self):
        return self.f_contiguous or self.c_contiguous

    behaved = True

    @property
    def carray(self):
        return self.c_contiguous

    @property
    def farray(self):
        return self.f_contiguous and not self.c_contiguous

    _KEYS = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "CONTIGUOUS": "c_contiguous",
             "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
             "OWNDATA": "owndata", "O": "owndata", "WRITEABLE": "writeable", "W": "writeable",
             "ALIGNED": "aligned", "A": "aligned", "WRITEBACKIFCOPY": "writebackifcopy",
             "X": "writebackifcopy", "FNC": "fnc", "FORC": "forc", "BEHAVED": "behaved",
             "B": "behaved", "CARRAY": "carray", "CA": "carray", "FARRAY": "farray", "FA": "farray"}

    def __getitem__(self, key):
        return getattr(self, self._KEYS[key])

    def __setitem__(self, key, value):
        if self._KEYS.get(key) == "writeable" and not value:
            raise NotImplementedError("ndarray.flags.writeable = False is not supported by np2torch")

    def __repr__(self):
        return "\n".join(f"  {k} : {self[k]}" for k in ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA",
                                                        "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY"))
