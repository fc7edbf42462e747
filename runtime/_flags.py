"""``ndarray.flags``: memory layout flags derived from the tensor, and read-only arrays.

Read-only arrays: torch has no read-only tensors, so ``setflags(write=False)``
gives the array a fresh root tensor aliasing the same memory (``detach()``)
and records that tensor in ``READONLY``.  Views of the array are torch views
of that root (their ``_base`` is it), so an array is read-only when its
tensor, or its tensor's base, is recorded.  Other arrays over the same memory
(the base it was a view of) stay writeable, as in NumPy.  Every write path
calls ``check_writeable`` only when ``READONLY`` is non-empty, so the check
costs one dict truth test while no array is read-only.
"""

import weakref

# id(tensor) -> weakref(tensor) for the root tensors of read-only arrays
READONLY = {}


def _forget(key):
    def callback(_ref):
        READONLY.pop(key, None)
    return callback


def is_readonly(t):
    if not READONLY:
        return False
    if id(t) in READONLY:
        return True
    b = t._base
    return b is not None and id(b) in READONLY


def check_writeable(a):
    """Raise NumPy's ValueError when array ``a`` is read-only."""
    if is_readonly(a._t):
        raise ValueError("assignment destination is read-only")


def mark_readonly(t):
    """Record tensor ``t`` (a root: its views name it as ``_base``) as read-only."""
    key = id(t)
    READONLY[key] = weakref.ref(t, _forget(key))
    return t


def set_writeable(a, flag):
    """``a.flags.writeable = flag`` / ``a.setflags(write=flag)``."""
    t = a._t
    if flag:
        if id(t) in READONLY:
            del READONLY[id(t)]
        elif is_readonly(t):
            raise ValueError("cannot set WRITEABLE flag to True of this array")
        return
    if is_readonly(t):
        return
    a._t = readonly_view(t)


def readonly_view(t):
    """A read-only alias of tensor ``t`` (setflags, broadcast_to, sliding_window_view).

    The alias is a root of its own (``detach()`` shares the memory without being
    a view), so the views made from it later name it as their ``_base``.  A
    tensor carrying autograd history cannot be detached without cutting the
    graph: it is recorded itself, which makes it read-only, and its later views
    too when it is a root (see docs/coverage-notes.md)."""
    return mark_readonly(t if t.requires_grad else t.detach())


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
        return t.ndim <= 1 and t.is_contiguous() or t.permute(tuple(range(t.ndim - 1, -1, -1))).is_contiguous()

    @property
    def contiguous(self):
        return self.c_contiguous

    @property
    def owndata(self):
        return self._arr._t._base is None

    @property
    def writeable(self):
        return not is_readonly(self._arr._t)

    @writeable.setter
    def writeable(self, value):
        set_writeable(self._arr, bool(value))

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

    def _state(self):
        return (self.c_contiguous, self.f_contiguous, self.owndata, self.writeable,
                self.aligned, self.writebackifcopy)

    def __eq__(self, other):
        # NumPy compares the flag bits (contiguity, ownership, writeability, alignment)
        if not isinstance(other, Flags):
            return NotImplemented
        return self._state() == other._state()

    __hash__ = None

    def __setitem__(self, key, value):
        name = self._KEYS.get(key)
        if name == "writeable":
            set_writeable(self._arr, bool(value))
        elif name == "writebackifcopy":
            if value:
                raise ValueError("can only set WRITEBACKIFCOPY flag to False")
        elif name == "aligned":
            if not value:
                raise NotImplementedError("ndarray.flags.aligned = False is not supported by np2torch")
        else:
            raise KeyError("Unknown flag")

    def __repr__(self):
        return "\n".join(f"  {k} : {self[k]}" for k in ("C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA",
                                                        "WRITEABLE", "ALIGNED", "WRITEBACKIFCOPY"))
