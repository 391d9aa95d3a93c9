"""How wide text runs and how many lines it needs: estimates for layout decisions made before a
page is set (Word's column widths, which rows of a table stay together in Word and PDF).

Estimated by Arial's widths: Word's default design uses it, and the PDF's Source Sans runs a
little narrower, so a row is never judged shorter than it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat

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
#: Ten rows: the Finanzielle Auswirkungen of a paper (nine) were split before 'Mittel im Haushalt'
#: (layout review), while the height keeps the gap a kept table may leave the same.
KEEP_WHOLE_ROWS = 10
KEEP_WHOLE_CM = 8.0
POINTS_PER_CM = 28.35
#: A table row taller than this may break across pages (in Word and PDF): kept whole, it would
#: leave most of a page empty before it, and one taller than a page ran past the page's foot,
#: where typst set it over the footer and Word cuts it off – text lost. Only rows with more text
#: than LONG_ROW_CHARACTERS are measured (fewer never fill so much, and a table of hundreds of
#: rows is not measured row by row).
LONG_ROW_CM, LONG_ROW_CHARACTERS = 10.0, 300
#: How many lines of text may move on to the next page so that no row stands alone: at a table's
#: start its header (a line) and first row, which would otherwise stand alone at the page's foot;
#: at its end the second-to-last row, which keeps the last company. More would leave over 2,5 cm
#: of a page empty (at a table's start, caption and heading move along too); then the row stays.
MOVABLE_ROW_LINES = 5
#: A numbered list (decision points, steps) of at most this many lines of text in all stays on
#: one page: a Beschlussvorschlag read across a page break (points 1–3 here, 4–5 there) invites
#: the question whether the page after is part of it. About a third of a page.
KEPT_NUMBERED_LINES = 20
#: A table of more columns than this is set compactly (the Zuständigkeitsmatrix, on a landscape
#: page): in 8 pt, with more than CROWDED_COLUMNS in 7 pt (templates/gemeinsam.typ; Word alike).
WIDE_TABLE_COLUMNS, CROWDED_COLUMNS = 10, 24


def wide_table_points(columns: int) -> float:
    """The type size of a compact table of so many columns (7 pt made the matrix hard to read in
    print while its landscape page had room)."""
    return 7.0 if columns > CROWDED_COLUMNS else 8.0


#: The width of body text (points: A4 less the margins of 2,5 cm) and its type size.
BODY_WIDTH, BODY_POINTS = 453.5, 10.5


@lru_cache(maxsize=1 << 16)
def em_width(text: str) -> float:
    """A text's width in em, by the widths of its characters (:data:`ARIAL_WIDTHS`). Kept per
    text: a build measures the same cell texts about five times over (Word's column widths and
    hyphenation, the PDF's), a batch the same ones again for each municipality."""
    return sum(map(ARIAL_WIDTHS.get, text, repeat(556))) / 1000


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


#: A long word Word and typst may hyphenate (hyphenation is on, de-DE) needs only room for this many
#: characters and the hyphen: "Netzwerk-|koordination". Codes, dates, amounts and short words
#: cannot be hyphenated and need their whole width.
HYPHENATED_CHARACTERS = 9


@lru_cache(maxsize=65536)
def needed_em(word: str) -> float:
    """The width (em) a word needs in its column: Word (and typst) break after a hyphen of its own
    ("Jugendhilfe-|planung"), and hyphenates a long piece of letters after its first syllables
    (:data:`HYPHENATED_CHARACTERS`); anything else (a code, a date, an amount, a short word)
    needs its whole width."""
    return max(_joined_em(piece) for piece in _AFTER_HYPHEN.split(word))


@lru_cache(maxsize=65536)
def whole_em(word: str) -> float:
    """The width (em) a word needs in its column unhyphenated: it breaks only after a hyphen of
    its own ("Jugendhilfe-|planung")."""
    return max(em_width(piece) for piece in _AFTER_HYPHEN.split(word))


def _joined_em(piece: str) -> float:
    """A number bound to its word by a no-break space ('24 Patenschaften') stays on one line
    with the word's first syllables only: Word still hyphenates the word."""
    *bound, last = piece.split("\u00a0")
    before = "".join(f"{part}\u00a0" for part in bound)
    return em_width(before) + _piece_em(last)


_AFTER_HYPHEN = re.compile(r"(?<=-)(?=.)")
_PUNCTUATION = "„“\"'()[],.;:!?-"


def _piece_em(piece: str) -> float:
    letters = piece.strip(_PUNCTUATION)
    if len(letters) > HYPHENATED_CHARACTERS and letters.isalpha():
        return em_width(piece[: piece.index(letters) + HYPHENATED_CHARACTERS] + "-")
    return em_width(piece)


def fit_widths(
    widths: list[int], needed: list[int], kept: list[int] | None = None, whole: list[int] | None = None
) -> list[int]:
    """Widths (same total) where each column that needs more takes it from the columns with
    the most room. Where not all words fit, the narrow columns still get all they need (a 'Z2.2'
    or '2026' cannot be hyphenated) and only the longest words are capped, at one common width:
    Word and typst hyphenate those. `kept`: what each column keeps when it gives (at least what
    it needs; more where its text would wrap into more lines). `whole`: what each column needs
    for its longest word unhyphenated, asked for as far as the room allows (:func:`_preferred`)."""
    if whole is not None:
        needed = _preferred(needed, whole, sum(widths))
    if sum(needed) > sum(widths):
        needed = _capped(needed, sum(widths))
    floors = [max(n, k) for n, k in zip(needed, kept or needed, strict=True)]
    widths = list(widths)
    for index, need in enumerate(needed):
        while widths[index] < need:
            donor = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
            spare = widths[donor] - floors[donor]
            if donor == index or spare <= 0:
                break
            moved = min(spare, need - widths[index])
            widths[donor] -= moved
            widths[index] += moved
    return widths


def _preferred(hyphenated: list[int], whole: list[int], total: int) -> list[int]:
    """Needs that keep the longest words whole where the room allows, up to one common width:
    a column broke 'Netzwerkkoordinati-|on' nine times over while the columns of dates and
    status beside it had room to spare (layout review). Never below what a column needs with
    its long words hyphenated."""
    whole = [max(h, w) for h, w in zip(hyphenated, whole, strict=True)]
    if sum(whole) <= total or sum(hyphenated) >= total:
        return whole if sum(whole) <= total else hyphenated

    def needs(level: int) -> list[int]:
        return [max(h, min(w, level)) for h, w in zip(hyphenated, whole, strict=True)]

    low, high = 0, max(whole)
    while low < high:  # the highest common width at which the needs still fit
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(needs(middle)) <= total else (low, middle - 1)
    return needs(low)


def _capped(needed: list[int], total: int) -> list[int]:
    """Each need, but none above the one level at which they add up to `total`."""
    remaining, left = total, len(needed)
    for need in sorted(needed):
        level = remaining // left
        if need > level:
            return [min(n, level) for n in needed]
        remaining -= need
        left -= 1
    return list(needed)
