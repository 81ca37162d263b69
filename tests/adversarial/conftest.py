"""Put this directory on ``sys.path`` so its test modules can ``import strategies``.

The suite imports test modules with ``--import-mode=importlib`` (they cannot
import each other); the shared Hypothesis strategies live in ``strategies.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
