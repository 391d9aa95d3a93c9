"""What the rules before the concept look at: the input files as far as they parsed.

A file with type errors is not thrown away whole: the entries of its lists that have errors are
left out (a measure with a wrong status, a funding line with a bad amount), and the rest is
parsed as usual, so the valid entries still get their reference and rule checks. Such a file is
*partial*; :class:`Kept` says which entries remain, so that findings about it point at the
entries as written. Rules that need to see a file whole (what is missing from it, the order of
its entries) ask for complete files only, and find nothing to check while one is partial.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, TypeVar

from pydantic import BaseModel

from pipeline.findings import Path_
from pipeline.model.inputs import ID_SOURCES, PAPER_FOLDER, Paper, PaperFile, is_deliberated
from pipeline.model.quality.catalog import catalog_goal_ids
from pipeline.model.types import COORDINATION, Item, Ref

F = TypeVar("F", bound=Item)

#: Ids that the project defines, not the inputs: where they stand.
PROJECT_IDS: dict[str, str] = {"qualitaetsziel": "den Katalogen der Qualitätsdimensionen"}
#: Kinds of reference whose ids come from several lists: where to say they stand, and which.
COMBINED_IDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "zweck": ("massnahmen.yaml", ("massnahme",)),
    "haushaltsposition": ("ressourcen.yaml (aufwand oder ertraege)", ("aufwand", "ertrag")),
    "zustaendig": ("akteure.yaml oder netzwerk.yaml (netzwerkgremien)", ("akteur", "netzwerkgremium")),
}


def _combined(known: dict[str, list[str]]) -> dict[str, list[str]]:
    """The ids of the combined kinds, from the lists they combine – only where every one of
    those lists is known: with massnahmen.yaml unreadable, each measure named in ressourcen.yaml
    was reported as missing ('Bekannt: netzwerkkoordination'), and with akteure.yaml unreadable
    an actor was offered the nearest network body's id instead."""
    combined = {
        kind: [i for part in parts for i in known[part]]
        for kind, (_, parts) in COMBINED_IDS.items()
        if all(part in known for part in parts)
    }
    if "zweck" in combined:
        combined["zweck"].append(COORDINATION)
    return combined


@cache
def field_name(model: type[BaseModel], alias: str | None) -> str:
    """The Python name of the field a YAML key sets."""
    return next(name for name, info in model.model_fields.items() if info.alias == alias)


def items_at(parsed: Item, path: tuple[str, ...]) -> list[Any]:
    """The list a path of YAML keys leads to, e.g. ('kommune', 'sozialraeume')."""
    current: Any = parsed
    for key in path:
        if current is None:  # an optional section left out: it defines no ids
            return []
        model: type[BaseModel] = type(current)
        current = getattr(current, field_name(model, key))
    result: list[Any] = current
    return result


def raw_entries(data: Any, path: tuple[str, ...]) -> list[dict[str, Any]] | None:
    """The entries (mappings) of the list at a path of the file as written, whether or not they
    are valid; None where the path leads to no list."""
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    if not isinstance(data, list):
        return None
    return [entry for entry in data if isinstance(entry, dict)]


def raw_ids(data: Any, path: tuple[str, ...]) -> list[str] | None:
    """The ids of the entries at a path of the file as written, whether or not the entries are
    valid; None where the path leads to no list."""
    entries = raw_entries(data, path)
    if entries is None:
        return None
    return [entry["id"] for entry in entries if isinstance(entry.get("id"), str)]


def _ref_kind(annotation: Any, metadata: list[Any] | None = None) -> str | None:
    for meta in metadata or []:
        if isinstance(meta, Ref):
            return meta.kind
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta.kind
    for arg in typing.get_args(annotation):
        if arg is not types.NoneType:
            found = _ref_kind(arg)
            if found:
                return found
    return None


@cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str, str | None], ...]:
    """(Python name, YAML key, kind of reference or None) of each field of a model, worked out
    once per model rather than once per entry."""
    return tuple(
        (field_name(model, info.alias), info.alias or "", _ref_kind(info.annotation, info.metadata))
        for info in model.model_fields.values()
    )


def references(obj: BaseModel | list[Any], path: Path_ = ()) -> list[tuple[str, str, Path_]]:
    """Every (kind, id, path) reference held anywhere inside a parsed file's model, in file
    order. Only models and lists are entered: 5,000 measures hold a million plain values."""
    found: list[tuple[str, str, Path_]] = []
    _collect(obj, path, found)
    return found


def _collect(obj: BaseModel | list[Any], path: Path_, found: list[tuple[str, str, Path_]]) -> None:
    if isinstance(obj, list):
        for index, item in enumerate(obj):
            if isinstance(item, BaseModel | list):
                _collect(item, (*path, index), found)
        return
    for name, alias, kind in _fields(type(obj)):
        value = getattr(obj, name)
        if kind and isinstance(value, str):
            found.append((kind, value, (*path, alias)))
        elif kind and isinstance(value, list):
            found.extend((kind, item, (*path, alias, index)) for index, item in enumerate(value))
        elif isinstance(value, BaseModel | list):
            _collect(value, (*path, alias), found)


@dataclass(frozen=True)
class Kept:
    """The entries of a partial file that parsed: for each list that lost entries (by its path
    in the file as written), the indices of the entries that remain; and the parts left out."""

    lists: dict[Path_, list[int]]
    dropped: frozenset[Path_] = frozenset()

    def original(self, path: Path_) -> Path_:
        """A path in the parsed file → the same place in the file as written:
        ('massnahmen', 2) is ('massnahmen', 3) when the entry before it was left out."""
        result: list[str | int] = []
        for part in path:
            kept = self.lists.get(tuple(result))
            result.append(kept[part] if isinstance(part, int) and kept is not None else part)
        return tuple(result)


@dataclass(frozen=True)
class Parsed:
    """The parsed input files by name ('vorlagen/x.yaml' for papers): complete, or partial
    (`partial` names those and what they kept); `raw` is every loaded file's data as written."""

    files: dict[str, Item]
    partial: dict[str, Kept] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str, kind: type[F], *, partial: bool = False) -> F | None:
        """The parsed file, or None if it is missing or did not parse – or, unless `partial`,
        if entries of it were left out for their errors."""
        model = self.files.get(name)
        if name in self.partial and not partial:
            return None
        return model if isinstance(model, kind) else None

    def original(self, name: str, path: Path_) -> Path_:
        """A path in a parsed file as it stands in the file as written."""
        kept = self.partial.get(name)
        return kept.original(path) if kept else path

    @property
    def complete(self) -> bool:
        """No file lost entries for their errors."""
        return not self.partial

    @cached_property
    def papers(self) -> dict[str, Paper]:
        """The council papers by file name, in file-name order."""
        return {
            name: model.paper
            for name, model in sorted(self.files.items())
            if name.startswith(f"{PAPER_FOLDER}/") and isinstance(model, PaperFile)
        }

    @property
    def papers_to_build(self) -> dict[str, Paper]:
        """The papers a build writes: not those already deliberated (vorlagen/beraten/), whose
        Beratungsfolge and attachments are the record of what happened, not a plan to check."""
        return {name: paper for name, paper in self.papers.items() if not is_deliberated(name)}

    @cached_property
    def references(self) -> list[tuple[str, str, str, Path_]]:
        """(file, kind, id, path) of every reference in the parsed files, found once: two rules
        check them against different lists of ids."""
        return [(name, *found) for name, model in self.files.items() for found in references(model)]

    @cached_property
    def known_ids(self) -> dict[str, list[str]]:
        """Every id of each kind among the parsed entries, in file order (repeated ones included)."""
        known = {
            kind: [item.id for item in items_at(self.files[file_name], path)]
            for kind, (file_name, path) in ID_SOURCES.items()
            if file_name in self.files
        }
        known["qualitaetsziel"] = catalog_goal_ids()
        return known | _combined(known)

    @cached_property
    def declared_ids(self) -> dict[str, list[str]]:
        """Every id each file declares, also those of entries left out for other errors: a
        reference to a measure with a wrong status names an existing measure all the same."""
        declared = dict(self.known_ids)
        for kind, (file_name, path) in ID_SOURCES.items():
            written = raw_ids(self.raw.get(file_name), path)
            if written is not None:
                declared[kind] = written
        return declared | _combined(declared)
