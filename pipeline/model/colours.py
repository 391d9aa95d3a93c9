"""Colours of a municipality's design: the WCAG contrast every coloured text must keep, and the
house colours a design starts from.

Shared by the check of the inputs (a colour too pale for text on white is refused) and by the
charts, which pick dark or white labels by the same measure.
"""

from __future__ import annotations

import re

#: The house colour: headings, title and links of every document unless a design sets its own.
PRIMARY = "#1f4e79"
#: The shading of table header rows with the house colour (a light blue, as the layouts had it).
TABLE_HEADER = "#dce6f0"
WHITE = "#ffffff"
#: WCAG 2, level AA: the least contrast of normal-size text to its background.
TEXT_CONTRAST = 4.5

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _luminance(colour: str) -> float:
    """The relative luminance of a '#rrggbb' colour, as WCAG 2 defines it."""

    def linear(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.04045 else ((share + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21; text needs 4.5 (level AA)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tint(colour: str, share: float) -> str:
    """The colour mixed with white, `share` of it kept: a light shade for table header rows."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


def header_fill(primary: str) -> str:
    """The shading of table header rows: the house's light blue with the house colour, else a
    light tint of the primary colour (dark text on it keeps far more than 4.5 : 1)."""
    return TABLE_HEADER if primary.lower() == PRIMARY else tint(primary, 0.15)
