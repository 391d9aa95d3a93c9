"""Fortschreibung: what changed between two Fassungen, in the domain's own terms.

Readers of an updated concept and the committees want to know which goals, measures and actors
were added, dropped or changed, and how the budget moved per source and year. Items are matched
by their `id`; a change is named by the German field (the YAML key) with the old and new value.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from pipeline import formatting
from pipeline.model.concept import Concept
from pipeline.model.inputs import Actor, Decision, Goal, Measure, TargetGroup
from pipeline.model.resources import OWN_SHARE
from pipeline.model.types import INCOME_SOURCES

#: The kinds of items compared, with the German labels used in lists and documents.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("target_groups", "Zielgruppe", "Zielgruppen"),
    ("goals", "Ziel", "Ziele"),
    ("measures", "Maßnahme", "Maßnahmen"),
    ("actors", "Akteur", "Akteure"),
    ("decisions", "Beschluss", "Beschlüsse"),
)

#: The items compared: everything in KINDS has an id.
Compared = TargetGroup | Goal | Measure | Actor | Decision

#: Old and new value together up to this length are shown; longer texts only by field name.
SHORT = 60


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str

    @property
    def summary(self) -> str:
        """'zielwert: 3 → 3,5' where both values are short, else just the field (and the field
        alone where it says all: 'neuer Indikator „…“')."""
        if not self.old and not self.new:
            return self.field
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
    """How one amount of one year moved; None where that Fassung did not plan the year (a
    councillor read '0,00 € → 545.900,00 €' for a year 2.0 did not plan as a rise)."""

    source: str
    year: int
    old: Decimal | None
    new: Decimal | None

    @property
    def delta(self) -> Decimal | None:
        return self.new - self.old if self.old is not None and self.new is not None else None

    @property
    def old_shown(self) -> str:
        return formatting.euro(self.old) if self.old is not None else "nicht geplant"

    @property
    def new_shown(self) -> str:
        return formatting.euro(self.new) if self.new is not None else "nicht mehr geplant"

    @property
    def delta_shown(self) -> str:
        """'+545.900,00 €', or '–' where one Fassung did not plan the year."""
        return formatting.signed_euro(self.delta) if self.delta is not None else "–"


@dataclass(frozen=True)
class StandingChange:
    """A year's budget or a grant that moved on: '2027: Entwurf → beschlossen', 'Bundesstiftung …
    2027: beantragt → bewilligt' (`label` names the grant; empty for a budget)."""

    year: int
    old: str
    new: str
    label: str = ""

    @property
    def named(self) -> str:
        """'2027' or 'Bundesstiftung … 2027'."""
        return f"{self.label} {self.year}" if self.label else str(self.year)


@dataclass(frozen=True)
class ChangeSet:
    old_version: str
    old_date: Any
    new_version: str
    new_date: Any
    kinds: tuple[KindChanges, ...]
    budget: tuple[BudgetChange, ...]
    budget_status: tuple[StandingChange, ...] = ()
    grants: tuple[StandingChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(k.any for k in self.kinds) and not (self.budget or self.budget_status or self.grants)


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


def _fields(old: BaseModel, new: BaseModel, skipped: frozenset[str] = frozenset()) -> tuple[FieldChange, ...]:
    """Changed fields by their German title; a list of named entries (a goal's indicators)
    entry by entry – 'Indikator „Kinderarztpraxen mit Sprechstunde“ (Zuletzt gemessener Wert: 2 → 3)'
    (year-later review: only 'Indikatoren' stood there) –, other sections and lists as a whole.
    `skipped` names YAML keys left out, a section's as 'fortschreibung.vorige'."""
    before, after = old.model_dump(by_alias=True), new.model_dump(by_alias=True)
    changes: list[FieldChange] = []
    for name, info in type(new).model_fields.items():
        key = info.alias or name
        if before.get(key) == after.get(key) or key in skipped:
            continue
        was, now = getattr(old, name), getattr(new, name)
        title = _short_title(info.title or key)
        inner_skipped = frozenset(s.removeprefix(f"{key}.") for s in skipped if s.startswith(f"{key}."))
        if _named_entries(was) and _named_entries(now):
            changes += _entries(was, now)
        elif was is None and isinstance(now, BaseModel):
            changes.append(FieldChange(f"neu: {_section_title(now, title)}", "", ""))
        elif now is None and isinstance(was, BaseModel):
            changes.append(FieldChange(f"entfallen: {_section_title(was, title)}", "", ""))
        elif isinstance(was, BaseModel) and isinstance(now, BaseModel):
            # a section by the fields that changed in it: 'Zeitraum, Ende: 31.12.2027 → 30.06.2027',
            # not 'Zeitraum' alone where both periods together were too long to show (Saxon review)
            inner = _fields(was, now, inner_skipped)
            # by the section's own name: 'Kooperationsvereinbarung, Tag des Inkrafttretens', not the
            # field's description ('Kooperationsvereinbarung als eigenes Dokument, …')
            named = _section_title(now, title)
            changes += [FieldChange(f"{named}, {f.field}", f.old, f.new) for f in inner]
        else:
            changes.append(FieldChange(title, shown(before.get(key), key), shown(after.get(key), key)))
    return tuple(changes)


def _section_title(section: BaseModel, title: str) -> str:
    """A section by its own name ('Kooperationsvereinbarung'), else by the field's title."""
    return str(type(section).model_config.get("title") or title)


def _short_title(title: str) -> str:
    """A field's title without the advice its description goes on with: 'Stand der Umsetzung in
    Worten', not '…; er steht im Konzept und in jeder Vorlage … – also nicht 'mit dieser Vorlage'
    schreiben' (Hessian year-later review: the fill-in hint stood in the published concept)."""
    # and before a colon: 'Art: Personal, Sachkosten …', 'Fortgeltung: die mit einer früheren …'
    # (diff review: a sentence stood after the section's name)
    head = re.split(r";|:\s|\s[–-]\s", title, maxsplit=1)[0].strip()
    # a hint in brackets ('Ende (leer: unbefristet)'), not a part of the name ('(Durchschnitt)')
    return re.sub(r"\s*\([^()]*:[^()]*\)$", "", head) or head


def _entry_name(entry: BaseModel) -> str:
    """What matches an entry of a list with its counterpart: its id, else its name."""
    return str(getattr(entry, "id", None) or _entry_title(entry))


def _entry_title(entry: BaseModel) -> str:
    """How readers know an entry: its name or title ('Steuerungsgruppe Frühe Hilfen', the
    evaluation's subject), not the id only the YAML uses."""
    for attr in ("name", "title", "subject"):
        value = getattr(entry, attr, None)
        if isinstance(value, str) and value:
            return value
    return str(getattr(entry, "id", None) or "")


def _named_entries(value: Any) -> bool:
    """A list of entries each with an id or a name of its own."""
    if not isinstance(value, list) or not all(isinstance(v, BaseModel) for v in value):
        return False
    names = [_entry_name(v) for v in value]
    return all(names) and len(set(names)) == len(names)


def _entries(old: list[BaseModel], new: list[BaseModel]) -> list[FieldChange]:
    """The entries of a list added, dropped or changed, named by their kind and name."""
    before = {_entry_name(e): e for e in old}
    after = {_entry_name(e): e for e in new}
    kind = str(type((new or old)[0]).model_config.get("title") or "Eintrag")
    changes = [
        FieldChange(f"neu: {kind} „{_entry_title(e)}“", "", "") for n, e in after.items() if n not in before
    ]
    changes += [
        FieldChange(f"entfallen: {kind} „{_entry_title(e)}“", "", "") for n, e in before.items() if n not in after
    ]
    for n, entry in after.items():
        if n in before and before[n] != entry:
            inner = "; ".join(f.summary for f in _fields(before[n], entry))
            changes.append(FieldChange(f"{kind} „{_entry_title(entry)}“ ({inner})", "", ""))
    return changes


def _label(item: Compared) -> str:
    label: str = getattr(item, "title", None) or getattr(item, "name", None) or item.id
    number = getattr(item, "number", None)  # a decision by its number and title: 'KT/2026/072 Gesamtkonzept …'
    return f"{number} {label}" if number else label


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
    planned_before, planned_after = set(old.budget.years), set(new.budget.years)
    years = sorted(planned_before | planned_after)
    changes = []
    for label in ("Aufwand", *INCOME_SOURCES, OWN_SHARE):
        for year in years:
            was = before.get((label, year), Decimal(0)) if year in planned_before else None
            now = after.get((label, year), Decimal(0)) if year in planned_after else None
            if now is None and year < new.version.date.year:
                continue  # a year gone by, no longer listed: no cut (re-check review)
            if was != now and (was or now):
                # each row as the documents name it ('Freistaat Sachsen', not 'Land'; Saxon review)
                shown = {OWN_SHARE: new.municipality.own_share_label, "Aufwand": new.budget.terms.expenses}.get(
                    label
                ) or new.municipality.source_label(label)
                changes.append(BudgetChange(shown, year, was, now))
    return tuple(changes)


def _budget_status(old: Concept, new: Concept) -> tuple[StandingChange, ...]:
    """The years whose budget moved on between the Fassungen (the Haushalt 2027 adopted)."""
    was = {y.year: y.status for y in old.resources.budget_years}
    now = {y.year: y.status for y in new.resources.budget_years}
    return tuple(StandingChange(y, was[y], now[y]) for y in sorted(now) if y in was and was[y] != now[y])


def _renumbered(old: Concept, new: Concept, measures: KindChanges) -> KindChanges:
    """The measures whose number changed ('M21' became 'M22' where a measure was inserted before
    it; year-later review: councils and decisions cite the numbers) – as a change of their own,
    also where nothing else changed."""
    before = {m.id for m in old.measures}
    moved = {
        m.id: FieldChange("Nummer", old.measure_number(m.id), new.measure_number(m.id))
        for m in new.measures
        if m.id in before and old.measure_number(m.id) != new.measure_number(m.id)
    }
    # a new measure with the number it takes ('M2 Digitale Sprechstunde'): the ones after it moved
    added = tuple(dataclasses.replace(a, label=f"{new.measure_number(a.id)} {a.label}") for a in measures.added)
    measures = dataclasses.replace(measures, added=added)
    if not moved:
        return measures
    changed = {c.id: c for c in measures.changed}
    items = []
    for m in new.measures:
        if m.id in moved or m.id in changed:
            fields = changed[m.id].fields if m.id in changed else ()
            items.append(ItemChange(m.id, m.title, ((moved[m.id],) if m.id in moved else ()) + fields))
    return dataclasses.replace(measures, changed=_runs_of_numbers(tuple(items)))


#: From this many measures on, a run of measures that only moved up or down together is one row.
RUN = 3


def _number(label: str) -> int:
    return int(label.removeprefix("M"))


def _runs_of_numbers(items: tuple[ItemChange, ...]) -> tuple[ItemChange, ...]:
    """Measures that changed only their number, all by the same step and one after the other, as
    one row: '10 Maßnahmen, von „Offene Babytreffs …“ bis „Berichtswesen …“: Nummern: M9 bis M18 →
    M10 bis M19' (Hessian year-later review: ten of thirteen rows said only 'Nummer: M9 → M10')."""
    result: list[ItemChange] = []
    run: list[ItemChange] = []

    def only_number(item: ItemChange) -> int | None:
        if len(item.fields) != 1 or item.fields[0].field != "Nummer":
            return None
        return _number(item.fields[0].new) - _number(item.fields[0].old)

    def close() -> None:
        if len(run) < RUN:
            result.extend(run)
        else:
            first, last = run[0].fields[0], run[-1].fields[0]
            label = f"{len(run)} Maßnahmen, von „{run[0].label}“ bis „{run[-1].label}“"
            numbers = FieldChange("Nummern", f"{first.old} bis {last.old}", f"{first.new} bis {last.new}")
            result.append(ItemChange("", label, (numbers,)))
        run.clear()

    for item in items:
        step = only_number(item)
        follows = (
            run
            and step is not None
            and step == only_number(run[-1])
            and _number(item.fields[0].old) == _number(run[-1].fields[0].old) + 1
        )
        if not follows:
            close()
        if step is None:
            result.append(item)
        else:
            run.append(item)
    close()
    return tuple(result)


def _grants(old: Concept, new: Concept) -> tuple[StandingChange, ...]:
    """The grants granted or promised since (the counterpart of 'Stand der Haushalte' for the
    Kämmerei; re-check review: a grant gone from 'beantragt' to granted appeared nowhere)."""
    was = {line.id: line for line in old.resources.income}
    return tuple(
        StandingChange(line.year, was[line.id].standing, line.standing, line.label)
        for line in new.resources.income
        if line.id in was and was[line.id].standing != line.standing
    )


#: The settings compared field by field, each as one row: how the table names it, where it stands
#: in the concept, and the YAML keys every Fassung changes (its number and Stand).
SETTINGS: tuple[tuple[str, Callable[[Concept], BaseModel | None], frozenset[str]], ...] = (
    ("Konzept", lambda c: c.version, frozenset({"fassung", "stand", "fortschreibung.vorige"})),
    ("Leitbild", lambda c: c.guiding_principle, frozenset()),
    ("Netzwerk", lambda c: c.network, frozenset()),
    ("Querschnittsthemen", lambda c: c.cross_cutting, frozenset()),
)


def _settings(old: Concept, new: Concept) -> KindChanges:
    """What changed besides the items with an id: the agreement, the evaluation's dates, the
    decision procedure, the network's bodies and paths (Saxon year-later review: the changes
    said nothing of a new agreement, evaluation date or Beschluss)."""
    added, removed, changed = [], [], []
    for label, part, skipped in SETTINGS:
        was, now = part(old), part(new)
        if was is not None and now is not None and (fields := _fields(was, now, skipped)):
            changed.append(ItemChange("", label, fields))
        elif was is None and now is not None:
            added.append(ItemChange("", label))
        elif was is not None and now is None:
            removed.append(ItemChange("", label))
    return KindChanges("Festlegung", "Weitere Festlegungen", tuple(added), tuple(removed), tuple(changed))


def compare(old: Concept, new: Concept) -> ChangeSet:
    """Everything that differs between two Fassungen of one municipality's concept."""
    kinds = []
    for attr, singular, plural in KINDS:
        compared = _compare(singular, plural, getattr(old, attr), getattr(new, attr))
        # the measures by their number too, which follows the order of massnahmen.yaml
        kinds.append(_renumbered(old, new, compared) if attr == "measures" else compared)
    kinds.append(_settings(old, new))
    return ChangeSet(
        old.version.version,
        old.version.date,
        new.version.version,
        new.version.date,
        tuple(kinds),
        _budget(old, new),
        _budget_status(old, new),
        _grants(old, new),
    )
