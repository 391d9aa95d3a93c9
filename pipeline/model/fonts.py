"""The font of the PDF and the characters it can show.

The PDF is set in Source Sans Pro from the pip package font-source-sans-pro, with no system
fonts, so it looks the same everywhere – and a character the font lacks cannot be shown: typst
stops with "could not be displayed" or, worse, quietly takes a glyph from one of its own
fonts. Which characters the font has is read from its character map (the OpenType ``cmap``
table) by the small reader below, so the check of the inputs (:mod:`pipeline.model.types`) and
the font the PDF is set in can never disagree.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

#: The family name the typst layouts ask for (templates/gemeinsam.typ).
FAMILY = "Source Sans Pro"
#: The faces text is set in: upright and bold (italic is used for the project's own texts only;
#: where it lacks a glyph, typst takes the upright face of the family).
FACES = ("SourceSansPro-Regular.otf", "SourceSansPro-Bold.otf")


@cache
def font_directory() -> Path:
    """The folder of the font files, shipped by the pip package."""
    import font_source_sans_pro

    return Path(font_source_sans_pro.font_directory)


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
    """The characters every face of the PDF's text has a glyph for."""
    faces = [cmap_characters((font_directory() / name).read_bytes()) for name in FACES]
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
