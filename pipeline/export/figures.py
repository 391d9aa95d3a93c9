"""Figures (SVG charts) on their way into Word and PDF.

pandoc reads each figure from a temporary folder by the name the body uses. The PDF keeps the
SVG as vector graphics; Word gets a PNG drawn by typst beside it, since older Word and other
programs cannot show SVG alone. typst is already there for the PDF, so no image library is needed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import ExportFailure
from pipeline.export.pdf import font_dirs
from pipeline.render import Figure

#: Resolution of the PNG for Word: sharp in print, small in the file.
PNG_PPI = 200


@contextmanager
def figure_folder(figures: tuple[Figure, ...]) -> Iterator[Path]:
    """A temporary folder holding every figure under the name the body refers to."""
    with tempfile.TemporaryDirectory(prefix="gesamtkonzept-bilder-") as work:
        for figure in figures:
            (Path(work) / figure.name).write_text(figure.svg, encoding="utf-8")
        yield Path(work)


def figure_png(figure: Figure) -> bytes:
    """The figure drawn by typst as PNG, at its own size."""
    import typst

    with figure_folder((figure,)) as root:
        (root / "main.typ").write_text(
            "#set page(width: auto, height: auto, margin: 0pt, fill: white)\n"
            f'#image("{figure.name}")\n', encoding="utf-8")
        try:
            return typst.compile(str(root / "main.typ"), root=str(root), format="png",
                                 ppi=PNG_PPI, font_paths=list(font_dirs()),
                                 ignore_system_fonts=True)
        except Exception as error:  # typst raises plain RuntimeError-like errors
            raise ExportFailure(f"Die Abbildung {figure.name} ließ sich nicht zeichnen: {error}") from None
