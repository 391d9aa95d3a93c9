"""One self-contained HTML page of a document (the concept) for the network's website.

The page is the same intermediate HTML the Word and PDF files come from, made whole: the
document's title as the one first-level heading, the chapters one level below it and numbered
as in the PDF, a table of contents, tables and figures numbered with their captions, the figures
inline as SVG (described for screen readers by their alternative text), the logo as a data URI,
a small stylesheet for screen and print. Nothing is fetched from elsewhere – no fonts, scripts
or images by URL – so the page can be put on any website as it is, and it works offline.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable

import lxml.etree
import lxml.html

from pipeline.export.intermediate import alignment, cells, rows, span
from pipeline.formatting import plain_spaces
from pipeline.render.document import UNNUMBERED, Figure, RenderedDocument
from pipeline.render.fragments import fragment, new_element

LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}

STYLE = """
:root { --blau: #1f4e79; --grau: #595959; --linie: #a6a6a6; --kopf: #dce6f0; }
html { font-family: var(--schrift); font-size: 106%; line-height: 1.5; color: #222; background: #fff; }
body { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.sprung { position: absolute; left: -999rem; }
.sprung:focus { position: static; display: inline-block; margin-bottom: 1rem; }
h1, h2, h3, h4, h5, .untertitel, .titelzeile { font-family: var(--titelschrift); }
h1, h2, h3, h4, h5 { color: var(--blau); line-height: 1.25; }
h1 { font-size: 2rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-bottom: 1px solid var(--linie); padding-bottom: 0.2rem; }
h3 { font-size: 1.2rem; margin-top: 1.8rem; }
h4, h5 { font-size: 1.05rem; margin-top: 1.4rem; }
.untertitel { font-size: 1.3rem; color: var(--blau); margin: 0 0 0.5rem; }
.titelzeile { font-weight: bold; color: var(--akzent, var(--blau)); margin: 0 0 0.5rem; }
.angaben, .fusszeile { color: var(--grau); }
.logo { float: right; max-width: 10rem; max-height: 6rem; margin: 0 0 1rem 1rem; }
@media (max-width: 32rem) { .logo { float: none; display: block; max-width: 7rem; margin: 0 0 0.75rem; } }
.entwurf { border: 2px solid #c62828; color: #c62828; font-weight: bold; padding: 0.5rem; }
nav ul { list-style: none; padding-left: 1.2rem; } nav > ul { padding-left: 0; } nav li { margin: 0.1rem 0; }
a { color: var(--blau); }
body { overflow-wrap: break-word; hyphens: auto; }
a[href^="mailto:"] { overflow-wrap: anywhere; }
.nummer { margin-right: 0.4em; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 1.5rem; font-size: 0.92rem; }
caption { caption-side: top; text-align: left; font-weight: bold; color: var(--grau); padding-bottom: 0.3rem; }
th, td { border: 1px solid var(--linie); padding: 0.3rem 0.45rem; vertical-align: top; }
thead th { background: var(--kopf); }
tbody th { font-weight: normal; text-align: left; }
tfoot td, tfoot th { font-weight: bold; text-align: left; }
.breit { overflow-x: auto; position: relative; }
figure { margin: 1.5rem 0 0.4rem; }
details.werte { font-size: 0.92rem; margin-bottom: 1.5rem; } details.werte ul { margin: 0.3rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; color: var(--grau); font-size: 0.92rem; margin-top: 0.4rem; }
dl.kopfangaben { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.kopfangaben dt { font-weight: bold; } dl.kopfangaben dd { margin: 0; }
@media print {
  html { font-size: 10.5pt; } body { max-width: none; padding: 0; }
  nav { page-break-after: always; }
  h2 { page-break-before: always; border: none; }
  h2, h3, h4, caption, figcaption { page-break-after: avoid; }
  table, figure, tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  .neue-seite { page-break-after: always; }
  a { color: inherit; text-decoration: none; }
  .breit { overflow: visible; }
  details.werte { display: none; }
  .zusammenhalten, .eintrag { page-break-inside: avoid; break-inside: avoid; }
  .mit-vorigem { break-before: avoid; }
  .quer { page: quer; }
}
@page quer { size: A4 landscape; }
"""


def values_below(number: int) -> str:
    """Where a screen reader finds a figure's numbers: under it, folded (see :func:`_values`)."""
    return f"Die Werte folgen unter der Abbildung („Werte der Abbildung {number}“)."


def _svg_element(figure: Figure, number: int) -> lxml.etree._Element:
    """The figure's SVG as an element of the page, announced as one image named by what it shows
    (its inner texts stay for search, but a screen reader reads the name); its numbers follow in
    a list under it."""
    svg = lxml.etree.fromstring(figure.svg.encode("utf-8"))
    for element in svg.iter():
        if isinstance(element.tag, str):
            element.tag = lxml.etree.QName(element).localname
    svg.set("role", "img")
    svg.set("aria-label", f"{figure.summary} {values_below(number)}" if figure.values else figure.summary)
    # drawn at its own size, scaled down by the style sheet where the page is narrower: without the
    # styles (a CMS that strips them) a chart without a size filled the whole screen (web review)
    # in pt, the unit the viewBox is drawn in (the PDF's 16 cm): a bare number read as CSS px drew
    # it at three quarters, its text smaller than the page's (figure review)
    view = (svg.get("viewBox") or "").split()
    if len(view) == 4:
        svg.set("width", f"{view[2]}pt")
        svg.set("height", f"{view[3]}pt")
    return svg


def _heading_numbers(root: lxml.html.HtmlElement) -> None:
    """Headings one level down (the page's title is the only h1), numbered like the PDF's."""
    counters = [0, 0, 0, 0]
    # in document order by one walk: the XPath union '//h1|//h2|…' merged its node sets in
    # quadratic time (a third of the build of 5,000 measures)
    for heading in list(root.iter("h1", "h2", "h3", "h4")):
        level = int(heading.tag[1])
        heading.tag = f"h{level + 1}"
        if UNNUMBERED in (heading.get("class") or "").split():
            continue
        counters[level - 1] += 1
        counters[level:] = [0] * (len(counters) - level)
        number = new_element("span", {"class": "nummer"})
        number.text = ".".join(str(n) for n in counters[:level])
        number.tail = " " + (heading.text or "")
        heading.text = None
        heading.insert(0, number)


def _anchors(root: lxml.html.HtmlElement, tag: str, word: str) -> dict[lxml.html.HtmlElement, str]:
    """Ids for the tables or figures that stay when the document changes elsewhere: named by the
    section they stand in ('ressourcen-tabelle', 'ressourcen-tabelle-2'; the sections' ids come
    from the templates and the inputs' ids). A Ratsinformationssystem links to a table of one
    Fassung; by number ('tabelle-14') the link led to another table once a table was added
    before it."""
    taken = {element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    section, anchors = "", {}
    for element in root.iter("h2", "h3", "h4", "h5", tag):
        if element.tag != tag:
            section = element.get("id") or section
            continue
        if tag == "table" and element.find("caption") is None:  # a table without one is not linked to
            continue
        stem = f"{section}-{word}" if section else word
        anchor, count = stem, 1
        while anchor in taken or f"{anchor}-titel" in taken:  # its caption's id is taken from it
            count += 1
            anchor = f"{stem}-{count}"
        taken |= {anchor, f"{anchor}-titel"}
        anchors[element] = anchor
    return anchors


def _captions(root: lxml.html.HtmlElement, figures: dict[str, Figure]) -> None:
    """Tables and figures numbered as in the PDF ('Tabelle 3: …', with ids to link to that stay
    from Fassung to Fassung: :func:`_anchors`); images become inline SVG."""
    number = 0
    table_ids = _anchors(root, "table", "tabelle")
    for table in list(root.iter("table")):
        _table_semantics(table)
        caption = table.find("caption")
        if caption is not None:  # numbered as the PDF counts them: the tables with a caption
            number += 1
            table.set("id", table_ids[table])
            caption.text = f"Tabelle {number}: {caption.text or ''}"
            caption.set("id", f"{table_ids[table]}-titel")
        # every table may scroll sideways on a phone (an accessibility review measured 39 of 41 wider
        # than 320 px, most of four columns or fewer): a region a keyboard reaches, named by its
        # caption; the page's script keeps that only where the table does not fit (42 tab stops and
        # landmarks on a wide screen – web review)
        wrapper = new_element("div", {"class": "breit"})
        if caption is not None:
            wrapper.attrib.update({"tabindex": "0", "role": "region", "aria-labelledby": caption.get("id", "")})
        table.addprevious(wrapper)
        wrapper.append(table)
    figure_ids = _anchors(root, "figure", "abbildung")
    for number, figure in enumerate(root.iter("figure"), start=1):
        figure.set("id", figure_ids[figure])
        image = figure.find("img")
        drawn = figures.get(image.get("src", "")) if image is not None else None
        if image is not None and drawn is not None:
            image.addprevious(_svg_element(drawn, number))
            figure.remove(image)
        caption = figure.find("figcaption")
        if caption is not None:
            caption.text = f"Abbildung {number}: {caption.text or ''}"
        if drawn is not None and drawn.values:  # after the figure, whose caption ends it (valid HTML)
            figure.addnext(_values(drawn, number))


def _values(figure: Figure, number: int) -> lxml.html.HtmlElement:
    """A figure's numbers as a list under it, folded: a screen reader can stop at each item and
    read it again, which a description of thousands of characters read as one block did not
    allow (web review); a reader who sees the chart opens it for the exact figures."""
    details = new_element("details", {"class": "werte"})
    summary = new_element("summary")
    summary.text = f"Werte der Abbildung {number}"
    listed = new_element("ul")
    for value in figure.values:
        item = new_element("li")
        item.text = value
        listed.append(item)
    details.extend([summary, listed])
    return details


#: Text for screen readers only, hidden from the eye by its own style: a CMS that strips the style
#: sheet would show it (a matrix 3,500 px wide – web review).
SCREEN_READER_ONLY = (
    "position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; "
    "clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0"
)


def _spoken(root: lxml.html.HtmlElement) -> None:
    """A mark whose meaning a screen reader should say ('F' in the Zuständigkeitsmatrix, '7' for
    the measure of a column; ``data-gesprochen`` in the templates): the mark is hidden from it, the
    meaning hidden from the eye (a grid of 'F', 'B' and empty cells under columns headed 1 to 21
    could not be read without memorising the key – web review). An empty cell stays empty: a
    screen reader says so, and 'nicht beteiligt' 400 times buried the few marks."""
    for element in root.xpath("//*[@data-gesprochen]"):  # found by lxml: 26,000 among 5 million elements
        meaning = element.attrib.pop("data-gesprochen")
        if not (element.text or "").strip() and not len(element):
            continue
        shown = new_element("span", {"aria-hidden": "true"})
        shown.text, element.text = element.text, None
        shown.extend(list(element))
        element.append(shown)
        said = new_element("span", {"class": "sr-only", "style": SCREEN_READER_ONLY})
        said.text = f" {meaning}"
        element.append(said)


#: The id of the chapter that lists the abbreviations (templates/_bausteine.html.j2).
ABBREVIATIONS_ID = "abkuerzungen"
#: Where an abbreviation is not marked: headings, captions and links read as they are, a table's
#: column headers, and an abbreviation already marked.
_NOT_MARKED = frozenset({"h2", "h3", "h4", "h5", "caption", "figcaption", "summary", "thead", "a", "abbr"})


def _listed_abbreviations(root: lxml.html.HtmlElement) -> dict[str, str]:
    """The abbreviations the document's own list explains (its chapter's first table: the
    abbreviation, its meaning), by the abbreviation with plain spaces."""
    heading = next((h for h in root.iter("h2") if h.get("id") == ABBREVIATIONS_ID), None)
    table = next(heading.itersiblings("table"), None) if heading is not None else None
    if table is None:
        return {}
    listed = {}
    for row in rows(table, "tbody"):
        found = cells(row)
        short, meaning = (str(cell.xpath("string()")) for cell in found[:2]) if len(found) >= 2 else ("", "")
        if short.strip():
            listed[plain_spaces(short.strip())] = " ".join(meaning.split())
    return listed


def _abbreviations(root: lxml.html.HtmlElement) -> None:
    """An abbreviation's first use in each chapter as ``<abbr title="…">`` with the meaning the
    document's list gives it (WCAG 3.1.4): a reader who jumped to a chapter from the contents,
    or from a council's link, need not scroll to the list at the end. Only the abbreviations the
    list explains; not in the list itself, headings, captions, column headers or links."""
    meanings = _listed_abbreviations(root)
    if not meanings:
        return
    words = sorted(meanings, key=len, reverse=True)  # 'SGB VIII' before 'SGB'
    alternatives = "|".join(re.escape(word).replace("\\ ", "[ \u00a0\u202f]") for word in words)
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)")
    seen: set[str] = set()
    chapter_listed = False

    def marked(text: str | None) -> tuple[str | None, list[lxml.html.HtmlElement]]:
        if not text or chapter_listed:
            return text, []
        head: str | None = None
        marks: list[lxml.html.HtmlElement] = []
        last = 0
        for match in pattern.finditer(text):
            short = plain_spaces(match[0])
            if short in seen:
                continue
            seen.add(short)
            if text.rfind(meanings[short], 0, match.start()) >= 0:  # 'Allgemeiner Sozialer Dienst (ASD)'
                continue
            mark = new_element("abbr", {"title": meanings[short]})
            mark.text = match[0]
            between = text[last : match.start()]
            if marks:
                marks[-1].tail = between
            else:
                head = between
            marks.append(mark)
            last = match.end()
        if not marks:
            return text, []
        marks[-1].tail = text[last:] or None
        return head or None, marks

    def open_to_marks(element: lxml.html.HtmlElement) -> bool:
        return not any(e.tag in _NOT_MARKED for e in (element, *element.iterancestors()))

    # in reading order: an element's text at its start, the text after it (its tail) at its end
    for event, element in list(lxml.etree.iterwalk(root, events=("start", "end"))):
        if not isinstance(element.tag, str):
            continue
        if event == "start" and element.tag == "h2":  # a new chapter: each is marked once again
            seen.clear()
            chapter_listed = element.get("id") == ABBREVIATIONS_ID
        # the text is searched before the ancestors are: walking them for every element cost
        # seconds in a concept of 500 measures
        elif event == "start" and _holds(pattern, element.text) and open_to_marks(element):
            element.text, marks = marked(element.text)
            for index, mark in enumerate(marks):
                element.insert(index, mark)
        elif (
            event == "end"
            and element is not root
            and _holds(pattern, element.tail)
            and open_to_marks(element.getparent())
        ):
            element.tail, marks = marked(element.tail)
            for mark in reversed(marks):
                element.addnext(mark)


def _holds(pattern: re.Pattern[str], text: str | None) -> bool:
    return text is not None and pattern.search(text) is not None


def _table_semantics(table: lxml.html.HtmlElement) -> None:
    """Header cells say they head a column (scope), the first cell of a row that it heads the row,
    and every cell of a column takes the header's
    alignment: amounts stood left under a right-aligned header (Word and PDF align the column by
    the header, the browser only the header cell)."""
    head = rows(table, "thead")
    aligns: list[str | None] = []
    for cell in cells(head[0]) if head else []:
        aligns += [alignment(cell)] * span(cell, "colspan")
    for row in head:
        for cell in cells(row):
            if cell.tag == "th":
                cell.set("scope", "colgroup" if span(cell, "colspan") > 1 else "col")
    for row in [*rows(table, "tbody"), *rows(table, "tfoot")]:
        found = cells(row)
        if head and found and found[0].tag == "td":  # the row's first cell names it (WCAG 1.3.1)
            found[0].tag = "th"
            found[0].set("scope", "rowgroup" if span(found[0], "rowspan") > 1 else "row")
        column = 0
        for cell in found:
            align = aligns[column] if column < len(aligns) else None
            if align and align != "left" and alignment(cell) is None:
                style = cell.get("style", "")
                cell.set("style", f"{style}; text-align: {align}" if style else f"text-align: {align}")
            column += span(cell, "colspan")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


#: A German phone number as the documents write it: an area code from 0, a space (a no-break one
#: where the typography bound it), the number, an extension after a hyphen ('0123 4567-300').
_PHONE = re.compile(r"(?<![\w.,/-])(?:\+49[ \u00a0]?\d{2,5}|0\d{2,5})[ \u00a0/]\d{3,8}(?:-\d{1,5})?(?![\w,.]\d)")


def _contact_links(root: lxml.html.HtmlElement) -> None:
    """E-mail addresses and phone numbers in the text as mailto: and tel: links, which a reader can
    click (or tap, on a phone: web review) on a web page – not inside a link already."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag == "a":
            continue
        if not (_may_hold_contact(element.text) or _may_hold_contact(element.tail)):
            continue  # before the ancestors are walked (a concept of 500 measures: seconds)
        outer = [str(a.tag) for a in element.iterancestors()]
        if "a" in outer or any(tag.endswith("svg") for tag in [*outer, element.tag]):  # pictures stay as drawn
            continue
        for pattern, href in ((_EMAIL, _mailto), (_PHONE, _tel)):
            if element.text and pattern.search(element.text):
                _link_addresses(element, pattern, href, inside=True)
            if element.tail and pattern.search(element.tail) and element.getparent() is not None:
                _link_addresses(element, pattern, href, inside=False)


def _may_hold_contact(text: str | None) -> bool:
    """Whether a text holds an e-mail address or a phone number; the address's pattern is tried
    only where an '@' stands (searching it took 7 µs a text, the '@' 0.04)."""
    if not text:
        return False
    return ("@" in text and _EMAIL.search(text) is not None) or _PHONE.search(text) is not None


def _mailto(address: str) -> str:
    return f"mailto:{address}"


def _tel(number: str) -> str:
    """'tel:+491234567300' for '0123 4567-300': digits only, the country code for the leading 0."""
    digits = re.sub(r"\D", "", number)
    return f"tel:+{digits}" if number.startswith("+") else f"tel:+49{digits[1:]}"


def _link_addresses(
    element: lxml.html.HtmlElement, pattern: re.Pattern[str], href: Callable[[str], str], *, inside: bool
) -> None:
    """Split the text at the start of `element` (inside) or after it (its tail) around each address."""
    text = (element.text if inside else element.tail) or ""
    pieces = pattern.split(text)
    addresses = pattern.findall(text)
    if not addresses:
        return
    links = []
    for address, after in zip(addresses, pieces[1:], strict=True):
        link = new_element("a", {"href": href(address)})
        link.text, link.tail = address, after
        links.append(link)
    if inside:
        element.text = pieces[0]
        for index, link in enumerate(links):
            element.insert(index, link)
    else:
        element.tail = pieces[0]
        anchor = element
        for link in links:
            anchor.addnext(link)
            anchor = link


def _chapter_links(root: lxml.html.HtmlElement) -> None:
    """'Kapitel 5' as one link, not just the '5': a screen reader listing the page's links reads
    their text alone (WCAG 2.4.4)."""
    for link in list(root.iter("a")):
        if not (link.get("href") or "").startswith("#") or not (link.text or "").strip().isdigit() or len(link):
            continue
        before = link.getprevious()
        text = (before.tail if before is not None else link.getparent().text) or ""
        # also the genitive ('des Kapitels 20', accessibility review)
        words = ("Kapitel ", "Kapitel\u00a0", "Kapitels ", "Kapitels\u00a0")
        word = next((w for w in words if text.endswith(w)), None)
        if word is None:
            continue
        if before is not None:
            before.tail = text.removesuffix(word)
        else:
            link.getparent().text = text.removesuffix(word)
        link.text = word + (link.text or "")


def _contents(root: lxml.html.HtmlElement) -> str:
    """The table of contents: chapters and their sections, linked to their headings."""
    chapters: list[tuple[str, str, list[tuple[str, str]]]] = []
    for heading in root.iter("h2", "h3"):  # one walk, no XPath union (see _heading_numbers)
        if heading.get("id") is None:
            continue
        entry = (heading.get("id") or "", " ".join(heading.text_content().split()))
        if heading.tag == "h2":
            chapters.append((*entry, []))
        elif chapters:
            chapters[-1][2].append(entry)

    def link(anchor: str, text: str) -> str:
        return f'<a href="#{html.escape(anchor)}">{html.escape(text)}</a>'

    items = []
    for anchor, text, sections in chapters:
        inner = "".join(f"<li>{link(a, t)}</li>" for a, t in sections)
        nested = f'<ul role="list">{inner}</ul>' if inner else ""
        items.append(f"<li>{link(anchor, text)}{nested}</li>")
    # role="list": Safari drops a list's semantics with 'list-style: none' (accessibility review);
    # 'Inhaltsverzeichnis', not 'Inhalt' as the skip link to the content says; a list without
    # numbers of its own: the entries carry theirs ('3. 1 Einleitung' without the style sheet)
    return (
        '<nav aria-labelledby="inhalt-titel"><h2 id="inhalt-titel">Inhaltsverzeichnis</h2>'
        f'<ul role="list">{"".join(items)}</ul></nav>'
    )


def _design_colours(doc: RenderedDocument) -> str:
    """The municipality's colours over the house colours (checked as '#rrggbb' on input) and
    its typefaces (lists of font names from pipeline.model.fonts, never from the inputs)."""
    design = doc.design
    return (
        f":root {{ --blau: {design.primary}; --akzent: {design.accent}; --kopf: {design.table_header}; "
        f"--schrift: {design.typeface.web}; --titelschrift: {design.heading_typeface.web}; }}\n"
    )


def _logo(doc: RenderedDocument) -> str:
    if doc.logo is None or doc.logo.suffix.lower() not in LOGO_TYPES:
        return ""
    from pipeline.export.to_pdf import checked_logo

    data = base64.b64encode(checked_logo(doc.logo)).decode("ascii")
    kind = LOGO_TYPES[doc.logo.suffix.lower()]
    return f'<img class="logo" src="data:{kind};base64,{data}" alt="{html.escape(doc.logo_alt)}">'


#: The page's only script, inline: a table's box is a region to scroll by keyboard only while the
#: table is wider than the page – checked again when the window or a table changes size (text zoom
#: fires no resize), and a box that has the focus keeps it. Without scripts every box stays one –
#: too many stops, but none missing.
SCROLL_SCRIPT = """
(function () {
  function check() {
    document.querySelectorAll("div.breit").forEach(function (box) {
      var caption = box.querySelector("caption");
      if (!caption) return;
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", caption.id);
      } else if (document.activeElement !== box) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    });
  }
  check();
  window.addEventListener("resize", check);
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(check);
    document.querySelectorAll("div.breit > table").forEach(function (table) { observer.observe(table); });
  }
})();
"""

#: The id of the page's main part: the first link of the page jumps there, past the logo, the
#: title and the table of contents (keyboard and screen-reader users, WCAG 2.4.1).
MAIN_ID = "inhalt"


def to_html(doc: RenderedDocument) -> bytes:
    """The document as one self-contained, accessible HTML page (UTF-8)."""
    root = fragment(doc.body_html, "main")
    root.set("id", MAIN_ID)
    for element in root.iter():
        if isinstance(element.tag, str) and "data-quelle" in element.attrib:
            del element.attrib["data-quelle"]
    _heading_numbers(root)
    _spoken(root)
    _abbreviations(root)
    _captions(root, {f.name: f for f in doc.figures})
    _contact_links(root)
    _chapter_links(root)
    main = lxml.html.tostring(root, encoding="unicode")
    escape = html.escape
    draft = '<p class="entwurf">ENTWURF – nicht zur Veröffentlichung</p>' if doc.draft else ""
    cover = f'<p class="titelzeile">{escape(doc.design.cover_line)}</p>\n' if doc.design.cover_line else ""
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.lang[:2])}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)} – {escape(doc.subtitle)}</title>\n"
        f'<meta name="description" content="{escape(doc.subject)}">\n'
        f'<meta name="author" content="{escape(doc.author)}">\n'
        f'<meta name="keywords" content="{escape(doc.keywords)}">\n'
        f"<style>{STYLE}{_design_colours(doc)}</style>\n</head>\n<body>\n"
        f'<a class="sprung" href="#{MAIN_ID}">Zum Inhalt springen</a>\n'
        f"<header>{_logo(doc)}{draft}<h1>{escape(doc.title)}</h1>\n"
        f'<p class="untertitel">{escape(doc.subtitle)}</p>\n{cover}'
        f'<p class="angaben">{escape(doc.author)}<br>{escape(doc.footer_text)}</p></header>\n'
        f"{_contents(root)}\n{main}\n"
        f'<footer><p class="fusszeile">{escape(doc.header_text)} · {escape(doc.footer_text)}'
        f"{' · ' + escape(doc.footer_note) if doc.footer_note else ''}</p></footer>\n"
        f"<script>{SCROLL_SCRIPT}</script>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
