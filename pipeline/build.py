"""The pipeline in one screen: load → validate → model → render → export."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.errors import InvalidInput, Problem
from pipeline.export.docx import finish_docx
from pipeline.export.files import output_lock, write_atomically
from pipeline.export.pandoc import run_pandoc
from pipeline.export.pdf import compile_pdf, epoch_of
from pipeline.load import load_folder
from pipeline.model import Concept
from pipeline.render import TEMPLATE_DIR, RenderedDocument, render_concept

REFERENCE_DOCX = TEMPLATE_DIR / "referenz.docx"
COLUMN_FILTER = TEMPLATE_DIR / "filter" / "spaltenausrichtung.lua"


def check_folder(folder: Path, *, strict: bool = False) -> tuple[Concept, list[Problem]]:
    """Load and validate a municipality's folder: the concept and its warnings.

    Raises InvalidInput listing every error – and, if `strict`, every warning as well.
    """
    from pipeline.validate import check

    concept, warnings = check(*load_folder(folder))
    if strict and warnings:
        raise InvalidInput(warnings, strict=True)
    return concept, warnings


def load_concept(folder: Path) -> Concept:
    """Load and validate a municipality's folder; raises InvalidInput listing every error."""
    return check_folder(folder)[0]


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


def write_concept(concept: Concept, output: Path, template_dir: Path = TEMPLATE_DIR) -> list[Path]:
    """Render and export a validated concept into the output folder, one build at a time."""
    with output_lock(output):
        doc = render_concept(concept, template_dir)
        files = export_document(doc, "konzept.typ")
        return write_atomically({output / f"{doc.file_stem}{suffix}": data
                                 for suffix, data in files.items()})


def build_concept(folder: Path, output: Path, template_dir: Path = TEMPLATE_DIR, *,
                  strict: bool = False) -> list[Path]:
    """Build the Gesamtkonzept of one municipality into the output folder."""
    concept, _ = check_folder(folder, strict=strict)
    return write_concept(concept, output, template_dir)
