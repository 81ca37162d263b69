"""numpy and pandas for the TEDS-D reader and analytics, or a clear ``MissingExtraError``."""

from __future__ import annotations

from ..errors import MissingExtraError

try:
    import numpy as np
    import pandas as pd
except ImportError as _err:  # pragma: no cover - exercised without the extra installed
    raise MissingExtraError("pandas", "dataframe", "carecontinuum.teds") from _err

__all__ = ["np", "pd"]
