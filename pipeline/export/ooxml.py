"""WordprocessingML pieces the finishing steps share: element order, fields, bookmarks.

Word refuses or "repairs" a file whose elements stand in another order than ISO/IEC 29500
(transitional) prescribes, so every element the finishing steps add goes in through
:func:`insert_ordered`, with the sequence of its parent copied from the schema (wml.xsd). Only
the parents the finishing steps touch are listed; ``tests/test_ooxml_schema.py`` checks every
generated file against these sequences.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Iterator
from typing import cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Names the passes over every table cell look for, computed once (qn per cell was a hot spot).
TBL, TR, TC, P, VAL = (qn(f"w:{name}") for name in ("tbl", "tr", "tc", "p", "val"))
R, RPR = qn("w:r"), qn("w:rPr")
#: Tags the helpers below look for in every paragraph, made once (qn parses its argument each call).
_T, _TAB, _NO_BREAK_HYPHEN, _PPR = (qn(f"w:{name}") for name in ("t", "tab", "noBreakHyphen", "pPr"))
_STYLE = f"{_PPR}/{qn('w:pStyle')}"
_W_PREFIX = f"{{{W_NS}}}"

#: Child sequences of the complex types the finishing steps change (ISO/IEC 29500-1:2016
#: transitional, wml.xsd), by the parent's local name. Choices inside a sequence share a place.
SEQUENCES: dict[str, tuple[str | tuple[str, ...], ...]] = {
    # CT_SectPr: EG_HdrFtrReferences, then EG_SectPrContents, then sectPrChange
    "sectPr": (
        ("headerReference", "footerReference"),
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ),
    # CT_TblPr (CT_TblPrBase and tblPrChange)
    "tblPr": (
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    ),
    # CT_PPr (CT_PPrBase, then rPr, sectPr, pPrChange)
    "pPr": (
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ),
    # CT_Style
    "style": (
        "name",
        "aliases",
        "basedOn",
        "next",
        "link",
        "autoRedefine",
        "hidden",
        "uiPriority",
        "semiHidden",
        "unhideWhenUsed",
        "qFormat",
        "locked",
        "personal",
        "personalCompose",
        "personalReply",
        "rsid",
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "tblStylePr",
    ),
    # CT_Settings, as far as pandoc's and python-docx's settings use it
    "settings": (
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
        "trackRevisions",
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ),
    # CT_Numbering
    "numbering": ("numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"),
    # CT_AbstractNum and CT_Lvl
    "abstractNum": ("nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"),
    "lvl": (
        "start",
        "numFmt",
        "lvlRestart",
        "pStyle",
        "isLgl",
        "suff",
        "lvlText",
        "lvlPicBulletId",
        "legacy",
        "lvlJc",
        "pPr",
        "rPr",
    ),
    # CT_RPr: EG_RPrBase, then rPrChange
    "rPr": (
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
        "rPrChange",
    ),
    # CT_Row: tblPrEx, trPr, then the cells
    "tr": ("tblPrEx", "trPr", ("tc", "customXml", "sdt", "bookmarkStart", "bookmarkEnd", "proofErr")),
    # CT_Tc: tcPr, then the cell's blocks
    "tc": ("tcPr", ("p", "tbl", "customXml", "sdt", "bookmarkStart", "bookmarkEnd", "proofErr")),
    # CT_TcPr (CT_TcPrBase and tcPrChange)
    "tcPr": (
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
        "headers",
        "cellIns",
        "cellDel",
        "cellMerge",
        "tcPrChange",
    ),
    # CT_Tbl: EG_RangeMarkupElements*, tblPr, tblGrid, rows
    "tbl": (("bookmarkStart", "bookmarkEnd"), "tblPr", "tblGrid", ("tr", "customXml", "sdt")),
}

#: Attributes the schema requires, by element (CT_PageMar: all seven margins).
REQUIRED_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "pgMar": ("top", "right", "bottom", "left", "header", "footer", "gutter"),
}


def local(element: etree._Element) -> str:
    """The local name of a WordprocessingML element ('pPr'), '' for other namespaces."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith(_W_PREFIX):
        return ""
    return tag.split("}", 1)[1]


def _place(sequence: tuple[str | tuple[str, ...], ...], name: str) -> int | None:
    for index, entry in enumerate(sequence):
        if name == entry or (isinstance(entry, tuple) and name in entry):
            return index
    return None


def insert_ordered(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Insert `child` where the schema puts it among `parent`'s children (after those that come
    earlier or at the same place, before the first that comes later); returns the child."""
    sequence = SEQUENCES[local(parent)]
    place = _place(sequence, local(child))
    if place is None:
        raise ValueError(f"{local(child)} is not a child of {local(parent)}")
    for existing in parent:
        other = _place(sequence, local(existing))
        if other is not None and other > place:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def set_child(parent: etree._Element, tag: str, /, **attributes: str) -> etree._Element:
    """The one child `tag` of `parent` with these w: attributes, replacing an earlier one."""
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    child = element(tag, **attributes)
    return insert_ordered(parent, child)


def run_properties(run_element: etree._Element) -> etree._Element:
    """A run's w:rPr, made as its first child where it has none."""
    return _properties(run_element, RPR, "rPr")


def paragraph_properties(paragraph_element: etree._Element) -> etree._Element:
    """A paragraph's w:pPr, made as its first child where it has none."""
    return _properties(paragraph_element, _PPR, "pPr")


def _properties(owner: etree._Element, tag: str, name: str) -> etree._Element:
    """The properties element (`tag`, local `name`) that the schema puts first in `owner`."""
    properties = owner.find(tag)
    if properties is None:
        properties = element(name)
        owner.insert(0, properties)
    return properties


def element(tag: str, text: str | None = None, /, **attributes: str) -> etree._Element:
    """A w: element with w: attributes (``val="x"`` → ``w:val="x"``)."""
    made = OxmlElement(f"w:{tag}")
    for key, value in attributes.items():
        made.set(qn(f"w:{key}"), value)
    if text is not None:
        made.text = text
        if text != text.strip():
            made.set(qn("xml:space"), "preserve")
    return made


def run(text: str | None = None, *children: etree._Element, style: str | None = None) -> etree._Element:
    """A run with an optional character style, its text (or other run content)."""
    made = element("r")
    if style:
        properties = element("rPr")
        properties.append(element("rStyle", val=style))
        made.append(properties)
    if text is not None:
        made.append(_text(text))
    for child in children:
        made.append(child)
    return made


def _text(text: str) -> etree._Element:
    made = OxmlElement("w:t")
    made.text = text
    made.set(qn("xml:space"), "preserve")
    return made


def field(
    instruction: str,
    cached: str,
    *,
    dirty: bool = False,
    style: str | None = None,
    formatting: etree._Element | None = None,
) -> list[etree._Element]:
    """The runs of a complex field (begin, instruction, separate, cached result, end): Word shows
    the cached result until it updates the field; `dirty` asks Word to update it on opening;
    `formatting` (run properties) is every run's, the field code's too: LibreOffice (and Word
    without MERGEFORMAT) sets the result as its code's first character ('Kapitel 5' in a bold
    lead-in showed its number in regular type)."""
    begin = element("fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    runs = [
        run(None, begin),
        run(None, element("instrText", f" {instruction} ")),
        run(None, element("fldChar", fldCharType="separate")),
        run(cached, style=style),
        run(None, element("fldChar", fldCharType="end")),
    ]
    if formatting is not None:
        for piece in runs:
            _formatted(piece, copy.deepcopy(formatting))
    return runs


def _formatted(piece: etree._Element, formatting: etree._Element) -> None:
    """A run with these properties besides its own (a character style stays first)."""
    present = piece.find(RPR)
    if present is None:
        piece.insert(0, formatting)
    else:
        present.extend(formatting)


def bookmark(paragraph: etree._Element, name: str, number: int) -> None:
    """A bookmark around the whole content of a paragraph (after its properties)."""
    start = element("bookmarkStart", id=str(number), name=name)
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(element("bookmarkEnd", id=str(number)))


#: The bookmarks' ids as strings: iterating the elements would wrap each in python-docx's class.
_BOOKMARK_IDS = etree.XPath("//w:bookmarkStart/@w:id", namespaces={"w": W_NS})


def next_bookmark_id(root: etree._Element) -> Iterator[int]:
    """Bookmark ids not yet used in the document, counting up."""
    ids = cast(list[str], _BOOKMARK_IDS(root))
    number = max((int(i) for i in ids), default=0)
    while True:
        number += 1
        yield number


def paragraph(style: str | None, contents: Iterable[etree._Element] = ()) -> etree._Element:
    """A paragraph with an optional paragraph style and its runs."""
    made = element("p")
    if style:
        properties = element("pPr")
        properties.append(element("pStyle", val=style))
        made.append(properties)
    for child in contents:
        made.append(child)
    return made


#: The style of a field's line to write on (pipeline/export/to_pandoc.py); a table whose first
#: cell begins with it is a row of form fields, laid out side by side, a gap (twips) after each
#: but the last, so that the lines end apart and the last ends at the margin, as in the PDF.
FORM_LINE_STYLE = "Ausfüllzeile"
FORM_FIELD_GAP = 340
_FIRST_PARAGRAPH = f"{TR}/{TC}/{P}"


def is_form_table(table: etree._Element, form_styles: Collection[str] = (FORM_LINE_STYLE,)) -> bool:
    """A row of form fields side by side: a table for the layout, not a table of data. Its first
    paragraph's style is one of `form_styles` (a returned draft may carry the style under another
    id than the build wrote)."""
    first = table.find(_FIRST_PARAGRAPH)
    return first is not None and style_of(first) in form_styles


_STYLE_DEFINITION, _STYLE_ID = qn("w:style"), qn("w:styleId")


def style_definition(styles: etree._Element, style_id: str) -> etree._Element | None:
    """The w:style of styles.xml with this id, None where there is none."""
    if not style_id:
        return None
    return next((s for s in styles.iterchildren(_STYLE_DEFINITION) if s.get(_STYLE_ID) == style_id), None)


def style_of(paragraph_element: etree._Element) -> str:
    """The style id of a paragraph ('' for none)."""
    style = paragraph_element.find(_STYLE)
    return style.get(VAL, "") if style is not None else ""


def text_of(paragraph_element: etree._Element) -> str:
    """The visible text of a paragraph: its w:t, tabs as tab characters, a non-breaking hyphen as
    the hyphen it shows."""
    parts = []
    for node in paragraph_element.iter(_T, _TAB, _NO_BREAK_HYPHEN):
        if node.tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif node.tag == _TAB:
            parent = node.getparent()
            if parent is not None and local(parent) == "r":
                parts.append("\t")
        else:
            parts.append(node.text or "")
    return "".join(parts)
