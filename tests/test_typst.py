"""The PDF's Typst markup, written from the intermediate HTML without pandoc
(pipeline/export/to_typst.py): snippets of HTML in, markup out; every text a string literal,
whatever it holds. The slow tests compile the markup and read the PDF."""

from __future__ import annotations

import io
import re
from html import escape

import pytest
from pypdf import PdfReader

from pipeline.errors import ExportFailure
from pipeline.export.to_pdf import to_pdf
from pipeline.export.to_typst import IMPORT, UNHYPHENATED, literal, typst_body, typst_markup

from .test_wordcraft import rendered_document

#: Text that means something to Typst (or to the parts around it) if it were read as markup.
HOSTILE = [
    "#set page(width: 1cm)",
    '#include "/etc/passwd"',
    "$x^2$",
    "]",
    "[",
    "a // b",
    "/* c */",
    "@label",
    "<label>",
    "C:\\Pfad\\",
    "\\",
    '"',
    '\\"',
    "= Überschrift",
    "- Spiegelstrich",
    "+ Plus",
    "/ Begriff: Wert",
    "1. Eins",
    "*fett* _kursiv_ `code`",
    "~ --- ... 'x'",
    "https://example.org",
    "#{ 7 * 7 }",
    "Gruß 😀",
]

_TEXT = re.compile(r'#"((?:[^"\\]|\\.)*)";')
_ADDRESS = re.compile(re.escape(UNHYPHENATED) + r'(#"(?:[^"\\]|\\.)*";)\]')
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(u\{[0-9a-f]+\}|.)")


def _unescape(body: str) -> str:
    """A Typst string literal's text, read independently of the writer."""

    def one(match: re.Match[str]) -> str:
        code = match[1]
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        return {"n": "\n", "t": "\t", "r": "\r"}.get(code, code)

    return _ESCAPE.sub(one, body)


def _plain(markup: str) -> str:
    """The markup with the addresses' wrapper taken off: an address is text like any other,
    only never hyphenated."""
    return _ADDRESS.sub(r"\1", markup)


def texts(markup: str) -> list[str]:
    """The texts (string literals shown as text, '#"…";') in the markup, in order."""
    return [_unescape(m[1]) for m in _TEXT.finditer(_plain(markup))]


def literals(markup: str) -> list[str]:
    """Every string literal in the markup (texts, ids, file names, alternative texts)."""
    return [_unescape(m[1]) for m in _LITERAL.finditer(markup)]


def code(markup: str) -> str:
    """What Typst reads as code: the markup with every text replaced by «», every other string
    literal by ‹›."""
    return _LITERAL.sub("‹›", _TEXT.sub("«»", _plain(markup)))


def body(html: str) -> str:
    """The markup of a body, without the import line every body begins with."""
    markup = typst_markup(html)
    assert markup.startswith(IMPORT + "\n")
    return markup.removeprefix(IMPORT + "\n").strip()


# --- text stays text --------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_text_is_a_string_literal_whatever_it_holds(text):
    markup = body(f"<p>{escape(text)}</p>")
    assert code(markup) == "«»"
    assert texts(markup) == [text]


def in_every_place(t: str) -> str:
    """HTML with the (escaped) text `t` in every place a template puts text: 14 places."""
    return (
        f'<h2 id="ziel">{t}</h2><p><a href="#ziel">{t}</a> <strong>{t}</strong> <em>{t}</em></p>'
        f"<ul><li>{t}</li></ul><dl><dt>{t}</dt><dd>{t}</dd></dl>"
        f'<table><caption>{t}</caption><colgroup><col style="width: 100%"></colgroup>'
        f"<thead><tr><th>{t}</th></tr></thead><tbody><tr><td>{t}</td></tr></tbody></table>"
        f'<div class="feld"><p>{t}</p><p>{t}</p></div>'
        f'<figure><img src="bild.svg" alt="{t}"><figcaption>{t}</figcaption></figure>'
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_text_stays_a_literal_in_every_place(text):
    """Heading, link, emphasis, list item, term, table cell, caption, form label, picture: the
    code around the text is the same whatever the text is."""
    t = escape(text)
    html = in_every_place(t)
    markup = body(html)
    harmless = body(html.replace(t, "x"))
    assert code(markup) == code(harmless)
    assert literals(markup) == [text if found == "x" else found for found in literals(harmless)]


def test_ids_and_file_names_are_string_literals_too():
    markup = body('<h1 id="a&quot;)#b">T</h1><p><a href="#a&quot;)#b">1</a></p>')
    assert code(markup) == "#heading(level: 1)[«»]\n#label(‹›)\n\n#link(label(‹›))[«»]"
    assert literals(markup) == ["T", 'a")#b', 'a")#b', "1"]


def test_whitespace_collapses_as_in_a_browser_but_no_break_spaces_bind():
    markup = body("<p>\n  §\u00a04   KKG <strong> fett </strong> und\tmehr\n</p>")
    assert texts(markup) == ["§\u00a04 KKG ", "fett ", "und mehr"]
    assert code(markup) == "«»#strong[«»]«»"


def test_line_breaks_end_lines_without_spaces_around():
    markup = body("<p>Dr. Anna Berger <br>\n Landrätin</p>")
    assert code(markup) == "«»#linebreak()«»"
    assert texts(markup) == ["Dr. Anna Berger", "Landrätin"]


def test_control_characters_are_escaped_and_alternative_texts_are_one_line():
    assert literal("a\x07b\nc") == '"a\\u{7}b\\u{a}c"'
    markup = body('<figure><img src="b.svg" alt="a\n b\u00a0%"></figure>')
    assert literals(markup) == ["b.svg", "a b %"]  # read aloud: plain spaces, as before


# --- structure --------------------------------------------------------------------------------


def test_headings_with_level_label_and_front_matter_unnumbered():
    markup = body('<h1 id="vorwort" class="unnumbered">Vorwort</h1><h2 id="ziele">Ziele</h2><h3>Ohne</h3>')
    assert code(markup) == (
        "#heading(level: 1, numbering: none)[«»]\n#label(‹›)\n\n#heading(level: 2)[«»]\n#label(‹›)\n\n"
        "#heading(level: 3)[«»]"
    )
    assert literals(markup) == ["Vorwort", "vorwort", "Ziele", "ziele", "Ohne"]


def test_chapter_links_point_at_the_heading_label():
    markup = body('<p>Kapitel <a href="#ziele">5</a>; extern <a href="https://x.org/a">hier</a></p>')
    assert code(markup) == "«»#link(label(‹›))[«»]«»#link(‹›)[«»]"
    assert literals(markup) == ["Kapitel ", "ziele", "5", "; extern ", "https://x.org/a", "hier"]


def test_paragraphs_are_separated_by_a_blank_line():
    assert code(body("<p>a</p>\n<p>b</p><p> </p>")) == "«»\n\n«»"


def test_lists_tight_and_loose_bullets_and_numbers():
    tight = body("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>")
    kept = "#block(breakable: false)"
    assert code(tight) == f"#list(tight: true, [«»], [{kept}[«»\n#list(tight: true, [«»])]])"
    loose = body("<ol><li><p>Frage</p><ul><li>Fakt</li></ul></li></ol>")
    assert code(loose) == f"#enum(tight: false, [{kept}[«»\n\n#list(tight: true, [«»])]])"


def test_an_item_leading_into_a_short_sublist_stays_on_one_page_a_long_one_may_break():
    """'2027: 13.200,00 €, davon' ended Neuhafen's p. 29, its positions stood on p. 30: typst has
    no rule keeping an item's text with its first sub-item, so a short item with a sublist is one
    unbreakable block; a long one (more than KEPT_ITEM_LINES lines) may break as before."""
    from pipeline.export.to_typst import KEPT_ITEM_LINES

    position = "<li>5.800,00 € – Räume und Moderation der Stadtteilrunden; Sachkosten</li>"
    short = body(f"<ul><li>2027: 13.200,00 €, davon<ul>{position * 2}</ul></li><li>2028</li></ul>")
    long = body(f"<ul><li>2027: 13.200,00 €, davon<ul>{position * (KEPT_ITEM_LINES + 1)}</ul></li></ul>")
    assert '[#block(breakable: false)[#"2027: 13.200,00 €, davon";' in short
    assert "breakable" not in long


def test_paper_header_is_a_sequence_of_term_items():
    """Items one after another (not passed to terms(…)), so dokument.typ's show rule for
    terms.item sets them as label and value side by side; together in one block that does not
    break (the last abbreviation stood alone on a page)."""
    markup = body(
        '<dl class="kopfangaben"><dt>Datum</dt><dd>29.10.2026</dd><dt>Status</dt><dd>öffentlich</dd></dl>'
    )
    assert code(markup) == (
        "#block(breakable: false)[\n#terms.item([«»], block[«»])\n\n#terms.item([«»], block[«»])\n]"
    )
    assert texts(markup) == ["Datum", "29.10.2026", "Status", "öffentlich"]


TABLE = (
    "<table><caption>Geld</caption>"
    '<colgroup><col style="width: 40%"><col style="width: 21.5%"><col style="width: 38.5%"></colgroup>'
    '<thead><tr><th style="text-align: left">Jahr</th><th>Stand</th><th style="text-align: right">Betrag</th></tr></thead>'
    "<tbody><tr><td>2026</td><td>beschlossen</td><td>1,00 €</td></tr>"
    "<tr><td>2027</td><td></td><td>2,00 €</td></tr></tbody>"
    "<tfoot><tr><td><strong>Gesamt</strong></td><td></td><td><strong>3,00 €</strong></td></tr></tfoot></table>"
)


def test_table_with_widths_alignment_header_body_and_footer():
    """Widths from the columns, alignment of each column from its header cell (as in Word),
    the header as Typst's header, the total row after a line at the body's end, the caption on
    the figure. A keeper column of no width holds all three short rows together (the total never
    alone); the header's last cell spans it."""
    markup = body(TABLE)
    assert code(markup) == (
        "#figure(\n  align(center)[#table(\n"
        "    columns: (40%, 21.5%, 38.5%, 0pt,),\n"
        "    align: (left, auto, right, auto,),\n"
        "    table.header([«»], [«»], table.cell(colspan: 2)[«»],),\n"
        "    table.hline(),\n"
        "    [«»], [«»], [«»], zusammen(3),\n"
        "    [«»], [], [«»],\n"
        "    table.hline(),\n"
        "    [#strong[«»]], [], [#strong[«»]],\n"
        "  )],\n  caption: [«»],\n  kind: table,\n)"
    )
    assert texts(markup)[0] == "Jahr" and texts(markup)[-3:] == ["Gesamt", "3,00 €", "Geld"]


def test_cells_spanning_columns_keep_their_span():
    html = '<table><tbody><tr><td colspan="2">a</td></tr><tr><td>b</td><td>c</td></tr></tbody></table>'
    assert "table.cell(colspan: 2)[«»]" in code(body(html))


def test_figure_names_its_picture_and_alternative_text():
    markup = body(
        '<figure><img src="zeitplan.svg" alt="Zeitleiste: M1 läuft" style="width: 100%">'
        "<figcaption>Zeitplan der Maßnahmen</figcaption></figure>"
    )
    assert code(markup) == "#platziert(figure(\n  image(‹›, alt: ‹›),\n  caption: [«»],\n))"
    assert literals(markup) == ["zeitplan.svg", "Zeitleiste: M1 läuft", "Zeitplan der Maßnahmen"]


def test_landscape_page_break_and_kept_blocks():
    assert code(body('<div class="quer"><p>breit</p></div>')) == "#page(flipped: true)[\n«»\n]"
    assert code(body('<p>a</p><div class="neue-seite"></div><p>b</p>')) == "«»\n\n#pagebreak(weak: true)\n\n«»"
    assert code(body('<div class="zusammenhalten"><p>a</p></div>')) == (
        "#block(breakable: false, width: 100%)[\n«»\n]"
    )
    assert code(body('<div class="zusammenhalten abstand"><p>a</p></div>')) == (
        "#block(breakable: false, width: 100%)[#v(1.2em)\n«»\n]"
    )


def test_forms_fields_side_by_side_boxes_and_gaps():
    field = '<div class="feld"><p>{}</p></div>'
    assert code(body(field.format("Name"))) == "#feld([«»])"
    assert code(body('<div class="feld"><p>Musterstadt</p><p>Ort</p></div>')) == "#feld(eintrag: [«»], [«»])"
    row = body(f'<div class="felder">{field.format("Ort")}{field.format("Datum")}</div>')
    assert code(row) == (
        "#grid(columns: (1fr, 1fr, ), column-gutter: 1cm, row-gutter: 0.4em,\n[#feld([«»])],\n[#feld([«»])],\n)"
    )
    boxes = body('<div class="ankreuzen"><ul><li>☐\u00a0Sonstiges: <span class="luecke"></span></li></ul></div>')
    assert code(boxes) == "#ankreuzliste[\n#list(tight: true, [«»#luecke()])\n]"
    assert texts(boxes) == ["☐\u00a0Sonstiges: "]


def test_the_body_counts_what_the_lists_of_tables_and_figures_will_hold():
    """The concept's layout learns from the body how many figures of tables and of pictures it
    sets (it no longer queries the document for them): typst lists those without a caption
    too; a figure without a picture sets none, a picture in a term list stands inline and is
    none either. Text holding the markup that starts such a figure counts for nothing."""
    captioned = "<table><caption>Mittel</caption><tr><td>1</td></tr></table>"
    bare = "<table><tr><td>2</td></tr></table>"
    picture = '<figure><img src="karte.svg" alt="Karte"><figcaption>Karte</figcaption></figure>'
    unnamed = '<figure><img src="logo.svg" alt="Logo"></figure>'
    textual = "<figure><p>Zitat</p><figcaption>Quelle</figcaption></figure>"
    inline = f"<dl><dt>{picture}</dt><dd>x</dd></dl>"
    hostile = f"<p>{escape('#figure(  align(center)[# #platziert(figure( image(')}<br>#platziert(figure(</p>"
    html = captioned * 2 + bare + picture + unnamed + textual + inline + hostile
    counted = typst_body(html)
    assert (counted.tables, counted.pictures) == (3, 2)
    assert counted.directory_inputs() == {"tabellen": "3", "abbildungen": "2"}
    assert counted.markup == typst_markup(html)
    assert typst_body("").directory_inputs() == {"tabellen": "0", "abbildungen": "0"}


def test_an_empty_body_is_only_the_import():
    assert typst_markup("") == IMPORT + "\n"
    assert typst_markup("  \n") == IMPORT + "\n"


# --- compiled ---------------------------------------------------------------------------------


def _pdf_text(html: str) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(to_pdf(rendered_document(html))))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), reader


@pytest.mark.slow
def test_hostile_text_comes_out_of_typst_literally():
    printable = [t for t in HOSTILE if "😀" not in t]
    cells = "".join(f"<tr><td>{escape(t)}</td><td>x</td></tr>" for t in printable)
    items = "".join(f"<li>{escape(t)}</li>" for t in printable)
    html = (
        '<h1 id="probe">Probe</h1>'
        + "".join(f"<p>{escape(t)}</p>" for t in printable)
        + f"<ul>{items}</ul>"
        + '<table><caption>Tabelle</caption><colgroup><col style="width: 50%"><col style="width: 50%"></colgroup>'
        + f"<thead><tr><th>A</th><th>B</th></tr></thead><tbody>{cells}</tbody></table>"
    )
    text, reader = _pdf_text(html)
    for t in printable:
        for word in t.split():
            assert word in text, t
    assert len(reader.pages) < 5  # '#set page(width: 1cm)' changed nothing
    assert [item.title for item in reader.outline] == ["Probe"]  # '= Überschrift' is no heading
    assert "root:x:0:0" not in text


@pytest.mark.slow
def test_a_character_the_font_lacks_is_named_in_german_as_before():
    with pytest.raises(ExportFailure) as failure:
        _pdf_text("<p>Gruß 😀</p>")
    assert "Das Zeichen '😀' (U+1F600 GRINNING FACE) können die Schriften des PDF (Source Sans Pro und " in str(
        failure.value
    )


def test_a_lead_in_sticks_to_the_list_or_table_it_introduces():
    stuck = body("<p>Offen ist:</p><ul><li>eins</li></ul>")
    assert stuck.startswith('#block(sticky: true)[#"Offen ist:";]')
    assert "sticky" not in body("<p>Ein Satz.</p><ul><li>eins</li></ul>")
    # a colon introduces whatever follows: the lines 'Ansprechstelle: …' after 'Dafür gilt:'
    assert body("<p>Dafür gilt:</p><p><strong>Ansprechstelle:</strong> ASD</p>").startswith(
        '#block(sticky: true)[#"Dafür gilt:";]'
    )
    # (a paragraph of more than a line after it: the single line ending a section keeps the one before)
    assert "sticky" not in body(f"<p>Ein Satz.</p><p>{'Weiter im Text, über mehr als eine Zeile. ' * 4}</p>")


def test_a_short_paragraph_under_a_heading_stays_with_the_table_it_introduces():
    """Heading, one sentence and the table: never heading and sentence alone at a page's foot."""
    table = "<table><tr><td>a</td></tr></table>"
    under = body(f'<h2 id="b">Beschlüsse</h2><p>Über den Stand wird berichtet.</p>{table}')
    assert '#block(sticky: true)[#"Über den Stand wird berichtet.";]' in under
    long = "Ein langer Absatz. " * 30  # more than a lead-in: it may fill the page above the table
    for loose in (f"<p>Davor.</p><p>Über den Stand.</p>{table}", f'<h2 id="b">B</h2><p>{long}</p>{table}'):
        assert "sticky" not in body(loose)


def test_a_short_paragraph_closing_its_section_does_not_stick_to_the_next_section():
    """Heading and sentence stand complete when a new section follows: stuck to the kept block
    'Wichtig vor der Unterschrift', the one sentence under 'Entbindung von der Schweigepflicht'
    took its heading to the next page and left half a page of Neuhafen's consent form empty."""
    kept_block = '<div class="zusammenhalten"><h1 id="w">Wichtig</h1><ul><li>eins</li></ul></div>'
    assert "sticky" not in body(f'<h1 id="e">Entbindung</h1><p>Ich entbinde die Fachkräfte.</p>{kept_block}')
    assert "sticky" not in body(
        '<h2 id="e">Entbindung</h2><p>Ich entbinde.</p><h1 id="w">Wichtig</h1><p>Text.</p>'
    )
    assert "sticky" in body(f'<h1 id="e">Entbindung</h1><p>Dafür gilt:</p>{kept_block}')  # a colon introduces
    assert "sticky" in body('<h1 id="e">Entbindung</h1><p>Ich entbinde.</p><ul><li>eins</li></ul>')
    # a chapter's introduction still moves on with its first subsection
    assert "sticky" in body('<h1 id="k">Kapitel</h1><p>Zur Einführung.</p><h2 id="u">Abschnitt</h2><p>Text.</p>')


def test_a_short_numbered_list_stays_on_one_page_bullets_and_long_ones_may_break():
    """A Beschlussvorschlag of five points (14 lines) is not read across a page break; a list of
    bullets of the same length, and a numbered list longer than KEPT_NUMBERED_LINES, may break."""
    from pipeline.export.text_width import KEPT_NUMBERED_LINES

    point = "<li>Die Verwaltung wird beauftragt, dem Jugendhilfeausschuss jährlich über den Stand der Umsetzung zu berichten, erstmals 2027.</li>"
    assert body(f"<ol>{point * 5}</ol>").startswith("#block(breakable: false)[#enum(")
    assert "breakable" not in body(f"<ul>{point * 5}</ul>")
    assert "breakable" not in body(f"<ol>{point * KEPT_NUMBERED_LINES}</ol>")


def test_a_short_paragraph_under_a_heading_stays_with_what_follows_whatever_it_is():
    """'9.6.1 Jugendhilfe- und Sozialplanung / Organisationsform: …' ended Neuhafen's p. 37, the
    actor's role and tasks stood on p. 38: a short paragraph under a heading keeps with the next
    block also where that is a paragraph; the last block of a body and a paragraph elsewhere do not."""
    under = body('<h3 id="a">Jugendhilfeplanung</h3><p>Organisationsform: Institution</p><p>Rolle: plant.</p>')
    assert '#block(sticky: true)[#"Organisationsform: Institution";]' in under
    for loose in (
        f"<p>Davor.</p><p>Organisationsform: Institution</p><p>{'Rolle: plant die Angebote und mehr. ' * 4}</p>",
        '<h3 id="a">Jugendhilfeplanung</h3><p>Organisationsform: Institution</p>',
        '<h3 id="a">Netzwerkkarte</h3><p>Die Karte zeigt alle.</p><figure><img src="a.svg" alt="A"></figure>',
    ):
        assert "sticky" not in body(loose)


def test_addresses_and_only_they_are_set_unhyphenated():
    markup = body("<p>Mail an info@fh.example.de oder https://fh.example.de/a?b=1, sonst nichts.</p>")
    assert markup == (
        '#"Mail an ";#text(hyphenate: false)[#"info@fh.example.de";]#" oder ";'
        '#text(hyphenate: false)[#"https://fh.example.de/a?b=1,";]#" sonst nichts.";'
    )
    assert body("<p>Telefon 0123 45 67</p>") == '#"Telefon 0123 45 67";'


def test_an_ergaenzungsstrich_stays_with_its_word():
    """'Ärztinnen und -|ärzte' must not end a line on the hyphen: it becomes a non-breaking one;
    hyphens inside words and before numbers stay as they are."""
    markup = body(
        "<p>Frauenärztinnen und -ärzte, Kinder- und Jugendärzte, Netzwerkpartnerinnen und -partner, 2026 -1</p>"
    )
    # a plain hyphen and a word joiner: the font has no U+2011, typst set it in a serif fallback
    assert markup == (
        '#"Frauenärztinnen und -\u2060ärzte, Kinder- und Jugendärzte, '
        'Netzwerkpartnerinnen und -\u2060partner, 2026 -1";'
    )


@pytest.mark.slow
def test_an_address_is_never_hyphenated(tmp_path):
    """An address that reaches the end of a line is not hyphenated (it may break where it has
    a hyphen of its own)."""
    html = (  # without the rule, this line would end in 'land-'
        "<p>Bitte wenden Sie sich mit allen Fragen Schreiben Sie an "
        "fruehe-hilfen-datenschutzbeauftragte@landkreis-musterkreis.example.org bitte.</p>"
    )
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(rendered_document(html)))).pages)
    assert "fruehe-hilfen-datenschutzbeauftragte@landkreis-musterkreis.example.org" in "".join(text.split())


def test_rows_kept_together_at_a_tables_start_and_end():
    """Short rows: the first two and the last two held by one keeper each; the total and a
    subtotal (a row in bold) with the row above; a tall row (many lines) may stay behind, so only
    the total keeps with it."""
    short = "".join(f"<tr><td>{n}</td></tr>" for n in range(12))  # more than a table kept whole
    markup = body(f"<table><thead><tr><th>A</th></tr></thead><tbody>{short}</tbody></table>")
    assert [line.strip() for line in markup.splitlines() if "zusammen" in line] == [
        '[#"0";], zusammen(2),',
        '[#"10";], zusammen(2),',
    ]
    subtotal = "<tr><td><strong>Zwischensumme</strong></td></tr>"
    markup = body(
        f"<table><thead><tr><th>A</th></tr></thead><tbody>{short}{subtotal}{short}</tbody>"
        "<tfoot><tr><td>Summe</td></tr></tfoot></table>"
    )
    assert '[#"11";], zusammen(2),\n    [#strong[#"Zwischensumme";]],' in markup
    assert '[#"11";], zusammen(2),\n    table.hline(),\n    [#"Summe";],' in markup
    tall = "Ein langer Eintrag über viele Zeilen. " * 20
    markup = body(
        f"<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>{tall}</td></tr>{short}<tr><td>{tall}</td></tr>"
        "</tbody><tfoot><tr><td>Summe</td></tr></tfoot></table>"
    )
    assert markup.count("zusammen(") == 1 and "zusammen(2),\n    table.hline()," in markup
    assert "table.footer" not in markup


# --- pictures and the tables after them --------------------------------------------------------


def _picture_then(html_after: str) -> str:
    return body(f'<figure><img src="bild.svg" alt="Ein Bild"><figcaption>Bild</figcaption></figure>{html_after}')


def _rows(count: int) -> str:
    cells = "".join(f"<tr><td>Zeile {n}</td><td>{n},00 €</td></tr>" for n in range(count))
    return f"<table><caption>Liste</caption><thead><tr><th>A</th><th>B</th></tr></thead><tbody>{cells}</tbody></table>"


def test_a_picture_before_a_table_carries_the_estimated_height_of_what_follows_up_to_it():
    """The picture may still float where the paragraph and the table after it fit into the room
    it leaves (templates/gemeinsam.typ, bild-vermessen): the estimate grows with the table, and a
    table whose rows cannot be measured (a cell spanning rows) gives none."""

    def following(markup: str) -> int | None:
        found = re.search(r"fliessen: false(?:, folgt: (\d+)pt)?\)", markup)
        assert found is not None, "a picture before a table does not float on its own"
        return int(found[1]) if found[1] else None

    short = following(_picture_then(f"<p>Die Tabelle zeigt die Zeilen.</p>{_rows(3)}"))
    long = following(_picture_then(f"<p>Die Tabelle zeigt die Zeilen.</p>{_rows(30)}"))
    assert short is not None and long is not None
    assert 60 < short < 200 and long > short + 27 * 12  # about one line and more per row
    spanned = "<table><tbody><tr><td rowspan='2'>A</td><td>B</td></tr><tr><td>C</td></tr></tbody></table>"
    assert following(_picture_then(spanned)) is None
    assert "fliessen" not in _picture_then("<p>Nur Text danach.</p>")


def _pages_of(html: str, picture_cm: float) -> list[str]:
    from dataclasses import replace

    from pipeline.render.document import Figure

    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="16cm" height="{picture_cm}cm" viewBox="0 0 160 '
        f'{picture_cm * 10:.0f}"><rect width="160" height="{picture_cm * 10:.0f}" fill="#dce6f0"/></svg>'
    )
    doc = replace(rendered_document(html), figures=(Figure("bild.svg", svg, "Ein Bild"),))
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(to_pdf(doc))).pages]


_FILLER = "<p>" + "Ein Absatz, der die Seite füllt und nichts weiter sagt. " * 30 + "</p>"
_PICTURE = '<figure><img src="bild.svg" alt="Ein Bild"><figcaption>Das Bild</figcaption></figure>'


@pytest.mark.slow
def test_a_page_high_picture_floats_and_the_table_after_it_fills_the_page_before():
    """Neuhafen's Netzwerkkarte (a page of its own) stayed in place and left 70 % of p. 42 empty,
    because a table followed: a picture that needs a page for itself floats, the table starts
    on the page before it."""
    pages = _pages_of(_FILLER + _PICTURE + "<p>Die Tabelle zeigt die Zeilen.</p>" + _rows(60), 23)
    table_page = next(n for n, text in enumerate(pages) if "Tabelle 1: Liste" in text)
    picture_page = next(n for n, text in enumerate(pages) if "Abbildung 1: Das Bild" in text)
    assert table_page < picture_page


@pytest.mark.slow
def test_a_smaller_picture_floats_only_where_the_table_after_it_fits_before_it():
    """A half-page picture that no longer fits under the text moves on; the short table after
    it fills the page before it, a long one does not start there (it would run around the
    picture)."""
    short = _pages_of(_FILLER + _PICTURE + "<p>Die Tabelle zeigt die Zeilen.</p>" + _rows(3), 14)
    long = _pages_of(_FILLER + _PICTURE + "<p>Die Tabelle zeigt die Zeilen.</p>" + _rows(60), 14)
    for pages, table_first in ((short, True), (long, False)):
        table_page = next(n for n, text in enumerate(pages) if "Tabelle 1: Liste" in text)
        picture_page = next(n for n, text in enumerate(pages) if "Abbildung 1: Das Bild" in text)
        assert (table_page < picture_page) is table_first, pages


def test_a_column_too_narrow_for_its_code_takes_room_only_from_a_column_that_does_not_use_it():
    """'M10' in a column of 4 % would break ('M1|0'): it takes room from the column of short
    amounts, never from the column whose text wraps (that would cost it lines)."""
    rows = "".join(
        f"<tr><td>M{n}</td><td>{'Ein langer Text, der in seiner Spalte umbricht und umbricht. ' * 3}</td><td>5 €</td></tr>"
        for n in range(8, 12)
    )
    html = (
        '<table><colgroup><col style="width: 4%"><col style="width: 76%"><col style="width: 20%"></colgroup>'
        f"<thead><tr><th>Nr.</th><th>Text</th><th>Betrag</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    columns = re.search(r"columns: \(([^)]*)\)", body(html))
    assert columns is not None
    number, text, amount = (float(w.strip().removesuffix("%")) for w in columns[1].split(",")[:3])
    assert number > 4 and text == 76 and amount < 20 and abs(number + text + amount - 100) < 0.1
    plain = html.replace("width: 4%", "width: 10%").replace("width: 76%", "width: 70%")
    assert "columns: (10%, 70%, 20%" in body(plain)  # every word fits: the template's widths stay


# --- typst in worker processes -----------------------------------------------------------------


@pytest.mark.slow
def test_a_worker_is_replaced_after_its_compiles_and_gives_the_same_bytes(monkeypatch):
    """typst's cache grows in the process that compiles (about 1.3 GB in a long watch): a worker
    is replaced after COMPILES_PER_WORKER compiles, and a fresh worker sets the same bytes."""
    from pipeline.export import typst_worker

    monkeypatch.setattr(typst_worker, "COMPILES_PER_WORKER", 2)
    started: list[int] = []
    original = typst_worker._Worker.__init__

    def counting(self):
        original(self)
        started.append(self.process.pid)

    monkeypatch.setattr(typst_worker._Worker, "__init__", counting)
    typst_worker.stop_workers()  # workers of earlier tests would count against the limit anew
    document = rendered_document("<h1 id='a'>Probe</h1><p>Gruß aus dem Jugendamt.</p>")
    made = [to_pdf(document) for _ in range(5)]
    assert len(set(made)) == 1 and made[0].startswith(b"%PDF")
    assert len(started) == 3 and len(set(started)) == 3  # 2 + 2 + 1 compiles


@pytest.mark.slow
def test_a_worker_whose_memory_passes_the_limit_is_replaced(monkeypatch):
    """The worker tells its memory with each answer: past MEMORY_PER_WORKER_MB it is replaced
    after its compile (a long watch, a batch), long before COMPILES_PER_WORKER."""
    from pipeline.export import typst_worker

    monkeypatch.setattr(typst_worker, "MEMORY_PER_WORKER_MB", 1)
    typst_worker.stop_workers()
    to_pdf(rendered_document("<p>Probe</p>"))
    assert typst_worker._idle.qsize() == 0  # replaced: none waits for the next compile
    monkeypatch.setattr(typst_worker, "MEMORY_PER_WORKER_MB", 100_000)
    to_pdf(rendered_document("<p>Probe</p>"))
    worker = typst_worker._idle.get_nowait()
    assert 20 < worker.memory_mb < 100_000  # typst and its fonts: tens of MB, told by the worker
    typst_worker._idle.put(worker)


@pytest.mark.slow
def test_a_document_compiled_again_goes_to_the_worker_keeping_its_compiler_with_the_same_bytes():
    """A document compiled again (a save in watch mode) is sent to the worker that compiled it
    before, which keeps typst's compiler for its folder and lays out only what changed; the PDF
    shows the change and has the bytes a fresh worker makes."""
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from pipeline.export import typst_worker

    typst_worker.stop_workers()
    first = rendered_document("<p>Erste Fassung des Konzepts.</p>")
    other = replace(rendered_document("<p>Eine Vorlage.</p>"), file_stem="Vorlage")
    with ThreadPoolExecutor(2) as pool:  # both at once: two workers, one for each document
        list(pool.map(to_pdf, [first, other]))
    assert typst_worker._idle.qsize() == 2
    second = replace(first, body_html="<p>Zweite Fassung des Konzepts.</p>")
    again = to_pdf(second)
    workers = [typst_worker._idle.get_nowait() for _ in range(2)]
    (keeping,) = [w for w in workers if w.compiles == 2]
    (keeping_other,) = [w for w in workers if w.compiles == 1]
    assert len(keeping.folders) == 1 and not set(keeping.folders) & set(keeping_other.folders)
    for worker in workers:
        typst_worker._idle.put(worker)
    assert "Zweite Fassung" in PdfReader(io.BytesIO(again)).pages[0].extract_text()
    typst_worker.stop_workers()
    assert to_pdf(second) == again


def test_a_worker_that_set_another_municipality_first_sets_the_same_bytes():
    """The layout reads its values (title, header, footer) from a file in the document's folder,
    not from typst's sys.inputs, so a worker keeps what typst laid out for one municipality's
    documents for the next one's (a batch, watch). A document set right after another
    municipality's carries its own header, footer and author, and has the bytes a fresh worker
    sets; no layout reads sys.inputs, whose order typst-py shuffles for every compiler."""
    from dataclasses import replace

    from pipeline.export import typst_worker
    from pipeline.render.document import TEMPLATE_DIR

    code = [
        line.split("//")[0]
        for p in TEMPLATE_DIR.glob("*.typ")
        for line in p.read_text(encoding="utf-8").splitlines()
    ]
    assert not [line for line in code if "sys.inputs" in line]
    body = "<h1>Ziele</h1>" + "<p>Dieser Absatz steht in den Konzepten beider Kreise.</p>" * 60
    north = replace(
        rendered_document(body),
        file_stem="Probe_Nordkreis",
        author="Landkreis Nordkreis",
        header_text="Landkreis Nordkreis · Probe",
        footer_text="Fassung 1.0 · Stand 15.10.2026",
    )
    south = replace(
        north,
        file_stem="Probe_Suedkreis",
        author="Landkreis Südkreis",
        header_text="Landkreis Südkreis · Probe",
        footer_text="Fassung 2.0 · Stand 01.12.2026",
    )
    typst_worker.stop_workers()
    to_pdf(south)
    after_south = to_pdf(north)
    worker = typst_worker._idle.get_nowait()
    assert worker.compiles == 2 and len(worker.folders) == 2  # one worker set both
    typst_worker._idle.put(worker)
    reader = PdfReader(io.BytesIO(after_south))
    first_page = " ".join(reader.pages[0].extract_text().split())  # a paper's footer is there already
    assert "Fassung 1.0 · Stand 15.10.2026 Seite 1 von" in first_page and "2.0" not in first_page
    second_page = " ".join(reader.pages[1].extract_text().split())  # its header from here
    assert "Landkreis Nordkreis · Probe" in second_page and "Fassung 1.0 · Stand 15.10.2026" in second_page
    assert "Südkreis" not in second_page and "2.0" not in second_page
    assert reader.metadata.author == "Landkreis Nordkreis"
    typst_worker.stop_workers()
    assert to_pdf(north) == after_south


@pytest.mark.slow
def test_a_worker_that_dies_fails_its_pdf_in_german_and_the_next_compile_works():
    """Should typst abort its process (a damaged image can), the build reports that PDF as failed
    and goes on: the next compile gets a new worker."""
    import os
    import signal

    from pipeline.export import typst_worker

    document = rendered_document("<p>Probe</p>")
    to_pdf(document)  # leaves an idle worker
    worker = typst_worker._idle.get_nowait()
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.wait()
    typst_worker._idle.put(worker)
    with pytest.raises(ExportFailure) as failure:
        to_pdf(document)
    assert "Die PDF-Engine Typst ist dabei abgebrochen" in str(failure.value)
    assert to_pdf(document).startswith(b"%PDF")


@pytest.mark.slow
def test_the_pictures_for_word_are_drawn_by_a_worker_and_one_that_dies_fails_in_german():
    """The PNGs for Word come from a worker as well (typst kept what it drew in the build's own
    process): the drawing is a PNG of the picture's size, and should its worker die, the message
    names the picture and the next drawing works."""
    import os
    import signal

    from pipeline.export import typst_worker
    from pipeline.export.figures import draw_png

    square = b'<svg xmlns="http://www.w3.org/2000/svg" width="96" height="48"><rect width="96" height="48"/></svg>'
    typst_worker.stop_workers()
    png = draw_png("probe.svg", square, ppi=100, failure="Das Bild probe.svg ließ sich nicht zeichnen")
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 100  # 96 px: an inch
    worker = typst_worker._idle.get_nowait()  # the drawing's worker waits for the next job
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.wait()
    typst_worker._idle.put(worker)
    with pytest.raises(ExportFailure) as failure:
        draw_png("probe.svg", square, ppi=100, failure="Das Bild probe.svg ließ sich nicht zeichnen")
    assert str(failure.value).startswith("Das Bild probe.svg ließ sich nicht zeichnen: Typst ist")
    assert draw_png("probe.svg", square, ppi=100, failure="x") == png


@pytest.mark.slow
def test_ctrl_c_reaches_the_build_not_the_worker(capfd):
    """Ctrl-C in the terminal is sent to the worker as well: it ignores it (the build handles it
    and closes the pipe) instead of printing a traceback under the build's message."""
    import os
    import signal
    import time

    from pipeline.export import typst_worker

    document = rendered_document("<p>Probe</p>")
    to_pdf(document)  # the worker is now in its loop
    worker = typst_worker._idle.get_nowait()
    os.kill(worker.process.pid, signal.SIGINT)
    time.sleep(0.3)
    assert worker.alive
    typst_worker._idle.put(worker)
    assert to_pdf(document).startswith(b"%PDF")
    typst_worker.stop_workers()
    assert worker.process.returncode == 0
    assert "Traceback" not in capfd.readouterr().err


def test_a_document_folder_in_use_is_never_removed_to_make_room(monkeypatch):
    """Folders are kept for compiling again, the oldest removed beyond FOLDERS_KEPT – but never
    one a compile is still using (a long concept in a batch while many papers pass by)."""
    from pipeline.export import to_pdf as pdf

    monkeypatch.setattr(pdf, "FOLDERS_KEPT", 2)
    monkeypatch.setattr(pdf, "_folders", type(pdf._folders)())
    monkeypatch.setattr(pdf, "_busy", set())
    with pdf.document_folder("konzept.pdf") as long_running:
        (long_running / "inhalt.typ").write_text("lang", encoding="utf-8")
        for number in range(5):
            with pdf.document_folder(f"vorlage-{number}.pdf") as folder:
                assert folder != long_running
        assert (long_running / "inhalt.typ").read_text(encoding="utf-8") == "lang"
    assert len(pdf._folders) <= 3 and "konzept.pdf" in pdf._folders
    with pdf.document_folder("konzept.pdf") as again:  # the same folder when it comes back
        assert again == long_running


def test_the_municipalitys_name_is_never_hyphenated():
    """Hansestadt Warnemark (M-V review): the PDF split the city's name as 'Warn-emark' – a
    hyphenation pattern knows no proper names. Every document of the municipality carries the
    words of its name; the PDF sets each, also with an ending, as text never hyphenated, while a
    compound beginning with it may still break (it must fit narrow columns)."""
    from pipeline.model.papers import paper_views
    from pipeline.render import render_paper

    from .conftest import fixture_inputs

    concept = fixture_inputs("warnemark").check().concept
    view = paper_views(concept)[0]
    document = render_paper(view)
    assert document.unbroken == ("Warnemark", "Frühe", "Frühen")
    # the programme's name too: 'Frü-|he Hilfen' stood in a Kooperationsvereinbarung (layout review)
    programme = typst_body("<p>im Netzwerk Frühe Hilfen und den Frühen Hilfen</p>", document.unbroken).markup
    assert f'{UNHYPHENATED}#"Frühe";]' in programme and f'{UNHYPHENATED}#"Frühen";]' in programme
    markup = typst_body(
        "<p>Hansestadt Warnemark, die Warnemarker Kitas, die Warnemarkverwaltung</p>", document.unbroken
    ).markup
    assert f'{UNHYPHENATED}#"Warnemark";]' in markup and f'{UNHYPHENATED}#"Warnemarker";]' in markup
    assert f'{UNHYPHENATED}#"Warnemarkverwaltung' not in markup
    assert UNHYPHENATED not in typst_body("<p>Hansestadt Warnemark</p>").markup  # only where named


def test_a_number_ending_in_letters_never_breaks_after_its_slash():
    """Bezirk Spreetal (Berlin review): 'DS/1534/ XIX' – a line may break after a slash before
    letters. Such a number stands in a box; numbers of digits only ('KT/2027/012') cannot break
    there anyway and stay text."""
    markup = typst_body("<p>Beschluss DS/1534/XIX und Vorlage KT/2027/012</p>").markup
    assert '#box[#"DS/1534/XIX";]' in markup and '#box[#"KT' not in markup


def test_a_footer_keeps_the_page_number_whole_and_its_note_on_a_line_below():
    """The agreement's footer (draft, basis, date) with the text key as its note: the note stands
    on a line of its own under the text, the text breaks in its own column, unhyphenated, and
    „Seite 1 von 2“ stays together on the right of the first line (a reader's review: the key
    appended made the line too long in a serif face, „Seite 10 von“ stood above a lone „26“, a
    line ended on „·“, a test footer read „Textken-|nung“)."""
    from dataclasses import replace

    footer = "Entwurf · Grundlage: Gesamtkonzept Frühe Hilfen der Stadt Neuhafen am Main, Fassung 3.0 · Stand 14.10.2026"
    body = "<p>" + "Ein Absatz, der die Seite füllt und nichts weiter sagt. " * 60 + "</p>"
    doc = replace(rendered_document(body * 2), footer_text=footer, footer_note="Textkennung e67ed095")
    pages = PdfReader(io.BytesIO(to_pdf(doc))).pages
    assert len(pages) == 2
    for number, page in enumerate(pages, 1):
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
        assert f"Seite {number} von 2" in " | ".join(lines), lines[-3:]  # on one line
        assert "Textkennung e67ed095" in lines, lines[-3:]  # a line of its own
        assert not any(line.endswith("·") for line in lines) and "\xad" not in "".join(lines[-3:])
