"""Finishes pandoc's Word file: page frame, document properties, table of contents, stable bytes.

pandoc writes the content with the styles of ``templates/referenz.docx``; what depends on the
municipality (header, footer, core properties) and what pandoc leaves open (a pre-filled table of
contents, a title page) is added here with python-docx, and so is the file's identity for review
(custom properties, see :class:`pipeline.export.manifest.DocumentIdentity`).
"""

from __future__ import annotations

import copy
import gc
import io
import re
import zipfile
from datetime import datetime, time
from typing import Any, cast

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Length, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.parfmt import ParagraphFormat
from lxml import etree

from pipeline.export import docx_pages, docx_structure
from pipeline.export.figures import LOGO_HEIGHT_CM, LOGO_WIDTH_CM, figure_png, logo_png
from pipeline.export.manifest import DocumentIdentity
from pipeline.export.ooxml import (
    FORM_FIELD_GAP,
    TBL,
    TC,
    TR,
    VAL,
    P,
    R,
    element,
    insert_ordered,
    is_form_table,
    local,
    next_bookmark_id,
    paragraph_properties,
    run_properties,
    set_child,
    style_of,
    text_of,
)
from pipeline.export.text_width import WIDE_TABLE_COLUMNS, wide_table_points
from pipeline.formatting import NB_HYPHEN, suffix_hyphens_unbroken
from pipeline.model import fonts
from pipeline.render.document import RenderedDocument


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


def _page_footer(paragraph: Paragraph, document: DocumentObject, doc: RenderedDocument, width: int) -> None:
    """'Fassung 2.0 · Stand …⇥Seite x von y', the page number flush right at `width`, and the
    footer's note on a line of its own below."""
    paragraph.style = document.styles["Footer"]
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{doc.footer_text}\tSeite ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" von ")
    _field(paragraph, "NUMPAGES", "1")
    if doc.footer_note:
        paragraph.add_run().add_break()
        paragraph.add_run(doc.footer_note)


def _body_width(section: Section) -> Length:
    page_width, left, right = section.page_width, section.left_margin, section.right_margin
    # pandoc's reference document sets page size and margins, so the section always has them
    assert page_width is not None and left is not None and right is not None
    return Length(page_width - left - right)


def _frame(document: DocumentObject, doc: RenderedDocument) -> None:
    """Header with municipality and title, footer with version, date and 'Seite x von y'. The
    first page has neither header nor footer under a title page; a paper's first page has the
    footer but no header, since its head block already names municipality and paper."""
    section = document.sections[-1]
    section.different_first_page_header_footer = True
    width = _body_width(section)
    # The definitions belong to this (the last) section itself: python-docx would otherwise put
    # them on the first section, which the landscape blocks' section breaks end early.
    for part in (section.header, section.footer, *(() if doc.title_page else (section.first_page_footer,))):
        part.is_linked_to_previous = False

    header = section.header.paragraphs[0]
    header.text = doc.header_text
    header.style = document.styles["Header"]
    _page_footer(section.footer.paragraphs[0], document, doc, width)
    if not doc.title_page:
        _page_footer(section.first_page_footer.paragraphs[0], document, doc, width)


def _title_block_left(document: DocumentObject, doc: RenderedDocument) -> None:
    """Papers and attachments open with their title above the text, not on a title page: there
    it stands flush left at the top like the rest, as in council papers."""
    if doc.title_page:
        return
    titles = [p for p in document.paragraphs[:4] if p.style is not None and p.style.name in {"Title", "Subtitle"}]
    for paragraph in titles:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_before = Pt(0)
    if titles:
        sender = titles[0].insert_paragraph_before()
        run = sender.add_run(doc.author)
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


#: The styles of the title page's byline (pandoc's author and date).
BYLINE_STYLES = ("Author", "Date")


def _byline_spacing(document: DocumentObject, doc: RenderedDocument) -> None:
    """The author and the date sit together under the title block, some room above the first
    (or under the cover's note, which has its own): based on 'Title', they took its 120 pt
    before each and floated in the middle of the page."""
    styles = {style.style_id: style for style in document.styles}
    for style_id in BYLINE_STYLES:
        if style_id in styles:
            styles[style_id].paragraph_format.space_before = Pt(0)
    first = next(
        (p for p in document.paragraphs[:8] if p.style is not None and p.style.style_id in BYLINE_STYLES), None
    )
    if first is not None:
        first.paragraph_format.space_before = Pt(0 if doc.title_page and doc.design.cover_note else 36)


#: The Word styles (by id) that carry the primary colour, as the PDF's headings, title and links.
PRIMARY_STYLES = ("Title", "Subtitle", "Heading1", "Heading2", "Heading3", "TOCHeading", "Hyperlink")


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.removeprefix("#").upper())


def _design_styles(document: DocumentObject, doc: RenderedDocument) -> None:
    """The municipality's colours in the styles of the Word file, the same values the PDF layout
    gets (templates/gemeinsam.typ): headings, title and links, and the shading of header rows."""
    design = doc.design
    styles = {style.style_id: style for style in document.styles}
    for style_id in PRIMARY_STYLES:
        if style_id in styles:
            styles[style_id].font.color.rgb = _rgb(design.primary)
    table = styles.get("Table")
    if table is not None:
        for condition in table.element.findall(qn("w:tblStylePr")):
            shading = condition.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            if condition.get(qn("w:type")) == "firstRow" and shading is not None:
                shading.set(qn("w:fill"), design.table_header.removeprefix("#").upper())


#: The Word styles (by id) of headings and the title page: set in the headings' typeface.
HEADING_STYLES = ("Title", "Subtitle", "Heading1", "Heading2", "Heading3", "TOCHeading")


def _set_font(properties: etree._Element, name: str) -> None:
    """A style's run properties name one font for every script (no theme fonts)."""
    set_child(properties, "rFonts", ascii=name, hAnsi=name, cs=name, eastAsia=name)


def _typefaces(document: DocumentObject, doc: RenderedDocument) -> None:
    """The municipality's typefaces as Word fonts every Windows and Mac has (Arial, Georgia),
    matching the PDF's (pipeline.model.fonts): the text's where the reference document names
    its font, the headings' in the styles of headings and the title page."""
    reference = fonts.TYPEFACES[fonts.DEFAULT].word
    body, headings = doc.design.typeface.word, doc.design.heading_typeface.word
    if body == headings == reference:
        return
    for named in list(document.styles.element.iter(qn("w:rFonts"))):
        if named.get(qn("w:ascii")) == reference:
            properties = named.getparent()
            assert properties is not None
            _set_font(properties, body)
    for style in document.styles:
        if style.style_id in HEADING_STYLES:
            _set_font(style.element.get_or_add_rPr(), headings)


def _cover_lines(document: DocumentObject, doc: RenderedDocument) -> None:
    """The title page's line under the title (in the accent colour) and its note, as on the
    PDF's title page."""
    design = doc.design
    if not doc.title_page or not (design.cover_line or design.cover_note):
        return
    first = document.paragraphs[:8]
    by_style = {p.style.style_id: p for p in first if p.style is not None}
    subtitle = by_style.get("Subtitle") or by_style.get("Title")
    if design.cover_line and subtitle is not None:
        line = _paragraph_after(subtitle)
        run = line.add_run(design.cover_line)
        run.font.size, run.font.bold, run.font.color.rgb = Pt(13), True, _rgb(design.accent)
        if design.heading_typeface != design.typeface:  # as the title above it (PDF: titelschrift)
            run.font.name = design.heading_typeface.word
        line.paragraph_format.space_after = Pt(24)
    # the note stands above the author and the Fassung, as on the PDF's title page
    byline = next((p for p in first if p.style is not None and p.style.style_id in BYLINE_STYLES), None)
    if design.cover_note and (byline or subtitle) is not None:
        note = _paragraph_before(byline) if byline is not None else _paragraph_after(cast(Paragraph, subtitle))
        note.add_run(design.cover_note).font.size = Pt(10.5)
        note.paragraph_format.space_before = Pt(18)
        note.paragraph_format.space_after = Pt(12)


def _paragraph_before(paragraph: Paragraph) -> Paragraph:
    """A new body paragraph right before `paragraph`, aligned like it."""
    added = _paragraph_after(paragraph)
    paragraph._p.addprevious(added._p)
    return added


def _paragraph_after(paragraph: Paragraph) -> Paragraph:
    """A new body paragraph right after `paragraph`, aligned like it."""
    added = paragraph.insert_paragraph_before()
    paragraph._p.addnext(added._p)
    alignment, style = paragraph.alignment, paragraph.style
    while alignment is None and style is not None:  # as the style or the one it is based on sets it
        alignment, style = style.paragraph_format.alignment, style.base_style
    if alignment is not None:
        added.alignment = alignment
    return added


def _short(text: str, limit: int = 255) -> str:
    """Word's core properties hold at most 255 characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _properties(document: DocumentObject, doc: RenderedDocument) -> None:
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


CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every user-defined custom property carries.
USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


#: Custom properties pandoc writes from the title block's metadata.
PANDOC_LEFTOVERS = frozenset({"date", "subtitle", "toc-title"})


def _custom_properties(document: DocumentObject, identity: DocumentIdentity | None) -> None:
    """Add the file's identity to the custom properties pandoc wrote (or to new ones): Word and
    LibreOffice keep them when a reviewer saves the file, so review finds the build again."""
    if identity is None:
        return
    package = document.part.package
    root: etree._Element | None = None
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            del package.rels[rel_id]
    if root is None:
        root = etree.fromstring(f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}"/>')
    ours = set(identity.properties())
    # pandoc's leftovers of the title block ('date' held 'Fassung 2.0 · Stand …'): the core
    # properties and the title page say it (review of the drafts)
    for prop in [p for p in root if p.get("name") in ours | PANDOC_LEFTOVERS]:
        root.remove(prop)
    pid = max((int(p.get("pid", "1")) for p in root), default=1)
    for name, value in identity.properties().items():
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=USER_DEFINED, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def _table_text(document: DocumentObject) -> None:
    """Table cells use the smaller 'Tabellentext' style of the reference document (pandoc
    gives them the list style 'Compact', whatever style the tree asks for). Set in the XML:
    python-docx's style setter looks through every style for each paragraph."""
    style_id = next((s.style_id for s in document.styles if s.name == "Tabellentext"), None)
    if style_id is None:
        return
    merge_path, style_path = f"{qn('w:tcPr')}/{qn('w:vMerge')}", f"{qn('w:pPr')}/{qn('w:pStyle')}"
    for table in document.element.body.iterchildren(TBL):
        if is_form_table(table):
            continue  # its fields keep their own styles (_form_tables)
        for row in table.iterchildren(TR):
            for cell in row.iterchildren(TC):
                merge = cell.find(merge_path)
                if merge is not None and merge.get(VAL, "continue") == "continue":
                    continue  # a merged cell's content is in the cell above
                for paragraph in cell.iterchildren(P):
                    style = paragraph.find(style_path)
                    if style is not None:
                        style.set(VAL, style_id)
                    else:
                        set_child(paragraph_properties(paragraph), "pStyle", val=style_id)


def _one_body_style(document: DocumentObject) -> None:
    """The paragraph after a heading in the body style too: pandoc gives it 'First Paragraph'
    (Erster Absatz), which looks the same as 'Body Text' (Textkörper) – two look-alike styles in
    use, and a colleague could not tell which to pick (review of the drafts)."""
    for style in document.element.body.iter(qn("w:pStyle")):  # each paragraph's, found directly
        if style.get(VAL) == "FirstParagraph":
            style.set(VAL, "BodyText")


def _no_code_styles(document: DocumentObject) -> None:
    """Without pandoc's styles for program code ('Source Code' and some 30 '…Tok' styles): the
    documents hold no code, and these English names filled Word's style list (review of the
    drafts). Kept where a run uses one, so nothing loses its look."""
    styles = document.styles.element
    used = {style.get(VAL) for style in document.element.body.iter(qn("w:rStyle"), qn("w:pStyle"))}
    for style in list(styles.iterchildren(qn("w:style"))):
        style_id = style.get(qn("w:styleId")) or ""
        if (style_id == "SourceCode" or style_id.endswith("Tok")) and style_id not in used:
            styles.remove(style)


def _form_tables(document: DocumentObject) -> None:
    """Rows of form fields (:func:`is_form_table`): no borders, no cell margin but the gap after
    each field but the last (:data:`FORM_FIELD_GAP`; the columns, docx_pages.fit_columns), the
    lines at the foot of their row, so that each field's line and label stand as they do one under
    the other and the lines of a row stay level."""
    for table in document.element.body.iter(TBL):
        if not is_form_table(table):
            continue
        properties = table.find(qn("w:tblPr"))
        if properties is None:
            continue
        borders = element("tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(element(edge, val="nil"))
        insert_ordered(properties, borders)
        margins = element("tblCellMar")
        for edge, width in (("top", 0), ("left", 0), ("bottom", 0), ("right", FORM_FIELD_GAP)):
            margins.append(element(edge, w=str(width), type="dxa"))
        insert_ordered(properties, margins)
        for number, row in enumerate(table.iterchildren(TR)):
            row_cells = list(row.iterchildren(TC))
            for cell in row_cells:
                cell_properties = cell.find(qn("w:tcPr"))
                if cell_properties is None:
                    cell_properties = insert_ordered(cell, element("tcPr"))
                if cell is row_cells[-1]:
                    cell_margins = insert_ordered(cell_properties, element("tcMar"))
                    cell_margins.append(element("right", w="0", type="dxa"))
                if number == 0:  # the lines: at the row's foot, level whatever is written on them
                    set_child(cell_properties, "vAlign", val="bottom")
        _gap_kept(table)


#: The style of a field's label that keeps with what follows (inside a block kept together).
KEPT_LABEL = "Feldbezeichnung"


def _gap_kept(table: etree._Element) -> None:
    """The empty paragraph pandoc puts between two rows of fields keeps with the next row where
    the labels before it do (a block kept together): the fifth Sozialraum's lines stood alone on
    the next page of Neuhafen's Kooperationsvereinbarung."""
    gap = table.getnext()
    rows = list(table.iterchildren(TR))
    if gap is None or gap.tag != P or text_of(gap).strip() or not rows:
        return
    following = gap.getnext()
    if following is None or following.tag != TBL:
        return
    labels = [p for p in rows[-1].iter(P) if style_of(p) == KEPT_LABEL]
    if labels:
        insert_ordered(paragraph_properties(gap), element("keepNext"))


def _compact_wide_tables(document: DocumentObject, min_columns: int = WIDE_TABLE_COLUMNS + 1) -> None:
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
        insert_ordered(table._tbl.tblPr, margins)
        size = str(round(wide_table_points(len(table.columns)) * 2))  # half points, as in the PDF
        for run in table._tbl.iter(R):  # in the XML: python-docx's cells and fonts cost a second
            set_child(run_properties(run), "sz", val=size)


class _StampedZip:
    """Where python-docx's package writer puts the parts: a zip whose entries all carry the
    same time, so equal inputs give equal bytes. Written once, compressed once (saving and then
    rewriting the package with fixed times compressed everything twice)."""

    def __init__(self, out: io.BytesIO, stamp: datetime) -> None:
        self._zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
        self._when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self._when)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        self._zip.writestr(entry, blob)

    def close(self) -> None:
        self._zip.close()


def _saved(document: DocumentObject, stamp: datetime) -> bytes:
    """The Word file's bytes, as python-docx's own save writes them but with fixed entry times
    (:class:`_StampedZip`); the parts in python-docx's order, so the bytes stay as before."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    writer = _StampedZip(out, stamp)
    # PackageWriter.write's three steps (unchanged since python-docx 0.8), given this writer;
    # they are untyped and expect python-docx's own, whose entry times cannot be set.
    steps: Any = PackageWriter
    steps._write_content_types_stream(writer, parts)
    steps._write_pkg_rels(writer, package.rels)
    steps._write_parts(writer, parts)
    writer.close()
    return out.getvalue()


def _logo(document: DocumentObject, doc: RenderedDocument) -> None:
    """The logo right-aligned above the title, in the same box as on the PDF's title page,
    with its alternative text for screen readers."""
    if doc.logo is None:
        return
    paragraph = document.paragraphs[0].insert_paragraph_before()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(logo_png(doc.logo)), width=Cm(LOGO_WIDTH_CM), height=Cm(LOGO_HEIGHT_CM))
    properties = run._r.find(f".//{qn('wp:docPr')}")
    assert properties is not None  # add_picture always writes the drawing's docPr
    properties.set("name", "Logo")
    properties.set("descr", doc.logo_alt)


#: Word's own text watermark: a VML shape behind the text, placed by the header of every page.
WATERMARK_STYLE = ";".join(
    (
        "position:absolute",
        "margin-left:0",
        "margin-top:0",
        "width:470pt",
        "height:118pt",
        "rotation:315",
        "z-index:-251657216",
        "mso-position-horizontal:center",
        "mso-position-horizontal-relative:margin",
        "mso-position-vertical:center",
        "mso-position-vertical-relative:margin",
    )
)
WATERMARK = f"""<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<w:pPr><w:pStyle w:val="header"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/>
<v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>
<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>
<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>
<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject1" type="#_x0000_t136" o:allowincell="f" fillcolor="#c81e1e"
 stroked="f" style="{WATERMARK_STYLE}"><v:fill opacity=".25"/>
<v:textpath style="font-family:&quot;Source Sans Pro&quot;;font-size:1pt;font-weight:bold"
 string="ENTWURF"/></v:shape></w:pict></w:r></w:p>"""


def _draft_marks(document: DocumentObject, doc: RenderedDocument) -> None:
    """Drafts: 'ENTWURF' across every page and numbered lines, so reviewers can cite
    'Seite 12, Zeile 30'. The final build has neither."""
    if not doc.draft:
        return
    section = document.sections[-1]
    headers = [section.header, section.first_page_header]
    for header in headers:
        header.is_linked_to_previous = False
        header.paragraphs[0].style = document.styles["Header"]  # python-docx's new part names a style id 'Header'
        # the shape in the header's first paragraph, under the id Word gives its own watermarks:
        # Word's watermark dialog then finds and removes it, and no empty line is added to the
        # header (review of the drafts)
        (run,) = parse_xml(WATERMARK).findall(qn("w:r"))
        header.paragraphs[0]._p.append(run)
    numbers = OxmlElement("w:lnNumType")
    numbers.set(qn("w:countBy"), "1")
    # counted per page, as feedback cites them ('Seite 12, Zeile 30'): numbers running through the
    # whole document reached 1310 on page 50 (review of the drafts)
    numbers.set(qn("w:restart"), "newPage")
    insert_ordered(section._sectPr, numbers)


def _png_fallbacks(document: DocumentObject, doc: RenderedDocument) -> None:
    """pandoc embeds SVG figures in a form only Word 2016 and later can show; a PNG of the same
    figure in the same picture lets every other program show it too."""
    figures = {f.name: f for f in doc.figures}
    added = 0
    for picture in document.element.body.iter(qn("pic:pic")):
        properties = picture.find(f"{qn('pic:nvPicPr')}/{qn('pic:cNvPr')}")
        blip = picture.find(f".//{qn('a:blip')}")
        figure = figures.get(properties.get("descr", "")) if properties is not None else None
        if figure is None or blip is None or blip.get(qn("r:embed")):
            continue
        added += 1
        # a part of its own: python-docx's get_or_add_image hashes every image already in the file
        # for each one it adds (7 s for the large figures of 5,000 measures); each PNG here is new
        png = Part(PackURI(f"/word/media/abbildung{added}.png"), CT.PNG, figure_png(figure), document.part.package)
        blip.set(qn("r:embed"), document.part.relate_to(png, RT.IMAGE))
        properties.set("descr", figure.alt)


#: The styles :mod:`.to_pandoc` gives the paragraphs of forms and of a paper's head block: (keep with the next
#: paragraph, space before, space after, small grey type, a line under the paragraph). A line
#: to write on has 12 pt above its own line of text, about 8 mm as in the PDF (2.3 em); with
#: more, the one-page Beitrittserklärung ran onto a second page in Word.
FORM_STYLES: dict[str, tuple[bool, float, float, bool, bool]] = {
    "Zusammenhalten": (True, 0, 4, False, False),
    "Zusammenhalten mit Abstand": (True, 24, 4, False, False),
    "Abstand davor": (False, 24, 4, False, False),
    "Ausfüllzeile": (True, 12, 1, False, True),
    "Feldbezeichnung": (True, 0, 4, True, False),
    "Feldbezeichnung Ende": (False, 0, 6, True, False),
    "Ankreuzfeld": (False, 0, 3, False, False),
    "Kopfangabe": (False, 0, 3, False, False),
}
#: Where the value of a head-block line starts (the PDF's first column, 4,2 cm, and its gap).
HEAD_VALUE_INDENT = Cm(4.5)


def _line_below(paragraph_properties: etree._Element) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    insert_ordered(paragraph_properties, borders)


def _form_styles(document: DocumentObject) -> None:
    """Lines to fill in with their labels under them, kept with what belongs to them, and boxes to
    tick: pandoc creates the styles the document tree names from 'Normal'; here they get their look."""
    present = {s.name: s for s in document.styles}
    for name, (keep, before, after, small, line) in FORM_STYLES.items():
        style = present.get(name)
        if style is None:
            continue
        paragraph = style.paragraph_format
        paragraph.keep_with_next = keep
        paragraph.keep_together = True
        paragraph.space_before = Pt(before)
        paragraph.space_after = Pt(after)
        if small:
            style.font.size = Pt(8.5)
            style.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        if line:
            _line_below(style.element.get_or_add_pPr())
        if small or line:  # a field's entry and label are never hyphenated, as in the PDF
            insert_ordered(style.element.get_or_add_pPr(), element("suppressAutoHyphens"))
        if name == "Ankreuzfeld":
            paragraph.left_indent = Cm(0.6)
            paragraph.first_line_indent = Cm(-0.6)
            _gap_to_margin(document, paragraph)
        if name == "Kopfangabe":  # label, tab, value; a value's second line under its first
            paragraph.left_indent = HEAD_VALUE_INDENT
            paragraph.first_line_indent = -HEAD_VALUE_INDENT
            paragraph.tab_stops.add_tab_stop(HEAD_VALUE_INDENT)


#: The box a form's paragraph begins with (templates/_formular.html.j2), and Word's ticked box.
BOX, TICKED_BOX = "\u2610", "\u2612"
#: The font Word itself gives a check box's two glyphs.
BOX_FONT = "MS Gothic"


def _checkbox(box_run: etree._Element) -> etree._Element:
    """A check box content control (Office 2010, w14) around a run showing the empty box."""
    control = element("sdt")
    properties = element("sdtPr")
    checkbox = OxmlElement("w14:checkbox")
    checkbox.append(_w14("checked", val="0"))
    checkbox.append(_w14("checkedState", val=f"{ord(TICKED_BOX):04X}", font=BOX_FONT))
    checkbox.append(_w14("uncheckedState", val=f"{ord(BOX):04X}", font=BOX_FONT))
    properties.append(checkbox)
    content = element("sdtContent")
    content.append(box_run)
    control.extend([properties, content])
    return control


def _w14(tag: str, **attributes: str) -> etree._Element:
    made = OxmlElement(f"w14:{tag}")
    for key, value in attributes.items():
        made.set(qn(f"w14:{key}"), value)
    return made


def _checkboxes(document: DocumentObject) -> None:
    """The box at the start of every "Ankreuzfeld" paragraph becomes Word's check box: one click
    ticks it, where a typed '☐' had to be overwritten by hand (users filling the consent form on
    screen); printed it is the same box as in the PDF, and the paragraph's text stays the same."""
    boxes = [s for s in document.element.body.iter(qn("w:pStyle")) if s.get(VAL) == "Ankreuzfeld"]
    for style in boxes:
        properties = style.getparent()
        p = properties.getparent() if properties is not None else None
        if p is None or p.tag != P:
            continue
        first = next((t for t in p.iter(qn("w:t")) if t.text), None)
        if first is None or not first.text.startswith(BOX) or local(first.getparent()) != "r":
            continue
        text_run = first.getparent()
        box_run = element("r")
        formatting = text_run.find(qn("w:rPr"))
        if formatting is not None:
            box_run.append(copy.deepcopy(formatting))
        box_run.append(element("t", BOX))
        first.text = first.text.removeprefix(BOX)
        first.set(qn("xml:space"), "preserve")
        text_run.addprevious(_checkbox(box_run))


#: The styles that give a block room before it (FORM_STYLES).
_SPACED_STYLES = frozenset({"ZusammenhaltenmitAbstand", "Abstanddavor"})


def _no_room_under_headings(document: DocumentObject) -> None:
    """A spaced block right under a heading ('Unterschriften' of the agreement) takes the
    heading's own gap, not twice as much: the PDF's block spacing does not add up either."""
    for p in document.element.body.iterchildren(qn("w:p")):
        preceding = p.getprevious()
        if style_of(p) in _SPACED_STYLES and preceding is not None and style_of(preceding).startswith("Heading"):
            set_child(paragraph_properties(p), "spacing", before="0")


def _sub_bullets(document: DocumentObject) -> None:
    """pandoc's bullet lists mark the second level with Word's default, an "o" in Courier New,
    which looks like a typewriter in the middle of the text; a dash in the text's own typeface is
    what German administrations use ("davon" lines under an amount)."""
    parts = [r.target_part for r in document.part.rels.values() if r.reltype == RT.NUMBERING]
    for level in (lvl for part in parts for lvl in part.element.iter(qn("w:lvl"))):
        text = level.find(qn("w:lvlText"))
        fonts = level.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if text is not None and text.get(qn("w:val")) == "o" and fonts is not None:
            text.set(qn("w:val"), "–")
            properties = fonts.getparent()
            properties.remove(fonts)
            if not len(properties):
                level.remove(properties)


#: An e-mail or web address in a paragraph's text.
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|https?://|www\.")
#: Paragraphs one of whose runs holds a piece every address has ('@', 'http', 'www').
_MAY_HOLD_ADDRESS = './/w:p[.//w:t[contains(., "@") or contains(., "http") or contains(., "www")]]'


def _addresses_unhyphenated(document: DocumentObject) -> None:
    """Word hyphenates an e-mail address like a word ('daten-|schutz@…'), and whoever copies it
    copies the hyphen: a paragraph holding an address is not hyphenated (the PDF never breaks one)."""
    # only paragraphs with a run that could hold part of an address are read whole (XPath in C)
    for p in document.element.body.xpath(_MAY_HOLD_ADDRESS):
        if _ADDRESS.search(text_of(p)):
            properties = paragraph_properties(p)
            if properties.find(qn("w:suppressAutoHyphens")) is None:
                insert_ordered(properties, element("suppressAutoHyphens"))


def _non_breaking_hyphens(document: DocumentObject) -> None:
    """An Ergänzungsstrich ('Ärztinnen und -ärzte') or a non-breaking hyphen of the inputs as
    Word's own non-breaking hyphen (w:noBreakHyphen, what Strg+Umschalt+Minus inserts): Word
    shows it in every font and never ends a line on it ('und -' / 'ärzte')."""
    for text in list(document.element.body.iter(qn("w:t"))):
        parts = suffix_hyphens_unbroken(text.text or "").split(NB_HYPHEN)
        if len(parts) == 1:
            continue
        text.text, anchor = parts[0], text
        for part in parts[1:]:
            anchor.addnext(hyphen := OxmlElement("w:noBreakHyphen"))
            anchor = hyphen
            if part:
                anchor.addnext(rest := OxmlElement("w:t", {qn("xml:space"): "preserve"}))
                rest.text, anchor = part, rest
        if not parts[0]:
            cast(etree._Element, text.getparent()).remove(text)


#: Room for the number of a numbered list item in twips (0,8 cm): '13.' fits with a gap before
#: the text; pandoc's 360 twips let two-digit numbers run into it ('13.Wie wird …').
NUMBER_ROOM = 454


def _number_room(document: DocumentObject) -> None:
    """Numbered lists hang their text far enough right for two-digit numbers."""
    parts = [r.target_part for r in document.part.rels.values() if r.reltype == RT.NUMBERING]
    for level in (lvl for part in parts for lvl in part.element.iter(qn("w:lvl"))):
        kind, indent = level.find(qn("w:numFmt")), level.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        if kind is None or kind.get(qn("w:val")) != "decimal" or indent is None:
            continue
        left, hanging = int(indent.get(qn("w:left"), "0")), int(indent.get(qn("w:hanging"), "0"))
        if 0 < hanging < NUMBER_ROOM <= left:
            indent.set(qn("w:hanging"), str(NUMBER_ROOM))


def _gap_to_margin(document: DocumentObject, paragraph: ParagraphFormat) -> None:
    """A gap to fill in ('Name/Ort: ____') is a tab to the right margin that a line fills, so
    it is as long in Word as in the PDF, whatever the text before it."""
    section = document.sections[-1]
    page_width, left, right = section.page_width, section.left_margin, section.right_margin
    assert page_width is not None and left is not None and right is not None
    paragraph.tab_stops.add_tab_stop(page_width - left - right, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)


def _structure(document: DocumentObject, doc: RenderedDocument) -> None:
    """Numbered headings, captions with SEQ fields, chapter references as REF fields, the table
    of contents with the lists of tables and figures (:mod:`.docx_structure`)."""
    ids = next_bookmark_id(document.element)
    if doc.numbered:
        docx_structure.number_headings(document)
    headings = docx_structure.headings(document, doc.numbered, ids, doc.unnumbered_headings)
    captions = docx_structure.captions(document, ids)
    docx_structure.chapter_references(document, headings, ids)
    if doc.toc:
        docx_structure.table_of_contents(document, headings, captions)
    docx_structure.hyphenation(document)
    docx_structure.current_layout(document)


def _pages(document: DocumentObject, doc: RenderedDocument) -> None:
    """Landscape sections, rows kept whole, columns wide enough (:mod:`.docx_pages`)."""
    page = document.sections[-1]
    assert page.page_height is not None and page.left_margin is not None and page.right_margin is not None
    landscape = page.page_height - page.left_margin - page.right_margin
    docx_pages.fit_columns(document, _body_width(page).twips, Length(landscape).twips, doc.design.typeface.word)

    def footer(paragraph: Paragraph, width: int) -> None:
        _page_footer(paragraph, document, doc, width)

    docx_pages.landscape_sections(document, footer, _body_width)
    docx_pages.breaks_before(document)
    docx_pages.table_rows(document)
    docx_pages.space_after_tables(document)
    docx_pages.lead_ins(document)
    docx_pages.head_blocks(document)
    docx_pages.list_ends(document)


def finish_docx(raw: bytes, doc: RenderedDocument, identity: DocumentIdentity | None = None) -> bytes:
    document = Document(io.BytesIO(raw))
    _logo(document, doc)
    _design_styles(document, doc)
    _typefaces(document, doc)
    _cover_lines(document, doc)
    _frame(document, doc)
    _draft_marks(document, doc)
    _title_block_left(document, doc)
    _byline_spacing(document, doc)
    _properties(document, doc)
    _structure(document, doc)
    _table_text(document)
    _one_body_style(document)
    _no_code_styles(document)
    _form_tables(document)
    _compact_wide_tables(document)
    _checkboxes(document)
    _form_styles(document)  # before the pages: the gap after a table reads the styles' spacing
    _no_room_under_headings(document)
    _pages(document, doc)
    _sub_bullets(document)
    _number_room(document)
    _addresses_unhyphenated(document)
    _non_breaking_hyphens(document)
    _png_fallbacks(document, doc)
    _custom_properties(document, identity)
    saved = _saved(document, datetime.combine(doc.date, time(0, 0)))
    if len(document.element.body) > LARGE_DOCUMENT_BLOCKS:
        del document
        gc.collect()
    return saved


#: Blocks of a Word file above which its tree is given back at once: python-docx's parts and
#: package refer to each other, so the tree waits for the garbage collector – for a concept of 500
#: measures (about 100 MB; 12,500 blocks, the example has 1,500) while the next ones are made. A
#: collection takes about 0.1 s; for a small file it would cost more than it frees.
LARGE_DOCUMENT_BLOCKS = 5000
