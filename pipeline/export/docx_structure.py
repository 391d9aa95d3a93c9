"""What makes a Word draft easy to revise: numbering, captions, cross-references, directories.

- Headings of numbered documents are numbered by one multilevel list bound to the styles
  Überschrift 1–3, so a chapter inserted in Word renumbers every later one.
- Table and figure captions count with SEQ fields ("Tabelle {SEQ Tabelle}"), as Word's own
  "Beschriftung einfügen" writes them; the cached numbers are filled in.
- Chapter references in the text (``kapitel()`` in the templates, a link to the chapter's
  heading) become REF fields to a bookmark on the heading, cached with the chapter's number.
- The table of contents and the lists of tables and figures are Word fields (TOC); their cached
  entries link to the headings and captions.

Page numbers in these directories: the page a heading lands on is a result of Word's own layout,
which no engine outside Word reproduces exactly (the PDF is set by typst in another font), so
the fields stay marked for an update when Word opens the file, and until then the cached entries
show numbers and titles without page numbers rather than page numbers that may be wrong.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from lxml import etree

from pipeline.export.ooxml import (
    bookmark,
    element,
    field,
    insert_ordered,
    local,
    paragraph,
    paragraph_properties,
    run,
    set_child,
    style_definition,
    style_of,
    text_of,
)

HEADING_LEVELS = {"Heading1": 1, "Heading2": 2, "Heading3": 3}
#: Levels of the table of contents (TOC \o "1-2"), as in the PDF's outline.
TOC_DEPTH = 2
#: Caption styles and the label and SEQ identifier each counts with.
CAPTIONS = {"TableCaption": "Tabelle", "ImageCaption": "Abbildung"}
#: Styles that inherit from a heading style but must not be numbered.
UNNUMBERED = ("TOCHeading", "Title", "Subtitle")
#: Name of the list of the heading numbers in numbering.xml (shown in Word's list library).
HEADING_LIST = "Kapitelnummern"
#: Indentation of each heading level's number (twips): where the heading text starts.
HEADING_INDENT = (567, 709, 851)


@dataclass
class Heading:
    """A heading paragraph with its level, number ('7.1', '' in unnumbered documents) and the
    bookmark the table of contents links to."""

    element: etree._Element
    level: int
    number: str
    text: str
    mark: str


@dataclass
class Caption:
    """A caption paragraph: its label ('Tabelle'), number, text and bookmark."""

    element: etree._Element
    label: str
    number: int
    text: str
    mark: str


def _body_paragraphs(document: DocumentObject) -> Iterator[etree._Element]:
    """Paragraphs on the body's level (headings and captions stand there, never in tables)."""
    yield from document.element.body.iterchildren(qn("w:p"))


def _anchors_before(p: etree._Element) -> set[str]:
    """The bookmarks pandoc put right before a paragraph (a heading's id in the HTML)."""
    names: set[str] = set()
    before = p.getprevious()
    while before is not None and local(before) == "bookmarkStart":
        names.add(before.get(qn("w:name"), ""))
        before = before.getprevious()
    return names


def _leave_unnumbered(p: etree._Element) -> None:
    """Take one heading out of the list its style is bound to (numId 0), as Word does for
    'Nummerierung: Ohne'."""
    set_child(paragraph_properties(p), "numPr").append(element("numId", val="0"))


def headings(
    document: DocumentObject, numbered: bool, ids: Iterator[int], unnumbered: frozenset[str] = frozenset()
) -> list[Heading]:
    """Every heading of levels 1–3, numbered as the list numbers them, each with a bookmark;
    headings whose anchor is in `unnumbered` (front matter) stay outside the count."""
    counters = [0, 0, 0]
    found = []
    for number, p in enumerate(_body_paragraphs(document)):
        level = HEADING_LEVELS.get(style_of(p))
        if level is None:
            continue
        counted = numbered and not (_anchors_before(p) & unnumbered)
        if counted:
            counters[level - 1] += 1
            counters[level:] = [0] * (3 - level)
        elif numbered:
            _leave_unnumbered(p)
        mark = f"_Toc{number + 1:06d}"
        bookmark(p, mark, next(ids))
        label = ".".join(str(c) for c in counters[:level]) if counted else ""
        found.append(Heading(p, level, label, text_of(p), mark))
    return found


def _heading_numbering(document: DocumentObject) -> int:
    """Add the multilevel list of the heading numbers (1, 1.1, 1.1.1) to numbering.xml and
    return its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in numbering.iterchildren(qn("w:abstractNum"))), default=0
    )
    num_id = 1 + max((int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num"))), default=0)
    abstract = element("abstractNum", abstractNumId=str(abstract_id))
    for child in (
        element("nsid", val="4B1D2C3E"),
        element("multiLevelType", val="multilevel"),
        element("name", val=HEADING_LIST),
    ):
        insert_ordered(abstract, child)
    for level, indent in enumerate(HEADING_INDENT):
        lvl = element("lvl", ilvl=str(level))
        text = ".".join(f"%{n}" for n in range(1, level + 2))
        for child in (
            element("start", val="1"),
            element("numFmt", val="decimal"),
            element("pStyle", val=f"Heading{level + 1}"),
            element("suff", val="tab"),
            element("lvlText", val=text),
            element("lvlJc", val="left"),
        ):
            insert_ordered(lvl, child)
        properties = element("pPr")
        tabs = element("tabs")
        tabs.append(element("tab", val="num", pos=str(indent)))
        properties.append(tabs)
        properties.append(element("ind", left=str(indent), hanging=str(indent)))
        insert_ordered(lvl, properties)
        insert_ordered(abstract, lvl)
    insert_ordered(numbering, abstract)
    num = element("num", numId=str(num_id))
    num.append(element("abstractNumId", val=str(abstract_id)))
    insert_ordered(numbering, num)
    return num_id


def _style_numbering(document: DocumentObject, num_id: int) -> None:
    """Bind the heading styles to the list; styles built on them (Inhaltsverzeichnisüberschrift)
    stay unnumbered."""
    styles = document.styles.element
    for style in styles.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        level = HEADING_LEVELS.get(style_id)
        if level is None and style_id not in UNNUMBERED:
            continue
        properties = style.find(qn("w:pPr"))
        if properties is None:
            properties = insert_ordered(style, element("pPr"))
        numbers = element("numPr")
        if level is not None:
            if level > 1:
                numbers.append(element("ilvl", val=str(level - 1)))
            numbers.append(element("numId", val=str(num_id)))
        else:
            numbers.append(element("numId", val="0"))
        for old in properties.findall(qn("w:numPr")):
            properties.remove(old)
        insert_ordered(properties, numbers)


def number_headings(document: DocumentObject) -> None:
    """Numbered documents: Word's list numbers the headings (nothing typed into their text)."""
    _style_numbering(document, _heading_numbering(document))


def captions(document: DocumentObject, ids: Iterator[int]) -> list[Caption]:
    """Put 'Tabelle n: ' / 'Abbildung n: ' with a SEQ field before every caption's text, as in
    the PDF; each caption gets a bookmark for the lists of tables and figures."""
    counters = dict.fromkeys(CAPTIONS.values(), 0)
    found = []
    for number, p in enumerate(_body_paragraphs(document)):
        label = CAPTIONS.get(style_of(p))
        if label is None:
            continue
        counters[label] += 1
        text = text_of(p)
        prefix = [run(f"{label} "), *field(f"SEQ {label} \\* ARABIC", str(counters[label])), run(": ")]
        properties = p.find(qn("w:pPr"))
        anchor = properties if properties is not None else None
        for piece in prefix:
            if anchor is None:
                p.insert(0, piece)
            else:
                anchor.addnext(piece)
            anchor = piece
        mark = f"_Toc{number + 1:06d}"
        bookmark(p, mark, next(ids))
        found.append(Caption(p, label, counters[label], text, mark))
    return found


def _heading_by_anchor(document: DocumentObject, found: list[Heading]) -> dict[str, Heading]:
    """pandoc's bookmark of each heading (its id in the HTML) → the heading: pandoc puts the
    bookmark on the body's level right before the heading's paragraph."""
    by_element = {id(h.element): h for h in found}
    anchors = {}
    for start in document.element.body.iterchildren(qn("w:bookmarkStart")):
        following = start.getnext()
        while following is not None and local(following) == "bookmarkStart":
            following = following.getnext()
        if following is not None and id(following) in by_element:
            anchors[start.get(qn("w:name"))] = by_element[id(following)]
    return anchors


def chapter_references(document: DocumentObject, found: list[Heading], ids: Iterator[int]) -> int:
    """Links to numbered headings ('Kapitel 7') become REF fields to a bookmark on the heading,
    showing its number; returns how many. Word updates them with the numbering."""
    anchors = _heading_by_anchor(document, found)
    targets: dict[str, str] = {}
    replaced = 0
    for link in list(document.element.body.iter(qn("w:hyperlink"))):
        heading = anchors.get(link.get(qn("w:anchor"), ""))
        if heading is None or not heading.number:
            continue
        mark = targets.get(heading.mark)
        if mark is None:
            mark = targets[heading.mark] = heading.mark.replace("_Toc", "_Ref")
            bookmark(heading.element, mark, next(ids))
        cached = "".join(t.text or "" for t in link.iter(qn("w:t"))) or heading.number
        for piece in field(f"REF {mark} \\w \\h \\* MERGEFORMAT", cached, formatting=_formatting_of(link)):
            link.addprevious(piece)
        link.getparent().remove(link)
        replaced += 1
    return replaced


def _formatting_of(link: etree._Element) -> etree._Element | None:
    """The formatting of the text a link stands in (bold in a bold lead-in "Für wen (Kapitel 5):"),
    without the link's own character style, for the field that replaces it; MERGEFORMAT keeps it
    when Word updates the field."""
    properties = link.find(f"{qn('w:r')}/{qn('w:rPr')}")
    if properties is None:
        return None
    kept = copy.deepcopy(properties)
    for style in kept.findall(qn("w:rStyle")):
        kept.remove(style)
    return kept if len(kept) else None


def _entry(style: str, anchor: str, parts: list[str]) -> etree._Element:
    """A cached directory entry: its pieces separated by tabs, linked to the bookmark."""
    link = element("hyperlink", anchor=anchor, history="1")
    for index, part in enumerate(parts):
        if index:
            link.append(run(None, element("tab")))
        link.append(run(part))
    return paragraph(style, [link])


def _directory(instruction: str, entries: list[etree._Element], title: str | None = None) -> list[etree._Element]:
    """A directory field: it starts in its first entry and ends in its last, as Word writes it
    (paragraphs of their own showed as empty lines above and below the list until Word updated
    the field); Word updates it when it opens the file (dirty)."""
    opening = field(instruction, "", dirty=True)[:3]
    closing = run(None, element("fldChar", fldCharType="end"))
    heading = [_directory_heading(title)] if title else []
    if not entries:
        return [*heading, paragraph(None, [*opening, closing])]
    first = entries[0]
    start = 1 if first.find(qn("w:pPr")) is not None else 0
    for offset, piece in enumerate(opening):
        first.insert(start + offset, piece)
    entries[-1].append(closing)
    return [*heading, *entries]


#: Space above the heading of a list of tables or figures (twips): the style's none set it against
#: the last line of the directory before it (layout review).
DIRECTORY_HEADING_SPACE = 480


def _directory_heading(title: str) -> etree._Element:
    """'Tabellenverzeichnis' in the style of the contents' heading, with room above it."""
    made = paragraph("TOCHeading", [run(title)])
    set_child(paragraph_properties(made), "spacing", before=str(DIRECTORY_HEADING_SPACE))
    return made


#: Where the text of an entry in the lists of tables and figures begins, after 'Abbildung 12:'
#: (twips), so a long caption wraps under its own text, not under its number.
FIGURE_ENTRY_INDENT = 1560


def _figure_list_style(document: DocumentObject) -> None:
    """The style of the lists' entries: number, tab, caption, with a hanging indent."""
    style = style_definition(document.styles.element, "TableofFigures")
    properties = style.find(qn("w:pPr")) if style is not None else None
    if properties is None:
        return
    tabs = properties.find(qn("w:tabs"))
    if tabs is None:
        tabs = insert_ordered(properties, element("tabs"))
    tabs.insert(0, element("tab", val="left", pos=str(FIGURE_ENTRY_INDENT)))
    set_child(properties, "ind", left=str(FIGURE_ENTRY_INDENT), hanging=str(FIGURE_ENTRY_INDENT))


def _toc_field(document: DocumentObject) -> tuple[etree._Element, etree._Element] | None:
    """pandoc's table of contents: the content control and the paragraph starting its field."""
    for sdt in document.element.body.iterchildren(qn("w:sdt")):
        for instruction in sdt.iter(qn("w:instrText")):
            if (instruction.text or "").strip().startswith("TOC"):
                return sdt, instruction.getparent().getparent()
    return None


def table_of_contents(document: DocumentObject, found: list[Heading], listed: list[Caption]) -> None:
    """Fill pandoc's table of contents with linked entries ('1⇥Einleitung'), add the lists of
    tables and figures after it, and give the title block and the directories pages of their
    own."""
    located = _toc_field(document)
    if located is None:
        return
    sdt, field_paragraph = located
    content = field_paragraph.getparent()
    assert content is not None  # the field's paragraph stands in the content control
    for p in list(content.iterchildren(qn("w:p"))):
        if style_of(p) != "TOCHeading":
            content.remove(p)
    entries = [
        _entry(f"TOC{h.level}", h.mark, [h.number, h.text] if h.number else [h.text])
        for h in found
        if h.level <= TOC_DEPTH
    ]
    for block in _directory(f'TOC \\o "1-{TOC_DEPTH}" \\h \\z \\u', entries):
        content.append(block)
    anchor = sdt
    for label, title in (("Tabelle", "Tabellenverzeichnis"), ("Abbildung", "Abbildungsverzeichnis")):
        mine = [c for c in listed if c.label == label]
        if not mine:
            continue
        lines = [_entry("TableofFigures", c.mark, [f"{c.label} {c.number}:", c.text]) for c in mine]
        for block in _directory(f'TOC \\h \\z \\c "{label}"', lines, title):
            anchor.addnext(block)
            anchor = block
    _figure_list_style(document)
    # the contents begin a page by their heading's property: after a paragraph holding only a page
    # break, Word shows that paragraph's mark as an empty line atop the next page
    # (the content control holds at least the paragraph that starts the field)
    heading = next(content.iterchildren(qn("w:p")))
    insert_ordered(paragraph_properties(heading), element("pageBreakBefore"))
    anchor.addnext(_page_break())


def _page_break() -> etree._Element:
    return paragraph(None, [run(None, element("br", type="page"))])


def hyphenation(document: DocumentObject) -> None:
    """Word hyphenates German text (the language is de-DE) instead of breaking words anywhere
    in narrow cells; German number and list separators for fields."""
    settings = document.settings.element
    set_child(settings, "autoHyphenation", val="true")
    set_child(settings, "themeFontLang", val="de-DE")
    set_child(settings, "decimalSymbol", val=",")
    set_child(settings, "listSeparator", val=";")
    for style in document.styles:
        # a title, heading or caption is never split (as in the PDF)
        if style.name in UNHYPHENATED or style.style_id in UNHYPHENATED_IDS:
            properties = style.element.find(qn("w:pPr"))
            if properties is None:
                properties = insert_ordered(style.element, element("pPr"))
            set_child(properties, "suppressAutoHyphens")


#: Word's own layout rules of Word 2013 and later (compatibilityMode 15): without it Word opens
#: the file in compatibility mode ('[Kompatibilitätsmodus]'), laying it out by Word 2007's rules
#: (tables stand out left of the text by their cell padding).
WORD_2013 = "15"


def current_layout(document: DocumentObject) -> None:
    """The file asks for the layout rules of current Word, not Word 2007's."""
    compat = set_child(document.settings.element, "compat")
    compat.append(
        element(
            "compatSetting",
            name="compatibilityMode",
            uri="http://schemas.microsoft.com/office/word",
            val=WORD_2013,
        )
    )


#: Styles whose text Word never hyphenates: titles, headings and captions (as in the PDF).
UNHYPHENATED = frozenset({"Title", "Subtitle", *(f"Heading {level}" for level in range(1, 10))})
#: The captions, by style id (their names are German): 'Ausschusses für Ge-|sundheit' under a table.
UNHYPHENATED_IDS = frozenset({"TableCaption", "ImageCaption"})
