"""SYNTHETIC TEDS-D discharge files, drawn from the codebook frequencies.

No real TEDS-D rows ship with the library.  :func:`synthetic_discharges` draws
each column *independently* from the frequencies of one codebook year
[TEDS-D-CB], so its marginals look like that year's, but any association
between columns (settings at admission and discharge, length of stay by
setting, completion by level) is absent: cross-tabulations of synthetic data
show the method, never a finding.
"""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Literal

from .._text import echo
from ._codebook import (
    CODEBOOK_YEARS,
    MISSING,
    Layout,
    layout_columns,
)
from ._errors import TedsValueError
from ._values import frequencies, has_values, value_labels

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["synthetic_discharges"]

Form = Literal["code", "label"]


def layout_of_year(year: int) -> Layout:
    """The layout SAMHSA used for discharge year *year* (2015 and 2016, or 2017 on)."""
    return "2015-2016" if year <= 2016 else "2017+"


def _check(n: object, seed: object, year: object, form: object) -> None:
    for name, value in (("n", n), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
            raise TedsValueError(f"{name}: must be a whole number ≥ 0, not {echo(value)}")
    if isinstance(year, bool) or year not in CODEBOOK_YEARS:
        years = ", ".join(map(str, CODEBOOK_YEARS))
        raise TedsValueError(f"year: {echo(year)} has no codebook here; use one of {years}")
    if form not in ("code", "label"):
        raise TedsValueError(f"form: {echo(form)} is not 'code' or 'label'")


def synthetic_discharges(
    n: int, *, year: int = 2019, form: Form = "code", seed: int = 0
) -> pd.DataFrame:
    """A SYNTHETIC TEDS-D year of *n* discharges, as SAMHSA's CSV would hold it.

    Every column is drawn independently from the *year* codebook's
    frequencies [TEDS-D-CB]; ``CASEID`` numbers the rows from 1 and ``DISYR``
    is *year*.  ``CBSA2010`` has no value table in the 2017–2019 codebooks and
    is ``-9`` throughout.  The layout is the year's: 2015 and 2016 have no
    ``SERVICES``, ``CBSA`` instead of ``CBSA2010``, and ``NUMSUBS``.

    Parameters
    ----------
    n:
        How many rows.
    year:
        A year in :data:`~carecontinuum.teds.CODEBOOK_YEARS`.
    form:
        ``"code"`` (integers) or ``"label"`` (the year codebook's label of each
        code, as the label-decoded files some years ship; columns without a
        value table keep their numbers, as text).
    seed:
        Seed of the random generator: the same seed gives the same rows.

    Returns
    -------
    pandas.DataFrame
        One row per discharge, the layout's 76 columns.
        ``attrs["synthetic"]`` is ``True`` and ``attrs["description"]`` says so.

    Raises
    ------
    carecontinuum.teds.TedsValueError
        For a negative or non-integer *n* or *seed*, a year without a
        codebook, or another *form*.

    Examples
    --------
    >>> from carecontinuum.teds import synthetic_discharges
    >>> df = synthetic_discharges(5, seed=1)
    >>> df.shape, df.attrs["synthetic"]
    ((5, 76), True)
    >>> synthetic_discharges(2, year=2016, form="label")["REASON"].isin(
    ...     ["TREATMENT COMPLETED", "DROPPED OUT OF TREATMENT", "TERMINATED BY FACILITY",
    ...      "TRANSFERRED TO ANOTHER TREATMENT PROGRAM OR FACILITY", "INCARCERATED",
    ...      "DEATH", "OTHER"]).all()
    np.True_
    """
    _check(n, seed, year, form)
    from ._pandas import np, pd

    rng = np.random.default_rng(int(seed))
    columns: dict[str, object] = {}
    for column in layout_columns(layout_of_year(year)):
        if column == "CASEID":
            values: object = np.arange(1, n + 1, dtype=np.int64)
        elif column == "DISYR":
            values = np.full(n, year, dtype=np.int16)
        elif not has_values(column, year):
            values = np.full(n, MISSING, dtype=np.int16)
        else:
            table = frequencies(column, year)
            codes = np.fromiter(table, dtype=np.int32)
            weights = np.fromiter(table.values(), dtype=np.float64)
            drawn = rng.choice(len(codes), size=n, p=weights / weights.sum())
            if form == "label":
                labels = list(value_labels(column, year).values())
                values = pd.Categorical.from_codes(drawn, categories=pd.Index(labels, dtype=object))
            else:
                values = codes[drawn].astype(np.int32 if codes.max() > 127 else np.int16)
        if form == "label" and isinstance(values, np.ndarray):
            values = values.astype(str).astype(object)
        columns[column] = values
    frame = pd.DataFrame(columns)
    frame.attrs.update(
        synthetic=True,
        seed=int(seed),
        description=(
            f"SYNTHETIC TEDS-D discharges: each column drawn independently from the {year} "
            "codebook's frequencies (carecontinuum.teds.synthetic_discharges); not real data, "
            "and no association between columns"
        ),
    )
    return frame
