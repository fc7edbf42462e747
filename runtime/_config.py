"""Runtime-wide settings: where new arrays are created.

The default device comes from, in order: ``set_default_device``/the
``default_device`` context manager, the ``NP2TORCH_DEVICE`` environment
variable, then torch's own default device.
"""

import contextlib
import os

import torch

__all__ = ["set_default_device", "get_default_device", "default_device"]

_state = {"device": None}
_env = os.environ.get("NP2TORCH_DEVICE")
if _env:
    _state["device"] = torch.device(_env)


def current_device():
    """The device new arrays go to, or None for torch's default."""
    return _state["device"]


def set_default_device(device):
    """Create new arrays on ``device`` from now on (None: torch's default)."""
    _state["device"] = None if device is None else torch.device(device)


def get_default_device():
    dev = _state["device"]
    return dev if dev is not None else torch.empty(0).device


@contextlib.contextmanager
def default_device(device):
    """Within the block, new arrays are created on ``device``."""
    old = _state["device"]
    set_default_device(device)
    try:
        yield
    finally:
        _state["device"] = old
