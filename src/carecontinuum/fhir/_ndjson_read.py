"""Reading FHIR Bulk Data NDJSON back into the library's objects, streaming.

Frameworks (``CodeSystem.ndjson``), crosswalks and programs come first, then
journeys (``EpisodeOfCare.ndjson`` with ``Encounter.ndjson``) and placements
without an episode, in the order of ``Encounter.ndjson``.  Each journey's
Encounters must follow the order of the episodes, as
:func:`~carecontinuum.fhir.write_ndjson` writes them, so a directory of any
size is read with one journey in memory at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .._text import echo
from ._context import Reader, Unmapped, level_map_option
from ._errors import FhirError, FhirMappingError
from ._ndjson import FILES, directory_option
from ._release import Release, detect_release, release_option, shape_release

__all__ = ["read_ndjson"]


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
    >>> from carecontinuum.fhir import write_ndjson
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_ndjson([cc.framework("locus")], tmp)
    ...     [fw.code for fw in read_ndjson(tmp)]
    ['locus']
    """
    path = directory_option(directory, create=False)
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
