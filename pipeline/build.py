"""The pipeline in one screen: load → validate → model → render → export."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.export.docx import finish_docx
from pipeline.export.files import write_atomically
from pipeline.export.pandoc import run_pandoc
from pipeline.export.pdf import compile_pdf, epoch_of
from pipeline.load import load_folder
from pipeline.model import Concept
from pipeline.render import TEMPLATE_DIR, RenderedDocument, render_concept

REFERENCE_DOCX = TEMPLATE_DIR / "referenz.docx"
COLUMN_FILTER = TEMPLATE_DIR / "filter" / "spaltenausrichtung.lua"


def load_concept(folder: Path) -> Concept:
    """Load and validate a municipality's folder; raises InvalidInput listing every problem."""
    from pipeline.validate import validate

    loaded, problems = load_folder(folder)
    return validate(loaded, problems)


def export_document(doc: RenderedDocument, layout: str) -> dict[str, bytes]:
    """Word and PDF bytes of one rendered document (nothing written yet)."""
    docx_args = (
        f"--lua-filter={COLUMN_FILTER}",
        f"--reference-doc={REFERENCE_DOCX}",
        "--toc", "--toc-depth=2", "--number-sections",
        f"--metadata=title:{doc.title}",
        f"--metadata=subtitle:{doc.subtitle}",
        f"--metadata=author:{doc.author}",
        f"--metadata=date:Fassung {doc.version} · Stand {doc.date:%d.%m.%Y}",
        "--metadata=toc-title:Inhalt",
        f"--metadata=lang:{doc.lang}",
    )
    epoch = epoch_of(doc)
    typst_args = (f"--lua-filter={COLUMN_FILTER}", "--wrap=preserve")

    def word() -> bytes:
        return finish_docx(run_pandoc(doc.body_html, "docx", docx_args, epoch), doc)

    def pdf() -> bytes:
        body = run_pandoc(doc.body_html, "typst", typst_args, epoch).decode("utf-8")
        return compile_pdf(body, doc, layout)

    # The two chains are independent; run them side by side (pandoc runs as a process, typst
    # and lxml release the interpreter for most of their work).
    with ThreadPoolExecutor(max_workers=2) as pool:
        docx_future, pdf_future = pool.submit(word), pool.submit(pdf)
        return {".docx": docx_future.result(), ".pdf": pdf_future.result()}


def build_concept(folder: Path, output: Path, template_dir: Path = TEMPLATE_DIR) -> list[Path]:
    """Build the Gesamtkonzept of one municipality into the output folder."""
    concept = load_concept(folder)
    doc = render_concept(concept, template_dir)
    files = export_document(doc, "konzept.typ")
    return write_atomically({output / f"{doc.file_stem}{suffix}": data
                             for suffix, data in files.items()})
