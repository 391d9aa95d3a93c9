"""Stage 2, council papers: the rules of the council that a single paper file cannot check alone.

Each rule reads the parsed files and yields findings (file, field path, message); the validator
locates them in the YAML text. Rules only run on papers whose own file parsed cleanly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from pipeline.errors import Finding
from pipeline.formatting import german_date, safe_file_part
from pipeline.model import Committee, CommitteeFile, Paper, ResourceFile
from pipeline.papers import consulting_bodies_pay


class Context(NamedTuple):
    """What the paper rules look at besides the paper itself."""

    committees: dict[str, Committee]
    funding_years: dict[str, int]
    funding_committees: dict[str, str]


Rule = Callable[[str, Paper, Context], Iterator[Finding]]
CONSULTATIONS = ("vorlage", "beratungsfolge")


def _proposal_matches_kind(name: str, paper: Paper, _: Context) -> Iterator[Finding]:
    """Only a Beschlussvorlage asks for a decision, and it must say which."""
    if paper.kind == "Beschlussvorlage" and not paper.proposal:
        yield Finding(
            name,
            ("vorlage", "beschlussvorschlag"),
            "Eine Beschlussvorlage braucht einen Beschlussvorschlag mit mindestens einem Punkt.",
        )
    if paper.kind != "Beschlussvorlage" and paper.proposal:
        article = "Ein" if paper.kind == "Sachstandsbericht" else "Eine"
        yield Finding(
            name,
            ("vorlage", "beschlussvorschlag"),
            f"{article} {paper.kind} hat keinen Beschlussvorschlag. Bitte weglassen oder "
            "'art: Beschlussvorlage' wählen.",
        )
    deciding = [c for c in paper.consultations if c.role == "Entscheidung"]
    if paper.kind == "Beschlussvorlage" and not deciding:
        yield Finding(
            name,
            CONSULTATIONS,
            "Eine Beschlussvorlage braucht in der Beratungsfolge ein Gremium mit der Rolle 'Entscheidung'.",
        )


def _dates_run_forward(name: str, paper: Paper, _: Context) -> Iterator[Finding]:
    """A paper is written before it is discussed, and each body discusses it after the last."""
    first = paper.consultations[0]
    if paper.date > first.date:
        yield Finding(
            name,
            ("vorlage", "datum"),
            f"Die Vorlage ist auf den {german_date(paper.date)} datiert, die erste "
            f"Beratung ist aber schon am {german_date(first.date)}.",
        )
    for index in range(1, len(paper.consultations)):
        before, now = paper.consultations[index - 1], paper.consultations[index]
        if now.date < before.date:
            yield Finding(
                name,
                (*CONSULTATIONS, index, "datum"),
                f"Die Beratungsfolge muss zeitlich vorwärts laufen: "
                f"{german_date(now.date)} liegt vor der vorherigen Beratung am "
                f"{german_date(before.date)}.",
            )


def _one_consultation_per_sitting(name: str, paper: Paper, _: Context) -> Iterator[Finding]:
    """A body discusses a paper once per sitting; a second entry would be a second agenda item."""
    seen: dict[tuple[str, dt.date], int] = {}
    for index, consultation in enumerate(paper.consultations):
        key = (consultation.committee, consultation.date)
        if key in seen:
            yield Finding(
                name,
                (*CONSULTATIONS, index),
                f"'{consultation.committee}' berät die Vorlage am "
                f"{german_date(consultation.date)} schon (Eintrag {seen[key]}). "
                "Bitte nur einmal je Sitzung eintragen und die Rolle dort wählen.",
            )
        seen.setdefault(key, index)


def _nearest(dates: list[dt.date], wanted: dt.date) -> dt.date:
    return min(dates, key=lambda d: abs((d - wanted).days))


def _meetings_exist(name: str, paper: Paper, context: Context) -> Iterator[Finding]:
    """Papers are discussed in scheduled meetings; a typo in a date would go unnoticed."""
    for index, consultation in enumerate(paper.consultations):
        committee = context.committees.get(consultation.committee)
        if committee is None or consultation.date in committee.meetings:
            continue
        path = (*CONSULTATIONS, index, "datum")
        if not committee.meetings:
            yield Finding(
                name,
                path,
                f"Für '{committee.name}' sind in gremien.yaml keine Sitzungstermine "
                "eingetragen. Bitte dort unter 'sitzungen' ergänzen.",
            )
            continue
        close = _nearest(committee.meetings, consultation.date)
        yield Finding(
            name,
            path,
            f"Am {german_date(consultation.date)} tagt '{committee.name}' laut "
            f"gremien.yaml nicht. Nächstgelegener Termin: {german_date(close)}.",
        )


def _youth_committee_heard_first(name: str, paper: Paper, context: Context) -> Iterator[Finding]:
    """§ 71 Abs. 3 SGB VIII: the Jugendhilfeausschuss is heard before the council decides."""
    if paper.kind != "Beschlussvorlage":
        return
    for index, consultation in enumerate(paper.consultations):
        committee = context.committees.get(consultation.committee)
        if committee is None or consultation.role != "Entscheidung" or not committee.is_council:
            continue
        heard = any(
            context.committees.get(c.committee) is not None
            and context.committees[c.committee].kind == "Jugendhilfeausschuss"
            and c.date < consultation.date
            for c in paper.consultations[:index]
        )
        if not heard:
            yield Finding(
                name,
                (*CONSULTATIONS, index, "gremium"),
                f"Bevor '{committee.name}' entscheidet, muss der Jugendhilfeausschuss "
                "die Vorlage beraten haben (§ 71 Abs. 3 SGB VIII). Bitte eine frühere "
                "Beratung im Jugendhilfeausschuss in die Beratungsfolge aufnehmen.",
            )


def _funding_in_budget_year(name: str, paper: Paper, context: Context) -> Iterator[Finding]:
    """The financial section adds up one budget year; a line of another year would distort it."""
    if paper.finances is None:
        return
    year = paper.finances.budget_year
    for index, funding_id in enumerate(paper.finances.funding):
        line_year = context.funding_years.get(funding_id)
        if line_year is not None and line_year != year:
            yield Finding(
                name,
                ("vorlage", "finanzen", "finanzierungslinien", index),
                f"Die Finanzierungslinie '{funding_id}' gilt für {line_year}, das "
                f"Haushaltsjahr der Vorlage ist {year}.",
            )
    if year not in context.funding_years.values():
        yield Finding(
            name,
            ("vorlage", "finanzen", "haushaltsjahr"),
            f"Für {year} gibt es in ressourcen.yaml keine Finanzierungslinien. Bitte "
            "das Haushaltsjahr prüfen oder die Mittel dort eintragen.",
        )
        return
    consulting = [
        context.committees[c.committee] for c in paper.consultations if c.committee in context.committees
    ]
    in_scope = [
        f
        for f, y in context.funding_years.items()
        if y == year and consulting_bodies_pay(context.funding_committees[f], consulting)
    ]
    if not paper.finances.funding and not in_scope:
        yield Finding(
            name,
            ("vorlage", "finanzen"),
            f"Im Haushaltsjahr {year} verantwortet keines der beratenden Gremien eine "
            "Finanzierungslinie, die finanziellen Auswirkungen wären leer. Bitte unter "
            "'finanzierungslinien' die betroffenen Linien nennen oder 'finanzen' "
            "weglassen.",
        )


RULES: tuple[Rule, ...] = (
    _proposal_matches_kind,
    _dates_run_forward,
    _one_consultation_per_sitting,
    _meetings_exist,
    _youth_committee_heard_first,
    _funding_in_budget_year,
)


def _unique_numbers(papers: dict[str, Paper]) -> Iterator[Finding]:
    """Numbers must differ in a way that survives file names: 'SA/2026/041' and 'sa-2026-041'
    would write the same files and the same OParl record."""
    seen: dict[str, tuple[str, str]] = {}
    for name, paper in papers.items():
        key = safe_file_part(paper.number).casefold()
        if key in seen:
            number, where = seen[key]
            same = "" if number == paper.number else f" (als '{number}')"
            yield Finding(
                name,
                ("vorlage", "nummer"),
                f"Die Vorlagen-Nr. '{paper.number}' ist schon in {where} vergeben{same}.",
            )
        seen.setdefault(key, (paper.number, name))


def paper_findings(parsed: dict[str, Any], papers: dict[str, Paper]) -> list[Finding]:
    """Every rule on every paper that parsed; needs gremien.yaml and ressourcen.yaml."""
    committee_file: CommitteeFile | None = parsed.get("gremien.yaml")
    resources: ResourceFile | None = parsed.get("ressourcen.yaml")
    if committee_file is None or resources is None:
        return []
    context = Context(
        committees={c.id: c for c in committee_file.committees},
        funding_years={f.id: f.year for f in resources.funding},
        funding_committees={f.id: f.committee for f in resources.funding},
    )
    findings = list(_unique_numbers(papers))
    for name, paper in papers.items():
        for rule in RULES:
            findings.extend(rule(name, paper, context))
    return findings
