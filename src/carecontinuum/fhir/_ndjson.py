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

``read_ndjson`` reads such a directory back, also streaming: each journey's
Encounters must follow the order of the episodes (as ``write_ndjson`` writes them).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .._text import echo
from ._context import Reader, Unmapped, Writer, level_map_option
from ._errors import FhirError, FhirMappingError
from ._release import Release, detect_release, release_option, shape_release

__all__ = ["FILES", "NdjsonFile", "read_ndjson", "write_ndjson"]

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


def _directory(directory: object, *, create: bool) -> Path:
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
    path = _directory(directory, create=True)
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


# -- reading ------------------------------------------------------------------------------------


class _Lines:
    """The resources of one NDJSON file, one at a time, with their line paths."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[tuple[dict[str, Any], str]]:
        from .._json import loads

        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            for n, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                where = f"{self.path.name}:{n}"
                value = loads(raw, what=f"{self.path.name} line {n}")
                if not isinstance(value, dict):
                    raise FhirError("each line must be a FHIR resource (a JSON object)", path=where)
                yield value, where


class _ReadState:
    def __init__(
        self,
        release: Release | None,
        level_map: dict[str, Any],
        base: str | None,
        unmapped: list[Unmapped] | None,
    ) -> None:
        self.release = release
        self.level_map = level_map
        self.base = base
        self.unmapped = unmapped

    def reader(self, resource: Mapping[str, Any], where: str) -> Reader:
        found = detect_release(resource, self.release, path=where)
        if self.release is None and shape_release(resource, path=where) is not None:
            self.release = found  # the first resource that shows its release fixes it
        return Reader(found, self.base, self.level_map)

    def done(self, r: Reader) -> None:
        if self.unmapped is not None:
            self.unmapped.extend(r.unmapped)


def _episode_id(enc: Mapping[str, Any], where: str) -> str | None:
    from ._node import as_dict, opt_list, opt_str

    refs = opt_list(enc, "episodeOfCare", where)
    if not refs:
        return None
    if len(refs) > 1:
        raise FhirMappingError("an Encounter belongs to one EpisodeOfCare", path=where)
    ref = opt_str(as_dict(refs[0], where), "reference", where) or ""
    if not ref.startswith("EpisodeOfCare/"):
        raise FhirMappingError(
            f"episodeOfCare {echo(ref)} must be a relative reference EpisodeOfCare/<id>",
            path=f"{where}.episodeOfCare[0]",
        )
    return ref.removeprefix("EpisodeOfCare/")


def read_ndjson(
    directory: str | os.PathLike[str],
    *,
    release: str | None = None,
    level_map: Mapping[Any, Any] | None = None,
    base_url: str | None = None,
    unmapped: list[Unmapped] | None = None,
) -> Iterator[Any]:
    """Read a directory of FHIR NDJSON files back into the library's objects, streaming.

    Frameworks (``CodeSystem.ndjson``), crosswalks, programs, then journeys
    (``EpisodeOfCare.ndjson`` with ``Encounter.ndjson``) and placements without
    an episode, in file order.

    Parameters
    ----------
    directory:
        The directory :func:`write_ndjson` wrote (or another with the same files).
    release, level_map, base_url:
        As for :func:`~carecontinuum.fhir.from_fhir`.
    unmapped:
        A list to append what had no place in the objects to (see
        :class:`~carecontinuum.fhir.Unmapped`); without it, nothing is collected.

    Returns
    -------
    iterator
        The objects, one at a time.

    Raises
    ------
    FileNotFoundError
        Without the directory.
    carecontinuum.fhir.FhirMappingError
        For a file of a resource type the bridge does not read, or an Encounter
        whose episode is missing or out of order.

    Examples
    --------
    >>> import tempfile, carecontinuum as cc
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_ndjson([cc.framework("locus")], tmp)
    ...     [fw.code for fw in read_ndjson(tmp)]
    ['locus']
    """
    path = _directory(directory, create=False)
    stray = sorted(
        p.name for p in path.glob("*.ndjson") if p.name.removesuffix(".ndjson") not in FILES
    )
    if stray:
        raise FhirMappingError(
            f"{', '.join(stray)}: carecontinuum reads {', '.join(f + '.ndjson' for f in FILES)}",
            path=str(path),
        )
    state = _ReadState(
        None if release is None else release_option(release),
        level_map_option(level_map),
        base_url,
        unmapped,
    )
    return _read_all(path, state)


def _read_all(path: Path, state: _ReadState) -> Iterator[Any]:
    from ._api import _read

    for kind in FILES[:3]:
        for resource, where in _Lines(path / f"{kind}.ndjson"):
            if resource.get("resourceType") != kind:
                raise FhirError(
                    f"a {echo(resource.get('resourceType'))} in {kind}.ndjson", path=where
                )
            r = state.reader(resource, where)
            yield _read(resource, r)
            state.done(r)
    yield from _journeys(path, state)


def _journeys(path: Path, state: _ReadState) -> Iterator[Any]:
    import carecontinuum as cc

    from ._build import build
    from ._encounter_read import read_encounter
    from ._episode_read import read_person

    episodes = iter(_Lines(path / "EpisodeOfCare.ndjson"))
    current: tuple[str, dict[str, Any], str, list[Any]] | None = None

    def journey(item: tuple[str, dict[str, Any], str, list[Any]]) -> Any:
        _, episode, where, placements = item
        r = state.reader(episode, where)
        person = read_person(episode.get("patient"), f"{where}.patient", r)
        state.done(r)
        return build(cc.Journey, where, person_id=person, placements=placements)

    def next_episode() -> tuple[str, dict[str, Any], str, list[Any]] | None:
        for episode, where in episodes:
            if episode.get("resourceType") != "EpisodeOfCare":
                raise FhirError("a resource that is not an EpisodeOfCare", path=where)
            rid = episode.get("id")
            if not isinstance(rid, str):
                raise FhirError("an EpisodeOfCare needs an id", path=where)
            return rid, episode, where, []
        return None

    for enc, where in _Lines(path / "Encounter.ndjson"):
        if enc.get("resourceType") != "Encounter":
            raise FhirError(f"a {echo(enc.get('resourceType'))} in Encounter.ndjson", path=where)
        r = state.reader(enc, where)
        placement = read_encounter(enc, where, r)
        state.done(r)
        wanted = _episode_id(enc, where)
        if wanted is None:  # a placement on its own ends the journey before it
            if current is not None:
                yield journey(current)
                current = None
            yield placement
            continue
        while current is None or current[0] != wanted:
            if current is not None:
                yield journey(current)
            current = next_episode()
            if current is None:
                raise FhirMappingError(
                    f"EpisodeOfCare/{wanted} is not in EpisodeOfCare.ndjson after the episodes "
                    "already read: each journey's Encounters must follow the episodes' order",
                    path=f"{where}.episodeOfCare[0]",
                )
        current[3].append(placement)
    if current is not None:
        yield journey(current)
    while (rest := next_episode()) is not None:
        yield journey(rest)
