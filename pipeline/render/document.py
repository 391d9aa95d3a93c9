"""The intermediate form: what render hands to export.

A :class:`RenderedDocument` is one document's HTML body plus everything that frames it (titles,
header and footer text, metadata, layout, figures). HTML is the one intermediate form: every
exporter starts from it, so adding an output format never touches the templates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from pipeline.model import colours, fonts

#: The project's templates: chapters and blocks (Jinja), page layouts (Typst), Word styles
#: (referenz.docx) and pandoc's filters for Word.
TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates"
#: At most so many characters make a paragraph under a heading a mere lead-in to its table or list.
LEAD_IN_LENGTH = 400


#: Words by which a sentence right before a table says that it introduces it.
_TABLE_WORDS = ("Tabelle", "Übersicht", "Matrix")


def introduces(text: str) -> bool:
    """A paragraph ending with a colon introduces what follows, whatever that is."""
    return text.rstrip().endswith(":")


def leads_in(text: str, *, after_heading: bool, bold: bool = False, before_table: bool = False) -> bool:
    """Whether a paragraph right before a table or list introduces it and must stay on its page
    (keep with next): it ends with a colon ('Offen ist:'), it is a short paragraph right under
    a heading ('Über den Stand … wird berichtet.'), which would otherwise leave heading and
    sentence alone at the foot of a page, or it is a short line set in bold, standing as a heading
    for what follows (a question of the Qualitätsdialog over its facts), or a short sentence
    right before a table that names it ('Die Tabelle zeigt, welcher Akteur …'). Word and PDF
    apply the same rule."""
    text = text.rstrip()
    short = 0 < len(text) <= LEAD_IN_LENGTH
    names_table = before_table and any(word in text for word in _TABLE_WORDS)
    return introduces(text) or (short and (after_heading or bold or names_table))


#: The class of a heading outside the chapter count (Vorwort, Das Wichtigste in Kürze): no
#: format numbers it (HTML page, Word, PDF).
UNNUMBERED = "unnumbered"


_HEADING_TAG = re.compile(r"<h[1-6]\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


@dataclass(frozen=True)
class Figure:
    """A picture the body refers to by `name` (<img src="name">): SVG for the PDF, turned into
    PNG for Word. `summary` says in one sentence what it shows, `values` its numbers sentence by
    sentence; together they are its text alternative for screen readers (:attr:`alt`). A figure
    too long for one page is drawn in parts; `part` then says which ('Teil 1 von 3: M1 bis M25')."""

    name: str
    svg: str
    summary: str
    part: str = ""
    values: tuple[str, ...] = ()

    @cached_property
    def alt(self) -> str:
        """The whole description, as Word and the PDF give it; the web page names the figure by its
        summary and lists the values under it (a description of 3,000 characters read as one
        block could not be paused or re-read item by item – web review)."""
        return short_alt(" ".join((self.summary, *self.values)))


def figure_parts(figures: dict[str, Figure], key: str) -> list[Figure]:
    """A figure and its further parts ('zeitplan', 'zeitplan-2', …), in order; none if the
    figure is not there."""
    found = [figures[key]] if key in figures else []
    while f"{key}-{len(found) + 1}" in figures:
        found.append(figures[f"{key}-{len(found) + 1}"])
    return found


#: Longest text alternative: PDF/A allows no string over 32,767 bytes, and the PDF stores text
#: with umlauts as UTF-16, two bytes a character (a timeline of 500 measures would exceed it).
ALT_LIMIT = 12000
MORE_IN_TABLES = "Die übrigen Werte stehen in den Tabellen dieses Kapitels."


def short_alt(alt: str) -> str:
    """The alternative text, cut after the last whole sentence within ALT_LIMIT if longer."""
    if len(alt) <= ALT_LIMIT:
        return alt
    room = ALT_LIMIT - len(MORE_IN_TABLES) - 1
    end = alt.rfind(". ", 0, room)
    return f"{alt[: end + 1] if end > 0 else alt[:room].rstrip() + ' …'} {MORE_IN_TABLES}"


@dataclass(frozen=True)
class Design:
    """A municipality's look, one definition for Word and PDF alike ('layout' in kommune.yaml):
    the colour of headings, title and links, the accent of the title page, the shading of table
    header rows, the title page's line under the title and note at its foot, and the typefaces
    of text and headings (each with its PDF, Word and web fonts: pipeline.model.fonts)."""

    primary: str = colours.PRIMARY
    accent: str = colours.PRIMARY
    table_header: str = colours.TABLE_HEADER
    cover_line: str = ""
    cover_note: str = ""
    typeface: fonts.Typeface = fonts.TYPEFACES[fonts.DEFAULT]
    heading_typeface: fonts.Typeface = fonts.TYPEFACES[fonts.DEFAULT]


@dataclass(frozen=True)
class RenderedDocument:
    """The intermediate form handed to the exporters: body plus what frames it.

    `layout` names the Typst page layout in templates/; `title_page` gives the document a page of
    its own for the title (and a table of contents when `toc` is set); `folder` is the subfolder of
    the output folder the files go to.
    """

    body_html: str
    title: str
    subtitle: str
    author: str
    subject: str
    keywords: str
    version: str
    date: date
    header_text: str
    footer_text: str
    file_stem: str
    category: str
    layout: str
    title_page: bool = False
    toc: bool = False
    numbered: bool = False
    folder: str = ""
    lang: str = "de-DE"
    logo: Path | None = None
    logo_alt: str = ""
    draft: bool = False
    figures: tuple[Figure, ...] = ()
    design: Design = Design()
    #: The inputs file the document is about (a paper's 'vorlagen/….yaml'): review credits a value
    #: written there and elsewhere to it.
    source_file: str = ""
    #: Proper names the PDF never hyphenates: the municipality's (M-V review: 'Warn-emark').
    unbroken: tuple[str, ...] = ()
    #: A second line of the footer, under its text (the agreement's text key): appended to the
    #: line, it made the footer too long for a page in a serif face, and it broke after a '·'.
    footer_note: str = ""

    @property
    def unnumbered_headings(self) -> frozenset[str]:
        """Ids of the headings that stand outside the chapter count (Vorwort, Das Wichtigste in
        Kürze): the numbering of every format leaves them out."""
        found = set()
        for tag in _HEADING_TAG.finditer(self.body_html):
            attributes = dict(_ATTRIBUTE.findall(tag[1]))
            if UNNUMBERED in attributes.get("class", "").split() and "id" in attributes:
                found.add(attributes["id"])
        return frozenset(found)

    def path(self, suffix: str) -> str:
        """Where the document's file with this suffix goes, relative to the output folder."""
        name = f"{self.file_stem}{suffix}"
        return f"{self.folder}/{name}" if self.folder else name
