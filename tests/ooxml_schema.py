"""A focused schema check for the WordprocessingML the finishing steps write.

No package on the Python index ships the ISO/IEC 29500 transitional XSDs, so this checks what
the finishing steps touch against the sequences copied from them (``pipeline.export.ooxml``):
the order of the children of sectPr, tblPr, pPr, style, settings, numbering, abstractNum, lvl, tr
and tbl, and the attributes CT_PageMar requires. The slow tests also run openxml-audit (the Open
XML SDK's schema data in Python) over every generated file.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from pipeline.export.ooxml import REQUIRED_ATTRIBUTES, SEQUENCES, W_NS, local

#: The parts of a Word file that hold WordprocessingML.
WORD_PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml")


def _rank(sequence: tuple[str | tuple[str, ...], ...], name: str) -> int | None:
    for index, entry in enumerate(sequence):
        if name == entry or (isinstance(entry, tuple) and name in entry):
            return index
    return None


def violations(root: etree._Element, part: str = "") -> list[str]:
    """Where the children of a listed element stand out of the schema's order, and where a
    required attribute is missing."""
    found = []
    where = f"{part}: " if part else ""
    for element in root.iter():
        name = local(element)
        sequence = SEQUENCES.get(name)
        if sequence is not None:
            last, last_name = -1, ""
            for child in element:
                child_name = local(child)
                rank = _rank(sequence, child_name) if child_name else None
                if rank is None:
                    continue
                if rank < last:
                    found.append(f"{where}{child_name} after {last_name} in {name}")
                last, last_name = max(last, rank), child_name if rank >= last else last_name
        for attribute in REQUIRED_ATTRIBUTES.get(name, ()):
            if element.get(f"{{{W_NS}}}{attribute}") is None:
                found.append(f"{where}{name} without w:{attribute}")
    return found


def package_violations(docx: bytes) -> list[str]:
    """Schema violations in every WordprocessingML part of a Word file (headers and footers too)."""
    found = []
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        names = [n for n in package.namelist() if n in WORD_PARTS or n.startswith(("word/header", "word/footer"))]
        for name in names:
            found += violations(etree.fromstring(package.read(name)), name)
    return found
