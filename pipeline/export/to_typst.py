"""The intermediate HTML as Typst markup, written here rather than by pandoc: the PDF's body.

Only our templates write that HTML, so the subset is small and known: headings (with ids, front
matter ``class="unnumbered"``), paragraphs, emphasis, links to chapters, lists, the paper header
``dl.kopfangaben``, tables with caption, column widths (``<col style="width: …">``), alignment
(``text-align`` of the header cells, for the whole column) and a total row (``<tfoot>``), figures
(``<img>`` of an SVG with alternative text) and the blocks of ``templates/_formular.html.j2``:

- ``div.quer``: a landscape page for a wide table;
- ``div.neue-seite``: a new page begins after it;
- ``div.zusammenhalten`` (with ``abstand``: more room before): a block kept on one page;
- ``div.feld`` / ``div.felder``: a line to fill in with its label, several side by side;
- ``div.ankreuzen``: a list whose items begin with a box to tick; ``span.luecke``: a gap to fill.

The guarantee: no text from the HTML is ever read as Typst markup. Every run of text becomes a
string literal (``#"…";``), in which only the backslash and the quote mark mean something, and
both are escaped; ids and file names become string literals too (``label("…")``). The layout
(``templates/*.typ``) gives the look; the functions named above come from ``gemeinsam.typ``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    parse,
    rows,
    sibling,
    span,
)
from pipeline.render.document import UNNUMBERED, leads_in

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
IMPORT = '#import "gemeinsam.typ": feld, ankreuzliste, luecke, platziert'


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


def _text(text: str) -> str:
    """Text as string literals; an address in it as one that is never hyphenated."""
    parts, last = [], 0
    for address in _ADDRESS.finditer(text):
        if address.start() > last:
            parts.append(f"#{literal(text[last : address.start()])};")
        parts.append(f"{UNHYPHENATED}#{literal(address[0])};]")
        last = address.end()
    if last < len(text) or not parts:
        parts.append(f"#{literal(text[last:])};")
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


#: Kinds of block the placement of a picture looks at (:func:`_pictures_before_tables`), and those
#: that head a table (:func:`_tables_after_heads`).
PICTURE, TABLE, HEAD, LEAD_IN = "picture", "table", "heading", "lead-in"
#: How many blocks after a picture a table still counts as following it.
TABLE_NEAR = 6


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
    return _tables_after_heads(_pictures_before_tables(blocks_in(element, _plain, block)))


def _tables_after_heads(chunks: list[Chunk]) -> list[Chunk]:
    """A table right under a heading (with or without an introducing sentence between them) is
    placed without a page break of its own (`nach-kopf: true`): the break would leave the heading
    alone at the foot of the page; typst keeps it with the table itself (gemeinsam.typ,
    platziert). After an introducing sentence alone the break stays: a sentence left at a page's
    foot is the smaller fault than a table beginning with one row."""
    for index, chunk in enumerate(chunks):
        if chunk.kind != TABLE:
            continue
        before = index
        while before and chunks[before - 1].kind == LEAD_IN:
            before -= 1
        if before and chunks[before - 1].kind == HEAD:
            _place_with(chunk, "nach-kopf: true")
    return chunks


def _pictures_before_tables(chunks: list[Chunk]) -> list[Chunk]:
    """A picture followed within a few blocks by a table does not float (`fliessen: false`):
    floated to the top of the next page, the text after it would fill this one and the table
    would start here and go on below the picture (Musterkreis' Angebotslandkarte stood in the
    middle of Tabelle 12)."""
    for index, chunk in enumerate(chunks):
        near = chunks[index + 1 : index + 1 + TABLE_NEAR]
        if chunk.kind == PICTURE and any(c.kind == TABLE for c in near):
            _place_with(chunk, "fliessen: false")
    return chunks


def _place_with(chunk: Chunk, argument: str) -> None:
    """One more argument to the `#platziert(…)` call a table or picture chunk holds."""
    chunk.markup = f"{chunk.markup.removesuffix(')')}, {argument})"


def block(element: _Element) -> list[Chunk]:
    """One block element as Typst markup."""
    tag = element.tag
    if tag == "p":
        text = inline_of(element)
        if text and _leads_in(element):
            return [Chunk(f"#block(sticky: true)[{text}]", LEAD_IN)]
        return [Chunk(text, "para")] if text else []
    if tag in HEADINGS:
        return [Chunk(heading(element), HEAD)]
    if tag in ("ul", "ol"):
        return [Chunk(listing(element))]
    if tag == "dl":
        return [Chunk(terms(element))]
    if tag == "table":
        return [Chunk(table(element), TABLE)]
    if tag == "figure":
        markup = figure(element)
        return [Chunk(markup, PICTURE if markup.startswith("#platziert(") else "block")]
    if tag == "div":
        return division(element)
    return flow(element)


def _leads_in(paragraph: _Element) -> bool:
    """A paragraph right before a list or a table that introduces it (:func:`leads_in`)."""
    following, preceding = sibling(paragraph), sibling(paragraph, before=True)
    if following is None or following.tag not in _INTRODUCED:
        return False
    text = "".join(str(t) for t in paragraph.itertext())
    bold = (
        len(paragraph) == 1
        and paragraph[0].tag in ("strong", "b")
        and not (paragraph.text or "").strip()
        and not (paragraph[0].tail or "").strip()
    )
    return leads_in(
        text,
        after_heading=preceding is not None and preceding.tag in HEADINGS,
        bold=bold,
        before_table=following.tag == "table",
    )


def heading(element: _Element) -> str:
    """A heading at its level with its id as label; front matter stands outside the count."""
    options = f"level: {HEADINGS[element.tag]}"
    if UNNUMBERED in classes(element):
        options += ", numbering: none"
    markup = f"#heading({options})[{inline_of(element)}]"
    ident = element.get("id")
    return f"{markup}\n#label({literal(ident)})" if ident else markup


def item_body(item: _Element) -> str:
    return "[" + join(flow(item)) + "]"


def listing(element: _Element) -> str:
    """A bullet or numbered list; loose (space between items) where items hold paragraphs."""
    items = [child for child in element if child.tag == "li"]
    tight = not any(child.tag == "p" for item in items for child in item)
    function = "enum" if element.tag == "ol" else "list"
    bodies = ", ".join(item_body(item) for item in items)
    return f"#{function}(tight: {'true' if tight else 'false'}, {bodies})"


def terms(element: _Element) -> str:
    """A definition list (the header of a council paper): label and value per item. The items
    stand one after another, as markup would have them, so the layout's show rule for
    ``terms.item`` applies (it does not to items passed to ``terms(…)``)."""
    items = []
    term = ""
    for child in element:
        if child.tag == "dt":
            term = inline_of(child)
        elif child.tag == "dd":
            items.append(f"#terms.item([{term}], block[{join(flow(child))}])")
    return "\n\n".join(items)


# --- tables ----------------------------------------------------------------------------------


def _cell(cell: _Element) -> str:
    body = "[" + join(flow(cell)) + "]"
    spans = [f"{name}: {span(cell, name)}" for name in ("colspan", "rowspan") if span(cell, name) != 1]
    return f"table.cell({', '.join(spans)}){body}" if spans else body


def _cells(rows: list[_Element]) -> list[str]:
    return [_cell(cell) for row in rows for cell in cells(row)]


def table(element: _Element) -> str:
    """A table as a figure with its caption above: widths and alignment per column (from the
    header cells, as Word has them), the header row repeated on every page, the total row once
    at the end (templates/gemeinsam.typ decides what breaks where)."""
    head, body, foot = (rows(element, part) for part in ("thead", "tbody", "tfoot"))
    body += [row for row in element if row.tag == "tr"]
    widths = [f"{width:g}%" if width is not None else "auto" for width in column_widths(element)]
    first = head[0] if head else (body[0] if body else None)
    header_cells = cells(first) if first is not None else []
    count = max(len(widths), sum(span(c, "colspan") for c in header_cells), 1)
    widths += ["auto"] * (count - len(widths))
    aligns = [alignment(c) or "auto" for c in header_cells] if head else []
    aligns += ["auto"] * (count - len(aligns))
    lines = [f"columns: ({', '.join(widths)},)", f"align: ({', '.join(aligns[:count])},)"]
    if head:
        lines += [f"table.header({', '.join(_cells(head))},)", "table.hline()"]
    filled = [row for row in body if len(row)]
    # The total row takes the last body row with it into the footer: laid out as one group, the
    # total never stands alone on a page under a repeated header (a footer without rows above it).
    last = filled.pop() if foot and filled else None
    lines += [", ".join(_cells([row])) for row in filled]
    if foot:
        kept = _cells([last]) if last is not None else []
        lines.append(f"table.footer({', '.join([*kept, 'table.hline()', *_cells(foot)])},)")
    markup = "table(\n    " + ",\n    ".join(lines) + ",\n  )"
    caption = element.find("caption")
    captioned = f",\n  caption: [{inline_of(caption)}]" if caption is not None else ""
    return f"#platziert(figure(\n  align(center)[#{markup}]{captioned},\n  kind: table,\n))"


def figure(element: _Element) -> str:
    """A picture with its caption below and its text alternative for screen readers."""
    image = element.find(".//img")
    caption = element.find("figcaption")
    if image is None:
        return join(flow(element))
    alt = " ".join(image.get("alt", "").split())  # one line, plain spaces: read aloud, not set
    picture = f"image({literal(image.get('src', ''))}, alt: {literal(alt)})"
    captioned = f",\n  caption: [{inline_of(caption)}]" if caption is not None else ""
    return f"#platziert(figure({picture}{captioned},\n))"


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
    return flow(element)


def typst_markup(html: str) -> str:
    """The body of a document (inhalt.typ) from its intermediate HTML."""
    if not html.strip():
        return IMPORT + "\n"
    root = parse(html)
    return IMPORT + "\n\n" + join(flow(root)) + "\n"
