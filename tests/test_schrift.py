"""The PDF's font and the text checks agree: what validation accepts, the PDF can show, and
what typst still refuses reaches the user as a short German sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.errors import ExportFailure
from pipeline.export.to_pdf import compile_pdf, font_dirs, typst_problem
from pipeline.model import fonts
from pipeline.model.types import BIDI_CONTROLS, CONTROL_CHARACTERS, WITHOUT_GLYPH
from pipeline.render.document import RenderedDocument


def _document() -> RenderedDocument:
    return RenderedDocument(
        body_html="",
        title="Titel",
        subtitle="Untertitel",
        author="Autorin",
        subject="Thema",
        keywords="Frühe Hilfen",
        version="1.0",
        date=dt.date(2026, 1, 1),
        header_text="Kopf",
        footer_text="Fuß",
        file_stem="Probe",
        category="Probe",
        layout="dokument.typ",
    )


def test_the_coverage_is_read_from_the_font():
    covered = fonts.covered()
    german = "abcxyzABCXYZäöüÄÖÜßẞ€„“‚‘–—…§°½"
    european = "ΑαΩωΠπ" + "АаЯяЁёЇїҐґ" + "ĞğİıŞşÇç" + "ŁłŒœØøÅåÆæČčŘřŽžŐőŰű"
    assert all(ord(c) in covered for c in german + european)
    assert not any(ord(c) in covered for c in "😀🎁家中ز\u05d0\u202e")
    serif = fonts.cmap_characters((fonts.font_directory("mit Serifen") / "SourceSerifPro-Bold.otf").read_bytes())
    assert covered <= serif and ord("ἀ") not in covered  # polytonic Greek: the sans-serif face only


def test_the_cmap_reader_reads_both_formats():
    """The faces carry a full map (format 12) and one of the Basic Multilingual Plane (format 4);
    where they overlap, both say the same."""
    data = (fonts.font_directory() / fonts.TYPEFACES[fonts.DEFAULT].faces[0]).read_bytes()
    full = fonts.cmap_characters(data)
    italic = fonts.cmap_characters((fonts.font_directory() / "SourceSansPro-It.otf").read_bytes())  # format 4 only
    assert max(full) > 0xFFFF and max(italic) <= 0xFFFF
    assert italic <= full
    assert len(full) > 1000


def _compiles(text: str, family: str = fonts.FAMILY) -> str | None:
    """None if typst sets `text` upright, bold and italic in a PDF/UA-1, else its complaint."""
    import typst

    source = (
        f'#set document(title: "Probe")\n#set text(font: "{family}", lang: "de")\n'
        "#sys.inputs.t\n\n#strong(sys.inputs.t)\n\n#emph(sys.inputs.t)\n"
    )
    try:
        typst.compile(
            source.encode("utf-8"),
            font_paths=list(font_dirs()),
            ignore_system_fonts=True,
            pdf_standards=["ua-1"],
            sys_inputs={"t": text},
        )
    except Exception as error:
        return str(error)
    return None


@pytest.mark.slow
def test_every_character_validation_accepts_is_shown_in_the_pdf():
    accepted = [
        chr(code)
        for code in sorted(fonts.covered())
        if not CONTROL_CHARACTERS.match(chr(code)) and not BIDI_CONTROLS.match(chr(code))
    ]
    for typeface in fonts.TYPEFACES.values():
        assert _compiles(" ".join(accepted) + WITHOUT_GLYPH, typeface.family) is None, typeface.family
        assert "could not be displayed" in (_compiles("Gruß 😀", typeface.family) or "")


@pytest.mark.slow
def test_what_typst_still_refuses_reaches_the_user_in_german():
    with pytest.raises(ExportFailure) as failure:
        compile_pdf("Gruß 😀", _document(), "dokument.typ")
    assert str(failure.value) == (
        "Das PDF „Probe.pdf“ ließ sich nicht erzeugen. Das Zeichen '😀' (U+1F600 GRINNING FACE) können die "
        "Schriften des PDF (Source Sans Pro und Source Serif Pro) nicht darstellen."
    )


def test_unknown_typst_failures_are_short_and_german():
    english = "failed to do something unexpected at line 7\n" + "hint: " + "x" * 2000
    message = typst_problem(RuntimeError(english))
    assert message.startswith("Die PDF-Engine Typst meldet einen unerwarteten Fehler (technisch: „failed to")
    assert "hint" not in message and len(message) < 220
    assert typst_problem(
        RuntimeError('PDF/UA-1 error: the text contains the disallowed codepoint `"\\u{feff}"`')
    ) == ("Das Zeichen (U+FEFF ZERO WIDTH NO-BREAK SPACE) ist in einem barrierearmen PDF nicht erlaubt.")
