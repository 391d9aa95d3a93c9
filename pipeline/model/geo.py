"""Outlines of the Sozialräume from a GeoJSON file, checked before anything draws them.

GeoJSON (RFC 7946) is what GIS programs and open-data portals export: a FeatureCollection of
Features, each a Polygon or MultiPolygon in longitude and latitude (WGS 84). Only that subset is
read – no points, lines or other coordinate systems – and every problem is said in German with
the feature it concerns, because a municipality's GIS office hands over files the network
coordination cannot inspect. Sizes are bounded so a careless export of every parcel cannot slow
the build: the map needs outlines, not surveying.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from pipeline.formatting import number

#: At most this many Sozialräume in one file, and this many points over all outlines.
MAX_FEATURES = 200
MAX_POINTS = 200_000
#: Keys a feature may carry its Sozialraum's id under: the feature's own 'id', or a property.
ID_PROPERTIES = ("id", "sozialraum", "kennung")

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]


class GeoProblem(ValueError):
    """A GeoJSON file the map cannot use; the message is the German sentence for users."""


@dataclass(frozen=True)
class Outline:
    """One Sozialraum's outline: polygons of rings (the first ring the border, further rings
    holes), points as (longitude, latitude)."""

    id: str
    polygons: tuple[Polygon, ...]

    @property
    def points(self) -> int:
        return sum(len(ring) for polygon in self.polygons for ring in polygon)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _feature_id(feature: dict[str, object], where: str) -> str:
    """The Sozialraum id of a feature: its 'id', or the property 'id', 'sozialraum' or 'kennung'."""
    properties = feature.get("properties")
    candidates = [feature.get("id")]
    if isinstance(properties, dict):
        candidates += [properties.get(key) for key in ID_PROPERTIES]
    found = next((c for c in candidates if c is not None), None)
    if isinstance(found, str) and found.strip():
        return found.strip()
    if found is not None:
        return str(found)
    raise GeoProblem(
        f"{where} nennt keinen Sozialraum. Bitte die Kennung des Sozialraums aus kommune.yaml als "
        "'id' des Features oder als Eigenschaft 'sozialraum' eintragen."
    )


def _ring(value: object, where: str) -> Ring:
    if not isinstance(value, list) or len(value) < 4:
        raise GeoProblem(f"{where}: Ein Umriss braucht mindestens vier Punkte (der letzte gleich dem ersten).")
    points: list[Point] = []
    for position in value:
        if not isinstance(position, list) or len(position) < 2 or not all(_number(c) for c in position[:2]):
            raise GeoProblem(
                f"{where}: Jeder Punkt ist ein Paar aus Längen- und Breitengrad, z. B. [9.73, 52.37]."
            )
        lon, lat = float(position[0]), float(position[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GeoProblem(
                f"{where}: Der Punkt [{position[0]}, {position[1]}] ist kein Längen- und Breitengrad. Die "
                "Datei ist wohl in einem anderen Koordinatensystem gespeichert (z. B. UTM/ETRS89); GeoJSON "
                "verlangt WGS 84. Bitte beim Export das Koordinatensystem 'EPSG:4326' wählen."
            )
        points.append((lon, lat))
    if points[0] != points[-1]:
        raise GeoProblem(
            f"{where}: Der Umriss ist nicht geschlossen (der letzte Punkt muss gleich dem ersten sein)."
        )
    return tuple(points)


def _polygon(value: object, where: str) -> Polygon:
    if not isinstance(value, list) or not value:
        raise GeoProblem(f"{where}: Die Koordinaten eines Polygons sind eine Liste von Umrissen.")
    return tuple(_ring(ring, where) for ring in value)


def _polygons(geometry: object, where: str) -> tuple[Polygon, ...]:
    if not isinstance(geometry, dict):
        raise GeoProblem(f"{where} hat keine Geometrie.")
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return (_polygon(coordinates, where),)
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise GeoProblem(f"{where}: Ein MultiPolygon braucht mindestens ein Polygon.")
        return tuple(_polygon(part, where) for part in coordinates)
    raise GeoProblem(
        f"{where} ist vom Typ '{kind}'. Für die Karte werden Flächen gebraucht: 'Polygon' oder 'MultiPolygon'."
    )


def read_outlines(data: bytes, name: str) -> dict[str, Outline]:
    """The outlines of a GeoJSON FeatureCollection by Sozialraum id, or :class:`GeoProblem`."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise GeoProblem(f"Die Datei '{name}' ist nicht in UTF-8 gespeichert, wie GeoJSON es verlangt.") from None
    except json.JSONDecodeError as error:
        raise GeoProblem(
            f"Die Datei '{name}' ist kein gültiges JSON (Fehler in Zeile {error.lineno}, Spalte {error.colno})."
        ) from None
    except RecursionError:  # thousands of nested brackets: no outline looks like that
        raise GeoProblem(f"Die Datei '{name}' ist zu tief verschachtelt, um GeoJSON-Umrisse zu sein.") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise GeoProblem(
            f"Die Datei '{name}' ist keine GeoJSON-FeatureCollection. Erwartet wird "
            '{"type": "FeatureCollection", "features": [...]} mit einem Feature je Sozialraum.'
        )
    features = document.get("features")
    if not isinstance(features, list) or not features:
        raise GeoProblem(f"Die Datei '{name}' enthält keine Features (Umrisse).")
    if len(features) > MAX_FEATURES:
        raise GeoProblem(
            f"Die Datei '{name}' enthält {number(len(features))} Features; höchstens {MAX_FEATURES} Sozialräume sind "
            "möglich."
        )
    outlines: dict[str, Outline] = {}
    for index, feature in enumerate(features, start=1):
        where = f"Das {index}. Feature in '{name}'"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise GeoProblem(f"{where} ist kein GeoJSON-Feature.")
        space = _feature_id(feature, where)
        where = f"Das {index}. Feature in '{name}' (Sozialraum '{space}')"
        if space in outlines:
            raise GeoProblem(f"{where}: Für diesen Sozialraum steht schon ein Umriss in der Datei.")
        outlines[space] = Outline(space, _polygons(feature.get("geometry"), where))
    points = sum(o.points for o in outlines.values())
    if points > MAX_POINTS:
        raise GeoProblem(
            f"Die Umrisse in '{name}' haben zusammen {number(points)} Punkte; höchstens {number(MAX_POINTS)} sind "
            "möglich. "
            "Bitte die Geometrie beim Export vereinfachen (z. B. auf 10 m Genauigkeit)."
        )
    return outlines
