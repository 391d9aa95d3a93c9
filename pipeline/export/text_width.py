"""How wide text runs and how many lines it needs: estimates for layout decisions made before a
page is set (Word's column widths, which rows of a table stay together in Word and PDF).

Estimated by Arial's widths: Word's default design uses it, and the PDF's Source Sans runs a
little narrower, so a row is never judged shorter than it is.
"""

from __future__ import annotations

import math
from collections.abc import Callable

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
#: How many lines of text may move on to the next page so that no row stands alone: at a table's
#: start its header (a line) and first row, which would otherwise stand alone at the page's foot;
#: at its end the second-to-last row, which keeps the last company. More would leave over 2,5 cm
#: of a page empty (at a table's start, caption and heading move along too); then the row stays.
MOVABLE_ROW_LINES = 5
#: A numbered list (decision points, steps) of at most this many lines of text in all stays on
#: one page: a Beschlussvorschlag read across a page break (points 1–3 here, 4–5 there) invites
#: the question whether the page after is part of it. About a third of a page.
KEPT_NUMBERED_LINES = 20
#: The width of body text (points: A4 less the margins of 2,5 cm) and its type size.
BODY_WIDTH, BODY_POINTS = 453.5, 10.5


def em_width(text: str) -> float:
    """A text's width in em, by the widths of its characters (:data:`ARIAL_WIDTHS`)."""
    return sum(ARIAL_WIDTHS.get(c, 556) for c in text) / 1000


def lines_needed(text: str, points: float, width: float) -> int:
    """Lines a paragraph of `text` at `points` needs in a column `width` points wide (at least one)."""
    return max(1, math.ceil(em_width(text) * points / max(width, 1.0)))


def kept_row_pairs(lines_of: Callable[[int], int], bold: list[bool]) -> list[int]:
    """The body rows (by index) that keep with the row after them, by the estimated lines of a row
    (`lines_of`, asked only for the two rows it judges: a table of hundreds of rows is not
    measured row by row): the first and the second-to-last row where they may move on
    (:data:`MOVABLE_ROW_LINES`), and every row above a row set in bold (a subtotal or total sums
    the rows above it)."""
    count = len(bold)
    if count < 2:
        return []
    pairs = {0} if lines_of(0) + 1 <= MOVABLE_ROW_LINES else set()
    pairs |= {count - 2} if lines_of(count - 2) <= MOVABLE_ROW_LINES else set()
    pairs |= {index - 1 for index in range(1, count) if bold[index]}
    return sorted(pairs)
