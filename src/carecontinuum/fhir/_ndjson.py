"""FHIR Bulk Data style files: one NDJSON file per resource type, streamed both ways.

``write_ndjson`` writes ``EpisodeOfCare.ndjson``, ``Encounter.ndjson``,
``HealthcareService.ndjson``, ``CodeSystem.ndjson`` and ``ConceptMap.ndjson``
(only those it has resources for), one resource a line, as the items arrive,
so memory does not grow with the number of items.  Lines are ASCII JSON
(characters such as U+2028 are escaped), so no line splitter can break a
resource in two.  Files are written under a
``.part`` name and renamed when complete, so a failed export leaves no
half-written file behind.  References are relative (``EpisodeOfCare/journey-1``)
and ids positional (``journey-1``, ``journey-1-1`` ..., in the order of the items).

:func:`~carecontinuum.fhir.read_ndjson` reads such a directory back, also streaming.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .._text import echo
from ._context import Writer
from ._errors import FhirError
from ._release import release_option

__all__ = ["FILES", "NdjsonFile", "directory_option", "write_ndjson"]

#: The files, in the order :func:`read_ndjson` reads them.
FILES = ("CodeSystem", "ConceptMap", "HealthcareService", "EpisodeOfCare", "Encounter")
_BUFFER = 1 << 20


@dataclass(frozen=True)
class NdjsonFile:
    """One file written by :func:`write_ndjson`.

    Attributes
    ----------
    resource_type:
        The FHIR resource type the file holds.
    path:
        Where it was written.
    count:
        How many resources (lines) it holds.
    """

    resource_type: str
    path: Path
    count: int


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))  # ASCII: safe for any line splitter


def _line(resource: dict[str, Any], path: str) -> str:
    """One checked resource as a line of NDJSON."""
    from ._strings import check_output

    check_output(resource, path)
    return _dumps(resource) + "\n"


class _Files:
    """Open ``.part`` files on first use; rename them when all went well."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.handles: dict[str, IO[bytes]] = {}
        self.counts: dict[str, int] = {}

    def write(self, kind: str, text: str, lines: int = 1) -> None:
        handle = self.handles.get(kind)
        if handle is None:
            part = self.directory / f"{kind}.ndjson.part"
            handle = part.open("wb", buffering=_BUFFER)  # bytes: no newline translation
            self.handles[kind] = handle
            self.counts[kind] = 0
        handle.write(text.encode("utf-8"))
        self.counts[kind] += lines

    def finish(self) -> tuple[NdjsonFile, ...]:
        out = []
        for kind in sorted(self.handles):
            self.handles[kind].close()
            final = self.directory / f"{kind}.ndjson"
            (self.directory / f"{kind}.ndjson.part").replace(final)
            out.append(NdjsonFile(kind, final, self.counts[kind]))
        return tuple(out)

    def abandon(self) -> None:
        for kind, handle in self.handles.items():
            handle.close()
            (self.directory / f"{kind}.ndjson.part").unlink(missing_ok=True)


def directory_option(directory: object, *, create: bool) -> Path:
    if not isinstance(directory, str | os.PathLike):
        raise TypeError(f"directory must be a path, not {type(directory).__name__}")
    path = Path(directory)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{str(path)!r} is not a directory")
    if create:
        path.mkdir(parents=True, exist_ok=True)
    elif not path.is_dir():
        raise FileNotFoundError(f"no directory {str(path)!r}")
    return path


def _episode_line(j: Any, w: Writer, episode_id: str, subject_json: str) -> str:
    """The EpisodeOfCare of :func:`~._episode.episode_of_care` as a line, built fast."""
    from ._dates import discharge_as_period_end
    from ._episode import episode_type

    placements = j.placements
    if not placements:
        status, period = "planned", ""
    else:
        start = w.iso(min(p.start for p in placements))
        ends = [p.end for p in placements]
        if None in ends:
            status, period = "active", f',"period":{{"start":"{start}"}}'
        else:
            last = w.iso(discharge_as_period_end(max(ends)))
            status, period = "finished", f',"period":{{"start":"{start}","end":"{last}"}}'
    kind = w.cache.get("episode-type")
    if kind is None:
        kind = w.cache["episode-type"] = _dumps(episode_type(w))
    return (
        f'{{"resourceType":"EpisodeOfCare","id":"{episode_id}","status":"{status}",'
        f'"type":{kind},"patient":{subject_json}{period}}}\n'
    )


def _journey_lines(j: Any, n: int, w: Writer) -> tuple[str, str, int]:
    from ._encounter import encounter_line
    from ._episode import subject_of
    from ._strings import check_output

    person = j.person_id
    subject = subject_of(person, w)
    if isinstance(person, str) or w.patient is not None:
        check_output(subject, f"items[{n - 1}].person_id")
    subject_json = _dumps(subject)
    episode_id = f"journey-{n}"
    ref = f"EpisodeOfCare/{episode_id}"
    lines = [
        encounter_line(
            p,
            w,
            resource_id=f"{episode_id}-{i}",
            episode=ref,
            subject_json=subject_json,
            path=f"items[{n - 1}].placements[{i - 1}]",
        )
        for i, p in enumerate(j.placements, start=1)
    ]
    episode = _episode_line(j, w, episode_id, subject_json)
    return episode, "\n".join(lines) + "\n" if lines else "", len(lines)


def write_ndjson(
    items: Iterable[Any],
    directory: str | os.PathLike[str],
    *,
    release: str = "R5",
    base_url: str | None = None,
    patient: str | None = None,
    overwrite: bool = False,
) -> tuple[NdjsonFile, ...]:
    """Write *items* as FHIR Bulk Data NDJSON files, one per resource type, streaming.

    Parameters
    ----------
    items:
        Journeys, placements, programs, frameworks and crosswalks, in any mix
        (any iterable, a generator included: it is read once, item by item).
    directory:
        Where to write; created if missing.
    release:
        ``"R5"`` (default) or ``"R4B"``.
    base_url:
        The canonical base of the library's code systems for this call.
    patient:
        A reference to the person, for every journey and placement.
    overwrite:
        Replace existing ``<Type>.ndjson`` files; without it they are an error.

    Returns
    -------
    tuple of NdjsonFile
        The files written, by resource type.

    Raises
    ------
    TypeError
        For *items* that is a string or mapping, or an item the bridge does not export.
    carecontinuum.fhir.FhirError
        When a target file exists and *overwrite* is false, or for a bad argument.
    carecontinuum.fhir.FhirMappingError
        For an item that cannot be written faithfully (an unregistered level).

    Examples
    --------
    >>> import tempfile, carecontinuum as cc
    >>> from carecontinuum.fhir import read_ndjson
    >>> journeys = [cc.Journey(person_id=i, placements=[
    ...     {"level": "IOP", "start": "2024-01-08", "end": "2024-02-19"}]) for i in range(3)]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     files = write_ndjson(journeys, tmp)
    ...     back = list(read_ndjson(tmp))
    >>> [(f.resource_type, f.count) for f in files]
    [('Encounter', 3), ('EpisodeOfCare', 3)]
    >>> back == journeys
    True
    """
    import carecontinuum as cc

    if isinstance(items, str | bytes | bytearray | Mapping) or not isinstance(items, Iterable):
        raise TypeError(
            f"items must be an iterable of the library's objects, not {type(items).__name__} "
            f"{echo(items)}"
        )
    if not isinstance(overwrite, bool):
        raise TypeError(f"overwrite must be True or False, not {echo(overwrite)}")
    w = Writer(release_option(release), base_url, patient)
    path = directory_option(directory, create=True)
    existing = [k for k in FILES if (path / f"{k}.ndjson").exists()]
    if existing and not overwrite:
        raise FhirError(
            f"{', '.join(f'{k}.ndjson' for k in existing)} already in {str(path)!r}; pass "
            "overwrite=True to replace",
            path="directory",
        )
    files = _Files(path)
    try:
        _write_all(items, w, files, cc)
    except BaseException:
        files.abandon()
        raise
    return files.finish()


def _write_all(items: Iterable[Any], w: Writer, files: _Files, cc: Any) -> None:
    from ._codesystem import code_system
    from ._conceptmap import concept_map
    from ._encounter import encounter
    from ._episode import subject_of
    from ._service import healthcare_service

    counts = {"journey": 0, "placement": 0, "program": 0}
    for index, item in enumerate(items):
        if isinstance(item, cc.Journey):
            counts["journey"] += 1
            episode, encounters, n = _journey_lines(item, counts["journey"], w)
            files.write("EpisodeOfCare", episode)
            if n:
                files.write("Encounter", encounters, n)
        elif isinstance(item, cc.Placement):
            counts["placement"] += 1
            subject = subject_of(None, w) if w.patient is not None else None
            rid = f"placement-{counts['placement']}"
            res = encounter(item, w, resource_id=rid, subject=subject, path=f"items[{index}]")
            files.write("Encounter", _line(res, f"items[{index}]"))
        elif isinstance(item, cc.Program):
            counts["program"] += 1
            res = healthcare_service(
                item, w, resource_id=f"program-{counts['program']}", path=f"items[{index}]"
            )
            files.write("HealthcareService", _line(res, f"items[{index}]"))
        elif isinstance(item, cc.Framework):
            files.write("CodeSystem", _line(code_system(item, w), f"items[{index}]"))
        elif isinstance(item, cc.Crosswalk):
            files.write("ConceptMap", _line(concept_map(item, w), f"items[{index}]"))
        elif isinstance(item, cc.Schedule | cc.WeeklySchedule):
            raise TypeError(
                f"items[{index}] is a schedule: a Timing is a datatype, not a resource, so it "
                "has no NDJSON file; export the Program or Placement that follows it"
            )
        else:
            raise TypeError(
                f"items[{index}] is {type(item).__name__} {echo(item)}: write_ndjson() takes "
                "journeys, placements, programs, frameworks and crosswalks"
            )
