"""What a screen-reader user would miss in a Word file, checked before the build writes it.

A pure function over the package's XML: the document's title and language, heading levels
without jumps, a text alternative for every picture, and a header row, repeated on every page,
for every table. The build reports each gap as a warning naming the file; under ``--streng``
the build fails on them and writes nothing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from pipeline.export.ooxml import is_form_table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DC = "http://purl.org/dc/elements/1.1/"
LANGUAGE = "de-DE"
HEADING_STYLES = {f"Heading{n}": n for n in range(1, 7)}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return etree.fromstring(package.read(name))
    except KeyError:
        return None


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(_w("t"))).strip()


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _title(core: etree._Element | None) -> Iterator[str]:
    title = core.find(f"{{{DC}}}title") if core is not None else None
    if title is None or not (title.text or "").strip():
        yield "Die Datei hat keinen Titel in ihren Eigenschaften; ein Screenreader nennt dann nur den Dateinamen."


def _language(styles: etree._Element | None) -> Iterator[str]:
    found = (
        styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
        if styles is not None
        else None
    )
    language = found.get(_w("val")) if found is not None else None
    if language != LANGUAGE:
        yield (
            f"Die Sprache des Textes ist nicht {LANGUAGE} (sondern „{language or 'nicht angegeben'}“); "
            "ein Screenreader liest ihn dann mit falscher Aussprache vor."
        )


def _headings(body: etree._Element) -> Iterator[str]:
    """By the paragraph styles (w:pStyle) rather than by each paragraph: asking each of a long
    document's paragraphs for its style took half of the check."""
    previous = 0
    for style in body.iter(_w("pStyle")):
        level = HEADING_STYLES.get(style.get(_w("val"), ""))
        properties = style.getparent()
        if level is None or properties is None or properties.tag != _w("pPr"):
            continue
        paragraph = properties.getparent()
        if paragraph is None or paragraph.tag != _w("p"):
            continue
        if level > previous + 1:
            yield (
                f"Die Überschrift „{_shortened(_text(paragraph))}“ (Ebene {level}) folgt auf Ebene {previous or 'keine'}; "
                "wer mit einem Screenreader von Überschrift zu Überschrift springt, verliert die Gliederung."
            )
        previous = level


def _pictures(body: etree._Element) -> Iterator[str]:
    for properties in body.iter(f"{{{WP}}}docPr"):
        if not (properties.get("descr") or "").strip():
            name = properties.get("name") or "ohne Namen"
            yield f"Das Bild „{name}“ hat keinen Alternativtext; ein Screenreader sagt nur „Grafik“."


def _tables(body: etree._Element) -> Iterator[str]:
    for number, table in enumerate(body.iter(_w("tbl")), start=1):
        if is_form_table(table):
            continue  # fields side by side: the layout of a form, not a table of data
        first = table.find(_w("tr"))
        header = first.find(f"{_w('trPr')}/{_w('tblHeader')}") if first is not None else None
        if header is None or header.get(_w("val"), "true") in ("0", "false", "off"):
            caption = table.find(f"{_w('tblPr')}/{_w('tblCaption')}")
            name = caption.get(_w("val")) if caption is not None else f"Nr. {number}"
            yield (
                f"Die Tabelle „{_shortened(name or str(number))}“ hat keine Kopfzeile; ein Screenreader kann die "
                "Zellen keiner Spalte zuordnen."
            )


def accessibility_gaps(docx: bytes) -> list[str]:
    """German sentences, one per gap a screen-reader user would meet in this Word file."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        document = _xml(package, "word/document.xml")
        core = _xml(package, "docProps/core.xml")
        styles = _xml(package, "word/styles.xml")
    body = document.find(_w("body")) if document is not None else None
    gaps = [*_title(core), *_language(styles)]
    if body is not None:
        gaps += [*_headings(body), *_pictures(body), *_tables(body)]
    return gaps
