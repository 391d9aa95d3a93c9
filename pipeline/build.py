"""The pipeline in one screen: load → validate → model → render → export."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.export.docx import finish_docx
from pipeline.export.figures import figure_folder
from pipeline.export.files import write_atomically
from pipeline.export.oparl import PublishedFile, paper_records, to_json
from pipeline.export.pandoc import run_pandoc
from pipeline.export.pdf import compile_pdf, epoch_of
from pipeline.load import load_folder
from pipeline.model import Concept
from pipeline.papers import PaperView, paper_views
from pipeline.qualitaet.review import quality_reviews
from pipeline.render import (
    TEMPLATE_DIR,
    RenderedDocument,
    render_concept,
    render_measure_plan,
    render_paper,
    render_quality_dialogue,
)

REFERENCE_DOCX = TEMPLATE_DIR / "referenz.docx"
COLUMN_FILTER = TEMPLATE_DIR / "filter" / "spaltenausrichtung.lua"

#: What `gesamtkonzept build --nur …` can narrow a build to.
PRODUCTS = ("konzept", "vorlagen", "qualitaet")


def load_concept(folder: Path) -> Concept:
    """Load and validate a municipality's folder; raises InvalidInput listing every problem."""
    from pipeline.validate import validate

    loaded, problems = load_folder(folder)
    return validate(loaded, problems)


def _docx_args(doc: RenderedDocument) -> tuple[str, ...]:
    args = [
        f"--lua-filter={COLUMN_FILTER}",
        f"--reference-doc={REFERENCE_DOCX}",
        f"--metadata=title:{doc.title}",
        f"--metadata=subtitle:{doc.subtitle}",
        f"--metadata=lang:{doc.lang}",
    ]
    if doc.title_page:
        args += [f"--metadata=author:{doc.author}", f"--metadata=date:{doc.footer_text}"]
    if doc.toc:
        args += ["--toc", "--toc-depth=2", "--metadata=toc-title:Inhalt"]
    if doc.numbered:
        args.append("--number-sections")
    return tuple(args)


def _word(doc: RenderedDocument) -> bytes:
    with figure_folder(doc.figures) as figures:
        args = (*_docx_args(doc), f"--resource-path={figures}")
        raw = run_pandoc(doc.body_html, "docx", args, epoch_of(doc))
    return finish_docx(raw, doc)


def _pdf(doc: RenderedDocument) -> bytes:
    typst_args = (f"--lua-filter={COLUMN_FILTER}", "--wrap=preserve")
    body = run_pandoc(doc.body_html, "typst", typst_args, epoch_of(doc)).decode("utf-8")
    return compile_pdf(body, doc, doc.layout)


def output_path(doc: RenderedDocument, suffix: str) -> str:
    """Where a document's file goes, relative to the output folder, with '/'."""
    name = f"{doc.file_stem}{suffix}"
    return f"{doc.folder}/{name}" if doc.folder else name


def export_documents(docs: Iterable[RenderedDocument]) -> dict[str, bytes]:
    """Word and PDF bytes of every document, by relative path (nothing written yet).

    The chains are independent; they run side by side (pandoc runs as a process, typst and
    lxml release the interpreter for most of their work).
    """
    tasks = [(doc, suffix, chain) for doc in docs
             for suffix, chain in ((".docx", _word), (".pdf", _pdf))]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = [(output_path(doc, suffix), pool.submit(chain, doc))
                   for doc, suffix, chain in tasks]
        return {path: future.result() for path, future in futures}


def export_document(doc: RenderedDocument) -> dict[str, bytes]:
    """Word and PDF bytes of one document, by suffix."""
    files = export_documents([doc])
    return {suffix: files[output_path(doc, suffix)] for suffix in (".docx", ".pdf")}


def _published(doc: RenderedDocument, files: dict[str, bytes], name: str) -> PublishedFile:
    path = output_path(doc, ".pdf")
    return PublishedFile(name, path, files[path], doc.date)


def _oparl_files(views: list[PaperView], papers: list[RenderedDocument],
                 attachments: dict[str, RenderedDocument],
                 files: dict[str, bytes]) -> dict[str, bytes]:
    """One OParl record per paper, describing the PDFs as they are about to be written."""
    records = {}
    for view, doc in zip(views, papers, strict=True):
        main = _published(doc, files, doc.title)
        auxiliary = [_published(attachments[a.generated], files, a.title)
                     for a in view.attachments if a.generated]
        records[output_path(doc, ".oparl.json")] = to_json(paper_records(view, main, auxiliary))
    return records


def build(folder: Path, output: Path, only: str | None = None,
          template_dir: Path = TEMPLATE_DIR) -> list[Path]:
    """Build the concept, the council papers and the quality dialogue of one municipality into
    the output folder.

    `only` narrows the build to one of PRODUCTS; papers always come with the attachments they
    list, so their OParl records describe files that exist.
    """
    concept = load_concept(folder)
    wanted = {only} if only else set(PRODUCTS)
    views = paper_views(concept) if "vorlagen" in wanted else []
    needed = {kind for view in views for kind in view.generated_attachments}
    reviews = quality_reviews(concept)
    attachments: dict[str, RenderedDocument] = {}
    if "konzept" in wanted or "gesamtkonzept" in needed:
        attachments["gesamtkonzept"] = render_concept(concept, template_dir, reviews)
    if "massnahmenplan" in needed:
        attachments["massnahmenplan"] = render_measure_plan(concept, template_dir)
    papers = [render_paper(view, template_dir) for view in views]
    dialogues = ([render_quality_dialogue(review, template_dir) for review in reviews]
                 if "qualitaet" in wanted else [])
    files = export_documents([*attachments.values(), *papers, *dialogues])
    files.update(_oparl_files(views, papers, attachments, files))
    return write_atomically({output / path: data for path, data in files.items()})


def build_concept(folder: Path, output: Path, template_dir: Path = TEMPLATE_DIR) -> list[Path]:
    """Build only the Gesamtkonzept (Word and PDF)."""
    return build(folder, output, "konzept", template_dir)
