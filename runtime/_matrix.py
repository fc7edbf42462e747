"""``np.matrix``: a 2-D ndarray subclass whose ``*`` and ``**`` are matrix product
and matrix power.  Operators, indexing and ``T``/``H``/``I``/``A``/``A1`` keep
NumPy's matrix semantics; ufuncs and other array functions return plain
ndarrays (NumPy returns matrices there; see docs/coverage-notes.md).  NumPy
itself recommends plain arrays over ``matrix``."""

import operator

from ._ndarray import _new, array, asarray, ndarray

__all__ = ["matrix", "asmatrix", "bmat"]


def _as_matrix(a):
    m = _new(matrix)
    t = a._t
    if t.ndim == 0:
        t = t.reshape(1, 1)
    elif t.ndim == 1:
        t = t.reshape(1, t.shape[0])
    elif t.ndim > 2:
        raise ValueError("shape too large to be a matrix.")
    m._t = t
    m._dtype = a._dtype
    return m


def _parse(text):
    rows = []
    for row in text.split(";"):
        cells = row.replace(",", " ").split()
        values = []
        for cell in cells:
            try:
                values.append(int(cell))
            except ValueError:
                values.append(float(cell))
        rows.append(values)
    if len({len(r) for r in rows}) > 1:
        raise ValueError("Rows not the same size.")
    return rows


def _binop(op):
    def forward(self, other):
        result = op(_plain(self), _plain_operand(other))
        return _as_matrix(result) if isinstance(result, ndarray) and result.ndim <= 2 else result

    def reflected(self, other):
        result = op(_plain_operand(other), _plain(self))
        return _as_matrix(result) if isinstance(result, ndarray) and result.ndim <= 2 else result
    return forward, reflected


def _plain(m):
    from ._ndarray import _wrap
    return _wrap(m._t, m._dtype)


def _plain_operand(x):
    return _plain(x) if isinstance(x, matrix) else x


class matrix(ndarray):
    """``np.matrix(data, dtype=None, copy=True)``: always 2-D."""

    __slots__ = ()
    __array_priority__ = 10.0

    def __new__(cls, data, dtype=None, copy=True):
        import warnings
        warnings.warn("the matrix subclass is not the recommended way to represent matrices or "
                      "deal with linear algebra (see https://docs.scipy.org/doc/numpy/user/"
                      "numpy-for-matlab-users.html). Please adjust your code to use regular "
                      "ndarray.", PendingDeprecationWarning, stacklevel=2)
        if isinstance(data, str):
            data = _parse(data)
        if isinstance(data, matrix) and dtype is None and not copy:
            return data
        a = array(data, dtype=dtype, copy=copy if copy else None)
        if a.ndim > 2:
            raise ValueError("matrix must be 2-dimensional")
        return _as_matrix(a)

    __add__, __radd__ = _binop(operator.add)
    __sub__, __rsub__ = _binop(operator.sub)
    __truediv__, __rtruediv__ = _binop(operator.truediv)
    __floordiv__, __rfloordiv__ = _binop(operator.floordiv)
    __mod__, __rmod__ = _binop(operator.mod)
    __matmul__, __rmatmul__ = _binop(operator.matmul)
    __mul__, __rmul__ = _binop(lambda a, b: _matmul_or_scale(a, b))
    __and__, __rand__ = _binop(operator.and_)
    __or__, __ror__ = _binop(operator.or_)
    __xor__, __rxor__ = _binop(operator.xor)
    __eq__, _ = _binop(operator.eq)
    __ne__, _ = _binop(operator.ne)
    __lt__, _ = _binop(operator.lt)
    __le__, _ = _binop(operator.le)
    __gt__, _ = _binop(operator.gt)
    __ge__, _ = _binop(operator.ge)
    del _
    __hash__ = None

    def __neg__(self):
        return _as_matrix(-_plain(self))

    def __pos__(self):
        return _as_matrix(+_plain(self))

    def __abs__(self):
        return _as_matrix(abs(_plain(self)))

    def __imul__(self, other):
        self[:] = self * other
        return self

    def __pow__(self, n):
        from .linalg import matrix_power
        return _as_matrix(matrix_power(_plain(self), n))

    def __rpow__(self, other):
        return NotImplemented

    def __getitem__(self, index):
        out = _plain(self)[index]
        if not isinstance(out, ndarray):
            return out
        if out.ndim == 0:
            return out[()]
        if out.ndim == 1:
            first = index[0] if isinstance(index, tuple) and index else index
            if isinstance(first, int) or (hasattr(first, "ndim") and first.ndim == 0
                                          and not isinstance(first, ndarray)):
                return _as_matrix(out)
            return _as_matrix(out.reshape(out.shape[0], 1))
        return _as_matrix(out)

    @property
    def T(self):
        return _as_matrix(_plain(self).T)

    @property
    def H(self):
        return _as_matrix(_plain(self).T.conj())

    @property
    def I(self):  # noqa: E743 - NumPy's name
        from .linalg import inv, pinv
        rows, cols = self.shape
        return _as_matrix(inv(_plain(self)) if rows == cols else pinv(_plain(self)))

    @property
    def A(self):
        return _plain(self)

    @property
    def A1(self):
        return _plain(self).ravel()

    def getA(self):
        return self.A

    def getA1(self):
        return self.A1

    def getT(self):
        return self.T

    def getH(self):
        return self.H

    def getI(self):
        return self.I

    def tolist(self):
        return _plain(self).tolist()

    def __repr__(self):
        text = repr(_plain(self))
        if not text.startswith("array"):
            return text
        return "matrix" + text[len("array"):].replace("\n", "\n ")

    def __str__(self):
        return str(_plain(self))


def _matmul_or_scale(a, b):
    if isinstance(a, ndarray) and isinstance(b, (ndarray, list, tuple)):
        b = asarray(b)
        if b.ndim < 2:
            b = b.reshape(1, -1) if b.ndim == 1 else b
        if b.ndim == 0:
            return a * b
        return a @ b
    if isinstance(b, ndarray) and isinstance(a, (list, tuple)):
        return asarray(a) @ b
    return a * b


def asmatrix(data, dtype=None):
    """``np.asmatrix``: a matrix without copying where possible."""
    return matrix(data, dtype=dtype, copy=False)


def bmat(obj, ldict=None, gdict=None):
    """``np.bmat``: a matrix from nested sequences (or a string) of blocks."""
    if isinstance(obj, str):
        if gdict is None:
            import sys
            frame = sys._getframe(1)
            gdict, ldict = frame.f_globals, frame.f_locals
        rows = []
        for row in obj.split(";"):
            names = row.replace(",", " ").split()
            rows.append([_plain(m) if isinstance(m, matrix) else m
                         for m in ((ldict or {}).get(n, gdict.get(n)) for n in names)])
        obj = rows
    from ._manipulation import block
    if isinstance(obj, (list, tuple)) and obj and not isinstance(obj[0], (list, tuple)):
        obj = [obj]
    return _as_matrix(block([[_plain_operand(b) for b in row] for row in obj]))
