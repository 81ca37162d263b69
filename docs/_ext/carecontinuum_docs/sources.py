"""``.. carecontinuum-sources::``: every source in ``carecontinuum.SOURCES``, with its citers.

The page is generated at build time from the library itself, so it cannot
drift from the data: each built-in catalog record (framework, level, crosswalk
mapping, modality, rule set, transition ...) is walked for the ``sources`` it
and its nested records cite.  A record that cites an id missing from
``SOURCES`` is reported as a build warning (an error in the docs test).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from pydantic import BaseModel
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes

__all__ = ["Record", "SourcesDirective", "collect_records"]

logger = logging.getLogger(__name__)


@dataclass
class Record:
    """One built-in catalog record and the source ids it (or anything nested in it) cites."""

    kind: str
    label: str
    sources: set[str] = field(default_factory=set)
    unverified: bool = False


def _walk(value: Any, record: Record) -> None:
    if isinstance(value, BaseModel):
        cited = getattr(value, "sources", ())
        if isinstance(cited, tuple | list | frozenset | set):
            record.sources.update(s for s in cited if isinstance(s, str))
        if getattr(value, "verified", True) is False:
            record.unverified = True
        for name in type(value).model_fields:
            if name != "sources":
                _walk(getattr(value, name), record)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            _walk(item, record)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, record)


def _record(kind: str, label: str, *objects: Any) -> Record:
    rec = Record(kind, label)
    for obj in objects:
        _walk(obj, rec)
    return rec


def _optional(name: str) -> Any:
    """A facade function that may not exist in this version of the library."""
    cc = importlib.import_module("carecontinuum")
    return getattr(cc, name) if name in cc.__all__ else None


def collect_records() -> list[Record]:
    """Every built-in catalog record, walked for the sources it cites."""
    cc = importlib.import_module("carecontinuum")
    records: list[Record] = []
    for fw in cc.list_frameworks():
        records.append(Record("framework", fw.code, set(fw.sources), not fw.verified))
        records += [_record("level", f"{fw.code}: {lv.code}", lv) for lv in fw]
    for walk in cc.list_crosswalks():
        name = f"{walk.source_framework}→{walk.target_framework}"
        records += [
            _record("crosswalk mapping", f"{name}: {m.source}", m, *([walk] if i == 0 else []))
            for i, m in enumerate(walk.mappings)
        ]
    records += [_record("modality", m.code, m) for m in cc.list_modalities()]
    records += _extra_records()
    return [r for r in records if r.sources]


def _extra_records() -> Iterator[Record]:
    """Records of the catalogs that later parts of the library add."""
    list_rule_sets = _optional("list_rule_sets")
    if list_rule_sets is not None:
        for rs in list_rule_sets():
            yield _record("rule set", str(_ident(rs)), rs)
    questions = _optional("PROGRAM_QUESTIONS")
    if questions is not None:
        for q in questions:
            yield _record("program question", f"{q.number}. {q.text}", q)
    default_graph = _optional("default_graph")
    if default_graph is not None:
        for item in _graph_items(default_graph()):
            yield _record("transition", _ident(item), item)


def _ident(obj: Any) -> str:
    for attr in ("id", "code", "name"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value
    source, target = getattr(obj, "source", None), getattr(obj, "target", None)
    if source is not None and target is not None:
        return f"{_ident(source) if not isinstance(source, str) else source}→" + (
            target if isinstance(target, str) else _ident(target)
        )
    return repr(obj)


def _graph_items(graph: Any) -> Iterable[Any]:
    for attr in ("transitions", "edges"):
        items = getattr(graph, attr, None)
        if items is not None:
            return list(items() if callable(items) else items)
    return []


_KIND_ORDER = (
    "framework",
    "level",
    "crosswalk mapping",
    "modality",
    "rule set",
    "transition",
    "program question",
)


class SourcesDirective(SphinxDirective):
    """Render the sources table and, per source, the records citing it."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        cc = importlib.import_module("carecontinuum")
        records = collect_records()
        citing: dict[str, list[Record]] = {sid: [] for sid in cc.SOURCES}
        for rec in records:
            for sid in sorted(rec.sources):
                if sid not in citing:
                    logger.warning(
                        "%s %r cites source %r, which is not in carecontinuum.SOURCES",
                        rec.kind,
                        rec.label,
                        sid,
                        type="ccdocs",
                        location=self.get_location(),
                    )
                    continue
                citing[sid].append(rec)
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 15 70 15",
            "",
            "   * - id",
            "     - citation",
            "     - cited by",
        ]
        for sid, src in cc.SOURCES.items():
            lines += [
                f"   * - :ref:`{sid} <source-{sid.lower()}>`",
                f"     - {src.citation}",
                f"     - {len(citing[sid])} record{'' if len(citing[sid]) == 1 else 's'}",
            ]
        lines.append("")
        for sid, src in cc.SOURCES.items():
            lines += _source_section(sid, src.citation, citing[sid])
        return nested_parse_to_nodes(self.state, "\n".join(lines), source="<carecontinuum SOURCES>")


def _source_section(sid: str, citation: str, recs: list[Record]) -> list[str]:
    title = f"[{sid}]"
    lines = [f".. _source-{sid.lower()}:", "", title, "-" * len(title), "", citation, ""]
    if not recs:
        return [*lines, "*No built-in record cites this source yet.*", ""]
    by_kind: dict[str, list[Record]] = {}
    for rec in recs:
        by_kind.setdefault(rec.kind, []).append(rec)
    kinds = sorted(by_kind, key=lambda k: (*_KIND_ORDER, k).index(k))
    for kind in kinds:
        labels = ", ".join(
            f"``{r.label}``" + (" (unverified)" if r.unverified else "") for r in by_kind[kind]
        )
        lines.append(f":{kind} ({len(by_kind[kind])}): {labels}")
    return [*lines, ""]
