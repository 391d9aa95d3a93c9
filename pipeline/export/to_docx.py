"""Word: the intermediate HTML as pandoc's document tree (:mod:`.to_pandoc`), written by pandoc
with the styles of ``templates/referenz.docx``, then finished with python-docx
(:mod:`.docx_finish`), every block bookmarked for the review of returned drafts.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from pipeline.export.docx_finish import finish_docx
from pipeline.export.figures import figure_pngs
from pipeline.export.manifest import BuildRecord, DocumentIdentity
from pipeline.export.pandoc import WordRequest, word_file
from pipeline.export.to_pandoc import pandoc_json
from pipeline.export.to_pdf import epoch_of
from pipeline.render.document import TEMPLATE_DIR, RenderedDocument
from pipeline.render.provenance import InputLocation, Origin, bookmark

REFERENCE_DOCX = TEMPLATE_DIR / "referenz.docx"


def docx_metadata(doc: RenderedDocument) -> dict[str, str]:
    """The title block of the Word file; author and date only under a title page."""
    metadata = {"title": doc.title, "subtitle": doc.subtitle}
    if doc.title_page:
        metadata |= {"author": doc.author, "date": doc.footer_text}
    return metadata


def to_docx(
    doc: RenderedDocument, index: dict[str, list[InputLocation]], record: BuildRecord | None = None
) -> tuple[bytes, list[Origin]]:
    """The Word file, every block bookmarked, and where each bookmarked block came from. Files
    of a build (`record`) carry their identity in the custom properties, for review."""
    html, origins = bookmark(doc.body_html, index, own_file=doc.source_file)
    identity = DocumentIdentity.of(record, doc.path(".docx"), origins) if record else None
    return docx_of(doc, html, identity), origins


def docx_of(doc: RenderedDocument, bookmarked_html: str, identity: DocumentIdentity | None) -> bytes:
    """The Word file from the document's bookmarked body (:func:`bookmark`). The figures' PNGs
    are drawn while pandoc runs (a process of its own), ready when the file is finished. Headings
    are numbered by Word's list bound to the heading styles (:mod:`.docx_structure`), not by
    numbers pandoc would type into the text."""
    with ThreadPoolExecutor(max_workers=1) as drawing:
        pictures = drawing.submit(figure_pngs, doc.figures)
        request = WordRequest(
            tree=pandoc_json(bookmarked_html, docx_metadata(doc)),
            reference_doc=REFERENCE_DOCX,
            lang=doc.lang,
            toc=bool(doc.toc),
            figures=tuple((figure.name, figure.svg) for figure in doc.figures),
            epoch=epoch_of(doc),
        )
        raw = word_file(request)
        pictures.result()
    return finish_docx(raw, doc, identity)
