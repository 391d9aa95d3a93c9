"""A kameraler Haushalt in the documents: Ausgaben and Einnahmen at Haushaltsstellen where a
doppischer writes Aufwand and Erträge in Produkten – the same sums, other words, other grammar
("die Ausgaben steigen"). Reviews of a Thuringian Landkreis and of Bremerhaven found "Aufwand"
throughout documents of a budget that has none; validate knows which Länder allow which system.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import lxml.html
import openpyxl
import pytest
import yaml

import pipeline.model.quality
from pipeline import products
from pipeline.export.to_xlsx import to_xlsx
from pipeline.formatting import euro as german_euro
from pipeline.model.papers import paper_views
from pipeline.render import render_products
from pipeline.render.workbook import workbook

from .conftest import Inputs
from .test_formate import _evaluate

#: The words of the Doppik as the tool writes them (the time actors spend is 'Aufwand' too: the
#: scan leaves out what the inputs themselves say), and 'Sachkosten' where the text says
#: 'Sachausgaben' (a Thuringian city's review). A grant stays a 'Zuwendung' in grant law's
#: sentences ('7 von 8 Zuwendungen an Träger verlangen in der Bewilligung …').
DOPPIK_WORDS = re.compile(
    r"\b(Aufwand|Aufwands|Aufwandspositionen|Personalaufwand|Ertrag|Erträge|Erträgen|Produkten|Sachkosten)\b"
)


def _kameral(inputs, state: str = "Bayern"):
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland=state))
    inputs.edit("ressourcen.yaml", lambda d: d.update(rechnungswesen="kameral"))
    return inputs


def _flat(html: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def _documents(concept) -> dict[str, str]:
    rendered = render_products(concept, [p.key for p in products.PRODUCTS])
    return {doc.path(".html"): _flat(doc.body_html) for doc in rendered.documents}


def _written_by_others(inputs) -> str:
    """Every text of the inputs and of the national framework's criteria as one line: a word
    found there is the user's or the framework's ('der Aufwand' of network time), not the tool's."""
    framework = (Path(pipeline.model.quality.__file__).parent / "dimension5.yaml").read_text(encoding="utf-8")
    texts = [inputs.text(name) for name in inputs.texts if name.endswith(".yaml")] + [framework]
    return " ".join(" ".join(text.split()) for text in texts)


def _theirs(text: str, found: re.Match[str], others: str) -> bool:
    """Whether the word found stands in a phrase of three words that the inputs or the framework
    wrote (the document joins table cells without a space, so the phrase may start or end with it)."""
    before = text[: found.start()].split(" ")[-2:]
    after = text[found.end() :].split(" ")[:2]
    word = found.group(0)
    tail = "".join(after[:1])
    phrases = [
        " ".join([before[-1] + word + tail] + after[1:2]) if before else "",
        f"{before[-1] if before else ''}{word}{tail}".strip(),
        f"{word}{tail} {after[1] if len(after) > 1 else ''}".strip(),
        f"{before[0] if len(before) > 1 else ''} {before[-1] if before else ''}{word}".strip(),
    ]
    return any(len(p.split(" ")) >= 2 and p in others for p in phrases)


def test_a_kameral_budget_speaks_of_ausgaben_and_einnahmen_in_every_document(inputs):
    """Concept, papers, Maßnahmenplan, agreement and Qualitätsdialog: no Aufwand, Ertrag or
    Produkten of the tool's own words is left; what remains is the inputs' own text."""
    _kameral(inputs)
    concept = inputs.check().concept
    others = _written_by_others(inputs)
    left = []
    for name, text in _documents(concept).items():
        for found in DOPPIK_WORDS.finditer(text):
            if not _theirs(text, found, others):
                left.append(f"{name}: …{text[max(0, found.start() - 40) : found.end() + 40]}…")
    assert not left, "\n".join(left)


def test_the_sentences_agree_with_the_plural(inputs):
    """'Die Ausgaben steigen', 'betragen', 'ihnen gegenüberstehen': the verbs and pronouns follow
    the plural noun, and the tables carry its heads."""
    _kameral(inputs)
    concept = inputs.check().concept
    texts = _documents(concept)
    whole = texts[next(n for n in texts if n.startswith("Gesamtkonzept_"))]
    budget = concept.budget
    first = budget.years[0]
    balance = budget.balance(first)

    def euro(amount: Decimal) -> str:  # as the flattened text has it, its spaces made plain
        return " ".join(german_euro(amount).split())

    assert (
        f"stehen den Ausgaben von {euro(balance.expenses)} Einnahmen von {euro(balance.income)} gegenüber" in whole
    )
    assert "Die Ausgaben der Netzwerkkoordination (Personal- und Sachausgaben) betragen" in whole
    assert "welche Einnahmen denen gegenüberstehen" in whole
    assert "Finanzierung der Ausgaben nach Quelle und Jahr" in whole
    assert "Ausgaben nach Art und Jahr" in whole and "Ausgaben gesamt" in whole
    assert "in Haushaltsstellen veranschlagt" in whole
    # the scenario table's rows (Bavarian review: 'Ausgaben von M3 entfällt', 'Ausgaben …, der …')
    assert re.search(r"Ausgaben von M\d+ entfallen", whole) and "entfällt" not in whole
    assert re.search(r"Ausgaben \d{4}, die nicht jährlich anfallen", whole)
    plan = next(t for n, t in texts.items() if n.startswith("vorlagen/GV-"))
    assert re.search(r"Die Ausgaben (steigen|sinken) um [\d.]+,\d\d € \(von", plan)
    assert "Summe Ausgaben" in plan and "Summe Einnahmen" in plan
    health = next(t for n, t in texts.items() if n.startswith("vorlagen/GA-"))
    assert re.search(r"Von den Ausgaben \d{4} \([\d.]+,\d\d €\) fallen", health)
    dialogue = next(t for n, t in texts.items() if "Dimension-5" in n)
    assert re.search(r"Einnahmen \d{4} \(Haushaltsentwurf\): Bundesstiftung", dialogue)


def test_the_kinds_of_expenses_in_the_kameral_words(inputs):
    """The kinds of expenses as the Gruppierungsplan names them: Sachausgaben and Zuschüsse, in the
    concept's table by kind and in the sentence that lists them (the workbook's formulas, which match
    the kinds by name, are evaluated in test_the_kameral_workbook_…)."""
    concept = _kameral(inputs).check().concept
    labels = [row.label for row in concept.budget.by_kind.rows]
    assert labels == ["Personal", "Sachausgaben", "Zuschuss an Träger"]
    assert concept.budget.terms.kinds_listed == "Personal, Sachausgaben und Zuschüsse an Träger"


def test_a_doppischer_budget_keeps_its_words(concept):
    """The example, a Landkreis in Niedersachsen, is doppisch: Aufwand, Erträge, Produkte."""
    assert concept.resources.accounting == "doppisch"
    whole = _documents(concept)
    text = whole[next(n for n in whole if n.startswith("Gesamtkonzept_"))]
    assert "Aufwand nach Art und Jahr" in text and "in Produkten veranschlagt" in text
    assert "Ausgaben nach Art und Jahr" not in text


def test_the_kameral_workbook_names_its_sheets_so_and_its_formulas_still_add_up(inputs):
    """The Kämmerei's workbook: sheets and columns in the budget's words, and every formula over
    the renamed sheets gives the model's totals."""
    _kameral(inputs, "Thüringen")
    concept = inputs.check().concept
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(workbook(concept))))
    assert book.sheetnames == [
        "Übersicht",
        "Finanzierung nach Quellen",
        "Ausgaben nach Art",
        "Ausgaben nach Maßnahmen",
        "Ausschüsse",
        "Haushaltsstellen",
        "Ausgabepositionen",
        "Einnahmen",
        "Maßnahmenplan",
        "Folgekosten ab 2028",
        "Personal",
    ]
    assert "Personalausgaben 2027" in [c.value for c in book["Personal"][1]]
    overview = book["Übersicht"]
    assert [c.value for c in overview[1]][2:] == [
        "Ausgaben",
        "Einnahmen",
        "Zuschussbedarf",
        "Einnahmen erst beantragt",
        "Zuschussbedarf bei Ablehnung der beantragten Einnahmen",
        "Einnahmen zugesagt, noch nicht schriftlich bewilligt",
    ]
    money = yaml.safe_load(inputs.text("ressourcen.yaml"))
    for row in range(2, overview.max_row):
        year = overview[f"A{row}"].value
        spent = sum(Decimal(str(e["betrag"])) for e in money["aufwand"] if e["jahr"] == year)
        received = sum(Decimal(str(i["betrag"])) for i in money["ertraege"] if i["jahr"] == year)
        pending = sum(
            Decimal(str(i["betrag"])) for i in money["ertraege"] if i["jahr"] == year and i.get("beantragt")
        )
        assert _evaluate(overview, f"C{row}") == spent
        assert _evaluate(overview, f"D{row}") == received
        assert _evaluate(overview, f"F{row}") == pending
    lines = book["Ausgabepositionen"]
    assert lines.cell(lines.max_row, 1).value == "Ausgaben, Summe 2026–2027 (Planungsgröße, kein Haushaltsansatz)"


@pytest.mark.parametrize(
    ("state", "accounting", "expected"),
    [
        # Niedersachsen prescribes Doppik (§ 110 Abs. 3 NKomVG)
        (
            "Niedersachsen",
            "kameral",
            "In Niedersachsen führen die Kommunen ihren Haushalt doppisch (§ 110 Abs. 3 NKomVG)",
        ),
        # Bayern and Thüringen let the municipality choose: it must say which
        ("Bayern", None, "In Bayern führen Kommunen ihren Haushalt doppisch oder kameral"),
        ("Thüringen", None, "In Thüringen führen Kommunen ihren Haushalt doppisch oder kameral (§ 52a ThürKO"),
        # Berlin's budget is kameral (Art. 85 Abs. 1 VvB)
        ("Berlin", "doppisch", "Der Haushalt des Landes Berlin ist kameral (Art. 85 Abs. 1 VvB)"),
    ],
)
def test_validate_knows_which_budget_system_the_land_allows(inputs, state, accounting, expected):
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland=state))
    if state == "Berlin":
        inputs.edit("kommune.yaml", lambda d: d["kommune"].update(art="Bezirk"))
    inputs.edit("ressourcen.yaml", lambda d: d.update(rechnungswesen=accounting))
    found = [w for w in inputs.warnings() if expected in w.message]
    assert found and found[0].where.file == "ressourcen.yaml"


@pytest.mark.parametrize(
    ("state", "accounting"), [("Bayern", "kameral"), ("Bayern", "doppisch"), ("Niedersachsen", None)]
)
def test_no_warning_where_the_budget_system_fits_the_land(inputs, state, accounting):
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland=state))
    inputs.edit("ressourcen.yaml", lambda d: d.update(rechnungswesen=accounting))
    if accounting == "kameral":
        inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    # (the example's texts saying 'Erträge' are warned about in a kameral budget, as words, not as the system)
    system = [w for w in inputs.warnings() if "rechnungswesen" in w.message or "doppisch" in w.message]
    assert not [w for w in system if "Begriff der Doppik" not in w.message]


def test_a_berlin_bezirk_is_kameral_without_being_told(inputs):
    """Berlin's budget, and so its Bezirke's, is kameral: the documents say Ausgaben unasked."""
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland="Berlin", art="Bezirk"))
    inputs.edit("ressourcen.yaml", lambda d: d.pop("rechnungswesen"))
    concept = inputs.check().concept
    assert concept.budget.terms.expenses == "Ausgaben"
    assert concept.budget.item_label == "Haushaltsstelle"
    # Berlin's Haushaltsplan has no Verwaltungshaushalt: the papers do not name one
    assert concept.budget.part is None
    texts = _documents(concept)
    assert not any("Teil des Haushalts" in t for t in texts.values())


@pytest.mark.parametrize(("state", "expenses"), [("Thüringen", "Ausgaben"), ("Bayern", "Aufwand")])
def test_an_unset_budget_system_follows_the_lands_rule(inputs, state, expenses):
    """Thüringen makes Verwaltungsbuchführung the rule and Doppik the Hauptsatzung's choice (§ 52a
    Satz 1 und 2 ThürKO; review of a Thuringian city: an unset field gave Doppik's words); validate
    still asks which system applies, and its message says the words the documents use meanwhile."""
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland=state))
    inputs.edit("ressourcen.yaml", lambda d: d.pop("rechnungswesen"))
    checked = inputs.check()
    assert checked.concept.budget.terms.expenses == expenses
    (warning,) = [w for w in checked.warnings if "doppisch oder kameral" in w.message]
    assert f"Bis dahin schreiben die Dokumente „{expenses}“" in warning.message


def test_a_kameral_budget_with_produkte_is_warned_about(inputs):
    """Bavarian review: 'rechnungswesen: kameral' with the example's 'Produkt 36.30.01' passed; the
    papers then grouped Produkte under Haushaltsstellen' words."""
    _kameral(inputs)
    (warning,) = [w for w in inputs.warnings() if "nicht in Produkten" in w.message]
    assert warning.where.path[-1] == "haushaltsstelle" and warning.where.path[0] == "aufwand"
    inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    assert not [w for w in inputs.warnings() if "nicht in Produkten" in w.message]


def test_doppik_words_in_the_texts_of_a_kameral_budget_are_warned_about(inputs):
    """Thuringian review: 'Aufwand und Erträge sind im Entwurf des Haushalts 2027 veranschlagt' in a
    paper of a kameral Landkreis, copied from the doppisch example, while its tables said Ausgaben
    and Einnahmen. 'Aufwand' alone is left alone: it also means effort."""
    doppik = [w for w in inputs.warnings() if "Begriff der Doppik" in w.message]
    assert doppik == []
    _kameral(inputs)
    warned = {
        (w.where.file, w.where.path)
        for w in inputs.warnings()
        if "„Erträge“ ist ein Begriff der Doppik" in w.message
    }
    assert ("vorlagen/gv-2026-004-ressourcenplanung.yaml", ("vorlage", "finanzen", "erlaeuterung")) in warned
    message = next(w.message for w in inputs.warnings() if "Begriff der Doppik" in w.message)
    assert "die Dokumente schreiben „Einnahmen“" in message


def _at_haushaltsstellen(data):
    """The example's Produkte as kameral Haushaltsstellen: Jugendhilfe in Unterabschnitt 4510,
    Gesundheit in 5400; Einnahmen and Ausgaben at Haushaltsstellen of their own."""
    sections = {"36.30.01": "4510", "41.40.01": "5400"}
    for key, group in (("aufwand", "7180"), ("ertraege", "1710")):
        for line in data[key]:
            product = line["haushaltsstelle"].split()[1]
            line["haushaltsstelle"] = f"HHSt. {sections[product]}.{group} Frühe Hilfen"


def test_kameral_einnahmen_are_compared_with_their_ausgaben_by_unterabschnitt(inputs):
    """Einnahmen and Ausgaben never share a Haushaltsstelle in a kameral budget (their Gruppierung
    differs): a grant belongs to its costs' Unterabschnitt. Bavarian review: every grant was warned
    about, so '--streng' could never pass."""
    _kameral(inputs)
    inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    assert not [w for w in inputs.warnings() if "Unterabschnitt" in w.message or "Produkten" in w.message]
    data = yaml.safe_load(inputs.text("ressourcen.yaml"))
    index = next(i for i, g in enumerate(data["ertraege"]) if g.get("fuer") and "4510" in g["haushaltsstelle"])
    inputs.edit(
        "ressourcen.yaml",
        lambda d: d["ertraege"][index].update(haushaltsstelle="HHSt. 4600.1710 Andere Jugendhilfe"),
    )
    (found,) = [w for w in inputs.warnings() if "Unterabschnitt" in w.message]
    assert found.where.path == ("ertraege", index, "haushaltsstelle")
    assert found.message.startswith(f"Die Einnahme „{data['ertraege'][index]['bezeichnung']}“")
    assert "Bitte prüfen, ob beide im selben Unterabschnitt veranschlagt sind." in found.message


def test_a_kameral_paper_sums_up_by_unterabschnitt(inputs):
    """In a kameral budget the Zuschussbedarf is an Unterabschnitt's: the paper's table by budget
    item groups the Haushaltsstellen so, instead of a negative Zuschussbedarf for every Einnahme
    (review of a Thuringian Landkreis); the provisional budget speaks of 'Ausgaben geleistet'."""
    _kameral(inputs, "Thüringen")
    inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    concept = inputs.check().concept
    texts = _documents(concept)
    paper = next(t for n, t in texts.items() if n.startswith("vorlagen/JHA-"))
    view = next(v for v in paper_views(concept) if v.paper.number == "JHA/2026/030")
    finances = view.finances
    assert finances is not None
    rows = {b.label: b for b in finances.by_budget_item}
    assert list(rows) == ["Unterabschnitt 4510", "Unterabschnitt 5400"]
    money = yaml.safe_load(inputs.text("ressourcen.yaml"))
    year = finances.year
    for label, section in (("Unterabschnitt 4510", "4510"), ("Unterabschnitt 5400", "5400")):
        spent = sum(
            Decimal(str(e["betrag"]))
            for e in money["aufwand"]
            if e["jahr"] == year and section in e["haushaltsstelle"]
        )
        assert rows[label].expenses == spent > 0
    assert "Ausgaben, Einnahmen und Zuschussbedarf nach Unterabschnitt" in paper
    assert "Haushaltsstellemehrere, siehe Übersicht nach Unterabschnitt" in paper  # cells joined
    assert (
        "Dann darf der Landkreis Musterkreis nur Ausgaben leisten, zu denen er rechtlich verpflichtet ist" in paper
    )
    assert "Einnahmen (Zuweisungen und Zuschüsse)" in paper
    assert "Teil des HaushaltsVerwaltungshaushalt" in paper  # the head table's cells, joined


def test_a_city_states_paper_sums_up_by_kapitel(inputs):
    """The Land's Haushaltsplan of a city state is divided into Einzelpläne, Kapitel and Titel:
    'Unterabschnitt' is a word of municipal budgets (Bremen review)."""
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland="Bremen", art="Stadtstaat"))
    inputs.edit("ressourcen.yaml", lambda d: d.update(rechnungswesen="kameral"))
    inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    concept = inputs.check(strict=False).concept
    view = next(v for v in paper_views(concept) if v.paper.number == "JHA/2026/030")
    assert view.finances is not None
    assert [b.label for b in view.finances.by_budget_item] == ["Kapitel 4510", "Kapitel 5400"]
    assert view.finances.budget_item_heading == "Kapitel"


def test_a_doppischer_paper_sums_up_by_produkt(concept):
    """Doppik keeps one row per Produkt, each with its own Zuschussbedarf."""
    view = next(v for v in paper_views(concept) if v.paper.number == "JHA/2026/030")
    assert view.finances is not None
    assert [f"Produkt {b.label}" for b in view.finances.by_budget_item] == sorted(
        {e.budget_item for e in view.finances.expenses} | {i.budget_item for i in view.finances.income}
    )
    assert view.finances.budget_item_heading == "Produkt"
    # the part of a doppischer budget has the Land's name (Ergebnisplan in NRW and SH): not named
    assert concept.budget.part is None


def test_a_reports_costs_name_each_committee_once_after_its_items(inputs):
    """A report without finances of its own says where its measures' costs stand: the items of one
    committee together, the committee once (a Kämmerei read '(zuständig: Jugendhilfeausschuss)'
    after each of two Haushaltsstellen)."""
    _kameral(inputs, "Thüringen")
    inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    # the Personal of the report's measures at a Haushaltsstelle of its own
    inputs.edit(
        "ressourcen.yaml",
        lambda d: [
            line.update(haushaltsstelle="HHSt. 4510.4140 Frühe Hilfen")
            for line in d["aufwand"]
            if line["art"] == "Personal" and line["haushaltsstelle"].startswith("HHSt. 4510")
        ],
    )
    concept = inputs.check().concept
    view = next(v for v in paper_views(concept) if v.paper.number.startswith("SA/"))
    said = view.reported_items
    assert said.count("(zuständig: Jugendhilfeausschuss)") == 1
    assert re.fullmatch(
        r"HHSt\. 4510\.\d{4} Frühe Hilfen und HHSt\. 4510\.\d{4} Frühe Hilfen \(zuständig: Jugendhilfeausschuss\)",
        said,
    )


def test_a_bavarian_citys_kameral_budget_keeps_the_words_of_art_69_go():
    """Art. 69 Abs. 1 Nr. 1 GO has one rule for Doppik and Kameralistik: „finanzielle Leistungen
    erbringen“ – a Bavarian city's kameral paper said „nur Ausgaben leisten“ (Bavarian review)."""
    from .test_stadt import _neuhafen

    inputs = _kameral(_neuhafen())
    texts = _documents(inputs.check(strict=False).concept)
    provisional = [t for t in texts.values() if "(Art. 69 GO)" in t]
    assert provisional
    assert all(
        "nur finanzielle Leistungen erbringen, zu denen sie rechtlich verpflichtet" in t for t in provisional
    )
    assert not any("nur Ausgaben leisten" in t for t in texts.values())


def _amount(cell: str) -> Decimal:
    """'+8.000,00 €' or '−44.000,00 €' as a number; '–' (does not apply) as 0."""
    text = cell.replace("\xa0", " ").removesuffix(" €").strip()
    if text in ("–", ""):
        return Decimal(0)
    sign = -1 if text[0] in "−-" else 1
    return sign * Decimal(text.lstrip("+−-±").replace(".", "").replace(",", "."))


def test_the_concept_adds_up_the_follow_up_costs_in_a_table(concept):
    """Chapter 20's Folgekosten: the causes of the change after the plan stand in a table with a
    column for the time-limited measure going on and one for its end (Lektorat: eleven amounts in
    stacked brackets); the rows add up to the footer, the footer is what the text says, and the
    text no longer carries the sums."""
    from pipeline.render import concept_chapters

    root = lxml.html.fromstring(concept_chapters(concept)["konzept/12_ressourcen.html.j2"])
    year = concept.budget.follow_up[0].year
    table = next(
        t for t in root.iter("table") if t.findtext("caption") == f"Zuschussbedarf ab {year} gegenüber {year - 1}"
    )
    heads = [th.text_content() for th in table.iter("th")]
    assert heads[1:] == ["M2 läuft ohne Anschlussförderung weiter", "M2 endet"]
    rows = [[td.text_content() for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")]
    footer = [td.text_content() for td in table.find("tfoot").iter("td")]
    for column in (1, 2):
        assert sum(_amount(r[column]) for r in rows) == _amount(footer[column])
    paragraph = " ".join(table.getprevious().text_content().replace("\xa0", " ").split())
    going_on, ending = _amount(footer[1]), _amount(footer[2])
    assert (
        f"um {german_euro(abs(going_on)).replace(chr(160), ' ')} {'über' if going_on > 0 else 'unter'} dem von {year - 1}"
        in paragraph
    )
    assert (
        f"um {german_euro(abs(ending)).replace(chr(160), ' ')} {'über' if ending > 0 else 'unter'} dem von {year - 1}"
        in paragraph
    )
    assert "Höher wird er um" not in paragraph


def test_a_grant_that_ends_within_the_plan_is_not_said_to_end_after_it():
    """Stadt Lindenbrück (tests/fixtures/lindenbrueck, NRW review): a grant promised for 2026 only, in a
    plan for 2026–2027, read 'Nach dem Planungszeitraum: Ab 2027 fehlen ohne Anschlussförderung
    Erträge von 3.000,00 € im Jahr' – 2027 lies within the plan, and its Zuschussbedarf already lacks
    the grant. The concept now says so, under a label that fits."""
    from pipeline.build import check_folder

    from .conftest import ROOT

    folder = ROOT / "tests" / "fixtures" / "lindenbrueck"
    data = yaml.safe_load((folder / "ressourcen.yaml").read_text(encoding="utf-8"))
    years = sorted({e["jahr"] for e in data["aufwand"]})
    [grant] = [
        i for i in data["ertraege"] if i.get("befristet_bis") is not None and i["befristet_bis"] < years[-1]
    ]
    concept = check_folder(folder).concept
    within = [y for y in concept.budget.follow_up if y.year <= years[-1]]
    assert [y.year for y in within] == [grant["befristet_bis"] + 1] and within[0].planned
    sentence = within[0].sentence
    amount = german_euro(Decimal(str(grant["betrag"])))
    # Erträge have no Förderung of their own, and the grant stands before the note (BW review)
    assert sentence.startswith(
        # one grant in the singular (BW review: 'aus Förderungen, die 2027 enden: Bürgerstiftung …')
        f"Im Jahr {years[-1]} entfallen Erträge von {amount} aus einer Förderung, die {grant['befristet_bis']} endet: "
        f"{grant['bezeichnung']}"
    )
    assert f"). Der Zuschussbedarf {years[-1]} enthält diesen Ausfall bereits." in sentence
    chapter = _flat(render_products(concept, ["konzept"]).documents[0].body_html)
    assert "Befristete Förderung und Folgekosten: Im Jahr" in chapter
    assert f"Ab {years[-1]} fehlen" not in chapter
    assert not any(y.planned for y in concept.budget.follow_up if y.year > years[-1])


def test_an_item_with_lines_of_two_committees_is_named_once_in_a_sentence_with_its_verb(inputs):
    """'Der Aufwand steht in Produkt 41.40.01 (zuständig: ASG); Produkt 41.40.01 und Produkt 36.30.01
    (zuständig: JHA).' – one Produkt twice, and a second half without a verb (Saxon review). Each item
    once, the committees of each said with it, groups joined by 'sowie in'."""
    concept = inputs.check().concept
    view = next(v for v in paper_views(concept) if v.paper.number.startswith("SA/"))
    ids = {m.id for m in view.measures}
    first = next(e for e in concept.resources.expenses if e.purpose in ids and e.amount)
    other = next(
        c for c in concept.committees if c.id != first.committee and not c.is_council and c.deciding is not False
    )

    def shared(data):
        for line in data["aufwand"]:
            if line["id"] == first.id:
                line["ausschuss"] = other.id

    inputs.edit("ressourcen.yaml", shared)
    said = inputs.check().concept
    view = next(v for v in paper_views(said) if v.paper.number.startswith("SA/"))
    text = view.reported_items
    assert "; " not in text
    items = [e.budget_item for e in said.resources.expenses if e.purpose in ids and e.amount]
    for item in dict.fromkeys(items):
        assert text.count(item) == 1, item
    names = [
        said.committee(c).name
        for c in dict.fromkeys(
            e.committee
            for e in said.resources.expenses
            if e.purpose in ids and e.amount and e.budget_item == first.budget_item
        )
    ]
    assert len(names) == 2
    assert f"{first.budget_item} (zuständig je nach Maßnahme: {names[0]} und {names[1]})" in text


def test_a_produkt_named_with_its_account_groups_as_the_produkt(inputs):
    """Schleswig-Holstein review: 'Produkt 36300 Frühe Hilfen, Konto 5012000' beside '…, Konto
    4141000' made one row per account in the table by Produkt (the income rows with a negative
    Zuschussbedarf) and six warnings that grant and costs stood in different Produkte. Named with
    its accounts, each Produkt is one row, as without them, and nothing is warned."""
    from pipeline.model.papers import paper_views

    def rows(concept):
        view = next(v for v in paper_views(concept) if v.paper.number == "JHA/2026/030")
        return [(b.label, b.expenses, b.income) for b in view.finances.by_budget_item]

    plain = rows(Inputs(inputs.texts).check().concept)

    def with_accounts(data):
        for line in data["aufwand"]:
            line["haushaltsstelle"] += ", Konto 5318000"
        for line in data["ertraege"]:
            line["haushaltsstelle"] += ", Konto 4141000"

    changed = inputs.edit("ressourcen.yaml", with_accounts)
    assert rows(changed.check().concept) == plain and len(plain) > 1
    assert not [w for w in changed.warnings() if "im selben Produkt" in w.message]


@pytest.mark.parametrize(
    ("name", "grouping", "word"),
    [("warnemark", "Produkt und Haushaltsstelle", "Produkt"), ("spreetal", "Kapitel", "Kapitel")],
)
def test_produkt_and_account_or_kapitel_and_titel_group_by_what_belongs_together(name, grouping, word):
    """Hansestadt Warnemark (M-V) writes 'Produkt.Konto' ('36301.41410000' beside
    '36301.50110000'), Bezirk Spreetal (Berlin) 'Kapitel 4010, Titel 23101' beside '…, Titel
    42201': grant and costs always stand on different accounts or Titel. Each made a row per
    account in the table of the paper (an Ertrag row with a negative Zuschussbedarf) and five
    warnings that they stood in different Produkte or 'Unterabschnitte' – a word Berlin's
    Haushaltsplan does not know. Grouped by Produkt or Kapitel, no row is negative and nothing is
    warned."""
    from .conftest import fixture_inputs

    inputs = fixture_inputs(name)
    lines = yaml.safe_load(inputs.text("ressourcen.yaml"))
    items = {str(line["haushaltsstelle"]) for part in ("aufwand", "ertraege") for line in lines[part]}
    assert len(items) > len({re.split(r"\.|, Titel", item)[0] for item in items})  # several accounts per group
    concept = inputs.check().concept
    for view in paper_views(concept):
        if view.finances is None or len(view.finances.by_budget_item) < 2:
            continue
        assert view.finances.budget_item_grouping == grouping
        assert all(group.expenses - group.income >= 0 for group in view.finances.by_budget_item)
    assert not [w for w in inputs.warnings() if f"selben {word}" in w.message]


def test_a_measure_without_grants_of_its_own_just_goes_on():
    """Hamburg review: the table 'Zuschussbedarf ab 2029' had a column 'M4 läuft ohne
    Anschlussförderung weiter' though no grant ends with M4; Wesertal's M2 loses one."""
    from .conftest import fixture_inputs

    def heads(name: str) -> list[tuple[str, str]]:
        concept = fixture_inputs(name).check().concept
        return [y.scenario_heads for y in concept.budget.follow_up if y.measures]

    assert heads("elbhoehe") == [("M4 läuft weiter", "M4 endet")]
    assert heads("wesertal") == [("M2 läuft ohne Anschlussförderung weiter", "M2 endet")]


def _subsidy_table(concept) -> tuple[list[str], list[list[str]], list[str]]:
    """Chapter 20's table of Zuschussbedarf by budget item: head, body rows, footer."""
    from pipeline.render import concept_chapters

    root = lxml.html.fromstring(concept_chapters(concept)["konzept/12_ressourcen.html.j2"])
    table = next(t for t in root.iter("table") if (t.findtext("caption") or "").startswith("Zuschussbedarf nach "))
    heads = [th.text_content() for th in table.find("thead").iter("th")]
    rows = [[td.text_content() for td in tr.iter("td", "th")] for tr in table.find("tbody").iter("tr")]
    footer = [td.text_content() for td in table.find("tfoot").iter("td", "th")]
    return heads, rows, footer


def test_the_concept_shows_the_zuschussbedarf_per_produkt_and_year(concept):
    """The Kämmerei reads the budget by Produkt: chapter 20 has the Zuschussbedarf of each Produkt
    per year, computed here from the lines (Aufwand − Erträge of the Produkt), and the footer is the
    year's Zuschussbedarf of the funding table (Kämmerei review: no table by Produkt in the concept)."""
    heads, rows, footer = _subsidy_table(concept)
    budget = concept.budget
    assert heads[0] == "Produkt"
    assert heads[1:-1] == [str(y) for y in budget.years]
    items = sorted({e.budget_item for e in budget.expenses} | {i.budget_item for i in budget.income})
    assert [r[0] for r in rows] == [item.removeprefix("Produkt ") for item in items]
    for row, item in zip(rows, items, strict=True):
        for column, year in enumerate(budget.years, start=1):
            spent = sum(
                (e.amount for e in budget.expenses if e.year == year and e.budget_item == item), Decimal(0)
            )
            earned = sum((i.amount for i in budget.income if i.year == year and i.budget_item == item), Decimal(0))
            assert _amount(row[column]) == spent - earned
    own_share = next(r for r in budget.by_source.rows if r.label == concept.municipality.own_share_label)
    for column in range(1, len(budget.years) + 1):
        assert sum(_amount(r[column]) for r in rows) == _amount(footer[column])
        assert _amount(footer[column]) == own_share.amounts[column - 1]
    assert footer[0] == "Zuschussbedarf insgesamt"


def test_a_kameral_concept_shows_the_zuschussbedarf_per_unterabschnitt(inputs):
    """In a kameral budget Einnahmen and Ausgaben stand at Haushaltsstellen of their own: the
    concept's table groups them by Unterabschnitt, as the papers do."""
    _kameral(inputs, "Thüringen")
    inputs.edit("ressourcen.yaml", _at_haushaltsstellen)
    heads, rows, _ = _subsidy_table(inputs.check().concept)
    assert heads[0] == "Unterabschnitt"
    assert [r[0] for r in rows] == ["Unterabschnitt 4510", "Unterabschnitt 5400"]
    assert all(_amount(cell) > 0 for r in rows for cell in r[1:])


def test_a_budget_in_one_produkt_is_named_in_a_sentence(inputs):
    """With a single Produkt a table would repeat the funding table's own share: one sentence."""
    from pipeline.render import concept_chapters

    def one_produkt(data):
        for key in ("aufwand", "ertraege"):
            for line in data[key]:
                line["haushaltsstelle"] = "Produkt 36.30.01 Frühe Hilfen"

    inputs.edit("ressourcen.yaml", one_produkt)
    chapter = _flat(concept_chapters(inputs.check(strict=False).concept)["konzept/12_ressourcen.html.j2"])
    assert "Im Haushalt stehen alle Beträge unter Produkt 36.30.01 Frühe Hilfen." in chapter
    assert "Zuschussbedarf nach Produkt und Jahr" not in chapter
