"""The revision round trip: provenance in the manifest, returned drafts read back with their
comments and changes, edited drafts never overwritten, draft marks only in drafts."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from pypdf import PdfReader

from pipeline.build import build
from pipeline.cli import main
from pipeline.formatting import count

from .conftest import EXAMPLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONCEPT = "Gesamtkonzept_Musterkreis_2.0"


@pytest.fixture(scope="module")
def draft_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("entwurf")
    build(EXAMPLE, out, "konzept", draft=True)
    return out


def _line_of(file: str, *needles: str) -> int:
    """Line (1-based) of the last needle, searched in order after the ones before."""
    lines = (EXAMPLE / file).read_text(encoding="utf-8").splitlines()
    start = 0
    for needle in needles:
        start = next(n for n in range(start, len(lines)) if needle in lines[n])
    return start + 1


def _paragraph(document, starts: str):
    return next(p for p in document.paragraphs if p.text.startswith(starts))


def _track(paragraph, inserted: str, author: str) -> str:
    """Delete the paragraph's last run and insert new text, as Word records tracked changes."""
    run = paragraph.runs[-1]._r
    deleted = run.find(qn("w:t")).text
    run.find(qn("w:t")).tag = qn("w:delText")
    wrapper = parse_xml(f'<w:del xmlns:w="{W}" w:id="901" w:author="{author}" w:date="2026-11-20T10:00:00Z"/>')
    run.addprevious(wrapper)
    wrapper.append(run)
    wrapper.addnext(
        parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="902" w:author="{author}" w:date="2026-11-20T10:00:00Z">'
            f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
        )
    )
    return deleted


@pytest.fixture(scope="module")
def returned(draft_build, tmp_path_factory) -> dict:
    """A reviewed copy of the draft, renamed, with a comment, a tracked change and a plain edit."""
    folder = tmp_path_factory.mktemp("zurueck")
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    commented = _paragraph(document, "Die Babylotsinnen und Babylotsen bieten allen Eltern")
    document.add_comment(
        commented.runs, "Bitte die Zahl der Gespräche 2025 ergänzen.", author="Dr. Jonas Brandt", initials="JB"
    )
    tracked = _paragraph(document, "Alle Schwangeren, werdenden Väter und Familien")
    deleted = _track(tracked, "alle Familien im Landkreis, auch zugezogene.", "Amtsleitung")
    edited = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    for run in edited.runs[1:]:
        run.text = ""
    edited.runs[0].text = "Das Netzwerk arbeitet nach diesem Konzept."
    document.core_properties.last_modified_by = "Katrin Lehmann"
    path = folder / "Gesamtkonzept_Anmerkungen_Brandt.docx"
    document.save(str(path))
    return {"path": path, "commented": commented.text, "deleted": deleted}


def test_manifest_records_files_inputs_and_origins(draft_build):
    manifest = json.loads((draft_build / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fassung"] == "2.0" and manifest["entwurf"] is True
    assert len(manifest["eingaben"]["sha256"]) == 64
    docx_bytes = (draft_build / f"{CONCEPT}.docx").read_bytes()
    assert manifest["dateien"][f"{CONCEPT}.docx"]["sha256"] == hashlib.sha256(docx_bytes).hexdigest()
    origins = manifest["herkunft"][f"{CONCEPT}.docx"]
    by_text = {o["text"]: o for o in origins}
    row = next(o for o in origins if o["art"] == "Tabellenzeile" and o["text"].startswith("M2 |"))
    assert {
        "datei": "massnahmen.yaml",
        "feld": "massnahmen[1].titel",
        "zeile": _line_of("massnahmen.yaml", "id: babylotsen", "titel:"),
    } in row["eingaben"]
    static = next(o for t, o in by_text.items() if t.startswith("Das Netzwerk versteht das Gesamtkonzept"))
    assert static["dokumentvorlage"] == "konzept/15_qualitaet.html.j2:4"
    assert static["kapitel"] == "Qualitätsentwicklung und Fortschreibung"
    marks = {
        b.get(qn("w:name"))
        for b in Document(str(draft_build / f"{CONCEPT}.docx")).element.body.iter(qn("w:bookmarkStart"))
    }
    assert {o["marke"] for o in origins} <= marks


def test_review_lists_comment_tracked_and_untracked_changes_with_sources(returned, draft_build, tmp_path):
    result = CliRunner().invoke(
        main,
        ["review", str(returned["path"]), "--manifest", str(draft_build / "manifest.json"), "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    listing = yaml.safe_load(next(tmp_path.glob("Ueberarbeitungsliste_*.yaml")).read_text())
    comment = next(i for i in listing if i["art"] == "Kommentar")
    assert comment["von"] == "Dr. Jonas Brandt"
    assert comment["kommentar"] == "Bitte die Zahl der Gespräche 2025 ergänzen."
    assert comment["alt"] == returned["commented"]
    assert comment["kapitel"] == "Angebote und Maßnahmen"
    line = _line_of("massnahmen.yaml", "id: babylotsen", "beschreibung:")
    assert comment["quelle"].startswith(f"massnahmen.yaml:{line}: massnahmen[1].beschreibung")

    tracked = next(i for i in listing if i["art"] == "Änderung (nachverfolgt)")
    assert tracked["von"] == "Amtsleitung" and tracked["datum"] == "20.11.2026"
    assert tracked["neu"].endswith("alle Familien im Landkreis, auch zugezogene.")
    assert returned["deleted"].strip() in tracked["alt"]
    assert tracked["quelle"].startswith(
        f"zielgruppen.yaml:{_line_of('zielgruppen.yaml', 'id: alle-familien', 'beschreibung:')}: "
        "zielgruppen[0].beschreibung"
    )

    plain = next(i for i in listing if i["art"] == "Änderung (ohne Nachverfolgung)")
    assert plain["neu"] == "Das Netzwerk arbeitet nach diesem Konzept."
    assert plain["von"] == "Katrin Lehmann"
    assert plain["quelle"] == "templates/konzept/15_qualitaet.html.j2:4"
    assert len(listing) == 3  # nothing else changed

    word = Document(str(next(tmp_path.glob("Ueberarbeitungsliste_*.docx"))))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "templates/konzept/15_qualitaet.html.j2:4" in cells
    assert any(c.startswith("Kommentar – Dr. Jonas Brandt") for c in cells)
    assert f"  Quelle: massnahmen.yaml:{line}: massnahmen[1].beschreibung" in result.output


def _reviewed(document, draft_build: Path, folder: Path) -> list[dict]:
    """The review list of an edited copy of the draft, as `review` writes it."""
    path = folder / "zurueck.docx"
    document.save(str(path))
    listing = folder / "liste"
    result = CliRunner().invoke(
        main, ["review", str(path), "--manifest", str(draft_build / "manifest.json"), "-o", str(listing)]
    )
    assert result.exit_code == 0, result.output
    return yaml.safe_load(next(listing.glob("*.yaml")).read_text())


def _reviewed_copies(draft_build: Path, folder: Path, copies: dict[str, object]) -> list[dict]:
    """The review list of several edited copies of the draft (file name → document), read together."""
    paths = []
    for name, document in copies.items():
        paths.append(folder / name)
        document.save(str(paths[-1]))
    listing = folder / "liste"
    result = CliRunner().invoke(
        main, ["review", *map(str, paths), "--manifest", str(draft_build / "manifest.json"), "-o", str(listing)]
    )
    assert result.exit_code == 0, result.output
    return yaml.safe_load(next(listing.glob("*.yaml")).read_text())


def test_text_typed_in_without_tracking_is_listed_as_new_after_the_block_before_it(draft_build, tmp_path):
    """A new chapter and a paragraph added to the Vorwort, typed without tracking, were read as
    nothing changed (a Netzwerkkoordinatorin's review of the drafts): each new paragraph is
    listed with the text and source of the generated block it follows. The Vorwort's own
    paragraphs are credited to its field in kommune.yaml, not to a name they contain."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    foreword = _paragraph(document, "Jedes Kind im Landkreis Musterkreis")
    added = foreword.insert_paragraph_before("Platzhalter")
    foreword._p.addnext(added._p)  # after the foreword's first paragraph
    added.text = "Ein Satz, den die Amtsleitung ohne Nachverfolgung ergänzt hat."
    before = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    heading = before.insert_paragraph_before("Neues Kapitel: Zusammenarbeit mit Kitas", style="Heading 1")
    text = before.insert_paragraph_before("Die Kitas werden ab 2027 eingebunden.")
    before._p.addnext(text._p)
    before._p.addnext(heading._p)
    listing = _reviewed(document, draft_build, tmp_path)
    new = [i for i in listing if i["art"] == "Neu (ohne Nachverfolgung)"]
    assert [i["neu"] for i in new] == [
        "Ein Satz, den die Amtsleitung ohne Nachverfolgung ergänzt hat.",
        "Neues Kapitel: Zusammenarbeit mit Kitas",
        "Die Kitas werden ab 2027 eingebunden.",
    ]
    assert new[0]["kapitel"] == "Vorwort" and "kommune.yaml:" in new[0]["quelle"]
    assert "konzept.vorwort.text" in new[0]["quelle"]
    assert new[1]["quelle"].startswith("neu nach „Das Netzwerk versteht das Gesamtkonzept")
    assert new[1]["quelle"].endswith("templates/konzept/15_qualitaet.html.j2:4")
    assert len(listing) == 3  # nothing else


def test_a_paragraph_inserted_with_tracking_is_placed_after_the_block_before_it(draft_build, tmp_path):
    """A tracked new paragraph has no bookmark of the build: it was listed '[ohne Kapitel]' with
    an unknown source (review of the drafts); it now has the chapter and source of the block
    before it."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    before = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    added = before.insert_paragraph_before("")
    before._p.addnext(added._p)
    added._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="903" w:author="Amtsleitung" w:date="2026-11-21T09:00:00Z">'
            "<w:r><w:t>Ein neuer Satz mit Nachverfolgung.</w:t></w:r></w:ins>"
        )
    )
    (item,) = _reviewed(document, draft_build, tmp_path)
    assert item["art"] == "Neu (nachverfolgt)" and item["neu"] == "Ein neuer Satz mit Nachverfolgung."
    assert item["kapitel"] == "Qualitätsentwicklung und Fortschreibung"
    assert item["quelle"].startswith("neu nach „Das Netzwerk versteht das Gesamtkonzept")
    assert item["quelle"].endswith("templates/konzept/15_qualitaet.html.j2:4")


def test_review_finds_the_manifest_of_a_renamed_copy_and_merges_copies(returned, draft_build, tmp_path):
    first = draft_build / "Kopie_Amtsleitung.docx"
    second = draft_build / "Kopie_Gesundheitsamt.docx"
    shutil.copy(returned["path"], first)
    shutil.copy(returned["path"], second)
    try:
        result = CliRunner().invoke(main, ["review", str(first), str(second), "-o", str(tmp_path)])
    finally:
        first.unlink()
        second.unlink()
    assert result.exit_code == 0, result.output
    listing = yaml.safe_load(next(tmp_path.glob("*.yaml")).read_text())
    assert len(listing) == 3
    assert all(i["exemplare"] == ["Kopie_Amtsleitung.docx", "Kopie_Gesundheitsamt.docx"] for i in listing)


def test_unchanged_documents_give_an_empty_list(built, tmp_path):
    """Every generated block reads back as generated: no false alarms, in any document kind."""
    drafts = sorted(built.rglob("*.docx"))
    assert len(drafts) >= 6
    result = CliRunner().invoke(main, ["review", *map(str, drafts), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(next(tmp_path.glob("*.yaml")).read_text()) == []
    assert f"keine Punkte in {count(len(drafts), 'Entwurf', 'Entwürfen')}." in result.output


def test_review_without_a_matching_build_says_how_to_fix(tmp_path):
    stray = tmp_path / "fremd.docx"
    Document().save(str(stray))
    result = CliRunner().invoke(main, ["review", str(stray)])
    assert result.exit_code == 1
    assert "kein passendes Manifest gefunden" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_an_edited_draft_is_kept_when_rebuilding(tmp_path):
    out = tmp_path / "out"
    build(EXAMPLE, out, "konzept")
    target = out / f"{CONCEPT}.docx"
    fresh = target.read_bytes()
    document = Document(str(target))
    document.paragraphs[-1].add_run(" Von Hand ergänzt.")
    document.save(str(target))
    edited = target.read_bytes()

    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "--nur", "konzept"])
    assert result.exit_code == 0, result.output
    kept = list(out.glob(f"{CONCEPT}.bearbeitet-*.docx"))
    assert len(kept) == 1 and kept[0].read_bytes() == edited
    assert f"Bearbeitete Fassung gesichert: {CONCEPT}.docx → {kept[0].name}" in result.output
    assert target.read_bytes() == fresh

    again = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out), "--nur", "konzept"])
    assert "gesichert" not in again.output
    assert len(list(out.glob("*.bearbeitet-*.docx"))) == 1


@pytest.mark.slow
def test_a_word_file_no_build_recorded_is_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{CONCEPT}.docx").write_bytes(b"fremde Datei")
    build(EXAMPLE, out, "konzept")
    kept = list(out.glob(f"{CONCEPT}.bearbeitet-*.docx"))
    assert [p.read_bytes() for p in kept] == [b"fremde Datei"]


def test_drafts_are_marked_and_numbered_final_builds_are_not(draft_build, concept_files):
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    section = document.sections[-1]
    numbering = section._sectPr.find(qn("w:lnNumType"))
    assert numbering is not None and numbering.get(qn("w:restart")) == "newPage"  # 'Seite 12, Zeile 30'
    counted = [s._sectPr.find(qn("w:lnNumType")) for s in document.sections]
    assert all(n is not None and n.get(qn("w:restart")) == "newPage" for n in counted)  # landscape ones too
    for header in (section.header, section.first_page_header):
        # in the header's first paragraph, under the id of Word's own watermarks: its dialog
        # removes it, and the header gets no empty line (review of the drafts)
        first = header.paragraphs[0]._p.xml
        assert 'string="ENTWURF"' in first and 'id="PowerPlusWaterMarkObject1"' in first
        assert len(header.paragraphs) == 1
    pages = PdfReader(str(draft_build / f"{CONCEPT}.pdf")).pages
    assert all("ENTWURF" in page.extract_text() for page in pages)

    final = Document(str(concept_files[".docx"]))
    assert final.sections[-1]._sectPr.find(qn("w:lnNumType")) is None
    assert "ENTWURF" not in final.sections[-1].header._element.xml
    assert not any("ENTWURF" in page.extract_text() for page in PdfReader(str(concept_files[".pdf"])).pages)


def test_draft_and_final_differ_only_by_the_marks(draft_build, concept_files):
    """The draft's text is the final text: same paragraphs, same tables."""
    draft = Document(str(draft_build / f"{CONCEPT}.docx"))
    final = Document(str(concept_files[".docx"]))
    assert [p.text for p in draft.paragraphs] == [p.text for p in final.paragraphs]
    assert len(draft.tables) == len(final.tables)


def _directory_lines(document) -> list:
    """The lines of the table of contents and the lists of tables and figures."""
    return [
        p
        for p in document.paragraphs
        if p.style.name.startswith(("toc", "TOC", "Verzeichnis", "table of figures"))
    ]


def test_directories_updated_with_tracking_make_one_entry(draft_build, tmp_path):
    """Word asks to update the fields on opening; with tracking on, every line of the table of
    contents comes back deleted and inserted with its page number (review of the drafts: 104
    entries 'Vorwort' → 'Vorwort 3'). One entry says so; a change in the text is still listed."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    lines = _directory_lines(document)
    assert len(lines) > 20
    for number, line in enumerate(lines):
        runs = [r for r in line._p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
        old = runs[-1]
        old.find(qn("w:t")).tag = qn("w:delText")
        wrapper = parse_xml(
            f'<w:del xmlns:w="{W}" w:id="{2000 + number}" w:author="Amtsleitung" w:date="2026-11-22T08:00:00Z"/>'
        )
        old.addprevious(wrapper)
        wrapper.append(old)
        wrapper.addnext(
            parse_xml(
                f'<w:ins xmlns:w="{W}" w:id="{4000 + number}" w:author="Amtsleitung" w:date="2026-11-22T08:00:00Z">'
                f"<w:r><w:t>{number + 3}</w:t></w:r></w:ins>"
            )
        )
    tracked = _paragraph(document, "Alle Schwangeren, werdenden Väter und Familien")
    _track(tracked, "alle Familien im Landkreis.", "Amtsleitung")
    listing = _reviewed(document, draft_build, tmp_path)
    assert [i["art"] for i in listing] == ["Änderung (nachverfolgt)", "Verzeichnisse aktualisiert (nachverfolgt)"]
    assert listing[1]["neu"].startswith(f"{len(lines)} Zeilen der Verzeichnisse")
    assert listing[1]["von"] == "Amtsleitung"


def test_a_paragraph_whose_mark_alone_is_tracked_is_no_change(draft_build, tmp_path):
    """Enter at a paragraph's end with tracking on marks that paragraph's mark as inserted; its
    text is as it was, and review listed it as changed, before = after (review of the drafts)."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    paragraph = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    properties = paragraph._p.get_or_add_pPr()
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = parse_xml(f'<w:rPr xmlns:w="{W}"/>')
        properties.append(marks)
    marks.append(
        parse_xml(f'<w:ins xmlns:w="{W}" w:id="905" w:author="Amtsleitung" w:date="2026-11-21T09:00:00Z"/>')
    )
    assert _reviewed(document, draft_build, tmp_path) == []


def test_an_edit_tracked_in_one_copy_and_accepted_in_another_is_listed_once(draft_build, tmp_path):
    """Two colleagues return the same edit, one with tracking, one after 'Alle Änderungen
    annehmen': one entry with the tracked author and date, both copies named (review of the drafts:
    listed twice, the README says once)."""
    tracked = Document(str(draft_build / f"{CONCEPT}.docx"))
    paragraph = _paragraph(tracked, "Alle Schwangeren, werdenden Väter und Familien")
    deleted = _track(paragraph, "alle Familien im Landkreis.", "Martina Vogt")
    accepted = Document(str(draft_build / f"{CONCEPT}.docx"))
    paragraph = _paragraph(accepted, "Alle Schwangeren, werdenden Väter und Familien")
    paragraph.runs[-1].text = "alle Familien im Landkreis."
    accepted.core_properties.last_modified_by = "Martina Vogt"
    copies = {"Jugendamt.docx": tracked, "Jugendamt_angenommen.docx": accepted}
    (item,) = _reviewed_copies(draft_build, tmp_path, copies)
    assert item["art"] == "Änderung (nachverfolgt)" and item["datum"] == "20.11.2026"
    assert item["exemplare"] == ["Jugendamt.docx", "Jugendamt_angenommen.docx"]
    assert deleted in item["alt"] and item["neu"].endswith("alle Familien im Landkreis.")


def test_a_pdf_among_the_drafts_is_reported_and_the_others_are_listed(returned, draft_build, tmp_path):
    """One wrong file stopped the whole run with 'etwas anderes (kein ZIP-Archiv)' (review of the
    drafts): the others are listed, the PDF is named as a PDF, the exit code says not all were
    read; a file given twice is read once."""
    pdf = tmp_path / "Rueckmeldung_Sozialamt.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    listing = tmp_path / "liste"
    result = CliRunner().invoke(
        main,
        [
            "review",
            str(returned["path"]),
            str(pdf),
            str(returned["path"]),
            "--manifest",
            str(draft_build / "manifest.json"),
            "-o",
            str(listing),
        ],
    )
    assert result.exit_code == 1
    assert f"{pdf}: ist eine PDF-Datei" in result.output
    assert "1 von 2 Entwürfen nicht ausgewertet" in result.output
    assert "zweimal angegeben, einmal ausgewertet" in result.output
    assert "Traceback" not in result.output
    items = yaml.safe_load(next(listing.glob("*.yaml")).read_text())
    assert len(items) == 3 and all(i["exemplare"] == [returned["path"].name] for i in items)
    # the list the coordinator works from says it too
    (word,) = listing.glob("*.docx")
    assert any(p.text.startswith(f"Nicht ausgewertet: {pdf}") for p in Document(str(word)).paragraphs)


def test_an_opendocument_text_is_named_as_such(tmp_path):
    """LibreOffice's own format is a ZIP too: named, with how to save it as .docx."""
    import zipfile

    odt = tmp_path / "Rueckmeldung.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    result = CliRunner().invoke(main, ["review", str(odt)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        f"{odt}: ist ein OpenDocument-Text (.odt)" in result.output and "„Word 2007–365 (.docx)“" in result.output
    )


def test_a_yaml_value_is_a_source_only_as_whole_words_and_the_template_is_named_beside_it():
    """Review of the drafts: 'Landkreis' (kommune.art) was the source of a template's legal
    paragraph on 'Die Landkreise …', and a caption naming an indicator's unit led to that unit
    alone. A value counts where it stands as whole words; the template line that wrote the rest
    is named beside it, not where the value is all of the block."""
    from pipeline.render.provenance import InputLocation, TextIndex, bookmark

    index = TextIndex(
        {
            "Landkreis": [InputLocation("kommune.yaml", "kommune.art", 11)],
            "Sozialräume": [InputLocation("ziele.yaml", "ziele[6].indikatoren[1].einheit", 218)],
            "Willkommensbesuche für Familien": [InputLocation("massnahmen.yaml", "massnahmen[0].titel", 7)],
        }
    )
    html = (
        '<p data-quelle="konzept/01_einleitung.html.j2:39">Die Landkreise und kreisfreien Städte schützen.</p>'
        '<p data-quelle="konzept/03a_bedarfsanalyse.html.j2:26">Kennzahlen der Sozialräume im Vergleich</p>'
        '<p data-quelle="konzept/06_massnahmen.html.j2:5">Willkommensbesuche für Familien</p>'
    )
    _, (law, caption, title) = bookmark(html, index)
    assert law.where == "templates/konzept/01_einleitung.html.j2:39"
    assert caption.where == (
        "templates/konzept/03a_bedarfsanalyse.html.j2:26 (darin: ziele.yaml:218: ziele[6].indikatoren[1].einheit)"
    )
    assert title.where == "massnahmen.yaml:7: massnahmen[0].titel" and title.inputs_only


def test_a_value_written_in_several_places_is_credited_to_the_record_and_paper_it_belongs_to():
    """Review of the drafts: the first place a value stood in the inputs won – the Kreistag
    paper's number led to kommune.yaml's 'beschluss', a changed date of its Beratungsfolge to the
    row of another committee. A paper's own fields come first, and a row's values are placed in
    one record (the date places the row, the role follows it)."""
    from pipeline.load import load_folder
    from pipeline.render.provenance import _inputs_in, text_index

    loaded, _ = load_folder(EXAMPLE)
    index = text_index(loaded)
    paper = "vorlagen/jha-2026-030-gesamtkonzept.yaml"
    data = yaml.safe_load((EXAMPLE / paper).read_text(encoding="utf-8"))["vorlage"]
    number = data["nummer"]
    assert len(index[number]) > 1  # written in kommune.yaml too
    (found,), _ = _inputs_in(f"Vorlagen-Nr. {number}", index, paper)
    assert (found.file, found.field) == (paper, "vorlage.nummer")
    committees = yaml.safe_load((EXAMPLE / "gremien.yaml").read_text(encoding="utf-8"))["gremien"]
    for row, sitting in enumerate(data["beratungsfolge"]):
        committee = next(g for g in committees if g["id"] == sitting["gremium"])
        day = sitting["datum"].strftime("%d.%m.%Y")
        text = f"{day} | {committee['name']} | {sitting['rolle']}"
        places, _ = _inputs_in(text, index, paper)
        fields = {p.field for p in places if p.file == paper}
        assert f"vorlage.beratungsfolge[{row}].datum" in fields, (text, places)
        assert all(f.startswith(f"vorlage.beratungsfolge[{row}].") for f in fields), (text, places)


def _with_thread(path: Path, parent_author: str, reply_author: str) -> None:
    """Make the second comment of a saved draft a reply to the first, as Word 2013 and later
    write threads: the comments' last paragraphs carry a w14:paraId, commentsExtended.xml names
    the parent's; the first is marked done."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    comments = parts["word/comments.xml"].decode("utf-8")
    ids = iter(["1A2B3C4D", "5E6F7A8B"])
    comments = re.sub(r"<w:p(?=[ >])", lambda m: f'<w:p w14:paraId="{next(ids)}"', comments, count=2)
    comments = comments.replace("<w:comments ", f'<w:comments xmlns:w14="{w14}" ', 1)
    assert parent_author in comments and reply_author in comments
    parts["word/comments.xml"] = comments.encode("utf-8")
    parts["word/commentsExtended.xml"] = (
        b'<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        b'<w15:commentEx w15:paraId="1A2B3C4D" w15:done="1"/>'
        b'<w15:commentEx w15:paraId="5E6F7A8B" w15:paraIdParent="1A2B3C4D" w15:done="0"/>'
        b"</w15:commentsEx>"
    )
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended"'
        ' Target="commentsExtended.xml"/></Relationships>',
    ).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_reply_is_listed_under_the_comment_it_answers(draft_build, tmp_path):
    """Review of the drafts: a reply ('Nein, bleibt so') stood as a comment of its own with the
    quote repeated. It follows the comment it answers and says so; a comment marked done says
    that too."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    commented = _paragraph(document, "Die Babylotsinnen und Babylotsen bieten allen Eltern")
    document.add_comment(commented.runs, "Zahl der Gespräche 2025 ergänzen?", author="Martina Vogt", initials="MV")
    document.add_comment(commented.runs, "Nein, bleibt so.", author="Jens Albers", initials="JA")
    path = tmp_path / "Faden.docx"
    document.save(str(path))
    _with_thread(path, "Martina Vogt", "Jens Albers")
    listing = tmp_path / "liste"
    result = CliRunner().invoke(
        main, ["review", str(path), "--manifest", str(draft_build / "manifest.json"), "-o", str(listing)]
    )
    assert result.exit_code == 0, result.output
    first, reply = yaml.safe_load(next(listing.glob("*.yaml")).read_text())
    assert (
        first["art"] == "Kommentar (als erledigt markiert)"
        and first["kommentar"] == "Zahl der Gespräche 2025 ergänzen?"
    )
    assert first["alt"].startswith("Die Babylotsinnen und Babylotsen")
    assert reply["art"] == "Kommentar – Antwort" and reply["von"] == "Jens Albers"
    assert reply["kommentar"] == "Antwort auf den Kommentar von Martina Vogt: Nein, bleibt so."
    assert "alt" not in reply and reply["quelle"] == first["quelle"]


def test_a_long_source_breaks_at_its_separators_in_the_pdf_list(returned, draft_build, tmp_path):
    """Review of the drafts: in the PDF list a source like 'templates/konzept/03a_bedarfsanalyse.html.j2:5'
    ran past its column and the page, losing file name and line. It breaks after its separators,
    every character stays on the page; an amount is never broken so."""
    from pipeline.export.to_typst import _path_pieces

    assert _path_pieces("templates/konzept/15_qualitaet.html.j2:4") == [
        "templates/",
        "konzept/",
        "15_",
        "qualitaet.",
        "html.",
        "j2:",
        "4",
    ]
    assert _path_pieces("zielgruppen[0].beschreibung") == ["zielgruppen", "[0].", "beschreibung"]
    for word in ("1.234.567,89", "Jugendhilfeausschuss", "Träger/innen", "Erziehungs-/Familienberatungsstelle"):
        assert _path_pieces(word) == [word]
    result = CliRunner().invoke(
        main,
        ["review", str(returned["path"]), "--manifest", str(draft_build / "manifest.json"), "-o", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    listing = yaml.safe_load(next(tmp_path.glob("*.yaml")).read_text())
    reader = PdfReader(str(next(tmp_path.glob("*.pdf"))))
    width = float(reader.pages[0].mediabox.width)
    right: list[float] = []

    def where(text, cm, tm, font, size):
        if text.strip():
            right.append(tm[4] * cm[0] + cm[4])

    text = ""
    for page in reader.pages:
        text += page.extract_text(visitor_text=where)
    flat = "".join(text.split())  # a copied path is found as it is: no invisible character in it
    for item in listing:
        assert "".join(item["quelle"].split()) in flat
    assert max(right) < width - 40  # every line starts inside the right margin


def test_running_review_again_keeps_the_earlier_list_with_its_marks(returned, draft_build, tmp_path):
    """The coordinator marks points done in the Word list; review run again with another draft
    overwrote it (review of the drafts). The earlier list is kept beside the new one; the same
    list written again changes nothing."""
    arguments = ["--manifest", str(draft_build / "manifest.json"), "-o", str(tmp_path)]
    first = CliRunner().invoke(main, ["review", str(returned["path"]), *arguments])
    assert first.exit_code == 0, first.output
    (listing,) = tmp_path.glob("*.docx")
    again = CliRunner().invoke(main, ["review", str(returned["path"]), *arguments])
    assert again.exit_code == 0 and "bleibt erhalten" not in again.output
    marked = Document(str(listing))
    marked.add_paragraph("✔ erledigt: Punkt 1")
    marked.save(str(listing))
    third = CliRunner().invoke(main, ["review", str(returned["path"]), *arguments])
    assert third.exit_code == 0, third.output
    (kept,) = tmp_path.glob("*.bisher-*.docx")
    assert f"bleibt erhalten als: {kept}" in third.output
    assert any(p.text == "✔ erledigt: Punkt 1" for p in Document(str(kept)).paragraphs)
    assert not any("erledigt" in p.text for p in Document(str(listing)).paragraphs)
    # the YAML list too (fuzz review: a note added there was replaced unasked)
    (yaml_list,) = [p for p in tmp_path.glob("*.yaml") if ".bisher-" not in p.name]
    yaml_list.write_text(yaml_list.read_text(encoding="utf-8") + "# erledigt bis Punkt 3\n", encoding="utf-8")
    fourth = CliRunner().invoke(main, ["review", str(returned["path"]), *arguments])
    assert fourth.exit_code == 0, fourth.output
    (kept_yaml,) = tmp_path.glob("*.bisher-*.yaml")
    assert f"bleibt erhalten als: {kept_yaml}" in fourth.output
    assert kept_yaml.read_text(encoding="utf-8").endswith("# erledigt bis Punkt 3\n")
    assert "erledigt bis" not in yaml_list.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_draft_of_an_earlier_build_is_compared_with_that_build(example_copy, tmp_path):
    """Drafts go round while the coordinator works on: after a new build the folder held only the
    new manifest, review refused the draft, and with the new one named her own later edit came
    back as the colleague's (review of the drafts). A draft build keeps its manifest: review
    finds it, and lists only what the colleague changed."""
    from .conftest import edit_yaml

    out = tmp_path / "out"
    build(example_copy, out, "konzept", draft=True)
    draft = tmp_path / "Rueckmeldung_Kita.docx"
    shutil.copy(out / f"{CONCEPT}.docx", draft)
    document = Document(str(draft))
    document.add_comment(
        _paragraph(document, "Die Babylotsinnen und Babylotsen bieten allen Eltern").runs,
        "Gut so.",
        author="Kita",
        initials="K",
    )
    document.save(str(draft))
    kept = list((out / ".entwurfsmanifeste").glob("manifest-*.json"))
    assert len(kept) == 1

    def retitled(data):
        data["massnahmen"][0]["titel"] = "Willkommensbesuche für alle Familien mit Neugeborenen"

    edit_yaml(example_copy, "massnahmen.yaml", retitled)
    build(example_copy, out, "konzept", draft=True)
    assert len(list((out / ".entwurfsmanifeste").glob("manifest-*.json"))) == 2
    shutil.copy(draft, out / draft.name)  # beside the rebuilt folder's new manifest
    result = CliRunner().invoke(main, ["review", str(out / draft.name), "-o", str(tmp_path / "liste")])
    assert result.exit_code == 0, result.output
    (item,) = yaml.safe_load(next((tmp_path / "liste").glob("*.yaml")).read_text())
    assert item["art"] == "Kommentar" and item["kommentar"] == "Gut so."


def test_a_change_in_a_file_that_names_no_editor_is_credited_to_nobody(draft_build, tmp_path):
    """The build writes its publisher as the last to save the draft; an editor that leaves the
    property as it is credited changes without tracking to the coordinator's own department
    (review of the drafts)."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    publisher = document.core_properties.last_modified_by
    assert publisher and publisher == document.core_properties.author
    edited = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    edited.runs[0].text = "Das Netzwerk arbeitet nach diesem Konzept. "
    (item,) = _reviewed(document, draft_build, tmp_path)
    assert item["art"] == "Änderung (ohne Nachverfolgung)"
    assert item["von"] == "unbekannt (die Datei nennt nur den Herausgeber, nicht wer sie zuletzt gespeichert hat)"


def test_a_comment_on_a_figure_belongs_to_its_caption(draft_build, tmp_path):
    """A picture has no bookmark of its own: a comment on it came out '[ohne Kapitel]' with an
    unknown source, at the end of the list (review of the drafts). It is listed with the caption
    under it – its chapter, its source."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    paragraphs = document.paragraphs
    at = next(
        i
        for i, p in enumerate(paragraphs[:-1])
        if p._p.xpath(".//w:drawing") and paragraphs[i + 1].text.startswith("Abbildung 1:")
    )
    document.add_comment(paragraphs[at].runs, "Farben im Druck nicht unterscheidbar.", author="Kita", initials="K")
    (item,) = _reviewed(document, draft_build, tmp_path)
    assert item["kapitel"] == "Bedarfsanalyse"
    assert item["alt"] == f"Bild: „{paragraphs[at + 1].text.split(': ', 1)[1]}“"  # the caption, its number aside
    assert "keine Quelle" not in item["quelle"] and "templates/konzept/03a_bedarfsanalyse" in item["quelle"]


def test_a_comment_over_several_paragraphs_names_the_source_of_each(draft_build, tmp_path):
    """Review of the drafts: a comment over three paragraphs, asking to merge them, named only the
    first one's source."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    paragraphs = document.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Jedes Kind im Landkreis Musterkreis"))
    spanned = [p for p in paragraphs[first : first + 3] if p.runs]
    assert len(spanned) == 3
    document.add_comment(
        [spanned[0].runs[0], spanned[-1].runs[-1]], "Zusammenfassen?", author="Kita", initials="K"
    )
    (item,) = _reviewed(document, draft_build, tmp_path)
    sources = item["quelle"].split(" | ")
    assert len(sources) == 3 and len(set(sources)) == 3
    # the foreword's two paragraphs (their lines in kommune.yaml), then the signature under it
    assert all("konzept.vorwort.text" in s for s in sources[:2]) and "verwaltungsspitze" in sources[2]


def test_points_of_several_documents_stay_together_under_their_document():
    """Review of the drafts: a concept and a paper read together were interleaved by bookmark
    number, no heading said which document a point was in, and the paper's head stood under
    'Ohne Kapitel'. Each document's points stay together, in the order given, headed with it."""
    from pipeline.drafts import RevisionItem, merge

    def item(document: str, chapter: str, position: int, comment: str) -> RevisionItem:
        return RevisionItem(
            "Kommentar",
            chapter,
            "alt",
            "",
            "quelle",
            f"gk{position:04d}",
            comment,
            document=document,
            position=position,
        )

    concept = [item("Gesamtkonzept_Musterkreis_2.0.docx", "Bedarfsanalyse", 130, "a")]
    paper = [
        item("vorlagen/JHA-2026-030_Kreistag.docx", "", 1, "b"),
        item("vorlagen/JHA-2026-030_Kreistag.docx", "Beschlussvorschlag", 19, "c"),
    ]
    merged = merge([concept, paper])
    assert [i.comment for i in merged] == ["a", "b", "c"]
    assert [i.section for i in merged] == [
        "Gesamtkonzept_Musterkreis_2.0 – Bedarfsanalyse",
        "JHA-2026-030_Kreistag – Anfang",
        "JHA-2026-030_Kreistag – Beschlussvorschlag",
    ]
    assert [i.section for i in merge([concept])] == ["Bedarfsanalyse"]
    # the same mark and text in two documents are two points
    twin = [item("vorlagen/GA-2026-027.docx", "Bedarfsanalyse", 130, "a")]
    assert len(merge([concept, twin])) == 2


@pytest.mark.slow
def test_review_says_when_the_inputs_changed_since_the_build(tmp_path):
    """Review of the drafts: once the coordinator worked in the first returned draft, the line
    numbers of the next one's sources were stale without a word. Review says so, in the terminal
    and in the list."""
    folder = tmp_path / "inputs" / "lindenau"
    shutil.copytree(EXAMPLE, folder)
    out = tmp_path / "outputs" / "lindenau"
    build(folder, out, "konzept", draft=True)
    draft = out / "Rueckmeldung.docx"
    document = Document(str(out / f"{CONCEPT}.docx"))
    document.add_comment(
        _paragraph(document, "Die Babylotsinnen und Babylotsen bieten allen Eltern").runs, "Gut.", author="K"
    )
    document.save(str(draft))
    listing = tmp_path / "liste"
    unchanged = CliRunner().invoke(main, ["review", str(draft), "-o", str(listing)])
    assert unchanged.exit_code == 0 and "seit dem Build geändert" not in unchanged.output
    kommune = folder / "kommune.yaml"
    kommune.write_text(
        "# bearbeitet nach dem ersten Rücklauf\n" + kommune.read_text(encoding="utf-8"), encoding="utf-8"
    )
    changed = CliRunner().invoke(main, ["review", str(draft), "-o", str(listing)])
    assert changed.exit_code == 0, changed.output
    assert (
        f"Die Eingaben in {Path('inputs') / 'lindenau'}" in changed.output
        or f"Die Eingaben in {folder}" in changed.output
    )
    assert "Zeilenangaben der Quellen können sich verschoben haben" in changed.output
    (word,) = [p for p in listing.glob("*.docx") if ".bisher-" not in p.name]
    assert any(
        "Zeilenangaben der Quellen können sich verschoben haben" in p.text for p in Document(str(word)).paragraphs
    )


def test_a_paragraph_moved_with_tracking_is_listed_at_both_places(draft_build, tmp_path):
    """Word records a move as moved from and moved to: review listed the new place as untracked
    new text under the last editor's name, and the old place not at all – the coordinator would
    have kept the text twice (review of the drafts)."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    moved = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    text = moved.text
    stamp = 'w:author="Martina Vogt" w:date="2026-11-20T10:00:00Z"'
    for number, run in enumerate(moved._p.findall(qn("w:r"))):
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = parse_xml(f'<w:moveFrom xmlns:w="{W}" w:id="{950 + number}" {stamp}/>')
        run.addprevious(wrapper)
        wrapper.append(run)
    target = _paragraph(document, "Jedes Kind im Landkreis Musterkreis")
    new = target.insert_paragraph_before("")
    target._p.addnext(new._p)
    new._p.append(parse_xml(f'<w:moveTo xmlns:w="{W}" w:id="990" {stamp}><w:r><w:t>{text}</w:t></w:r></w:moveTo>'))
    listing = _reviewed(document, draft_build, tmp_path)
    kinds = {i["art"]: i for i in listing}
    assert set(kinds) == {"Verschoben hierher (nachverfolgt)", "Verschoben von hier (nachverfolgt)"}, listing
    to, away = kinds["Verschoben hierher (nachverfolgt)"], kinds["Verschoben von hier (nachverfolgt)"]
    assert to["neu"] == text and to["kapitel"] == "Vorwort" and to["von"] == "Martina Vogt"
    assert to["quelle"].startswith("neu nach „Jedes Kind im Landkreis Musterkreis")
    assert away["alt"] == text and away["quelle"] == "templates/konzept/15_qualitaet.html.j2:4"


def test_a_change_in_a_long_paragraph_names_the_words_changed():
    """Review of the drafts: 'Die Daten bestätigen' → 'Die Daten aus 2024 bestätigen' in a paragraph
    of 90 words had to be found by eye. The words changed are named; a short text is read whole."""
    from pipeline.drafts import RevisionItem, word_changes

    old = (
        "Die Daten bestätigen den Bedarf an Hebammenhilfe im Wochenbett in allen drei Sozialräumen des "
        "Landkreises, vor allem in Süd, wo jede vierte Mutter keine Hebamme findet."
    )
    new = old.replace("Die Daten bestätigen", "Die Daten aus 2024 bestätigen").replace(
        "jede vierte", "fast jede vierte"
    )
    assert word_changes(old, new) == "„aus 2024“ eingefügt; „fast“ eingefügt"
    assert word_changes(old, old.replace(" vor allem", "")) == "„vor allem“ gestrichen"
    assert word_changes("Kurzer Satz.", "Kurzer neuer Satz.") == ""
    item = RevisionItem("Änderung (nachverfolgt)", "Bedarfsanalyse", old, new, "kommune.yaml:215")
    assert item.as_yaml()["geaendert"] == "„aus 2024“ eingefügt; „fast“ eingefügt"


def test_a_paragraph_cut_and_pasted_without_tracking_is_listed_as_moved(draft_build, tmp_path):
    """Word carries a block's bookmark along when it is cut and pasted: it stands out of the
    build's order, and is listed where it stands now (review of the drafts: not reported)."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    moved = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    target = _paragraph(document, "Jedes Kind im Landkreis Musterkreis")
    target._p.addnext(moved._p)
    (item,) = _reviewed(document, draft_build, tmp_path)
    assert item["art"] == "Verschoben (ohne Nachverfolgung)"
    assert item["alt"] == moved.text and item["kapitel"] == "Qualitätsentwicklung und Fortschreibung"
    assert item["neu"].startswith("jetzt nach „Jedes Kind im Landkreis Musterkreis") and item["neu"].endswith(
        "(Vorwort)"
    )


def _rewritten(source: Path, target: Path, change) -> None:
    """A copy of a Word file whose XML parts `change(name, text)` rewrites."""
    import zipfile

    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(
                name, change(name, data.decode("utf-8")).encode("utf-8") if name.endswith(".xml") else data
            )


def test_an_untouched_form_saved_by_libreoffice_gives_no_points(built, tmp_path):
    """LibreOffice writes the style id 'Ausfüllzeile' as 'Ausfllzeile': the rows of form fields,
    no longer recognised, were read as tables of data and came back as 103 changes (review of the
    drafts). The style is known by its name."""
    [agreement] = built.glob("kooperationsvereinbarung/Kooperationsvereinbarung_*.docx")
    saved = tmp_path / "Vereinbarung_LibreOffice.docx"
    _rewritten(
        agreement,
        saved,
        lambda name, text: text.replace(
            '<w:pStyle w:val="Ausfüllzeile"/>', '<w:pStyle w:val="Ausfllzeile"/>'
        ).replace('w:styleId="Ausfüllzeile"', 'w:styleId="Ausfllzeile"'),
    )
    result = CliRunner().invoke(
        main, ["review", str(saved), "--manifest", str(built / "manifest.json"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(next(tmp_path.glob("*.yaml")).read_text()) == []


def test_a_move_whose_old_text_stands_in_plain_runs_is_listed_at_its_old_place(draft_build, tmp_path):
    """LibreOffice keeps moved-away and deleted text in w:t, not w:delText: the old place of a move
    went unlisted, the coordinator would have kept the text twice (review of the drafts)."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    moved = _paragraph(document, "Das Netzwerk versteht das Gesamtkonzept als Arbeitsgrundlage")
    text = moved.text
    for number, run in enumerate(moved._p.findall(qn("w:r"))):
        wrapper = parse_xml(
            f'<w:moveFrom xmlns:w="{W}" w:id="{960 + number}" w:author="LO" w:date="2026-11-20T10:00:00Z"/>'
        )
        run.addprevious(wrapper)
        wrapper.append(run)
    (item,) = _reviewed(document, draft_build, tmp_path)
    assert item["art"] == "Verschoben von hier (nachverfolgt)" and item["alt"] == text


def _row_of(document, first_cell: str):
    """The table row whose first cell reads `first_cell`."""
    return next(r for t in document.tables for r in t.rows if r.cells[0].text == first_cell)


def test_a_table_row_deleted_with_tracking_is_one_entry(draft_build, tmp_path):
    """Review of the drafts: a row deleted with tracking came as one entry per cell."""
    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    row = _row_of(document, "ASD")
    for number, run in enumerate(
        r for cell in row.cells for p in cell.paragraphs for r in p._p.findall(qn("w:r"))
    ):
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = parse_xml(
            f'<w:del xmlns:w="{W}" w:id="{970 + number}" w:author="K" w:date="2026-11-20T10:00:00Z"/>'
        )
        run.addprevious(wrapper)
        wrapper.append(run)
    (item,) = _reviewed(document, draft_build, tmp_path)
    assert item["art"] == "Zeile gelöscht (nachverfolgt)" and item["alt"] == "ASD | Allgemeiner Sozialer Dienst"


def test_a_cell_edited_with_tracking_merges_with_the_copy_that_accepted_it(draft_build, tmp_path):
    """Review of the drafts: the tracked copy compared the cell, the accepted copy the whole row –
    the same edit was listed twice."""
    tracked = Document(str(draft_build / f"{CONCEPT}.docx"))
    _track(_row_of(tracked, "ASD").cells[1].paragraphs[0], "Allgemeiner Sozialdienst", "K")
    accepted = Document(str(draft_build / f"{CONCEPT}.docx"))
    cell = _row_of(accepted, "ASD").cells[1].paragraphs[0]
    for run in cell.runs[:-1]:
        run.text = ""
    cell.runs[-1].text = "Allgemeiner Sozialdienst"
    accepted.core_properties.last_modified_by = "K"
    (item,) = _reviewed_copies(
        draft_build, tmp_path, {"Mit_Nachverfolgung.docx": tracked, "Angenommen.docx": accepted}
    )
    assert item["art"] == "Änderung (nachverfolgt)" and item["neu"] == "ASD | Allgemeiner Sozialdienst"
    assert item["exemplare"] == ["Mit_Nachverfolgung.docx", "Angenommen.docx"]


def test_a_reply_follows_its_own_comment_when_two_comments_share_a_block(draft_build, tmp_path):
    """Diff review: with two comments on one block, a reply to the first came after the second."""
    import re
    import zipfile

    document = Document(str(draft_build / f"{CONCEPT}.docx"))
    commented = _paragraph(document, "Die Babylotsinnen und Babylotsen bieten allen Eltern")
    for text, author in (("Erste Frage?", "A"), ("Zweite Frage?", "B"), ("Antwort auf die erste.", "C")):
        document.add_comment(commented.runs, text, author=author, initials=author)
    path = tmp_path / "Faeden.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    ids = iter(["0000000A", "0000000B", "0000000C"])
    comments = re.sub(
        r"<w:p(?=[ >])", lambda m: f'<w:p w14:paraId="{next(ids)}"', parts["word/comments.xml"].decode(), count=3
    )
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    parts["word/comments.xml"] = comments.replace("<w:comments ", f'<w:comments xmlns:w14="{w14}" ', 1).encode()
    parts["word/commentsExtended.xml"] = (
        b'<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        b'<w15:commentEx w15:paraId="0000000A"/><w15:commentEx w15:paraId="0000000B"/>'
        b'<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000A"/></w15:commentsEx>'
    )
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended"'
        b' Target="commentsExtended.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    listing = tmp_path / "liste"
    result = CliRunner().invoke(
        main, ["review", str(path), "--manifest", str(draft_build / "manifest.json"), "-o", str(listing)]
    )
    assert result.exit_code == 0, result.output
    items = yaml.safe_load(next(listing.glob("*.yaml")).read_text())
    assert [i["von"] for i in items] == ["A", "C", "B"]


def test_a_date_written_the_german_way_is_found_where_the_documents_print_it(tmp_path):
    """'datum: 1.3.2027' stands in the documents as 01.03.2027: indexed as written, a row of the
    Beratungsfolge was no longer found at its record (diff review)."""
    import shutil

    from pipeline.load import load_folder
    from pipeline.render.provenance import text_index

    folder = tmp_path / "kreis"
    shutil.copytree(EXAMPLE, folder)
    paper = folder / "vorlagen" / "jha-2026-030-gesamtkonzept.yaml"
    data = yaml.safe_load(paper.read_text(encoding="utf-8"))["vorlage"]
    first = data["beratungsfolge"][0]["datum"]
    paper.write_text(
        paper.read_text(encoding="utf-8").replace(f"datum: {first.isoformat()}", "datum: 5.3.2027", 1),
        encoding="utf-8",
    )
    loaded, _ = load_folder(folder)
    places = text_index(loaded)["05.03.2027"]
    assert any(p.field == "vorlage.beratungsfolge[0].datum" for p in places), places


def test_review_says_the_inputs_changed_when_they_are_not_valid_now(tmp_path):
    """The note that the inputs changed since the build was silent while they were invalid – the
    coordinator in the middle of her edits (open item of the drafts review)."""
    from types import SimpleNamespace

    from pipeline.cli import _inputs_changed

    folder = tmp_path / "inputs" / "lindenau"
    shutil.copytree(EXAMPLE, folder)
    (folder / "ziele.yaml").write_text("ziele: [\n", encoding="utf-8")
    manifest = SimpleNamespace(
        inputs=("lindenau", "0" * 64), path=tmp_path / "outputs" / "lindenau" / "manifest.json"
    )
    note = _inputs_changed(manifest)
    assert note.startswith(
        f"Die Eingaben in {folder} sind derzeit nicht gültig (`gesamtkonzept validate {folder}`"
    )
    assert note.endswith(
        "Die Zeilenangaben der Quellen können sich verschoben haben; die genannten Felder gelten weiter."
    )
