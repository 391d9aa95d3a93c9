"""Word: the intermediate HTML as pandoc's document tree (:mod:`.to_pandoc`), written by pandoc
with the styles of ``templates/referenz.docx``, then finished with python-docx
(:mod:`.docx_finish`), every block bookmarked for the review of returned drafts.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from pipeline.export.docx_finish import finish_docx
from pipeline.export.figures import figure_folder, figure_pngs
from pipeline.export.manifest import BuildRecord, DocumentIdentity
from pipeline.export.pandoc import run_pandoc
from pipeline.export.to_pandoc import pandoc_json
from pipeline.export.to_pdf import epoch_of
from pipeline.render.document import TEMPLATE_DIR, RenderedDocument
from pipeline.render.provenance import InputLocation, Origin, bookmark

REFERENCE_DOCX = TEMPLATE_DIR / "referenz.docx"


def docx_args(doc: RenderedDocument) -> tuple[str, ...]:
    """pandoc's arguments for one document: styles, language and the table of contents where the
    document has one. Headings are numbered by Word's list bound to the heading styles
    (:mod:`.docx_structure`), not by numbers pandoc would type into the text."""
    args = [
        f"--reference-doc={REFERENCE_DOCX}",
        f"--metadata=lang:{doc.lang}",
    ]
    if doc.toc:
        args += ["--toc", "--toc-depth=2", "--metadata=toc-title:Inhalt"]
    return tuple(args)


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
    html, origins = bookmark(doc.body_html, index)
    identity = DocumentIdentity.of(record, doc.path(".docx"), origins) if record else None
    return docx_of(doc, html, identity), origins


def docx_of(doc: RenderedDocument, bookmarked_html: str, identity: DocumentIdentity | None) -> bytes:
    """The Word file from the document's bookmarked body (:func:`bookmark`). The figures' PNGs
    are drawn while pandoc runs (a process of its own), ready when the file is finished."""
    with ThreadPoolExecutor(max_workers=1) as drawing:
        pictures = drawing.submit(figure_pngs, doc.figures)
        with figure_folder(doc.figures) as figures:
            args = (*docx_args(doc), f"--resource-path={figures}")
            tree = pandoc_json(bookmarked_html, docx_metadata(doc))
            raw = run_pandoc(tree, "docx", args, epoch_of(doc))
        pictures.result()
    return finish_docx(raw, doc, identity)
