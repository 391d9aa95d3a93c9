"""Stage 2: check loaded data against the model and the cross-references between files.

All problems of a run are collected and reported together, each located as
``datei.yaml:ZEILE:SPALTE`` with the field path and a German message that says how to fix it.
Errors make the inputs unusable; warnings (the plausibility rules at the end) flag what is
possible but probably a mistake.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import chain
from typing import Any

from pydantic import BaseModel, ValidationError

from pipeline.errors import (
    ERROR,
    GERMAN_MESSAGE,
    WARNING,
    Finding,
    InvalidInput,
    Problem,
    format_path,
)
from pipeline.formatting import euro, german_date
from pipeline.input_files import FOLDER
from pipeline.load import PAPER_FOLDER, LoadedInputs, SourceFile
from pipeline.model import (
    FILE_MODELS,
    KIND_LABELS,
    OPTIONAL_FILE_MODELS,
    PLACEHOLDER_COUNCIL_SYSTEM,
    Concept,
    Item,
    PaperFile,
    Ref,
)
from pipeline.paper_rules import paper_findings
from pipeline.qualitaet.catalog import catalog_goal_ids

Path_ = tuple[str | int, ...]

#: Which list of which file defines the ids of each reference kind.
ID_SOURCES: dict[str, tuple[str, Path_]] = {
    "akteur": ("akteure.yaml", ("akteure",)),
    "ziel": ("ziele.yaml", ("ziele",)),
    "zielgruppe": ("zielgruppen.yaml", ("zielgruppen",)),
    "massnahme": ("massnahmen.yaml", ("massnahmen",)),
    "sozialraum": ("kommune.yaml", ("kommune", "sozialraeume")),
    "gremium": ("gremien.yaml", ("gremien",)),
    "finanzierung": ("ressourcen.yaml", ("finanzierung",)),
    "beschluss": ("gremien.yaml", ("beschluesse",)),
    "netzwerkgremium": ("netzwerk.yaml", ("netzwerkgremien",)),
}

#: Ids that the project defines, not the inputs: where they stand and what they are.
PROJECT_IDS: dict[str, str] = {"qualitaetsziel": "den Katalogen der Qualitätsdimensionen"}

#: Models of the files in optional folders (any number of files each).
FOLDER_MODELS: dict[str, type[Item]] = {PAPER_FOLDER: PaperFile}


def input_file_models() -> dict[str, type[Item]]:
    """Every kind of input file with its model, for documentation and schemas."""
    folders = {f"{folder}/*.yaml": model for folder, model in FOLDER_MODELS.items()}
    return {**FILE_MODELS, **OPTIONAL_FILE_MODELS, **folders}


def model_for(name: str) -> type[Item]:
    """The model class of an input file, by its name relative to the municipality's folder."""
    folder, _, _ = name.rpartition("/")
    return FOLDER_MODELS[folder] if folder else {**FILE_MODELS, **OPTIONAL_FILE_MODELS}[name]


# --- translating pydantic's findings ----------------------------------------------------------


def _model_at(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model class that owns the last key of a path, for naming fields in messages."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        by_alias = {f.alias: f for f in current.model_fields.values()}
        if part not in by_alias:
            return None
        current = _inner_model(by_alias[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _aliases(model: type[BaseModel] | None) -> list[str]:
    return [f.alias for f in model.model_fields.values() if f.alias] if model else []


def _description(model: type[BaseModel] | None, key: str) -> str:
    for info in model.model_fields.values() if model else []:
        if info.alias == key and info.description:
            return info.description
    return ""


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _unknown_key(key: str, owner: type[BaseModel] | None, file_name: str, top: bool) -> str:
    """'zielgrupen' ist kein Feld von Maßnahme – meinten Sie 'zielgruppen'? Erlaubt sind: …"""
    allowed = _aliases(owner)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    tip = f" – meinten Sie '{close[0]}'?" if close else "."
    if top:
        where = f"kein Abschnitt von {file_name}"
    else:
        title = owner.model_config.get("title") if owner else None
        where = f"kein Feld von {title}" if title else "hier kein bekanntes Feld"
    return f"'{key}' ist {where}{tip} Erlaubt sind: {', '.join(allowed)}."


def _message(error: dict[str, Any], file_model: type[BaseModel], file_name: str) -> str:
    """A German sentence for one pydantic error, saying what was expected."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    loc = tuple(error["loc"])
    key = str(loc[-1]) if loc else ""
    owner = _model_at(file_model, loc)
    found = error.get("input")
    shown = repr(found) if isinstance(found, (str, int, float)) else type(found).__name__
    if kind == GERMAN_MESSAGE:
        return str(error["msg"])
    if kind == "missing":
        hint = _description(owner, key)
        return f"Pflichtfeld '{key}' fehlt" + (f" ({hint})." if hint else ".")
    if kind == "extra_forbidden":
        return _unknown_key(key, owner, file_name, top=len(loc) == 1)
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " oder ")
        return f"Der Wert {shown} ist nicht vorgesehen. Erlaubt sind: {expected}."
    if kind == "string_pattern_mismatch":
        return (
            f"Die Kennung {shown} ist ungültig: nur Kleinbuchstaben, Ziffern, '-' und '_', "
            "z. B. 'm-willkommensbesuche'."
        )
    if kind == "string_unicode":  # e.g. a lone surrogate such as "\ud800" written in quotes
        return "Der Text enthält ein ungültiges Zeichen (oft aus kopiertem Text). Bitte entfernen."
    if kind in {"string_too_short"}:
        return "Das Feld darf nicht leer sein."
    if kind == "string_too_long":
        return f"Der Text ist zu lang (höchstens {ctx.get('max_length')} Zeichen)."
    if kind == "string_type":
        return (
            f"Hier wird Text erwartet, gefunden: {shown}. Zahlen, Daten oder ja/nein, die als "
            'Text gemeint sind, bitte in Anführungszeichen setzen, z. B. "2.0".'
        )
    if kind in {"int_type", "int_parsing", "int_from_float", "int_strict"}:
        return f"Hier wird eine ganze Zahl erwartet, z. B. 1200; gefunden: {shown}."
    if kind in {"decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"}:
        return f"Hier wird eine Zahl erwartet, z. B. 1234.50; gefunden: {shown}."
    if kind == "decimal_max_places":
        return f"Höchstens {ctx.get('decimal_places')} Nachkommastellen erlaubt; gefunden: {shown}."
    if kind == "decimal_max_digits":
        return f"Die Zahl {shown} ist zu groß."
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        return f"Der Wert {shown} ist zu klein; er muss mindestens {bound} betragen."
    if kind in {"less_than_equal", "less_than"}:
        bound = ctx.get("le", ctx.get("lt"))
        return f"Der Wert {shown} ist zu groß; er darf höchstens {bound} betragen."
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"Hier wird ein Datum im Format JJJJ-MM-TT erwartet, z. B. 2026-11-23; gefunden: {shown}."
    if kind in {"bool_type", "bool_parsing"}:
        return f"Hier wird ja oder nein erwartet (auch true/false); gefunden: {shown}."
    if kind == "list_type":
        return "Hier wird eine Liste erwartet: jeder Eintrag in einer eigenen Zeile mit '- '."
    if kind == "too_short":
        need = int(ctx.get("min_length", 1))
        return f"Die Liste braucht mindestens {need} {_plural(need, 'Eintrag', 'Einträge')}."
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        if not loc:
            names = ", ".join(f"'{a}:'" for a in _aliases(file_model))
            return f"Die Datei muss die Abschnitte {names} enthalten."
        return "Hier wird ein Abschnitt mit Feldern erwartet (Schlüssel: Wert)."
    return f"Ungültiger Wert {shown}."


def _problems_from(error: ValidationError, source: SourceFile, model: type[Item]) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        line, column = source.locate(loc, key=item["type"] == "extra_forbidden")
        problems.append(Problem(source.name, line, column, _message(item, model, source.name), format_path(loc)))
    return problems


# --- references and ids -----------------------------------------------------------------------


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


def _references(obj: Any, path: Path_) -> Iterator[tuple[str, str, Path_]]:
    """Every (kind, id, path) reference held anywhere inside a parsed file model."""
    if isinstance(obj, BaseModel):
        for info in type(obj).model_fields.values():
            value = getattr(obj, _field_name(type(obj), info.alias))
            here = path + (info.alias,)
            kind = _ref_kind(info.annotation, info.metadata)
            if kind and isinstance(value, str):
                yield kind, value, here
            elif kind and isinstance(value, list):
                for index, item in enumerate(value):
                    yield kind, item, here + (index,)
            else:
                yield from _references(value, here)
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from _references(item, path + (index,))


def _field_name(model: type[BaseModel], alias: str | None) -> str:
    return next(name for name, info in model.model_fields.items() if info.alias == alias)


def _items_at(parsed: Item, path: Path_) -> list[Any]:
    current: Any = parsed
    for key in path:
        current = getattr(current, _field_name(type(current), str(key)))
    return current


def _known_ids(parsed: dict[str, Item]) -> dict[str, list[str]]:
    """Every id of each kind, in file order (repeated ones included, see _duplicate_ids)."""
    known = {
        kind: [item.id for item in _items_at(parsed[file_name], path)]
        for kind, (file_name, path) in ID_SOURCES.items()
        if file_name in parsed
    }
    known["qualitaetsziel"] = catalog_goal_ids()
    return known


def _duplicate_ids(parsed: dict[str, Item], known: dict[str, list[str]]) -> Iterator[Finding]:
    for kind, (file_name, path) in ID_SOURCES.items():
        for index, first in _repeated(known.get(kind, [])):
            yield Finding(
                file_name,
                path + (index, "id"),
                f"Die Kennung '{known[kind][index]}' ist bereits vergeben (Eintrag "
                f"{first} derselben Liste). Kennungen müssen eindeutig sein.",
            )


def _repeated(values: list[str]) -> Iterator[tuple[int, int]]:
    """(index, index of its first occurrence) for every value the list already had before."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            yield index, first[value]
        first.setdefault(value, index)


def _one_rating_per_goal(parsed: dict[str, Item]) -> Iterator[Finding]:
    """qualitaet.yaml: two ratings of one goal would contradict each other in the documents."""
    if "qualitaet.yaml" not in parsed:
        return
    goals = [r.goal for r in parsed["qualitaet.yaml"].ratings]  # type: ignore[attr-defined]
    for index, first in _repeated(goals):
        yield Finding(
            "qualitaet.yaml",
            ("einschaetzungen", index, "ziel"),
            f"Zum Ziel '{goals[index]}' gibt es schon eine Einschätzung (Eintrag "
            f"{first}). Bitte je Ziel nur eine Einschätzung angeben.",
        )


def _dangling(parsed: dict[str, Item], known: dict[str, list[str]]) -> Iterator[Finding]:
    for file_name, model in parsed.items():
        for kind, ref, path in _references(model, ()):
            if kind not in known or ref in known[kind]:
                continue
            label = KIND_LABELS[kind]
            close = difflib.get_close_matches(ref, known[kind], n=1, cutoff=0.6)
            tip = f" Meinten Sie '{close[0]}'?" if close else ""
            listed = ", ".join(known[kind][:8]) + (", …" if len(known[kind]) > 8 else "")
            where = PROJECT_IDS.get(kind) or ID_SOURCES[kind][0]
            yield Finding(file_name, path, f"{label} '{ref}' gibt es nicht in {where}.{tip} Bekannt: {listed}.")


# --- rules across files -----------------------------------------------------------------------


def _cross_file_rules(parsed: dict[str, Item]) -> Iterator[Finding]:
    """Consistency rules the single-file models cannot see."""
    if "ressourcen.yaml" in parsed and "massnahmen.yaml" in parsed:
        year_of = {f.id: f.year for f in parsed["ressourcen.yaml"].funding}  # type: ignore[attr-defined]
        for m_index, measure in enumerate(parsed["massnahmen.yaml"].measures):  # type: ignore[attr-defined]
            for c_index, cost in enumerate(measure.costs):
                funded_year = year_of.get(cost.funding)
                if funded_year is not None and funded_year != cost.year:
                    yield Finding(
                        "massnahmen.yaml",
                        ("massnahmen", m_index, "kosten", c_index, "finanzierung"),
                        f"Die Finanzierungslinie '{cost.funding}' gilt für {funded_year}, "
                        f"die Kosten sind aber für {cost.year} angegeben.",
                    )
    if "ziele.yaml" in parsed:
        goals = parsed["ziele.yaml"].goals  # type: ignore[attr-defined]
        kinds = {g.id: g.kind for g in goals}
        for index, goal in enumerate(goals):
            path = ("ziele", index, "uebergeordnet")
            if goal.parent and goal.kind == "Wirkungsziel":
                yield Finding(
                    "ziele.yaml",
                    path,
                    "Ein Wirkungsziel hat kein übergeordnetes Ziel; nur Handlungsziele "
                    "werden einem Wirkungsziel zugeordnet.",
                )
            elif goal.parent and kinds.get(goal.parent) == "Handlungsziel":
                yield Finding(
                    "ziele.yaml",
                    path,
                    f"'{goal.parent}' ist ein Handlungsziel; übergeordnet kann nur ein Wirkungsziel sein.",
                )
    if "kommune.yaml" in parsed:
        version = parsed["kommune.yaml"].version  # type: ignore[attr-defined]
        if version.update.next_date <= version.date:
            yield Finding(
                "kommune.yaml",
                ("konzept", "fortschreibung", "naechste"),
                "Die nächste Fortschreibung muss nach dem Stand des Konzepts liegen.",
            )


def located(findings: Iterable[Finding], sources: dict[str, SourceFile], severity: str = ERROR) -> list[Problem]:
    """Findings as problems at the line and column of the value they concern."""
    problems = []
    for found in findings:
        line, column = sources[found.file].locate(found.path)
        problems.append(Problem(found.file, line, column, found.message, format_path(found.path), severity))
    return problems


# --- plausibility rules (warnings) -----------------------------------------------------------
#
# Each rule is a small function over a valid Concept that yields what looks wrong, located by
# file and field path. New rules (e.g. for committee papers) are added to RULES below.


Rule = Callable[[Concept], Iterator[Finding]]


def goals_have_measures(concept: Concept) -> Iterator[Finding]:
    """A goal no measure works towards stays a wish; a Wirkungsziel counts as served through
    the measures of its Handlungsziele."""
    served = {goal for measure in concept.measures for goal in measure.goals}
    served |= {g.parent for g in concept.goals if g.id in served and g.parent}
    for index, goal in enumerate(concept.goals):
        if goal.id not in served:
            yield Finding(
                "ziele.yaml",
                ("ziele", index, "id"),
                f"Zum Ziel '{goal.id}' trägt keine Maßnahme bei. Bitte in massnahmen.yaml "
                "bei mindestens einer Maßnahme unter 'ziele' eintragen.",
            )


def target_groups_have_goals(concept: Concept) -> Iterator[Finding]:
    """A target group that no goal addresses is described but not served."""
    served = {group for goal in concept.goals for group in goal.target_groups}
    for index, group in enumerate(concept.target_groups):
        if group.id not in served:
            yield Finding(
                "zielgruppen.yaml",
                ("zielgruppen", index, "id"),
                f"Die Zielgruppe '{group.id}' wird von keinem Ziel angesprochen. Bitte in "
                "ziele.yaml bei mindestens einem Ziel unter 'zielgruppen' eintragen.",
            )


def _first_index(items: list[Any], matches: Callable[[Any], bool]) -> int:
    return next(index for index, item in enumerate(items) if matches(item))


def yearly_totals_plausible(concept: Concept) -> Iterator[Finding]:
    """A yearly total far above the configured bound is most often a typo (a zero too many)."""
    bound = concept.checks.yearly_total_warning
    hint = (
        f"– mehr als die Prüfgrenze von {euro(bound)}. Bitte die Beträge prüfen (die Grenze "
        "steht in kommune.yaml unter 'pruefung: jahressumme_warnung_ab')."
    )
    funding = concept.resources.funding
    for year in sorted({line.year for line in funding}):
        total = concept.funding_total(year=year)
        if total > bound:
            index = _first_index(funding, lambda line, y=year: line.year == y)
            yield Finding(
                "ressourcen.yaml",
                ("finanzierung", index, "betrag"),
                f"Die Finanzierung für {year} beträgt zusammen {euro(total)} {hint}",
            )
    years = sorted({cost.year for measure in concept.measures for cost in measure.costs})
    for year in years:
        total = concept.measure_costs_by_year(year)
        if total > bound:
            index = _first_index(concept.measures, lambda m, y=year: any(c.year == y for c in m.costs))
            cost = _first_index(concept.measures[index].costs, lambda c, y=year: c.year == y)
            yield Finding(
                "massnahmen.yaml",
                ("massnahmen", index, "kosten", cost, "betrag"),
                f"Die Maßnahmenkosten für {year} betragen zusammen {euro(total)} {hint}",
            )


def costs_within_funding(concept: Concept) -> Iterator[Finding]:
    """Measures cannot spend more of a funding line than the line provides."""
    spent: dict[str, Decimal] = {}
    for measure in concept.measures:
        for cost in measure.costs:
            spent[cost.funding] = spent.get(cost.funding, Decimal(0)) + cost.amount
    for index, line in enumerate(concept.resources.funding):
        if spent.get(line.id, Decimal(0)) > line.amount:
            yield Finding(
                "ressourcen.yaml",
                ("finanzierung", index, "betrag"),
                f"Die Maßnahmen setzen aus '{line.id}' zusammen {euro(spent[line.id])} ein, "
                f"die Finanzierungslinie umfasst aber nur {euro(line.amount)}.",
            )


def percentages_in_range(concept: Concept) -> Iterator[Finding]:
    """A share in per cent lies between 0 and 100; anything else is usually a slipped digit."""
    keys = (("baseline", "ausgangswert"), ("target", "zielwert"), ("current", "istwert"))
    for g_index, goal in enumerate(concept.goals):
        for i_index, indicator in enumerate(goal.indicators):
            if indicator.unit.strip() != "%":
                continue
            for name, key in keys:
                value = getattr(indicator, name)
                if value is not None and not 0 <= value <= 100:
                    yield Finding(
                        "ziele.yaml",
                        ("ziele", g_index, "indikatoren", i_index, key),
                        f"Ein Anteil in % liegt zwischen 0 und 100; angegeben ist {value}.",
                    )


def update_within_cycle(concept: Concept) -> Iterator[Finding]:
    """The next update should come within the stated cycle, or the cycle is not the real one."""
    version = concept.version
    due = version.cycle_end
    if version.update.next_date > due:
        yield Finding(
            "kommune.yaml",
            ("konzept", "fortschreibung", "naechste"),
            f"Bei einer Fortschreibung alle {version.update.cycle_years} Jahre wäre sie "
            f"bis {german_date(due)} fällig, geplant ist sie erst für "
            f"{german_date(version.update.next_date)}.",
        )


def status_matches_period(concept: Concept) -> Iterator[Finding]:
    """The status of a measure should agree with its period, seen from the concept's Stand."""
    stand = concept.version.date
    shown = german_date(stand)
    for index, measure in enumerate(concept.measures):
        start, end = measure.period.start, measure.period.end
        message = None
        if measure.status == "abgeschlossen" and (end is None or end > stand):
            message = (
                f"Die Maßnahme ist 'abgeschlossen', ihr Zeitraum endet aber nicht bis zum "
                f"Stand des Konzepts ({shown}). Bitte 'bis' oder 'status' prüfen."
            )
        elif measure.status == "laufend" and end is not None and end < stand:
            message = (
                f"Die Maßnahme ist 'laufend', ihr Zeitraum endete aber am {german_date(end)}, "
                f"vor dem Stand des Konzepts ({shown})."
            )
        elif measure.status == "geplant" and start < stand:
            message = (
                f"Die Maßnahme ist 'geplant', ihr Beginn ({german_date(start)}) liegt aber vor "
                f"dem Stand des Konzepts ({shown}). Läuft sie schon?"
            )
        if message:
            yield Finding("massnahmen.yaml", ("massnahmen", index, "status"), message)


def committees_have_a_remit(concept: Concept) -> Iterator[Finding]:
    """A body of kind 'Sonstiges' oversees nothing until its sectors are named, so papers to it
    would report no measures."""
    for index, committee in enumerate(concept.committees):
        if not committee.remit:
            yield Finding(
                "gremien.yaml",
                ("gremien", index, "art"),
                f"Für '{committee.name}' (Art 'Sonstiges') sind keine Sektoren "
                "angegeben; Vorlagen an dieses Gremium zeigen dann keine Maßnahmen. "
                "Bitte unter 'sektoren' die Bereiche nennen, für die es zuständig ist.",
            )


#: Every plausibility rule, run in this order on a valid concept.
RULES: list[Rule] = [
    goals_have_measures,
    target_groups_have_goals,
    yearly_totals_plausible,
    costs_within_funding,
    percentages_in_range,
    update_within_cycle,
    status_matches_period,
    committees_have_a_remit,
]


def plausibility_warnings(
    concept: Concept, sources: dict[str, SourceFile], rules: list[Rule] = RULES
) -> list[Problem]:
    """Run the rules and locate each finding in its file."""
    return sorted(located((found for rule in rules for found in rule(concept)), sources, WARNING))


# --- entry point ------------------------------------------------------------------------------


def check(loaded: LoadedInputs, problems: list[Problem] | None = None) -> tuple[Concept, list[Problem]]:
    """The :class:`Concept` and the warnings about it, or :class:`InvalidInput` with every error.

    Warnings are looked for once there are no errors: the rules rely on a consistent concept.
    """
    problems = list(problems or [])
    parsed: dict[str, Item] = {}
    for name, source in loaded.files.items():
        model = model_for(name)
        try:
            parsed[name] = model.model_validate(source.data, context={FOLDER: loaded.folder})
        except ValidationError as error:
            problems.extend(_problems_from(error, source, model))
    known = _known_ids(parsed)
    papers = {name: model.paper for name, model in sorted(parsed.items()) if isinstance(model, PaperFile)}
    problems += located(
        chain(
            _duplicate_ids(parsed, known),
            _dangling(parsed, known),
            _cross_file_rules(parsed),
            _one_rating_per_goal(parsed),
            paper_findings(parsed, papers),
        ),
        loaded.files,
    )
    if problems or any(name not in parsed for name in FILE_MODELS):
        raise InvalidInput(problems)
    concept = _assemble(parsed, papers)
    return concept, plausibility_warnings(concept, loaded.files)


def _assemble(parsed: dict[str, Any], papers: dict[str, Any]) -> Concept:
    municipality_file = parsed["kommune.yaml"]
    committees = parsed["gremien.yaml"]
    return Concept(
        municipality=municipality_file.municipality,
        version=municipality_file.version,
        guiding_principle=municipality_file.guiding_principle,
        target_groups=parsed["zielgruppen.yaml"].target_groups,
        goals=parsed["ziele.yaml"].goals,
        measures=parsed["massnahmen.yaml"].measures,
        actors=parsed["akteure.yaml"].actors,
        network=parsed["netzwerk.yaml"],
        resources=parsed["ressourcen.yaml"],
        committees=committees.committees,
        decisions=committees.decisions,
        papers=list(papers.values()),
        council_system=committees.council_system or PLACEHOLDER_COUNCIL_SYSTEM,
        checks=municipality_file.checks,
        quality_ratings=parsed.get("qualitaet.yaml"),
    )
