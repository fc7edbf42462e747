"""``einsum`` and ``einsum_path`` (NumPy reference: "Linear algebra / einsum").

Subscripts are parsed into per-operand label lists once: letters stay
letters, the dimensions an ellipsis stands for become the integers
``0..E-1`` (right-aligned across operands, as NumPy broadcasts them).
Repeated labels inside one operand become ``torch.diagonal`` views, size-1
dimensions are expanded (NumPy broadcasts them), and the contraction runs as
``torch.einsum`` calls, one per step of the contraction path.

Dtypes follow NumPy: the result type of the operands (Python scalars are
*not* weak here: NumPy converts them with ``asarray``), or ``dtype=`` checked
with ``casting=``.  Integer and bool einsums are computed in int64 and wrapped
back (bool: sum of products != 0), float16 in float32.

``einsum_path`` returns NumPy's ``(['einsum_path', (i, j), ...], report)``;
the greedy and optimal path searches follow NumPy's cost model so the paths
are the same.  The report has NumPy's layout, but its FLOP figures are our own
estimate and may differ from NumPy's.
"""

import itertools
import math
import operator

import torch

from . import _dtypes as D
from ._casting import cast
from ._flags import READONLY, check_writeable
from ._ndarray import _wrap, asarray, box, ndarray

__all__ = ["einsum", "einsum_path"]

# sublist integers 0..51 name these labels (NumPy: 0-25 upper case, 26-51 lower case)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ELLIPSIS = "..."
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


# -- parsing ------------------------------------------------------------------------

def _parse_term(term, where):
    tokens = []
    i = 0
    while i < len(term):
        c = term[i]
        if c == ".":
            if term[i:i + 3] != "..." or _ELLIPSIS in tokens:
                raise ValueError(f"einstein sum subscripts string contains a '.' that is not part of "
                                 f"an ellipsis ('...') in the {where}")
            tokens.append(_ELLIPSIS)
            i += 3
            continue
        if not (c.isascii() and c.isalpha()):
            raise ValueError(f"invalid subscript '{c}' in einstein sum subscripts string, "
                             "subscripts must be letters")
        tokens.append(c)
        i += 1
    return tokens


def _parse_sublist(sub):
    tokens = []
    for s in sub:
        if s is Ellipsis:
            if _ELLIPSIS in tokens:
                raise ValueError("each subscripts list may have only one ellipsis")
            tokens.append(_ELLIPSIS)
            continue
        try:
            i = operator.index(s)
        except TypeError:
            raise TypeError("For this input type lists must contain either int or Ellipsis") from None
        if not 0 <= i < len(_LETTERS):
            raise ValueError(f"subscript is not within the valid range [0, {len(_LETTERS)})")
        tokens.append(_LETTERS[i])
    return tokens


def _split_operands(operands):
    """(operand list, per-operand token lists, output tokens or None)."""
    if not operands:
        raise ValueError("No input operands")
    first = operands[0]
    if isinstance(first, str):
        subs = first.replace(" ", "")
        ops = list(operands[1:])
        out_tokens = None
        if "->" in subs:
            parts = subs.split("->")
            if len(parts) != 2:
                raise ValueError("einstein sum subscript string must contain at most one '->'")
            subs, out_str = parts
            if "-" in out_str or ">" in out_str:
                raise ValueError("einstein sum subscripts string contains a stray '-' or '>'")
            out_tokens = _parse_term(out_str, "output")
        if "-" in subs or ">" in subs:
            raise ValueError("einstein sum subscript string does not contain proper '->' output specified")
        terms = subs.split(",")
        if len(terms) != len(ops):
            more = "more" if len(ops) > len(terms) else "fewer"
            raise ValueError(f"{more} operands provided to einstein sum function than specified "
                             "in the subscripts string")
        return ops, [_parse_term(t, f"operand {k}") for k, t in enumerate(terms)], out_tokens
    n = len(operands)
    if n < 2:
        raise ValueError("einsum: each operand needs a subscripts list")
    ops = [operands[k] for k in range(0, n - 1, 2)]
    in_tokens = [_parse_sublist(operands[k]) for k in range(1, n, 2)]
    out_tokens = _parse_sublist(operands[-1]) if n % 2 else None
    return ops, in_tokens, out_tokens


class _Spec:
    """A parsed einsum: label lists per operand and for the output, label sizes."""

    __slots__ = ("labels", "out", "sizes", "terms_text", "out_text")


def _analyse(arrays, in_tokens, out_tokens):
    ell_ndims = []
    for k, (tokens, a) in enumerate(zip(in_tokens, arrays)):
        nd = a.ndim
        nfixed = len(tokens) - (1 if _ELLIPSIS in tokens else 0)
        if nfixed > nd:
            raise ValueError(f"einstein sum subscripts string contains too many subscripts for operand {k}")
        if _ELLIPSIS not in tokens and nfixed < nd:
            raise ValueError(f"operand has more dimensions than subscripts given in einstein sum, "
                             f"but no '...' ellipsis provided to broadcast the extra dimensions "
                             f"(operand {k})")
        ell_ndims.append(nd - nfixed)
    E = max(ell_ndims, default=0)
    labels = []
    for tokens, ell in zip(in_tokens, ell_ndims):
        lab = []
        for tok in tokens:
            if tok == _ELLIPSIS:
                lab.extend(range(E - ell, E))
            else:
                lab.append(tok)
        labels.append(lab)

    sizes = {}
    for k, (lab, a) in enumerate(zip(labels, arrays)):
        own = {}
        for label, n in zip(lab, a.shape):
            if label in own and own[label] != n:
                raise ValueError(f"dimensions in operand {k} for collapsing index '{label}' "
                                 f"don't match ({own[label]} != {n})")
            own[label] = n
        for label, n in own.items():
            seen = sizes.get(label)
            if seen is None or seen == 1:
                sizes[label] = n
            elif n != 1 and n != seen:
                shapes = " ".join(f"{tuple(x.shape)}" for x in arrays)
                raise ValueError("operands could not be broadcast together with remapped shapes "
                                 f"[original->remapped]: {shapes}")

    if out_tokens is None:
        counts = {}
        for lab in labels:
            for label in lab:
                if isinstance(label, str):
                    counts[label] = counts.get(label, 0) + 1
        out = list(range(E)) + sorted(c for c, n in counts.items() if n == 1)
    else:
        out = []
        for tok in out_tokens:
            if tok == _ELLIPSIS:
                out.extend(range(E))
                continue
            if tok in out:
                raise ValueError(f"einstein sum subscripts string includes output subscript '{tok}' "
                                 "multiple times")
            if tok not in sizes:
                raise ValueError(f"einstein sum subscripts string included output subscript '{tok}' "
                                 "which never appeared in an input")
            out.append(tok)
        if E and _ELLIPSIS not in out_tokens:
            raise ValueError("output has more dimensions than subscripts given in einstein sum, but "
                             "no '...' ellipsis provided to broadcast the extra dimensions.")
    spec = _Spec()
    spec.labels, spec.out, spec.sizes = labels, out, sizes
    return spec


# -- contraction -------------------------------------------------------------------

def _diagonalize(t, lab):
    """Take diagonals for labels repeated within one operand: unique labels after."""
    lab = list(lab)
    while len(set(lab)) != len(lab):
        for i, label in enumerate(lab):
            j = lab.index(label, i + 1) if lab.count(label) > 1 else -1
            if j >= 0:
                t = torch.diagonal(t, 0, i, j)
                lab = [x for p, x in enumerate(lab) if p not in (i, j)] + [label]
                break
    return t, lab


def _letters_for(labels_list):
    mapping = {}
    for lab in labels_list:
        for label in lab:
            if label not in mapping:
                mapping[label] = _LETTERS[len(mapping)] if len(mapping) < len(_LETTERS) else None
    return mapping


def _mul_sum(tensors, labels_list, out):
    """Sum of products by broadcasting: integer einsums where torch has no int matmul."""
    order = list(dict.fromkeys(label for lab in labels_list for label in lab))
    pos = {label: i for i, label in enumerate(order)}
    prod = None
    for t, lab in zip(tensors, labels_list):
        perm = sorted(range(len(lab)), key=lambda i: pos[lab[i]])
        t = t.permute(perm)
        shape = [1] * len(order)
        for i in perm:
            shape[pos[lab[i]]] = t.shape[perm.index(i)]
        t = t.reshape(shape)
        prod = t if prod is None else prod * t
    summed = [pos[label] for label in order if label not in out]
    if summed:
        prod = prod.sum(dim=summed)
    kept = [label for label in order if label in out]
    return prod.permute([kept.index(label) for label in out]) if out else prod.reshape(())


def _contract(tensors, labels_list, out):
    """One contraction step: tensors with unique labels -> tensor labelled ``out``."""
    if len(tensors) == 1:
        t, lab = tensors[0], labels_list[0]
        summed = [i for i, label in enumerate(lab) if label not in out]
        if summed:
            t = t.sum(dim=summed)
            lab = [label for label in lab if label in out]
        return t.permute([lab.index(label) for label in out])
    mapping = _letters_for(labels_list)
    integer = not (tensors[0].is_floating_point() or tensors[0].is_complex())
    if None in mapping.values() or (integer and tensors[0].device.type != "cpu"):
        return _mul_sum(tensors, labels_list, out)
    eq = ",".join("".join(mapping[x] for x in lab) for lab in labels_list)
    eq += "->" + "".join(mapping[x] for x in out)
    return torch.einsum(eq, *tensors)


def _run_path(tensors, labels_list, out, path):
    tensors = list(tensors)
    labels_list = [list(lab) for lab in labels_list]
    for step in path:
        picked = sorted(step, reverse=True)
        ts = [tensors.pop(i) for i in picked]
        ls = [labels_list.pop(i) for i in picked]
        needed = set(out).union(*map(set, labels_list)) if labels_list else set(out)
        if labels_list:
            new = list(dict.fromkeys(x for lab in ls for x in lab if x in needed))
        else:
            new = list(out)
        tensors.append(_contract(ts, ls, new))
        labels_list.append(new)
    return tensors[0]


# -- public functions ------------------------------------------------------------------

def _compute_torch_dtype(d):
    if d.kind in "biu":
        return torch.int64, D.int64
    if d is D.float16:
        return torch.float32, D.float32
    return d._torch, d


def _blas_final_step(optimize, path, spec):
    """NumPy's optimized einsum does a final two-operand BLAS contraction with
    tensordot and assigns it into ``out`` unsafely; the plain einsum checks
    ``casting``.  Mirror that so code written against NumPy keeps working."""
    if optimize is False or optimize is None or len(path) != 1 or len(path[0]) != 2:
        return False
    a, b = spec.labels
    if len(set(a)) != len(a) or len(set(b)) != len(b):
        return False
    summed = (set(a) | set(b)) - set(spec.out)
    return bool(summed) and summed <= (set(a) & set(b))


def _layout(t, order, arrays):
    o = order.upper()
    if o == "A":
        fortran = bool(arrays) and all(a.flags.f_contiguous and not a.flags.c_contiguous
                                        for a in arrays if a.ndim > 1) and any(a.ndim > 1 for a in arrays)
        o = "F" if fortran else "C"
    if o == "C":
        return t.contiguous()
    if o == "F" and t.ndim > 1:
        rev = list(range(t.ndim))[::-1]
        return t.permute(rev).contiguous().permute(rev)
    return t


def einsum(*operands, out=None, dtype=None, order="K", casting="safe", optimize=False):
    """``np.einsum``: Einstein summation over the operands' labelled axes."""
    if out is not None and not isinstance(out, ndarray):
        raise TypeError("einsum: 'out' must be an array")
    if not isinstance(order, str) or order.upper() not in ("C", "F", "A", "K"):
        raise ValueError(f"order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")
    if casting not in _CASTINGS:
        raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' "
                         f"(got {casting!r})")
    res_dtype = D.dtype(dtype) if dtype is not None else None
    ops, in_tokens, out_tokens = _split_operands(operands)
    arrays = [asarray(x) for x in ops]
    spec = _analyse(arrays, in_tokens, out_tokens)
    path = _path_for(optimize, spec, arrays)

    if res_dtype is None:
        res_dtype = D.result_type(*[a.dtype for a in arrays])
    else:
        for a in arrays:
            if not D.can_cast(a.dtype, res_dtype, casting):
                raise TypeError(f"Cannot cast array data from dtype('{a.dtype}') to "
                                f"dtype('{res_dtype}') according to the rule '{casting}'")
    out_shape = tuple(spec.sizes[x] for x in spec.out)
    if out is not None:
        if tuple(out.shape) != out_shape:
            raise ValueError(f"einsum: output array has shape {tuple(out.shape)}, the result has "
                             f"shape {out_shape}")
        if not D.can_cast(res_dtype, out.dtype, casting) and not _blas_final_step(optimize, path, spec):
            raise TypeError(f"Cannot cast einsum result from dtype('{res_dtype}') to "
                            f"dtype('{out.dtype}') according to the rule '{casting}'")

    prepared = []
    for a, lab in zip(arrays, spec.labels):
        t, lab = _diagonalize(a._t, lab)
        want = [spec.sizes[x] for x in lab]
        if list(t.shape) != want:
            t = t.expand(want)
        prepared.append((t, lab))

    # one operand, nothing summed, same dtype: NumPy returns a view
    if (len(arrays) == 1 and set(prepared[0][1]) == set(spec.out) and out is None
            and res_dtype == arrays[0].dtype and order.upper() == "K"):
        t, lab = prepared[0]
        return box(t.permute([lab.index(x) for x in spec.out]), arrays[0].dtype)

    if res_dtype._pooled and res_dtype.kind != "O":
        from ._casting import refuse_object
        refuse_object("np.einsum", res_dtype)
    if res_dtype.kind == "m":
        raise TypeError("invalid data type for einsum")
    if res_dtype.kind == "O":
        from ._object import einsum as object_einsum
        result = object_einsum([(_wrap(t, a.dtype), lab) for (t, lab), a in zip(prepared, arrays)],
                               spec.out, spec.sizes)
        if out is not None:
            if READONLY:
                check_writeable(out)
            out._t.copy_(cast(result._t, result.dtype, out.dtype))
            return out
        return box(result._t, result.dtype)

    tdtype, compute = _compute_torch_dtype(res_dtype)
    tensors = []
    for (t, lab), a in zip(prepared, arrays):
        t = cast(t, a.dtype, res_dtype)
        tensors.append(t if t.dtype == tdtype else t.to(tdtype))
    labels_list = [lab for _, lab in prepared]
    result = _run_path(tensors, labels_list, spec.out, path)
    result = cast(result, compute, res_dtype)
    if out is not None:
        if READONLY:
            check_writeable(out)
        out._t.copy_(cast(result, res_dtype, out.dtype))
        return out
    return box(_layout(result, order, arrays), res_dtype)


# -- contraction paths (NumPy's cost model) ------------------------------------------------

def _size(labels, sizes):
    return math.prod(sizes[x] for x in labels)


def _flops(labels, inner, n_terms, sizes):
    factor = max(1, n_terms - 1) + (1 if inner else 0)
    return _size(labels, sizes) * factor


def _merge(positions, sets, out_set):
    """Contract the sets at ``positions``: (kept labels, remaining sets with the new
    one last, labels summed away, all labels involved)."""
    involved = set()
    keep = set(out_set)
    rest = []
    for i, s in enumerate(sets):
        if i in positions:
            involved |= s
        else:
            rest.append(s)
            keep |= s
    new = keep & involved
    return new, rest + [new], involved - new, involved


def _greedy(sets, out_set, sizes, limit):
    n = len(sets)
    if n == 1:
        return [(0,)]
    if n == 2:
        return [(0, 1)]
    _, _, removed, involved = _merge(range(n), sets, out_set)
    naive = _flops(involved, removed, n, sizes)
    path, spent, known = [], 0, []

    def candidate(pos):
        new, rest, removed, involved = _merge(pos, sets, out_set)
        new_size = _size(new, sizes)
        if new_size > limit:
            return None
        freed = sum(_size(sets[p], sizes) for p in pos) - new_size
        cost = _flops(involved, removed, len(pos), sizes)
        if spent + cost > naive:
            return None
        return ((-freed, cost), pos, rest)

    pairs = itertools.combinations(range(n), 2)
    for _ in range(n - 1):
        for pos in pairs:
            if sets[pos[0]].isdisjoint(sets[pos[1]]):
                continue  # outer products only when nothing else is left
            c = candidate(pos)
            if c is not None:
                known.append(c)
        if not known:
            known = [c for c in map(candidate, itertools.combinations(range(len(sets)), 2))
                     if c is not None]
            if not known:
                path.append(tuple(range(len(sets))))
                break
        best = min(known, key=lambda c: c[0])
        bx, by = best[1]
        carried = []
        for key, (x, y), rest in known:
            if x in best[1] or y in best[1]:
                continue
            rest = list(rest)
            del rest[by - (by > x) - (by > y)]
            del rest[bx - (bx > x) - (bx > y)]
            rest.insert(-1, best[2][-1])
            carried.append((key, (x - (x > bx) - (x > by), y - (y > bx) - (y > by)), rest))
        known = carried
        sets = best[2]
        last = len(sets) - 1
        pairs = ((i, last) for i in range(last))
        path.append(best[1])
        spent += best[0][1]
    return path


def _optimal(sets, out_set, sizes, limit):
    n = len(sets)
    frontier = [(0, [], sets)]
    for it in range(n - 1):
        grown = []
        for cost, steps, current in frontier:
            for pos in itertools.combinations(range(n - it), 2):
                new, rest, removed, involved = _merge(pos, current, out_set)
                if _size(new, sizes) > limit:
                    continue
                grown.append((cost + _flops(involved, removed, 2, sizes), steps + [pos], rest))
        if not grown:
            best = min(frontier, key=lambda r: r[0])[1]
            return best + [tuple(range(n - it))]
        frontier = grown
    if not frontier:
        return [tuple(range(n))]
    return min(frontier, key=lambda r: r[0])[1]


def _plan(optimize, spec):
    """(path, memory limit or None) for an ``optimize=`` value."""
    if optimize is True:
        optimize = "greedy"
    if optimize is None:
        optimize = False
    limit = None
    if optimize is False or isinstance(optimize, str):
        kind = optimize
    elif len(optimize) and isinstance(optimize[0], str) and optimize[0] == "einsum_path":
        return [tuple(step) for step in optimize[1:]], None
    elif (len(optimize) == 2 and isinstance(optimize[0], str)
          and isinstance(optimize[1], (int, float))):
        kind, limit = optimize[0], int(optimize[1])
    else:
        raise TypeError(f"Did not understand the path: {optimize}")
    sets = [set(lab) for lab in spec.labels]
    out_set = set(spec.out)
    every = set().union(*sets)
    if limit is None:
        limit = max(_size(s, spec.sizes) for s in sets + [out_set])
    n = len(sets)
    if kind is False or n in (1, 2) or every == out_set:
        return [tuple(range(n))], limit
    if kind == "greedy":
        return _greedy(sets, out_set, spec.sizes, limit), limit
    if kind == "optimal":
        return _optimal(sets, out_set, spec.sizes, limit), limit
    raise KeyError(f"Path name {kind} not found")


def _check_path(path, n):
    count = n
    for step in path:
        if not step or any(not 0 <= i < count for i in step) or len(set(step)) != len(step):
            raise RuntimeError(f"Invalid einsum_path step {step} with {count} operands left")
        count -= len(step) - 1
    if count != 1:
        raise RuntimeError(f"Invalid einsum_path is specified: {count - 1} more operands has to "
                           "be contracted.")


def _path_for(optimize, spec, arrays):
    path, _ = _plan(optimize, spec)
    _check_path(path, len(arrays))
    return path


def _label_text(spec):
    """Letters for the report: ellipsis dimensions get letters not used elsewhere."""
    used = {x for lab in spec.labels for x in lab if isinstance(x, str)}
    spare = iter(c for c in _LETTERS if c not in used)
    names = {}
    for lab in spec.labels + [spec.out]:
        for x in lab:
            if x not in names:
                names[x] = x if isinstance(x, str) else next(spare, "?")
    return names


def einsum_path(*operands, optimize="greedy", einsum_call=False):
    """``np.einsum_path``: the contraction order einsum would use, and a report."""
    ops, in_tokens, out_tokens = _split_operands(operands)
    arrays = [asarray(x) for x in ops]
    spec = _analyse(arrays, in_tokens, out_tokens)
    path, limit = _plan(optimize, spec)
    _check_path(path, len(arrays))

    names = _label_text(spec)
    text = lambda lab: "".join(names[x] for x in lab)  # noqa: E731
    sizes = spec.sizes
    sets = [set(lab) for lab in spec.labels]
    out_set = set(spec.out)
    every = set().union(*sets) if sets else set()
    terms = [text(lab) for lab in spec.labels]
    out_text = text(spec.out)
    naive = _flops(every, every - out_set, len(sets), sizes)

    lines, total, largest, scale = [], 0, 0, 0
    current_sets, current_terms = list(sets), list(terms)
    for step in path:
        picked = sorted(step, reverse=True)
        new, rest, removed, involved = _merge(step, current_sets, out_set)
        cost = _flops(involved, removed, len(step), sizes)
        total += cost
        largest = max(largest, _size(new, sizes))
        scale = max(scale, len(involved))
        taken = [current_terms.pop(i) for i in picked]
        for i in picked:
            current_sets.pop(i)
        if len(current_sets) == 0:
            new_term = out_text
        else:
            new_term = "".join(sorted((names[x] for x in new)))
        current_sets.append(new)
        current_terms.append(new_term)
        einsum_str = ",".join(taken) + "->" + new_term
        remaining = ",".join(current_terms) + "->" + out_text
        lines.append("\n%4d    %24s %40s" % (len(involved), einsum_str, remaining))
    header = (f"  Complete contraction:  {','.join(terms)}->{out_text}\n"
              f"         Naive scaling:  {len(every)}\n"
              f"     Optimized scaling:  {scale}\n"
              f"      Naive FLOP count:  {naive:.3e}\n"
              f"  Optimized FLOP count:  {total:.3e}\n"
              f"   Theoretical speedup:  {naive / max(total, 1):.3f}\n"
              f"  Largest intermediate:  {float(largest):.3e} elements\n"
              + "-" * 74 + "\n"
              + "%6s %24s %40s\n" % ("scaling", "current", "remaining")
              + "-" * 74)
    return ["einsum_path"] + list(path), header + "".join(lines)

