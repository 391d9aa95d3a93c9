"""The vocabulary of the model: value types, references, choices and the base of every item.

Field names are English; the YAML keys users write are German (the field aliases, set with
:func:`field`). References between files are ids, marked with :class:`Ref` so the validator can
check them generically. Value types carry their own checks (text the documents can show: no
control or direction characters, only what the PDF's font has, no word too long for a line;
dates that are no numbers, money with two decimals, clock times in German spellings), and a
check that fails with :func:`refuse` reaches the user with its German sentence as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from pipeline.findings import Status
from pipeline.formatting import number_advice
from pipeline.model import fonts
from pipeline.model.kinds import FIRST_PAST_YEAR, FIRST_YEAR, LAST_YEAR, outside_the_years
from pipeline.model.kinds import MunicipalityKind as MunicipalityKind
from pipeline.model.kinds import State as State

#: pydantic error type of model checks whose message already is the German sentence for users.
GERMAN_MESSAGE = "meldung"


def package_yaml(text: str) -> Any:
    """YAML shipped with the package (the procedure table, the quality catalogs): trusted, and
    read by libyaml where PyYAML has it, which is many times faster."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def refuse(message: str) -> PydanticCustomError:
    """Raise this inside a model check: the message reaches the user as it is written."""
    return PydanticCustomError(GERMAN_MESSAGE, message)


#: Marks the refusal of a number that the file may write otherwise than YAML reads it ('16.30',
#: the number 16.3): validation reads the value again as the file writes it (pipeline.validate)
#: and checks that.
AS_WRITTEN = "wie_geschrieben"


def refuse_number(message: str) -> PydanticCustomError:
    """A refusal of a number, to be checked again as the file writes it (:data:`AS_WRITTEN`)."""
    return PydanticCustomError(GERMAN_MESSAGE, message, {AS_WRITTEN: True})


class Ref:
    """Marks a field as holding the id (or ids) of another kind of item."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"Ref({self.kind!r})"


def title_of(description: str) -> str:
    """'Name der Kommune, z. B. …' → 'Name der Kommune': a short title for editors' hints."""
    return re.split(r",? z\. B\.| \(|: ", description, maxsplit=1)[0].rstrip(",")


def field(alias: str, description: str, **kwargs: Any) -> Any:
    """A model field with its German YAML key, title and description (README, schema, editors)."""
    return Field(alias=alias, title=title_of(description), description=description, **kwargs)


#: What an id may look like: lower-case letters, digits, '-' and '_'.
ID_PATTERN = r"[a-z0-9][a-z0-9_-]*"
Id = Annotated[
    str,
    StringConstraints(pattern=rf"^{ID_PATTERN}$", max_length=60),
]
#: Characters that Word's XML cannot hold or that are invisible garbage from pasted text; the
#: byte order mark U+FEFF in the middle of a text is one too (PDF/UA forbids it), and so is a
#: carriage return, which YAML turns into a line break wherever a file has one (typst fails on
#: a tab before it).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
#: Invisible characters that set the direction of the text around them: embeddings and
#: overrides (U+202A–U+202E), isolates (U+2066–U+2069) and marks (U+200E, U+200F, U+061C). An
#: override makes "\u202e0001\u202c EUR" appear as "1000 EUR": the document would show
#: something other than what the file says.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Characters without a glyph that the PDF handles all the same: line breaks and tabs, and the
#: zero-width space, joiners and word joiner of pasted text.
WITHOUT_GLYPH = "\t\n\u200b\u200c\u200d\u2060"
#: The longest run of characters without a place to break the line (space, hyphen, dash,
#: slash, soft hyphen, zero-width space): longer than any German word or e-mail address, and
#: still fitting one line of the PDF. URLs break after their slashes.
MAX_WORD = 80
LINE_BREAKS = " \t\n\r\u2000-\u2006\u2008-\u200b\u205f\u3000/\\-\u00ad\u2010\u2012-\u2014"
LONG_WORD = re.compile(f"[^{LINE_BREAKS}]{{{MAX_WORD + 1},}}")


def character(char: str) -> str:
    """'U+1F600 GRINNING FACE' – a character named so that anyone can look it up."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


def shown(char: str) -> str:
    """A character as a message shows it: the sign itself where it is visible, and its code."""
    visible = char.isprintable() and not char.isspace() and not unicodedata.combining(char)
    return f"'{char}' ({character(char)})" if visible else f"({character(char)})"


def _before(text: str, index: int) -> str:
    """' nach „…zwanzig Zeichen“': what stands before a position, to find it in a long text."""
    if index == 0:
        return ""
    excerpt = " ".join(text[max(0, index - 20) : index].split())
    return f" nach „{'…' if index > 20 else ''}{excerpt}“" if excerpt else ""


def refuse_at(text: str, index: int, needle: str, message: str) -> PydanticCustomError:
    """A refusal about one spot of a text: the message says 'an Stelle N' (counted from 1) and
    what stands before it; `needle` is what the validator looks for in the file to report the
    exact line and column."""
    where = f"an Stelle {index + 1}{_before(text, index)}"
    return PydanticCustomError(GERMAN_MESSAGE, message.replace("{stelle}", where, 1), {"fundstelle": needle})


@cache
def _undisplayable() -> re.Pattern[str]:
    """Any character the PDF cannot show: one without a glyph in the font (and not handled
    without one), or forbidden in a tagged PDF."""
    allowed = "".join(
        re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in fonts.ranges(fonts.covered())
    )
    return re.compile(f"[^{allowed}{WITHOUT_GLYPH}]")


def _displayable(text: str) -> str:
    """Text the documents can show as written: no control characters (they corrupt Word
    files), nothing that turns the direction of the text, only characters the PDF's font has,
    and no word too long for a line."""
    if not any(c.isprintable() and not c.isspace() and unicodedata.category(c) != "Cf" for c in text):
        # only zero-width characters: the heading of a measure stood empty (fuzz review)
        raise refuse(
            "Der Text besteht nur aus unsichtbaren Zeichen (etwa aus kopiertem Text). Bitte Text eintragen."
        )
    found = CONTROL_CHARACTERS.search(text)
    if found:
        raise refuse_at(
            text,
            found.start(),
            found[0],
            f"Der Text enthält {{stelle}} ein unsichtbares Steuerzeichen ({character(found[0])}), oft aus "
            "kopiertem Text. Bitte entfernen.",
        )
    found = BIDI_CONTROLS.search(text)
    if found:
        raise refuse_at(
            text,
            found.start(),
            found[0],
            f"Der Text enthält {{stelle}} ein unsichtbares Zeichen für die Schreibrichtung "
            f"({character(found[0])}). Es lässt Text im Dokument anders erscheinen, als er hier steht "
            "(z. B. Ziffern in umgekehrter Folge). Bitte entfernen.",
        )
    found = _undisplayable().search(text)
    if found:
        raise refuse_at(
            text,
            found.start(),
            found[0],
            f"Der Text enthält {{stelle}} das Zeichen {shown(found[0])}, das die Schriften des PDF "
            f"({fonts.FAMILIES}) nicht darstellen können. Sie haben lateinische, griechische und "
            "kyrillische Buchstaben, aber z. B. keine Emojis und keine chinesischen oder arabischen "
            "Schriftzeichen. Bitte entfernen oder ersetzen.",
        )
    found = LONG_WORD.search(text)
    if found:
        raise refuse_at(
            text,
            found.start(),
            found[0][:20],
            f"Der Text enthält {{stelle}} ein Wort aus {len(found[0])} Zeichen ohne Leerzeichen, "
            f"Bindestrich oder Schrägstrich („{found[0][:20]}…“). Das passt in keine Zeile des PDF; "
            f"höchstens {MAX_WORD} Zeichen am Stück sind möglich. Bitte Leerzeichen oder Bindestriche "
            "einfügen oder kürzen.",
        )
    return text


#: A date as German administrations write it, the year in full: '23.11.2026', '1.3.2027'.
GERMAN_FULL_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


def german_full_date(text: str) -> dt.date | None:
    """The date a text like '23.11.2026' or '1.3.2027' names, None for any other text (also for a
    date the calendar lacks)."""
    german = GERMAN_FULL_DATE.fullmatch(text.strip())
    if german is None:
        return None
    day, month, year = (int(part) for part in german.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _as_date(value: Any) -> Any:
    """A date written '23.11.2026' read as the date it names, as YAML reads 2026-11-23 (the users
    write dates as their documents show them; the message named the date meant but refused it).
    A year of two digits stays refused: its century is a guess. YAML numbers would otherwise pass
    as dates counted in seconds since 1970."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip())):
        # also a number read again as written ('1767225600.00'): pydantic took digits for seconds
        raise PydanticCustomError("date_type", "Datum erwartet")
    # '31.02.2027' stays text: refused with the day to check (validate.messages)
    return (german_full_date(value) or value) if isinstance(value, str) else value


_NUMBER_TEXT = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?")


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20000),
    AfterValidator(_displayable),
]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier); the 31st becomes the month's last day and
    29 February the 28th outside leap years."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


CLOCK = re.compile(r"^(\d{1,2})(?:([:.,])(\d{2}))?\s*(Uhr)?$", re.IGNORECASE)


def _clock_time(value: Any) -> Any:
    """'16:00', '16.00', '16:00 Uhr' or '16 Uhr' → 16:00. YAML reads an unquoted 16.30 as the
    number 16.3 (16:00 unquoted stays text: the loader keeps YAML's base 60 as written): a number
    is refused, and validation checks again what the file writes (:func:`refuse_number`) – so
    16.30 unquoted is half past four."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        raise refuse_number(
            f'Die Uhrzeit {value} ist nicht eindeutig. Bitte in Anführungszeichen schreiben, z. B. "16:00".'
        )
    return clock_of(value) if isinstance(value, str) else value


def clock_of(text: str) -> dt.time:
    """The time a text names, or a refusal that says what to write."""
    found = CLOCK.match(text.strip())
    if found is None:
        raise refuse(f"'{text}' ist keine Uhrzeit. Bitte so schreiben: \"16:00\".")
    hour, minute = int(found[1]), int(found[3] or 0)
    if hour > 23 or minute > 59:
        wrong = "die Stunden gehen bis 23" if hour > 23 else "die Minuten gehen bis 59"
        raise refuse(f"'{text}' ist keine Uhrzeit: {wrong}. Bitte so schreiben: \"16:00\".")
    meant = f"{hour:02d}:{minute:02d}"
    if found[2] == ",":
        raise refuse(f"'{text}' – Uhrzeiten bitte mit Doppelpunkt schreiben: \"{meant}\".")
    if found[3] is None and found[4] is None:  # '16' alone: an hour, a number of minutes?
        raise refuse(
            f"'{text}' ist als Uhrzeit nicht eindeutig. Gemeint ist wohl \"{meant}\"; bitte so schreiben."
        )
    return dt.time(hour, minute)


ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]


def _yes_no(value: Any) -> Any:
    """'ja' and 'nein' mean what they say (YAML itself knows only true/false, yes/no)."""
    if isinstance(value, str) and value.strip().lower() in ("ja", "nein"):
        return value.strip().lower() == "ja"
    return value


#: In the JSON schema too: 'ja' and 'nein' as well as true and false (the field reference says
#: 'ja/nein'; an editor flagged 'nein' as not a boolean).
YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nein", "Ja", "Nein"]}]}),
]
#: What a web address looks like; messages name it a URL, not a Kennung.
URL_PATTERN = r"^https?://[^\s]+$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=300), AfterValidator(_displayable)]
#: One address, name@domain.tld, nothing else: 'keine Ahnung' and 'a@b.de" onmouseover=…' passed as
#: Text and stood so in the PDF (hostile-input sweep). A placeholder of `init` ('… (bitte ersetzen)')
#: passes here; the rule 'platzhalter' warns about it as about every other.
EMAIL_PATTERN = r"^(?:[^\s@\"'<>(),;:\[\]\\]+@[^\s@\"'<>(),;:\[\]\\]+\.[A-Za-z]{2,}|[^\n]*\(bitte ersetzen\))$"
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=EMAIL_PATTERN, max_length=254),
    AfterValidator(_displayable),
]


def _written_plainly(*, amounts: bool, places: int | None) -> BeforeValidator:
    """Refuses a number written the German way ('41.237,85', '80,40', or '80.400', which the
    loader keeps as text), saying how to write it; pydantic would read '80.400' as 80.4."""

    def check(value: Any) -> Any:
        advice = number_advice(value, amounts=amounts) if isinstance(value, str) else None
        if not advice:
            return value
        plain = value.strip()
        if not re.fullmatch(r"[+-]?\d+\.\d{3}", plain):  # '41.237,85', '80,40', '1.200 €'
            raise refuse(f"Hier wird eine Zahl erwartet, z. B. 1234.50; gefunden: '{plain}'. {advice}")
        if places is not None:
            raise refuse(
                f"Höchstens {places} Nachkommastellen erlaubt; gefunden: '{plain}'. Ist ein Tausenderpunkt "
                f"gemeint? {advice}"
            )
        raise refuse(f"'{plain}' ist nicht eindeutig: Ist ein Tausenderpunkt gemeint? {advice}")

    return BeforeValidator(check)


#: Euro amounts, with cents at most.
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2), _written_plainly(amounts=True, places=2)]
#: Measured values (indicators), with two decimals at most.
Number = Annotated[Decimal, Field(max_digits=14, decimal_places=2), _written_plainly(amounts=False, places=2)]
#: Hours of network time in a year.
Hours = Annotated[Decimal, Field(ge=0), _written_plainly(amounts=False, places=None)]
#: Whole numbers; strict, because YAML's 'yes'/'true' would otherwise count as 1.
Integer = Annotated[int, Strict()]
Year = Annotated[int, Strict(), Field(ge=FIRST_YEAR, le=LAST_YEAR)]


#: What editors check a date against (inputs/schema): either way of writing it.
_DATE_SCHEMA = WithJsonSchema(
    {
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "pattern": r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$"},
        ]
    }
)


def _within(first: int) -> AfterValidator:
    def check(value: dt.date) -> dt.date:
        outside = outside_the_years(value.year, first)
        if outside:
            raise refuse(f"Das Datum {value.day:02d}.{value.month:02d}.{value.year:04d} {outside}. Bitte prüfen.")
        return value

    return AfterValidator(check)


#: A date the inputs can mean: a measure's start of 0001-01-01 printed „seit 01.01.1“ and broke the
#: workbook's date cell, 9999-12-31 passed (fuzz review); a long-standing offer may have begun in 1985.
Date = Annotated[dt.date, BeforeValidator(_as_date), _DATE_SCHEMA, _within(FIRST_PAST_YEAR)]
#: A date the plans of a concept can mean: its Stand, a budget's adoption (a Stand of 1899 passed and
#: gave 54 warnings, a Beschluss of 9999-12-31 none; hostile-input sweep).
PlanDate = Annotated[dt.date, BeforeValidator(_as_date), _DATE_SCHEMA, _within(FIRST_YEAR)]

ActorRef = Annotated[str, Ref("akteur")]
GoalRef = Annotated[str, Ref("ziel")]
TargetGroupRef = Annotated[str, Ref("zielgruppe")]
MeasureRef = Annotated[str, Ref("massnahme")]
SocialSpaceRef = Annotated[str, Ref("sozialraum")]
CommitteeRef = Annotated[str, Ref("gremium")]
IncomeRef = Annotated[str, Ref("ertrag")]
ExpenseRef = Annotated[str, Ref("aufwand")]
BudgetLineRef = Annotated[str, Ref("haushaltsposition")]
PurposeRef = Annotated[str, Ref("zweck")]
OrganisationRef = Annotated[str, Ref("traeger")]
PositionRef = Annotated[str, Ref("stelle")]
DecisionRef = Annotated[str, Ref("beschluss")]
NetworkBodyRef = Annotated[str, Ref("netzwerkgremium")]
QualityGoalRef = Annotated[str, Ref("qualitaetsziel")]
#: An actor or a network body: who collects an indicator or runs an evaluation.
ResponsibleRef = Annotated[str, Ref("zustaendig")]
FormRef = Annotated[str, Ref("formular")]

KIND_LABELS: dict[str, str] = {
    "akteur": "Akteur",
    "ziel": "Ziel",
    "zielgruppe": "Zielgruppe",
    "massnahme": "Maßnahme",
    "sozialraum": "Sozialraum",
    "gremium": "Gremium",
    "ertrag": "Ertrag",
    "aufwand": "Aufwand",
    "haushaltsposition": "Aufwands- oder Ertragsposition",
    "zweck": "Maßnahme (oder 'netzwerkkoordination')",
    "traeger": "Träger",
    "stelle": "Personalstelle",
    "beschluss": "Beschluss",
    "netzwerkgremium": "Netzwerkgremium",
    "qualitaetsziel": "Qualitätsziel",
    "zustaendig": "Akteur oder Netzwerkgremium",
    "formular": "Formular",
}

#: The typefaces a municipality may choose ('layout.schrift'; the fonts behind them:
#: pipeline.model.fonts.TYPEFACES).
TypefaceChoice = Literal["serifenlos", "mit Serifen"]
Sector = Literal[
    "Kinder- und Jugendhilfe",
    "Gesundheitswesen",
    "Soziales",
    "Frühförderung",
    "Bildung",
    "Zivilgesellschaft",
    "Verwaltung",
    "Sonstiges",
]
#: A church Träger's own data-protection law (Art. 91 DSGVO): the Catholic KDG or the Protestant DSG-EKD.
Church = Literal["katholisch", "evangelisch"]
OrganisationForm = Literal["Institution", "freiberuflich", "ehrenamtlich-zivilgesellschaftlich"]
#: Staff of an institution; volunteers (no Berufsgeheimnisträger under § 4 KKG, unpaid).
INSTITUTION: OrganisationForm = "Institution"
VOLUNTEERS: OrganisationForm = "ehrenamtlich-zivilgesellschaftlich"
GoalKind = Literal["Wirkungsziel", "Handlungsziel"]
MeasureStatus = Literal["geplant", "laufend", "abgeschlossen"]
NetworkBodyKind = Literal["Steuerungsgruppe", "Netzwerkkonferenz", "Arbeitskreis", "Qualitätszirkel", "Sonstiges"]
#: Who pays the income (Erträge) of the Frühe Hilfen; the municipality's own share is no source
#: of its own but what remains: the Zuschussbedarf (Aufwand − Ertrag).
#: 'Kreis': what the Kreis pays a city within it that is örtlicher Träger der Jugendhilfe (the
#: Landkreis replaces „den erforderlichen Aufwand“ and two thirds of its staff costs, § 5 Abs. 2
#: LKJHG BW a. F. as a review of a Große Kreisstadt read it, and the LKJHG of 2025 as seemoz.de
#: quotes it on 04.12.2025 – paragraph not read; as 'Dritte' it read „Erstattungen … Dritter“).
IncomeSource = Literal["Bundesstiftung Frühe Hilfen", "Land", "Kreis", "Krankenkassen", "Dritte"]
#: What an expense (Aufwand) is, as a Kämmerei groups it.
ExpenseKind = Literal["Personal", "Sachkosten", "Zuwendung an Träger"]
#: How far a year's budget is: adopted, a draft before the council, or only planned.
BudgetStatus = Literal["beschlossen", "Entwurf", "Planung"]
#: What kind of organisation a Träger or employer is.
OrganisationKind = Literal[
    "öffentlicher Träger", "freier Träger", "Einrichtung des Gesundheitswesens", "Unternehmen", "Sonstige"
]
#: The elected representation that takes the final decision for the whole municipality (the
#: Vertretungskörperschaft of § 71 Abs. 4 SGB VIII), by its names in the Länder.
CouncilKind = Literal[
    "Kreistag",
    "Stadtrat",
    "Gemeinderat",
    "Rat",
    "Stadtverordnetenversammlung",
    "Stadtvertretung",
    "Ratsversammlung",
    "Bürgerschaft",
    "Stadtbürgerschaft",
    "Regionsversammlung",
    "Städteregionstag",
    "Regionalversammlung",
    "Bezirksverordnetenversammlung",
    "Bezirksversammlung",
]
#: Bodies that prepare the council's decisions (a main committee) or submit its papers (a
#: collegial administration such as the Magistrat); see pipeline/model/procedure.
PreparingKind = Literal[
    "Kreisausschuss",
    "Hauptausschuss",
    "Verwaltungsausschuss",
    "Magistrat",
    "Bezirksamt",
    "Stadtvorstand",
    "Kreisvorstand",
    "Senat",
]
CommitteeKind = Literal[
    "Jugendhilfeausschuss",
    "Gesundheitsausschuss",
    "Sozialausschuss",
    "Sozial- und Gesundheitsausschuss",
    CouncilKind,
    PreparingKind,
    # the representation of a part of the municipality: Ortsbeirat, Ortschaftsrat, Ortsteilrat, Ortsrat,
    # Bezirksvertretung, Stadtbezirksrat (reviews in Mecklenburg-Vorpommern and Thüringen: as
    # 'Sonstiges' it was asked for sectors and listed in OParl as an Ausschuss)
    "Ortsbeirat",
    # the council's finance committee (compulsory in M-V, § 36 Abs. 2 KV M-V): it holds no
    # Fachbudget and plans no Frühe Hilfen of its own (NI review: as 'Sonstiges' with the three
    # sectors it counted as the joint planning of Jugendhilfe, Gesundheit and Soziales)
    "Finanzausschuss",
    # a council of residents that is heard, not a committee of the council: Ausländerbeirat (§§ 84-88
    # HGO), Integrationsrat (§ 27 GO NRW), Senioren- or Behindertenbeirat (Hessian review: the
    # Ausländerbeirat was missing from a paper on a concept with a group of newly arrived families)
    "Beirat",
    "Sonstiges",
]
DecisionStatus = Literal["offen", "in Umsetzung", "umgesetzt"]
#: How often something is collected, held or repeated (indicators, trainings, formats of
#: participation, evaluations).
Frequency = Literal[
    "laufend",
    "monatlich",
    "vierteljährlich",
    "halbjährlich",
    "jährlich",
    "alle zwei Jahre",
    "alle drei Jahre",
    "alle vier Jahre",
    "alle fünf Jahre",
    "einmalig",
]
#: How often a project recurs (a survey): the years between its runs.
RepeatFrequency = Literal["jährlich", "alle zwei Jahre", "alle drei Jahre", "alle vier Jahre", "alle fünf Jahre"]
PaperKind = Literal["Beschlussvorlage", "Informationsvorlage", "Sachstandsbericht"]
#: What a body does with a paper; a collegial administration (Magistrat, Kreisausschuss in Hessen)
#: resolves on submitting it: "Beschluss über die Vorlage"; the council that decides may first refer
#: it to its committees: "Überweisung" (a Berlin BVV; Berlin review).
ConsultationRole = Literal[
    "Vorberatung", "Anhörung", "Entscheidung", "Kenntnisnahme", "Beschluss über die Vorlage", "Überweisung"
]
#: The role of the deciding body's sitting that refers the paper to its committees.
REFERRAL = "Überweisung"
ContentBlock = Literal["konzept", "beschluesse", "massnahmen", "indikatoren", "netzwerk", "ressourcenplanung"]
GeneratedAttachment = Literal[
    "gesamtkonzept", "massnahmenplan", "kooperationsvereinbarung", "einverstaendniserklaerung"
]
#: How far a goal of a quality dimension is reached (see pipeline.findings).
QualityStatus = Status

#: Sectors a committee is responsible for when gremien.yaml does not say otherwise; bodies not
#: listed (Kreistag, Rat, Haupt- und Kreisausschuss) oversee all sectors, 'Sonstiges' none
#: until its 'sektoren' are named.
DEFAULT_REMIT: dict[str, tuple[str, ...]] = {
    "Jugendhilfeausschuss": ("Kinder- und Jugendhilfe", "Bildung", "Zivilgesellschaft"),
    "Gesundheitsausschuss": ("Gesundheitswesen", "Frühförderung"),
    "Sozialausschuss": ("Soziales", "Frühförderung"),
    "Sozial- und Gesundheitsausschuss": ("Soziales", "Gesundheitswesen", "Frühförderung"),
    "Finanzausschuss": ("Verwaltung",),
    "Sonstiges": (),
}
COUNCIL_KINDS: tuple[str, ...] = get_args(CouncilKind)
PREPARING_KINDS: tuple[str, ...] = get_args(PreparingKind)
#: Collegial administrations among them: they resolve on papers, but are no political body. The
#: Senat of the Stadtgemeinde Bremen is one of its two organs with the Stadtbürgerschaft (Art. 148
#: Abs. 1 Satz 1 LV Bremen; Bremen review: entered as 'Sonstiges', it counted as a committee).
EXECUTIVE_KINDS: tuple[str, ...] = ("Magistrat", "Bezirksamt", "Stadtvorstand", "Kreisvorstand", "Senat")

#: The Länder that are Freistaaten: the money of the income source 'Land' is the Freistaat's in
#: every table and sentence (Bavarian and Saxon reviews: "Bundesstiftung Frühe Hilfen und Land",
#: a row "Land" under a Bavarian city's Beschlussvorschlag), and so are its rules.
FREE_STATES = frozenset({"Bayern", "Sachsen", "Thüringen"})
#: The kinds of municipality that lie within a Kreis: it runs their Gesundheitsamt and Jobcenter
#: and, for the rest of its area, its own network.
CITIES_IN_A_KREIS = ("kreisangehörige Stadt", "große kreisangehörige Stadt")
#: Display order of income sources in budget tables.
INCOME_SOURCES: tuple[str, ...] = get_args(IncomeSource)
#: The income sources in the genitive, after 'Zuwendungen und Erstattungen' or 'eine Zuwendung'.
SOURCE_GENITIVES = {
    "Bundesstiftung Frühe Hilfen": "der Bundesstiftung Frühe Hilfen",
    "Land": "des Landes",
    "Krankenkassen": "der Krankenkassen",
    "Dritte": "Dritter",
}
#: Display order of the kinds of expenses.
EXPENSE_KINDS: tuple[str, ...] = get_args(ExpenseKind)
#: The purpose of expenses that belong to no measure: the network's coordination itself.
COORDINATION = "netzwerkkoordination"
#: Every sector, in the order of the choices.
SECTORS: tuple[str, ...] = get_args(Sector)
#: Every organisation form, in the order of the choices.
ORGANISATION_FORMS: tuple[str, ...] = get_args(OrganisationForm)


@cache
def _optional_keys(model: type[BaseModel]) -> frozenset[str | None]:
    """The YAML keys a model may leave out, worked out once per model (they were worked out
    once per entry: a large file has tens of thousands)."""
    return frozenset(info.alias for info in model.model_fields.values() if not info.is_required())


class Item(BaseModel):
    """Common configuration: unknown keys are errors, models are immutable.

    Every subclass names itself in German (``class Actor(Item, title="Akteur")``): messages
    say "kein Feld von Akteur", and editors show the title from the JSON Schema.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_not_given(cls, data: Any) -> Any:
        """An optional key written without a value ('beteiligt:', which YAML reads as null)
        means the same as leaving it out: an empty list, no value, the default."""
        if not isinstance(data, dict) or None not in data.values():
            return data
        optional = _optional_keys(cls)
        return {key: value for key, value in data.items() if value is not None or key not in optional}
