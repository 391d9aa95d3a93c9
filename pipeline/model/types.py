"""The vocabulary of the model: value types, references, choices and the base of every item.

Field names are English; the YAML keys users write are German (the field aliases, set with
:func:`field`). References between files are ids, marked with :class:`Ref` so the validator can
check them generically. Value types carry their own checks (text without control characters,
dates that are no numbers, money with two decimals, clock times in German spellings), and a
check that fails with :func:`refuse` reaches the user with its German sentence as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from pipeline.findings import Status
from pipeline.formatting import number_advice

#: pydantic error type of model checks whose message already is the German sentence for users.
GERMAN_MESSAGE = "meldung"


def refuse(message: str) -> PydanticCustomError:
    """Raise this inside a model check: the message reaches the user as it is written."""
    return PydanticCustomError(GERMAN_MESSAGE, message)


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


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60),
]
#: Characters that Word's XML cannot hold or that are invisible garbage from pasted text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _no_control_characters(text: str) -> str:
    """Control characters corrupt Word files; they usually come from pasted text."""
    found = CONTROL_CHARACTERS.search(text)
    if found:
        raise refuse(
            f"Der Text enthält an Stelle {found.start() + 1} ein unsichtbares Steuerzeichen "
            "(oft aus kopiertem Text). Bitte entfernen."
        )
    return text


def _no_number(value: Any) -> Any:
    """YAML numbers would otherwise pass as dates counted in seconds since 1970."""
    if isinstance(value, (int, float)):
        raise PydanticCustomError("date_type", "Datum erwartet")
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20000),
    AfterValidator(_no_control_characters),
]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier); the 31st becomes the month's last day and
    29 February the 28th outside leap years."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?:\s*Uhr)?$")


def _clock_time(value: Any) -> Any:
    """'16:00', '16.00' or '16:00 Uhr' → 16:00. YAML reads an unquoted 16:00 as the number 960
    (minutes), which is given back too; an unquoted 16.00 or 15 would be ambiguous, so it is
    refused with the way to write it."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and 60 <= value < 24 * 60:
        return dt.time(value // 60, value % 60)
    if isinstance(value, int | float):
        raise refuse(
            f'Die Uhrzeit {value} ist nicht eindeutig. Bitte in Anführungszeichen schreiben, z. B. "16:00".'
        )
    found = CLOCK.match(value.strip()) if isinstance(value, str) else None
    if found and int(found[1]) < 24 and int(found[2]) < 60:
        return dt.time(int(found[1]), int(found[2]))
    if isinstance(value, str):
        raise refuse(f"'{value}' ist keine Uhrzeit. Bitte so schreiben: \"16:00\".")
    return value


ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]


def _yes_no(value: Any) -> Any:
    """'ja' and 'nein' mean what they say (YAML itself knows only true/false, yes/no)."""
    if isinstance(value, str) and value.strip().lower() in ("ja", "nein"):
        return value.strip().lower() == "ja"
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
#: What a web address looks like; messages name it a URL, not a Kennung.
URL_PATTERN = r"^https?://[^\s]+$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=300)]


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
Year = Annotated[int, Strict(), Field(ge=1990, le=2100)]
Date = Annotated[dt.date, BeforeValidator(_no_number)]

ActorRef = Annotated[str, Ref("akteur")]
GoalRef = Annotated[str, Ref("ziel")]
TargetGroupRef = Annotated[str, Ref("zielgruppe")]
MeasureRef = Annotated[str, Ref("massnahme")]
SocialSpaceRef = Annotated[str, Ref("sozialraum")]
CommitteeRef = Annotated[str, Ref("gremium")]
FundingRef = Annotated[str, Ref("finanzierung")]
DecisionRef = Annotated[str, Ref("beschluss")]
NetworkBodyRef = Annotated[str, Ref("netzwerkgremium")]
QualityGoalRef = Annotated[str, Ref("qualitaetsziel")]

KIND_LABELS: dict[str, str] = {
    "akteur": "Akteur",
    "ziel": "Ziel",
    "zielgruppe": "Zielgruppe",
    "massnahme": "Maßnahme",
    "sozialraum": "Sozialraum",
    "gremium": "Gremium",
    "finanzierung": "Finanzierungslinie",
    "beschluss": "Beschluss",
    "netzwerkgremium": "Netzwerkgremium",
    "qualitaetsziel": "Qualitätsziel",
}

MunicipalityKind = Literal[
    "Landkreis",
    "kreisfreie Stadt",
    "große kreisangehörige Stadt",
    "kreisangehörige Stadt",
    "Stadtstaat",
    "Bezirk",
]
State = Literal[
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
]
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
OrganisationForm = Literal["Institution", "freiberuflich", "ehrenamtlich-zivilgesellschaftlich"]
GoalKind = Literal["Wirkungsziel", "Handlungsziel"]
MeasureStatus = Literal["geplant", "laufend", "abgeschlossen"]
NetworkBodyKind = Literal["Steuerungsgruppe", "Netzwerkkonferenz", "Arbeitskreis", "Qualitätszirkel", "Sonstiges"]
FundingSource = Literal["Bundesstiftung Frühe Hilfen", "Land", "Kommune", "Krankenkassen", "Dritte"]
CommitteeKind = Literal[
    "Jugendhilfeausschuss",
    "Gesundheitsausschuss",
    "Sozialausschuss",
    "Kreistag",
    "Stadtrat",
    "Gemeinderat",
    "Kreisausschuss",
    "Hauptausschuss",
    "Sonstiges",
]
DecisionStatus = Literal["offen", "in Umsetzung", "umgesetzt"]
PaperKind = Literal["Beschlussvorlage", "Informationsvorlage", "Sachstandsbericht"]
ConsultationRole = Literal["Vorberatung", "Anhörung", "Entscheidung", "Kenntnisnahme"]
ContentBlock = Literal["konzept", "beschluesse", "massnahmen", "indikatoren", "netzwerk", "ressourcenplanung"]
GeneratedAttachment = Literal["gesamtkonzept", "massnahmenplan"]
#: How far a goal of a quality dimension is reached (see pipeline.findings).
QualityStatus = Status

#: Sectors a committee is responsible for when gremien.yaml does not say otherwise; bodies not
#: listed (Kreistag, Rat, Haupt- und Kreisausschuss) oversee all sectors, 'Sonstiges' none
#: until its 'sektoren' are named.
DEFAULT_REMIT: dict[str, tuple[str, ...]] = {
    "Jugendhilfeausschuss": ("Kinder- und Jugendhilfe", "Bildung", "Zivilgesellschaft"),
    "Gesundheitsausschuss": ("Gesundheitswesen", "Frühförderung"),
    "Sozialausschuss": ("Soziales", "Frühförderung"),
    "Sonstiges": (),
}
#: Bodies that take the final decision for the whole municipality (§ 71 Abs. 3 SGB VIII).
COUNCIL_KINDS: tuple[str, ...] = ("Kreistag", "Stadtrat", "Gemeinderat")

#: Display order of funding sources in budget tables.
FUNDING_SOURCES: tuple[str, ...] = get_args(FundingSource)
#: Every sector, in the order of the choices.
SECTORS: tuple[str, ...] = get_args(Sector)
#: Every organisation form, in the order of the choices.
ORGANISATION_FORMS: tuple[str, ...] = get_args(OrganisationForm)


class Item(BaseModel):
    """Common configuration: unknown keys are errors, models are immutable.

    Every subclass names itself in German (``class Actor(Item, title="Akteur")``): messages
    say "kein Feld von Akteur", and editors show the title from the JSON Schema.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_not_given(cls, data: Any) -> Any:
        """An optional key written without a value ('beteiligt:', which YAML reads as null)
        means the same as leaving it out: an empty list, no value, the default."""
        if not isinstance(data, dict):
            return data
        optional = {info.alias for info in cls.model_fields.values() if not info.is_required()}
        return {key: value for key, value in data.items() if value is not None or key not in optional}
