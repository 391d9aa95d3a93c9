"""Finishes pandoc's Word file: page frame, document properties, table of contents, stable bytes.

pandoc writes the content with the styles of ``templates/referenz.docx``; what depends on the
municipality (header, footer, core properties) and what pandoc leaves open (a pre-filled table of
contents, a title page) is added here with python-docx.
"""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import datetime, time

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from pipeline.export.figures import figure_png
from pipeline.render import RenderedDocument

W_INSTR = qn("w:instrText")
HEADING_STYLES = {"Heading1": 1, "Heading2": 2}


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) whose cached result is the placeholder."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _frame(document, doc: RenderedDocument) -> None:
    """Header with municipality and title, footer with version, date and 'Seite x von y'."""
    section = document.sections[-1]
    section.different_first_page_header_footer = doc.title_page
    width = section.page_width - section.left_margin - section.right_margin

    header = section.header.paragraphs[0]
    header.text = doc.header_text
    header.style = document.styles["Header"]

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(f"{doc.footer_text}\tSeite ")
    _field(footer, "PAGE", "1")
    footer.add_run(" von ")
    _field(footer, "NUMPAGES", "1")


def _title_block_left(document, doc: RenderedDocument) -> None:
    """Papers and attachments open with their title above the text, not on a title page: there
    it stands flush left like the rest, as in council papers."""
    if doc.title_page:
        return
    for paragraph in document.paragraphs[:3]:
        if paragraph.style is not None and paragraph.style.name in {"Title", "Subtitle"}:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _short(text: str, limit: int = 255) -> str:
    """Word's core properties hold at most 255 characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _properties(document, doc: RenderedDocument) -> None:
    stamp = datetime.combine(doc.date, time(0, 0))
    props = document.core_properties
    props.title = _short(f"{doc.title} – {doc.subtitle}")
    props.subject = _short(doc.subject)
    props.author = _short(doc.author)
    props.keywords = _short(doc.keywords)
    props.version = _short(doc.version)
    props.language = doc.lang
    props.category = doc.category
    props.last_modified_by = _short(doc.author)
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


def _page_break() -> OxmlElement:
    paragraph = OxmlElement("w:p")
    run = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    run.append(br)
    paragraph.append(run)
    return paragraph


def _toc_entry(text: str, level: int) -> OxmlElement:
    paragraph = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), f"TOC{level}")
    ppr.append(style)
    paragraph.append(ppr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    paragraph.append(run)
    return paragraph


def _table_of_contents(document) -> None:
    """Pre-fill pandoc's TOC field with the headings so it reads well before Word updates it,
    and put the title block and the TOC on pages of their own."""
    body = document.element.body
    sdt = next((e for e in body.iterchildren(qn("w:sdt"))
                if any(i.tag == W_INSTR and "TOC" in (i.text or "") for i in e.iter(W_INSTR))),
               None)
    if sdt is None:
        return
    headings = [
        (p.text, HEADING_STYLES[p.style.style_id])
        for p in document.paragraphs
        if p.style is not None and p.style.style_id in HEADING_STYLES
    ]
    field_paragraph = next(p for p in sdt.iter(qn("w:p")) if any(True for _ in p.iter(W_INSTR)))
    end = [c for c in field_paragraph.iter(qn("w:fldChar"))
           if c.get(qn("w:fldCharType")) == "end"][0]
    end_run = end.getparent()
    end_run.remove(end)
    closing = OxmlElement("w:p")
    closing_run = OxmlElement("w:r")
    closing_run.append(copy.deepcopy(end))
    closing.append(closing_run)
    anchor = field_paragraph
    for text, level in headings:
        entry = _toc_entry(text, level)
        anchor.addnext(entry)
        anchor = entry
    anchor.addnext(closing)
    sdt.addprevious(_page_break())
    sdt.addnext(_page_break())


def _table_text(document) -> None:
    """Table cells use the smaller 'Tabellentext' style of the reference document (pandoc
    gives them the list style 'Compact')."""
    if "Tabellentext" not in [s.name for s in document.styles]:
        return
    style = document.styles["Tabellentext"]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.style = style


def _compact_wide_tables(document, min_columns: int = 11) -> None:
    """Wide tables (the Zuständigkeitsmatrix) get small type and narrow cell margins, as in
    the PDF layout, so that 'M12' fits its column."""
    for table in document.tables:
        if len(table.columns) < min_columns:
            continue
        margins = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            margin = OxmlElement(f"w:{edge}")
            margin.set(qn("w:w"), "15")
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        table._tbl.tblPr.append(margins)
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(7)


def _deterministic_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite the package with fixed entry times so equal inputs give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _png_fallbacks(document, doc: RenderedDocument) -> None:
    """pandoc embeds SVG figures in a form only Word 2016 and later can show; a PNG of the same
    figure in the same picture lets every other program show it too."""
    figures = {f.name: f for f in doc.figures}
    for picture in document.element.body.iter(qn("pic:pic")):
        properties = picture.find(f"{qn('pic:nvPicPr')}/{qn('pic:cNvPr')}")
        blip = picture.find(f".//{qn('a:blip')}")
        figure = figures.get(properties.get("descr", "")) if properties is not None else None
        if figure is None or blip is None or blip.get(qn("r:embed")):
            continue
        relation, _ = document.part.get_or_add_image(io.BytesIO(figure_png(figure)))
        blip.set(qn("r:embed"), relation)
        properties.set("descr", figure.alt)


def finish_docx(raw: bytes, doc: RenderedDocument) -> bytes:
    document = Document(io.BytesIO(raw))
    _frame(document, doc)
    _title_block_left(document, doc)
    _properties(document, doc)
    _table_of_contents(document)
    _table_text(document)
    _compact_wide_tables(document)
    _png_fallbacks(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue(), datetime.combine(doc.date, time(0, 0)))
