"""The chapters from querschnitt.yaml as the documents read them (``k.topics``).

Each section of the file becomes a chapter; what a chapter shows beyond the section's own
entries is put together here from the rest of the concept: the agreed paths that lead to the
Jugendamt's child-protection service, the volunteers and who coordinates them, the trainings of
a measure, each indicator with whoever collects it, the head of the administration. A section
that is absent is None, and its chapter is left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, get_args

from pipeline.formatting import agree, count, enumeration, german_date, sentence_start
from pipeline.model.cross_cutting import (
    Audience,
    Channel,
    ChildProtection,
    CrossCuttingFile,
    DataFlow,
    DataProtection,
    Evaluation,
    EvaluationItem,
    Form,
    ParentParticipation,
    Planning,
    ProtectionAdvice,
    PublicRelations,
    Qualification,
    Training,
)
from pipeline.model.inputs import Actor, CoordinationPath, Goal, Indicator, NetworkBody
from pipeline.model.norms import (
    ADVICE_CLAIMS,
    NORMS_BY_CITATION,
    SECRET_KEEPER_STEPS,
    YOUTH_WELFARE_STEPS,
    AdviceClaim,
    Norm,
    Step,
)
from pipeline.model.types import VOLUNTEERS

if TYPE_CHECKING:
    from pipeline.model.concept import Concept

#: Grounds of a transfer that are exceptions from the rule of consent.
CHILD_PROTECTION_GROUNDS = ("§ 4 KKG", "§ 8a SGB VIII")
#: Who passes data on where a transfer names no sender: the partners' Fachkräfte, not their volunteers
#: (network coordinator's review: 'alle Netzwerkpartnerinnen und -partner' had the Familienpatinnen
#: pass on case histories, where volunteers take part in no case discussion).
ALL_PARTNERS = "Fachkräfte aller Netzwerkpartnerinnen und -partner"
#: Grounds under which no one can be identified.
WITHOUT_NAMES = ("anonymisiert", "pseudonymisiert")
#: The kinds of planning as a sentence names them after 'in'.
PLAN_PHRASES = {
    "Jugendhilfeplanung": "der Jugendhilfeplanung",
    "Sozialplanung": "der Sozialplanung",
    "integrierte Sozialplanung": "der integrierten Sozialplanung",
    "Gesundheitsplanung": "der Gesundheitsplanung",
}
#: The audiences of public relations as a sentence names them after 'an'.
AUDIENCE_PHRASES = {
    "Eltern": "werdende Eltern und Familien",
    "Fachkräfte": "Fachkräfte",
    "Politik und Verwaltung": "Verantwortliche in Politik und Verwaltung",
    "Öffentlichkeit": "die Öffentlichkeit",
}


@dataclass(frozen=True)
class Advice:
    """An insoweit erfahrene Fachkraft as the chapter names it: the actor, whom it advises under
    which Absatz, and the way to reach it."""

    entry: ProtectionAdvice
    actor: Actor
    claims: tuple[AdviceClaim, ...]
    #: A service of a freier Träger answering claims against the Jugendamt: it advises on the
    #: Jugendamt's behalf (a partner signing the agreement must see it takes on no duty of its own).
    commissioned: bool = False

    @property
    def for_whom(self) -> str:
        """'Berufsgeheimnisträgerinnen und -träger wie … (§ 4 Abs. 2 KKG); alle, die … (§ 8b Abs. 1
        SGB VIII)': each group with the Absatz that gives it the advice, and the one occasion it is
        limited to, so no one calls a specialised service about every worry."""
        whom = sentence_start("; ".join(f"{c.who} ({c.citation})" for c in self.claims))
        return f"{whom} – nur bei {self.entry.only_for}" if self.entry.only_for else whom

    @property
    def responsibility(self) -> str:
        """The advice as one of the actor's Zuständigkeiten, where the chapter on actors and the
        Kooperationsvereinbarung list them: 'Beratung als insoweit erfahrene Fachkraft (§ 8a
        Abs. 4 SGB VIII), nur bei Gefährdung im Zusammenhang mit häuslicher Gewalt'."""
        text = f"Beratung als insoweit erfahrene Fachkraft ({enumeration([c.citation for c in self.claims])})"
        if self.commissioned:
            text += " im Auftrag des Jugendamts"
        return f"{text}, nur bei {self.entry.only_for}" if self.entry.only_for else text


@dataclass(frozen=True)
class Volunteer:
    """Volunteers and the full-time coordination they turn to with a worry about a child (an
    institution of the same Träger in the network), if there is one."""

    actor: Actor
    coordination: Actor | None


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator in the documentation table, with its goal and who collects it."""

    goal: Goal
    indicator: Indicator
    responsible: str | None

    @property
    def complete(self) -> bool:
        """Source, method and responsible are known: the value can be collected reliably."""
        return bool(self.indicator.source and self.indicator.method and self.responsible)


def restates(fuller: str, written: str) -> bool:
    """Whether a Zuständigkeit as written ('Beratung als insoweit erfahrene Fachkraft') is the
    beginning of a fuller one the tool words itself: the fuller one takes its place, so an actor's
    list does not name the same duty twice."""

    def plain(text: str) -> str:
        return " ".join(text.casefold().rstrip(" .;,").split())

    return bool(plain(written)) and plain(fuller).startswith(plain(written))


def languages_shown(languages: list[str]) -> str:
    """'Deutsch, Arabisch, Türkisch': the languages as listed, German first where it is among
    them; an empty list means German only. German is never added to a list that lacks it: a
    video in four languages has no German version just because most material has one."""
    if not languages:
        return "Deutsch"
    german = [lang for lang in languages if lang == "Deutsch"]
    return ", ".join([*german, *(lang for lang in languages if lang != "Deutsch")])


class Topics:
    """The sections of querschnitt.yaml with what their chapters need from the concept."""

    def __init__(self, concept: Concept) -> None:
        self.k = concept
        self.file = concept.cross_cutting or CrossCuttingFile()

    # sections (None: the chapter is left out) ------------------------------------------------

    @property
    def child_protection(self) -> ChildProtection | None:
        return self.file.child_protection

    @property
    def data_protection(self) -> DataProtection | None:
        return self.file.data_protection

    @property
    def parents(self) -> ParentParticipation | None:
        return self.file.parents

    @property
    def public_relations(self) -> PublicRelations | None:
        return self.file.public_relations

    @property
    def qualification(self) -> Qualification | None:
        return self.file.qualification

    @property
    def evaluation(self) -> Evaluation | None:
        return self.file.evaluation

    @property
    def planning(self) -> Planning | None:
        return self.file.planning

    # lookups ---------------------------------------------------------------------------------

    def measure_labels(self, measure_ids: list[str]) -> list[str]:
        """'M4 Familienwegweiser' for each measure, in the order of their numbers."""
        order = {m.id: index for index, m in enumerate(self.k.measures)}
        return self.k.measure_labels(sorted(measure_ids, key=order.__getitem__))

    def norm(self, law: str, number: str) -> Norm:
        """A norm of the table, for its citation and wording: norm('SGB VIII', '80')."""
        return NORMS_BY_CITATION[law, number]

    def when(self, date: dt.date | None, frequency: str | None) -> str:
        """When something takes place, seen from the concept's Stand: 'jährlich, zuletzt am
        15.03.2026', 'jährlich, nächster Termin am 10.03.2027', 'einmalig, abgeschlossen am
        31.03.2025' (a survey runs for weeks; its date is when it ended), 'am 15.03.2026',
        'jährlich'."""
        if date is None:
            return frequency or ""
        shown = f"am {german_date(date)}"
        if frequency == "einmalig":
            return f"einmalig, {'abgeschlossen' if date <= self.k.version.date else 'geplant'} {shown}"
        if frequency is None:
            return shown
        return f"{frequency}, {'zuletzt' if date <= self.k.version.date else 'nächster Termin'} {shown}"

    def responsible_name(self, ref: str) -> str:
        """The name of an actor or, failing that, a network body (an indicator's or an
        evaluation's 'verantwortlich')."""
        actor = next((a for a in self.k.actors if a.id == ref), None)
        return actor.name if actor is not None else self.k.network_body(ref).name

    # Kinderschutz ----------------------------------------------------------------------------

    @property
    def secret_keeper_steps(self) -> tuple[Step, ...]:
        return SECRET_KEEPER_STEPS

    @property
    def consent_law(self) -> str:
        from pipeline.model.agreement import consent_law_for

        return consent_law_for(self.k.organisations, self.k.actors)

    @property
    def inside_youth_office(self) -> list[Actor]:
        """Actors whose staff belong to the Jugendamt (Familienhebammen employed there): they
        assess under § 8a Abs. 1 SGB VIII, not under § 4 KKG."""
        return [a for a in self.k.actors if a.in_youth_office]

    @property
    def youth_welfare_steps(self) -> tuple[Step, ...]:
        return YOUTH_WELFARE_STEPS

    @property
    def youth_office(self) -> Actor | None:
        """The Jugendamt's service that receives notifications."""
        section = self.child_protection
        return self.k.actor(section.youth_office) if section else None

    @property
    def paths_to_youth_office(self) -> list[CoordinationPath]:
        """The agreed coordination paths (netzwerk.yaml) that lead to that service."""
        office = self.youth_office
        return [p for p in self.k.network.paths if office is not None and p.recipient == office.id]

    @property
    def advice(self) -> list[Advice]:
        section = self.child_protection
        if section is None:
            return []
        result = []
        for entry in section.advice:
            actor = self.k.actor(entry.actor)
            claims = tuple(ADVICE_CLAIMS[b] for b in dict.fromkeys(entry.basis))
            carrier = self.k.organisation(actor.carrier) if actor.carrier else None
            free = carrier is not None and not carrier.public and not actor.in_youth_office
            result.append(Advice(entry, actor, claims, free and any(c.on_youth_office for c in claims)))
        return result

    def responsibilities(self, actor: Actor) -> list[str]:
        """An actor's Zuständigkeiten as written, and the advice in child protection its
        specialists give (querschnitt.yaml): a partner's duty in child protection stands wherever
        its Zuständigkeiten do, not only in the chapter on child protection."""
        advice = [a.responsibility for a in self.advice if a.actor.id == actor.id]
        result = []
        for written in actor.responsibilities:
            fuller = next((line for line in advice if restates(line, written)), None)
            if fuller is not None:
                advice.remove(fuller)
            result.append(fuller or written)
        return [*result, *advice]

    @property
    def volunteers(self) -> list[Volunteer]:
        """Volunteer actors, each with the institution of its Träger that coordinates it."""
        result = []
        for actor in self.k.actors_with_form(VOLUNTEERS):
            coordination = next(
                (
                    a
                    for a in self.k.actors
                    if actor.carrier and a.carrier == actor.carrier and a.organisation_form == "Institution"
                ),
                None,
            )
            result.append(Volunteer(actor, coordination))
        return result

    @property
    def shared_bodies(self) -> list[NetworkBody]:
        """The network bodies where the Frühe Hilfen and the Netzwerk Kinderschutz meet."""
        section = self.child_protection
        if section is None or section.network is None:
            return []
        return [self.k.network_body(b) for b in section.network.bodies]

    # Datenschutz -----------------------------------------------------------------------------

    def form(self, form_id: str) -> Form:
        section = self.data_protection
        assert section is not None
        return next(f for f in section.forms if f.id == form_id)

    def flows_on(self, *grounds: str) -> list[DataFlow]:
        """The transfers on any of the grounds, in file order."""
        section = self.data_protection
        return [f for f in section.flows if f.basis in grounds] if section else []

    @property
    def consent_flows(self) -> list[DataFlow]:
        return self.flows_on("Einwilligung", "Schweigepflichtentbindung")

    @property
    def consent_form_referrer(self) -> Actor | None:
        """The place that refers a family with the agreement's consent form, where there is one:
        the transfers' table shows it as a transfer of its own, on the parents' consent."""
        agreement = self.k.agreement
        return agreement.referring_place if agreement and agreement.has_consent_form else None

    @property
    def flows_without_names(self) -> list[DataFlow]:
        return self.flows_on(*WITHOUT_NAMES)

    @property
    def protection_flows(self) -> list[DataFlow]:
        return self.flows_on(*CHILD_PROTECTION_GROUNDS)

    def senders(self, flow: DataFlow) -> str:
        """'alle Netzwerkpartnerinnen und -partner' or the names of the senders."""
        return self.k.actors_listed(flow.senders) if flow.senders else ALL_PARTNERS

    @property
    def flow_summary(self) -> str:
        """The sentence under the heading of the transfers: how many rest on consent, how many
        go without names, and how many the child-protection procedures allow without consent –
        the exception a reader most needs to see ('Drei Weitergaben beruhen auf …; eine weitere
        ist im Kinderschutz ohne Einwilligung zulässig (§ 4 KKG).')."""
        nameless, protection = self.flows_without_names, self.protection_flows
        # the consent form's referral counts as the table shows it (Kreistag member: 9 + 3 + 3 of 16 rows)
        consent = len(self.consent_flows) + (self.consent_form_referrer is not None)
        parts = []
        if consent:
            parts.append(
                f"{count(consent, 'Weitergabe', 'Weitergaben', verb=('beruht', 'beruhen'))} auf der "
                "Einwilligung oder Schweigepflichtentbindung der Eltern"
            )
        if nameless:
            # what they are, not 'ohne Namen': pseudonymised data still name someone to whoever holds
            # the key (network coordinator's review)
            noun = ("", "") if parts else ("Weitergabe", "Weitergaben")
            kinds = " oder ".join(b for b in WITHOUT_NAMES if any(f.basis == b for f in nameless))
            # the data are anonymised, not the transfer (Lektorat)
            parts.append(f"bei {count(len(nameless), *noun, 'einer')} werden die Angaben {kinds} weitergegeben")
        sentence = ", ".join(parts)
        if protection:
            grounds = ", ".join(dict.fromkeys(f.basis for f in protection))
            noun = ("weitere", "weitere") if parts else ("Weitergabe", "Weitergaben")
            sentence += (
                f"{'; ' if parts else ''}{count(len(protection), *noun, verb=('ist', 'sind'))} im Kinderschutz "
                f"ohne Einwilligung zulässig ({grounds})"
            )
        return f"{sentence_start(sentence)}." if sentence else ""

    # Öffentlichkeitsarbeit -------------------------------------------------------------------

    @property
    def languages(self) -> list[str]:
        """Every language of the channels besides German, in order of first mention."""
        section = self.public_relations
        found = [lang for c in section.channels for lang in c.languages] if section else []
        return [lang for lang in dict.fromkeys(found) if lang != "Deutsch"]

    @property
    def german_channels(self) -> bool:
        """Whether some channel is in German (listed, or no language given)."""
        section = self.public_relations
        channels = section.channels if section else []
        return any(not c.languages or "Deutsch" in c.languages for c in channels)

    @property
    def audiences(self) -> list[str]:
        """The audiences the channels reach, in the order of the choices, as a sentence names
        them ('werdende Eltern und Familien', 'die Öffentlichkeit')."""
        section = self.public_relations
        reached = {a for c in section.channels for a in c.audiences} if section else set()
        return [AUDIENCE_PHRASES[a] for a in get_args(Audience) if a in reached]

    @property
    def addressed(self) -> str:
        """'an werdende Eltern und Familien, an Fachkräfte, an Verantwortliche in Politik und
        Verwaltung und an die Öffentlichkeit': the preposition before each audience tells them
        apart where one has an 'und' of its own (with semicolons the list read as a fault)."""
        return enumeration([f"an {audience}" for audience in self.audiences])

    def channel_label(self, channel: Channel) -> str:
        """'Willkommensmappe (M3; Auflage 1500 im Jahr)': the name with its measure and scope."""
        details = [self.k.measure_number(channel.measure)] if channel.measure else []
        details += [channel.scope] if channel.scope else []
        return f"{channel.name} ({'; '.join(details)})" if details else channel.name

    @property
    def channel_measures(self) -> list[str]:
        """The measures the channels belong to, each once: the key under the table."""
        section = self.public_relations
        found = [c.measure for c in section.channels if c.measure] if section else []
        return self.measure_labels(list(dict.fromkeys(found)))

    # Qualifizierung --------------------------------------------------------------------------

    def trainings_for_measure(self, measure_id: str) -> list[Training]:
        """The trainings that belong to a measure (a Fortbildungsreihe, for instance)."""
        section = self.qualification
        return [t for t in section.trainings if t.measure == measure_id] if section else []

    def for_volunteers(self, training: Training) -> bool:
        """A training for volunteers only: every actor it names works as a volunteer."""
        actors = [self.k.actor(a) for a in training.actors]
        return bool(actors) and all(a.organisation_form == VOLUNTEERS for a in actors)

    @property
    def trainings_summary(self) -> str:
        """'Vorgesehen sind vier Fortbildungen für Fachkräfte und eine Schulung für Ehrenamtliche.'
        – a course for volunteers is not a training of the network's professionals."""
        section = self.qualification
        trainings = section.trainings if section else []
        volunteers = sum(1 for t in trainings if self.for_volunteers(t))
        professionals = len(trainings) - volunteers
        if not trainings:
            return ""
        if not volunteers:
            return (
                f"Für die Fachkräfte des Netzwerks {agree(professionals, 'ist', 'sind')} "
                f"{count(professionals, 'Fortbildung', 'Fortbildungen')} vorgesehen."
            )
        parts = [count(professionals, "Fortbildung", "Fortbildungen") + " für Fachkräfte"] if professionals else []
        parts.append(count(volunteers, "Schulung", "Schulungen") + " für Ehrenamtliche")
        verb = "ist" if len(trainings) == 1 else "sind"
        return f"Vorgesehen {verb} {' und '.join(parts)}."

    @property
    def trainings_with_dates(self) -> int:
        """How many trainings have one of :attr:`upcoming_dates`: 'fünf Termine' beside 'vier
        Fortbildungen und eine Schulung' read as one date each (review)."""
        return len({id(training) for _, training in self.upcoming_dates})

    @property
    def upcoming_dates(self) -> list[tuple[dt.date, Training]]:
        """Every training date from the concept's Stand on, in order: the calendar of the chapter."""
        section = self.qualification
        stand = self.k.version.date
        dates = [(d, t) for t in section.trainings for d in t.dates if d >= stand] if section else []
        return sorted(dates, key=lambda pair: pair[0])

    # Dokumentation und Evaluation ------------------------------------------------------------

    @cached_property
    def indicator_rows(self) -> list[IndicatorRow]:
        return [
            IndicatorRow(g, i, self.responsible_name(i.responsible) if i.responsible else None)
            for g, i in self.k.indicator_pairs
        ]

    @property
    def incomplete_indicators(self) -> list[IndicatorRow]:
        return [r for r in self.indicator_rows if not r.complete]

    def evaluation_label(self, item: EvaluationItem) -> str:
        """'Zusammenarbeit im Netzwerk (Z3; M20)': what is evaluated, with the numbers of the
        goals and measures it looks at."""
        numbers = self.k.goal_labels(item.goals) + [self.k.measure_number(m) for m in item.measures]
        return f"{item.subject} ({'; '.join(numbers)})" if numbers else item.subject

    @property
    def evaluation_measures(self) -> list[str]:
        """The measures the evaluations look at, each once: the key under their table."""
        section = self.evaluation
        found = [m for e in section.items for m in e.measures] if section else []
        return self.measure_labels(list(dict.fromkeys(found)))

    @property
    def review_body(self) -> NetworkBody | None:
        """Where the indicators' values are discussed: the named body, else the first
        Steuerungsgruppe of the network, else none."""
        section = self.evaluation
        if section is not None and section.review is not None:
            return self.k.network_body(section.review)
        return next((b for b in self.k.network.bodies if b.kind == "Steuerungsgruppe"), None)

    # Planung -----------------------------------------------------------------------------------

    @property
    def head_label(self) -> str:
        """The head of the administration as the chapter names her or him: 'Landrätin Dr. Anna
        Berger', else the title the Land gives ('Landrätin oder Landrat'), else 'Verwaltungsspitze'."""
        head = self.k.municipality.head
        if head is not None:
            return f"{head.title} {head.name}"
        procedure = self.k.procedure
        return procedure.head.pair if procedure is not None else "Verwaltungsspitze"

    @property
    def plan_kinds(self) -> list[str]:
        """The kinds of planning the Frühe Hilfen sit in, each once, as a sentence names them
        after 'in': 'der Jugendhilfeplanung', 'der integrierten Sozialplanung', 'einer weiteren
        Planung'."""
        section = self.planning
        kinds = list(dict.fromkeys(p.kind for p in section.plans)) if section else []
        others = sum(1 for p in section.plans if p.kind == "Sonstiges") if section else 0
        named = [PLAN_PHRASES[kind] for kind in kinds if kind != "Sonstiges"]
        return named + ([count(others, "weiteren Planung", "weiteren Planungen", "einer")] if others else [])
