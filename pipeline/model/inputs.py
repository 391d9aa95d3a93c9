"""The input files as typed models: one model per file, nested items for its sections.

Each model checks what one file can check alone (required fields, choices, ranges, the order of
dates); what needs several files (references, council procedure, plausibility) is the
validator's job. :data:`INPUTS` lists every kind of input file with its model: the loader reads
them, the validator parses them, the JSON Schemas and the README's field reference are generated
from them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, Strict, ValidationInfo, field_validator, model_validator

from pipeline.formatting import (
    count,
    decimal_places,
    enumeration,
    german_date,
    in_running_text,
    with_note,
    years_and_months,
)
from pipeline.model import colours
from pipeline.model.accounting import Accounting
from pipeline.model.cross_cutting import CrossCuttingFile
from pipeline.model.geo import GeoProblem, read_outlines
from pipeline.model.grammar import Forms, committee_forms, definite
from pipeline.model.key_figures import FEATURES, Feature, FeatureId
from pipeline.model.kinds import MUNICIPALITY_FILE
from pipeline.model.norms import (
    FUNDING_AREAS,
    PROFESSIONS,
    QUALITY_DIMENSIONS,
    FundingAreaCode,
    Profession,
    ProfessionId,
)
from pipeline.model.paths import input_file_checks
from pipeline.model.procedure import kreis_genitive, kreis_word
from pipeline.model.types import (
    CITIES_IN_A_KREIS,
    COUNCIL_KINDS,
    DEFAULT_REMIT,
    EXECUTIVE_KINDS,
    FREE_STATES,
    INCOME_SOURCES,
    SECTORS,
    SOURCE_GENITIVES,
    ActorRef,
    BudgetLineRef,
    BudgetStatus,
    Church,
    ClockTime,
    CommitteeKind,
    CommitteeRef,
    ConsultationRole,
    ContentBlock,
    Date,
    DecisionRef,
    DecisionStatus,
    Email,
    ExpenseKind,
    ExpenseRef,
    Frequency,
    GeneratedAttachment,
    GoalKind,
    GoalRef,
    Hours,
    Id,
    IncomeSource,
    Integer,
    Item,
    MeasureRef,
    MeasureStatus,
    Money,
    MunicipalityKind,
    NetworkBodyKind,
    NetworkBodyRef,
    Number,
    OrganisationForm,
    OrganisationKind,
    OrganisationRef,
    PaperKind,
    PlanDate,
    PositionRef,
    PurposeRef,
    QualityGoalRef,
    QualityStatus,
    RepeatFrequency,
    ResponsibleRef,
    Sector,
    SocialSpaceRef,
    State,
    TargetGroupRef,
    Text,
    TypefaceChoice,
    Url,
    Year,
    YesNo,
    add_months,
    field,
    refuse,
)

Logo = Annotated[Path, *input_file_checks(".png", ".jpg", ".jpeg", ".svg")]
AttachmentFile = Annotated[Path, *input_file_checks(".pdf", max_bytes=20 * 1024 * 1024)]


def _outlines_readable(path: Path) -> Path:
    """A map file is GeoJSON the map can draw (polygons in longitude and latitude)."""
    try:
        read_outlines(path.read_bytes(), path.name)
    except GeoProblem as problem:
        raise refuse(str(problem)) from None
    return path


MapFile = Annotated[
    Path, *input_file_checks(".geojson", ".json", max_bytes=10 * 1024 * 1024), AfterValidator(_outlines_readable)
]


# --- kommune.yaml ---------------------------------------------------------------------------


class Contact(Item, title="Erreichbarkeit"):
    phone: Text | None = field("telefon", "Telefonnummer", default=None)
    email: Email | None = field("email", "E-Mail-Adresse", default=None)
    address: Text | None = field("anschrift", "Postanschrift in einer Zeile", default=None)


class Coordination(Item, title="Netzwerkkoordination"):
    position: Text = field("stelle", "Bezeichnung der Stelle der Netzwerkkoordination")
    person: Text = field("person", "Name der Koordinatorin oder des Koordinators")
    contact: Contact = field("kontakt", "Erreichbarkeit", default_factory=Contact)

    @property
    def named(self) -> str:
        """The post as a sentence's subject: 'die Koordinierungsstelle Frühe Hilfen'; 'die Stelle
        „Sachgebiet 51.3“' where the name's gender is unknown (readers found 'die Stelle
        „Koordinierungsstelle …“' clumsy)."""
        forms = definite(self.position)
        return forms.nom if forms else f"die Stelle „{self.position}“"

    @property
    def named_object(self) -> str:
        """The post as an object: 'den Fachdienst Frühe Hilfen', 'die Koordinierungsstelle …'."""
        forms = definite(self.position)
        return forms.acc if forms else f"die Stelle „{self.position}“"


class AdministrationHead(Item, title="Verwaltungsspitze"):
    name: Text = field("name", "Name, z. B. 'Dr. Anna Berger'")
    title: Text = field("amtsbezeichnung", "Amtsbezeichnung, z. B. 'Landrätin' oder 'Oberbürgermeister'")


class KeyFigure(Item, title="Kennzahl"):
    feature: FeatureId = field(
        "merkmal",
        "Was gezählt oder gemessen ist, aus einer festen Liste (README: Kennzahlen der Sozialräume), z. B. "
        "'anteil-sgb2-unter-3'",
    )
    value: Number = field(
        "wert", "Wert in der Einheit des Merkmals: Anteile in Prozent (z. B. 14.2), Anzahlen ganz"
    )
    year: Year = field("jahr", "Jahr, für das der Wert gilt (Stichtag oder Berichtsjahr)")
    source: Text = field(
        "quelle", "Woher der Wert stammt, z. B. 'Statistik der Bundesagentur für Arbeit, Dezember 2024'"
    )

    @property
    def definition(self) -> Feature:
        return FEATURES[self.feature]

    @model_validator(mode="after")
    def _plausible(self) -> KeyFigure:
        feature = self.definition
        if feature.kind == "Anteil" and not 0 <= self.value <= 100:
            raise refuse(
                f"'{self.feature}' ist ein Anteil in Prozent und liegt zwischen 0 und 100; angegeben: {self.value}."
            )
        if self.value < 0:
            raise refuse(f"'{self.feature}' kann nicht negativ sein; angegeben: {self.value}.")
        if feature.kind == "Anzahl" and self.value != self.value.to_integral_value():
            raise refuse(f"'{self.feature}' ist eine Anzahl und braucht eine ganze Zahl; angegeben: {self.value}.")
        return self


def latest(figures: list[KeyFigure], feature: str) -> KeyFigure | None:
    """The most recent value of a Merkmal among some figures (each year holds one)."""
    found = [f for f in figures if f.feature == feature]
    return max(found, key=lambda f: f.year) if found else None


def _one_per_year(figures: list[KeyFigure]) -> list[KeyFigure]:
    """Each Merkmal once per year: a second value for the same year would leave open which one holds."""
    seen: set[tuple[str, int]] = set()
    for figure in figures:
        if (figure.feature, figure.year) in seen:
            raise refuse(
                f"Für '{figure.feature}' steht schon ein Wert für {figure.year}; je Jahr bitte nur einen."
            )
        seen.add((figure.feature, figure.year))
    return figures


KeyFigures = Annotated[list[KeyFigure], AfterValidator(_one_per_year)]


class Abbreviation(Item, title="Abkürzung"):
    short: Text = field("kurz", "Die Abkürzung, wie sie in den Texten steht, z. B. 'SkF'")
    meaning: Text = field("bedeutung", "Was sie bedeutet, z. B. 'Sozialdienst katholischer Frauen'")


class SocialSpace(Item, title="Sozialraum"):
    id: Id = field("id", "Kennung, auf die andere Dateien verweisen")
    name: Text = field("name", "Name des Sozialraums")
    short_name: Text | None = field(
        "kurzname",
        "Kurzer Name für Tabellenköpfe und die Karte, z. B. 'Süd' (leer: der Name bis zur ersten Klammer)",
        default=None,
        max_length=30,
    )
    description: Text | None = field("beschreibung", "Kurze Beschreibung", default=None)
    population: Integer | None = field("einwohner", "Einwohnerzahl", default=None, ge=0)
    births: Integer | None = field("geburten", "Geburten pro Jahr", default=None, ge=0)
    key_figures: KeyFigures = field(
        "kennzahlen",
        "Kennzahlen für die Bedarfsanalyse, je Merkmal und Jahr ein Wert mit Quelle",
        default_factory=list,
    )

    @property
    def birth_count(self) -> Decimal | int | None:
        """Births per year: the latest figure with its source, else the plain 'geburten'."""
        figure = latest(self.key_figures, "geburten")
        return figure.value if figure is not None else self.births

    @property
    def label(self) -> str:
        """'Süd' for 'Süd (Samtgemeinden Heideland und Moorwiesen)': short enough for a column."""
        return self.short_name or self.name.split(" (", 1)[0]


#: The grammatical gender of a municipality's name by its first word (der Landkreis, die Stadt).
_NAME_GENDER = {
    "m": frozenset({"Landkreis", "Kreis", "Rhein-Kreis", "Bezirk", "Regionalverband"}),
    "f": frozenset(
        {
            "Stadt",
            "Hansestadt",
            "Universitätsstadt",
            "Landeshauptstadt",
            "Region",
            "Städteregion",
            "Gemeinde",
            # the Stadtgemeinde Bremen, örtlicher Träger under § 1 Abs. 1 BremAGKJHG (Bremen review:
            # „Die Frühen Hilfen in Stadtgemeinde Bremen“)
            "Stadtgemeinde",
        }
    ),
    # the Land Berlin is the örtlicher Träger for its Bezirke (§ 33 AG KJHG), represented by
    # their Bezirksamt (§ 36 Abs. 2 Buchst. a BezVG)
    "n": frozenset({"Land", "Bezirksamt"}),
}
#: The article of a public body's name by case, after its first word's gender.
_ARTICLES = {
    "nom": {"m": "der ", "f": "die ", "n": "das "},
    "acc": {"m": "den ", "f": "die ", "n": "das "},
    "dat": {"m": "dem ", "f": "der ", "n": "dem "},
    "in": {"m": "im ", "f": "in der ", "n": "im "},
}


#: A Hamburg Bezirk's Zuschussbedarf: the Freie und Hansestadt's money, allotted to it (its concept
#: says so; Hamburg review: 'Eigenanteil des Bezirks' read as money of its own).
HAMBURG_SHARE = "Anteil aus dem Haushalt der Freien und Hansestadt Hamburg"


def own_share_term(kind: str, state: str = "") -> str:
    """What pays the Zuschussbedarf: 'kommunaler Eigenanteil' – a Bezirk's money is the Land's,
    allotted in its Bezirkshaushaltsplan: 'Eigenanteil des Bezirks' (Berlin review), in Hamburg the
    share of the Freie und Hansestadt's budget (Hamburg review)."""
    if kind == "Bezirk":
        return HAMBURG_SHARE if state == "Hamburg" else "Eigenanteil des Bezirks"
    return "kommunaler Eigenanteil"


def own_share_label(kind: str, state: str = "") -> str:
    """'Zuschussbedarf (kommunaler Eigenanteil)': the own share's row in the money tables – the
    Kämmerei's term first, as in the papers' financial tables (Kämmerei review: a paper said it
    both ways round)."""
    return f"Zuschussbedarf ({own_share_term(kind, state)})"


def source_label(source: str, state: str) -> str:
    """An income source as the documents name it: the Land by its name – 'Land Hessen', 'Freistaat
    Bayern', 'Freie und Hansestadt Hamburg' (Kämmerei review: 'Land (beantragt)' in the tables,
    'Land Hessen' in the text) –, every other source as ressourcen.yaml names it."""
    if source == "Kreis":
        return kreis_word(state)
    if source != "Land" or state not in get_args(State):
        return source
    if state == "Hamburg":
        return "Freie und Hansestadt Hamburg"
    return f"{'Freistaat' if state in FREE_STATES else 'Land'} {state}"


def source_genitive(source: str, state: str) -> str:
    """An income source in the genitive, after 'Zuwendungen und Erstattungen': 'des Landes',
    'des Freistaates Sachsen', 'der Krankenkassen', 'Dritter'."""
    if source == "Land" and state in FREE_STATES:
        return f"des Freistaates {state}"
    if source == "Kreis":
        return kreis_genitive(state)
    return SOURCE_GENITIVES.get(source, source)


def name_gender(name: str) -> str | None:
    """'m' for 'der Landkreis …', 'f' for 'die Stadt …', 'n' for 'das Land Berlin', None for a
    bare place name or another name."""
    first = name.split()[0] if name.split() else ""
    if first.lower().endswith("kreis"):  # Enzkreis, Rhein-Sieg-Kreis, Hochsauerlandkreis: der Kreis
        return "m"
    return next((g for g, words in _NAME_GENDER.items() if first in words), None)


#: Names whose first word is an adjective and declines with the article.
_DECLINED_NAMES = {
    "Freie und Hansestadt Hamburg": {
        "nom": "die Freie und Hansestadt Hamburg",
        "acc": "die Freie und Hansestadt Hamburg",
        "dat": "der Freien und Hansestadt Hamburg",
        "in": "in der Freien und Hansestadt Hamburg",
    },
    # the Stadtgemeinde's name as a party in Bremen's laws and contracts ('Haushaltsgesetz der Freien
    # Hansestadt Bremen (Stadtgemeinde)'; Bremen review)
    "Freie Hansestadt Bremen (Stadtgemeinde)": {
        "nom": "die Freie Hansestadt Bremen (Stadtgemeinde)",
        "acc": "die Freie Hansestadt Bremen (Stadtgemeinde)",
        "dat": "der Freien Hansestadt Bremen (Stadtgemeinde)",
        "in": "in der Freien Hansestadt Bremen (Stadtgemeinde)",
    },
}


def with_article(name: str, case: str, bare: str = "") -> str:
    """A public body's name with its article in a case ('nom', 'acc', 'dat', or 'in' for the
    phrase with 'in'): 'das Land Berlin', 'dem Landkreis Musterkreis', 'der Freien und
    Hansestadt Hamburg'; `bare` before a name whose first word tells no gender ('in Musterstadt')."""
    if name in _DECLINED_NAMES:
        return _DECLINED_NAMES[name][case]
    gender = name_gender(name)
    return (_ARTICLES[case][gender] if gender else bare) + name


def county_with_article(name: str | None, case: str, fallback: str) -> str:
    """The Kreis a city belongs to with its article (:func:`with_article`), also where its name
    begins with an adjective ('im Märkischen Kreis', 'der Oberbergische Kreis'); `fallback` where
    kommune.yaml names none or its name tells no gender (a bare place name would read 'führt
    Leinetal das Gesundheitsamt')."""
    if name is None:
        return fallback
    if name_gender(name) is not None or name in _DECLINED_NAMES:
        return with_article(name, case)
    forms = definite(name)
    if forms is None:
        return fallback
    return {"nom": forms.nom, "acc": forms.acc, "dat": forms.dat, "in": forms.im}[case]


class Municipality(Item, title="Kommune"):
    name: Text = field("name", "Name der Kommune, z. B. 'Landkreis Musterkreis'")
    short_name: Text = field("kurzname", "Kurzform für Dateinamen und Kopfzeilen, z. B. 'Musterkreis'")
    kind: MunicipalityKind = field("art", "Art der Gebietskörperschaft ('Kreis' gilt als 'Landkreis')")
    state: State = field("bundesland", "Bundesland")
    youth_welfare_authority: Text = field("traeger", "Träger der öffentlichen Jugendhilfe")
    youth_office: Text = field("jugendamt", "Bezeichnung des Jugendamts")
    coordination: Coordination = field("netzwerkkoordination", "Netzwerkkoordination Frühe Hilfen")
    head: AdministrationHead | None = field(
        "verwaltungsspitze",
        "Landrätin, Oberbürgermeister …: wer die Vorlagen einbringt (leer: nur die Amtsbezeichnung)",
        default=None,
    )
    # upper bounds a German municipality cannot reach (Berlin: 3,9 Mio., 35.000 births): 10**20 passed and
    # printed „leben 99.999.999.999.999.999.999 Einwohnerinnen und Einwohner“ (fuzz review)
    population: Integer = field("einwohner", "Einwohnerinnen und Einwohner", ge=1, le=5_000_000)
    births_per_year: Integer = field("geburten_pro_jahr", "Geburten pro Jahr (Durchschnitt)", ge=0, le=100_000)
    children_under_three: Integer = field("kinder_unter_3", "Kinder unter drei Jahren", ge=0, le=300_000)
    children_under_three_sgb2: Integer | None = field(
        "kinder_unter_3_sgb2",
        "Kinder unter drei Jahren in Bedarfsgemeinschaften nach dem SGB II",
        default=None,
        ge=0,
    )
    data_year: Year | None = field("datenstand", "Jahr, aus dem die Zahlen stammen", default=None)
    social_spaces: list[SocialSpace] = field("sozialraeume", "Sozialräume der Kommune", min_length=1)
    own_youth_offices: list[Text] = field(
        "eigene_jugendaemter",
        "Nur bei einem Landkreis: Städte im Kreisgebiet mit eigenem Jugendamt, die nicht zum Zuständigkeitsbereich "
        "des Kreisjugendamts gehören, z. B. 'Stadt Lindenau' (die Zahlen oben gelten dann ohne sie)",
        default_factory=list,
    )
    county: Text | None = field(
        "kreis",
        "Nur bei einer kreisangehörigen Stadt: der Kreis, dem sie angehört, z. B. 'Landkreis Leinetal' (er führt das "
        "Gesundheitsamt und ist für sein übriges Gebiet selbst örtlicher Träger)",
        default=None,
    )
    logo: Logo | None = field(
        "logo",
        "Logo für die Titelseite, z. B. 'logo.svg' (Pfad relativ zum Ordner der Kommune)",
        default=None,
    )
    abbreviations: list[Abbreviation] = field(
        "abkuerzungen",
        "Eigene Abkürzungen der Texte (Träger, Tarife, Programme), die das Abkürzungsverzeichnis erklären soll, "
        "z. B. {kurz: SkF, bedeutung: Sozialdienst katholischer Frauen}; es nennt nur, was im Text vorkommt. "
        "Eine Abkürzung, die niemand erklärt, meldet validate",
        default_factory=list,
    )

    @model_validator(mode="before")
    @classmethod
    def _kreis_is_a_landkreis(cls, data: Any) -> Any:
        """'art: Kreis' as Nordrhein-Westfalen and Schleswig-Holstein say it: the kind 'Landkreis'
        (Schleswig-Holstein review: refused as an error, while the name 'Landkreis …' was warned
        about). The documents name it as the Land does."""
        if isinstance(data, dict) and data.get("art") == "Kreis":
            return {**data, "art": "Landkreis"}
        return data

    @field_validator("county")
    @classmethod
    def _county_of_a_city(cls, county: str | None, info: ValidationInfo) -> str | None:
        """Said at 'kreis' itself (user test: at 'name', the model's first line, without what to do)."""
        kind = info.data.get("kind")
        if county and kind is not None and kind not in CITIES_IN_A_KREIS:
            raise refuse(
                f"'kreis' gibt es nur bei einer kreisangehörigen Stadt: der Kreis, dem sie angehört. Bei der Art "
                f"„{kind}“ bitte die Zeile löschen (oder 'art' prüfen)."
            )
        return county

    @model_validator(mode="after")
    def _sgb2_within_children(self) -> Municipality:
        if (self.children_under_three_sgb2 or 0) > self.children_under_three:
            raise refuse("'kinder_unter_3_sgb2' kann nicht größer sein als 'kinder_unter_3'.")
        return self

    @model_validator(mode="after")
    def _own_youth_offices_in_a_county(self) -> Municipality:
        if self.own_youth_offices and self.kind != "Landkreis":
            raise refuse(
                "'eigene_jugendaemter' gibt es nur bei einem Landkreis: Städte im Kreisgebiet mit eigenem Jugendamt."
            )
        return self

    @property
    def without_own_youth_offices(self) -> str:
        """'ohne die Stadt Lindenau, die ein eigenes Jugendamt unterhält': where a Kreisjugendamt
        is responsible for only part of the Kreis (NRW review: many Kreise have cities with
        their own Jugendamt, § 2 AG-KJHG NRW, and the network serves the Jugendamtsbezirk);
        empty otherwise."""
        names = [with_article(name, "acc") for name in self.own_youth_offices]
        if not names:
            return ""
        keeps = "die ein eigenes Jugendamt unterhält" if len(names) == 1 else "die eigene Jugendämter unterhalten"
        return f"ohne {enumeration(names)}, {keeps}"

    @property
    def families_elsewhere(self) -> str:
        """'Für Familien in der Stadt Lindenau ist das dortige Jugendamt zuständig.': the parents'
        form of a Kreis whose network leaves out cities with their own Jugendamt says where those
        families turn (review of the Region Hannover: only the concept and the agreement said
        which area the network covers); empty otherwise."""
        places = [with_article(name, "in", "in ") for name in self.own_youth_offices]
        if not places:
            return ""
        if len(places) == 1:
            return f"Für Familien {places[0]} ist das dortige Jugendamt zuständig."
        return f"Für Familien {enumeration(places)} ist das jeweilige Jugendamt dort zuständig."

    @property
    def nominative(self) -> str:
        """'der Landkreis Musterkreis', 'die Stadt Musterstadt', 'Musterstadt': as a subject."""
        return with_article(self.name, "nom")

    @property
    def subject(self) -> str:
        """'der Landkreis Musterkreis' as a sentence's subject, 'die Kommune' for a bare place name
        (whose pronoun would be unclear)."""
        return self.nominative if name_gender(self.name) else "die Kommune"

    @property
    def pronoun(self) -> str:
        """'er', 'sie' or 'es' for :attr:`subject`."""
        return {"m": "er", "n": "es"}.get(name_gender(self.name) or "f", "sie")

    @property
    def possessive(self) -> str:
        """'sein' for 'der Landkreis …', 'ihr' for 'die Region Hannover': 'für sein Gebiet'."""
        return "ihr" if name_gender(self.name) == "f" else "sein"

    @property
    def accusative(self) -> str:
        """'den Landkreis Musterkreis', 'die Stadt Musterstadt', 'Musterstadt': after 'an'."""
        return with_article(self.name, "acc")

    @property
    def dative(self) -> str:
        """'dem Landkreis Musterkreis', 'der Stadt Musterstadt', 'Musterstadt': after 'gegenüber'."""
        return with_article(self.name, "dat")

    @property
    def at_phrase(self) -> str:
        """'beim Landkreis Musterkreis', 'bei der Stadt Musterstadt', 'bei Musterstadt'."""
        dative = self.dative
        return f"beim {dative.removeprefix('dem ')}" if dative.startswith("dem ") else f"bei {dative}"

    @property
    def in_phrase(self) -> str:
        """'im Landkreis Musterkreis', 'in der Stadt Musterstadt', 'in Musterstadt'."""
        return with_article(self.name, "in", "in ")

    @property
    def youth_office_suffix(self) -> str:
        """What follows 'das Jugendamt' in a sentence: ' (Fachbereich Jugend und Familie)', ' des
        Landkreises Musterkreis' for 'Jugendamt des Landkreises Musterkreis', nothing for an office
        called just 'Jugendamt' (Brandenburg and Thüringen reviews: 'das Jugendamt (Jugendamt)')."""
        office = self.youth_office.strip()
        if office == "Jugendamt":
            return ""
        if office.startswith("Jugendamt "):
            return office.removeprefix("Jugendamt")
        # 'Fachbereich 5 – Jugend und Familie (Jugendamt)' after 'Jugendamt': the bracket says it twice
        # ('vom Jugendamt (Fachbereich 5 – Jugend und Familie – Jugendamt)'; NRW review)
        office = re.sub(r"\s*[(]Jugendamt[)]$", "", office)
        # no brackets in brackets: 'Amt für Jugend und Familie (Kreisjugendamt)' (Bavarian review)
        unnested = re.sub(r" [(]([^()]*)[)]$", r" – \1", office)
        return f" ({unnested})"

    def youth_office_as(self, form: Literal["nom", "dat", "im", "vom", "beim"]) -> str:
        """The Jugendamt in a sentence: 'vom Jugendamt (Fachbereich Jugend und Familie)' – or the
        office by its own name with its article where that name says Jugendamt itself ('vom
        Kreisjugendamt Bliestal-Hochwald', 'vom Fachbereich Jugend und Familie – Jugendamt'; reviews in
        Niedersachsen and the Saarland: 'vom Jugendamt (Fachbereich Jugend und Familie – Jugendamt)')."""
        office = self.youth_office.strip()
        own = (
            "jugendamt" in office.lower()
            and not office.startswith("Jugendamt")
            and not re.search(r"[(]Jugendamt[)]$", office)
        )
        forms = definite(office) if own else None
        if forms is not None:
            return str(getattr(forms, form))
        plain = {
            "nom": "das Jugendamt",
            "dat": "dem Jugendamt",
            "im": "im Jugendamt",
            "vom": "vom Jugendamt",
            "beim": "beim Jugendamt",
        }[form]
        return plain + self.youth_office_suffix

    @property
    def coordination_names_office(self) -> bool:
        """The coordination's post names the office it is in already ('Koordinierungsstelle Frühe
        Hilfen im Kreisjugendamt', '… im Fachbereich Jugend und Familie'): a sentence need not say
        'im Jugendamt (…)' before it (Saarland review: '… im Jugendamt (Kreisjugendamt
        Bliestal-Hochwald) die Koordinierungsstelle Frühe Hilfen im Kreisjugendamt …')."""
        position = self.coordination.position
        stem = re.split(r" – | [(]", self.youth_office.strip())[0]
        return "jugendamt" in position.lower() or stem in position

    @property
    def office_in_address(self) -> bool:
        """The contact's address names the youth office already, part by part: 'Bezirksamt
        Elbhöhe, Fachamt …' for 'Bezirksamt Elbhöhe – Fachamt …' (Hamburg review: the contact
        block gave the office twice, once with a dash and once with a comma)."""
        address = self.coordination.contact.address or ""
        parts = [part for part in re.split(r"\s+[–-]\s+|,\s*", self.youth_office.strip()) if part]
        return bool(parts) and all(part in address for part in parts)

    @property
    def is_bezirk(self) -> bool:
        """A Bezirk of Berlin or Hamburg: no Kommune, no legal person, no means of its own."""
        return self.kind == "Bezirk"

    @property
    def is_own_carrier(self) -> bool:
        """The municipality is itself the Träger der öffentlichen Jugendhilfe (not the Land
        Berlin for a Bezirk)."""
        return self.youth_welfare_authority == self.name

    @property
    def politics(self) -> str:
        """'Kommunalpolitik' – a Bezirk of Berlin or Hamburg is no Kommune: 'Bezirkspolitik'
        (Berlin review)."""
        return "Bezirkspolitik" if self.is_bezirk else "Kommunalpolitik"

    @property
    def own_share_term(self) -> str:
        """What pays the Zuschussbedarf (:func:`own_share_term`)."""
        return own_share_term(self.kind, self.state)

    @property
    def income_sources(self) -> tuple[str, ...]:
        """The sources its income may come from: 'Kreis' only for a city within a Kreis."""
        return tuple(s for s in INCOME_SOURCES if s != "Kreis" or self.in_a_kreis)

    def source_label(self, source: str) -> str:
        """An income source as this municipality's documents name it (:func:`source_label`)."""
        return source_label(source, self.state)

    def source_genitive(self, source: str) -> str:
        """An income source in the genitive (:func:`source_genitive`)."""
        return source_genitive(source, self.state)

    @property
    def authority_nominative(self) -> str:
        """The Träger der öffentlichen Jugendhilfe as a subject: 'der Landkreis Musterkreis',
        'das Land Berlin' for a Bezirk."""
        return with_article(self.youth_welfare_authority, "nom")

    @property
    def in_a_kreis(self) -> bool:
        """A city within a Kreis: the Kreis runs the Gesundheitsamt and the kommunale Jobcenter, so
        texts speak of the city's own offices and the Kreis's (review of a große selbständige
        Stadt: the concept had „Jugendhilfe-, Gesundheits- und Sozialverwaltung“ plan together)."""
        return self.kind in CITIES_IN_A_KREIS

    @property
    def own_means(self) -> str:
        """Where the Zuschussbedarf comes from: 'aus eigenen Mitteln' – for a Bezirk 'aus seinem
        Bezirkshaushalt' (the Land allots its means; Berlin review); a Hamburg Bezirk has no
        budget of its own but the Zuweisungen of the Freie und Hansestadt's Haushaltsplan (§§ 36,
        37 BezVG Hamburg; Hamburg review)."""
        if self.is_bezirk and self.state == "Hamburg":
            return "aus den Mitteln, die ihm der Haushaltsplan der Freien und Hansestadt Hamburg zuweist"
        return "aus seinem Bezirkshaushalt" if self.is_bezirk else "aus eigenen Mitteln"

    @property
    def own_share_label(self) -> str:
        """The own share's row in the money tables (:func:`own_share_label`)."""
        return own_share_label(self.kind, self.state)

    @property
    def political_bodies_term(self) -> str:
        """'kommunalpolitischen Gremien' (accusative or genitive plural after 'die'/'der'),
        'bezirkspolitischen' in a Bezirk."""
        return f"{self.politics.removesuffix('politik').lower()}politischen Gremien"


class NeedsAnalysis(Item, title="Bedarfsanalyse"):
    basis: Text | None = field(
        "grundlage",
        "Wie der Bedarf ermittelt wurde: Daten, Befragungen, Gespräche, Zeitraum",
        default=None,
    )
    need_feature: FeatureId | None = field(
        "bedarfsmerkmal",
        "Merkmal, an dem die Angebotslandkarte hohen Bedarf misst: ein Anteil, z. B. 'anteil-sgb2-unter-3' "
        "(leer: dieses, sobald Werte dafür vorliegen)",
        default=None,
    )
    need_margin: int = field(
        "bedarfsschwelle",
        "Um wie viel Prozent seines eigenen Werts ein Sozialraum über dem Vergleichswert liegen muss (bei "
        "Merkmalen, bei denen niedrige Werte Bedarf anzeigen: darunter), damit sein Bedarf als hoch gilt; "
        "Standard 10 (ein Zehntel), 0: jeder Wert darüber",
        default=10,
        ge=0,
        le=100,
    )
    chart: list[FeatureId] = field(
        "diagramm",
        "Ein oder zwei Merkmale (Anteile), die ein Diagramm für alle Sozialräume vergleicht (leer: das "
        "Bedarfsmerkmal)",
        default_factory=list,
        max_length=2,
    )
    municipal_figures: KeyFigures = field(
        "kennzahlen",
        "Werte für die ganze Kommune zum Vergleich, mit Quelle (Anzahlen werden sonst aus den Sozialräumen "
        "summiert)",
        default_factory=list,
    )
    conclusions: Text | None = field(
        "schlussfolgerungen",
        "Was das Netzwerk aus den Daten schließt: Schwerpunkte, Lücken, Folgen für Ziele und Maßnahmen",
        default=None,
    )
    map: MapFile | None = field(
        "karte",
        "GeoJSON-Datei mit den Umrissen der Sozialräume für die Karte, z. B. 'sozialraeume.geojson' (je "
        "Sozialraum ein Polygon, Kennung als 'id' oder Eigenschaft 'sozialraum'; leer: nur Tabellen)",
        default=None,
    )

    @model_validator(mode="after")
    def _comparable(self) -> NeedsAnalysis:
        for key, chosen in (
            ("bedarfsmerkmal", [self.need_feature] if self.need_feature else []),
            ("diagramm", self.chart),
        ):
            counts = [f for f in chosen if not FEATURES[f].comparable]
            if counts:
                raise refuse(
                    f"'{key}': '{counts[0]}' ist eine Anzahl und hängt von der Größe des Sozialraums ab. "
                    "Vergleichen lassen sich nur Anteile, z. B. 'anteil-sgb2-unter-3'."
                )
        return self


def _text_colour(value: str) -> str:
    """A colour text is set in on white paper: '#rrggbb', dark enough to read (WCAG AA)."""
    if not colours.HEX_COLOUR.fullmatch(value):
        raise refuse(
            f"'{value}' ist keine Farbe in der Form '#rrggbb' (sechs Hex-Ziffern nach '#'), z. B. '#1f4e79'."
        )
    ratio = colours.contrast(value, colours.WHITE)
    if ratio < colours.TEXT_CONTRAST:
        raise refuse(
            f"Die Farbe '{value}' ist für Text auf weißem Papier zu hell: Kontrast {ratio:.1f} : 1, "
            f"nötig sind mindestens {colours.TEXT_CONTRAST} : 1 (WCAG 2, Stufe AA). Bitte eine dunklere "
            "Farbe wählen."
        )
    return value.lower()


Colour = Annotated[Text, AfterValidator(_text_colour)]


class Layout(Item, title="Erscheinungsbild"):
    primary: Colour = field(
        "hauptfarbe",
        "Farbe der Überschriften, des Titels und der Verweise, als '#rrggbb' (Standard '#1f4e79'); sie "
        "braucht auf Weiß einen Kontrast von mindestens 4,5 : 1",
        default=colours.PRIMARY,
    )
    accent: Colour | None = field(
        "akzentfarbe",
        "Farbe der Zeile unter dem Titel auf der Titelseite und des Strichs darüber, als '#rrggbb' (leer: die "
        "Hauptfarbe); ebenfalls mindestens 4,5 : 1 auf Weiß",
        default=None,
    )
    header: Text | None = field(
        "kopfzeile",
        "Text vor dem Dokumenttitel in der Kopfzeile jeder Seite, z. B. 'Stadt Neuhafen – Jugendamt' (leer: "
        "der Name der Kommune)",
        default=None,
    )
    cover_line: Text | None = field(
        "titelzeile",
        "Zeile unter dem Titel auf der Titelseite des Gesamtkonzepts, z. B. 'Fachbereich Jugend und Familie'",
        default=None,
    )
    cover_note: Text | None = field(
        "titelhinweis",
        "Kurzer Hinweis unten auf der Titelseite, z. B. 'Beschlossen vom Jugendhilfeausschuss am 12.03.2026'",
        default=None,
    )
    typeface: TypefaceChoice = field(
        "schrift",
        "Schrift des Textes: 'serifenlos' (Standard; im PDF Source Sans Pro, in Word Arial) oder 'mit Serifen' "
        "(im PDF Source Serif Pro, in Word Georgia)",
        default="serifenlos",
    )
    heading_typeface: TypefaceChoice | None = field(
        "schrift_ueberschriften",
        "Schrift der Überschriften und der Titelseite, 'serifenlos' oder 'mit Serifen' (leer: wie der Text)",
        default=None,
    )

    @property
    def accent_colour(self) -> str:
        return self.accent or self.primary

    @property
    def headings_typeface(self) -> str:
        return self.heading_typeface or self.typeface


class UpdateCycle(Item, title="Fortschreibung"):
    cycle_years: Integer = field("turnus_jahre", "Fortschreibung alle … Jahre", ge=1, le=10)
    next_date: Date = field("naechste", "Termin der nächsten Fortschreibung")
    previous: Date | None = field(
        "vorige",
        "Stand der vorigen Fassung (leer: dies ist die erste Fassung, oder ihr Stand ist nicht bekannt); "
        "lag sie länger zurück als der Turnus, sagen Konzept und Qualitätsdialog das",
        default=None,
    )


class Foreword(Item, title="Vorwort"):
    text: Text = field("text", "Text des Vorworts; eine Leerzeile beginnt einen neuen Absatz")
    author: Text | None = field(
        "verfasst_von",
        "Wer es unterzeichnet, z. B. 'Dr. Petra Lorenz, Dezernentin für Jugend und Soziales' (leer: die "
        "Verwaltungsspitze aus 'kommune.verwaltungsspitze')",
        default=None,
    )


class ConceptVersion(Item, title="Konzept"):
    version: Text = field("fassung", "Fassung des Konzepts, z. B. '2.0'")
    date: PlanDate = field("stand", "Stand (Datum) dieser Fassung")
    update: UpdateCycle = field("fortschreibung", "Turnus und Termin der Fortschreibung")
    contributors: list[ActorRef] = field(
        "mitwirkende", "Akteure, die an dieser Fassung mitgewirkt haben", default_factory=list
    )
    process: Text | None = field("beteiligungsprozess", "Wie das Konzept gemeinsam erarbeitet wurde", default=None)
    decision: Text | None = field(
        "beschluss",
        "Beschluss über diese Fassung: die Nummer eines Beschlusses aus gremien.yaml (dann gilt sie als "
        "beschlossen) oder einer Vorlage aus vorlagen/ (dann ist der Beschluss vorgesehen), z. B. "
        "'JHA/2026/030'; den Satz im Konzept bildet das Werkzeug daraus",
        default=None,
    )
    presented_in: list[NetworkBodyRef] = field(
        "vorgestellt_in",
        "Netzwerkgremien, in denen diese Fassung vorgestellt und beraten wurde (ihre Mitglieder gelten als beteiligt)",
        default_factory=list,
    )
    foreword: Foreword | None = field(
        "vorwort",
        "Vorwort am Anfang des Konzepts (leer: keines), etwa der Landrätin oder des Dezernenten",
        default=None,
    )

    @property
    def cycle_end(self) -> dt.date:
        """When this Fassung is due for its Fortschreibung by the update cycle."""
        return add_months(self.date, 12 * self.update.cycle_years)

    @property
    def months_since_previous(self) -> int | None:
        """Whole months from the previous Fassung's Stand to this one's (None: not known)."""
        before = self.update.previous
        if before is None:
            return None
        months = (self.date.year - before.year) * 12 + self.date.month - before.month
        return months - 1 if self.date.day < before.day else months

    @property
    def previous_overdue(self) -> bool:
        """This Fassung came later than the cycle asked for (Neuhafen's 3.0, six years after 2.0
        under a four-year cycle: 'alle vier Jahre' alone read as not quite true)."""
        before = self.update.previous
        # by the day, not whole months: four years and 16 days under a four-year cycle read as kept
        # (RLP review)
        return before is not None and self.date > add_months(before, 12 * self.update.cycle_years)

    @property
    def previous_sentence(self) -> str | None:
        """'Die vorige Fassung hatte den Stand 02.11.2020; zwischen ihr und dieser lagen fünf Jahre
        und elf Monate, länger als der jetzt vereinbarte Turnus von vier Jahren.' (None: not known;
        the previous Fassung may have had a cycle of its own, as Neuhafen's 'bis Ende 2026')."""
        before, months = self.update.previous, self.months_since_previous
        if before is None or months is None:
            return None
        said = f"Die vorige Fassung hatte den Stand {before:%d.%m.%Y}"
        if not self.previous_overdue:
            return f"{said}; der Turnus wurde eingehalten."
        cycle = count(self.update.cycle_years, "Jahr", "Jahren", "einem")
        span = years_and_months(months)
        days = (self.date - add_months(before, months)).days
        if months == 12 * self.update.cycle_years and days:  # over by days only
            span = f"{span} und {count(days, 'Tag', 'Tage', 'ein')}"
        return (
            f"{said}; zwischen ihr und dieser lagen {span}, länger als der jetzt vereinbarte Turnus von {cycle}."
        )

    @model_validator(mode="after")
    def _previous_before(self) -> ConceptVersion:
        if self.update.previous is not None and self.update.previous >= self.date:
            raise refuse(
                "'fortschreibung.vorige' ist der Stand der vorigen Fassung und muss vor dem Stand dieser Fassung "
                f"('stand': {self.date:%d.%m.%Y}) liegen."
            )
        return self


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


#: The size limit of an input file, in MiB: by default (it catches a wrong file picked), and as far as
#: kommune.yaml may raise it ('pruefung: dateigroesse_mib'); read by the loader before any other file.
FILE_SIZE_MIB = 2
MAX_FILE_SIZE_MIB = 64
FILE_SIZE_FIELD = ("pruefung", "dateigroesse_mib")


class Checks(Item, title="Prüfung"):
    yearly_total_warning: Money = field(
        "jahressumme_warnung_ab",
        "Warnung, wenn der Aufwand oder die Erträge eines Jahres zusammen mehr als "
        "diesen Betrag in Euro ergeben (fängt Tippfehler wie eine Null zu viel ab; Standard "
        "2000000)",
        default=Decimal(2_000_000),
    )
    file_size_mib: Integer = field(
        "dateigroesse_mib",
        "Größte Eingabedatei in MiB (Standard 2, höchstens 64): größer nur für sehr große Kommunen mit "
        "Tausenden von Maßnahmen; kommune.yaml selbst darf höchstens 2 MiB groß sein",
        default=FILE_SIZE_MIB,
        ge=1,
        le=MAX_FILE_SIZE_MIB,
    )


#: The version of the input format this tool reads; `gesamtkonzept migrate` brings older folders
#: up to it. 2: money as Aufwand and Ertrag (Zuschussbedarf computed), Träger apart from actors.
FORMAT = 2


class MunicipalityFile(Item, title="Kommune, Konzept und Leitbild"):
    format: Literal[2] = field(
        "format", "Version des Eingabeformats (derzeit 2; ältere Ordner: gesamtkonzept migrate)"
    )
    municipality: Municipality = field("kommune", "Angaben zur Kommune")
    version: ConceptVersion = field("konzept", "Fassung, Stand und Fortschreibung")
    guiding_principle: GuidingPrinciple = field("leitbild", "Leitbild und Verständnis")
    needs: NeedsAnalysis = field(
        "bedarfsanalyse",
        "Bedarfsanalyse: Grundlage, Schlussfolgerungen, Vergleichswerte, Karte (Kennzahlen stehen bei den "
        "Sozialräumen)",
        default_factory=NeedsAnalysis,
    )
    checks: Checks = field(
        "pruefung", "Einstellungen der Plausibilitätsprüfung (Warnungen)", default_factory=Checks
    )
    layout: Layout = field(
        "layout",
        "Eigenes Erscheinungsbild der Word- und PDF-Dateien: Farben, Kopfzeile, Titelseite (README: Eigenes "
        "Erscheinungsbild); das Logo steht bei 'kommune.logo'",
        default_factory=Layout,
    )


# --- zielgruppen.yaml / ziele.yaml ------------------------------------------------------------


class TargetGroup(Item, title="Zielgruppe"):
    id: Id = field("id", "Kennung der Zielgruppe")
    name: Text = field("name", "Bezeichnung")
    description: Text = field("beschreibung", "Beschreibung der Lebenslage")
    estimated_size: Integer | None = field("geschaetzte_anzahl", "Geschätzte Anzahl", default=None, ge=0)
    size_unit: Text = field("einheit", "Einheit der geschätzten Anzahl", default="Familien")
    size_year: Year | None = field("jahr", "Jahr, für das die Anzahl geschätzt ist", default=None)
    size_source: Text | None = field(
        "quelle",
        "Worauf die Schätzung beruht, z. B. 'Geburtenstatistik LSN 2024 und Fallzahlen der Familienbegleitung'",
        default=None,
    )
    social_spaces: list[SocialSpaceRef] = field("sozialraeume", "Sozialräume (leer: alle)", default_factory=list)
    needs: list[Text] = field("bedarfe", "Bedarfe der Zielgruppe", min_length=1)


class TargetGroupFile(Item, title="Zielgruppen"):
    target_groups: list[TargetGroup] = field("zielgruppen", "Zielgruppen", min_length=1)


class Milestone(Item, title="Zwischenziel"):
    year: Year = field("jahr", "Jahr des Zwischenziels")
    value: Number = field("wert", "Wert, den der Indikator in diesem Jahr erreicht haben soll")


class Indicator(Item, title="Indikator"):
    name: Text = field("name", "Bezeichnung des Indikators")
    unit: Text = field("einheit", "Einheit, z. B. '%' oder 'Familien'")
    baseline: Number = field("ausgangswert", "Ausgangswert")
    baseline_year: Year | None = field("ausgangsjahr", "Jahr des Ausgangswerts", default=None)
    target: Number = field("zielwert", "Zielwert")
    target_year: Year = field("zieljahr", "Jahr, bis zu dem der Zielwert erreicht sein soll")
    milestones: list[Milestone] = field(
        "zwischenziele",
        "Werte für Jahre zwischen Ausgangs- und Zieljahr, wo der Weg nicht gleichmäßig verläuft (etwa ein "
        "Stufenplan für Stellen): An ihnen misst sich, ob der Istwert auf dem Zielpfad liegt",
        default_factory=list,
    )
    current: Number | None = field("istwert", "Zuletzt gemessener Wert", default=None)
    current_year: Year | None = field("istjahr", "Jahr des Istwerts", default=None)
    source: Text | None = field(
        "quelle", "Datenquelle, z. B. 'Falldokumentation der Familienhebammen'", default=None
    )
    method: Text | None = field(
        "methode",
        "Wie der Wert gewonnen wird, z. B. 'Auszählung zum 31.12.' oder 'Online-Befragung'",
        default=None,
    )
    frequency: Frequency | None = field("erhebung", "Wie oft der Wert erhoben wird", default=None)
    responsible: ResponsibleRef | None = field(
        "verantwortlich", "Wer ihn erhebt: ein Akteur oder ein Netzwerkgremium", default=None
    )
    measured_on: Date | None = field(
        "erhoben_am", "Datum, an dem der Istwert erhoben oder ausgewertet wurde", default=None
    )

    @property
    def places(self) -> int:
        """Decimals its values are written with: as many as the most precise one needs, so a row
        reads '3,5 → 4,0 (Ziel 4,5)' and not '4' beside '3,5'."""
        values = [self.baseline, self.target, *([self.current] if self.current is not None else [])]
        return max(decimal_places(v) for v in values)

    @property
    def progress(self) -> Decimal | None:
        """Share of the way from baseline to target covered by the current value (1 = reached)."""
        if self.current is None or self.target == self.baseline:
            return None
        return (self.current - self.baseline) / (self.target - self.baseline)

    @property
    def only_baseline(self) -> bool:
        """The current value is the baseline itself (same value, same year): no Istwert was measured
        since – the tables said '61 % (2023)' under 'Istwert' beside 'bisher nur Ausgangswert' (web
        review)."""
        return (
            self.current is not None
            and self.current_year is not None
            and self.current_year == self.baseline_year
            and self.current == self.baseline
        )

    @property
    def assessment(self) -> str:
        """A one-word reading of the current value against the target, for committee papers."""
        if self.current is None or self.only_baseline:
            # nothing measured since the baseline, which every indicator has: not 'noch nicht erhoben'
            # (Sachsen-Anhalt review: „sechs sind noch nicht erhoben“ of indicators with 2025 values)
            return "bisher nur Ausgangswert"
        if self.progress is None:
            return "erreicht" if self.current == self.target else "verfehlt"
        if self.progress >= 1:
            return "erreicht"
        if self.progress > 0:
            return "hinter dem Zielpfad" if self.behind_path else "auf dem Weg"
        return "unverändert" if self.progress == 0 else "rückläufig"

    @property
    def path_share(self) -> Decimal | None:
        """Share of the way the current value should have covered by its year on the path from
        baseline to target (the Zielpfad): straight, or through the milestones where a stepwise
        plan has them; None where the years do not tell."""
        start, now = self.baseline_year, self.current_year
        if start is None or now is None or self.target_year <= start or self.target == self.baseline:
            return None
        points = [(start, self.baseline), *sorted((m.year, m.value) for m in self.milestones)]
        points.append((self.target_year, self.target))
        now = min(max(now, start), self.target_year)
        (year_a, value_a), (year_b, value_b) = next(
            (a, b) for a, b in zip(points, points[1:], strict=False) if a[0] <= now <= b[0]
        )
        expected = value_a + (value_b - value_a) * Decimal(now - year_a) / Decimal(year_b - year_a)
        return (expected - self.baseline) / (self.target - self.baseline)

    @property
    def behind_path(self) -> bool:
        """Better than the baseline, but clearly behind the straight path to the target (by more
        than a tenth of the way): 'auf dem Weg' would hide that the target is at risk."""
        progress, share = self.progress, self.path_share
        return progress is not None and share is not None and progress < share - Decimal("0.1")

    @model_validator(mode="after")
    def _years_in_order(self) -> Indicator:
        start = self.baseline_year
        if start is not None and self.target_year < start:
            raise refuse(f"Das Zieljahr {self.target_year} liegt vor dem Ausgangsjahr {start}.")
        if start is not None and self.current_year is not None and self.current_year < start:
            raise refuse(f"Das Istjahr {self.current_year} liegt vor dem Ausgangsjahr {start}.")
        if self.milestones and start is None:
            raise refuse("Zwischenziele brauchen das Jahr des Ausgangswerts; bitte 'ausgangsjahr' angeben.")
        for milestone in self.milestones:
            if start is not None and not start < milestone.year < self.target_year:
                raise refuse(
                    f"Das Zwischenziel {milestone.year} liegt nicht zwischen Ausgangsjahr {start} und "
                    f"Zieljahr {self.target_year}."
                )
        if len({m.year for m in self.milestones}) < len(self.milestones):
            raise refuse("Für ein Jahr ist mehr als ein Zwischenziel angegeben.")
        if self.measured_on is not None and self.current is None:
            raise refuse(
                "'erhoben_am' gehört zu einem Istwert; bitte 'istwert' angeben oder 'erhoben_am' weglassen."
            )
        return self


class Goal(Item, title="Ziel"):
    id: Id = field("id", "Kennung des Ziels")
    kind: GoalKind = field("art", "Art des Ziels: Wirkungsziel oder Handlungsziel")
    title: Text = field("titel", "Das Ziel in einem Satz")
    short_title: Text | None = field(
        "kurztitel",
        "Kurze Bezeichnung für Überschriften und Verweise, ohne Satzpunkt, z. B. 'Zugang zu den Frühen "
        "Hilfen' (leer: Überschrift aus Art und Nummer des Ziels)",
        default=None,
    )
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


class Measure(Item, title="Maßnahme"):
    id: Id = field("id", "Kennung der Maßnahme")
    title: Text = field("titel", "Bezeichnung des Angebots oder der Maßnahme")
    description: Text = field("beschreibung", "Beschreibung")
    goals: list[GoalRef] = field("ziele", "Ziele, zu denen die Maßnahme beiträgt", min_length=1)
    target_groups: list[TargetGroupRef] = field("zielgruppen", "Zielgruppen", min_length=1)
    lead: ActorRef = field(
        "federfuehrung", "Federführende Einrichtung (ein Akteur mit Organisationsform 'Institution')"
    )
    participants: list[ActorRef] = field("beteiligte", "Beteiligte Akteure", default_factory=list)
    period: Period = field("zeitraum", "Zeitraum")
    status: MeasureStatus = field("status", "Stand der Umsetzung: geplant, laufend oder abgeschlossen")
    repeats: RepeatFrequency | None = field(
        "wiederholung",
        "Bei einem Vorhaben, das in Abständen wiederkehrt (z. B. eine Befragung): wie oft, etwa 'alle vier "
        "Jahre'; sein Aufwand gilt dann nicht als einmalig, sondern als in diesem Abstand wiederkehrend",
        default=None,
    )
    social_spaces: list[SocialSpaceRef] = field(
        "sozialraeume", "Sozialräume (leer: ganze Kommune)", default_factory=list
    )
    planned_in: list[SocialSpaceRef] = field(
        "geplant_in",
        "Sozialräume, in die ein laufendes Angebot erst noch kommen soll: dort zählt es in der "
        "Angebotslandkarte als geplant, z. B. [ost]",
        default_factory=list,
    )
    offer: YesNo = field(
        "angebot",
        "Ein Angebot, das Familien unmittelbar erreicht (nein: eine Maßnahme für Netzwerk, Planung oder "
        "Steuerung; sie fehlt dann in der Angebotslandkarte)",
        default=True,
    )
    quality_goals: list[QualityGoalRef] = field(
        "qualitaetsziele",
        "Ziele des Qualitätsrahmens, zu denen die Maßnahme beiträgt, z. B. 'gemeinsame-ressourcenplanung'",
        default_factory=list,
    )
    staff: list[ProfessionId] = field(
        "fachkraefte",
        "Berufsgruppen, die in der Maßnahme arbeiten, z. B. familienhebamme, fgkikp, babylotse: das Konzept "
        "nennt dazu Zeitraum der Begleitung und Qualifikation",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _expansion(self) -> Measure:
        """An expansion adds Sozialräume to a running offer that does not reach all of them yet."""
        if not self.planned_in:
            return self
        if self.status != "laufend":
            raise refuse(
                "'geplant_in' gilt nur für laufende Angebote. Ist das ganze Angebot geplant, die Sozialräume "
                "unter 'sozialraeume' angeben."
            )
        if not self.social_spaces:
            raise refuse(
                "Ohne 'sozialraeume' erreicht das Angebot schon die ganze Kommune; 'geplant_in' braucht die "
                "Sozialräume, in denen es heute läuft."
            )
        if twice := [s for s in self.planned_in if s in self.social_spaces]:
            raise refuse(
                f"{', '.join(repr(s) for s in twice)} steht unter 'sozialraeume' und unter 'geplant_in'; bitte "
                "nur dort angeben, wo es zutrifft."
            )
        return self

    @property
    def professions(self) -> list[Profession]:
        """The professions working in the measure, with what the concept says of them."""
        return [PROFESSIONS[p] for p in self.staff]


class MeasureFile(Item, title="Maßnahmen"):
    measures: list[Measure] = field("massnahmen", "Maßnahmen und Angebote", min_length=1)


# --- akteure.yaml -----------------------------------------------------------------------------


class Actor(Item, title="Akteur"):
    id: Id = field("id", "Kennung des Akteurs")
    name: Text = field("name", "Name der Einrichtung, Gruppe oder Berufsgruppe")
    sector: Sector = field("sektor", "Sektor")
    organisation_form: OrganisationForm = field("organisationsform", "Organisationsform")
    carrier: OrganisationRef | None = field("traeger", "Träger (Kennung aus der Liste 'traeger')", default=None)
    persons: Integer | None = field("anzahl_personen", "Anzahl der Personen (z. B. Hebammen)", default=None, ge=0)
    facilities: Integer | None = field(
        "anzahl_einrichtungen",
        "Anzahl der Einrichtungen, wenn der Akteur mehrere zusammenfasst (z. B. Familienzentren)",
        default=None,
        ge=1,
    )
    role: Text = field("rolle", "Rolle im Gesamtkonzept")
    responsibilities: list[Text] = field("zustaendigkeiten", "Zuständigkeiten", min_length=1)
    conditions: Text | None = field(
        "rahmenbedingungen", "Was die Mitarbeit begrenzt oder ermöglicht", default=None
    )
    network_hours: Hours = field("netzwerkaufwand_stunden", "Aufwand für Netzwerkarbeit in Stunden pro Jahr")
    social_spaces: list[SocialSpaceRef] = field(
        "sozialraeume",
        "Sozialräume, in denen der Akteur arbeitet (leer: nicht angegeben). Das Konzept nennt sie beim Akteur; in "
        "Gremien, die je Sozialraum tagen (Stadtteilrunden), zählen für ihn die Sitzungen dieser Sozialräume, ohne "
        "Angabe die eines Sozialraums (die aller, wer unter 'ansprechpersonen_je_sozialraum' steht)",
        default_factory=list,
    )
    in_youth_office: YesNo = field(
        "im_jugendamt",
        "Gehört zum Jugendamt (etwa dort angestellte Familienhebammen): Seine Fachkräfte schätzen eine "
        "Gefährdung nach § 8a Abs. 1 SGB VIII mit ein, sie informieren das Jugendamt nicht nach § 4 KKG",
        default=False,
    )
    federal_supervision: YesNo = field(
        "datenschutzaufsicht_bund",
        "Untersteht der Datenschutzaufsicht des Bundes: ein Jobcenter als gemeinsame Einrichtung (§ 44b SGB II), "
        "für das die Bundesbeauftragte für den Datenschutz zuständig ist (§ 50 Abs. 4 SGB II); nicht ein "
        "kommunales Jobcenter (zugelassener kommunaler Träger), das der Landesaufsicht untersteht",
        default=False,
    )
    agreement_signed: Date | None = field(
        "kooperationsvereinbarung",
        "Datum der unterzeichneten Kooperationsvereinbarung",
        default=None,
    )

    @property
    def carrier_label(self) -> str:
        """How the actor belongs to its Träger: an institution's 'Träger'; freelancers are
        represented by theirs ('Vertretung'), volunteers have an 'Anbindung' at a project – they
        have no Träger and no employer (network coordinator's review); a noun, as the others, not
        'angebunden an:' with the name after it in the nominative (Lektorat)."""
        return {"freiberuflich": "Vertretung", "ehrenamtlich-zivilgesellschaftlich": "Anbindung"}.get(
            self.organisation_form, "Träger"
        )

    @property
    def name_in_text(self) -> str:
        """The name inside a sentence: a group's ('Freiberufliche Hebammen', 'Ehrenamtliche
        Familienpatinnen') with its adjective in lower case, as German writes a common noun
        phrase; an institution's name is a proper name and stays as it is ('Evangelische
        Familienbildungsstätte')."""
        return self.name if self.organisation_form == "Institution" else in_running_text(self.name)


def names_in_line(actors: Iterable[Actor]) -> list[str]:
    """Actors' names one after another in a line or a cell: the first as it stands, the others
    as inside a sentence ('…; freiberufliche Hebammen', '… und ehrenamtliche Stadtteilmütter')."""
    return [actor.name if index == 0 else actor.name_in_text for index, actor in enumerate(actors)]


class Organisation(Item, title="Träger"):
    id: Id = field("id", "Kennung des Trägers")
    name: Text = field("name", "Name, z. B. 'Kinderschutzbund Musterkreis e. V.'")
    kind: OrganisationKind = field("art", "Art des Trägers")
    church: Church | None = field(
        "kirchlich",
        "Kirchlicher Träger: 'katholisch' (Datenschutz nach dem KDG) oder 'evangelisch' (nach dem DSG-EKD), "
        "mit eigener kirchlicher Datenschutzaufsicht; leer für alle anderen",
        default=None,
    )
    #: A signature block with as many lines (Rechtsamt's review: many a Verein is represented by
    #: two board members together, a gGmbH may be by two Geschäftsführer; one line left the
    #: second to squeeze in beside the first).
    signatures: Integer = field(
        "unterschriften",
        "Wie viele Personen gemeinsam für den Träger unterzeichnen: 2, wenn Satzung oder Gesellschaftsvertrag "
        "die Vertretung durch zwei verlangt (etwa zwei Vorstandsmitglieder eines e. V.); leer: eine",
        default=1,
        ge=1,
        le=3,
    )

    @property
    def public(self) -> bool:
        """A public Träger (Kreis, Stadt, Jobcenter …): the agreement binds it by its own decision, and its
        services count as places of their own when data flows between them."""
        return self.kind == "öffentlicher Träger"


class ActorFile(Item, title="Akteure"):
    organisations: list[Organisation] = field(
        "traeger",
        "Träger und Anstellungsträger (Organisationen, die Akteure tragen oder Personal beschäftigen)",
        default_factory=list,
    )
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
    social_spaces: list[SocialSpaceRef] = field(
        "je_sozialraum",
        "Sozialräume, in denen das Gremium je für sich tagt (Stadtteilrunden): 'sitzungen_pro_jahr' gilt dann "
        "je Sozialraum, jedes Mitglied tagt in seinem (oder in denen, die akteure.yaml unter 'sozialraeume' für es "
        "nennt), die Leitung und wer nach 'ansprechpersonen_je_sozialraum' in jedem Sozialraum eine Ansprechperson "
        "hat, in allen (leer: ein Gremium für alle)",
        default_factory=list,
    )

    @property
    def sittings(self) -> int:
        """Sittings a year of the whole body: in each of its Sozialräume where it meets apart."""
        return self.meetings_per_year * max(1, len(self.social_spaces))

    @property
    def meetings_shown(self) -> str:
        """'4' or, where it meets in each of its Sozialräume apart, 'je 4 in 4 Sozialräumen (16)':
        '4 je Sozialraum' read as all five of the city's, where one has no Stadtteilrunde yet."""
        if not self.social_spaces:
            return str(self.meetings_per_year)
        if len(self.social_spaces) == 1:
            return f"{self.meetings_per_year} in einem Sozialraum"
        return f"je {self.meetings_per_year} in {len(self.social_spaces)} Sozialräumen ({self.sittings})"

    @property
    def forms(self) -> Forms:
        """The name with its article in every case: forms.im → 'in der Steuerungsgruppe …'."""
        return committee_forms(self.name)


class CoordinationPath(Item, title="Abstimmungsweg"):
    sender: ActorRef = field("von", "Akteur, der sich abstimmt oder informiert")
    recipient: ActorRef = field("an", "Akteur, an den sich der Weg richtet")
    occasion: Text = field("anlass", "Anlass")
    form: Text = field("form", "Form, z. B. 'telefonisch, mit Einwilligung der Eltern'")
    deadline: Text = field("frist", "Frist, z. B. 'innerhalb von 3 Werktagen'")
    personal: YesNo = field(
        "personenbezogen",
        "Gehen auf diesem Weg Angaben über einzelne Familien weiter (Standard: ja)? 'nein' etwa für einen "
        "Datenbericht mit Fallzahlen; dann braucht der Weg keine Weitergabe in querschnitt.yaml",
        default=True,
    )


class WorkingForm(Item, title="Arbeitsform"):
    name: Text = field("name", "Bezeichnung")
    description: Text = field("beschreibung", "Beschreibung")


class NeighbourNetwork(Item, title="Benachbartes Netzwerk"):
    """The network of another örtlicher Träger whose families the municipality's services meet:
    the Landkreis around a city with its own Jugendamt, the Kreis whose mothers give birth in the
    city's clinic (review of a große selbständige Stadt: nothing said where the Babylotsinnen hand
    over families from outside the city)."""

    name: Text = field("name", "Name des Netzwerks, z. B. 'Netzwerk Frühe Hilfen im Landkreis Leinetal'")
    coordination: Text = field(
        "koordination",
        "Wer es koordiniert, z. B. 'Koordinierungsstelle Frühe Hilfen im Jugendamt des Landkreises'",
    )
    interface: Text = field(
        "schnittstelle",
        "Wie die Zusammenarbeit geregelt ist: wer Familien von außerhalb wohin vermittelt, gemeinsame Angebote, "
        "Austausch der Koordinierungsstellen",
    )


class Representation(Item, title="Vertretung bei der Unterzeichnung"):
    actor: ActorRef = field("akteur", "Akteur, für den unterzeichnet wird")
    by: OrganisationRef = field(
        "durch",
        "Organisation aus 'traeger' in akteure.yaml, die für ihn unterzeichnet, z. B. ein Verband freiberuflicher "
        "Hebammen",
    )


class AgreementClause(Item, title="Regelung"):
    title: Text = field("titel", "Überschrift, z. B. 'Öffentlichkeitsarbeit'")
    text: Text = field("text", "Wortlaut der Regelung (eine Leerzeile beginnt einen neuen Absatz)")


class ConsentForm(Item, title="Einverständniserklärung"):
    make: YesNo = field(
        "erzeugen",
        "Den Vordruck 'Einverständniserklärung und Schweigepflichtentbindung' für Eltern als eigenes Dokument "
        "erzeugen (ja oder nein)",
        default=True,
    )
    places: list[ActorRef] = field(
        "stellen",
        "Stellen, zwischen denen Eltern den Austausch erlauben können (leer: alle Akteure außer der Verwaltung)",
        default_factory=list,
    )
    data: list[Text] = field(
        "angaben",
        "Angaben, die mit der Einwilligung weitergegeben werden dürfen (leer: Kontaktdaten, Angaben zum Kind, "
        "Anlass der Vermittlung und Rückmeldung über den Kontakt)",
        default_factory=list,
    )
    health_data: list[Text] | None = field(
        "gesundheitsangaben",
        "Angaben zur Gesundheit, in deren Weitergabe Eltern ausdrücklich einwilligen können (leer: Beobachtungen "
        "zu Gesundheit und Entwicklung von Kind und Eltern und der bisherige Verlauf der Begleitung; [] für keine)",
        default=None,
    )
    no_health_data: list[ActorRef] = field(
        "ohne_gesundheitsangaben",
        "Stellen, die keine Angaben zur Gesundheit erhalten, auch wenn Eltern sie ankreuzen (z. B. das Jobcenter); "
        "Ehrenamtliche erhalten sie nie",
        default_factory=list,
    )
    max_months: Integer = field(
        "hoechstdauer_monate",
        "Wie viele Monate die Einwilligung höchstens gilt, gerechnet ab der Unterschrift (Standard: 12)",
        default=12,
        ge=1,
        le=36,
    )
    deletion_years: Integer | None = field(
        "loeschfrist_jahre",
        "Spätestens so viele Jahre nach dem Ende der Begleitung löschen die Stellen die Angaben (leer: sobald sie "
        "sie nicht mehr brauchen); längere gesetzliche Aufbewahrungspflichten nennt der Vordruck immer",
        default=None,
        ge=1,
        le=10,
    )
    retention: Text | None = field(
        "speicherdauer",
        "Eigener Satz, wie lange die Angaben gespeichert werden; ersetzt den Satz aus 'loeschfrist_jahre' (leer: "
        "aus 'loeschfrist_jahre')",
        default=None,
    )
    contact: Text | None = field(
        "datenschutzkontakt",
        "Wen Eltern zum Datenschutz fragen können, z. B. die oder der Datenschutzbeauftragte mit Anschrift (leer: "
        "'datenschutzbeauftragte' aus querschnitt.yaml)",
        default=None,
    )
    authority: Text | None = field(
        "aufsichtsbehoerde",
        "Datenschutzaufsichtsbehörde mit Anschrift, bei der Eltern sich beschweren können (leer: die des Landes "
        "aus kommune.yaml)",
        default=None,
    )

    @model_validator(mode="after")
    def _places_once(self) -> ConsentForm:
        if len(set(self.places)) < len(self.places):
            raise refuse("Jede Stelle bitte nur einmal unter 'stellen' nennen.")
        return self


class AgreementSettings(Item, title="Kooperationsvereinbarung"):
    signatories: list[ActorRef] = field(
        "unterzeichnende",
        "Akteure, für die die Vereinbarung unterzeichnet wird; es unterschreibt ihr Träger (leer: jede Einrichtung "
        "und jede freiberufliche oder ehrenamtliche Gruppe mit Träger oder Vertretung)",
        default_factory=list,
    )
    representations: list[Representation] = field(
        "vertretungen",
        "Akteure, für die eine andere Organisation als ihr Träger unterzeichnet (z. B. ein Verband)",
        default_factory=list,
    )
    individual_accession: list[ActorRef] = field(
        "einzelbeitritt",
        "Akteure, die für mehrere Einrichtungen verschiedener Träger stehen (z. B. Familienzentren in Kitas "
        "verschiedener Träger): jede Einrichtung tritt mit eigener Unterschrift bei; ein Träger unterschreibt nur "
        "für seine eigenen. Freiberuflich Tätige ohne Träger und Gruppen, für die ein Verband unterzeichnet, "
        "treten immer einzeln bei",
        default_factory=list,
    )
    contacts_per_area: list[ActorRef] = field(
        "ansprechpersonen_je_sozialraum",
        "Akteure, die in Anlage 1 für jeden Sozialraum eine Ansprechperson und eine Vertretung eintragen",
        default_factory=list,
    )
    place: Text | None = field("ort", "Ort der Unterzeichnung (leer: zum Ausfüllen)", default=None)
    start: Date | None = field("beginn", "Tag des Inkrafttretens (leer: mit der Unterzeichnung)", default=None)
    continues: YesNo = field(
        "fortgeltend",
        "Fortgeltung: die mit einer früheren Fassung unterzeichnete Vereinbarung gilt unverändert weiter (ja); der "
        "Build erzeugt sie nicht neu, ihre Dateien im Ausgabeordner bleiben, und das Konzept beschreibt sie weiter",
        default=False,
    )
    term_years: Integer | None = field(
        "laufzeit_jahre", "Laufzeit in Jahren (leer: unbefristet)", default=None, ge=1, le=10
    )
    review_years: Integer | None = field(
        "ueberpruefung_jahre",
        "Die Vereinbarung wird alle … Jahre überprüft (leer: mit jeder Fortschreibung des Gesamtkonzepts)",
        default=None,
        ge=1,
        le=10,
    )
    notice_months: Integer = field(
        "kuendigungsfrist_monate", "Kündigungsfrist in Monaten (Standard: 3)", default=3, ge=1, le=24
    )
    previous_end: Date | None = field(
        "bisherige_endet",
        "Frühester Tag, an dem die Kündigung der bisherigen Kooperationsvereinbarung nach ihren eigenen Regeln "
        "wirksam wird (leer: die Dokumente nennen kein Datum)",
        default=None,
    )
    clauses: list[AgreementClause] = field(
        "regelungen", "Weitere Regelungen, je mit Überschrift und Wortlaut", default_factory=list
    )
    consent_form: ConsentForm = field(
        "einverstaendniserklaerung",
        "Vordruck für Eltern: Einverständniserklärung und Schweigepflichtentbindung",
        default_factory=ConsentForm,
    )

    @model_validator(mode="after")
    def _named_once(self) -> AgreementSettings:
        if len(set(self.signatories)) < len(self.signatories):
            raise refuse("Jeden Akteur bitte nur einmal unter 'unterzeichnende' nennen.")
        represented = [r.actor for r in self.representations]
        if len(set(represented)) < len(represented):
            raise refuse("Für jeden Akteur bitte nur eine Vertretung unter 'vertretungen' nennen.")
        for key, named in (
            ("einzelbeitritt", self.individual_accession),
            ("ansprechpersonen_je_sozialraum", self.contacts_per_area),
        ):
            if len(set(named)) < len(named):
                raise refuse(f"Jeden Akteur bitte nur einmal unter '{key}' nennen.")
        return self


#: What the documents call the network where netzwerk.yaml gives it no name of its own.
NETWORK_NAME = "Netzwerk Frühe Hilfen"


def _network_name(value: str) -> str:
    """A network's own name begins with 'Netzwerk', so sentences can decline it ('des Netzwerks
    frühe Kindheit')."""
    if not value.startswith("Netzwerk "):
        raise refuse(
            f"'{value}': Der Name des Netzwerks beginnt mit 'Netzwerk', z. B. 'Netzwerk frühe Kindheit'; "
            "die Dokumente sagen 'im Netzwerk …', 'des Netzwerks …'."
        )
    return value


class NetworkFile(Item, title="Netzwerk"):
    name: Annotated[Text, AfterValidator(_network_name)] | None = field(
        "name",
        f"Name des Netzwerks, wie es vor Ort heißt, z. B. 'Netzwerk frühe Kindheit' (KoKi in Bayern); leer: "
        f"'{NETWORK_NAME}'",
        default=None,
    )
    bodies: list[NetworkBody] = field("netzwerkgremien", "Gremien des Netzwerks", min_length=1)
    paths: list[CoordinationPath] = field("abstimmungswege", "Abstimmungswege", min_length=1)
    working_forms: list[WorkingForm] = field("arbeitsformen", "Arbeitsformen", min_length=1)
    requirements: list[Text] = field("anforderungen", "Anforderungen an die Zusammenarbeit", min_length=1)
    neighbours: list[NeighbourNetwork] = field(
        "nachbarnetzwerke",
        "Netzwerke Frühe Hilfen anderer örtlicher Träger, mit denen das Netzwerk zusammenarbeitet (etwa des "
        "Landkreises, dem eine Stadt mit eigenem Jugendamt angehört)",
        default_factory=list,
    )
    agreement: AgreementSettings | None = field(
        "kooperationsvereinbarung",
        "Kooperationsvereinbarung als eigenes Dokument: wer unterzeichnet, Beginn, Laufzeit, Ort und weitere "
        "Regelungen (leer: keine Kooperationsvereinbarung erzeugen)",
        default=None,
    )

    @property
    def kinds_named(self) -> bool:
        """Every body's name says its kind ('Steuerungsgruppe Frühe Hilfen' is a Steuerungsgruppe):
        a column of kinds in the table of bodies would only repeat the names."""
        return all(body.kind.casefold() in body.name.casefold() for body in self.bodies)


# --- ressourcen.yaml --------------------------------------------------------------------------


class BudgetYear(Item, title="Haushaltsjahr"):
    year: Year = field("jahr", "Haushaltsjahr")
    status: BudgetStatus = field("stand", "Stand des Haushalts: beschlossen, Entwurf oder Planung")
    adopted_on: PlanDate | None = field("beschlossen_am", "Datum des Haushaltsbeschlusses", default=None)
    statute: Text | None = field(
        "doppelhaushalt",
        "Bei einem Doppelhaushalt beide Jahre, z. B. '2027/2028' (in beiden Jahren gleich eintragen): die "
        "Vorlagen nennen dann die Haushaltssatzung 2027/2028",
        default=None,
    )


class Income(Item, title="Ertrag"):
    id: Id = field("id", "Kennung des Ertrags")
    source: IncomeSource = field(
        "quelle",
        "Mittelgeber: Bundesstiftung Frühe Hilfen, Land, Kreis (was der Landkreis einer kreisangehörigen Stadt "
        "mit eigenem Jugendamt erstattet), Krankenkassen oder Dritte (in Bayern, Sachsen und Thüringen nennen die "
        "Dokumente das Land „Freistaat …“)",
    )
    funding_area: FundingAreaCode | None = field(
        "foerderbereich", "Förderbereich der Bundesstiftung Frühe Hilfen: I, II oder III", default=None
    )
    title: Text = field(
        "bezeichnung",
        "Bezeichnung, z. B. 'Landesförderung Familienhebammen' (bei der Bundesstiftung nennen die Dokumente "
        "den amtlichen Titel des Förderbereichs)",
    )
    year: Year = field("jahr", "Haushaltsjahr")
    amount: Money = field("betrag", "Betrag in Euro")
    budget_item: Text = field("haushaltsstelle", "Produkt oder Haushaltsstelle (wie im Haushaltsplan)")
    committee: CommitteeRef = field("ausschuss", "Zuständiger Ausschuss")
    earmarking: Text | None = field("zweckbindung", "Zweckbindung", default=None)
    purposes: list[PurposeRef] = field(
        "fuer",
        "Wofür: Maßnahmen oder 'netzwerkkoordination' (leer: ohne Bindung an einzelne Maßnahmen)",
        default_factory=list,
    )
    cooperation_requirements: list[Text] = field(
        "kooperationsauflagen", "Auflagen zur Kooperation im Bescheid", default_factory=list
    )
    limited_until: Year | None = field(
        "befristet_bis",
        "Letztes Jahr, für das die Förderung zugesagt ist (einmalige Förderung: ihr Jahr); die Vorlagen nennen "
        "dann, welche Erträge danach ohne Anschlussförderung fehlen",
        default=None,
    )
    applied_for: YesNo = field(
        "beantragt",
        "Nur beantragt, noch nicht bewilligt (ja/nein): Beschlussvorlagen stellen die Umsetzung dann auch unter "
        "den Vorbehalt der Bewilligung",
        default=False,
    )
    promised: YesNo = field(
        "zugesagt",
        "Zugesagt, aber noch ohne Bescheid oder schriftliche Bewilligung (ja/nein): die Dokumente führen den "
        "Ertrag dann als zugesagt, nicht als bewilligt",
        default=False,
    )

    @property
    def standing(self) -> str:
        """How far the grant is secured, as the finance workbook and the tables say it: a promise is
        no Bescheid (Kämmerei review: the workbook called the Krankenkassen's and a foundation's
        promised funding 'bewilligt', the papers 'zugesagt')."""
        return "beantragt" if self.applied_for else "zugesagt" if self.promised else "bewilligt"

    @property
    def standing_note(self) -> str:
        """' (beantragt)', ' (zugesagt)' after the grant's name; nothing where it is granted."""
        return "" if self.standing == "bewilligt" else f" ({self.standing})"

    @property
    def label_with_standing(self) -> str:
        """The grant's name with its standing where not granted: 'Projektförderung … (befristet bis
        2027; zugesagt)' – never two pairs of brackets in a row."""
        return self.label if self.standing == "bewilligt" else with_note(self.label, self.standing)

    @model_validator(mode="after")
    def _applied_for_or_promised(self) -> Income:
        if self.applied_for and self.promised:
            raise refuse("Ein Ertrag ist entweder beantragt oder zugesagt: bitte nur eines mit 'ja' angeben.")
        return self

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Income:
        if self.limited_until is not None and self.limited_until < self.year:
            raise refuse(
                f"'befristet_bis' ({self.limited_until}) liegt vor dem Haushaltsjahr dieses Ertrags ({self.year})."
            )
        return self

    @model_validator(mode="after")
    def _area_of_the_foundation(self) -> Income:
        if self.source == "Bundesstiftung Frühe Hilfen" and self.funding_area is None:
            raise refuse(
                "Bei Mitteln der Bundesstiftung Frühe Hilfen bitte den 'foerderbereich' angeben (I, II oder III)."
            )
        if self.source != "Bundesstiftung Frühe Hilfen" and self.funding_area is not None:
            raise refuse("Einen 'foerderbereich' gibt es nur bei Mitteln der Bundesstiftung Frühe Hilfen.")
        return self

    @property
    def label(self) -> str:
        """What the documents call the line: for the Bundesstiftung the official name of the
        Förderbereich from its code, so a title written by hand cannot get it wrong (a title
        that names no Förderbereich follows after a dash); otherwise the title."""
        if self.funding_area is None:
            return self.title
        official = FUNDING_AREAS[self.funding_area].name
        # after a dash, not in brackets: the concept names the line in brackets itself ('aus einer
        # Zuwendung der Bundesstiftung … (Förderbereich I … (…))', review of a new Landkreis);
        # the source the title repeats is said once
        own = re.sub(rf"^{re.escape(self.source)}\s*[,:–-]?\s*", "", self.title).strip()
        return official if "Förderbereich" in self.title or not own else f"{official} – {own}"


class Expense(Item, title="Aufwand"):
    id: Id = field("id", "Kennung des Aufwands")
    kind: ExpenseKind = field("art", "Art: Personal, Sachkosten oder Zuwendung an Träger")
    title: Text = field("bezeichnung", "Bezeichnung, z. B. 'Netzwerkkoordination (1,0 VZÄ)'")
    year: Year = field("jahr", "Haushaltsjahr")
    amount: Money = field("betrag", "Betrag in Euro")
    purpose: PurposeRef = field("fuer", "Wofür: eine Maßnahme oder 'netzwerkkoordination'")
    budget_item: Text = field("haushaltsstelle", "Produkt oder Haushaltsstelle (wie im Haushaltsplan)")
    committee: CommitteeRef = field("ausschuss", "Zuständiger Ausschuss")
    position: PositionRef | None = field("stelle", "Personalstelle (bei Personal)", default=None)
    recipient: OrganisationRef | None = field(
        "empfaenger", "Träger, der die Zuwendung erhält (bei Zuwendung an Träger)", default=None
    )
    cooperation_requirements: list[Text] = field(
        "kooperationsauflagen",
        "Anforderungen an die Zusammenarbeit in der eigenen Bewilligung oder Leistungsvereinbarung",
        default_factory=list,
    )
    full_year: Money | None = field(
        "volles_jahr",
        "Betrag in einem vollen Jahr, wenn der Aufwand in diesem Jahr erst im Lauf des Jahres beginnt (z. B. ab "
        "April); die Vorlagen nennen den Mehraufwand im Folgejahr",
        default=None,
    )
    once: YesNo = field(
        "einmalig",
        "Fällt nur in diesem Jahr an, nicht jährlich wiederkehrend (z. B. eine Auftaktveranstaltung); die "
        "Vorlagen nennen den wiederkehrenden Aufwand ohne ihn",
        default=False,
    )
    deviation: Literal["überplanmäßig", "außerplanmäßig"] | None = field(
        "planabweichung",
        "Nur in einem beschlossenen Haushalt: der Betrag ist dort nicht veranschlagt – 'außerplanmäßig' (kein "
        "Ansatz dafür) oder 'überplanmäßig' (über dem Ansatz: dann nur den Mehrbetrag als eigenen Aufwand "
        "eintragen); die Vorlagen sagen es, statt den Betrag als veranschlagt zu nennen",
        default=None,
    )
    cover: Text | None = field(
        "deckung",
        "Bei 'planabweichung': wodurch der Betrag gedeckt wird, z. B. 'Minderaufwand bei Produkt 36.20.01 Hilfen "
        "zur Erziehung'",
        default=None,
    )

    @model_validator(mode="after")
    def _cover_for_a_deviation(self) -> Expense:
        if self.cover is not None and self.deviation is None:
            raise refuse(
                "Eine 'deckung' gibt es nur für einen Betrag, der nicht veranschlagt ist: bitte 'planabweichung: "
                "außerplanmäßig' oder 'überplanmäßig' ergänzen oder die 'deckung' streichen."
            )
        return self

    @model_validator(mode="after")
    def _full_year_is_more(self) -> Expense:
        if self.full_year is not None and self.full_year < self.amount:
            raise refuse(
                f"'volles_jahr' ({self.full_year}) ist kleiner als der 'betrag' ({self.amount}); gemeint ist der "
                "Betrag eines vollen Jahres, wenn der Aufwand erst im Lauf des Jahres beginnt."
            )
        return self

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Expense:
        if self.kind == "Zuwendung an Träger" and self.recipient is None:
            raise refuse("Bei einer Zuwendung an Träger bitte den 'empfaenger' angeben.")
        if self.kind != "Zuwendung an Träger" and self.recipient is not None:
            raise refuse("Einen 'empfaenger' gibt es nur bei einer Zuwendung an Träger.")
        if self.kind != "Personal" and self.position is not None:
            raise refuse("Eine 'stelle' gehört nur zu Personalaufwand.")
        if self.once and self.full_year is not None:
            raise refuse(
                "Ein Aufwand ist entweder 'einmalig' oder beginnt im Lauf des Jahres und kostet danach ein "
                "'volles_jahr' – beides zugleich geht nicht."
            )
        if self.kind != "Zuwendung an Träger" and self.cooperation_requirements:
            raise refuse(
                "'kooperationsauflagen' stehen in eigenen Bewilligungen und Leistungsvereinbarungen, also bei "
                "einer Zuwendung an Träger."
            )
        return self


class StaffChange(Item, title="Änderung des Stellenumfangs"):
    year: Year = field("jahr", "Haushaltsjahr, ab dem der neue Umfang gilt")
    fte: Decimal = field(
        "vzae", "Umfang in Vollzeitäquivalenten ab diesem Jahr (0: Stelle entfällt)", ge=0, le=100
    )


class Position(Item, title="Personalstelle"):
    id: Id = field("id", "Kennung der Stelle")
    title: Text = field("stelle", "Bezeichnung der Stelle")
    employer: OrganisationRef = field(
        "anstellungstraeger", "Anstellungsträger (Kennung aus 'traeger' in akteure.yaml)"
    )
    actor: ActorRef | None = field("akteur", "Akteur im Netzwerk, für den die Stelle arbeitet", default=None)
    fte: Decimal = field(
        "vzae", "Umfang in Vollzeitäquivalenten (im ersten Haushaltsjahr; eine neue Stelle: 0)", ge=0, le=100
    )
    changes: list[StaffChange] = field(
        "vzae_ab",
        "Spätere Änderungen des Umfangs, je mit dem Haushaltsjahr, ab dem sie gelten, "
        "z. B. '- jahr: 2027' und 'vzae: 4.5'",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _changes_in_order(self) -> Position:
        years = [c.year for c in self.changes]
        if years != sorted(set(years)):
            raise refuse(
                "Die Änderungen unter 'vzae_ab' bitte nach Jahren geordnet und jedes Jahr nur einmal angeben."
            )
        return self

    def fte_in(self, year: int) -> Decimal:
        """The position's size in a budget year: the latest change up to that year, else `vzae`."""
        size = self.fte
        for change in self.changes:
            if change.year <= year:
                size = change.fte
        return size


class BudgetedEffort(Item, title="Netzwerkaufwand"):
    actor: ActorRef = field("akteur", "Akteur")
    hours: Hours = field("stunden_pro_jahr", "Eingeplante Stunden pro Jahr")
    compensation: Text = field("ausgleich", "Wie der Aufwand abgegolten wird")
    expense: ExpenseRef | None = field(
        "aufwand",
        "Aufwandsposition, die diesen Ausgleich bezahlt (sie zählt in allen Jahren ganz als Ausgleich "
        "für Netzwerkarbeit; eine Sammelposition nicht nennen)",
        default=None,
    )


class BudgetCoordination(Item, title="Haushaltsabstimmung"):
    budget_year: Year = field("haushaltsjahr", "Haushaltsjahr, dessen Beratungen vorbereitet wurden")
    date: Date = field("datum", "Datum der Abstimmung")
    committees: list[CommitteeRef] = field(
        "gremien", "Ausschüsse, die ihre Vorbereitung miteinander abgestimmt haben", min_length=2
    )
    form: Text = field("form", "Form, z. B. 'gemeinsame Sitzung der Ausschussvorsitzenden'")


class FundingProcedure(Item, title="Förderverfahren"):
    """How a grant is applied for and accounted for: the rule it rests on, who approves it, the
    deadlines and who in the municipality answers for it (review by a Landeskoordinierungsstelle:
    neither concept named the Land's Richtlinie, the approving authority, the application deadline
    or the Verwendungsnachweis)."""

    source: IncomeSource = field(
        "mittelgeber", "Mittelgeber, wie bei den Erträgen (z. B. 'Bundesstiftung Frühe Hilfen')"
    )
    basis: Text = field(
        "grundlage",
        "Rechtsgrundlage der Förderung, z. B. die Förderrichtlinie des Landes mit Datum",
    )
    authority: Text = field("bewilligung", "Bewilligungsstelle, z. B. das zuständige Landesamt")
    application: Text = field("antrag", "Wann beantragt wird, z. B. 'jährlich bis zum 01.10. des Vorjahres'")
    proof: Text = field("verwendungsnachweis", "Wann und wie die Verwendung nachgewiesen wird")
    responsible: ActorRef = field("zustaendig", "Akteur, der Antrag und Nachweis verantwortet")


class ResourceFile(Item, title="Ressourcen"):
    accounting: Accounting | None = field(
        "rechnungswesen",
        "Wie die Kommune ihren Haushalt führt: 'doppisch' (Aufwand und Erträge, Produkte) oder 'kameral' "
        "(Ausgaben und Einnahmen, Haushaltsstellen); die Dokumente nehmen die Begriffe des Haushalts "
        "(leer: doppisch; kameral in Berlin und Bremen sowie in Thüringen, wo die Hauptsatzung die "
        "Doppik bestimmen muss)",
        default=None,
    )
    budget_years: list[BudgetYear] = field("haushalt", "Haushaltsjahre und ihr Stand", min_length=1)
    expenses: list[Expense] = field("aufwand", "Aufwand je Jahr, Maßnahme und Haushaltsstelle", min_length=1)
    income: list[Income] = field("ertraege", "Erträge: Zuwendungen und Erstattungen Dritter", default_factory=list)
    positions: list[Position] = field("personal", "Personalstellen", default_factory=list)
    procedures: list[FundingProcedure] = field(
        "foerderverfahren",
        "Wie die Zuwendungen beantragt und nachgewiesen werden, je Mittelgeber (Grundlage, Bewilligungsstelle, "
        "Fristen, Zuständigkeit)",
        default_factory=list,
    )
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


#: A committee that advises, in most Länder's words (Concept.deciding_note: the Land's own).
ADVISORY = "beratender Ausschuss"


class Committee(Item, title="Gremium"):
    id: Id = field("id", "Kennung des Gremiums")
    name: Text = field("name", "Bezeichnung")
    article: Literal["der", "die", "das"] | None = field(
        "artikel",
        "Artikel der Bezeichnung, wenn das Werkzeug ihn nicht erkennt: der, die oder das (leer: aus "
        "der Bezeichnung, z. B. 'der' bei '…ausschuss', 'die' bei '…versammlung')",
        default=None,
    )
    kind: CommitteeKind = field(
        "art",
        "Art des Gremiums; 'Ortsbeirat' auch für Ortschaftsrat, Ortsteilrat, Ortsrat, Bezirksvertretung und "
        "Stadtbezirksrat (die Vertretung eines Orts- oder Stadtteils); 'Beirat' für einen Beirat, der gehört "
        "wird (Ausländerbeirat, Integrationsrat, Seniorenbeirat)",
    )
    report_cycle_months: Integer | None = field(
        "berichtsturnus_monate",
        "Über Frühe Hilfen berichten alle … Monate (leer bei Gremien ohne regelmäßige Berichte, etwa dem "
        "Kreisausschuss, der nur Beschlüsse vorbereitet)",
        default=None,
        ge=1,
        le=60,
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
    private: YesNo | None = field(
        "nichtoeffentlich",
        "true: das Gremium tagt in der Regel nicht öffentlich (etwa ein beratender Ausschuss, wo die "
        "Gemeindeordnung es so vorsieht); die Beratungsfolge öffentlicher Vorlagen sagt es, OParl auch. "
        "Den Kreisausschuss in Niedersachsen und Hessen und den Magistrat kennt das Werkzeug schon. "
        "false: es tagt öffentlich, auch wo das Landesrecht sonst nicht öffentliche Sitzungen vorsieht, "
        "die Hauptsatzung aber anderes bestimmen kann (Kreisausschuss in Mecklenburg-Vorpommern). "
        "Leer: nach Landesrecht.",
        default=None,
    )
    deciding: YesNo | None = field(
        "beschliessend",
        "true: beschließender Ausschuss – er entscheidet, was die Vertretung ihm durch Hauptsatzung oder "
        "Beschluss übertragen hat; false: beratender (vorberatender) Ausschuss. Nur ein beschließender Ausschuss "
        "kann in einer Beratungsfolge die Rolle 'Entscheidung' haben. Der Jugendhilfeausschuss beschließt nach "
        "§ 71 SGB VIII im Rahmen der bereitgestellten Mittel; bei ihm leer lassen. Sonst leer: nicht angegeben.",
        default=None,
    )

    @property
    def deciding_note(self) -> str | None:
        """'beschließender Ausschuss' or 'beratender Ausschuss' where gremien.yaml says which, for a
        committee's row in the tables (review in Sachsen-Anhalt: a Kreistag member could not tell).
        Not for the Jugendhilfeausschuss: its right to decide comes from § 71 SGB VIII, not from the
        council's transfer the words name (§ 39 GemO in Baden-Württemberg; BW review)."""
        exempt = (*EXECUTIVE_KINDS, "Ortsbeirat", "Beirat", "Jugendhilfeausschuss")
        if self.deciding is None or self.is_council or self.kind in exempt:
            return None
        return "beschließender Ausschuss" if self.deciding else ADVISORY

    @property
    def decides(self) -> bool | None:
        """Whether the body takes decisions of its own: the council does, the Jugendhilfeausschuss
        within the means, statutes and decisions of the council (§ 71 Abs. 4 Satz 1 SGB VIII, until
        2021 Abs. 3 Satz 1; haufe.de, Jung SGB VIII § 71 Rz. 9), another committee where
        gremien.yaml says so ('beschliessend'); None where nobody said (reviews in Sachsen,
        Sachsen-Anhalt and Bayern: a committee decided without anyone knowing whether it may)."""
        if self.deciding is not None:
            return self.deciding
        if self.is_council or self.kind == "Jugendhilfeausschuss":
            return True
        return None

    @property
    def forms(self) -> Forms:
        """The name with its article in every case, for sentences: forms.dat → 'dem
        Jugendhilfeausschuss', forms.im → 'im Jugendhilfeausschuss'."""
        return committee_forms(self.name, self.article)

    @property
    def remit(self) -> tuple[str, ...]:
        """The sectors whose measures and actors this body oversees."""
        if self.sectors:
            return tuple(self.sectors)
        return DEFAULT_REMIT.get(self.kind, SECTORS)

    @property
    def is_council(self) -> bool:
        return self.kind in COUNCIL_KINDS

    @property
    def is_heard_only(self) -> bool:
        """A council of residents (Ausländerbeirat …) or the representation of a part of the
        municipality (Ortsbeirat, Ortschaftsrat …): heard on the Frühe Hilfen, responsible for none
        (RLP review: 'fünf Gremien zuständig', among them the Ortsbeirat, which § 75 Abs. 2 GemO
        has heard on what touches its Ortsbezirk)."""
        return self.kind in ("Beirat", "Ortsbeirat")

    @property
    def reports_regularly(self) -> bool:
        """Whether the body expects regular reports on Frühe Hilfen (it has a cycle)."""
        return self.report_cycle_months is not None

    @property
    def oversees_all(self) -> bool:
        """Kreistag, Rat and the main committees oversee every sector."""
        return set(self.remit) == set(SECTORS)


class Decision(Item, title="Beschluss"):
    id: Id = field("id", "Kennung des Beschlusses")
    number: Text = field("nummer", "Beschluss- oder Vorlagennummer")
    date: Date = field("datum", "Datum des Beschlusses")
    committee: CommitteeRef = field("gremium", "Beschließendes Gremium")
    title: Text = field("titel", "Kurztitel")
    content: Text = field("inhalt", "Inhalt des Beschlusses")
    measures: list[MeasureRef] = field("massnahmen", "Betroffene Maßnahmen", default_factory=list)
    status: DecisionStatus = field("umsetzungsstatus", "Umsetzungsstatus: offen, in Umsetzung oder umgesetzt")
    progress: Text | None = field(
        "umsetzungsstand",
        "Stand der Umsetzung in Worten; er steht im Konzept und in jeder Vorlage, die über den Beschluss "
        "berichtet – also nicht 'mit dieser Vorlage' schreiben",
        default=None,
    )
    report_by: Date | None = field(
        "bericht_bis",
        "Frist für den Bericht über die Umsetzung, wenn der Beschluss selbst eine setzt (z. B. '… der BVV bis "
        "Ende 2026 zu berichten': 31.12.2026); leer: nach dem Berichtsturnus des beschließenden Gremiums",
        default=None,
    )
    passed_to_network: Date | None = field(
        "an_netzwerk_weitergegeben",
        "Datum, an dem der Beschluss an das Netzwerk weitergegeben wurde (z. B. im Rundbrief)",
        default=None,
    )
    involve: list[CommitteeRef] = field(
        "beteiligen",
        "Gremien, die der Beschluss an Vorlagen zu seinem Gegenstand beteiligt (Kennungen aus 'gremien'); "
        "Vorlagen, die den Beschluss unter 'beschluesse' nennen, brauchen sie in der Beratungsfolge",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _report_after_decision(self) -> Decision:
        if self.report_by is not None and self.report_by <= self.date:
            raise refuse(
                f"'bericht_bis' ({german_date(self.report_by)}) liegt nicht nach dem Beschluss vom "
                f"{german_date(self.date)}: bitte die Frist angeben, die der Beschluss für den Bericht setzt."
            )
        return self


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
    role: ConsultationRole = field(
        "rolle",
        "Rolle: Vorberatung, Anhörung, Entscheidung, Kenntnisnahme; beim Magistrat oder dem hessischen "
        "Kreisausschuss: Beschluss über die Vorlage; bei der Vertretung, die die Vorlage vor der Beratung in "
        "ihre Ausschüsse überweist (etwa die BVV in Berlin): Überweisung",
    )
    agenda_number: Text | None = field("top", "Nummer des Tagesordnungspunkts, sobald bekannt", default=None)


class FinancialInfo(Item, title="Finanzielle Auswirkungen"):
    budget_year: Year = field("haushaltsjahr", "Haushaltsjahr, für das die Vorlage Mittel betrifft")
    lines: list[BudgetLineRef] = field(
        "positionen",
        "Nur diese Aufwands- und Ertragspositionen (leer: alle des Haushaltsjahrs, für die ein Gremium der "
        "Beratungsfolge zuständig ist)",
        default_factory=list,
    )
    follow_up: Text | None = field(
        "folgekosten", "Folgekosten in Worten, z. B. 'jährlich wiederkehrend'", default=None
    )
    note: Text | None = field("erlaeuterung", "Erläuterung zu den Finanzen", default=None)


class Attachment(Item, title="Anlage"):
    title: Text | None = field("titel", "Bezeichnung der Anlage (bei erzeugten Anlagen vorbelegt)", default=None)
    generated: GeneratedAttachment | None = field(
        "erzeugt",
        "Vom Werkzeug erzeugte Anlage: 'gesamtkonzept' (PDF des Konzepts), 'massnahmenplan', "
        "'kooperationsvereinbarung' oder 'einverstaendniserklaerung' (beide nur mit dem Abschnitt "
        "'kooperationsvereinbarung' in netzwerk.yaml)",
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


class SignOff(Item, title="Mitzeichnung"):
    office: Text = field("amt", "Beteiligtes Amt, das mitzeichnet (wie unter 'beteiligt' geschrieben)")
    on: Date | None = field(
        "am", "Datum der Mitzeichnung (leer: die Vorlage sagt, dass sie noch aussteht)", default=None
    )
    by: Text | None = field("durch", "Wer mitgezeichnet hat (leer: Feld bleibt frei)", default=None)


class PaperSigner(Item, title="Unterzeichnung"):
    name: Text = field("name", "Name, z. B. 'Dr. Markus Feldmann'")
    title: Text = field("amtsbezeichnung", "Amtsbezeichnung, z. B. 'Erster Kreisrat' oder 'Stadträtin'")
    deputy: YesNo = field(
        "in_vertretung",
        "ja: unterzeichnet in Vertretung der Verwaltungsspitze (im Dokument „In Vertretung“ über dem Namen)",
        default=False,
    )
    on_behalf: YesNo = field(
        "im_auftrag",
        "ja: unterzeichnet im Auftrag der Verwaltungsspitze, ohne sie zu vertreten, etwa eine Fachbereichsleitung "
        "(im Dokument „Im Auftrag“ über dem Namen)",
        default=False,
    )

    @model_validator(mode="after")
    def _one_way_of_signing(self) -> PaperSigner:
        if self.deputy and self.on_behalf:
            raise refuse("Bitte nur eines angeben: 'in_vertretung: ja' oder 'im_auftrag: ja'.")
        return self

    @property
    def for_the_head(self) -> str | None:
        """The line above the name of one who signs for the head: 'In Vertretung' for a deputy,
        'Im Auftrag' for staff (review of a Kreis in Schleswig-Holstein, where the Landrat's
        deputies are Kreistag members, § 48 Abs. 1 KrO: a Fachbereichsleiter signs 'Im Auftrag')."""
        return "In Vertretung" if self.deputy else "Im Auftrag" if self.on_behalf else None


class Paper(Item, title="Vorlage"):
    number: Text = field("nummer", "Vorlagen-Nr., z. B. 'JHA/2026/030'")
    kind: PaperKind = field("art", "Vorlagenart: Beschlussvorlage, Informationsvorlage oder Sachstandsbericht")
    subject: Text = field("betreff", "Betreff")
    date: Date = field("datum", "Datum der Vorlage")
    lead_office: Text = field("federfuehrung", "Federführendes Amt")
    involved_offices: list[Text] = field("beteiligt", "Beteiligte Ämter, z. B. die Kämmerei", default_factory=list)
    author: Text = field("verfasser", "Verfasserin oder Verfasser")
    sign_offs: list[SignOff] = field(
        "mitzeichnung",
        "Mitzeichnung der beteiligten Ämter, je Amt ein Eintrag (leer: keine Zeile zur Mitzeichnung)",
        default_factory=list,
    )
    signer: PaperSigner | None = field(
        "unterzeichnung",
        "Wer die Vorlage unterzeichnet, wenn nicht die Verwaltungsspitze selbst: eine Dezernentin, ein "
        "Stadtrat, die allgemeine Vertretung (leer: die Verwaltungsspitze aus kommune.yaml)",
        default=None,
    )
    public: YesNo = field("oeffentlich", "Öffentlich (ja) oder nicht öffentlich (nein)")
    #: Where a council's papers name the provision that makes it competent (Rostock's
    #: 'Beschlussvorschrift'; M-V review).
    legal_basis: Text | None = field(
        "rechtsgrundlage",
        "Rechtsgrundlage der Beratung oder Entscheidung, z. B. '§ 22 Abs. 3 Nr. 1 KV M-V' (steht in den Kopfangaben; "
        "leer: keine Zeile)",
        default=None,
    )
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
    needs: Text | None = field(
        "handlungsbedarf",
        "Handlungsbedarf aus der Fachpraxis, den die Vorlage den Gremien meldet (für die Qualitätsprüfung; "
        "er steht im Text der Vorlage)",
        default=None,
    )
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
    decisions: list[DecisionRef] | None = field(
        "beschluesse",
        "Beschlüsse, über deren Umsetzung berichtet wird (leer: alle der Gremien der Beratungsfolge; [] für keine)",
        default=None,
    )
    finances: FinancialInfo | None = field("finanzen", "Finanzielle Auswirkungen (leer: keine)", default=None)
    attachments: list[Attachment] = field("anlagen", "Anlagen", default_factory=list)

    @property
    def named_decisions(self) -> list[str]:
        """The decisions the paper names ([] where it names none: it then reports on every open
        decision of its bodies, see :attr:`chooses_decisions`)."""
        return self.decisions or []

    @property
    def chooses_decisions(self) -> bool:
        """Whether the paper chooses the decisions it reports on ('beschluesse', '[]' for none)."""
        return self.decisions is not None

    @property
    def last_sitting(self) -> dt.date | None:
        """The day of its last consultation (None without any): a paper whose last sitting lies
        before a Fassung's Stand was deliberated on what an earlier Fassung said."""
        return max((c.date for c in self.consultations), default=None)

    @property
    def decision(self) -> Consultation | None:
        """The consultation in which a body decides the paper ('Entscheidung'), if any."""
        return next((c for c in self.consultations if c.role == "Entscheidung"), None)

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


class QualityDialogue(Item, title="Qualitätsdialog"):
    """A dialogue the network holds on one dimension of the Qualitätsrahmen: when and how."""

    dimension: Annotated[int, Strict(), Field(ge=1, le=9)] = field(
        "dimension",
        "Nummer der Qualitätsdimension (1 Grundidee, 2 Zielbestimmung, 3 Netzwerk, 4 Planung, 5 Politisch-"
        "strukturelle Verankerung, 6 Qualifizierung und interprofessionelles Lernen, 7 Zusammenarbeit mit der "
        "Familie, 8 Qualität von Angeboten, 9 Dokumentation und Evaluation)",
    )
    year: Year = field("jahr", "Jahr, in dem der Dialog geführt wurde oder werden soll")
    form: Text | None = field("form", "Wie, z. B. 'Klausur der Steuerungsgruppe'", default=None)

    @property
    def title(self) -> str:
        return QUALITY_DIMENSIONS[self.dimension]


class QualityFile(Item, title="Eigene Einschätzung der Qualitätsziele"):
    rated_on: Date | None = field("eingeschaetzt_am", "Datum der eigenen Einschätzung", default=None)
    rated_by: Text | None = field(
        "eingeschaetzt_von",
        "Wer eingeschätzt hat, z. B. 'Steuerungsgruppe Frühe Hilfen'",
        default=None,
    )
    ratings: list[QualityRating] = field("einschaetzungen", "Eigene Einschätzung je Ziel", min_length=1)
    dialogues: list[QualityDialogue] = field(
        "dialoge",
        "Qualitätsdialoge zu den Dimensionen des Qualitätsrahmens: welche Dimension wann (leer: nicht geplant)",
        default_factory=list,
    )

    def rating(self, goal_id: str) -> QualityRating | None:
        return next((r for r in self.ratings if r.goal == goal_id), None)


def consulting_bodies_pay(committee_id: str, committees: list[Committee]) -> bool:
    """A funding line belongs to a paper's finances when one of its consulting bodies is
    responsible for it, or oversees everything (Kreistag, Rat)."""
    return any(c.oversees_all for c in committees) or committee_id in {c.id for c in committees}


# --- the registry of input files --------------------------------------------------------------


@dataclass(frozen=True)
class InputKind:
    """One kind of input file: its name in the municipality's folder ('vorlagen/*.yaml' for a
    folder of files of one kind), the model that parses it, and whether it must be there."""

    name: str
    model: type[Item]
    required: bool = True

    @property
    def folder(self) -> str | None:
        """'vorlagen' for 'vorlagen/*.yaml'; None for a single file."""
        folder, _, _ = self.name.rpartition("/")
        return folder or None


#: Every kind of input file, in the order they are read and documented.
INPUTS: tuple[InputKind, ...] = (
    InputKind(MUNICIPALITY_FILE, MunicipalityFile),
    InputKind("zielgruppen.yaml", TargetGroupFile),
    InputKind("ziele.yaml", GoalFile),
    InputKind("massnahmen.yaml", MeasureFile),
    InputKind("akteure.yaml", ActorFile),
    InputKind("netzwerk.yaml", NetworkFile),
    InputKind("ressourcen.yaml", ResourceFile),
    InputKind("gremien.yaml", CommitteeFile),
    InputKind("querschnitt.yaml", CrossCuttingFile, required=False),
    InputKind("qualitaet.yaml", QualityFile, required=False),
    InputKind("vorlagen/*.yaml", PaperFile, required=False),
)
#: The files every municipality has.
REQUIRED_FILES: tuple[str, ...] = tuple(k.name for k in INPUTS if k.required)
#: Single files a municipality may leave out.
OPTIONAL_FILES: tuple[str, ...] = tuple(k.name for k in INPUTS if not k.required and not k.folder)
#: Folders with any number of files of one kind (one council paper per file).
FOLDERS: tuple[str, ...] = tuple(k.folder for k in INPUTS if k.folder)
#: The folder of the council papers.
PAPER_FOLDER = "vorlagen"
#: Papers already deliberated (moved here after their last sitting): read for the reports and
#: decisions they carry, never built again – a Fassung later they would be rewritten with its
#: data over the files the committees had (year-later review).
DELIBERATED_FOLDER = f"{PAPER_FOLDER}/beraten"


def is_deliberated(name: str) -> bool:
    """Whether an input file ('vorlagen/beraten/x.yaml') is a paper already deliberated."""
    return name.startswith(f"{DELIBERATED_FOLDER}/")


#: Which list of which file defines the ids of each kind of reference (see types.Ref).
ID_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "akteur": ("akteure.yaml", ("akteure",)),
    "ziel": ("ziele.yaml", ("ziele",)),
    "zielgruppe": ("zielgruppen.yaml", ("zielgruppen",)),
    "massnahme": ("massnahmen.yaml", ("massnahmen",)),
    "sozialraum": ("kommune.yaml", ("kommune", "sozialraeume")),
    "gremium": ("gremien.yaml", ("gremien",)),
    "ertrag": ("ressourcen.yaml", ("ertraege",)),
    "aufwand": ("ressourcen.yaml", ("aufwand",)),
    "stelle": ("ressourcen.yaml", ("personal",)),
    "traeger": ("akteure.yaml", ("traeger",)),
    "beschluss": ("gremien.yaml", ("beschluesse",)),
    "netzwerkgremium": ("netzwerk.yaml", ("netzwerkgremien",)),
    "formular": ("querschnitt.yaml", ("datenschutz", "formulare")),
}


def model_for(name: str) -> type[Item]:
    """The model class of an input file, by its name relative to the municipality's folder."""
    folder, _, _ = name.rpartition("/")
    folder = PAPER_FOLDER if folder == DELIBERATED_FOLDER else folder
    pattern = f"{folder}/*.yaml" if folder else name
    return next(k.model for k in INPUTS if k.name == pattern)
