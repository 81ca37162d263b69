"""A TEDS-D header: its columns by codebook name, the layout it follows, and their storage.

Column names are matched without regard to case or surrounding spaces (and a
UTF-8 byte-order mark), and reported in the codebook's upper-case spelling.
The layout is read from the header [TEDS-D-CB]: ``SERVICES`` and ``CBSA2010``
mark 2017 on; ``CBSA`` or ``NUMSUBS`` mark 2015–2016; a header with none of
them (a frame of a few columns) has no layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .._text import echo
from ._codebook import COLUMNS_2015_2016, COLUMNS_2017, Layout
from ._errors import TedsFormatError

__all__ = ["KEY_COLUMNS", "Header", "read_header", "storage"]

#: The columns every TEDS-D file has and the reader needs.
KEY_COLUMNS = ("CASEID", "DISYR", "STFIPS", "SERVICES_D", "REASON", "LOS")
_KNOWN = frozenset(COLUMNS_2017) | frozenset(COLUMNS_2015_2016)
_WIDE = frozenset({"CBSA", "CBSA2010"})  # 5-digit CBSA codes
_OLD_LAYOUT = ("SERVSETD",)  # the 2006–2014 files' discharge setting [TEDS]


def storage(column: str) -> str:
    """The integer type a known column is read into: codes fit ``int8`` but for a few."""
    if column == "CASEID":
        return "int64"
    if column == "DISYR":
        return "int16"
    if column in _WIDE:
        return "int32"
    return "int8"


@dataclass(frozen=True, slots=True)
class Header:
    """The columns of a file, as given and by codebook name, and the layout they follow."""

    names: tuple[str, ...]
    """The column names exactly as the file (or frame) gives them."""
    canonical: tuple[str | None, ...]
    """For each column, its codebook name, or ``None`` for a column TEDS-D does not have."""
    layout: Layout | None
    """``None`` when the header has none of the columns that tell the layouts apart."""

    @property
    def known(self) -> dict[str, int]:
        """Codebook name → position, for the TEDS-D columns present."""
        return {name: i for i, name in enumerate(self.canonical) if name is not None}

    @property
    def unknown(self) -> tuple[str, ...]:
        """Columns that are not TEDS-D columns (passed through unchanged)."""
        return tuple(n for n, c in zip(self.names, self.canonical, strict=True) if c is None)

    @property
    def has_admission_setting(self) -> bool:
        return "SERVICES" in self.known


def _clean(name: object) -> str:
    return str(name).replace("\ufeff", "").strip().upper()


def read_header(names: Iterable[object], where: str) -> Header:
    """Check a header and find its layout.

    Parameters
    ----------
    names:
        The column names.
    where:
        The file or frame, for messages.

    Raises
    ------
    carecontinuum.teds.TedsFormatError
        For a missing key column, a column given twice, or a header that mixes
        the two layouts.
    """
    given = tuple(str(n) if not isinstance(n, str) else n for n in names)
    canonical: list[str | None] = []
    seen: dict[str, str] = {}
    for raw, name in zip(given, map(_clean, given), strict=True):
        if name in _KNOWN:
            if name in seen:
                raise TedsFormatError(
                    f"{where}: column {name} appears twice ({echo(seen[name])} and {echo(raw)})",
                    column=name,
                )
            seen[name] = raw
            canonical.append(name)
        else:
            canonical.append(None)
    missing = [c for c in KEY_COLUMNS if c not in seen]
    if missing:
        raise TedsFormatError(_missing_message(where, missing, given), column=missing[0])
    return Header(given, tuple(canonical), _layout(seen, where))


def _missing_message(where: str, missing: Sequence[str], given: Sequence[str]) -> str:
    cleaned = {_clean(n) for n in given}
    listed = ", ".join(missing)
    message = f"{where} is not a TEDS-D discharge file: no column {listed}"
    if {"EPISODE_ID", "TEDS_SETTING", "LEVEL"} <= cleaned:
        message += " (it looks like a frame read_discharges() already returned: use it as it is)"
    elif any(old in cleaned for old in _OLD_LAYOUT):
        message += (
            " (it has SERVSETD, the discharge setting of the 2006–2014 files, whose layout "
            "this reader does not read)"
        )
    elif len(given) == 1:
        message += f" (its header is {echo(given[0])}; is the delimiter a comma or a tab?)"
    elif len(given) <= 5:
        message += f" (its header is {echo(','.join(given))})"
    return message


def _layout(seen: dict[str, str], where: str) -> Layout | None:
    new = "SERVICES" in seen or "CBSA2010" in seen
    old = "CBSA" in seen or "NUMSUBS" in seen
    if new and old:
        both = sorted(c for c in ("SERVICES", "CBSA2010", "CBSA", "NUMSUBS") if c in seen)
        raise TedsFormatError(
            f"{where}: the header mixes the 2015–2016 and 2017+ layouts ({', '.join(both)}); "
            "a TEDS-D file follows one",
            column=both[0],
        )
    if new and "SERVICES" not in seen:
        raise TedsFormatError(
            f"{where}: no column SERVICES, which the 2017+ layout (with CBSA2010) has",
            column="SERVICES",
        )
    if new:
        return "2017+"
    return "2015-2016" if old else None
