"""The assembled concept: everything known about one municipality's Frühe Hilfen.

:class:`Concept` holds the validated input files and answers the questions every document asks
of them – look up an item by its id, number goals and measures, group actors and measures.
Money, staff and network time live in :mod:`.resources`, the reporting calendar in
:mod:`.reporting`; both are reached from here (``k.budget``, ``k.effort``, ``k.reporting``) so
templates only read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, cast

from pipeline.formatting import (
    bracketed,
    enumeration,
    euro,
    german_date,
    in_running_text,
    in_state,
    sentence_start,
    with_note,
)
from pipeline.model.cross_cutting import CrossCuttingFile
from pipeline.model.grammar import Forms, committee_forms, kind_gender, title_with_article
from pipeline.model.inputs import (
    ADVISORY,
    NETWORK_NAME,
    PLACEHOLDER_COUNCIL_SYSTEM,
    Actor,
    ActorFile,
    Checks,
    Committee,
    CommitteeFile,
    ConceptVersion,
    CoordinationPath,
    CouncilSystem,
    Decision,
    Expense,
    Goal,
    GoalFile,
    GuidingPrinciple,
    Income,
    Indicator,
    Layout,
    Measure,
    MeasureFile,
    Municipality,
    MunicipalityFile,
    NeedsAnalysis,
    NetworkBody,
    NetworkFile,
    Organisation,
    Paper,
    PaperFile,
    Position,
    QualityFile,
    ResourceFile,
    SocialSpace,
    TargetGroup,
    TargetGroupFile,
    county_with_article,
    is_deliberated,
    names_in_line,
    with_article,
)
from pipeline.model.norms import QUALITY_DIMENSIONS
from pipeline.model.procedure import (
    Body,
    FundsRule,
    LandRule,
    NetworkLaw,
    Preparation,
    Procedure,
    ReportingDuty,
    association_of,
    child_protection_law,
    health_law,
    is_executive,
    kreis_word,
    network_law,
    network_programme,
    procedure_for,
    reporting_duty,
    resolves_on_papers,
)
from pipeline.model.types import COORDINATION, ORGANISATION_FORMS, PREPARING_KINDS, REFERRAL, SECTORS, Item

if TYPE_CHECKING:
    from pipeline.model.agreement import Agreement
    from pipeline.model.needs import NeedsView
    from pipeline.model.reporting import ReportingView
    from pipeline.model.resources import Budget, Effort, PendingGrants
    from pipeline.model.summary import Summary
    from pipeline.model.topics import Topics

F = TypeVar("F", bound=Item)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Identified = TypeVar("Identified", bound=_Identified)


@dataclass(frozen=True)
class Adoption:
    """How this Fassung is adopted, as facts the text states in the right tense: a decision
    recorded in gremien.yaml ('beschlossen'), or a paper whose Beratungsfolge leads to the
    decision ('geplant'). `date` and `committee` name the deciding sitting (for a paper without
    a deciding consultation, None); `before` are the paper's other sittings up to it."""

    status: Literal["beschlossen", "geplant"]
    number: str
    kind: str
    date: dt.date | None
    committee: Committee | None
    before: tuple[tuple[dt.date, Committee], ...] = ()
    #: Of `before`, the sittings of a collegial administration (the Magistrat): it resolves on
    #: the paper and submits it, it does not advise on it.
    resolving: tuple[tuple[dt.date, Committee], ...] = ()
    #: The ids of the bodies of `before` that deal with the paper in private (a Saarland
    #: Kreistag's committees, § 172 Abs. 2 KSVG): the concept says so where it names the
    #: sittings, as the paper's Beratungsfolge does (review of a Saarland Landkreis).
    private: frozenset[str] = frozenset()

    @property
    def advising(self) -> tuple[tuple[dt.date, Committee], ...]:
        """The sittings of `before` that advise on the paper."""
        return tuple(s for s in self.before if s not in self.resolving and not s[1].is_heard_only)

    @property
    def heard(self) -> tuple[tuple[dt.date, Committee], ...]:
        """The sittings of `before` of a council of residents that is heard on the paper (the
        Ausländerbeirat): it does not advise the council like a committee."""
        return tuple(s for s in self.before if s[1].is_heard_only)

    @property
    def resolved_first(self) -> bool:
        """Whether the collegial administration resolves before the committees advise (a Magistrat)
        or after them (Bremen's Senat, after the Deputationen; re-review of Bremen: the concept said
        'beschließt am 01.12.; danach … am 09.11.')."""
        advising = [date for date, _ in self.advising]
        return not advising or all(date <= min(advising) for date, _ in self.resolving)


def _number_order(number: str) -> list[int]:
    """'Z1.2' → [1, 2]: goal numbers in their order (Z2 before Z10)."""
    return [int(part) for part in number[1:].split(".")]


#: At most this many measures (columns) in one table of the Zuständigkeitsmatrix.
MATRIX_MEASURES = 30


@dataclass(frozen=True)
class ResponsibilityTable:
    """One table of the Zuständigkeitsmatrix: the numbers of its measures (1 for M1), and per
    actor its marks in their columns ('F', 'B' or '')."""

    numbers: tuple[int, ...]
    rows: tuple[tuple[Actor, tuple[str, ...]], ...]
    #: Each column's measure by number and title ('M7 Familienpatenschaften'), for a screen
    #: reader that would otherwise say '7'.
    titles: tuple[str, ...] = ()


def _responsibility(measure: Measure, actor_id: str) -> str:
    if measure.lead == actor_id:
        return "F"
    return "B" if actor_id in measure.participants else ""


def _parsed(files: dict[str, Item], name: str, kind: type[F]) -> F:
    model = files[name]
    if not isinstance(model, kind):
        raise TypeError(f"{name}: {kind.__name__} erwartet")
    return model


Part = TypeVar("Part")


def in_even_parts(items: list[Part], most: int) -> list[list[Part]]:
    """`items` in as few parts of at most `most` as it takes, as even as they come (63 in
    three of 21, not 30, 30 and 3): tables or figures a page holds, none left nearly empty."""
    if not items:
        return []
    count = -(-len(items) // most)
    size = -(-len(items) // count)
    return [items[start : start + size] for start in range(0, len(items), size)]


def _signed_by(actors: list[Actor], day: dt.date) -> list[Actor]:
    """Those of `actors` whose signature under the agreement dates from `day` or before."""
    return [a for a in actors if a.agreement_signed is not None and a.agreement_signed <= day]


#: 'Finanzausschuss', 'Haupt- und Finanzausschuss': a committee on the budget by its name.
_FINANCE = re.compile(r"Finanz", re.IGNORECASE)


def is_finance_committee(committee: Committee) -> bool:
    """A Finanzausschuss by its kind or its name ('Haupt- und Finanzausschuss')."""
    return committee.kind == "Finanzausschuss" or _FINANCE.search(committee.name) is not None


_CITATION = re.compile(r"^§§? (?P<sections>.+) (?P<law>[^\s§]+)$")


def same_law_once(first: str, second: str) -> str:
    """'§§ 7, 45 NKomVG' and '§ 76 Abs. 1 NKomVG' → '§§ 7, 45 und 76 Abs. 1 NKomVG': the law named
    once (Lektorat); two laws, or a citation of another shape, stay apart with a semicolon."""
    a, b = _CITATION.match(first), _CITATION.match(second)
    if a is None or b is None or a["law"] != b["law"]:
        return f"{first}; {second}"
    return f"§§ {a['sections']} und {b['sections']} {a['law']}"


def _advised(advising: Iterable[Committee], prepared: Committee | None, heard: Committee | None = None) -> str:
    """' nach Vorberatung im Jugendhilfeausschuss und im … sowie Vorbereitung durch den
    Kreisausschuss', or what of it applies; '' for none. `heard`: the Jugendhilfeausschuss where it
    decides the smaller adjustments itself – the council still hears it on every matter of youth
    welfare (§ 71 Abs. 4 Satz 2 SGB VIII): ' nach Anhörung des Jugendhilfeausschusses und
    Vorberatung im …' (an RLP re-check: the paper's own proposal said so, the sentence on the
    route named the finance committee alone)."""
    advisers = [c.forms.im for c in advising]
    advice = f"Vorberatung {enumeration(advisers)}" if advisers else ""
    by = f"Vorbereitung durch {prepared.forms.acc}" if prepared is not None else ""
    rest = f"{advice} sowie {by}" if advice and by else advice or by
    hearing = f"Anhörung {heard.forms.gen}" if heard is not None else ""
    steps = f"{hearing} und {rest}" if hearing and rest else hearing or rest
    return f" nach {steps}" if steps else ""


@dataclass(frozen=True)
class AdjustmentRoute:
    """Who deals with an adjustment of the measures when grants fail: the body that decides, the
    committees that advise first – the Jugendhilfeausschuss, which the council hears on every
    matter of youth welfare (§ 71 SGB VIII), the committees whose measures lose grants, the
    finance committee on the money (§ 62 Abs. 1 HGO: a Hessian council member found both left
    out) –, and the body that prepares the council's decisions (the Kreisausschuss, § 76 Abs. 1
    NKomVG), if any."""

    deciding: Committee
    #: The committees whose measures lose grants (not the deciding body).
    losing: tuple[Committee, ...]
    prepared: Committee | None
    youth: Committee | None = None
    finance: Committee | None = None

    @property
    def youth_within_funds(self) -> Committee | None:
        """The Jugendhilfeausschuss where only its money is at stake: it decides within the funds
        provided, the council on what changes the concept ('dem Kreistag' alone read as bypassing
        the committee, a Kreistag member's review)."""
        if len(self.losing) == 1 and self.losing[0].kind == "Jugendhilfeausschuss":
            return self.losing[0]
        return None

    @property
    def advising(self) -> tuple[Committee, ...]:
        """Who advises before the deciding body, in the order of a Beratungsfolge: the
        Jugendhilfeausschuss, the committees losing grants, the finance committee."""
        bodies = [self.youth, *self.losing, self.finance]
        # the body that prepares the decision is named for that (Thüringen review: the Haupt- und
        # Finanzausschuss stood „zur Vorberatung, … zur Vorbereitung“ in one sentence)
        others = {self.deciding.id, self.prepared.id if self.prepared else ""}
        unique = {c.id: c for c in bodies if c is not None and c.id not in others}
        return tuple(unique.values())

    @property
    def council_advised_by(self) -> tuple[Committee, ...]:
        """Who advises the council where the Jugendhilfeausschuss decides within the funds: the
        finance committee on additional money, if there is one (the Jugendhilfeausschuss is heard:
        :func:`_advised`)."""
        return tuple(c for c in self.advising if c.kind != "Jugendhilfeausschuss")


@dataclass(frozen=True)
class Concept:
    """One municipality's Frühe Hilfen as the inputs describe them; read-only."""

    municipality: Municipality
    version: ConceptVersion
    guiding_principle: GuidingPrinciple
    target_groups: list[TargetGroup]
    goals: list[Goal]
    measures: list[Measure]
    actors: list[Actor]
    organisations: list[Organisation]
    network: NetworkFile
    resources: ResourceFile
    committees: list[Committee]
    decisions: list[Decision]
    checks: Checks
    papers: list[Paper] = field(default_factory=list)
    #: The numbers of the papers under vorlagen/beraten/: they count as reports and carry their
    #: decisions like the others, but are not built again (:func:`pipeline.model.papers.paper_views`).
    deliberated: frozenset[str] = frozenset()
    council_system: CouncilSystem = PLACEHOLDER_COUNCIL_SYSTEM
    quality_ratings: QualityFile | None = None
    cross_cutting: CrossCuttingFile | None = None
    needs_analysis: NeedsAnalysis = field(default_factory=NeedsAnalysis)
    layout: Layout = field(default_factory=Layout)
    #: The parsed input files it was assembled from, by name: for rules that read every field.
    files: dict[str, Item] = field(default_factory=dict)

    @classmethod
    def from_files(cls, files: dict[str, Item]) -> Concept:
        """The concept from the parsed input files, by file name (papers under 'vorlagen/')."""
        kommune = _parsed(files, "kommune.yaml", MunicipalityFile)
        gremien = _parsed(files, "gremien.yaml", CommitteeFile)
        papers = [_parsed(files, name, PaperFile).paper for name in sorted(files) if name.startswith("vorlagen/")]
        deliberated = frozenset(
            _parsed(files, name, PaperFile).paper.number for name in files if is_deliberated(name)
        )
        ratings = _parsed(files, "qualitaet.yaml", QualityFile) if "qualitaet.yaml" in files else None
        topics = _parsed(files, "querschnitt.yaml", CrossCuttingFile) if "querschnitt.yaml" in files else None
        return cls(
            municipality=kommune.municipality,
            version=kommune.version,
            guiding_principle=kommune.guiding_principle,
            target_groups=_parsed(files, "zielgruppen.yaml", TargetGroupFile).target_groups,
            goals=_parsed(files, "ziele.yaml", GoalFile).goals,
            measures=_parsed(files, "massnahmen.yaml", MeasureFile).measures,
            actors=_parsed(files, "akteure.yaml", ActorFile).actors,
            organisations=_parsed(files, "akteure.yaml", ActorFile).organisations,
            network=_parsed(files, "netzwerk.yaml", NetworkFile),
            resources=_parsed(files, "ressourcen.yaml", ResourceFile),
            committees=gremien.committees,
            decisions=gremien.decisions,
            checks=kommune.checks,
            papers=papers,
            deliberated=deliberated,
            council_system=gremien.council_system or PLACEHOLDER_COUNCIL_SYSTEM,
            quality_ratings=ratings,
            cross_cutting=topics,
            needs_analysis=kommune.needs,
            layout=kommune.layout,
            files=dict(files),
        )

    # views -----------------------------------------------------------------------------------

    @cached_property
    def budget(self) -> Budget:
        """Money: funding by source, year and committee, and what the measures cost."""
        from pipeline.model.resources import Budget

        return Budget(self)

    @cached_property
    def effort(self) -> Effort:
        """Staff and network time, and how much of it is budgeted."""
        from pipeline.model.resources import Effort

        return Effort(self)

    @cached_property
    def summary(self) -> Summary:
        """The facts of 'Das Wichtigste in Kürze' at the start of the concept."""
        from pipeline.model.summary import Summary

        return Summary(self)

    @property
    def foreword_signature(self) -> list[str]:
        """Who signs the foreword, line by line: its author as written, else the head of the
        administration by name and title ('Dr. Anna Berger', 'Landrätin'); none without either."""
        foreword = self.version.foreword
        if foreword is None:
            return []
        if foreword.author:
            return [foreword.author]
        head = self.municipality.head
        return [head.name, head.title] if head is not None else []

    @cached_property
    def topics(self) -> Topics:
        """The chapters from querschnitt.yaml: Kinderschutz, Datenschutz, Eltern, Öffentlichkeitsarbeit,
        Qualifizierung, Dokumentation und Evaluation, Planung."""
        from pipeline.model.topics import Topics

        return Topics(self)

    @cached_property
    def needs(self) -> NeedsView:
        """Sozialraum figures beside the offers: the Bedarfsanalyse and the Angebotslandkarte."""
        from pipeline.model.needs import NeedsView

        return NeedsView(self)

    @cached_property
    def agreement(self) -> Agreement | None:
        """The Kooperationsvereinbarung, if netzwerk.yaml has a section for it."""
        from pipeline.model.agreement import agreement_of

        return agreement_of(self)

    @cached_property
    def paper_files(self) -> dict[str, str]:
        """Each paper's number and the inputs file it is written in
        ('vorlagen/jha-2026-030-gesamtkonzept.yaml'): where a warning points, and a paper's own file
        for review."""
        return {f.paper.number: name for name, f in self.files.items() if isinstance(f, PaperFile)}

    @property
    def state_budget(self) -> bool:
        """The money is the Land's: a Bezirk's or city state's budget is a Haushaltsplan adopted by
        law (Art. 89 VvB), with Kapitel and Titel, not a Haushaltssatzung (Berlin and Bremen reviews)."""
        procedure = self.procedure
        return procedure is not None and procedure.kind in ("Bezirk", "Stadtstaat")

    @cached_property
    def procedure(self) -> Procedure | None:
        """Council procedure of the municipality's Land and kind (None where the table has none)."""
        return procedure_for(self.municipality.state, self.municipality.kind)

    def deciding_note(self, committee: Committee) -> str | None:
        """'beschließender Ausschuss' or what the Land calls one that advises ('vorberatender
        Ausschuss' in Bayern), where gremien.yaml says which (:attr:`Committee.deciding_note`)."""
        note = committee.deciding_note
        if note == ADVISORY and self.procedure is not None:
            return self.procedure.advisory_committee
        return note

    def name_with_kind(self, committee: Committee) -> str:
        """'Ausschuss für Soziales (vorberatender Ausschuss)' for a committee's row in the tables."""
        note = self.deciding_note(committee)
        return f"{committee.name} ({note})" if note else committee.name

    @property
    def kind_term(self) -> str:
        """The kind of municipality as its Land calls it: 'Kreis' in Nordrhein-Westfalen and
        Schleswig-Holstein, 'Stadtkreis' in Baden-Württemberg (NRW review: the concept said
        'Kreis Musterfeld (Landkreis, Nordrhein-Westfalen)')."""
        municipality = self.municipality
        association = association_of(municipality.state, municipality.name, municipality.kind)
        if association is not None:
            return association.term  # 'Region', 'Regionalverband' (reviews: '(Landkreis, Saarland)')
        procedure = self.procedure
        return procedure.local_term if procedure is not None and procedure.local_term else self.municipality.kind

    @property
    def kind_and_state(self) -> str:
        """What chapter 3 puts in brackets after the name: 'große selbständige Stadt im Landkreis
        Leinetal, Niedersachsen' – the kind where the name does not say it, the Kreis a city belongs
        to where kommune.yaml names it (review of a große selbständige Stadt), the Land."""
        m = self.municipality
        kind = "" if m.name.startswith(self.kind_term) else self.kind_term
        # a bare place name as the Kreis's: 'im Landkreis Leinetal' (the Land's word)
        county = county_with_article(m.county, "in", f"im {kreis_word(m.state)} {m.county}") if m.county else ""
        where = " ".join(part for part in (kind, county) if part)
        return f"{where}, {m.state}" if where else m.state

    @property
    def procedure_givers(self) -> str:
        """'der Bundesstiftung Frühe Hilfen und des Landes': whose grants the table of funding
        procedures describes (language review: „Die Zuwendungen“ claimed every source's)."""
        sources = dict.fromkeys(p.source for p in self.resources.procedures)
        return enumeration([self.municipality.source_genitive(s) for s in sources])

    @property
    def quality_dialogues(self) -> list[tuple[str, str]]:
        """Each dimension of the Qualitätsrahmen with when the network talks about it: '3 Netzwerk',
        '2027 (Klausur der Steuerungsgruppe)'; the fifth with each version, since this tool writes
        its Gesprächsunterlage; 'noch nicht geplant' for the others (review by a
        Landeskoordinierungsstelle: only the fifth was named)."""
        planned = self.quality_ratings.dialogues if self.quality_ratings is not None else []
        stand = self.version.date.year

        def when(year: int) -> str:
            # held or still to come, seen from the Stand (language review: „2024 (Klausur …)“ left it open)
            return f"{year} geführt" if year < stand else (f"{year} geplant" if year > stand else str(year))

        rows = []
        for number, title in QUALITY_DIMENSIONS.items():
            times = [
                f"{when(d.year)} ({d.form})" if d.form else when(d.year) for d in planned if d.dimension == number
            ]
            if number == 5:
                times.insert(
                    0,
                    "mit jeder Fassung des Konzepts (Gesprächsunterlage „Qualitätsdialog: Politisch-strukturelle "
                    "Verankerung“)",
                )
            rows.append((f"{number} {title}", "; ".join(times) or "noch nicht geplant"))
        return rows

    @property
    def kind_with_article(self) -> str:
        """'ein Landkreis', 'eine Große Kreisstadt': the kind after 'ist' in a message."""
        term = self.kind_term
        return f"{'ein' if kind_gender(term) == 'm' else 'eine'} {term}"

    def resolves_on_papers(self, committee: Committee) -> bool:
        """Whether the body is a collegial administration that resolves on submitting a paper (the
        Magistrat), not one that only deliberates it (the Stadtvorstand in Rheinland-Pfalz)."""
        return resolves_on_papers(committee.kind, self.procedure)

    def is_executive(self, committee: Committee) -> bool:
        """A collegial administration (Magistrat, Bezirksamt, the Kreisausschuss in Hessen), not a
        political body: it resolves on papers but is no audience for reports."""
        return is_executive(committee.kind, self.procedure)

    @property
    def council(self) -> Committee | None:
        """The representation (Kreistag, Rat, Stadtverordnetenversammlung …) as gremien.yaml
        names it, if listed."""
        return next((c for c in self.committees if c.is_council), None)

    def paper_kind(self, kind: str) -> str:
        """A paper's kind as the Land's council offices call it ('Vorlage zur Beschlussfassung'
        in Berlin; Berlin review), else as the inputs name it."""
        return self.procedure.paper_kind(kind) if self.procedure is not None else kind

    @property
    def network_law(self) -> NetworkLaw | None:
        """The Land's own rule on the local child-protection networks, beside § 3 KKG."""
        return network_law(self.municipality.state)

    def consent_form_rule(self, subject: str) -> str:
        """How `subject` take a consent (:func:`pipeline.model.agreement.consent_form_rule`)."""
        from pipeline.model.agreement import consent_form_rule

        return consent_form_rule(self.organisations, subject)

    @property
    def child_protection_law(self) -> LandRule | None:
        """The Land's law on child protection that sets up no network (review of a city in
        Mecklenburg-Vorpommern: the Land's first Kinderschutzgesetz was missing from the legal bases)."""
        return child_protection_law(self.municipality.state)

    @property
    def health_law(self) -> LandRule | None:
        """The Land's law on children's health for the legal bases (Art. 11 GDG in Bayern)."""
        return health_law(self.municipality.state)

    @property
    def network_programme(self) -> LandRule | None:
        """The Land's programme for the networks (KoKi in Bayern), for the legal bases."""
        return network_programme(self.municipality.state)

    @property
    def reporting_duty(self) -> ReportingDuty | None:
        """The Land's duty for doctors and midwives to inform the Jugendamt (Art. 15 Abs. 1 GDG in
        Bayern), beyond the Befugnis of § 4 Abs. 3 KKG."""
        return reporting_duty(self.municipality.state)

    @property
    def reporting_duty_note(self) -> str:
        """'In Bayern gilt darüber hinaus eine Pflicht: Ärztinnen und Ärzte … (Art. 15 Abs. 1 GDG).',
        after the Befugnis of § 4 KKG in the concept, the agreement and the parents' form; empty
        where the Land has no such duty."""
        duty = self.reporting_duty
        if duty is None:
            return ""
        return f"{sentence_start(in_state(self.municipality.state))} gilt darüber hinaus eine Pflicht: {duty.sentence}"

    @property
    def reporting_duty_clause(self) -> str:
        """' – Ärztinnen und Ärzte sowie Hebammen sind dann in Bayern zur Mitteilung an das Jugendamt
        verpflichtet (Art. 15 Abs. 1 GDG)': the duty within a sentence on § 4 KKG; empty without one."""
        duty = self.reporting_duty
        if duty is None:
            return ""
        where = in_state(self.municipality.state)
        return f" – {duty.professions} sind dann {where} zur Mitteilung an das Jugendamt verpflichtet ({duty.provision})"

    @property
    def joint_network_law(self) -> NetworkLaw | None:
        """The Land's law on the child-protection networks as a basis of the Netzwerk Frühe
        Hilfen itself: only where Frühe Hilfen and Kinderschutz form one network
        (querschnitt.yaml: gemeinsam). Two networks rest on § 3 KKG and the Land's law apart
        (NRW review: § 9 LKiSchG NRW is about the Netzwerke Kinderschutz); never a rule that sets
        up no network (§ 14 Abs. 3 ThürKJHAG, code review)."""
        protection = self.topics.child_protection
        joint = protection is not None and protection.network is not None and protection.network.joint
        law = self.network_law
        return law if joint and law is not None and law.sets_up_network else None

    @property
    def submitting_executive(self) -> Body | None:
        """The collegial organ that submits the papers in this Land (Magistrat …), if any."""
        return self.procedure.submitting_executive if self.procedure is not None else None

    @property
    def reports_of(self) -> str:
        """Whose reports the council receives, in the genitive: 'des Magistrats' where a collegial
        organ submits the papers (Hessen, Berlin), else 'der Verwaltung'."""
        executive = self.submitting_executive
        return committee_forms(executive.name).gen if executive is not None else "der Verwaltung"

    @property
    def represented_by(self) -> str | None:
        """'vertreten durch den Magistrat' where a collegial organ represents the municipality
        (§ 71 Abs. 1 HGO, § 45 HKO) and so heads its signature, not the Jugendamt; None elsewhere."""
        name = self._executive_name
        return f"vertreten durch {committee_forms(name).acc}" if name is not None else None

    @property
    def _executive_name(self) -> str | None:
        """The collegial organ that submits the papers by its name in gremien.yaml: 'Bezirksamt
        Neuhafen', not any Bezirksamt (Berlin review); a Bezirk's office named only 'Bezirksamt'
        there takes the Bezirk's short name. A Hamburg Bezirk's Bezirksamt is no collegial organ
        – its Bezirksamtsleitung submits the papers (§ 35 Abs. 2 BezVG) – but it still acts for
        the Freie und Hansestadt (Hamburg review)."""
        procedure = self.procedure
        executive = self.submitting_executive
        if executive is not None:
            kind = executive.name
        elif procedure is not None and procedure.authority and self.municipality.is_bezirk:
            kind = procedure.authority
        else:
            return None
        listed = next((c for c in self.committees if c.kind == kind), None)
        name = listed.name if listed else kind
        if name == kind and self.municipality.is_bezirk:
            name = f"{name} {self.municipality.short_name}"
        return name

    @property
    def issuing_authority(self) -> str:
        """Who sends the documents: the municipality ('Landkreis Musterkreis'), its Landratsamt
        where the Land names it the Kreis' authority ('Landratsamt Musterkreis', Bavarian review),
        or the Bezirksamt of a Bezirk, which acts for the Land (Berlin review)."""
        procedure = self.procedure
        if procedure is not None and procedure.authority:
            # 'Stadtverwaltung Neuhafen am Rhein': the name without its kind, in full (§ 28 Abs. 3
            # GemO RLP: „in Verbindung mit dem Namen der Stadt“); else the short name
            name = self.municipality.name
            kind = next((k for k in ("Landkreis ", "Kreis ", "Stadt ") if name.startswith(k)), None)
            return f"{procedure.authority} {name.removeprefix(kind) if kind else self.municipality.short_name}"
        if self.municipality.is_bezirk and self._executive_name:
            return self._executive_name
        return self.municipality.name

    @property
    def funds_rule(self) -> FundsRule | None:
        """Where the council provides no money (a Hamburg Bezirk): who does, and within what the
        Jugendhilfeausschuss decides."""
        procedure = self.procedure
        return procedure.funds if procedure is not None else None

    @property
    def acting_nominative(self) -> str:
        """Who acts for the municipality as a sentence's subject: 'der Landkreis Musterkreis' – or,
        for a Bezirk, which is no legal person, its Bezirksamt ('das Bezirksamt Elbhöhe'; Hamburg
        review: 'Stellen, die der Bezirk Elbhöhe selbst betreibt', 'bucht der Bezirk Elbhöhe')."""
        if self.municipality.is_bezirk:
            return committee_forms(self.issuing_authority).nom
        return self.municipality.nominative

    @property
    def network_name(self) -> str:
        """'Netzwerk Frühe Hilfen', or the name it has locally ('Netzwerk frühe Kindheit', Bavarian
        review: the agreement's title and the paper's point named the network differently)."""
        return self.network.name or NETWORK_NAME

    @property
    def network_name_gen(self) -> str:
        """'Netzwerks Frühe Hilfen': the name after 'des'."""
        return self.network_name.replace("Netzwerk", "Netzwerks", 1)

    def sender(self, office: str) -> str:
        """'Landkreis Musterkreis, Fachbereich Jugend und Familie': the authority and one of its
        offices – once, where the office's name holds it ('Bezirksamt Neuhafen – Fachamt …'; Hamburg
        review: 'Bezirksamt Neuhafen, Bezirksamt Neuhafen – …'; Bavarian review: 'Landratsamt
        Altmühlau, Amt für Jugend und Familie (Kreisjugendamt) am Landratsamt Altmühlau')."""
        authority = self.issuing_authority
        # the name declined counts too: 'Jugendamt des Landkreises Havelland-Süd' (Brandenburg review:
        # 'Landkreis Havelland-Süd, Jugendamt des Landkreises Havelland-Süd')
        short = re.escape(self.municipality.short_name)
        named = authority in office or re.search(rf"(?<![\w-]){short}(?![\w-])", office)
        return office if named else f"{authority}, {office}"

    def adjustment_route(
        self, lines: Iterable[Income], deciding: Committee | None = None
    ) -> AdjustmentRoute | None:
        """Who deals with cutting back measures when these grants fail – one route for the concept
        and the papers, which had each composed their own and differed where only another
        committee's grants failed. `deciding` is the body that decides (a paper's; the council by
        default); None without one."""
        deciding = deciding or self.council
        if deciding is None:
            return None
        bodies = {i.committee: self.committee(i.committee) for i in lines}.values()
        losing = tuple(c for c in bodies if c.id != deciding.id)
        council = self.council
        if council is None or deciding.id != council.id:
            return AdjustmentRoute(deciding, losing, None)
        youth = next((c for c in self.committees if c.kind == "Jugendhilfeausschuss"), None)
        return AdjustmentRoute(deciding, losing, self.council_prepared_by, youth, self.finance_committee)

    def adjustment_deciders(self, lines: Iterable[Income], paper: Paper | None = None) -> str:
        """Who decides on cutting back measures when these grants fail, after 'über Einschränkungen
        entschiede dann' (a Stadtverordnete: 'wäre dann gesondert zu entscheiden' named nobody);
        the bodies of general remit that advise `paper` advise too (:meth:`general_advisers`).
        Empty without a council."""
        route = self.adjustment_route(lines)
        if route is None:
            return ""
        also = self.general_advisers(paper, route) if paper is not None else ()
        council, youth = route.deciding, route.youth_within_funds
        if youth is not None:
            advising = (*route.council_advised_by, *also)
            funds = self.funds_rule
            if funds is not None:  # Hamburg: the Bezirksversammlung provides no money
                return (
                    f"{youth.forms.nom} {funds.youth_within}, über Änderungen der Ziele {council.forms.nom}"
                    f"{_advised(advising, route.prepared, heard=youth)}; {funds.only_by('zusätzliche Mittel')}"
                )
            return (
                f"{youth.forms.nom} im Rahmen der bereitgestellten Mittel, über Änderungen der Ziele oder "
                f"zusätzliche Mittel {council.forms.nom}{_advised(advising, route.prepared, heard=youth)}"
            )
        return f"{council.forms.nom}{_advised((*route.advising, *also), route.prepared)}"

    def adjustment_deciders_for(
        self, pending: PendingGrants | None, promised: PendingGrants | None, paper: Paper | None = None
    ) -> str:
        """:meth:`adjustment_deciders` after a year's applied-for grants, for those and the promised
        ones together – the route the papers' Haushaltsvorbehalt takes (Kämmerei: the JHA in the
        one, the Kreistag in the other) – along the way of `paper`, by default the paper the
        concept is to be adopted by; '' where nothing is applied for."""
        from pipeline.model.resources import unsettled_lines

        if not pending:
            return ""
        return self.adjustment_deciders(unsettled_lines(pending, promised), paper or self.adoption_paper)

    def general_advisers(self, paper: Paper, route: AdjustmentRoute) -> tuple[Committee, ...]:
        """The bodies of general remit that advise `paper` before the decision (a Saxon
        Kreisausschuss, a Hauptausschuss, the finance committee) and the route leaves out: an
        adjustment of what the paper decides goes the way the paper went (Saxon review: the paper
        had the Kreisausschuss advise, its point on failing grants did not). The concept takes the
        way of the paper it is to be adopted by (reviews in Mecklenburg-Vorpommern and
        Sachsen-Anhalt: the concept left out the Hauptausschuss the paper, its covering document,
        named)."""
        taken = {c.id for c in (*route.advising, route.deciding, route.prepared) if c is not None}
        found = {}
        for consultation in paper.consultations:
            body = self.committee(consultation.committee)
            general = body.kind in PREPARING_KINDS or is_finance_committee(body)
            if (
                consultation.role == "Vorberatung"
                and general
                and body.id not in taken
                and not self.is_executive(body)
            ):
                found[body.id] = body
        return tuple(found.values())

    @property
    def adoption_paper(self) -> Paper | None:
        """The paper 'konzept.beschluss' names while the adoption is still planned; None once a
        decision adopted the Fassung or where it names no paper."""
        adoption = self.adoption
        if adoption is None or not self.awaiting_adoption:
            return None
        return next((p for p in self.papers if p.number == adoption.number), None)

    @property
    def council_law(self) -> str:
        """The Land's Kommunalverfassung by which council and preparing body deliberate, for the
        legal bases: '§§ 7, 45 NKomVG; § 76 Abs. 1 NKomVG: der Kreistag als gewählte Vertretung und
        der Kreisausschuss, der seine Beschlüsse vorbereitet' – only provisions the procedure table
        marks as read; '' where the council's is not (a Stadtverordnete: the HGO was missing)."""
        procedure, council = self.procedure, self.council
        if (
            procedure is None
            or council is None
            or not procedure.council.legal_basis
            or not procedure.council.verified
        ):
            return ""
        body = f"{council.forms.nom} als gewählte Vertretung"
        statutory = procedure.council.name
        if council.name != statutory and council.name in procedure.council.also:
            # the law's name, and the one the municipality uses (M-V review: '§ 22 KV M-V: die
            # Bürgerschaft', where § 22 says 'Stadtvertretung' and the Hansestadt's Hauptsatzung
            # 'Bürgerschaft')
            named = f"{committee_forms(statutory).nom} ({self.municipality.in_phrase} „{council.name}“)"
            body = f"{named} als gewählte Vertretung"
        preparing = self._law_names_preparing
        if preparing is None:
            return f"{procedure.council.legal_basis}: {body}"
        relative = {"m": "der", "f": "die", "n": "das"}[procedure.preparation.gender or "m"]
        its = "ihre" if procedure.council.gender == "f" else "seine"
        does = "vorbereitet und ausführt" if procedure.preparation.executes else "vorbereitet"
        basis = same_law_once(procedure.council.legal_basis, procedure.preparation.legal_basis)
        # 'seine Verhandlungen' where the body prepares every deliberation (Art. 26 Satz 2 LKrO; re-check)
        return f"{basis}: {body} und {preparing.forms.nom}, {relative} {its} {procedure.preparation.scope} {does}"

    @property
    def _law_names_preparing(self) -> Committee | None:
        """The preparing body :attr:`council_law` names beside the council: where the procedure
        table marks its provision as read."""
        procedure = self.procedure
        if procedure is None or not procedure.preparation.verified:
            return None
        return self.preparing_committee

    @property
    def council_law_deliberates(self) -> str:
        """'wie sie dieses Konzept beraten und beschließen' after :attr:`council_law` where it names
        the council and its preparing body, 'wie er dieses Konzept berät und beschließt' where it
        names the council alone (NRW review: 'der Rat …; wie sie … beraten und beschließen'); 'er
        beschließt den Haushalt; wer dieses Konzept berät und beschließt' where the council takes no part in
        adopting it."""
        council = self.council
        adoption = self.adoption
        if council is not None and adoption is not None and adoption.committee is not None:
            deciding = {adoption.committee.id, *(committee.id for _, committee in adoption.before)}
            if council.id not in deciding:
                # the Jugendhilfeausschuss decides, the council does not deal with the concept (NRW review: 'wie
                # er dieses Konzept berät und beschließt' of a Rat that never saw it)
                budget = (
                    ""
                    if self._law_names_preparing is not None
                    else f"{council.forms.pronoun} beschließt den Haushalt; "
                )
                return f"{budget}wer dieses Konzept berät und beschließt"
        if self._law_names_preparing is not None or council is None:
            return "wie sie dieses Konzept beraten und beschließen"
        return f"wie {council.forms.pronoun} dieses Konzept berät und beschließt"

    @property
    def council_prepared_by(self) -> Committee | None:
        """The body that prepares every decision of the council after the committees have advised
        – the Kreisausschuss in Niedersachsen (§ 76 Abs. 1 NKomVG) –, for the procedures the
        documents spell out ('beschließt der Kreistag nach Anhörung des Jugendhilfeausschusses' left
        it out; a Kreistag member: a Fraktion can insist on it). None where the law names no such
        body or it decides before the committees (the Magistrat brings the paper in)."""
        preparation = self._preparation
        if preparation is None or preparation.first:
            return None
        return self.preparing_committee

    @property
    def budget_adoption(self) -> str:
        """Who adopts the budget the Frühe Hilfen's money stands in, as a clause: the Land's own
        where it has one (a Hamburg Bezirk: the Bürgerschaft), else 'beschlossen werden die Mittel
        mit dem Haushalt durch den Kreistag' – where a collegial organ drafts the budget (the
        Magistrat, § 66 Abs. 1 Satz 3 Nr. 6 HGO), with it and the finance committee that advises
        on it before (a Stadtverordnete: the chapter on budget planning named neither)."""
        procedure = self.procedure
        if procedure is not None and procedure.budget_clause:
            return procedure.budget_clause
        draft = ""
        executive, finance = self.executive_forms, self.finance_committee
        if executive is not None:
            advised = f", {finance.forms.nom} berät ihn vor" if finance is not None else ""
            draft = f"den Entwurf des Haushalts stellt {executive.nom} auf{advised}; "
        council = self.council.forms.acc if self.council is not None else "die Vertretung"
        fixed = f"; {procedure.budget_law}" if procedure is not None and procedure.budget_law else ""
        return f"{draft}beschlossen werden die Mittel mit dem Haushalt durch {council}{fixed}"

    @property
    def finance_committee(self) -> Committee | None:
        """The council's finance committee, by its kind or its name ('Haupt- und Finanzausschuss'),
        if gremien.yaml lists one."""
        return next((c for c in self.committees if is_finance_committee(c)), None)

    @property
    def executive_forms(self) -> Forms | None:
        """The collegial organ that leads the administration and submits the papers, in every
        case ('im Magistrat'); None where a person leads it."""
        executive = self.submitting_executive
        return committee_forms(executive.name) if executive is not None else None

    @property
    def execution_reports(self) -> str:
        """'Über den Vollzug der Beschlüsse berichtet der Landrat dem Kreistag und den Ausschüssen
        regelmäßig (§ 101 Abs. 3 Satz 3 ThürKO).' where the Land's law makes it a duty of the head
        of the administration; '' elsewhere (Thuringian review: the reporting chapter gave the
        locally agreed cycle only)."""
        procedure, council = self.procedure, self.council
        if procedure is None or procedure.execution_reports is None or council is None:
            return ""
        head, titles = self.municipality.head, procedure.head
        who = (
            title_with_article(head.title)
            if head is not None and head.title in (titles.female, titles.male)
            else titles.pair_with_articles
        )
        return (
            f"Über den Vollzug der Beschlüsse berichtet {who} {council.forms.dat} und den Ausschüssen "
            f"regelmäßig ({procedure.execution_reports})."
        )

    @property
    def reporter(self) -> str:
        """Who reports to the council and its committees, as a subject: 'der Magistrat' where a
        collegial organ submits the papers (§ 50 Abs. 3 HGO), else 'die Verwaltung' – the
        Netzwerkkoordination prepares the reports, it does not present them itself."""
        forms = self.executive_forms
        return forms.nom if forms is not None else "die Verwaltung"

    @property
    def preparing_committee(self) -> Committee | None:
        """The body the Land's law has prepare the council's decisions (Kreisausschuss in
        Niedersachsen, Magistrat in Hessen), as gremien.yaml names it; None where the law names
        none, leaves it to the council ('kann') or gremien.yaml does not list it."""
        preparation = self._preparation
        if preparation is None or preparation.duty == "kann":
            return None
        return next((c for c in self.committees if self._prepares(c)), None)

    def meets_in_private(self, committee: Committee, role: str | None = None) -> bool:
        """Whether this body meets in private (in a sitting in `role`, where given): as gremien.yaml
        says where it says so (a beratender Ausschuss in Sachsen; a Kreisausschuss in
        Mecklenburg-Vorpommern whose Hauptsatzung makes its sittings public), else by the Land's
        law (see :meth:`private_by_law`): no paper is public there."""
        if committee.private is not None:
            return committee.private
        return self.private_by_law(committee, role) is not None

    def private_by_law(self, committee: Committee, role: str | None = None) -> str | None:
        """The Land's provision under which this body meets in private (in a sitting in `role`,
        where given), or None: the body preparing the council's decisions where the Land says so
        (the Kreis- or Verwaltungsausschuss in Niedersachsen, § 78 Abs. 2 NKomVG); every committee
        of a Saarland Kreistag but the Jugendhilfeausschuss (§ 172 Abs. 2 KSVG); a committee's
        Vorberatung in Sachsen (§ 37 Abs. 5 Satz 2 SächsLKrO) and Thüringen (§ 43 Abs. 1 Satz 3 ThürKO);
        the Kreisvorstand in Rheinland-Pfalz (§ 52 Abs. 2 LKO)."""
        procedure = self.procedure
        if procedure is None:
            return None
        committee_of_the_council = (
            not committee.is_council
            and committee.kind != "Jugendhilfeausschuss"  # public under § 71 SGB VIII
            and not self.is_executive(committee)
        )
        if committee_of_the_council:
            if procedure.committees_private:
                return procedure.committees_private
            if procedure.advisory_sittings_private and self._advisory(committee, role):
                return procedure.advisory_sittings_private
        preparation = procedure.preparation
        if preparation is not None and preparation.private is not None and self._prepares(committee):
            return preparation.private
        executive = procedure.executive
        if executive is not None and executive.private is not None and committee.kind == executive.name:
            return executive.private
        return None

    def _advisory(self, committee: Committee, role: str | None) -> bool:
        """Whether the Land's rule on advisory sittings covers this body's sitting (in `role`):
        where it speaks of the sittings that advise ('Sitzung'), one in the role 'Vorberatung';
        where it speaks of the advisory committees ('Ausschuss', § 43 Abs. 1 Satz 3 ThürKO), every
        sitting of a committee that is not a deciding one and advises on a paper – the Ausschuss
        für Gesundheit of 19.11.2026 met in private for JHA/2026/030 and in public for GV/2026/004
        (Thuringian review)."""
        if self.procedure is None or self.procedure.advisory_private_by == "Sitzung":
            return role == "Vorberatung"
        if committee.deciding is True:
            return False
        return role == "Vorberatung" or committee.deciding is False or committee.id in self._advising

    @cached_property
    def _advising(self) -> frozenset[str]:
        """The bodies that advise on a paper (role 'Vorberatung' in a Beratungsfolge)."""
        return frozenset(
            c.committee for paper in self.papers for c in paper.consultations if c.role == "Vorberatung"
        )

    @property
    def _preparation(self) -> Preparation | None:
        """The Land's rule on the body preparing the council's decisions, if any."""
        return self.procedure.preparation if self.procedure is not None else None

    def preparation_role(self, committee: Committee) -> str | None:
        """What the Land's law has this body do, where it is the body named to prepare the council's
        decisions and the law says more ('stimmt die Arbeit der Ausschüsse aufeinander ab (§ 50
        Abs. 1 BbgKVerf)'; reviews in Brandenburg and Schleswig-Holstein read 'ohne festen Turnus'),
        or where it is the Finanzausschuss the law gives a task ('bereitet die Haushaltssatzung …
        vor (§ 36 Abs. 2 KV M-V)'; review of a city in Mecklenburg-Vorpommern: the Kämmerei missed it)."""
        preparation = self._preparation
        if preparation is not None and self._prepares(committee):
            return preparation.role
        rule = self.procedure.finance_committee if self.procedure is not None else None
        if rule is not None and is_finance_committee(committee):
            return (
                "bereitet die Haushaltssatzung und die für die Durchführung des Haushaltsplans erforderlichen "
                f"Entscheidungen vor ({rule})"
            )
        return None

    def _prepares(self, committee: Committee) -> bool:
        """Whether gremien.yaml's `committee` is the body the Land's law names (by kind or name)."""
        preparation = self._preparation
        return (
            preparation is not None
            and preparation.body is not None
            and preparation.body
            in (
                committee.kind,
                committee.name,
            )
        )

    @property
    def political_bodies(self) -> list[Committee]:
        """The council and its committees, in the order of gremien.yaml: where Frühe Hilfen are
        reported and discussed."""
        return [c for c in self.committees if not self.is_executive(c)]

    @property
    def responsible_bodies(self) -> list[Committee]:
        """The political bodies responsible for the Frühe Hilfen: not a council of residents that
        is only heard (Ausländerbeirat)."""
        return [c for c in self.political_bodies if not c.is_heard_only]

    def hearing_of(self, body: Committee) -> str:
        """'Der Ausländerbeirat ist in allen wichtigen Angelegenheiten zu hören, die ausländische
        Einwohnerinnen und Einwohner betreffen (§ 88 Abs. 2 HGO).' for a council of residents the
        Land's law names; one it does not name is 'gehört' without a provision."""
        hearing = self.procedure.hearing if self.procedure is not None else None
        name = sentence_start(body.forms.nom)
        if hearing is not None and hearing.council in body.name:
            return f"{name} {hearing.duty} ({hearing.legal_basis})."
        if body.kind == "Ortsbeirat":
            return f"{name} ist zu hören, soweit die Frühen Hilfen {body.forms.possessive} Gebiet berühren."
        return f"{name} wird zu den Frühen Hilfen gehört."

    @property
    def hearings(self) -> list[str]:
        """:meth:`hearing_of` for every council of residents gremien.yaml lists."""
        return [self.hearing_of(c) for c in self.political_bodies if c.is_heard_only]

    @property
    def provisions_to_confirm(self) -> list[str]:
        """The provisions of the Land's law the documents cite that the procedure table marks as not
        read in the law's own text ('geprueft: false'), each with what it is cited for and what was
        read instead: 'validate' names them for the legal office to confirm, as the documents cite
        them without reservation (year-later review)."""
        procedure, found = self.procedure, []
        if procedure is None:
            return []
        hearing = procedure.hearing
        heard = next(
            (c for c in self.political_bodies if c.is_heard_only and hearing and hearing.council in c.name), None
        )
        if hearing is not None and not hearing.verified and heard is not None:
            found.append(f"{hearing.legal_basis} – die Pflicht, {heard.forms.acc} zu hören")
        agreement = self.agreement
        rule = procedure.binding_declaration
        if agreement is not None and agreement.municipal_signature is not None and rule and not rule.verified:
            note = f". {rule.note.rstrip('.')}" if rule.note else ""
            found.append(
                f"{rule.legal_basis} – die Form der Unterschrift für "
                f"{with_article(self.municipality.name, 'acc', 'die Kommune ')} unter der Kooperationsvereinbarung{note}"
            )
        return found

    @property
    def submitter(self) -> str | None:
        """Who submits the papers, for their header: the Magistrat or Kreisausschuss where a collegial
        organ does ('Magistrat'), else the head of the administration (:attr:`head_submitter`)."""
        executive = self.submitting_executive
        return executive.name if executive is not None else self.head_submitter

    @property
    def head_submitter(self) -> str | None:
        """The head of the administration as submitter, by name and title ('Landrätin Dr. Anna
        Berger') or, unnamed, by both titles ('Landrätin oder Landrat'): where no collegial organ
        submits, and for a paper that such an organ does not resolve on."""
        procedure, head = self.procedure, self.municipality.head
        if head is not None:
            return f"{head.title} {head.name}"
        return procedure.head.pair if procedure is not None else None

    @cached_property
    def reporting(self) -> ReportingView:
        """The reporting calendar as it stands on the concept's Stand."""
        from pipeline.model.reporting import ReportingView

        return ReportingView(self, self.version.date)

    # lookups ---------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def goal(self, goal_id: str) -> Goal:
        return self._by_id("goals", self.goals)[goal_id]

    def target_group(self, group_id: str) -> TargetGroup:
        return self._by_id("target_groups", self.target_groups)[group_id]

    def measure(self, measure_id: str) -> Measure:
        return self._measures[measure_id]

    def committee(self, committee_id: str) -> Committee:
        return self._by_id("committees", self.committees)[committee_id]

    def income(self, income_id: str) -> Income:
        return self._by_id("income", self.resources.income)[income_id]

    def expense(self, expense_id: str) -> Expense:
        return self._by_id("expenses", self.resources.expenses)[expense_id]

    def organisation(self, organisation_id: str) -> Organisation:
        return self._by_id("organisations", self.organisations)[organisation_id]

    def position(self, position_id: str) -> Position:
        return self._by_id("positions", self.resources.positions)[position_id]

    def purpose_label(self, purpose: str) -> str:
        """'M3 Willkommensbesuche' for a measure, 'Netzwerkkoordination' for the coordination."""
        return "Netzwerkkoordination" if purpose == COORDINATION else self.measure_labels([purpose])[0]

    def purpose_labels(self, purposes: list[str]) -> list[str]:
        return [self.purpose_label(p) for p in purposes]

    def expense_label(self, expense: Expense, *, recipient: bool = False) -> str:
        """A budget line as a Kämmerei reads it: its own title, and the measure it pays for
        ('Zuwendung Willkommensbesuche (M1)'); coordination lines need no reference. With
        `recipient`, a grant names its Träger ('…, Träger: Caritasverband …'): a council member
        voting on it must know whom it funds (and whether a conflict of interest bars them)."""
        label = expense.title
        if expense.purpose != COORDINATION:
            label = with_note(label, self.measure_number(expense.purpose))
        if recipient and expense.recipient is not None:
            label = f"{label}, Träger: {self.organisation(expense.recipient).name}"
        return label

    def network_body(self, body_id: str) -> NetworkBody:
        return self._by_id("network_bodies", self.network.bodies)[body_id]

    def social_space(self, space_id: str) -> SocialSpace:
        return self._by_id("social_spaces", self.municipality.social_spaces)[space_id]

    @cached_property
    def _lookups(self) -> dict[str, dict[str, Any]]:
        return {}

    def _by_id(self, name: str, items: list[Identified]) -> dict[str, Identified]:
        """The items of one of the concept's lists by id, made once: looking an item up by going
        through the list made every table with a row per item quadratic. Where an id repeats the
        first item wins, as the search did."""
        table = self._lookups.get(name)
        if table is None:
            table = self._lookups[name] = {}
            for item in items:
                table.setdefault(item.id, item)
        return cast(dict[str, Identified], table)

    @cached_property
    def _actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _measures(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}

    @property
    def referenced_files(self) -> list[Path]:
        """Files besides the YAML that the inputs name: the logo, the map and attached PDFs."""
        paths = [p for p in (self.municipality.logo, self.needs_analysis.map) if p]
        return paths + [a.file for p in self.papers for a in p.attachments if a.file]

    @property
    def awaiting_adoption(self) -> bool:
        """The council is still to adopt this Fassung: 'konzept.beschluss' names a planned decision.
        Its documents say 'Entwurf' (the concept, the workbook)."""
        adoption = self.adoption
        return adoption is not None and adoption.status == "geplant"

    @cached_property
    def adoption(self) -> Adoption | None:
        """The decision on this Fassung that 'konzept.beschluss' refers to (by the number or id of
        a decision, else the number of a paper); None if it names neither, as a text written for
        earlier versions does."""
        reference = (self.version.decision or "").strip()
        if not reference:
            return None
        decision = next((d for d in self.decisions if reference in (d.number, d.id)), None)
        if decision is not None:
            return Adoption(
                "beschlossen", decision.number, "Beschluss", decision.date, self.committee(decision.committee)
            )
        paper = next((p for p in self.papers if p.number == reference), None)
        if paper is None:
            return None
        deciding = [c for c in paper.consultations if c.role == "Entscheidung"]
        final = deciding[-1] if deciding else None
        # the council's referral to its committees is no sitting that advises on it (Berlin review)
        before = tuple(
            (c.date, self.committee(c.committee))
            for c in paper.consultations
            if c is not final and c.role != REFERRAL and (final is None or c.date <= final.date)
        )
        return Adoption(
            "geplant",
            paper.number,
            self.paper_kind(paper.kind),
            final.date if final else None,
            self.committee(final.committee) if final else None,
            before,
            tuple(sitting for sitting in before if self.resolves_on_papers(sitting[1])),
            frozenset(
                c.committee
                for c in paper.consultations
                if c is not final and self.meets_in_private(self.committee(c.committee), c.role)
            ),
        )

    # numbering -------------------------------------------------------------------------------

    def goal_number(self, goal_id: str) -> str:
        """Z1, Z2 … for Wirkungsziele; Z1.1, Z1.2 … for Handlungsziele under them."""
        return self.goal_numbers[goal_id]

    @cached_property
    def goal_numbers(self) -> dict[str, str]:
        numbers: dict[str, str] = {}
        impact = self.impact_goals
        for i, goal in enumerate(impact, start=1):
            numbers[goal.id] = f"Z{i}"
            for j, child in enumerate(self.sub_goals(goal.id), start=1):
                numbers[child.id] = f"Z{i}.{j}"
        orphans = [g for g in self.goals if g.id not in numbers]
        for k, goal in enumerate(orphans, start=len(impact) + 1):
            numbers[goal.id] = f"Z{k}"
        return numbers

    def measure_number(self, measure_id: str) -> str:
        """M1, M2 … in the order of massnahmen.yaml."""
        return self._measure_numbers[measure_id]

    @cached_property
    def _measure_numbers(self) -> dict[str, str]:
        return {m.id: f"M{index}" for index, m in enumerate(self.measures, start=1)}

    @cached_property
    def numbered_goals(self) -> list[Goal]:
        """Goals in the order of their numbers: Z1, Z1.1, Z1.2, Z2 …"""
        numbers = self.goal_numbers
        return sorted(self.goals, key=lambda g: _number_order(numbers[g.id]))

    def goal_labels(self, goals: list[str] | list[Goal]) -> list[str]:
        """Numbers of goals given as ids or as goals, in the order of their numbers (Z1, Z1.2,
        Z2 – not 'Z1.2, Z1' as a measure may list them)."""
        numbers = [self.goal_numbers[g if isinstance(g, str) else g.id] for g in goals]
        return sorted(numbers, key=_number_order)

    def goal_label(self, goal: Goal | str) -> str:
        """'Z1 Zugang zu den Frühen Hilfen': the number with the short title, or with the goal's
        sentence (without its full stop), so a reader can place the number anywhere."""
        goal = self.goal(goal) if isinstance(goal, str) else goal
        name = goal.short_title or goal.title
        return f"{self.goal_numbers[goal.id]} {name.removesuffix('.')}"

    def goal_heading(self, goal: Goal) -> str:
        """A goal's heading, a phrase and no sentence: 'Z1 Zugang zu den Frühen Hilfen', or
        'Wirkungsziel Z1' where no short title is given."""
        if goal.short_title:
            return self.goal_label(goal)
        return f"{goal.kind} {self.goal_numbers[goal.id]}"

    def goal_legend(self, goal_ids: list[str]) -> list[str]:
        """The labels of the goals a table names by number, each once, in the order of their
        numbers: the key under the table."""
        wanted = set(goal_ids)
        return [self.goal_label(g) for g in self.numbered_goals if g.id in wanted]

    def measure_labels(self, measure_ids: list[str]) -> list[str]:
        """'M3 Willkommensbesuche' for each measure."""
        return [f"{self.measure_number(m)} {self.measure(m).title}" for m in measure_ids]

    # goals and target groups -----------------------------------------------------------------

    @property
    def impact_goals(self) -> list[Goal]:
        return [g for g in self.goals if g.kind == "Wirkungsziel"]

    def sub_goals(self, goal_id: str) -> list[Goal]:
        return [g for g in self.goals if g.parent == goal_id]

    @property
    def unparented_action_goals(self) -> list[Goal]:
        return [g for g in self.goals if g.kind == "Handlungsziel" and g.parent is None]

    @property
    def indicator_pairs(self) -> list[tuple[Goal, Indicator]]:
        """Every indicator with its goal, in the order of the goals' numbers."""
        # by number, whatever the order of ziele.yaml: a Handlungsziel written after the next
        # Wirkungsziel put Z2.1 before Z1.2 in the tables (NRW review)
        return [(g, i) for g in self.numbered_goals for i in g.indicators]

    @staticmethod
    def reading_legend(pairs: list[tuple[Goal, Indicator]]) -> list[tuple[str, str]]:
        """What the readings in a table of these indicators mean (:func:`summary.reading_legend`)."""
        from pipeline.model.summary import reading_legend

        return reading_legend([indicator.assessment for _, indicator in pairs])

    def measures_for_goal(self, goal_id: str) -> list[Measure]:
        return [m for m in self.measures if goal_id in m.goals]

    def goals_for_target_group(self, group_id: str) -> list[Goal]:
        return [g for g in self.goals if group_id in g.target_groups]

    def target_group_names(self, group_ids: list[str]) -> list[str]:
        return [self.target_group(t).name for t in group_ids]

    def target_groups_listed(self, group_ids: list[str], first_in_text: bool = False) -> str:
        """'Werdende Eltern; junge und alleinerziehende Eltern': names after a semicolon stand
        inside the line (a reader of the Maßnahmenplan saw 'Lebenslagen; Junge …'); the first
        too where something leads into it ('mittelbar: werdende Eltern')."""
        names = self.target_group_names(group_ids)
        return "; ".join(
            name if index == 0 and not first_in_text else in_running_text(name) for index, name in enumerate(names)
        )

    def actors_listed(self, actor_ids: list[str]) -> str:
        """Actors' names after the first as inside a line ('…; freiberufliche Hebammen')."""
        return "; ".join(names_in_line(self.actor(a) for a in actor_ids))

    def social_space_names(self, space_ids: list[str]) -> list[str]:
        return [self.social_space(s).name for s in space_ids]

    @property
    def measures_by_status(self) -> dict[str, list[Measure]]:
        grouped: dict[str, list[Measure]] = defaultdict(list)
        for measure in self.measures:
            grouped[measure.status].append(measure)
        return dict(grouped)

    @property
    def sgb2_share(self) -> Decimal | None:
        """Share (%) of children under three living in households receiving SGB II."""
        m = self.municipality
        if m.children_under_three_sgb2 is None or not m.children_under_three:
            return None
        return Decimal(m.children_under_three_sgb2) * 100 / m.children_under_three

    # actors and the network ------------------------------------------------------------------

    def responsibility(self, actor_id: str, measure_id: str) -> str:
        """'F' for the lead, 'B' for a participant, '' otherwise (Zuständigkeitsmatrix)."""
        return _responsibility(self.measure(measure_id), actor_id)

    @property
    def actors_in_matrix(self) -> list[Actor]:
        """Actors that lead or join at least one measure, in file order."""
        return self._involved(self.measures)

    def _involved(self, measures: list[Measure]) -> list[Actor]:
        involved = {m.lead for m in measures} | {a for m in measures for a in m.participants}
        return [a for a in self.actors if a.id in involved]

    @cached_property
    def responsibility_tables(self) -> list[ResponsibilityTable]:
        """The Zuständigkeitsmatrix as tables of at most :data:`MATRIX_MEASURES` measures, each
        with the actors that lead or join one of them: one table for a usual concept, and for a
        very large one tables a page can hold (Word allows 63 columns) whose cells grow with the
        measures, not with measures times actors."""
        tables, start = [], 0
        for measures in in_even_parts(self.measures, MATRIX_MEASURES):
            rows = tuple((a, tuple(_responsibility(m, a.id) for m in measures)) for a in self._involved(measures))
            numbers = tuple(range(start + 1, start + len(measures) + 1))
            titles = tuple(f"M{n} {m.title}" for n, m in zip(numbers, measures, strict=True))
            tables.append(ResponsibilityTable(numbers, rows, titles))
            start += len(measures)
        return tables

    @property
    def actors_without_measure(self) -> list[Actor]:
        """Actors who lead or join no measure: the Zuständigkeitsmatrix has no row for them, and a
        reader missing three of 18 took it for an error (Saxon review)."""
        involved = {a.id for t in self.responsibility_tables for a, _ in t.rows}
        return [a for a in self.actors if a.id not in involved]

    @property
    def sectors(self) -> list[str]:
        """The sectors the actors come from, the steering Kinder- und Jugendhilfe first, then the
        health system and the others (:data:`SECTORS`; alphabetically the Jugendamt came fourth,
        after Bildung and Frühförderung – a Netzwerkkoordinatorin)."""
        present = {a.sector for a in self.actors}
        return [s for s in SECTORS if s in present]

    def actors_in_sector(self, sector: str) -> list[Actor]:
        return [a for a in self.actors if a.sector == sector]

    def actors_with_form(self, form: str) -> list[Actor]:
        return [a for a in self.actors if a.organisation_form == form]

    @property
    def organisation_forms(self) -> list[str]:
        present = {a.organisation_form for a in self.actors}
        return [f for f in ORGANISATION_FORMS if f in present]

    def actor_names(self, actor_ids: list[str]) -> list[str]:
        return [self.actor(a).name for a in actor_ids]

    def actor_names_in_text(self, actor_ids: list[str]) -> list[str]:
        """Actors' names inside a sentence: a group's lowered where it begins with an adjective
        ('freiberufliche Hebammen'), an institution's as it is (a legal review found
        „familienbildungsstätte Musterstadt“ and „koordinierungsstelle Frühe Hilfen“ in the
        agreement's lists of members)."""
        return [self.actor(a).name_in_text for a in actor_ids]

    @property
    def coordination_actor(self) -> Actor | None:
        """The Netzwerkkoordination as an actor of the network (id 'netzwerkkoordination', the
        purpose its money is booked for), if the inputs have it."""
        return next((a for a in self.actors if a.id == COORDINATION), None)

    @property
    def coordination_positions(self) -> list[Position]:
        """The staff positions that work for the Netzwerkkoordination."""
        return [p for p in self.resources.positions if p.actor == COORDINATION]

    def position_booked_with(self, position: Position) -> list[str]:
        """The measures whose Aufwand holds a position's cost ('M1'), where it is not booked to the
        Netzwerkkoordination itself: its table listed 1,75 VZÄ, the sentence below it the cost of
        1,0 (NRW review: the other 0,75 VZÄ were M1's)."""
        purposes = {e.purpose for e in self.resources.expenses if e.position == position.id}
        return sorted(
            (self.measure_number(p) for p in purposes if p != COORDINATION and p in self._measure_numbers),
            key=lambda number: int(number[1:]),
        )

    @property
    def coordination_grants(self) -> list[list[Income]]:
        """Grants that pay for the Netzwerkkoordination (among other purposes), the lines of one
        grant across the years together: of one source, where it has one line a year – its title may
        change with the posts it pays (Bavarian review: 'Hinzu kommt eine Zuwendung des Freistaates
        Bayern' twice for the KoKi's grant of two years) –, else of one source and title."""
        lines = [line for line in self.budget.income_lines if COORDINATION in line.purposes]
        years: dict[str, list[int]] = {}
        for line in lines:
            years.setdefault(line.source, []).append(line.year)
        grouped: dict[tuple[str, str], list[Income]] = {}
        for line in lines:
            yearly = len(set(years[line.source])) == len(years[line.source])
            grouped.setdefault((line.source, "" if yearly else line.title), []).append(line)
        return list(grouped.values())

    @property
    def coordination_grant_phrases(self) -> list[str]:
        """Each grant for the coordination with its amount and state per year, and what else it
        pays for, to follow 'aus einer Zuwendung': 'der Bundesstiftung Frühe Hilfen (Förderbereich
        I …): 38.900,00 € im Jahr 2026 und 42.800,00 € im Jahr 2027 (beantragt); die Zuwendung
        finanziert auch M16 und M17' – the finance review read '(2026 und 2027)' as promised for
        both years, a network coordinator tripped over the source and label after a colon."""
        phrases = []
        for lines in self.coordination_grants:
            first = lines[0]
            same = len({i.label for i in lines}) == 1
            amounts = enumeration(
                [
                    f"{euro(i.amount)} im Jahr {i.year}{i.standing_note}"
                    if same
                    else f"{euro(i.amount)} im Jahr {i.year} {bracketed(i.label_with_standing)}"
                    for i in lines
                ]
            )
            others = list(dict.fromkeys(p for i in lines for p in i.purposes if p != COORDINATION))
            also = (
                f"; die Zuwendung finanziert auch {enumeration([self.measure_number(p) for p in others])}"
                if others
                else ""
            )
            label = f" {bracketed(first.label)}" if same else ""
            phrases.append(f"{self.municipality.source_genitive(first.source)}{label}: {amounts}{also}")
        return phrases

    @property
    def bodies_led_by_coordination(self) -> list[NetworkBody]:
        return [b for b in self.network.bodies if b.chair == COORDINATION]

    @property
    def actors_with_agreement(self) -> list[Actor]:
        """Signed the (earlier) agreement, or someone signed it for them."""
        return [a for a in self.actors if a.agreement_signed is not None]

    @cached_property
    def _jointly_signed_earlier(self) -> list[Actor]:
        """Groups the earlier agreement was signed for together, which that signature does not
        bind: Kitas of many Träger, freelance midwives (Netzwerkkoordinatorin review: they were
        counted among the bound actors)."""
        from pipeline.model.agreement import accedes_one_by_one

        named = self.agreement.settings.individual_accession if self.agreement else ()
        return [a for a in self.actors_with_agreement if accedes_one_by_one(a, named)]

    @property
    def signed_jointly(self) -> list[Actor]:
        """:attr:`_jointly_signed_earlier` while that agreement still binds at the Stand."""
        return self._jointly_signed_earlier if self._earlier_agreement_binds(self.version.date) else []

    @property
    def agreement_in_force(self) -> Agreement | None:
        """This Fassung's agreement where it took effect by the Stand: it, not the earlier one the
        actors' dates record, binds now (Saxon year-later review: „An die bisherige Vereinbarung
        sind 14 von 22 gebunden“ beside „ihre Unterschriften binden 18 der 22“)."""
        agreement = self.agreement
        return agreement if agreement is not None and agreement.in_force_since is not None else None

    def _earlier_agreement_binds(self, day: dt.date) -> bool:
        """The agreement the actors' dates record still binds those who signed it on `day`: until
        its notice takes effect ('bisherige_endet'; without one, until they sign the new one – as
        the agreement itself says), also where it ended before the new one began (diff review: a
        gap)."""
        ends = self.agreement.previous_ends if self.agreement is not None else None
        return ends is None or day <= ends

    @cached_property
    def bound_now(self) -> list[Actor]:
        """The actors bound at the Stand, by the agreement in force or the earlier one."""
        return self.bound_on(self.version.date)

    @cached_property
    def _bound_ids(self) -> tuple[frozenset[str], frozenset[str]]:
        """The ids of :attr:`bound_now` and of :attr:`bound_by_agreement`, asked of each actor of
        a long table (a list each time made it quadratic)."""
        return frozenset(a.id for a in self.bound_now), frozenset(a.id for a in self.bound_by_agreement)

    @cached_property
    def bound_only_by_earlier(self) -> list[Actor]:
        """Bound at the Stand by the earlier agreement alone: they have not signed the one in force."""
        current = self.agreement_in_force
        if current is None:
            return []
        return [a for a in self.bound_now if not current.bound(a)]

    @cached_property
    def bound_only_by_earlier_ids(self) -> frozenset[str]:
        """The ids of :attr:`bound_only_by_earlier`, asked of each actor of a paper's table."""
        return frozenset(a.id for a in self.bound_only_by_earlier)

    @property
    def bound_by_this_label(self) -> list[Actor]:
        """The actors bound by what :attr:`bound_by_label` names: the agreement in force, or the
        earlier one while this Fassung's is not yet (diff review: chapter 3 and the papers counted
        those bound only by the earlier one under 'an die Kooperationsvereinbarung', chapter 8 not)."""
        current = self.agreement_in_force
        if current is None:
            return self.bound_by_agreement
        return [a for a in self.bound_now if a.id not in self.bound_only_by_earlier_ids]

    @property
    def bound_with_dates(self) -> list[tuple[Actor, dt.date]]:
        """The actors bound by what :attr:`bound_by_label` names, with the day since when, earliest
        first: the table of bound actors (those bound only by the earlier one stand in a sentence)."""
        dated = [(a, self.bound_since(a)) for a in self.bound_now if a.id not in self.bound_only_by_earlier_ids]
        return sorted(((a, d) for a, d in dated if d is not None), key=lambda pair: pair[1])

    def bound_since(self, actor: Actor) -> dt.date | None:
        """Since when the actor is bound without a break: its signature of the earlier agreement
        where the one in force took it over, else the day that one took effect; None where
        nothing binds it at the Stand."""
        current = self.agreement_in_force
        now, earlier = self._bound_ids
        if actor.id not in now:
            return None
        if current is None or current.in_force_since is None or not current.bound(actor):
            return actor.agreement_signed
        ends = current.previous_ends
        unbroken = ends is None or ends >= current.in_force_since - dt.timedelta(days=1)
        signed = actor.agreement_signed
        # since the earlier signature only without a gap, and never later than the start (diff review)
        if actor.id in earlier and unbroken and signed is not None:
            return min(signed, current.in_force_since)
        return current.in_force_since

    @cached_property
    def signed_jointly_ids(self) -> frozenset[str]:
        """The ids of :attr:`signed_jointly`, for asking of each actor of a long table (comparing
        the models themselves made a paper on 5,000 actors quadratic)."""
        return frozenset(a.id for a in self.signed_jointly)

    @property
    def bound_by_agreement(self) -> list[Actor]:
        """Bound as a whole by the (earlier) agreement: signed, and not a group signed for jointly."""
        jointly = {a.id for a in self._jointly_signed_earlier}
        return [a for a in self.actors_with_agreement if a.id not in jointly]

    def bound_on(self, day: dt.date) -> list[Actor]:
        """Bound on `day` (what an indicator counting its partners should say): those of
        :attr:`bound_by_agreement` who had signed by then; from the day the agreement in force
        took effect its partners, with those of the earlier one while it still binds them."""
        earlier = _signed_by(self.bound_by_agreement, day) if self._earlier_agreement_binds(day) else []
        current = self.agreement_in_force
        if current is None or current.in_force_since is None or day < current.in_force_since:
            return earlier
        kept = {a.id for a in earlier}
        return [a for a in self.actors if a.id in kept or current.bound(a)]

    def signed_jointly_on(self, day: dt.date) -> list[Actor]:
        """The groups of :attr:`signed_jointly` signed for by `day`, while that agreement binds."""
        if not self._earlier_agreement_binds(day):
            return []
        return _signed_by(self._jointly_signed_earlier, day)

    @property
    def first_agreement(self) -> bool:
        """The agreement of this Fassung is the network's first: nobody signed an earlier one
        (Hamburg and Saarland reviews: '0 von ihnen sind an die bisherige Kooperationsvereinbarung
        gebunden' and 'die neue Kooperationsvereinbarung' where none existed)."""
        return self.agreement is not None and not self.actors_with_agreement

    @property
    def agreement_of_this_version(self) -> str:
        """'die erste Kooperationsvereinbarung' or 'die neue …' – what the papers and the quality
        chapter call the agreement concluded with this Fassung; once in force at the Stand, 'die seit
        dem 01.07.2027 geltende …' (year-later reviews: a year on it was still 'die neue')."""
        agreement = self.agreement
        since = agreement.in_force_since if agreement is not None else None
        if since is not None:
            return f"die seit dem {german_date(since)} geltende Kooperationsvereinbarung"
        return f"die {'erste' if self.first_agreement else 'neue'} Kooperationsvereinbarung"

    @property
    def bound_by_label(self) -> str:
        """What the actors' signatures bind them to: the 'bisherige' agreement where a new one is
        being concluded (one wording for the concept's chapters and the papers)."""
        pending = self.agreement is not None and self.agreement_in_force is None
        return "bisherige Kooperationsvereinbarung" if pending else "Kooperationsvereinbarung"

    @property
    def contributors(self) -> list[Actor]:
        return [self.actor(a) for a in self.version.contributors]

    @property
    def presented_in(self) -> list[NetworkBody]:
        """The network bodies this version was presented and discussed in."""
        return [self.network_body(b) for b in self.version.presented_in]

    @property
    def participants(self) -> list[Actor]:
        """Who took part in this version: its writers and every member of a network body it
        was presented and discussed in, in the order of akteure.yaml. The concept's text, the
        papers and quality goal 5.2.1 all count participation this one way."""
        reached = set(self.version.contributors) | {
            m for body in self.presented_in for m in (body.chair, *body.members)
        }
        return [a for a in self.actors if a.id in reached]

    @property
    def not_participating(self) -> list[Actor]:
        """Actors neither among the writers nor in a body the version was discussed in."""
        taking_part = {a.id for a in self.participants}
        return [a for a in self.actors if a.id not in taking_part]

    def measures_for_quality_goal(self, goal_id: str) -> list[Measure]:
        """Measures that name a goal of the Qualitätsrahmen as what they work towards."""
        return [m for m in self.measures if goal_id in m.quality_goals]

    @property
    def actors_in_bodies(self) -> list[Actor]:
        """Actors that lead or sit in at least one network body, in file order: the rows of the
        membership table, which names each member once."""
        seated = {b.chair for b in self.network.bodies} | {a for b in self.network.bodies for a in b.members}
        return [a for a in self.actors if a.id in seated]

    @cached_property
    def recommended_paths(self) -> tuple[CoordinationPath, ...]:
        """Abstimmungswege that start at an actor no signature of the Kooperationsvereinbarung
        binds (a practice, a freelance midwife): recommendations until it accedes. None without
        an agreement."""
        agreement = self.agreement
        return tuple(agreement.recommendations) if agreement else ()

    def is_recommended(self, path: CoordinationPath) -> bool:
        """Whether the path is one of :attr:`recommended_paths`, asked of each row of a table."""
        return self.agreement is not None and self.agreement.is_recommendation(path)

    @property
    def actors_without_path(self) -> list[Actor]:
        """Actors for which no binding coordination path (Abstimmungsweg) is agreed, as sender
        or recipient; a recommendation does not count."""
        recommended = {id(p) for p in self.recommended_paths}  # by identity: pydantic's == compares every field
        binding = [p for p in self.network.paths if id(p) not in recommended]
        on_path = {p.sender for p in binding} | {p.recipient for p in binding}
        return [a for a in self.actors if a.id not in on_path]

    @property
    def paths_binding_from(self) -> dt.date | None:
        """The day the agreed Abstimmungswege become binding, where that lies after the concept's
        Stand: the start of the Kooperationsvereinbarung that lays them down (the review read
        'hat vereinbart' of paths an unsigned agreement will only bind)."""
        agreement = self.agreement
        start = agreement.start if agreement is not None else None
        return start if start is not None and start > self.version.date else None

    @property
    def actors_with_recommendation_only(self) -> list[Actor]:
        """Actors whose only Abstimmungswege are recommendations (:attr:`recommended_paths`) until
        they accede: not those the agreement binds already, for whom a path is a recommendation only
        because the other side has not acceded (review in Niedersachsen: the Caritas' Beratungsstelle,
        bound by its Träger's signature and only the recipient of the Kinderärzte's path, was said to
        be bound 'bis zum Beitritt' only by recommendations)."""
        on_path = {p.sender for p in self.recommended_paths} | {p.recipient for p in self.recommended_paths}
        bound = {a.id for a in self.agreement.bound_actors} if self.agreement is not None else set()
        return [a for a in self.actors_without_path if a.id in on_path and a.id not in bound]

    @property
    def actors_with_no_path(self) -> list[Actor]:
        """Actors without any Abstimmungsweg, not even a recommendation: :attr:`actors_without_path`
        less :attr:`actors_with_recommendation_only` (by id: comparing the models was quadratic)."""
        recommended = {a.id for a in self.actors_with_recommendation_only}
        return [a for a in self.actors_without_path if a.id not in recommended]

    @property
    def bound_actors_without_path(self) -> list[Actor]:
        """Actors the Kooperationsvereinbarung binds although no Abstimmungsweg is agreed for them
        (a paper names them). By id: the template compared the models pairwise, some 250,000
        field-by-field comparisons for 500 actors."""
        bound = {a.id for a in self.agreement.bound_actors} if self.agreement is not None else set()
        return [a for a in self.actors_without_path if a.id in bound]

    @property
    def network_meetings_per_year(self) -> int:
        return sum(b.sittings for b in self.network.bodies)

    # committees ------------------------------------------------------------------------------

    def papers_in(self, committee_id: str) -> list[tuple[dt.date, Paper]]:
        """Every paper discussed or to be discussed by a body, with the sitting's date."""
        return sorted(
            ((c.date, p) for p in self.papers for c in p.consultations if c.committee == committee_id),
            key=lambda pair: pair[0],
        )
