"""The Kooperationsvereinbarung and the consent form for parents (netzwerk.yaml,
'kooperationsvereinbarung').

Parties, contributions and dates are recomputed here from the YAML as written, not taken from
the model; the rendered HTML is read the way a reader meets it. Nobody signs for what is not
theirs: groups of several Träger and freelancers accede one by one (Beitrittserklärung). The
slow tests open the Word and PDF files of the example's build: a heading per section, one
signature block per party, never split across two pages, and the PDFs tagged.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import get_args

import lxml.html
import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_TAB_LEADER
from docx.oxml.ns import nsmap, qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from pipeline.build import check_folder
from pipeline.cli import main
from pipeline.findings import WARNING
from pipeline.formatting import NB_HYPHEN, count, enumeration_of_names
from pipeline.model.norms import NORMS_BY_CITATION
from pipeline.model.procedure import procedure_for, table
from pipeline.model.supervision import AUTHORITIES
from pipeline.model.types import State
from pipeline.products import AGREEMENT, PRODUCTS
from pipeline.render import concept_chapters, render_agreement, render_consent_form, render_products

from .conftest import EXAMPLE, ROOT, with_violence_advice
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
    signs for its actors, a representation for the actor it names, a single institution without
    either for itself; freelancers, volunteers and groups of institutions of several Träger
    ('einzelbeitritt', or several institutions without a Träger) without either do not sign."""
    section = data["netzwerk.yaml"]["kooperationsvereinbarung"] or {}
    organisations = {o["id"]: o["name"] for o in data["akteure.yaml"].get("traeger", [])}
    represented = {r["akteur"]: r["durch"] for r in section.get("vertretungen", [])}
    named = section.get("unterzeichnende")
    one_by_one = section.get("einzelbeitritt", [])
    organiser = data["kommune.yaml"]["kommune"]["traeger"]
    groups: dict[str, list[str]] = {organiser: []}
    for actor in data["akteure.yaml"]["akteure"]:
        if named and actor["id"] not in named:
            continue
        by = represented.get(actor["id"]) or actor.get("traeger")
        if by:
            groups.setdefault(organisations[by], []).append(actor["name"])
        elif (
            actor["organisationsform"] == "Institution"
            and actor["id"] not in one_by_one
            and actor.get("anzahl_einrichtungen", 1) == 1  # several without a Träger accede one by one
        ):
            groups.setdefault(actor["name"], []).append(actor["name"])
    return list(groups.items())


def accession_groups(data: dict[str, dict]) -> list[dict]:
    """The actors whose institutions, practices or members accede one by one: those named under
    'einzelbeitritt', and freelancers and volunteers without a Träger (an association that signs
    for them represents the profession and binds nobody)."""
    section = data["netzwerk.yaml"]["kooperationsvereinbarung"] or {}
    named = section.get("einzelbeitritt", [])
    return [
        a
        for a in data["akteure.yaml"]["akteure"]
        if a["id"] in named or (a["organisationsform"] != "Institution" and not a.get("traeger"))
    ]


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
    """The signature blocks of the parties: before Anlage 1 (the Beitrittserklärung has its own)."""
    return root_of(html).xpath(
        "//div[contains(@class, 'zusammenhalten') and contains(@class, 'abstand')]"
        "[following::h1[@id='anlage-beitraege']]"
    )


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


def _signers(raw_inputs, name: str) -> int:
    """How many sign together for the party of that name (akteure.yaml: 'traeger[].unterschriften')."""
    found = [t.get("unterschriften", 1) for t in raw_inputs["akteure.yaml"]["traeger"] if t["name"] == name]
    return found[0] if found else 1


def test_the_table_of_parties_and_a_signature_block_per_party(concept, raw_inputs):
    html = render_agreement(concept.agreement).body_html
    parties = expected_parties(raw_inputs)
    table = root_of(html).xpath("//table[caption='Partnerinnen und Partner der Vereinbarung']")[0]
    rows = [[text_of(c) for c in row.xpath("td")] for row in table.xpath(".//tbody/tr")]
    assert [r[1].removesuffix(" (organisiert das Netzwerk)") for r in rows] == [name for name, _ in parties]
    for row, (name, actors) in zip(rows, parties, strict=True):
        # names after the first run on in lower case ('…; ehrenamtliche Familienpatinnen und -paten')
        assert row[2].lower() == (
            "die eigene Einrichtung" if actors == [name] else "; ".join(actors) if actors else "–"
        ).lower() or (
            # the association of the midwives signs for itself and promotes their accession
            row[2]
            == "die eigene Organisation. Wirbt bei den Angehörigen der Gruppe „Freiberufliche Hebammen“ für den Beitritt "
            "mit eigener Unterschrift."
        )
    blocks = signature_blocks(html)
    assert len(blocks) == len(parties)
    place = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["ort"]
    for block, (name, actors) in zip(blocks, parties, strict=True):
        assert text_of(block.xpath(".//strong")[0]) == name
        labels = [text_of(p) for p in block.xpath(".//div[@class='feld']/p[last()]")]
        # a line for each who signs together (Lebenshilfe: two board members)
        assert labels == ["Ort, Datum", "Unterschrift", "Name in Druckbuchstaben, Funktion"] * _signers(
            raw_inputs, name
        )
        assert ("gemeinsam vertretungsberechtigte Personen" in text_of(block)) == (_signers(raw_inputs, name) > 1)
        # the place is printed only where the Jugendamt signs; partners may sign elsewhere
        first = text_of(block.xpath(".//div[@class='feld']/p[1]")[0])
        assert first == (f"{place}, den" if name == parties[0][0] else "Ort, Datum")
        signed_for = text_of(block)
        own = actors == [name]
        # the organiser too names what it signs for (its own offices: ASD, Gesundheitsamt …)
        assert ("Unterzeichnet für:" in signed_for) == bool(actors)
        assert (
            "Unterzeichnet für: die eigene Einrichtung" in signed_for
        ) == own  # the Jobcenter, without a Träger
        for actor in actors if not own else []:  # after the first as inside a line ('… und ehrenamtliche …')
            assert actor in signed_for or actor[:1].lower() + actor[1:] in signed_for
    # the sentence under the heading stays with the first block, never alone at a page's end
    assert "Jede Partnerin und jeder Partner unterzeichnet für sich" in text_of(blocks[0])


# --- the municipality signs in the form its Land prescribes ------------------------------------


def _organiser_block(inputs, state: str, kind: str, title: str) -> lxml.html.HtmlElement:
    """The municipality's signature block with the example moved into another Land and kind."""

    def municipality(data):
        data["kommune"].update(bundesland=state, art=kind)
        data["kommune"]["verwaltungsspitze"]["amtsbezeichnung"] = title

    concept = inputs.edit("kommune.yaml", municipality).check().concept
    return signature_blocks(render_agreement(concept.agreement).body_html)[0]


def _signature_rows(block: lxml.html.HtmlElement) -> list[list[str]]:
    return [
        [text_of(p) for p in row.xpath("./div[@class='feld']/p")] for row in block.xpath(".//div[@class='felder']")
    ]


#: What the Kommunalverfassungen demand of a declaration that obliges the municipality, read in
#: the laws (the table's sources): how many sign, and what else the form asks for.
FORMS = [
    # § 71 Abs. 2 HGO: Oberbürgermeister or allgemeiner Vertreter and one more member of the
    # Magistrat, by hand, with the Dienstsiegel
    ("Hessen", "kreisfreie Stadt", "Oberbürgermeisterin", 2, ("handschriftlich", "Dienstsiegel", "Magistrats")),
    # § 57 Abs. 2 BbgKVerf (via § 131): the Hauptverwaltungsbeamte and a Stellvertretung nach § 56
    ("Brandenburg", "Landkreis", "Landrätin", 2, ("§ 56 i. V. m. § 131 Abs. 1 BbgKVerf",)),
    # § 86 Abs. 2 NKomVG: the Hauptverwaltungsbeamte alone, by hand or with a qualified electronic
    # signature (a simple one does not bind the Kreis)
    ("Niedersachsen", "Landkreis", "Landrätin", 1, ("handschriftlich", "qualifizierter elektronischer Signatur")),
    # § 64 GO NRW since 2025: Textform, the Bürgermeister or the Vertretung im Amt
    # § 64 Abs. 2: staff signing on a power of attorney in that form (NRW review of a kreisangehörige Stadt)
    (
        "Nordrhein-Westfalen",
        "kreisfreie Stadt",
        "Oberbürgermeisterin",
        1,
        (
            "Textform",
            "Vertretung im Amt",
            "Vollmacht auch Beschäftigte; für ihre Unterschrift gilt die Form nicht",
        ),
    ),
    # Art. 38 Abs. 2 GO: with the Amtsbezeichnung; Satz 3: staff on a power of attorney (Bavarian city review)
    (
        "Bayern",
        "kreisfreie Stadt",
        "Oberbürgermeisterin",
        1,
        (
            "Amtsbezeichnung",
            "Unterzeichnen können auf Grund einer Vollmacht in dieser Form auch Gemeindebedienstete (Art. 38 Abs. 2 "
            "Satz 3 GO).",
        ),
    ),
    # § 60 Abs. 2 SächsGemO, § 54 Abs. 2 GemO BW, § 73 Abs. 2 KVG LSA: in the head's stead also two
    # officials together (the form said only 'In Vertretung'; research on the three laws), with a line
    # for the second signature (review in Sachsen-Anhalt: there was nowhere to sign)
    (
        "Sachsen",
        "kreisfreie Stadt",
        "Oberbürgermeisterin",
        2,
        (
            "Namen darunter (§ 60 Abs. 3 SächsGemO); vertreten können auch zwei vertretungsberechtigte Bedienstete gemeinsam "
            "(§ 60 Abs. 2 SächsGemO).",
        ),
    ),
    (
        "Baden-Württemberg",
        "kreisfreie Stadt",
        "Oberbürgermeisterin",
        2,
        ("zwei vertretungsberechtigte Gemeindebedienstete gemeinsam (§ 54 Abs. 2 GemO)",),
    ),
    (
        "Sachsen-Anhalt",
        "Landkreis",
        "Landrätin",
        2,
        (
            "zwei vertretungsberechtigte Beschäftigte gemeinsam (§ 73 Abs. 2 KVG LSA)",
            # and the vertretungsberechtigte Beigeordnete § 73 Abs. 2 names (review of a Landkreis in Sachsen-Anhalt)
            "Landrätin, Stellvertretung oder vertretungsberechtigte Beigeordnete (oder eine oder einer von zwei "
            "vertretungsberechtigten Beschäftigten):",
            "Nur wenn zwei vertretungsberechtigte Beschäftigte gemeinsam unterzeichnen: die oder der zweite:",
        ),
    ),
    # § 43 Abs. 1 Satz 2 LKO: also a ständiger Vertreter, with the Amtsbezeichnung; „In Vertretung“ after
    # VV Nr. 4 zu § 41 LKO (review of a Landkreis in Rheinland-Pfalz)
    (
        "Rheinland-Pfalz",
        "Landkreis",
        "Landrätin",
        1,
        ("Landrätin, allgemeine Vertretung oder ständige Vertretung:", "(VV Nr. 4 zu § 41 LKO)"),
    ),
]


@pytest.mark.parametrize(
    ("state", "kind", "title", "signatures", "words"), FORMS, ids=[f"{f[0]}-{f[1]}" for f in FORMS]
)
def test_the_municipality_signs_in_the_form_its_land_prescribes(inputs, state, kind, title, signatures, words):
    block = _organiser_block(inputs, state, kind, title)
    text = text_of(block)
    rows = _signature_rows(block)
    assert len(rows) == signatures, text
    # under each signature the Amtsbezeichnung where the law asks for it (VV Nr. 1 zu § 43 LKO RP: „nur
    # die gesetzlich vorgeschriebene Amtsbezeichnung“; review of a Landkreis there), else the Funktion
    rule = procedure_for(state, kind).binding_declaration
    label = f"Name in Druckbuchstaben, {'Amtsbezeichnung' if rule.official_title else 'Funktion'}"
    # Art. 38 Abs. 2 GO Bayern: „unter Angabe der Amtsbezeichnung“; § 86 Abs. 2 NKomVG asks for none
    assert label.endswith(
        {"Bayern": "Amtsbezeichnung", "Rheinland-Pfalz": "Amtsbezeichnung", "Niedersachsen": "Funktion"}.get(
            state, ""
        )
    )
    assert all("Unterschrift" in row and row[-1] == label for row in rows)
    # the head of the administration is printed on the first line only, by name and title
    assert rows[0][-2:] == [f"Dr. Anna Berger, {title}", label]
    assert all("Dr. Anna Berger" not in " ".join(row) for row in rows[1:])
    # the rule names its law; who signs is said by the title of the head in office, who is named
    # (not 'Landrätin oder Landrat:' above 'Dr. Anna Berger, Landrätin')
    assert re.search(r"Form nach (§|Art\.) \d+", text)
    both = {
        "Landrätin": "Landrätin oder Landrat",
        "Oberbürgermeisterin": "Oberbürgermeisterin oder Oberbürgermeister",
    }
    assert both[title] not in text and f"{title}" in text.split("Form nach", 1)[1]
    for word in words:
        assert word in text, (word, text)
    # the partners still sign as their Träger is represented: once each, the Lebenshilfe twice
    rows = [len(_signature_rows(b)) for b in signature_blocks_of(inputs)[1:]]
    assert rows.count(2) == 1 and set(rows) == {1, 2}


def test_without_a_named_head_the_signature_names_both_titles(inputs):
    inputs.edit("kommune.yaml", lambda data: data["kommune"].pop("verwaltungsspitze"))
    text = text_of(signature_blocks_of(inputs)[0])
    assert "Landrätin oder Landrat" in text and "Dr. Anna Berger" not in text


def signature_blocks_of(inputs) -> list[lxml.html.HtmlElement]:
    return signature_blocks(render_agreement(inputs.check().concept.agreement).body_html)


def test_without_a_rule_the_municipality_signs_once_like_everyone(inputs):
    """Schleswig-Holstein: no source for its rule was found, so the table has none; and a Träger
    other than the municipality organising the network signs under its own law, not the Land's."""
    block = _organiser_block(inputs, "Schleswig-Holstein", "Landkreis", "Landrätin")
    assert "Form nach" not in text_of(block) and len(_signature_rows(block)) == 1
    assert _signature_rows(block)[0][-1] == "Name in Druckbuchstaben, Funktion"  # nothing printed on it
    inputs.replace(
        "kommune.yaml", "  traeger: Landkreis Musterkreis\n", "  traeger: Jugendhilfeverband Musterkreis\n"
    )
    block = signature_blocks_of(inputs)[0]
    assert text_of(block.xpath(".//strong")[0]) == "Jugendhilfeverband Musterkreis"
    assert "Form nach" not in text_of(block) and len(_signature_rows(block)) == 1


def test_every_rule_cites_its_law_and_names_who_signs():
    rules = [(p, p.binding_declaration) for p in table().procedures if p.binding_declaration is not None]
    assert {p.state for p, _ in rules} >= set(get_args(State)) - {
        "Berlin",
        "Bremen",
        "Hamburg",
        "Schleswig-Holstein",
    }
    for procedure, rule in rules:
        assert re.match(r"(§|Art\.) \d+", rule.legal_basis) and rule.source.startswith("http"), procedure
        assert rule.verified or rule.note, procedure  # an unchecked rule says what it rests on
        roles = rule.roles(procedure.head)
        assert roles[0].startswith(procedure.head.pair) and "{" not in " ".join(roles), roles
        assert rule.requirements.startswith(f"Form {rule.after_form}: ")
        # a Gemeinde's rule applied to a Landkreis says so (Saarland review: § 62 KSVG cited as the Kreis' law)
        assert rule.after_form.startswith("entsprechend ") == rule.analogous


def test_without_a_list_every_institution_and_every_group_with_a_traeger_signs(inputs):
    _with_section(inputs, "kooperationsvereinbarung: {}\n")
    data = {name: yaml.safe_load(inputs.text(name)) for name in ("kommune.yaml", "akteure.yaml", "netzwerk.yaml")}
    agreement = inputs.check().concept.agreement
    assert [(p.name, [a.name for a in p.actors]) for p in agreement.parties] == expected_parties(data)
    freelance = [a["name"] for a in data["akteure.yaml"]["akteure"] if a["organisationsform"] == "freiberuflich"]
    # no Träger, no association; and the 74 Kitas without a common Träger (code review)
    many = [
        a["name"]
        for a in data["akteure.yaml"]["akteure"]
        if a["organisationsform"] == "Institution"
        and not a.get("traeger")
        and a.get("anzahl_einrichtungen", 1) > 1
    ]
    assert freelance and many and {a.name for a in agreement.not_signing} == {*freelance, *many}
    volunteers = [p for p in agreement.parties for a in p.actors if a.organisation_form != "Institution"]
    assert volunteers and all(not p.own for p in volunteers)  # they sign through their Träger


def test_those_who_do_not_sign_are_named_and_may_join(concept, raw_inputs):
    named = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["unterzeichnende"]
    outside = [a["name"] for a in raw_inputs["akteure.yaml"]["akteure"] if a["id"] not in named]
    assert outside
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert "können der Vereinbarung beitreten, indem sie die Beitrittserklärung (Anlage 3) unterzeichnen" in text
    clause = text[text.index("tritt jede Einrichtung, Praxis oder Person einzeln mit eigener Unterschrift bei") :]
    clause = clause[: clause.index(".") + 1]
    small = [f"{n[0].lower()}{n[1:]}" for n in outside]  # 'freiberufliche Hebammen' inside the sentence
    for name, lowered in zip(outside, small, strict=True):  # in the example, every one accedes one by one
        assert name in clause or lowered in clause
    for group in accession_groups(raw_inputs):
        assert group["name"] in clause or f"{group['name'][0].lower()}{group['name'][1:]}" in clause
    assert "Kindertagesstätten und Familienzentren" in clause  # two nouns: written as they are


def test_a_group_of_several_traeger_and_a_profession_accede_one_by_one():
    """Neuhafen: the Stadt signs only for the Familienzentren it runs itself, the midwives'
    association only as the profession's representative; both groups get a box on the
    Beitrittserklärung, and the paths that start with them are recommendations."""
    data = raw(NEUHAFEN)
    settings = data["netzwerk.yaml"]["kooperationsvereinbarung"]
    agreement = check_folder(NEUHAFEN).concept.agreement
    html = render_agreement(agreement).body_html
    root = root_of(html)
    rows = {
        text_of(r.xpath("td")[1]).removesuffix(" (organisiert das Netzwerk)"): text_of(r.xpath("td")[2])
        for r in root.xpath("//table[caption='Partnerinnen und Partner der Vereinbarung']//tbody/tr")
    }
    names = {a["id"]: a["name"] for a in data["akteure.yaml"]["akteure"]}
    organisations = {o["id"]: o["name"] for o in data["akteure.yaml"]["traeger"]}
    for representation in settings["vertretungen"]:
        # names after the first run on in lower case ('…; freiberufliche Hebammen')
        signed_for = rows[organisations[representation["durch"]]]
        name = names[representation["akteur"]]
        actor = name if name in signed_for else name[:1].lower() + name[1:]
        if representation["akteur"] in settings["einzelbeitritt"]:
            assert (
                f"{actor} (nur die Einrichtungen in eigener Trägerschaft; die übrigen treten einzeln bei)"
                in signed_for
            )
        else:
            # a profession: not 'Unterzeichnet für: Freiberufliche Hebammen (ohne die Einzelnen zu
            # binden …)', which contradicted itself; the association promotes their accession
            assert name not in signed_for.split(". ")[0].split("; ")
            # a sentence of its own, not after 'Unterzeichnet für:' (a re-check: it broke the syntax)
            assert signed_for.endswith(
                f". Wirbt bei den Angehörigen der Gruppe „{name}“ für den Beitritt mit eigener Unterschrift."
            )
    # Anlage 3: one box per group that accedes one by one, then one for anyone else
    annex = root.xpath("//h1[@id='anlage-beitritt']")[0]
    boxes = [unboxed(li) for li in annex.xpath("following::div[@class='ankreuzen'][1]//li")]
    assert boxes[:-1] == [g["name"] for g in accession_groups(data)]
    # anyone else describes what it brings in (no part of Anlage 1 is theirs; legal review)
    assert boxes[-1] == "Weitere Einrichtung oder weiterer Dienst (Beitrag bitte beschreiben):"
    assert text_of(annex).startswith("Anlage 3: Beitrittserklärung")
    # a Kita cannot sign: whoever may represent its Träger does (legal review)
    assert "Für eine Einrichtung unterschreibt, wer ihren Träger vertreten darf" in text_of(root)
    # the Familienzentren's part in Anlage 1 says who signs for which of them
    part = text_of(section(html, names["familienzentren"]))
    assert "Die Unterschrift gilt nur für die Einrichtungen in eigener Trägerschaft" in part


@pytest.mark.parametrize("folder", [EXAMPLE, NEUHAFEN], ids=["musterkreis", "neuhafen"])
def test_paths_of_those_not_bound_are_recommendations(folder):
    """A signature binds a Träger's own institutions; a path that starts with a group that
    accedes one by one, or with someone who does not sign, is marked as a recommendation."""
    data = raw(folder)
    bound = {
        a["id"]
        for a in data["akteure.yaml"]["akteure"]
        if a["name"] in {n for _, actors in expected_parties(data) for n in actors}
    } - {g["id"] for g in accession_groups(data)}
    names = {a["id"]: a["name"] for a in data["akteure.yaml"]["akteure"]}
    agreement = check_folder(folder).concept.agreement
    root = root_of(render_agreement(agreement).body_html)
    senders = [
        text_of(r.xpath("td")[0]) for r in root.xpath("//table[starts-with(caption,'Vereinbarte')]//tbody/tr")
    ]
    expected = [
        names[w["von"]] + ("" if w["von"] in bound else " (Empfehlung)")
        for w in data["netzwerk.yaml"]["abstimmungswege"]
    ]
    assert senders == expected
    assert any(s.endswith("(Empfehlung)") for s in senders)
    assert "sind als „Empfehlung“ gekennzeichnet" in text_of(root)


def test_the_concept_says_who_is_to_sign(concept, raw_inputs):
    named = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["unterzeichnende"]
    parties = expected_parties(raw_inputs)
    chapter = next(html for name, html in concept_chapters(concept).items() if name.endswith("_netzwerk.html.j2"))
    text = text_of(root_of(chapter))
    section = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]
    one_by_one = set(section.get("einzelbeitritt", [])) | {v["akteur"] for v in section.get("vertretungen", [])}
    actors = {a["id"]: a for a in raw_inputs["akteure.yaml"]["akteure"]}
    # a signature binds what is signed for as a whole: not a group whose members accede one by one
    bound = [
        n
        for n in named
        if n not in one_by_one and (actors[n]["organisationsform"] == "Institution" or actors[n].get("traeger"))
    ]
    assert (
        f"Unterzeichnen sollen die neue Vereinbarung {count(len(parties), 'Organisation', 'Organisationen', 'eine')}; "
        f"ihre Unterschriften binden {len(bound)} der {len(actors)} Akteure des Netzwerks" in text
    )
    # groups named already as acceding now are not named again
    assert "Ebenfalls einzeln beitretend (jede Einrichtung, Praxis oder Person unterschreibt selbst):" in text
    # an association that signs for a profession binds none of its members: said, not counted
    association = next(p for p in concept.agreement.partners if p.name.startswith("Hebammenverband"))
    assert association in concept.agreement.binding_none
    assert (
        # 'zusätzlich' read as a second signature beside another for them (network coordinator's review); 'für'
        # as on their behalf, which the binding denied (Lektorat)
        # nor 'Die Berufsvertretung': Neuhafen's Hebammennetz running a Hebammenzentrale is none (review)
        # the name with its article where it can be declined, not in quotes (Lektorat)
        "Mitunterzeichnet wird die Vereinbarung vom Hebammenverband Niedersachsen e. V. (Kreisgruppe Musterkreis). "
        "Diese Unterschrift verpflichtet niemanden einzeln; freiberufliche Hebammen treten selbst bei." in text
    )


# --- contributions -------------------------------------------------------------------------------


def test_each_partner_contributes_what_the_yaml_says(concept, raw_inputs):
    """Anlage 1: for each actor the measures it leads and takes part in (numbered as in the
    concept) while the agreement is in force – not those finished or ended before it starts, and
    those that end later with their end –, the network bodies it chairs or sits in and its
    hours, read from the YAML."""
    html = render_agreement(concept.agreement).body_html
    every = raw_inputs["massnahmen.yaml"]["massnahmen"]
    number = {m["id"]: f"M{i}" for i, m in enumerate(every, start=1)}
    start = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["beginn"]
    measures = [
        m
        for m in every
        if m["status"] != "abgeschlossen" and (m["zeitraum"].get("bis") is None or m["zeitraum"]["bis"] >= start)
    ]
    left_out = [m for m in every if m not in measures]
    assert left_out, "the example has measures that end before the agreement starts"
    for m in left_out:
        assert f"{number[m['id']]} {m['titel']}" not in html

    def label(m: dict) -> str:
        # a planned measure says so and from when (review from the signers' side)
        end = m["zeitraum"].get("bis")
        note = f"geplant ab {m['zeitraum']['von']:%d.%m.%Y}" if m["status"] == "geplant" else ""
        if end:
            note = f"{note} bis {end:%d.%m.%Y}".strip()
        return f"{number[m['id']]} {m['titel']}" + (f" ({note})" if note else "")

    bodies = raw_inputs["netzwerk.yaml"]["netzwerkgremien"]
    named = raw_inputs["netzwerk.yaml"]["kooperationsvereinbarung"]["unterzeichnende"]
    checked = 0
    for actor in raw_inputs["akteure.yaml"]["akteure"]:
        if actor["id"] not in named:
            continue
        part = text_of(section(html, actor["name"]))
        led = [label(m) for m in measures if m["federfuehrung"] == actor["id"]]
        joined = [
            label(m)
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
        if meetings:  # 'zusammen' only when there are several bodies
            together = "zusammen " if len(chaired) + len(member) > 1 else ""
            assert f"({together}{count(meetings, 'Sitzung', 'Sitzungen', 'eine')} im Jahr)" in part
        hours = f"{actor['netzwerkaufwand_stunden']:,}".replace(",", ".")
        assert f"Zeit für die Netzwerkarbeit: rund {hours} Stunden im Jahr" in part
        for responsibility in actor["zustaendigkeiten"]:
            assert " ".join(responsibility.split()) in part
        assert part.count("Ansprechperson (Name, Telefon, E-Mail)") == 1
        checked += 1
    assert checked == len(named)


def test_paths_and_bodies_are_in_annex_2(concept, raw_inputs):
    root = root_of(render_agreement(concept.agreement).body_html)
    paths = root.xpath("//table[starts-with(caption,'Vereinbarte')]//tbody/tr")
    assert len(paths) == len(raw_inputs["netzwerk.yaml"]["abstimmungswege"])
    bodies = root.xpath("//table[caption='Gremien des Netzwerks']//tbody/tr")
    assert [text_of(r.xpath("td")[0]) for r in bodies] == [
        b["name"] for b in raw_inputs["netzwerk.yaml"]["netzwerkgremien"]
    ]


# --- wording, law and dates ----------------------------------------------------------------------


def test_the_preamble_cites_the_law_as_binding_as_it_is(concept):
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    # Programmsatz, Soll in Abs. 3 – the Träger named where the municipality is it (Netzwerkkoordinatorin:
    # 'bei der Gebietskörperschaft, die das Jugendamt unterhält' where the agreement's own party is meant)
    from pipeline.model.norms import GENERIC_ORGANISER

    assert concept.municipality.is_own_carrier
    wording = NORMS_BY_CITATION[("KKG", "3")].wording
    assert wording.replace(GENERIC_ORGANISER, "also beim Landkreis Musterkreis") in text
    assert GENERIC_ORGANISER in wording and GENERIC_ORGANISER not in text
    assert NORMS_BY_CITATION[("KKG", "1")].wording in text
    assert "Die Beteiligten sollen die Grundsätze für eine verbindliche Zusammenarbeit in Vereinbarungen" in text
    assert not re.search(r"§ 3[^.]*(verpflichtet|muss)", text)
    assert "Meldepflicht" not in text


def test_the_befugnis_of_4_kkg_comes_with_its_conditions(concept):
    """§ 4 KKG is no bare Befugnis: first the talk with the parents (unless it endangers the
    child), the claim to advice, and only if the danger cannot be averted the Befugnis, with the
    parents told beforehand; the health professions soll inform at urgent danger."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    clause = text[text.index("§ 6 Datenschutz und Schweigepflicht") : text.index("§ 7 ")]
    steps = [
        "Zunächst sollen sie die Situation mit dem Kind und den Eltern erörtern und auf Hilfen hinwirken, soweit der "
        "wirksame Schutz des Kindes dadurch nicht in Frage gestellt wird (§ 4 Abs. 1 KKG).",
        "Anspruch auf Beratung durch eine insoweit erfahrene Fachkraft",
        # § 4 Abs. 3 KKG with both conditions: the Jugendamt's action held necessary, only the data needed
        "Lässt sich die Gefährdung so nicht abwenden und halten sie ein Tätigwerden des Jugendamts für erforderlich, "
        "sind sie befugt, das Jugendamt zu informieren und ihm die dafür erforderlichen Daten mitzuteilen. Die "
        "Betroffenen werden vorher darauf hingewiesen, es sei denn, das stellt den wirksamen Schutz des Kindes in Frage",
        "andere Angehörige der Heilberufe sollen das Jugendamt unverzüglich informieren, wenn nach ihrer "
        "Einschätzung eine dringende Gefahr für das Kind das Tätigwerden des Jugendamts erfordert (§ 4 Abs. 3 Satz 3 KKG)",
        "Vereinbarung zum Schutzauftrag geschlossen hat",
    ]
    positions = [clause.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "gewichtige Anhaltspunkte für die Gefährdung eines Kindes bekannt" in clause
    assert "befugt, das Jugendamt zu informieren; zuvor sollen sie" not in clause  # the old, bare wording


def test_the_preamble_stays_true_after_the_decision(concept, inputs):
    """Signed after the council's decision: a planned decision is named by its result ('in der
    vom Kreistag beschlossenen Form'), never as a future; a recorded one with its date."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    version = raw(EXAMPLE)["kommune.yaml"]["konzept"]
    sentence = text[text.index("Grundlage dieser Vereinbarung") :].split(". Es beschreibt")[0]
    assert sentence.endswith(f"(Stand {version['stand']:%d.%m.%Y}), in der vom Kreistag beschlossenen Form")
    assert "werden soll" not in text and "soll beschlossen" not in text
    decision = next(d for d in raw(EXAMPLE)["gremien.yaml"]["beschluesse"] if d["gremium"] == "kt")
    inputs.replace("kommune.yaml", f"beschluss: {version['beschluss']}", f"beschluss: {decision['nummer']}")
    adopted = text_of(root_of(render_agreement(inputs.check().concept.agreement).body_html))
    assert f", das der Kreistag am {decision['datum']:%d.%m.%Y} beschlossen hat." in adopted


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
    assert (
        "mit einer Frist von sechs Monaten schriftlich gegenüber dem Landkreis Musterkreis (Jugendamt) kündigen"
        in text
    )
    assert f"§ 7 {settings['regelungen'][0]['titel']}" in text
    assert "§ 8 Laufzeit, Überprüfung, Kündigung und Beitritt" in text
    # the network has signed an agreement before: this one replaces it, and old signatures lapse
    first = min(
        a["kooperationsvereinbarung"]
        for a in raw_inputs["akteure.yaml"]["akteure"]
        if a.get("kooperationsvereinbarung")
    )
    assert (
        f"Sie ersetzt die bisherige Kooperationsvereinbarung des Netzwerks, die erstmals am {first:%d.%m.%Y} "
        "unterzeichnet wurde. Unterschriften unter der bisherigen Vereinbarung gelten für die neue nicht fort"
    ) in text
    # nobody falls out of the network between the start and their own signature
    assert re.search(r"tritt ihr bei\. \w+ \w+ \w+ kündigt die bisherige Vereinbarung", text)
    assert (
        "Bis sie endet, gilt sie weiter für Partnerinnen und Partner, die die neue noch nicht unterzeichnet haben "
        "und ihr noch nicht beigetreten sind." in text
    )
    # the new agreement cannot end the old one for those who do not sign it: the organiser gives notice,
    # to the day the inputs name under the old one's rules (a Saxon reader took an assumed six months
    # for a promise nobody had made)
    ends = settings["bisherige_endet"]
    assert f"kündigt die bisherige Vereinbarung nach deren eigenen Regeln, frühestens zum {ends:%d.%m.%Y}." in text
    assert "Anlage 2 ist Bestandteil dieser Vereinbarung." in text


def test_a_first_agreement_replaces_nothing(inputs):
    inputs.edit("akteure.yaml", lambda data: [a.pop("kooperationsvereinbarung", None) for a in data["akteure"]])
    concept = inputs.check().concept
    assert concept.agreement.replaces is None
    assert "ersetzt" not in text_of(root_of(render_agreement(concept.agreement).body_html))


def test_changes_need_consent_and_both_sides_may_end_it(concept):
    """A change to a partner's contribution or path binds it only with its consent in Textform;
    the organiser may end the agreement too, and what was exchanged stays protected."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert (
        # without 'für sie oder ihn …, wenn sie oder er' (Gleichstellungsbeauftragte)
        "eine solche Änderung gilt für die Partnerinnen und Partner, deren Beitrag oder Abstimmungsweg sie betrifft, "
        "erst, wenn sie in Textform (etwa per E-Mail) zugestimmt haben." in text
    )
    # the annexes are part of the agreement: their update is an exception to its Schriftform, said as such
    assert (
        "bedürfen der Schriftform. Abweichend davon schreibt die Netzwerkkoordination die Anlagen 1 und 2" in text
    )
    # the municipality signs for offices beyond the Jugendamt (Gesundheitsamt, Jobcenter): each agrees
    assert (
        "Der Landkreis Musterkreis stimmt durch die jeweils zuständige Stelle zu; begründet die Änderung" in text
    )
    assert "Der Landkreis Musterkreis kann sie mit derselben Frist gegenüber allen kündigen" in text
    assert "gelten die Pflichten aus § 6 für die bis dahin ausgetauschten Angaben weiter" in text


def test_the_contact_names_each_part_once(concept, raw_inputs):
    """'Fachbereich Jugend und Familie' is in the position and in the address: the contact line
    says it once, and the phone number never breaks."""
    coordination = raw_inputs["kommune.yaml"]["kommune"]["netzwerkkoordination"]
    html = render_agreement(concept.agreement).body_html
    line = next(text_of(p) for p in root_of(html).xpath("//p[strong='Kontakt:']"))
    department = raw_inputs["kommune.yaml"]["kommune"]["jugendamt"]
    assert department in coordination["stelle"] and department in coordination["kontakt"]["anschrift"]
    assert line.count(department) == 1
    assert coordination["person"] in line and "Am Kreishaus 3, 31999 Musterstadt" in line
    assert "Telefon\u00a0" + coordination["kontakt"]["telefon"].replace(" ", "\u00a0") in html


def test_working_forms_are_a_list_and_names_with_und_are_set_apart(concept, raw_inputs):
    root = root_of(render_agreement(concept.agreement).body_html)
    forms = [text_of(li) for li in root.xpath("//h1[@id='zusammenarbeit']/following-sibling::ul[1]/li")]
    assert forms == [f["name"] for f in raw_inputs["netzwerk.yaml"]["arbeitsformen"]]
    bodies = [b["name"] for b in raw_inputs["netzwerk.yaml"]["netzwerkgremien"]]
    assert f"arbeitet in vier Gremien: {'; '.join(bodies)}." in text_of(root)


def test_volunteers_give_their_time_as_they_can(concept, raw_inputs):
    """A Träger cannot promise the unpaid time of volunteers: their part says so."""
    volunteers = [
        a for a in raw_inputs["akteure.yaml"]["akteure"] if a["organisationsform"].startswith("ehrenamtlich")
    ]
    assert volunteers
    html = render_agreement(concept.agreement).body_html
    for actor in volunteers:
        part = text_of(section(html, actor["name"]))
        assert (
            "Die Ehrenamtlichen wirken nach ihren eigenen Möglichkeiten mit; ihr Träger sagt ihre Zeit nicht zu."
            in part
        )
        assert "für alle zusammen (Richtwert)" in part


def test_volunteers_data_is_their_traeger_s_responsibility(concept, raw_inputs):
    """Volunteers are no controllers of their own: the form names the Träger that answers for
    the data they receive (a data protection reader of Neuhafen's form)."""
    data = raw_inputs["akteure.yaml"]
    carriers = {o["id"]: o["name"] for o in data["traeger"]}
    volunteers = [a for a in data["akteure"] if a["organisationsform"].startswith("ehrenamtlich")]
    text = text_of(root_of(render_consent_form(concept.agreement).body_html))
    named = "; ".join(f"{a['name']}: {carriers[a['traeger']]}" for a in volunteers)
    assert f"für Ehrenamtliche ist der Träger verantwortlich, der sie begleitet ({named})." in text
    assert "Die Stellen löschen die Angaben, sobald sie sie für die Unterstützung nicht mehr brauchen" in text


def test_the_coordination_invites_only_to_the_bodies_it_leads(concept, raw_inputs):
    """§ 3: the coordination invites to the bodies it chairs; those others chair it supports (a
    reader found the Qualitätszirkel, led by the Gesundheitsamt, among its invitations)."""
    bodies = raw_inputs["netzwerk.yaml"]["netzwerkgremien"]
    own = [b["name"] for b in bodies if b["leitung"] == "netzwerkkoordination"]
    assert own and len(own) < len(bodies)
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    # the bodies in the dative after 'lädt … ein', not named after a colon in the nominative (Lektorat)
    invited = text.split("Sie lädt ")[1].split(" ein, bereitet die Sitzungen vor und hält ihre Ergebnisse fest.")[
        0
    ]
    assert all(f"zur {name}" in invited or f"zum {name}" in invited for name in own)
    # the bodies others chair by name, with their chairs, the coordination the one that supports
    # (Brandenburg review: „Die Leitung des übrigen Gremiums unterstützt sie“ read the other way round)
    actors = {a["id"]: a["name"] for a in raw_inputs["akteure.yaml"]["akteure"]}
    others = [b for b in bodies if b["leitung"] != "netzwerkkoordination"]
    supported = text.split("Sie unterstützt die Leitung")[1].split(" bei Einladung und Vorbereitung.")[0]
    genitives = {b.name: b.forms.gen for b in concept.network.bodies}
    for body in others:
        assert f"{genitives[body['name']]} ({actors[body['leitung']]})" in supported
    assert "Sie lädt zu den Netzwerkgremien ein" not in text


def test_partners_in_every_sozialraum_name_a_contact_for_each():
    data = raw(NEUHAFEN)
    named = data["netzwerk.yaml"]["kooperationsvereinbarung"]["ansprechpersonen_je_sozialraum"]
    areas = [
        a.get("kurzname") or a["name"].split(" (")[0] for a in data["kommune.yaml"]["kommune"]["sozialraeume"]
    ]
    html = render_agreement(check_folder(NEUHAFEN).concept.agreement).body_html
    for actor in data["akteure.yaml"]["akteure"]:
        if actor["id"] not in named:
            continue
        labels = [text_of(p) for p in section(html, actor["name"]).xpath(".//div[@class='feld']/p[last()]")]
        assert labels == [
            label
            for area in areas
            for label in (
                f"{area}: Ansprechperson (Name, Telefon, E-Mail)",
                f"{area}: Vertretung (Name, Telefon, E-Mail)",
            )
        ]


def test_a_fixed_term_ends_the_day_before_its_anniversary():
    data = raw(NEUHAFEN)["netzwerk.yaml"]["kooperationsvereinbarung"]
    start, years = data["beginn"], data["laufzeit_jahre"]
    end = start.replace(year=start.year + years) - dt.timedelta(days=1)
    agreement = check_folder(NEUHAFEN).concept.agreement
    text = text_of(root_of(render_agreement(agreement).body_html))
    assert f"Sie gilt bis zum {end:%d.%m.%Y}." in text
    first = start.replace(year=start.year + data["ueberpruefung_jahre"]) - dt.timedelta(days=1)
    assert f"alle zwei Jahre, das erste Mal bis zum {first:%d.%m.%Y}" in text  # 31.12., not 01.01.


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
    assert (
        "mit der Unterzeichnung in Kraft, bei einem Beitritt mit dessen Bestätigung durch die Netzwerkkoordination"
        in text
    )
    assert "Sie gilt unbefristet." in text
    # the same rule as the Beitrittserklärung (Anlage 3) states (review of Neuhafen's agreement); effective
    # with the written confirmation, not on receipt (legal review: otherwise anyone becomes a partner)
    assert "Der Beitritt wird wirksam, wenn die Netzwerkkoordination ihn schriftlich bestätigt" in text
    assert "mit einer Frist von drei Monaten" in text


# --- the consent form ----------------------------------------------------------------------------


def consent_label(actor: dict, data: dict[str, dict]) -> str:
    """A place as the form names it: the Jugendamt's service says it is the Jugendamt, and so do
    the coordination (id 'netzwerkkoordination') and the services employed there ('im_jugendamt'),
    whose own brackets take it after a semicolon."""
    office = data["querschnitt.yaml"].get("kinderschutz", {}).get("jugendamt")
    name = actor["name"]
    if actor["id"] == office:
        return f"Jugendamt – {name}"
    if actor["id"] == "netzwerkkoordination" or actor.get("im_jugendamt"):
        return f"{name[:-1]}; im Jugendamt)" if name.endswith(")") else f"{name} (im Jugendamt)"
    return name


def test_the_form_offers_every_actor_outside_the_administration(concept, raw_inputs):
    root = root_of(render_consent_form(concept.agreement).body_html)
    boxes = [
        unboxed(li) for li in root.xpath("//h1[@id='stellen']/following-sibling::div[@class='ankreuzen'][1]//li")
    ]
    actors = [a for a in raw_inputs["akteure.yaml"]["akteure"] if a["sektor"] != "Verwaltung"]
    unhealthy = " (ohne Angaben zur Gesundheit)"  # said in the box (plain-language review)
    via = re.compile(
        r" \(Vermittlung: [^)]*; ohne Angaben zur Gesundheit\)$"
    )  # volunteers: their Träger chooses one
    assert [via.sub("", b.removesuffix(", Name/Ort:").removesuffix(unhealthy)) for b in boxes[:-1]] == [
        consent_label(a, raw_inputs) for a in actors
    ]
    # volunteers are chosen by their Träger after the referral: no 'Name/Ort' that cannot be filled in
    assert "Ehrenamtliche Familienpatinnen und -paten (Vermittlung: Deutscher Kinderschutzbund" in " ".join(boxes)
    assert not [b for b in boxes if "Vermittlung:" in b and b.endswith("Name/Ort:")]
    assert "Jobcenter Landkreis Musterkreis (ohne Angaben zur Gesundheit)" in boxes
    assert "Jugendamt – Allgemeiner Sozialer Dienst (ASD)" in boxes
    # another place only if bound to the form's promises (data protection officer's review)
    assert boxes[-1] == (
        "Weitere Stelle (nur eine, die der Kooperationsvereinbarung beigetreten ist oder die Regeln dieser "
        "Erklärung vorher schriftlich zusagt):"
    )
    # the Jugendamt's box says what a cross there means and what it does not (coordinator review)
    after = " ".join(
        root.xpath("//h1[@id='stellen']/following-sibling::div[@class='ankreuzen'][1]/following-sibling::p[1]")[0]
        .text_content()
        .split()
    )
    # no 'bedeutet nur': once the Jugendamt learns of a danger, it must act (§ 8a Abs. 1 SGB VIII; data
    # protection officer's review)
    assert after == (
        "Kreuzen Sie „Jugendamt – Allgemeiner Sozialer Dienst (ASD)“ an, wenn Sie vom Jugendamt Hilfe möchten, zum "
        "Beispiel eine Beratung zu einer Hilfe, die Sie beantragen möchten. Ihr Kreuz ist keine Meldung. Das Jugendamt "
        "ist aber auch für den Schutz von Kindern zuständig: Erfährt es, dass Ihr Kind in Gefahr ist, muss es handeln."
    )
    # in the information to keep, in full
    kept = text_of(root.xpath("//h2[@id='austausch']/following-sibling::p[2]")[0])
    assert kept.startswith(
        "Die Stelle „Jugendamt – Allgemeiner Sozialer Dienst (ASD)“ erhält Angaben nur, wenn Sie sie"
    )
    assert "Ihr Kreuz ist keine Meldung an das Jugendamt" in kept
    # a box for several practices, institutions or people asks which one is meant
    collective = {g["id"] for g in accession_groups(raw_inputs)} | {
        a["id"]
        for a in actors
        if a["organisationsform"] not in ("Institution", "ehrenamtlich-zivilgesellschaftlich")
    }
    assert "familienzentren" in collective and "kinderaerzte" in collective
    for actor, box in zip(actors, boxes, strict=False):
        assert box.endswith(", Name/Ort:") == (actor["id"] in collective), actor["id"]
    data = [
        unboxed(li) for li in root.xpath("//h1[@id='angaben']/following-sibling::div[@class='ankreuzen'][1]//li")
    ]
    assert data[:-1] == [
        "Name, Anschrift und Telefonnummer",
        "Name und Geburtsdatum des Kindes oder der errechnete Geburtstermin",
        "Anlass der Vermittlung (ohne Angaben zur Gesundheit) und die gewünschte Unterstützung",
        "Rückmeldung, ob der Kontakt zustande gekommen ist",
    ]


def test_health_data_need_boxes_of_their_own(concept, inputs):
    """Art. 9 DSGVO: health data pass only with an explicit consent, so they have boxes apart
    from the other data – by default observations on health and development and the course of
    the support; a list of one's own replaces them, an empty one leaves them out."""
    root = root_of(render_consent_form(concept.agreement).body_html)
    lists = root.xpath("//h1[@id='angaben']/following-sibling::div[@class='ankreuzen']")
    health = [unboxed(li) for li in lists[1].xpath(".//li")]
    # the mother's and the child's apart, and what a course of the support holds (data protection officer's
    # review: one box for both; „Bisheriger Verlauf“ named no content a release could cover)
    assert len(health) == 3 and health[0].startswith("Angaben zu meiner Gesundheit aus Schwangerschaft")
    assert health[1].startswith("Beobachtungen zur Gesundheit und Entwicklung meines Kindes")
    assert health[2].startswith(
        "Wie die Begleitung bisher verlief: wie oft die Fachkraft die Familie getroffen hat"
    )
    assert (
        "Angaben zur Gesundheit: Ich bin ausdrücklich damit einverstanden, dass die Stelle, die diese Erklärung "
        "aufnimmt, und die Stellen, die ich unten eintrage, die folgenden Angaben austauschen (bitte die Angaben "
        "ankreuzen und die Stellen eintragen; eintragen können Sie nur Stellen, die Sie oben angekreuzt haben):"
        in text_of(root)
    )
    # to which places: the boxes of data apply to every place ticked otherwise (plain-language review: the U-Befunde
    # could not go to the Kinderärztin alone); without an entry, to none; only places ticked above, for
    # only they are released from confidentiality (a Netzwerkkoordinatorin's review)
    field = lists[1].xpath("following-sibling::div[@class='feld'][1]")[0]
    assert (
        text_of(field)
        == "Stellen, die Angaben zur Gesundheit erhalten dürfen, nur oben angekreuzte (ohne Eintrag: keine)"
    )
    assert "Angaben zur Gesundheit erhalten nur die angekreuzten Stellen, die Sie dafür eintragen" in text_of(root)
    assert (
        "und jeder angekreuzten Stelle, in beide Richtungen; für Angaben zur Gesundheit nur mit den angekreuzten "
        "Stellen, die ich dafür eingetragen habe. Die angekreuzten Stellen untereinander entbinde ich nicht, außer "
        "für die Vermittlung, wenn ich sie angekreuzt habe."
    ) in text_of(root)
    # volunteers are on the form (the example's Familienpatinnen), but never receive health data
    volunteers = [
        a
        for a in raw(EXAMPLE)["akteure.yaml"]["akteure"]
        if a["organisationsform"] == "ehrenamtlich-zivilgesellschaftlich"
    ]
    assert volunteers and all(a["name"] in text_of(root) for a in volunteers)
    assert "deshalb erhalten auch sie keine Angaben zur Gesundheit" in text_of(root)
    section = raw(NEUHAFEN)["netzwerk.yaml"]["kooperationsvereinbarung"]["einverstaendniserklaerung"]
    neuhafen = root_of(render_consent_form(check_folder(NEUHAFEN).concept.agreement).body_html)
    lists = neuhafen.xpath("//h1[@id='angaben']/following-sibling::div[@class='ankreuzen']")
    assert [unboxed(li) for li in lists[1].xpath(".//li")] == section["gesundheitsangaben"]
    inputs.replace(
        "netzwerk.yaml", "    loeschfrist_jahre: 2\n", "    loeschfrist_jahre: 2\n    gesundheitsangaben: []\n"
    )
    without = root_of(render_consent_form(inputs.check().concept.agreement).body_html)
    assert len(without.xpath("//h1[@id='angaben']/following-sibling::div[@class='ankreuzen']")) == 1
    assert "Angaben zur Gesundheit:" not in text_of(without) and "(ohne Eintrag: keine)" not in text_of(without)


@pytest.mark.parametrize(
    ("months", "words"), [(None, "ein Jahr"), (6, "sechs Monate"), (18, "18 Monate"), (24, "zwei Jahre")]
)
def test_a_consent_holds_for_a_limited_time(inputs, months, words):
    if months is not None:
        inputs.replace(
            "netzwerk.yaml",
            "    loeschfrist_jahre: 2\n",
            f"    loeschfrist_jahre: 2\n    hoechstdauer_monate: {months}\n",
        )
    text = text_of(root_of(render_consent_form(inputs.check().concept.agreement).body_html))
    assert (
        # an end even where the date is left out: 'bis zu dem Tag, den ich eintrage' had none (a Netzwerkkoordinatorin)
        f"Die Einwilligung gilt {words} ab meiner Unterschrift. Trage ich hier einen früheren Tag ein, gilt sie nur "
        "bis zu diesem Tag. Danach kann ich sie erneuern." in text
    )
    assert "Ende der Unterstützung" not in text


def test_deletion_yields_to_the_duty_to_keep_health_records(concept, inputs):
    """The places delete what they no longer need, at the latest after the period the inputs
    set; a doctor's or midwife's record is kept ten years (§ 630f BGB) whatever the form says."""
    years = raw(EXAMPLE)["netzwerk.yaml"]["kooperationsvereinbarung"]["einverstaendniserklaerung"][
        "loeschfrist_jahre"
    ]
    text = text_of(root_of(render_consent_form(concept.agreement).body_html))
    assert (
        "Die Stellen löschen die Angaben, sobald sie sie für die Unterstützung nicht mehr brauchen, "
        f"spätestens {count(years, 'Jahr', 'Jahre', 'ein')} nach dem Ende ihrer eigenen Begleitung." in text
    )
    keeping = (
        "bewahren ihre Behandlungsdokumentation zehn Jahre nach Abschluss der Behandlung auf (§ 630f Abs. 3 BGB)."
    )
    assert keeping in text
    assert (
        "Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO), für Angaben zur Gesundheit Ihre ausdrückliche Einwilligung (Art. 9 Abs. 2 Buchst. a DSGVO)"
        in text
    )
    own = "Die Stellen löschen die Angaben, sobald die Familie sie nicht mehr braucht."
    inputs.replace("netzwerk.yaml", "    loeschfrist_jahre: 2\n", f"    speicherdauer: {own}\n")
    text = text_of(root_of(render_consent_form(inputs.check().concept.agreement).body_html))
    assert own in text and keeping in text and "spätestens" not in text


@pytest.mark.parametrize(
    ("folder", "authority"),
    [
        (EXAMPLE, "Der Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover"),
        (
            NEUHAFEN,
            "Der Hessische Beauftragte für Datenschutz und Informationsfreiheit, Gustav-Stresemann-Ring 1, 65189 Wiesbaden",
        ),
    ],
    ids=["niedersachsen", "hessen"],
)
def test_parents_learn_where_to_complain(folder, authority):
    """Art. 13 Abs. 2 Buchst. d DSGVO: the supervisory authority of the Land by its name and
    address, not 'die Aufsichtsbehörde des Landes'."""
    text = text_of(root_of(render_consent_form(check_folder(folder).concept.agreement).body_html))
    assert f"Beschweren können Sie sich bei der Aufsichtsbehörde für den Datenschutz: {authority}." in text
    assert "Datenschutzaufsichtsbehörde des Landes" not in text


def test_every_land_has_its_authority_and_the_inputs_may_name_another(inputs):
    assert set(AUTHORITIES) == set(get_args(State))
    assert all(a.name and re.search(r"\b\d{5} ", a.address) for a in AUTHORITIES.values())
    own = "Landesbeauftragte für den Datenschutz, Musterstraße 1, 12345 Musterstadt"
    inputs.replace(
        "netzwerk.yaml", "    loeschfrist_jahre: 2\n", f"    loeschfrist_jahre: 2\n    aufsichtsbehoerde: {own}\n"
    )
    text = text_of(root_of(render_consent_form(inputs.check().concept.agreement).body_html))
    assert f"Aufsichtsbehörde für den Datenschutz: {own}." in text


def test_without_a_data_protection_contact_the_form_warns(inputs):
    """Art. 13 Abs. 1 Buchst. b DSGVO: the form names the officer – from the form's section or
    from querschnitt.yaml; with neither, a warning."""
    officer = raw(EXAMPLE)["querschnitt.yaml"]["datenschutz"]["datenschutzbeauftragte"]
    text = text_of(root_of(render_consent_form(inputs.check().concept.agreement).body_html))
    assert f"Fragen zum Datenschutz bei Stellen, die der Landkreis Musterkreis selbst betreibt: {officer}." in text
    # the place that takes the consent names itself (Art. 13 DSGVO): a field for its address
    # Art. 13 Abs. 1 Buchst. b DSGVO asks for the Datenschutzbeauftragte's contact, not any 'Ansprechperson';
    # the others name theirs when they first contact the family (Art. 14 Abs. 3), not 'before they receive'
    # data, which they cannot (data protection review)
    # the controller first, its officer only where it has one (a small practice need not; Art. 37 DSGVO, § 38 BDSG)
    assert (
        # without chains of doubled pronouns in a form for parents (Gleichstellungsbeauftragte)
        "Name und Kontakt der Stelle, die diese Erklärung mit Ihnen aufnimmt, und ihr Kontakt für den Datenschutz, "
        "falls sie eine Datenschutzbeauftragte oder einen Datenschutzbeauftragten benannt hat, stehen in dieser "
        "Erklärung (Art. 13 Abs. 1 DSGVO). Jede andere Stelle teilt Ihnen innerhalb eines Monats, nachdem sie "
        "Angaben über Sie erhalten hat, mit, wer sie ist und wie Sie sie und gegebenenfalls ihren Kontakt für den "
        "Datenschutz erreichen, und schon früher, wenn sie sich vorher bei Ihnen meldet (Art. 14 Abs. 3 DSGVO)."
        in text
    )
    assert "Kontakt für den Datenschutz bei dieser Stelle (falls benannt)" in text
    assert (
        "Aufgenommen von (Name der Fachkraft; sie hat leere Zeilen vor der Unterschrift durchgestrichen)" in text
    )
    # the organisation responsible for the data, not the person (Art. 13 Abs. 1 Buchst. a DSGVO)
    assert "Stelle, die diese Erklärung mit Ihnen aufnimmt: Einrichtung und Träger, Anschrift, Telefon" in text
    assert not _warned(inputs, "Ansprechperson für den Datenschutz")
    inputs.edit("querschnitt.yaml", lambda q: q["datenschutz"].pop("datenschutzbeauftragte"))
    warned = _warned(inputs, "Ansprechperson für den Datenschutz")
    assert len(warned) == 1 and warned[0].where.file == "netzwerk.yaml"
    assert warned[0].where.field == "kooperationsvereinbarung.einverstaendniserklaerung.datenschutzkontakt"
    assert "Fragen zum Datenschutz" not in text_of(
        root_of(render_consent_form(inputs.check().concept.agreement).body_html)
    )


def test_the_form_of_the_stadt_names_its_places_and_data():
    section = raw(NEUHAFEN)["netzwerk.yaml"]["kooperationsvereinbarung"]["einverstaendniserklaerung"]
    names = {a["id"]: a["name"] for a in raw(NEUHAFEN)["akteure.yaml"]["akteure"]}
    agreement = check_folder(NEUHAFEN).concept.agreement
    root = root_of(render_consent_form(agreement).body_html)
    boxes = [
        unboxed(li).removesuffix(", Name/Ort:")
        for li in root.xpath("//h1[@id='stellen']/following-sibling::div[@class='ankreuzen'][1]//li")
    ]
    actors = {a["id"]: a for a in raw(NEUHAFEN)["akteure.yaml"]["akteure"]}
    # a place that never receives health data says so in its box (plain-language review)
    unhealthy = " (ohne Angaben zur Gesundheit)"
    assert any(b.endswith(unhealthy) for b in boxes)
    via = re.compile(r" \(Vermittlung: [^)]*; ohne Angaben zur Gesundheit\)$")
    assert sorted(via.sub("", b.removesuffix(unhealthy)) for b in boxes[:-1]) == sorted(
        consent_label(actors[i], raw(NEUHAFEN)) for i in section["stellen"]
    )
    assert "Familienzentren in Kindertagesstätten, Name/Ort:" in [
        unboxed(li) for li in root.xpath("//h1[@id='stellen']/following-sibling::div[@class='ankreuzen'][1]//li")
    ]
    data = [
        unboxed(li) for li in root.xpath("//h1[@id='angaben']/following-sibling::div[@class='ankreuzen'][1]//li")
    ]
    assert data[:-1] == section["angaben"]
    text = text_of(root)
    assert (
        f"spätestens {count(section['loeschfrist_jahre'], 'Jahr', 'Jahre', 'ein')} nach dem Ende ihrer eigenen Begleitung"
        in text
    )
    assert "Die Einwilligung gilt zwei Jahre ab meiner Unterschrift." in text
    # the officer the concept names (querschnitt.yaml), withdrawal at the coordination by its name
    officer = raw(NEUHAFEN)["querschnitt.yaml"]["datenschutz"]["datenschutzbeauftragte"]
    assert (
        f"Fragen zum Datenschutz bei Stellen, die die Stadt Neuhafen am Main selbst betreibt: {officer}." in text
    )
    position = raw(NEUHAFEN)["kommune.yaml"]["kommune"]["netzwerkkoordination"]["stelle"]
    assert (
        f"bei einer der angekreuzten Stellen oder bei der {position}. Der Widerruf wirkt für die Zukunft" in text
    )
    assert names["netzwerkkoordination"] == position


def test_the_form_tells_parents_their_rights(concept):
    root = root_of(render_consent_form(concept.agreement).body_html)
    text = text_of(root)
    assert "jederzeit ganz oder teilweise widerrufen" in text
    assert "Die Einwilligung ist freiwillig." in text
    # the promise at the start names its exception; the exception names the conditions of § 4 KKG
    # (a legal review: there is more than one exception, and § 4 KKG names whom it allows)
    assert (
        "Was Sie nicht ankreuzen, geben die Stellen nicht weiter. Eine Ausnahme gilt nur, wenn ein Gesetz es erlaubt "
        "oder verlangt – vor allem zum Schutz Ihres Kindes." in text
    )
    assert "bleibt vertraulich" not in text
    # § 4 KKG's conditions in short sentences (plain-language review: one sentence of 56 words), all of
    # Abs. 1 Nr. 1 in the 'soll', the Heilberufe too (data protection officer's review)
    assert (
        "Sehen sie ernste Hinweise darauf, dass Ihr Kind gefährdet ist (gewichtige Anhaltspunkte), sprechen sie "
        "zuerst mit Ihnen, wenn das den Schutz Ihres Kindes nicht in Frage stellt. Lässt sich die Gefahr so nicht "
        "abwenden und halten sie es für nötig, dass das Jugendamt handelt, dürfen sie das Jugendamt auch ohne Ihre "
        "Einwilligung informieren. Sie geben ihm dann nur die Angaben, die es dafür braucht. Bei dringender Gefahr "
        "sollen Ärztinnen, Ärzte, Hebammen und andere Gesundheitsberufe wie Kinderkrankenpflegerinnen und -pfleger "
        "das Jugendamt sofort informieren (§ 4 Abs. 3 KKG)." in text
    )
    assert "Art. 15 bis 18 und 20 DSGVO" in text
    # the Träger's staff must (§ 8a Abs. 4 Satz 1 Nr. 3 SGB VIII), the Jugendamt's own assess together
    # (§ 8a Abs. 1): review by a Netzwerkkoordinatorin – „dürfen“ stood for both, the own staff were missing
    assert (
        # the case named: 'in diesem Fall' after the sentence on urgent danger narrowed § 8a Abs. 4 (diff review)
        "Fachkräfte von Trägern der Kinder- und Jugendhilfe informieren das Jugendamt, wenn sich die Gefahr nicht "
        "anders abwenden lässt; dazu haben sich ihre Träger verpflichtet (§ 8a Abs. 4 SGB VIII)." in text
    )
    # who tells the parents first: a Stelle before it informs the Jugendamt (code review: 'Vorher sagen sie
    # es Ihnen' after the Jugendamt's own staff read as their assessment)
    assert (
        "(§ 8a Abs. 4 SGB VIII). Bevor eine dieser Fachkräfte das Jugendamt informiert, sagt sie es Ihnen, es sei denn, das "
        "würde den wirksamen Schutz Ihres Kindes in Frage stellen. Familienhebammen und Familien-Gesundheits- und "
        "Kinderkrankenpflegende (FGKiKP) arbeiten selbst beim Jugendamt. Machen sie sich ernste Sorgen um Ihr Kind, "
        "schätzen sie die Lage gemeinsam mit weiteren Fachkräften des Jugendamts ein und beziehen Sie dabei ein, soweit "
        "das den wirksamen Schutz Ihres Kindes nicht in Frage stellt (§ 8a Abs. 1 SGB VIII)." in text
    )
    # in words parents understand: where they work and what they do, not which law does not apply to them
    # (network coordinator's review: „gilt nicht § 4 KKG“ tells parents nothing)
    assert "gilt nicht § 4 KKG" not in text
    # the declaration speaks as 'ich' in the form; the explanation, as 'Sie', stands in the information to keep
    declaration = root.xpath("//h1[@id='schweigepflicht']/following-sibling::*[1]")[0]
    assert declaration.tag == "p" and text_of(declaration).startswith(
        "Ärztinnen und Ärzte, Hebammen, Beraterinnen und Berater und andere Fachkräfte haben eine Schweigepflicht: "
        "Sonst dürfen sie nichts über mich und mein Kind sagen. Für diesen Zweck erlaube ich ihnen"
    )
    assert " Sie " not in text_of(declaration)
    explained = text_of(root.xpath("//h2[@id='schweigepflicht-erklaert']/following-sibling::p[1]")[0])
    assert explained.startswith("Ärztinnen und Ärzte, Hebammen") and " ich " not in explained
    # two parts (network coordinator's review: five pages of legal language no mother in the Wochenbett could
    # read; Art. 7 Abs. 2, Art. 12 Abs. 1 DSGVO): the form to sign in short sentences, then on pages of their own
    # the information to keep, with every rule and provision
    headings = [(h.tag, h.get("id")) for h in root.xpath("//h1 | //h2")]
    split = headings.index(("h1", "informationen"))
    assert [i for _, i in headings[:split]] == [
        "familie",
        "stellen",
        "angaben",
        "zweck",
        "schweigepflicht",
        "wichtig",
        "unterschrift",
        "nach-der-geburt",
    ]
    assert all(tag == "h2" for tag, _ in headings[split + 1 :])
    assert [i for _, i in headings[split + 1 :]] == [
        "wer-unterschreibt",
        "austausch",
        "schweigepflicht-erklaert",
        "datenschutz",
        "rechte",
        "kinderschutz",
    ]
    page_break = root.xpath("//h1[@id='informationen']/preceding-sibling::*[1]")[0]
    assert "neue-seite" in page_break.get("class", "")
    form = " ".join(text_of(e) for e in root.xpath("//h1[@id='informationen']/preceding-sibling::*"))
    assert "§" not in form and "DSGVO" not in form  # the provisions stand in the information to keep
    # right before the signature: what parents must know – no disadvantage, revocable, who signs for the
    # child, the child's protection; the signature confirms the information was handed over
    block = root.xpath("//div[contains(@class, 'zusammenhalten')][.//h1[@id='unterschrift']]")[0]
    important = [text_of(li) for li in root.xpath("//h1[@id='wichtig']/following-sibling::ul[1]/li")]
    # kept together each, the list right before the signature
    assert root.xpath(
        "//div[contains(@class, 'zusammenhalten')][.//h1[@id='wichtig']]/following-sibling::div[1]//h1[@id='unterschrift']"
    )
    # what saying no means (§ 67b Abs. 2 SGB X), where to withdraw (Art. 7 Abs. 3 DSGVO), the own sheet (a
    # mother ticking the BISS on a shared one), who signs for the child, before the birth, a minor mother,
    # the child's protection (plain-language and data protection review)
    assert (
        important[0].startswith("Sie können Nein sagen.") and "Nachteile haben Sie dadurch nicht" in important[0]
    )
    assert (
        "bei der Stelle, die diese Erklärung aufgenommen hat, bei jeder angekreuzten Stelle oder bei der"
        in important[1]
    )
    assert (
        important[2]
        == "Jeder Elternteil kann eine eigene Erklärung ausfüllen. Dann sieht der andere Elternteil nicht, was Sie ankreuzen."
    )
    assert "Für Angaben über das Kind unterschreiben alle, die das Sorgerecht haben." in important[3]
    assert important[4].startswith("Ist Ihr Kind noch nicht geboren") and "noch nicht 18" in important[5]
    assert "Jugendamt auch ohne Ihre Einwilligung informieren" in important[-1]
    # short sentences in the part to sign (the coordination's name is the inputs')
    sentences = [x for li in important for x in li.replace("?", ".").split(". ") if x and "oder bei der" not in x]
    assert max(len(x.split()) for x in sentences) <= 20
    assert text_of(block.xpath(".//h1[@id='unterschrift']/following-sibling::p[1]")[0]).startswith(
        "Die „Informationen zu Ihrer Einwilligung“ habe ich erhalten."
    )
    # the child's protection limits the consent, it is no right of the parents: a heading of its own, kept
    # with its paragraph (data protection review)
    kept = root.xpath("//div[contains(@class, 'zusammenhalten')][.//h2[@id='kinderschutz']]")[0]
    assert text_of(kept.xpath("p")[0]).startswith("Zum Schutz Ihres Kindes gilt das Gesetz")


def test_without_the_form_the_agreement_names_no_annex_3(inputs):
    inputs.replace(
        "netzwerk.yaml", "  einverstaendniserklaerung:\n", "  einverstaendniserklaerung:\n    erzeugen: nein\n"
    )
    inputs.edit_paper(
        "jha-2026-030-gesamtkonzept.yaml", lambda p: p["anlagen"].remove({"erzeugt": "einverstaendniserklaerung"})
    )
    concept = inputs.check().concept
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert "Anlage 4" not in text and "Einverständniserklärung" not in text
    assert "Anlage 3: Beitrittserklärung" in text
    documents = render_products(concept, [AGREEMENT.key]).attachments
    assert sorted(documents) == ["kooperationsvereinbarung"]


# --- without the section, in papers, on the command line ----------------------------------------


def test_without_the_section_there_is_no_agreement(inputs):
    _with_section(inputs, "")
    for kind in ("kooperationsvereinbarung", "einverstaendniserklaerung"):
        inputs.edit_paper(
            "jha-2026-030-gesamtkonzept.yaml", lambda p, kind=kind: p["anlagen"].remove({"erzeugt": kind})
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
    # the consent form goes with the agreement it is an annex of (a warning asks for it)
    assert rendered.attachments["einverstaendniserklaerung"].path(".pdf").startswith("kooperationsvereinbarung/")
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
            paper.read_text(encoding="utf-8")
            .replace("    - erzeugt: kooperationsvereinbarung\n", "")
            .replace("    - erzeugt: einverstaendniserklaerung\n", ""),
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


def test_named_places_never_receive_health_data(inputs):
    """An authority like the Jobcenter places a family without health data: the form says that the
    places named under 'ohne_gesundheitsangaben' do not receive them even if ticked (data protection
    review); volunteers are said apart with their reason. A name without a box, or a volunteer
    place, changes nothing and warns."""
    section = raw(EXAMPLE)["netzwerk.yaml"]["kooperationsvereinbarung"]["einverstaendniserklaerung"]
    assert section["ohne_gesundheitsangaben"] == ["jobcenter"]
    text = text_of(root_of(render_consent_form(inputs.check().concept.agreement).body_html))
    assert (
        "Angaben zur Gesundheit erhalten nur die angekreuzten Stellen, die Sie dafür eintragen, und nur, soweit "
        "diese Stellen die Angaben für die Unterstützung brauchen. Die Stelle „Jobcenter Landkreis Musterkreis“ "
        "erhält keine Angaben zur Gesundheit, auch wenn sie in diesem Feld eingetragen ist." in text
    )
    assert "deshalb erhalten auch sie keine Angaben zur Gesundheit" in text
    neuhafen = text_of(root_of(render_consent_form(check_folder(NEUHAFEN).concept.agreement).body_html))
    assert (
        "brauchen. Die Stellen „Kommunales Jobcenter Neuhafen“ sowie „Sozialamt – Fachstelle Wohnungssicherung und "
        "Notunterbringung“ erhalten keine Angaben zur Gesundheit, auch wenn sie in diesem Feld eingetragen sind."
        in neuhafen
    )
    assert not _warned(inputs, "bleibt ohne Wirkung")
    inputs.replace(
        "netzwerk.yaml",
        "    ohne_gesundheitsangaben: [jobcenter]\n",
        "    ohne_gesundheitsangaben: [jobcenter, planung, familienpatenschaften]\n",
    )
    warned = _warned(inputs, "der Eintrag bleibt ohne Wirkung")
    assert [w.where.field for w in warned] == [
        "kooperationsvereinbarung.einverstaendniserklaerung.ohne_gesundheitsangaben[1]",
        "kooperationsvereinbarung.einverstaendniserklaerung.ohne_gesundheitsangaben[2]",
    ]
    assert "hat kein Kästchen auf dem Vordruck" in warned[0].message
    assert "ist ehrenamtlich" in warned[1].message
    inputs.replace(
        "netzwerk.yaml", "    ohne_gesundheitsangaben: [jobcenter, planung, familienpatenschaften]\n", ""
    )
    text = text_of(root_of(render_consent_form(inputs.check().concept.agreement).body_html))
    assert "erhält sie auch dann nicht" not in text and "deshalb erhalten sie keine Angaben zur Gesundheit" in text


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
    assert headings[-3:] == [
        "Anlage 1: Beiträge der Partnerinnen und Partner",
        "Anlage 2: Netzwerkgremien und Abstimmungswege",
        "Anlage 3: Beitrittserklärung",
    ]
    paragraphs = paragraphs_in_order(document)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Unterschriften")
    assert paragraphs[start + 1].text.startswith("Jede Partnerin und jeder Partner unterzeichnet für sich")
    assert paragraphs[start + 1].style.paragraph_format.keep_with_next  # never alone at the page's end
    end = next(i for i, p in enumerate(paragraphs) if p.text.replace("\u00a0", " ").startswith("Anlage 1:"))
    signatures = paragraphs[start:end]
    parties = expected_parties(raw_inputs)
    names = [  # 'e. V.' is bound by a no-break space in the document
        p.text.split("\n")[0].replace("\u00a0", " ")
        for p in signatures
        if p.runs and p.runs[0].bold and p.text.split("\n")[0].replace("\u00a0", " ") in dict(parties)
    ]
    assert names == [name for name, _ in parties]
    labels = [p.text for p in signatures if p.style.name.startswith("Feldbezeichnung")]
    assert labels == ["Ort, Datum", "Unterschrift", "Name in Druckbuchstaben, Funktion"] * sum(
        _signers(raw_inputs, name) for name, _ in parties
    )
    # each block keeps together: every paragraph keeps with the next but the last label
    for paragraph in signatures:
        if paragraph.style.name == "Feldbezeichnung Ende":
            assert paragraph.style.paragraph_format.keep_with_next is False
        elif paragraph.style.name in ("Zusammenhalten", "Ausfüllzeile", "Feldbezeichnung"):
            assert paragraph.style.paragraph_format.keep_with_next is True


def paragraphs_in_order(document) -> list[Paragraph]:
    """Every paragraph of the body in reading order, those in table cells (fields side by side)
    among them."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page; typst's hyphen after a word part ('Erziehungs- und') comes back as
    a soft hyphen, the Ergänzungsstrich ('und -ärzte') as the non-breaking hyphen it is set with."""
    return [
        page.extract_text().replace("\xad", "-").replace(NB_HYPHEN, "-").replace("\u00a0", " ")
        for page in PdfReader(str(path)).pages
    ]


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
        names = [" ".join(line.split()) for line in page.splitlines() if " ".join(line.split()) in parties]
        lines = sum(_signers(raw_inputs, name) for name in names)  # two lines where two sign together
        assert lines == page.count("Name in Druckbuchstaben, Funktion") == page.count("Ort, Datum"), page
        seen += len(names)
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
    places = [
        consent_label(a, raw_inputs) for a in raw_inputs["akteure.yaml"]["akteure"] if a["sektor"] != "Verwaltung"
    ]
    document = Document(str(agreement_files[f"{CONSENT_STEM}.docx"]))
    ticking = [p for p in document.paragraphs if p.style.name == "Ankreuzfeld"]
    # each box is Word's check box (a content control ticked with a click), unticked, before the text
    controls = [p._p.xpath("./w:sdt") for p in ticking]
    assert all(len(c) == 1 for c in controls)
    for (control,) in controls:
        assert control.xpath("string(./w:sdtContent)", namespaces=nsmap) == "☐"
        assert control.xpath("./w:sdtPr/w14:checkbox/w14:checked/@w14:val", namespaces=nsmap) == ["0"]
        assert control.xpath("./w:sdtPr/w14:checkbox/w14:checkedState/@w14:val", namespaces=nsmap) == ["2612"]
    boxes = [" ".join(("☐" + p.text).split()) for p in ticking]
    for place in places:
        assert any(b.startswith(f"☐ {place}") for b in boxes), place
    pdf = " ".join(" ".join(pdf_pages(agreement_files[f"{CONSENT_STEM}.pdf"])).split())

    def joined(text: str) -> str:
        """Without the hyphen of a word typst broke at a line's end ('Jugend- amt'), on both sides alike."""
        return re.sub(r"(?<=[a-zäöüß])- (?=[a-zäöüß])", "", text)

    for place in places:
        assert joined(place) in joined(pdf), place
    assert pdf.count("☐") == len(boxes)
    # a gap to fill in is a tab that a line fills to the right margin, as long as in the PDF
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    stops = document.styles["Ankreuzfeld"].paragraph_format.tab_stops
    assert [(t.position, t.leader) for t in stops] == [(width, WD_TAB_LEADER.LINES)]
    gaps = [p.text for p in document.paragraphs if p.style.name == "Ankreuzfeld" and p.text.endswith("\t")]
    assert len(gaps) == sum(b.rstrip().endswith(":") for b in boxes) >= 3  # Name/Ort, Weitere Stelle, Sonstiges
    # the fields of a row stand side by side, as in the PDF: a table without borders, the lines in
    # its first row, the labels under them in the second
    lines, labels = next(
        t.rows
        for t in document.tables
        if "Stelle, die diese Erklärung mit Ihnen aufnimmt" in t.rows[-1].cells[0].text
    )
    assert [c.paragraphs[0].style.name for c in lines.cells] == ["Ausfüllzeile"] * 2
    assert labels.cells[1].paragraphs[-1].text == "Kontakt für den Datenschutz bei dieser Stelle (falls benannt)"


def test_the_form_names_the_sozialgeheimnis_and_both_custodians(concept):
    """The Jugendamt is bound by the Sozialgeheimnis, not only by § 203 StGB; with joint custody
    both parents sign for the child, and what concerns one parent passes only with that parent's
    signature."""
    text = text_of(root_of(render_consent_form(concept.agreement).body_html))
    assert "Sozialgeheimnis (§ 35 SGB I, §§ 67 ff. SGB X, im Jugendamt auch § 65 SGB VIII)" in text
    assert (
        "Für Angaben über das Kind unterschreibt, wer die elterliche Sorge hat: bei gemeinsamer elterlicher Sorge beide Eltern"
        in text
    )
    # parents with joint custody represent the child together (§ 1629 Abs. 1 Satz 2 BGB): one signature
    # is not enough (legal review)
    assert "fehlt eine dieser Unterschriften, gibt keine Stelle Angaben über das Kind weiter" in text
    # before the birth there is no custody of the child: the pregnant woman consents for her own data, and
    # a consent from the pregnancy does not carry the child's data after the birth
    # every signature before the birth, the second parent's too (Gleichstellungsbeauftragte)
    assert (
        "Vor der Geburt gilt jede Unterschrift nur für die eigenen Angaben der Person, die unterschreibt" in text
    )
    assert "nach der Geburt erst weiter, wenn die Sorgeberechtigten unterschrieben haben" in text
    assert (
        "Angaben über einen Elternteil gibt eine Stelle nur weiter, wenn dieser Elternteil unterschrieben hat"
        in text
    )
    # a parent without custody consents for his or her own data only; a child with a Vormund is
    # represented by it (legal review)
    assert "Ein Elternteil ohne Sorgerecht unterschreibt nur für die eigenen Angaben." in text
    # the Vormund signs, not the Vormundschaft (a data protection reader)
    assert "bei einer Vormundschaft die Vormundin oder der Vormund." in text


def test_the_form_knows_minor_parents_and_the_vormundschaft(concept):
    """A minor mother's custody rests (§ 1673 Abs. 2 BGB): she consents for her own data, the child's
    legal representative signs for the child's (the adult parent with custody, else the Vormund, for
    unmarried parents by law the Jugendamt, § 1786 BGB); the form asks who has custody and has a line
    for the Vormundschaft's signature."""
    html = render_consent_form(concept.agreement).body_html
    text = text_of(root_of(html))
    assert "Sind Sie noch nicht volljährig, willigen Sie für Ihre eigenen Angaben selbst ein" in text
    assert "die Ihr Kind gesetzlich vertritt (§ 1673 Abs. 2 BGB), und diese unterschreibt mit" in text
    assert "sonst die Vormundin oder der Vormund" in text  # female first, as every other pair
    assert "in der Regel das Jugendamt als Amtsvormund (§ 1786 BGB)" in text
    assert "Wer hat das Sorgerecht für das Kind (nach der Geburt)?" in text
    for box in ("beide Eltern gemeinsam", "der erste Elternteil allein", "der zweite Elternteil allein"):
        assert f"☐ {box}" in text.replace("\u00a0", " ")
    assert "☐ eine Vormundin oder ein Vormund, Name/Stelle:" in text.replace("\u00a0", " ")
    signatures = [p.text for p in root_of(html).iter("p") if (p.text or "").startswith("Unterschrift")]
    assert signatures == [
        "Unterschrift Elternteil",
        "Unterschrift zweiter Elternteil (falls beteiligt)",
        "Unterschrift der Vormundin oder des Vormunds des Kindes (falls vorhanden; bei Amtsvormundschaft das Jugendamt)",
        # signed before the birth, the form held for the child never (plain-language review)
        "Unterschrift Elternteil",
        "Unterschrift zweiter Elternteil, Vormundin oder Vormund (falls sorgeberechtigt)",
    ]
    assert (
        "Haben Sie vor der Geburt unterschrieben, gilt diese Erklärung für Angaben über Ihr Kind erst, wenn hier "
        "alle unterschrieben haben, die das Sorgerecht haben." in text
    )


def test_no_empty_page_after_a_landscape_annex(agreement_files):
    """Anlage 2 is landscape; its section ends with a page break of its own, so the manual page
    break before Anlage 3 would leave an empty page in Word: it is dropped."""
    document = Document(str(agreement_files[f"{AGREEMENT_STEM}.docx"]))
    body = list(document.element.body.iterchildren())
    for block, following in zip(body, body[1:], strict=False):
        if block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            continue
        breaks = following.findall(f".//{qn('w:br')}")
        assert not (
            following.tag == qn("w:p")
            and not "".join(following.itertext()).strip()
            and [b.get(qn("w:type")) for b in breaks] == ["page"]
        )
    headings = [p.text.replace("\u00a0", " ") for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Anlage 3: Beitrittserklärung" in headings


def _network_chapter_text(concept) -> str:
    """The concept's chapter on the network and its agreement, as plain text."""
    html = next(v for name, v in concept_chapters(concept).items() if "08_netzwerk" in name)
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def test_the_concept_tells_the_earlier_signatures_from_the_new_ones(concept, raw_inputs):
    """'17 von 21' who signed the earlier agreement and '17 der 21' bound by the new one are not
    the same actors: the chapter says which are new and which now accede one by one."""

    text = _network_chapter_text(concept)
    signed = [a for a in raw_inputs["akteure.yaml"]["akteure"] if a.get("kooperationsvereinbarung")]
    actors = raw_inputs["akteure.yaml"]["akteure"]
    # actors are bound, not signatories themselves (Kreistag review); how the earlier agreement was
    # signed (per Träger or per institution) the inputs do not say, so the sentence does not claim it
    # (coordinator review: 'durch die Unterschrift ihres Trägers' contradicted the count)
    # groups signed for together (freelance midwives, Kitas of many Träger) are not bound by it
    # (Netzwerkkoordinatorin review): named apart, and not in the table of the bound
    groups = [a for a in signed if a["id"] in {"hebammen", "familienzentren"}]
    assert len(groups) == 2 and all(a["id"] in {g.id for g in concept.signed_jointly} for a in groups)
    assert f"An die bisherige Vereinbarung sind {len(signed) - 2} von {len(actors)} Akteuren gebunden." in text
    # named right there, not two paragraphs on (Kreistag member: „Für zwei Gruppen …“ – which?)
    assert (
        "Für Kindertagesstätten und Familienzentren sowie freiberufliche Hebammen wurde sie gemeinsam unterzeichnet; "
        "das bindet die einzelnen Einrichtungen und Personen nicht."
    ) in text
    table = text.split("Bisherige Kooperationsvereinbarung: gebundene Akteure", 1)[1]
    assert "Freiberufliche Hebammen" not in table and "Kindertagesstätten und Familienzentren" not in table
    assert "Bisherige Kooperationsvereinbarung: gebundene Akteure" in text and "Gebunden seit" in text
    agreement = concept.agreement
    signed_ids = {a["id"] for a in signed}
    new = [a.name for a in agreement.bound_actors if a.id not in signed_ids]
    assert (
        new
        and f"Gegenüber der bisherigen Vereinbarung ändert sich: Neu gebunden: {enumeration_of_names(new)}."
        in text
    )
    acceding = [a.name for a in concept.actors if a.id in signed_ids and agreement.joins_individually(a)]
    assert acceding == ["Kindertagesstätten und Familienzentren", "Freiberufliche Hebammen"]
    assert (
        "Bisher gemeinsam unterzeichnet, künftig einzeln beitretend: Kindertagesstätten und Familienzentren sowie "
        "freiberufliche" in text
    )
    # named where the joint signature is said, and in the list of who accedes now – no third time
    assert text.count("Kindertagesstätten und Familienzentren sowie") == 2
    assert "nicht mehr gebunden" not in text  # every earlier signatory is bound or accedes


def test_the_papers_say_since_when_an_actor_is_bound_and_that_a_group_is_not(concept):
    """The papers' table of actors answers „An die bisherige Kooperationsvereinbarung gebunden“ with
    „seit …“, „nein“ or, for a group signed for jointly, „nein (für die Gruppe …)“ (language review: the
    column „gebunden seit“ was answered „nein (gemeinsam unterzeichnet am …)“)."""
    from pipeline.model.papers import paper_views
    from pipeline.render import render_paper

    rows: dict[str, list[str]] = {}
    for view in paper_views(concept):
        root = lxml.html.fromstring(f"<div>{render_paper(view).body_html}</div>")
        for grid in root.iter("table"):
            head = [" ".join(th.text_content().split()) for th in grid.iter("th")]
            if "An die bisherige Kooperationsvereinbarung gebunden" in head:
                for tr in grid.iter("tr"):
                    cells = [" ".join(td.text_content().split()) for td in tr.iter("td")]
                    if cells:
                        rows[cells[0]] = cells
    midwives = concept.actor("hebammen")
    assert rows[midwives.name][2] == (
        # not 'nein (… gemeinsam unterzeichnet)', read as a contradiction (Stadtverordnete)
        f"als Gruppe gemeinsam unterzeichnet am {midwives.agreement_signed:%d.%m.%Y}; einzeln nicht gebunden"
    )
    bound = [a for a in concept.bound_by_agreement if a.name in rows]
    assert bound and all(rows[a.name][2] == f"seit {a.agreement_signed:%d.%m.%Y}" for a in bound)
    assert all(rows[a.name][2] == "nein" for a in concept.actors if a.name in rows and not a.agreement_signed)


def test_without_a_new_agreement_the_groups_signed_for_jointly_are_named(inputs):
    """No new agreement to list them: the sentence names the groups its signature did not bind."""

    def no_agreement(data):
        data.pop("kooperationsvereinbarung")

    def no_agreement_attached(paper):
        for kind in ("kooperationsvereinbarung", "einverstaendniserklaerung"):
            paper["anlagen"].remove({"erzeugt": kind})

    inputs.edit("netzwerk.yaml", no_agreement)
    concept = (
        inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", no_agreement_attached).check(strict=False).concept
    )
    assert concept.agreement is None
    text = _network_chapter_text(concept)
    # 74 Kitas without a common Träger and the freelance midwives without one are groups by their data,
    # with or without the agreement's 'einzelbeitritt' (code review: the Kitas counted as bound without it)
    assert "An die Vereinbarung sind 14 von 22 Akteuren gebunden." in text
    assert (
        "Für Kindertagesstätten und Familienzentren sowie freiberufliche Hebammen wurde sie gemeinsam unterzeichnet; "
        "das bindet die einzelnen Einrichtungen und Personen nicht."
    ) in text
    table = text.split("Kooperationsvereinbarung: gebundene Akteure", 1)[1]
    assert "Freiberufliche Hebammen" not in table and "Kindertagesstätten" not in table


def test_a_body_that_meets_in_each_sozialraum_counts_its_chair_in_all_and_members_in_one():
    """Neuhafen's Stadtteilrunden: four sittings a year in each of four Sozialräume. The
    coordination leads all (16 sittings); the ASD, with a contact person in every Sozialraum, sits
    in all of them too; a member without sits in its own (4); the network meets 16 times in them;
    tables say 'je 4 in 4 Sozialräumen (16)' (not '4 je Sozialraum': the city has five)."""
    city = check_folder(Path(__file__).resolve().parent.parent / "inputs" / "neuhafen").concept
    network = yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "inputs" / "neuhafen" / "netzwerk.yaml").read_text(
            encoding="utf-8"
        )
    )
    raw = network["netzwerkgremien"]
    everywhere = network["kooperationsvereinbarung"]["ansprechpersonen_je_sozialraum"]
    rounds = next(b for b in city.network.bodies if b.id == "stadtteilrunden")
    assert len(rounds.social_spaces) == 4 and rounds.meetings_per_year == 4 and rounds.sittings == 16
    assert rounds.meetings_shown == "je 4 in 4 Sozialräumen (16)"
    expected = sum(b["sitzungen_pro_jahr"] * max(1, len(b.get("je_sozialraum", []))) for b in raw)
    assert city.network_meetings_per_year == expected
    chair = city.agreement.contribution(city.actor("netzwerkkoordination"))
    chaired = sum(
        b["sitzungen_pro_jahr"] * max(1, len(b.get("je_sozialraum", [])))
        for b in raw
        if b["leitung"] == "netzwerkkoordination"
    )
    joined = sum(
        b["sitzungen_pro_jahr"]
        for b in raw
        if b["leitung"] != "netzwerkkoordination" and "netzwerkkoordination" in b["mitglieder"]
    )
    assert chair.meetings_per_year == chaired + joined

    def sittings(actor: str, in_all: bool) -> int:
        spaces = lambda b: max(1, len(b.get("je_sozialraum", []))) if in_all else 1  # noqa: E731
        return sum(b["sitzungen_pro_jahr"] * spaces(b) for b in raw if actor in b["mitglieder"])

    assert "asd" in everywhere
    asd = city.agreement.contribution(city.actor("asd"))
    assert asd.meetings_per_year == sittings("asd", True) > sittings("asd", False)
    local = next(m for m in rounds.members if m not in everywhere and m != rounds.chair)
    assert city.agreement.contribution(city.actor(local)).meetings_per_year == sittings(local, False)
    # the count says which sittings it takes (a reader found some counted with all, some with one),
    # once at the head of Anlage 1, not in every entry (Netzwerkkoordinatorin: it stood there eight times)
    member = city.agreement.contribution(city.actor(local))
    assert member.counted_in_some_spaces == [rounds] and not asd.counted_in_some_spaces
    assert not chair.counted_in_some_spaces
    assert member.meetings_phrase.endswith(" Sitzungen im Jahr")
    # a member working in two of the four Sozialräume sits in both rounds (a reader: the
    # Hebammenzentrale promised nine sittings, its grant asks for its work in both)
    midwives = city.agreement.contribution(city.actor("hebammenzentrale"))
    assert [s.name for s in city.municipality.social_spaces if s.id in ("hafenviertel", "nordstadt")] == [
        "Altstadt und Hafenviertel",
        "Nordstadt",
    ]
    assert midwives.meetings_per_year == sittings("hebammenzentrale", False) + rounds.meetings_per_year
    assert midwives.counted_in_some_spaces == [rounds]
    assert (
        midwives.member_labels[-1]
        == f"{rounds.name} in den Sozialräumen Altstadt und Hafenviertel sowie Nordstadt"
    )
    assert member.member_labels == [b.name for b in member.member_of]
    assert city.agreement.counted_per_space == (
        f"Bei Gremien, die je Sozialraum tagen ({rounds.name}), sind für Partnerinnen und Partner, die nicht in "
        "allen Sozialräumen mitarbeiten, die Sitzungen der bei ihnen genannten Sozialräume gezählt, sonst die eines "
        "Sozialraums."
    )
    text = " ".join(lxml.html.fromstring(render_agreement(city.agreement).body_html).text_content().split())
    assert text.count("die Sitzungen der bei ihnen genannten Sozialräume gezählt") == 1
    assert f"{rounds.name} in den Sozialräumen Altstadt und Hafenviertel sowie Nordstadt (zusammen" in text
    # the concept names them with the actor
    from pipeline.render import concept_chapters

    actors = concept_chapters(city)["konzept/07_akteure.html.j2"]
    entry = actors.split('id="akteur-hebammenzentrale"')[1].split("<h3")[0]
    assert "Sozialräume:</strong> Altstadt und Hafenviertel sowie Nordstadt" in entry
    assert actors.count("Sozialräume:</strong>") == 1


@pytest.mark.parametrize(
    ("spaces", "sittings", "named"),
    [
        ([], 4, []),  # one Sozialraum, not named
        (["sued"], 4, []),  # one named: still one
        (["hafenviertel", "mainbogen"], 4, []),  # the rounds meet in only one of them
        (
            ["hafenviertel", "nordstadt", "sued"],
            12,
            ["Altstadt und Hafenviertel", "Nordstadt", "Südliche Stadtteile (Hainfeld und Obermühl)"],
        ),
        (["hafenviertel", "nordstadt", "eichwald", "sued", "mainbogen"], 16, []),  # all the rounds': all
    ],
)
def test_a_member_of_rounds_per_sozialraum_counts_the_sittings_of_its_sozialraeume(spaces, sittings, named):
    from pipeline.model.agreement import Contribution

    city = check_folder(Path(__file__).resolve().parent.parent / "inputs" / "neuhafen").concept
    rounds = next(b for b in city.network.bodies if b.id == "stadtteilrunden")
    assert "mainbogen" not in rounds.social_spaces
    names = {s.id: s.name for s in city.municipality.social_spaces}
    member = Contribution(city.actor("jobcenter"), (), (), (), (rounds,), spaces={s: names[s] for s in spaces})
    assert member.meetings_per_year == sittings
    assert member.spaces_in(rounds) == named
    assert member.counted_in_some_spaces == ([] if sittings == rounds.sittings else [rounds])


def test_without_a_member_in_several_sozialraeume_the_agreement_says_one_is_counted(tmp_path):
    import shutil

    folder = tmp_path / "neuhafen"
    shutil.copytree(Path(__file__).resolve().parent.parent / "inputs" / "neuhafen", folder)
    actors = folder / "akteure.yaml"
    text = actors.read_text(encoding="utf-8")
    actors.write_text(re.sub(r"\n    sozialraeume: \[hafenviertel, nordstadt\].*", "", text), encoding="utf-8")
    agreement = check_folder(folder).concept.agreement
    assert agreement.counted_per_space.endswith(
        "die nur in einem Sozialraum mitarbeiten, nur die Sitzungen dieses Sozialraums gezählt."
    )


def test_the_jugendamt_s_own_professionals_are_named_apart_from_4_kkg(inputs):
    """Familienhebammen employed by the Jugendamt do not proceed under § 4 KKG but under its own
    Schutzauftrag – in the agreement as in the concept's chapter, or the Landrätin would sign a
    rule that contradicts the concept."""
    actor = next(a for a in raw(EXAMPLE)["akteure.yaml"]["akteure"] if a.get("im_jugendamt"))

    def clause(concept) -> str:
        text = text_of(root_of(render_agreement(concept.agreement).body_html))
        return text[text.index("§ 6 Datenschutz und Schweigepflicht") : text.index("§ 7 ")]

    text = clause(inputs.check().concept)
    # a sentence of its own: the agreement has no sentence on § 4 Abs. 3 KKG before it (Netzwerkkoordinatorin)
    exception = (
        "Für die Fachkräfte des Jugendamts selbst gilt nicht § 4 KKG, sondern der Schutzauftrag des Jugendamts; im "
        f"Netzwerk betrifft das: {actor['name']}. Sie schätzen"
    )
    assert exception in text
    assert text.index("(§ 4 Abs. 3 Satz 3 KKG)") < text.index(exception) < text.index("§ 8a SGB VIII:")
    inputs.replace("akteure.yaml", "  im_jugendamt: true", "  im_jugendamt: false")
    assert "Fachkräften des Jugendamts selbst" not in clause(inputs.check().concept)


def test_the_organiser_signs_as_what_it_signs_for(inputs, raw_inputs):
    """The organiser signs as Träger der Jugendhilfe with its Jugendamt – and, where it also
    signs for services outside the Jugendamt (the Gesundheitsamt), as their Träger too (a reader:
    the Gesundheitsamt does not act as Träger der Jugendhilfe)."""
    actors = raw_inputs["akteure.yaml"]["akteure"]
    organiser = raw_inputs["kommune.yaml"]["kommune"]["traeger"]
    ids = {o["id"]: o["name"] for o in raw_inputs["akteure.yaml"]["traeger"]}
    own = [a for a in actors if a.get("traeger") and ids[a["traeger"]] == organiser]
    beyond = [a for a in own if not a.get("im_jugendamt") and a["id"] != "netzwerkkoordination"]
    assert beyond
    assert inputs.check().concept.agreement.organiser_role == (
        "Örtlicher Träger der öffentlichen Jugendhilfe und Träger der weiteren genannten Dienste"
    )
    youth_office = raw_inputs["kommune.yaml"]["kommune"]["jugendamt"]

    def only_the_youth_office(data: dict) -> None:
        for actor in data["akteure"]:
            if actor in beyond or actor["id"] in {a["id"] for a in beyond}:
                actor.pop("traeger", None)

    concept = inputs.edit("akteure.yaml", only_the_youth_office).check().concept
    assert concept.agreement.organiser_role == f"Örtlicher Träger der öffentlichen Jugendhilfe, {youth_office}"


def test_a_joint_network_is_named_in_the_agreement(concept):
    """Where Frühe Hilfen and Kinderschutz form one network, the agreement gives its name (a
    reader of Neuhafen's agreement missed it); separate networks need no such sentence."""
    section = raw(NEUHAFEN)["querschnitt.yaml"]["kinderschutz"]["netzwerk_kinderschutz"]
    assert section["gemeinsam"] is True
    city = text_of(root_of(render_agreement(check_folder(NEUHAFEN).concept.agreement).body_html))
    assert f"in einem gemeinsamen Netzwerk („{section['name']}“)." in city
    district = raw(EXAMPLE)["querschnitt.yaml"]["kinderschutz"].get("netzwerk_kinderschutz") or {}
    assert not district.get("gemeinsam")
    assert "in einem gemeinsamen Netzwerk" not in text_of(root_of(render_agreement(concept.agreement).body_html))


def test_the_agreement_names_the_network_s_own_contacts_in_child_protection(concept):
    """A partner signs up to whom it calls: the Jugendamt's contact and when it is reachable, the
    insoweit erfahrene Fachkraft with her contact and the Jugendamt's feedback – as the concept's
    chapter on child protection has them (querschnitt.yaml), not only the law."""
    section = raw(EXAMPLE)["querschnitt.yaml"]["kinderschutz"]
    actors = {a["id"]: a["name"] for a in raw(EXAMPLE)["akteure.yaml"]["akteure"]}
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    clause = text[text.index("§ 6 Datenschutz und Schweigepflicht") : text.index("§ 7 ")]
    CLAIMS = {
        "§ 4 KKG": "§ 4 Abs. 2 KKG",
        "§ 8a SGB VIII": "§ 8a Abs. 4 SGB VIII",
        "§ 8b SGB VIII": "§ 8b Abs. 1 SGB VIII",
    }
    advice = section["fachberatung"][0]
    for expected in (
        f"Ansprechstelle im Jugendamt: {actors[section['jugendamt']]}",
        f"Erreichbarkeit: {' '.join(section['erreichbarkeit'].split())}",
        # with the claims it advises on (the Justiziariat: a doctor read the Frauenhaus as § 4 Abs. 2 KKG advice)
        f"Insoweit erfahrene Fachkraft ({', '.join(CLAIMS[b] for b in advice['fuer'])}): {actors[advice['akteur']]} "
        f"({advice['kontakt']})",
        f"Rückmeldung des Jugendamts: {' '.join(section['rueckmeldung'].split())}",
        f"Leitfaden vor Ort: {section['leitfaden']}",
    ):
        assert expected in clause
    assert clause.index("§ 8a SGB VIII:") < clause.index("Ansprechstelle im Jugendamt")


def test_an_insoweit_erfahrene_fachkraft_for_one_occasion_says_so_in_the_agreement(inputs):
    """A partner must not call a specialised service about every worry: the agreement names the
    one occasion such advice is limited to, as the concept's table does."""

    concept = inputs.edit("querschnitt.yaml", with_violence_advice).check().concept
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert (
        "Insoweit erfahrene Fachkraft (§ 8a Abs. 4 SGB VIII): Beratungs- und Interventionsstelle bei häuslicher "
        "Gewalt (BISS; Telefon 0123 4567-800), nur bei Gefährdung im Zusammenhang mit häuslicher Gewalt"
    ) in text


def test_the_consent_form_names_church_data_protection_for_church_places(inputs):
    """Places run by a church Träger ('kirchlich' in akteure.yaml) follow the KDG or the DSG-EKD
    under their church's supervision, not the Land's commissioner alone (a reader of Neuhafen's
    form); each place is named under its church's law, and without church Träger nothing."""
    data = yaml.safe_load((EXAMPLE / "akteure.yaml").read_text(encoding="utf-8"))
    churches = {o["id"]: o["kirchlich"] for o in data["traeger"] if o.get("kirchlich")}
    concept = inputs.check().concept
    text = text_of(root_of(render_consent_form(concept.agreement).body_html))
    places = concept.agreement.consent_places
    for law, church in (("(KDG) gilt für:", "katholisch"), ("(DSG-EKD) gilt für:", "evangelisch")):
        named = text.split(law)[1].split(".")[0]
        expected = [a for a in places if a.carrier and churches.get(a.carrier) == church]
        assert expected and all(a.name_in_text in named for a in expected)
        assert not any(a.name_in_text in named for a in places if a not in expected)
    # the Land's commissioner is not competent for church bodies (data protection review)
    # the evangelical authority by its address (one for the whole EKD since 2025), the Catholic ones by asking
    assert (
        "Aufsicht für Stellen der evangelischen Kirche und der Diakonie ist der Beauftragte für den Datenschutz der "
        "EKD, Lange Laube 20, 30159 Hannover. Über diese Stellen beschweren Sie sich dort, über die Stellen nach dem "
        "KDG bei ihrer kirchlichen Datenschutzaufsicht, die sie Ihnen nennen – nicht bei der staatlichen "
        "Aufsichtsbehörde." in text
    )

    def secular(raw):
        for organisation in raw["traeger"]:
            organisation.pop("kirchlich", None)

    plain = inputs.edit("akteure.yaml", secular).check().concept
    assert "kirchlich" not in text_of(root_of(render_consent_form(plain.agreement).body_html))


def federal_index(inputs) -> int:
    """The Jobcenter's place in akteure.yaml."""
    return [a["id"] for a in yaml.safe_load(inputs.text("akteure.yaml"))["akteure"]].index("jobcenter")


def test_a_joint_jobcenter_is_sent_to_the_federal_commissioner(inputs):
    """A Jobcenter that is a gemeinsame Einrichtung (§ 44b SGB II) answers to the federal
    commissioner (§ 50 Abs. 4 SGB II), not to the Land's authority the form names (a reader of
    the Bavarian form); described so without the flag, validate warns."""
    from pipeline.model.supervision import FEDERAL

    data = yaml.safe_load((EXAMPLE / "akteure.yaml").read_text(encoding="utf-8"))
    federal = [a for a in data["akteure"] if a.get("datenschutzaufsicht_bund")]
    assert [a["id"] for a in federal] == ["jobcenter"] and "§ 44b SGB II" in federal[0]["rolle"]
    concept = inputs.check().concept
    assert "jobcenter" in {a.id for a in concept.agreement.consent_places}
    text = text_of(root_of(render_consent_form(concept.agreement).body_html))
    assert (
        f"Für die Stelle „{federal[0]['name']}“ ist stattdessen zuständig (§ 50 Abs. 4 SGB II): "
        f"{FEDERAL.name}, {FEDERAL.address}."
    ) in text
    assert not [w for w in inputs.warnings() if "gemeinsame Einrichtung" in w.message]

    def unflagged(raw):
        next(a for a in raw["akteure"] if a["id"] == "jobcenter").pop("datenschutzaufsicht_bund")

    def carried(raw):
        next(a for a in raw["akteure"] if a["id"] == "jobcenter")["traeger"] = "landkreis"

    signed_for = [w for w in inputs.edit("akteure.yaml", carried).warnings() if "§ 44d Abs. 1 SGB II" in w.message]
    assert [w.where.path for w in signed_for] == [("akteure", federal_index(inputs), "traeger")]
    inputs.edit(
        "akteure.yaml", lambda raw: next(a for a in raw["akteure"] if a["id"] == "jobcenter").pop("traeger")
    )
    inputs.edit("akteure.yaml", unflagged)
    (warning,) = [w for w in inputs.warnings() if "gemeinsame Einrichtung" in w.message]
    assert (
        warning.where.path[-1] == "datenschutzaufsicht_bund"
        and warning.suggestion == "datenschutzaufsicht_bund: ja"
    )
    assert "Bundesbeauftragte" not in text_of(
        root_of(render_consent_form(inputs.check().concept.agreement).body_html)
    )


@pytest.mark.parametrize(
    ("folder", "rule"), [("neuhafen", "§ 71 Abs. 2 HGO"), ("musterkreis", "§ 86 Abs. 2 NKomVG")]
)
def test_a_change_that_adds_to_the_municipalitys_duties_needs_its_binding_form(folder, rule):
    """An Amt may agree to a changed annex for the municipality, but a change that obliges it
    anew needs the form its Land prescribes for declarations that oblige it (legal review of
    Neuhafen's agreement); the rule is the one of the procedure table, read here apart."""
    concept = check_folder(Path(__file__).resolve().parent.parent / "inputs" / folder).concept
    land = concept.procedure.binding_declaration.legal_basis
    assert land == rule
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert (
        f"stimmt durch die jeweils zuständige Stelle zu; begründet die Änderung neue Verpflichtungen für "
        f"{concept.municipality.accusative}, bedarf die Zustimmung der Form nach {rule}." in text
    )


def test_a_kreis_among_the_partners_signs_in_its_lands_form(inputs):
    """A kreisangehörige Stadt organises the network, the Landkreis signs for its Gesundheitsamt
    or Frühförderung: the Kreis is bound only in the form its Land prescribes (§ 86 Abs. 2 NKomVG;
    review of a kreisangehörige Stadt), in its signature block and for changes of the annexes."""

    rule = procedure_for("Niedersachsen", "Landkreis").binding_declaration

    def county(raw):
        lebenshilfe = next(o for o in raw["traeger"] if o["id"] == "lebenshilfe")
        lebenshilfe.update(name="Landkreis Nachbarkreis", art="öffentlicher Träger")

    concept = inputs.edit("akteure.yaml", county).check().concept
    agreement = concept.agreement
    (party,) = [p for p in agreement.partners if p.name == "Landkreis Nachbarkreis"]
    form = agreement.partner_signature(party)
    assert form is not None and form.legal_basis == rule.after_form == "nach § 86 Abs. 2 NKomVG"
    assert [s.role for s in form.signatories] == ["Landrätin oder Landrat"]
    assert not [p for p in agreement.partners if p is not party and agreement.partner_signature(p)]
    text = text_of(root_of(render_agreement(agreement).body_html))
    block = text.split("Landkreis Nachbarkreis Unterzeichnet für:")[1]
    assert block.split("Ort, Datum")[0].strip().endswith(f"{form.requirements} Landrätin oder Landrat:")
    assert f"Für den Landkreis Nachbarkreis gilt die Form nach {rule.legal_basis}." in text


@pytest.mark.parametrize(
    ("state", "named", "warned"),
    [
        (
            "Bayern",
            "Der Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover",
            True,
        ),
        (
            "Niedersachsen",
            "Der Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover",
            False,
        ),
        ("Sachsen-Anhalt", "Die Landesbeauftragte für den Datenschutz Sachsen-Anhalt, Magdeburg", False),
        ("Sachsen", "Die Landesbeauftragte für den Datenschutz Sachsen-Anhalt, Magdeburg", True),
        # a street is no Land; a city state's authority is (code review)
        (
            "Niedersachsen",
            "Der Landesbeauftragte für den Datenschutz Niedersachsen, Sachsenring 1, Hannover",
            False,
        ),
        ("Bayern", "Der Hamburgische Beauftragte für Datenschutz, Ludwig-Erhard-Straße 22, Hamburg", True),
    ],
)
def test_the_consent_forms_authority_is_the_own_lands(inputs, state, named, warned):
    """Bavarian review: the Lower Saxon commissioner copied into a Bavarian form passed unwarned;
    parents' complaints would go to an authority that is not responsible."""

    def authority(data):
        data["kooperationsvereinbarung"]["einverstaendniserklaerung"]["aufsichtsbehoerde"] = named

    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland=state))
    inputs.edit("netzwerk.yaml", authority)
    found = [w for w in inputs.warnings() if w.where.path[-1] == "aufsichtsbehoerde"]
    assert bool(found) == warned
    if warned:
        assert f"die Kommune liegt in {state}" in found[0].message and "eine Behörde in" in found[0].message


def test_the_preamble_names_the_lands_network_law(inputs):
    """§ 3 Abs. 3 KKG defers to Landesrecht; where the Land has a network law the agreement names it
    as the concept does (review of a Saxon Landkreis: only the concept cited § 1 Abs. 2 SächsKiSchG) –
    Niedersachsen, the example's Land, has none in the table."""

    def preamble() -> str:
        concept = inputs.check().concept
        root = root_of(render_agreement(concept.agreement).body_html)
        heading = root.xpath("//h1[@id='praeambel']")[0]
        return text_of(heading.getnext())

    assert "Landesrecht" not in preamble().split("sofern Landesrecht nichts anderes bestimmt", 1)[1]
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland="Sachsen"))
    text = preamble()
    assert (
        "Für die Netzwerke gilt in Sachsen zudem § 1 Abs. 2 und 3 SächsKiSchG: Die örtlichen Träger der öffentlichen Jugendhilfe"
        in text
    )
    assert text.index("§ 1 Abs. 2 und 3 SächsKiSchG") < text.index("Die Beteiligten sollen die Grundsätze")


def test_volunteers_on_the_form_get_only_what_a_first_contact_needs(concept):
    """Review by a Netzwerkkoordinatorin: a Patin ticked beside the Familienhebamme could have received
    the 'Anlass der Vermittlung', which often names burdens; volunteers need the contact only, through
    the Träger that accompanies them."""
    agreement = concept.agreement
    assert agreement.volunteer_places
    text = text_of(root_of(render_consent_form(agreement).body_html))
    rule = (
        "Ehrenamtliche erhalten nur, was für den ersten Kontakt nötig ist – etwa Name und Telefonnummer –, und nur über "
        "den Träger, der sie begleitet"
    )
    assert rule in text
    # it stands under the data, before the health data
    assert text.index("Welche Angaben?") < text.index(rule) < text.index("Angaben zur Gesundheit: Ich bin")


def test_the_consent_is_a_star_around_the_place_that_takes_it(inputs):
    """Data protection officer's review: 'untereinander' let every ticked place tell every other
    everything (Art. 4 Nr. 11, Art. 9 Abs. 2 Buchst. a DSGVO: for the specific case). The form now
    allows exchanges between the place that takes it and each ticked place, gives every ticked place a
    copy as proof (Art. 7 Abs. 1 DSGVO), lets each parent declare on a sheet of their own, and says
    what the Jugendamt may do with what it learns (§ 65 Abs. 1 Satz 1 Nr. 2 SGB VIII)."""
    concept = inputs.check().concept
    agreement = concept.agreement
    form = text_of(root_of(render_consent_form(agreement).body_html))
    assert (
        "untereinander austauschen" not in form and "Stellen untereinander von ihrer Schweigepflicht" not in form
    )
    assert (
        "dass diese Stelle mit jeder Stelle, die ich unten ankreuze, Angaben über mich und mein Kind austauscht"
        in form
    )
    assert "Die angekreuzten Stellen tauschen untereinander nichts aus" in form
    assert (
        "erlaube ich ihnen, die angekreuzten Angaben weiterzugeben, und entbinde sie so von ihrer Schweigepflicht. Das gilt "
        "zwischen der Stelle, die diese Erklärung aufnimmt, und jeder angekreuzten Stelle, in beide Richtungen; für "
        "Angaben zur Gesundheit nur mit den angekreuzten Stellen, die ich dafür eingetragen habe. Die angekreuzten "
        "Stellen untereinander entbinde ich nicht, außer für die Vermittlung, wenn ich sie angekreuzt habe."
    ) in form
    assert "gibt sie an eine andere nur weiter, wenn Sie im Einzelfall gesondert schriftlich zustimmen" in form
    assert (
        "auf der die anderen angekreuzten Stellen und die Angaben, die sie nicht erhalten darf, geschwärzt sind"
        in form
    )
    assert "Jeder Elternteil kann die Erklärung auch auf einem eigenen Vordruck abgeben" in form
    assert "(§ 65 Abs. 1 Satz 1 Nr. 2 SGB VIII)" in form
    assert "als Nachweis Ihrer Einwilligung auf" in form
    assert "Anlass der Vermittlung (ohne Angaben zur Gesundheit)" in form
    body = text_of(root_of(render_agreement(agreement).body_html))
    # short sentences, each with a subject of its own (Lektorat: 'die sie nennt … jede … Dafür nutzen sie')
    assert (
        "Vor dem ersten Austausch gibt die Stelle, die eine Einwilligung aufnimmt, jeder darin genannten Stelle eine "
        "Kopie; darauf sind die anderen Stellen und die Angaben geschwärzt, die diese Stelle nicht erhalten darf. Jede "
        "Stelle bewahrt ihre Kopie als Nachweis auf (Art. 7 Abs. 1 DSGVO). Was der Vordruck den Eltern zusagt, halten "
        "alle Partnerinnen und Partner ein." in body
    )
    assert "Für die Einwilligung nutzen sie " in body and "Dafür nutzen sie" not in body
    assert "es sei denn, ein Gesetz erlaubt oder verlangt es (vor allem § 4 KKG und § 8a SGB VIII)" in body
    # the Caritas follows the KDG: its consents in writing (§ 8 Abs. 2 KDG); the whole sentence, which once
    # ended 'fest ein' (code review)
    assert any(o.church == "katholisch" for o in concept.organisations)
    rule = (
        "Sie holen die Einwilligung schriftlich oder elektronisch ein{kdg}; nur wo besondere Umstände eine andere Form angemessen machen, "
        "mündlich – dann halten sie Datum und Umfang fest. Sie geben nur die Angaben, nur an die Stellen und nur für "
        "die Zwecke weiter, die in der Einwilligung genannt sind."
    )
    kdg = " (Träger, die dem Gesetz über den Kirchlichen Datenschutz unterliegen, schriftlich, § 8 Abs. 2 KDG)"
    assert rule.format(kdg=kdg) in body

    def secular(raw):
        for organisation in raw["traeger"]:
            if organisation.get("kirchlich") == "katholisch":
                organisation.pop("kirchlich")

    plain = inputs.edit("akteure.yaml", secular).check().concept
    assert rule.format(kdg="") in text_of(root_of(render_agreement(plain.agreement).body_html))
    assert "gemeinsame Unterlagen des Netzwerks" not in body


def test_a_joint_jobcenter_signs_by_its_geschaeftsfuehrung(concept):
    """Review of a Große Kreisstadt: the gemeinsame Einrichtung's block asked for a „Funktion“ like any
    partner's, though the law says who represents it (§ 44d Abs. 1 SGB II). Its block names the
    Geschäftsführung; no other partner's does."""
    agreement = concept.agreement
    jobcenter = [p for p in agreement.partners if any(a.federal_supervision for a in p.actors)]
    assert len(jobcenter) == 1 and jobcenter[0].own
    others = [p for p in agreement.partners if p not in jobcenter]
    assert others and not any(agreement.partner_role(p) for p in others)
    text = " ".join(lxml.html.fromstring(render_agreement(agreement).body_html).text_content().split())
    signatures = text.split("Unterschriften", 1)[1]
    block = signatures.split(jobcenter[0].name, 1)[1].split("Unterzeichnet für", 1)[0]
    assert block.strip() == "vertreten durch die Geschäftsführerin oder den Geschäftsführer (§ 44d Abs. 1 SGB II)"


def test_what_a_signing_traeger_s_legal_department_asked_for():
    """Review by the Justiziariat of a freier Träger: church Träger follow their church's data protection
    law, which § 6 names beside the DSGVO's articles; a withdrawal goes to the place that took the consent
    (the others see only a blacked-out copy and cannot tell whom to inform); no claims of the partners
    against each other, no joint controllership; the reservation of funds covers the free Träger's own
    money; a Träger signing for other services does not bind its Familienzentren; the lists of members
    keep the institutions' names as they are ('Koordinierungsstelle', not 'koordinierungsstelle')."""
    concept = check_folder(NEUHAFEN).concept
    root = root_of(render_agreement(concept.agreement).body_html)
    text = text_of(root)
    churches = {o.church for o in concept.organisations if o.church}
    assert churches == {"katholisch", "evangelisch"}
    assert (
        "Für Partnerinnen und Partner, die kirchlichem Datenschutzrecht unterliegen (Art. 91 DSGVO), gelten statt der "
        "genannten Artikel der DSGVO die entsprechenden Bestimmungen des Kirchengesetzes über den Datenschutz der EKD "
        "(DSG-EKD) oder des Gesetzes über den Kirchlichen Datenschutz (KDG). Für Sozialdaten" in text
    )
    assert (
        "teilt ihn unverzüglich der Stelle mit, bei der die Einwilligung abgegeben wurde; diese informiert" in text
    )
    assert "keine einklagbaren Ansprüche der Partnerinnen und Partner gegeneinander" in text
    # the facts decide, not the wording (EuGH C-25/17; review from the Rechtsamt's side)
    assert "die Vereinbarung allein begründet keine gemeinsame Verantwortlichkeit (Art. 26 DSGVO)" in text
    assert "schließen sie vorher eine Vereinbarung nach Art. 26 DSGVO" in text
    assert "der dafür verfügbaren Haushalts- und Fördermittel, Entgelte und Eigenmittel der freien Träger" in text
    assert "Familienzentren in Kindertagesstätten, deren Träger nicht für sie unterzeichnet haben" in text
    # which prevails where concept and agreement differ; who signs may represent the Träger
    assert (
        "Weichen Gesamtkonzept und Vereinbarung voneinander ab, gehen für die Pflichten der Partnerinnen und "
        in text
    )
    assert (
        "Die Unterzeichnenden erklären, dass sie berechtigt sind, die Organisation zu vertreten, für die sie unterzeichnen."
        in text
    )
    members = " ".join(text_of(p) for p in root.xpath("//p[strong[starts-with(., 'Mitglieder')]]"))
    assert "Koordinierungsstelle Frühe Hilfen" in members and "koordinierungsstelle" not in members
    # the concept's chapter on data protection says it alike (a Netzwerkkoordinatorin found the church
    # law in the agreement and not in the concept)
    chapter = next(v for k, v in concept_chapters(concept).items() if "09b_datenschutz" in k)
    assert concept.agreement.consent_law in " ".join(lxml.html.fromstring(chapter).text_content().split())
    # the consent form routes a withdrawal alike
    form = text_of(root_of(render_consent_form(concept.agreement).body_html))
    assert (
        "gibt das an die Stelle weiter, die diese Erklärung aufgenommen hat; diese informiert die anderen" in form
    )
    # without a church Träger among those who sign, the DSGVO alone
    from pipeline.model.norms import CONSENT_LAW

    for organisation in concept.organisations:
        object.__setattr__(organisation, "church", None)
    assert concept.agreement.consent_law == CONSENT_LAW == concept.topics.consent_law


@pytest.mark.parametrize("example", ["musterkreis", "neuhafen"])
def test_a_signature_that_binds_no_member_names_who_signs_not_a_profession(example):
    """'Die Berufsvertretung unterzeichnet …' stood in Anlage 1 for Neuhafen's Hebammennetz, which
    runs the Hebammenzentrale and is no professional body (review by a Netzwerkkoordinatorin): the
    signatory by its own name, and what its signature does not do."""
    concept = check_folder(ROOT / "inputs" / example).concept
    agreement = concept.agreement
    assert agreement is not None
    text = " ".join(lxml.html.fromstring(render_agreement(agreement).body_html).text_content().split())
    assert "Berufsvertretung" not in text
    # by its name, with its article where it can be declined; who accedes named by the group, not
    # 'Jede und jeder' without a noun (Lektorat)
    named = re.findall(
        r"Die Unterschrift (?:von „([^“]+)“|der ([^:]+?)|des ([^:]+?)) verpflichtet niemanden einzeln: Wer zu "
        r"dieser Gruppe gehört, tritt mit eigener Unterschrift bei",
        text,
    )
    names = {"".join(forms) for forms in named}
    midwives = [p.name for p in agreement.partners if "hebamm" in p.name.lower()]
    # the genitive of a masculine name declines its first word ('des Hebammenverbandes …')
    undeclined = {n.replace("Hebammenverbandes", "Hebammenverband") for n in names}
    assert names and undeclined <= {p.name for p in agreement.partners} and set(midwives) & undeclined


def test_the_partners_use_the_coordination_paths_not_the_families(concept):
    """§ 5 said 'Damit Familien … finden, nutzen sie die Abstimmungswege': 'sie' pointed to the
    families (Lektorat)."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert "finden, nutzen die Partnerinnen und Partner die Abstimmungswege in Anlage 2" in text
    assert "nutzen sie die Abstimmungswege" not in text


@pytest.mark.parametrize("folder", ["musterkreis", "neuhafen"])
def test_services_under_other_law_are_listed_but_not_owed_under_the_agreement(folder):
    """Anlage 1 lists a midwife's Wochenbettbetreuung and a practice's check-ups so the network
    knows them; the agreement does not make them owed (they are claims against the health
    insurance, § 24d SGB V), and who accedes alone sits in the group's bodies as far as the
    practice allows (health-sector review: midwives and practices would object)."""
    agreement = check_folder(ROOT / "inputs" / folder).concept.agreement
    root = root_of(render_agreement(agreement).body_html)
    annex = root.xpath("//h1[@id='anlage-beitraege']")[0]
    intro = text_of(annex.getnext())
    assert "Hebammenhilfe und ärztliche Versorgung nach dem SGB V" in intro
    assert "eine Pflicht, sie zu erbringen, begründet diese Vereinbarung nicht" in intro
    alone = root.xpath("//h2[@id='einzelbeitritt']")
    assert bool(alone) == bool(agreement.acceding)
    if alone:
        assert "soweit es ihr Arbeitsalltag zulässt" in text_of(alone[0].getnext())


def test_an_association_promoting_two_groups_speaks_of_them_in_the_plural():
    """Stadt Lindenbrück (tests/fixtures/lindenbrueck, NRW review): 'Wirbt in der Gruppen …'."""
    from pipeline.build import check_folder

    from .conftest import ROOT

    concept = check_folder(ROOT / "tests" / "fixtures" / "lindenbrueck").concept
    promotions = [p.promotion for p in concept.agreement.parties if p.promotion]
    plural = [p for p in promotions if "“ und „" in p]
    assert plural and all(p.startswith("Wirbt bei den Angehörigen der Gruppen „") for p in plural)
    # the groups it only promotes are none of its services: no 'Träger der weiteren genannten Dienste'
    # under the Stadt's signature (Netzwerkkoordinatorin)
    assert concept.agreement.organiser.promoted_groups
    assert concept.agreement.organiser_role == (
        f"Örtlicher Träger der öffentlichen Jugendhilfe, {concept.municipality.youth_office}"
    )


def test_without_the_old_agreements_end_no_date_is_promised(inputs):
    """'… kündigt die bisherige nach deren eigenen Regeln, frühestens zum 30.06.2027' was six months
    after the start, assumed by the tool (Saxon review): without 'bisherige_endet' no date is named,
    in the agreement and in the concept alike."""
    from pipeline.render import concept_chapters, render_agreement

    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].pop("bisherige_endet"))
    concept = inputs.check().concept
    agreement = render_agreement(concept.agreement).body_html
    assert "kündigt die bisherige Vereinbarung nach deren eigenen Regeln." in agreement
    assert "frühestens zum" not in agreement
    chapters = " ".join(concept_chapters(concept).values())
    assert "frühestens zum" not in chapters


def test_a_masculine_co_signer_is_named_with_vom():
    """'Mitunterzeichnet wird die Vereinbarung von dem Sächsischen Hebammenverband e. V.' (Saxon review)."""
    from pipeline.model.grammar import definite

    assert definite("Sächsischer Hebammenverband e. V.").vom == "vom Sächsischen Hebammenverband e. V."
    assert definite("Kreisgruppe Musterkreis").vom == "von der Kreisgruppe Musterkreis"


def test_a_network_form_titled_like_the_generated_one_is_named_once(inputs):
    """Neckarbrunn (BW review) titled its own form in querschnitt.yaml like the tool's
    „Einverständniserklärung und Schweigepflichtentbindung“: § 6 offered the network's form
    „Einverständniserklärung und Schweigepflichtentbindung“ or the form „Einverständniserklärung und
    Schweigepflichtentbindung“ (Anlage 4). Named once; the network's other forms stay."""

    def titled_alike(data):
        data["datenschutz"]["formulare"][1]["titel"] = "Einverständniserklärung und Schweigepflichtentbindung"

    concept = inputs.edit("querschnitt.yaml", titled_alike).check().concept
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert (
        # not 'aus dem Gesamtkonzept': the concept names the form, it does not hold it (Netzwerkkoordinatorin)
        "nutzen sie den Vordruck des Netzwerks („Einwilligung in die Weitergabe von Kontaktdaten "
        "(Vermittlungsbogen)“), den das Gesamtkonzept nennt und die Netzwerkkoordination bereitstellt, oder den "
        "Vordruck „Einverständniserklärung und "
        "Schweigepflichtentbindung“ (Anlage 4)"
    ) in text


def test_the_organisers_own_services_are_never_newly_bound(inputs):
    """Havelland-Süd (Brandenburg review) recorded the earlier signatures of its partners only: the
    Jugendamt's coordination and ASD and the Kreis's Gesundheitsamt, with no date, stood under
    „Neu gebunden“ – services of the Träger that organises the network belonged to it all along.
    Where some own services have a date (the example), one without it joined since and is new."""

    own_services = {a.id for a in inputs.check().concept.agreement.organiser.actors}

    def signed_by_partners_only(data):
        for actor in data["akteure"]:
            if actor["id"] in own_services:
                actor.pop("kooperationsvereinbarung", None)

    agreement = inputs.edit("akteure.yaml", signed_by_partners_only).check().concept.agreement
    own = {a.id for a in agreement.organiser.actors}
    assert "asd" in own and "asd" in {a.id for a in agreement.bound_actors}
    assert "asd" not in {a.id for a in agreement.newly_bound}
    assert not own & {a.id for a in agreement.newly_bound}
    assert agreement.newly_bound  # the example's Klinikum and Fachstelle für Sucht, bound by their Träger


def test_a_chair_named_with_brackets_stands_between_dashes(inputs):
    """Havelland-Süd (review re-check): „des Qualitätszirkels Familienbegleitung (Gesundheitsorientierte
    Familienbegleitung des DRK (Familienhebammen und FGKiKP))“ – brackets in brackets in a contract."""

    def bracketed(data):
        for actor in data["akteure"]:
            if actor["id"] == "gesundheitsamt":
                actor["name"] = "Gesundheitsamt (Kinder- und Jugendgesundheitsdienst)"

    concept = inputs.edit("akteure.yaml", bracketed).check().concept
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    supported = text.split("Sie unterstützt die Leitung")[1].split(" bei Einladung und Vorbereitung.")[0]
    assert "– Gesundheitsamt (Kinder- und Jugendgesundheitsdienst) –" in supported
    assert "((" not in supported and "))" not in supported


def test_the_organisers_own_services_are_not_invited_to_accede_to_its_agreement():
    """Hansestadt Warnemark (M-V review): the city signs its agreement as a party, yet its ASD and
    its Kita department – not listed under 'unterzeichnende' – 'sind eingeladen beizutreten'. The
    agreement no longer invites them, and validate asks to name them among those signed for."""
    from .conftest import fixture_inputs

    inputs = fixture_inputs("warnemark")
    actors = yaml.safe_load(inputs.text("akteure.yaml"))["akteure"]
    listed = yaml.safe_load(inputs.text("netzwerk.yaml"))["kooperationsvereinbarung"]["unterzeichnende"]
    own = [a["id"] for a in actors if a.get("traeger") == "kommune" and a["id"] not in listed]
    assert own == ["asd", "kita-verwaltung"]
    concept = inputs.check().concept
    assert concept.agreement is not None
    assert not {a.id for a in concept.agreement.invited} & set(own)
    html = render_agreement(concept.agreement).body_html
    text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
    invited = text.split("ohne diese Vereinbarung zu unterzeichnen:")[1].split(" Anlagen:")[0]
    # one invited, said so that it reads in the singular too (M-V review: '…; auch sie sind eingeladen')
    assert text.count("Eingeladen beizutreten ist auch, wer im Netzwerk mitwirkt") == 1
    assert invited.strip() == "Jobcenter Hansestadt Warnemark."
    assert "Allgemeiner Sozialer Dienst" not in invited and "Kindertagesförderung" not in invited
    warnings = [w.message for w in inputs.warnings() if "ohnehin unterzeichnet" in w.message]
    assert all(f"'{i}'" in warnings[0] for i in own)
    # a service of another signing Träger (the DRK's, re-check) alike
    drk = [a["id"] for a in actors if a.get("traeger") == "drk" and a["id"] not in listed]
    assert drk == ["patenkoordination"] and "Koordination Familienpatenschaften" not in invited
    assert len(warnings) == 2 and "'patenkoordination'" in warnings[1]


def test_an_actor_the_agreement_binds_needs_no_accession_for_its_paths():
    """Review in Niedersachsen: 'Für drei weitere gelten die Abstimmungswege bis zum Beitritt als
    Empfehlung (Psychologische Beratungsstelle …; freiberufliche Hebammen; Kinder- und
    Jugendärztinnen und -ärzte)' – the Beratungsstelle is bound by the Caritas' signature and only
    the recipient of the Kinderärzte's recommended path; only those still to accede are named."""
    from .conftest import fixture_inputs

    concept = fixture_inputs("wesertal").check().concept
    waiting = [a.id for a in concept.actors_with_recommendation_only]
    assert "erziehungsberatung" not in waiting
    assert "kinderaerzte" in waiting
    assert "erziehungsberatung" in [a.id for a in concept.agreement.bound_actors]
    assert "erziehungsberatung" in [a.id for a in concept.actors_with_no_path]


def test_the_agreement_says_which_network_it_is_for_beside_a_child_protection_network():
    """Netzwerkkoordinatorin of Stadt Lindenbrück: the preamble cites § 9 Landeskinderschutzgesetz
    NRW on the Netzwerke Kinderschutz, and a partner could think to join that one; the concept named
    it in a loose line 'Bezeichnung: …' after the paragraph."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    concept = fixture_inputs("lindenbrueck").check().concept
    network = concept.topics.child_protection.network
    assert network is not None and not network.joint
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert (
        f"Diese Vereinbarung gilt für das {concept.network_name}; mit dem {network.name} ist es über die "
        "Steuerungsgruppe Frühe Hilfen verbunden."
    ) in text
    chapter = concept_chapters(concept)["konzept/09a_kinderschutz.html.j2"]
    said = " ".join(lxml.html.fromstring(f"<div>{chapter}</div>").text_content().split())
    assert f"besteht das {network.name} (§ 9 Landeskinderschutzgesetz NRW)." in said
    assert "Bezeichnung" not in said


def test_the_form_says_what_a_tick_reveals_and_who_may_take_it(inputs):
    """A data protection officer's and a plain-language reading of the form: the contact itself
    with a clinic or the Suchtberatung says something about health; only a place that may receive
    health data takes the form; a 'no' still allows a consultation without the name; the consent
    that ends – by time or revocation – ends the data held on it; the address may stay secret."""
    concept = inputs.check().concept
    agreement = concept.agreement
    text = text_of(root_of(render_consent_form(agreement).body_html))
    assert (
        "Schon dass Sie Kontakt zu einer Arztpraxis, Hebamme, Klinik oder Frühförderung haben oder zu einer Beratung "
        "bei Sucht, seelischen Belastungen oder in einem Schwangerschaftskonflikt, sagt etwas über Ihre Gesundheit. "
        "Mit Ihrem Kreuz bei einer solchen Stelle sind Sie ausdrücklich damit einverstanden" in text
    )
    excluded = agreement.places_without_health_data
    assert excluded and (
        f"Diese Erklärung nehmen nur Stellen auf, die Angaben zur Gesundheit erhalten dürfen – nicht "
        f"{enumeration_of_names(excluded)}, nicht Ehrenamtliche." in text
    )
    assert "Dann sprechen die Fachkräfte nicht mit Ihrem Namen über Sie miteinander." in text
    assert (
        "Endet die Einwilligung – weil ihre Zeit um ist oder weil Sie widerrufen –, löscht jede Stelle die Angaben, "
        "die sie nur auf Grund dieser Erklärung erhalten hat" in text
    )
    assert (
        "soll Ihre Anschrift geheim bleiben, etwa in einem Frauenhaus oder einer anderen Schutzwohnung, lassen Sie "
        "das Feld leer" in text
    )
    # the Jugendamt's own services say so in their boxes (data protection officer: the Familienhebamme
    # handing out the form is the Jugendamt herself)
    for actor in agreement.inside_youth_office:
        assert "im Jugendamt" in agreement.consent_label(actor)
    assert "Bei Stellen in kirchlicher Trägerschaft ergeben sich dieselben Rechte aus dem kirchlichen" in text
    assert "Leere Zeilen für weitere Stellen oder Angaben habe ich durchgestrichen" not in text


def test_a_general_box_that_may_carry_health_data_warns(inputs):
    """Neuhafen's „Anlass der Übergabe“ lacked the default's „(ohne Angaben zur Gesundheit)“: the
    reason a clinic refers a family passed to every ticked place without explicit consent."""
    assert not _warned(inputs, "kann Angaben zur Gesundheit enthalten")

    def own_data(data):
        data["kooperationsvereinbarung"]["einverstaendniserklaerung"]["angaben"] = [
            "Name, Anschrift und Telefonnummer",
            "Anlass der Übergabe und die gewünschte Unterstützung",
        ]

    warned = _warned(inputs.edit("netzwerk.yaml", own_data), "kann Angaben zur Gesundheit enthalten")
    assert [w.where.field for w in warned] == ["kooperationsvereinbarung.einverstaendniserklaerung.angaben[1]"]
    assert "Bitte „(ohne Angaben zur Gesundheit)“ ergänzen" in warned[0].message


def test_the_referral_through_the_coordination_is_a_box_of_its_own(concept):
    """Klinikum → Netzwerkkoordination → Familienhebammen, the main route of the example, broke
    the form's star (review from the signers' side): the parents may allow that hand-on with a
    box of its own; the agreement says its paths oblige nobody to inform the Jugendamt."""
    agreement = concept.agreement
    coordination = agreement.referring_place
    assert coordination is not None and coordination.id == "netzwerkkoordination"
    form = text_of(root_of(render_consent_form(agreement).body_html)).replace("\u00a0", " ")
    assert (
        f"☐ Vermittlung: „{agreement.consent_label(coordination)}“ darf die angekreuzten Angaben an eine der Stellen "
        "weitergeben, die ich oben angekreuzt habe, damit diese Stelle mich begleitet" in form
    )
    # the exception beside the rule it makes one to (diff review)
    assert (
        "Die angekreuzten Stellen sprechen nur mit ihr, nicht miteinander – außer bei der Vermittlung, wenn Sie sie "
        "unten ankreuzen." in form
    )
    text = text_of(root_of(render_agreement(agreement).body_html))
    assert (
        "Die Abstimmungswege in Anlage 2 begründen über das Gesetz hinaus keine Pflicht, das Jugendamt zu "
        "informieren; sie regeln nur, wie und wie schnell informiert wird, wenn eine Fachkraft das Jugendamt "
        "informiert – weil sie es nach § 4 KKG darf oder weil ein Gesetz oder eine Vereinbarung nach § 8a Abs. 4 "
        "SGB VIII sie dazu verpflichtet." in text
    )
    assert "für eine Praxis, wer sie vertreten darf" in text and "Inhaberin oder der Inhaber" not in text
    # and the concept's table of transfers lists the route (review from the signers' side)
    chapter = " ".join(
        lxml.html.fromstring(concept_chapters(concept)["konzept/09b_datenschutz.html.j2"]).itertext()
    )
    assert "Zweck: Vermittlung an die Stelle, die sie begleiten soll" in chapter
    assert "Beitritt bestätigt am (Datum, Name, Unterschrift)" in text


def test_a_member_of_a_group_signed_for_by_an_association_keeps_the_proviso(concept):
    """A Hebamme who joins inherited the Steuerungsgruppe's 'verbindlich' attendance without the
    proviso the individually acceding have (review from the signers' side); 'soweit sie ihn selbst
    erbringt' read circular."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert concept.agreement.binding_none
    assert (
        "tritt mit eigener Unterschrift bei (Anlage 3) und übernimmt diesen Beitrag dann für sich, soweit er zur "
        "eigenen Tätigkeit gehört, und arbeitet in den genannten Netzwerkgremien mit, soweit es der Arbeitsalltag "
        "zulässt." in text
    )
    assert "selbst erbringt" not in text


def test_the_annex_names_the_forms_stand_and_the_concept_its_language(concept):
    """Partners sign to keep what the form promises: which form, by its Stand (Rechtsamt's
    reading); the concept says the form is in German (data protection officer: the table named
    other forms in eight languages)."""
    agreement = concept.agreement
    stand = f"{concept.version.date:%d.%m.%Y}"
    assert dict(agreement.annexes)["vordruck"].endswith(f"(eigenes Dokument, Stand {stand})")
    chapter = " ".join(concept_chapters(concept)["konzept/09b_datenschutz.html.j2"].split())
    assert (
        "Der Vordruck liegt auf Deutsch vor; wer ihn mit einer Familie in einer anderen Sprache bespricht"
        in chapter
    )


def test_every_page_of_the_form_has_a_line_for_the_familys_name(concept):
    """The pages with the ticks belonged to nobody once separated or copied (data protection
    officer's review): the footer of every page asks for the family's name."""
    from pipeline.render import FAMILY_NAME_LINE

    footer = render_consent_form(concept.agreement).footer_text
    assert footer.endswith(f" · Name der Familie: {FAMILY_NAME_LINE}") and len(FAMILY_NAME_LINE) >= 16


def test_a_branch_of_an_association_as_party_warns(inputs):
    """A Kreisgruppe is mostly no legal person and cannot sign (§ 26 BGB; review from the
    Rechtsamt's side): the example names the Landesverband, the Kreisgruppe in brackets."""
    assert not _warned(inputs, "Kreis- oder Regionalgruppe")
    inputs.replace(
        "akteure.yaml",
        "name: Hebammenverband Niedersachsen e. V. (Kreisgruppe Musterkreis)",
        "name: Kreisgruppe Musterkreis im Hebammenverband Niedersachsen e. V.",
    )
    (warned,) = _warned(inputs, "Kreis- oder Regionalgruppe")
    assert warned.where.file == "akteure.yaml" and warned.where.field.endswith(".name")


@pytest.mark.parametrize(
    "entry",
    ["Anlass der Übergabe, auch Angaben zur Gesundheit von Mutter und Kind", "Hinweise aus dem Wochenbett"],
)
def test_a_general_box_with_health_words_warns_unless_it_excludes_them(inputs, entry):
    """Any word 'Gesundheit' silenced the warning, pregnancy and Wochenbett were not caught (diff review)."""

    def own_data(data):
        data["kooperationsvereinbarung"]["einverstaendniserklaerung"]["angaben"] = [
            "Name und Geburtsdatum des Kindes",
            entry,
        ]

    warned = _warned(inputs.edit("netzwerk.yaml", own_data), "kann Angaben zur Gesundheit enthalten")
    assert [w.where.field for w in warned] == ["kooperationsvereinbarung.einverstaendniserklaerung.angaben[1]"]


def test_a_gap_between_the_agreements_and_a_date_after_the_start_warn(inputs):
    """Diff review: 'bisherige_endet' before 'beginn' left days without a binding agreement, and an
    actor's date on or after the start made the concept invent an earlier agreement."""
    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].update(bisherige_endet="2027-03-31"))
    assert _warned(inputs, "Dazwischen bindet keine Vereinbarung")
    concept = inputs.check().concept
    assert not concept._earlier_agreement_binds(dt.date(2027, 5, 1))

    def signed_late(data):
        data["akteure"][0]["kooperationsvereinbarung"] = "2027-07-15"

    (warned,) = _warned(inputs.edit("akteure.yaml", signed_late), "liegt nicht vor dem Beginn")
    assert warned.where.file == "akteure.yaml" and warned.where.field == "akteure[0].kooperationsvereinbarung"


def test_a_planned_measure_in_anlage_1_says_when(concept):
    """One literal line (diff review: the test of the partners' contributions rebuilds the label)."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert "M20 Netzwerkbefragung und Wirkungsmonitoring 2027 (geplant ab 01.03.2027 bis 30.09.2027)" in text


def test_a_traeger_may_end_it_for_one_service_and_an_ended_measure_ends_its_duties(concept):
    """Caritas could not withdraw one of its two services, and the duties of a measure that ends
    ran on with the unlimited agreement (review from the signers' side)."""
    text = text_of(root_of(render_agreement(concept.agreement).body_html))
    assert (
        "kündigen, ein Träger auch nur für einzelne seiner Einrichtungen; für die übrigen gilt sie weiter." in text
    )
    assert (
        "Endet eine Maßnahme oder ihre Finanzierung, entfallen die Beiträge und Abstimmungswege, die nur zu ihr "
        "gehören, ohne dass es einer Kündigung bedarf." in text
    )


def test_a_tick_at_the_volunteers_covers_their_traeger(concept):
    """Volunteers receive data only through their Träger, which had no tick of its own where only
    the volunteers were ticked (data protection officer's review)."""
    agreement = concept.agreement
    assert agreement.volunteer_places
    text = text_of(root_of(render_consent_form(agreement).body_html))
    assert (
        "Ihr Kreuz bei den Ehrenamtlichen erlaubt deshalb auch diesem Träger, die angekreuzten Angaben zu erhalten "
        "und weiterzugeben." in text
    )


def test_every_page_names_the_key_of_the_text_it_belongs_to(inputs):
    """Review from the signers' side: two builds with other annexes looked alike on paper, and a
    signed page could not be matched to its text. The footer carries a key of the text: the same
    for the same text, another once an annex changes; the agreement says what it is for."""
    import re

    first = render_agreement(inputs.check().concept.agreement)
    again = render_agreement(inputs.check().concept.agreement)
    key = re.fullmatch(r"Textkennung ([0-9a-f]{8})", first.footer_note)
    assert key and again.footer_note == first.footer_note and "Textkennung" not in first.footer_text
    assert "ein unterschriebenes Blatt gehört zu dem Text mit seiner Kennung" in text_of(root_of(first.body_html))

    def retitled(data):
        data["massnahmen"][0]["titel"] = "Willkommensbesuche für alle Familien mit Neugeborenen"

    changed = render_agreement(inputs.edit("massnahmen.yaml", retitled).check().concept.agreement)
    other = re.fullmatch(r"Textkennung ([0-9a-f]{8})", changed.footer_note)
    assert other and other[1] != key[1]


@pytest.mark.slow
def test_the_agreement_s_word_footer_has_its_text_key_on_a_line_of_its_own(built):
    """As in the PDF: the Fassung and Stand with the page number on the right, the text key on a
    line below (appended, the line broke after a '·' in LibreOffice)."""
    document = Document(built / "kooperationsvereinbarung" / "Kooperationsvereinbarung_Musterkreis_2.0.docx")
    paragraph = document.sections[-1].footer.paragraphs[0]
    first, second = paragraph.text.split("\n")  # python-docx reads the w:br as a line break
    assert first.startswith(
        "Entwurf · Grundlage: Gesamtkonzept Frühe Hilfen, Fassung 2.0 · Stand 15.10.2026\tSeite "
    )
    assert re.fullmatch(r"Textkennung [0-9a-f]{8}", second)


@pytest.mark.parametrize("name", ["saale-boerdeland", "neckarbrunn"])
def test_those_who_accede_one_by_one_are_ebenfalls_only_after_others_who_do(name):
    """Reviews in Sachsen-Anhalt and Baden-Württemberg: „Ebenfalls einzeln beitretend“ stood in the list
    of changes where no one before it acceded one by one."""
    from .conftest import fixture_inputs

    concept = fixture_inputs(name).check().concept
    chapter = next(html for key, html in concept_chapters(concept).items() if key.endswith("_netzwerk.html.j2"))
    text = text_of(root_of(chapter))
    assert concept.agreement is not None and not concept.agreement.now_acceding_named
    assert "Einzeln beitretend (jede Einrichtung, Praxis oder Person unterschreibt selbst):" in text
    assert "Ebenfalls einzeln" not in text
