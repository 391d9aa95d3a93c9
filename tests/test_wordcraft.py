"""Word and PDF as a municipality publishes them: headings numbered by Word's list, captions and
chapter references as fields, directories, landscape pages for wide tables, rows and totals
that stay whole, PDF/A-2a with PDF/UA-1."""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

W_P, W_T, W_TAB = qn("w:p"), qn("w:t"), qn("w:tab")


@pytest.fixture(scope="module")
def document(concept_files):
    return Document(str(concept_files[".docx"]))


@pytest.fixture(scope="module")
def body(document):
    return document.element.body


def _style(p) -> str:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else ""


def _text(p) -> str:
    return "".join(
        "\t" if n.tag == W_TAB else n.text or "" for n in p.iter(W_T, W_TAB) if n.getparent().tag == qn("w:r")
    )


def _fields(element) -> list[tuple[str, str]]:
    """(instruction, cached result) of each complex field, in order."""
    found, instruction, result, state = [], "", "", None
    for node in element.iter(qn("w:fldChar"), qn("w:instrText"), W_T):
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                instruction, result, state = "", "", "instruction"
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                found.append((instruction.strip(), result))
                state = None
        elif node.tag == qn("w:instrText") and state == "instruction":
            instruction += node.text or ""
        elif node.tag == W_T and state == "result":
            result += node.text or ""
    return found


def _headings(body) -> list[tuple[int, str, object]]:
    levels = {"Heading1": 1, "Heading2": 2, "Heading3": 3}
    return [(levels[_style(p)], _text(p), p) for p in body.iterchildren(W_P) if _style(p) in levels]


def _outside_the_count(p) -> bool:
    """A heading the list leaves out (numId 0 on the paragraph): front matter."""
    num = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return num is not None and num.get(qn("w:val")) == "0"


def _chapters(body) -> list:
    return [p for level, _, p in _headings(body) if level == 1 and not _outside_the_count(p)]


def test_headings_are_numbered_by_a_list_bound_to_the_heading_styles(document, body):
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.iterchildren(qn("w:style"))}
    numbering = document.part.numbering_part.element
    num_ids = set()
    for level in (1, 2, 3):
        num = styles[f"Heading{level}"].find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        assert num is not None
        ilvl = num.find(qn("w:ilvl"))
        assert (int(ilvl.get(qn("w:val"))) if ilvl is not None else 0) == level - 1
        num_ids.add(num.find(qn("w:numId")).get(qn("w:val")))
    assert len(num_ids) == 1
    num = next(n for n in numbering.iterchildren(qn("w:num")) if n.get(qn("w:numId")) in num_ids)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in numbering.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    levels = {lvl.get(qn("w:ilvl")): lvl for lvl in abstract.iterchildren(qn("w:lvl"))}
    assert levels["0"].find(qn("w:pStyle")).get(qn("w:val")) == "Heading1"
    assert levels["1"].find(qn("w:lvlText")).get(qn("w:val")) == "%1.%2"
    # nothing typed into the heading's text, and the TOC's heading stays unnumbered
    assert all(not re.match(r"\d", text) or text.startswith(("Z", "M")) for _, text, _ in _headings(body))
    # Vorwort and Das Wichtigste in Kürze stand before chapter 1, outside the count
    front = [text for _, text, p in _headings(body) if _outside_the_count(p)]
    assert front == ["Vorwort", "Das Wichtigste in Kürze"]
    assert _text(_chapters(body)[0]).startswith("Einleitung")
    toc_heading = styles["TOCHeading"].find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    assert toc_heading.get(qn("w:val")) == "0"


def test_captions_count_with_seq_fields(document, body):
    captions = [p for p in body.iterchildren(W_P) if _style(p) == "TableCaption"]
    tables_with_caption = [
        t for t in body.iter(qn("w:tbl")) if t.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") is not None
    ]
    assert len(captions) == len(tables_with_caption) > 20
    for number, caption in enumerate(captions, start=1):
        assert _fields(caption) == [("SEQ Tabelle \\* ARABIC", str(number))]
        assert _text(caption).startswith(f"Tabelle {number}: ")
    figures = [p for p in body.iterchildren(W_P) if _style(p) == "ImageCaption"]
    assert figures
    for number, caption in enumerate(figures, start=1):
        assert _fields(caption) == [("SEQ Abbildung \\* ARABIC", str(number))]


def test_chapter_references_are_ref_fields_to_the_numbered_heading(body):
    chapters = _chapters(body)
    number_of = {}
    for number, heading in enumerate(chapters, start=1):
        for start in heading.iter(qn("w:bookmarkStart")):
            number_of[start.get(qn("w:name"))] = number
    references = [(i, r) for p in body.iter(W_P) for i, r in _fields(p) if i.startswith("REF ")]
    assert len(references) > 10
    for instruction, cached in references:
        mark = instruction.split()[1]
        assert mark.startswith("_Ref") and "\\w" in instruction
        assert cached == str(number_of[mark])
    # the sentence of the Zuständigkeitsmatrix names the chapter of the measures
    titles = [_text(p) for p in chapters]
    matrix = next(p for p in body.iter(W_P) if _text(p).startswith("Die Matrix zeigt"))
    assert _fields(matrix)[0][1] == str(titles.index("Angebote und Maßnahmen") + 1)
    assert not list(body.iter(qn("w:hyperlink"))) or all(
        h.get(qn("w:anchor"), "").startswith("_Toc") for h in body.iter(qn("w:hyperlink"))
    )
    # in a bold lead-in ("Für wen (Kapitel 5):") the number is bold too, and stays so on update
    lead_in = next(p for p in body.iter(W_P) if _text(p).startswith("Für wen (Kapitel"))
    separator = next(f for f in lead_in.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "separate")
    result = separator.getparent().getnext()
    assert result.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
    assert "MERGEFORMAT" in _fields(lead_in)[0][0]
    # the field code's runs too: LibreOffice sets the result as the code's first character
    begin = next(f for f in lead_in.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "begin")
    code = begin.getparent().getnext()
    assert code.find(qn("w:instrText")) is not None and code.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None


def test_directories_are_fields_with_linked_entries(body):
    fields = _fields(body)
    instructions = [i for i, _ in fields]
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions
    assert 'TOC \\h \\z \\c "Tabelle"' in instructions
    assert 'TOC \\h \\z \\c "Abbildung"' in instructions
    marks = {s.get(qn("w:name")): s.getparent() for s in body.iter(qn("w:bookmarkStart"))}
    entries = [p for p in body.iter(W_P) if _style(p) in ("TOC1", "TOC2", "TableofFigures")]
    headings = [(level, text) for level, text, _ in _headings(body) if level <= 2]
    assert len([e for e in entries if _style(e) != "TableofFigures"]) == len(headings)
    for entry in entries:
        link = entry.find(qn("w:hyperlink"))
        target = marks[link.get(qn("w:anchor"))]
        title = _text(entry).split("\t")[-1]
        assert _text(target).endswith(title.split(": ", 1)[-1])
    dirty = [c for c in body.iter(qn("w:fldChar")) if c.get(qn("w:dirty")) == "true"]
    assert len(dirty) == 3  # Word updates the directories (and their page numbers) on opening
    # the lists' headings stand apart from the directory above them (layout review: the style has no space)
    lists = [
        p
        for p in body.iter(W_P)
        if _style(p) == "TOCHeading" and _text(p) in ("Tabellenverzeichnis", "Abbildungsverzeichnis")
    ]
    assert len(lists) == 2
    assert all(int(p.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:before"))) >= 240 for p in lists)


def test_wide_tables_stand_in_landscape_sections_with_header_and_footer(document):
    sections = document.sections
    landscape = [s for s in sections if s.page_width > s.page_height]
    assert len(landscape) >= 3  # Maßnahmenplan, Zuständigkeitsmatrix, Abstimmungswege
    for section in landscape:
        assert section.header.paragraphs[0].text == "Landkreis Musterkreis · Gesamtkonzept Frühe Hilfen"
        assert "Seite" in section.footer.paragraphs[0].text
        assert 'w:instr=" PAGE "' in section.footer._element.xml
        assert not section.different_first_page_header_footer
    assert sections[0].different_first_page_header_footer  # the title page
    body = document.element.body
    in_landscape, found = False, set()
    for child in body:
        properties = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if child.tag == W_P else None
        if properties is not None:
            size = properties.find(qn("w:pgSz"))
            in_landscape = size.get(qn("w:orient")) != "landscape"  # the next section's, once ended
        if child.tag == qn("w:tbl") and in_landscape:
            caption = child.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
            found.add(caption.get(qn("w:val")))
    assert {
        "Maßnahmenplan",
        "Zuständigkeitsmatrix: Akteure und Maßnahmen",
        "Vereinbarte und empfohlene Abstimmungswege",
    } <= found


def test_no_row_splits_and_word_hyphenates_german(concept_files, body):
    rows = list(body.iter(qn("w:tr")))
    assert rows
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    with zipfile.ZipFile(concept_files[".docx"]) as package:
        settings = package.read("word/settings.xml").decode()
        styles = package.read("word/styles.xml").decode()
    assert '<w:autoHyphenation w:val="true"/>' in settings
    assert '<w:themeFontLang w:val="de-DE"/>' in settings
    # current Word's layout rules: without them Word opens the file in compatibility mode
    assert re.search(r'<w:compatSetting w:name="compatibilityMode" w:uri="[^"]+" w:val="15"/>', settings)
    # titles and headings are never hyphenated ('Kooperationsvereinbarung Netz-werk')
    document = Document(str(concept_files[".docx"]))
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        properties = document.styles[name].element.find(qn("w:pPr"))
        assert properties is not None and properties.find(qn("w:suppressAutoHyphens")) is not None, name
    # nor are captions, as in the PDF ('Zuständigkeit des Ausschusses für Ge-|sundheit')
    captions = [style for style in document.styles if style.style_id in ("TableCaption", "ImageCaption")]
    assert len(captions) == 2
    for style in captions:
        properties = style.element.find(qn("w:pPr"))
        assert properties is not None and properties.find(qn("w:suppressAutoHyphens")) is not None, style.name
    names = set(re.findall(r'<w:name w:val="([^"]+)"/>', styles))
    assert not names & {
        "Compact",
        "First Paragraph",
        "Table Caption",
        "Image Caption",
        "Author",
        "Captioned Figure",
        "Source Code",
    }
    assert not [name for name in names if name.endswith("Tok")]  # pandoc's styles for program code
    assert {"Kompakt", "Erster Absatz", "Tabellenbeschriftung"} <= names
    # one body style in use, not two that look alike (review of the drafts)
    with zipfile.ZipFile(concept_files[".docx"]) as package:
        body = package.read("word/document.xml").decode()
    assert 'w:pStyle w:val="FirstParagraph"' not in body and 'w:pStyle w:val="BodyText"' in body


@pytest.fixture(scope="module")
def pdf(concept_files):
    return PdfReader(str(concept_files[".pdf"]))


def test_pdf_is_pdfa_2a_and_pdfua_1(pdf):
    xmp = pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    # PDF/A wants every schema outside its own list declared: pdfuaid is
    schemas = re.findall(r"<pdfaSchema:namespaceURI>([^<]+)</pdfaSchema:namespaceURI>", xmp)
    assert "http://www.aiim.org/pdfua/ns/id/" in schemas


def test_the_matrix_reads_in_8_pt_with_room_for_the_names_in_word(document):
    """7 pt made the Zuständigkeitsmatrix hard to read in print while its landscape page had room:
    8 pt (7 pt only beyond 24 columns), and the measures' columns no wider than they need, so the
    actors' names take the rest (templates/konzept/07_akteure.html.j2)."""
    from pipeline.export.text_width import wide_table_points

    table = next(t for t in document.element.body.iter(qn("w:tbl")) if len(list(t.iter(qn("w:gridCol")))) > 20)
    sizes = {s.get(qn("w:val")) for s in table.iter(qn("w:sz"))}
    assert sizes == {"16"} and wide_table_points(22) == 8.0 and wide_table_points(31) == 7.0
    grid = [int(c.get(qn("w:w"))) for c in table.iter(qn("w:gridCol"))]
    assert grid[0] > 5 * max(grid[1:])  # the names' column


def test_matrix_columns_give_the_names_what_the_numbers_do_not_need():
    from pipeline.render.environment import matrix_columns

    few = matrix_columns("Akteur", list(range(1, 19)), 74, 3.0)
    assert [w for _, w, _ in few[1:]] == [3.0] * 18 and few[0][1] == 100 - 54
    many = matrix_columns("Akteur", list(range(1, 31)), 74, 3.0)
    assert many[1][1] == 2.4 and many[0][1] == 100 - 72  # shared as before where there are many


def test_pdf_turns_the_wide_tables_to_landscape_with_header_and_footer(pdf):
    pages = [(p, p.extract_text()) for p in pdf.pages]
    wide = [(p, t) for p, t in pages if p.mediabox.width > p.mediabox.height]
    assert any("Zuständigkeitsmatrix: Akteure und Maßnahmen" in t for _, t in wide)
    assert any("Vereinbarte und empfohlene Abstimmungswege" in t for _, t in wide)
    for _, text in wide:
        assert "Landkreis Musterkreis · Gesamtkonzept Frühe Hilfen" in text
        assert re.search(r"Seite \d+ von \d+", text)


def _totals(text: str, labels: tuple[str, ...]) -> int:
    """Lines of a text that are a total row: its label, then a number."""
    pattern = re.compile(rf"^\s*({'|'.join(labels)})\s+\d")
    return sum(1 for line in text.splitlines() if pattern.match(line))


def test_totals_appear_once_per_table_as_in_word(concept_files, pdf, document):
    """A table's sum row stands once, at its end, even where the table breaks across pages:
    as many total lines in the PDF as in the Word file."""
    labels = ("Gesamt", "Summe", "Aufwand gesamt", "Zusammen")
    word = sum(1 for t in document.tables if t.rows[-1].cells[0].text.strip().startswith(labels))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert word > 3
    assert _totals(text, labels) == word


def _kept_with_next(html: str) -> dict[str, bool]:
    """Each body paragraph of the Word file made from `html` (pandoc and the finishing run) by
    its text, and whether it keeps with the next."""
    from pipeline.export import export_document

    body = Document(io.BytesIO(export_document(rendered_document(html))[".docx"])).element.body
    return {_text(p): p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in body.iterchildren(W_P)}


def rendered_document(body_html: str):
    """A small document of the given body, framed like the papers (no title page)."""
    from datetime import date

    from pipeline.render.document import RenderedDocument

    return RenderedDocument(
        body_html=body_html,
        title="Probe",
        subtitle="Lange Tabelle",
        author="Landkreis Musterkreis",
        subject="Probe",
        keywords="Probe",
        version="1.0",
        date=date(2026, 10, 15),
        header_text="Kopfzeile der Probe",
        footer_text="Fußzeile der Probe",
        file_stem="Probe",
        category="Probe",
        layout="dokument.typ",
    )


@pytest.mark.slow
def test_a_long_table_repeats_its_header_keeps_rows_whole_and_its_total_once():
    """A money table over several pages: the header row on every page, each row on one page,
    the total once at the end – in the PDF as in Word."""
    from pipeline.export import export_document

    rows = "".join(
        f"<tr><td>Anfang {n} Posten mit einer längeren Beschreibung, die in der schmalen Spalte über "
        f"mehrere Zeilen läuft, damit eine Zeile auch einmal an einem Seitenende steht, Ende {n}</td>"
        f"<td>{n}.000,00 €</td></tr>"
        for n in range(1, 61)
    )
    html = (
        '<h1 id="probe">Probe</h1><table><caption>Aufwand je Posten</caption>'
        '<colgroup><col style="width: 70%"><col style="width: 30%"></colgroup>'
        '<thead><tr><th>Posten</th><th style="text-align: right">Betrag</th></tr></thead>'
        f"<tbody>{rows}</tbody><tfoot><tr><td><strong>Gesamt</strong></td><td><strong>1.830.000,00 €</strong></td></tr></tfoot></table>"
    )
    files = export_document(rendered_document(html))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(files[".pdf"])).pages]
    holding = [t for t in pages if "Anfang" in t]
    assert len(holding) >= 3
    assert all("Posten" in t.split("Anfang", 1)[0] for t in holding)  # the header row repeats
    for n in range(1, 61):
        page = next(t for t in pages if f"Anfang {n} " in t)
        assert f"Ende {n}" in page, n  # no row split across pages
    assert sum(t.count("Gesamt") for t in pages) == 1
    word = Document(io.BytesIO(files[".docx"]))
    assert [r.cells[0].text for r in word.tables[0].rows].count("Gesamt") == 1


def _pdf_pages(html: str) -> list[str]:
    from pipeline.export.to_pdf import to_pdf

    return [p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(rendered_document(html)))).pages]


def _table(rows: int, lines: int) -> str:
    """A table of `rows` rows, each cell `lines` short lines high."""
    cell = lambda n: f"Anfang {n}" + "".join(f"<br>Zeile {i}" for i in range(lines)) + f"<br>Ende {n}"  # noqa: E731
    body = "".join(f"<tr><td>{cell(n)}</td><td>{n}</td></tr>" for n in range(1, rows + 1))
    return (
        "<table><caption>Probe</caption><thead><tr><th>Inhalt</th><th>Nr.</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _text_filling(share: float) -> str:
    """Paragraphs that fill about `share` of a page's text height."""
    return "".join(f"<p>Absatz {n} füllt die Seite.</p>" for n in range(round(share * 38)))


def test_a_short_table_that_does_not_fit_moves_whole_to_the_next_page_with_its_heading():
    heading = '<h1 id="k">Kapitel</h1>'
    pages = _pdf_pages(heading + _text_filling(0.8) + '<h2 id="z">Zwischentitel</h2>' + _table(rows=3, lines=2))
    assert len(pages) == 2
    assert all(f"Ende {n}" in pages[1] for n in (1, 2, 3)) and "Anfang 1" not in pages[0]
    assert "Zwischentitel" in pages[1] and "Zwischentitel" not in pages[0]


def test_a_tall_table_of_few_rows_breaks_rather_than_leave_a_page_nearly_empty():
    """Four rows of about a sixth of a page each, after half a page of text: the first page
    holds the caption and two rows (moved whole, the table would leave half a page empty); the
    header row repeats on the next page; no row is split."""
    pages = _pdf_pages(_text_filling(0.5) + _table(rows=4, lines=8))
    assert len(pages) == 2
    assert all(word in pages[0] for word in ("Probe", "Ende 1", "Ende 2")) and "Anfang 3" not in pages[0]
    assert "Inhalt" in pages[1] and "Ende 4" in pages[1]


def test_a_table_starts_on_the_next_page_where_not_two_short_rows_fit_but_a_tall_row_may_stand():
    """Short rows (three lines): where the header and one row would fit but not two, the table
    begins on the next page. A tall first row (ten lines) is no fragment: it stands under the header
    at the page's foot rather than leave a third of the page empty."""
    pages = _pdf_pages(_text_filling(0.8) + _table(rows=10, lines=1))
    assert "Anfang 1" not in pages[0] and "Inhalt" not in pages[0]
    assert all(f"Ende {n}" in pages[1] for n in range(1, 11))
    pages = _pdf_pages(_text_filling(0.7) + _table(rows=4, lines=8))
    assert "Ende 1" in pages[0] and "Anfang 2" not in pages[0]
    assert "Inhalt" in pages[1] and all(f"Ende {n}" in pages[1] for n in (2, 3, 4))


def test_a_long_table_never_starts_with_a_single_row_at_a_page_foot():
    """Ten rows of about two lines each, after text filling more and more of the page: wherever
    the table starts, its caption, header and at least two rows stand together (the rest follows
    on the next page)."""
    for share in [n / 100 for n in range(78, 96, 2)]:
        pages = _compiled_pages(_text_filling(share) + _table(rows=10, lines=1))
        start = next(text for text in pages if "Anfang 1" in text)
        assert all(word in start for word in ("Probe", "Inhalt", "Ende 2")), share
    # On a landscape page (a wide table's), whose text area is lower than wide.
    for share in [n / 100 for n in range(46, 62, 2)]:
        pages = _compiled_pages(f'<div class="quer">{_text_filling(share)}{_table(rows=10, lines=1)}</div>')
        start = next(text for text in pages if "Anfang 1" in text)
        assert all(word in start for word in ("Probe", "Inhalt", "Ende 2")), share


def test_a_heading_and_its_lead_in_stay_with_the_table_they_introduce():
    """Wherever a tall or a long table starts, the heading and the sentence introducing it stand
    on the same page as its header and first row (the first two where they are short): typst keeps
    them with the table's start. A sentence alone before a table stays with it the same way."""
    head = '<h2 id="z">Zwischentitel</h2><p>Die Tabelle zeigt:</p>'
    for lead, rows, lines, shares in (
        (head, 4, 8, range(50, 80, 3)),
        (head, 10, 1, range(74, 96, 3)),
        ("<p>Die Tabelle zeigt:</p>", 10, 1, range(74, 96, 3)),
    ):
        for share in shares:
            pages = _compiled_pages(_text_filling(share / 100) + lead + _table(rows=rows, lines=lines))
            start = next(text for text in pages if "Anfang 1" in text)
            assert "Die Tabelle zeigt:" in start and "Ende 1" in start, (lead, rows, share)
            assert "Ende 2" in start or lines > 4, (lead, rows, share)  # two short rows, or one tall
            assert "Zwischentitel" in start or "Zwischentitel" not in lead, (rows, share)


def test_a_long_table_never_ends_with_its_last_row_alone_on_a_page():
    """Wherever the page breaks in a long table, its last two rows stand together (typst has no
    widow rule for table rows; a keeper cell spanning them is one)."""
    for share in [n / 100 for n in range(64, 80, 2)]:  # 68–74 % left row 16 alone before
        pages = _compiled_pages(_text_filling(share) + _table(rows=16, lines=2))
        end = next(text for text in pages if "Anfang 16" in text)
        assert "Anfang 15" in end, share


def test_a_table_keeps_its_columns_and_tags_despite_the_keeper_column():
    """The keeper column has no width and no text: the header's last cell spans it, so the table
    has as many header cells as columns, and a screen reader finds no empty header."""
    pdf = _compiled_pdf(_table(rows=6, lines=0))
    texts = []

    def walk(node) -> None:
        node = node.get_object()
        if node.get("/S") == "/TH":
            texts.append(node)
        for kid in node.get("/K", []) if isinstance(node.get("/K"), list) else [node.get("/K")]:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(pdf.trailer["/Root"]["/StructTreeRoot"])
    assert len(texts) == 2
    assert "Inhalt Nr." in " ".join(pdf.pages[0].extract_text().split())


def test_a_table_after_a_page_filled_to_its_foot_leaves_no_empty_page():
    """27 paragraphs fill a landscape page to its foot: the table begins on the next page, and
    no page stays empty between them (a placeholder before the break once slid onto a page of
    its own)."""
    paragraphs = "".join(f"<p>Absatz {n} füllt die Seite.</p>" for n in range(27))
    pages = _compiled_pages(f'<div class="quer">{paragraphs}{_table(rows=10, lines=1)}</div>')
    body = [" ".join(text.split()) for text in pages[1:]]
    assert all("Absatz" in text or "Anfang" in text for text in body), body


def test_a_layout_that_does_not_settle_is_set_again_without_placement(monkeypatch, tmp_path):
    """A layout whose page count undoes itself (one page: a break; two pages: none) never
    settles in typst; the PDF is then set again with 'platzierung: einfach', and its page
    numbers are right. The layout file stands in for placement decisions that do not settle."""
    import pipeline.export.to_pdf as to_pdf

    shutil.copytree(to_pdf.TEMPLATE_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "unruhig.typ").write_text(
        '#import "gemeinsam.typ": dokumentangaben, layout, inp\n#show: layout\n'
        '#if inp.at("platzierung", default: "") == "einfach" [Einfach gesetzt] else {\n'
        "  context if counter(page).final().first() == 1 { pagebreak() }\n}\n"
        "Text der Probe\n#set document(..dokumentangaben)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(to_pdf, "TEMPLATE_DIR", tmp_path)
    doc = rendered_document("<p>Probe</p>")
    pages = PdfReader(io.BytesIO(to_pdf.compile_pdf("", doc, "unruhig.typ"))).pages
    assert len(pages) == 1 and "Einfach gesetzt" in pages[0].extract_text()


def _picture(name: str, height_cm: float) -> tuple[str, object]:
    """A figure of the given height (a grey box) and the HTML that shows it."""
    from pipeline.render.document import Figure

    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="14cm" height="{height_cm}cm">'
        '<rect width="100%" height="100%" fill="#cccccc"/></svg>'
    )
    html = f'<figure><img src="{name}" alt="Graue Fläche"><figcaption>Bild {name}</figcaption></figure>'
    return html, Figure(name=name, svg=svg, summary="Graue Fläche")


def _compiled_pages(body_html: str, figures: tuple = (), appendix: str = "") -> list[str]:
    """The PDF's page texts (plain spaces) of a small document, `appendix` (Typst) set after
    the body."""
    return [p.extract_text().replace("\u00a0", " ") for p in _compiled_pdf(body_html, figures, appendix).pages]


def _compiled_pdf(body_html: str, figures: tuple = (), appendix: str = "") -> PdfReader:
    """The PDF of :func:`_compiled_pages`, warnings of typst refused."""
    import typst

    from pipeline.export.to_pdf import DATA_FILE, data_file, font_dirs, typst_inputs
    from pipeline.export.to_typst import typst_markup
    from pipeline.render.document import TEMPLATE_DIR

    doc = rendered_document(body_html)
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        layout = (TEMPLATE_DIR / "dokument.typ").read_text(encoding="utf-8")
        (root / "main.typ").write_text(layout + appendix, encoding="utf-8")
        shutil.copy(TEMPLATE_DIR / "gemeinsam.typ", root / "gemeinsam.typ")
        (root / "inhalt.typ").write_text(typst_markup(doc.body_html), encoding="utf-8")
        for figure in figures:
            (root / figure.name).write_text(figure.svg, encoding="utf-8")
        (root / DATA_FILE).write_bytes(data_file(typst_inputs(doc)))
        pdf, warnings = typst.compile_with_warnings(
            str(root / "main.typ"), root=str(root), font_paths=list(font_dirs()), ignore_system_fonts=True
        )
    assert warnings == [], warnings  # typst warns where a layout does not converge
    return PdfReader(io.BytesIO(pdf))


def test_the_lists_name_the_page_a_moved_table_or_figure_stands_on():
    """A table that starts on the next page and a figure that moves there: the directory names
    the page each stands on, not the page where the text before them ends."""
    picture, figure = _picture("bild.svg", 12)
    body = _text_filling(0.8) + _table(rows=10, lines=1) + _text_filling(0.8) + picture
    directory = "\n#pagebreak()\n#outline(title: [Verzeichnis], target: figure)\n"
    pages = _compiled_pages(body, (figure,), directory)
    listed = " ".join(pages[-1].split())
    for label, title in (("Tabelle 1", "Probe"), ("Abbildung 1", "Bild bild.svg")):
        actual = next(n for n, text in enumerate(pages[:-1], 1) if f"{label}: {title}" in text)
        assert re.search(rf"{label}:? {re.escape(title)}[ .]*{actual} ", listed), (label, actual, listed)


def test_a_figure_that_would_leave_a_page_half_empty_lets_the_text_after_it_fill_the_page():
    """After half a page of text, a figure of two thirds of a page stands at the top of the next
    page; the text after it fills the first page. One almost a page high has the page to itself."""
    after = "".join(f"<p>Danach {n} folgt weiterer Text.</p>" for n in range(30))
    picture, figure = _picture("mittel.svg", 16)
    pages = _compiled_pages(_text_filling(0.5) + picture + after, (figure,))
    assert "Danach 3" in pages[0] and "Abbildung 1" not in pages[0]
    assert "Abbildung 1" in pages[1] and pages[1].index("Abbildung 1") < pages[1].index("Danach")
    picture, figure = _picture("gross.svg", 21)
    pages = _compiled_pages(_text_filling(0.5) + picture + after, (figure,))
    assert "Danach 3" in pages[0]
    assert "Abbildung 1" in pages[1] and "Danach" not in pages[1]
    # Little room left: the figure simply moves on, the text follows it (no float).
    pages = _compiled_pages(_text_filling(0.8) + picture + after, (figure,))
    assert "Danach" not in pages[0] and "Abbildung 1" in pages[1]


def test_a_picture_and_its_caption_stay_on_one_page():
    """However much of the page the text before fills, the caption under a picture stands on the
    page the picture is drawn on (a figure once broke between the two)."""
    picture, figure = _picture("bild.svg", 4)
    for share in [n / 100 for n in range(70, 100)]:
        pdf = _compiled_pdf(_text_filling(share) + picture + _text_filling(0.3), (figure,))
        caption = next(p for p in pdf.pages if "Abbildung 1" in p.extract_text().replace("\u00a0", " "))
        assert b"cs 0.8 scn" in caption.get_contents().get_data(), share  # the grey box (#cccccc)


def test_a_picture_followed_by_a_table_does_not_float_so_the_table_stays_in_one_piece():
    """A picture that would float to the top of the next page while the text after it fills this
    one stays in place when a table follows soon: the table begins after it, not before it and
    on under it."""
    picture, figure = _picture("mittel.svg", 16)
    body = _text_filling(0.5) + picture + "<p>Die Tabelle zeigt:</p>" + _table(rows=10, lines=1)
    pages = _compiled_pages(body, (figure,))
    shown = next(n for n, text in enumerate(pages) if "Abbildung 1" in text)
    started = next(n for n, text in enumerate(pages) if "Anfang 1" in text)
    assert started >= shown
    # without a table after it, the same picture floats and the text fills the page before it
    pages = _compiled_pages(_text_filling(0.5) + picture + _text_filling(0.6), (figure,))
    assert "Abbildung 1" not in pages[0] and pages[0].count("Absatz") > 19


def test_a_bold_question_stays_with_the_facts_under_it_in_the_pdf():
    question = "<p><strong>Was braucht es dafür?</strong></p><ul><li>Erster Fakt</li><li>Zweiter Fakt</li></ul>"
    for share in [n / 100 for n in range(90, 100)]:
        pages = _compiled_pages(_text_filling(share) + question)
        asked = next(text for text in pages if "Was braucht es dafür?" in text)
        assert "Erster Fakt" in asked, share


def test_the_decision_to_move_or_break_a_table_settles_in_typst():
    """The decision depends on where the table starts: measured from a mark that stays put,
    typst's layout converges (it warns when the decision would undo itself)."""
    for share in (0.5, 0.7, 0.8):
        _compiled_pages(_text_filling(share) + _table(rows=4, lines=8) + _table(rows=3, lines=2))


def test_columns_too_narrow_for_all_words_keep_the_short_ones_whole():
    """A code column ('Z2.2') gets all it needs, only the columns of long words give way; the
    total stays the page's text width."""
    from pipeline.export.text_width import fit_widths as _fit

    widths = [500, 3000, 3000, 2568]
    needed = [700, 4000, 5000, 1500]  # more than the 9,068 twips there are
    fitted = _fit(widths, needed)
    assert sum(fitted) == sum(widths)
    assert fitted[0] >= 700 and fitted[3] >= 1500  # short words whole
    assert fitted[1] == fitted[2] < 4000  # the long ones share the rest alike
    assert _fit([4000, 5068], [1000, 2000]) == [4000, 5068]  # everything fits: nothing moves


def test_a_column_gets_room_for_its_longest_word_whole_from_a_column_that_does_not_wrap():
    """'Netzwerkkoordinati-|on' nine times in a column beside a column of dates with room to
    spare (layout review): the word needs no hyphen where a neighbour can give the room."""
    from pipeline.export.text_width import fit_widths as _fit

    widths, hyphenated, kept = [3000, 3000, 3068], [1000, 1000, 1000], [3000, 1500, 3068]
    assert _fit(widths, hyphenated, kept) == widths  # hyphenated, every word fits already
    fitted = _fit(widths, hyphenated, kept, whole=[4000, 1000, 1000])
    assert fitted == [4000, 2000, 3068]  # the column of short cells gave; the wrapping one kept
    # more than can be given: the whole word as far as the room goes, the giver down to its cells
    assert _fit(widths, hyphenated, kept, whole=[5000, 1000, 1000]) == [4500, 1500, 3068]
    assert _fit(widths, hyphenated, [3000, 3000, 3068], whole=[4000, 1000, 1000]) == widths


def test_words_bound_by_a_no_break_space_are_measured_together_in_the_pdf():
    """'150 Familien' cannot break at its space: its column is widened for both words at once,
    taking from a column of one-line cells ('ja'), not only for 'Familien'."""
    from pipeline.export.intermediate import parse
    from pipeline.export.to_typst import table

    html = (
        '<table><colgroup><col style="width: 12%"><col style="width: 58%"><col style="width: 30%"></colgroup>'
        "<thead><tr><th>Wert</th><th>Text</th><th>Ok</th></tr></thead>"
        "<tbody><tr><td>150\u00a0Familien</td><td>Text</td><td>ja</td></tr></tbody></table>"
    )
    markup = table(parse(html).find(".//table"))
    columns = re.search(r"columns: \((.*?)\)", markup)[1]
    first = float(columns.split(",")[0].removesuffix("%"))
    assert first > 12  # the bound words need about 16 % of the text width


def test_table_cells_hyphenate_only_where_a_word_does_not_fit_on_the_next_line():
    """Typst's first-fit breaking hyphenated wherever a piece fitted the line's end ('Erziehungs-
    und Fa-|milienberatungsstel-|le'); in the tables a hyphen costs more than a line's ragged end."""

    def cell_lines(width: int, cell: str, beside: str = "x") -> list[str]:
        html = (
            f'<table><colgroup><col style="width: {width}%"><col style="width: {100 - width}%"></colgroup>'
            f"<thead><tr><th>Träger</th><th>Text</th></tr></thead><tbody><tr><td>{cell}</td><td>{beside}</td></tr>"
            "</tbody></table>"
        )
        page = _compiled_pages(html)[0]
        return page[page.index("Träger Text") :].splitlines()[1:]

    # 'Erziehungs- und Familien-|beratungsstelle Musterkreis' saved a line at a hyphen
    lines = cell_lines(30, "Erziehungs- und Familienberatungsstelle Musterkreis")
    assert "Familienberatungsstelle" in " ".join(lines), lines
    # a word wider than its column is still hyphenated, not set past the cell's edge
    lines = cell_lines(12, "Schwangerschaftskonfliktberatung", "Ein Satz, der breiter ist als die Spalte. " * 4)
    assert len(lines) >= 3 and lines[0].endswith(("-", "\xad")), lines


def test_no_word_sets_wider_than_its_typeface_is_said_to_set_against_arial():
    """Tables leave a word unhyphenated where it fits its column by Arial's widths times the
    typeface's factor: set wider, it would run past the cell's edge. Measured by typst in both
    typefaces, upright and bold, on long words, capitals and figures."""
    import typst

    from pipeline.export.text_width import em_width
    from pipeline.export.to_pdf import font_dirs
    from pipeline.export.to_typst import literal
    from pipeline.model.fonts import TYPEFACES

    words = [
        "Netzwerkkoordination",
        "Schwangerschaftskonfliktberatung",
        "Familienbildungsstätte",
        "150\u00a0Familien",
        "MMMMWWWW",
        "01.01.2026\u00a0–",
        "Jugendhilfeausschuss",
        "ÄÖÜ-Quote",
    ]
    probes = [
        (face, weight, word) for face in TYPEFACES.values() for weight in ("regular", "bold") for word in words
    ]
    lines = "\n".join(
        f'#context measure(text(font: "{face.family}", weight: "{weight}", size: 10pt, {literal(word)})).width.pt() \\\\'
        for face, weight, word in probes
    )
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "m.typ"
        source.write_text(lines, encoding="utf-8")
        pdf = typst.compile(str(source), font_paths=list(font_dirs()), ignore_system_fonts=True)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    measured = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]
    for (face, weight, word), width in zip(probes, measured, strict=True):
        allowed = em_width(word) * 10 * face.arial_width * (1.1 if weight == "bold" else 1.0)
        assert width <= allowed, (face.family, weight, word, width, allowed)


@pytest.mark.slow
def test_word_hyphenates_a_cell_only_where_a_word_is_wider_than_its_column():
    from pipeline.export import export_document

    sentence = "Ein Satz, der breiter ist als die Spalte. " * 4
    html = (
        '<table><colgroup><col style="width: 30%"><col style="width: 12%"><col style="width: 58%"></colgroup>'
        "<thead><tr><th>Träger</th><th>Art</th><th>Text</th></tr></thead><tbody>"
        f"<tr><td>Erziehungs- und Familienberatungsstelle</td><td>Schwangerschaftskonfliktberatung</td>"
        f"<td>{sentence}</td></tr></tbody></table>"
    )
    docx = export_document(rendered_document(html))[".docx"]
    table = Document(io.BytesIO(docx)).tables[0]
    suppressed = {
        cell.text: cell.paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:suppressAutoHyphens')}") is not None
        for cell in table.rows[1].cells
    }
    assert suppressed == {
        "Erziehungs- und Familienberatungsstelle": True,  # every word fits its column whole
        "Schwangerschaftskonfliktberatung": False,  # wider than its column: Word hyphenates it
        sentence.strip(): True,
    }


@pytest.mark.slow
def test_text_after_a_table_keeps_a_gap_and_stays_schema_valid():
    from pipeline.export import export_document

    from .ooxml_schema import package_violations

    html = (
        "<p>Vorher</p><table><caption>Kurz</caption><thead><tr><th>a</th></tr></thead>"
        "<tbody><tr><td>1</td></tr></tbody></table><p>Danach</p>"
    )
    docx = export_document(rendered_document(html))[".docx"]
    assert package_violations(docx) == []
    body = Document(io.BytesIO(docx)).element.body
    table = next(body.iterchildren(qn("w:tbl")))
    after = table.getnext()
    assert _text(after) == "Danach"
    spacing = after.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert int(spacing.get(qn("w:before"))) >= 120


@pytest.mark.slow
def test_a_signature_after_a_table_keeps_the_space_its_style_gives():
    """GA/2026/027's signature stood 6 pt under the table's total in Word: the gap after tables
    overrode the 24 pt of the style 'Zusammenhalten mit Abstand'."""
    from pipeline.export import export_document

    html = (
        "<table><caption>Kosten</caption><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
        '<div class="zusammenhalten abstand"><p>Dr. Anna Berger</p><p>Landrätin</p></div>'
    )
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    signature = next(p for p in word.paragraphs if p.text == "Dr. Anna Berger")
    assert signature.style.name == "Zusammenhalten mit Abstand"
    assert signature.paragraph_format.space_before is None  # the style's 24 pt apply
    assert signature.style.paragraph_format.space_before.pt == 24


@pytest.mark.slow
def test_word_keeps_a_short_table_whole_but_lets_a_tall_one_of_few_rows_break():
    """Kept whole, a table of few but tall rows moved to the next page and left its caption alone
    on a nearly empty one (Neuhafen's Tabelle 21 in Word): only short tables stay whole. A long
    table keeps its first and last two rows together where they are short (three lines), as in
    the PDF; a tall row may stand alone."""
    from pipeline.export import export_document

    tables = _table(rows=3, lines=1) + _table(rows=4, lines=12) + _table(rows=12, lines=1)
    docx = export_document(rendered_document(tables))[".docx"]
    short, tall, long = Document(io.BytesIO(docx)).element.body.iterchildren(qn("w:tbl"))

    def kept(table) -> list[bool]:
        return [
            row.find(f".//{qn('w:pPr')}/{qn('w:keepNext')}") is not None for row in table.iterchildren(qn("w:tr"))
        ]

    assert kept(short) == [True, True, True, False]  # header and rows stay with the last
    assert kept(tall) == [True, False, False, False, False]  # header with the first row; tall rows may stand alone
    assert kept(long) == [True, True, *[False] * 9, True, False]  # no short row alone at either end


def _long_row_table() -> str:
    """A table whose second row holds about two pages of text between 'Anfang' and 'Ende'."""
    long = (
        "Anfang " + " ".join(f"Satz {n} eines sehr langen Hinweises aus den Daten." for n in range(400)) + " Ende"
    )
    return (
        '<table><caption>Probe</caption><colgroup><col style="width: 30%"><col style="width: 70%"></colgroup>'
        "<thead><tr><th>Nr.</th><th>Hinweis</th></tr></thead><tbody>"
        f"<tr><td>1</td><td>kurz</td></tr><tr><td>2</td><td>{long}</td></tr><tr><td>3</td><td>kurz</td></tr>"
        "</tbody></table>"
    )


def test_a_row_too_tall_to_keep_whole_may_break_in_the_pdf_markup_alone():
    from pipeline.export.to_typst import typst_body

    markup = typst_body(_long_row_table()).markup
    rows = [line for line in markup.splitlines() if line.strip().startswith(('[#"', "table.cell("))]
    assert len(rows) == 3
    assert [("breakable: true" in row) for row in rows] == [False, True, False]
    assert rows[1].count("breakable: true") == 2  # every cell of the row: one unbreakable cell holds it


@pytest.mark.slow
def test_a_row_taller_than_a_page_breaks_across_pages_in_word_and_pdf():
    """Kept whole, a row of some two pages ran past the page's foot: typst set it over the footer
    and Word cuts off what does not fit – text lost (a Qualitätsdialog hint of 500 measures)."""
    from pipeline.export import export_document

    files = export_document(rendered_document(_long_row_table()))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(files[".pdf"])).pages]
    start = next(n for n, text in enumerate(pages) if "Anfang" in text)
    end = next(n for n, text in enumerate(pages) if "Ende" in text)
    assert end > start and "Satz 399" in pages[end]
    assert all("Hinweis" in pages[n] for n in range(start, end + 1))  # the header repeats
    rows = list(Document(io.BytesIO(files[".docx"])).element.body.iter(qn("w:tr")))
    split = [row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for row in rows]
    assert split == [False, False, True, False]


@pytest.mark.slow
def test_a_lead_in_stays_with_its_list_and_plain_text_does_not():
    html = (
        "<p>Offen ist:</p><ul><li>eins</li><li>zwei</li></ul><p>Ein Satz.</p><p>Noch einer.</p>"
        "<p>Dafür gilt:</p><p><strong>Ansprechstelle:</strong> ASD</p>"
    )
    kept = _kept_with_next(html)
    assert kept["Offen ist:"] and not kept["Ein Satz."]
    assert kept["Dafür gilt:"]  # a colon introduces whatever follows, a paragraph too


@pytest.mark.slow
def test_a_short_paragraph_under_a_heading_keeps_with_the_paragraph_after_it_in_word():
    html = (
        '<h1 id="a">Jugendhilfeplanung</h1><p>Organisationsform: Institution</p><p>Rolle: plant.</p>'
        "<p>Ein Absatz.</p><p>Noch einer.</p>"
    )
    kept = _kept_with_next(html)
    assert kept["Organisationsform: Institution"]
    assert not kept["Rolle: plant."] and not kept["Ein Absatz."] and not kept["Noch einer."]


@pytest.mark.slow
def test_a_short_paragraph_closing_its_section_does_not_keep_with_the_next_heading_in_word():
    """As in the PDF: heading and sentence stand complete when the next section begins."""
    html = (
        '<h1 id="e">Entbindung</h1><p>Ich entbinde die Fachkräfte.</p>'
        '<h1 id="w">Wichtig</h1><p>Zuerst dies:</p><ul><li>eins</li></ul>'
        '<h1 id="k">Kapitel</h1><p>Zur Einführung.</p><h2 id="u">Abschnitt</h2><p>Text.</p>'
    )
    kept = _kept_with_next(html)
    assert not kept["Ich entbinde die Fachkräfte."] and kept["Zuerst dies:"]
    assert kept["Zur Einführung."]  # a chapter's introduction moves on with its first subsection


@pytest.mark.slow
def test_a_short_paragraph_under_a_heading_stays_with_its_captioned_table():
    table = "<table><caption>Beschlüsse</caption><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    html = (
        f'<h1 id="b">Umsetzung</h1><p>Über den Stand wird berichtet.</p>{table}'
        f"<p>Ein anderer Absatz.</p><p>Danach folgt mehr.</p>{table}<p>Die Tabelle zeigt die Beschlüsse.</p>{table}"
    )
    kept = _kept_with_next(html)
    assert kept["Über den Stand wird berichtet."] and not kept["Danach folgt mehr."]
    assert kept["Die Tabelle zeigt die Beschlüsse."]  # a sentence naming the table introduces it


def test_a_column_needs_the_width_of_its_codes_but_only_the_first_syllables_of_long_words():
    """Word hyphenates long German words (hyphenation is on, de-DE), not 'M10', '2.500,00 €' or
    '01.01.2025 –' (bound by a no-break space): those set a column's minimum width; a long word
    only asks for room for its first nine letters and the hyphen. Measured with Arial's widths:
    'M10' is wider than three average letters."""
    from pipeline.export.text_width import em_width as _em_width
    from pipeline.export.text_width import needed_em as _needed_em

    assert _em_width("M10") > 3 * 0.6  # M is wide: the average width made "M1|0" break
    assert _needed_em("M10") == _em_width("M10")
    assert _needed_em("01.01.2025\u00a0–") == _em_width("01.01.2025\u00a0–")
    assert _needed_em("Netzwerkkoordination") == _em_width("Netzwerkk-") < _em_width("Netzwerkkoordination")
    assert _needed_em("Familien-Gesundheits-") == _em_width("Gesundhei-")  # Word breaks after its own hyphen
    assert _needed_em("(Gesundheitsorientierte") == _em_width("(Gesundhei-")


def test_a_period_keeps_its_dash_with_the_first_date(concept):
    """'01.01.2025 –' / '31.12.2027' in a narrow column, never the dash alone on a line."""
    from pipeline.render import concept_chapters

    chapter = next(html for name, html in concept_chapters(concept).items() if "06_massnahmen" in name)
    assert "01.01.2025\u00a0– 31.12.2027" in chapter and "seit\u00a001.03.2013" in chapter


def test_second_level_bullets_are_dashes_in_the_text_s_typeface(concept_files):
    """The 'davon' lines under a year's Aufwand: a dash, not Word's default 'o' in Courier New."""
    with zipfile.ZipFile(concept_files[".docx"]) as package:
        numbering = package.read("word/numbering.xml").decode("utf-8")
    assert "Courier New" not in numbering
    assert '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/>' in numbering


@pytest.mark.slow
@pytest.mark.parametrize("name", ["musterkreis", "neuhafen"])
def test_the_concepts_layout_settles_in_typst(name, monkeypatch, tmp_path):
    """Every placement decision of the real concepts (tables moved or broken, figures floated)
    converges within typst's layout iterations: otherwise typst warns, and the PDF is set a second
    time without placement (slower, and a table may begin with one row at a page's foot).
    Compiled for real, in typst's worker; only the warnings it returns are collected (patching
    typst in the test's own process collected nothing: the PDFs are set in the workers)."""
    from pipeline.build import Request, check_folder, prepare_export
    from pipeline.export import to_pdf as pdf_export
    from pipeline.export.to_pdf import to_pdf

    from .conftest import ROOT

    warnings: list[object] = []
    compiles: list[int] = []
    real = pdf_export._compiled

    def compile_collecting(*args, **kwargs):
        pdf, found = real(*args, **kwargs)
        warnings.extend(found)
        compiles.append(len(pdf))
        return pdf, found

    monkeypatch.setattr(pdf_export, "_compiled", compile_collecting)
    checked = check_folder(ROOT / "inputs" / name)
    doc = prepare_export(checked, tmp_path, Request(only="konzept")).rendered.documents[0]
    assert to_pdf(doc).startswith(b"%PDF")
    assert len(compiles) == 1  # set once: a second run would be the one without placement
    assert warnings == [], [str(w)[:200] for w in warnings]


@pytest.mark.slow
def test_a_bold_question_stays_with_the_facts_under_it_in_word():
    """A line set in bold above a list (a question of the Qualitätsdialog) keeps with the list,
    as a line ending in a colon does; an ordinary sentence does not."""
    from pipeline.export import export_document

    html = (
        "<ol><li><p><strong>Was braucht es dafür?</strong></p><ul><li>Ein Fakt</li><li>Noch einer</li></ul></li></ol>"
        "<p>Ein gewöhnlicher Satz.</p><ul><li>Punkt</li></ul>"
    )
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    kept = {p.text: p.paragraph_format.keep_with_next for p in word.paragraphs}
    assert kept["Was braucht es dafür?"] is True
    assert not kept["Ein gewöhnlicher Satz."]


@pytest.mark.slow
def test_rows_of_fields_in_a_kept_block_keep_together_across_the_gap_between_them():
    """Pandoc sets an empty paragraph between two tables; between two rows of fields of a block
    kept together it keeps with the next row too (the fifth Sozialraum's lines of Neuhafen's
    agreement stood alone on the next page). After the block's last row nothing is kept."""
    from pipeline.export import export_document

    def row(name: str) -> str:
        fields = "".join(
            f'<div class="feld"><p>{name}: {what}</p></div>' for what in ("Ansprechperson", "Vertretung")
        )
        return f'<div class="felder">{fields}</div>'

    html = (
        '<div class="zusammenhalten"><p>Familienzentren: Ansprechperson und Vertretung</p>'
        f"{row('Nordstadt')}{row('Mainbogen')}{row('Südliche Stadtteile')}</div>"
        f"<p>Danach.</p>{row('Frei')}{row('Auch frei')}"
    )
    body = Document(io.BytesIO(export_document(rendered_document(html))[".docx"])).element.body
    blocks = list(body.iterchildren())
    gaps = [
        b
        for before, b, after in zip(blocks, blocks[1:], blocks[2:], strict=False)
        if before.tag == qn("w:tbl") and b.tag == W_P and after.tag == qn("w:tbl") and not _text(b).strip()
    ]
    kept = [gap.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for gap in gaps]
    assert kept == [True, True, False]


@pytest.mark.slow
def test_a_short_numbered_list_keeps_together_in_word_a_bullet_list_only_at_its_ends():
    """JHA/2026/030's Beschlussvorschlag broke after point 3 in Word (the PDF kept it whole)."""
    from pipeline.export import export_document

    points = "".join(
        f"<li>Punkt {n}: Die Verwaltung wird beauftragt, jährlich zu berichten.</li>" for n in range(5)
    )
    bullets = "".join(f"<li>Spiegelstrich {n}</li>" for n in range(5))
    html = f"<ol>{points}</ol><p>Dazwischen.</p><ul>{bullets}</ul>"
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    kept = {p.text: p.paragraph_format.keep_with_next is True for p in word.paragraphs}
    assert [kept[f"Punkt {n}: Die Verwaltung wird beauftragt, jährlich zu berichten."] for n in range(5)] == [
        True,
        True,
        True,
        True,
        False,
    ]
    assert [kept[f"Spiegelstrich {n}"] for n in range(5)] == [True, False, False, True, False]


@pytest.mark.slow
def test_an_item_leading_into_a_sublist_keeps_with_its_first_sub_item_in_word():
    """'2027: 13.200,00 €, davon' never ends a page without the positions it introduces; the
    last sub-item does not keep with the next item (the list may break between years)."""
    from pipeline.export import export_document

    html = (
        "<ul><li>2026: 9.600,00 €</li><li>2027: 13.200,00 €, davon<ul><li>6.000,00 € – Räume</li>"
        "<li>7.200,00 € – Hebammen</li></ul></li><li>2028: 14.000,00 €</li><li>2029: 14.500,00 €</li></ul>"
    )
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    kept = {p.text: p.paragraph_format.keep_with_next is True for p in word.paragraphs}
    assert kept["2027: 13.200,00 €, davon"]
    assert not kept["7.200,00 € – Hebammen"]


@pytest.mark.slow
def test_a_page_break_in_word_is_a_break_before_the_next_paragraph():
    """No paragraph holds only a page break (after a full page it makes an empty page of its
    own); the paragraph after it starts the new page instead."""
    from pipeline.export import export_document

    html = '<p>Vorher</p><div class="neue-seite"></div><h1 id="danach">Danach</h1><p>Text</p>'
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    body = word.element.body
    assert not any(br.get(qn("w:type")) == "page" for br in body.iter(qn("w:br"))), (
        "a paragraph of its own holds the break"
    )
    after = next(p for p in word.paragraphs if p.text == "Danach")
    assert after.paragraph_format.page_break_before is True


@pytest.mark.slow
def test_numbered_lists_leave_room_for_two_digit_numbers_in_word():
    from pipeline.export import export_document

    html = "<ol>" + "".join(f"<li>Frage {n}</li>" for n in range(1, 14)) + "</ol>"
    with zipfile.ZipFile(io.BytesIO(export_document(rendered_document(html))[".docx"])) as package:
        numbering = package.read("word/numbering.xml").decode("utf-8")
    decimal = [
        level
        for level in re.findall(r"<w:lvl .*?</w:lvl>", numbering, re.S)
        if 'w:numFmt w:val="decimal"' in level
    ]
    assert decimal
    for level in decimal:
        hanging = re.search(r'w:hanging="(\d+)"', level)
        assert hanging is None or int(hanging.group(1)) >= 454, level


def test_columns_are_sized_for_the_word_font_of_the_design():
    """A date needs more room in Georgia (and its stand-in where Georgia is missing) than in
    Arial: the column of 'seit 01.05.2019' is widened further for the serif design."""
    from docx.shared import Cm

    from pipeline.export.docx_pages import fit_columns

    def date_column(font: str) -> int:
        document = Document()
        table = document.add_table(rows=2, cols=3)
        for row in table.rows:
            row.cells[0].text, row.cells[1].text, row.cells[2].text = "M10", "seit\u00a001.05.2019", "laufend"
        for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), (3000, 1000, 5068), strict=True):
            col.set(qn("w:w"), str(width))
        fit_columns(document, int(Cm(16).twips), int(Cm(24.7).twips), font)
        return int(list(table._tbl.tblGrid.iterchildren(qn("w:gridCol")))[1].get(qn("w:w")))

    assert date_column("Georgia") > date_column("Arial") > 1000


def test_a_text_column_keeps_its_width_where_number_columns_have_room():
    """The indicators table in Word: its 'Indikator' column (27 %) gave to the columns of values
    until it was as narrow as they ('Stadtverordne|tenversammlu|ng', a layout review); a column
    whose cells fit on one line gives what it does not need, one with longer text keeps its width –
    as in the PDF. A column whose longest word would not fit still gets it."""

    from pipeline.export.docx_pages import fit_columns

    document = Document()
    table = document.add_table(rows=3, cols=4)
    rows = [
        ("Ziel", "Indikator", "Istwert", "Einschätzung"),
        (
            "Z4.1",
            "Berichte über Frühe Hilfen in Ausschüssen und in der Stadtverordnetenversammlung",
            "2 (2025)",
            "auf dem Weg",
        ),
        ("Z4.2", "Akteure mit eingeplantem und abgegoltenem Netzwerkaufwand", "6 (2026)", "hinter dem Zielpfad"),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    given = (1500, 4500, 700, 2000)
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), given, strict=True):
        col.set(qn("w:w"), str(width))
    total = sum(given)
    fit_columns(document, total, total)
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
    assert sum(widths) <= total and widths[2] > 700  # the amount gets its width …
    assert widths[1] == 4500 and widths[0] + widths[3] < 3500  # … from short columns, the long text keeps its own


def test_a_number_bound_to_its_word_still_lets_word_hyphenate_the_word():
    """'24 Patenschaften' (a no-break space) needs room for '24 Paten-', not for the whole: Word
    hyphenates the word; a date bound to 'seit' cannot be hyphenated and needs its whole width."""
    from pipeline.export.text_width import em_width as _em_width
    from pipeline.export.text_width import needed_em as _needed_em

    assert _needed_em("24\u00a0Patenschaften") == pytest.approx(_em_width("24\u00a0Patenscha-"))
    assert _needed_em("seit\u00a001.05.2019") == pytest.approx(_em_width("seit\u00a001.05.2019"))


@pytest.mark.slow
def test_word_never_hyphenates_an_e_mail_address():
    """Whoever copies 'daten-|schutz@…' copies the hyphen: a paragraph with an address is not
    hyphenated; other paragraphs are."""
    from pipeline.export import export_document

    html = "<p>Fragen an datenschutz@neuhafen.example.org richten.</p><p>Ein Satz ohne Adresse.</p>"
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    suppressed = {
        p.text: p._p.find(f"{qn('w:pPr')}/{qn('w:suppressAutoHyphens')}") is not None for p in word.paragraphs
    }
    assert suppressed["Fragen an datenschutz@neuhafen.example.org richten."]
    assert not suppressed["Ein Satz ohne Adresse."]


@pytest.mark.slow
def test_word_never_ends_a_line_on_an_ergaenzungsstrich():
    """'Frauenärztinnen und -|ärzte': the hyphen standing for the word's first part is Word's own
    non-breaking hyphen, which Word and the review of returned drafts read as '-'."""
    from pipeline.export import export_document

    html = "<p>Frauenärztinnen und -ärzte sowie Kinder- und Jugendärzte.</p>"
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    [paragraph] = [p for p in word.paragraphs if "ärzte" in p.text]
    assert paragraph.text == "Frauenärztinnen und -ärzte sowie Kinder- und Jugendärzte."
    assert len(paragraph._p.findall(f".//{qn('w:noBreakHyphen')}")) == 1
    assert "-ärzte" not in "".join(t.text for t in paragraph._p.iter(qn("w:t")))


def test_a_sentence_naming_the_table_after_it_introduces_it():
    """'Die Tabelle zeigt, welcher Akteur …' right before a table stays with it (it stood at the
    foot of the page before Neuhafen's Tabelle 16); the same sentence before a list, or a long
    paragraph that happens to name a table, does not."""
    from pipeline.render.document import LEAD_IN_LENGTH, leads_in

    sentence = "Die Tabelle zeigt, welcher Akteur in welchem Gremium mitarbeitet (M) und wer es leitet (L)."
    assert leads_in(sentence, after_heading=False, before_table=True)
    assert not leads_in(sentence, after_heading=False, before_table=False)
    assert not leads_in("Ein Satz ohne Bezug. " * 3, after_heading=False, before_table=True)
    assert not leads_in("Die Tabelle " + "x" * LEAD_IN_LENGTH, after_heading=False, before_table=True)


def test_a_list_never_leaves_its_first_or_last_item_alone():
    """First item kept with the second, last with the one before (JHA/2026/030's last Anlage
    stood alone on a page in Word); a paragraph between two lists separates them."""
    from docx import Document as NewDocument
    from docx.oxml import OxmlElement

    from pipeline.export.docx_pages import list_ends

    document = NewDocument()
    for text in ("Vorher", "1", "2", "3", "4", "Dazwischen", "a", "b"):
        paragraph = document.add_paragraph(text)
        if text not in ("Vorher", "Dazwischen"):
            numbering = OxmlElement("w:numPr")
            paragraph._p.get_or_add_pPr().append(numbering)
    list_ends(document)
    kept = {p.text: p.paragraph_format.keep_with_next is True for p in document.paragraphs}
    assert kept == {
        "Vorher": False,
        "1": True,
        "2": False,
        "3": True,
        "4": False,
        "Dazwischen": False,
        "a": True,
        "b": False,
    }


@pytest.mark.slow
def test_word_sets_fields_side_by_side_as_in_the_pdf_without_borders_or_a_missing_header():
    """A row of fields is one row of a table without borders: lines of one length, the last
    ending at the margin; the accessibility check reads it as a form's layout, not a table of
    data without a header."""
    from pipeline.export import export_document
    from pipeline.export.docx_check import accessibility_gaps
    from pipeline.export.ooxml import FORM_FIELD_GAP

    fields = "".join(f'<div class="feld"><p>{label}</p></div>' for label in ("Ort, Datum", "Unterschrift", "Name"))
    docx = export_document(rendered_document(f'<h1 id="u">Unterschrift</h1><div class="felder">{fields}</div>'))[
        ".docx"
    ]
    document = Document(io.BytesIO(docx))
    (table,) = document.tables
    lines, labels = table.rows
    assert [cell.paragraphs[0].style.name for cell in lines.cells] == ["Ausfüllzeile"] * 3
    assert [cell.paragraphs[-1].text for cell in labels.cells] == ["Ort, Datum", "Unterschrift", "Name"]
    # the lines stand at their row's foot: an entry of two lines does not lower its line
    assert {c._tc.tcPr.find(qn("w:vAlign")).get(qn("w:val")) for c in lines.cells} == {"bottom"}
    for style in ("Ausfüllzeile", "Feldbezeichnung Ende"):  # entries and labels never hyphenated
        assert document.styles[style].element.pPr.find(qn("w:suppressAutoHyphens")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    section = document.sections[0]
    assert sum(widths) == (section.page_width - section.left_margin - section.right_margin) // 635
    assert widths[0] == widths[1] and abs(widths[1] - FORM_FIELD_GAP - widths[2]) <= 2  # lines of one length
    assert accessibility_gaps(docx) == []


def test_a_short_list_in_the_pdf_never_leaves_an_item_alone_on_a_page():
    """Four short items (an Anlagen list) stand on one page wherever the page ends (89–93 % of a
    page filled split them before); Word keeps first and last two items together, which for four
    items is the same."""
    items = "<ul>" + "".join(f"<li>Punkt {n} der Liste</li>" for n in range(1, 5)) + "</ul>"
    for share in [n / 100 for n in range(88, 95)]:
        pages = _compiled_pages(_text_filling(share) + items)
        assert any(all(f"Punkt {n} " in text for n in range(1, 5)) for text in pages), share


@pytest.mark.slow
def test_a_signature_keeps_with_nothing_after_it_and_takes_no_room_under_a_heading():
    """A signature kept with the next chained 'Anlagen' and 'Abkürzungen' into one block too tall
    for the page (SA/2026/041: 'Finanzielle Auswirkungen' alone at a page's foot); right under a
    heading its 24 pt doubled the heading's gap ('Unterschriften' of the agreement)."""
    from pipeline.export import export_document

    html = (
        "<p>Die Vorlage hat keine finanziellen Auswirkungen.</p>"
        '<div class="zusammenhalten abstand mit-vorigem"><p>Dr. Anna Berger<br>Landrätin</p></div>'
        "<h1>Anlagen</h1><h1>Unterschriften</h1>"
        '<div class="zusammenhalten abstand"><p>Für den Landkreis</p></div>'
    )
    word = Document(io.BytesIO(export_document(rendered_document(html))[".docx"]))
    signature = next(p for p in word.paragraphs if p.text.startswith("Dr. Anna Berger"))
    assert signature.style.name == "Abstand davor"
    assert not signature.paragraph_format.keep_with_next and not signature.style.paragraph_format.keep_with_next
    assert signature.style.paragraph_format.space_before.pt == 24
    before = next(p for p in word.paragraphs if p.text.startswith("Die Vorlage hat"))
    assert before.style.paragraph_format.keep_with_next  # the text keeps with its signature
    under_heading = next(p for p in word.paragraphs if p.text == "Für den Landkreis")
    assert under_heading.paragraph_format.space_before == 0


def test_the_byline_of_the_title_page_stands_under_the_title_block(concept_files):
    """Based on 'Title', author and date took its 120 pt before each and floated in the middle
    of the page: the first has some room above it, the second none."""
    document = Document(str(concept_files[".docx"]))
    byline = [p for p in document.paragraphs[:10] if p.style.style_id in ("Author", "Date")]
    assert [p.style.style_id for p in byline] == ["Author", "Date"]
    assert byline[0].paragraph_format.space_before.pt == 36
    assert byline[1].paragraph_format.space_before is None
    assert all(p.style.paragraph_format.space_before == 0 for p in byline)


@pytest.mark.slow
def test_the_paragraph_between_two_tables_takes_no_room_of_its_own():
    """pandoc separates two tables by an empty paragraph (Word would join them); with the gap
    after a table and a line of its own it doubled the space before the next caption (GV/2026/004
    between Tabelle 2 and 3)."""
    from pipeline.export import export_document

    table = (
        "<table><caption>{}</caption><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    )
    word = Document(
        io.BytesIO(export_document(rendered_document(table.format("Eins") + table.format("Zwei")))[".docx"])
    )
    first = next(word.element.body.iterchildren(qn("w:tbl")))
    separator = first.getnext()
    assert separator.tag == W_P and not "".join(separator.itertext()).strip()
    spacing = separator.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule")), spacing.get(qn("w:before"))) == (
        "20",
        "exact",
        "0",
    )
    caption = separator.getnext()
    assert "Zwei" in "".join(caption.itertext())


def test_the_contents_begin_a_page_without_an_empty_line_above(concept_files):
    """After a paragraph holding only a page break, Word shows its mark as an empty line atop
    the next page (above 'Inhalt'): the title page ends by the contents' own page break, and
    no paragraph of the concept holds only a break."""
    document = Document(str(concept_files[".docx"]))
    heading = next(p for p in document.element.body.iter(W_P) if _style(p) == "TOCHeading")
    assert heading.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    for p in document.element.body.iter(W_P):
        breaks = p.findall(f".//{qn('w:br')}")
        assert not (breaks and not "".join(p.itertext()).strip() and breaks[0].get(qn("w:type")) == "page")


def test_a_form_box_becomes_a_word_check_box_and_keeps_its_text():
    """Each '☐' that begins a box paragraph turns into an unticked w14 check box control; its run's
    formatting goes with it, the text after it stays in its run, other paragraphs stay as they were."""
    from pipeline.export.docx_finish import _checkboxes
    from pipeline.export.ooxml import text_of

    document = Document()
    boxed, plain = document.add_paragraph(), document.add_paragraph("☐ kein Formular")
    boxed._p.get_or_add_pPr().append(_styled("Ankreuzfeld"))
    run = boxed.add_run("☐\u00a0Hebammen, Name/Ort: ")
    run.bold = True
    _checkboxes(document)
    (control,) = boxed._p.findall(qn("w:sdt"))
    checkbox = control.find(f"{qn('w:sdtPr')}/{qn('w14:checkbox')}")
    assert checkbox.find(qn("w14:checked")).get(qn("w14:val")) == "0"
    assert [s.get(qn("w14:val")) for s in checkbox if s.tag != qn("w14:checked")] == ["2612", "2610"]
    (box_run,) = control.find(qn("w:sdtContent"))
    assert box_run.find(qn("w:rPr")).find(qn("w:b")) is not None
    assert text_of(boxed._p) == "☐\u00a0Hebammen, Name/Ort: "
    assert boxed.runs[-1].text == "\u00a0Hebammen, Name/Ort: "
    assert plain._p.find(qn("w:sdt")) is None and plain.text == "☐ kein Formular"


def _styled(style_id: str):
    from pipeline.export.ooxml import element

    return element("pStyle", val=style_id)


def test_a_line_with_a_blank_to_fill_in_introduces_nothing():
    """'☐ ein Vormund …, Name/Stelle: ____' ends with a colon, but asks for the blank after it: kept with
    the next heading, LibreOffice moved the form's last option to page 2 and left a fifth of page 1
    empty. A colon before text that follows still keeps its paragraph with the next."""
    from docx.enum.text import WD_TAB_LEADER as LEADER
    from docx.shared import Cm

    from pipeline.export.docx_pages import lead_ins

    document = Document()
    blank = document.add_paragraph("☐ ein Vormund oder eine Vormundin, Name/Stelle: ")
    blank.paragraph_format.tab_stops.add_tab_stop(Cm(15), leader=LEADER.LINES)
    blank.add_run().add_tab()
    document.add_heading("Wer darf Angaben austauschen?", level=1)
    lead_in = document.add_paragraph("Offen ist:")
    document.add_paragraph("Ein Punkt, der folgt.")

    lead_ins(document)

    def kept(paragraph) -> bool:
        return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None

    assert not kept(blank)
    assert kept(lead_in)


def test_captions_break_between_words():
    """'… (Zuständigkeit des Ausschusses für Ge-|sundheit)' under a paper's table: a caption of
    a line and a bit wraps whole words, without hyphens."""
    words = "Schwangerschaftskonfliktberatungsstellen Familiengesundheitskinderkrankenpflegende " * 3
    html = (
        f"<table><caption>{words}</caption><thead><tr><th>a</th></tr></thead>"
        "<tbody><tr><td>1</td></tr></tbody></table>"
    )
    text = _compiled_pages(html)[0]
    caption = text[text.index("Tabelle 1") : text.index("\na\n") if "\na\n" in text else None]
    assert "\xad" not in caption and not any(line.endswith("-") for line in caption.splitlines()), caption
