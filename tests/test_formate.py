"""More formats: the concept as one self-contained HTML page, and the finance department's XLSX
workbook with numbers as numbers, totals as formulas that add up to the model's totals
(recomputed here from the YAML), € formats and frozen header rows."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from decimal import Decimal

import lxml.html
import openpyxl
import pytest
import yaml

from pipeline.export.to_html import _abbreviations, _anchors, to_html
from pipeline.export.to_xlsx import to_xlsx
from pipeline.render import render_concept
from pipeline.render.workbook import workbook

from .conftest import EXAMPLE, ROOT, fixture_inputs


def raw(name: str) -> dict:
    return yaml.safe_load((EXAMPLE / name).read_text(encoding="utf-8"))


# --- the HTML page ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(concept) -> str:
    return to_html(render_concept(concept)).decode("utf-8")


def test_page_is_german_with_one_title_and_chapters_below_it(page):
    root = lxml.html.fromstring(page)
    assert root.get("lang") == "de"
    assert [h.text_content() for h in root.iter("h1")] == ["Gesamtkonzept Frühe Hilfen"]
    chapters = [" ".join(h.text_content().split()) for h in root.xpath("//main//h2")]
    assert chapters[:3] == ["Vorwort", "Das Wichtigste in Kürze", "1 Einleitung und Auftrag"]
    assert "20 Ressourcen und Finanzierung" in chapters and "10 Netzwerkkoordination" in chapters
    levels = [int(h.tag[1]) for h in root.xpath("//main//*[self::h2 or self::h3 or self::h4 or self::h5]")]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))  # no level skipped


def test_page_requests_nothing_from_elsewhere(page):
    root = lxml.html.fromstring(page)
    for element in root.xpath("//*[@src]"):
        assert element.get("src").startswith("data:"), element.get("src")[:40]
    for element in root.xpath("//*[@href]"):
        assert element.get("href").startswith(("#", "mailto:", "tel:")), element.get("href")
    # a phone number to tap on a phone (web review), as the number written: the contact's
    phones = {a.text_content(): a.get("href") for a in root.xpath("//a[starts-with(@href, 'tel:')]")}
    assert phones["0123\u00a04567-210"] == "tel:+491234567210"
    assert not root.xpath("//script[@src]|//link|//iframe|//object")
    assert len(root.xpath("//script")) == 1  # the page's own, inline (SCROLL_SCRIPT)
    assert "@import" not in page and "url(" not in page


def test_page_tables_have_captions_and_header_cells(page):
    root = lxml.html.fromstring(page)
    tables = root.xpath("//main//table")
    assert tables
    for number, table in enumerate(tables, start=1):
        assert table.find("caption").text_content().startswith(f"Tabelle {number}: ")
        assert table.xpath("./thead/tr/th")
        assert all(th.get("scope") in ("col", "colgroup") for th in table.xpath("./thead/tr/th"))
        # each row is headed by its first cell (a screen reader announces it with every cell)
        assert all(
            row[0].tag == "th" and row[0].get("scope") in ("row", "rowgroup") for row in table.xpath("./tbody/tr")
        )


def test_page_links_a_chapter_reference_as_a_whole(page):
    """'Kapitel 7' is the link's text, not the bare '7' (the purpose of a link from its text)."""
    root = lxml.html.fromstring(page)
    chapter_links = [a for a in root.xpath("//main//a[starts-with(@href, '#')]") if "Kapitel" in a.text_content()]
    assert chapter_links
    # also in the genitive: 'des Kapitels 20' linked whole (accessibility review: the link read '20')
    assert all(re.fullmatch(r"Kapitels?\s\d+", a.text_content()) for a in chapter_links)
    assert any(a.text_content().startswith("Kapitels") for a in chapter_links)
    bare = [a for a in root.xpath("//main//a[starts-with(@href, '#')]") if a.text_content().strip().isdigit()]
    assert all(
        not (a.getprevious().tail if a.getprevious() is not None else a.getparent().text or "")
        .rstrip()
        .endswith("Kapitel")
        for a in bare
    )


def test_page_aligns_amounts_as_their_header_and_lets_wide_tables_be_scrolled_by_keyboard(page):
    """Amounts stood left under a right-aligned header: the browser aligns only the header cell."""
    root = lxml.html.fromstring(page)
    table = next(
        t for t in root.xpath("//main//table") if "Erträge: Zuwendungen" in t.find("caption").text_content()
    )
    header = [th.text_content() for th in table.xpath("./thead/tr/th")]
    amount = header.index("Betrag")
    for row in table.xpath("./tbody/tr"):
        # the cell over the amount's column, after those before it (a year's sum spans two columns)
        column, cells = 0, row.xpath("./th|./td")
        for cell in cells:
            if column + int(cell.get("colspan", "1")) > amount:
                break
            column += int(cell.get("colspan", "1"))
        assert "text-align: right" in cell.get("style", "")
    assert "text-align" not in (table.xpath("./tbody/tr/td")[0].get("style") or "")  # left stays as it is
    # every table's box may scroll on a phone: reachable by keyboard and named by its caption (accessibility
    # review: 39 of 41 tables were wider than 320 px, only those of more than four columns were reachable),
    # by reference, not a second copy of its text (web review); the script keeps that where a table overflows
    boxes = root.xpath("//div[@class='breit']")
    assert boxes and all(
        box.get("tabindex") == "0"
        and box.get("role") == "region"
        and box.get("aria-labelledby") == box.find("table/caption").get("id")
        and box.get("aria-label") is None
        for box in boxes
    )
    assert "box.scrollWidth > box.clientWidth" in root.xpath("//script")[0].text
    # long words and addresses break instead of widening the page (1.4.10 Reflow)
    assert "overflow-wrap: break-word" in page and 'a[href^="mailto:"] { overflow-wrap: anywhere; }' in page


def test_tables_and_figures_are_named_by_their_section_so_links_survive_a_new_fassung(page):
    """A Ratsinformationssystem links to a table of one Fassung: the link must still lead there
    when the next Fassung has a table more in an earlier chapter (by number it led to another)."""
    root = lxml.html.fromstring(page)
    ids = [element.get("id") for element in root.iter("table", "figure") if element.get("id")]
    assert len(ids) == len(set(ids)) > 40
    section = ""
    for element in root.iter("h2", "h3", "h4", "h5", "table", "figure"):
        if element.tag.startswith("h"):
            section = element.get("id") or section
        elif element.get("id"):
            word = "tabelle" if element.tag == "table" else "abbildung"
            assert re.fullmatch(rf"{re.escape(section)}-{word}(-\d+)?", element.get("id")), element.get("id")
    table = root.get_element_by_id("finanzierung-tabelle")
    assert table.find("caption").text.startswith("Tabelle ")
    assert (
        table.getparent().get("aria-labelledby") == table.find("caption").get("id") == "finanzierung-tabelle-titel"
    )

    def anchors(body: str) -> list[str]:
        fragment = lxml.html.fragment_fromstring(body, create_parent="main")
        return list(_anchors(fragment, "table", "tabelle").values())

    table = "<table><caption>T</caption><tr><td>1</td></tr></table>"
    # the page's chapters are h2 (its title the h1)
    before = f'<h2 id="a">A</h2>{table}<h2 id="b">B</h2>{table}<h3 id="c">C</h3>{table}{table}'
    after = f'<h2 id="a">A</h2>{table}{table}<h2 id="b">B</h2>{table}<h3 id="c">C</h3>{table}{table}'
    assert anchors(before) == ["a-tabelle", "b-tabelle", "c-tabelle", "c-tabelle-2"]
    assert anchors(after) == ["a-tabelle", "a-tabelle-2", "b-tabelle", "c-tabelle", "c-tabelle-2"]
    # a table without a caption is not linked to; an id the page has already is not given twice
    assert anchors(f'<h2 id="a">A</h2><table></table>{table}<p id="a-tabelle"></p>') == ["a-tabelle-2"]


def test_an_abbreviations_first_use_in_each_chapter_says_what_it_means(page):
    root = lxml.html.fromstring(page)
    listing = root.get_element_by_id("abkuerzungen-tabelle")
    meanings = {
        " ".join(row[0].text_content().split()): " ".join(row[1].text_content().split())
        for row in listing.xpath("tbody/tr")
    }
    marks = list(root.iter("abbr"))
    assert len(marks) > 20 and not listing.xpath(".//abbr")
    for mark in marks:
        assert mark.get("title") == meanings[" ".join(mark.text.split())]
        assert not [a for a in mark.iterancestors() if a.tag in ("h2", "h3", "h4", "caption", "thead", "a")]
    assert len({mark.text for mark in marks}) < len(marks)  # marked again in a later chapter

    def marked(body: str) -> str:
        fragment = lxml.html.fragment_fromstring(
            f'{body}<h2 id="abkuerzungen">Abkürzungen</h2><table><tbody>'
            "<tr><td>ASD</td><td>Allgemeiner Sozialer Dienst</td></tr>"
            "<tr><td>SGB\u00a0VIII</td><td>Achtes Buch Sozialgesetzbuch</td></tr>"
            "<tr><td>SGB</td><td>Sozialgesetzbuch</td></tr></tbody></table>",
            create_parent="main",
        )
        _abbreviations(fragment)
        return lxml.html.tostring(fragment, encoding="unicode").split("<h2 id")[0]

    assert marked("<h2>Eins</h2><p>Der ASD und der ASD.</p><h2>Zwei</h2><p><b>ASD</b> nach SGB VIII</p>") == (
        '<main><h2>Eins</h2><p>Der <abbr title="Allgemeiner Sozialer Dienst">ASD</abbr> und der ASD.</p>'
        '<h2>Zwei</h2><p><b><abbr title="Allgemeiner Sozialer Dienst">ASD</abbr></b> nach '
        '<abbr title="Achtes Buch Sozialgesetzbuch">SGB VIII</abbr></p>'
    )
    # explained where it stands, inside another word, in a heading or a link: left as it is
    plain = "<h2>Eins</h2><p>Allgemeiner Sozialer Dienst (ASD), ASDs, <a href='#x'>SGB</a></p><h3>SGB</h3>"
    assert "<abbr" not in marked(plain)


def test_page_shows_every_figure_inline_with_its_alternative_text(concept, page):
    root = lxml.html.fromstring(page)
    document = render_concept(concept)
    labels = [svg.get("aria-label") for svg in root.xpath("//figure/svg")]
    in_order = sorted(document.figures, key=lambda f: document.body_html.index(f'"{f.name}"'))
    # named by what they show; the numbers follow as a list a screen reader can stop at item by item
    # (web review: descriptions of 3,000 characters were read as one block)
    assert labels == [
        f"{f.summary} Die Werte folgen unter der Abbildung („Werte der Abbildung {n}“)."
        for n, f in enumerate(in_order, start=1)
    ]
    for number, (element, figure) in enumerate(zip(root.xpath("//figure"), in_order, strict=True), start=1):
        assert re.fullmatch(r"[a-z0-9-]+-abbildung(-\d+)?", element.get("id"))
        values = element.getnext()  # after the figure, whose caption ends it (valid HTML)
        assert values.tag == "details" and values.find("summary").text == f"Werte der Abbildung {number}"
        assert [li.text_content() for li in values.xpath("ul/li")] == list(figure.values)
        assert element[-1].tag == "figcaption"
    indicators = next(f for f in in_order if f.name == "indikatoren.svg")
    assert len(indicators.values) > 5 and indicators.values[0].startswith("Z1 ")
    assert indicators.alt == " ".join((indicators.summary, *indicators.values))  # Word and PDF: the whole text
    assert all(svg.get("role") == "img" for svg in root.xpath("//figure/svg"))
    # drawn at their own size, also where a CMS strips the style sheet (web review: a chart without a
    # size filled the screen); the style sheet scales them down on a narrow page
    for svg in root.xpath("//figure/svg"):
        _, _, width, height = svg.get("viewbox").split()  # lxml.html reads attribute names in lower case
        # in pt, the PDF's size: a bare number drew them at three quarters (figure review)
        assert (svg.get("width"), svg.get("height")) == (f"{width}pt", f"{height}pt")
    assert "figure svg { max-width: 100%; height: auto; }" in page
    captions = [c.text_content() for c in root.iter("figcaption")]
    assert captions[1] == "Abbildung 2: Indikatoren: Ausgangswert, Istwert und Zielwert"


def test_page_says_what_the_marks_of_a_grid_mean(concept, page):
    """The Zuständigkeitsmatrix and the members' table: a screen reader says the measure of a column
    and 'federführend' for 'F'; the eye sees the marks alone, also without the style sheet (web
    review); an empty cell stays empty ('nicht beteiligt' 400 times buried the marks)."""
    root = lxml.html.fromstring(page)
    matrix = next(
        t for t in root.xpath("//main//table") if "Zuständigkeitsmatrix" in t.find("caption").text_content()
    )
    head = matrix.xpath("./thead/tr/th")[1:]
    first = concept.measures[0]
    assert head[0].xpath("span[@aria-hidden='true']")[0].text == "1"
    assert head[0].xpath("span[@class='sr-only']")[0].text.split() == ["M1", *first.title.split()]
    row = next(r for r in matrix.xpath("./tbody/tr") if r[0].text_content() == concept.actor(first.lead).name)
    lead = row[1]
    assert lead.xpath("span[@aria-hidden='true']")[0].text == "F"
    assert lead.xpath("span[@class='sr-only']")[0].text.strip() == "federführend"
    empty = [cell for cell in matrix.xpath("./tbody/tr/td") if not cell.xpath("span[@aria-hidden='true']")]
    assert empty and all(cell.text_content() == "" and not len(cell) for cell in empty)
    assert all("clip: rect(0 0 0 0)" in span.get("style") for span in root.xpath("//span[@class='sr-only']"))
    members = next(
        t
        for t in root.xpath("//main//table")
        if "Mitglieder der Netzwerkgremien" in t.find("caption").text_content()
    )
    said = {cell.text_content().strip() for cell in members.xpath("./tbody/tr/td")}
    assert said == {"L leitet das Gremium", "M Mitglied", ""}
    assert "data-gesprochen" not in page


def test_page_has_contents_and_a_print_stylesheet(page):
    root = lxml.html.fromstring(page)
    links = [a.get("href") for a in root.xpath("//nav//a")]
    assert "#einleitung" in links and "#ressourcen" in links
    ids = set(root.xpath("//@id"))
    assert all(link[1:] in ids for link in links)
    assert "@media print" in page
    # a list to a screen reader also without bullets (Safari drops it otherwise), named apart from the
    # skip link 'Zum Inhalt springen' (accessibility review)
    assert root.xpath("//nav/h2")[0].text_content() == "Inhaltsverzeichnis"
    lists = root.xpath("//nav//ul")
    assert lists and all(ul.get("role") == "list" for ul in lists)
    # the entries carry their numbers: an ordered list added its own without the style sheet ('3. 1
    # Einleitung und Auftrag'; web review)
    assert not root.xpath("//nav//ol")
    assert "1 Einleitung und Auftrag" in [a.text_content() for a in root.xpath("//nav//a")]
    # the layout's blocks keep together in print, and a wide table's block prints in landscape
    assert ".zusammenhalten, .eintrag { page-break-inside: avoid;" in page
    assert "@page quer { size: A4 landscape; }" in page and ".quer { page: quer; }" in page


def test_page_lets_keyboard_users_skip_to_the_text(page):
    """The first link of the page jumps past logo, title and the table of contents to the main
    part (WCAG 2.4.1); it shows when it has the focus."""
    root = lxml.html.fromstring(page)
    first = root.xpath("//body//a")[0]
    assert first.text_content() == "Zum Inhalt springen"
    target = first.get("href")[1:]
    assert root.xpath(f"//main[@id='{target}']")
    assert not root.xpath(f"//*[@id='{target}'][not(self::main)]")
    assert ".sprung:focus" in page


# --- the workbook -----------------------------------------------------------------------------


_REF = re.compile(r"(?:'((?:[^']|'')+)'!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?")


def _split(text: str, operator: str) -> list[str]:
    """`text` split at `operator` outside parentheses and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "()":
            depth += 1 if char == "(" else -1
        elif not quoted and depth == 0 and char == operator:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def _cells(sheet, reference: str) -> list:
    """The cells a reference ('C2', "'Erträge'!$D$2:$D$11") names, in order."""
    found = _REF.fullmatch(reference)
    assert found, reference
    name, first, top, last, bottom = found.groups()
    target = sheet.parent[name.replace("''", "'")] if name else sheet
    if last is None:
        return [target[f"{first}{top}"]]
    return [c for row in target[f"{first}{top}:{last}{bottom}"] for c in row]


def _value(sheet, cell) -> Decimal | str:
    if isinstance(cell.value, str) and not cell.value.startswith("="):
        return cell.value
    return _evaluate(cell.parent, cell.coordinate)


def _factor(sheet, text: str) -> list:
    """A factor of SUMPRODUCT: a range's values, or (range=value) as ones and zeros."""
    if text.startswith("(") and text.endswith(")"):
        left, right = text[1:-1].split("=")
        if right.startswith('"') and right.endswith('"'):
            wanted: Decimal | str = right[1:-1]  # a text ('"beantragt"')
        elif right.startswith("VALUE(RIGHT(") and right.endswith(",4))"):  # the year ending a header
            wanted = Decimal(str(_cells(sheet, right[12:-4])[0].value)[-4:])
        else:
            wanted = Decimal(right) if right.isdigit() else _joined(sheet, right)
        return [Decimal(1) if _value(sheet, c) == wanted else Decimal(0) for c in _cells(sheet, left)]
    return [_value(sheet, c) for c in _cells(sheet, text)]


def _joined(sheet, text: str) -> Decimal | str:
    """A cell's value, or cells and quoted texts joined with '&'."""
    parts = text.split("&")
    if len(parts) == 1:
        return _value(sheet, _cells(sheet, text)[0])
    return "".join(p[1:-1] if p.startswith('"') else str(_value(sheet, _cells(sheet, p)[0])) for p in parts)


def _term(sheet, text: str) -> Decimal:
    if text.startswith("SUM(") and text.endswith(")"):
        return sum((_value(sheet, c) for c in _cells(sheet, text[4:-1])), Decimal(0))
    if text.startswith("SUBTOTAL(109,") and text.endswith(")"):  # a sum of what a filter shows: all here
        return sum((_value(sheet, c) for c in _cells(sheet, text[13:-1])), Decimal(0))
    if text.startswith("SUMPRODUCT(") and text.endswith(")"):
        factors = [_factor(sheet, f) for f in _split(text[11:-1], "*")]
        total = Decimal(0)
        for values in zip(*factors, strict=True):
            product = Decimal(1)
            for v in values:
                product *= v
            total += product
        return total
    return _value(sheet, _cells(sheet, text)[0])


def _evaluate(sheet, cell: str) -> Decimal:
    """The value of a cell, computing the formulas the workbook uses (SUM of a range, a − b,
    SUMPRODUCT over the line items of another sheet) independently of the writer."""
    value = sheet[cell].value
    if not isinstance(value, str) or not value.startswith("="):
        return Decimal(str(value or 0))
    above = sheet[cell].row - 1  # INDEX(D:D,ROW()-1): the cell above this one
    value = re.sub(r"INDEX\(([A-Z]+):\1,ROW\(\)-1\)", lambda m: f"{m[1]}{above}", value)
    first, *rest = _split(value[1:], "-")
    return _term(sheet, first) - sum((_term(sheet, t) for t in rest), Decimal(0))


@pytest.fixture(scope="module")
def book(concept):
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))


def _money():
    money = raw("ressourcen.yaml")
    expenses, income = defaultdict(Decimal), defaultdict(Decimal)
    for line in money["aufwand"]:
        expenses[line["jahr"]] += Decimal(str(line["betrag"]))
    for line in money["ertraege"]:
        income[line["jahr"]] += Decimal(str(line["betrag"]))
    return expenses, income


def test_sheets_have_german_names_frozen_headers_and_euro_formats(book):
    assert book.sheetnames == [
        "Übersicht",
        "Finanzierung nach Quellen",
        "Aufwand nach Art",
        "Aufwand nach Maßnahmen",
        "Ausschüsse",
        "Produkte",
        "Aufwandspositionen",
        "Erträge",
        "Maßnahmenplan",
        "Folgekosten ab 2028",
        "Personal",
    ]
    # the budget lines' column says what they are: every line of the example names a Produkt (review of a
    # Thuringian Landkreis: 'Haushaltsstelle' stood above Produkte, the papers said 'Produkt')
    items = [line["haushaltsstelle"] for key in ("aufwand", "ertraege") for line in raw("ressourcen.yaml")[key]]
    assert all(item.startswith("Produkt ") for item in items)
    for name in ("Aufwandspositionen", "Erträge"):
        assert "Produkt" in [c.value for c in book[name][1]] and "Haushaltsstelle" not in [
            c.value for c in book[name][1]
        ]
    version = raw("kommune.yaml")["konzept"]
    for sheet in book:
        # the header row stays; the line items keep their Bezeichnung in view (Kämmerei)
        named = [c.value for c in sheet[1]]
        frozen = {"Aufwandspositionen": "C2", "Erträge": "D2", "Maßnahmenplan": "C2"}.get(sheet.title, "B2")
        assert sheet.freeze_panes == frozen, sheet.title
        if sheet.title in ("Aufwandspositionen", "Erträge"):
            assert "Bezeichnung" in named[: "ABCD".index(frozen[0])]
        assert sheet.print_title_rows == "$1:$1"
        # a printout says which Fassung and Stand its numbers are from
        footer = sheet.oddFooter.left.text
        assert f"Fassung {version['fassung']} · Stand {version['stand']:%d.%m.%Y}" in footer
        # the example's Fassung awaits the Kreistag's decision: a printed sheet says so, as the concept's
        # pages do (web review: it looked adopted)
        assert f"Entwurf · Fassung {version['fassung']}" in footer
    # a filter over the line items, the totals row outside it (its SUBTOTAL adds what a filter shows)
    items = book["Aufwandspositionen"]
    # the total over both years says so (Kämmerei review: 'Aufwand gesamt' read as one year's)
    total = next(
        row
        for row in range(2, items.max_row + 1)
        if items.cell(row, 1).value == "Aufwand, Summe 2026–2027 (Planungsgröße, kein Haushaltsansatz)"
    )
    assert items.auto_filter.ref == f"A1:{items.cell(total - 1, items.max_column).coordinate}"
    # a summary of a few rows has nothing to filter: no buttons (Kämmerei)
    assert book["Übersicht"].max_row <= 6 and book["Übersicht"].auto_filter.ref is None
    overview = book["Übersicht"]
    assert [c.value for c in overview[1]] == [
        "Haushaltsjahr",
        "Stand des Haushalts",
        "Aufwand",
        "Erträge",
        "Zuschussbedarf",
        "Erträge erst beantragt",
        "Zuschussbedarf bei Ablehnung der beantragten Erträge",
        # promised without a Bescheid, as every paper names them (Kämmerei review)
        "Erträge zugesagt, noch nicht schriftlich bewilligt",
    ]
    promised = sum(
        Decimal(str(i["betrag"]))
        for i in raw("ressourcen.yaml")["ertraege"]
        if i.get("zugesagt") and i["jahr"] == 2027
    )
    assert promised and '"zugesagt"' in overview.cell(3, 8).value and "'Erträge'!" in overview.cell(3, 8).value
    assert "€" in overview["C2"].number_format and "#,##0.00" in overview["C2"].number_format
    # the example adds an adopted budget to a draft: its sum says it is no Haushaltsansatz (Kämmerei)
    state = {h["jahr"]: h["stand"] for h in raw("ressourcen.yaml")["haushalt"]}
    assert len(set(state.values())) > 1
    label = overview.cell(overview.max_row, 1).value
    assert label == f"Summe {min(state)}–{max(state)} (Planungsgröße, kein Haushaltsansatz)"
    # no total of one year's Zuschussbedarf and another's worst case (Kämmerei)
    assert overview.cell(overview.max_row, 7).value in (None, "")
    assert overview.cell(overview.max_row, 5).value  # the Zuschussbedarf itself is added up
    assert isinstance(book["Aufwandspositionen"]["F2"].value, int | float)  # amounts are numbers


def test_the_committees_sheet_adds_no_year_to_another(book):
    """A total over every committee and year would add a draft year to an adopted one: each row
    is one committee in one year, and the year's totals stand on 'Übersicht'."""
    sheet = book["Ausschüsse"]
    data = range(2, next(r for r in range(2, sheet.max_row + 2) if sheet[f"A{r}"].value is None))
    years = {sheet[f"B{r}"].value for r in data}
    assert all(isinstance(y, int) for y in years) and len(years) > 1
    assert not any(str(sheet[f"A{r}"].value).startswith("Summe") for r in data)
    # under the rows, a sum per year only: 'Summe 2026' stands beside 2026, never over years
    sums = [r for r in range(data.stop, sheet.max_row + 1) if str(sheet[f"A{r}"].value).startswith("Summe")]
    assert sums and all(sheet[f"A{r}"].value == f"Summe {sheet[f'B{r}'].value}" for r in sums)


def test_overview_totals_are_formulas_that_give_the_models_totals(book):
    expenses, income = _money()
    sheet = book["Übersicht"]
    years = sorted(expenses)
    for row, year in enumerate(years, start=2):
        assert sheet[f"A{row}"].value == year
        assert "'Aufwandspositionen'!" in sheet[f"C{row}"].value and "'Erträge'!" in sheet[f"D{row}"].value
        assert _evaluate(sheet, f"C{row}") == expenses[year]
        assert _evaluate(sheet, f"D{row}") == income[year]
        assert sheet[f"E{row}"].value == f"=C{row}-D{row}"
        assert _evaluate(sheet, f"E{row}") == expenses[year] - income[year]
        pending = sum(
            Decimal(str(i["betrag"]))
            for i in raw("ressourcen.yaml")["ertraege"]
            if i["jahr"] == year and i.get("beantragt")
        )
        assert _evaluate(sheet, f"F{row}") == pending
        # what the municipality carries if the grants applied for are refused (Kämmerei)
        assert _evaluate(sheet, f"G{row}") == expenses[year] - income[year] + pending
    assert any(_evaluate(sheet, f"F{row}") for row in range(2, len(years) + 2))  # the example has such grants
    total = len(years) + 2
    # a total over an adopted budget and a draft says which years it adds, and that it is no Haushaltsansatz
    assert sheet[f"A{total}"].value.startswith(f"Summe {years[0]}–{years[-1]}")
    assert sheet[f"C{total}"].value.startswith("=SUBTOTAL(109,")
    assert _evaluate(sheet, f"C{total}") == sum(expenses.values())
    # a line inserted just above a total row still counts: the total sums down to the row above
    # itself, and the ranges other sheets add up reach the total row of their sheet
    assert sheet[f"C{total}"].value == "=SUBTOTAL(109,C2:INDEX(C:C,ROW()-1))"
    items = book["Erträge"]
    assert f"'Erträge'!$A$2:$A${items.max_row}" in sheet["D2"].value
    assert _evaluate(sheet, f"E{total}") == sum(expenses.values()) - sum(income.values())


@pytest.mark.parametrize("name", ["Finanzierung nach Quellen", "Aufwand nach Art", "Aufwand nach Maßnahmen"])
def test_tables_by_year_add_up_to_the_aufwand(book, name):
    expenses, _ = _money()
    sheet = book[name]
    last = sheet.max_row
    assert sheet.cell(last, 1).value == "Aufwand gesamt"  # as the concept's table (web review)
    for col, year in enumerate(sorted(expenses), start=2):
        # the year a number, which the column's formulas ask for: a copied column needs a new header
        # only (web review: the year stood as text, and written into every formula)
        assert sheet.cell(1, col).value == year
        rule = next(v for v in sheet.data_validations.dataValidation if f"{chr(64 + col)}1" in str(v.sqref))
        assert rule.type == "whole" and (rule.formula1, rule.formula2) == ("2000", "2100")
        assert f"={chr(64 + col)}$1)" in sheet.cell(2, col).value and str(year) not in sheet.cell(2, col).value
        assert _evaluate(sheet, sheet.cell(last, col).coordinate) == expenses[year]
    summe = sheet.max_column
    # a sum over budget years says which (as the concept's tables; web review)
    assert sheet.cell(1, summe).value == f"Summe {min(expenses)}–{max(expenses)}"
    assert sheet.cell(2, summe).value.startswith("=SUM(")
    assert _evaluate(sheet, sheet.cell(last, summe).coordinate) == sum(expenses.values())


def test_the_follow_up_costs_stand_in_the_workbook_as_in_the_concept(concept, book):
    """The concept's table 'Zuschussbedarf ab 2028 gegenüber 2027' as a sheet (web review: the
    follow-up view a Kämmerei looks for was missing): each cause, if the time-limited measures go
    on and if they end, and the change as the sum of the rows."""
    follow_up = next(y for y in concept.budget.follow_up if y.scenarios)
    sheet = book[f"Folgekosten ab {follow_up.year}"]
    assert [c.value for c in sheet[1]] == ["Ursache", *follow_up.scenario_heads]
    *causes, change = follow_up.scenarios
    for r, row in enumerate(causes, start=2):
        assert sheet.cell(r, 1).value == row.label
        assert sheet.cell(r, 2).value == (float(row.going_on) if row.going_on is not None else None)
        assert Decimal(str(sheet.cell(r, 3).value)) == row.ending
    total = len(causes) + 2
    assert sheet.cell(total, 1).value == f"Zuschussbedarf: Veränderung gegenüber {follow_up.year - 1}"
    assert sheet.cell(total, 2).value.startswith("=SUBTOTAL(109,")
    assert _evaluate(sheet, f"B{total}") == change.going_on and _evaluate(sheet, f"C{total}") == change.ending
    assert change.ending < 0 < change.going_on  # the example: going on costs more, ending saves
    # changes with their sign, as the concept writes them ('+39.000,00 €')
    assert all(sheet.cell(r, c).number_format.startswith("+#,##0.00") for r in range(2, total + 1) for c in (2, 3))


def test_a_changed_line_item_carries_through_to_every_summary(concept):
    """The Kämmerei changes an amount among the line items: the overview, the funding by source
    (the own share), the tables by kind, measure and committee follow, as the formulas say."""
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))
    lines = book["Aufwandspositionen"]
    row = next(r for r in range(2, lines.max_row) if lines[f"C{r}"].value == "Personal")
    year, committee, purpose = lines[f"A{row}"].value, lines[f"H{row}"].value, lines[f"E{row}"].value

    def summaries():
        overview = book["Übersicht"]
        at = next(r for r in range(2, overview.max_row) if overview[f"A{r}"].value == year)
        sources = book["Finanzierung nach Quellen"]
        column = next(c for c in range(2, sources.max_column) if sources.cell(1, c).value == year)
        own = next(
            r
            for r in range(2, sources.max_row)
            if sources.cell(r, 1).value.startswith("Zuschussbedarf (kommunaler")
        )
        kinds = book["Aufwand nach Art"]
        personal = next(r for r in range(2, kinds.max_row) if kinds.cell(r, 1).value == "Personal")
        measures = book["Aufwand nach Maßnahmen"]
        mine = next(r for r in range(2, measures.max_row) if measures.cell(r, 1).value == purpose)
        committees = book["Ausschüsse"]
        ours = next(
            r
            for r in range(2, committees.max_row + 1)
            if committees[f"A{r}"].value == committee and committees[f"B{r}"].value == year
        )
        return [
            _evaluate(overview, f"C{at}"),
            _evaluate(overview, f"E{at}"),
            _evaluate(sources, sources.cell(own, column).coordinate),
            _evaluate(sources, sources.cell(sources.max_row, column).coordinate),
            _evaluate(kinds, kinds.cell(personal, column).coordinate),
            _evaluate(measures, measures.cell(mine, column).coordinate),
            _evaluate(committees, f"C{ours}"),
        ]

    before = summaries()
    lines[f"F{row}"].value = lines[f"F{row}"].value + 1000
    assert [after - earlier for after, earlier in zip(summaries(), before, strict=True)] == [Decimal(1000)] * 7


def test_a_line_of_a_source_or_purpose_without_a_row_still_counts_in_the_tables_by_year(concept):
    """A Kämmerei types a grant from a source the sheet has no row for, or a line for a new purpose:
    the last row of the table by source or purpose takes it up, and 'Aufwand gesamt' stays the
    Aufwand (web review: it fell short by the grant, silently)."""
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))

    def table(name, label):
        sheet = book[name]
        rest = sheet.max_row - 1
        assert sheet.cell(rest, 1).value == label
        return sheet, rest

    sources, other_sources = table(
        "Finanzierung nach Quellen", "Erträge anderer Mittelgeber (keiner Zeile zugeordnet)"
    )
    purposes, other_purposes = table(
        "Aufwand nach Maßnahmen", "Aufwand für andere Zwecke (keiner Zeile zugeordnet)"
    )
    year = sources.cell(1, 2).value
    assert purposes.cell(1, 2).value == year
    before = [_evaluate(sheet, f"B{row}") for sheet, row in ((sources, other_sources), (purposes, other_purposes))]
    totals = [_evaluate(sheet, f"B{sheet.max_row}") for sheet in (sources, purposes)]
    assert before == [0, 0]
    income = book["Erträge"]
    grant = next(r for r in range(2, income.max_row) if income[f"A{r}"].value == year)
    income[f"B{grant}"].value = "Neue Stiftung"
    lines = book["Aufwandspositionen"]
    line = next(r for r in range(2, lines.max_row) if lines[f"A{r}"].value == year)
    lines[f"E{line}"].value = "M99 Neue Maßnahme"
    after = [_evaluate(sheet, f"B{row}") for sheet, row in ((sources, other_sources), (purposes, other_purposes))]
    assert after == [Decimal(str(income[f"D{grant}"].value)), Decimal(str(lines[f"F{line}"].value))]
    assert [_evaluate(sheet, f"B{sheet.max_row}") for sheet in (sources, purposes)] == totals


def test_the_measure_plans_year_columns_read_their_year_from_the_header(concept):
    """'Aufwand 2026' over a column whose formulas read the year at the header's end: a column copied
    for 2028 needs a new header only (web review: the year stood in every formula)."""
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))["Maßnahmenplan"]
    header = [c.value for c in sheet[1]]
    column = header.index("Aufwand 2026") + 1
    letter = chr(64 + column)
    first = concept.measures[0]
    assert (
        f"VALUE(RIGHT({letter}$1,4))" in sheet.cell(2, column).value and "2026" not in sheet.cell(2, column).value
    )
    assert _evaluate(sheet, f"{letter}2") == concept.budget.cost_of(first.id, 2026)
    sheet.cell(1, column).value = "Aufwand 2027"
    assert (
        _evaluate(sheet, f"{letter}2")
        == concept.budget.cost_of(first.id, 2027)
        != concept.budget.cost_of(first.id, 2026)
    )


def test_line_items_add_up_and_keep_text_as_text(book):
    expenses, income = _money()
    lines = book["Aufwandspositionen"]
    assert _evaluate(lines, f"F{lines.max_row}") == sum(expenses.values())
    assert lines.max_row == len(raw("ressourcen.yaml")["aufwand"]) + 2
    receipts = book["Erträge"]
    assert _evaluate(receipts, f"D{receipts.max_row}") == sum(income.values())


def test_measure_plan_has_dates_and_costs_per_measure(book):
    measures = raw("massnahmen.yaml")["massnahmen"]
    sheet = book["Maßnahmenplan"]
    assert sheet.max_row == len(measures) + 2
    first = measures[0]
    assert sheet["B2"].value == first["titel"]
    assert sheet["F2"].value.date() == first["zeitraum"]["von"]
    assert sheet["F2"].number_format == "dd.mm.yyyy"
    costs = defaultdict(Decimal)
    for line in raw("ressourcen.yaml")["aufwand"]:
        if line["fuer"] != "netzwerkkoordination":
            costs[line["jahr"]] += Decimal(str(line["betrag"]))
    for col, year in enumerate(sorted(costs), start=9):
        assert sheet.cell(1, col).value == f"Aufwand {year}"
        assert _evaluate(sheet, sheet.cell(sheet.max_row, col).coordinate) == costs[year]
    # the last column adds the years and says so ('Aufwand gesamt' read as one year's; Kämmerei)
    years = sorted(costs)
    assert sheet.cell(1, 9 + len(years)).value == f"Aufwand, Summe {years[0]}–{years[-1]}"
    # each measure's Aufwand is a formula over the line items, matching the model's
    by_measure = defaultdict(Decimal)
    for line in raw("ressourcen.yaml")["aufwand"]:
        by_measure[(line["fuer"], line["jahr"])] += Decimal(str(line["betrag"]))
    for row, measure in enumerate(measures, start=2):
        for col, year in enumerate(sorted(costs), start=9):
            assert sheet.cell(row, col).value.startswith("=SUMPRODUCT(")
            assert _evaluate(sheet, sheet.cell(row, col).coordinate) == by_measure[(measure["id"], year)]


def test_workbook_bytes_are_reproducible(concept):
    assert to_xlsx(workbook(concept)) == to_xlsx(workbook(concept))


def test_page_links_every_email_address_to_write_to_it(concept, page):
    """On a web page an address is a link to write to it (review); a PDF or Word file keeps it as
    text."""
    root = lxml.html.fromstring(page)
    text_addresses = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", " ".join(root.xpath("//main")[0].itertext())))
    linked = {
        a.get("href").removeprefix("mailto:") for a in root.xpath("//main//a[starts-with(@href, 'mailto:')]")
    }
    assert text_addresses and text_addresses == linked
    for link in root.xpath("//main//a[starts-with(@href, 'mailto:')]"):
        assert link.text == link.get("href").removeprefix("mailto:")


def test_the_line_items_say_which_recur_so_the_kaemmerei_can_filter_them(book):
    """'Anfall': 'einmalig' for a line marked so and for a project that ends in its year (M20's
    survey), 'befristet' for work under way whose measure ends (M2, funded until 2027: in 2026
    and 2027 alike, Kämmerei review), 'jährlich' for the rest – the split the papers' Folgekosten
    make."""
    items = book["Aufwandspositionen"]
    header = [c.value for c in items[1]]
    column = header.index("Anfall") + 1
    rows = [row for row in range(2, items.max_row + 1) if isinstance(items.cell(row, 6).value, int | float)]
    kinds = {items.cell(row, 2).value: items.cell(row, column).value for row in rows}
    marked = {line["bezeichnung"] for line in raw("ressourcen.yaml")["aufwand"] if line.get("einmalig")}
    assert marked and all(kinds[title] == "einmalig" for title in marked)
    # M20 ends in 2027, a project, but the survey recurs: its interval instead of 'einmalig'
    survey = next(m for m in raw("massnahmen.yaml")["massnahmen"] if m["id"] == "netzwerkbefragung")
    assert kinds["Netzwerkbefragung und Auswertung"] == survey["wiederholung"] == "alle vier Jahre"
    assert set(kinds.values()) == {"einmalig", "befristet", "jährlich", "alle vier Jahre"}
    number = header.index("Nr.") + 1
    limited = {
        (items.cell(r, 1).value, items.cell(r, number).value)
        for r in rows
        if items.cell(r, column).value == "befristet"
    }
    ending = {
        m["id"]: m["zeitraum"]["bis"].year
        for m in raw("massnahmen.yaml")["massnahmen"]
        if m["zeitraum"].get("bis") and m["status"] == "laufend"
    }
    numbers = {m["id"]: f"M{i}" for i, m in enumerate(raw("massnahmen.yaml")["massnahmen"], 1)}
    expected = {
        (line["jahr"], numbers[line["fuer"]])
        for line in raw("ressourcen.yaml")["aufwand"]
        if line.get("fuer") in ending and line["jahr"] <= ending[line["fuer"]] and not line.get("einmalig")
    }
    assert limited == expected and {(2026, "M2"), (2027, "M2")} <= limited
    assert sum(value == "einmalig" for value in kinds.values()) == len(marked)


def test_measures_find_their_line_items_by_number_and_show_no_cost_as_a_dash(book):
    """A Kämmerei may correct a title in the line items: the Maßnahmenplan finds a measure's
    Aufwand by its number ('Nr.'), not by its title, so the sum stays right; a measure without
    own Aufwand shows '–' rather than '0,00 €', which reads as 'kostenlos'."""
    items = book["Aufwandspositionen"]
    header = [c.value for c in items[1]]
    assert header[3:5] == ["Nr.", "Maßnahme / Zweck"]
    numbers = {items.cell(r, 4).value for r in range(2, items.max_row) if items.cell(r, 4).value}
    assert numbers and all(n.startswith("M") for n in numbers)
    plan = book["Maßnahmenplan"]
    formula = plan["I2"].value
    assert "$D$2:$D$" in formula and '&" "&' not in formula
    row = next(r for r in range(2, plan.max_row) if _evaluate(plan, f"I{r}") == 0)
    assert plan[f"I{row}"].number_format.endswith(';"–"')
    assert [c.value for c in book["Erträge"][1]][4] == "Bewilligungsstand"


def test_a_long_name_shortens_the_footer_to_excels_limit():
    """Excel drops a header or footer longer than 255 characters (XlsxWriter warns and leaves it
    out): a long name is cut with '…', the page number stays; '&' stays text."""
    from pipeline.export.to_xlsx import FOOTER_LIMIT, _footer

    footer = _footer("Landkreis " + "Nord & Süd " * 40 + "· Fassung 2.0")
    assert len(footer) <= FOOTER_LIMIT
    assert footer.startswith("&LLandkreis Nord && Süd") and footer.endswith("…&RSeite &P von &N")
    assert _footer("Stadt A · Fassung 1") == "&LStadt A · Fassung 1&RSeite &P von &N"


def test_every_formula_gives_the_value_stored_with_it(concept):
    """The workbook stores each formula's value (what LibreOffice shows without recalculating);
    the formula, computed here independently, must give the same. A Kämmerei reader found the
    compensation for network time stored as such but tagged as coordination in the line items,
    so Excel's recalculation moved 7.600,00 € a year from one row to the other."""
    data = to_xlsx(workbook(concept))
    formulas = openpyxl.load_workbook(io.BytesIO(data))
    stored = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    checked = 0
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    value = stored[sheet.title][cell.coordinate].value
                    assert _evaluate(sheet, cell.coordinate) == Decimal(str(value or 0)), (
                        sheet.title,
                        cell.coordinate,
                        cell.value,
                    )
                    checked += 1
    assert checked > 100


def test_category_columns_offer_their_values_to_pick_from(book, raw_inputs):
    """A category typed differently ('Sachkosten ' or an old committee name) drops out of every
    summary's formula: the line items offer their categories as a list (Kämmerei review)."""
    resources = raw_inputs["ressourcen.yaml"]
    lines = [*resources["aufwand"], *resources["ertraege"]]
    # only the committees and Produkte the summary sheets list: a line moved to another committee
    # the list offered dropped out of 'Ausschüsse' without a word (second Kämmerei review)
    used = {line["ausschuss"] for line in lines}
    committees = [g["name"] for g in raw_inputs["gremien.yaml"]["gremien"] if g["id"] in used]
    items = list(dict.fromkeys(line["haushaltsstelle"] for line in lines))
    expected = {
        "Aufwandspositionen": {
            "Art": ["Personal", "Sachkosten", "Zuwendung an Träger"],
            "Ausschuss": committees,
            "Produkt": items,
        },
        "Erträge": {
            "Mittelgeber": ["Bundesstiftung Frühe Hilfen", "Land Niedersachsen", "Krankenkassen", "Dritte"],
            "Bewilligungsstand": ["bewilligt", "zugesagt", "beantragt"],
            "Ausschuss": committees,
            "Produkt": items,
        },
    }
    for name, columns in expected.items():
        sheet = book[name]
        headers = {c.value: c.column_letter for c in sheet[1]}
        total = next(r for r in range(2, sheet.max_row + 1) if "Summe 2026–2027" in str(sheet.cell(r, 1).value))
        found = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
        for header, values in columns.items():
            letter = headers[header]
            rule = found[f"{letter}2:{letter}{total - 1}"]
            assert rule.formula1 == '"' + ",".join(values) + '"', (name, header)
            if header in ("Ausschuss", "Produkt"):  # another value is allowed, with a warning why it matters
                assert rule.errorStyle == "warning" and "dort fehlte der Betrag" in rule.error, (name, header)


def test_the_workbook_sums_up_each_produkt_and_year(concept, raw_inputs):
    """Kämmerei review: every paper has a table by Produkt, the workbook had none. A sheet per
    Produkt and year, its amounts as the line items give them; no totals row (the years' totals
    stand on 'Übersicht')."""
    stored = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))), data_only=True)
    rows = []
    for r in stored["Produkte"].iter_rows(min_row=2, values_only=True):
        if r[0] is None:  # the year's sums and checks follow an empty row
            break
        rows.append(r)
    resources = raw_inputs["ressourcen.yaml"]
    expected = {}
    for key, column in (("aufwand", 0), ("ertraege", 1)):
        for line in resources[key]:
            amounts = expected.setdefault((line["haushaltsstelle"], line["jahr"]), [Decimal(0), Decimal(0)])
            amounts[column] += Decimal(str(line["betrag"]))
    assert {(r[0], r[1]): [Decimal(str(r[2])), Decimal(str(r[3]))] for r in rows} == expected
    assert len(rows) == len(expected)
    assert all(Decimal(str(r[2])) - Decimal(str(r[3])) == Decimal(str(r[4])) for r in rows)


def test_a_promised_grant_is_no_granted_one(book, raw_inputs):
    """Kämmerei review: the workbook called the Krankenkassen's and the Bürgerstiftung's 2027 funding
    'bewilligt', the papers 'zugesagt' – a promise is no Bescheid. Each line says what its input says."""
    sheet = book["Erträge"]
    headers = {c.value: c.column - 1 for c in sheet[1]}
    found = sorted(
        (row[headers["Haushaltsjahr"]], Decimal(str(row[headers["Betrag"]])), row[headers["Bewilligungsstand"]])
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if isinstance(row[headers["Haushaltsjahr"]], int)
    )
    lines = raw_inputs["ressourcen.yaml"]["ertraege"]
    expected = sorted(
        (
            i["jahr"],
            Decimal(str(i["betrag"])),
            "beantragt" if i.get("beantragt") else "zugesagt" if i.get("zugesagt") else "bewilligt",
        )
        for i in lines
    )
    assert found == expected
    assert sorted({state for *_, state in expected}) == ["beantragt", "bewilligt", "zugesagt"]


def test_wide_sheets_print_two_pages_wide_with_their_names_on_both(book):
    """The line items shrunk to one page printed at some 40 % (Kämmerei): a sheet wider than a
    landscape page prints two pages wide, repeating the columns that name each line."""
    for sheet in book:
        width = sum(sheet.column_dimensions[c].width or 0 for c in sheet.column_dimensions)
        if sheet.title in ("Aufwandspositionen", "Erträge", "Maßnahmenplan"):
            assert width > 180 and sheet.page_setup.fitToWidth == 2, sheet.title
            frozen = sheet.freeze_panes[0]
            assert sheet.print_title_cols == f"$A:${chr(ord(frozen) - 1)}", sheet.title
        else:
            assert width <= 180 and sheet.page_setup.fitToWidth in (None, 1), sheet.title
            assert sheet.print_title_cols is None


def test_rows_with_wrapped_text_are_high_enough_for_it(book):
    """LibreOffice and a printout do not fit a row to its wrapped text: text printed over text
    (Kämmerei). A line item whose name is longer than its column is set to two lines or more;
    rows whose texts all fit keep the default height."""
    sheet = book["Aufwandspositionen"]
    width = sheet.column_dimensions["B"].width
    raised = [r for r in range(2, sheet.max_row) if sheet.row_dimensions[r].height is not None]
    for row in range(2, sheet.max_row):
        name = sheet[f"B{row}"].value
        if isinstance(name, str) and len(name) > width * 1.2:
            assert sheet.row_dimensions[row].height >= 30, (row, name)
    assert raised and all(sheet.row_dimensions[r].height % 15 == 0 for r in raised)
    overview = book["Übersicht"]  # short texts in its lines: default heights
    years = [r for r in range(2, overview.max_row + 1) if isinstance(overview[f"A{r}"].value, int)]
    assert years and all(overview.row_dimensions[r].height is None for r in years)


def test_headers_and_total_labels_are_never_cut_or_broken_mid_word(book):
    """LibreOffice cut the wrapped headers ('Zuschussbedarf bei Ablehnung der beantragten
    Erträge' over the first line) and broke the total's label mid-word in the narrow year column
    ('Haushaltsansat|z'): the header row is as high as its longest header needs, and a total's
    label runs over the blank cells beside it, its row as high as it needs there."""
    overview = book["Übersicht"]
    header = [cell.value for cell in overview[1]]
    widest = max(header, key=len)
    column = overview.column_dimensions[chr(ord("A") + header.index(widest))].width
    assert len(widest) > column and overview.row_dimensions[1].height >= 30
    total = next(r for r in range(2, overview.max_row + 1) if str(overview[f"A{r}"].value).startswith("Summe"))
    label = overview[f"A{total}"].value
    assert f"A{total}:B{total}" in {str(m) for m in overview.merged_cells.ranges}  # 'Stand' is blank there
    assert overview[f"C{total}"].value.startswith("=SUBTOTAL")
    assert len(label) > overview.column_dimensions["A"].width + overview.column_dimensions["B"].width
    assert overview.row_dimensions[total].height >= 30
    short = book["Finanzierung nach Quellen"]  # one-line headers keep the default height
    assert short.row_dimensions[1].height is None


@pytest.mark.parametrize("example", ["musterkreis", "neuhafen"])
def test_every_year_table_formula_gives_the_models_amount(example):
    """Each amount of the tables by source, kind and purpose is a formula over the line items
    that gives the concept's amount – in both examples (Neuhafen's grants for M2, M4, M9 and M13,
    which also pay their Träger's network time, were filed under the coordination's compensation
    in the line items, so their rows summed to nothing once a spreadsheet recalculated)."""
    from pipeline.build import check_folder

    concept = check_folder(EXAMPLE.parent / example).concept
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))
    budget = concept.budget
    tables = {
        "Finanzierung nach Quellen": budget.by_source,
        "Aufwand nach Art": budget.by_kind,
        "Aufwand nach Maßnahmen": budget.by_purpose,
    }
    checked = 0
    for name, table in tables.items():
        sheet = book[name]
        heads = [sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)]
        for r, row in enumerate(table.rows, start=2):
            assert sheet.cell(r, 1).value == row.label
            for year, amount in zip(table.columns, row.amounts, strict=True):
                cell = sheet.cell(r, heads.index(int(year)) + 1)  # the year a number (web review)
                assert str(cell.value).startswith("=")
                assert _evaluate(sheet, cell.coordinate) == amount, (name, row.label, year)
                checked += 1
    assert checked > 30


def test_the_sheets_by_committee_and_produkt_show_each_years_sum_and_what_no_row_holds(concept):
    """Under 'Ausschüsse' and 'Produkte', each year's sum of the sheet's rows and what of that
    year's line items no row of the sheet holds – 0 while every line names one of them (Kämmerei
    review: a line moved to another committee dropped 215.000 € from the sheet without a word)."""
    data = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))), data_only=True)
    formulas = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))
    budget = concept.budget
    for name, noun in (("Ausschüsse", "keinem Ausschuss"), ("Produkte", "keinem Produkt")):
        rows = {r[0]: r for r in data[name].iter_rows(min_row=2, values_only=True) if r[0]}
        for year in budget.years:
            whole = budget.balance(year)
            total = rows[f"Summe {year}"]
            assert [Decimal(str(v)) for v in total[2:5]] == [whole.expenses, whole.income, whole.subsidy]
            unassigned = rows[f"{year}: {noun} dieses Blatts zugeordnet"]
            assert [Decimal(str(v)) for v in unassigned[2:5]] == [0, 0, 0]
        sheet = formulas[name]
        checks = [r for r in sheet.iter_rows(min_row=2) if str(r[0].value).endswith("zugeordnet")]
        assert checks and all(
            "'Aufwandspositionen'!" in r[2].value and f"'{name}'!" in r[2].value and "'Erträge'!" in r[3].value
            for r in checks
        )


def test_a_line_starting_during_the_year_shows_its_full_years_amount():
    """'ab April' carried forward as 'jährlich' with 36.000 € under-planned the next years by a
    quarter (Kämmerei review of Neuhafen): the line items show the full year beside it."""
    from pipeline.build import check_folder

    city = check_folder(EXAMPLE.parent / "neuhafen").concept
    stored = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(city))), data_only=True)
    sheet = stored[city.budget.terms.expense_lines]
    headers = [c.value for c in sheet[1]]
    full = headers.index("Volles Jahr")
    shown = {r[1]: r[full] for r in sheet.iter_rows(min_row=2, values_only=True) if r[1]}
    partial = [e for e in city.budget.expense_lines if e.full_year is not None]
    assert partial and all(Decimal(str(shown[e.title])) == e.full_year for e in partial)
    assert all(shown[e.title] is None for e in city.budget.expense_lines if e.full_year is None)
    # where no line starts during a year the column is left out: empty, it read as forgotten (Kämmerei)
    example = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(check_folder(EXAMPLE).concept))))
    assert "Volles Jahr" not in [c.value for c in example["Aufwandspositionen"][1]]


def test_a_concept_not_yet_adopted_says_entwurf_on_every_page(inputs):
    """Layout review: published with the papers before the Kreistag's decision, the concept's cover
    and pages said only 'Fassung 2.0 · Stand 15.10.2026' and looked final. Until the decision is
    recorded (konzept.beschluss names a decision, not the paper), the frame says 'Entwurf'."""
    from pipeline.render import render_concept

    concept = inputs.check().concept
    assert concept.adoption is not None and concept.adoption.status == "geplant"
    version = concept.version
    stand = f"{version.date:%d.%m.%Y}"
    assert render_concept(concept).footer_text == f"Entwurf · Fassung {version.version} · Stand {stand}"
    decided = (
        inputs.replace("kommune.yaml", "  beschluss: JHA/2026/030", "  beschluss: KT/2025/088").check().concept
    )
    assert decided.adoption is not None and decided.adoption.status == "beschlossen"
    assert render_concept(decided).footer_text == f"Fassung {version.version} · Stand {stand}"


def test_the_agreement_form_and_plan_of_a_draft_say_entwurf_too(inputs):
    """The agreement rests on the concept and binds partners to the form: neither is for signing
    before the council adopted the concept (review from the Rechtsamt's side); the Maßnahmenplan
    travels with the papers as the concept's Anlage."""
    from pipeline.render import render_agreement, render_consent_form, render_measure_plan

    def footers(concept):
        return [
            render_agreement(concept.agreement).footer_text,
            render_consent_form(concept.agreement).footer_text,
            render_measure_plan(concept).footer_text,
        ]

    drafted = footers(inputs.check().concept)
    assert all(f.startswith("Entwurf · ") for f in drafted), drafted
    decided = (
        inputs.replace("kommune.yaml", "  beschluss: JHA/2026/030", "  beschluss: KT/2025/088").check().concept
    )

    # the same footer without the mark (the agreement's text key is a line of its own)
    assert [f.removeprefix("Entwurf · ") for f in drafted] == footers(decided)


@pytest.mark.parametrize("name", ["warnemark", "neckarbrunn", "saale-boerdeland", "altmuehlau", "spreetal"])
def test_the_sheets_by_committee_and_produkt_recalculate_to_the_models_amounts(name):
    """Every formula of the sheets by committee and by Produkt gives the model's amount once a
    spreadsheet recalculates – also where the lines name a Produkt with its account
    ('36301.50110000' under Produkt '36301', Mecklenburg-Vorpommern): compared as written, every
    Produkt summed to 0 (web review; the cached values were right, so reading them did not tell)."""
    concept = fixture_inputs(name).check().concept
    budget = concept.budget
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))
    checked = 0
    for sheet_name, balances in (
        (budget.committee_nouns.plural, budget.balances),
        (budget.items_plural, budget.item_balances),
    ):
        sheet = book[sheet_name]
        for row in range(2, sheet.max_row + 1):
            label, year = sheet.cell(row, 1).value, sheet.cell(row, 2).value
            if not isinstance(year, int) or label.startswith(("Summe", f"{year}:")):
                continue
            balance = next(b for b in balances(year) if label in (b.label, b.label.split(" ", 1)[-1]))
            assert _evaluate(sheet, f"C{row}") == balance.expenses, (sheet_name, label, year)
            assert _evaluate(sheet, f"D{row}") == balance.income, (sheet_name, label, year)
            checked += 1
    assert checked >= 4


def test_where_only_a_grant_ends_the_workbook_has_its_folgekosten_too():
    """Where no measure ends with the plan – only a grant, the commonest case – the Folgekosten sheet
    has one column of changes and their sum (web review: the workbook had nothing there)."""
    concept = fixture_inputs("havelland-sued").check().concept
    follow_up = next(y for y in concept.budget.follow_up if not y.planned)
    assert not follow_up.scenarios and follow_up.ending
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))[f"Folgekosten ab {follow_up.year}"]
    before = follow_up.year - 1
    assert [c.value for c in sheet[1]] == ["Ursache", f"Veränderung gegenüber {before}"]
    *causes, change = follow_up.causes
    assert causes[0].label.startswith("Befristete Förderung endet: ")
    assert [(sheet.cell(r, 1).value, Decimal(str(sheet.cell(r, 2).value))) for r in range(2, len(causes) + 2)] == [
        (c.label, c.ending) for c in causes
    ]
    total = len(causes) + 2
    assert sheet.cell(total, 1).value == f"Zuschussbedarf: Veränderung gegenüber {before}"
    assert _evaluate(sheet, f"B{total}") == change.ending == follow_up.rise - follow_up.not_recurring


def test_the_workbook_has_the_staff_with_the_own_stellenplan_apart():
    """Kämmerei review: the papers' VZÄ could not be traced in the workbook, and the own
    Stellenplan's share stood nowhere. Recomputed from the YAML: each post's size per year, the
    city's posts apart from the Träger's."""
    from pipeline.build import check_folder

    folder = ROOT / "inputs" / "neuhafen"
    posts = yaml.safe_load((folder / "ressourcen.yaml").read_text(encoding="utf-8"))["personal"]

    def size(post: dict, year: int) -> Decimal:
        changes = sorted((c["jahr"], c["vzae"]) for c in post.get("vzae_ab", []) if c["jahr"] <= year)
        return Decimal(str(changes[-1][1] if changes else post["vzae"]))

    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(check_folder(folder).concept))))["Personal"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:5] == ["Stelle", "Anstellungsträger", "Stellenplan", "VZÄ 2026", "VZÄ 2027"]
    assert sheet.cell(2, 4).number_format == "0.00"
    body = rows[1 : 1 + len(posts)]
    assert [r[0] for r in body] == [p["stelle"] for p in posts]
    for year, col in ((2026, 3), (2027, 4)):
        assert [Decimal(str(r[col])) for r in body] == [size(p, year) for p in posts]
        own = sum((size(p, year) for p in posts if p["anstellungstraeger"] == "stadt"), Decimal(0))
        mine = next(r for r in rows if r[0] == "davon im eigenen Stellenplan")
        others = next(r for r in rows if r[0] == "davon Stellen bei anderen Trägern")
        assert Decimal(str(mine[col])) == own
        assert Decimal(str(others[col])) == sum((size(p, year) for p in posts), Decimal(0)) - own
    assert [r[2] for r in body].count("eigener") == sum(p["anstellungstraeger"] == "stadt" for p in posts)


def test_the_workbook_names_amounts_beyond_the_adopted_budget(inputs):
    """The papers name über- and außerplanmäßige amounts and their cover; the Kämmerei's sheet of
    lines did not (diff review). Only where there are any: an empty column reads as forgotten."""

    def adopted(data):
        for year in data["haushalt"]:
            year.update(stand="beschlossen", beschlossen_am="2026-12-17")
        line = next(e for e in data["aufwand"] if e["jahr"] == 2027)
        line.update(planabweichung="außerplanmäßig", deckung="Minderaufwand bei Produkt 36.20.01")

    plain = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(inputs.check().concept))))
    assert "Planabweichung" not in [c.value for c in plain["Aufwandspositionen"][1]]
    concept = inputs.edit("ressourcen.yaml", adopted).check().concept
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))["Aufwandspositionen"]
    headers = [c.value for c in sheet[1]]
    deviation, cover = headers.index("Planabweichung"), headers.index("Deckung")
    marked = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[deviation]]
    assert [(row[deviation], row[cover]) for row in marked] == [
        ("außerplanmäßig", "Minderaufwand bei Produkt 36.20.01")
    ]
