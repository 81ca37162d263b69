"""TEDS-D discharges: read SAMHSA's Treatment Episode Data Set – Discharges, and analyse them.

A TEDS-D row is one **discharge**, not a person: the file has no person id and
no dates, only the year of discharge (``DISYR``) and the length of stay as a
code (``LOS``) [TEDS-D-CB].  So this package never chains rows into journeys
and never makes up dates.  It reads a year's CSV (codes or labels, either
layout, whole or in chunks) into a typed frame whose levels come from the
TEDS → continuum crosswalk, with approximate matches marked, and computes the
episode analytics by level, state and year: completion rates, discharge
reasons, setting changes and lengths of stay over the codebook's LOS bands.
The analytics also take a dask DataFrame.  :func:`write_discharges` goes the
other way, from dated placements to TEDS-D-shaped rows.

Reading needs the ``dataframe`` extra (pandas, numpy); the ``arrow`` extra
(pyarrow) makes it about three times faster, and the ``dask`` extra runs the
analytics on a cluster.  The codebook tables (:data:`LOS_CODES`,
:data:`SERVICE_SETTINGS`, :data:`DISCHARGE_REASONS`, :func:`value_labels`)
need nothing.

Examples
--------
>>> from carecontinuum import teds
>>> raw = teds.synthetic_discharges(1000, seed=1)          # SYNTHETIC rows
>>> df = teds.read_discharges(raw)
>>> table = teds.completion_rates(df)
>>> list(table.index)
['outpatient', 'intensive_outpatient', 'residential', 'inpatient_acute', '(no level)']
>>> table.loc[["outpatient", "(no level)"], ["discharges", "completed", "match"]]
            discharges  completed  match
level
outpatient         521        233  exact
(no level)           3          2   none
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._codebook import (
    AMBULATORY_SETTINGS,
    CODEBOOK_YEARS,
    COLUMNS_2015_2016,
    COLUMNS_2017,
    DISCHARGE_REASONS,
    LOS_CODES,
    MISSING,
    SERVICE_SETTINGS,
    CodedValue,
    Layout,
    LosCode,
    layout_columns,
    los_code,
)
from ._errors import TedsError, TedsFormatError, TedsFrameError, TedsValueError, TedsWriteError
from ._values import frequencies, value_labels

__all__ = [
    "AMBULATORY_SETTINGS",
    "CODEBOOK_YEARS",
    "COLUMNS_2015_2016",
    "COLUMNS_2017",
    "DISCHARGE_REASONS",
    "LOS_CODES",
    "MISSING",
    "SERVICE_SETTINGS",
    "CodedValue",
    "Layout",
    "LosCode",
    "TedsError",
    "TedsFormatError",
    "TedsFrameError",
    "TedsValueError",
    "TedsWriteError",
    "completion_rates",
    "frequencies",
    "layout_columns",
    "los_bands",
    "los_code",
    "read_discharges",
    "reason_distribution",
    "setting_changes",
    "synthetic_discharges",
    "value_labels",
    "write_discharges",
]

# name -> module defining it: these need pandas, so they load on first use
_LAZY = {
    "read_discharges": "._read",
    "write_discharges": "._write",
    "synthetic_discharges": "._synthetic",
    "completion_rates": "._analytics",
    "reason_distribution": "._analytics",
    "setting_changes": "._analytics",
    "los_bands": "._los",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from ._analytics import completion_rates, reason_distribution, setting_changes
    from ._los import los_bands
    from ._read import read_discharges
    from ._synthetic import synthetic_discharges
    from ._write import write_discharges
