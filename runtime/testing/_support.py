"""``numpy.testing``'s support tools: exceptions and warnings checks, temporary
files, platform flags, garbage-collection checks and timing helpers."""

import contextlib
import functools
import gc
import os
import platform
import pprint
import re
import shutil
import sys
import sysconfig
import tempfile
import unittest
import warnings
from unittest.case import SkipTest

__all__ = [
    "assert_raises", "assert_raises_regex", "assert_warns", "assert_no_warnings",
    "suppress_warnings", "clear_and_catch_warnings", "assert_no_gc_cycles", "break_cycles",
    "tempdir", "temppath", "KnownFailureException", "SkipTest", "IgnoreException",
    "decorate_methods", "measure", "rundocs", "runstring", "jiffies", "memusage", "verbose",
    "IS_PYPY", "HAS_REFCOUNT", "IS_WASM", "IS_64BIT", "IS_PYSTON", "IS_MUSL", "NOGIL_BUILD",
    "HAS_LAPACK64", "BLAS_SUPPORTS_FPE", "IS_EDITABLE", "IS_INSTALLED", "NUMPY_ROOT",
    "check_support_sve", "run_threaded", "TestCase",
]

verbose = 0
IS_WASM = platform.machine() in ("wasm32", "wasm64")
IS_PYPY = sys.implementation.name == "pypy"
IS_PYSTON = hasattr(sys, "pyston_version_info")
HAS_REFCOUNT = getattr(sys, "getrefcount", None) is not None and not IS_PYSTON
IS_64BIT = sys.maxsize > 2 ** 32
IS_MUSL = "musl" in (sysconfig.get_config_var("HOST_GNU_TYPE") or "")
NOGIL_BUILD = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
# Facts about a NumPy build; np2torch has no BLAS/LAPACK build of its own.
HAS_LAPACK64 = False
BLAS_SUPPORTS_FPE = True
IS_EDITABLE = False
IS_INSTALLED = True
NUMPY_ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
TestCase = unittest.TestCase

_DEPRECATED = ("NumPy warning suppression and assertion utilities are deprecated. "
               "Use warnings.catch_warnings, warnings.filterwarnings, pytest.warns, "
               "or pytest.filterwarnings instead. (Deprecated NumPy 2.4)")


class KnownFailureException(Exception):
    """Raise this exception to mark a test as a known failing test."""


KnownFailureTest = KnownFailureException


class IgnoreException(Exception):
    """Ignoring this exception due to disabled feature."""


class _Checker(unittest.TestCase):
    def nop(self):
        pass


_checker = _Checker("nop")


def assert_raises(*args, **kwargs):
    """``assert_raises(exc, func, *args)`` or ``with assert_raises(exc):``."""
    __tracebackhide__ = True
    return _checker.assertRaises(*args, **kwargs)


def assert_raises_regex(exception_class, expected_regexp, *args, **kwargs):
    __tracebackhide__ = True
    return _checker.assertRaisesRegex(exception_class, expected_regexp, *args, **kwargs)


# -- warnings ---------------------------------------------------------------------

class suppress_warnings:
    """Context manager and decorator that filters or records warnings, and
    forwards the rest once per ``forwarding_rule`` (NumPy's semantics)."""

    def __init__(self, forwarding_rule="always", _warn=True):
        if _warn:
            warnings.warn(_DEPRECATED, DeprecationWarning, stacklevel=2)
        if forwarding_rule not in ("always", "module", "once", "location"):
            raise ValueError("unsupported forwarding rule.")
        self._entered = False
        self._suppressions = []
        self._forwarding_rule = forwarding_rule

    def _add(self, category, message, module, record):
        log = [] if record else None
        entry = (category, message, re.compile(message, re.I), module, log)
        if self._entered:
            self._install(category, message, module)
            self._tmp_suppressions.append(entry)
        else:
            self._suppressions.append(entry)
        return log

    def _install(self, category, message, module):
        if module is None:
            warnings.filterwarnings("always", category=category, message=message)
        else:
            warnings.filterwarnings("always", category=category, message=message,
                                    module=module.__name__.replace(".", r"\.") + "$")
        if hasattr(warnings, "_filters_mutated"):
            warnings._filters_mutated()

    def filter(self, category=Warning, message="", module=None):
        self._add(category, message, module, False)

    def record(self, category=Warning, message="", module=None):
        return self._add(category, message, module, True)

    def __enter__(self):
        if self._entered:
            raise RuntimeError("cannot enter suppress_warnings twice.")
        self._orig_show = warnings.showwarning
        self._filters = warnings.filters
        warnings.filters = self._filters[:]
        self._entered = True
        self._tmp_suppressions = []
        self._forwarded = set()
        self.log = []
        for category, message, _, module, log in self._suppressions:
            if log is not None:
                del log[:]
            self._install(category, message, module)
        warnings.showwarning = self._showwarning
        if hasattr(warnings, "_filters_mutated"):
            warnings._filters_mutated()
        return self

    def __exit__(self, *exc_info):
        warnings.showwarning = self._orig_show
        warnings.filters = self._filters
        if hasattr(warnings, "_filters_mutated"):
            warnings._filters_mutated()
        self._entered = False
        del self._orig_show
        del self._filters

    def _showwarning(self, message, category, filename, lineno, *args, **kwargs):
        for cat, _, pattern, module, log in (self._suppressions + self._tmp_suppressions)[::-1]:
            if not (issubclass(category, cat) and pattern.match(str(message.args[0]) if message.args else "")):
                continue
            if module is not None and not module.__file__.startswith(filename):
                continue
            if log is not None:
                entry = warnings.WarningMessage(message, category, filename, lineno, **kwargs)
                self.log.append(entry)
                log.append(entry)
            return
        rule = self._forwarding_rule
        if rule != "always":
            key = {"once": (message.args, category),
                   "module": (message.args, category, filename),
                   "location": (message.args, category, filename, lineno)}[rule]
            if key in self._forwarded:
                return
            self._forwarded.add(key)
        self._orig_show(message, category, filename, lineno, *args, **kwargs)

    def __call__(self, func):
        @functools.wraps(func)
        def wrapped(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapped


@contextlib.contextmanager
def _warns_context(warning_class, name=None):
    __tracebackhide__ = True
    with suppress_warnings(_warn=False) as sup:
        log = sup.record(warning_class)
        yield
        if not log:
            raise AssertionError("No warning raised" + (f" when calling {name}" if name else ""))


def assert_warns(warning_class, *args, **kwargs):
    """Fail unless calling ``func`` (or the ``with`` block) warns ``warning_class``."""
    warnings.warn(_DEPRECATED, DeprecationWarning, stacklevel=2)
    if not args and not kwargs:
        return _warns_context(warning_class)
    if not args:
        if "match" in kwargs:
            raise RuntimeError("assert_warns does not use 'match' kwarg, use pytest.warns instead")
        raise RuntimeError("assert_warns(...) needs at least one arg")
    func, args = args[0], args[1:]
    with _warns_context(warning_class, name=func.__name__):
        return func(*args, **kwargs)


@contextlib.contextmanager
def _no_warnings_context(name=None):
    __tracebackhide__ = True
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        yield
        if log:
            raise AssertionError(f"Got warnings{f' when calling {name}' if name else ''}: {log}")


def assert_no_warnings(*args, **kwargs):
    """Fail if calling ``func`` (or the ``with`` block) warns."""
    if not args:
        return _no_warnings_context()
    func, args = args[0], args[1:]
    with _no_warnings_context(name=func.__name__):
        return func(*args, **kwargs)


class clear_and_catch_warnings(warnings.catch_warnings):
    """``catch_warnings`` that also resets the given modules' warning registries."""

    class_modules = ()

    def __init__(self, record=False, modules=()):
        self.modules = set(modules).union(self.class_modules)
        self._saved = {}
        super().__init__(record=record)

    def __enter__(self):
        for mod in self.modules:
            registry = getattr(mod, "__warningregistry__", None)
            if registry is not None:
                self._saved[mod] = registry.copy()
                registry.clear()
        return super().__enter__()

    def __exit__(self, *exc_info):
        super().__exit__(*exc_info)
        for mod in self.modules:
            if hasattr(mod, "__warningregistry__"):
                mod.__warningregistry__.clear()
            if mod in self._saved:
                mod.__warningregistry__.update(self._saved[mod])


# -- garbage collection -------------------------------------------------------------

@contextlib.contextmanager
def _no_gc_cycles_context(name=None):
    __tracebackhide__ = True
    if not HAS_REFCOUNT:
        yield
        return
    if not gc.isenabled():
        raise AssertionError("")
    gc.disable()
    debug = gc.get_debug()
    try:
        for _ in range(100):
            if gc.collect() == 0:
                break
        else:
            raise RuntimeError("Unable to fully collect garbage - perhaps a __del__ method "
                               "is creating more reference cycles?")
        gc.set_debug(gc.DEBUG_SAVEALL)
        yield
        n_found = gc.collect()
        found = gc.garbage[:]
    finally:
        del gc.garbage[:]
        gc.set_debug(debug)
        gc.enable()
    if n_found:
        shown = "".join(
            "\n  {} object with id={}:\n    {}".format(
                type(o).__name__, id(o), pprint.pformat(o).replace("\n", "\n    "))
            for o in found)
        raise AssertionError(
            "Reference cycles were found{}: {} objects were collected, of which {} are "
            "shown below:{}".format(f" when calling {name}" if name else "", n_found,
                                    len(found), shown))


def assert_no_gc_cycles(*args, **kwargs):
    """Fail if the call (or ``with`` block) leaves reference cycles for the collector."""
    if not args:
        return _no_gc_cycles_context()
    func, args = args[0], args[1:]
    with _no_gc_cycles_context(name=func.__name__):
        func(*args, **kwargs)


def break_cycles():
    """Collect garbage (several passes on PyPy, where finalizers lag)."""
    gc.collect()
    if IS_PYPY:
        for _ in range(4):
            gc.collect()


# -- files, timing, misc ------------------------------------------------------------

@contextlib.contextmanager
def tempdir(*args, **kwargs):
    """A temporary directory, removed afterwards (arguments as ``tempfile.mkdtemp``)."""
    path = tempfile.mkdtemp(*args, **kwargs)
    try:
        yield path
    finally:
        shutil.rmtree(path)


@contextlib.contextmanager
def temppath(*args, **kwargs):
    """A closed temporary file's path, removed afterwards (arguments as ``mkstemp``)."""
    fd, path = tempfile.mkstemp(*args, **kwargs)
    os.close(fd)
    try:
        yield path
    finally:
        os.remove(path)


def _proc_stat_field(index, path=None):
    with open(path or f"/proc/{os.getpid()}/stat") as f:
        return int(f.readline().split(" ")[index])


def jiffies(_proc_pid_stat=None, _load_time=[]):
    """CPU time of this process in hundredths of a second."""
    import time
    if not _load_time:
        _load_time.append(time.time())
    try:
        return _proc_stat_field(13, _proc_pid_stat)
    except Exception:
        return int(100 * (time.time() - _load_time[0]))


def memusage(_proc_pid_stat=None):
    """Virtual memory size of this process in bytes (None where unknown)."""
    try:
        return _proc_stat_field(22, _proc_pid_stat)
    except Exception:
        return None


def measure(code_str, times=1, label=None):
    """Seconds taken to exec ``code_str`` ``times`` times in the caller's namespace."""
    frame = sys._getframe(1)
    code = compile(code_str, f"Test name: {label} ", "exec")
    start = jiffies()
    for _ in range(times):
        exec(code, frame.f_globals, frame.f_locals)
    return 0.01 * (jiffies() - start)


def runstring(astr, dict):
    exec(astr, dict)


def rundocs(filename=None, raise_on_error=True):
    raise NotImplementedError("np.testing.rundocs is not supported by np2torch "
                              "(it needs numpy.distutils); run doctest directly")


def decorate_methods(cls, decorator, testmatch=None):
    """Apply ``decorator`` to every test method of ``cls`` whose name matches."""
    import inspect
    if testmatch is None:
        testmatch = re.compile(r"(?:^|[\\b_\\.%s-])[Tt]est" % os.sep)
    else:
        testmatch = re.compile(testmatch)
    for function in [m for m in cls.__dict__.values() if inspect.isfunction(m)]:
        name = getattr(function, "compat_func_name", function.__name__)
        if testmatch.search(name) and not name.startswith("_"):
            setattr(cls, name, decorator(function))


def check_support_sve(__cache=[]):
    return False


def run_threaded(func, max_workers=8, pass_count=False, pass_barrier=False,
                 outer_iterations=1, prepare_args=None):
    """Run ``func`` in ``max_workers`` threads at once, ``outer_iterations`` times."""
    import concurrent.futures
    import threading
    for _ in range(outer_iterations):
        with concurrent.futures.ThreadPoolExecutor(max_workers=max_workers) as pool:
            args = [] if prepare_args is None else prepare_args()
            if pass_barrier:
                args.append(threading.Barrier(max_workers))
            calls = [(func, i, *args) if pass_count else (func, *args) for i in range(max_workers)]
            futures = [pool.submit(*call) for call in calls]
            for f in futures:
                f.result()
