"""Pictures for Word: figures (SVG charts) and the logo, drawn as PNG by typst.

pandoc gets each figure's SVG by the name the body uses (:mod:`.pandoc`). The PDF keeps the
SVG as vector graphics; Word gets a PNG beside it, since older Word and other programs cannot
show SVG alone. typst is already there for the PDF and draws PNG, JPEG and SVG alike, so no
image library is needed.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import cast

from pipeline.errors import ExportFailure
from pipeline.export import typst_worker
from pipeline.export.to_pdf import checked_logo, font_dirs, typst_problem
from pipeline.render.document import Figure
from pipeline.user_cache import cache_folder, read_entry, write_entry

#: Resolution of the PNG of a figure for Word: sharp in print, small in the file.
PNG_PPI = 200
#: The logo's resolution: it is small, and the title page shows it large.
LOGO_PPI = 300
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The box the logo is fitted into on both title pages (PDF layout: templates/gemeinsam.typ).
LOGO_WIDTH_CM = 4.0
LOGO_HEIGHT_CM = 2.5


def draw_png(
    name: str, data: bytes, *, sizing: str = "", ppi: int = PNG_PPI, background: str = "white", failure: str
) -> bytes:
    """An image drawn by typst as PNG on a page just its size; `sizing` adds image() arguments
    such as a box to fit into. `failure` starts the German message if typst cannot read it."""
    return _draw([(name, data)], sizing=sizing, ppi=ppi, background=background, failure=failure)[0]


def _draw(
    images: list[tuple[str, bytes]],
    *,
    sizing: str = "",
    ppi: int = PNG_PPI,
    background: str = "white",
    failure: str,
) -> list[bytes]:
    """Several images drawn in one typst run, a page each, in a worker process
    (:mod:`.typst_worker`): typst loads its fonts once for all."""
    with tempfile.TemporaryDirectory(prefix="gesamtkonzept-bild-") as work:
        root = Path(work)
        pages = []
        for name, data in images:
            (root / name).write_bytes(data)
            pages.append(f'#image("{name}"{", " + sizing if sizing else ""})\n')
        (root / "main.typ").write_text(
            f"#set page(width: auto, height: auto, margin: 0pt, fill: {background})\n"
            + "#pagebreak()\n".join(pages),
            encoding="utf-8",
        )
        try:
            return typst_worker.draw_pngs(str(root / "main.typ"), str(root), ppi, font_dirs())
        except typst_worker.CompileFailed as error:
            raise ExportFailure(f"{failure}. {typst_problem(error, picture='Die Datei')}") from None
        except typst_worker.WorkerDied:
            raise ExportFailure(f"{failure}: Typst ist beim Zeichnen abgebrochen.") from None


#: Figures already drawn, by their content: the same chart can stand in several documents.
_DRAWN: dict[Figure, bytes] = {}
_DRAWN_MAX = 64
#: Drawings kept in the user's cache (:mod:`pipeline.user_cache`): a build that converts the
#: concept again – its text changed, its charts did not – takes them from there instead of
#: drawing them (about half a second of typst for the concept's charts).
KEPT_DRAWINGS = 500


def _drawing_name(kind: str, data: bytes, ppi: int) -> str:
    """The cache's name for a drawing: a hash of the picture, how it is drawn and what draws it
    (typst's version and the fonts, which set the text in a chart)."""
    from pipeline.export.cache import resources, tool_versions

    made_of = json.dumps([kind, ppi, tool_versions(".pdf"), resources(".pdf")], sort_keys=True)
    return hashlib.sha256(made_of.encode("utf-8") + data).hexdigest() + ".png"


def _drawings() -> Path | None:
    return cache_folder("bilder", KEPT_DRAWINGS, ".png")


def _kept_drawing(name: str) -> bytes | None:
    data = read_entry(_drawings(), name)
    return data if data and data.startswith(PNG_SIGNATURE) else None


def figure_png(figure: Figure) -> bytes:
    """A figure as PNG, at its own size."""
    return figure_pngs((figure,))[0]


def figure_pngs(figures: tuple[Figure, ...]) -> list[bytes]:
    """Every figure of a document as PNG, those not drawn yet in one typst run (remembered for
    the Word file's finishing and for other documents showing the same chart). If that run
    fails, each is drawn alone, so the message names the figure typst could not read."""
    known = {f: _DRAWN.get(f) for f in figures}
    names = {
        f: _drawing_name(Path(f.name).suffix, f.svg.encode("utf-8"), PNG_PPI) for f in known if known[f] is None
    }
    known.update({f: _kept_drawing(name) for f, name in names.items()})
    missing = [f for f, png in known.items() if png is None]
    if missing:
        try:
            drawn = _draw([(f.name, f.svg.encode("utf-8")) for f in missing], failure="")
        except ExportFailure:
            drawn = [_draw([(f.name, f.svg.encode("utf-8"))], failure=_failure(f))[0] for f in missing]
        known.update(zip(missing, drawn, strict=True))
        for figure, png in zip(missing, drawn, strict=True):
            write_entry(_drawings(), names[figure], png)
    fresh = [f for f in names if f not in _DRAWN]
    if fresh:
        if len(_DRAWN) + len(fresh) > _DRAWN_MAX:
            _DRAWN.clear()
        _DRAWN.update({f: cast(bytes, known[f]) for f in fresh})
    return [cast(bytes, known[f]) for f in figures]


def _failure(figure: Figure) -> str:
    return f"Die Abbildung {figure.name} ließ sich nicht zeichnen"


def logo_png(path: Path) -> bytes:
    """The logo fitted into its box on a transparent background, as PNG at print resolution."""
    return _logo_png(path.name, path.suffix.lower(), checked_logo(path))


@lru_cache(maxsize=8)
def _logo_png(name: str, suffix: str, data: bytes) -> bytes:
    """Drawn once per logo (by its bytes), not once per document: every document of a build
    shows it; kept in the user's cache like the charts."""
    sizing = f'width: {LOGO_WIDTH_CM}cm, height: {LOGO_HEIGHT_CM}cm, fit: "contain"'
    kept = _drawing_name(f"logo{suffix} {sizing}", data, LOGO_PPI)
    png = _kept_drawing(kept)
    if png is None:
        png = draw_png(
            f"logo{suffix}",
            data,
            sizing=sizing,
            ppi=LOGO_PPI,
            background="none",
            failure=f"Das Logo {name} lässt sich nicht lesen",
        )
        write_entry(_drawings(), kept, png)
    return png
