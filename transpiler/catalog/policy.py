"""Hand-written catalog policy: what np2torch will not do, and what it does
only approximately.  Tiers of everything else follow from the generated data
(numpy_names.py: what NumPy has; runtime_names.py: what the runtime has).

Keys are dotted NumPy names; a key also covers every name below it
(`numpy.ma` covers `numpy.ma.masked_array`).
"""

# name -> (finding code, reason shown to the user)
UNSUPPORTED = {
    "numpy.ma": ("NP2T101", "masked arrays have no torch equivalent with NumPy's semantics; use a boolean mask array"),
    "numpy.char": ("NP2T101", "string arrays have no torch dtype; keep text in Python lists"),
    "numpy.strings": ("NP2T101", "string arrays have no torch dtype; keep text in Python lists"),
    "numpy.dtypes.StringDType": ("NP2T101", "string arrays have no torch dtype"),
    "numpy.ctypeslib": ("NP2T101", "ctypes pointers into array memory are not available for torch storage"),
    "numpy.f2py": ("NP2T101", "Fortran extension wrappers compile against NumPy's C-API"),
    "numpy.get_include": ("NP2T101", "C extensions built against NumPy's C-API cannot take torch-backed arrays"),
    "numpy.memmap": ("NP2T101", "memory-mapped arrays are not supported; load the data and convert it"),
    "numpy.nditer": ("NP2T101", "NumPy's C-level iterator has no torch equivalent; use vectorised operations"),
    "numpy.nested_iters": ("NP2T101", "NumPy's C-level iterator has no torch equivalent"),
    "numpy.matrix": ("NP2T101", "the matrix class is deprecated in NumPy; use 2-D arrays and @"),
    "numpy.asmatrix": ("NP2T101", "the matrix class is deprecated in NumPy; use 2-D arrays and @"),
    "numpy.bmat": ("NP2T101", "the matrix class is deprecated in NumPy; use numpy.block"),
    "numpy.matlib": ("NP2T101", "numpy.matlib returns matrix objects; use 2-D arrays"),
    "numpy.datetime64": ("NP2T101", "datetime dtypes have no torch equivalent; store integer timestamps"),
    "numpy.datetime_as_string": ("NP2T101", "datetime dtypes have no torch equivalent"),
    "numpy.datetime_data": ("NP2T101", "datetime dtypes have no torch equivalent"),
    "numpy.busday_count": ("NP2T101", "business-day calendars need datetime dtypes"),
    "numpy.busday_offset": ("NP2T101", "business-day calendars need datetime dtypes"),
    "numpy.busdaycalendar": ("NP2T101", "business-day calendars need datetime dtypes"),
    "numpy.is_busday": ("NP2T101", "business-day calendars need datetime dtypes"),
    "numpy.float128": ("NP2T101", "torch has no extended-precision float; use float64"),
    "numpy.float96": ("NP2T101", "torch has no extended-precision float; use float64"),
    "numpy.complex256": ("NP2T101", "torch has no extended-precision complex; use complex128"),
    "numpy.complex192": ("NP2T101", "torch has no extended-precision complex; use complex128"),
    # Structured (record) dtypes.
    "numpy.rec": ("NP2T105", "record arrays need structured dtypes, which torch lacks; use one array per field"),
    "numpy.recarray": ("NP2T105", "record arrays need structured dtypes, which torch lacks; use one array per field"),
    "numpy.record": ("NP2T105", "record scalars need structured dtypes, which torch lacks"),
    "numpy.format_parser": ("NP2T105", "structured dtypes have no torch equivalent"),
    "numpy.void": ("NP2T105", "void (structured) dtypes have no torch equivalent"),
    "numpy.lib.recfunctions": ("NP2T105", "structured dtypes have no torch equivalent; use one array per field"),
    "numpy.dtypes.VoidDType": ("NP2T105", "void (structured) dtypes have no torch equivalent"),
}

# name -> why it is slow: the runtime has it, but it works on Python objects one
# element at a time on the CPU (tier "approximate", reported as the NP2T106 warning
# unless the user opts in to approximate names).
PYTHON_LOOPS: dict[str, str] = {
    "numpy.object_": "object arrays run element by element in Python on the CPU; prefer a numeric dtype",
    "numpy.frompyfunc": "frompyfunc makes object arrays, which run element by element in Python on the CPU",
}

# name -> the documented difference (reported as NP2T104 unless the user opts in).
# Only names the runtime provides belong here; the runtime team adds them.
APPROXIMATE: dict[str, str] = {
    "numpy.random.default_rng": (
        "Generator draws from its ziggurat samplers (standard_normal, normal, standard_exponential, "
        "and gamma, beta, chisquare, standard_t, wald built on them) agree with NumPy to about 1e-12 "
        "but are not bit-exact; hypergeometric uses the legacy algorithm. random, integers, uniform, "
        "choice, permutation, shuffle and the other samplers are bit-exact."),
    "numpy.random.Generator": (
        "see numpy.random.default_rng: ziggurat-based draws are close to NumPy's, not bit-exact"),
    "numpy.random.multivariate_normal": (
        "uses torch's SVD, so draws agree with NumPy's to rounding, not bit for bit"),
    "numpy.longdouble": (
        "double precision (dtype 'g' of 8 bytes, equal to float64), as NumPy on Windows and "
        "macOS/arm64; on 64-bit Linux NumPy's longdouble is 80-bit extended precision, and torch "
        "has no such float"),
    "numpy.clongdouble": (
        "complex128's precision (dtype 'G' of 16 bytes), like numpy.longdouble; torch has no "
        "extended-precision complex"),
}

# Torch idioms the converter rewrites (the "native" tier): torch name -> (emitted form, note).
NATIVE = {
    "torch.from_numpy": ("<runtime>.to_torch(a)", "zero-copy; keeps the array's device"),
    "torch.as_tensor": ("<runtime>.to_torch(a, dtype, device)", "torch.as_tensor semantics; zero-copy for runtime arrays"),
    "torch.tensor": ("<runtime>.to_torch(a).detach().clone()", "a copy, as torch.tensor makes; requires_grad kept"),
    "torch.Tensor.numpy": ("<runtime>.from_torch(t)", "zero-copy view of the tensor; keeps its device"),
    "torch.Tensor.cpu().numpy": ("<runtime>.from_torch(t)", "zero-copy, the device is kept (no copy to the CPU)"),
    "torch.Tensor.detach().cpu().numpy": ("<runtime>.from_torch(t.detach())", "zero-copy, no gradient, device kept"),
}

# Helpers the runtime adds for the torch bridge (not NumPy names); emitted by the bridge rule.
RUNTIME_HELPERS = {
    "numpy.to_torch": "np2torch.runtime.to_torch(obj, dtype=None, device=None): torch.as_tensor semantics, zero-copy for runtime arrays",
    "numpy.from_torch": "np2torch.runtime.from_torch(tensor): a runtime ndarray sharing the tensor's memory and device",
}

# Hidden compatibility packages: numpy.core.X and numpy._core.X name numpy.X.
COMPAT_PACKAGES = ("numpy.core", "numpy._core")
