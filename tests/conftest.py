"""Suite-wide settings.

Hypothesis runs derandomized by default so that a CI run is reproducible:
the same examples every time.  `HYPOTHESIS_PROFILE=explore make test`
draws fresh random examples to hunt for new failures.
"""

import os

from hypothesis import settings

settings.register_profile("default-ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default-ci"))
