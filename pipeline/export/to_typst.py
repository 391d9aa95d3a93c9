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
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml.etree import _Element

from pipeline.render.document import UNNUMBERED, leads_in

#: Whitespace as HTML collapses it: not the no-break space, which binds citations ('§ 4').
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WIDTH = re.compile(r"width:\s*([0-9]+(?:\.[0-9]+)?)%")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")
#: What a lead-in ending with a colon introduces, and stays with on its page.
_INTRODUCED = frozenset({"ul", "ol", "dl", "table"})

INLINE = frozenset({"a", "b", "br", "code", "em", "i", "small", "span", "strong", "sub", "sup", "u"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
#: What the forms of gemeinsam.typ provide; imported by every body (harmless where unused).
IMPORT = '#import "gemeinsam.typ": feld, ankreuzliste, luecke'


def literal(text: str) -> str:
    """A Typst string literal holding `text` exactly: nothing in it is markup or code."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _CONTROL.sub(lambda c: f"\\u{{{ord(c[0]):x}}}", escaped) + '"'


def classes(element: _Element) -> list[str]:
    return (element.get("class") or "").split()


# --- inline content -------------------------------------------------------------------------


@dataclass
class Token:
    """A piece of inline content: text (to be quoted), code that opens or closes a span of
    text (emphasis, link: transparent to whitespace), an atom (a gap) or a line break."""

    kind: str  # "text", "open", "close", "atom", "break"
    value: str


def is_element(node: _Element) -> bool:
    """False for a comment or processing instruction (their tag is a function)."""
    tag: object = node.tag
    return isinstance(tag, str)


def _inline_tokens(element: _Element) -> Iterator[Token]:
    """The tokens of an element's content."""
    if element.text:
        yield Token("text", element.text)
    for child in element:
        if is_element(child):
            yield from _inline_element(child)
        if child.tail:
            yield Token("text", child.tail)


def _inline_element(element: _Element) -> Iterator[Token]:
    tag = element.tag
    if tag == "br":
        yield Token("break", "#linebreak()")
        return
    if tag == "span" and "luecke" in classes(element):
        yield Token("atom", "#luecke()")
        return
    opening = _opening(element)
    if opening:
        yield Token("open", opening)
    yield from _inline_tokens(element)
    if opening:
        yield Token("close", "]")


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


def _collapse(tokens: list[Token]) -> list[Token]:
    """Whitespace as a browser shows it: runs of spaces and line ends as one space, none at the
    start or end of a block or next to a line break."""
    result: list[Token] = []
    space_before = True  # at the start of the block nothing may begin with a space
    for token in tokens:
        if token.kind == "text":
            text = _HTML_SPACE.sub(" ", token.value)
            if space_before:
                text = text.lstrip(" ")
            if text:
                space_before = text.endswith(" ")
                result.append(Token("text", text))
            continue
        if token.kind == "break":
            _strip_trailing(result)
            space_before = True
        elif token.kind == "atom":
            space_before = False
        result.append(token)
    _strip_trailing(result)
    return [t for t in result if t.kind != "text" or t.value]


def _strip_trailing(tokens: list[Token]) -> None:
    """Drop the spaces at the end of `tokens`, looking through the ends of spans."""
    for token in reversed(tokens):
        if token.kind == "close" or token.kind == "open":
            continue
        if token.kind == "text":
            token.value = token.value.rstrip(" ")
            if not token.value:
                continue
        return


def inline(tokens: Iterator[Token] | list[Token]) -> str:
    """Inline content as Typst markup on one line: every text a string literal."""
    parts = []
    for token in _collapse(list(tokens)):
        parts.append(f"#{literal(token.value)};" if token.kind == "text" else token.value)
    return "".join(parts)


def inline_of(element: _Element) -> str:
    return inline(_inline_tokens(element))


# --- blocks ---------------------------------------------------------------------------------


@dataclass
class Chunk:
    """A block of Typst markup: a paragraph ("para"), inline text that stood outside a <p>, as
    in a tight list item ("plain"), or any other block ("block")."""

    markup: str
    kind: str = "block"


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


def flow(element: _Element) -> list[Chunk]:
    """The blocks inside an element; inline content between blocks becomes plain text."""
    chunks: list[Chunk] = []
    pending: list[Token] = []

    def flush() -> None:
        text = inline(pending)
        pending.clear()
        if text:
            chunks.append(Chunk(text, "plain"))

    if element.text:
        pending.append(Token("text", element.text))
    for child in element:
        if is_element(child) and child.tag not in INLINE:
            flush()
            chunks.extend(block(child))
        elif is_element(child):
            pending.extend(_inline_element(child))
        if child.tail:
            pending.append(Token("text", child.tail))
    flush()
    return chunks


def block(element: _Element) -> list[Chunk]:
    """One block element as Typst markup."""
    tag = element.tag
    if tag == "p":
        text = inline_of(element)
        if text and _leads_in(element):
            return [Chunk(f"#block(sticky: true)[{text}]")]
        return [Chunk(text, "para")] if text else []
    if tag in HEADINGS:
        return [Chunk(heading(element))]
    if tag in ("ul", "ol"):
        return [Chunk(listing(element))]
    if tag == "dl":
        return [Chunk(terms(element))]
    if tag == "table":
        return [Chunk(table(element))]
    if tag == "figure":
        return [Chunk(figure(element))]
    if tag == "div":
        return division(element)
    return flow(element)


def _sibling(element: _Element, *, before: bool = False) -> _Element | None:
    """The next (or previous) element, comments and the like skipped."""
    found = element.getprevious() if before else element.getnext()
    while found is not None and not is_element(found):
        found = found.getprevious() if before else found.getnext()
    return found


def _leads_in(paragraph: _Element) -> bool:
    """A paragraph right before a list or a table that introduces it (:func:`leads_in`)."""
    following, preceding = _sibling(paragraph), _sibling(paragraph, before=True)
    if following is None or following.tag not in _INTRODUCED:
        return False
    text = "".join(str(t) for t in paragraph.itertext())
    return leads_in(text, after_heading=preceding is not None and preceding.tag in HEADINGS)


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


def _column_widths(element: _Element) -> list[str]:
    widths = []
    for col in element.iterfind("colgroup/col"):
        found = _WIDTH.search(col.get("style") or "")
        widths.append(f"{float(found[1]):g}%" if found else "auto")
    return widths


def _rows(element: _Element, section: str) -> list[_Element]:
    return [row for part in element if part.tag == section for row in part if row.tag == "tr"]


def _cell(cell: _Element) -> str:
    body = "[" + join(flow(cell)) + "]"
    spans = [
        f"{name}: {int(cell.get(name, '1'))}" for name in ("colspan", "rowspan") if cell.get(name, "1") != "1"
    ]
    return f"table.cell({', '.join(spans)}){body}" if spans else body


def _cells(rows: list[_Element]) -> list[str]:
    return [_cell(cell) for row in rows for cell in row if cell.tag in ("td", "th")]


def table(element: _Element) -> str:
    """A table as a figure with its caption above: widths and alignment per column (from the
    header cells, as Word has them), the header row repeated on every page, the total row once
    at the end (templates/gemeinsam.typ decides what breaks where)."""
    head, body, foot = (_rows(element, part) for part in ("thead", "tbody", "tfoot"))
    body += [row for row in element if row.tag == "tr"]
    widths = _column_widths(element)
    first = head[0] if head else (body[0] if body else None)
    header_cells = [c for c in first if c.tag in ("td", "th")] if first is not None else []
    count = max(len(widths), sum(int(c.get("colspan", "1")) for c in header_cells), 1)
    widths += ["auto"] * (count - len(widths))
    aligns = [_ALIGN.search(c.get("style") or "") for c in header_cells] if head else []
    alignment = [found[1] if found else "auto" for found in aligns] + ["auto"] * (count - len(aligns))
    lines = [f"columns: ({', '.join(widths)},)", f"align: ({', '.join(alignment[:count])},)"]
    if head:
        lines += [f"table.header({', '.join(_cells(head))},)", "table.hline()"]
    rows = [row for row in body if len(row)]
    # The total row takes the last body row with it into the footer: laid out as one group, the
    # total never stands alone on a page under a repeated header (a footer without rows above it).
    last = rows.pop() if foot and rows else None
    lines += [", ".join(_cells([row])) for row in rows]
    if foot:
        kept = _cells([last]) if last is not None else []
        lines.append(f"table.footer({', '.join([*kept, 'table.hline()', *_cells(foot)])},)")
    markup = "table(\n    " + ",\n    ".join(lines) + ",\n  )"
    caption = element.find("caption")
    captioned = f",\n  caption: [{inline_of(caption)}]" if caption is not None else ""
    return f"#figure(\n  align(center)[#{markup}]{captioned},\n  kind: table,\n)"


def figure(element: _Element) -> str:
    """A picture with its caption below and its text alternative for screen readers."""
    image = element.find(".//img")
    caption = element.find("figcaption")
    if image is None:
        return join(flow(element))
    alt = " ".join(image.get("alt", "").split())  # one line, plain spaces: read aloud, not set
    picture = f"image({literal(image.get('src', ''))}, alt: {literal(alt)})"
    captioned = f",\n  caption: [{inline_of(caption)}]" if caption is not None else ""
    return f"#figure({picture}{captioned},\n)"


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
        cells = [_fields(child) for child in element if child.tag == "div" and "feld" in classes(child)]
        grid = f"#grid(columns: ({'1fr, ' * len(cells)}), column-gutter: 1cm, row-gutter: 0.4em,\n"
        return [Chunk(grid + "".join(f"[{cell}],\n" for cell in cells) + ")")]
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
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return IMPORT + "\n\n" + join(flow(root)) + "\n"
