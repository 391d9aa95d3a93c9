"""Page layout of the Word file: landscape sections for wide tables, rows that never split,
tables that do not leave a lone row behind, column widths that fit their longest word.

Landscape: the document tree (:mod:`.to_pandoc`) ends a section before and after each block marked
``quer`` with a paragraph that only says the orientation; here each of these sections gets the
page size, margins, header and footer of the document's own section, turned for landscape, with
a footer of its own whose page number stands flush right on the wider page.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.export.ooxml import (
    FORM_FIELD_GAP,
    RPR,
    TC,
    TR,
    VAL,
    P,
    R,
    element,
    insert_ordered,
    is_form_table,
    local,
    paragraph_properties,
    set_child,
    style_definition,
    style_of,
    text_of,
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
    em_width,
    fit_widths,
    kept_row_pairs,
    lines_needed,
    needed_em,
    whole_em,
)
from pipeline.render.document import introduces, leads_in

#: Twips per point, for column widths.
TWIPS_PER_POINT = 20
#: Word's font may be wider than Arial: a margin, by the Word font of the design. Arial and its
#: stand-ins (Liberation Sans) share its widths; Georgia's figures run wider, and where it is not
#: installed (LibreOffice on Linux) its stand-in DejaVu Serif wider still (figures 0,636 em
#: against Arial's 0,556: a date 'seit 01.05.2019' broke in a column sized for Arial).
FONT_MARGINS = {"Arial": 1.08, "Georgia": 1.16}
FONT_MARGIN = FONT_MARGINS["Arial"]
#: Left and right cell margins of the table style (twips, scripts/referenzdokument.py).
CELL_MARGINS = 160


def _orientation(p: etree._Element) -> str | None:
    """'portrait' or 'landscape' for a paragraph that ends a section the document tree marked."""
    size = p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}/{qn('w:pgSz')}")
    return size.get(qn("w:orient")) if size is not None else None


def _markers(document: DocumentObject) -> list[etree._Element]:
    """The document tree's section ends, with empty landscape sections between two blocks dropped."""
    markers = [p for p in document.element.body.iterchildren(qn("w:p")) if _orientation(p)]
    kept: list[etree._Element] = []
    for p in markers:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and _orientation(previous) == "landscape"
            and _orientation(p) == "portrait"
            and _only_empty_between(previous, p)
        ):
            kept.pop()  # two landscape blocks in a row share one section
            _remove(previous)
            _remove(p)
            continue
        kept.append(p)
    return kept


def _only_empty_between(first: etree._Element, second: etree._Element) -> bool:
    node = first.getnext()
    while node is not None and node is not second:
        if local(node) == "p" and text_of(node).strip():
            return False
        if local(node) in ("tbl", "sdt"):
            return False
        node = node.getnext()
    return node is second


def _remove(p: etree._Element) -> None:
    parent = p.getparent()
    if parent is not None:
        parent.remove(p)


def _landscape(section_properties: etree._Element) -> None:
    size = section_properties.find(qn("w:pgSz"))
    assert size is not None  # the reference document sets the page size
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), height or "16838")
    size.set(qn("w:h"), width or "11906")
    size.set(qn("w:orient"), "landscape")


def _without(section_properties: etree._Element, kinds: tuple[str, ...]) -> None:
    for child in list(section_properties):
        if local(child) in kinds:
            section_properties.remove(child)


def _first_page_only(section_properties: etree._Element) -> None:
    """A later section has no first page of its own: no title page setting, no first-page
    header or footer (so the document's header and footer go on)."""
    _without(section_properties, ("titlePg",))
    for reference in list(section_properties):
        if local(reference) in ("headerReference", "footerReference") and reference.get(qn("w:type")) == "first":
            section_properties.remove(reference)


def landscape_sections(
    document: DocumentObject, footer: Callable[[Paragraph, int], None], body_width: Callable[[Section], Length]
) -> int:
    """Complete the sections the document tree marked: portrait ones as the document's last section,
    landscape ones turned, with a footer of their own (drawn by `footer(paragraph, width)`).
    Returns how many landscape sections there are."""
    markers = _markers(document)
    if not markers:
        return 0
    final = document.element.body.find(qn("w:sectPr"))
    assert final is not None
    landscape_footer: etree._Element | None = None
    count = 0
    for index, marker in enumerate(markers):
        properties = copy.deepcopy(final)
        if index:
            _first_page_only(properties)
        if _orientation(marker) == "landscape":
            count += 1
            _first_page_only(properties)
            _landscape(properties)
            for reference in list(properties.iterchildren(qn("w:footerReference"))):
                properties.remove(reference)
            if landscape_footer is None:
                section = Section(properties, document.part)
                section.footer.is_linked_to_previous = False
                footer(section.footer.paragraphs[0], int(body_width(section)))
                landscape_footer = copy.deepcopy(properties.find(qn("w:footerReference")))
            else:
                insert_ordered(properties, copy.deepcopy(landscape_footer))
        paragraph_properties = marker.find(qn("w:pPr"))
        old = paragraph_properties.find(qn("w:sectPr")) if paragraph_properties is not None else None
        assert paragraph_properties is not None and old is not None  # what makes it a marker
        paragraph_properties.replace(old, properties)
        following = marker.getnext()
        if following is not None and _page_break_only(following):
            _remove(following)  # the section already begins a page: no empty one after it
    _first_page_only(final)
    return count


def _page_break_only(block: etree._Element) -> bool:
    """A paragraph that holds nothing but a page break (a 'neue-seite' of the forms)."""
    if local(block) != "p" or text_of(block).strip():
        return False
    breaks = block.findall(f".//{qn('w:br')}")
    return len(breaks) == 1 and breaks[0].get(qn("w:type")) == "page"


def breaks_before(document: DocumentObject) -> None:
    """A paragraph holding only a page break becomes 'page break before' on the paragraph after
    it: on its own, it lands on an empty page of its own wherever the page before is full (the
    agreement's Anlage 1 after the signatures, Neuhafen's chapter 1 after the Kurzfassung)."""
    for p in list(document.element.body.iterchildren(qn("w:p"))):
        following = p.getnext()
        while following is not None and local(following) in ("bookmarkStart", "bookmarkEnd"):
            following = following.getnext()
        if not _page_break_only(p) or following is None or local(following) != "p":
            continue
        if (
            p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
            or p.find(f".//{qn('w:bookmarkStart')}") is not None
        ):
            continue  # it ends a section or marks a block: it stays
        properties = paragraph_properties(following)
        if properties.find(qn("w:pageBreakBefore")) is None:
            insert_ordered(properties, element("pageBreakBefore"))
        _remove(p)


def _keep_with_next(block: etree._Element) -> None:
    """Every paragraph of a row (or the paragraph itself) stays on the page of what follows."""
    for p in block.iter(qn("w:p")):
        properties = paragraph_properties(p)
        if properties.find(qn("w:keepNext")) is None:
            insert_ordered(properties, element("keepNext"))


def table_rows(document: DocumentObject) -> None:
    """No row splits across pages, unless it is too tall to keep whole (:data:`LONG_ROW_CM`); a
    short table stays whole; in a long one the header keeps with the first row, and rows keep in
    pairs by :func:`kept_row_pairs` (the PDF keeps the same rows together, and lets the same rows
    break, pipeline/export/to_typst.py)."""
    for table in document.element.body.iter(qn("w:tbl")):
        rows = list(table.iterchildren(qn("w:tr")))
        for row in rows:
            if _too_tall(table, row):
                continue
            properties = row.find(_TR_PR)
            if properties is None:
                properties = insert_ordered(row, element("trPr"))
            if properties.find(_CANT_SPLIT) is None:
                properties.append(element("cantSplit"))
        for row in _kept_with_next(table, rows):
            _keep_with_next(row)


def _kept_with_next(table: etree._Element, rows: list[etree._Element]) -> list[etree._Element]:
    """The rows of a table that keep with the next: all but the last of a short table; else the
    header rows and the rows :func:`kept_row_pairs` names."""
    header = sum(1 for r in rows if r.find(_HEADER_ROW) is not None)
    body = rows[header:]
    if not body:
        return []
    if len(body) <= KEEP_WHOLE_ROWS and _estimated_height_cm(table, body) <= KEEP_WHOLE_CM:
        return rows[:-1]
    pairs = kept_row_pairs(lambda index: _row_lines(table, body[index]), [_bold_row(row) for row in body])
    return rows[:header] + [body[index] for index in pairs]


def _too_tall(table: etree._Element, row: etree._Element) -> bool:
    """A row too tall to keep whole: Word cuts off what does not fit on the page."""
    # serialized as text in C: python-docx's elements answer itertext() through their Python
    # 'text' properties, which took a second for the 3.000 rows of 500 measures
    if len(etree.tostring(row, method="text", encoding="unicode")) <= LONG_ROW_CHARACTERS:
        return False
    return _estimated_height_cm(table, [row]) > LONG_ROW_CM


def _bold_row(row: etree._Element) -> bool:
    """Every paragraph with text set in bold: a subtotal or total row."""
    written = [p for p in row.iter(P) if text_of(p).strip()]
    return bool(written) and all(_all_bold(p) for p in written)


#: Cell padding left and right together, and above and below, in points (Word's defaults).
_CELL_PADDING = 10.8
_ROW_PADDING = 4.0


def _estimated_height_cm(table: etree._Element, rows: list[etree._Element]) -> float:
    """About how tall the rows are in Word: a row is as tall as its tallest cell (:func:`_row_lines`)."""
    return sum(_row_lines(table, row) * _row_points(row) * 1.2 + _ROW_PADDING for row in rows) / POINTS_PER_CM


def _row_points(row: etree._Element) -> float:
    return max((_cell_points(cell) for cell in row.iterchildren(TC)), default=9.0)


def _row_lines(table: etree._Element, row: etree._Element) -> int:
    """Lines of a row's tallest cell: each paragraph needs as many lines as its text's width fills
    in the column (:func:`lines_needed`), and one more for each line break."""
    # the table's own grid (w:tblGrid), not every descendant: iterating the whole table for each
    # row measured made the long rows of a 5,000-measure concept quadratic
    columns = table.find(qn("w:tblGrid"))
    cols = columns.iterchildren(qn("w:gridCol")) if columns is not None else iter(())
    grid = [int(c.get(qn("w:w"), "0")) / TWIPS_PER_POINT for c in cols]
    tallest, column = 0, 0
    for cell in row.iterchildren(TC):
        span = _span(cell)
        width = sum(grid[column : column + span]) - _CELL_PADDING
        column += span
        points = _cell_points(cell)
        lines = sum(
            lines_needed(text_of(paragraph), points, width) + sum(1 for _ in paragraph.iter(_BR))
            for paragraph in cell.iter(P)
        )
        tallest = max(tallest, lines)
    return tallest


_B = qn("w:b")
_BR = qn("w:br")
_RUN_BOLD = f"{RPR}/{_B}"
_TR_PR, _CANT_SPLIT = qn("w:trPr"), qn("w:cantSplit")
_HEADER_ROW = f"{_TR_PR}/{qn('w:tblHeader')}"
_GRID_SPAN = f"{qn('w:tcPr')}/{qn('w:gridSpan')}"
_SIZE = f".//{qn('w:rPr')}/{qn('w:sz')}"


@dataclass
class _Cell:
    """A table cell as the column widths need it, read once: its first grid column, how many it
    spans, its em (twips), and its paragraphs with their words."""

    row: int
    column: int
    span: int
    em: float
    paragraphs: list[tuple[etree._Element, str, list[str]]]


def _cells(table: etree._Element, margin: float) -> list[_Cell]:
    cells = []
    for number, row in enumerate(table.iterchildren(TR)):
        column = 0
        for cell in row.iterchildren(TC):
            span = _span(cell)
            texts = [(p, text_of(p)) for p in cell.iter(P)]
            paragraphs = [(p, text, _BREAKS.split(text)) for p, text in texts]
            cells.append(_Cell(number, column, span, _cell_em(cell, number == 0, margin), paragraphs))
            column += span
    return cells


def _text_widths(cells: list[_Cell], columns: int) -> tuple[list[float], list[float], list[float]]:
    """Per column, the width (twips) of its longest word (hyphenated after its first syllables,
    and whole) and of its longest body cell on one line
    (the header may wrap), at the cells' type size; the header row and strong text set bold, a
    tenth wider – as the PDF measures its columns (:func:`pipeline.export.to_typst.table`)."""
    longest_words, whole_words, natural = [0.0] * columns, [0.0] * columns, [0.0] * columns
    for cell in cells:
        column, em = cell.column, cell.em
        if cell.span != 1 or column >= columns:
            continue
        words = [word for _, _, split in cell.paragraphs for word in split]
        longest = max((needed_em(word) for word in words), default=0.0)
        longest_words[column] = max(longest_words[column], longest * em)
        longest = max((whole_em(word) for word in words), default=0.0)
        whole_words[column] = max(whole_words[column], longest * em)
        if cell.row > 0:
            line = max((em_width(text) for _, text, _ in cell.paragraphs), default=0.0)
            natural[column] = max(natural[column], line * em)
    return longest_words, whole_words, natural


def _cell_em(cell: etree._Element, header: bool, margin: float) -> float:
    """A cell's em in twips: its type size, bold (the header row, strong text) a tenth wider."""
    bold = header or next(cell.iter(_B), None) is not None
    return _cell_points(cell) * TWIPS_PER_POINT * margin * (1.1 if bold else 1.0)


#: How much room a cell's longest word must leave to spare before its paragraph is kept from
#: hyphenation: where the design's Word font is missing, a wider one stands in (LibreOffice set
#: Georgia in DejaVu Serif), and a word that does not fit then breaks anywhere ('Hafenvie|rtel';
#: layout review); hyphenated, it breaks at a syllable.
UNHYPHENATED_SPARE = 1.15


def _hyphenated_only_where_needed(cells: list[_Cell], widths: list[int]) -> None:
    """A cell's paragraph whose every word fits its column whole is not hyphenated: Word broke
    'Netzwerkkoordina-|tion' at a line's end where the word fitted on the next line, and the PDF
    hyphenates in tables only words wider than their column (templates/gemeinsam.typ)."""
    for cell in cells:
        room = sum(widths[cell.column : cell.column + cell.span]) - CELL_MARGINS
        for p, _, words in cell.paragraphs:
            if max((whole_em(word) for word in words), default=0.0) * cell.em * UNHYPHENATED_SPARE <= room:
                properties = paragraph_properties(p)
                if properties.find(qn("w:suppressAutoHyphens")) is None:
                    insert_ordered(properties, element("suppressAutoHyphens"))


def _span(cell: etree._Element) -> int:
    """How many grid columns a cell spans."""
    span = cell.find(_GRID_SPAN)
    return int(span.get(VAL, "1")) if span is not None else 1


#: Where Word may break a line: not at a no-break space ("01.01.2025 –", "seit 01.03.2013").
_BREAKS = re.compile(r"[ \t\n]+")


def _cell_points(cell: etree._Element) -> float:
    """Type size of a cell's text: 7 or 8 pt where a run sets it (wide tables), else 9 pt."""
    size = cell.find(_SIZE)
    return int(size.get(VAL, "18")) / 2 if size is not None else 9.0


def _in_landscape(document: DocumentObject) -> list[etree._Element]:
    """The tables inside blocks marked for landscape pages. The elements themselves,
    not their id(): lxml makes a new Python object for a node whose old one was freed, and ids
    are reused, so an id would sometimes name another table (an intermittent build difference)."""
    inside, found = False, []
    for child in document.element.body:
        orientation = _orientation(child) if local(child) == "p" else None
        if orientation:
            inside = orientation == "portrait"  # the marker *ending* a portrait section opens the block
        elif inside and local(child) == "tbl":
            found.append(child)
    return found


def fit_columns(document: DocumentObject, portrait: int, landscape: int, font: str = "Arial") -> None:
    """Give every table's fixed columns the width of its page's text area (pandoc sizes them for
    a page of its own), and widen a column whose longest word would not fit – Word would break
    it anywhere – taking the width from the columns with the most room."""
    wide = _in_landscape(document)
    margin = FONT_MARGINS.get(font, max(FONT_MARGINS.values()))
    for table in document.element.body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is None:
            continue
        cols = list(grid.iterchildren(qn("w:gridCol")))
        total = landscape if any(table is w for w in wide) else portrait
        given = [int(c.get(qn("w:w"), "0")) for c in cols]
        scale = total / max(1, sum(given))
        widths = [int(w * scale) for w in given]
        if is_form_table(table):  # lines of one length, a gap after each but the last
            line = (total - FORM_FIELD_GAP * (len(cols) - 1)) // max(1, len(cols))
            fitted = [line + FORM_FIELD_GAP] * (len(cols) - 1) + [
                total - (line + FORM_FIELD_GAP) * (len(cols) - 1)
            ]
        else:
            cells = _cells(table, margin)
            words, whole, lines = _text_widths(cells, len(cols))
            needed = [math.ceil(w + CELL_MARGINS) for w in words]
            # a column whose cells fit on one line gives what it does not need, one with longer text
            # keeps its width (the indicators' text column gave to the numbers' columns until it was
            # as narrow as they: 'Stadtverordne|tenversammlu|ng' in Word; the PDF kept it)
            kept = [
                math.ceil(line + CELL_MARGINS) if line + CELL_MARGINS < width else width
                for line, width in zip(lines, widths, strict=True)
            ]
            fitted = fit_widths(widths, needed, kept, [math.ceil(w + CELL_MARGINS) for w in whole])
            _hyphenated_only_where_needed(cells, fitted)
        for col, width in zip(cols, fitted, strict=True):
            col.set(qn("w:w"), str(width))


#: Space between a table and the text after it (twips): Word sets none, the PDF has about 6 pt.
AFTER_TABLE = 120


def space_after_tables(document: DocumentObject) -> None:
    """A paragraph right after a table starts 6 pt below it instead of touching its last row;
    one whose style asks for more keeps it (a paper's signature, 24 pt). The empty paragraph
    pandoc puts between two tables (Word would join them) takes no room of its own: with the gap
    and a line of its own it doubled the space before the next caption."""
    for table in document.element.body.iterchildren(qn("w:tbl")):
        following = table.getnext()
        if following is not None and _table_separator(following):
            _hairline(following)
            following = following.getnext()
        if following is None or local(following) != "p":
            continue
        if _style_space_before(document, style_of(following)) >= AFTER_TABLE:
            continue
        properties = paragraph_properties(following)
        spacing = properties.find(qn("w:spacing"))
        if spacing is None:
            spacing = insert_ordered(properties, element("spacing"))
        if int(spacing.get(qn("w:before"), "0")) < AFTER_TABLE:
            spacing.set(qn("w:before"), str(AFTER_TABLE))


_SPACING = f"{qn('w:pPr')}/{qn('w:spacing')}"


def _table_separator(block: etree._Element) -> bool:
    """An empty paragraph between a table and the next one (or the next table's caption)."""
    if local(block) != "p" or any(local(child) != "pPr" for child in block):
        return False
    following = block.getnext()
    return following is not None and (local(following) == "tbl" or style_of(following) == "TableCaption")


def _hairline(separator: etree._Element) -> None:
    """The separator one point high, with no space around it."""
    properties = paragraph_properties(separator)
    set_child(properties, "spacing", before="0", after="0", line="20", lineRule="exact")
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = insert_ordered(properties, element("rPr"))
    set_child(marks, "sz", val="2")


def _style_space_before(document: DocumentObject, style_id: str) -> int:
    """The space before (twips) a paragraph style sets itself, 0 where it sets none."""
    style = style_definition(document.styles.element, style_id)
    spacing = style.find(_SPACING) if style is not None else None
    return int(spacing.get(qn("w:before"), "0")) if spacing is not None else 0


def _introduced(following: etree._Element | None) -> str | None:
    """What follows, if it can be introduced: 'table' (after its caption) or 'list' (an item)."""
    if following is not None and local(following) == "p" and style_of(following) == "TableCaption":
        following = following.getnext()
    if following is None:
        return None
    if local(following) == "tbl":
        return "table"
    return "list" if following.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None else None


def lead_ins(document: DocumentObject) -> None:
    """A paragraph that introduces the table or list after it (:func:`leads_in`: 'Offen ist:', or
    a short paragraph right under a heading), or anything else after its colon, stays on its page
    (keep with next); a short paragraph right under a heading does whatever follows it, so
    heading and one line never stand alone at a page's foot."""
    for p in document.element.body.iterchildren(qn("w:p")):
        following = p.getnext()
        introduced = _introduced(following)
        preceding = p.getprevious()
        after_heading = preceding is not None and _a_heading(preceding)
        if following is None or local(following) == "sectPr" or _pictured(following):
            continue
        text = text_of(p)
        if introduced is None and not after_heading and not introduces(text):
            continue
        if (
            preceding is not None
            and after_heading
            and _ends_section(preceding, following)
            and not introduces(text)
        ):
            continue  # its section ends with it: heading and paragraph stand complete (as in the PDF)
        if _fills_in(p):
            continue
        if leads_in(text, after_heading=after_heading, bold=_all_bold(p), before_table=introduced == "table"):
            _keep_with_next(p)


def _a_heading(block: etree._Element) -> bool:
    return local(block) == "p" and style_of(block).startswith("Heading")


def _ends_section(heading: etree._Element, following: etree._Element) -> bool:
    """Whether a heading of `heading`'s level or above comes next (past the bookmarks that end
    and begin sections): the paragraph between closes its section."""
    block: etree._Element | None = following
    while block is not None and local(block) in ("bookmarkStart", "bookmarkEnd"):
        block = block.getnext()
    if block is None or not _a_heading(block):
        return False
    return _heading_level(block) <= _heading_level(heading)


def _heading_level(paragraph: etree._Element) -> int:
    digits = style_of(paragraph).removeprefix("Heading")
    return int(digits) if digits.isdigit() else 9


def _fills_in(paragraph: etree._Element) -> bool:
    """A line that ends in a blank to fill in ('☐ ein Vormund …, Name/Stelle: ____', a tab with a
    leader): its colon asks for the blank, it introduces nothing. Kept with the heading after it,
    LibreOffice moved the form's last option to the next page and left a fifth of page 1 empty."""
    runs = paragraph.findall(f".//{qn('w:r')}")
    return bool(runs) and runs[-1].find(qn("w:tab")) is not None and len(runs[-1]) <= 2


#: The style of a line of label and value (a paper's head block, its abbreviations).
HEAD_LINE = "Kopfangabe"


def head_blocks(document: DocumentObject) -> None:
    """The lines of label and value of a block (a paper's head block, its abbreviations) stay on
    one page, as the PDF's two columns: the last abbreviation stood alone on a page of its own."""
    for p in document.element.body.iterchildren(qn("w:p")):
        following = p.getnext()
        if style_of(p) == HEAD_LINE and following is not None and style_of(following) == HEAD_LINE:
            _keep_with_next(p)


_NUMBERED = f"{qn('w:pPr')}/{qn('w:numPr')}"


def _pictured(block: etree._Element) -> bool:
    """A paragraph holding a picture: what keeps with it moves on with it where it does not fit."""
    return local(block) == "p" and next(block.iter(qn("w:drawing")), None) is not None


def list_ends(document: DocumentObject) -> None:
    """A list never leaves one item alone: its first item keeps with the second (not alone at a
    page's foot) and its last with the one before (not alone on the next page, as JHA/2026/030's
    last Anlage was); an item that leads into a sublist ('2027: 13.200,00 €, davon') keeps with
    its first sub-item. A list is a run of numbered or bulleted paragraphs in the body."""
    run: list[etree._Element] = []
    ordered = _ordered_lists(document)
    for block in [*document.element.body.iterchildren(), None]:
        if block is not None and local(block) == "p" and block.find(_NUMBERED) is not None:
            run.append(block)
            continue
        if len(run) > 1:  # a short numbered list whole, any other at its ends
            for item in run[:-1] if _short_numbered(run, ordered) else [run[0], run[-2]]:
                _keep_with_next(item)
        for item, following in itertools.pairwise(run):
            if _level(following) > _level(item):
                _keep_with_next(item)
        run = []


_LEVEL = f"{_NUMBERED}/{qn('w:ilvl')}"
_NUMBER_ID = f"{_NUMBERED}/{qn('w:numId')}"


def _ordered_lists(document: DocumentObject) -> set[str]:
    """The numbering ids (w:numId) whose outermost level counts (1., 2., …) instead of bullets."""
    numbering = document.part.numbering_part.element
    counting = {
        abstract.get(qn("w:abstractNumId"))
        for abstract in numbering.iterchildren(qn("w:abstractNum"))
        for level in abstract.iterchildren(qn("w:lvl"))
        if level.get(qn("w:ilvl")) == "0"
        and (fmt := level.find(qn("w:numFmt"))) is not None
        and fmt.get(qn("w:val")) not in ("bullet", "none")
    }
    return {
        num.get(qn("w:numId"), "")
        for num in numbering.iterchildren(qn("w:num"))
        if (abstract := num.find(qn("w:abstractNumId"))) is not None and abstract.get(qn("w:val")) in counting
    }


def _short_numbered(run: list[etree._Element], ordered: set[str]) -> bool:
    """A numbered list (not bullets) of at most KEPT_NUMBERED_LINES lines: kept on one page, as
    in the PDF (to_typst.listing)."""
    number = run[0].find(_NUMBER_ID)
    if number is None or number.get(qn("w:val")) not in ordered:
        return False
    return sum(lines_needed(text_of(item), BODY_POINTS, BODY_WIDTH) for item in run) <= KEPT_NUMBERED_LINES


def _level(item: etree._Element) -> int:
    """A list paragraph's nesting level (0 for the outermost)."""
    level = item.find(_LEVEL)
    return int(level.get(qn("w:val"), "0")) if level is not None else 0


def _all_bold(p: etree._Element) -> bool:
    """Every run with text is set in bold (a line standing as a heading for what follows)."""
    runs = [r for r in p.iter(R) if text_of(r).strip()]
    return bool(runs) and all(r.find(_RUN_BOLD) is not None for r in runs)
