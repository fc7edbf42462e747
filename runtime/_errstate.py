"""Floating-point error handling: ``errstate``, ``seterr``, ``geterr``.

Operations report the conditions NumPy reports (divide by zero, overflow,
invalid value, underflow) through ``report``, which warns, raises
``FloatingPointError``, calls the ``seterrcall`` handler or ignores them
according to the current settings.  The settings live in a context variable
so threads and async tasks each see their own, as in NumPy.
"""

import contextvars
import warnings

import torch

_is_compiling = torch.compiler.is_compiling

__all__ = ["errstate", "seterr", "geterr", "seterrcall", "geterrcall"]

_KINDS = ("divide", "over", "under", "invalid")
_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
_settings = contextvars.ContextVar("np2torch_errstate", default=_DEFAULT)
_call = contextvars.ContextVar("np2torch_errcall", default=None)
# the ufunc method running ("reduce", "accumulate", "reduceat"): NumPy names it,
# not the ufunc, in the message ("divide by zero encountered in reduce")
_method = contextvars.ContextVar("np2torch_errmethod", default=None)


class in_method:
    """Context manager: conditions reported inside name the ufunc method."""

    __slots__ = ("_name", "_token")

    def __init__(self, name):
        self._name = name

    def __enter__(self):
        # the outermost method names it (reduceat runs reduce)
        self._token = _method.set(self._name) if _method.get() is None else None

    def __exit__(self, *exc):
        if self._token is not None:
            _method.reset(self._token)


def geterr():
    return dict(_settings.get())


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    old = geterr()
    new = dict(old)
    for kind, mode in (("divide", divide), ("over", over), ("under", under), ("invalid", invalid)):
        chosen = mode if mode is not None else all
        if chosen is not None:
            if chosen not in _MODES:
                raise ValueError(f"Invalid mode {chosen!r} for {kind}")
            new[kind] = chosen
    _settings.set(new)
    return old


def geterrcall():
    return _call.get()


def seterrcall(func):
    if func is not None and not callable(func) and not hasattr(func, "write"):
        raise ValueError("Only callable can be used as callback")
    old = _call.get()
    _call.set(func)
    return old


def mode_of(kind):
    return _settings.get()[kind]


def active():
    """True unless every condition is ignored (lets callers skip checks).

    Under torch.compile the checks are off: they read values back from the
    device, which would break the graph at every operation."""
    if _is_compiling():
        return False
    s = _settings.get()
    return s is not _IGNORE_ALL and any(m != "ignore" for m in s.values())


_IGNORE_ALL = {k: "ignore" for k in _KINDS}


def report(kind, message, stacklevel=3):
    mode = _settings.get()[kind]
    if mode == "ignore":
        return
    method = _method.get()
    if method is not None:
        message = message[:message.rfind(" in ") + 4] + method
    if mode == "warn":
        warnings.warn(message, RuntimeWarning, stacklevel=stacklevel)
    elif mode == "raise":
        raise FloatingPointError(message)
    elif mode in ("call", "log"):
        handler = _call.get()
        if handler is None:
            raise ValueError(f"No callable set for {kind}")
        if callable(handler):
            handler(message.split(" encountered")[0], 0)
        else:
            handler.write(f"Warning: {message}\n")
    elif mode == "print":
        print(f"Warning: {message}")


def deprecation(message, stacklevel=3):
    warnings.warn(message, DeprecationWarning, stacklevel=stacklevel)


class errstate:
    """Context manager (and decorator) setting floating-point error handling."""

    _UNSET = object()

    def __init__(self, *, call=_UNSET, all=None, divide=None, over=None, under=None, invalid=None):
        self._call = call
        self._kwargs = dict(all=all, divide=divide, over=over, under=under, invalid=invalid)
        self._tokens = []
        self._entered = False

    def __enter__(self):
        if self._entered:
            raise TypeError("Cannot enter `np.errstate` twice.")
        self._entered = True
        old = geterr()
        seterr(**self._kwargs)
        self._tokens.append((old, _call.get()))
        if self._call is not errstate._UNSET:
            _call.set(self._call)  # call=None clears the handler, as in NumPy
        return self

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def inner(*args, **kwargs):
            with errstate(call=self._call, **self._kwargs):
                return func(*args, **kwargs)
        return inner

    def __exit__(self, *exc):
        old, old_call = self._tokens.pop()
        _settings.set(old)
        _call.set(old_call)
        return False
