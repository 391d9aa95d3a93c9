"""Pydantic's complaints about one input file, said in German for people who write YAML.

Each message names what was expected, with an example, and where it helps the nearest allowed
key ("meinten Sie 'zielgruppen'?"). Checks of the model that fail with
:func:`pipeline.model.types.refuse` already speak German and pass through unchanged.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from pipeline.findings import Finding, Path_, Place
from pipeline.formatting import number, number_advice, sentence_end
from pipeline.load import SourceFile
from pipeline.load.yaml_source import FLOW_COMMA
from pipeline.model.types import EMAIL_PATTERN, GERMAN_MESSAGE, URL_PATTERN, Item, german_full_date

#: A value in the form of a date that YAML kept as text because no such day exists (2026-02-30).
IMPOSSIBLE_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
#: A date as Germans write it (23.11.2026): the message proposes the form the file needs.
GERMAN_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4}|[0-9]{2})")


_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
)  # fmt: skip


def _not_in_the_calendar(year: int, month: int, day: int) -> tuple[str, str]:
    """Why a date is not in the calendar, and what to check: the year, the month, or the day –
    naming the year only where it decides ('einen 29. Februar gibt es 2027 nicht')."""
    if year < 1:
        return "ein Jahr 0 gibt es nicht", "das Jahr"
    if not 1 <= month <= 12:
        return f"einen {month}. Monat gibt es nicht", "den Monat"
    if month == 2 and day == 29:
        return f"einen 29. Februar gibt es {year} nicht", "den Tag"
    return f"einen {day}. {_MONTHS[month - 1]} gibt es nicht", "den Tag"


#: '15. Oktober 2026', '1. Okt. 2026', and '2026-10-15.' with a sentence's dot: a date as a
#: letter or the clipboard has it (user test: no suggestion for them).
_DATE_IN_WORDS = re.compile(r"([0-9]{1,2})\.\s*([A-Za-zÄä]+)\.?\s*([0-9]{4})\.?")
_ISO_WITH_DOT = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\.")


def _month_number(word: str) -> int | None:
    """The month a German month's name or its usual abbreviation names ('Okt', 'Sept', 'Mrz')."""
    word = word.lower()
    for month, name in enumerate(_MONTHS, 1):
        if word == name.lower() or (len(word) >= 3 and name.lower().startswith(word)):
            return month
    return {"mrz": 3, "maerz": 3, "sept": 9}.get(word)


def _date_in_words(text: str) -> dt.date | None:
    """The date of '15. Oktober 2026' or '2026-10-15.', None for any other text or a day the
    calendar lacks."""
    if found := _ISO_WITH_DOT.fullmatch(text):
        year, month, day = (int(part) for part in found.groups())
    elif (found := _DATE_IN_WORDS.fullmatch(text)) and (named := _month_number(found[2])):
        year, month, day = int(found[3]), named, int(found[1])
    else:
        return None
    return dt.date(year, month, day) if _exists(year, month, day) else None


def _date_hint(found: Any) -> str:
    """What a date written otherwise lacks or has too much: ' Es fehlt der Tag: TT.01.2027, etwa
    01.01.2027.' for 01.2027, the date meant for '15. 10. 2026' or '23.11.2026.'; empty for
    anything else."""
    if isinstance(found, bool) or not isinstance(found, str | int | float):
        return ""
    text = str(found).strip()
    # spaces after its dots, a dot after it: the date as types.german_full_date reads it otherwise
    meant = german_full_date(re.sub(r"\.\s+", ".", text.removesuffix("."))) or _date_in_words(text)
    if meant is not None:
        return f" Gemeint ist wohl {meant.day:02d}.{meant.month:02d}.{meant.year:04d}."
    month_year = re.fullmatch(r"([0-9]{1,2})\.([0-9]{4})", text) or re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text)
    if month_year:
        month, year = sorted(month_year.groups(), key=len)
        if 1 <= int(month) <= 12:
            return f" Es fehlt der Tag: TT.{int(month):02d}.{year}, etwa 01.{int(month):02d}.{year}."
    if re.fullmatch(r"(19|20|21)[0-9]{2}", text):
        return f" Es fehlen Tag und Monat: TT.MM.{text}, etwa 01.01.{text}."
    day_month = re.fullmatch(r"([0-9]{1,2})\.([0-9]{1,2})\.?", text)
    if day_month and 1 <= int(day_month[1]) <= 31 and 1 <= int(day_month[2]) <= 12:
        return f" Es fehlt das Jahr: {int(day_month[1]):02d}.{int(day_month[2]):02d}.JJJJ."
    return ""


def _exists(year: int, month: int, day: int) -> bool:
    """Whether the date is in the calendar."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


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


def _closest(found: object, expected: str) -> str:
    """' Meinten Sie 'Sozial- und Gesundheitsausschuss'?' where a choice differs from the value
    by a hyphen or a letter (Saxon review: ids had the hint, the 30 kinds of body not)."""
    if not isinstance(found, str):
        return ""
    choices = re.findall(r"'([^']*)'", expected)
    by_key = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(found.casefold(), list(by_key), n=1, cutoff=0.8)
    return f" Meinten Sie '{by_key[close[0]]}'?" if close else ""


def _meant_field(key: str, owner: type[BaseModel] | None) -> str | None:
    """The field an unknown key most likely misspells ('zielgrupen' → 'zielgruppen'), if any."""
    close = difflib.get_close_matches(key, _aliases(owner), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(key: str, owner: type[BaseModel] | None, file_name: str, top: bool) -> str:
    """'zielgrupen' ist kein Feld von Maßnahme – meinten Sie 'zielgruppen'? Erlaubt sind: …"""
    allowed = _aliases(owner)
    close = _meant_field(key, owner)
    tip = f" – meinten Sie '{close}'?" if close else "."
    if not close and not re.fullmatch(r"[a-zäöüß_]+", key):  # no field name: a value split at a comma
        tip = f". Steht der Eintrag in {{ … }}? Dort {FLOW_COMMA}."
    if top:
        where = f"kein Abschnitt von {file_name}"
    else:
        title = owner.model_config.get("title") if owner else None
        where = f"kein Feld von {title}" if title else "hier kein bekanntes Feld"
    return f"'{key}' ist {where}{tip} Erlaubt sind: {', '.join(allowed)}."


def _number_hint(found: Any, description: str) -> str:
    """' Zahlen ohne Tausenderpunkt schreiben: 131000.' for a number written the German way
    ('131.000', '1,5'); empty for anything else."""
    if not isinstance(found, str):
        return ""
    advice = number_advice(found, amounts="Euro" in description)
    if advice:
        return f" {advice}"
    written = found.strip()
    if re.fullmatch(r"[+-]?0\d+", written):  # kept as text: YAML would read it as octal
        return f" Bitte ohne führende Null schreiben: {int(written)}."
    if re.fullmatch(r"[+-]?\d+(?:_\d+)+", written):
        return f" Bitte ohne Unterstriche schreiben: {written.replace('_', '')}."
    if re.fullmatch(r"-?\d+(?:\.\d+)?", written):  # '2026' in quotes: YAML reads text
        return f" Bitte ohne Anführungszeichen schreiben: {written}."
    percent = re.fullmatch(r"(-?\d+(?:[.,]\d+)?)\s*(?:%|Prozent)", written)
    if percent:
        return f" Bitte ohne Prozentzeichen schreiben: {percent[1].replace(',', '.')}."
    return ""


def _shown(found: Any) -> str:
    """A value as the message quotes it: text and numbers as written, anything else by what it
    is in German ('list' and 'dict' meant nothing to a user who wrote a list by mistake)."""
    if isinstance(found, bool):
        return "ja" if found else "nein"
    if isinstance(found, (str, int, float)):
        return repr(found)
    if isinstance(found, dt.date):
        return f"das Datum {found.isoformat()}"
    if isinstance(found, list):
        return "eine Liste"
    if isinstance(found, dict):
        return "ein Abschnitt mit Feldern"
    return "ein Wert anderer Art"


def _message(error: dict[str, Any], file_model: type[BaseModel], file_name: str) -> str:
    """A German sentence for one pydantic error, saying what was expected."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    loc = tuple(error["loc"])
    key = str(loc[-1]) if loc else ""
    owner = _model_at(file_model, loc)
    found = error.get("input")
    shown = _shown(found)
    if kind == GERMAN_MESSAGE:
        return str(error["msg"])
    if kind == "missing":
        hint = _description(owner, key)
        # the field's description after a colon: in brackets, its own brackets nested (NRW review:
        # '(Mittelgeber, wie bei den Erträgen (z. B. …))')
        return f"Pflichtfeld '{key}' fehlt" + (f": {sentence_end(hint)}" if hint else ".")
    if found is None and loc and kind != "extra_forbidden":  # 'titel:' with nothing after it
        if isinstance(loc[-1], int):
            return "Der Listeneintrag ist leer. Bitte einen Wert nach '- ' eintragen oder die Zeile löschen."
        hint = _description(owner, key)
        return (
            f"Pflichtfeld '{key}' ist leer"
            + (f": {sentence_end(hint)}" if hint else ".")
            + " Bitte einen Wert eintragen."
        )
    if kind == "extra_forbidden":
        return _unknown_key(key, owner, file_name, top=len(loc) == 1)
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " oder ")
        if isinstance(found, (list, dict)):
            return f"Hier wird ein einzelner Wert erwartet, gefunden: {shown}. Erlaubt sind: {expected}."
        if isinstance(found, bool):
            # 'bundesland: no' said 'Der Wert nein …': YAML reads no/yes/on/off as ja/nein (fuzz review)
            return (
                "Hier steht ein Ja/Nein-Wert (so liest YAML yes/no, on/off und true/false); vorgesehen ist "
                f"einer von: {expected}. Ist ein Text gemeint, bitte in Anführungszeichen setzen."
            )
        return f"Der Wert {shown} ist nicht vorgesehen.{_closest(found, expected)} Erlaubt sind: {expected}."
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == URL_PATTERN:
        return (
            f"Die Adresse {shown} ist keine gültige URL: Sie beginnt mit http:// oder https:// "
            "und enthält keine Leerzeichen, z. B. 'https://ris.example.org/oparl/'."
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == EMAIL_PATTERN:
        return (
            f"{shown} ist keine E-Mail-Adresse. Bitte eine Adresse wie 'fruehe-hilfen@kreis.example.de' eintragen."
        )
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
    if kind == "string_type" and isinstance(found, (list, dict)):
        return f"Hier wird ein einzelner Text erwartet, gefunden: {shown}. Bitte nur einen Wert eintragen."
    if kind == "string_type":
        return (
            f"Hier wird Text erwartet, gefunden: {shown}. Zahlen, Daten oder ja/nein, die als "
            'Text gemeint sind, bitte in Anführungszeichen setzen, z. B. "2.0".'
        )
    number_hint = _number_hint(found, _description(owner, key))
    if kind in {"int_type", "int_parsing", "int_from_float", "int_strict"}:
        return f"Hier wird eine ganze Zahl erwartet, z. B. 1200; gefunden: {shown}.{number_hint}"
    if kind in {"decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"}:
        return f"Hier wird eine Zahl erwartet, z. B. 1234.50; gefunden: {shown}.{number_hint}"
    if kind == "decimal_max_places":
        return f"Höchstens {ctx.get('decimal_places')} Nachkommastellen erlaubt; gefunden: {shown}.{number_hint}"
    if kind == "decimal_max_digits":
        return f"Die Zahl {shown} ist zu groß."
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        return f"Der Wert {shown} ist zu klein; er muss mindestens {bound} betragen."
    if kind in {"less_than_equal", "less_than"}:
        bound = ctx.get("le", ctx.get("lt"))
        shown_bound = number(bound) if isinstance(bound, int) else bound  # '5.000.000', not '5000000'
        return f"Der Wert {shown} ist zu groß; er darf höchstens {shown_bound} betragen."
    if kind.startswith("date") and isinstance(found, str) and (iso := IMPOSSIBLE_DATE.fullmatch(found.strip())):
        year, month, day = (int(part) for part in iso.groups())
        if _exists(year, month, day):  # '2026-5-7': the date is there, its zeros are not (user test)
            return (
                f"Monat und Tag bitte zweistellig schreiben: {year:04d}-{month:02d}-{day:02d} "
                f"(oder {day:02d}.{month:02d}.{year}); gefunden: {shown}."
            )
        wrong, check = _not_in_the_calendar(year, month, day)
        return f"Das Datum {shown} gibt es nicht ({wrong}). Bitte {check} prüfen."
    if kind.startswith("date") or kind.startswith("datetime"):
        german = GERMAN_DATE.fullmatch(found.strip()) if isinstance(found, str) else None
        # a year of two digits ('1.2.26') is this century's (NRW review: no suggestion for it)
        # … and a past one's above the next years' ('1.10.98' is 1998; diff review)
        year = int(german[3]) if german else 0
        if german and len(german[3]) == 2:
            year += 2000 if year <= dt.date.today().year % 100 + 20 else 1900
        if german and not _exists(year, int(german[2]), int(german[1])):
            # no suggestion that the next run refuses (a '31.02.2027' became '2027-02-31'; review)
            wrong, check = _not_in_the_calendar(year, int(german[2]), int(german[1]))
            if len(german[3]) == 4:  # written as it may be: only the calendar refuses it (diff review)
                return f"Das Datum {shown} gibt es nicht ({wrong}). Bitte {check} prüfen."
            return (
                f"Hier wird ein Datum mit vierstelligem Jahr erwartet, z. B. 23.11.2026; gefunden: {shown}. "
                f"{wrong[0].upper() + wrong[1:]}: bitte {check} prüfen."
            )
        meant = f" Gemeint ist wohl {int(german[1]):02d}.{int(german[2]):02d}.{year}." if german else ""
        return (
            f"Hier wird ein Datum im Format TT.MM.JJJJ (mit vierstelligem Jahr) oder JJJJ-MM-TT erwartet, z. B. "
            f"23.11.2026; gefunden: {shown}.{meant or _date_hint(found)}"
        )
    if kind in {"bool_type", "bool_parsing"}:
        return f"Hier wird ja oder nein erwartet (auch true/false); gefunden: {shown}."
    if kind == "list_type":
        return "Hier wird eine Liste erwartet: jeder Eintrag in einer eigenen Zeile mit '- '."
    if kind == "too_short":
        need = int(ctx.get("min_length", 1))
        return f"Die Liste braucht mindestens {need} {_plural(need, 'Eintrag', 'Einträge')}."
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        if not loc:
            aliases = _aliases(file_model)
            names = ", ".join(f"'{a}:'" for a in aliases)
            return (
                f"Die Datei muss {'den Abschnitt' if len(aliases) == 1 else 'die Abschnitte'} {names} enthalten."
            )
        return "Hier wird ein Abschnitt mit Feldern erwartet (Schlüssel: Wert)."
    return f"Ungültiger Wert {shown}."


def problems_from(error: ValidationError, source: SourceFile, model: type[Item]) -> list[Finding]:
    """Every complaint of pydantic about one file, located and said in German."""
    problems = []
    errors = error.errors()
    # a required field written misspelt is one mistake: 'federführung' ist kein Feld – meinten Sie
    # 'federfuehrung'?, not also „Pflichtfeld 'federfuehrung' fehlt“ (NRW review: 6 errors for 3 typos)
    meant = {
        (*loc[:-1], close)
        for item in errors
        if item["type"] == "extra_forbidden"
        and (loc := tuple(item["loc"]))
        and (close := _meant_field(str(loc[-1]), _model_at(model, loc)))
    }
    for item in errors:
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc in meant:
            continue
        needle = (item.get("ctx") or {}).get("fundstelle") if item["type"] == GERMAN_MESSAGE else None
        if needle:  # a refusal about one spot of a text: point at it, not at the text's start
            line, column = source.locate_within(loc, needle)
        else:
            line, column = source.locate(loc, key=item["type"] == "extra_forbidden")
        message = _message(dict(item), model, source.name)
        problems.append(Finding(Place(source.name, loc, line, column), message))
    return problems
