"""Charts as small hand-written SVG: vector in the PDF, turned into PNG for Word by typst.

No plotting library: a stacked bar chart is a few rectangles and labels, and a library such as
matplotlib would bring some 40 MB of wheels (numpy, Pillow, fontTools …) and most of a second
of import time to every build for what a hundred lines draw here, in the documents' own font
and with text a screen reader and a search can find. Sizes are in points, so a chart fits the
text width of an A4 page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from pipeline.model.colours import contrast

WIDTH = 453  # pt: 16 cm, the text width of the A4 layouts
FONT = "Source Sans Pro, Arial, sans-serif"
ROW_HEIGHT = 46
#: The room a line of values under a bar takes.
UNDER_LINE = 14
BAR_HEIGHT = 20


DARK_TEXT = "#222222"
LIGHT_TEXT = "#ffffff"


def text_colour(fill: str) -> str:
    """Dark or white text, whichever contrasts more with the fill it stands on."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast(text, fill))


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 10,
    anchor: str = "start",
    fill: str = "#222222",
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" '
        f'font-weight="{weight}" text-anchor="{anchor}" fill="{fill}">{escape(content)}</text>'
    )


def _svg(height: float, title: str) -> list[str]:
    """The opening of a chart across the text width, with its title for screen readers."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}pt" height="{height:.0f}pt" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img">',
        f"<title>{escape(title)}</title>",
    ]


def text_width(content: str, size: float) -> float:
    """About how wide a text is in the documents' font (average glyph: half the size)."""
    return len(content) * size * 0.52


#: How a legend draws a key: a filled square (the default), a dashed outline (planned bars),
#: a dashed line (a date marked across the chart).
OUTLINE, DASHED_LINE = "umriss", "linie"


def _swatch(x: float, y: float, colour: str, style: str) -> str:
    if style == OUTLINE:
        return (
            f'<rect x="{x + 0.5:.1f}" y="{y + 0.5:.1f}" width="9" height="9" fill="#ffffff" '
            f'stroke="{colour}" stroke-width="1" stroke-dasharray="3 2"/>'
        )
    if style == DASHED_LINE:
        return (
            f'<line x1="{x + 5:.1f}" y1="{y - 1:.1f}" x2="{x + 5:.1f}" y2="{y + 11:.1f}" stroke="{colour}" '
            'stroke-width="1.2" stroke-dasharray="4 2"/>'
        )
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="10" height="10" fill="{colour}"/>'


def legend(keys: list[tuple[str, str]] | list[tuple[str, str, str]], top: float) -> tuple[list[str], float]:
    """Swatches with their labels in rows across the text width; the parts and their height. A
    key is (label, colour) or (label, colour, style): it looks as the chart draws that thing."""
    parts, x, y = [], 0.0, top
    for label, colour, *style in keys:
        width = 14 + text_width(label, 9) + 16
        if x and x + width > WIDTH:
            x, y = 0.0, y + 14
        parts.append(_swatch(x, y, colour, style[0] if style else ""))
        parts.append(_text(x + 14, y + 9, label, size=9))
        x += width
    return parts, y + 14 - top


def stacked_bars(
    rows: list[tuple[str, list[int]]], series: list[tuple[str, str]], unit: tuple[str, str], title: str
) -> str:
    """One bar per row, one segment per series (label, colour), each unit the same width, so
    bars of rows with more items are longer. `unit` is the word for one item and for several."""
    return stacked_amounts(
        [(label, list(map(Decimal, values))) for label, values in rows],
        series,
        title,
        shown=lambda value: str(int(value)),
        total=lambda value: f"{int(value)} {unit[0] if value == 1 else unit[1]}",
    )


def stacked_amounts(
    rows: list[tuple[str, list[Decimal]]],
    series: list[tuple[str, str]],
    title: str,
    *,
    shown: Callable[[Decimal], str],
    total: Callable[[Decimal], str],
) -> str:
    """One bar per row (its label above it), one segment per series (label, colour), all on one
    scale; each segment carries its value where it fits, each bar its `total` at its end,
    followed by the values of the segments too narrow to carry theirs ('Aufwand 28.000 € (Erträge
    22.000 €, Zuschussbedarf 6.000 €)'). Segments of zero or less are left out (the
    alternative text still names them)."""
    sums = [sum((v for v in values if v > 0), Decimal(0)) for _, values in rows]
    reserve = max((text_width(total(t), 9) for t in sums), default=0) + 10
    scale = (WIDTH - reserve) / float(max(sums, default=0) or 1)
    # a series carries its values inside its segments in every bar or in none: a segment a few
    # points wider showed '55.400 €' inside while the two beside it had theirs outside (BW review)
    inside = [
        all(_fits(shown(values[i]), float(values[i]) * scale) for _, values in rows if values[i] > 0)
        for i in range(len(series))
    ]
    endings = [
        _ending(total(t), float(t) * scale, values, series, inside, shown)
        for t, (_, values) in zip(sums, rows, strict=True)
    ]
    # a bar too long to name its values at its end labels what fits inside, as before
    labels = [
        [
            labelled or (ending == total(t) and _fits(shown(value), float(value) * scale))
            for value, labelled in zip(values, inside, strict=True)
        ]
        for t, (_, values), ending in zip(sums, rows, endings, strict=True)
    ]
    # what neither its segment nor the bar's end can carry goes on a line under the bar (figure
    # review: the Land's 32.000 € and the Dritte's 6.000 € stood nowhere in the chart)
    unders = [
        _lines_of(_unlabelled(values, series, labelled_row, shown) if ending == total(t) else [])
        for t, (_, values), ending, labelled_row in zip(sums, rows, endings, labels, strict=True)
    ]
    row_height = ROW_HEIGHT + UNDER_LINE * max((len(u) for u in unders), default=0)
    keys, legend_height = legend(series, len(rows) * row_height + 6)
    parts = _svg(len(rows) * row_height + 6 + legend_height + 6, title)
    for index, ((label, values), ending, labelled_row, under) in enumerate(
        zip(rows, endings, labels, unders, strict=True)
    ):
        top = index * row_height
        parts.append(_text(0, top + 12, label, weight="bold"))
        for number, line in enumerate(under):
            parts.append(_text(0, top + 18 + BAR_HEIGHT + 13 + number * UNDER_LINE, line, size=9, fill="#595959"))
        x = 0.0
        for value, (_, colour), labelled in zip(values, series, labelled_row, strict=True):
            if value <= 0:
                continue
            width = float(value) * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{top + 18}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
            )
            if labelled:
                parts.append(
                    _text(
                        x + width / 2,
                        top + 18 + BAR_HEIGHT / 2 + 4,
                        shown(value),
                        size=11,
                        anchor="middle",
                        fill=text_colour(colour),
                        weight="bold",
                    )
                )
            x += width
        parts.append(_text(x + 6, top + 18 + BAR_HEIGHT / 2 + 4, ending, size=9, fill="#595959"))
    parts += keys
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _unlabelled(
    values: list[Decimal], series: list[tuple[str, str]], labelled: list[bool], shown: Callable[[Decimal], str]
) -> list[str]:
    """'Land Hessen 32.000 €': each value of a bar its segment does not carry, with its series."""
    return [
        f"{name} {shown(value)}"
        for value, (name, _), inside in zip(values, series, labelled, strict=True)
        if value > 0 and not inside
    ]


def _lines_of(parts: list[str]) -> list[str]:
    """Parts joined by '; ' into as few lines of the chart's width as they need."""
    lines: list[str] = []
    for part in parts:
        if lines and text_width(f"{lines[-1]}; {part}", 9) <= WIDTH:
            lines[-1] = f"{lines[-1]}; {part}"
        else:
            lines.append(part)
    return lines


def _fits(content: str, width: float) -> bool:
    return text_width(content, 11) + 4 <= width


def _ending(
    total: str,
    bar: float,
    values: list[Decimal],
    series: list[tuple[str, str]],
    inside: list[bool],
    shown: Callable[[Decimal], str],
) -> str:
    """A bar's total, then the values of the series not labelled inside their segments, each with
    its series – where the bar (`bar` long) is short enough to leave room for them on its line."""
    outside = _unlabelled(values, series, inside, shown)
    # in brackets: a dash read as a minus sign, or as a range, where '–' means 'no amount' in the tables (Kämmerei)
    longer = f"{total} ({', '.join(outside)})"
    return longer if outside and bar + 6 + text_width(longer, 9) <= WIDTH else total


@dataclass(frozen=True)
class Panel:
    """One Merkmal compared across places: a bar per row (None: no value), the value of the
    whole as a dashed line, `shown` formats a value for its label."""

    heading: str
    rows: list[tuple[str, Decimal | None]]
    reference: tuple[str, Decimal] | None
    shown: Callable[[Decimal], str]


PANEL_ROW = 22
#: Characters of a panel's heading per line (10.5 pt bold across the text width).
HEADING_CHARACTERS = 82
PANEL_HEAD = 34
LABEL_WIDTH = 150
BAR_COLOUR = "#3d6fa6"


def _wrapped(text: str, width: int) -> list[str]:
    """Words in lines of at most `width` characters (a single longer word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _reference_line(panel: Panel, rows_top: float, scale: float) -> list[str]:
    """The whole's value as a dashed line behind the bars, labelled above them."""
    assert panel.reference is not None
    label, value = panel.reference
    x = LABEL_WIDTH + float(value) * scale
    bottom = rows_top + len(panel.rows) * PANEL_ROW - 4
    text = f"{label}: {panel.shown(value)}"
    anchor = "end" if x + 3 + len(text) * 4.5 > WIDTH else "start"
    return [
        f'<line x1="{x:.1f}" y1="{rows_top - 6:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" '
        'stroke="#222222" stroke-width="1" stroke-dasharray="3 2"/>',
        _text(
            x + (-3 if anchor == "end" else 3),
            rows_top - 9,
            f"{label}: {panel.shown(value)}",
            size=8.5,
            anchor=anchor,
        ),
    ]


def compared_bars(panels: list[Panel], title: str) -> str:
    """Horizontal bars, one panel per Merkmal: places on the left, bars from zero, the value at
    each bar's end and the whole's value as a dashed line, so a reader sees which places lie
    above it without reading numbers."""
    headings = [_wrapped(p.heading, HEADING_CHARACTERS) for p in panels]
    heights = [
        PANEL_HEAD + 13 * (len(h) - 1) + len(p.rows) * PANEL_ROW + 10
        for p, h in zip(panels, headings, strict=True)
    ]
    height = sum(heights)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}pt" height="{height}pt" '
        f'viewBox="0 0 {WIDTH} {height}" role="img">',
        f"<title>{escape(title)}</title>",
    ]
    top = 0.0
    span = WIDTH - LABEL_WIDTH - 70
    for panel, heading, panel_height in zip(panels, headings, heights, strict=True):
        values = [v for _, v in panel.rows if v is not None]
        if panel.reference is not None:
            values.append(panel.reference[1])
        scale = span / float(max(values, default=Decimal(1)) or 1)
        for index, line in enumerate(heading):
            parts.append(_text(0, top + 12 + 13 * index, line, size=10.5, weight="bold"))
        rows_top = top + PANEL_HEAD + 13 * (len(heading) - 1)
        if panel.reference is not None:
            parts += _reference_line(panel, rows_top, scale)
        for index, (label, value) in enumerate(panel.rows):
            y = rows_top + index * PANEL_ROW
            parts.append(_text(LABEL_WIDTH - 8, y + 11, label, size=9.5, anchor="end"))
            if value is None:
                parts.append(_text(LABEL_WIDTH, y + 11, "keine Angabe", size=9, fill="#595959"))
                continue
            width = float(value) * scale
            shown = panel.shown(value)
            parts += [
                f'<rect x="{LABEL_WIDTH}" y="{y + 2:.1f}" width="{width:.1f}" height="{PANEL_ROW - 8}" '
                f'fill="{BAR_COLOUR}"/>',
                f'<rect x="{LABEL_WIDTH + width + 2:.1f}" y="{y + 2:.1f}" width="{len(shown) * 4.8 + 6:.1f}" '
                f'height="{PANEL_ROW - 8}" fill="#ffffff"/>',
                _text(LABEL_WIDTH + width + 5, y + 11, shown, size=9),
            ]
        top += panel_height
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
