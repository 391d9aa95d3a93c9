"""Stage 2: check loaded data against the model and the cross-references between files.

All problems of a run are collected and reported together, each located as
``datei.yaml:ZEILE:SPALTE`` with the field path and a German message that says how to fix it.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from pipeline.errors import InvalidInput, Problem
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


def format_path(path: Path_) -> str:
    """('massnahmen', 6, 'ziele', 1) → 'massnahmen[6].ziele[1]' (0-based, as YAML tools count)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


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
    for info in (model.model_fields.values() if model else []):
        if info.alias == key and info.description:
            return info.description
    return ""


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _message(error: dict[str, Any], file_model: type[BaseModel]) -> str:
    """A German sentence for one pydantic error, saying what was expected."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    loc = tuple(error["loc"])
    key = str(loc[-1]) if loc else ""
    owner = _model_at(file_model, loc)
    found = error.get("input")
    shown = repr(found) if isinstance(found, (str, int, float)) else type(found).__name__
    if kind == "missing":
        hint = _description(owner, key)
        return f"Pflichtfeld '{key}' fehlt" + (f" ({hint})." if hint else ".")
    if kind == "extra_forbidden":
        allowed = _aliases(owner)
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        tip = f" Meinten Sie '{close[0]}'?" if close else ""
        return f"'{key}' ist hier kein bekanntes Feld.{tip} Erlaubt sind: {', '.join(allowed)}."
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " oder ")
        return f"Der Wert {shown} ist nicht vorgesehen. Erlaubt sind: {expected}."
    if kind == "string_pattern_mismatch":
        return (f"Die Kennung {shown} ist ungültig: nur Kleinbuchstaben, Ziffern, '-' und '_', "
                "z. B. 'm-willkommensbesuche'.")
    if kind in {"string_too_short"}:
        return "Das Feld darf nicht leer sein."
    if kind == "string_too_long":
        return f"Der Text ist zu lang (höchstens {ctx.get('max_length')} Zeichen)."
    if kind == "string_type":
        return f"Hier wird Text erwartet, gefunden: {shown}."
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"Hier wird eine ganze Zahl erwartet, z. B. 1200; gefunden: {shown}."
    if kind in {"decimal_type", "decimal_parsing", "float_type", "float_parsing"}:
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
        return (f"Hier wird ein Datum im Format JJJJ-MM-TT erwartet, z. B. 2026-11-23; "
                f"gefunden: {shown}.")
    if kind in {"bool_type", "bool_parsing"}:
        return f"Hier wird ja oder nein erwartet (true/false); gefunden: {shown}."
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
    reason = str(error.get("msg", ""))
    if kind == "value_error" and "leitbild_leer" in reason:
        return "Bitte 'bezug_nzfh: true' setzen oder einen eigenen Leitbild-Text angeben."
    if kind == "value_error" and "zeitraum_verkehrt" in reason:
        return "Das Ende ('bis') liegt vor dem Beginn ('von')."
    if kind == "value_error" and "anlage_ohne_titel" in reason:
        return "Eine Anlage braucht einen 'titel' oder die Angabe 'erzeugt'."
    if kind == "value_error" and "sgb2_zu_gross" in reason:
        return "'kinder_unter_3_sgb2' kann nicht größer sein als 'kinder_unter_3'."
    if kind == "value_error" and "steuerzeichen:" in reason:
        position = reason.split("steuerzeichen:")[1].split()[0]
        return (f"Der Text enthält an Stelle {position} ein unsichtbares Steuerzeichen "
                "(oft aus kopiertem Text). Bitte entfernen.")
    return f"Ungültiger Wert {shown}."


def _problems_from(error: ValidationError, source: SourceFile, model: type[Item]) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        line, column = source.locate(loc, key=item["type"] == "extra_forbidden")
        problems.append(Problem(source.name, line, column, _message(item, model), format_path(loc)))
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


def _known_ids(parsed: dict[str, Item], sources: dict[str, SourceFile]) -> tuple[
    dict[str, list[str]], list[Problem]
]:
    known: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for kind, (file_name, path) in ID_SOURCES.items():
        if file_name not in parsed:
            continue
        ids = [item.id for item in _items_at(parsed[file_name], path)]
        for index, first in _repeated(ids):
            line, column = sources[file_name].locate(path + (index, "id"))
            problems.append(Problem(
                file_name, line, column,
                f"Die Kennung '{ids[index]}' ist bereits vergeben (Eintrag {first} derselben "
                "Liste). Kennungen müssen eindeutig sein.",
                format_path(path + (index, "id")),
            ))
        known[kind] = ids
    known["qualitaetsziel"] = catalog_goal_ids()
    return known, problems


def _repeated(values: list[str]) -> Iterator[tuple[int, int]]:
    """(index, index of its first occurrence) for every value the list already had before."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            yield index, first[value]
        first.setdefault(value, index)


def _one_rating_per_goal(parsed: dict[str, Item], sources: dict[str, SourceFile]) -> list[Problem]:
    """qualitaet.yaml: two ratings of one goal would contradict each other in the documents."""
    if "qualitaet.yaml" not in parsed:
        return []
    goals = [r.goal for r in parsed["qualitaet.yaml"].ratings]  # type: ignore[attr-defined]
    problems = []
    for index, first in _repeated(goals):
        path = ("einschaetzungen", index, "ziel")
        line, column = sources["qualitaet.yaml"].locate(path)
        problems.append(Problem(
            "qualitaet.yaml", line, column,
            f"Zum Ziel '{goals[index]}' gibt es schon eine Einschätzung (Eintrag {first}). Bitte "
            "je Ziel nur eine Einschätzung angeben.", format_path(path),
        ))
    return problems


def _dangling(parsed: dict[str, Item], sources: dict[str, SourceFile],
              known: dict[str, list[str]]) -> list[Problem]:
    problems = []
    for file_name, model in parsed.items():
        for kind, ref, path in _references(model, ()):
            if kind not in known or ref in known[kind]:
                continue
            line, column = sources[file_name].locate(path)
            label = KIND_LABELS[kind]
            close = difflib.get_close_matches(ref, known[kind], n=1, cutoff=0.6)
            tip = f" Meinten Sie '{close[0]}'?" if close else ""
            listed = ", ".join(known[kind][:8]) + (", …" if len(known[kind]) > 8 else "")
            where = PROJECT_IDS.get(kind) or ID_SOURCES[kind][0]
            problems.append(Problem(
                file_name, line, column,
                f"{label} '{ref}' gibt es nicht in {where}.{tip} Bekannt: {listed}.",
                format_path(path),
            ))
    return problems


# --- rules across files -----------------------------------------------------------------------


def _cross_file_rules(parsed: dict[str, Item], sources: dict[str, SourceFile]) -> list[Problem]:
    """Consistency rules the single-file models cannot see."""
    problems: list[Problem] = []
    if "ressourcen.yaml" in parsed and "massnahmen.yaml" in parsed:
        year_of = {f.id: f.year for f in parsed["ressourcen.yaml"].funding}  # type: ignore[attr-defined]
        for m_index, measure in enumerate(parsed["massnahmen.yaml"].measures):  # type: ignore[attr-defined]
            for c_index, cost in enumerate(measure.costs):
                funded_year = year_of.get(cost.funding)
                if funded_year is not None and funded_year != cost.year:
                    path = ("massnahmen", m_index, "kosten", c_index, "finanzierung")
                    line, column = sources["massnahmen.yaml"].locate(path)
                    problems.append(Problem(
                        "massnahmen.yaml", line, column,
                        f"Die Finanzierungslinie '{cost.funding}' gilt für {funded_year}, "
                        f"die Kosten sind aber für {cost.year} angegeben.",
                        format_path(path),
                    ))
    if "ziele.yaml" in parsed:
        goals = parsed["ziele.yaml"].goals  # type: ignore[attr-defined]
        kinds = {g.id: g.kind for g in goals}
        for index, goal in enumerate(goals):
            if goal.parent and goal.kind == "Wirkungsziel":
                path = ("ziele", index, "uebergeordnet")
                line, column = sources["ziele.yaml"].locate(path)
                problems.append(Problem(
                    "ziele.yaml", line, column,
                    "Ein Wirkungsziel hat kein übergeordnetes Ziel; nur Handlungsziele werden "
                    "einem Wirkungsziel zugeordnet.", format_path(path),
                ))
            elif goal.parent and kinds.get(goal.parent) == "Handlungsziel":
                path = ("ziele", index, "uebergeordnet")
                line, column = sources["ziele.yaml"].locate(path)
                problems.append(Problem(
                    "ziele.yaml", line, column,
                    f"'{goal.parent}' ist ein Handlungsziel; übergeordnet kann nur ein "
                    "Wirkungsziel sein.", format_path(path),
                ))
    if "kommune.yaml" in parsed:
        version = parsed["kommune.yaml"].version  # type: ignore[attr-defined]
        if version.update.next_date <= version.date:
            path = ("konzept", "fortschreibung", "naechste")
            line, column = sources["kommune.yaml"].locate(path)
            problems.append(Problem(
                "kommune.yaml", line, column,
                "Die nächste Fortschreibung muss nach dem Stand des Konzepts liegen.",
                format_path(path),
            ))
    return problems


# --- entry point ------------------------------------------------------------------------------


def validate(loaded: LoadedInputs, problems: list[Problem] | None = None) -> Concept:
    """Turn loaded files into a :class:`Concept`, or raise :class:`InvalidInput` with every problem."""
    problems = list(problems or [])
    parsed: dict[str, Item] = {}
    for name, source in loaded.files.items():
        model = model_for(name)
        try:
            parsed[name] = model.model_validate(source.data)
        except ValidationError as error:
            problems.extend(_problems_from(error, source, model))
    known, id_problems = _known_ids(parsed, loaded.files)
    problems += id_problems
    problems += _dangling(parsed, loaded.files, known)
    problems += _cross_file_rules(parsed, loaded.files)
    problems += _one_rating_per_goal(parsed, loaded.files)
    papers = {name: model.paper for name, model in sorted(parsed.items())
              if isinstance(model, PaperFile)}
    for finding in paper_findings(parsed, papers):
        line, column = loaded.files[finding.file].locate(finding.path)
        problems.append(Problem(finding.file, line, column, finding.message,
                                format_path(finding.path)))
    if problems or any(name not in parsed for name in FILE_MODELS):
        raise InvalidInput(problems)
    return _assemble(parsed, papers)


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
        quality_ratings=parsed.get("qualitaet.yaml"),
    )
