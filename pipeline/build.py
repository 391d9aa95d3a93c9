"""The pipeline in one screen: load → validate → model → render → export."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InvalidInput
from pipeline.export.docx import finish_docx
from pipeline.export.files import write_atomically
from pipeline.export.pandoc import PandocJob, run_pandoc
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
    if not loaded.files and problems:
        raise InvalidInput(problems)
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
    raw_docx, body_typst = run_pandoc(
        doc.body_html,
        [PandocJob("docx", docx_args), PandocJob("typst", (f"--lua-filter={COLUMN_FILTER}", "--wrap=preserve"))],
        epoch_of(doc),
    )
    return {
        ".docx": finish_docx(raw_docx, doc),
        ".pdf": compile_pdf(body_typst.decode("utf-8"), doc, layout),
    }


def build_concept(folder: Path, output: Path) -> list[Path]:
    """Build the Gesamtkonzept of one municipality into the output folder."""
    concept = load_concept(folder)
    doc = render_concept(concept)
    files = export_document(doc, "konzept.typ")
    return write_atomically({output / f"{doc.file_stem}{suffix}": data
                             for suffix, data in files.items()})
