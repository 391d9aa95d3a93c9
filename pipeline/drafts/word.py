"""A returned Word file as review needs it, read in one pass.

Every node of the body goes to the paragraph nearest around it: its text before and after
tracked changes, its bookmarks and its tracked changes; table cells are ranges of paragraphs,
so a row's text is put together once, when it is asked for. Comment ranges are offsets into the
document's text, so the text each comment marks is a slice – reading is linear in the size of
the file, whatever it holds. The parts come from :mod:`pipeline.drafts.package`, within its
limits; what is malformed (a comment id that is no number, a body missing) is a
:class:`ReviewFailure` naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.drafts.package import COMMENTS as COMMENTS_RELATION
from pipeline.drafts.package import (
    CORE_NS,
    CORE_PROPERTIES,
    CUSTOM_NS,
    CUSTOM_PROPERTIES,
    DC_NS,
    OFFICE_DOCUMENT,
    PACKAGE_RELS,
    STRICT_OFFICE_DOCUMENT,
    W_NS,
    WordPackage,
    open_package,
)
from pipeline.errors import ReviewFailure
from pipeline.export.manifest import DocumentIdentity
from pipeline.export.ooxml import FORM_LINE_STYLE, is_form_table
from pipeline.formatting import number
from pipeline.render.provenance import CELL_SEPARATOR, Origin, normalized


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_DOCUMENT, W_BODY, W_P, W_T, W_DEL_TEXT = _w("document"), _w("body"), _w("p"), _w("t"), _w("delText")
W_TAB, W_BR, W_CR = _w("tab"), _w("br"), _w("cr")
#: Word's non-breaking hyphen, an element without text (the build writes the Ergänzungsstrich so).
W_NO_BREAK_HYPHEN = _w("noBreakHyphen")
W_INS, W_DEL, W_TR, W_TC, W_TBL = _w("ins"), _w("del"), _w("tr"), _w("tc"), _w("tbl")
#: A tracked move: Word records the text at its old place as moved from (its runs as deleted text)
#: and at its new place as moved to (review of the drafts: a move came out as new untracked text,
#: its old place not at all).
W_MOVE_FROM, W_MOVE_TO = _w("moveFrom"), _w("moveTo")
INSERTING, DELETING = (W_INS, W_MOVE_TO), (W_DEL, W_MOVE_FROM)
W_BOOKMARK, W_NAME = _w("bookmarkStart"), _w("name")
W_AUTHOR, W_DATE, W_ID = _w("author"), _w("date"), _w("id")
W_COMMENT, W_COMMENT_START, W_COMMENT_END = _w("comment"), _w("commentRangeStart"), _w("commentRangeEnd")
W_COMMENT_REFERENCE = _w("commentReference")
#: Word 2013's threads of comments: a reply names the paragraph of the comment it answers.
W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W15_COMMENT_EX, W15_PARA_ID, W15_PARENT, W15_DONE = (
    f"{{{W15}}}commentEx",
    f"{{{W15}}}paraId",
    f"{{{W15}}}paraIdParent",
    f"{{{W15}}}done",
)
COMMENTS_EXTENDED_RELATION = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
W_FIELD_CHAR, W_FIELD_CHAR_TYPE, W_SIMPLE_FIELD = _w("fldChar"), _w("fldCharType"), _w("fldSimple")
W_PARAGRAPH_STYLE, W_VAL = _w("pStyle"), _w("val")
W_STYLE, W_STYLE_ID, W_NAME_ELEMENT = _w("style"), _w("styleId"), _w("name")
STYLES_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
HEADING_NUMBER = re.compile(r"^\d+(\.\d+)*\s+")
#: The label and number Word's SEQ field puts before a caption ('Tabelle 3: ').
CAPTION_NUMBER = re.compile(r"^(Tabelle|Abbildung) \d+: ")
MARK = re.compile(r"^gk\d{4}$")
DECIMAL = re.compile(r"^-?\d{1,10}$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

#: More comments and changes than any review round makes: a draft with more is refused.
MAX_ITEMS = 10_000
#: The commented text quoted in the list, at most.
MAX_QUOTE = 1_000


def too_many(name: str) -> ReviewFailure:
    return ReviewFailure(
        f"{name}: mehr als {number(MAX_ITEMS)} Kommentare und Änderungen – so viele macht keine "
        "Überarbeitungsrunde. Die Datei wird nicht ausgewertet."
    )


def german_date(stamp: str | None) -> str | None:
    """'2026-11-20T10:00:00Z' → '20.11.2026'; None for anything else."""
    found = ISO_DATE.match(stamp or "")
    return f"{found[3]}.{found[2]}.{found[1]}" if found else None


@dataclass(slots=True)
class Row:
    """A table row: its cells (as ranges of paragraph numbers) and the bookmarks in it."""

    cells: list[list[int]] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    text: str | None = None


@dataclass(slots=True)
class Paragraph:
    """A paragraph's own text (not that of a text box or table inside it) before and after its
    tracked changes, its bookmarks, its row and its tracked changes (author, date). Slots keep
    it small: a draft may have hundreds of thousands."""

    number: int
    row: Row | None
    insertions_before: int
    marks: list[str] = field(default_factory=list)
    changes: list[tuple[str, str]] = field(default_factory=list)
    end: int = 0
    original: str = ""
    accepted: str = ""
    #: Its style id, and whether a field's result (a table of contents, a list of tables) holds it.
    style: str = ""
    in_field: bool = False
    #: Text moved with tracking: 'von hier' at its old place, 'hierher' at its new one.
    moved: str = ""
    #: In a row of form fields, whose values and labels Word lays out in another order than built.
    in_form: bool = False


@dataclass
class CommentRanges:
    """Where comments are anchored: offsets into the text of the document (deletions left out)
    where their ranges start and end, and the paragraph each starts in."""

    text: str = ""
    starts: dict[int, int] = field(default_factory=dict)
    ends: dict[int, int] = field(default_factory=dict)
    anchors: dict[int, Paragraph | None] = field(default_factory=dict)
    #: The paragraph each range ends in, where it ends in one.
    last_anchors: dict[int, Paragraph | None] = field(default_factory=dict)

    def quoted(self, comment_id: int) -> str:
        """The commented text: up to the range's end, or, where the range never ends, to the
        end of the paragraph it starts in; at most MAX_QUOTE characters."""
        start = self.starts.get(comment_id)
        if start is None:
            return ""
        anchor = self.anchors.get(comment_id)
        end = self.ends.get(comment_id, anchor.end if anchor is not None else start)
        quote = normalized(self.text[start : min(max(start, end), start + MAX_QUOTE + 1)])
        return quote if len(quote) <= MAX_QUOTE else quote[: MAX_QUOTE - 1] + "…"


@dataclass
class CommentNote:
    """A comment as comments.xml holds it; a reply with the number of the comment it answers,
    and whether it is marked done (commentsExtended.xml)."""

    number: int
    author: str
    date: str | None
    text: str
    parent: int | None = None
    done: bool = False


class _Reader:
    """One pass over the body: each node goes to the paragraph nearest around it."""

    def __init__(
        self, draft_name: str, part: str, form_styles: frozenset[str] = frozenset({FORM_LINE_STYLE})
    ) -> None:
        self.where = f"{draft_name}: Teil {part}"
        self.form_styles = form_styles
        self.paragraphs: list[Paragraph] = []
        self.comments = CommentRanges()
        self._pieces: list[str] = []
        self._length = 0

    def comment_id(self, node: etree._Element) -> int:
        value = node.get(W_ID)
        if value is None or not DECIMAL.match(value):
            shown = "keine Kennung" if value is None else f"die Kennung „{value[:40]}“"
            raise ReviewFailure(
                f"{self.where}, Zeile {node.sourceline}: ein Kommentar hat {shown}; Word schreibt dort eine "
                "ganze Zahl. Die Datei ist beschädigt."
            )
        return int(value)

    def read(self, body: etree._Element) -> None:
        # the open paragraphs, each with its text before and after tracked changes so far
        open_paragraphs: list[tuple[Paragraph, list[str], list[str]]] = []
        rows: list[Row] = []
        cells: list[list[int]] = []
        insertions = deletions = fields = 0
        last: Paragraph | None = None
        ranges = self.comments
        # a row of form fields is the layout of paragraphs, each its own block (not a table row)
        layouts: list[bool] = []
        for event, node in etree.iterwalk(body, events=("start", "end")):
            tag = node.tag
            if event == "end":
                if tag == W_P and open_paragraphs:
                    closed, original, accepted = open_paragraphs.pop()
                    closed.end = self._length
                    closed.original = normalized("".join(original))
                    closed.accepted = normalized("".join(accepted))
                elif tag == W_TBL:
                    layouts.pop()
                elif tag == W_TR and rows and not layouts[-1]:
                    rows.pop()
                elif tag == W_TC and cells and not layouts[-1]:
                    cells.pop().append(len(self.paragraphs))
                elif tag in INSERTING:
                    insertions -= 1
                elif tag in DELETING:
                    deletions -= 1
                elif tag == W_SIMPLE_FIELD:
                    fields = max(0, fields - 1)
                continue
            here = open_paragraphs[-1][0] if open_paragraphs else None
            if tag == W_T or (tag == W_NO_BREAK_HYPHEN and not deletions):
                text = node.text or "" if tag == W_T else "-"
                if here is not None:
                    # deleted or moved-away text LibreOffice keeps in w:t, not w:delText: no longer
                    # there once accepted (review of the drafts: a move's old place went unlisted)
                    if not deletions:
                        open_paragraphs[-1][2].append(text)
                    if insertions == here.insertions_before:
                        open_paragraphs[-1][1].append(text)
                if not deletions:
                    self._pieces.append(text)
                    self._length += len(text)
            elif tag == W_P:
                last = Paragraph(len(self.paragraphs), rows[-1] if rows else None, insertions)
                last.in_field = fields > 0
                last.in_form = bool(layouts) and layouts[-1]
                self.paragraphs.append(last)
                open_paragraphs.append((last, [], []))
            elif tag == W_PARAGRAPH_STYLE:
                if here is not None:
                    here.style = node.get(W_VAL) or ""
            elif tag in (W_FIELD_CHAR, W_SIMPLE_FIELD):
                kind = node.get(W_FIELD_CHAR_TYPE) if tag == W_FIELD_CHAR else "begin"
                if kind == "begin":
                    fields += 1
                    if here is not None:
                        here.in_field = True
                elif kind == "end":
                    fields = max(0, fields - 1)
            elif tag in (W_DEL_TEXT, W_NO_BREAK_HYPHEN):
                if here is not None:
                    open_paragraphs[-1][1].append(node.text or "" if tag == W_DEL_TEXT else "-")
            elif tag in (W_TAB, W_BR, W_CR):
                if here is not None:
                    open_paragraphs[-1][1].append(" ")
                    open_paragraphs[-1][2].append(" ")
            elif tag in INSERTING or tag in DELETING:
                if tag in INSERTING:
                    insertions += 1
                else:
                    deletions += 1
                if here is not None:
                    here.changes.append((node.get(W_AUTHOR) or "unbekannt", node.get(W_DATE) or ""))
                    if tag in (W_MOVE_FROM, W_MOVE_TO):
                        here.moved = "von hier" if tag == W_MOVE_FROM else "hierher"
            elif tag == W_BOOKMARK:
                name = node.get(W_NAME) or ""
                if here is not None and MARK.match(name):
                    here.marks.append(name)
                    if here.row is not None:
                        here.row.marks.append(name)
            elif tag == W_TBL:
                layouts.append(is_form_table(node, self.form_styles))
            elif tag == W_TR and not layouts[-1]:
                rows.append(Row())
            elif tag == W_TC and not layouts[-1]:
                cell = [len(self.paragraphs)]
                cells.append(cell)
                if rows:
                    rows[-1].cells.append(cell)
            elif tag == W_COMMENT_START:
                key = self.comment_id(node)
                ranges.starts.setdefault(key, self._length)
                ranges.anchors.setdefault(key, last)
            elif tag == W_COMMENT_END:
                key = self.comment_id(node)
                if key in ranges.starts:
                    ranges.ends.setdefault(key, self._length)
                    ranges.last_anchors.setdefault(key, last)
            elif tag == W_COMMENT_REFERENCE:
                key = self.comment_id(node)
                ranges.anchors.setdefault(key, here or last)
        ranges.text = "".join(self._pieces)
        self._pieces = []


def _properties(package: WordPackage) -> tuple[dict[str, str], dict[str, str]]:
    """The core properties (title, subject, creator, lastModifiedBy, version) and the custom
    properties (name → text) of a package."""
    core: dict[str, str] = {}
    custom: dict[str, str] = {}
    core_part = package.related("", CORE_PROPERTIES)
    if core_part and package.has(core_part):
        wanted = {f"{{{DC_NS}}}{n}" for n in ("title", "subject", "creator")}
        wanted |= {f"{{{CORE_NS}}}{n}" for n in ("lastModifiedBy", "version")}
        for element in package.xml(core_part):
            if element.tag in wanted:
                core[etree.QName(element).localname] = (element.text or "").strip()
    custom_part = package.related("", CUSTOM_PROPERTIES)
    if custom_part and package.has(custom_part):
        for element in package.xml(custom_part).iterchildren(f"{{{CUSTOM_NS}}}property"):
            name = element.get("name")
            value = next(iter(element), None)
            if name and value is not None and name not in custom:
                custom[name] = (value.text or "").strip()
    return core, custom


def _form_styles(package: WordPackage, main: str) -> frozenset[str]:
    """The ids of the style of a form row: named 'Ausfüllzeile', its id as the build wrote it or as
    the program that saved the file made it (LibreOffice writes 'Ausfllzeile': the rows of an
    untouched form, read as tables of data, came back as 103 changes – review of the drafts)."""
    part = package.related(main, STYLES_RELATION)
    found = {FORM_LINE_STYLE}
    if part and package.has(part):
        for style in package.xml(part).iterchildren(W_STYLE):
            name = style.find(W_NAME_ELEMENT)
            if name is not None and name.get(W_VAL) == FORM_LINE_STYLE:
                found.add(style.get(W_STYLE_ID) or "")
    return frozenset(found)


def _comment_notes(package: WordPackage, main: str, reader: _Reader) -> list[CommentNote]:
    """The comments of comments.xml, in their order."""
    part = package.related(main, COMMENTS_RELATION)
    if not part or not package.has(part):
        return []
    reader.where = f"{package.name}: Teil {part}"
    notes: list[CommentNote] = []
    last_paragraph: dict[str, int] = {}  # a comment's last paragraph (its w14:paraId) → its number
    for element in package.xml(part).iterchildren(W_COMMENT):
        if len(notes) >= MAX_ITEMS:
            raise too_many(package.name)
        pieces = []
        for node in element.iter(W_P, W_T, W_TAB, W_BR, W_CR, W_NO_BREAK_HYPHEN):
            pieces.append(node.text or "" if node.tag == W_T else "-" if node.tag == W_NO_BREAK_HYPHEN else " ")
        notes.append(
            CommentNote(
                reader.comment_id(element),
                element.get(W_AUTHOR) or "unbekannt",
                german_date(element.get(W_DATE)),
                normalized("".join(pieces)),
            )
        )
        paragraphs = list(element.iterchildren(W_P))
        if paragraphs and paragraphs[-1].get(W14_PARA_ID):
            last_paragraph[paragraphs[-1].get(W14_PARA_ID, "")] = notes[-1].number
    _threads(package, main, notes, last_paragraph)
    return notes


def _threads(package: WordPackage, main: str, notes: list[CommentNote], last_paragraph: dict[str, int]) -> None:
    """Which comment answers which, and which are done, from commentsExtended.xml (review of the
    drafts: a reply 'bleibt so' stood as a comment of its own, the decision easily overlooked)."""
    part = package.related(main, COMMENTS_EXTENDED_RELATION)
    if not part or not package.has(part) or not last_paragraph:
        return
    by_number = {note.number: note for note in notes}
    for entry in package.xml(part).iter(W15_COMMENT_EX):
        number = last_paragraph.get(entry.get(W15_PARA_ID, ""))
        if number is None:
            continue
        note = by_number[number]
        note.done = entry.get(W15_DONE) in ("1", "true")
        parent = last_paragraph.get(entry.get(W15_PARENT, ""))
        if parent is not None and parent != number:
            note.parent = parent


@dataclass
class Draft:
    """A returned Word file: its paragraphs in order, each with its bookmark if it has one, its
    comments, and its core and custom properties."""

    name: str
    paragraphs: list[Paragraph]
    comments: list[CommentNote]
    ranges: CommentRanges
    core: dict[str, str]
    custom: dict[str, str]
    mark_of: dict[int, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Draft:
        with open_package(path) as package:
            main = package.related("", (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT))
            if main is None or not package.has(main):
                # the part that is missing: the main document, or the relationship naming it (fuzz review:
                # '_rels/.rels' was named where word/document.xml was missing)
                what = "keine" if main is None else "keine vollständige"
                raise ReviewFailure(
                    f"{path}: ist {what} Word-Datei (.docx) – im Paket fehlt das Hauptdokument "
                    f"({PACKAGE_RELS if main is None else main})."
                )
            root = package.xml(main)
            if root.tag != W_DOCUMENT:
                kind = etree.QName(root).localname if isinstance(root.tag, str) else "?"
                strict = "im Format „Strict Open XML“ gespeichert" if kind == "document" else None
                raise ReviewFailure(
                    f"{path}: ist {strict or f'keine Word-Datei (.docx), ihr Hauptteil ist ein „{kind}“'}. "
                    "Bitte in Word als „Word-Dokument (*.docx)“ speichern."
                )
            body = root.find(W_BODY)
            if body is None:
                raise ReviewFailure(
                    f"{path}: das Word-Dokument hat keinen Textkörper (w:body). Die Datei ist beschädigt."
                )
            reader = _Reader(str(path), main, _form_styles(package, main))
            reader.read(body)
            comments = _comment_notes(package, main, reader)
            core, custom = _properties(package)
        draft = cls(path.name, reader.paragraphs, comments, reader.comments, core, custom)
        for paragraph in draft.paragraphs:
            marks = paragraph.marks or (paragraph.row.marks if paragraph.row is not None else [])
            if marks:
                draft.mark_of[paragraph.number] = marks[0]
        return draft

    def marked(self) -> dict[str, Paragraph]:
        """Bookmark → the (first) paragraph holding it."""
        found: dict[str, Paragraph] = {}
        for paragraph in self.paragraphs:
            mark = self.mark_of.get(paragraph.number)
            if mark and mark not in found:
                found[mark] = paragraph
        return found

    def block_text(self, paragraph: Paragraph) -> str:
        """A paragraph's text before tracked changes, or, inside a table, its whole row's, cells
        separated as in the manifest."""
        row = paragraph.row
        if row is None:
            return paragraph.original
        if row.text is None:
            row.text = self.row_text(row)
        return row.text

    def row_paragraphs(self, row: Row) -> list[Paragraph]:
        """The paragraphs of a table row's cells."""
        return [p for cell in row.cells for p in self.paragraphs[cell[0] : cell[-1]]]

    def row_text(self, row: Row, *, accepted: bool = False) -> str:
        """A row's text before (or after) its tracked changes, cells separated as in the manifest."""
        cells = (
            " ".join(p.accepted if accepted else p.original for p in self.paragraphs[cell[0] : cell[-1]])
            for cell in row.cells
        )
        return CELL_SEPARATOR.join(normalized(c) for c in cells)

    @property
    def identity(self) -> DocumentIdentity | None:
        return DocumentIdentity.from_properties(self.custom)

    @property
    def editor(self) -> str:
        """Who saved the file last, to credit changes without tracking to: unknown where the file
        still names its publisher there, as the build wrote it – an editor that does not set it
        credited them to the coordinator's own department (review of the drafts)."""
        saved_by = self.core.get("lastModifiedBy", "")
        if not saved_by or saved_by == self.core.get("creator"):
            return "unbekannt (die Datei nennt nur den Herausgeber, nicht wer sie zuletzt gespeichert hat)"
        return saved_by


def comparable(draft: Draft, origin: Origin, paragraph: Paragraph) -> tuple[str, str]:
    """(generated text, text in the draft before tracked changes), comparable."""
    current = draft.block_text(paragraph)
    if origin.kind == "Überschrift" and HEADING_NUMBER.sub("", current) == origin.text:
        current = origin.text  # the chapter number Word puts in front
    if origin.kind in ("Tabellentitel", "Abbildungstitel") and CAPTION_NUMBER.sub("", current) == origin.text:
        current = origin.text  # 'Tabelle n: ' from the caption's number field
    return origin.text, current


def unchanged(draft: Draft, origin: Origin, paragraph: Paragraph) -> bool:
    generated, current = comparable(draft, origin, paragraph)
    return generated == current
