"""Council papers: the rules of council procedure that a single paper file cannot check alone.

:data:`PAPER_RULES` look at one paper with the committees and budget lines around it
(:class:`PaperCase`); :data:`RULES` look at all papers together and run the paper rules on
each. The paper rules reason about a paper's whole Beratungsfolge and all bodies, so they only run
on papers whose own file parsed completely, and only while gremien.yaml and ressourcen.yaml did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.findings import Finding, RuleSet, at
from pipeline.formatting import german_date, safe_file_part
from pipeline.model.inputs import (
    Committee,
    CommitteeFile,
    Expense,
    Income,
    Paper,
    ResourceFile,
    consulting_bodies_pay,
)
from pipeline.validate.parsed import Parsed


class Council(NamedTuple):
    """What the paper rules look at besides the paper itself."""

    committees: dict[str, Committee]
    line_years: dict[str, int]
    line_committees: dict[str, str]


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
                f"{german_date(consultation.date)} schon (Eintrag {seen[key]}). "
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
        yield Finding(
            at(name, *path),
            f"Am {german_date(consultation.date)} tagt '{committee.name}' laut "
            f"gremien.yaml nicht. Nächstgelegener Termin: {german_date(close)}.",
        )


@PAPER_RULES.rule("jugendhilfeausschuss-zuerst")
def youth_committee_heard_first(case: PaperCase) -> Iterator[Finding]:
    """§ 71 Abs. 3 SGB VIII: the Jugendhilfeausschuss is heard before the council decides."""
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
                f"Bevor '{committee.name}' entscheidet, muss der Jugendhilfeausschuss "
                "die Vorlage beraten haben (§ 71 Abs. 3 SGB VIII). Bitte eine frühere "
                "Beratung im Jugendhilfeausschuss in die Beratungsfolge aufnehmen.",
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
        council.committees[c.committee] for c in paper.consultations if c.committee in council.committees
    ]
    in_scope = [
        line
        for line, y in council.line_years.items()
        if y == year and consulting_bodies_pay(council.line_committees[line], consulting)
    ]
    if not paper.finances.lines and not in_scope:
        yield Finding(
            at(name, "vorlage", "finanzen"),
            f"Im Haushaltsjahr {year} verantwortet keines der beratenden Gremien Aufwand oder Erträge, die "
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
            yield Finding(
                at(name, "vorlage", "nummer"),
                f"Die Vorlagen-Nr. '{paper.number}' ist schon in {where} vergeben{same}.",
            )
        seen.setdefault(key, (paper.number, name))


@RULES.rule("ratsverfahren")
def council_procedure(parsed: Parsed) -> list[Finding]:
    """Every paper rule on every paper that parsed; needs gremien.yaml and ressourcen.yaml."""
    committee_file = parsed.get("gremien.yaml", CommitteeFile)
    resources = parsed.get("ressourcen.yaml", ResourceFile)
    if committee_file is None or resources is None:
        return []
    lines: list[Expense | Income] = [*resources.expenses, *resources.income]
    council = Council(
        committees={c.id: c for c in committee_file.committees},
        line_years={line.id: line.year for line in lines},
        line_committees={line.id: line.committee for line in lines},
    )
    return [
        finding
        for name, paper in parsed.papers.items()
        if name not in parsed.partial
        for finding in PAPER_RULES.run(PaperCase(name, paper, council))
    ]
