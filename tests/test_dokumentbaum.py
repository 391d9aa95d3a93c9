"""The Word file's body as pandoc's document tree, built from the intermediate HTML
(pipeline/export/to_pandoc.py) instead of pandoc reading HTML through Lua filters: snippets of
HTML in, tree out, in milliseconds. That pandoc writes the tree into Word as the documents need it
is shown by the slow tests of the Word files (test_wordcraft, test_docx, test_vereinbarung …)."""

from __future__ import annotations

import json
from html import escape
from typing import Any

import pytest

from pipeline.export import to_pandoc
from pipeline.export.to_pandoc import pandoc_json
from pipeline.export.to_typst import typst_markup

from .test_typst import HOSTILE, in_every_place


def tree(html: str, **metadata: str) -> dict[str, Any]:
    return json.loads(pandoc_json(html, metadata))


def blocks(html: str) -> list[dict[str, Any]]:
    return tree(html)["blocks"]


def walk(value: Any):
    """Every node of the tree, depth first."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from walk(inner)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def texts(value: Any) -> list[str]:
    return [n["c"] for n in walk(value) if n.get("t") == "Str"]


def kinds(value: Any) -> list[str]:
    return [n["t"] for n in walk(value) if "t" in n]


def styles(value: Any) -> list[str]:
    """The Word styles the tree names, in order."""
    found = []
    for n in walk(value):
        if n.get("t") == "Div":
            found += [v for k, v in n["c"][0][2] if k == "custom-style"]
    return found


def raw(value: Any) -> list[str]:
    return [n["c"][1] for n in walk(value) if n.get("t") in ("RawBlock", "RawInline")]


# --- text is text ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [*HOSTILE, "<w:p/>", "{{ x }}", "**fett**", "true"])
def test_text_stays_text_in_every_place(text):
    """Heading, link, emphasis, list, term, table, caption, form, picture, title: the tree around
    the text is the same whatever the text is, and the text arrives unchanged as a Str."""
    t = escape(text)
    html = in_every_place(t)
    hostile, harmless = tree(html, title=text), tree(html.replace(t, "x"), title="x")
    assert kinds(hostile) == kinds(harmless)
    found = texts(hostile)
    assert found.count(text) == 15  # one per place, and the title
    assert set(found) <= {text, " "}
    assert raw(hostile) == []  # the only raw Word markup is the project's own


def test_only_the_projects_own_word_markup_is_raw():
    html = (
        '<div class="quer"><p>breit</p></div><div class="neue-seite"></div>'
        '<div class="ankreuzen"><ul><li>☐ Sonstige: <span class="luecke"></span></li></ul></div>'
    )
    assert raw(blocks(html)) == [
        '<w:p><w:pPr><w:sectPr><w:pgSz w:orient="portrait"/></w:sectPr></w:pPr></w:p>',
        '<w:p><w:pPr><w:sectPr><w:pgSz w:orient="landscape"/></w:sectPr></w:pPr></w:p>',
        to_pandoc.PAGE_BREAK_DOCX,
        to_pandoc.GAP_DOCX,
    ]


def test_title_block_is_plain_text_and_empty_values_are_left_out():
    meta = tree("<p>x</p>", title="Beschlussvorlage *1*", subtitle="", author="Dr. A & B")["meta"]
    assert meta == {
        "title": {"t": "MetaInlines", "c": [{"t": "Str", "c": "Beschlussvorlage *1*"}]},
        "author": {"t": "MetaInlines", "c": [{"t": "Str", "c": "Dr. A & B"}]},
    }


def test_the_tree_names_the_api_version_pandoc_3_reads():
    assert tree("")["pandoc-api-version"][:2] == [1, 23]
    assert tree("")["blocks"] == []


# --- inline content -------------------------------------------------------------------------


def test_whitespace_collapses_as_in_the_pdf_and_no_break_spaces_bind():
    para = blocks("<p>\n  §\u00a04   KKG <strong> fett </strong> und\tmehr\n</p>")[0]
    assert para["t"] == "Para"
    assert texts(para) == ["§\u00a04 KKG ", "fett ", "und mehr"]
    assert kinds(para) == ["Para", "Str", "Strong", "Str", "Str"]


def test_line_breaks_end_lines_without_spaces_around():
    para = blocks("<p>Dr. Anna Berger <br>\n Landrätin</p>")[0]
    assert kinds(para) == ["Para", "Str", "LineBreak", "Str"]
    assert texts(para) == ["Dr. Anna Berger", "Landrätin"]


def test_spans_with_an_id_stay_spans_for_the_bookmarks_of_the_review():
    """Every block of a built document is bookmarked (gk0001 …) so a returned draft can be
    read back; the span carrying the id must reach pandoc, plain spans need not."""
    para = blocks('<p><span id="gk0001">Text <span>innen</span></span></p>')[0]
    span = para["c"][0]
    assert span["t"] == "Span" and span["c"][0][0] == "gk0001"
    assert texts(span) == ["Text ", "innen"]


def test_links_to_chapters_and_emphasis():
    para = blocks('<p><a href="#ziele">Kapitel 5</a> und <em>kursiv</em> <a href="#">leer</a></p>')[0]
    link = para["c"][0]
    assert link["t"] == "Link" and link["c"][2] == ["#ziele", ""]
    assert kinds(para) == ["Para", "Link", "Str", "Str", "Emph", "Str", "Str", "Str"]


# --- blocks ---------------------------------------------------------------------------------


def test_headings_keep_level_id_and_front_matter_class():
    header = blocks('<h2 id="kurz" class="unnumbered" data-quelle="x:1">Kurz</h2>')[0]
    assert header["t"] == "Header"
    level, (ident, classes, _), content = header["c"]
    assert (level, ident, classes, texts(content)) == (2, "kurz", ["unnumbered"], ["Kurz"])


def test_tight_and_loose_list_items():
    tight, loose = blocks("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol><li><p>d</p></li></ol>")
    assert [[b["t"] for b in item] for item in tight["c"]] == [["Plain"], ["Plain", "BulletList"]]
    assert loose["t"] == "OrderedList"
    assert [[b["t"] for b in item] for item in loose["c"][1]] == [["Para"]]


def test_header_block_of_a_paper_is_one_line_per_entry_label_tab_value():
    """In Word the head block is as compact as the PDF's two columns: the label in bold, a tab,
    the value (style "Kopfangabe" with its tab stop); stacked label over value it filled 40 % of
    the first page. Other definition lists stay definition lists."""
    head = blocks(
        '<dl class="kopfangaben"><dt>Datum</dt><dd>29.10.2026</dd><dt>Beteiligt</dt>'
        "<dd><p>Kämmerei</p><p>Sozialamt</p></dd></dl>"
    )
    assert styles(head) == ["Kopfangabe", "Kopfangabe"]
    first, second = (b["c"][1][0]["c"] for b in head)
    assert first[0] == {"t": "Strong", "c": [{"t": "Str", "c": "Datum"}]}
    assert first[1] == {"t": "RawInline", "c": ["openxml", "<w:r><w:tab/></w:r>"]}
    assert texts(first[2:]) == ["29.10.2026"] and texts(second[2:]) == ["Kämmerei", "Sozialamt"]
    assert {"t": "Space"} in second[2:]  # two paragraphs of a value are not glued together
    plain = blocks("<dl><dt>Begriff</dt><dd>Erklärung</dd></dl>")
    assert plain[0]["t"] == "DefinitionList"


def test_table_takes_widths_and_header_alignment_for_the_whole_column():
    table = blocks(
        '<table><caption><span id="gk1">Mittel</span></caption>'
        '<colgroup><col style="width: 70%"><col style="width: 30%"></colgroup>'
        '<thead><tr><th style="text-align: left">Posten</th><th style="text-align: right">Betrag</th></tr></thead>'
        "<tbody><tr><td>A</td><td>1.000,00 €</td></tr></tbody>"
        "<tfoot><tr><td>Summe</td><td>1.000,00 €</td></tr></tfoot></table>"
    )[0]
    _, caption, columns, head, bodies, foot = table["c"]
    assert texts(caption) == ["Mittel"]
    assert columns == [
        [{"t": "AlignLeft"}, {"t": "ColWidth", "c": 0.7}],
        [{"t": "AlignRight"}, {"t": "ColWidth", "c": 0.3}],
    ]
    assert {cell[1]["t"] for row in head[1] for cell in row[1]} == {"AlignDefault"}
    assert texts(head) == ["Posten", "Betrag"]
    assert texts(bodies) == ["A", "1.000,00 €"]
    assert texts(foot) == ["Summe", "1.000,00 €"]  # the total once, at the end


def test_cells_that_span_columns():
    table = blocks(
        '<table><tbody><tr><td colspan="2">breit</td></tr><tr><td>a</td><td>b</td></tr></tbody></table>'
    )[0]
    first_row = table["c"][4][0][3][0]
    assert first_row[1][0][2:4] == [1, 2]
    assert len(table["c"][2]) == 2  # no header: the columns are counted in the first row


def test_figure_has_caption_and_one_line_description():
    figure = blocks(
        '<figure><img src="finanzierung.svg" alt="Balken:\n 2026  1.000\u00a0€"><figcaption>Geld</figcaption></figure>'
    )[0]
    assert figure["t"] == "Figure"
    image = figure["c"][2][0]["c"][0]
    assert image["t"] == "Image" and image["c"][2] == ["finanzierung.svg", ""]
    assert texts(image) == ["Balken: 2026 1.000\u00a0€"]
    assert texts(figure["c"][1]) == ["Geld"]


# --- forms ----------------------------------------------------------------------------------


def test_a_field_is_a_line_with_its_label_below():
    assert styles(blocks('<div class="feld"><p>Name</p></div>')) == ["Ausfüllzeile", "Feldbezeichnung Ende"]
    empty, given = blocks(
        '<div class="feld"><p>Name</p></div><div class="feld"><p>Musterstadt</p><p>Ort</p></div>'
    )[::2]
    assert texts(empty) == ["\u00a0"]  # something on the line, so Word draws it
    assert texts(given) == ["Musterstadt"]


def test_fields_side_by_side_are_a_row_of_a_table_and_keep_with_what_follows_in_a_kept_block():
    """The lines in the table's first row, their labels under them in the second."""
    row = '<div class="felder">' + "".join(f'<div class="feld"><p>{n}</p></div>' for n in "ABC") + "</div>"
    (table,) = blocks(row)
    assert table["t"] == "Table" and not table["c"][3][1]  # no header row
    lines, labels = (r[1] for r in table["c"][4][0][3])
    assert [styles(cell[4]) for cell in lines] == [["Ausfüllzeile"]] * 3
    assert [styles(cell[4]) for cell in labels] == [["Feldbezeichnung Ende"]] * 3
    assert [texts(cell[4][0]) for cell in labels] == [["A"], ["B"], ["C"]]
    kept = blocks(f'<div class="zusammenhalten">{row}<p>Danach</p></div>')
    assert [styles(cell[4]) for cell in kept[0]["c"][4][0][3][1][1]] == [["Feldbezeichnung"]] * 3


def test_a_block_kept_together_keeps_every_paragraph_with_the_next_but_the_last():
    found = blocks(
        '<div class="zusammenhalten"><p>Für den Landkreis</p><div class="feld"><p>Ort, Datum</p></div>'
        "<ul><li>Liste</li></ul><p>Ende</p></div>"
    )
    assert [b["t"] for b in found] == ["Div", "Div", "Div", "BulletList", "Para"]
    assert styles(found) == ["Zusammenhalten", "Ausfüllzeile", "Feldbezeichnung"]
    assert texts(found[-1]) == ["Ende"]


def test_boxes_to_tick_are_paragraphs_of_their_own_style():
    found = blocks('<div class="ankreuzen"><ul><li>☐ Ja</li><li>☐ Nein</li></ul></div>')
    assert styles(found) == ["Ankreuzfeld", "Ankreuzfeld"]
    assert texts(found) == ["☐ Ja", "☐ Nein"]


def test_landscape_block_is_framed_by_two_section_ends():
    found = blocks('<div class="quer"><table><tbody><tr><td>x</td></tr></tbody></table></div>')
    assert [b["t"] for b in found] == ["RawBlock", "Table", "RawBlock"]


def test_a_kept_block_with_room_before_starts_with_the_spaced_style():
    """The signature block of a paper (div.zusammenhalten.abstand) has room above it in Word as
    in the PDF; its lines stay together."""
    one = blocks('<div class="zusammenhalten abstand"><p>Dr. Anna Berger<br>Landrätin</p></div>')
    assert styles(one) == ["Abstand davor"]  # keeps with nothing after it
    two = blocks('<div class="zusammenhalten abstand"><p>Der Magistrat</p><p><em>Vorbehaltlich …</em></p></div>')
    assert styles(two) == ["Zusammenhalten mit Abstand"] and two[1]["t"] == "Para"
    plain = blocks('<div class="zusammenhalten"><p>A</p><p>B</p></div>')
    assert styles(plain) == ["Zusammenhalten"]


def test_a_signature_never_stands_alone_at_a_page_top():
    """The paragraph before a signature (div.mit-vorigem) keeps with it, in Word as in the PDF;
    a paragraph before other blocks does not."""
    signed = '<p>Die Mittel sind veranschlagt.</p><div class="zusammenhalten abstand mit-vorigem"><p>Dr. Anna Berger</p></div>'
    assert styles(blocks(signed)) == ["Zusammenhalten", "Abstand davor"]
    assert '#block(sticky: true)[#"Die Mittel sind veranschlagt.";]' in typst_markup(signed)
    unsigned = (
        '<p>Die Mittel sind veranschlagt.</p><div class="zusammenhalten abstand"><p>Dr. Anna Berger</p></div>'
    )
    assert styles(blocks(unsigned)) == ["Abstand davor"]
    assert "sticky" not in typst_markup(unsigned)


@pytest.mark.parametrize(
    ("before", "last", "after", "kept"),
    [
        ("Umfang: zwei Nachmittage", "Maßnahme: M15 Fortbildungsreihe", "<h3>19.4 Gewaltschutz</h3>", True),
        ("Umfang: zwei Nachmittage", "Maßnahme: M15 Fortbildungsreihe", "", True),  # the end of its part
        ("Umfang: zwei Nachmittage", "Maßnahme: M15 Fortbildungsreihe", "<p>Noch ein Absatz.</p>", False),
        ("Umfang: zwei Nachmittage", "Ein Absatz über zwei Zeilen, " * 6, "<h3>19.4</h3>", False),
        ("Ein langer Absatz, der weit über vier Zeilen läuft. " * 12, "Maßnahme: M15", "<h3>19.4</h3>", False),
    ],
)
def test_the_line_that_ends_a_section_never_stands_alone_at_a_page_top(before, last, after, kept):
    """A layout review: „Maßnahme: M15 …“, the last line of a section, stood alone at the top of
    a page above the next heading. The short paragraph before it keeps with it, in Word as in the
    PDF; not a long one (it would leave that much of the page empty), not before a longer last
    paragraph or one the section goes on after."""
    html = f"<h3>19.3 Regulation</h3><p>Zielgruppe: Fachkräfte der Familienzentren</p><p>{before}</p><p>{last}</p>{after}"
    first = f'#block(sticky: true)[#"{before}";]'
    assert (first in typst_markup(html)) is kept
    word = blocks(html)  # heading, Zielgruppe, the paragraph before the last …
    assert (word[2]["t"] == "Div" and styles(word[2]) == ["Zusammenhalten"]) is kept


def test_a_paragraph_introducing_a_picture_moves_on_with_it():
    """The Angebotslandkarte's chapter began at a page's foot and its map stood on the next
    page without the paragraph that introduces it: before a figure.mit-vorigem the paragraph
    keeps with it, in Word as in the PDF; before another figure it does not."""
    picture = '<figure{}><img src="karte.svg" alt="Karte"><figcaption>Karte</figcaption></figure>'
    kept = "<p>Die Karte zeigt die Angebote.</p>" + picture.format(' class="mit-vorigem"')
    assert styles(blocks(kept))[:1] == ["Zusammenhalten"]
    assert '#block(sticky: true)[#"Die Karte zeigt die Angebote.";]' in typst_markup(kept)
    loose = "<p>Die Karte zeigt die Angebote.</p>" + picture.format("")
    assert "Zusammenhalten" not in styles(blocks(loose))
    assert "sticky" not in typst_markup(loose)
