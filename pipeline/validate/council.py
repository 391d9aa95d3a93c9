"""Council papers: the rules of council procedure that a single paper file cannot check alone.

:data:`PAPER_RULES` look at one paper with the committees and budget lines around it
(:class:`PaperCase`); :data:`RULES` look at all papers together and run the paper rules on
each. The paper rules reason about a paper's whole Beratungsfolge and all bodies, so they only run
on papers whose own file parsed completely, and only while gremien.yaml and ressourcen.yaml did.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.findings import WARNING, Finding, RuleSet, at, format_path
from pipeline.formatting import enumeration, german_date, in_state, number, safe_file_part, sentence_start
from pipeline.model.concept import is_finance_committee
from pipeline.model.grammar import Forms, Gender, definite, head_of, kind_gender, title_with_article
from pipeline.model.inputs import (
    DELIBERATED_FOLDER,
    ActorFile,
    Committee,
    CommitteeFile,
    Consultation,
    Decision,
    Expense,
    Income,
    MunicipalityFile,
    Paper,
    ResourceFile,
    consulting_bodies_pay,
    county_with_article,
    is_deliberated,
    with_article,
)
from pipeline.model.kinds import STATE_AS_CARRIER
from pipeline.model.papers import COMMISSIONED
from pipeline.model.procedure import (
    ASSOCIATION_COUNCILS,
    Body,
    Procedure,
    association_of,
    is_executive,
    kreis_word,
    procedure_for,
    resolves_on_papers,
    signs_in_own_right,
    youth_committee_basis,
)
from pipeline.model.types import COUNCIL_KINDS, EXECUTIVE_KINDS, PREPARING_KINDS, REFERRAL
from pipeline.validate.parsed import Parsed


class Council(NamedTuple):
    """What the paper rules look at besides the paper itself: the bodies, the budget lines, the
    decisions, and the council procedure of the municipality's Land and kind (if known)."""

    committees: dict[str, Committee]
    line_years: dict[str, int]
    line_committees: dict[str, str]
    decisions: dict[str, Decision]
    procedure: Procedure | None
    #: The head of the administration by name, if kommune.yaml names one.
    head: str | None = None
    #: Her title ('Oberbürgermeister'), if kommune.yaml names her.
    head_title: str | None = None
    #: The Kreis a city belongs to ('Landkreis Leinetal'), if kommune.yaml names it.
    county: str | None = None


class PaperCase(NamedTuple):
    """One paper, the name of its file, and the council around it."""

    name: str
    paper: Paper
    council: Council


PAPER_RULES: RuleSet[PaperCase] = RuleSet("Ratsverfahren je Vorlage")
RULES: RuleSet[Parsed] = RuleSet("Vorlagen")
CONSULTATIONS = ("vorlage", "beratungsfolge")


@PAPER_RULES.rule("beschlussvorschlag")
def proposal_matches_kind(case: PaperCase) -> Iterator[Finding]:
    """Only a Beschlussvorlage asks for a decision, and it must say which."""
    name, paper = case.name, case.paper
    if paper.kind == "Beschlussvorlage" and not paper.proposal:
        yield Finding(
            at(name, "vorlage", "beschlussvorschlag"),
            "Eine Beschlussvorlage braucht einen Beschlussvorschlag mit mindestens einem Punkt.",
        )
    if paper.kind != "Beschlussvorlage" and paper.proposal:
        article = "Ein" if paper.kind == "Sachstandsbericht" else "Eine"
        yield Finding(
            at(name, "vorlage", "beschlussvorschlag"),
            f"{article} {paper.kind} hat keinen Beschlussvorschlag. Bitte weglassen oder "
            "'art: Beschlussvorlage' wählen.",
        )
    deciding = [c for c in paper.consultations if c.role == "Entscheidung"]
    if paper.kind == "Beschlussvorlage" and not deciding:
        yield Finding(
            at(name, *CONSULTATIONS),
            "Eine Beschlussvorlage braucht in der Beratungsfolge ein Gremium mit der Rolle 'Entscheidung'.",
        )


#: „Der Umfang der Vertretungsmacht ist auf seine Befugnisse beschränkt“ (Art. 38 Abs. 1 Satz 2 GO,
#: since 01.04.2018, dnoti.de): a Bavarian Bürgermeisterin binds the Gemeinde only within her powers,
#: so a council paper that brings the Kooperationsvereinbarung authorises concluding it (review of a
#: Bavarian city: deleting that point drew no warning). The Landkreisordnung was not read.
_AUTHORITY_LIMITED = {("Bayern", False): "Art. 38 Abs. 1 Satz 2 GO"}


_AUTHORISES = re.compile(
    r"ermächtig|abzuschließen|abschließen|Abschluss|unterzeichnen|zuzustimmen|stimmt", re.IGNORECASE
)


def _head_title(case: PaperCase) -> str:
    """The head's title as kommune.yaml gives it where it names her, else the female form (the
    municipality's own, not always 'Oberbürgermeisterin'; code review)."""
    procedure = case.council.procedure
    assert procedure is not None
    title = case.council.head_title
    if title in _HEAD_TITLES and title not in (procedure.head.male, procedure.head.female):
        # a title of another kind of municipality, warned about in kommune.yaml: not suggested again
        # (NRW review: „„Die Bürgermeisterin“ gibt es hier nicht. Bitte „Die Bürgermeisterin …“ schreiben“),
        # the Land's title of the same form
        return procedure.head.female if title.endswith("in") else procedure.head.male
    return title if title else procedure.head.female


@PAPER_RULES.rule("ermaechtigung-vereinbarung")
def the_agreement_is_authorised(case: PaperCase) -> Iterator[Finding]:
    """A Beschlussvorlage that attaches the generated Kooperationsvereinbarung, in a Land where the
    head binds the municipality only within her powers, has a point on concluding it."""
    paper, procedure = case.paper, case.council.procedure
    if procedure is None or paper.kind != "Beschlussvorlage":
        return
    law = _AUTHORITY_LIMITED.get((procedure.state, procedure.kind in _COUNTIES))
    if law is None or not any(a.generated == "kooperationsvereinbarung" for a in paper.attachments):
        return
    # a point that authorises, not any that names the agreement ('nimmt … zur Kenntnis'; code review)
    if any(_AUTHORISES.search(point) and "vereinbarung" in point.casefold() for point in paper.proposal):
        return
    head = _head_title(case)
    yield Finding(
        at(case.name, "vorlage", "beschlussvorschlag"),
        f"{sentence_start(in_state(procedure.state))} vertritt die Verwaltungsspitze die Kommune nur im Umfang ihrer "
        f"Befugnisse ({law}). Die Vorlage legt die Kooperationsvereinbarung bei, ihr Beschlussvorschlag ermächtigt aber "
        f"nicht, sie abzuschließen. Bitte einen Punkt ergänzen, etwa: „Die {head} wird ermächtigt, die "
        "Kooperationsvereinbarung abzuschließen.“",
        WARNING,
    )


#: A point that adopts the concept ('beschließt das Gesamtkonzept …', 'Das Gesamtkonzept … wird
#: beschlossen') and one that only takes note of the Maßnahmenplan.
_ADOPTS_CONCEPT = re.compile(r"beschlie(?:ßt|ssen|ßen)\b.*Gesamtkonzept|Gesamtkonzept.*beschlossen", re.IGNORECASE)
_NOTES_PLAN = re.compile(r"Maßnahmenplan.*zur\s+Kenntnis|zur\s+Kenntnis.*Maßnahmenplan", re.IGNORECASE)


@PAPER_RULES.rule("massnahmenplan-zur-kenntnis")
def plan_adopted_with_the_concept(case: PaperCase) -> Iterator[Finding]:
    """The Maßnahmenplan is part of the concept: a Beschlussvorschlag that adopts the concept in one
    point and takes note of the plan in another leaves open whether the measures bind (BW review:
    'Der Gemeinderat nimmt den Maßnahmenplan (Anlage 2) zur Kenntnis' after Ziffer 1 adopted it)."""
    proposal = case.paper.proposal
    adopting = next((n for n, point in enumerate(proposal, start=1) if _ADOPTS_CONCEPT.search(point)), None)
    if adopting is None:
        return
    for index, point in enumerate(proposal):
        if index + 1 != adopting and _NOTES_PLAN.search(point):
            yield Finding(
                at(case.name, "vorlage", "beschlussvorschlag", index),
                f"Der Maßnahmenplan ist Teil des Gesamtkonzepts, das Punkt {adopting} beschließt; ihn zur Kenntnis zu "
                "nehmen, lässt offen, ob die Maßnahmen verbindlich sind. Bitte etwa: „Der Maßnahmenplan ist "
                f"Bestandteil des Beschlusses nach Punkt {adopting}.“",
                WARNING,
            )


@PAPER_RULES.rule("mitzeichnung")
def sign_offs_by_involved_offices(case: PaperCase) -> Iterator[Finding]:
    """A sign-off belongs to an office the paper names as involved, once; a warning, since the
    paper reads right either way and only the list of offices may be behind."""
    name, paper = case.name, case.paper
    seen: set[str] = set()
    for index, sign_off in enumerate(paper.sign_offs):
        where = at(name, "vorlage", "mitzeichnung", index, "amt")
        if sign_off.office in seen:
            yield Finding(where, f"'{sign_off.office}' zeichnet schon mit; bitte nur einmal eintragen.", WARNING)
        elif sign_off.office not in paper.involved_offices:
            offices = ", ".join(f"'{o}'" for o in paper.involved_offices)
            advice = (
                f" ({offices}); bitte das Amt dort ergänzen oder den Namen angleichen."
                if offices
                else "; bitte das Amt unter 'beteiligt' eintragen."
            )
            yield Finding(
                where,
                f"'{sign_off.office}' steht nicht unter 'beteiligt'. Mitzeichnen sollen die beteiligten Ämter{advice}",
                WARNING,
            )
        seen.add(sign_off.office)


#: Words that name the office keeping the budget ('Kämmerei', 'Fachbereich Finanzen', 'Amt für
#: Finanzen und Controlling', 'Haushaltsabteilung').
FINANCE_OFFICE = re.compile(r"kämmerei|finanz|haushalt", re.IGNORECASE)


@PAPER_RULES.rule("kaemmerei-beteiligt")
def finance_office_involved(case: PaperCase) -> Iterator[Finding]:
    """A paper with financial effects goes past the office that keeps the budget: the Kämmerei
    checks the amounts and the budget lines before the council reads them (as Geschäftsordnungen
    and Dienstanweisungen of the administrations ask). A warning: the name of the office may
    differ, and the local rules decide."""
    name, paper = case.name, case.paper
    if paper.finances is None or any(FINANCE_OFFICE.search(office) for office in paper.involved_offices):
        return
    yield Finding(
        at(name, "vorlage", "beteiligt"),
        "Die Vorlage hat finanzielle Auswirkungen, aber keine Kämmerei (oder Finanzverwaltung) ist beteiligt. "
        "Sie prüft die Beträge und Haushaltsstellen, bevor die Gremien sie lesen; bitte unter 'beteiligt' "
        "eintragen.",
        WARNING,
    )


#: Offices a Kreis runs for the cities within it (the Gesundheitsamt; the Jobcenter as kommunaler
#: Träger or with the Bundesagentur), as a city's paper might list them among its own offices.
#: 'Stadtgesundheitsamt', 'Kommunales Jobcenter', 'Jobcenter der Stadt' are rule 'aufgaben-des-kreises''s.
_COUNTY_OFFICE = re.compile(
    r"(?<![\w-])(?<!städtisches )(?<!städtische )(?<!ommunales )(?<!ommunale )(Gesundheitsamt|Jobcenter)\b(?! der Stadt)"
)


@PAPER_RULES.rule("aemter-der-stadt")
def city_papers_name_city_offices(case: PaperCase) -> Iterator[Finding]:
    """A city in a Kreis whose paper lists the Gesundheitsamt or the Jobcenter as its own office –
    leading, involved or signing off (review of a große selbständige Stadt: 'beteiligt:
    Gesundheitsamt, Jobcenter' with sign-offs passed unwarned): they are the Kreis's or a
    gemeinsame Einrichtung's, and a Mitzeichnung is the city administration's own. The agreement
    with them belongs in the paper's text."""
    procedure, paper = case.council.procedure, case.paper
    if procedure is None or procedure.kind != "kreisangehörige Stadt":
        return
    # the Kreis by its name where kommune.yaml gives it ('der Landkreis Leinetal'), else by the Land's word
    county = county_with_article(case.council.county, "nom", f"der {kreis_word(procedure.state)}")
    places: list[tuple[tuple[str | int, ...], str]] = [(("vorlage", "federfuehrung"), paper.lead_office)]
    places += [(("vorlage", "beteiligt", i), office) for i, office in enumerate(paper.involved_offices)]
    places += [(("vorlage", "mitzeichnung", i, "amt"), s.office) for i, s in enumerate(paper.sign_offs)]
    for path, office in places:
        found = _COUNTY_OFFICE.search(office)
        if found is None:
            continue
        yield Finding(
            at(case.name, *path),
            f"'{office}' ist kein Amt der Stadt: Für eine kreisangehörige Stadt führt {county} das Gesundheitsamt "
            f"und, als kommunaler Träger oder mit der Agentur für Arbeit, das Jobcenter. Federführend, beteiligt und "
            "mitzeichnend sind an einer Vorlage der Stadt nur deren eigene Ämter; die Abstimmung mit dem "
            f"{found[0]} bitte im Text der Vorlage nennen.",
            WARNING,
        )


@PAPER_RULES.rule("mitzeichnung-vollstaendig")
def every_involved_office_signs_off(case: PaperCase) -> Iterator[Finding]:
    """Where a paper lists its Mitzeichnungen, every office under 'beteiligt' has a line: an
    office that was involved but does not sign off reads to the council as one that did not
    agree. A warning: an office may have been only informed."""
    name, paper = case.name, case.paper
    if not paper.sign_offs:
        # the Kämmerei named beside amounts the council is to read signs off on them (Kämmerei
        # review: two Neuhafen papers with financial tables listed it, no sign-off said it agreed)
        finance = next((o for o in paper.involved_offices if FINANCE_OFFICE.search(o)), None)
        if paper.finances is not None and finance is not None:
            # only a Beschlussvorlage has financial effects; another paper shows the figures for
            # information, and says so (BW review: the warning and the paper contradicted each other)
            decides = paper.kind == "Beschlussvorlage"
            what = "hat finanzielle Auswirkungen" if decides else "zeigt Zahlen zu den Finanzen ('finanzen')"
            yield Finding(
                at(name, "vorlage", "mitzeichnung"),
                f"Die Vorlage {what} und nennt '{finance}' als beteiligt, aber keine "
                "Mitzeichnung. Bitte unter 'mitzeichnung' die beteiligten Ämter eintragen (ohne 'am' und 'durch' "
                "zeigt die Vorlage „steht aus“).",
                WARNING,
            )
        return
    signing = {s.office for s in paper.sign_offs}
    missing = [office for office in paper.involved_offices if office not in signing]
    if missing:
        yield Finding(
            at(name, "vorlage", "mitzeichnung"),
            f"Beteiligt, aber ohne Zeile zur Mitzeichnung: {enumeration(missing)}. Bitte unter 'mitzeichnung' "
            "ergänzen (ohne 'am' und 'durch' zeigt die Vorlage „steht aus“) oder aus 'beteiligt' nehmen.",
            WARNING,
        )


@PAPER_RULES.rule("zeitliche-folge")
def dates_run_forward(case: PaperCase) -> Iterator[Finding]:
    """A paper is written before it is discussed, and each body discusses it after the last."""
    name, paper = case.name, case.paper
    first = paper.consultations[0]
    if paper.date > first.date:
        yield Finding(
            at(name, "vorlage", "datum"),
            f"Die Vorlage ist auf den {german_date(paper.date)} datiert, die erste "
            f"Beratung ist aber schon am {german_date(first.date)}.",
        )
    for index in range(1, len(paper.consultations)):
        before, now = paper.consultations[index - 1], paper.consultations[index]
        if now.date < before.date:
            yield Finding(
                at(name, *CONSULTATIONS, index, "datum"),
                f"Die Beratungsfolge muss zeitlich vorwärts laufen: "
                f"{german_date(now.date)} liegt vor der vorherigen Beratung am "
                f"{german_date(before.date)}.",
            )


@PAPER_RULES.rule("beratung-vor-entscheidung")
def advice_before_the_decision(case: PaperCase) -> Iterator[Finding]:
    """Bodies that advise on a paper or are heard do so before the decision: a hearing after it is
    worth nothing (§ 75 Abs. 2 GemO RLP: 'vor der Beschlußfassung des Gemeinderats zu hören'; RLP
    review: an Ortsbeirat heard after the Stadtrat's decision passed unnoticed)."""
    name, paper = case.name, case.paper
    decision = paper.decision
    committees = case.council.committees
    decider = committees.get(decision.committee) if decision is not None else None
    # a misspelt body is the rule 'verweise''s (review re-check: a KeyError here ended validate);
    # a committee that cannot decide is entscheidung-im-ausschuss's, the cause
    if decision is None or decider is None or decider.decides is False:
        return
    for index, consultation in enumerate(paper.consultations):
        body = committees.get(consultation.committee)
        if body is None:
            continue
        if consultation.role in ("Vorberatung", "Anhörung") and consultation.date > decision.date:
            when = german_date(consultation.date)
            what = (
                f"am {when} zur Vorlage gehört werden"
                if consultation.role == "Anhörung"
                else (f"die Vorlage am {when} vorberaten")
            )
            yield Finding(
                at(name, *CONSULTATIONS, index, "datum"),
                f"{sentence_start(body.forms.nom)} soll {what} – nach der Entscheidung {decider.forms.gen} "
                f"am {german_date(decision.date)}. "
                "Eine Anhörung oder Vorberatung gehört vor die Entscheidung; danach bleibt nur 'Kenntnisnahme'.",
            )


@PAPER_RULES.rule("eine-beratung-je-sitzung")
def one_consultation_per_sitting(case: PaperCase) -> Iterator[Finding]:
    """A body discusses a paper once per sitting; a second entry would be a second agenda item."""
    name, paper = case.name, case.paper
    seen: dict[tuple[str, dt.date], int] = {}
    for index, consultation in enumerate(paper.consultations):
        key = (consultation.committee, consultation.date)
        if key in seen:
            yield Finding(
                at(name, *CONSULTATIONS, index),
                f"'{consultation.committee}' berät die Vorlage am "
                f"{german_date(consultation.date)} schon (bei {format_path((*CONSULTATIONS, seen[key]))}). "
                "Bitte nur einmal je Sitzung eintragen und die Rolle dort wählen.",
            )
        seen.setdefault(key, index)


def _nearest(dates: list[dt.date], wanted: dt.date) -> dt.date:
    return min(dates, key=lambda d: abs((d - wanted).days))


@PAPER_RULES.rule("sitzungstermine")
def meetings_exist(case: PaperCase) -> Iterator[Finding]:
    """Papers are discussed in scheduled meetings; a typo in a date would go unnoticed."""
    name, paper = case.name, case.paper
    council = case.council
    for index, consultation in enumerate(paper.consultations):
        committee = council.committees.get(consultation.committee)
        if committee is None or consultation.date in committee.meetings:
            continue
        path = (*CONSULTATIONS, index, "datum")
        if not committee.meetings:
            yield Finding(
                at(name, *path),
                f"Für '{committee.name}' sind in gremien.yaml keine Sitzungstermine "
                "eingetragen. Bitte dort unter 'sitzungen' ergänzen.",
            )
            continue
        close = _nearest(committee.meetings, consultation.date)
        # both ways out: the paper's date is wrong, or the sitting is missing from the list (user test)
        yield Finding(
            at(name, *path),
            f"Laut gremien.yaml tagt {committee.forms.nom} am {german_date(consultation.date)} nicht; der "
            f"nächstgelegene Termin ist der {german_date(close)}. Bitte das Datum prüfen oder den Termin in "
            "gremien.yaml unter 'sitzungen' eintragen.",
        )


@PAPER_RULES.rule("jugendhilfeausschuss-zuerst")
def youth_committee_heard_first(case: PaperCase) -> Iterator[Finding]:
    """§ 71 Abs. 4 Satz 2 SGB VIII: the Jugendhilfeausschuss is heard before the council decides."""
    name, paper = case.name, case.paper
    council = case.council
    if paper.kind != "Beschlussvorlage":
        return
    for index, consultation in enumerate(paper.consultations):
        committee = council.committees.get(consultation.committee)
        if committee is None or consultation.role != "Entscheidung" or not committee.is_council:
            continue
        heard = any(
            council.committees.get(c.committee) is not None
            and council.committees[c.committee].kind == "Jugendhilfeausschuss"
            and c.date < consultation.date
            for c in paper.consultations[:index]
        )
        if not heard:
            yield Finding(
                at(name, *CONSULTATIONS, index, "gremium"),
                f"Bevor '{committee.name}' entscheidet, soll der Jugendhilfeausschuss "
                f"gehört werden ({youth_committee_basis()}). Bitte eine frühere "
                "Beratung im Jugendhilfeausschuss in die Beratungsfolge aufnehmen.",
            )


def _council_decision(case: PaperCase, deliberations: bool = False) -> int | None:
    """The index of the council's decision in a Beschlussvorlage's Beratungsfolge, if any; with
    `deliberations`, of the council's consultation in any paper (a report it takes note of)."""
    if case.paper.kind != "Beschlussvorlage" and not deliberations:
        return None
    committees = case.council.committees
    return next(
        (
            index
            for index, c in enumerate(case.paper.consultations)
            if (c.role == "Entscheidung" or deliberations)
            and c.committee in committees
            and committees[c.committee].is_council
        ),
        None,
    )


def _is_body(committee: Committee | None, body: str) -> bool:
    return committee is not None and body in (committee.kind, committee.name)


def _step(committee: Committee, date: dt.date) -> str:
    return f"{committee.name} {german_date(date)}"


def _suggestion(case: PaperCase, insert: Committee, position: int, after: dt.date, before: dt.date) -> str:
    """The Beratungsfolge with `insert` at `position` in its sitting between two dates, as text."""
    # a sitting on the day of the step before counts: two bodies may meet the same day (Saarland review:
    # the Kreisausschuss met on the day the misspelt step stood, and the warning said it had no sitting)
    sittings = [d for d in insert.meetings if after <= d < before]
    if not sittings:
        return (
            f"'{insert.name}' hat laut gremien.yaml keine Sitzung zwischen {german_date(after)} und "
            f"{german_date(before)}; bitte die Termine prüfen."
        )
    date = sittings[0] if position == 0 else sittings[-1]
    committees = case.council.committees
    consultations = case.paper.consultations
    steps = [_step(committees[c.committee], c.date) for c in consultations if c.committee in committees]
    # `position` counts every entry; a body gremien.yaml does not know is left out of the steps, so
    # the new one goes after as many known ones (NI review: the Verwaltungsausschuss stood after the
    # Rat where a Hessian 'magistrat' was left in the Beratungsfolge)
    steps.insert(sum(c.committee in committees for c in consultations[:position]), _step(insert, date))
    return "Vorschlag: " + " → ".join(steps) + "."


def _procedure_text(procedure: Procedure) -> str:
    """'In einem Landkreis in Niedersachsen', 'Im Stadtstaat Bremen': where the rule holds."""
    if procedure.kind == "Stadtstaat":
        return f"Im Stadtstaat {procedure.state}"
    kind = procedure.local_term or procedure.kind
    article = "einem" if kind_gender(kind) == "m" else "einer"
    adjective = {"kreisfreie Stadt": "kreisfreien Stadt", "kreisangehörige Stadt": "kreisangehörigen Stadt"}
    return f"In {article} {procedure.local_term_dative or adjective.get(kind, kind)} {in_state(procedure.state)}"


@PAPER_RULES.rule("vorbereitung-der-vertretung")
def council_decision_prepared(case: PaperCase) -> Iterator[Finding]:
    """The body the Land's law names prepares every council decision (Kreisausschuss in
    Niedersachsen, Magistrat in Hessen …), and takes its place in the order. A warning, not an
    error: folders written before the procedure table keep building, the local Hauptsatzung may
    differ, and `--streng` makes it binding."""
    procedure = case.council.procedure
    if procedure is None:
        return
    deciding = _council_decision(case, procedure.preparation.scope != "Beschlüsse")
    if deciding is None:
        return
    preparation, paper, committees = procedure.preparation, case.paper, case.council.committees
    body = preparation.body
    if body is None or preparation.duty == "kann":
        return
    where = at(case.name, *CONSULTATIONS)
    before = paper.consultations[:deciding]
    found = [i for i, c in enumerate(before) if _is_body(committees.get(c.committee), body)]
    council = committees[paper.consultations[deciding].committee]
    basis = f"{preparation.legal_basis}{'' if preparation.verified else ', Paragraph ungeprüft'}"
    if not found:
        candidates = [c for c in committees.values() if _is_body(c, body)]
        if not candidates:
            hint = (
                f"Bitte '{body}' in gremien.yaml mit seinen Sitzungen eintragen (art: {body}) und hier aufnehmen."
            )
        else:
            decided = paper.consultations[deciding].date
            opens, closes = paper.date - dt.timedelta(days=1), before[0].date if before else decided
            if not preparation.first:
                opens, closes = (before[-1].date if before else opens), decided
            hint = _suggestion(case, candidates[0], 0 if preparation.first else deciding, opens, closes)
        yield Finding(
            where,
            f"{_procedure_text(procedure)} bereitet {_forms(body, preparation.gender).nom} die {preparation.scope} "
            f"{_forms(procedure.council.name, procedure.council.gender).gen} vor ({basis}); die Beratungsfolge nennt "
            f"{_accusative_pronoun(preparation.gender)} nicht. {hint}"
            # the Land's exception, where it has one (Bavarian review: Art. 26 Satz 3 LKrO was not named)
            + (f" {preparation.exception}" if preparation.exception else ""),
            WARNING,
        )
        return
    others = [i for i, c in enumerate(before) if i not in found]
    if preparation.first and others and min(others) < found[0]:
        yield Finding(
            at(case.name, *CONSULTATIONS, found[0], "gremium"),
            f"{_capitalised(_forms(body, preparation.gender).nom)} beschließt die Vorlage, bevor die Ausschüsse sie "
            f"beraten ({basis}); bitte an den Anfang der Beratungsfolge setzen.",
            WARNING,
        )
    if not preparation.first and others and max(others) > found[-1]:
        yield Finding(
            at(case.name, *CONSULTATIONS, found[-1], "gremium"),
            f"{_capitalised(_forms(body, preparation.gender).nom)} bereitet "
            f"{'den Beschluss' if paper.kind == 'Beschlussvorlage' else 'die Beratung'} vor, nachdem die "
            f"Fachausschüsse beraten haben ({basis}); bitte als letzte Beratung vor '{council.name}' eintragen.",
            WARNING,
        )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _forms(name: str, gender: Gender | None) -> Forms:
    """The body's name with its article; the table gives every body's gender."""
    forms = definite(name, gender or "m")
    assert forms is not None  # a gender is given, so the name declines
    return forms


def _accusative_pronoun(gender: str | None) -> str:
    return {"f": "sie", "n": "es"}.get(gender or "m", "ihn")


def _bare_name(name: str) -> str:
    """A name without academic titles: 'Dr. Anna Berger' and 'Anna Berger' are one person."""
    return " ".join(w for w in name.split() if w not in ("Dr.", "Prof.", "Dr.-Ing.", "Dipl.-Ing.", "med."))


#: A Berlin BVV asks the Bezirksamt ('ersucht') rather than instructing it, outside the matters
#: it decides itself (§ 12 Abs. 2, § 13 BezVG; bezirksverwaltungsrecht.berlin, §§ 12, 13).
_INSTRUCTS = re.compile(r"\bbeauftragt\b")


@PAPER_RULES.rule("bvv-ersucht")
def a_bvv_asks_its_bezirksamt(case: PaperCase) -> Iterator[Finding]:
    """'Das Bezirksamt wird beauftragt …' in a Berlin BVV's proposal: the BVV decides only the
    matters of § 12 Abs. 2 BezVG and otherwise recommends or 'ersucht' (§ 13 BezVG; Berlin
    review). A warning: the matter may be one of § 12 Abs. 2."""
    procedure = case.council.procedure
    if procedure is None or procedure.state != "Berlin":
        return
    for index, point in enumerate(case.paper.proposal):
        if _INSTRUCTS.search(point) and "Bezirksamt" in point:
            yield Finding(
                at(case.name, "vorlage", "beschlussvorschlag", index),
                "Die Bezirksverordnetenversammlung ersucht das Bezirksamt (§ 13 BezVG); beauftragen kann sie es "
                "nur in den Angelegenheiten, die sie nach § 12 Abs. 2 BezVG selbst entscheidet. Bitte prüfen: "
                "„Das Bezirksamt wird ersucht, …“.",
                WARNING,
            )


_ADMINISTRATION_INSTRUCTED = re.compile(r"\b[Dd]ie Verwaltung wird (beauftragt|gebeten|ersucht)\b")


@PAPER_RULES.rule("verwaltungsorgan-beauftragen")
def the_council_instructs_its_executive(case: PaperCase) -> Iterator[Finding]:
    """'Die Verwaltung wird beauftragt …' where a collegial organ runs the administration and
    carries out the council's decisions (the Magistrat, § 66 Abs. 1 HGO; the Hessian
    Kreisausschuss, § 41 HKO): the council instructs that organ by name (Hessian review). Not in
    Berlin, whose BVV asks its Bezirksamt (rule 'bvv-ersucht')."""
    procedure = case.council.procedure
    executive = _carrying_out(procedure)
    if procedure is None or executive is None:
        return
    organ = _forms(executive.name, executive.gender).nom
    for index, point in enumerate(case.paper.proposal):
        found = _ADMINISTRATION_INSTRUCTED.search(point)
        if found:
            yield Finding(
                at(case.name, "vorlage", "beschlussvorschlag", index),
                f"{_procedure_text(procedure)} {_carries_out(procedure, executive)}; "
                f"der Beschlussvorschlag richtet sich an {_accusative_pronoun(executive.gender)}: "
                f"„{_capitalised(organ)} wird {found[1]}, …“ statt „Die Verwaltung wird {found[1]}, …“.",
                WARNING,
            )


@PAPER_RULES.rule("ausschuss-beauftragen")
def the_council_instructs_no_committee(case: PaperCase) -> Iterator[Finding]:
    """'Der Kreisausschuss wird beauftragt, die Kooperationsvereinbarung abzuschließen' where no
    collegial organ runs the administration: the council's decisions are carried out, and the
    municipality represented, by the head of the administration, not by a committee (Brandenburg
    review: the point passed unwarned). Where a collegial organ does (Hessen), the rule
    'verwaltungsorgan-beauftragen' asks for it by name."""
    procedure = case.council.procedure
    if procedure is None or procedure.submitting_executive is not None or procedure.state == "Berlin":
        return
    bodies = {c.name for c in case.council.committees.values() if not c.is_council}
    bodies -= {c.name for c in case.council.committees.values() if is_executive(c.kind, procedure)}
    for index, point in enumerate(case.paper.proposal):
        found = COMMISSIONED.search(point)
        if found is None or not (found[2] in bodies or _COMMITTEE_WORD.search(found[2])):
            continue
        if not _EXECUTES.search(point):
            continue  # a committee asked to prepare or report on something: the council may ask that
        yield Finding(
            at(case.name, "vorlage", "beschlussvorschlag", index),
            f"Die Beschlüsse führt {procedure.head.pair_with_articles} aus und vertritt die Kommune nach außen, "
            f"nicht {found[1].lower()} {found[2]}. {_commission_the_head(case, found[3])}",
            WARNING,
        )


_COMMITTEE_WORD = re.compile(r"[Aa]usschuss\b")
#: What only the administration does: conclude, sign, carry out.
_EXECUTES = re.compile(r"abzuschließen|zu unterzeichnen|umzusetzen|auszuführen|zu vollziehen|durchzuführen")


#: Titles of the head of an administration, of every kind of municipality.
_HEAD_TITLES = frozenset(
    {"Landrätin", "Landrat", "Oberbürgermeisterin", "Oberbürgermeister", "Bürgermeisterin", "Bürgermeister"}
)


@PAPER_RULES.rule("verwaltungsspitze-beauftragen")
def the_council_instructs_its_own_head(case: PaperCase) -> Iterator[Finding]:
    """'Die Landrätin wird beauftragt …' in a kreisfreie Stadt: a point copied from a Kreis's paper
    commissions a head the municipality does not have (Thüringen review: it passed, while 'Kreistag'
    in the same text was warned about). Where a collegial organ carries out the council's decisions
    (the Magistrat, § 66 Abs. 1 HGO), the point is addressed to it, not to its own head either: „Die
    Oberbürgermeisterin wird beauftragt“ passed in a Hessian city (user test). The Bürgermeister
    presides over the Gemeindevorstand (§ 65 HGO) and prepares its decisions, the Gemeindevorstand
    carries out those of the council (§§ 66, 70 HGO; RP Darmstadt, „Kommunale Organe“)."""
    procedure = case.council.procedure
    if procedure is None:
        return
    own = {procedure.head.male, procedure.head.female}
    executive = _carrying_out(procedure)
    runs = (
        _carries_out(procedure, executive)
        if executive is not None
        else f"führt {procedure.head.pair_with_articles} die Verwaltung"
    )
    for index, point in enumerate(case.paper.proposal):
        found = COMMISSIONED.search(point)
        if found is None or found[2] not in _HEAD_TITLES:
            continue
        if found[2] not in own:
            problem = f"„{found[1]} {found[2]}“ gibt es hier nicht."
        elif executive is not None:
            addressed = _head_forms(found[2]).acc
            problem = f"der Beschlussvorschlag richtet sich an {_accusative_pronoun(executive.gender)}, nicht an {addressed}."
        else:
            continue
        yield Finding(
            at(case.name, "vorlage", "beschlussvorschlag", index),
            f"{_procedure_text(procedure)} {runs}; {problem} {_commission_the_head(case, found[3])}",
            WARNING,
        )


def _head_forms(title: str) -> Forms:
    """A head's title in every case: the table of heads knows each of :data:`_HEAD_TITLES`."""
    forms = definite(title)
    assert forms is not None
    return forms


def _carrying_out(procedure: Procedure | None) -> Body | None:
    """The collegial organ that submits the council's papers and carries out its decisions, where
    the Land has one (the Magistrat, § 66 Abs. 1 HGO; the Hessian Kreisausschuss, § 41 HKO; the
    Magistrat in Bremerhaven, the Senat in Bremen); not in Berlin, whose BVV asks its Bezirksamt
    (rule 'bvv-ersucht'); none without a procedure."""
    if procedure is None or procedure.state == "Berlin":
        return None
    return procedure.submitting_executive


def _carries_out(procedure: Procedure, executive: Body) -> str:
    """'führt der Magistrat die Beschlüsse aus (§ 66 Abs. 1 HGO)' – the provision only where the
    table has checked it (Bremerhaven's is its Magistrat's rules of procedure, unchecked)."""
    basis = f" ({procedure.submission.legal_basis})" if procedure.submission.verified else ""
    return f"führt {_forms(executive.name, executive.gender).nom} die Beschlüsse aus{basis}"


def _commission_the_head(case: PaperCase, verb: str = "beauftragt") -> str:
    """'Bitte „Die Landrätin wird gebeten, …“ schreiben.': the point as it should begin, with the
    verb the point uses – addressed to the organ that carries out the decisions where there is one
    („Der Magistrat wird gebeten, …“; user test: a Hessian city was told to ask its Oberbürgermeisterin)."""
    procedure = case.council.procedure
    executive = _carrying_out(procedure)
    addressee = (
        _forms(executive.name, executive.gender).nom
        if executive is not None
        else title_with_article(_head_title(case))
    )
    return f"Bitte „{sentence_start(addressee)} wird {verb}, …“ schreiben."


#: Where a municipality must say in its papers how children and young people took part in a plan
#: that touches them, by Land and whether a Kreis: § 47f Abs. 2 GO Schleswig-Holstein – the Gemeinde
#: „muss … in geeigneter Weise darlegen, wie sie diese Interessen berücksichtigt und die Beteiligung
#: … durchgeführt hat“ (text on justiz-nrw.wolterskluwer-online.de, quoted alike by shz.de; review of
#: a city in SH: no paper said it; the KrO has no such rule, lexaris.de's table of its paragraphs, but
#: a Kreis as Träger der öffentlichen Jugendhilfe is bound by § 4 Abs. 1 JuFöG, below);
#: § 19 BbgKVerf (until 08.06.2024 § 18a Abs. 4; the Kommunalverfassung was newly promulgated on
#: 05.03.2024, „§ 19 Beteiligung und Mitwirkung von Kindern und Jugendlichen“ in its table of
#: contents on bravors.brandenburg.de; review of a Brandenburg Landkreis) – she „soll … in geeigneter
#: Weise vermerken, wie sie die Beteiligung nach Absatz 1 durchgeführt hat“ (the old § 18a Abs. 4 as
#: jugendbeteiligung-brandenburg.de quotes it; the new Absatz was not read), for a Landkreis too:
#: § 131 Abs. 1 Satz 1 BbgKVerf applies Teil 1 to the Landkreise, and Satz 3 does not except it
#: (anwalt24.de/gesetze/bbgkverf/131, the version before 2024). A concept for families with children up to three
#: touches them always.
_CHILDREN_HEARD_RULES = {
    ("Schleswig-Holstein", False): (
        "legt die Gemeinde bei Vorhaben, die Kinder und Jugendliche berühren, dar, wie sie deren Interessen "
        "berücksichtigt und sie beteiligt hat (§ 47f Abs. 2 GO)"
    ),
    # § 4 Abs. 1 JuFöG: „Die Beteiligung von Kindern und Jugendlichen entsprechend ihrem Entwicklungsstand an
    # allen sie unmittelbar betreffenden Entscheidungen und Maßnahmen der Träger der öffentlichen Jugendhilfe
    # ist zu gewährleisten“ (haufe.de; review of a Kreis in SH: only the cities were asked, under § 47f GO)
    ("Schleswig-Holstein", True): (
        "ist die Beteiligung von Kindern und Jugendlichen an allen sie unmittelbar betreffenden Entscheidungen des "
        "Trägers der öffentlichen Jugendhilfe zu gewährleisten (§ 4 Abs. 1 JuFöG)"
    ),
    ("Brandenburg", False): (
        "soll die Gemeinde bei Vorhaben, die Kinder und Jugendliche berühren, vermerken, wie sie sie beteiligt "
        "hat (§ 19 BbgKVerf)"
    ),
    ("Brandenburg", True): (
        "soll der Landkreis bei Vorhaben, die Kinder und Jugendliche berühren, vermerken, wie er sie "
        "beteiligt hat (§ 19 i. V. m. § 131 Abs. 1 BbgKVerf)"
    ),
}
#: What says it: the provision, or the words (not the repealed '§ 18a BbgKVerf', which a paper
#: should no longer cite) – also those the warning asks for, the children's representation or how the
#: youngest's interests came in through their parents (Brandenburg review: „Die Interessen der Kinder
#: unter drei Jahren sind über die Befragung der Eltern … eingeflossen; der Kinder- und Jugendbeirat
#: hat den Entwurf … erhalten“ kept the warning).
_CHILDREN_HEARD = re.compile(
    r"47f|§\s*19\b(?:[^.;]|Abs\.|Satz\.?)*BbgKVerf|Beteiligung (?:von|der) Kinder|Kinder- und Jugendbeteiligung"
    r"|Kinder und Jugendliche[^.]*beteilig|(?:Kinder- und )?Jugend(?:beirat|beauftragt|parlament|forum)"
    r"|Interessen (?:der|von) (?:Klein)?[Kk]inder[^.;]*(?:eingeflossen|einbezogen|berücksichtigt|eingebracht)",
    re.IGNORECASE,
)
_COUNTIES = ("Landkreis",)


@PAPER_RULES.rule("kinder-und-jugendbeteiligung")
def children_and_young_people_heard(case: PaperCase) -> Iterator[Finding]:
    """A Beschlussvorlage of a city or Kreis in Schleswig-Holstein or of a Brandenburg city or
    Landkreis says how children's and young people's interests were considered and how they took part."""
    procedure, paper = case.council.procedure, case.paper
    if procedure is None:
        return
    rule = _CHILDREN_HEARD_RULES.get((procedure.state, procedure.kind in _COUNTIES))
    if rule is None:
        return
    if paper.kind != "Beschlussvorlage":
        return
    texts = " ".join([paper.summary, paper.facts or "", paper.reasoning or "", *paper.proposal])
    if _CHILDREN_HEARD.search(texts):
        return
    yield Finding(
        at(case.name, "vorlage", "sachverhalt"),
        f"{sentence_start(in_state(procedure.state))} {rule}. Bitte im Sachverhalt oder in der Begründung ergänzen, wie Kinder und "
        "Jugendliche oder ihre Vertretung (Kinder- und Jugendbeirat, Kinder- und Jugendbeauftragte) beteiligt wurden; "
        "bei Angeboten für Kinder unter drei Jahren auch, wie ihre Interessen über die Eltern eingeflossen sind.",
        WARNING,
    )


#: Länder where 'Stadtrat' or 'Stadträtin' is no title of the administration's officials, with
#: what it means there (three reviews copied Hessen's title of a Magistrat member, where Stadträte
#: sit in the Magistrat): „In Städten führen die Gemeinderäte die Bezeichnung Stadtrat“ in
#: Baden-Württemberg (§ 25 Abs. 1 Satz 2 GemO, anwalt24.de/gesetze/gemo/25) and „… Stadträte“ in
#: Sachsen (§ 29 Abs. 1 Satz 2 SächsGemO, anwalt24.de/gesetze/saechsgemo/29), the ehrenamtliche
#: Stadträte of § 36 Abs. 1 KVG LSA; in Thüringen the Stadtrat is the council, whose members „führen in
#: den Städten die Bezeichnung Stadtratsmitglieder“ (§ 23 Abs. 1 Satz 1 ThürKO, anwalt24.de/gesetze/
#: thuerko/23; Thüringen review: 'Stadtrat Reinhardt' reads as a fellow member), in Rheinland-Pfalz
#: the council too („Stadtrat“, § 28 Abs. 2 Satz 1 GemO; review of a city there). Not in Brandenburg
#: (Stadtverordnete, § 27 Abs. 1 Satz 2 BbgKVerf) and Mecklenburg-Vorpommern, whose laws were not read
#: on the administration's titles, nor where a Stadtrat is an official (Hessen, Niedersachsen,
#: Schleswig-Holstein).
_STADTRAT_MEANS = {
    "Baden-Württemberg": "heißen die Mitglieder der Vertretung Stadträtinnen und Stadträte (§ 25 Abs. 1 GemO)",
    "Sachsen": "heißen die Mitglieder der Vertretung Stadträtinnen und Stadträte (§ 29 Abs. 1 SächsGemO)",
    "Sachsen-Anhalt": "heißen die Mitglieder der Vertretung Stadträtinnen und Stadträte (§ 36 Abs. 1 KVG LSA)",
    "Thüringen": "ist der Stadtrat die Vertretung; seine Mitglieder heißen Stadtratsmitglieder (§ 23 Abs. 1 ThürKO)",
    "Rheinland-Pfalz": "ist der Stadtrat die Vertretung (§ 28 Abs. 2 Satz 1 GemO)",
    # „Der Gemeinderat … führt in Städten die Bezeichnung Stadtrat“ (Art. 30 Abs. 1 GO), its members are
    # ehrenamtlich (Art. 31 Abs. 2 GO, wolterskluwer-online.de); the head's deputies are the weiteren
    # Bürgermeister (Art. 39 Abs. 1 GO) – review of a Bavarian city: „In Vertretung / … / Stadtrat“ passed
    "Bayern": "ist der Stadtrat die Vertretung; seine Mitglieder sind ehrenamtlich (Art. 30 Abs. 1, Art. 31 Abs. 2 GO)",
    # the Stadtverordnete are the members (§ 27 Abs. 1 Satz 2 BbgKVerf); a kreisfreie Stadt's Erste
    # Beigeordnete „führt … die Amtsbezeichnung Bürgermeisterin oder Bürgermeister“ (§ 56 Abs. 2 Satz 2
    # BbgKVerf, justiz-nrw.wolterskluwer-online.de; review of a Brandenburg city: 'Stadtrat' passed)
    "Brandenburg": "heißen die Mitglieder der Vertretung Stadtverordnete (§ 27 Abs. 1 Satz 2 BbgKVerf)",
}
_STADTRAT_TITLE = re.compile(r"^Stadtr(?:at|ätin)$")
_BEIGEORDNETE = "'Beigeordneter' oder 'Bürgermeisterin'"
#: Baden-Württemberg: „Der Erste Beigeordnete … führt in Stadtkreisen und Großen Kreisstädten die
#: Amtsbezeichnung Bürgermeister“, the Gemeinderat may give it to the others (§ 49 Abs. 3 GemO,
#: landesrecht-bw.de; review of a Stadtkreis: the warning offered 'Beigeordneter').
_DEPUTY_INSTEAD = {
    "Baden-Württemberg": "'Bürgermeisterin' oder 'Bürgermeister' (§ 49 Abs. 3 GemO; in kleineren Städten 'Beigeordneter')",
    "Bayern": "'Bürgermeisterin' oder 'Bürgermeister' für eine Stellvertretung (Art. 39 Abs. 1 GO) oder "
    "'Berufsmäßiger Stadtrat' für eine Referentin oder einen Referenten (ohne „In Vertretung“)",
    "Brandenburg": "'Beigeordnete' oder 'Beigeordneter', in einer kreisfreien Stadt für die oder den Ersten "
    "'Bürgermeisterin' oder 'Bürgermeister' (§ 56 Abs. 2 Satz 2 BbgKVerf)",
}
#: A title rule: the title's pattern, what it means in the Land, what to write instead.
_TitleRule = tuple[re.Pattern[str], str, str]
#: Sachsen: Kreisräte are the Kreistag's members – „Die Kreisräte und der Landrat sind zur
#: Verschwiegenheit … verpflichtet“ (§ 33 Abs. 2 SächsLKrO, wolterskluwer-online.de) –, the
#: Landrat's deputy is a hauptamtlicher Beigeordneter (§ 50 Abs. 1 SächsLKrO, anwalt24.de; review
#: of a Saxon Landkreis: 'In Vertretung / … / Kreisrat' from a Lower Saxon paper passed).
_SAXON_KREISRAT: _TitleRule = (
    re.compile(r"^Kreisr(?:at|ätin)$"),
    "sind Kreisrätinnen und Kreisräte die Mitglieder des Kreistags (§ 33 Abs. 2 SächsLKrO)",
    "'Beigeordneter' (§ 50 Abs. 1 SächsLKrO)",
)
#: Niedersachsen, for cities and Kreise alike: the Beigeordnete are the council's members in the
#: Haupt- (Verwaltungs-, Kreis-)ausschuss (§ 74 Abs. 1 Nr. 2 NKomVG, anwalt24.de; review of a Lower
#: Saxon city: 'In Vertretung / … / Beigeordneter' passed); the administration's deputies are Erste
#: Stadträtin, Erster Kreisrat, Stadträte (§ 108 NKomVG). The honorary deputies the Vertretung elects
#: from the Beigeordneten – „Bürgermeisterin oder Bürgermeister“ in kreisfreien and großen
#: selbständigen Städten, „stellvertretende …“ elsewhere – stand in for the head „bei der
#: repräsentativen Vertretung der Kommune“ and in the Hauptausschuss, not in the administration
#: (§ 81 Abs. 2 NKomVG, wolterskluwer-online.de, research 12/2026; the Lower Saxon city review found
#: them passing unwarned).
_LOWER_SAXON_TITLES: tuple[_TitleRule, ...] = (
    (
        re.compile(r"^Beigeordnete[r]?$"),
        "sind Beigeordnete Mitglieder des Hauptausschusses aus der Vertretung (§ 74 Abs. 1 Nr. 2 NKomVG)",
        "'Erste Stadträtin', 'Erster Kreisrat' oder 'Stadtrat'",
    ),
    (
        re.compile(
            r"^(?:(?:Erste[r]?|Zweite[r]?|Dritte[r]?|[123]\.) )?(?:[Ss]tellvertretende[r]? )?(?:Ober)?"
            r"[Bb]ürgermeister(?:in)?$|^(?:(?:Erste[r]?|Zweite[r]?|Dritte[r]?|[123]\.) )?[Ss]tellvertretende[r]? Landr"
        ),
        "vertreten die ehrenamtlichen Stellvertretungen der Hauptverwaltungsbeamtin oder des "
        "Hauptverwaltungsbeamten (in Städten mit Oberbürgermeisterin 'Bürgermeisterin' oder 'Bürgermeister') "
        "nur repräsentativ und im Hauptausschuss (§ 81 Abs. 2 NKomVG), nicht in der Verwaltung",
        "'Erste Stadträtin', 'Erster Kreisrat' oder 'Stadtrat' (§ 108 Abs. 1 Satz 2 NKomVG)",
    ),
)
#: Titles that name the council or its members, not an official of the administration, by Land and
#: whether the municipality is a Kreis (Kreisräte sit in a Kreistag, Stadträte in a city's council).
_COUNCIL_TITLES: dict[tuple[str, bool], tuple[_TitleRule, ...]] = {
    **{
        (state, False): ((_STADTRAT_TITLE, meaning, _DEPUTY_INSTEAD.get(state, _BEIGEORDNETE)),)
        for state, meaning in _STADTRAT_MEANS.items()
    },
    ("Sachsen", True): (_SAXON_KREISRAT,),
    ("Niedersachsen", False): _LOWER_SAXON_TITLES,
    ("Niedersachsen", True): _LOWER_SAXON_TITLES,
}


@PAPER_RULES.rule("amtsbezeichnung-stadtrat")
def a_council_members_title_under_a_paper(case: PaperCase) -> Iterator[Finding]:
    """'In Vertretung / Tobias Reinhardt / Stadtrat' under a paper of a city in Baden-Württemberg,
    Rheinland-Pfalz, Sachsen, Sachsen-Anhalt or Thüringen, '… / Beigeordneter' in Niedersachsen:
    there the title names the council or its members, not an official of the administration (reviews
    of a Stadtkreis and of cities in Sachsen-Anhalt, Thüringen and Niedersachsen)."""
    procedure, signer = case.council.procedure, case.paper.signer
    if procedure is None or signer is None:
        return
    title = signer.title.strip()
    if title in (procedure.head.male, procedure.head.female):
        return  # the head's own title ('Bürgermeisterin' of a kreisangehörige Stadt)
    rules = _COUNCIL_TITLES.get((procedure.state, procedure.kind in _COUNTIES), ())
    matched = next((rule for rule in rules if rule[0].match(title)), None)
    if matched is None:
        return
    _, meaning, instead = matched
    yield _title_warning(
        case,
        f"{sentence_start(in_state(procedure.state))} {meaning}; '{signer.title}' ist keine Amtsbezeichnung der "
        f"Verwaltung. Bitte die Amtsbezeichnung prüfen, etwa {instead}.",
    )


def _title_warning(case: PaperCase, message: str) -> Finding:
    """A warning on the title under a paper's signature (the title rules' one place)."""
    return Finding(at(case.name, "vorlage", "unterzeichnung", "amtsbezeichnung"), message, WARNING)


#: A Kreis's titles under a city's paper (review of a Lower Saxon city: 'Erste Kreisrätin' passed):
#: in Niedersachsen a city's general deputy is the Erste Stadträtin, a Kreis's the Erste Kreisrätin
#: (§ 108 Abs. 1 Satz 2 Nr. 2 and 4 NKomVG, anwalt24.de).
_COUNTY_TITLE = re.compile(r"Kreis(?:rat|rätin|direktor|direktorin|beigeordnete[r]?)\b")
_CITY_DEPUTY = {"Niedersachsen": "Erste Stadträtin oder Erster Stadtrat (§ 108 Abs. 1 Satz 2 Nr. 2 NKomVG)"}


@PAPER_RULES.rule("amtsbezeichnung-des-kreises")
def a_county_title_under_a_city_paper(case: PaperCase) -> Iterator[Finding]:
    """'In Vertretung / … / Erste Kreisrätin' under a city's paper: a title of the Landkreis, copied
    from its papers."""
    procedure, signer = case.council.procedure, case.paper.signer
    if procedure is None or signer is None or procedure.kind in _COUNTIES or procedure.kind == "Bezirk":
        return
    if not _COUNTY_TITLE.search(signer.title):
        return
    instead = _CITY_DEPUTY.get(procedure.state)
    deputy = (
        f" {sentence_start(in_state(procedure.state))} heißt die allgemeine Vertretung einer Stadt {instead}."
        if instead
        else ""
    )
    yield _title_warning(
        case,
        f"'{signer.title}' ist eine Amtsbezeichnung im Landkreis, nicht in einer Stadt.{deputy} Bitte die "
        "Amtsbezeichnung prüfen.",
    )


@PAPER_RULES.rule("unterzeichnung-in-vertretung")
def signed_for_the_head(case: PaperCase) -> Iterator[Finding]:
    """Where the head of the administration submits the papers (no Magistrat), a paper signed by
    someone else – a Beigeordneter, a Dezernentin – signs 'In Vertretung': without it the
    block names the Dezernent alone under a header 'Vorlage von Oberbürgermeisterin …' (NRW
    review). A collegial organ's papers are signed by one of its members and need no such line."""
    procedure, signer = case.council.procedure, case.paper.signer
    if procedure is None or procedure.submitting_executive is not None or signer is None or signer.for_the_head:
        return
    if signer.title in (procedure.head.male, procedure.head.female) or (
        case.council.head is not None and _bare_name(signer.name) == _bare_name(case.council.head)
    ):
        return  # the head herself ('Anna Berger' for 'Dr. Anna Berger', or by her title)
    if signs_in_own_right(procedure.state, signer.title):
        return
    yield Finding(
        at(case.name, "vorlage", "unterzeichnung", "in_vertretung"),
        f"Die Vorlagen bringt {procedure.head.pair_with_articles} ein ({procedure.submission.legal_basis}). "
        f"Unterschreibt jemand anderes – hier {signer.name}, {signer.title} –, steht über dem Namen „In Vertretung“ "
        "(eine Vertreterin oder ein Vertreter der Verwaltungsspitze, 'in_vertretung: ja') oder „Im Auftrag“ "
        "(Beschäftigte wie eine Fachbereichsleitung, 'im_auftrag: ja').",
        WARNING,
        suggestion="in_vertretung: ja",
    )


@PAPER_RULES.rule("ueberweisung")
def referral_by_the_deciding_body_first(case: PaperCase) -> Iterator[Finding]:
    """'rolle: Überweisung' is the deciding body's referral of the paper to its committees (a
    Berlin BVV; Berlin review: the step could be entered only as its 'Vorberatung'): the body
    that decides, before the committees advise."""
    consultations = case.paper.consultations
    deciding = {c.committee for c in consultations if c.role == "Entscheidung"}
    advising = [c.date for c in consultations if c.role in ("Vorberatung", "Anhörung")]
    committees = case.council.committees
    for index, consultation in enumerate(consultations):
        if consultation.role != REFERRAL:
            continue
        name = committees[consultation.committee].name if consultation.committee in committees else ""
        if consultation.committee not in deciding:
            yield Finding(
                at(case.name, *CONSULTATIONS, index, "rolle"),
                f"'Überweisung' steht bei dem Gremium, das über die Vorlage entscheidet und sie zuvor in seine "
                f"Ausschüsse überweist; '{name}' entscheidet hier nicht. Bitte eine andere Rolle wählen.",
            )
        elif advising and consultation.date > min(advising):
            yield Finding(
                at(case.name, *CONSULTATIONS, index, "datum"),
                f"Die Überweisung in die Ausschüsse ({german_date(consultation.date)}) liegt nach deren erster "
                f"Beratung ({german_date(min(advising))}). Bitte die Termine prüfen.",
            )


@PAPER_RULES.rule("rolle-des-verwaltungsorgans")
def executive_resolves_on_the_paper(case: PaperCase) -> Iterator[Finding]:
    """A Magistrat (or the Hessian Kreisausschuss) does not pre-discuss a paper like a committee
    of the council: it resolves on submitting it. Only such an organ can do that."""
    committees, procedure = case.council.committees, case.council.procedure
    for index, consultation in enumerate(case.paper.consultations):
        committee = committees.get(consultation.committee)
        if committee is None:
            continue
        executive = resolves_on_papers(committee.kind, procedure)
        if executive and consultation.role == "Vorberatung":
            yield Finding(
                at(case.name, *CONSULTATIONS, index, "rolle"),
                f"'{committee.name}' berät die Vorlage nicht vor, sondern beschließt, sie einzubringen. Bitte "
                "'rolle: Beschluss über die Vorlage' eintragen.",
                WARNING,
            )
        if not executive and consultation.role == "Beschluss über die Vorlage":
            organ = procedure.executive if procedure is not None else None
            if organ is not None and not organ.resolves and committee.kind == organ.name:
                # the organ itself, which only deliberates the preparation (RLP review: the message
                # asked for 'art: Stadtvorstand', which gremien.yaml already had)
                forms = _forms(organ.name, organ.gender)
                yield Finding(
                    at(case.name, *CONSULTATIONS, index, "rolle"),
                    f"{sentence_start(forms.nom)} berät die Vorbereitung der Beschlüsse der Vertretung "
                    f"({organ.prepares or organ.legal_basis}); {forms.pronoun} beschließt nicht über das Einbringen "
                    "einer Vorlage. Bitte 'rolle: Vorberatung' wählen.",
                )
                continue
            # the Land's organ entered under another kind ('Senat' as 'Sonstiges'; Bremen re-review)
            fix = (
                f"Ist '{committee.name}' {_forms(organ.name, organ.gender).nom}, bitte in gremien.yaml "
                f"'art: {organ.name}' eintragen; sonst eine andere Rolle wählen."
                if organ is not None and organ.name in committee.name
                else "Bitte eine andere Rolle wählen."
            )
            yield Finding(
                at(case.name, *CONSULTATIONS, index, "rolle"),
                f"Über das Einbringen einer Vorlage beschließt ein Verwaltungsorgan wie der Magistrat, nicht "
                f"'{committee.name}'. {fix}",
            )


#: The Land's law on beschließende Ausschüsse, where read: Art. 32 GO in Bayern (haufe.de, TVöD-Office;
#: Bavarian city review), §§ 48, 49 KVG LSA (anwalt24.de; review in Sachsen-Anhalt). Elsewhere the warning
#: cites nothing (code review: it cited the law of the body that prepares the council's decisions).
_COMMITTEE_LAW = {
    ("Bayern", False): "Art. 32 GO",
    ("Sachsen-Anhalt", False): "§§ 48, 49 KVG LSA",
    ("Sachsen-Anhalt", True): "§§ 48, 49 KVG LSA",
}
#: Kinds whose powers their Land's law gives them, decisions included (Kreisausschuss, Hauptausschuss,
#: Magistrat …): a decision there is not questioned unless gremien.yaml says the body only advises.
_OWN_POWERS = (*PREPARING_KINDS, "Finanzausschuss")


def _powers_in_law(kind: str, procedure: Procedure | None) -> bool:
    """Whether a body of this kind has powers of its own in the Land's law (:data:`_OWN_POWERS`):
    a Finanzausschuss, and of the preparing kinds the one its procedure names (the Kreisausschuss in
    Niedersachsen, not in Sachsen-Anhalt, whose law has none) – any of them where the Land is not known."""
    if kind not in _OWN_POWERS:
        return False
    if procedure is None or kind not in PREPARING_KINDS:
        return True
    return procedure.preparation.body == kind


@PAPER_RULES.rule("entscheidung-im-ausschuss")
def a_committee_decides(case: PaperCase) -> Iterator[Finding]:
    """'rolle: Entscheidung' in a committee: only a beschließender Ausschuss decides, on what the
    council transferred to it (Art. 32 GO in Bayern, § 48 KVG LSA, § 41 SächsGemO; reviews in
    Sachsen, Sachsen-Anhalt and Bayern: a Sozialausschuss decided, unwarned). Warned where
    gremien.yaml calls the committee beratend, or says nothing of an ordinary committee."""
    committees, procedure = case.council.committees, case.council.procedure
    law = _COMMITTEE_LAW.get((procedure.state, procedure.kind in _COUNTIES)) if procedure is not None else None
    basis = f" ({law})" if law else ""
    for index, consultation in enumerate(case.paper.consultations):
        committee = committees.get(consultation.committee)
        if committee is None or consultation.role != "Entscheidung" or committee.decides:
            continue
        if committee.kind == "Ortsbeirat":
            continue  # a part of the municipality decides what its Land's law gives it
        if is_executive(committee.kind, procedure):
            continue
        if committee.decides is False:
            # an error: the inputs contradict themselves, and the consultations after it were
            # reported as errors while this, their cause, came last as a warning (BW review)
            yield Finding(
                at(case.name, *CONSULTATIONS, index, "rolle"),
                f"'{committee.name}' ist in gremien.yaml ein beratender Ausschuss ('beschliessend: false') und kann "
                f"nicht entscheiden{basis}. Bitte 'rolle: Vorberatung' eintragen und die Entscheidung der Vertretung "
                "oder einem beschließenden Ausschuss überlassen.",
            )
            continue
        if _powers_in_law(committee.kind, procedure):
            continue
        # a Kreisausschuss the Land's law does not know decides as any committee (§ 48 KVG LSA; review
        # in Sachsen-Anhalt: one copied from the Niedersachsen example decided, unwarned)
        yield Finding(
            at(case.name, *CONSULTATIONS, index, "rolle"),
            f"'{committee.name}' soll entscheiden. Das kann ein Ausschuss nur, wenn die Vertretung ihm die "
            f"Angelegenheit übertragen hat (beschließender Ausschuss{', ' + law if law else ''}). Bitte in gremien.yaml "
            "'beschliessend: true' eintragen, wenn die Hauptsatzung es so bestimmt, sonst die Entscheidung "
            "der Vertretung vorlegen.",
            WARNING,
        )


def _organ_listed(case: PaperCase, executive: Body) -> Committee | None:
    """The Land's collegial organ as gremien.yaml lists it (by its kind), if it does: the rules on
    what passes it apply only where the municipality has one."""
    return next((c for c in case.council.committees.values() if c.kind == executive.name), None)


@PAPER_RULES.rule("verwaltungsorgan-bereitet-vor")
def executive_prepares_the_decision(case: PaperCase) -> Iterator[Finding]:
    """Where the council's decisions are prepared in a collegial organ of the administration (the
    Stadtvorstand, § 58 Abs. 3 Satz 2 GemO RLP), a Beschlussvorlage listed without it skips a step
    the law prescribes (review of a große kreisangehörige Stadt in RP). Only where gremien.yaml
    lists the organ: a city with fewer than two hauptamtliche Beigeordnete has none (§ 57 GemO)."""
    procedure = case.council.procedure
    if procedure is None or _council_decision(case) is None:
        return
    executive = procedure.executive
    if executive is None or executive.prepares is None:
        return
    organ = _organ_listed(case, executive)
    if organ is None or any(c.committee == organ.id for c in case.paper.consultations):
        return
    yield Finding(
        at(case.name, *CONSULTATIONS),
        f"Die Vorbereitung der Beschlüsse {_forms(procedure.council.name, procedure.council.gender).gen} wird "
        f"{_forms(executive.name, executive.gender).im} beraten ({executive.prepares}); die Beratungsfolge nennt "
        f"'{organ.name}' nicht. Bitte eine Beratung dort eintragen.",
        WARNING,
    )


@PAPER_RULES.rule("verwaltungsorgan-bringt-ein")
def executive_submits_council_papers(case: PaperCase) -> Iterator[Finding]:
    """Where a collegial organ submits the papers (Magistrat, the Hessian Kreisausschuss, § 41 HKO),
    a paper that goes to the council passes it first: listed without it, the paper read 'Vorlage
    von Landrätin' on its way to the Kreistag (review of a Hessian Landkreis). Only where gremien.yaml
    lists the organ; papers to committees alone are left to local practice (in Bremen a Senator
    submits the Deputation's papers)."""
    procedure = case.council.procedure
    executive = procedure.submitting_executive if procedure is not None else None
    if procedure is None or executive is None or not executive.resolves:
        return
    committees = case.council.committees
    organ = _organ_listed(case, executive)
    consulted = {c.committee for c in case.paper.consultations}
    if organ is None or organ.id in consulted:
        return
    council = next((committees[c] for c in consulted if c in committees and committees[c].is_council), None)
    if council is None:
        return
    yield Finding(
        at(case.name, *CONSULTATIONS),
        f"Die Vorlagen bringt {_forms(executive.name, executive.gender).nom} ein ({procedure.submission.legal_basis}); "
        f"diese Vorlage geht an '{council.name}', die Beratungsfolge nennt '{organ.name}' aber nicht. Bitte vor der "
        f"ersten Beratung 'gremium: {organ.id}' mit 'rolle: Beschluss über die Vorlage' eintragen.",
        WARNING,
    )


@PAPER_RULES.rule("beteiligung-nach-beschluss")
def ordered_bodies_consulted(case: PaperCase) -> Iterator[Finding]:
    """A decision that ordered a body's involvement binds the papers that carry it out."""
    paper, council = case.paper, case.council
    consulted = {c.committee for c in paper.consultations}
    last: Consultation = paper.consultations[-1]
    for index, decision_id in enumerate(paper.named_decisions):
        decision = council.decisions.get(decision_id)
        if decision is None:
            continue
        for committee_id in decision.involve:
            committee = council.committees.get(committee_id)
            if committee is None or committee_id in consulted:
                continue
            sittings = [d for d in committee.meetings if paper.date < d <= last.date]
            when = (
                f"Mögliche Sitzung: {', '.join(german_date(d) for d in sittings)}."
                if sittings
                else f"'{committee.name}' tagt laut gremien.yaml nicht zwischen {german_date(paper.date)} und "
                f"{german_date(last.date)}."
            )
            yield Finding(
                at(case.name, "vorlage", "beschluesse", index),
                f"Der Beschluss {decision.number} vom {german_date(decision.date)} sieht vor, das Gremium "
                f"'{committee.name}' zu beteiligen; es fehlt in der Beratungsfolge. {when}",
                WARNING,
            )


@PAPER_RULES.rule("beirat-anhoeren")
def council_of_residents_heard(case: PaperCase) -> Iterator[Finding]:
    """The council of residents the Land's law says must be heard (the Ausländerbeirat, § 88 Abs. 2
    HGO) is heard before the council adopts the concept, where gremien.yaml lists it (Hessian
    review: M 184/2026 left it out, with a group of newly arrived families in the concept)."""
    paper, council = case.paper, case.council
    hearing = council.procedure.hearing if council.procedure is not None else None
    decision = _council_decision(case)
    if hearing is None or decision is None or "konzept" not in paper.blocks:
        return
    consulted = {c.committee for c in paper.consultations}
    for body in council.committees.values():
        if not body.is_heard_only or hearing.council not in body.name or body.id in consulted:
            continue
        last = paper.consultations[decision]
        suggestion = _suggestion(case, body, decision, paper.date, last.date)
        yield Finding(
            at(case.name, *CONSULTATIONS),
            f"{sentence_start(body.forms.nom)} {hearing.duty} ({hearing.legal_basis}); die Vorlage legt das "
            f"Gesamtkonzept zur Beschlussfassung vor, ohne ihn zu hören. Bitte eine Sitzung mit 'rolle: Anhörung' "
            f"vor der Entscheidung aufnehmen. {suggestion}",
            WARNING,
        )


@PAPER_RULES.rule("fachausschuss-der-mittel")
def committees_of_the_money_consulted(case: PaperCase) -> Iterator[Finding]:
    """A Beschlussvorlage the council decides binds the money of the budget year; a committee
    responsible for part of it (ressourcen.yaml: gremium) that never sees the paper is left out
    of a decision on its own means (Saxon review: 524.600 € of the Ausschuss für Soziales und
    Gesundheit, consulted by neither JHA nor Stadtrat paper). A warning: the local
    Geschäftsordnung decides who deliberates first."""
    paper, council = case.paper, case.council
    deciding = _council_decision(case)
    # a committee that decides (the JHA, § 71 SGB VIII) does so within the means provided to it: the
    # money of another committee in its paper is that committee's matter too (RLP review)
    decision = paper.decision if paper.kind == "Beschlussvorlage" else None
    committee_decides = council.committees.get(decision.committee) if decision is not None else None
    if (deciding is None and committee_decides is None) or paper.finances is None:
        return
    consulted = {c.committee for c in paper.consultations}
    year = paper.finances.budget_year
    chosen = set(paper.finances.lines)
    if deciding is None and not chosen:
        return  # a committee's paper without lines of its own choosing covers its own money only
    missing = dict.fromkeys(
        council.line_committees[line]
        for line, y in council.line_years.items()
        if y == year and (not chosen or line in chosen)
    )
    for committee_id in missing:
        committee = council.committees.get(committee_id)
        if committee is None or committee_id in consulted or committee.is_council:
            continue
        if is_executive(committee.kind, council.procedure):
            continue
        within = (
            f" {sentence_start(committee_decides.forms.nom)} entscheidet nur im Rahmen der Mittel, die "
            f"{committee_decides.forms.pronoun_dat} bereitgestellt sind."
            if deciding is None and committee_decides is not None
            else ""
        )
        yield Finding(
            at(case.name, *CONSULTATIONS),
            f"'{committee.name}' verantwortet Mittel {year}, über die die Vorlage mitentscheidet (ressourcen.yaml), "
            f"steht aber nicht in der Beratungsfolge.{within} Bitte eine Vorberatung dort aufnehmen oder prüfen, ob "
            "die Geschäftsordnung sie entbehrlich macht.",
            WARNING,
        )


@PAPER_RULES.rule("finanzausschuss")
def finance_committee_consulted(case: PaperCase) -> Iterator[Finding]:
    """Where the Land's law has a Finanzausschuss prepare the decisions the budget's execution
    needs (§ 36 Abs. 2 KV M-V), a Beschlussvorlage that binds money passes it – or the
    Hauptausschuss, to which the Hauptsatzung may give its tasks (review of a city in M-V)."""
    paper, council = case.paper, case.council
    procedure = council.procedure
    if procedure is None or procedure.finance_committee is None or paper.finances is None:
        return
    decision = _council_decision(case)
    if decision is None:
        return
    # a Finanzausschuss of its own means the Hauptausschuss does not hold its tasks (review of a city in
    # M-V: a paper passing the Hauptausschuss alone went unwarned beside a listed Finanzausschuss)
    own = any(is_finance_committee(c) for c in council.committees.values())
    for consultation in paper.consultations[:decision]:
        committee = council.committees.get(consultation.committee)
        if committee is not None and (
            is_finance_committee(committee) or (committee.kind == "Hauptausschuss" and not own)
        ):
            return
    yield Finding(
        at(case.name, *CONSULTATIONS),
        f"{_procedure_text(procedure)} bereitet der Finanzausschuss die Entscheidungen vor, die die Durchführung "
        f"des Haushaltsplans erfordert ({procedure.finance_committee}); die Vorlage bindet Mittel des Haushaltsjahres "
        f"{paper.finances.budget_year}, ihre Beratungsfolge nennt ihn vor der Entscheidung nicht. Bitte eine Vorberatung im "
        "Finanzausschuss aufnehmen (oder im Hauptausschuss, wenn die Hauptsatzung ihm dessen Aufgaben überträgt).",
        WARNING,
    )


@PAPER_RULES.rule("finanzen-im-haushaltsjahr")
def finances_in_budget_year(case: PaperCase) -> Iterator[Finding]:
    """The financial section adds up one budget year; a line of another year would distort it."""
    name, paper = case.name, case.paper
    council = case.council
    if paper.finances is None:
        return
    year = paper.finances.budget_year
    for index, line_id in enumerate(paper.finances.lines):
        line_year = council.line_years.get(line_id)
        if line_year is not None and line_year != year:
            yield Finding(
                at(name, "vorlage", "finanzen", "positionen", index),
                f"Die Position '{line_id}' gilt für {line_year}, das Haushaltsjahr der Vorlage ist {year}.",
            )
    if year not in council.line_years.values():
        yield Finding(
            at(name, "vorlage", "finanzen", "haushaltsjahr"),
            f"Für {year} gibt es in ressourcen.yaml weder Aufwand noch Erträge. Bitte das Haushaltsjahr "
            "prüfen oder die Mittel dort eintragen.",
        )
        return
    consulting = [
        council.committees[c.committee]
        for c in paper.consultations
        if c.committee in council.committees
        and not is_executive(council.committees[c.committee].kind, council.procedure)
    ]
    in_scope = [
        line
        for line, y in council.line_years.items()
        if y == year and consulting_bodies_pay(council.line_committees[line], consulting)
    ]
    if not paper.finances.lines and not in_scope:
        yield Finding(
            at(name, "vorlage", "finanzen"),
            f"Im Haushaltsjahr {year} verantwortet keines der Gremien der Beratungsfolge Aufwand oder Erträge, die "
            "finanziellen Auswirkungen wären leer. Bitte unter 'positionen' die betroffenen Positionen nennen "
            "oder 'finanzen' weglassen.",
        )


@RULES.rule("eindeutige-nummern")
def unique_numbers(parsed: Parsed) -> Iterator[Finding]:
    """Numbers must differ in a way that survives file names: 'SA/2026/041' and 'sa-2026-041'
    would write the same files and the same OParl record."""
    seen: dict[str, tuple[str, str]] = {}
    for name, paper in parsed.papers.items():
        key = safe_file_part(paper.number).casefold()
        if key in seen:
            number, where = seen[key]
            same = "" if number == paper.number else f" (als '{number}')"
            if number == paper.number and (is_deliberated(where) or is_deliberated(name)):
                # copied instead of moved (re-check review: 'vergeben' read as 'choose another number')
                yield Finding(
                    at(name, "vorlage", "nummer"),
                    f"Die Vorlage '{paper.number}' liegt zweimal vor: hier und in {where}. Ist sie beraten, bitte "
                    f"die Datei nur in {DELIBERATED_FOLDER}/ behalten und die andere löschen (verschieben, nicht kopieren).",
                )
                continue
            yield Finding(
                at(name, "vorlage", "nummer"),
                f"Die Vorlagen-Nr. '{paper.number}' ist schon in {where} vergeben{same}.",
            )
        seen.setdefault(key, (paper.number, name))


def _committees_and_procedure(parsed: Parsed) -> tuple[list[Committee], Procedure | None]:
    """The bodies of gremien.yaml and the procedure of the municipality's Land and kind, for the
    rules that compare the two (no procedure where a file is missing or the table has none)."""
    committee_file = parsed.get("gremien.yaml", CommitteeFile)
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    if committee_file is None or municipality is None:
        return [], None
    return committee_file.committees, procedure_for(
        municipality.municipality.state, municipality.municipality.kind
    )


#: Each council's name as a word of its own: 'Rat' in 'Rat der Stadt', not in 'Stadtrat'.
_COUNCIL_WORD = {kind: re.compile(rf"\b{re.escape(kind)}\b") for kind in COUNCIL_KINDS}


@RULES.rule("vertretung-nach-landesrecht")
def council_named_as_in_the_land(parsed: Parsed) -> Iterator[Finding]:
    """A Kreistag in a kreisfreie Stadt, a Stadtrat in Hessen: the representation's name comes
    from the Land's law, and every paper and the concept repeat it."""
    committees, procedure = _committees_and_procedure(parsed)
    if procedure is None:
        return
    names = procedure.council.names
    basis = procedure.council.legal_basis or procedure.youth_welfare_law
    # a Region's or Regionalverband's council is no name of the Land's other Landkreise
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    own = municipality.municipality if municipality is not None else None
    association = association_of(own.state, own.name, own.kind) if own is not None else None
    others = ASSOCIATION_COUNCILS - ({association.council} if association is not None else set())
    for index, committee in enumerate(committees):
        named_so = any(_COUNCIL_WORD[n].search(committee.name) for n in names)
        # the kind counts too: 'art: Kreistag' under the name 'Stadtverordnetenversammlung' made every
        # sentence that names the council by its kind wrong (review of a Hessian Sonderstatusstadt)
        if not committee.is_council or (named_so and committee.kind in names):
            continue
        # the kind may be right while the name, which every paper prints, is another Land's
        # ('art: Rat' with 'name: Stadtverordnetenversammlung' in Nordrhein-Westfalen)
        other = next(
            (k for k in COUNCIL_KINDS if k not in names and _COUNCIL_WORD[k].search(committee.name)), None
        )
        wrong, key = (committee.kind, "art") if committee.kind not in names else (other, "name")
        if wrong is not None:
            # the names a Hauptsatzung may give it too ('Bürgerschaft' in Rostock): a user told only
            # 'Stadtvertretung' would rename a council that was right (review in Mecklenburg-Vorpommern)
            also = " oder ".join(f"'{n}'" for n in procedure.council.also if n not in others)
            yield Finding(
                at("gremien.yaml", "gremien", index, key),
                f"{_procedure_text(procedure)} heißt die Vertretung '{procedure.council.name}' "
                f"({f'auch {also}; ' if also else ''}{basis}), nicht '{wrong}'. Bitte 'art' und 'name' prüfen.",
                WARNING,
            )


@RULES.rule("verwaltungsorgan-nach-landesrecht")
def executive_exists_in_the_land(parsed: Parsed) -> Iterator[Finding]:
    """A Magistrat in Nordrhein-Westfalen, a Bezirksamt in a Landkreis: only some Länder have a
    collegial administration, and a body listed as one resolves on every paper before the
    committees, is left out of the reports and signs nothing political – in a Land without it,
    each paper would show a procedure the law does not know."""
    committees, procedure = _committees_and_procedure(parsed)
    if procedure is None:
        return
    executive = procedure.executive
    for index, committee in enumerate(committees):
        if committee.kind not in EXECUTIVE_KINDS or (executive is not None and executive.name == committee.kind):
            continue
        if executive is not None:
            instead = f"das Verwaltungsorgan ist {_forms(executive.name, executive.gender).nom}"
        else:
            instead = (
                f"die Vorlagen bringt {procedure.head.pair_with_articles} ein ({procedure.submission.legal_basis})"
            )
        # a Hamburg Bezirksamt exists, but as an authority its head runs, not as a board (Hamburg review)
        exists = procedure.authority == committee.kind
        what = (
            f"beschließt {_forms(committee.kind, 'n').nom} nicht als Kollegium über Vorlagen"
            if exists
            else f"gibt es {_no(committee.kind)}"
        )
        yield Finding(
            at("gremien.yaml", "gremien", index, "art"),
            f"{_procedure_text(procedure)} {what}; {instead}. Bitte den Eintrag '{committee.name}' entfernen oder "
            "'art' prüfen.",
            WARNING,
        )


def _no(kind: str) -> str:
    """'keinen Kreisausschuss', 'keine Stadtverordnetenversammlung': a body's kind negated."""
    found = head_of(kind.lower())
    gender = found[1].gender if found else "m"
    return f"{ {'m': 'keinen', 'f': 'keine', 'n': 'kein'}[gender] } {kind}"


@RULES.rule("gremium-nach-landesrecht")
def body_exists_in_the_land(parsed: Parsed) -> Iterator[Finding]:
    """A Kreisausschuss copied into a Kreis in Schleswig-Holstein, whose Kreisordnung has a
    Hauptausschuss instead (SH review): every Beratungsfolge would show a body the Land's law
    does not know."""
    committees, procedure = _committees_and_procedure(parsed)
    if procedure is None or not procedure.absent_bodies:
        return
    preparing = procedure.preparation.body
    instead = (
        f"; neben {_forms(procedure.council.name, procedure.council.gender).dat} steht "
        f"{_forms(preparing, procedure.preparation.gender).nom} ({procedure.preparation.legal_basis})"
        if preparing
        else ""
    )
    for index, committee in enumerate(committees):
        if committee.kind in procedure.absent_bodies:
            yield Finding(
                at("gremien.yaml", "gremien", index, "art"),
                f"{_procedure_text(procedure)} gibt es {_no(committee.kind)}"
                f"{instead}. Bitte den Eintrag '{committee.name}' prüfen.",
                WARNING,
            )


#: The kinds of a council's main committee, one per municipality where the Land's law has one.
_MAIN_COMMITTEES = ("Kreisausschuss", "Hauptausschuss", "Verwaltungsausschuss")


@RULES.rule("ein-hauptausschuss")
def one_main_committee(parsed: Parsed) -> Iterator[Finding]:
    """A 'Haupt- und Finanzausschuss' entered as a Hauptausschuss beside the Verwaltungsausschuss
    of a Lower Saxon city (review: unwarned): the law gives a municipality one main committee,
    which prepares the council's decisions (§§ 74, 76 NKomVG); the Beratungsfolge would ask for
    either. Only where the Land's procedure has such a committee prepare the council."""
    committees, procedure = _committees_and_procedure(parsed)
    preparing = procedure.preparation.body if procedure is not None else None
    # the Hessian Kreisausschuss is the administration; beside it a Kreistag has its Haupt- und
    # Finanzausschuss
    if procedure is None or preparing not in _MAIN_COMMITTEES or is_executive(preparing, procedure):
        return
    main = [(index, c) for index, c in enumerate(committees) if c.kind in _MAIN_COMMITTEES]
    if len(main) < 2:
        return
    # the one the law names stays, whichever comes first in the file (code review)
    keep = next((c for _, c in main if c.kind == preparing), main[0][1])
    for index, committee in main:
        # a body the Land does not have is warned about as such (SH review: a Kreisausschuss drew
        # both warnings on one line)
        if committee is keep or committee.kind in procedure.absent_bodies:
            continue
        entered = (
            f"ein Gremium der Art '{committee.kind}'"
            if committee.name == committee.kind
            else f"'{committee.name}' als '{committee.kind}'"
        )
        yield Finding(
            at("gremien.yaml", "gremien", index, "art"),
            f"Neben '{keep.name}' ist auch {entered} eingetragen. "
            f"{_procedure_text(procedure)} gibt es nur einen Hauptausschuss"  # all three kinds are masculine
            f"{'' if preparing == 'Hauptausschuss' else ', den ' + preparing} ({procedure.preparation.legal_basis}). "
            f"Bitte '{committee.name}' als Fachausschuss mit der Art seiner Aufgaben eintragen (etwa 'art: "
            "Finanzausschuss' oder 'art: Sonstiges').",
            WARNING,
        )


@RULES.rule("jugendhilfeausschuss-beschliesst")
def youth_committee_decides(parsed: Parsed) -> Iterator[Finding]:
    """A Jugendhilfeausschuss marked 'beschliessend: false' (review of a Große Kreisstadt: the
    Beratungsfolge called it „beratender Ausschuss“, unwarned): it has the right to decide on
    matters of youth welfare within the council's means, statutes and decisions (§ 71 Abs. 4
    Satz 1 SGB VIII), whatever the Hauptsatzung says of other committees."""
    committee_file = parsed.get("gremien.yaml", CommitteeFile)
    for index, committee in enumerate(committee_file.committees if committee_file is not None else ()):
        if committee.kind == "Jugendhilfeausschuss" and committee.deciding is False:
            yield Finding(
                at("gremien.yaml", "gremien", index, "beschliessend"),
                f"'{committee.name}' ist als beratender Ausschuss eingetragen. Der Jugendhilfeausschuss hat "
                "Beschlussrecht in Angelegenheiten der Jugendhilfe im Rahmen der von der Vertretung bereitgestellten "
                "Mittel, ihrer Satzungen und Beschlüsse (§ 71 Abs. 4 Satz 1 SGB VIII). Bitte 'beschliessend: false' "
                "streichen.",
                WARNING,
            )


#: Where a große kreisangehörige Stadt's head is no Oberbürgermeister: only a kreisfreie Stadt's
#: Bürgermeister is (§ 40 Abs. 2 GO NRW; Brandenburg likewise).
_NO_OBERBUERGERMEISTER = ("Nordrhein-Westfalen", "Brandenburg")


@RULES.rule("amtsbezeichnung-nach-landesrecht")
def head_titled_as_in_the_land(parsed: Parsed) -> Iterator[Finding]:
    """A Landrat heads a Landkreis, an Oberbürgermeisterin a city: the title on every paper
    must fit the kind of municipality."""
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    own = municipality.municipality if municipality is not None else None
    procedure = procedure_for(own.state, own.kind) if own is not None else None
    if own is None or own.head is None or procedure is None:
        return
    title = own.head.title
    association = association_of(own.state, own.name, own.kind)
    # the Regionspräsidentin, the Regionalverbandsdirektorin; else the Land's head of this kind
    male, female = association.head if association is not None else (procedure.head.male, procedure.head.female)
    allowed = {male, female}
    if own.kind == "große kreisangehörige Stadt" and own.state not in _NO_OBERBUERGERMEISTER:
        # the title of a Große Kreisstadt or große selbständige Stadt in most Länder (§ 7 Abs. 2
        # NKomVG, Art. 34 GO Bayern …): the table follows the kreisangehörige Stadt (review)
        allowed |= {"Oberbürgermeister", "Oberbürgermeisterin"}
    # a Senatorin is titled by her Ressort: 'Senatorin für Arbeit, Soziales, Jugend und Integration'
    # (Bremen review: told to drop it, the papers lost what she is Senatorin for)
    if procedure.kind == "Stadtstaat" and title.split(" für ", 1)[0] in allowed:
        return
    if title in allowed:
        return
    # a city with its own Jugendamt is mostly a große kreisangehörige Stadt, whose Hauptsatzung may
    # give the head that title (§ 61 Abs. 2 GO SH; review of a city in Schleswig-Holstein)
    larger = (
        " Ist die Stadt eine große kreisangehörige Stadt, bitte 'art: große kreisangehörige Stadt' eintragen."
        if own.kind == "kreisangehörige Stadt"
        and title.startswith("Oberbürgermeister")
        and own.state not in _NO_OBERBUERGERMEISTER
        else ""
    )
    where = sentence_start(with_article(own.name, "in")) if association is not None else _procedure_text(procedure)
    yield Finding(
        at("kommune.yaml", "kommune", "verwaltungsspitze", "amtsbezeichnung"),
        f"{where} heißt die Verwaltungsspitze '{female}' oder '{male}', nicht '{title}'. Bitte prüfen.{larger}",
        WARNING,
    )


@RULES.rule("grosse-kreisangehoerige-stadt")
def large_city_named_so(parsed: Parsed) -> Iterator[Finding]:
    """A kreisangehörige Stadt above the Land's threshold is by law a große kreisangehörige Stadt,
    with other tasks and names (NRW review: 70.850 inhabitants, entered as kreisangehörige Stadt)."""
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    own = municipality.municipality if municipality is not None else None
    if own is None or own.kind != "kreisangehörige Stadt":
        return
    procedure = procedure_for(own.state, own.kind)
    threshold = procedure.large_city_from if procedure is not None else None
    if threshold is None or own.population <= threshold.population:
        return
    yield Finding(
        at("kommune.yaml", "kommune", "art"),
        f"Die Stadt hat {number(own.population)} Einwohnerinnen und Einwohner. Liegt die Zahl an fünf "
        f"aufeinanderfolgenden Stichtagen über {number(threshold.population)}, ist eine kreisangehörige Stadt "
        f"{in_state(own.state)} von Amts wegen zur großen kreisangehörigen Stadt zu bestimmen "
        f"({threshold.legal_basis}). Ist die Stadt eine, bitte 'art: große kreisangehörige Stadt' eintragen.",
        WARNING,
    )


@RULES.rule("name-nach-landesrecht")
def county_named_as_in_the_land(parsed: Parsed) -> Iterator[Finding]:
    """'Landkreis Musterkreis' in Nordrhein-Westfalen or Schleswig-Holstein, whose laws know
    only Kreise: the name heads every document (NRW review) – and as the Träger der öffentlichen
    Jugendhilfe and a Träger in akteure.yaml it names the party to the Kooperationsvereinbarung
    (review of a Kreis in SH: 'Diese Vereinbarung schließen der Landkreis …', with the name put
    right and no warning left)."""
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    if municipality is None:
        return
    own = municipality.municipality
    procedure = procedure_for(own.state, own.kind)
    if procedure is None or procedure.local_term != "Kreis":
        return
    own_name = f"Landkreis {own.name.removeprefix('Landkreis ').removeprefix('Kreis ')}"
    places = [
        (at("kommune.yaml", "kommune", "name"), own.name, "der Name steht auf jedem Dokument"),
        (
            at("kommune.yaml", "kommune", "traeger"),
            own.youth_welfare_authority,
            "als Träger der öffentlichen Jugendhilfe schließt er die Kooperationsvereinbarung",
        ),
    ]
    actors = parsed.get("akteure.yaml", ActorFile)
    places += [
        (
            at("akteure.yaml", "traeger", index, "name"),
            organisation.name,
            "so heißt er als Träger in den Dokumenten",
        )
        for index, organisation in enumerate(actors.organisations if actors is not None else [])
        if organisation.name == own_name
    ]
    for where, name, role in places:
        if name.startswith("Landkreis "):
            proposed = f"Kreis {name.removeprefix('Landkreis ')}"
            yield Finding(
                where,
                f"In {own.state} heißen die Landkreise nach der Kreisordnung „Kreis“; {role}. "
                f"Vorschlag: „{proposed}“.",
                WARNING,
                suggestion=proposed,
            )


@RULES.rule("ratsverfahren")
def council_procedure(parsed: Parsed) -> list[Finding]:
    """Every paper rule on every paper that parsed; needs gremien.yaml and ressourcen.yaml."""
    committee_file = parsed.get("gremien.yaml", CommitteeFile)
    resources = parsed.get("ressourcen.yaml", ResourceFile)
    if committee_file is None or resources is None:
        return []
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    head = municipality.municipality.head if municipality is not None else None
    lines: list[Expense | Income] = [*resources.expenses, *resources.income]
    council = Council(
        committees={c.id: c for c in committee_file.committees},
        line_years={line.id: line.year for line in lines},
        line_committees={line.id: line.committee for line in lines},
        decisions={d.id: d for d in committee_file.decisions},
        procedure=procedure_for(municipality.municipality.state, municipality.municipality.kind)
        if municipality is not None
        else None,
        head=head.name if head is not None else None,
        head_title=head.title if head is not None else None,
        county=municipality.municipality.county if municipality is not None else None,
    )
    # not the papers already deliberated (vorlagen/beraten/): their Beratungsfolge is the record of
    # what happened, not a plan to correct – their sittings may have left gremien.yaml's calendar
    # (re-check review: the build was refused, a sitting of 2026 was to move to 2027)
    return [
        finding
        for name, paper in parsed.papers_to_build.items()
        if name not in parsed.partial
        for finding in PAPER_RULES.run(PaperCase(name, paper, council))
    ]


@RULES.rule("traeger-im-bezirk")
def a_bezirk_is_no_carrier(parsed: Parsed) -> Iterator[Finding]:
    """A Bezirk of Berlin has no legal personality: the Land Berlin is the örtlicher Träger der
    Jugendhilfe, and the agreement must name it as the party (Berlin review: 'traeger: Bezirksamt
    Neuhafen' made the Bezirksamt a party of its own)."""
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    if municipality is None or municipality.municipality.kind != "Bezirk":
        return
    expected = STATE_AS_CARRIER.get(municipality.municipality.state)
    if expected is not None and municipality.municipality.youth_welfare_authority != expected[0]:
        yield Finding(
            at("kommune.yaml", "kommune", "traeger"),
            f"Örtlicher Träger der öffentlichen Jugendhilfe ist in {municipality.municipality.state} "
            f"{with_article(expected[0], 'nom')} ({expected[1]}), nicht "
            f"'{municipality.municipality.youth_welfare_authority}'.",
            WARNING,
            suggestion=f"traeger: {expected[0]}",
        )
