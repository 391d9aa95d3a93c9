"""The typefaces of the documents and the characters they can show.

A municipality chooses its typeface in kommune.yaml ('layout.schrift', and for headings
'layout.schrift_ueberschriften'): sans-serif or with serifs. The PDF is set in the matching
Source font from a pip package (font-source-sans-pro, font-source-serif-pro), with no system
fonts, so it looks the same everywhere; the Word file names a font that every Windows and Mac
has (Arial, Georgia), since a Word draft is edited on the reviewers' machines; the web page asks
for the Source font and falls back on those. A character a font lacks cannot be shown: typst
stops with "could not be displayed" or, worse, quietly takes a glyph from one of its own fonts.
Which characters the fonts have is read from their character maps (the OpenType ``cmap``
table) by the small reader below, so the check of the inputs (:mod:`pipeline.model.types`) and
the fonts the PDF is set in can never disagree; the check admits what every choosable typeface
has, so changing the typeface never makes a valid text invalid.
"""

from __future__ import annotations

import importlib
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Typeface:
    """One choice of 'layout.schrift': the PDF's font (its family and the files of the faces
    text is set in: upright and bold; italic is used for the project's own texts only, and where
    it lacks a glyph, typst takes the upright face), the package shipping it, the font of the
    Word file and the web page's list of fonts."""

    family: str
    package: str
    faces: tuple[str, str]
    word: str
    web: str
    #: How wide its words set against Arial's widths (pipeline/export/text_width.py) at most,
    #: upright and bold alike: a table cell's word judged to fit its column is not hyphenated.
    arial_width: float


#: The typefaces by the name kommune.yaml chooses them with.
TYPEFACES: dict[str, Typeface] = {
    "serifenlos": Typeface(
        "Source Sans Pro",
        "font_source_sans_pro",
        ("SourceSansPro-Regular.otf", "SourceSansPro-Bold.otf"),
        "Arial",
        '"Source Sans Pro", "Source Sans 3", Arial, Helvetica, sans-serif',
        1.0,
    ),
    "mit Serifen": Typeface(
        "Source Serif Pro",
        "font_source_serif_pro",
        ("SourceSerifPro-Regular.otf", "SourceSerifPro-Bold.otf"),
        "Georgia",
        '"Source Serif Pro", "Source Serif 4", Georgia, "Times New Roman", serif',
        1.05,
    ),
}
DEFAULT = "serifenlos"
#: The family of the default typeface (charts and the draft's watermark keep it).
FAMILY = TYPEFACES[DEFAULT].family
#: Both PDF families, as messages name them.
FAMILIES = " und ".join(face.family for face in TYPEFACES.values())


@cache
def font_directory(choice: str = DEFAULT) -> Path:
    """The folder of a typeface's font files, shipped by its pip package."""
    return Path(importlib.import_module(TYPEFACES[choice].package).font_directory)


def font_directories() -> tuple[Path, ...]:
    """The folders of every typeface: typst finds each family in its own."""
    return tuple(font_directory(choice) for choice in TYPEFACES)


def _tables(data: bytes) -> dict[bytes, int]:
    """The offset of each table of an OpenType (or TrueType) font file by its tag."""
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = offset
    return tables


def _format_4(data: bytes, at: int) -> set[int]:
    """Segment mapping to delta values: the Basic Multilingual Plane."""
    (doubled,) = struct.unpack_from(">H", data, at + 6)
    count = doubled // 2
    ends = struct.unpack_from(f">{count}H", data, at + 14)
    starts = struct.unpack_from(f">{count}H", data, at + 16 + doubled)
    deltas = struct.unpack_from(f">{count}H", data, at + 16 + 2 * doubled)
    ranges_at = at + 16 + 3 * doubled
    range_offsets = struct.unpack_from(f">{count}H", data, ranges_at)
    found: set[int] = set()
    for index, (start, end, delta, range_offset) in enumerate(
        zip(starts, ends, deltas, range_offsets, strict=True)
    ):
        for code in range(start, min(end, 0xFFFE) + 1):
            if range_offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                (glyph,) = struct.unpack_from(
                    ">H", data, ranges_at + 2 * index + range_offset + 2 * (code - start)
                )
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                found.add(code)
    return found


def _format_12(data: bytes, at: int) -> set[int]:
    """Segmented coverage: all of Unicode, in groups of consecutive characters."""
    (groups,) = struct.unpack_from(">I", data, at + 12)
    found: set[int] = set()
    for index in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * index)
        found.update(code for code in range(start, end + 1) if glyph + code - start)
    return found


def cmap_characters(data: bytes) -> frozenset[int]:
    """The code points a font file maps to a glyph, from its Unicode character map: the full
    one (format 12) where the font has it, else the one of the Basic Multilingual Plane."""
    cmap = _tables(data)[b"cmap"]
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    subtables: dict[tuple[int, int], int] = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        subtables[(platform, encoding)] = cmap + offset
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
        if key in subtables:
            at = subtables[key]
            (kind,) = struct.unpack_from(">H", data, at)
            if kind == 12:
                return frozenset(_format_12(data, at))
            if kind == 4:
                return frozenset(_format_4(data, at))
    raise ValueError("no Unicode character map of format 4 or 12")


@cache
def covered() -> frozenset[int]:
    """The characters every face of every typeface has a glyph for."""
    faces = [
        cmap_characters((font_directory(choice) / name).read_bytes())
        for choice, typeface in TYPEFACES.items()
        for name in typeface.faces
    ]
    return frozenset.intersection(*faces)


def ranges(characters: frozenset[int]) -> list[tuple[int, int]]:
    """Consecutive code points as (first, last) pairs, in order."""
    result: list[tuple[int, int]] = []
    for code in sorted(characters):
        if result and result[-1][1] == code - 1:
            result[-1] = (result[-1][0], code)
        else:
            result.append((code, code))
    return result
