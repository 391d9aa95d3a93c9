"""The Kooperationsvereinbarung and the consent form for parents (netzwerk.yaml,
'kooperationsvereinbarung').

Parties, contributions and dates are recomputed here from the YAML as written, not taken from
the model; the rendered HTML is read the way a reader meets it. The slow tests open the Word
and PDF files of the example's build: a heading per section, one signature block per party,
never split across two pages, and the PDFs tagged.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from pipeline.build import check_folder
from pipeline.cli import main
from pipeline.findings import WARNING
from pipeline.formatting import count
from pipeline.model.norms import NORMS_BY_CITATION
from pipeline.products import AGREEMENT, PRODUCTS
from pipeline.render import concept_chapters, render_agreement, render_consent_form, render_products

from .conftest import EXAMPLE, ROOT
from .sentences import flaws
from .test_saetze import _edit_every_file, _leave_out_optional

NEUHAFEN = ROOT / "inputs" / "neuhafen"
AGREEMENT_STEM = "Kooperationsvereinbarung_Musterkreis_2.0"
CONSENT_STEM = "Einverstaendniserklaerung_Musterkreis_2.0"


# --- reading the YAML and the HTML independently ------------------------------------------------


def raw(folder: Path) -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")}


def expected_parties(data: dict[str, dict]) -> list[tuple[str, list[str]]]:
    """(name, names of the actors it signs for) of every party, the organiser first: a Träger
    signs for its actors, a representation for the actor it names, an institution without
    either for itself; freelancers and volunteers without either do not sign."""
    section = data["netzwerk.yaml"]["kooperationsvereinbarung"] or {}
    organisations = {o["id"]: o["name"] for o in data["akteure.yaml"].get("traeger", [])}
    represented = {r["akteur"]: r["durch"] for r in section.get("vertretungen", [])}
    named = section.get("unterzeichnende")
    organiser = data["kommune.yaml"]["kommune"]["traeger"]
    groups: dict[str, list[str]] = {organiser: []}
    for actor in data["akteure.yaml"]["akteure"]:
        if named and actor["id"] not in named:
            continue
        by = represented.get(actor["id"]) or actor.get("traeger")
        if by:
            groups.setdefault(organisations[by], []).append(actor["name"])
        elif actor["organisationsform"] == "Institution":
            groups.setdefault(actor["name"], []).append(actor["name"])
    return list(groups.items())


def text_of(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def unboxed(item: lxml.html.HtmlElement) -> str:
    """A point of a list to tick without its box; every point has one."""
    text = text_of(item)
    assert text.startswith("☐ "), text
    return text.removeprefix("☐ ")


def root_of(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{html}</div>")


def signature_blocks(html: str) -> list[lxml.html.HtmlElement]:
    return root_of(html).xpath("//div[contains(@class, 'zusammenhalten') and contains(@class, 'abstand')]")


def empty_headings(html: str) -> list[str]:
    """Headings with nothing under them before the next heading of the same or a higher level."""
    blocks = root_of(html).xpath("//h1|//h2|//h3|//p|//ul|//ol|//table|//div[contains(@class, 'feld')]")
    empty = []
    for index, block in enumerate(blocks):
        if block.tag not in ("h1", "h2", "h3"):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or (following.tag in ("h1", "h2", "h3") and following.tag <= block.tag):
            empty.append(text_of(block))
    return empty


def section(html: str, heading: str) -> lxml.html.HtmlElement:
    """The elements after the h3 (or h2) with this text, up to the next heading."""
    root = root_of(html)
    start = next(h for h in root.xpath("//h2|//h3") if text_of(h) == heading)
    wrapper = lxml.html.fromstring("<div></div>")
    for sibling in start.itersiblings():
        if sibling.tag in ("h1", "h2", "h3"):
            break
        wrapper.append(lxml.html.fromstring(lxml.html.tostring(sibling)))
    return wrapper


def _with_section(inputs, section_text: str):
    """The example with another 'kooperationsvereinbarung' section (YAML text, or '' for none)."""
    text = inputs.text("netzwerk.yaml")
    text = text[: text.index("kooperationsvereinbarung:\n")]
    return inputs.write("netzwerk.yaml", text + section_text)


# --- parties -------------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [EXAMPLE, NEUHAFEN], ids=["musterkreis", "neuhafen"])
def test_parties_are_the_traeger_of_the_signing_actors(folder):
    data = raw(folder)
    agreement = check_folder(folder).concept.agreement
    assert [(p.name, [a.name for a in p.actors]) for p in agreement.parties] == expected_parties(data)
    assert (
        agreement.parties[0].organiser and agreement.parties[0].name == data["kommune.yaml"]["kommune"]["traeger"]
    )


def test_the_table_of_parties_and_a_signature_block_per_party(concept, raw_inputs):
    html = render_agreement(concept.agreement).body_html
    parties = expected_parties(raw_inputs)
    table = root_of(html).xpath("//table[caption='Partnerinnen und Partner der Vereinbarung']")[0]
    rows = [[text_of(c) for c in row.xpath("td")] for row in table.xpath(".//tbody/tr")]
    assert [r[1].removesuffix(" (organisiert das Netzwerk)") for r in rows] == [name for name, _ in parties]
    blocks = signature_blocks(html)
    assert len(blocks) == len(parties)
    place = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["ort"]
    for block, (name, actors) in zip(blocks, parties, strict=True):
        assert text_of(block.xpath(".//strong")[0]) == name
        labels = [text_of(p) for p in block.xpath(".//div[@class='feld']/p[last()]")]
        assert labels == ["Ort, Datum", "Unterschrift", "Name in Druckbuchstaben, Funktion"]
        assert text_of(block.xpath(".//div[@class='feld']/p[1]")[0]) == f"{place}, den"
        signed_for = text_of(block)
        own = actors == [name]
        assert ("Unterzeichnet für:" in signed_for) == (bool(actors) and not own and name != parties[0][0])
        for actor in actors if not own and name != parties[0][0] else []:
            assert actor in signed_for


def test_without_a_list_every_institution_and_every_group_with_a_traeger_signs(inputs):
    _with_section(inputs, "kooperationsvereinbarung: {}\n")
    data = {name: yaml.safe_load(inputs.text(name)) for name in ("kommune.yaml", "akteure.yaml", "netzwerk.yaml")}
    agreement = inputs.check().concept.agreement
    assert [(p.name, [a.name for a in p.actors]) for p in agreement.parties] == expected_parties(data)
    freelance = [a["name"] for a in data["akteure.yaml"]["akteure"] if a["organisationsform"] == "freiberuflich"]
    assert freelance and {a.name for a in agreement.not_signing} == set(freelance)  # no Träger, no association
    volunteers = [p for p in agreement.parties for a in p.actors if a.organisation_form != "Institution"]
    assert volunteers and all(not p.own for p in volunteers)  # they sign through their Träger


def test_those_who_do_not_sign_are_named_and_may_join(concept, raw_inputs):
    named = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["unterzeichnende"]
    outside = [a["name"] for a in raw_inputs["akteure.yaml"]["akteure"] if a["id"] not in named]
    assert outside
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert "können der Vereinbarung beitreten" in text
    assert "Im Netzwerk wirken außerdem mit, ohne diese Vereinbarung zu unterzeichnen: " in text
    for name in outside:
        assert name in text


def test_the_concept_says_who_is_to_sign(concept, raw_inputs):
    named = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["unterzeichnende"]
    parties = expected_parties(raw_inputs)
    chapter = next(html for name, html in concept_chapters(concept).items() if name.endswith("_netzwerk.html.j2"))
    text = text_of(root_of(chapter))
    assert (
        f"Unterzeichnen sollen sie {count(len(parties), 'Organisation', 'Organisationen', 'eine')} für "
        f"{len(named)} der {len(raw_inputs['akteure.yaml']['akteure'])} Akteure des Netzwerks" in text
    )


# --- contributions -------------------------------------------------------------------------------


def test_each_partner_contributes_what_the_yaml_says(concept, raw_inputs):
    """Anlage 1: for each actor the measures it leads and takes part in (numbered as in the
    concept), the network bodies it chairs or sits in and its hours, read from the YAML."""
    html = render_agreement(concept.agreement).body_html
    measures = raw_inputs["massnahmen.yaml"]["massnahmen"]
    number = {m["id"]: f"M{i}" for i, m in enumerate(measures, start=1)}
    bodies = raw_inputs["netzwerk.yaml"]["netzwerkgremien"]
    named = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["unterzeichnende"]
    checked = 0
    for actor in raw_inputs["akteure.yaml"]["akteure"]:
        if actor["id"] not in named:
            continue
        part = text_of(section(html, actor["name"]))
        led = [f"{number[m['id']]} {m['titel']}" for m in measures if m["federfuehrung"] == actor["id"]]
        joined = [
            f"{number[m['id']]} {m['titel']}"
            for m in measures
            if actor["id"] in m.get("beteiligte", []) and m["federfuehrung"] != actor["id"]
        ]
        assert (f"Federführend: {'; '.join(led)}" in part) == bool(led), actor["id"]
        assert (f"Beteiligt: {'; '.join(joined)}" in part) == bool(joined), actor["id"]
        chaired = [b["name"] for b in bodies if b["leitung"] == actor["id"]]
        member = [b["name"] for b in bodies if actor["id"] in b["mitglieder"] and b["leitung"] != actor["id"]]
        if chaired:
            assert f"Leitung: {', '.join(chaired)}" in part
        if member:
            assert f"Mitglied: {', '.join(member)}" in part
        meetings = sum(
            b["sitzungen_pro_jahr"]
            for b in bodies
            if b["leitung"] == actor["id"] or actor["id"] in b["mitglieder"]
        )
        if meetings:
            assert f"(zusammen {count(meetings, 'Sitzung', 'Sitzungen', 'eine')} im Jahr)" in part
        hours = f"{actor['netzwerkaufwand_stunden']:,}".replace(",", ".")
        assert f"Zeit für die Netzwerkarbeit: rund {hours} Stunden im Jahr" in part
        for responsibility in actor["zustaendigkeiten"]:
            assert " ".join(responsibility.split()) in part
        assert part.count("Ansprechperson (Name, Telefon, E-Mail)") == 1
        checked += 1
    assert checked == len(named)


def test_paths_and_bodies_are_in_annex_2(concept, raw_inputs):
    root = root_of(render_agreement(concept.agreement).body_html)
    paths = root.xpath("//table[caption='Vereinbarte Abstimmungswege']//tbody/tr")
    assert len(paths) == len(raw_inputs["netzwerk.yaml"]["abstimmungswege"])
    bodies = root.xpath("//table[caption='Gremien des Netzwerks']//tbody/tr")
    assert [text_of(r.xpath("td")[0]) for r in bodies] == [
        b["name"] for b in raw_inputs["netzwerk.yaml"]["netzwerkgremien"]
    ]


# --- wording, law and dates ----------------------------------------------------------------------


def test_the_preamble_cites_the_law_as_binding_as_it_is(concept):
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert NORMS_BY_CITATION[("KKG", "3")].wording in text  # Programmsatz, Soll in Abs. 3
    assert NORMS_BY_CITATION[("KKG", "1")].wording in text
    assert "Die Beteiligten sollen die Grundsätze für eine verbindliche Zusammenarbeit in Vereinbarungen" in text
    assert NORMS_BY_CITATION[("KKG", "4")].wording in text  # a Befugnis, no Meldepflicht
    assert not re.search(r"§ 3[^.]*(verpflichtet|muss)", text)
    assert "Meldepflicht" not in text


def test_every_principle_of_the_leitbild_is_agreed(concept, raw_inputs):
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    for principle in raw_inputs["kommune.yaml"]["leitbild"]["leitsaetze"]:
        assert principle in text


def test_start_and_review_come_from_the_section_and_the_concept(concept, raw_inputs):
    settings = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert f"Die Vereinbarung tritt am {settings['beginn']:%d.%m.%Y} in Kraft" in text
    assert "Sie gilt unbefristet." in text
    update = raw_inputs["kommune.yaml"]["konzept"]["fortschreibung"]
    assert f"das nächste Mal bis zum {update['naechste']:%d.%m.%Y}" in text
    assert "mit einer Frist von sechs Monaten schriftlich gegenüber dem Jugendamt kündigen" in text
    assert f"§ 7 {settings['regelungen'][0]['titel']}" in text
    assert "§ 8 Laufzeit, Überprüfung und Kündigung" in text


def test_a_fixed_term_ends_the_day_before_its_anniversary():
    data = raw(NEUHAFEN)["netzwerk.yaml"]["kooperationsvereinbarung"]
    start, years = data["beginn"], data["laufzeit_jahre"]
    end = start.replace(year=start.year + years) - dt.timedelta(days=1)
    agreement = check_folder(NEUHAFEN).concept.agreement
    text = text_of(root_of(render_agreement(agreement).body_html))
    assert f"Sie gilt bis zum {end:%d.%m.%Y}." in text
    first = start.replace(year=start.year + data["ueberpruefung_jahre"])
    assert f"alle zwei Jahre, das erste Mal bis zum {first:%d.%m.%Y}" in text


@pytest.mark.parametrize("folder", [EXAMPLE, NEUHAFEN], ids=["musterkreis", "neuhafen"])
def test_both_documents_read_as_sentences_without_empty_headings(folder):
    agreement = check_folder(folder).concept.agreement
    for document in (render_agreement(agreement), render_consent_form(agreement)):
        assert flaws(document.body_html) == []
        assert empty_headings(document.body_html) == []


@pytest.fixture
def sparse(inputs):
    """The example with every optional field left out (as in test_saetze)."""
    _edit_every_file(inputs, _leave_out_optional)
    return inputs


def test_an_empty_section_makes_a_sound_agreement_from_sparse_inputs(sparse):
    """Every optional field left out, then the section added back with nothing in it."""
    sparse.write("netzwerk.yaml", sparse.text("netzwerk.yaml") + "\nkooperationsvereinbarung: {}\n")
    agreement = sparse.check().concept.agreement
    for document in (render_agreement(agreement), render_consent_form(agreement)):
        assert flaws(document.body_html) == []
        assert empty_headings(document.body_html) == []
    text = text_of(root_of(render_agreement(agreement).body_html))
    assert "mit der Unterzeichnung in Kraft" in text and "Sie gilt unbefristet." in text
    assert "mit einer Frist von drei Monaten" in text


# --- the consent form ----------------------------------------------------------------------------


def test_the_form_offers_every_actor_outside_the_administration(concept, raw_inputs):
    root = root_of(render_consent_form(concept.agreement).body_html)
    boxes = [unboxed(li) for li in root.xpath("(//div[@class='ankreuzen'])[1]//li")]
    actors = [a for a in raw_inputs["akteure.yaml"]["akteure"] if a["sektor"] != "Verwaltung"]
    assert [b.removesuffix(", Name:") for b in boxes[:-1]] == [a["name"] for a in actors]
    assert boxes[-1] == "Weitere Stelle:"
    for actor, box in zip(actors, boxes, strict=False):
        assert box.endswith("Name:") == (actor["organisationsform"] != "Institution")
    data = [unboxed(li) for li in root.xpath("(//div[@class='ankreuzen'])[2]//li")]
    assert data[:-1] == [
        "Name, Anschrift und Telefonnummer",
        "Name und Geburtsdatum des Kindes oder der errechnete Geburtstermin",
        "Anlass der Vermittlung und die gewünschte Unterstützung",
        "Rückmeldung, ob der Kontakt zustande gekommen ist",
    ]


def test_the_form_of_the_stadt_names_its_places_and_data():
    section = raw(NEUHAFEN)["netzwerk.yaml"]["kooperationsvereinbarung"]["einverstaendniserklaerung"]
    names = {a["id"]: a["name"] for a in raw(NEUHAFEN)["akteure.yaml"]["akteure"]}
    agreement = check_folder(NEUHAFEN).concept.agreement
    root = root_of(render_consent_form(agreement).body_html)
    boxes = [unboxed(li).removesuffix(", Name:") for li in root.xpath("(//div[@class='ankreuzen'])[1]//li")]
    assert sorted(boxes[:-1]) == sorted(names[i] for i in section["stellen"])
    data = [unboxed(li) for li in root.xpath("(//div[@class='ankreuzen'])[2]//li")]
    assert data[:-1] == section["angaben"]
    text = text_of(root)
    assert " ".join(section["speicherdauer"].split()) in text
    assert "Datenschutzaufsichtsbehörde des Landes Hessen" in text


def test_the_form_tells_parents_their_rights(concept):
    text = text_of(root_of(render_consent_form(concept.agreement).body_html))
    assert "jederzeit ganz oder teilweise widerrufen" in text
    assert "Die Einwilligung ist freiwillig." in text
    assert "Sie werden vorher darauf hingewiesen" in text  # § 4 Abs. 3 KKG
    contact = " ".join(
        raw(EXAMPLE)["netzwerk.yaml"]["kooperationsvereinbarung"]["einverstaendniserklaerung"][
            "datenschutzkontakt"
        ].split()
    )
    assert f"Fragen zum Datenschutz: {contact}" in text


def test_without_the_form_the_agreement_names_no_annex_3(inputs):
    inputs.replace(
        "netzwerk.yaml", "  einverstaendniserklaerung:\n", "  einverstaendniserklaerung:\n    erzeugen: nein\n"
    )
    concept = inputs.check().concept
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert "Anlage 3" not in text and "Vordruck" not in text
    documents = render_products(concept, [AGREEMENT.key]).attachments
    assert sorted(documents) == ["kooperationsvereinbarung"]


# --- without the section, in papers, on the command line ----------------------------------------


def test_without_the_section_there_is_no_agreement(inputs):
    _with_section(inputs, "")
    inputs.edit_paper(
        "jha-2026-030-gesamtkonzept.yaml", lambda p: p["anlagen"].remove({"erzeugt": "kooperationsvereinbarung"})
    )
    concept = inputs.check().concept
    assert concept.agreement is None
    rendered = render_products(concept, [p.key for p in PRODUCTS])
    assert not {"kooperationsvereinbarung", "einverstaendniserklaerung"} & set(rendered.attachments)
    assert not [d for d in rendered.documents if d.folder == AGREEMENT.folders[0]]


@pytest.mark.parametrize("kind", ["kooperationsvereinbarung", "einverstaendniserklaerung"])
def test_a_paper_cannot_attach_what_is_not_made(inputs, kind):
    _with_section(inputs, "")
    inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", lambda p: p["anlagen"].append({"erzeugt": kind}))
    problems = [p for p in inputs.problems() if "anlagen" in p]
    assert len(problems) >= 1
    assert all("vorlagen/jha-2026-030-gesamtkonzept.yaml" in p and ".erzeugt" in p for p in problems)


def test_a_paper_attaches_the_agreement_as_the_plan(concept):
    rendered = render_products(concept, ["vorlagen"])
    assert (
        rendered.attachments["kooperationsvereinbarung"].path(".pdf")
        == f"kooperationsvereinbarung/{AGREEMENT_STEM}.pdf"
    )
    assert "einverstaendniserklaerung" not in rendered.attachments  # no paper asks for it
    paper = next(p for p in rendered.papers if p.view.paper.number == "JHA/2026/030")
    items = [
        text_of(li)
        for li in root_of(paper.document.body_html).xpath("//h1[@id='anlagen']/following-sibling::ol[1]/li")
    ]
    assert "Kooperationsvereinbarung Netzwerk Frühe Hilfen (PDF)" in items


def test_nur_kooperationsvereinbarung_needs_the_section(tmp_path, example_copy):
    path = example_copy / "netzwerk.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("kooperationsvereinbarung:\n")], encoding="utf-8")
    for paper in (example_copy / "vorlagen").glob("*.yaml"):
        paper.write_text(
            paper.read_text(encoding="utf-8").replace("    - erzeugt: kooperationsvereinbarung\n", ""),
            encoding="utf-8",
        )
    result = CliRunner().invoke(
        main, ["build", str(example_copy), "-o", str(tmp_path / "aus"), "--nur", AGREEMENT.key]
    )
    assert result.exit_code == 1, result.output
    assert "netzwerk.yaml" in result.output and "Ohne den Abschnitt 'kooperationsvereinbarung'" in result.output
    assert not (tmp_path / "aus").exists() or not any((tmp_path / "aus").rglob("*.pdf"))


# --- warnings ------------------------------------------------------------------------------------


def _warned(inputs, rule_text: str) -> list:
    return [w for w in inputs.warnings() if w.level == WARNING and rule_text in w.message]


def test_a_freelance_group_without_traeger_warns_and_does_not_sign(inputs):
    inputs.replace(
        "netzwerk.yaml", "    - planung\n  vertretungen:", "    - planung\n    - kinderaerzte\n  vertretungen:"
    )
    warned = _warned(inputs, "kann niemand unterzeichnen")
    assert len(warned) == 1
    assert warned[0].where.file == "netzwerk.yaml" and warned[0].where.field.startswith(
        "kooperationsvereinbarung.unterzeichnende["
    )
    assert "vertretungen" in warned[0].suggestion
    agreement = inputs.check().concept.agreement
    assert "kinderaerzte" in {a.id for a in agreement.not_signing}


def test_a_representation_of_an_actor_who_does_not_sign_warns(inputs):
    inputs.replace("netzwerk.yaml", "    - hebammen\n    - familienhebammen", "    - familienhebammen")
    assert len(_warned(inputs, "die Vertretung bleibt ohne Wirkung")) == 1


def test_an_organiser_named_otherwise_in_the_traeger_list_warns(inputs):
    inputs.replace("akteure.yaml", "    name: Landkreis Musterkreis\n", "    name: Kreisverwaltung Musterkreis\n")
    warned = _warned(inputs, "als zwei Parteien")
    assert len(warned) == 1 and warned[0].where.file == "akteure.yaml"
    parties = inputs.check().concept.agreement.parties
    assert [p.name for p in parties[:1]] == ["Landkreis Musterkreis"] and not parties[0].actors


def test_the_examples_raise_no_warning_about_the_agreement(inputs):
    assert not [
        w for w in inputs.warnings() if "kooperationsvereinbarung" in w.where.field or "Parteien" in w.message
    ]


def test_duplicates_in_the_section_are_errors(inputs):
    inputs.replace("netzwerk.yaml", "    - planung\n  vertretungen:", "    - planung\n    - asd\n  vertretungen:")
    assert any("nur einmal unter 'unterzeichnende'" in p for p in inputs.problems())


# --- the built files -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def agreement_files(built) -> dict[str, Path]:
    folder = built / AGREEMENT.folders[0]
    return {
        f"{stem}{suffix}": folder / f"{stem}{suffix}"
        for stem in (AGREEMENT_STEM, CONSENT_STEM)
        for suffix in (".docx", ".pdf")
    }


def test_the_build_writes_agreement_and_form_in_their_folder(agreement_files, built):
    for path in agreement_files.values():
        assert path.is_file() and path.stat().st_size > 5_000
    assert sorted(p.name for p in (built / AGREEMENT.folders[0]).iterdir()) == sorted(agreement_files)


def test_word_has_every_section_and_a_signature_block_per_party(agreement_files, raw_inputs):
    document = Document(str(agreement_files[f"{AGREEMENT_STEM}.docx"]))
    headings = [  # '§ 1' is bound by a no-break space in the document
        p.text.replace("\u00a0", " ")
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]
    assert headings[0] == "Präambel" and "Unterschriften" in headings
    assert [h for h in headings if h.startswith("§")][:6] == [
        "§ 1 Gegenstand und Ziele",
        "§ 2 Grundsätze der Zusammenarbeit",
        "§ 3 Organisation und Koordination",
        "§ 4 Beiträge der Partnerinnen und Partner",
        "§ 5 Zusammenarbeit und Abstimmungswege",
        "§ 6 Datenschutz und Schweigepflicht",
    ]
    assert headings[-2:] == [
        "Anlage 1: Beiträge der Partnerinnen und Partner",
        "Anlage 2: Netzwerkgremien und Abstimmungswege",
    ]
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Unterschriften")
    end = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Anlage 1:"))
    signatures = paragraphs[start:end]
    parties = expected_parties(raw_inputs)
    names = [
        p.text.split("\n")[0]
        for p in signatures
        if p.runs and p.runs[0].bold and p.text.split("\n")[0] in dict(parties)
    ]
    assert names == [name for name, _ in parties]
    labels = [p.text for p in signatures if p.style.name.startswith("Feldbezeichnung")]
    assert labels == ["Ort, Datum", "Unterschrift", "Name in Druckbuchstaben, Funktion"] * len(parties)
    # each block keeps together: every paragraph keeps with the next but the last label
    for paragraph in signatures:
        if paragraph.style.name == "Feldbezeichnung Ende":
            assert paragraph.style.paragraph_format.keep_with_next is False
        elif paragraph.style.name in ("Zusammenhalten", "Ausfüllzeile", "Feldbezeichnung"):
            assert paragraph.style.paragraph_format.keep_with_next is True


def pdf_pages(path: Path) -> list[str]:
    """The text of each page; typst's hyphen after a word part ('Erziehungs- und') comes back as
    a soft hyphen."""
    return [page.extract_text().replace("\xad", "-") for page in PdfReader(str(path)).pages]


def test_pdf_names_every_party_and_never_splits_a_signature_block(agreement_files, raw_inputs):
    pages = pdf_pages(agreement_files[f"{AGREEMENT_STEM}.pdf"])
    assert len(pages) >= 8
    text = " ".join(" ".join(pages).split())
    parties = dict(expected_parties(raw_inputs))
    for name, actors in parties.items():
        assert name in text
        for actor in actors:
            assert actor in text
    first = next(i for i, p in enumerate(pages) if "Jede Partnerin und jeder Partner unterzeichnet für sich" in p)
    annex = next(
        i for i, p in enumerate(pages) if i > first and "Anlage 1: Beiträge der Partnerinnen und Partner" in p
    )
    seen = 0
    for page in pages[first:annex]:  # Anlage 1 begins on a page of its own
        names = sum(1 for line in page.splitlines() if " ".join(line.split()) in parties)
        assert names == page.count("Name in Druckbuchstaben, Funktion") == page.count("Ort, Datum"), page
        seen += names
    assert seen == len(parties)


def test_both_pdfs_are_tagged_with_title_and_language(agreement_files):
    for stem, title in (
        (AGREEMENT_STEM, "Kooperationsvereinbarung Netzwerk Frühe Hilfen"),
        (CONSENT_STEM, "Einverständniserklärung und Schweigepflichtentbindung"),
    ):
        reader = PdfReader(str(agreement_files[f"{stem}.pdf"]))
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "de-DE" and "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
        assert reader.metadata.title.startswith(title)


def test_the_form_in_word_and_pdf_has_boxes_to_tick(agreement_files, raw_inputs):
    places = [a["name"] for a in raw_inputs["akteure.yaml"]["akteure"] if a["sektor"] != "Verwaltung"]
    document = Document(str(agreement_files[f"{CONSENT_STEM}.docx"]))
    boxes = [" ".join(p.text.split()) for p in document.paragraphs if p.style.name == "Ankreuzfeld"]
    assert all(b.startswith("☐ ") for b in boxes)
    for place in places:
        assert any(b.startswith(f"☐ {place}") for b in boxes), place
    pdf = " ".join(" ".join(pdf_pages(agreement_files[f"{CONSENT_STEM}.pdf"])).split())
    for place in places:
        assert place in pdf
    assert pdf.count("☐") == len(boxes)
