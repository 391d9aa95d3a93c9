"""Reading the intermediate HTML, shared by the writers of the PDF's Typst body
(:mod:`.to_typst`) and of the Word file's document tree (:mod:`.to_pandoc`).

Only our templates write that HTML, so the subset is small and known (listed in :mod:`.to_typst`).
What both writers need to agree on lives here: which elements are inline, how inline content
becomes a stream of tokens, and how whitespace collapses as a browser shows it, so the same
text reads the same in Word and in the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from lxml.etree import _Element

from pipeline.export.text_width import BODY_POINTS, BODY_WIDTH, lines_needed
from pipeline.render.fragments import plain_fragment

#: Whitespace as HTML collapses it: not the no-break space, which binds citations ('§ 4').
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WIDTH = re.compile(r"width:\s*([0-9]+(?:\.[0-9]+)?)%")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")

INLINE = frozenset({"a", "b", "br", "code", "em", "i", "small", "span", "strong", "sub", "sup", "u"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
#: What a writer makes of a block (Typst markup, a node of pandoc's tree).
Block = TypeVar("Block")
#: A span that stands for a gap to fill in (forms): an atom, not a span of text.
GAP = "luecke"


def parse(html: str) -> _Element:
    """The body as one element (a <div>) holding the document's blocks."""
    return plain_fragment(html)


def classes(element: _Element) -> list[str]:
    return (element.get("class") or "").split()


def is_element(node: _Element) -> bool:
    """False for a comment or processing instruction (their tag is a function)."""
    tag: object = node.tag
    return isinstance(tag, str)


@dataclass
class Token:
    """A piece of inline content: text, the start or end of an inline element (transparent to
    whitespace), an atom (a gap) or a line break. `element` is the inline element a start, an
    end or an atom belongs to."""

    kind: str  # "text", "open", "close", "atom", "break"
    value: str = ""
    element: _Element | None = None


def inline_tokens(element: _Element) -> Iterator[Token]:
    """The tokens of an element's content."""
    if element.text:
        yield Token("text", element.text)
    for child in element:
        if is_element(child):
            yield from inline_element(child)
        if child.tail:
            yield Token("text", child.tail)


def inline_element(element: _Element) -> Iterator[Token]:
    if element.tag == "br":
        yield Token("break", element=element)
        return
    if element.tag == "span" and GAP in classes(element):
        yield Token("atom", element=element)
        return
    yield Token("open", element=element)
    yield from inline_tokens(element)
    yield Token("close", element=element)


def collapse(tokens: Iterable[Token]) -> list[Token]:
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


def collapse_space(text: str) -> str:
    """A text on one line, its runs of whitespace one space (no-break spaces stay)."""
    return _HTML_SPACE.sub(" ", text).strip(" ")


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


def _parts(element: _Element) -> Iterator[_Element | list[Token]]:
    """An element's content as blocks: its block children, and the runs of inline content
    between them (as token lists, inline text outside a <p>)."""
    pending: list[Token] = []
    if element.text:
        pending.append(Token("text", element.text))
    for child in element:
        if is_element(child) and child.tag not in INLINE:
            if pending:
                yield pending
                pending = []
            yield child
        elif is_element(child):
            pending.extend(inline_element(child))
        if child.tail:
            pending.append(Token("text", child.tail))
    if pending:
        yield pending


def blocks_in(
    element: _Element,
    plain: Callable[[list[Token]], Block | None],
    block: Callable[[_Element], list[Block]],
) -> list[Block]:
    """The blocks inside an element as a writer makes them: each block child by `block`, each
    run of inline content between blocks (text outside a <p>) by `plain`, which gives None where
    nothing of it shows."""
    found: list[Block] = []
    for part in _parts(element):
        if isinstance(part, list):
            made = plain(part)
            if made is not None:
                found.append(made)
        else:
            found.extend(block(part))
    return found


def sibling(element: _Element, *, before: bool = False) -> _Element | None:
    """The next (or previous) element, comments and the like skipped."""
    found = element.getprevious() if before else element.getnext()
    while found is not None and not is_element(found):
        found = found.getprevious() if before else found.getnext()
    return found


def keeps_with_next(paragraph: _Element) -> bool:
    """A paragraph right before a block that keeps with the one before it (``div.mit-vorigem``,
    a signature; ``figure.mit-vorigem``, a picture its paragraph introduces), or a short one
    before the single line that ends its section: it moves on with that block or line, which
    never stands alone at a page's top (a layout review: „Maßnahme: M15 …“ alone above the next
    heading)."""
    following = sibling(paragraph)
    if following is None:
        return False
    if following.tag in ("div", "figure") and "mit-vorigem" in classes(following):
        return True
    return (
        paragraph.tag == "p"
        and _in_running_text(paragraph)
        and _ends_its_section_in_a_line(following)
        and _lines(_text(paragraph)) <= SHORT_LINES
    )


def _in_running_text(paragraph: _Element) -> bool:
    """Whether a paragraph stands in the text's flow, not in a list entry, a table cell, the head
    block of a paper or a field to fill in."""
    parent = paragraph.getparent()
    return parent is None or (
        parent.tag in ("div", "body", "section") and not {"feld", "felder"} & set(classes(parent))
    )


#: A paragraph of at most so many lines moves on with the line that ends its section: a longer
#: one would leave that much of the page empty.
SHORT_LINES = 4


def _ends_its_section_in_a_line(element: _Element) -> bool:
    after = sibling(element)
    if element.tag != "p" or not (after is None or after.tag in HEADINGS):
        return False
    text = _text(element)
    return bool(text.strip()) and _lines(text) == 1  # an empty paragraph shows nothing


def _text(element: _Element) -> str:
    return "".join(str(t) for t in element.itertext())


def _lines(text: str) -> int:
    """Lines of running text a paragraph's text takes, by an estimate of its width."""
    return lines_needed(text, BODY_POINTS, BODY_WIDTH)


# --- tables ----------------------------------------------------------------------------------


def column_widths(table: _Element) -> list[float | None]:
    """Each column's width in percent of the text width, as the <colgroup> gives it."""
    widths: list[float | None] = []
    for col in table.iterfind("colgroup/col"):
        found = _WIDTH.search(col.get("style") or "")
        widths.append(float(found[1]) if found else None)
    return widths


def alignment(cell: _Element) -> str | None:
    """A cell's 'text-align' (left, right, center), if it has one."""
    found = _ALIGN.search(cell.get("style") or "")
    return found[1] if found else None


def rows(table: _Element, section: str) -> list[_Element]:
    """The rows of a table's <thead>, <tbody> or <tfoot>."""
    return [row for part in table if part.tag == section for row in part if row.tag == "tr"]


def cells(row: _Element) -> list[_Element]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def span(cell: _Element, name: str) -> int:
    """A cell's colspan or rowspan."""
    return int(cell.get(name, "1"))
