"""``carecontinuum teds summary FILE``: completion and lengths of stay by level in a TEDS-D file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._render import dumps, heading, paragraph, table
from ._support import EXIT_OK, HelpFormatter, UsageError, emit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["add_parser", "run_summary"]

#: The bands the summary shows: whole LOS codes, ending on these days [TEDS-D-CB].
BANDS = (7, 30, 90, 365)
APPROX = "~"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    teds = commands.add_parser(
        "teds",
        formatter_class=HelpFormatter,
        help="summarise a TEDS-D discharge file (SAMHSA's Treatment Episode Data Set)",
        description="Read a TEDS-D discharge file (CSV, codes or labels, the 2015-2016 or "
        "2017+ layout) and summarise it by level of care.",
    )
    actions = teds.add_subparsers(dest="action", metavar="ACTION", title="actions")
    summary = actions.add_parser(
        "summary",
        formatter_class=HelpFormatter,
        help="completion and lengths of stay by level",
        description="Print, for each level of care, how many discharges completed treatment "
        "(REASON 1) and how long the stays were, over bands of the TEDS-D LOS codes (1-7, "
        "8-30, 31-90, 91-365 and more than 365 days) with the band holding the median stay. "
        "Levels come from the TEDS-to-continuum crosswalk; ~ marks an approximate match. "
        "Rows are discharges, not people.",
    )
    summary.add_argument("file", metavar="FILE", help="a TEDS-D CSV file")
    summary.add_argument("--year", type=int, metavar="YEAR", help="require DISYR to be YEAR")
    summary.add_argument(
        "--chunksize",
        type=int,
        metavar="ROWS",
        help="read ROWS rows at a time (for files larger than memory)",
    )
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    summary.set_defaults(func=run_summary)
    teds.set_defaults(func=_no_action(teds))


def _no_action(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace) -> int:
        raise UsageError("say what to do with the file: carecontinuum teds summary FILE")

    return run


def _read(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    """The summary tables of the file, and what the reader recorded about it."""
    from ..teds import TedsError, read_discharges
    from ..teds._analytics import summary

    try:
        if args.chunksize is None:
            frame = read_discharges(args.file, year=args.year)
            attrs, years, rows = frame.attrs, sorted(set(frame["year"].tolist())), len(frame)
            return summary(frame, BANDS), {**attrs, "years": years, "rows": rows}
        info: dict[str, Any] = {"years": set(), "rows": 0}

        def chunks() -> Any:
            for chunk in read_discharges(args.file, year=args.year, chunksize=args.chunksize):
                info.update(chunk.attrs)
                info["years"] |= set(chunk["year"].tolist())
                info["rows"] += len(chunk)
                yield chunk

        tables = summary(chunks(), BANDS)
        return tables, {**info, "years": sorted(info["years"])}
    except TedsError as err:
        raise UsageError(str(err).replace("\n", " ")) from None


def _level(name: str, match: str) -> str:
    return (APPROX if match == "approximate" else "") + name


def _percent(part: int, whole: int) -> str:
    return "" if whole == 0 else f"{100 * part / whole:.1f}%"


def _text(completion: pd.DataFrame, los: pd.DataFrame, info: dict[str, Any]) -> str:
    years = ", ".join(map(str, info["years"])) or "none"
    form = "labels" if info.get("form") == "label" else "codes"
    layout = info.get("layout") or "no"
    title = f"TEDS-D discharges: {info['source']}"
    lines = [
        heading(title if len(title) <= 80 else title[:77] + "..."),
        paragraph(
            f"{info['rows']:,} discharges (rows are discharges, not people); DISYR {years}; "
            f"{layout} layout; {form}."
        ),
        paragraph(_mapping(info)),
        "",
        "Completion (REASON 1, treatment completed, of discharges with a reason)",
        "",
        table(
            ["level", "discharges", "completed", "rate", "no reason"],
            [
                [
                    _level(str(level), row["match"]),
                    f"{row['discharges']:,}",
                    f"{row['completed']:,}",
                    _percent(row["completed"], row["discharges"] - row["reason_missing"]),
                    f"{row['reason_missing']:,}",
                ]
                for level, row in completion.iterrows()
            ],
        ),
        "",
        "Length of stay in days: share of discharges with a LOS in each band [TEDS-D-CB]",
        "",
        table(
            ["level", "median", *(_short(b) for b in _band_columns(los)), "no LOS"],
            [
                [
                    _level(str(level), row["match"]),
                    _short(row["median_band"]) if row["median_band"] else "",
                    *(
                        _percent(row[b], row["discharges"] - row["los_missing"])
                        for b in _band_columns(los)
                    ),
                    f"{row['los_missing']:,}",
                ]
                for level, row in los.iterrows()
            ],
        ),
        "",
        paragraph(
            f"{APPROX} marks an approximate match: the TEDS setting is broader or narrower "
            "than the level. LOS codes 31-37 are intervals, so no mean is given: the median "
            "column is the band holding the middle stay."
        ),
    ]
    return "\n".join(lines)


def _band_columns(los: pd.DataFrame) -> list[str]:
    fixed = {"discharges", "los_missing", "median_band", "median_min_days", "median_max_days"}
    return [c for c in los.columns if c not in fixed and c != "match"]


def _short(band: str) -> str:
    return band.replace("more than ", ">")


def _mapping(info: dict[str, Any]) -> str:
    by_target: dict[str, list[str]] = {}
    for code, text in info.get("level_mapping", {}).items():
        _code, _arrow, rest = text.partition(" → ")
        target, _space, match = rest.partition(" (")
        label = "(no level)" if target == "no level" else _level(target, match.rstrip(")"))
        by_target.setdefault(label, []).append(str(code))
    parts = [f"{', '.join(codes)} → {label}" for label, codes in by_target.items()]
    return f"Levels from the crosswalk {info.get('crosswalk')}: TEDS " + "; ".join(parts) + "."


def _json(completion: pd.DataFrame, los: pd.DataFrame, info: dict[str, Any]) -> dict[str, Any]:
    bands = _band_columns(los)
    return {
        "file": info["source"],
        "discharges": int(info["rows"]),
        "years": [int(y) for y in info["years"]],
        "layout": info.get("layout"),
        "form": info.get("form"),
        "crosswalk": info.get("crosswalk"),
        "level_mapping": {str(k): v for k, v in info.get("level_mapping", {}).items()},
        "completion": [
            {
                "level": None if level == "(no level)" else level,
                "match": row["match"],
                "discharges": int(row["discharges"]),
                "completed": int(row["completed"]),
                "reason_missing": int(row["reason_missing"]),
                "completion_rate": None
                if row["completion_rate"] != row["completion_rate"]
                else float(row["completion_rate"]),
            }
            for level, row in completion.iterrows()
        ],
        "length_of_stay": {
            "bands": bands,
            "levels": [
                {
                    "level": None if level == "(no level)" else level,
                    "match": row["match"],
                    "discharges": int(row["discharges"]),
                    "los_missing": int(row["los_missing"]),
                    "counts": {b: int(row[b]) for b in bands},
                    "median_band": row["median_band"],
                }
                for level, row in los.iterrows()
            ],
        },
    }


def run_summary(args: argparse.Namespace) -> int:
    if args.chunksize is not None and args.chunksize < 1:
        raise UsageError(f"--chunksize must be at least 1, not {args.chunksize}")
    (completion, los), info = _read(args)
    if args.json:
        emit(dumps(_json(completion, los, info)))
    else:
        emit(_text(completion, los, info))
    return EXIT_OK
