"""Diagrams beyond bars, as small hand-written SVG like :mod:`.charts`: indicators against their
targets, the measures on a time axis (Gantt-style) and the network map of actors and bodies.

Each function takes what it draws already worded and valued (labels, values, colours); what a
picture says in words is the business of :mod:`.figures`, which builds the alternative text
from the same numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import accumulate

from pipeline.model.colours import PRIMARY
from pipeline.render.charts import WIDTH, _svg, _text, legend, text_width

GREY = "#595959"
LIGHT = "#e4e9f0"
#: The house colour; a municipality's own primary colour ("layout.hauptfarbe") replaces it.
DARK_BLUE = PRIMARY
ORANGE = "#d27e2a"


#: Short forms that belong to the next word on a line ('St. Marien', 'Dr. Berger').
_BOUND = re.compile(r"^(St|Dr|Nr|Abs|Prof)\.$")


def _words(text: str) -> list[str]:
    """The words a line may break between: not at a no-break space, not after 'St.' or 'Dr.'."""
    words: list[str] = []
    for word in re.split(r"[ \t\n]+", text.strip()):
        if words and _BOUND.match(words[-1]):
            words[-1] += f"\u00a0{word}"
        elif word:
            words.append(word)
    return words


def wrapped(text: str, width: float, size: float, lines: int) -> list[str]:
    """The words of `text` in at most `lines` lines that fit `width` points, the last one cut
    with '…' if the text is longer (the alternative text and the tables have it whole)."""
    result: list[str] = []
    for word in _words(text):
        if result and text_width(f"{result[-1]} {word}", size) <= width:
            result[-1] += f" {word}"
        else:
            result.append(word)
    if len(result) <= lines:
        return result
    kept = result[:lines]
    last = kept[-1]
    while last and text_width(last + " …", size) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = f"{last} …"
    return kept


def _lines(x: float, y: float, lines: list[str], size: float, leading: float, **style: str) -> list[str]:
    return [_text(x, y + index * leading, line, size=size, **style) for index, line in enumerate(lines)]


# --- indicators against their targets ---------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    """One indicator: its label, baseline, current value (None: not measured yet) and target on
    a scale from 0 to `maximum`, the values as text (`values`) and the unit under them."""

    label: str
    baseline: float
    current: float | None
    target: float
    maximum: float
    values: str
    unit: str


TARGET_ROW = 26
LABEL_WIDTH = 215
TRACK_LEFT = LABEL_WIDTH + 10
TRACK_WIDTH = 135
VALUES_LEFT = TRACK_LEFT + TRACK_WIDTH + 10


def _marker(kind: str, x: float, y: float, colour: str = DARK_BLUE) -> str:
    if kind == "baseline":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.6" fill="#ffffff" stroke="{GREY}" stroke-width="1.4"/>'
    if kind == "current":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    return (
        f'<path d="M {x:.1f} {y - 5:.1f} L {x + 4.5:.1f} {y:.1f} L {x:.1f} {y + 5:.1f} '
        f'L {x - 4.5:.1f} {y:.1f} Z" fill="{ORANGE}"/>'
    )


def target_chart(rows: list[TargetRow], title: str, colour: str = DARK_BLUE) -> str:
    """One line per indicator: its label left, a track from 0 to its own scale with the
    baseline (open circle), the current value (dot, joined to the baseline) and the target
    (diamond), and the values in numbers on the right."""
    top = 4.0
    labels = [wrapped(row.label, LABEL_WIDTH, 8.5, 3) for row in rows]
    units = [len(wrapped(row.unit, WIDTH - VALUES_LEFT, 7.5, 2)) for row in rows]
    # a third line of the label, or a second of the unit, adds room
    heights = [
        max(TARGET_ROW, 10 * len(lines) + 6, 17 + 9 * unit) for lines, unit in zip(labels, units, strict=True)
    ]
    body = sum(heights)
    keys = [("Ausgangswert", "baseline"), ("Istwert", "current"), ("Zielwert", "target")]
    height = top + body + 26
    parts = _svg(height, title)
    tops = accumulate(heights[:-1], initial=top)
    for row, lines, y in zip(rows, labels, tops, strict=False):
        middle = y + 10
        parts += _lines(0, y + 7, lines, 8.5, 10)
        scale = TRACK_WIDTH / (row.maximum or 1)
        parts.append(
            f'<rect x="{TRACK_LEFT}" y="{middle - 2:.1f}" width="{TRACK_WIDTH}" height="4" rx="2" fill="{LIGHT}"/>'
        )
        at = {name: TRACK_LEFT + min(value, row.maximum) * scale for name, value in _present(row)}
        if "current" in at:
            parts.append(
                f'<line x1="{at["baseline"]:.1f}" y1="{middle:.1f}" x2="{at["current"]:.1f}" y2="{middle:.1f}" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        parts += [
            _marker(name, at[name], middle, colour) for name in ("target", "baseline", "current") if name in at
        ]
        if "current" in at and abs(at["current"] - at["baseline"]) < 4:
            # the baseline's ring around the dot that covers it (figure review: 2 → 2 showed no ring)
            parts.append(
                f'<circle cx="{at["baseline"]:.1f}" cy="{middle:.1f}" r="6" fill="none" stroke="{GREY}" '
                'stroke-width="1.4"/>'
            )
        parts.append(_text(VALUES_LEFT, y + 7, row.values, size=8.5, weight="bold"))
        # the unit whole in up to two lines (figure review: „Partnerinnen und …“)
        parts += _lines(VALUES_LEFT, y + 17, wrapped(row.unit, WIDTH - VALUES_LEFT, 7.5, 2), 7.5, 9, fill=GREY)
    y = top + body + 10
    x = 0.0
    for label, kind in keys:
        parts.append(_marker(kind, x + 5, y, colour))
        parts.append(_text(x + 13, y + 3, label, size=9))
        x += 13 + text_width(label, 9) + 18
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _present(row: TargetRow) -> list[tuple[str, float]]:
    values = [("baseline", row.baseline), ("target", row.target)]
    return values + ([("current", row.current)] if row.current is not None else [])


# --- measures on a time axis ------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One measure on the time axis: label, begin, end (None: open-ended), fill colour and
    whether it is only planned (drawn with a dashed outline)."""

    label: str
    begin: dt.date
    end: dt.date | None
    colour: str
    planned: bool = False


SPAN_ROW = 21
AXIS = 22
SPAN_LABEL = 185
ARROW = 5


def _x_of(day: dt.date, start: dt.date, finish: dt.date) -> float:
    left, right = SPAN_LABEL + 8, WIDTH - 8
    share = (day - start).days / max((finish - start).days, 1)
    return left + max(0.0, min(1.0, share)) * (right - left)


def timeline(
    spans: list[Span],
    start: dt.date,
    finish: dt.date,
    stand: dt.date,
    keys: list[tuple[str, str, str]],
    title: str,
) -> str:
    """A bar per measure across the years from `start` to `finish`, with gridlines per year and
    a dashed line at the concept's Stand; a bar that began earlier or runs on past the window
    ends in an arrow."""
    body = len(spans) * SPAN_ROW
    legend_parts, legend_height = legend(keys, AXIS + body + 8)
    parts = _svg(AXIS + body + 8 + legend_height + 4, title)
    for year in range(start.year, finish.year + 1):
        first = max(dt.date(year, 1, 1), start)
        last = min(dt.date(year, 12, 31), finish)
        left, right = _x_of(first, start, finish), _x_of(last, start, finish)
        parts.append(
            f'<line x1="{left:.1f}" y1="{AXIS - 4}" x2="{left:.1f}" y2="{AXIS + body}" stroke="#c8c8c8" stroke-width="0.6"/>'
        )
        parts.append(_text((left + right) / 2, AXIS - 8, str(year), size=9, anchor="middle", weight="bold"))
    for index, span in enumerate(spans):
        y = AXIS + index * SPAN_ROW
        if index % 2 == 0:
            parts.append(f'<rect x="0" y="{y:.1f}" width="{WIDTH}" height="{SPAN_ROW}" fill="#f4f6f9"/>')
        lines = wrapped(span.label, SPAN_LABEL, 8, 2)
        parts += _lines(0, y + (8 if len(lines) == 2 else 13), lines, 8, 9.5)
        parts += _bar(span, y, start, finish)
    stand_x = _x_of(stand, start, finish)
    parts.append(
        f'<line x1="{stand_x:.1f}" y1="{AXIS - 2}" x2="{stand_x:.1f}" y2="{AXIS + body}" '
        'stroke="#b2182b" stroke-width="1.2" stroke-dasharray="4 2"/>'
    )
    parts += legend_parts
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _bar(span: Span, y: float, start: dt.date, finish: dt.date) -> list[str]:
    if (span.end is not None and span.end < start) or span.begin > finish:
        return []
    left = _x_of(span.begin, start, finish)
    right = _x_of(span.end or finish, start, finish)
    top, height = y + 5, SPAN_ROW - 10
    outline = f' stroke="{span.colour}" stroke-width="1" stroke-dasharray="3 2"' if span.planned else ""
    fill = "#ffffff" if span.planned else span.colour
    parts = [
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{max(right - left, 1.5):.1f}" height="{height}" '
        f'fill="{fill}"{outline}/>'
    ]
    middle = top + height / 2
    if span.begin < start:
        parts.append(
            f'<path d="M {left - ARROW:.1f} {middle:.1f} L {left:.1f} {top - 2:.1f} L {left:.1f} {top + height + 2:.1f} Z" '
            f'fill="{span.colour}"/>'
        )
    if span.end is None or span.end > finish:
        parts.append(
            f'<path d="M {right + ARROW:.1f} {middle:.1f} L {right:.1f} {top - 2:.1f} L {right:.1f} {top + height + 2:.1f} Z" '
            f'fill="{span.colour}"/>'
        )
    return parts


# --- the network map --------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """Actors of one sector on the network map: the sector, its colour, the actors' names."""

    name: str
    colour: str
    actors: list[str]


@dataclass(frozen=True)
class Seat:
    """An actor (numbered across the groups, in their order) in a network body; `chair` if it
    leads the body."""

    actor: int
    body: int
    chair: bool = False


ACTOR_ROW = 13
GROUP_HEAD = 17
ACTOR_RIGHT = 205
BODY_LEFT = 318
BODY_HEIGHT = 46


def network_map(
    groups: list[Group], bodies: list[tuple[str, str]], seats: list[Seat], title: str, colour: str = DARK_BLUE
) -> str:
    """Actors grouped by sector on the left, the network bodies on the right (name and a note
    such as the number of members), a line for every seat in the sector's colour – a heavier
    one to the body it leads. The bodies are framed and named in `colour` (on a light blue with
    the house colour, on white with another, so their names keep the contrast checked for text)."""
    positions: list[float] = []
    parts: list[str] = []
    y = 0.0
    for group in groups:
        # the sector's name in dark type (light colours such as yellow are hard to read on
        # white), a square of its colour before it
        title_left = ACTOR_RIGHT + 6 - text_width(group.name, 9) * 1.05
        parts.append(
            f'<rect x="{title_left - 13:.1f}" y="{y + 3:.1f}" width="9" height="9" fill="{group.colour}"/>'
        )
        parts.append(_text(ACTOR_RIGHT + 6, y + 11, group.name, size=9, anchor="end", weight="bold"))
        y += GROUP_HEAD
        for name in group.actors:
            lines = wrapped(name, ACTOR_RIGHT - 8, 8.5, 3)  # long names whole: a cut name says nothing
            parts += _lines(ACTOR_RIGHT - 4, y + 9, lines, 8.5, 10, anchor="end")
            positions.append(y + 6 + 5 * (len(lines) - 1))
            y += ACTOR_ROW + 10 * (len(lines) - 1)
        y += 4
    # a body's name whole, in up to three lines, the boxes as tall as the longest needs (figure
    # review: „Qualitätszirkel Frühe Hilfen und …“ lost its last word)
    names = [wrapped(name, WIDTH - BODY_LEFT - 12, 9, 3) for name, _ in bodies]
    body_height = BODY_HEIGHT + 11 * max(0, max((len(n) for n in names), default=0) - 2)
    height = max(y, len(bodies) * (body_height + 12))
    gap = (height - len(bodies) * body_height) / max(len(bodies), 1)
    body_tops = [gap / 2 + index * (body_height + gap) for index in range(len(bodies))]
    colours = [g.colour for g in groups for _ in g.actors]
    lines = []
    for seat in sorted(seats, key=lambda s: s.chair):
        start, end = positions[seat.actor], body_tops[seat.body] + body_height / 2
        bend = (ACTOR_RIGHT + BODY_LEFT) / 2
        lines.append(
            f'<path d="M {ACTOR_RIGHT + 4} {start:.1f} C {bend:.1f} {start:.1f}, {bend:.1f} {end:.1f}, '
            f'{BODY_LEFT} {end:.1f}" fill="none" stroke="{colours[seat.actor]}" '
            + ('stroke-width="2.2"/>' if seat.chair else 'stroke-width="0.8"/>')
        )
    dots = [
        f'<circle cx="{ACTOR_RIGHT + 4}" cy="{p:.1f}" r="2.4" fill="{c}"/>'
        for p, c in zip(positions, colours, strict=True)
    ]
    boxes = []
    for (_, note), name_lines, top in zip(bodies, names, body_tops, strict=True):
        boxes.append(
            f'<rect x="{BODY_LEFT}" y="{top:.1f}" width="{WIDTH - BODY_LEFT - 1}" height="{body_height}" rx="4" '
            f'fill="{"#eef3f9" if colour == DARK_BLUE else "#ffffff"}" stroke="{colour}" stroke-width="1"/>'
        )
        boxes += _lines(BODY_LEFT + 6, top + 14, name_lines, 9, 11, weight="bold", fill=colour)
        boxes.append(_text(BODY_LEFT + 6, top + 14 + 11 * len(name_lines) + 1, note, size=8, fill=GREY))
    key_parts, key_height = _network_key(height + 8)
    svg = _svg(height + 8 + key_height, title)
    return "\n".join([*svg, *lines, *dots, *parts, *boxes, *key_parts, "</svg>"]) + "\n"


def _network_key(top: float) -> tuple[list[str], float]:
    parts = [
        f'<line x1="0" y1="{top + 5}" x2="22" y2="{top + 5}" stroke="{GREY}" stroke-width="0.8"/>',
        _text(27, top + 8, "Mitglied", size=9),
        f'<line x1="80" y1="{top + 5}" x2="102" y2="{top + 5}" stroke="{GREY}" stroke-width="2.2"/>',
        _text(107, top + 8, "leitet das Gremium", size=9),
        _text(205, top + 8, "Farbe der Linie: Sektor des Akteurs", size=9, fill=GREY),
    ]
    return parts, 16
