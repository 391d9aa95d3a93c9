"""How wide text runs and how many lines it needs: estimates for layout decisions made before a
page is set (Word's column widths, which rows of a table stay together in Word and PDF).

Estimated by Arial's widths: Word's default design uses it, and the PDF's Source Sans runs a
little narrower, so a row is never judged shorter than it is.
"""

from __future__ import annotations

import math

#: Advance widths of Arial (the metrics of Helvetica, per 1000 em) for the characters of codes,
#: dates and amounts; a letter not listed counts as 0.556 em, an average lower-case letter. "M10"
#: is 1.95 em, not 3 × 0.56: measured by the average, the column of measure numbers was too
#: narrow and Word broke "M1|0".
ARIAL_WIDTHS: dict[str, int] = {
    **dict.fromkeys("0123456789abdeghnopquäöüß€", 556),
    **dict.fromkeys("ABEKPSVXYÄ", 667),
    **dict.fromkeys("CDHNRUwÜ", 722),
    **dict.fromkeys("GOQÖ", 778),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("Mm", 833),
    "W": 944,
    "%": 889,
    **dict.fromkeys("ckrsxyzv", 500),
    **dict.fromkeys("J", 500),
    "L": 556,
    **dict.fromkeys("Ift.,:;/ \u00a0", 278),
    **dict.fromkeys("ijl", 222),
    **dict.fromkeys("r-()„“", 333),
    "–": 556,
}
#: A table of at most this many body rows and this height stays on one page (in Word and PDF);
#: a taller one kept whole would leave most of a page empty before it (a caption alone on a page).
KEEP_WHOLE_ROWS = 6
KEEP_WHOLE_CM = 8.0
POINTS_PER_CM = 28.35
#: A table row at most this many lines high is short: it never stands alone at the start or
#: the end of a table on a page (a fragment); a taller one may (held to its neighbour, it would
#: leave up to half a page empty before it).
SHORT_ROW_LINES = 4


def em_width(text: str) -> float:
    """A text's width in em, by the widths of its characters (:data:`ARIAL_WIDTHS`)."""
    return sum(ARIAL_WIDTHS.get(c, 556) for c in text) / 1000


def lines_needed(text: str, points: float, width: float) -> int:
    """Lines a paragraph of `text` at `points` needs in a column `width` points wide (at least one)."""
    return max(1, math.ceil(em_width(text) * points / max(width, 1.0)))
