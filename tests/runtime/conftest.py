"""Makes tests/runtime/helpers.py importable as ``helpers`` from any test here."""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
