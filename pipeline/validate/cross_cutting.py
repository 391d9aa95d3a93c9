"""Plausibility of querschnitt.yaml and of the indicators' documentation (warnings).

References between the new chapters and the rest of the inputs are checked like every other
reference (:mod:`.references`); what is possible but probably a mistake is looked for here: an
indicator nobody knows how to collect, data passed on under a child-protection norm to someone
the norm does not allow, a child-protection contact outside the Kinder- und Jugendhilfe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.findings import WARNING, Finding, at
from pipeline.formatting import agree, enumeration
from pipeline.model.concept import Concept
from pipeline.model.topics import CHILD_PROTECTION_GROUNDS, restates
from pipeline.validate.rules import WARNINGS, warning

#: Where the chapters' data stand.
FILE = "querschnitt.yaml"
#: The fields an indicator needs to be collected reliably, with how a message names them.
DOCUMENTATION = (
    ("source", "quelle", "Quelle"),
    ("method", "methode", "Methode"),
    ("responsible", "verantwortlich", "Zuständigkeit"),
)


@WARNINGS.rule("indikatoren-dokumentiert")
def indicators_documented(concept: Concept) -> Iterator[Finding]:
    """An indicator without source, method or someone responsible has a target but no way to
    the next value: documentation and evaluation is a dimension of the Qualitätsrahmen."""
    for g_index, goal in enumerate(concept.goals):
        for i_index, indicator in enumerate(goal.indicators):
            missing = [(key, label) for name, key, label in DOCUMENTATION if not getattr(indicator, name)]
            if not missing:
                continue
            keys = ", ".join(f"'{key}'" for key, _ in missing)
            yield warning(
                "ziele.yaml",
                ("ziele", g_index, "indikatoren", i_index, "name"),
                f"Zum Indikator „{indicator.name}“ {agree(len(missing), 'fehlt', 'fehlen')} "
                f"{enumeration([label for _, label in missing])} ({keys}). "
                "Ohne sie bleibt offen, wie der nächste Wert zustande kommt; das Kapitel „Dokumentation und "
                "Evaluation“ zeigt die Lücke.",
            )


@WARNINGS.rule("weitergabe-im-kinderschutz")
def child_protection_transfers(concept: Concept) -> Iterator[Finding]:
    """§ 4 KKG and § 8a SGB VIII allow passing on what is needed to protect a child to the
    Jugendamt (and, pseudonymised, to an insoweit erfahrene Fachkraft) – not to other partners,
    who need the parents' consent."""
    section = concept.topics.data_protection
    if section is None:
        return
    protection = concept.topics.child_protection
    if protection is not None:
        allowed = {protection.youth_office} | {a.actor for a in protection.advice}
        allowed_text = "die Ansprechstelle im Jugendamt und die insoweit erfahrenen Fachkräfte"
    else:
        allowed = {a.id for a in concept.actors_in_sector("Kinder- und Jugendhilfe")}
        allowed_text = "Stellen der Kinder- und Jugendhilfe"
    office = protection.youth_office if protection is not None else None
    # who informs the Jugendamt under these grounds: they may hear back from it
    informing = {
        sender
        for flow in section.flows
        if flow.basis in CHILD_PROTECTION_GROUNDS and office in flow.recipients
        for sender in flow.senders
    }
    for index, flow in enumerate(section.flows):
        if flow.basis not in CHILD_PROTECTION_GROUNDS:
            continue
        if (
            flow.basis == "§ 4 KKG"
            and office is not None
            and set(flow.senders) == {office}
            and set(flow.recipients) <= informing
        ):
            # the Jugendamt's feedback to whom informed it (§ 4 Abs. 4 KKG: whether it sees the
            # indications confirmed and has acted) – the provision itself allows it (RLP review);
            # to anyone else, § 4 KKG allows nothing (re-check: a Hilfeplan to the Jobcenter passed)
            continue
        others = [r for r in flow.recipients if r not in allowed]
        if others:
            yield warning(
                FILE,
                ("datenschutz", "weitergaben", index, "an"),
                f"Nach {flow.basis} gehen Angaben nur an {allowed_text}, nicht an "
                f"{enumeration(concept.actor_names(others))}. Für sie braucht es die Einwilligung der Eltern "
                "(grundlage: Einwilligung).",
            )


@WARNINGS.rule("kinderschutz-im-jugendamt")
def child_protection_in_youth_office(concept: Concept) -> Iterator[Finding]:
    """Notifications under § 4 KKG and § 8a SGB VIII go to the Jugendamt: a contact from
    another sector is most often a mix-up of ids."""
    office = concept.topics.youth_office
    if office is not None and office.sector != "Kinder- und Jugendhilfe":
        yield warning(
            FILE,
            ("kinderschutz", "jugendamt"),
            f"„{office.name}“ gehört zum Sektor {office.sector}. Mitteilungen nach § 4 KKG und § 8a SGB VIII nimmt "
            "das Jugendamt entgegen, meist der Allgemeine Soziale Dienst; bitte die Kennung prüfen.",
        )


@WARNINGS.rule("fachberatung-doppelt")
def advice_named_twice(concept: Concept) -> Iterator[Finding]:
    """The tool adds the advice as an insoweit erfahrene Fachkraft (kinderschutz.fachberatung) to
    the actor's Zuständigkeiten; a line of the actor's own that names it in other words would stand
    beside it as a second duty (a line the added one merely continues is replaced silently)."""
    lines = {a.actor.id: a.responsibility for a in concept.topics.advice}
    for a_index, actor in enumerate(concept.actors):
        added = lines.get(actor.id)
        if added is None:
            continue
        for r_index, written in enumerate(actor.responsibilities):
            if "insoweit erfahren" in written.casefold() and not restates(added, written):
                yield warning(
                    "akteure.yaml",
                    ("akteure", a_index, "zustaendigkeiten", r_index),
                    f"„{written}“ nennt die Beratung als insoweit erfahrene Fachkraft, die {FILE} "
                    f"(kinderschutz.fachberatung) schon unter den Zuständigkeiten ergänzt: „{added}“. "
                    "Bitte die Zeile hier streichen, sonst steht die Aufgabe zweimal da.",
                )


def _health_sender(concept: Concept, actor: str) -> bool:
    """An actor of the health sector outside the Jugendamt: a Berufsgeheimnisträger."""
    return concept.actor(actor).sector == "Gesundheitswesen" and not concept.actor(actor).in_youth_office


def _youth_welfare_service(concept: Concept, actor: str) -> bool:
    """A health-sector service run by a freier Träger (Familienhebammen of the SkF, financed by the
    Jugendamt under § 16 SGB VIII): its staff fall under the Träger's agreement by § 8a Abs. 4 SGB VIII
    besides § 4 KKG, so a Weitergabe on § 8a is no mix-up (RLP review)."""
    carrier = concept.actor(actor).carrier
    return carrier is not None and concept.organisation(carrier).kind == "freier Träger"


def _health_flows(concept: Concept, basis: str) -> Iterator[tuple[int, list[str]]]:
    """(index, senders) of the Weitergaben on `basis` with senders from the health sector outside
    the Jugendamt, those senders only: the rules on § 8a and on consent look at the same ones."""
    section = concept.topics.data_protection
    for index, flow in enumerate(section.flows if section is not None else ()):
        health = [a for a in flow.senders if _health_sender(concept, a)] if flow.basis == basis else []
        if health:
            yield index, health


#: What the rules on § 8a SGB VIII for the health sector say, on Weitergaben and on Abstimmungswege.
_SECTION_4 = "Angehörige der Heilberufe informieren das Jugendamt nach § 4 KKG"


@WARNINGS.rule("kinderschutz-heilberufe")
def health_professions_under_section_4(concept: Concept) -> Iterator[Finding]:
    """§ 8a Abs. 4 SGB VIII binds the professionals of Träger that provide Kinder- und Jugendhilfe;
    doctors, midwives, clinics and the Gesundheitsamt's Familienhebammen are Berufsgeheimnisträger
    and inform the Jugendamt under § 4 KKG. A transfer under § 8a from the health sector mixes the two
    – unless the actor belongs to the Jugendamt ('im_jugendamt': Familienhebammen employed there),
    whose staff assess a risk under § 8a Abs. 1 and never 'inform the Jugendamt' under § 4 KKG."""
    section = concept.topics.data_protection
    if section is None:
        return
    for index, flow in enumerate(section.flows):
        if flow.basis == "§ 4 KKG":
            inside = [a for a in flow.senders if concept.actor(a).in_youth_office]
            if inside:
                yield warning(
                    FILE,
                    ("datenschutz", "weitergaben", index, "von"),
                    f"{enumeration(concept.actor_names(inside))} {agree(len(inside), 'gehört', 'gehören')} zum "
                    "Jugendamt (im_jugendamt: ja). Für seine Fachkräfte gilt § 8a Abs. 1 SGB VIII, § 4 KKG betrifft "
                    "Berufsgeheimnisträgerinnen und -träger außerhalb des Jugendamts. Bitte für sie eine eigene "
                    "Weitergabe mit 'grundlage: \"§ 8a SGB VIII\"' eintragen.",
                )
    for index, found in _health_flows(concept, "§ 8a SGB VIII"):
        health = [a for a in found if not _youth_welfare_service(concept, a)]
        if not health:
            continue
        yield warning(
            FILE,
            ("datenschutz", "weitergaben", index, "von"),
            f"{enumeration(concept.actor_names(health))} {agree(len(health), 'gehört', 'gehören')} zum "
            f"Gesundheitswesen. {_SECTION_4}; § 8a Abs. 4 SGB VIII gilt für Fachkräfte von Trägern der Kinder- und "
            "Jugendhilfe. Bitte für sie eine eigene Weitergabe mit 'grundlage: \"§ 4 KKG\"' eintragen.",
        )


#: § 8a SGB VIII cited in an Abstimmungsweg's text ('§ 8a Abs. 1 SGB VIII', '§ 8a SGB VIII').
_SECTION_8A = re.compile(r"§\s*8a(?:\s*(?:Abs\.|Absatz)\s*\d)?\s*SGB\s*VIII")


@WARNINGS.rule("kinderschutz-heilberufe-wege")
def health_paths_under_section_4(concept: Concept) -> Iterator[Finding]:
    """The rule on Weitergaben for the Abstimmungswege' own text: the Gesundheitsamt's Familienhebammen
    stood under 'Gefährdungseinschätzung mit dem ASD (§ 8a Abs. 1 SGB VIII)' in netzwerk.yaml and under
    § 4 KKG in querschnitt.yaml, and the concept printed both (Saxon review)."""
    for index, path in enumerate(concept.network.paths):
        if not _health_sender(concept, path.sender) or _youth_welfare_service(concept, path.sender):
            continue
        for key, text in (("anlass", path.occasion), ("form", path.form)):
            found = _SECTION_8A.search(text)
            if found:
                yield warning(
                    "netzwerk.yaml",
                    ("abstimmungswege", index, key),
                    f"„{found[0]}“ steht auf einem Weg von „{concept.actor(path.sender).name}“, einem Akteur des "
                    f"Gesundheitswesens außerhalb des Jugendamts. {_SECTION_4}; § 8a SGB VIII gilt für das Jugendamt und "
                    "die Träger der Kinder- und Jugendhilfe. Bitte „§ 4 KKG“ nennen.",
                )


#: Weitergaben that carry no data about a family that could identify it: they do not cover a path.
_WITHOUT_PERSONAL_DATA = ("anonymisiert", "pseudonymisiert")


@WARNINGS.rule("abstimmungsweg-ohne-weitergabe")
def paths_have_their_data_flows(concept: Concept) -> Iterator[Finding]:
    """An Abstimmungsweg passes a family from one place to another, and with it data about the
    family; the overview of Weitergaben says on what ground. A path between two places that no
    Weitergabe covers leaves the overview incomplete and its count of grounds wrong (coordinator
    review: five paths of Musterkreis were missing, among them one under § 8a Abs. 4 SGB VIII).
    Paths inside the Jugendamt (its contact for child protection, the coordination, services
    'im_jugendamt') or inside one free Träger (volunteers and their coordination) need none: one
    body, no transfer to another place; nor does a path marked 'personenbezogen: nein'. (Two
    services of one public Träger, such as Gesundheitsamt and Jugendamt, are two places.)"""
    section = concept.topics.data_protection
    if section is None:
        return
    office = concept.topics.youth_office
    coordination = concept.coordination_actor
    inside = {a.id for a in concept.topics.inside_youth_office}
    inside |= {x.id for x in (office, coordination) if x is not None}
    named = [f for f in section.flows if f.basis not in _WITHOUT_PERSONAL_DATA]
    for index, path in enumerate(concept.network.paths):
        if not path.personal or (path.sender in inside and path.recipient in inside):
            continue
        carriers = {concept.actor(a).carrier for a in (path.sender, path.recipient)}
        carrier = carriers.pop() if len(carriers) == 1 else None
        if carrier is not None and not _public(concept, carrier):
            continue
        if any((not f.senders or path.sender in f.senders) and path.recipient in f.recipients for f in named):
            continue
        sender, recipient = concept.actor(path.sender).name, concept.actor(path.recipient).name
        yield Finding(
            at("netzwerk.yaml", "abstimmungswege", index, "von"),
            f"Auf dem Abstimmungsweg von „{sender}“ an „{recipient}“ gehen Angaben über eine Familie weiter, "
            "aber keine Weitergabe in querschnitt.yaml (datenschutz, weitergaben) nennt ihn. Die Übersicht im "
            "Kapitel Datenschutz bleibt so unvollständig.",
            WARNING,
            suggestion=(
                f"Unter 'weitergaben' eine Weitergabe mit von: [{path.sender}] und an: [{path.recipient}] eintragen, "
                "mit ihrer Grundlage (Einwilligung, Schweigepflichtentbindung, § 4 KKG oder § 8a SGB VIII)."
            ),
        )


def _public(concept: Concept, organisation: str) -> bool:
    return concept.organisation(organisation).public


@WARNINGS.rule("einwilligung-heilberufe")
def health_professions_need_a_release(concept: Concept) -> Iterator[Finding]:
    """A clinic, a practice or a midwife may pass on what a family entrusted to them only when the
    family releases them from their professional secrecy (§ 203 StGB); a consent to pass on contact
    data is not that release. A Weitergabe from the health sector on 'Einwilligung' – a Babylotsin
    handing on 'Name, Anschrift und Anliegen' – needs 'Schweigepflichtentbindung' (health-sector
    review: both examples' Lotsendienste had only the consent)."""
    for index, health in _health_flows(concept, "Einwilligung"):
        yield warning(
            FILE,
            ("datenschutz", "weitergaben", index, "grundlage"),
            f"{enumeration(concept.actor_names(health))} {agree(len(health), 'unterliegt', 'unterliegen')} der "
            "Schweigepflicht (§ 203 StGB): Was eine Familie dort anvertraut, darf nur weitergegeben werden, wenn "
            "sie von der Schweigepflicht entbindet; eine Einwilligung in die Weitergabe von Kontaktdaten genügt "
            "dafür nicht. Bitte für sie eine eigene Weitergabe mit 'grundlage: Schweigepflichtentbindung' "
            "eintragen.",
        )
