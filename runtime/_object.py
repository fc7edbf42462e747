"""Object arrays (``dtype=object``), and the pooled string and record arrays
that share their storage: creation from Python objects and the Python-level
loops NumPy runs for them.

Such an array's tensor holds int64 handles into its dtype's pool (see
``_dtypes._PooledDtype``); moving elements is torch work on the handles, and
only what needs the elements themselves lives here: discovering the shape of
nested sequences, setitem values, the element-wise ufunc loops (NumPy's ``O``
loops call the Python operator, the ``math`` function or the element's
method of the same name; strings and records only compare), reductions,
accumulations, products and ordering.  These run one Python call per element,
as NumPy's own object loops do.
"""

import functools
import math
import operator
from collections.abc import Mapping

import torch

from . import _dtypes as D
from ._casting import cast, object_handles, object_values, python_values, plain, coerce_values
from ._ndarray import ndarray, _wrap, box, broadcast_shapes_or_raise

# -- creation from nested sequences ------------------------------------------------


def _is_sequence(x):
    """Whether NumPy's discovery looks inside ``x`` for more dimensions."""
    t = type(x)
    if t is list or t is tuple:
        return True
    if isinstance(x, (ndarray, torch.Tensor)):
        return x.ndim > 0
    if isinstance(x, (str, bytes, Mapping)):
        return False
    if hasattr(x, "__array__") and hasattr(x, "ndim"):
        return x.ndim > 0
    return hasattr(x, "__len__") and hasattr(x, "__getitem__")


def _items(x):
    if isinstance(x, ndarray):
        return x.tolist() if x.ndim == 1 else list(x)
    if isinstance(x, torch.Tensor) or (hasattr(x, "__array__") and hasattr(x, "ndim")):
        return x.tolist() if x.ndim == 1 else list(x)
    return list(x)


def discover(obj, max_depth=64, records=False):
    """(shape, leaves in C order, ragged) of a nested sequence read as an object
    array: dimensions go down while every item at a level is a sequence of
    one common length (at most ``max_depth`` of them); what is below them is
    an element (``records``: tuples are elements, as for structured dtypes)."""
    shape = []
    level = [obj]
    while level and len(shape) < max_depth:
        lengths = set()
        for x in level:
            if not _is_sequence(x) or (records and type(x) is tuple):
                lengths = None
                break
            lengths.add(len(x))
        if lengths is None or len(lengths) != 1:
            ragged = lengths is not None or any(_is_sequence(x) and not (records and type(x) is tuple)
                                                for x in level)
            return tuple(shape), level, ragged
        shape.append(lengths.pop())
        level = [y for x in level for y in _items(x)]
    return tuple(shape), level, False


def from_nested(obj, d, device, allow_ragged=True, max_depth=64):
    """The handle tensor (into ``d``'s pool) of the object array NumPy makes from ``obj``."""
    shape, leaves, ragged = discover(obj, max_depth, records=d.kind == "V")
    if ragged and not allow_ragged:
        raise ValueError("setting an array element with a sequence. The requested array has an "
                         f"inhomogeneous shape after {len(shape)} dimensions. The detected shape "
                         f"was {shape} + inhomogeneous part.")
    if d.kind != "O":
        leaves = coerce_values(leaves, d)
    return object_handles(leaves, d, shape, device)


def values(a):
    """The elements of ndarray ``a`` as a flat list of Python objects (NumPy's
    cast to object for numeric arrays)."""
    if a._dtype._pooled:
        return object_values(a._t, a._dtype)
    return python_values(a._t, a._dtype)


def from_values(vals, shape, device, d=None):
    """A new object array holding ``vals`` (flat, C order) in ``shape``."""
    d = D.new_object_dtype() if d is None else d
    return _wrap(object_handles(vals, d, tuple(shape), device), d)


def setitem_value(a, items, value):
    """What ``a[items] = value`` writes into object array ``a``: a handle or a
    handle tensor in ``a``'s pool.  As in NumPy, a value for one element is
    stored as it is (a list, an array); otherwise arrays are cast and
    sequences read as object arrays of at most the target's dimensions."""
    d = a._dtype
    target_ndim = a._t[items].ndim
    if target_ndim and isinstance(value, ndarray):
        return cast(value._t, value._dtype, d)
    if target_ndim and _is_sequence(value) and not (d.kind == "V" and type(value) is tuple):
        return from_nested(value, d, a._t.device, max_depth=target_ndim)
    pool = d.pool
    pool.append(d.coerce(value))
    return len(pool) - 1


# -- element-wise loops (NumPy's ``O`` loops) ------------------------------------------

def _unary_method(name, method=None):
    """NumPy's ``O->O`` loop of a math ufunc: the element's method of that name."""
    method = method or name

    def call(x):
        fn = getattr(x, method, None)
        if not callable(fn):
            raise TypeError(f"loop of ufunc does not support argument 0 of type "
                            f"{type(x).__name__} which has no callable {method} method")
        return fn()
    return call


def _binary_method(name):
    """NumPy's ``OO->O`` loop of arctan2/hypot/fmod/logical_xor: ``x.name(y)``."""
    return lambda x, y: getattr(x, name)(y)


def _maximum(x, y):
    return x if x >= y else y


def _minimum(x, y):
    return x if x <= y else y


def _sign(x):
    if x < 0:
        return -1
    if x > 0:
        return 1
    if x == 0:
        return 0
    raise TypeError("unorderable types for comparison")


def _internal_gcd(a, b):
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError("Can only find greatest common divisor of finite arguments, "
                         f'found "{a}" and "{b}"')
    while b:
        a, b = b, a % b
    return a


def _gcd(a, b):
    try:
        return math.gcd(a, b)
    except TypeError:
        return abs(_internal_gcd(a, b))


def _lcm(a, b):
    return abs(a // _gcd(a, b) * b)


def _logical_and(x, y):
    return x and y


def _logical_or(x, y):
    return x or y


def _logical_not(x):
    return not x


def _reciprocal(x):
    return 1 / x


def _square(x):
    return x * x


_UNARY_METHODS = ("arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "cbrt",
                  "conjugate", "cos", "cosh", "deg2rad", "degrees", "exp", "exp2", "expm1",
                  "fabs", "log", "log10", "log1p", "log2", "rad2deg", "radians", "rint", "sin",
                  "sinh", "sqrt", "tan", "tanh")

# ufunc name -> the Python function its object loop applies to each element
LOOPS = {
    "add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
    "divide": operator.truediv, "floor_divide": operator.floordiv,
    "remainder": operator.mod, "power": pow,
    "bitwise_and": operator.and_, "bitwise_or": operator.or_, "bitwise_xor": operator.xor,
    "left_shift": operator.lshift, "right_shift": operator.rshift,
    "equal": operator.eq, "not_equal": operator.ne, "less": operator.lt,
    "less_equal": operator.le, "greater": operator.gt, "greater_equal": operator.ge,
    "maximum": _maximum, "minimum": _minimum, "fmax": _maximum, "fmin": _minimum,
    "gcd": _gcd, "lcm": _lcm, "logical_and": _logical_and, "logical_or": _logical_or,
    "logical_xor": _binary_method("logical_xor"), "arctan2": _binary_method("arctan2"),
    "hypot": _binary_method("hypot"), "fmod": _binary_method("fmod"),
    "negative": operator.neg, "positive": operator.pos, "absolute": abs,
    "invert": operator.invert, "logical_not": _logical_not, "sign": _sign,
    "reciprocal": _reciprocal, "square": _square,
    "floor": math.floor, "ceil": math.ceil, "trunc": math.trunc,
    "bitwise_count": _unary_method("bitwise_count", "bit_count"),
}
LOOPS.update({name: _unary_method(name) for name in _UNARY_METHODS})
# NumPy's comparisons have an 'OO->?' loop first: their results are read as bools
BOOL_RESULTS = frozenset(("equal", "not_equal", "less", "less_equal", "greater", "greater_equal"))


def loop_of(uf):
    """The Python function an ufunc's object loop applies (None: it has none)."""
    own = getattr(uf, "_object_loop", None)
    return own if own is not None else LOOPS.get(uf.__name__)


def operand(x):
    """An ufunc operand beside object arrays, as an ndarray: NumPy converts
    numbers (to Python values, by the cast to object) and strings (to string
    arrays); any other object takes part as it is."""
    if isinstance(x, ndarray):
        return x
    if isinstance(x, (bool, int, float, complex, list, tuple, str, bytes)) or hasattr(x, "_py") \
            or isinstance(x, torch.Tensor):
        from ._ndarray import asarray
        return asarray(x)
    return from_values([x], (), None)


def broadcast_values(arrays, shape):
    """Each array's elements broadcast to ``shape``, as flat lists of Python objects."""
    out = []
    for a in arrays:
        t = a._t
        if tuple(t.shape) != tuple(shape):
            t = t.expand(shape)
        if a._dtype.kind == "O":
            out.append(object_values(t, a._dtype))
        elif a._dtype._pooled:  # strings and records as the cast to object gives them
            out.append([plain(v) for v in object_values(t, a._dtype)])
        else:
            out.append(python_values(t, a._dtype))
    return out


def _device(arrays):
    return next((a._t.device for a in arrays if a._t.ndim), arrays[0]._t.device)


def ufunc_call(uf, args, out, where, dtype, casting):
    """An ufunc applied to object operands (or with ``dtype=object``): one
    Python call per element, NumPy's object loop."""
    name = uf.__name__
    fn = loop_of(uf)
    if fn is None and uf.signature is None:
        raise uf._no_loop([getattr(a, "dtype", D.OBJECT) for a in args])
    if uf.signature is not None:
        if where is not True:
            raise NotImplementedError(f"np.{name}: where= with object arrays is not supported by np2torch")
        result = gufunc_call(name, [operand(a) for a in args])
        return _finish(uf, result, out, None, casting)
    arrays = [operand(a) for a in args]
    if (not any(a._dtype.kind == "O" for a in arrays) and (dtype is None or D.dtype(dtype).kind != "O")
            and getattr(uf, "_object_loop", None) is None):
        # strings and records: NumPy's comparison loops only
        if name not in BOOL_RESULTS:
            kinds = [a._dtype.kind for a in arrays]
            text = [k for k in kinds if k in "SU"]
            # NumPy 2's string loops: concatenation (same kind) and repetition (by an int)
            if (name == "add" and len(text) == 2 and text[0] == text[1]) or (
                    name == "multiply" and len(text) == 1 and all(k in "SUbiu" for k in kinds)):
                raise NotImplementedError(f"np.{name}: string arithmetic is not supported by np2torch")
            raise uf._no_loop([a._dtype for a in arrays])
    mask = None
    shapes = [a._t.shape for a in arrays]
    if where is not True:
        from ._ndarray import _tensor_and_dtype
        mask = _tensor_and_dtype(where, D.bool_)[0]
        shapes.append(mask.shape)
    shape = tuple(broadcast_shapes_or_raise(*shapes))
    if out is not None:
        shape = tuple(broadcast_shapes_or_raise(shape, out._t.shape))
    cols = broadcast_values(arrays, shape)
    if mask is None:
        results = [fn(*xs) for xs in zip(*cols)] if len(cols) > 1 else [fn(x) for x in cols[0]]
    else:
        keep = mask.expand(shape).reshape(-1).tolist()
        results = [fn(*xs) if k else None for k, xs in zip(keep, zip(*cols))]
    device = _device(arrays)
    if uf.nout > 1:
        outs = out if isinstance(out, tuple) else (out,) * uf.nout if out is None else None
        if outs is None or len(outs) != uf.nout:
            raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        parts = zip(*results) if results else [()] * uf.nout
        return tuple(_finish(uf, from_values(list(p), shape, device), o, mask, casting)
                     for p, o in zip(parts, outs))
    want_object = dtype is not None and D.dtype(dtype).kind == "O"
    if name in BOOL_RESULTS and not want_object:
        if mask is not None:
            results = [bool(r) if k else False for r, k in zip(results, keep)]
        else:
            results = [bool(r) for r in results]
        r = _wrap(torch.tensor(results, dtype=torch.bool, device=device).reshape(shape), D.bool_)
    else:
        r = from_values(results, shape, device)
    return _finish(uf, r, out, mask, casting)


def _finish(uf, r, out, mask, casting):
    if out is None:
        return box(r._t, r._dtype)
    from ._ufuncs import _write_out
    o = out
    if isinstance(out, tuple):
        o = out[0]
    return _write_out(uf.__name__, o, r._t, r._dtype, mask, casting)


# -- products ------------------------------------------------------------------------

def dot_values(xs, ys):
    """NumPy's object inner product: the first product, then ``+`` of the
    others (no leading zero: any type with ``*`` and ``+`` works); 0 for none."""
    acc = None
    for x, y in zip(xs, ys):
        p = x * y
        acc = p if acc is None else acc + p
    return 0 if acc is None else acc


def _conjugated(xs):
    return [x.conjugate() for x in xs]


def _core_shape_error(name, signature, k, n):
    return ValueError(f"{name}: Input operand 1 has a mismatch in its core dimension 0, with "
                      f"gufunc signature {signature} (size {k} is different from {n})")


def gufunc_call(name, arrays):
    """matmul / vecdot / matvec / vecmat of object operands: batched Python loops."""
    a, b = arrays
    if name == "matmul":
        if a.ndim == 0 or b.ndim == 0:
            which = 0 if a.ndim == 0 else 1
            raise ValueError(f"matmul: Input operand {which} does not have enough dimensions "
                             f"(has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
        A = a.reshape((1,) + a.shape) if a.ndim == 1 else a
        B = b.reshape(b.shape + (1,)) if b.ndim == 1 else b
        conj = False
    elif name == "vecdot":
        A, B, conj = a.reshape(a.shape[:-1] + (1,) + a.shape[-1:]), b.reshape(b.shape + (1,)), True
    elif name == "matvec":
        A, B, conj = a, b.reshape(b.shape + (1,)), False
    else:  # vecmat
        A, B, conj = a.reshape(a.shape[:-1] + (1,) + a.shape[-1:]), b, True
    n, k = A.shape[-2:]
    k2, m = B.shape[-2:]
    if k != k2:
        raise _core_shape_error(name, "(n?,k),(k,m?)->(n?,m?)", k2, k)
    batch = tuple(broadcast_shapes_or_raise(A.shape[:-2], B.shape[:-2]))
    av, = broadcast_values([A], batch + (n, k))
    bv, = broadcast_values([B], batch + (k, m))
    results = []
    for base in range(math.prod(batch)):
        ao, bo = base * n * k, base * k * m
        for i in range(n):
            row = av[ao + i * k: ao + i * k + k]
            if conj:
                row = _conjugated(row)
            for j in range(m):
                results.append(dot_values(row, bv[bo + j: bo + k * m: m]))
    shape = batch + (n, m)
    if name == "matmul":
        shape = batch + ((n,) if a.ndim > 1 else ()) + ((m,) if b.ndim > 1 else ())
    elif name in ("vecdot", "matvec"):
        shape = batch + ((n,) if name == "matvec" else ())
    else:
        shape = batch + (m,)
    return from_values(results, shape, _device(arrays))


# -- reductions ------------------------------------------------------------------------

_NO_INITIAL = object()


def _moved(a, axes):
    """(values with the reduced axes last, flat; kept shape; reduced size)."""
    t = a._t
    keep = [i for i in range(t.ndim) if i not in axes]
    moved = t.permute(keep + list(axes)) if t.ndim else t
    kept = tuple(t.shape[i] for i in keep)
    inner = math.prod(t.shape[i] for i in axes)
    vals = object_values(moved, a._dtype) if a._dtype._pooled else python_values(moved, a._dtype)
    return vals, kept, inner, keep


def reduce(fn, name, a, axes, keepdims=False, initial=_NO_INITIAL, where=True, identity=_NO_INITIAL,
           out=None):
    """NumPy's object reduction: fold ``fn`` over the reduced elements in C
    order, starting from ``initial`` or else the first element (the identity
    only for an empty reduction)."""
    vals, kept, inner, keep = _moved(a, axes)
    mask = None
    if where is not True and initial is _NO_INITIAL:
        raise ValueError(f"reduction operation '{name}' does not have an identity, so to use a "
                         "where mask one has to specify 'initial'")
    if where is not True:
        from ._ndarray import _tensor_and_dtype
        m = torch.broadcast_to(_tensor_and_dtype(where, D.bool_)[0], a._t.shape)
        mask = (m.permute(keep + list(axes)) if m.ndim else m).reshape(-1).tolist()
    results = []
    for o in range(math.prod(kept)):
        row = vals[o * inner:(o + 1) * inner]
        if mask is not None:
            row = [v for v, k in zip(row, mask[o * inner:(o + 1) * inner]) if k]
        if initial is not _NO_INITIAL:
            acc = initial
        elif row:
            acc, row = row[0], row[1:]
        elif identity is not _NO_INITIAL:
            acc = identity
        else:
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
        for v in row:
            acc = fn(acc, v)
        results.append(acc)
    shape = kept
    if keepdims:
        shape = tuple(1 if i in axes else s for i, s in enumerate(a._t.shape))
    r = from_values(results, shape, a._t.device)
    if out is not None:
        from ._ufuncs import _write_out
        return _write_out(name, out, r._t, r._dtype, None, "unsafe")
    return box(r._t, r._dtype)


def accumulate(fn, a, axis, out=None):
    """NumPy's object accumulation along ``axis``: running ``fn`` from the first element."""
    t = a._t
    moved = t.movedim(axis, -1)
    vals = object_values(moved, a._dtype) if a._dtype._pooled else python_values(moved, a._dtype)
    n = t.shape[axis]
    results = []
    for o in range(0, len(vals), n or 1):
        acc = None
        for i, v in enumerate(vals[o:o + n]):
            acc = v if i == 0 else fn(acc, v)
            results.append(acc)
    r = from_values(results, tuple(moved.shape), t.device)
    r = _wrap(r._t.movedim(-1, axis), r._dtype)
    if out is not None:
        out[...] = r
        return out
    return r


def einsum(operands, out_labels, sizes):
    """Object einsum: ``operands`` are (ndarray view with unique labels, labels).
    Each output element starts from the int 0 and adds the product of the
    operands (left to right) for every value of the summed labels, as
    NumPy's object einsum loop does."""
    order = list(out_labels) + [x for x in dict.fromkeys(x for _, lab in operands for x in lab)
                                if x not in out_labels]
    full = tuple(sizes[x] for x in order)
    cols = []
    for a, lab in operands:
        t = a._t.permute(sorted(range(len(lab)), key=lambda i: order.index(lab[i])))
        placed = sorted(lab, key=order.index)
        shape = [sizes[x] if x in placed else 1 for x in order]
        cols.append(broadcast_values([_wrap(t.reshape(shape), a._dtype)], full)[0])
    n_out = math.prod(sizes[x] for x in out_labels)
    n_sum = math.prod(full) // n_out if n_out else 0
    results = []
    for o in range(n_out):
        acc = 0
        for i in range(o * n_sum, (o + 1) * n_sum):
            p = cols[0][i]
            for col in cols[1:]:
                p = p * col[i]
            acc = acc + p
        results.append(acc)
    device = operands[0][0]._t.device if operands else None
    return from_values(results, tuple(sizes[x] for x in out_labels), device)


def tensordot(x, y, axes_x, axes_y):
    """Sum of products over ``axes_x`` of ``x`` and ``axes_y`` of ``y`` (NumPy's
    object dot: first product, then ``+``); free axes of x, then of y."""
    free_x = [i for i in range(x.ndim) if i not in axes_x]
    free_y = [i for i in range(y.ndim) if i not in axes_y]
    k = math.prod(x.shape[i] for i in axes_x)
    xv = values(_wrap(x._t.permute(free_x + list(axes_x)), x._dtype))
    yv = values(_wrap(y._t.permute(list(axes_y) + free_y), y._dtype))
    m = len(xv) // k if k else math.prod(x.shape[i] for i in free_x)
    n = len(yv) // k if k else math.prod(y.shape[i] for i in free_y)
    results = [dot_values(xv[i * k:(i + 1) * k], yv[j:k * n:n]) for i in range(m) for j in range(n)]
    shape = tuple(x.shape[i] for i in free_x) + tuple(y.shape[i] for i in free_y)
    return from_values(results, shape, x._t.device)


# -- ordering --------------------------------------------------------------------------

def _compare(x, y):
    return -1 if x < y else (1 if y < x else 0)


def ranks(t, d):
    """An int64 tensor ordering the objects of handle tensor ``t`` as NumPy's
    object sort does (Python ``<``); equal objects share a rank."""
    vals = object_values(t, d)
    order = sorted(range(len(vals)), key=functools.cmp_to_key(lambda i, j: _compare(vals[i], vals[j])))
    out = [0] * len(vals)
    rank = 0
    for k, i in enumerate(order):
        if k and vals[order[k - 1]] < vals[i]:
            rank += 1
        out[i] = rank
    return torch.tensor(out, dtype=torch.int64, device=t.device).reshape(t.shape)
