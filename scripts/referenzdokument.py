"""Builds templates/referenz.docx, the Word style sheet pandoc uses for every document.

Run `python scripts/referenzdokument.py` after changing a style here; the result is committed so
builds need no extra step. Start: pandoc's own reference document; then a sober administrative
look: Arial, dark-blue headings, A4 with 2.5 cm margins, tables with a shaded header row.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.export.ooxml import element, insert_ordered  # noqa: E402
from pipeline.export.pandoc import pandoc_path  # noqa: E402

TARGET = Path(__file__).resolve().parent.parent / "templates" / "referenz.docx"
FONT = "Arial"
BLUE = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x59, 0x59, 0x59)


def _fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for kind in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(kind), FONT)


def _style(doc, name, kind=WD_STYLE_TYPE.PARAGRAPH, base=None):
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, kind)
        if base:
            style.base_style = doc.styles[base]
        return style


def _paragraph(
    doc, name, size=None, bold=None, color=None, before=None, after=None, italic=None, keep=None, line=None
):
    style = _style(doc, name)
    font = style.font
    font.name = FONT
    _fonts(style.element.get_or_add_rPr())
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if color is not None:
        font.color.rgb = color
    fmt = style.paragraph_format
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep is not None:
        fmt.keep_with_next = keep
    if line is not None:
        fmt.line_spacing = line
    return style


def _table_style(doc) -> None:
    """Grid lines and a shaded, bold header row for pandoc's table style 'Table'."""
    style = doc.styles["Table"]
    el = style.element
    for old in el.findall(qn("w:tblPr")) + el.findall(qn("w:tblStylePr")):
        el.remove(old)
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "A6A6A6")
        borders.append(b)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", "40"), ("left", "80"), ("bottom", "40"), ("right", "80")):
        m = OxmlElement(f"w:{edge}")
        m.set(qn("w:w"), width)
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tbl_pr.append(margins)
    el.append(tbl_pr)
    for kind, fill in (("firstRow", "DCE6F0"), ("lastRow", "F2F2F2")):
        cond = OxmlElement("w:tblStylePr")
        cond.set(qn("w:type"), kind)
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        cond.append(rpr)
        tcpr = OxmlElement("w:tcPr")
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcpr.append(shd)
        cond.append(tcpr)
        el.append(cond)


#: Text width of the portrait page (A4 less 2 × 2.5 cm): where page numbers in directories stand.
TEXT_WIDTH = Cm(16)


def _toc_styles(doc) -> None:
    """Directory entries: the number in a hanging indent, the title, dots to the page number
    flush right (Word writes the page number when it updates the field)."""
    for level, indent, hanging in ((1, 0, 0.75), (2, 0.75, 1.0), (3, 1.75, 1.25)):
        style = _paragraph(doc, f"toc {level}", size=11 if level == 1 else 10.5, bold=(level == 1), after=3)
        style.element.set(qn("w:styleId"), f"TOC{level}")
        style.base_style = doc.styles["Normal"]
        _entry_layout(style, Cm(indent + hanging), Cm(hanging))
    figures = _paragraph(doc, "table of figures", size=10.5, after=3)
    figures.element.set(qn("w:styleId"), "TableofFigures")
    figures.base_style = doc.styles["Normal"]
    _entry_layout(figures, Cm(0), Cm(0))


def _entry_layout(style, left, hanging) -> None:
    fmt = style.paragraph_format
    fmt.left_indent = left
    fmt.first_line_indent = -hanging
    if hanging:
        fmt.tab_stops.add_tab_stop(left)
    fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


#: pandoc's English style names → German ones, as Word's style list shows them (Word itself
#: shows its built-in styles – Standard, Überschrift 1, Textkörper – in the user's language).
GERMAN_NAMES = {
    "FirstParagraph": "Erster Absatz",
    "Compact": "Kompakt",
    "TableCaption": "Tabellenbeschriftung",
    "ImageCaption": "Abbildungsbeschriftung",
    "Figure": "Abbildung",
    "CaptionedFigure": "Abbildung mit Beschriftung",
    "Author": "Verfasser",
    "AbstractTitle": "Zusammenfassung Titel",
    "Abstract": "Zusammenfassung",
    "DefinitionTerm": "Begriff",
    "Definition": "Begriffserklärung",
    "SourceCode": "Quelltext",
    "VerbatimChar": "Quelltext Zeichen",
    "SectionNumber": "Abschnittsnummer",
    "Table": "Tabelle mit Kopfzeile",
    "BodyTextChar": "Textkörper Zeichen",
    "TitleChar": "Titel Zeichen",
    "SubtitleChar": "Untertitel Zeichen",
    "FootnoteBlockText": "Fußnote Block",
    **{f"Heading{n}Char": f"Überschrift {n} Zeichen" for n in range(1, 10)},
}


def _german_names(doc) -> None:
    for style in doc.styles.element.iterchildren(qn("w:style")):
        name = GERMAN_NAMES.get(style.get(qn("w:styleId")))
        if name:
            style.find(qn("w:name")).set(qn("w:val"), name)


def _normal_table(doc) -> None:
    """Word's built-in 'Normal Table' (TableNormal), which pandoc's table style is based on but
    its reference document lacks."""
    styles = doc.styles.element
    if any(s.get(qn("w:styleId")) == "TableNormal" for s in styles.iterchildren(qn("w:style"))):
        return
    styles.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="table" w:default="1" w:styleId="TableNormal">'
            '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr></w:style>"
        )
    )


def _language(doc) -> None:
    """German text, hyphenated: the default language of every run."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "de-DE")


def build() -> bytes:
    raw = subprocess.run(
        [pandoc_path(), "--print-default-data-file", "reference.docx"], check=True, capture_output=True
    ).stdout
    doc = Document(io.BytesIO(raw))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    _fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))

    _paragraph(doc, "Normal", size=10.5)
    for name in ("Body Text", "First Paragraph"):
        _paragraph(doc, name, size=10.5, before=0, after=6, line=1.15)
    # list items in the body's size and leading, as in the PDF; no gap between items of a list
    # (contextual spacing), the body's gap after the list, so the next paragraph does not stick to it
    compact = _paragraph(doc, "Compact", size=10.5, before=0, after=6, line=1.15)
    insert_ordered(compact.element.get_or_add_pPr(), element("contextualSpacing"))
    table_text = _paragraph(doc, "Tabellentext", size=9, before=0, after=0, line=1.0)
    table_text.base_style = doc.styles["Compact"]
    _paragraph(doc, "Title", size=26, bold=True, color=BLUE, before=120, after=12)
    _paragraph(doc, "Subtitle", size=18, bold=False, color=BLUE, before=0, after=36)
    _paragraph(doc, "Author", size=11, color=GREY, after=4)
    _paragraph(doc, "Date", size=11, color=GREY, after=4)
    _paragraph(doc, "Heading 1", size=16, bold=True, color=BLUE, before=24, after=8, keep=True)
    _paragraph(doc, "Heading 2", size=13, bold=True, color=BLUE, before=14, after=6, keep=True)
    _paragraph(doc, "Heading 3", size=11, bold=True, color=BLUE, before=10, after=4, keep=True)
    _paragraph(doc, "TOC Heading", size=16, bold=True, color=BLUE, before=0, after=12)
    # Word's own caption style ('Beschriftung', what *Beschriftung einfügen* uses) looks like the
    # generated captions, so a caption a colleague adds matches them (review of the drafts)
    _paragraph(doc, "Caption", size=9.5, bold=True, italic=False, color=GREY, before=4, after=10)
    _paragraph(doc, "Table Caption", size=9.5, bold=True, italic=False, color=GREY, before=10, after=4, keep=True)
    _paragraph(doc, "Captioned Figure", keep=True)  # a figure never parts from its caption below
    _paragraph(doc, "Image Caption", size=9.5, bold=True, italic=False, color=GREY, before=4, after=10)
    _paragraph(doc, "Header", size=8.5, color=GREY)
    _paragraph(doc, "Footer", size=8.5, color=GREY)
    _toc_styles(doc)
    _table_style(doc)
    _normal_table(doc)
    _german_names(doc)
    _language(doc)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.2)
    section.gutter = Cm(0)  # the schema requires all seven margins

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


if __name__ == "__main__":
    TARGET.write_bytes(build())
    print(f"geschrieben: {TARGET}")
