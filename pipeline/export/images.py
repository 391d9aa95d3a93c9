"""The logo as a picture for Word: typst (already there for the PDF) draws PNG, JPEG and SVG
alike into a PNG of fixed size, so no image library is needed and SVG works in Word too."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from pipeline.errors import ExportFailure
from pipeline.export.pdf import font_dirs

#: The box the logo is fitted into on both title pages (PDF layout: templates/gemeinsam.typ).
LOGO_WIDTH_CM = 4.0
LOGO_HEIGHT_CM = 2.5


def logo_png(path: Path) -> bytes:
    """The logo fitted into its box on a transparent background, as PNG at print resolution."""
    import typst

    with tempfile.TemporaryDirectory(prefix="gesamtkonzept-logo-") as work:
        root = Path(work)
        shutil.copy(path, root / f"logo{path.suffix.lower()}")
        (root / "main.typ").write_text(
            "#set page(width: auto, height: auto, margin: 0pt, fill: none)\n"
            f'#image("logo{path.suffix.lower()}", width: {LOGO_WIDTH_CM}cm, '
            f'height: {LOGO_HEIGHT_CM}cm, fit: "contain")\n',
            encoding="utf-8",
        )
        try:
            return typst.compile(str(root / "main.typ"), root=str(root), format="png", ppi=300,
                                 font_paths=list(font_dirs()), ignore_system_fonts=True)
        except Exception as error:  # typst raises plain RuntimeError-like errors
            raise ExportFailure(f"Das Logo {path.name} lässt sich nicht lesen: {error}") from None
