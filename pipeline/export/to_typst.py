"""The intermediate HTML as Typst markup, written here rather than by pandoc: the PDF's body.

Only our templates write that HTML, so the subset is small and known: headings (with ids, front
matter ``class="unnumbered"``), paragraphs, emphasis, links to chapters, lists, the paper header
``dl.kopfangaben``, tables with caption, column widths (``<col style="width: …">``), alignment
(``text-align`` of the header cells, for the whole column) and a total row (``<tfoot>``), figures
(``<img>`` of an SVG with alternative text) and the blocks of ``templates/_formular.html.j2``:

- ``div.quer``: a landscape page for a wide table;
- ``div.neue-seite``: a new page begins after it;
- ``div.zusammenhalten`` (with ``abstand``: more room before): a block kept on one page; with
  ``mit-vorigem`` (a signature) the paragraph before it moves on with it;
- ``div.eintrag``: the details of a directory's entry under its heading (an actor's role and
  tasks), kept on one page where they are short (by an estimate of their lines), so their last
  lines never stand alone on the next;
- ``div.feld`` / ``div.felder``: a line to fill in with its label, several side by side;
- ``div.ankreuzen``: a list whose items begin with a box to tick; ``span.luecke``: a gap to fill.

The guarantee: no text from the HTML is ever read as Typst markup. Every run of text becomes a
string literal (``#"…";``), in which only the backslash and the quote mark mean something, and
both are escaped; ids and file names become string literals too (``label("…")``). The layout
(``templates/*.typ``) gives the look; the functions named above come from ``gemeinsam.typ``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass

from lxml.etree import _Element

from pipeline.export.intermediate import (
    HEADINGS,
    Token,
    alignment,
    blocks_in,
    cells,
    classes,
    collapse,
    column_widths,
    inline_tokens,
    keeps_with_next,
    parse,
    rows,
    sibling,
    span,
)
from pipeline.export.text_width import (
    BODY_POINTS,
    BODY_WIDTH,
    KEEP_WHOLE_CM,
    KEEP_WHOLE_ROWS,
    KEPT_NUMBERED_LINES,
    LONG_ROW_CHARACTERS,
    LONG_ROW_CM,
    POINTS_PER_CM,
    WIDE_TABLE_COLUMNS,
    em_width,
    fit_widths,
    kept_row_pairs,
    lines_needed,
    needed_em,
    whole_em,
    wide_table_points,
)
from pipeline.formatting import NB_HYPHEN, suffix_hyphens_unbroken
from pipeline.render.document import UNNUMBERED, introduces, leads_in

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
UNHYPHENATED = "#text(hyphenate: false)["
#: E-mail and web addresses: never hyphenated, since a reader would copy the hyphen along. Set
#: here per address rather than by a regex show rule in the layout, which cost typst a fifth
#: of its time (it matches every text of the document).
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+")
#: What a lead-in ending with a colon introduces, and stays with on its page.
_INTRODUCED = frozenset({"ul", "ol", "dl", "table"})

#: What the forms and the placing of tables and figures in gemeinsam.typ provide; imported by
#: every body (harmless where unused).
IMPORT = '#import "gemeinsam.typ": feld, ankreuzliste, luecke, platziert, zusammen, lange-woerter'


def literal(text: str) -> str:
    """A Typst string literal holding `text` exactly: nothing in it is markup or code."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _CONTROL.sub(lambda c: f"\\u{{{ord(c[0]):x}}}", escaped) + '"'


# --- inline content -------------------------------------------------------------------------


def _opening(element: _Element) -> str | None:
    """The code that opens an inline element's content ('#strong['), None for plain spans."""
    tag = element.tag
    if tag in ("strong", "b"):
        return "#strong["
    if tag in ("em", "i"):
        return "#emph["
    if tag == "sub":
        return "#sub["
    if tag == "sup":
        return "#super["
    href = element.get("href", "") if tag == "a" else ""
    if href and href != "#":
        target = f"label({literal(href[1:])})" if href.startswith("#") else literal(href)
        return f"#link({target})["
    return None


#: A paper's or decision's number whose last part is letters ('DS/1534/XIX'): a line may break
#: after a slash before letters, and 'DS/1534/' stood at a line's end (Berlin review).
_NUMBER = re.compile(r"(?<![\w/])[A-ZÄÖÜ][\w-]*/\d+/[A-Za-zÄÖÜäöü]\w*(?![\w/])")


def _unbroken_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Numbers, addresses, and each name as a whole word, also with an ending ('Warnemarker',
    'Musterkreises'); a compound that begins with it ('Musterkreisverwaltung') may still break,
    or it would not fit a narrow column."""
    words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    named = f"|(?<!\\w)(?:{words})(?:s|es|er|ers|ern)?(?!\\w)" if names else ""
    return re.compile(f"(?P<number>{_NUMBER.pattern})|{_ADDRESS.pattern}{named}")


#: Numbers and addresses, for a body without names.
_PLAIN = _unbroken_pattern(())
#: What the body being written never hyphenates: addresses, and the proper names its document
#: names (:attr:`RenderedDocument.unbroken`), set by :func:`typst_body` for its one call; and the
#: numbers it never breaks at all (group 'number').
_UNBROKEN: ContextVar[re.Pattern[str]] = ContextVar("unbroken", default=_PLAIN)


#: No line break after the hyphen before it (U+2060).
WORD_JOINER = "\u2060"


#: In a table cell: the widest word (em) that fits its column on a line of its own, set by
#: :func:`_cell`; None outside tables.
_ROOM: ContextVar[float | None] = ContextVar("room", default=None)
#: Tables hyphenate nothing (templates/gemeinsam.typ) but a word wider than its column.
HYPHENATED = "#text(hyphenate: true)["
_WORD = re.compile(r"[^ \t\n]+")
#: A cell with such a word breaks its lines as a whole (templates/gemeinsam.typ).
LONG_WORDS = "lange-woerter"


def _path_pieces(word: str) -> list[str]:
    """A path, field or address too wide for its column in the pieces after whose separators a
    line may break ('templates/', 'konzept/', '03a_bedarfsanalyse.', 'html.', 'j2:5'): no
    hyphenation fits it, and typst ran it past the cell and the page (review of the drafts: the
    list's column 'Quelle' lost file name and line). A word with fewer than two separators
    between letters or digits ('Träger/innen', 'Kinder-/Jugendhilfe', an amount) is one piece."""
    if len(_PATH_SEPARATOR.findall(word)) < 2:
        return [word]
    return [piece for piece in _PIECE.findall(word) if piece]


#: A separator of a path, field or address: a slash, underscore or bracket, a dot or colon beside a
#: letter (not an amount's '1.234.567,89').
_PATH_SEPARATOR = re.compile(r"[/_\[]|(?<=[^\W\d])[.:]|[.:](?=[^\W\d])")
#: A piece of a path up to and with its separator; a bracket begins one ('zielgruppen', '[0].').
_PIECE = re.compile(r"\[?[^/._:\[]*[/._:]?")


def _words(text: str) -> str:
    """Plain text as string literals; in a table cell a word too wide for its column as one
    that may be hyphenated: typst's lines broke 'Erziehungs- und Fa-|milienberatungsstel-|le'
    where the words fitted the column whole on lines of their own (layout review)."""
    room = _ROOM.get()
    parts, last = [], 0
    if room is not None:
        for word in _WORD.finditer(text):
            if whole_em(word[0]) > room:
                if word.start() > last:
                    parts.append(f"#{literal(text[last : word.start()])};")
                # a path breaks between boxes of its pieces, never hyphenated and with no invisible
                # character: a copied path was found nowhere (re-check of the review of the drafts)
                pieces = _path_pieces(word[0])
                parts.append(
                    "".join(f"#box[{UNHYPHENATED}#{literal(piece)};]]" for piece in pieces)
                    if len(pieces) > 1
                    else f"{HYPHENATED}#{literal(word[0])};]"
                )
                last = word.end()
    if last < len(text) or not parts:
        parts.append(f"#{literal(text[last:])};")
    return "".join(parts)


def _text(text: str) -> str:
    """Text as string literals; an address or a proper name in it as one that is never
    hyphenated, a number ending in letters as one never broken, an Ergänzungsstrich ('Ärztinnen
    und -ärzte') as a hyphen no line ends on; in a table only words too wide for their column
    hyphenated (:func:`_words`)."""
    # the font has no U+2011: typst took it from a serif fallback, thin beside a bold hyphen (layout
    # review); a plain hyphen with a word joiner after it stays with its word just the same
    text = suffix_hyphens_unbroken(text).replace(NB_HYPHEN, "-" + WORD_JOINER)
    parts, last = [], 0
    for kept in _UNBROKEN.get().finditer(text):
        if kept.start() > last:
            parts.append(_words(text[last : kept.start()]))
        opening = "#box[" if kept["number"] else UNHYPHENATED
        parts.append(f"{opening}#{literal(kept[0])};]")
        last = kept.end()
    if last < len(text) or not parts:
        parts.append(_words(text[last:]))
    return "".join(parts)


def _markup(token: Token) -> str:
    """A token as Typst: text as a string literal; a plain span's start and end as nothing."""
    if token.kind == "text":
        return _text(token.value)
    if token.kind == "break":
        return "#linebreak()"
    if token.kind == "atom":
        return "#luecke()"
    assert token.element is not None
    opening = _opening(token.element)
    if opening is None:
        return ""
    return opening if token.kind == "open" else "]"


def inline(tokens: Iterable[Token]) -> str:
    """Inline content as Typst markup on one line: every text a string literal."""
    return "".join(_markup(token) for token in collapse(tokens))


def inline_of(element: _Element) -> str:
    return inline(inline_tokens(element))


# --- blocks ---------------------------------------------------------------------------------


@dataclass
class Chunk:
    """A block of Typst markup: a paragraph ("para"), inline text that stood outside a <p>, as
    in a tight list item ("plain"), or any other block ("block")."""

    markup: str
    kind: str = "block"
    #: Estimated height in points where it can be told from the HTML (a paragraph, a heading,
    #: a table): what :func:`_pictures_before_tables` adds up.
    height: float | None = None


#: Kinds of block the placement of a picture looks at (:func:`_pictures_before_tables`).
PICTURE, TABLE = "picture", "table"
#: How many blocks after a picture a table still counts as following it.
TABLE_NEAR = 6
#: The cell that holds rows of a table together (gemeinsam.typ).
KEEPER = "zusammen"


def join(chunks: list[Chunk]) -> str:
    """Blocks one after another: a blank line between them, but only a line end between plain
    text and a block (a list, a table), so a tight list item's text and its sublist stay one
    item without a paragraph of their own."""
    parts = []
    for index, chunk in enumerate(chunks):
        if index:
            kinds = {chunks[index - 1].kind, chunk.kind}
            parts.append("\n" if kinds == {"plain", "block"} else "\n\n")
        parts.append(chunk.markup)
    return "".join(parts)


def _plain(tokens: list[Token]) -> Chunk | None:
    text = inline(tokens)
    return Chunk(text, "plain") if text else None


def flow(element: _Element) -> list[Chunk]:
    """The blocks inside an element; inline content between blocks becomes plain text."""
    return _pictures_before_tables(blocks_in(element, _plain, block))


def _pictures_before_tables(chunks: list[Chunk]) -> list[Chunk]:
    """A picture followed within a few blocks by a table does not float (`fliessen: false`):
    floated to the top of the next page, the text after it would fill this one and the table
    would start here and go on below the picture (Musterkreis' Angebotslandkarte stood in the
    middle of Tabelle 12). Unless what comes up to the table's end fits where the picture would
    leave room (`folgt`, its estimated height): then the table stands whole before the floated
    picture, instead of most of a page staying empty (Neuhafen's Netzwerkkarte, p. 42)."""
    for index, chunk in enumerate(chunks):
        near = chunks[index + 1 : index + 1 + TABLE_NEAR]
        if chunk.kind != PICTURE or not any(c.kind == TABLE for c in near):
            continue
        following = near[: next(n for n, c in enumerate(near) if c.kind == TABLE) + 1]
        heights = [c.height for c in following]
        if all(h is not None for h in heights):
            _place_with(chunk, f"fliessen: false, folgt: {_following_height(heights):.0f}pt")
        else:
            _place_with(chunk, "fliessen: false")
    return chunks


#: How much an estimate of following blocks is raised, and the room added for the space between
#: them (points): better a picture that stays than a table that runs around it.
ESTIMATE_MARGIN, BLOCK_GAP = 1.15, 12.0


def _following_height(heights: list[float | None]) -> float:
    return sum(h or 0.0 for h in heights) * ESTIMATE_MARGIN + BLOCK_GAP * len(heights)


def _place_with(chunk: Chunk, argument: str) -> None:
    """One more argument to the `#platziert(…)` call a picture chunk holds."""
    chunk.markup = f"{chunk.markup.removesuffix(')')}, {argument})"


def block(element: _Element) -> list[Chunk]:
    """One block element as Typst markup."""
    tag = element.tag
    if tag == "p":
        text = inline_of(element)
        height = _lines_of(element, TEXT_WIDTH[False], BODY_POINTS) * BODY_POINTS * BODY_PITCH
        if text and (_leads_in(element) or keeps_with_next(element)):
            return [Chunk(f"#block(sticky: true)[{text}]", height=height)]
        return [Chunk(text, "para", height)] if text else []
    if tag in HEADINGS:
        return [Chunk(heading(element), height=HEADING_HEIGHT)]
    if tag in ("ul", "ol"):
        return [Chunk(listing(element))]
    if tag == "dl":
        return [Chunk(terms(element))]
    if tag == "table":
        layout = _layout(element)  # the columns' fitting reads every cell: once for both
        return [Chunk(table(element, layout), TABLE, _table_height(element, layout))]
    if tag == "figure":
        markup = figure(element)
        return [Chunk(markup, PICTURE if markup.startswith("#platziert(") else "block")]
    if tag == "div":
        return division(element)
    return flow(element)


def _leads_in(paragraph: _Element) -> bool:
    """A paragraph right before a list or a table that introduces it (:func:`leads_in`), one
    ending with a colon before whatever it introduces (the lines 'Ansprechstelle: …' after
    'Dafür gilt im Netzwerk:'), or a short one right under a heading whatever follows: heading
    and one line never stand alone at a page's foot ('9.6.1 Jugendhilfe- und Sozialplanung /
    Organisationsform: …'). Not before a picture: kept with it, heading and sentence would move
    on with a picture that does not fit, and leave the page empty (the picture floats instead,
    :func:`_pictures_before_tables`)."""
    following, preceding = sibling(paragraph), sibling(paragraph, before=True)
    after_heading = preceding is not None and preceding.tag in HEADINGS
    if following is None or following.tag == "figure":
        return False
    text = "".join(str(t) for t in paragraph.itertext())
    if preceding is not None and after_heading and _ends_section(preceding, following) and not introduces(text):
        return False  # its section ends with it: heading and paragraph stand complete
    if following.tag not in _INTRODUCED and not after_heading and not introduces(text):
        return False
    return leads_in(
        text,
        after_heading=after_heading,
        bold=_only_strong(paragraph),
        before_table=following.tag == "table",
    )


def _ends_section(heading: _Element, following: _Element) -> bool:
    """Whether what follows begins a section of the heading's level or above – a heading, or a
    block kept together that begins with one ('Wichtig vor der Unterschrift' of the consent form) –
    so the paragraph between closes its section. Stuck to such a block, the one sentence under
    'Entbindung von der Schweigepflicht' took its heading to the next page and left half a page of
    Neuhafen's form empty. A chapter's introduction before its first subsection still moves on
    with it."""
    first = next((child for child in following if isinstance(child.tag, str)), None)
    starting = following if following.tag in HEADINGS else first if following.tag == "div" else None
    if starting is None or starting.tag not in HEADINGS:
        return False
    return HEADINGS[starting.tag] <= HEADINGS[heading.tag]


def heading(element: _Element) -> str:
    """A heading at its level with its id as label; front matter stands outside the count."""
    options = f"level: {HEADINGS[element.tag]}"
    if UNNUMBERED in classes(element):
        options += ", numbering: none"
    markup = f"#heading({options})[{inline_of(element)}]"
    ident = element.get("id")
    return f"{markup}\n#label({literal(ident)})" if ident else markup


def item_body(item: _Element) -> str:
    """An item's content; one that introduces a short sublist ('2027: 13.200,00 €, davon' and its
    positions) on one page (:func:`_introduces_sublist`)."""
    body = join(flow(item))
    return f"[#block(breakable: false)[{body}]]" if _introduces_sublist(item) else f"[{body}]"


#: An item with a sublist of at most this many lines in all stays on one page.
KEPT_ITEM_LINES = 8


def _introduces_sublist(item: _Element) -> bool:
    """An item whose text leads into a list of its own, short enough to keep whole: typst has no
    rule that keeps the lead-in with the first sub-item (Word keeps it with next, docx_pages)."""
    return any(child.tag in ("ul", "ol") for child in item) and (
        _lines_of(item, ITEM_WIDTH, ITEM_POINTS) <= KEPT_ITEM_LINES
    )


#: A list of at most this many items, none longer than :data:`SHORT_ITEM_LINES` lines, stays on
#: one page: no item alone at its start or end. Word keeps first and last two items of any list
#: together (docx_pages.list_ends); typst has no such rule inside a list, and for up to four items
#: keeping it whole is the same.
KEPT_LIST_ITEMS, SHORT_ITEM_LINES = 4, 3
#: The text's width in a list item (points, less the indent) and its type size.
ITEM_WIDTH, ITEM_POINTS = 430.0, 10.5


def _kept_whole(items: list[_Element]) -> bool:
    """A short list of short items without nested blocks (:data:`KEPT_LIST_ITEMS`)."""
    return len(items) <= KEPT_LIST_ITEMS and all(
        not any(child.tag in ("ul", "ol", "table", "div") for child in item.iter())
        and _lines_of(item, ITEM_WIDTH, ITEM_POINTS) <= SHORT_ITEM_LINES
        for item in items
    )


def listing(element: _Element) -> str:
    """A bullet or numbered list; loose (space between items) where items hold paragraphs; a short
    one kept on one page (:func:`_kept_whole`, :func:`_short_numbered`)."""
    items = [child for child in element if child.tag == "li"]
    tight = not any(child.tag == "p" for item in items for child in item)
    function = "enum" if element.tag == "ol" else "list"
    bodies = ", ".join(item_body(item) for item in items)
    markup = f"#{function}(tight: {'true' if tight else 'false'}, {bodies})"
    kept = len(items) > 1 and (_kept_whole(items) or (element.tag == "ol" and _short_numbered(items)))
    return f"#block(breakable: false)[{markup}]" if kept else markup


def _short_numbered(items: list[_Element]) -> bool:
    """A numbered list of at most :data:`KEPT_NUMBERED_LINES` lines without tables or blocks in it
    (the same rule as in Word, docx_pages.list_ends)."""
    return not any(child.tag in ("table", "div") for item in items for child in item.iter()) and (
        sum(_lines_of(item, ITEM_WIDTH, ITEM_POINTS) for item in items) <= KEPT_NUMBERED_LINES
    )


def terms(element: _Element) -> str:
    """A definition list (the header of a council paper, its abbreviations): label and value per
    item. The items stand one after another, as markup would have them, so the layout's show rule
    for ``terms.item`` applies (it does not to items passed to ``terms(…)``); together they stay on
    one page, as in Word (:func:`docx_pages.head_blocks`): the last abbreviation stood alone on a
    page of its own."""
    items = []
    term = ""
    for child in element:
        if child.tag == "dt":
            term = inline_of(child)
        elif child.tag == "dd":
            items.append(f"#terms.item([{term}], block[{join(flow(child))}])")
    return "#block(breakable: false)[\n" + "\n\n".join(items) + "\n]"


# --- tables ----------------------------------------------------------------------------------


def _cell(cell: _Element, widened: bool = False, breakable: bool = False, room: float | None = None) -> str:
    """A cell; `widened`: it spans the keeper column too (the last cell of its row); `breakable`:
    its row may break across pages (every other row is kept whole, templates/gemeinsam.typ);
    `room`: the widest word (em) that fits its column whole (:data:`_ROOM`)."""
    token = _ROOM.set(room)
    try:
        body = join(flow(cell))
    finally:
        _ROOM.reset(token)
    # a word it must hyphenate: the line breaker weighs the whole cell for where, as first-fit
    # broke it at the last place that fit ('Netzwerkkoordinati-|on', 'Fa-|milienberatungsstel-|le')
    body = f"[#{LONG_WORDS}[{body}]]" if HYPHENATED in body else f"[{body}]"
    spans = {name: span(cell, name) for name in ("colspan", "rowspan")}
    spans["colspan"] += widened
    options = [f"{name}: {count}" for name, count in spans.items() if count != 1]
    options += ["breakable: true"] if breakable else []
    return f"table.cell({', '.join(options)}){body}" if options else body


#: A table's columns in points and the width of its widest em (:func:`_room`).
Columns = tuple[list[float], float]


def _row(row: _Element, columns: Columns, widened: bool = False, breakable: bool = False) -> str:
    """A row's cells; `columns`: the table's (:func:`_room`); `widened`: its last cell spans the
    keeper column too; `breakable`: the row may break across pages."""
    found, column, parts = cells(row), 0, []
    parent = row.getparent()
    header = parent is not None and parent.tag == "thead"
    for index, cell in enumerate(found):
        spanned = span(cell, "colspan")
        room = _room(columns, column, spanned, bold=header or _only_strong(cell))
        parts.append(_cell(cell, widened and index == len(found) - 1, breakable, room))
        column += spanned
    return ", ".join(parts)


def _columns(measured: list[float], points: float) -> Columns:
    """The columns' widths and the em of the table's type size, by Arial's widths and the
    typeface's widest against them: where the estimate errs, a word is hyphenated that need
    not be, rather than left too wide for its column."""
    return measured, points * _ARIAL_WIDTH.get()


def _room(columns: Columns, first: int, spanned: int, bold: bool) -> float:
    """The widest word (em) a cell holds on a line of its own: its columns less its padding."""
    widths, em = columns
    return (sum(widths[first : first + spanned]) - CELL_PADDING) / (em * (1.1 if bold else 1.0))


def _long_rows(rows_: list[_Element], measured: list[float], points: float) -> set[int]:
    """The rows (by index) too tall to keep whole (:data:`LONG_ROW_CM`)."""
    limit = LONG_ROW_CM * POINTS_PER_CM
    return {
        index
        for index, row in enumerate(rows_)
        if sum(len(text) for text in row.itertext()) > LONG_ROW_CHARACTERS
        and _row_lines(row, measured, points) * points * LINE_PITCH + ROW_PADDING > limit
    }


def _plain_rows(table_rows: list[_Element], count: int) -> bool:
    """Whether every row fills the table's columns without a row span: only then can a keeper
    column stand beside them."""
    return all(
        sum(span(c, "colspan") for c in cells(row)) == count and all(span(c, "rowspan") == 1 for c in cells(row))
        for row in table_rows
    )


def _kept_together(pairs: list[int], rows: int) -> dict[int, int]:
    """Rows that keep with the next (:func:`kept_row_pairs`) as keepers: first row → how many rows
    it holds; pairs that share a row become one keeper."""
    groups: list[list[int]] = []
    for index in pairs:
        if index + 1 >= rows:
            continue
        if groups and index <= groups[-1][1]:
            groups[-1][1] = index + 1
        else:
            groups.append([index, index + 1])
    return {start: stop - start + 1 for start, stop in groups}


def _only_strong(element: _Element) -> bool:
    """Whether all of an element's text is one strong run (a bold line, a total's cell)."""
    return (
        len(element) == 1
        and element[0].tag in ("strong", "b")
        and not (element.text or "").strip()
        and not (element[0].tail or "").strip()
    )


def _bold(row: _Element) -> bool:
    """Every cell with text holds only strong text: a subtotal or total row."""
    filled = [cell for cell in cells(row) if "".join(map(str, cell.itertext())).strip()]
    return bool(filled) and all(_only_strong(cell) for cell in filled)


#: The text's width on a page (A4 less the margins, templates/gemeinsam.typ), upright and in a
#: landscape section, in points; cell padding left and right together; type sizes of tables.
TEXT_WIDTH = {False: BODY_WIDTH, True: 700.2}
CELL_PADDING = 10.0
TABLE_POINTS = 9.5


def _table_points(columns: int) -> float:
    """The type size of a table of so many columns (templates/gemeinsam.typ)."""
    return wide_table_points(columns) if columns > WIDE_TABLE_COLUMNS else TABLE_POINTS


#: Distance of two lines in a cell, in em (cap height and leading), and a row's padding (points).
LINE_PITCH, ROW_PADDING = 1.28, 2.1
#: What begins a new line within a cell.
_NEW_LINE = frozenset({"br", "p", "li", "div"})


def _lines_of(cell: _Element, width: float, points: float) -> int:
    """Estimated lines of an element's text (a cell, a list item) in a column `width` points
    wide: each piece between line breaks and block starts wraps on its own."""
    pieces: list[str] = []

    def walk(node: _Element) -> None:
        if node.tag in _NEW_LINE:
            pieces.append("\n")
        pieces.append(node.text or "")
        for child in node:
            walk(child)
            pieces.append(child.tail or "")

    walk(cell)
    return sum(lines_needed(line, points, width) for line in "".join(pieces).split("\n") if line.strip())


def _row_lines(row: _Element, widths: list[float], points: float) -> int:
    """A row's estimated lines: those of its tallest cell."""
    column, tallest = 0, 0
    for cell in cells(row):
        spanned = span(cell, "colspan")
        width = sum(widths[column : column + spanned]) - CELL_PADDING
        column += spanned
        tallest = max(tallest, _lines_of(cell, width, points))
    return tallest


def _height(lines: list[int], points: float) -> float:
    """Estimated height in points of rows of these many lines (line pitch and cell padding of
    templates/gemeinsam.typ), with the caption's line above them."""
    return sum(count * points * LINE_PITCH + ROW_PADDING for count in [1, *lines])


def _column_points(element: _Element, widths: list[str]) -> list[float]:
    """Each column's width in points, on the page the table stands on (landscape in div.quer);
    columns without a width share what the others leave."""
    landscape = any("quer" in classes(a) for a in element.iterancestors("div"))
    page = TEXT_WIDTH[landscape]
    given = [float(w.removesuffix("%")) / 100 * page for w in widths if w.endswith("%")]
    free = max(page - sum(given), 0.0) / max(1, len(widths) - len(given))
    return [float(w.removesuffix("%")) / 100 * page if w.endswith("%") else free for w in widths]


def _keepers(element: _Element, widths: list[str], parts: tuple[list[_Element], ...]) -> dict[int, int]:
    """The rows each keeper holds (first row → how many; totals counted after the body's): a
    short table (:data:`KEEP_WHOLE_ROWS`, :data:`KEEP_WHOLE_CM`) whole, any other's rows in pairs
    by the estimated lines of its rows (:func:`kept_row_pairs`, the same rule as in Word)."""
    head, body, foot = parts
    if not body:
        return {}
    points = _table_points(len(widths))
    measured = _column_points(element, widths)
    if len(body) <= KEEP_WHOLE_ROWS:
        whole = [_row_lines(row, measured, points) for row in body] + [1] * (len(head) + len(foot))
        if _height(whole, points) <= KEEP_WHOLE_CM * POINTS_PER_CM:
            return {0: len(body) + len(foot)}
    rows = [*body, *foot]  # the totals stand at the body's end
    bold = [_bold(row) or index >= len(body) for index, row in enumerate(rows)]
    return _kept_together(kept_row_pairs(lambda index: _row_lines(rows[index], measured, points), bold), len(rows))


#: Line pitch (in em) of body text, and a heading's room with the space around it (points;
#: templates/gemeinsam.typ).
BODY_PITCH, HEADING_HEIGHT = 1.35, 48.0


Layout = tuple[list[str], tuple[list[_Element], list[_Element], list[_Element]]]


def _table_height(element: _Element, layout: Layout) -> float | None:
    """A table's estimated height in points with its caption (:func:`_height`); None where its
    columns cannot be told apart (cells spanning rows)."""
    widths, parts = layout
    every = [row for part in parts for row in part]
    if not _plain_rows(every, len(widths)):
        return None
    points = _table_points(len(widths))
    measured = _column_points(element, widths)
    return _height([_row_lines(row, measured, points) for row in every], points)


def _layout(element: _Element) -> Layout:
    """A table's column widths ('25%', 'auto') and its header, body and footer rows."""
    head, body, foot = (rows(element, part) for part in ("thead", "tbody", "tfoot"))
    body += [row for row in element if row.tag == "tr"]
    widths = [f"{width:g}%" if width is not None else "auto" for width in column_widths(element)]
    first = head[0] if head else (body[0] if body else None)
    header_cells = cells(first) if first is not None else []
    count = max(len(widths), sum(span(c, "colspan") for c in header_cells), 1)
    widths += ["auto"] * (count - len(widths))
    filled = [row for row in body if len(row)]
    return _fitted(element, widths, head, [*filled, *foot]), (head, filled, foot)


#: Source Sans Pro (and Source Serif Pro) against Arial, whose widths :func:`needed_em` knows, with
#: a margin: a bold header a hair too narrow still broke ('Mainbo-|gen').
PDF_FONT_WIDTH = 1.05
#: The typeface's words against Arial's widths at most, set by :func:`typst_body` (read by
#: :func:`_columns` for the words a cell may hyphenate).
_ARIAL_WIDTH: ContextVar[float] = ContextVar("arial_width", default=PDF_FONT_WIDTH)
_WORD_GAPS = re.compile(r"[ \t\n]+")


def _cell_words(cell: _Element) -> list[str]:
    """A cell's words, a no-break space binding two into one ('150\u00a0Familien')."""
    return _WORD_GAPS.split(" ".join(str(text) for text in cell.itertext()).strip(" \t\n"))


def _fitted(element: _Element, widths: list[str], head: list[_Element], rows_: list[_Element]) -> list[str]:
    """The columns' widths where a column whose longest word would not fit ('Mainbo-|gen' in a
    header, 'Z1 Zugang in al-|len Sozialräumen') takes room that another column does not use: a
    column gives only down to the width of its longest cell on one line, so a column of dates or
    amounts gives and a column of wrapping text keeps its lines (the templates' widths stay where
    every word fits). Only where the templates give every width."""
    if not all(width.endswith("%") for width in widths):
        return widths
    points = _table_points(len(widths)) * PDF_FONT_WIDTH
    needed, whole, natural = [0.0] * len(widths), [0.0] * len(widths), [0.0] * len(widths)
    for row in [*head, *rows_]:
        column = 0
        for cell in cells(row):
            spanned = span(cell, "colspan")
            if spanned == 1 and column < len(widths):
                bold = 1.1 if row in head or _only_strong(cell) else 1.0
                words = _cell_words(cell)
                longest = max((needed_em(word) for word in words), default=0.0)
                needed[column] = max(needed[column], longest * points * bold + CELL_PADDING)
                longest = max((whole_em(word) for word in words), default=0.0)
                whole[column] = max(whole[column], longest * points * bold + CELL_PADDING)
                text = " ".join(words)
                if row not in head:  # a header may wrap; the body's longest cell on one line
                    natural[column] = max(natural[column], em_width(text) * points * bold + CELL_PADDING)
            column += spanned
    measured = _column_points(element, widths)
    if all(need <= width for need, width in zip(whole, measured, strict=True)):
        return widths
    page = sum(measured)
    fitted = fit_widths(
        [round(w * 100) for w in measured],
        [math.ceil(n * 100) for n in needed],
        [math.ceil(n * 100) if n < w else round(w * 100) for n, w in zip(natural, measured, strict=True)],
        [math.ceil(n * 100) for n in whole],
    )
    if fitted == [round(w * 100) for w in measured]:
        return widths
    return [f"{width / page:.2f}%" for width in fitted]


def table(element: _Element, layout: Layout | None = None) -> str:
    """A table as a figure with its caption above: widths and alignment per column (from the
    header cells, as Word has them), the header row repeated on every page, the total rows once
    at the end. Rows never split; where the table breaks between rows, a keeper column of no width
    holds rows together (:func:`_kept_together`; typst has no widow rule for rows, but an
    unbreakable cell spanning rows is one), so typst itself moves caption, header and the first
    rows on to the next page, with a heading or introducing sentence kept before them. The totals
    stand in the body, after a line: a footer that does not repeat could stand alone on a page."""
    widths, (head, filled, foot) = layout or _layout(element)
    count = len(widths)
    aligns = [alignment(c) or "auto" for c in cells(head[0])] if head else []
    aligns += ["auto"] * (count - len(aligns))
    kept = _keepers(element, widths, (head, filled, foot)) if _plain_rows(head + filled + foot, count) else {}
    measured, points = _column_points(element, widths), _table_points(count)
    long = _long_rows([*filled, *foot], measured, points)
    columns = _columns(measured, points)
    # a keeper spanning a long row would hold it whole again
    kept = {start: size for start, size in kept.items() if not long & set(range(start, start + size))}
    keeping = bool(kept)  # a keeper column of no width stands right of the others
    held = {start + step for start, size in kept.items() for step in range(1, size)}

    def body_row(index: int, row: _Element) -> str:
        if index in kept:
            return f"{_row(row, columns)}, {KEEPER}({kept[index]})"
        return _row(row, columns, widened=keeping and index not in held, breakable=index in long)

    lines = [
        f"columns: ({', '.join(widths + ['0pt'] * keeping)},)",
        f"align: ({', '.join(aligns[:count] + ['auto'] * keeping)},)",
    ]
    if head:
        lines += [f"table.header({', '.join(_row(row, columns, keeping) for row in head)},)", "table.hline()"]
    lines += [body_row(index, row) for index, row in enumerate(filled)]
    if foot:
        lines.append("table.hline()")
        lines += [body_row(len(filled) + index, row) for index, row in enumerate(foot)]
    markup = "table(\n    " + ",\n    ".join(lines) + ",\n  )"
    caption = element.find("caption")
    captioned = f",\n  caption: [{inline_of(caption)}]" if caption is not None else ""
    return f"{TABLE_FIGURE}{markup}]{captioned},\n  kind: table,\n)"


#: How a table's and a picture's figure begin in the markup; the body counts them by these
#: (:class:`TypstBody`). Text from the HTML stands in string literals, whose line breaks are
#: escaped: with the line break in each, no text holds either.
TABLE_FIGURE = "#figure(\n  align(center)[#"
PICTURE_FIGURE = "#platziert(figure(\n  "


def figure(element: _Element) -> str:
    """A picture with its caption below and its text alternative for screen readers."""
    image = element.find(".//img")
    caption = element.find("figcaption")
    if image is None:
        return join(flow(element))
    alt = " ".join(image.get("alt", "").split())  # one line, plain spaces: read aloud, not set
    picture = f"image({literal(image.get('src', ''))}, alt: {literal(alt)})"
    captioned = f",\n  caption: [{inline_of(caption)}]" if caption is not None else ""
    return f"{PICTURE_FIGURE}{picture}{captioned},\n))"


# --- divisions: landscape pages, page breaks, forms ------------------------------------------


def _fields(element: _Element) -> str:
    """A line to fill in and its label (the last paragraph); a paragraph before it is an entry
    given on the line."""
    texts = [inline_of(p) for p in element if p.tag == "p"]
    label = texts[-1] if texts else ""
    entry = f"eintrag: [{texts[0]}], " if len(texts) > 1 else ""
    return f"#feld({entry}[{label}])"


def division(element: _Element) -> list[Chunk]:
    """A <div>: what its class asks for, else just its content."""
    kinds = classes(element)
    if "quer" in kinds:
        return [Chunk("#page(flipped: true)[\n" + join(flow(element)) + "\n]")]
    if "neue-seite" in kinds:
        return [Chunk("#pagebreak(weak: true)")]
    if "feld" in kinds:
        return [Chunk(_fields(element))]
    if "felder" in kinds:
        fields = [_fields(child) for child in element if child.tag == "div" and "feld" in classes(child)]
        grid = f"#grid(columns: ({'1fr, ' * len(fields)}), column-gutter: 1cm, row-gutter: 0.4em,\n"
        return [Chunk(grid + "".join(f"[{field}],\n" for field in fields) + ")")]
    if "zusammenhalten" in kinds:
        space = "#v(1.2em)" if "abstand" in kinds else ""
        return [Chunk(f"#block(breakable: false, width: 100%)[{space}\n" + join(flow(element)) + "\n]")]
    if "ankreuzen" in kinds:
        return [Chunk("#ankreuzliste[\n" + join(flow(element)) + "\n]")]
    if "eintrag" in kinds:
        chunks = flow(element)
        if _entry_lines(element) > ENTRY_KEPT_LINES:
            return chunks  # a long entry breaks like running text
        return [Chunk("#block(breakable: false, width: 100%)[\n" + join(chunks) + "\n]")]
    return flow(element)


#: An entry's details (div.eintrag) of at most so many lines – about a third of a page – stay on one page.
ENTRY_KEPT_LINES = 15


def _entry_lines(element: _Element) -> int:
    """The lines an entry's paragraphs and list items take, estimated by their text's width (a
    measuring in typst for each of 5,000 actors made the largest concept a third slower)."""
    texts = ["".join(str(t) for t in b.itertext()) for b in element.iter("p", "li") if b.find(".//li") is None]
    return sum((lines_needed(text, BODY_POINTS, BODY_WIDTH) for text in texts), 0)


@dataclass(frozen=True)
class TypstBody:
    """A document's body (inhalt.typ) and what its lists of tables and figures will hold: the
    figures of tables and of pictures it sets (typst lists those without a caption too),
    counted here so the layout need not query the document for them (a query returns each
    table whole, and comparing those between typst's layout passes took a third of a long
    concept's time)."""

    markup: str
    tables: int = 0
    pictures: int = 0

    def directory_inputs(self) -> dict[str, str]:
        """The counts for the layout (strings, like all its values in angaben.json)."""
        return {"tabellen": str(self.tables), "abbildungen": str(self.pictures)}


def typst_body(html: str, unbroken: tuple[str, ...] = (), arial_width: float = PDF_FONT_WIDTH) -> TypstBody:
    """The body of a document from its intermediate HTML, with its directories' counts;
    `unbroken`: proper names never hyphenated; `arial_width`: how wide the typeface sets words
    against Arial at most (:attr:`pipeline.model.fonts.Typeface.arial_width`)."""
    if not html.strip():
        return TypstBody(IMPORT + "\n")
    tokens = _UNBROKEN.set(_unbroken_pattern(unbroken)), _ARIAL_WIDTH.set(arial_width)
    try:
        markup = join(flow(parse(html)))
    finally:
        _UNBROKEN.reset(tokens[0])
        _ARIAL_WIDTH.reset(tokens[1])
    return TypstBody(IMPORT + "\n\n" + markup + "\n", markup.count(TABLE_FIGURE), markup.count(PICTURE_FIGURE))


def typst_markup(html: str) -> str:
    """The body of a document (inhalt.typ) from its intermediate HTML."""
    return typst_body(html).markup
