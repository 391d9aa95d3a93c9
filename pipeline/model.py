"""Stage 3: the typed model of a municipality's Frühe Hilfen, the single source of truth.

Field names are English; the YAML keys users write are German (the field aliases). References
between files are ids, marked with :class:`Ref` so the validator can check them generically.
Derived figures (sums, matrices, numbering) live here as properties, so templates only read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal
from typing import Annotated, Any, Literal

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

from pipeline.errors import refuse
from pipeline.input_files import input_file


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
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=300)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
#: Whole numbers; strict, because YAML's 'yes'/'true' would otherwise count as 1.
Integer = Annotated[int, Strict()]
Year = Annotated[int, Strict(), Field(ge=1990, le=2100)]
Date = Annotated[dt.date, BeforeValidator(_no_number)]
Logo = input_file(".png", ".jpg", ".jpeg", ".svg")
AttachmentFile = input_file(".pdf", max_bytes=20 * 1024 * 1024)

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
#: How far a goal of a quality dimension is reached, from best to worst; 'nicht prüfbar' when
#: the data cannot say.
QualityStatus = Literal["erfüllt", "teilweise", "offen", "nicht prüfbar"]

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
FUNDING_SOURCES: tuple[str, ...] = FundingSource.__args__  # type: ignore[attr-defined]


class Item(BaseModel):
    """Common configuration: unknown keys are errors, models are immutable.

    Every subclass names itself in German (``class Actor(Item, title="Akteur")``): messages
    say "kein Feld von Akteur", and editors show the title from the JSON Schema.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


# --- kommune.yaml ---------------------------------------------------------------------------


class Contact(Item, title="Erreichbarkeit"):
    phone: Text | None = field("telefon", "Telefonnummer", default=None)
    email: Text | None = field("email", "E-Mail-Adresse", default=None)
    address: Text | None = field("anschrift", "Postanschrift in einer Zeile", default=None)


class Coordination(Item, title="Netzwerkkoordination"):
    position: Text = field("stelle", "Bezeichnung der Stelle der Netzwerkkoordination")
    person: Text = field("person", "Name der Koordinatorin oder des Koordinators")
    contact: Contact = field("kontakt", "Erreichbarkeit", default_factory=Contact)


class SocialSpace(Item, title="Sozialraum"):
    id: Id = field("id", "Kennung, auf die andere Dateien verweisen")
    name: Text = field("name", "Name des Sozialraums")
    description: Text | None = field("beschreibung", "Kurze Beschreibung", default=None)
    population: Integer | None = field("einwohner", "Einwohnerzahl", default=None, ge=0)
    births: Integer | None = field("geburten", "Geburten pro Jahr", default=None, ge=0)


class Municipality(Item, title="Kommune"):
    name: Text = field("name", "Name der Kommune, z. B. 'Landkreis Musterkreis'")
    short_name: Text = field("kurzname", "Kurzform für Dateinamen und Kopfzeilen, z. B. 'Musterkreis'")
    kind: MunicipalityKind = field("art", "Art der Gebietskörperschaft")
    state: State = field("bundesland", "Bundesland")
    youth_welfare_authority: Text = field("traeger", "Träger der öffentlichen Jugendhilfe")
    youth_office: Text = field("jugendamt", "Bezeichnung des Jugendamts")
    coordination: Coordination = field("netzwerkkoordination", "Netzwerkkoordination Frühe Hilfen")
    population: Integer = field("einwohner", "Einwohnerinnen und Einwohner", ge=1)
    births_per_year: Integer = field("geburten_pro_jahr", "Geburten pro Jahr (Durchschnitt)", ge=0)
    children_under_three: Integer = field("kinder_unter_3", "Kinder unter drei Jahren", ge=0)
    children_under_three_sgb2: Integer | None = field(
        "kinder_unter_3_sgb2",
        "Kinder unter drei Jahren in Haushalten mit SGB-II-Bezug",
        default=None,
        ge=0,
    )
    data_year: Year | None = field("datenstand", "Jahr, aus dem die Zahlen stammen", default=None)
    social_spaces: list[SocialSpace] = field("sozialraeume", "Sozialräume der Kommune", min_length=1)
    logo: Logo | None = field(
        "logo",
        "Logo für die Titelseite, z. B. 'logo.svg' (Pfad relativ zum Ordner der Kommune)",
        default=None,
    )

    @model_validator(mode="after")
    def _sgb2_within_children(self) -> Municipality:
        if (self.children_under_three_sgb2 or 0) > self.children_under_three:
            raise refuse("'kinder_unter_3_sgb2' kann nicht größer sein als 'kinder_unter_3'.")
        return self

    @property
    def in_phrase(self) -> str:
        """'im Landkreis Musterkreis', 'in der Stadt Musterstadt', 'in Musterstadt'."""
        first = self.name.split()[0]
        if first in {"Landkreis", "Kreis", "Rhein-Kreis", "Bezirk", "Regionalverband"}:
            return f"im {self.name}"
        if first in {
            "Stadt",
            "Hansestadt",
            "Universitätsstadt",
            "Landeshauptstadt",
            "Region",
            "Städteregion",
            "Gemeinde",
        }:
            return f"in der {self.name}"
        return f"in {self.name}"


class UpdateCycle(Item, title="Fortschreibung"):
    cycle_years: Integer = field("turnus_jahre", "Fortschreibung alle … Jahre", ge=1, le=10)
    next_date: Date = field("naechste", "Termin der nächsten Fortschreibung")


class ConceptVersion(Item, title="Konzept"):
    version: Text = field("fassung", "Fassung des Konzepts, z. B. '2.0'")
    date: Date = field("stand", "Stand (Datum) dieser Fassung")
    update: UpdateCycle = field("fortschreibung", "Turnus und Termin der Fortschreibung")
    contributors: list[ActorRef] = field(
        "mitwirkende", "Akteure, die an dieser Fassung mitgeschrieben haben", default_factory=list
    )
    process: Text | None = field("beteiligungsprozess", "Wie das Konzept gemeinsam erarbeitet wurde", default=None)
    decision: Text | None = field(
        "beschluss", "Beschluss, mit dem das Konzept verabschiedet wurde (Nummer)", default=None
    )
    presented_in: list[NetworkBodyRef] = field(
        "vorgestellt_in",
        "Netzwerkgremien, in denen diese Fassung vorgestellt wurde",
        default_factory=list,
    )

    @property
    def cycle_end(self) -> dt.date:
        """When this Fassung is due for its Fortschreibung by the update cycle."""
        return add_months(self.date, 12 * self.update.cycle_years)


class GuidingPrinciple(Item, title="Leitbild"):
    national: YesNo = field(
        "bezug_nzfh",
        "Bezieht sich das Konzept auf das Leitbild Frühe Hilfen des NZFH?",
        default=False,
    )
    text: Text | None = field("text", "Eigenes Leitbild oder Verständnis Früher Hilfen", default=None)
    principles: list[Text] = field("leitsaetze", "Eigene Leitsätze", default_factory=list)

    @model_validator(mode="after")
    def _needs_content(self) -> GuidingPrinciple:
        if not self.national and not self.text:
            raise refuse("Bitte 'bezug_nzfh: true' setzen oder einen eigenen Leitbild-Text angeben.")
        return self


class Checks(Item, title="Prüfung"):
    yearly_total_warning: Money = field(
        "jahressumme_warnung_ab",
        "Warnung, wenn die Finanzierung oder die Maßnahmenkosten eines Jahres zusammen mehr als "
        "diesen Betrag in Euro ergeben (fängt Tippfehler wie eine Null zu viel ab; Standard "
        "2000000)",
        default=Decimal(2_000_000),
    )


class MunicipalityFile(Item, title="Kommune, Konzept und Leitbild"):
    municipality: Municipality = field("kommune", "Angaben zur Kommune")
    version: ConceptVersion = field("konzept", "Fassung, Stand und Fortschreibung")
    guiding_principle: GuidingPrinciple = field("leitbild", "Leitbild und Verständnis")
    checks: Checks = field(
        "pruefung", "Einstellungen der Plausibilitätsprüfung (Warnungen)", default_factory=Checks
    )


# --- zielgruppen.yaml / ziele.yaml ------------------------------------------------------------


class TargetGroup(Item, title="Zielgruppe"):
    id: Id = field("id", "Kennung der Zielgruppe")
    name: Text = field("name", "Bezeichnung")
    description: Text = field("beschreibung", "Beschreibung der Lebenslage")
    estimated_size: Integer | None = field("geschaetzte_anzahl", "Geschätzte Anzahl", default=None, ge=0)
    size_unit: Text = field("einheit", "Einheit der geschätzten Anzahl", default="Familien")
    social_spaces: list[SocialSpaceRef] = field("sozialraeume", "Sozialräume (leer: alle)", default_factory=list)
    needs: list[Text] = field("bedarfe", "Bedarfe der Zielgruppe", min_length=1)


class TargetGroupFile(Item, title="Zielgruppen"):
    target_groups: list[TargetGroup] = field("zielgruppen", "Zielgruppen", min_length=1)


Number = Annotated[Decimal, Field(max_digits=14, decimal_places=2)]


class Indicator(Item, title="Indikator"):
    name: Text = field("name", "Bezeichnung des Indikators")
    unit: Text = field("einheit", "Einheit, z. B. '%' oder 'Familien'")
    baseline: Number = field("ausgangswert", "Ausgangswert")
    baseline_year: Year | None = field("ausgangsjahr", "Jahr des Ausgangswerts", default=None)
    target: Number = field("zielwert", "Zielwert")
    target_year: Year = field("zieljahr", "Jahr, bis zu dem der Zielwert erreicht sein soll")
    current: Number | None = field("istwert", "Zuletzt gemessener Wert", default=None)
    current_year: Year | None = field("istjahr", "Jahr des Istwerts", default=None)
    source: Text | None = field("quelle", "Datenquelle", default=None)

    @property
    def progress(self) -> Decimal | None:
        """Share of the way from baseline to target covered by the current value (1 = reached)."""
        if self.current is None or self.target == self.baseline:
            return None
        return (self.current - self.baseline) / (self.target - self.baseline)

    @property
    def assessment(self) -> str:
        """A one-word reading of the current value against the target, for committee papers."""
        if self.current is None:
            return "noch nicht erhoben"
        if self.progress is None:
            return "erreicht" if self.current == self.target else "verfehlt"
        if self.progress >= 1:
            return "erreicht"
        if self.progress > 0:
            return "auf dem Weg"
        return "unverändert" if self.progress == 0 else "rückläufig"

    @model_validator(mode="after")
    def _years_in_order(self) -> Indicator:
        start = self.baseline_year
        if start is not None and self.target_year < start:
            raise refuse(f"Das Zieljahr {self.target_year} liegt vor dem Ausgangsjahr {start}.")
        if start is not None and self.current_year is not None and self.current_year < start:
            raise refuse(f"Das Istjahr {self.current_year} liegt vor dem Ausgangsjahr {start}.")
        return self


class Goal(Item, title="Ziel"):
    id: Id = field("id", "Kennung des Ziels")
    kind: GoalKind = field("art", "Art des Ziels: Wirkungsziel oder Handlungsziel")
    title: Text = field("titel", "Das Ziel in einem Satz")
    description: Text | None = field("beschreibung", "Erläuterung", default=None)
    parent: GoalRef | None = field("uebergeordnet", "Übergeordnetes Wirkungsziel", default=None)
    target_groups: list[TargetGroupRef] = field("zielgruppen", "Zielgruppen", min_length=1)
    indicators: list[Indicator] = field("indikatoren", "Indikatoren", min_length=1)


class GoalFile(Item, title="Ziele"):
    goals: list[Goal] = field("ziele", "Ziele", min_length=1)


# --- massnahmen.yaml --------------------------------------------------------------------------


class Period(Item, title="Zeitraum"):
    start: Date = field("von", "Beginn")
    end: Date | None = field("bis", "Ende (leer: unbefristet)", default=None)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise refuse("Das Ende ('bis') liegt vor dem Beginn ('von').")
        return self


class Cost(Item, title="Kosten"):
    year: Year = field("jahr", "Haushaltsjahr")
    amount: Money = field("betrag", "Kosten in Euro")
    funding: FundingRef = field("finanzierung", "Finanzierungslinie aus ressourcen.yaml")


class Measure(Item, title="Maßnahme"):
    id: Id = field("id", "Kennung der Maßnahme")
    title: Text = field("titel", "Bezeichnung des Angebots oder der Maßnahme")
    description: Text = field("beschreibung", "Beschreibung")
    goals: list[GoalRef] = field("ziele", "Ziele, zu denen die Maßnahme beiträgt", min_length=1)
    target_groups: list[TargetGroupRef] = field("zielgruppen", "Zielgruppen", min_length=1)
    lead: ActorRef = field("federfuehrung", "Federführender Akteur")
    participants: list[ActorRef] = field("beteiligte", "Beteiligte Akteure", default_factory=list)
    period: Period = field("zeitraum", "Zeitraum")
    status: MeasureStatus = field("status", "Stand der Umsetzung: geplant, laufend oder abgeschlossen")
    social_spaces: list[SocialSpaceRef] = field(
        "sozialraeume", "Sozialräume (leer: ganze Kommune)", default_factory=list
    )
    costs: list[Cost] = field("kosten", "Kosten pro Jahr und Finanzierung", default_factory=list)


class MeasureFile(Item, title="Maßnahmen"):
    measures: list[Measure] = field("massnahmen", "Maßnahmen und Angebote", min_length=1)


# --- akteure.yaml -----------------------------------------------------------------------------


class Actor(Item, title="Akteur"):
    id: Id = field("id", "Kennung des Akteurs")
    name: Text = field("name", "Name der Einrichtung, Gruppe oder Berufsgruppe")
    sector: Sector = field("sektor", "Sektor")
    organisation_form: OrganisationForm = field("organisationsform", "Organisationsform")
    carrier: Text | None = field("traeger", "Träger", default=None)
    persons: Integer | None = field("anzahl_personen", "Anzahl der Personen (z. B. Hebammen)", default=None, ge=0)
    role: Text = field("rolle", "Rolle im Gesamtkonzept")
    responsibilities: list[Text] = field("zustaendigkeiten", "Zuständigkeiten", min_length=1)
    conditions: Text | None = field(
        "rahmenbedingungen", "Was die Mitarbeit begrenzt oder ermöglicht", default=None
    )
    network_hours: Decimal = field(
        "netzwerkaufwand_stunden", "Aufwand für Netzwerkarbeit in Stunden pro Jahr", ge=0
    )
    agreement_signed: Date | None = field(
        "kooperationsvereinbarung",
        "Datum der unterzeichneten Kooperationsvereinbarung",
        default=None,
    )


class ActorFile(Item, title="Akteure"):
    actors: list[Actor] = field("akteure", "Akteure im Netzwerk", min_length=1)


# --- netzwerk.yaml ----------------------------------------------------------------------------


class NetworkBody(Item, title="Netzwerkgremium"):
    id: Id = field("id", "Kennung des Netzwerkgremiums")
    name: Text = field("name", "Bezeichnung")
    kind: NetworkBodyKind = field("art", "Art des Gremiums")
    meetings_per_year: Integer = field("sitzungen_pro_jahr", "Sitzungen pro Jahr", ge=0, le=52)
    chair: ActorRef = field("leitung", "Leitender Akteur")
    members: list[ActorRef] = field("mitglieder", "Mitglieder", min_length=1)
    tasks: list[Text] = field("aufgaben", "Aufgaben", min_length=1)


class CoordinationPath(Item, title="Abstimmungsweg"):
    sender: ActorRef = field("von", "Akteur, der sich abstimmt oder informiert")
    recipient: ActorRef = field("an", "Akteur, an den sich der Weg richtet")
    occasion: Text = field("anlass", "Anlass")
    form: Text = field("form", "Form, z. B. 'telefonisch, mit Einwilligung der Eltern'")
    deadline: Text = field("frist", "Frist, z. B. 'innerhalb von 3 Werktagen'")


class WorkingForm(Item, title="Arbeitsform"):
    name: Text = field("name", "Bezeichnung")
    description: Text = field("beschreibung", "Beschreibung")


class NetworkFile(Item, title="Netzwerk"):
    bodies: list[NetworkBody] = field("netzwerkgremien", "Gremien des Netzwerks", min_length=1)
    paths: list[CoordinationPath] = field("abstimmungswege", "Abstimmungswege", min_length=1)
    working_forms: list[WorkingForm] = field("arbeitsformen", "Arbeitsformen", min_length=1)
    requirements: list[Text] = field("anforderungen", "Anforderungen an die Zusammenarbeit", min_length=1)


# --- ressourcen.yaml --------------------------------------------------------------------------


class FundingLine(Item, title="Finanzierungslinie"):
    id: Id = field("id", "Kennung der Finanzierungslinie")
    source: FundingSource = field("quelle", "Mittelgeber")
    title: Text = field("bezeichnung", "Bezeichnung, z. B. 'Förderbereich I: Netzwerke'")
    year: Year = field("jahr", "Haushaltsjahr")
    amount: Money = field("betrag", "Betrag in Euro")
    budget_item: Text = field("haushaltsstelle", "Produkt oder Haushaltsstelle")
    committee: CommitteeRef = field("ausschuss", "Zuständiger Ausschuss")
    earmarking: Text | None = field("zweckbindung", "Zweckbindung", default=None)
    cooperation_requirements: list[Text] = field(
        "kooperationsauflagen", "Auflagen zur Kooperation im Bescheid", default_factory=list
    )


class Position(Item, title="Personalstelle"):
    title: Text = field("stelle", "Bezeichnung der Stelle")
    actor: ActorRef = field("akteur", "Anstellungsträger")
    fte: Decimal = field("vzae", "Umfang in Vollzeitäquivalenten", ge=0, le=100)
    funding: list[FundingRef] = field("finanzierung", "Finanzierungslinien", default_factory=list)


class BudgetedEffort(Item, title="Netzwerkaufwand"):
    actor: ActorRef = field("akteur", "Akteur")
    hours: Decimal = field("stunden_pro_jahr", "Eingeplante Stunden pro Jahr", ge=0)
    compensation: Text = field("ausgleich", "Wie der Aufwand abgegolten wird")
    funding: FundingRef | None = field("finanzierung", "Finanzierungslinie", default=None)


class BudgetCoordination(Item, title="Haushaltsabstimmung"):
    budget_year: Year = field("haushaltsjahr", "Haushaltsjahr, dessen Beratungen vorbereitet wurden")
    date: Date = field("datum", "Datum der Abstimmung")
    committees: list[CommitteeRef] = field(
        "gremien", "Ausschüsse, die ihre Vorbereitung miteinander abgestimmt haben", min_length=2
    )
    form: Text = field("form", "Form, z. B. 'gemeinsame Sitzung der Ausschussvorsitzenden'")


class ResourceFile(Item, title="Ressourcen"):
    funding: list[FundingLine] = field("finanzierung", "Finanzierungslinien pro Jahr", min_length=1)
    positions: list[Position] = field("personal", "Personalstellen", default_factory=list)
    budgeted_effort: list[BudgetedEffort] = field(
        "netzwerkaufwand", "Eingeplanter Netzwerkaufwand", default_factory=list
    )
    budget_coordination: list[BudgetCoordination] = field(
        "haushaltsabstimmung",
        "Abstimmungen der Ausschüsse vor den Haushaltsberatungen (leer: nicht erfasst)",
        default_factory=list,
    )


# --- gremien.yaml -----------------------------------------------------------------------------


class Report(Item, title="Bericht"):
    date: Date = field("datum", "Sitzungsdatum")
    topic: Text = field("thema", "Thema des Berichts")
    paper: Text | None = field("vorlage", "Vorlagen-Nr.", default=None)
    needs: Text | None = field(
        "handlungsbedarf",
        "Handlungsbedarf aus der Fachpraxis, den der Bericht den Gremien meldet",
        default=None,
    )


class Committee(Item, title="Gremium"):
    id: Id = field("id", "Kennung des Gremiums")
    name: Text = field("name", "Bezeichnung")
    kind: CommitteeKind = field("art", "Art des Gremiums")
    report_cycle_months: Integer = field(
        "berichtsturnus_monate", "Über Frühe Hilfen berichten alle … Monate", ge=1, le=60
    )
    meetings: list[Date] = field("sitzungen", "Sitzungstermine", default_factory=list)
    start_time: ClockTime | None = field(
        "sitzungsbeginn", "Übliche Uhrzeit des Sitzungsbeginns, z. B. '16:00'", default=None
    )
    reports: list[Report] = field("berichte", "Berichte über Frühe Hilfen", default_factory=list)
    sectors: list[Sector] = field(
        "sektoren",
        "Sektoren, für die das Gremium zuständig ist (leer: nach Art des Gremiums)",
        default_factory=list,
    )

    @property
    def remit(self) -> tuple[str, ...]:
        """The sectors whose measures and actors this body oversees."""
        if self.sectors:
            return tuple(self.sectors)
        return DEFAULT_REMIT.get(self.kind, Sector.__args__)  # type: ignore[attr-defined]

    @property
    def is_council(self) -> bool:
        return self.kind in COUNCIL_KINDS

    @property
    def oversees_all(self) -> bool:
        """Kreistag, Rat and the main committees oversee every sector."""
        return set(self.remit) == set(Sector.__args__)  # type: ignore[attr-defined]


class Decision(Item, title="Beschluss"):
    id: Id = field("id", "Kennung des Beschlusses")
    number: Text = field("nummer", "Beschluss- oder Vorlagennummer")
    date: Date = field("datum", "Datum des Beschlusses")
    committee: CommitteeRef = field("gremium", "Beschließendes Gremium")
    title: Text = field("titel", "Kurztitel")
    content: Text = field("inhalt", "Inhalt des Beschlusses")
    measures: list[MeasureRef] = field("massnahmen", "Betroffene Maßnahmen", default_factory=list)
    status: DecisionStatus = field("umsetzungsstatus", "Umsetzungsstatus: offen, in Umsetzung oder umgesetzt")
    progress: Text | None = field("umsetzungsstand", "Stand der Umsetzung in Worten", default=None)
    passed_to_network: Date | None = field(
        "an_netzwerk_weitergegeben",
        "Datum, an dem der Beschluss an das Netzwerk weitergegeben wurde (z. B. im Rundbrief)",
        default=None,
    )


class CouncilSystem(Item, title="Ratsinformationssystem"):
    oparl_base: Url = field(
        "oparl_basis", "Basisadresse der OParl-Schnittstelle, z. B. 'https://ris.example.org/oparl/'"
    )
    files_base: Url = field("dateien_basis", "Adresse, unter der die erzeugten Dateien veröffentlicht werden")


#: Used in OParl records while gremien.yaml names no council information system.
PLACEHOLDER_COUNCIL_SYSTEM = CouncilSystem.model_validate(
    {
        "oparl_basis": "https://ratsinformation.invalid/oparl/",
        "dateien_basis": "https://ratsinformation.invalid/dateien/",
    }
)


class CommitteeFile(Item, title="Gremien und Beschlüsse"):
    committees: list[Committee] = field("gremien", "Politische Gremien", min_length=1)
    decisions: list[Decision] = field("beschluesse", "Beschlüsse", default_factory=list)
    council_system: CouncilSystem | None = field(
        "ratsinformation",
        "Ratsinformationssystem, in das die Vorlagen übernommen werden",
        default=None,
    )


# --- vorlagen/*.yaml --------------------------------------------------------------------------


class Consultation(Item, title="Beratung"):
    committee: CommitteeRef = field("gremium", "Beratendes Gremium")
    date: Date = field("datum", "Sitzungstermin (muss in gremien.yaml stehen)")
    role: ConsultationRole = field("rolle", "Rolle: Vorberatung, Anhörung, Entscheidung oder Kenntnisnahme")
    agenda_number: Text | None = field("top", "Nummer des Tagesordnungspunkts, sobald bekannt", default=None)


class FinancialInfo(Item, title="Finanzielle Auswirkungen"):
    budget_year: Year = field("haushaltsjahr", "Haushaltsjahr, für das die Vorlage Mittel betrifft")
    funding: list[FundingRef] = field(
        "finanzierungslinien",
        "Nur diese Finanzierungslinien (leer: alle des Haushaltsjahrs, für die ein Gremium der "
        "Beratungsfolge zuständig ist)",
        default_factory=list,
    )
    available: YesNo = field("mittel_verfuegbar", "Sind die Mittel im Haushalt veranschlagt?")
    follow_up: Text | None = field(
        "folgekosten", "Folgekosten in Worten, z. B. 'jährlich wiederkehrend'", default=None
    )
    note: Text | None = field("erlaeuterung", "Erläuterung zu den Finanzen", default=None)


class Attachment(Item, title="Anlage"):
    title: Text | None = field("titel", "Bezeichnung der Anlage (bei erzeugten Anlagen vorbelegt)", default=None)
    generated: GeneratedAttachment | None = field(
        "erzeugt",
        "Vom Werkzeug erzeugte Anlage: 'gesamtkonzept' (PDF des Konzepts) oder 'massnahmenplan'",
        default=None,
    )
    file: AttachmentFile | None = field(
        "datei", "PDF-Datei im Ordner der Kommune, z. B. 'anlagen/stellungnahme.pdf'", default=None
    )

    @model_validator(mode="after")
    def _named(self) -> Attachment:
        if self.generated and self.file:
            raise refuse("Eine Anlage ist entweder 'erzeugt' oder eine 'datei', nicht beides.")
        if not self.title and not self.generated:
            raise refuse("Eine Anlage braucht einen 'titel' oder die Angabe 'erzeugt'.")
        return self


#: Content blocks of the Sachverhalt when a paper does not choose its own.
DEFAULT_BLOCKS: dict[str, tuple[str, ...]] = {
    "Beschlussvorlage": ("beschluesse", "massnahmen"),
    "Informationsvorlage": ("massnahmen", "indikatoren"),
    "Sachstandsbericht": ("beschluesse", "massnahmen", "indikatoren", "netzwerk"),
}


class Paper(Item, title="Vorlage"):
    number: Text = field("nummer", "Vorlagen-Nr., z. B. 'JHA/2026/030'")
    kind: PaperKind = field("art", "Vorlagenart: Beschlussvorlage, Informationsvorlage oder Sachstandsbericht")
    subject: Text = field("betreff", "Betreff")
    date: Date = field("datum", "Datum der Vorlage")
    lead_office: Text = field("federfuehrung", "Federführendes Amt")
    involved_offices: list[Text] = field("beteiligt", "Beteiligte Ämter, z. B. die Kämmerei", default_factory=list)
    author: Text = field("verfasser", "Verfasserin oder Verfasser")
    public: YesNo = field("oeffentlich", "Öffentlich (ja) oder nicht öffentlich (nein)")
    consultations: list[Consultation] = field(
        "beratungsfolge", "Beratungsfolge in zeitlicher Reihenfolge", min_length=1
    )
    proposal: list[Text] = field(
        "beschlussvorschlag",
        "Beschlussvorschlag, ein Punkt je Eintrag (nur Beschlussvorlage)",
        default_factory=list,
    )
    summary: Text = field("zusammenfassung", "Kurze Zusammenfassung am Anfang des Sachverhalts")
    facts: Text | None = field("sachverhalt", "Weitere Ausführungen zum Sachverhalt", default=None)
    reasoning: Text | None = field("begruendung", "Begründung", default=None)
    chosen_blocks: list[ContentBlock] | None = field(
        "bausteine",
        "Aus den Daten erzeugte Teile des Sachverhalts (leer: üblich für die Vorlagenart)",
        default=None,
    )
    measures: list[MeasureRef] = field(
        "massnahmen",
        "Maßnahmen, über die berichtet wird (leer: nach Zuständigkeit der Gremien)",
        default_factory=list,
    )
    decisions: list[DecisionRef] = field(
        "beschluesse",
        "Beschlüsse, über deren Umsetzung berichtet wird (leer: alle der beratenden Gremien)",
        default_factory=list,
    )
    finances: FinancialInfo | None = field("finanzen", "Finanzielle Auswirkungen (leer: keine)", default=None)
    attachments: list[Attachment] = field("anlagen", "Anlagen", default_factory=list)

    @property
    def blocks(self) -> tuple[str, ...]:
        if self.chosen_blocks is not None:
            return tuple(self.chosen_blocks)
        return DEFAULT_BLOCKS[self.kind]


class PaperFile(Item, title="Vorlage für die Gremien"):
    paper: Paper = field("vorlage", "Eine Vorlage für die politischen Gremien")


# --- qualitaet.yaml (optional) ---------------------------------------------------------------


class QualityRating(Item, title="Eigene Einschätzung"):
    goal: QualityGoalRef = field("ziel", "Kennung des Ziels aus dem Katalog der Qualitätsdimension")
    status: QualityStatus = field("status", "Eigene Einschätzung: erfüllt, teilweise, offen oder nicht prüfbar")
    note: Text | None = field("notiz", "Begründung oder Anmerkung des Netzwerks", default=None)


class QualityFile(Item, title="Eigene Einschätzung der Qualitätsziele"):
    rated_on: Date | None = field("eingeschaetzt_am", "Datum der eigenen Einschätzung", default=None)
    rated_by: Text | None = field(
        "eingeschaetzt_von",
        "Wer eingeschätzt hat, z. B. 'Steuerungsgruppe Frühe Hilfen'",
        default=None,
    )
    ratings: list[QualityRating] = field("einschaetzungen", "Eigene Einschätzung je Ziel", min_length=1)

    def rating(self, goal_id: str) -> QualityRating | None:
        return next((r for r in self.ratings if r.goal == goal_id), None)


#: Which model class parses which input file.
FILE_MODELS: dict[str, type[Item]] = {
    "kommune.yaml": MunicipalityFile,
    "zielgruppen.yaml": TargetGroupFile,
    "ziele.yaml": GoalFile,
    "massnahmen.yaml": MeasureFile,
    "akteure.yaml": ActorFile,
    "netzwerk.yaml": NetworkFile,
    "ressourcen.yaml": ResourceFile,
    "gremien.yaml": CommitteeFile,
}

#: Input files a municipality may leave out.
OPTIONAL_FILE_MODELS: dict[str, type[Item]] = {
    "qualitaet.yaml": QualityFile,
}


# --- the assembled concept --------------------------------------------------------------------


class Concept(BaseModel):
    """Everything known about one municipality's Frühe Hilfen, with derived views for templates."""

    model_config = ConfigDict(frozen=True)

    municipality: Municipality
    version: ConceptVersion
    guiding_principle: GuidingPrinciple
    target_groups: list[TargetGroup]
    goals: list[Goal]
    measures: list[Measure]
    actors: list[Actor]
    network: NetworkFile
    resources: ResourceFile
    committees: list[Committee]
    decisions: list[Decision]
    papers: list[Paper] = Field(default_factory=list)
    council_system: CouncilSystem = PLACEHOLDER_COUNCIL_SYSTEM
    checks: Checks
    quality_ratings: QualityFile | None = None

    # lookups -------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def goal(self, goal_id: str) -> Goal:
        return next(g for g in self.goals if g.id == goal_id)

    def target_group(self, group_id: str) -> TargetGroup:
        return next(t for t in self.target_groups if t.id == group_id)

    def measure(self, measure_id: str) -> Measure:
        return next(m for m in self.measures if m.id == measure_id)

    def committee(self, committee_id: str) -> Committee:
        return next(c for c in self.committees if c.id == committee_id)

    def funding_line(self, funding_id: str) -> FundingLine:
        return next(f for f in self.resources.funding if f.id == funding_id)

    def network_body(self, body_id: str) -> NetworkBody:
        return next(b for b in self.network.bodies if b.id == body_id)

    def social_space(self, space_id: str) -> SocialSpace:
        return next(s for s in self.municipality.social_spaces if s.id == space_id)

    # numbering -----------------------------------------------------------------------------

    def goal_number(self, goal_id: str) -> str:
        """Z1, Z2 … for Wirkungsziele; Z1.1, Z1.2 … for Handlungsziele under them."""
        return self.goal_numbers[goal_id]

    @property
    def goal_numbers(self) -> dict[str, str]:
        numbers: dict[str, str] = {}
        impact = [g for g in self.goals if g.kind == "Wirkungsziel"]
        for i, goal in enumerate(impact, start=1):
            numbers[goal.id] = f"Z{i}"
            children = [g for g in self.goals if g.parent == goal.id]
            for j, child in enumerate(children, start=1):
                numbers[child.id] = f"Z{i}.{j}"
        orphans = [g for g in self.goals if g.id not in numbers]
        for k, goal in enumerate(orphans, start=len(impact) + 1):
            numbers[goal.id] = f"Z{k}"
        return numbers

    def measure_number(self, measure_id: str) -> str:
        index = [m.id for m in self.measures].index(measure_id)
        return f"M{index + 1}"

    # derived views -------------------------------------------------------------------------

    @property
    def impact_goals(self) -> list[Goal]:
        return [g for g in self.goals if g.kind == "Wirkungsziel"]

    def sub_goals(self, goal_id: str) -> list[Goal]:
        return [g for g in self.goals if g.parent == goal_id]

    @property
    def indicator_pairs(self) -> list[tuple[Goal, Indicator]]:
        """Every indicator with its goal, in the order of the goals."""
        return [(g, i) for g in self.goals for i in g.indicators]

    @property
    def numbered_goals(self) -> list[Goal]:
        """Goals in the order of their numbers: Z1, Z1.1, Z1.2, Z2 …"""
        numbers = self.goal_numbers
        return sorted(self.goals, key=lambda g: [int(n) for n in numbers[g.id][1:].split(".")])

    @property
    def unparented_action_goals(self) -> list[Goal]:
        return [g for g in self.goals if g.kind == "Handlungsziel" and g.parent is None]

    def measures_for_goal(self, goal_id: str) -> list[Measure]:
        return [m for m in self.measures if goal_id in m.goals]

    def goals_for_target_group(self, group_id: str) -> list[Goal]:
        return [g for g in self.goals if group_id in g.target_groups]

    def responsibility(self, actor_id: str, measure_id: str) -> str:
        """'F' for the lead, 'B' for a participant, '' otherwise (Zuständigkeitsmatrix)."""
        measure = self.measure(measure_id)
        if measure.lead == actor_id:
            return "F"
        return "B" if actor_id in measure.participants else ""

    @property
    def actors_in_matrix(self) -> list[Actor]:
        """Actors that lead or join at least one measure, in file order."""
        involved = {m.lead for m in self.measures} | {a for m in self.measures for a in m.participants}
        return [a for a in self.actors if a.id in involved]

    @property
    def sectors(self) -> list[str]:
        return sorted({a.sector for a in self.actors})

    def actors_in_sector(self, sector: str) -> list[Actor]:
        return [a for a in self.actors if a.sector == sector]

    @property
    def funding_years(self) -> list[int]:
        return sorted({f.year for f in self.resources.funding})

    @property
    def funding_sources(self) -> list[str]:
        present = {f.source for f in self.resources.funding}
        return [s for s in FUNDING_SOURCES if s in present]

    def funding_total(self, source: str | None = None, year: int | None = None) -> Decimal:
        return sum(
            (
                f.amount
                for f in self.resources.funding
                if (source is None or f.source == source) and (year is None or f.year == year)
            ),
            Decimal(0),
        )

    def measure_cost(self, measure_id: str, year: int | None = None) -> Decimal:
        return sum(
            (c.amount for c in self.measure(measure_id).costs if year is None or c.year == year),
            Decimal(0),
        )

    def measure_costs_by_year(self, year: int) -> Decimal:
        return sum((self.measure_cost(m.id, year) for m in self.measures), Decimal(0))

    @property
    def total_fte(self) -> Decimal:
        return sum((p.fte for p in self.resources.positions), Decimal(0))

    @property
    def total_network_hours(self) -> Decimal:
        return sum((a.network_hours for a in self.actors), Decimal(0))

    def budgeted_hours(self, actor_id: str) -> Decimal:
        return sum((e.hours for e in self.resources.budgeted_effort if e.actor == actor_id), Decimal(0))

    @property
    def total_budgeted_hours(self) -> Decimal:
        return sum((e.hours for e in self.resources.budgeted_effort), Decimal(0))

    @property
    def actors_without_budgeted_effort(self) -> list[Actor]:
        budgeted = {e.actor for e in self.resources.budgeted_effort}
        return [a for a in self.actors if a.network_hours > 0 and a.id not in budgeted]

    def committee_funding(self, committee_id: str) -> list[FundingLine]:
        return [f for f in self.resources.funding if f.committee == committee_id]

    def report_dates(self, committee_id: str, until: dt.date) -> list[dt.date]:
        """When a body heard about Frühe Hilfen up to a date: the reports recorded in
        gremien.yaml and the council papers discussed there."""
        recorded = [r.date for r in self.committee(committee_id).reports]
        discussed = [c.date for p in self.papers for c in p.consultations if c.committee == committee_id]
        return sorted(d for d in {*recorded, *discussed} if d <= until)

    def last_report(self, committee_id: str) -> Report | None:
        reports = self.committee(committee_id).reports
        return max(reports, key=lambda r: r.date) if reports else None

    def next_meeting(self, committee_id: str) -> dt.date | None:
        upcoming = [d for d in self.committee(committee_id).meetings if d > self.version.date]
        return min(upcoming) if upcoming else None

    @property
    def measures_by_status(self) -> dict[str, list[Measure]]:
        grouped: dict[str, list[Measure]] = defaultdict(list)
        for measure in self.measures:
            grouped[measure.status].append(measure)
        return dict(grouped)

    @property
    def actors_with_agreement(self) -> list[Actor]:
        return [a for a in self.actors if a.agreement_signed is not None]

    @property
    def contributors(self) -> list[Actor]:
        return [self.actor(a) for a in self.version.contributors]

    @property
    def presented_in(self) -> list[NetworkBody]:
        """The network bodies this version was presented in."""
        return [self.network_body(b) for b in self.version.presented_in]

    @property
    def sgb2_share(self) -> Decimal | None:
        """Share (%) of children under three living in households receiving SGB II."""
        m = self.municipality
        if m.children_under_three_sgb2 is None or not m.children_under_three:
            return None
        return Decimal(m.children_under_three_sgb2) * 100 / m.children_under_three

    def actors_with_form(self, form: str) -> list[Actor]:
        return [a for a in self.actors if a.organisation_form == form]

    @property
    def organisation_forms(self) -> list[str]:
        present = {a.organisation_form for a in self.actors}
        return [f for f in OrganisationForm.__args__ if f in present]  # type: ignore[attr-defined]

    @property
    def funding_lines(self) -> list[FundingLine]:
        """Funding lines by year, then in the usual order of sources."""
        return sorted(self.resources.funding, key=lambda f: (f.year, FUNDING_SOURCES.index(f.source), f.title))

    def committee_funding_total(self, committee_id: str, year: int | None = None) -> Decimal:
        return sum(
            (f.amount for f in self.committee_funding(committee_id) if year is None or f.year == year), Decimal(0)
        )

    @property
    def funding_committees(self) -> list[Committee]:
        ids = {f.committee for f in self.resources.funding}
        return [c for c in self.committees if c.id in ids]

    @property
    def requirement_groups(self) -> list[tuple[FundingLine, list[int]]]:
        """Funding lines with cooperation requirements, identical ones across years merged:
        (first line, years it applies to)."""
        groups: dict[tuple, tuple[FundingLine, list[int]]] = {}
        for line in self.funding_lines:
            if not line.cooperation_requirements:
                continue
            key = (line.source, line.title, line.earmarking, tuple(line.cooperation_requirements))
            groups.setdefault(key, (line, []))[1].append(line.year)
        return list(groups.values())

    # labels for lists of references ---------------------------------------------------------

    def goal_labels(self, goals: list[str] | list[Goal]) -> list[str]:
        """Numbers (Z1, Z1.2 …) of goals given as ids or as goals."""
        return [self.goal_numbers[g if isinstance(g, str) else g.id] for g in goals]

    def actor_names(self, actor_ids: list[str]) -> list[str]:
        return [self.actor(a).name for a in actor_ids]

    def target_group_names(self, group_ids: list[str]) -> list[str]:
        return [self.target_group(t).name for t in group_ids]

    def social_space_names(self, space_ids: list[str]) -> list[str]:
        return [self.social_space(s).name for s in space_ids]

    def funding_by_year(self, source: str | None = None) -> list[Decimal]:
        """Amounts per funding year (in the order of funding_years), for one source or all."""
        return [self.funding_total(source, year) for year in self.funding_years]

    def funding_by_source(self, year: int | None = None) -> list[Decimal]:
        """Amounts per source (in the order of funding_sources), for one year or all."""
        return [self.funding_total(source, year) for source in self.funding_sources]

    @property
    def network_meetings_per_year(self) -> int:
        return sum(b.meetings_per_year for b in self.network.bodies)

    def committee_funding_by_year(self, committee_id: str) -> list[Decimal]:
        return [self.committee_funding_total(committee_id, year) for year in self.funding_years]

    def measure_cost_by_years(self, measure_id: str) -> list[Decimal]:
        return [self.measure_cost(measure_id, year) for year in self.funding_years]

    def measure_costs_by_years(self) -> list[Decimal]:
        return [self.measure_costs_by_year(year) for year in self.funding_years]

    def measure_costs_total(self) -> Decimal:
        return sum((self.measure_cost(m.id) for m in self.measures), Decimal(0))

    def effort_compensation(self, actor_id: str) -> str:
        return "; ".join(e.compensation for e in self.resources.budgeted_effort if e.actor == actor_id)

    def measure_labels(self, measure_ids: list[str]) -> list[str]:
        return [f"{self.measure_number(m)} {self.measure(m).title}" for m in measure_ids]
