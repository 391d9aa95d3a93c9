"""The catalogs of the quality dimensions: typed, validated, read once.

A broken catalog is a developer's mistake, not a user's: it raises pydantic's ValidationError
with the exact place, and the test suite loads every catalog.

Texts adapted from the NZFH name bodies through placeholders ('{im_rat}'): the NZFH addresses
every kind of municipality at once, a municipality's paper names its own bodies
(:meth:`Catalog.worded`, filled by :mod:`.wording`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import model_validator

from pipeline.model.types import Id, Item, Text, field, package_yaml

CATALOG_DIR = Path(__file__).resolve().parent
#: '{im_rat}' in a catalog text: a placeholder for a name of the municipality's own bodies.
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
#: The placeholders a catalog text may use, with what they stand for (filled by
#: pipeline.model.quality.wording.body_wording).
PLACEHOLDERS = {
    "im_rat": "der Rat der Kommune mit Präposition: 'im Kreistag', 'im Rat der Stadt Musterstadt'",
    "fachausschuesse": "die Fachausschüsse in Klammern, ' (hier: Jugendhilfeausschuss und …)', oder nichts",
    "in_der_kommune": "'in der Kommune', in einem Bezirk Berlins oder Hamburgs 'im Bezirk'",
    "der_kommune": "'der Kommune' (Genitiv), in einem Bezirk 'des Bezirks'",
    "kommunalpolitik": "'Kommunalpolitik', in einem Bezirk 'Bezirkspolitik'",
}


class QualityGoal(Item):
    id: Id = field("id", "Stabile Kennung des Ziels (für qualitaet.yaml)")
    short_title: Text = field("kurztitel", "Kurzer Titel für Tabellen")
    text: Text = field("text", "Die Zielaussage in eigenen Worten")
    question: Text = field("frage", "Die Frage, die das Gespräch zu diesem Ziel stellt")
    question_when_met: Text | None = field(
        "frage_wenn_erfuellt",
        "Die Frage, wenn die Daten das Ziel erfüllt zeigen (leer: 'frage'): sie fragt nicht nach, was schon geschehen ist",
        default=None,
    )
    yardstick: Text | None = field(
        "massstab",
        "Woran die Regel das Ziel in den Daten misst, wo die Zielaussage ein Urteil verlangt ('angemessen')",
        default=None,
    )


class Theme(Item):
    id: Id = field("id", "Kennung des Themas")
    title: Text = field("titel", "Titel des Themas")
    goals: list[QualityGoal] = field("ziele", "Zielaussagen des Themas", min_length=1)


class CentralQuestion(Item):
    id: Id = field("id", "Kennung der zentralen Frage")
    text: Text = field("text", "Die Frage")
    theme: Id = field("thema", "Thema, zu dem die Frage leitet")


class DialogueQuestion(Item):
    id: Id = field("id", "Kennung der Dialogfrage")
    text: Text = field("text", "Die Frage für das Gespräch mit der strategisch-politischen Ebene")
    goals: list[Id] = field("ziele", "Ziele, deren Befunde die Frage mit Fakten vorbelegen", min_length=1)


class Chapter(Item):
    id: Id = field("id", "Sprungmarke des Kapitels")
    title: Text = field("titel", "Überschrift des Kapitels im Gesamtkonzept")
    question: Text = field("frage", "Was die Dimension prüft, als Satzanfang ('Wie fest …')")


class Dimension(Item):
    id: Id = field("id", "Kennung; zugleich Name der Katalogdatei und des Regelmoduls")
    number: int = field("nummer", "Nummer der Dimension im Qualitätsrahmen", ge=1)
    title: Text = field("titel", "Titel der Dimension")
    description: Text = field("beschreibung", "Worum es geht, in eigenen Worten")
    source: Text = field("quelle", "Worauf der Katalog beruht")
    chapter: Chapter = field("kapitel", "Das Kapitel des Gesamtkonzepts zum Stand dieser Dimension")

    @property
    def numbering_note(self) -> str:
        """Where the numbers of the goals come from – said in the concept's chapter and in the
        dialogue paper alike (a Landeskoordinierungsstelle: the paper did not say the framework
        itself has none)."""
        return (
            f"Die Nummern der Zielaussagen ({self.number}.1.1 usw.) sind eine fortlaufende Zählung in der "
            "Reihenfolge des Qualitätsrahmens, der sie selbst nicht nummeriert"
        )


class Catalog(Item):
    dimension: Dimension = field("dimension", "Die Qualitätsdimension")
    central_questions: list[CentralQuestion] = field("zentrale_fragen", "Zentrale Fragen", min_length=1)
    themes: list[Theme] = field("themen", "Themen mit ihren Zielaussagen", min_length=1)
    dialogue_questions: list[DialogueQuestion] = field(
        "dialogfragen", "Fragen für den Dialog mit der strategisch-politischen Ebene", min_length=1
    )

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        """Ids are unique and every reference names a theme or goal of this catalog."""
        ids = [
            self.dimension.id,
            *(t.id for t in self.themes),
            *(g.id for g in self.goals),
            *(q.id for q in self.central_questions),
            *(q.id for q in self.dialogue_questions),
        ]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"Kennungen doppelt vergeben: {', '.join(repeated)}")
        themes = {t.id for t in self.themes}
        goals = {g.id for g in self.goals}
        unknown = [q.theme for q in self.central_questions if q.theme not in themes] + [
            g for q in self.dialogue_questions for g in q.goals if g not in goals
        ]
        if unknown:
            raise ValueError(f"Unbekannte Themen oder Ziele: {', '.join(unknown)}")
        return self

    def worded(self, names: Mapping[str, str]) -> Catalog:
        """The catalog with every placeholder replaced by the municipality's own words; text
        from the inputs is inserted as it is, never read as a placeholder again."""

        def fill(value: Any) -> Any:
            if isinstance(value, str):
                return PLACEHOLDER.sub(lambda m: names.get(m.group(1), m.group(0)), value)
            if isinstance(value, dict):
                return {key: fill(item) for key, item in value.items()}
            if isinstance(value, list):
                return [fill(item) for item in value]
            return value

        return Catalog.model_validate(fill(self.model_dump(by_alias=True)))

    @property
    def goals(self) -> list[QualityGoal]:
        return [g for t in self.themes for g in t.goals]

    def goal(self, goal_id: str) -> QualityGoal:
        return next(g for g in self.goals if g.id == goal_id)

    def theme_number(self, theme: Theme) -> str:
        """'5.1': dimension and theme, so numbers stay unique when dimensions are combined."""
        return f"{self.dimension.number}.{self.themes.index(theme) + 1}"

    def goal_number(self, goal_id: str) -> str:
        """'5.1.2': the second goal of the first theme of dimension 5."""
        for theme in self.themes:
            for index, goal in enumerate(theme.goals, start=1):
                if goal.id == goal_id:
                    return f"{self.theme_number(theme)}.{index}"
        raise KeyError(goal_id)

    def central_question(self, theme: Theme) -> CentralQuestion | None:
        return next((q for q in self.central_questions if q.theme == theme.id), None)


def load_catalog(path: Path) -> Catalog:
    """One catalog file; its name must be the dimension's id, which also names its rules."""
    text = path.read_text(encoding="utf-8")
    catalog = Catalog.model_validate(package_yaml(text))
    if catalog.dimension.id != path.stem:
        raise ValueError(f"{path.name}: die Kennung der Dimension muss '{path.stem}' lauten")
    strange = sorted(set(PLACEHOLDER.findall(text)) - set(PLACEHOLDERS))
    if strange:
        raise ValueError(f"{path.name}: unbekannte Platzhalter {', '.join(strange)}")
    return catalog


@cache
def catalogs() -> tuple[Catalog, ...]:
    """Every catalog in this package, in order of the dimensions' numbers."""
    found = [load_catalog(p) for p in sorted(CATALOG_DIR.glob("*.yaml"))]
    goal_ids = [g.id for c in found for g in c.goals]
    repeated = sorted({i for i in goal_ids if goal_ids.count(i) > 1})
    if repeated:
        raise ValueError(f"Ziele in mehreren Katalogen: {', '.join(repeated)}")
    return tuple(sorted(found, key=lambda c: c.dimension.number))


def catalog_goal_ids() -> list[str]:
    """The goal ids that qualitaet.yaml may rate."""
    return [g.id for c in catalogs() for g in c.goals]
