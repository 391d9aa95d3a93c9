"""`gesamtkonzept check` as a readable table in the terminal: grouped by theme, per goal one line
with number, status and title and one line with the most telling evidence (shortened to the
terminal's width; the full evidence is in `--format json` and in the Qualitätsdialog)."""

from __future__ import annotations

import textwrap

import click

from pipeline.formatting import german_date
from pipeline.qualitaet.findings import FULFILLED, OPEN, PARTIAL, STATUSES, UNKNOWN
from pipeline.qualitaet.review import QualityReview

#: Colours of the statuses where the terminal shows colour (click drops them elsewhere).
COLOURS = {FULFILLED: "green", PARTIAL: "yellow", OPEN: "red", UNKNOWN: "bright_black"}
STATUS_WIDTH = max(len(s) for s in STATUSES)
NUMBER_WIDTH = 8  # '  5.1.1 ' and room for '12.10.10'


def _status(status: str) -> str:
    return click.style(status.ljust(STATUS_WIDTH), fg=COLOURS[status], bold=status == OPEN)


def review_table(review: QualityReview, width: int) -> list[str]:
    """The lines of the table for one catalog, wrapped to `width` columns."""
    catalog = review.catalog
    dimension = catalog.dimension
    municipality = review.concept.municipality.name
    stand = " (Stand des Konzepts)" if review.on_stand else ""
    lines = [
        click.style(f"Qualitätsdimension {dimension.number}: {dimension.title} – {municipality}", bold=True),
        f"Stichtag {german_date(review.reference_date)}{stand}",
        "",
    ]
    pad = " " * (NUMBER_WIDTH + STATUS_WIDTH + 2)
    for theme in catalog.themes:
        lines.append(click.style(f"{catalog.theme_number(theme)}  {theme.title}", bold=True))
        for finding in review.theme_findings(theme):
            lines.append(
                f"  {finding.number:<{NUMBER_WIDTH - 2}}{_status(finding.status)}  {finding.goal.short_title}"
            )
            evidence = textwrap.shorten(finding.headline.text, max(width - len(pad), 30), placeholder=" …")
            lines.append(pad + evidence)
            rating = review.rating(finding.goal.id)
            if rating is not None:
                mark = click.style(" – weicht ab", fg="magenta", bold=True) if review.disagrees(finding) else ""
                lines.append(f"{pad}Eigene Einschätzung: {rating.status}{mark}")
        lines.append("")
    counts = ", ".join(f"{n} {s}" for s, n in zip(STATUSES, review.counts(), strict=True))
    lines.append(f"Zusammen: {counts}.")
    if review.disagreements:
        lines.append(f"Abweichend eingeschätzt: {', '.join(f.number for f in review.disagreements)}.")
    return lines
