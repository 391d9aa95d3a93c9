"""Fortschreibung: what changed between two Fassungen, in the domain's own terms.

Readers of an updated concept and the committees want to know which goals, measures and actors
were added, dropped or changed, and how the budget moved per source and year. Items are matched
by their `id`; a change is named by the German field (the YAML key) with the old and new value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from pipeline import formatting
from pipeline.model.concept import Concept
from pipeline.model.inputs import Actor, Goal, Measure, TargetGroup
from pipeline.model.resources import OWN_SHARE
from pipeline.model.types import INCOME_SOURCES

#: The kinds of items compared, with the German labels used in lists and documents.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("target_groups", "Zielgruppe", "Zielgruppen"),
    ("goals", "Ziel", "Ziele"),
    ("measures", "Maßnahme", "Maßnahmen"),
    ("actors", "Akteur", "Akteure"),
)

#: The items compared: everything in KINDS has an id.
Compared = TargetGroup | Goal | Measure | Actor

#: Old and new value together up to this length are shown; longer texts only by field name.
SHORT = 60


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    @property
    def summary(self) -> str:
        """'zielwert: 3 → 3,5' where both values are short, else just the field."""
        if len(self.old) + len(self.new) <= SHORT:
            return f"{self.field}: {self.old} → {self.new}"
        return self.field


@dataclass(frozen=True)
class ItemChange:
    """One item that is new, dropped or changed; `label` is how documents name it."""

    id: str
    label: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class KindChanges:
    singular: str
    plural: str
    added: tuple[ItemChange, ...]
    removed: tuple[ItemChange, ...]
    changed: tuple[ItemChange, ...]

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class BudgetChange:
    source: str
    year: int
    old: Decimal
    new: Decimal

    @property
    def delta(self) -> Decimal:
        return self.new - self.old


@dataclass(frozen=True)
class ChangeSet:
    old_version: str
    old_date: Any
    new_version: str
    new_date: Any
    kinds: tuple[KindChanges, ...]
    budget: tuple[BudgetChange, ...]

    @property
    def empty(self) -> bool:
        return not any(k.any for k in self.kinds) and not self.budget


#: YAML keys of amounts in euros, and of years (written without a thousands point).
MONEY_KEYS = ("betrag",)
YEAR_KEYS = ("jahr", "ausgangsjahr", "zieljahr", "istjahr", "haushaltsjahr", "datenstand")


def shown(value: Any, key: str = "") -> str:
    """A value as documents write it: dates, amounts and numbers the German way, years plain,
    lists joined."""
    if value is None or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if key in MONEY_KEYS and isinstance(value, Decimal | int | float):
        return formatting.euro(value)
    if key in YEAR_KEYS and isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal | int | float):
        return formatting.number(value)
    if hasattr(value, "strftime"):
        return formatting.german_date(value)
    if isinstance(value, list):
        return "; ".join(shown(v, key) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {shown(v, k)}" for k, v in value.items())
    return " ".join(str(value).split())


def _fields(old: BaseModel, new: BaseModel) -> tuple[FieldChange, ...]:
    """Changed fields by their German title; nested sections and lists compare as a whole."""
    before, after = old.model_dump(by_alias=True), new.model_dump(by_alias=True)
    fields = type(new).model_fields.values()
    titles = {info.alias: info.title or info.alias for info in fields if info.alias is not None}
    return tuple(
        FieldChange(titles.get(key, key), shown(before.get(key), key), shown(after.get(key), key))
        for key in after
        if before.get(key) != after.get(key)
    )


def _label(item: Compared) -> str:
    label: str = getattr(item, "title", None) or getattr(item, "name", None) or item.id
    return label


def _compare(singular: str, plural: str, old: Sequence[Compared], new: Sequence[Compared]) -> KindChanges:
    before = {i.id: i for i in old}
    after = {i.id: i for i in new}
    return KindChanges(
        singular,
        plural,
        added=tuple(ItemChange(i, _label(after[i])) for i in after if i not in before),
        removed=tuple(ItemChange(i, _label(before[i])) for i in before if i not in after),
        changed=tuple(
            ItemChange(i, _label(after[i]), _fields(before[i], after[i]))
            for i in after
            if i in before and before[i] != after[i]
        ),
    )


def _amounts(concept: Concept) -> dict[tuple[str, int], Decimal]:
    """Aufwand, each source's Ertrag and the own share, by year."""
    budget = concept.budget
    amounts = {("Aufwand", y): budget.expense_total(y) for y in budget.years}
    amounts |= {(s, y): budget.income_total(y, source=s) for s in budget.sources for y in budget.years}
    amounts |= {(OWN_SHARE, y): budget.subsidy(y) for y in budget.years}
    return amounts


def _budget(old: Concept, new: Concept) -> tuple[BudgetChange, ...]:
    """How Aufwand, Erträge and Zuschussbedarf moved, per year; what did not move is left out."""
    before, after = _amounts(old), _amounts(new)
    years = sorted({y for _, y in (*before, *after)})
    changes = []
    for label in ("Aufwand", *INCOME_SOURCES, OWN_SHARE):
        for year in years:
            was, now = before.get((label, year), Decimal(0)), after.get((label, year), Decimal(0))
            if was != now:
                shown = {OWN_SHARE: new.municipality.own_share_label, "Aufwand": new.budget.terms.expenses}.get(
                    label, label
                )
                changes.append(BudgetChange(shown, year, was, now))
    return tuple(changes)


def compare(old: Concept, new: Concept) -> ChangeSet:
    """Everything that differs between two Fassungen of one municipality's concept."""
    kinds = tuple(
        _compare(singular, plural, getattr(old, attr), getattr(new, attr)) for attr, singular, plural in KINDS
    )
    return ChangeSet(
        old.version.version, old.version.date, new.version.version, new.version.date, kinds, _budget(old, new)
    )
