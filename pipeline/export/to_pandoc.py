"""The intermediate HTML as pandoc's document tree (its JSON form): the Word file's body.

pandoc writes the Word file from this tree with the styles of ``templates/referenz.docx``; it no
longer reads the HTML itself. Reading HTML was half of pandoc's time, and the forms, landscape
pages and column alignment needed four Lua filters; they are built into the tree here, from the
same reading of the HTML as the PDF's Typst body (:mod:`.intermediate`), so Word and PDF agree.

The guarantee of the PDF holds here too: every text becomes a ``Str``, which pandoc writes as
text and never reads as markup; the title block goes into the tree's metadata the same way. The
only raw Word markup is the project's own (a page break, a section end, a tab for a gap).

The blocks of ``templates/_formular.html.j2`` become paragraphs with the project's styles
(shaped by :mod:`.docx_finish`):

- ``div.feld``: the line to fill in ("Ausfüllzeile": an entry given on it, or a no-break space)
  and its label below ("Feldbezeichnung Ende");
- ``div.felder``: the fields side by side in a table without borders, their lines in its first
  row and their labels in the second (:func:`_fields`); inside a kept block and not at its end,
  the labels keep with what follows ("Feldbezeichnung");
- ``div.zusammenhalten``: every paragraph kept with the next but the last; with ``mit-vorigem``
  (a signature) the paragraph before it keeps with it too;
- ``div.ankreuzen``: each item a paragraph "Ankreuzfeld" (its box is in the text);
- ``span.luecke``: a tab, which "Ankreuzfeld" fills with a line to the margin;
- ``div.neue-seite``: a page break; ``div.quer``: a section end before and after, each carrying
  only its orientation (:mod:`.docx_pages` adds the rest).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from lxml.etree import _Element

from pipeline.export.intermediate import (
    HEADINGS,
    Token,
    alignment,
    blocks_in,
    cells,
    classes,
    collapse,
    collapse_space,
    column_widths,
    inline_tokens,
    keeps_with_next,
    parse,
    rows,
    span,
)
from pipeline.export.ooxml import FORM_LINE_STYLE

#: The version of pandoc's document tree this module writes (pandoc-types 1.23: pandoc 3).
API_VERSION = [1, 23, 1]

Node = dict[str, Any]
Attr = list[Any]

NO_ATTR: Attr = ["", [], []]
GAP_DOCX = "<w:r><w:tab/></w:r>"
PAGE_BREAK_DOCX = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
NO_BREAK_SPACE = "\u00a0"
#: A label kept with the next line, inside a row of fields or a block kept together.
#: A field's line to write on and its label under it (the last of a block: not kept with the next).
FORM_LINE, FORM_LABEL = FORM_LINE_STYLE, "Feldbezeichnung Ende"
KEEPING = {FORM_LABEL: "Feldbezeichnung"}
KEPT_TOGETHER = "Zusammenhalten"
#: The first paragraph of a kept block that wants room before it (``div.zusammenhalten.abstand``).
SPACED = "Zusammenhalten mit Abstand"
#: A kept block of one paragraph with room before it (a signature): it keeps with nothing after
#: it – kept with the next, it chained the 'Anlagen' and 'Abkürzungen' after a paper's signature
#: into one block too tall for the page, and the heading before stood alone at a page's foot.
SPACED_ALONE = "Abstand davor"
_ALIGNMENT = {"left": "AlignLeft", "right": "AlignRight", "center": "AlignCenter"}
_MARKS = {"strong": "Strong", "b": "Strong", "em": "Emph", "i": "Emph", "sub": "Subscript", "sup": "Superscript"}


def node(kind: str, *content: Any) -> Node:
    """One node of the tree: {"t": kind} with its content ("c"), if any."""
    if not content:
        return {"t": kind}
    return {"t": kind, "c": content[0] if len(content) == 1 else list(content)}


def attr(ident: str = "", kinds: Iterable[str] = (), **attributes: str) -> Attr:
    return [ident, list(kinds), [[k.replace("_", "-"), v] for k, v in attributes.items()]]


def raw_block(openxml: str) -> Node:
    return node("RawBlock", "openxml", openxml)


def styled(style: str, inlines: list[Node]) -> Node:
    """A paragraph in one of the project's Word styles."""
    return node("Div", attr(custom_style=style), [node("Para", inlines)])


# --- inline content -------------------------------------------------------------------------


def _wrapped(element: _Element, content: list[Node]) -> list[Node]:
    """An inline element around its content: emphasis, a link, a span with its id (a bookmark
    in Word), or the content alone."""
    tag = element.tag
    if tag in _MARKS:
        return [node(_MARKS[tag], content)]
    href = element.get("href", "") if tag == "a" else ""
    if href and href != "#":
        return [node("Link", NO_ATTR, content, [href, ""])]
    ident = element.get("id", "")
    if tag == "span" and ident:
        return [node("Span", attr(ident), content)]
    return content


def inlines(tokens: Iterable[Token]) -> list[Node]:
    """Inline content as pandoc inlines, whitespace collapsed as the PDF has it."""
    stack: list[tuple[_Element | None, list[Node]]] = [(None, [])]
    for token in collapse(tokens):
        content = stack[-1][1]
        if token.kind == "text":
            content.append(node("Str", token.value))
        elif token.kind == "break":
            content.append(node("LineBreak"))
        elif token.kind == "atom":
            content.append(node("RawInline", "openxml", GAP_DOCX))
        elif token.kind == "open":
            stack.append((token.element, []))
        else:
            element, inner = stack.pop()
            assert element is not None
            stack[-1][1].extend(_wrapped(element, inner))
    return stack[0][1]


def inlines_of(element: _Element) -> list[Node]:
    return inlines(inline_tokens(element))


# --- blocks ---------------------------------------------------------------------------------


def _plain(tokens: list[Token]) -> Node | None:
    content = inlines(tokens)
    return node("Plain", content) if content else None


def flow(element: _Element) -> list[Node]:
    """The blocks inside an element; inline content between blocks becomes plain text."""
    return blocks_in(element, _plain, block)


def block(element: _Element) -> list[Node]:
    tag = element.tag
    if tag == "p":
        content = inlines_of(element)
        if content and keeps_with_next(element):
            return [styled(KEPT_TOGETHER, content)]
        return [node("Para", content)] if content else []
    if tag in HEADINGS:
        return [node("Header", HEADINGS[tag], attr(element.get("id", ""), classes(element)), inlines_of(element))]
    if tag == "ul":
        return [node("BulletList", _items(element))]
    if tag == "ol":
        return [node("OrderedList", [1, node("DefaultStyle"), node("DefaultDelim")], _items(element))]
    if tag == "dl" and "kopfangaben" in classes(element):
        return _head_block(element)
    if tag == "dl":
        return [node("DefinitionList", _terms(element))]
    if tag == "table":
        return [table(element)]
    if tag == "figure":
        return figure(element)
    if tag == "div":
        return division(element)
    return flow(element)


def _items(element: _Element) -> list[list[Node]]:
    return [flow(item) for item in element if item.tag == "li"]


def _terms(element: _Element) -> list[Any]:
    items: list[Any] = []
    for child in element:
        if child.tag == "dt":
            items.append([inlines_of(child), []])
        elif child.tag == "dd" and items:
            items[-1][1].append(flow(child))
    return items


def _head_block(element: _Element) -> list[Node]:
    """The head block of a council paper (Vorlagen-Nr., Datum …): one line per entry, the label
    in bold, a tab, the value ("Kopfangabe": a tab stop and a hanging indent at 4,2 cm, as the
    PDF's two columns): stacked label over value it took 40 % of the first page."""
    lines = []
    for term, values in _terms(element):
        paragraphs = [b["c"] for blocks in values for b in blocks if b["t"] in ("Para", "Plain")]
        value = [inline for index, p in enumerate(paragraphs) for inline in ([node("Space")] if index else []) + p]
        lines.append(styled("Kopfangabe", [node("Strong", term), node("RawInline", "openxml", GAP_DOCX), *value]))
    return lines


def _caption(element: _Element | None) -> list[Any]:
    content = inlines_of(element) if element is not None else []
    return [None, [node("Plain", content)] if content else []]


# --- tables and figures ---------------------------------------------------------------------


def _cell(cell: _Element) -> list[Any]:
    return [NO_ATTR, node("AlignDefault"), span(cell, "rowspan"), span(cell, "colspan"), flow(cell)]


def _row(row: _Element) -> list[Any]:
    return [NO_ATTR, [_cell(cell) for cell in cells(row)]]


def table(element: _Element) -> Node:
    """A table with its caption, column widths, the alignment of its header cells for the whole
    column (as in the PDF), the header row repeated on every page and the total row at the end."""
    head, body, foot = (rows(element, part) for part in ("thead", "tbody", "tfoot"))
    body += [row for row in element if row.tag == "tr"]
    first = head[0] if head else (body[0] if body else None)
    header_cells = cells(first) if first is not None else []
    widths = column_widths(element)
    count = max(len(widths), sum(span(c, "colspan") for c in header_cells), 1)
    widths += [None] * (count - len(widths))
    aligns: list[str | None] = []
    for cell in header_cells if head else []:
        aligns += [alignment(cell)] + [None] * (span(cell, "colspan") - 1)
    aligns += [None] * (count - len(aligns))
    columns = [
        [node(_ALIGNMENT.get(align or "", "AlignDefault")), _width(width)]
        for align, width in zip(aligns[:count], widths, strict=True)
    ]
    return node(
        "Table",
        NO_ATTR,
        _caption(element.find("caption")),
        columns,
        [NO_ATTR, [_row(row) for row in head]],
        [[NO_ATTR, 0, [], [_row(row) for row in body if len(row)]]],
        [NO_ATTR, [_row(row) for row in foot]],
    )


def _width(percent: float | None) -> Node:
    return node("ColWidth", percent / 100) if percent is not None else node("ColWidthDefault")


def figure(element: _Element) -> list[Node]:
    """A picture with its caption below; its alternative text is the picture's description."""
    image = element.find(".//img")
    if image is None:
        return flow(element)
    alt = [node("Str", collapse_space(image.get("alt", "")))]
    picture = node("Image", NO_ATTR, alt, [image.get("src", ""), ""])
    return [node("Figure", NO_ATTR, _caption(element.find("figcaption")), [node("Plain", [picture])])]


# --- divisions: landscape pages, page breaks, forms ------------------------------------------


def _paragraph_texts(blocks: list[Node]) -> list[list[Node]]:
    return [b["c"] for b in blocks if b["t"] in ("Para", "Plain")]


def _style_of(block: Node) -> str | None:
    if block["t"] != "Div":
        return None
    found = dict(block["c"][0][2]).get("custom-style")
    return str(found) if found else None


def _field(element: _Element) -> list[Node]:
    """A line to fill in (the entry given, or a no-break space on the line) and its label."""
    texts = _paragraph_texts(flow(element))
    label = texts[-1] if texts else []
    entry = texts[0] if len(texts) > 1 else [node("Str", NO_BREAK_SPACE)]
    return [styled(FORM_LINE, entry), styled(FORM_LABEL, label)]


def _fields(blocks: list[Node]) -> list[Node]:
    """Fields side by side, as in the PDF: a table without header or borders, the fields' lines in
    its first row (set at the row's foot: a given entry of two lines does not lower its line below
    the others) and their labels under them in the second. Word has no other way to set paragraphs
    side by side that wraps a long label within its column; :mod:`.docx_finish` gives the table
    its look, and the accessibility check knows it for a form's layout, not a table of data
    (:func:`is_form_table`)."""
    starts = [index for index, b in enumerate(blocks) if _style_of(b) == FORM_LINE]
    fields = [blocks[start:stop] for start, stop in zip(starts, [*starts[1:], len(blocks)], strict=True)]
    if len(fields) < 2:
        return blocks
    share = 1 / len(fields)
    columns = [[node("AlignDefault"), node("ColWidth", share)] for _ in fields]
    lines = [[NO_ATTR, node("AlignDefault"), 1, 1, field[:1]] for field in fields]
    labels = [[NO_ATTR, node("AlignDefault"), 1, 1, field[1:]] for field in fields]
    rows = [[NO_ATTR, lines], [NO_ATTR, labels]]
    return [node("Table", NO_ATTR, [None, []], columns, [NO_ATTR, []], [[NO_ATTR, 0, [], rows]], [NO_ATTR, []])]


def _form_row_kept(table: Node) -> Node:
    """A row of fields inside a block kept together, not at its end: its labels keep with what
    follows, as its lines do."""
    for cell in _form_cells(table):
        cell[4] = [
            styled(KEEPING[FORM_LABEL], b["c"][1][0]["c"]) if _style_of(b) == FORM_LABEL else b for b in cell[4]
        ]
    return table


def _form_cells(table: Node) -> list[Any]:
    """The cells of a row of fields (:func:`_fields`): lines, then labels ([] for any other table)."""
    bodies = table["c"][4]
    found = bodies[0][3] if len(bodies) == 1 else []
    if len(found) != 2 or not all(cell[4] and _style_of(cell[4][0]) == FORM_LINE for cell in found[0][1]):
        return []
    return [*found[0][1], *found[1][1]]


def _is_form_row(block: Node) -> bool:
    return block["t"] == "Table" and bool(_form_cells(block))


def _kept_together(blocks: list[Node]) -> list[Node]:
    """Every paragraph of the block keeps with the next, but the last; a list or table inside
    stays as it is."""
    flat: list[tuple[str | None, Any]] = []
    for b in blocks:
        if b["t"] == "Div":
            named = _style_of(b) or KEPT_TOGETHER
            flat += [(named, text) for text in _paragraph_texts(b["c"][1])]
        elif b["t"] in ("Para", "Plain"):
            flat.append((KEPT_TOGETHER, b["c"]))
        else:
            flat.append((None, b))
    result = []
    for index, (style, content) in enumerate(flat):
        last = index == len(flat) - 1
        if style is None:
            result.append(_form_row_kept(content) if not last and _is_form_row(content) else content)
        elif not last:
            result.append(styled(KEEPING.get(style, style), content))
        elif style == KEPT_TOGETHER:
            result.append(node("Para", content))
        else:
            result.append(styled(style, content))
    return result


def _spaced(blocks: list[Node]) -> list[Node]:
    """A kept block with room before it (a signature block under the last paragraph): its first
    paragraph in the style that adds the space."""
    if not blocks:
        return blocks
    first = blocks[0]
    if first["t"] == "Para":  # the block's only paragraph (its others keep: styled Divs)
        return [styled(SPACED_ALONE, first["c"]), *blocks[1:]]
    if first["t"] == "Div" and _style_of(first) == KEPT_TOGETHER:
        return [styled(SPACED, _paragraph_texts(first["c"][1])[0]), *blocks[1:]]
    return blocks


def _boxes(blocks: list[Node]) -> list[Node]:
    found = []
    for b in blocks:
        if b["t"] == "BulletList":
            for item in b["c"]:
                texts = _paragraph_texts(item)
                found.append(styled("Ankreuzfeld", texts[0] if texts else []))
    return found


def division(element: _Element) -> list[Node]:
    """A <div>: what its class asks for, else its content (with its id, a bookmark)."""
    kinds = classes(element)
    if "neue-seite" in kinds:
        return [raw_block(PAGE_BREAK_DOCX)]
    if "quer" in kinds:
        return [_section_end("portrait"), *flow(element), _section_end("landscape")]
    if "feld" in kinds:
        blocks = _field(element)
    elif "felder" in kinds:
        blocks = _fields(flow(element))
    elif "zusammenhalten" in kinds:
        blocks = _spaced(_kept_together(flow(element))) if "abstand" in kinds else _kept_together(flow(element))
    elif "ankreuzen" in kinds:
        blocks = _boxes(flow(element))
    else:
        blocks = [node("Div", attr(element.get("id", ""), kinds), flow(element))]
    return blocks


def _section_end(orientation: str) -> Node:
    """The end of a section, carrying only its orientation."""
    return raw_block(f'<w:p><w:pPr><w:sectPr><w:pgSz w:orient="{orientation}"/></w:sectPr></w:pPr></w:p>')


def _text(value: str) -> Node:
    return node("MetaInlines", [node("Str", value)])


def pandoc_json(html: str, metadata: dict[str, str]) -> str:
    """The document tree of a body (its intermediate HTML) and title block (`metadata`: title,
    subtitle, author, date as plain text; empty values are left out)."""
    blocks = flow(parse(html)) if html.strip() else []
    meta = {key: _text(value) for key, value in metadata.items() if value}
    return json.dumps({"pandoc-api-version": API_VERSION, "meta": meta, "blocks": blocks}, ensure_ascii=False)
