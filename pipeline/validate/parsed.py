"""What the rules before the concept look at: the input files that parsed cleanly.

A file with type errors is left out, so rules never see half-checked data; the rules that need
a file simply find nothing to check while it is broken, and its errors are reported anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel

from pipeline.model.inputs import ID_SOURCES, PAPER_FOLDER, Paper, PaperFile
from pipeline.model.quality.catalog import catalog_goal_ids
from pipeline.model.types import Item

F = TypeVar("F", bound=Item)

#: Ids that the project defines, not the inputs: where they stand.
PROJECT_IDS: dict[str, str] = {"qualitaetsziel": "den Katalogen der Qualitätsdimensionen"}


def field_name(model: type[BaseModel], alias: str | None) -> str:
    """The Python name of the field a YAML key sets."""
    return next(name for name, info in model.model_fields.items() if info.alias == alias)


def items_at(parsed: Item, path: tuple[str, ...]) -> list[Any]:
    """The list a path of YAML keys leads to, e.g. ('kommune', 'sozialraeume')."""
    current: Any = parsed
    for key in path:
        current = getattr(current, field_name(type(current), key))
    result: list[Any] = current
    return result


@dataclass(frozen=True)
class Parsed:
    """The parsed input files by name ('vorlagen/x.yaml' for papers)."""

    files: dict[str, Item]

    def get(self, name: str, kind: type[F]) -> F | None:
        """The parsed file, or None if it is missing or did not parse."""
        model = self.files.get(name)
        return model if isinstance(model, kind) else None

    @cached_property
    def papers(self) -> dict[str, Paper]:
        """The council papers by file name, in file-name order."""
        return {
            name: model.paper
            for name, model in sorted(self.files.items())
            if name.startswith(f"{PAPER_FOLDER}/") and isinstance(model, PaperFile)
        }

    @cached_property
    def known_ids(self) -> dict[str, list[str]]:
        """Every id of each kind, in file order (repeated ones included)."""
        known = {
            kind: [item.id for item in items_at(self.files[file_name], path)]
            for kind, (file_name, path) in ID_SOURCES.items()
            if file_name in self.files
        }
        known["qualitaetsziel"] = catalog_goal_ids()
        return known
