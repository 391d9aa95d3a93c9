"""Charts as small hand-written SVG: vector in the PDF, turned into PNG for Word by typst.

No plotting library: a stacked bar chart is a few rectangles and labels. Sizes are in points and
the font is the documents' own, so the chart fits the text width of an A4 page.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

WIDTH = 453  # pt: 16 cm, the text width of the A4 layouts
FONT = "Source Sans Pro, Arial, sans-serif"
ROW_HEIGHT = 46
BAR_HEIGHT = 20
LEGEND_HEIGHT = 26


def _dark(colour: str) -> bool:
    """Whether white text reads better than black on this '#rrggbb' colour."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 150


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


def stacked_bars(
    rows: list[tuple[str, list[int]]], series: list[tuple[str, str]], unit: tuple[str, str], title: str
) -> str:
    """One bar per row, one segment per series (label, colour), each unit the same width, so
    bars of rows with more items are longer. `unit` is the word for one item and for several."""
    longest = max((sum(values) for _, values in rows), default=0) or 1
    scale = (WIDTH - 60) / longest
    height = len(rows) * ROW_HEIGHT + LEGEND_HEIGHT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}pt" height="{height}pt" '
        f'viewBox="0 0 {WIDTH} {height}" role="img">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, values) in enumerate(rows):
        top = index * ROW_HEIGHT
        parts.append(_text(0, top + 12, label, weight="bold"))
        x = 0.0
        for value, (_, colour) in zip(values, series, strict=True):
            if not value:
                continue
            width = value * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{top + 18}" width="{width:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
            )
            parts.append(
                _text(
                    x + width / 2,
                    top + 18 + BAR_HEIGHT / 2 + 4,
                    str(value),
                    size=11,
                    anchor="middle",
                    fill="#ffffff" if _dark(colour) else "#222222",
                    weight="bold",
                )
            )
            x += width
        total = sum(values)
        parts.append(
            _text(
                x + 6,
                top + 18 + BAR_HEIGHT / 2 + 4,
                f"{total} {unit[0] if total == 1 else unit[1]}",
                size=9,
                fill="#595959",
            )
        )
    legend_top = len(rows) * ROW_HEIGHT + 6
    x = 0.0
    for label, colour in series:
        parts.append(f'<rect x="{x:.1f}" y="{legend_top}" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(x + 14, legend_top + 9, label, size=9))
        x += 14 + 5.2 * len(label) + 18
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
