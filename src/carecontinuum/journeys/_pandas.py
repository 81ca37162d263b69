"""numpy and pandas for the population analytics, or a clear ``MissingExtraError``."""

from __future__ import annotations

from ..errors import MissingExtraError

try:
    import numpy as np
    import pandas as pd
except ImportError as _err:  # pragma: no cover - exercised without the extra installed
    raise MissingExtraError("pandas", "dataframe", "carecontinuum.journeys.population") from _err

__all__ = ["np", "pd"]
