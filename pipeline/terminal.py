"""What the commands print: plain-text tables for people at a terminal.

`check` groups the quality results by theme, per goal one line with number, status and title
and one line with the most telling evidence (shortened to the terminal's width; the full
evidence is in `--format json` and in the Qualitätsdialog). `plan` shows the reporting calendar,
`diff` the changes between two Fassungen, `review` the points of returned drafts.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from pipeline.findings import FULFILLED, OPEN, PARTIAL, STATUSES, UNKNOWN, Status
from pipeline.formatting import count, german_date
from pipeline.model.changes import ChangeSet
from pipeline.model.quality.assessment import QualityAssessment
from pipeline.model.reporting import ReportingView

#: Colours of the statuses where the terminal shows colour (click drops them elsewhere).
COLOURS = {FULFILLED: "green", PARTIAL: "yellow", OPEN: "red", UNKNOWN: "bright_black"}
STATUS_WIDTH = max(len(s) for s in STATUSES)
NUMBER_WIDTH = 8  # '  5.1.1 ' and room for '12.10.10'


def columns(rows: Sequence[Sequence[str]]) -> list[str]:
    """Plain text table: every column as wide as its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


# --- check ------------------------------------------------------------------------------------


def _status(status: Status) -> str:
    return click.style(status.ljust(STATUS_WIDTH), fg=COLOURS[status], bold=status == OPEN)


def assessment_table(assessment: QualityAssessment, width: int) -> list[str]:
    """The lines of the table for one catalog, wrapped to `width` columns."""
    catalog = assessment.catalog
    dimension = catalog.dimension
    municipality = assessment.concept.municipality.name
    stand = " (Stand des Konzepts)" if assessment.on_stand else ""
    lines = [
        click.style(f"Qualitätsdimension {dimension.number}: {dimension.title} – {municipality}", bold=True),
        f"Stichtag {german_date(assessment.reference_date)}{stand}",
        "",
    ]
    pad = " " * (NUMBER_WIDTH + STATUS_WIDTH + 2)
    for theme in catalog.themes:
        lines.append(click.style(f"{catalog.theme_number(theme)}  {theme.title}", bold=True))
        for result in assessment.theme_results(theme):
            lines.append(
                f"  {result.number:<{NUMBER_WIDTH - 2}}{_status(result.status)}  {result.goal.short_title}"
            )
            evidence = textwrap.shorten(result.headline.short, max(width - len(pad), 30), placeholder=" …")
            lines.append(pad + evidence)
            rating = assessment.rating(result.goal.id)
            if rating is not None:
                mark = click.style(" – weicht ab", fg="magenta", bold=True) if assessment.disagrees(result) else ""
                lines.append(f"{pad}Eigene Einschätzung: {rating.status}{mark}")
        lines.append("")
    counts = ", ".join(f"{n} {s}" for s, n in zip(STATUSES, assessment.counts(), strict=True))
    lines.append(f"Zusammen: {counts}.")
    if assessment.disagreements:
        lines.append(f"Abweichend eingeschätzt: {', '.join(r.number for r in assessment.disagreements)}.")
    return lines


# --- plan -------------------------------------------------------------------------------------


def plan_lines(view: ReportingView) -> list[str]:
    """The reporting calendar: every body's state, the planned consultations, the notices."""
    concept, on = view.concept, view.on
    lines = [f"Berichtskalender Frühe Hilfen – {concept.municipality.name}, Stichtag {german_date(on)}", ""]
    rows = [("Gremium", "Turnus", "Letzte Befassung", "Fällig bis", "Nächste Vorlage")]
    for item in view.schedule:
        papers = ", ".join(f"{p.paper.number} ({p.role})" for p in item.next_papers)
        rows.append(
            (
                item.committee.name,
                item.cycle,
                german_date(item.last_report) if item.last_report else "noch keiner",
                german_date(item.due) if item.last_report else "sofort",
                f"{german_date(item.next_papers[0].date)}: {papers}" if papers else "keine geplant",
            )
        )
    lines += columns(rows)
    upcoming = [p for p in view.planned_papers if p.date > on]
    lines += ["", "Geplante Beratungen"]
    if upcoming:
        lines += columns(
            [(german_date(p.date), p.committee.name, p.paper.number, p.paper.kind, p.role) for p in upcoming]
        )
    else:
        lines.append("keine")
    notices = view.notices
    lines += ["", "Hinweise"]
    lines += [f"Warnung: {notice.where.file}: {notice.message}" for notice in notices]
    # a report due already but planned for the next sitting is in order, not 'im Turnus' (Bavarian
    # review: the JHA's row said 'Fällig bis 20.11.2026' on 06.12.2026 above that sentence)
    late = [i for i in view.schedule if i.last_report and i.due_passed and i.next_papers]
    lines += [
        f"{i.committee.name}: Frist {german_date(i.due)} abgelaufen; der Bericht ist für die Sitzung am "
        f"{german_date(i.next_papers[0].date)} vorgesehen ({', '.join(p.paper.number for p in i.next_papers)})."
        for i in late
        if not any(i.committee.name in n.message for n in notices)
    ]
    if not notices and not late:
        lines.append("keine – alle Gremien sind im Berichtsturnus.")
    return lines


# --- build ------------------------------------------------------------------------------------

#: The Fassung in a file's name ('Massnahmenplan_Musterkreis_2.0.pdf').
_FASSUNG_IN_NAME = re.compile(r"_\d+(?:\.\d+)*(?=\.[^.]+$)")


def removal_line(removed: Path, written: Sequence[Path], papers: bool) -> str:
    """Why a build removed an earlier file: replaced by the same document of the new Fassung
    ('Massnahmenplan_…_2.0.pdf' by '…_2.1.pdf'; year-later review: 'keine Vorlage mehr dazu' read
    as if the paper were gone), else no paper needs it any more, or the document is no longer made."""
    masked = _FASSUNG_IN_NAME.sub("_#", removed.name)
    successor = next(
        (
            p
            for p in written
            if p.parent == removed.parent and p != removed and _FASSUNG_IN_NAME.sub("_#", p.name) == masked
        ),
        None,
    )
    if successor is not None:
        return f"entfernt (ersetzt durch {successor.name}): {removed}"
    return f"entfernt ({'keine Vorlage mehr dazu' if papers else 'wird nicht mehr erzeugt'}): {removed}"


# --- diff -------------------------------------------------------------------------------------


def diff_lines(changes: ChangeSet) -> list[str]:
    """What changed between two Fassungen: items added, dropped and changed, and the budget."""
    lines = [
        f"Änderungen von Fassung {changes.old_version} (Stand {german_date(changes.old_date)}) "
        f"zu Fassung {changes.new_version} (Stand {german_date(changes.new_date)})"
    ]
    if changes.empty:
        lines += [
            "",
            "Keine Änderungen an Zielgruppen, Zielen, Maßnahmen, Akteuren, Beschlüssen, weiteren Festlegungen "
            "und Finanzierung.",
        ]
    for kind in (k for k in changes.kinds if k.any):
        lines += [
            "",
            f"{kind.plural}: {len(kind.added)} neu, {len(kind.removed)} entfallen, {len(kind.changed)} geändert",
        ]
        lines += [f"  + {item.label} ({item.id})" for item in kind.added]
        lines += [f"  - {item.label} ({item.id})" for item in kind.removed]
        lines += [
            f"  ~ {item.label}{f' ({item.id})' if item.id else ''}: " + "; ".join(f.summary for f in item.fields)
            for item in kind.changed
        ]
    if changes.budget:
        lines += ["", "Finanzierung nach Quelle und Jahr"]
        lines += columns(
            [(c.source, str(c.year), c.old_shown, "→", c.new_shown, f"({c.delta_shown})") for c in changes.budget]
        )
    for title, standings in (
        ("Stand der Haushalte", changes.budget_status),
        ("Stand der Erträge", changes.grants),
    ):
        if standings:
            lines += ["", title, *(f"  {c.named}: {c.old} → {c.new}" for c in standings)]
    return lines


# --- review -----------------------------------------------------------------------------------


def revision_lines(items: list[Any], copies: list[str]) -> list[str]:
    """Each comment and change of returned drafts with its chapter, authors and source."""
    lines = []
    for item in items:
        lines += _revision_item(item, item.section or item.chapter or "Ohne Kapitel")
    lines.append(
        f"{count(len(items), 'Punkt', 'Punkte', 'ein')} in {count(len(copies), 'Entwurf', 'Entwürfen', 'einem')}."
    )
    return lines


def _revision_item(item: Any, heading: str) -> list[str]:
    who = ", ".join(item.authors) + (f", {item.date}" if item.date else "")
    lines = [f"[{heading}] {item.kind} ({who})"]
    if item.comment:
        lines.append(f"  Kommentar: {item.comment}")
    lines.append(f"  bisher: {item.old or '–'}")
    if item.new or item.kind.startswith("Änderung"):
        lines.append(f"  neu:    {item.new or '–'}")
    if item.changed_words:
        lines.append(f"  geändert: {item.changed_words}")
    lines.append(f"  Quelle: {item.source}")
    return lines
