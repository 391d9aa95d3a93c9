"""querschnitt.yaml: the chapters of a concept that are not goals, measures or money.

Real Gesamtkonzepte describe how the network meets child protection, how it handles data, how
parents take part, how it informs the public, how its professionals learn together, how it
documents and evaluates, and where the concept sits in the municipality's planning. Each is a
section of this optional file, with structured entries (references to actors, measures, network
bodies and committees by id) from which the chapter's text is made, and an own text that adds to
the generated paragraph or replaces it. A section left out leaves its chapter out.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from pipeline.formatting import german_date
from pipeline.model.norms import AdviceBasis
from pipeline.model.types import (
    ActorRef,
    CommitteeRef,
    Date,
    FormRef,
    Frequency,
    GoalRef,
    Id,
    Integer,
    Item,
    MeasureRef,
    NetworkBodyRef,
    ResponsibleRef,
    Text,
    YesNo,
    field,
    refuse,
)


class Section(Item, title="Abschnitt"):
    """A chapter's section: an own text beside the structured entries. An empty section would
    give a heading without content, so it is refused."""

    text: Text | None = field(
        "text",
        "Eigener Text des Netzwerks: steht nach dem Absatz, den das Werkzeug aus den Angaben bildet, oder an "
        "seiner Stelle ('text_ersetzt: true')",
        default=None,
    )
    replaces: YesNo = field(
        "text_ersetzt",
        "true: der eigene Text ersetzt den erzeugten Absatz; false (Standard): er ergänzt ihn",
        default=False,
    )

    @model_validator(mode="after")
    def _has_content(self) -> Section:
        if self.replaces and not self.text:
            raise refuse("'text_ersetzt: true' braucht einen 'text', der den erzeugten Absatz ersetzt.")
        if not self.model_fields_set - {"replaces"}:
            raise refuse("Der Abschnitt ist leer. Bitte Angaben oder einen 'text' eintragen oder ihn weglassen.")
        return self


def scheduled(when: object, frequency: str | None, keys: str, what: str) -> None:
    """An entry the chapter dates needs a day or a frequency: 'Wann: …' would stay empty."""
    if not when and frequency is None:
        raise refuse(f"Bitte {keys} angeben: wann {what}?")


# --- kinderschutz -------------------------------------------------------------------------------


class ProtectionAdvice(Item, title="Insoweit erfahrene Fachkraft"):
    actor: ActorRef = field("akteur", "Akteur, dessen Fachkräfte als insoweit erfahrene Fachkraft beraten")
    basis: list[AdviceBasis] = field(
        "fuer",
        "Wen sie beraten, nach Rechtsgrundlage: '§ 4 KKG' (Berufsgeheimnisträgerinnen und -träger, auch "
        "Heilberufe), '§ 8a SGB VIII' (Fachkräfte von Trägern mit Vereinbarung zum Schutzauftrag), "
        "'§ 8b SGB VIII' (alle, die beruflich mit Kindern in Kontakt stehen)",
        min_length=1,
    )
    contact: Text = field(
        "kontakt", "Wie man die Beratung bekommt, z. B. 'Telefon 0123 4567-400, Rückruf innerhalb eines Werktags'"
    )
    persons: Integer | None = field("personen", "Anzahl der insoweit erfahrenen Fachkräfte", default=None, ge=1)
    only_for: Text | None = field(
        "nur_bei",
        "Anlass, auf den sich die Beratung beschränkt, z. B. 'Gefährdung im Zusammenhang mit häuslicher Gewalt' "
        "(leer: bei jeder Gefährdung)",
        default=None,
    )


class ChildProtectionNetwork(Item, title="Netzwerk Kinderschutz"):
    name: Text = field("name", "Bezeichnung, z. B. 'Netzwerk Kinderschutz im Landkreis Musterkreis'")
    joint: YesNo = field(
        "gemeinsam",
        "true: Frühe Hilfen und Kinderschutz bilden ein gemeinsames Netzwerk; false (Standard): zwei Netzwerke",
        default=False,
    )
    coordination: ActorRef | None = field(
        "koordination", "Akteur, der das Netzwerk Kinderschutz koordiniert", default=None
    )
    bodies: list[NetworkBodyRef] = field(
        "gremien",
        "Netzwerkgremien aus netzwerk.yaml, in denen beide Netzwerke zusammenkommen",
        default_factory=list,
    )
    coordination_text: Text | None = field(
        "abstimmung",
        "Wie sich die beiden Netzwerke abstimmen, z. B. gemeinsame Sitzungen, Austausch",
        default=None,
    )

    @property
    def called_network(self) -> bool:
        """Its name says what it is ('Netzwerk Kinderschutz Lindenbrück'): a sentence names it with
        the article alone, another one as 'Netzwerk Kinderschutz („Arbeitsgemeinschaft …“)' – the
        concept's chapter and the agreement's preamble alike."""
        return self.name.strip().startswith("Netzwerk ")


class ChildProtection(Section, title="Schnittstelle Kinderschutz"):
    youth_office: ActorRef = field(
        "jugendamt",
        "Dienst des Jugendamts, der Mitteilungen nach § 4 KKG und § 8a SGB VIII entgegennimmt und das "
        "Gefährdungsrisiko einschätzt, z. B. 'asd'",
    )
    reachable: Text | None = field(
        "erreichbarkeit",
        "Wie Fachkräfte ihn erreichen, auch außerhalb der Dienstzeiten, z. B. 'werktags 8 bis 16 Uhr unter …'",
        default=None,
    )
    guideline: Text | None = field(
        "leitfaden",
        "Leitfaden vor Ort, z. B. 'Handlungsleitfaden Kinderschutz (Fassung 2024)'",
        default=None,
    )
    advice: list[ProtectionAdvice] = field(
        "fachberatung", "Insoweit erfahrene Fachkräfte: wer berät und wie man sie erreicht", default_factory=list
    )
    feedback: Text | None = field(
        "rueckmeldung",
        "Wie das Jugendamt der Fachkraft, die es informiert hat, nach § 4 Abs. 4 KKG zurückmeldet, z. B. "
        "'schriftlich innerhalb von zwei Wochen'",
        default=None,
    )
    network: ChildProtectionNetwork | None = field(
        "netzwerk_kinderschutz",
        "Das Netzwerk Kinderschutz und wie es mit den Frühen Hilfen zusammenkommt",
        default=None,
    )


# --- datenschutz --------------------------------------------------------------------------------

#: On what ground case data pass from one partner to another.
TransferBasis = Literal[
    "Einwilligung", "Schweigepflichtentbindung", "anonymisiert", "pseudonymisiert", "§ 4 KKG", "§ 8a SGB VIII"
]


class Form(Item, title="Formular"):
    id: Id = field("id", "Kennung des Formulars")
    title: Text = field("titel", "Bezeichnung, z. B. 'Einwilligung in die Weitergabe von Daten'")
    purpose: Text = field("zweck", "Wofür es verwendet wird")
    validity: Text | None = field(
        "gueltigkeit",
        "Wie lange die Erklärung gilt, z. B. 'bis zum Ende der Begleitung, jederzeit widerrufbar'",
        default=None,
    )
    languages: list[Text] = field(
        "sprachen",
        "Sprachen, in denen es vorliegt, auch Deutsch, z. B. [Deutsch, Arabisch] (leer: nur Deutsch)",
        default_factory=list,
    )


class DataFlow(Item, title="Weitergabe"):
    what: Text = field(
        "was", "Welche Angaben weitergegeben werden, z. B. 'Name, Anschrift und Anliegen der Familie'"
    )
    purpose: Text = field("zweck", "Wozu, z. B. 'Vermittlung in die Familienbegleitung'")
    senders: list[ActorRef] = field(
        "von",
        "Wer weitergibt (leer: die Fachkräfte aller Netzwerkpartnerinnen und -partner, nicht die Ehrenamtlichen)",
        default_factory=list,
    )
    recipients: list[ActorRef] = field("an", "An wen", min_length=1)
    basis: TransferBasis = field(
        "grundlage",
        "Grundlage: Einwilligung, Schweigepflichtentbindung, anonymisiert, pseudonymisiert, § 4 KKG oder "
        "§ 8a SGB VIII",
    )
    form: FormRef | None = field(
        "formular", "Formular aus 'formulare', mit dem die Einwilligung eingeholt wird", default=None
    )


class DataProtection(Section, title="Datenschutz und Schweigepflicht"):
    responsible: ActorRef = field(
        "verantwortlich", "Wer die Regeln des Netzwerks zum Datenschutz pflegt und Fragen beantwortet"
    )
    officer: Text | None = field(
        "datenschutzbeauftragte",
        "Datenschutzbeauftragte oder Datenschutzbeauftragter des Trägers der öffentlichen Jugendhilfe mit Erreichbarkeit",
        default=None,
    )
    flows: list[DataFlow] = field("weitergaben", "Was im Netzwerk an wen weitergegeben wird", default_factory=list)
    forms: list[Form] = field(
        "formulare", "Formulare für Einwilligung und Schweigepflichtentbindung", default_factory=list
    )


# --- elternbeteiligung, oeffentlichkeitsarbeit, qualifizierung ----------------------------------


class ParentFormat(Item, title="Beteiligungsformat"):
    name: Text = field("name", "Bezeichnung, z. B. 'Kurzbefragung in den Elterncafés'")
    description: Text | None = field("beschreibung", "Wie die Eltern beteiligt werden", default=None)
    date: Date | None = field("zeitpunkt", "Wann zuletzt oder wann geplant (Datum)", default=None)
    frequency: Frequency | None = field("turnus", "Wie oft", default=None)
    responsible: ActorRef | None = field("verantwortlich", "Akteur, der das Format durchführt", default=None)
    participants: Integer | None = field("teilnehmende", "Wie viele Eltern teilgenommen haben", default=None, ge=0)
    results: Text | None = field("ergebnisse", "Was die Eltern eingebracht haben", default=None)
    effect: Text | None = field("folgen", "Was sich dadurch geändert hat oder ändern soll", default=None)
    measures: list[MeasureRef] = field(
        "massnahmen",
        "Maßnahmen, die aus den Ergebnissen entstanden sind oder angepasst wurden",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _when(self) -> ParentFormat:
        scheduled(self.date, self.frequency, "'zeitpunkt' oder 'turnus'", "werden die Eltern beteiligt")
        return self


class ParentParticipation(Section, title="Beteiligung von Eltern"):
    formats: list[ParentFormat] = field("formate", "Formate der Beteiligung", default_factory=list)


Audience = Literal["Eltern", "Fachkräfte", "Politik und Verwaltung", "Öffentlichkeit"]
ChannelKind = Literal[
    "Druckmaterial",
    "Website",
    "soziale Medien",
    "Rundbrief",
    "Presse",
    "Veranstaltung",
    "persönliche Ansprache",
    "Sonstiges",
]


class Channel(Item, title="Kanal"):
    name: Text = field("name", "Bezeichnung, z. B. 'Willkommensmappe' oder 'Familienwegweiser online'")
    kind: ChannelKind = field("art", "Art des Kanals oder Materials")
    audiences: list[Audience] = field("adressaten", "Wen er erreichen soll", min_length=1)
    languages: list[Text] = field(
        "sprachen", "Sprachen, auch Deutsch, z. B. [Deutsch, Türkisch] (leer: nur Deutsch)", default_factory=list
    )
    responsible: ActorRef | None = field("verantwortlich", "Akteur, der ihn pflegt", default=None)
    measure: MeasureRef | None = field("massnahme", "Maßnahme, zu der er gehört", default=None)
    scope: Text | None = field("umfang", "Umfang, z. B. 'Auflage 1.500 im Jahr'", default=None)


class PublicRelations(Section, title="Öffentlichkeitsarbeit"):
    channels: list[Channel] = field("kanaele", "Kanäle und Materialien", default_factory=list)


class Training(Item, title="Fortbildung"):
    title: Text = field("titel", "Bezeichnung der Fortbildung")
    content: Text | None = field("inhalt", "Themen und Ziele", default=None)
    audience: Text = field(
        "zielgruppe", "Für wen, z. B. 'Hebammen, Kinderärztinnen und -ärzte, Fachkräfte der Familienbegleitung'"
    )
    actors: list[ActorRef] = field(
        "akteure", "Akteure, deren Fachkräfte teilnehmen sollen (leer: ohne Festlegung)", default_factory=list
    )
    provider: Text = field("anbieter", "Wer sie durchführt, z. B. 'Landeskoordinierungsstelle Frühe Hilfen'")
    dates: list[Date] = field("termine", "Termine", default_factory=list)
    frequency: Frequency | None = field("turnus", "Wie oft sie angeboten wird", default=None)
    scope: Text | None = field("umfang", "Umfang, z. B. 'vier Module zu je drei Stunden'", default=None)
    measure: MeasureRef | None = field(
        "massnahme", "Maßnahme, zu der die Fortbildung gehört, z. B. eine Fortbildungsreihe", default=None
    )

    @model_validator(mode="after")
    def _when(self) -> Training:
        scheduled(self.dates, self.frequency, "'termine' oder einen 'turnus'", "findet die Fortbildung statt")
        return self

    @property
    def dates_shown(self) -> str:
        """'12.03.2027, 15.09.2027': the days, in order; how often it recurs is the 'turnus'."""
        return ", ".join(german_date(d) for d in sorted(self.dates))


class Qualification(Section, title="Qualifizierung"):
    trainings: list[Training] = field(
        "angebote", "Fortbildungen für die Fachkräfte des Netzwerks", default_factory=list
    )


# --- evaluation, planung ------------------------------------------------------------------------


class EvaluationItem(Item, title="Evaluationsvorhaben"):
    subject: Text = field("gegenstand", "Was evaluiert wird")
    method: Text = field("methode", "Wie, z. B. 'Online-Befragung aller Netzwerkpartnerinnen und -partner'")
    date: Date | None = field("zeitpunkt", "Wann (Datum der Durchführung oder des Berichts)", default=None)
    frequency: Frequency | None = field("turnus", "Wie oft", default=None)
    by: ResponsibleRef = field("durchfuehrung", "Wer: ein Akteur oder ein Netzwerkgremium")
    external: Text | None = field("extern", "Externe Begleitung, z. B. 'Hochschule Musterstadt'", default=None)
    goals: list[GoalRef] = field("ziele", "Ziele, deren Erreichen sie prüft", default_factory=list)
    measures: list[MeasureRef] = field("massnahmen", "Maßnahmen, die sie betrachtet", default_factory=list)
    results: Text | None = field("ergebnisse", "Ergebnisse, sobald sie vorliegen", default=None)

    @model_validator(mode="after")
    def _when(self) -> EvaluationItem:
        scheduled(self.date, self.frequency, "'zeitpunkt' oder 'turnus'", "wird evaluiert")
        return self


class Evaluation(Section, title="Dokumentation und Evaluation"):
    review: NetworkBodyRef | None = field(
        "auswertung",
        "Netzwerkgremium, das die Werte der Indikatoren bespricht, z. B. die Steuerungsgruppe",
        default=None,
    )
    items: list[EvaluationItem] = field("vorhaben", "Evaluation: was wie, wann und von wem", default_factory=list)


PlanKind = Literal[
    "Jugendhilfeplanung", "Sozialplanung", "integrierte Sozialplanung", "Gesundheitsplanung", "Sonstiges"
]


class Plan(Item, title="Planung"):
    kind: PlanKind = field("art", "Art der Planung")
    title: Text = field(
        "bezeichnung", "Bezeichnung, z. B. 'Teilplan Frühe Hilfen und Familienförderung 2025–2029'"
    )
    responsible: ActorRef | None = field("verantwortlich", "Akteur, der die Planung verantwortet", default=None)
    adopted: Date | None = field("beschlossen", "Datum des Beschlusses", default=None)
    committee: CommitteeRef | None = field("gremium", "Gremium, das sie beschlossen hat", default=None)
    next_update: Date | None = field("fortschreibung", "Nächste Fortschreibung", default=None)
    link: Text = field("bezug", "Wie die Frühen Hilfen darin vorkommen und was in welche Richtung fließt")

    @model_validator(mode="after")
    def _decided(self) -> Plan:
        if self.committee is not None and self.adopted is None:
            raise refuse("Bitte zum 'gremium' auch das Datum angeben ('beschlossen').")
        return self


class Leader(Item, title="Leitung"):
    name: Text = field("name", "Name, z. B. 'Dr. Petra Lorenz'")
    function: Text = field("funktion", "Funktion, z. B. 'Dezernentin für Jugend, Soziales und Gesundheit'")
    task: Text = field("aufgabe", "Wie sie oder er das Konzept trägt")


class Planning(Section, title="Einbettung in die Planung"):
    plans: list[Plan] = field(
        "planungen", "Planungen, in denen die Frühen Hilfen verankert sind", default_factory=list
    )
    leaders: list[Leader] = field(
        "leitung",
        "Wer in der Verwaltungsleitung das Konzept trägt (Dezernat, Fachbereichsleitung)",
        default_factory=list,
    )
    head_task: Text | None = field(
        "verwaltungsspitze",
        "Wie die Verwaltungsspitze (kommune.yaml: verwaltungsspitze) das Konzept trägt",
        default=None,
    )


# --- the file -----------------------------------------------------------------------------------


class CrossCuttingFile(
    Item,
    title="Kinderschutz, Datenschutz, Beteiligung, Öffentlichkeitsarbeit, Qualifizierung, Evaluation, Planung",
):
    child_protection: ChildProtection | None = field(
        "kinderschutz", "Schnittstelle Kinderschutz (leer: kein eigenes Kapitel)", default=None
    )
    data_protection: DataProtection | None = field(
        "datenschutz", "Datenschutz und Schweigepflicht (leer: kein eigenes Kapitel)", default=None
    )
    parents: ParentParticipation | None = field(
        "elternbeteiligung", "Beteiligung von Eltern (leer: kein eigenes Kapitel)", default=None
    )
    public_relations: PublicRelations | None = field(
        "oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit (leer: kein eigenes Kapitel)", default=None
    )
    qualification: Qualification | None = field(
        "qualifizierung", "Qualifizierung der Fachkräfte (leer: kein eigenes Kapitel)", default=None
    )
    evaluation: Evaluation | None = field(
        "evaluation", "Dokumentation und Evaluation (leer: nur die Indikatoren aus ziele.yaml)", default=None
    )
    planning: Planning | None = field(
        "planung",
        "Einbettung in Jugendhilfe-, Sozial- und Gesundheitsplanung (leer: kein eigenes Kapitel)",
        default=None,
    )
