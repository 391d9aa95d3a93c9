"""The Angebotslandkarte as a small hand-written SVG: Sozialräume shaded by need, each
labelled with its name, its value and its offers, gaps outlined.

No GIS library: the outlines are a few hundred points in longitude and latitude
(:mod:`pipeline.model.geo`), projected equirectangularly around their middle latitude – for an
area the size of a Landkreis the distortion is far below what a reader sees – and thinned to
what half a point of print can show. Like the charts, the map is vector in the PDF and a PNG in
Word, in the documents' own font.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from pipeline.model.geo import Outline, Point, Ring
from pipeline.render.charts import FONT, WIDTH, _text, text_colour

#: The tallest the map itself may be, in points; the legend comes below.
MAP_HEIGHT = 330
#: Points closer than this (in pt) to the last one drawn add nothing visible.
THIN = 0.4
LINE_HEIGHT = 11
LEGEND_ROW = 16
LEGEND_SIZE = 9
#: Characters of the legend's 9-pt text that fit beside the swatch (half the size per character
#: is a safe average for Source Sans Pro and Arial).
LEGEND_CHARS = int((WIDTH - 26) / (LEGEND_SIZE * 0.5))
GAP_COLOUR = "#b2182b"


@dataclass(frozen=True)
class Area:
    """One Sozialraum on the map: its outline, label lines (the first in bold), fill colour,
    and whether it is marked as a gap."""

    outline: Outline
    lines: list[str]
    fill: str
    marked: bool = False


@dataclass(frozen=True)
class Key:
    """One entry of the legend: a swatch of `fill`, or (fill None) the gap's outline."""

    label: str
    fill: str | None


def _projection(outlines: Iterable[Outline], width: float, height: float) -> Callable[[Point], Point]:
    """(longitude, latitude) → (x, y) in points, the whole fitted into width × height."""
    points = [p for o in outlines for polygon in o.polygons for ring in polygon for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * squeeze, 1e-9), max(north - south, 1e-9)
    scale = min(width / span_x, height / span_y)
    offset = (width - span_x * scale) / 2

    def project(point: Point) -> Point:
        return offset + (point[0] - west) * squeeze * scale, (north - point[1]) * scale

    return project


def _thinned(ring: Ring, project: Callable[[Point], Point]) -> list[Point]:
    kept: list[Point] = []
    for point in map(project, ring):
        if not kept or math.dist(point, kept[-1]) >= THIN:
            kept.append(point)
    return kept


def _path(outline: Outline, project: Callable[[Point], Point]) -> str:
    rings = []
    for polygon in outline.polygons:
        for ring in polygon:
            points = _thinned(ring, project)
            if len(points) >= 3:
                rings.append("M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in points) + " Z")
    return " ".join(rings)


def _area(points: list[Point]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1], strict=True)) / 2


def _centre(outline: Outline, project: Callable[[Point], Point]) -> Point:
    """The centroid of the largest polygon's border: where the label goes."""
    borders = [[project(p) for p in polygon[0][:-1]] for polygon in outline.polygons]
    points = max(borders, key=lambda b: abs(_area(b)))
    area = _area(points)
    if abs(area) < 1e-6:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    pairs = list(zip(points, points[1:] + points[:1], strict=True))
    cx = sum((a[0] + b[0]) * (a[0] * b[1] - b[0] * a[1]) for a, b in pairs) / (6 * area)
    cy = sum((a[1] + b[1]) * (a[0] * b[1] - b[0] * a[1]) for a, b in pairs) / (6 * area)
    return cx, cy


def _wrapped(label: str, limit: int = LEGEND_CHARS) -> list[str]:
    """A legend entry in lines of at most `limit` characters, broken between words."""
    lines: list[str] = []
    for word in label.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def outline_map(areas: list[Area], legend: list[Key], title: str) -> str:
    """The map: every area filled and outlined, gaps with a thick outline, labels on top, the
    legend below."""
    project = _projection([a.outline for a in areas], WIDTH, MAP_HEIGHT)
    corners = [project(p) for a in areas for polygon in a.outline.polygons for p in polygon[0]]
    map_height = max(y for _, y in corners) + 4
    entries = [(key, _wrapped(key.label)) for key in legend]
    height = map_height + 10 + sum(LEGEND_ROW + (len(lines) - 1) * LINE_HEIGHT for _, lines in entries)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}pt" height="{height:.0f}pt" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" role="img">',
        f"<title>{escape(title)}</title>",
    ]
    for area in areas:
        parts.append(
            f'<path d="{_path(area.outline, project)}" fill="{area.fill}" fill-rule="evenodd" '
            'stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/>'
        )
    for area in areas:
        if area.marked:
            parts.append(
                f'<path d="{_path(area.outline, project)}" fill="none" stroke="{GAP_COLOUR}" '
                'stroke-width="2.5" stroke-dasharray="6 3" stroke-linejoin="round"/>'
            )
    for area in areas:
        x, y = _centre(area.outline, project)
        top = y - (len(area.lines) - 1) * LINE_HEIGHT / 2 + 3
        colour = text_colour(area.fill)
        for index, line in enumerate(area.lines):
            parts.append(
                _text(
                    x,
                    top + index * LINE_HEIGHT,
                    line,
                    size=9.5 if index == 0 else 8.5,
                    anchor="middle",
                    fill=colour,
                    weight="bold" if index == 0 else "normal",
                )
            )
    y = map_height + 10
    for key, lines in entries:
        if key.fill is None:
            parts.append(
                f'<rect x="1" y="{y + 1:.1f}" width="18" height="10" fill="none" stroke="{GAP_COLOUR}" '
                'stroke-width="2" stroke-dasharray="4 2"/>'
            )
        else:
            parts.append(f'<rect x="1" y="{y + 1:.1f}" width="18" height="10" fill="{key.fill}"/>')
        for index, line in enumerate(lines):
            parts.append(
                f'<text x="26" y="{y + 10 + index * LINE_HEIGHT:.1f}" font-family="{FONT}" '
                f'font-size="{LEGEND_SIZE}" fill="#222222">{escape(line)}</text>'
            )
        y += LEGEND_ROW + (len(lines) - 1) * LINE_HEIGHT
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
