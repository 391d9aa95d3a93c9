"""The chapters from querschnitt.yaml (Kinderschutz, Datenschutz, Eltern, Öffentlichkeitsarbeit,
Qualifizierung, Evaluation, Planung) and the documentation fields of the indicators.

Expected values are read from the examples' YAML here, independently of the pipeline; the
chapters are rendered from the examples in memory. A section left out leaves no heading, and the
chapter numbers that chapters cite count only the chapters there are.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
import yaml

from pipeline.findings import WARNING
from pipeline.formatting import euro, number_word
from pipeline.model.quality.assessment import assess
from pipeline.render import concept_chapters

from .conftest import EXAMPLE, ROOT, Inputs, with_violence_advice
from .raw_money import coordination_cost
from .sentences import flaws

NEUHAFEN = ROOT / "inputs" / "neuhafen"
FILE = "querschnitt.yaml"


def _raw(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def _in_memory(folder: Path) -> Inputs:
    names = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*.yaml"))]
    return Inputs({name: (folder / name).read_bytes() for name in names}, folder)


def _chapters(inputs: Inputs) -> dict[str, str]:
    """The rendered chapters by their name without order prefix: 'kinderschutz'."""
    concept = inputs.check().concept
    return {
        name.split("/", 1)[1].removesuffix(".html.j2").split("_", 1)[1]: html
        for name, html in concept_chapters(concept).items()
    }


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def _rows(html: str, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, as cell texts."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    table = next(
        t
        for t in root.iter("table")
        if _text(lxml.html.tostring(t.find("caption"), encoding="unicode")) == caption
    )
    return [[" ".join(td.text_content().split()) for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")]


def _headings(html: str) -> list[str]:
    return re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html)


def _actors(folder: Path) -> dict[str, str]:
    return {a["id"]: a["name"] for a in _raw(folder, "akteure.yaml")["akteure"]}


def _measure_numbers(folder: Path) -> dict[str, str]:
    return {m["id"]: f"M{i}" for i, m in enumerate(_raw(folder, "massnahmen.yaml")["massnahmen"], start=1)}


def _stand(folder: Path) -> dt.date:
    return _raw(folder, "kommune.yaml")["konzept"]["stand"]


@pytest.fixture
def neuhafen() -> Inputs:
    return _in_memory(NEUHAFEN)


# --- Kinderschutz ------------------------------------------------------------------------------


def test_kinderschutz_names_the_office_the_advice_and_the_paths_from_the_inputs(inputs):
    raw = _raw(EXAMPLE, FILE)["kinderschutz"]
    actors = _actors(EXAMPLE)
    html = _chapters(inputs)["kinderschutz"]
    text = _text(html)
    assert f"Ansprechstelle im Jugendamt: {actors[raw['jugendamt']]}" in text
    assert f"Erreichbarkeit: {' '.join(raw['erreichbarkeit'].split())}" in text
    advice = _rows(html, "Insoweit erfahrene Fachkräfte")
    assert len(advice) == len(raw["fachberatung"])
    citations = {
        "§ 4 KKG": "§ 4 Abs. 2 KKG",
        "§ 8a SGB VIII": "§ 8a Abs. 4 SGB VIII",
        "§ 8b SGB VIII": "§ 8b Abs. 1 SGB VIII",
    }
    for row, entry in zip(advice, raw["fachberatung"], strict=True):
        assert row[0].startswith(actors[entry["akteur"]])
        assert all(citations[basis] in row[1] for basis in entry["fuer"])
        assert row[2] == entry["kontakt"]
    paths = [p for p in _raw(EXAMPLE, "netzwerk.yaml")["abstimmungswege"] if p["an"] == raw["jugendamt"]]
    rows = _rows(html, "Vereinbarte Wege bei gewichtigen Anhaltspunkten")
    # practices have not signed: their path is marked as the agreement marks it
    assert [r[0].removesuffix(" (Empfehlung)") for r in rows] == [actors[p["von"]] for p in paths] and paths
    assert [r[0] for r in rows if r[0].endswith("(Empfehlung)")] == [
        "Kinder- und Jugendärztinnen und -ärzte (Empfehlung)"
    ]
    # the table is not the whole procedure: a reader took it for the only partners with a way
    after = text.split("Vereinbarte Wege bei gewichtigen Anhaltspunkten")[1]
    assert "Die Tabelle nennt nur die eigens vereinbarten Wege. Für alle anderen gelten die Stufen oben" in after
    assert f"Im Netzwerk vereinbart: {' '.join(raw['rueckmeldung'].split())}" in text
    assert raw["netzwerk_kinderschutz"]["name"] in text


def test_kinderschutz_states_the_procedure_absatz_by_absatz(inputs):
    """§ 4 KKG in its four steps and § 8a SGB VIII for the Jugendhilfe, each with its Absatz; a
    Befugnis, no Meldepflicht (normen-notizen.md 2.7)."""
    text = _text(_chapters(inputs)["kinderschutz"])
    for cited in (
        "§ 4 Abs. 1 KKG",
        "§ 4 Abs. 2 KKG",
        "§ 4 Abs. 3 KKG",
        "§ 4 Abs. 4 KKG",
        "§ 8a Abs. 4 SGB VIII",
        "§ 8a Abs. 1 SGB VIII",
    ):
        assert cited in text
    assert "keine allgemeine Meldepflicht" in text
    # § 4 Abs. 3 Satz 3 KKG (KJSG 2021): the health professions soll inform at urgent danger
    assert (
        "eine dringende Gefahr für das Kind das Tätigwerden des Jugendamts erfordert (§ 4 Abs. 3 Satz 3 KKG)"
        in text
    )
    assert text.count("§ 4 Abs. 3 Satz 3 KKG") == 1  # once, in its step
    # Familienhebammen employed by the Jugendamt assess under § 8a Abs. 1 SGB VIII, not § 4 KKG
    assert (
        "Für die Fachkräfte des Jugendamts selbst gilt nicht § 4 KKG, sondern der Schutzauftrag des Jugendamts; im "
        "Netzwerk betrifft das: Familienhebammen und Familien-Gesundheits- und Kinderkrankenpflegende (FGKiKP). "
        "Sie schätzen eine Gefährdung nach § 8a Abs. 1 SGB VIII gemeinsam mit weiteren Fachkräften des Jugendamts ein."
        in text
    )
    assert "zeitnah zurückmelden, ob es die gewichtigen Anhaltspunkte bestätigt sieht" in text


def test_volunteers_turn_to_the_institution_of_their_traeger(inputs):
    actors = _raw(EXAMPLE, "akteure.yaml")["akteure"]
    volunteer = next(a for a in actors if a["organisationsform"] == "ehrenamtlich-zivilgesellschaftlich")
    coordination = next(
        a for a in actors if a.get("traeger") == volunteer["traeger"] and a["organisationsform"] == "Institution"
    )
    # one group of volunteers: said in a sentence, no list of one (Lektorat); the institution as
    # the place of their full-time support, not equated with a person ('ist das „Caritas-…“';
    # Netzwerkkoordinatorin), with its article where the name tells it
    from pipeline.model.grammar import at_name

    at = at_name(coordination["name"])
    # the group as inside a line, not in quotes; its institution with its article (Lektorat)
    group = volunteer["name"][0].lower() + volunteer["name"][1:]
    assert at == "beim Kinderschutzbund Musterkreis – Koordination Familienpatenschaften"
    assert f"Für {group} ist das die hauptamtliche Begleitung {at}." in _text(_chapters(inputs)["kinderschutz"])
    assert at_name("Koordinierungsstelle Frühe Hilfen") == "bei der Koordinierungsstelle Frühe Hilfen"
    assert at_name("Jugendhilfeausschuss") == "beim Jugendhilfeausschuss"


def test_a_joint_network_is_described_as_one(neuhafen):
    network = _raw(NEUHAFEN, FILE)["kinderschutz"]["netzwerk_kinderschutz"]
    assert network["gemeinsam"] is True
    text = _text(_chapters(neuhafen)["kinderschutz"])
    assert "in einem gemeinsamen Netzwerk" in text and "Neben dem Netzwerk Frühe Hilfen" not in text
    bodies = {b["id"]: b["name"] for b in _raw(NEUHAFEN, "netzwerk.yaml")["netzwerkgremien"]}
    assert all(bodies[b] in text for b in network["gremien"])


# --- Datenschutz -------------------------------------------------------------------------------


def test_datenschutz_lists_every_transfer_with_its_ground_and_form(inputs):
    raw = _raw(EXAMPLE, FILE)["datenschutz"]
    actors = _actors(EXAMPLE)
    forms = {f["id"]: f["titel"] for f in raw["formulare"]}
    html = _chapters(inputs)["datenschutz"]
    # the rule with its exception in one sentence, as the agreement has it (Netzwerkkoordinatorin:
    # 'nur mit Einwilligung der Eltern' stood absolute, qualified two sentences later)
    assert "nur mit Einwilligung der Eltern weiter, es sei denn, ein Gesetz erlaubt oder verlangt es." in _text(
        html
    )
    rows = _rows(html, "Weitergabe von Angaben im Netzwerk")
    # the inputs' transfers, then the Vermittlung the agreement's parents' form allows
    assert len(rows) == len(raw["weitergaben"]) + 1
    assert rows[-1][0].endswith("Zweck: Vermittlung an die Stelle, die sie begleiten soll")
    for row, flow in zip(rows[:-1], raw["weitergaben"], strict=True):
        assert row[0] == f"{flow['was']}; Zweck: {flow['zweck']}"
        # names after a semicolon continue the line ('…; freiberufliche Hebammen'): compared in lower case
        assert (
            row[1].lower()
            == (
                "; ".join(actors[a] for a in flow["von"])
                if flow.get("von")
                else "Fachkräfte aller Netzwerkpartnerinnen und -partner"
            ).lower()
        )
        assert row[2].lower() == "; ".join(actors[a] for a in flow["an"]).lower()
        assert row[3].startswith(flow["grundlage"])
        if flow.get("formular"):
            assert forms[flow["formular"]] in row[3]
    # counted as the table shows them, the form's Vermittlung too (Kreistag member: 9 + 3 + 3 of 16 rows)
    consent = sum(row[3].startswith(("Einwilligung", "Schweigepflichtentbindung")) for row in rows)
    protection = sum(row[3].startswith(("§ 4 KKG", "§ 8a SGB VIII")) for row in rows)
    nameless = sum(row[3].startswith(("anonymisiert", "pseudonymisiert")) for row in rows)
    assert consent + protection + nameless == len(rows)
    words = {2: "Zwei", 3: "Drei", 4: "Vier", 5: "Fünf", 6: "Sechs", 7: "Sieben", 8: "Acht", 9: "Neun", 10: "Zehn"}
    assert f"{words[consent]} Weitergaben beruhen auf der Einwilligung" in _text(html)
    assert f"; {words[protection].lower()} weitere sind im Kinderschutz ohne Einwilligung zulässig" in _text(html)
    # the nameless ones as what they are: pseudonymised data still identify someone (network coordinator)
    bases = [f["grundlage"] for f in raw["weitergaben"] if f["grundlage"] in ("anonymisiert", "pseudonymisiert")]
    assert sorted(set(bases)) == ["anonymisiert", "pseudonymisiert"]
    assert (
        f", bei {words[len(bases)].lower()} werden die Angaben anonymisiert oder pseudonymisiert weitergegeben"
        in _text(html)
    )
    assert [r[0] for r in _rows(html, "Formulare für Einwilligung und Schweigepflichtentbindung")] == list(
        forms.values()
    )
    assert "nur befugt offenbaren (§ 203 Abs. 1 StGB)" in _text(html)


def test_datenschutz_names_the_agreements_consent_form_beside_the_networks_forms(inputs):
    """A reader of the concept learns that the agreement's combined form exists and how long it
    holds (the agreement says it may be used instead of the forms listed here)."""
    months = 18
    example = dict(inputs.texts)
    with_form = Inputs(example).edit(
        "netzwerk.yaml",
        lambda d: d["kooperationsvereinbarung"]["einverstaendniserklaerung"].update(hoechstdauer_monate=months),
    )
    text = _text(_chapters(with_form)["datenschutz"])
    assert (
        "Daneben liegt der Kooperationsvereinbarung der Vordruck „Einverständniserklärung und Schweigepflichtentbindung“ bei."
        in text
    )
    assert f"gilt höchstens {months} Monate ab der Unterschrift" in text

    without_form = (
        Inputs(example)
        .edit(
            "netzwerk.yaml",
            lambda d: d["kooperationsvereinbarung"]["einverstaendniserklaerung"].update(erzeugen=False),
        )
        .edit_paper(
            "jha-2026-030-gesamtkonzept.yaml",
            lambda p: p["anlagen"].remove({"erzeugt": "einverstaendniserklaerung"}),
        )
    )
    text = _text(_chapters(without_form)["datenschutz"])
    assert "Einverständniserklärung und Schweigepflichtentbindung" not in text
    assert "Formulare für Einwilligung und Schweigepflichtentbindung" in text  # the network's own forms stay

    def no_forms(data: dict) -> None:
        data["datenschutz"].pop("formulare")
        for flow in data["datenschutz"]["weitergaben"]:
            flow.pop("formular", None)

    forms_dropped = Inputs(example).edit("querschnitt.yaml", no_forms)
    html = _chapters(forms_dropped)["datenschutz"]
    assert "Formulare für Einwilligung und Schweigepflichtentbindung" not in html
    assert (
        "Das Netzwerk nutzt dafür den Vordruck „Einverständniserklärung und Schweigepflichtentbindung“"
        in _text(html)
    )


# --- Eltern, Öffentlichkeitsarbeit, Qualifizierung ------------------------------------------------


def test_eltern_shows_each_format_with_when_results_and_measures(inputs):
    formats = _raw(EXAMPLE, FILE)["elternbeteiligung"]["formate"]
    numbers = _measure_numbers(EXAMPLE)
    stand = _stand(EXAMPLE)
    html = _chapters(inputs)["eltern"]
    assert [h for h in _headings(html)[1:]] == [f["name"] for f in formats]
    text = _text(html)
    for f in formats:
        date = f["zeitpunkt"].strftime("%d.%m.%Y")
        if f["turnus"] == "einmalig":
            when = f"einmalig, {'abgeschlossen' if f['zeitpunkt'] <= stand else 'geplant'} am {date}"
        else:
            when = f"{f['turnus']}, {'zuletzt' if f['zeitpunkt'] <= stand else 'nächster Termin'} am {date}"
        assert f"Wann: {when}" in text
        for m in f.get("massnahmen", []):
            assert numbers[m] in text
    assert "Beteiligt werden sie in drei Formaten" in text


def test_own_text_can_replace_the_generated_paragraph(neuhafen):
    section = _raw(NEUHAFEN, FILE)["elternbeteiligung"]
    assert section["text_ersetzt"] is True
    text = _text(_chapters(neuhafen)["eltern"])
    assert " ".join(section["text"].split()) in text
    assert "Eltern wissen am besten" not in text
    assert section["formate"][0]["name"] in text  # the entries stay


def test_own_text_adds_to_the_generated_paragraph(neuhafen):
    section = _raw(NEUHAFEN, FILE)["oeffentlichkeitsarbeit"]
    assert not section.get("text_ersetzt")
    html = _chapters(neuhafen)["oeffentlichkeitsarbeit"]
    generated = html.index("Frühe Hilfen wirken nur, wenn Familien und Fachkräfte sie kennen.")
    assert generated < html.index(section["text"].split()[0] + " " + section["text"].split()[1])


def test_oeffentlichkeitsarbeit_lists_channels_and_every_language(inputs):
    channels = _raw(EXAMPLE, FILE)["oeffentlichkeitsarbeit"]["kanaele"]
    html = _chapters(inputs)["oeffentlichkeitsarbeit"]
    rows = _rows(html, "Kanäle und Materialien der Öffentlichkeitsarbeit")
    assert [r[0].split(" (")[0] for r in rows] == [c["name"] for c in channels]
    languages = list(dict.fromkeys(lang for c in channels for lang in c.get("sprachen", []) if lang != "Deutsch"))
    words = {2: "zwei", 3: "drei", 4: "vier", 5: "fünf"}
    assert f"Außer auf Deutsch gibt es sie in {words[len(languages)]} weiteren Sprachen" in _text(html)
    for lang in languages:
        assert lang in _text(html)
    assert all(row[3].startswith("Deutsch") for row in rows)


def test_qualifizierung_lists_the_coming_dates_and_links_the_measure(inputs):
    trainings = _raw(EXAMPLE, FILE)["qualifizierung"]["angebote"]
    stand = _stand(EXAMPLE)
    chapters = _chapters(inputs)
    rows = _rows(chapters["qualifizierung"], "Termine der Fortbildungen")
    coming = sorted((d, t["titel"]) for t in trainings for d in t.get("termine", []) if d >= stand)
    assert [(r[0], r[1]) for r in rows] == [(d.strftime("%d.%m.%Y"), title) for d, title in coming]
    # the dates counted against the offers they are for ('fünf Termine' read as one per offer)
    from pipeline.formatting import number_word

    dated = len({title for _, title in coming})
    assert (
        f"stehen {number_word(len(coming))} Termine fest; sie gehören zu {number_word(dated)} der "
        f"{number_word(len(trainings))} Angebote." in " ".join(_text(chapters["qualifizierung"]).split())
    )
    series = [t["titel"] for t in trainings if t.get("massnahme") == "fortbildungsreihe"]
    assert f"Fortbildungen (Kapitel {_number_of(chapters, 'qualifizierung')}): {'; '.join(series)}" in _text(
        chapters["massnahmen"]
    )


# --- Dokumentation und Evaluation ------------------------------------------------------------------


def test_evaluation_shows_every_indicator_with_source_method_and_responsible(inputs):
    goals = _raw(EXAMPLE, "ziele.yaml")["ziele"]
    actors = _actors(EXAMPLE)
    bodies = {b["id"]: b["name"] for b in _raw(EXAMPLE, "netzwerk.yaml")["netzwerkgremien"]}
    indicators = [i for g in goals for i in g["indikatoren"]]
    rows = _rows(_chapters(inputs)["evaluation"], "Indikatoren: Quelle, Erhebung und Zuständigkeit")
    assert len(rows) == len(indicators)
    for row, i in zip(rows, indicators, strict=True):
        assert row[1] == i["name"]
        assert row[2] == f"{i['quelle']} · {i['methode']}"
        assert row[3] == i["erhebung"]
        assert row[4] == {**bodies, **actors}[i["verantwortlich"]]
        if "erhoben_am" in i:
            assert row[5].endswith(f"({i['istjahr']}), erhoben am {i['erhoben_am']:%d.%m.%Y}")


def test_evaluation_names_the_gaps_of_undocumented_indicators(inputs):
    def strip(data):
        for key in ("quelle", "methode", "verantwortlich"):
            data["ziele"][0]["indikatoren"][0].pop(key, None)

    inputs.edit("ziele.yaml", strip)
    html = _chapters(inputs)["evaluation"]
    assert "Bei einem Indikator fehlen noch Angaben zu Quelle, Methode oder Zuständigkeit" in _text(html)
    first = _rows(html, "Indikatoren: Quelle, Erhebung und Zuständigkeit")[0]
    assert first[2] == first[4] == "–"


def test_evaluation_exists_without_the_file_and_names_the_steering_group(inputs):
    inputs.remove(FILE)
    html = _chapters(inputs)["evaluation"]
    steering = next(b for b in _raw(EXAMPLE, "netzwerk.yaml")["netzwerkgremien"] if b["art"] == "Steuerungsgruppe")
    assert _headings(html) == ["Dokumentation und Evaluation"]
    assert f"Die {steering['name']} bespricht die Werte" in _text(html)


# --- Planung -------------------------------------------------------------------------------------


def test_planung_names_plans_decisions_and_leadership(inputs):
    raw = _raw(EXAMPLE, FILE)["planung"]
    head = _raw(EXAMPLE, "kommune.yaml")["kommune"]["verwaltungsspitze"]
    committees = {c["id"]: c["name"] for c in _raw(EXAMPLE, "gremien.yaml")["gremien"]}
    html = _chapters(inputs)["planung"]
    text = _text(html)
    assert [p["bezeichnung"] for p in raw["planungen"]] == _headings(html)[1:-1]
    jhp = raw["planungen"][0]
    assert f"Beschlossen: am {jhp['beschlossen']:%d.%m.%Y} im {committees[jhp['gremium']]}" in text
    assert "Bestand und Bedarf festzustellen und die Vorhaben zu planen (§ 80 Abs. 1 SGB VIII)" in text
    assert f"{head['amtsbezeichnung']} {head['name']}: {' '.join(raw['verwaltungsspitze'].split())}" in text
    for leader in raw["leitung"]:
        assert f"{leader['name']}, {leader['funktion']}:" in text


def test_quality_dialogue_names_the_plans_at_goal_5_1_4(inputs):
    titles = [p["bezeichnung"] for p in _raw(EXAMPLE, FILE)["planung"]["planungen"]]

    def evidence(concept):
        [assessment] = assess(concept)
        return next(r for r in assessment.results if r.goal.id == "abgestimmte-planung").evidence

    context = [e for e in evidence(inputs.check().concept) if e.level is None]
    assert all(t in context[0].message for t in titles)
    assert context[0].where.file == FILE
    # then who in the leadership carries the concept, each a fact of its own: the dialogue's
    # question on the strategic level's own role has them (reader review: it pointed to reports)
    planning = _raw(EXAMPLE, FILE)["planung"]
    head = _raw(EXAMPLE, "kommune.yaml")["kommune"]["verwaltungsspitze"]
    assert [e.message.split(":")[0] for e in context[1:]] == [
        f"{head['amtsbezeichnung']} {head['name']}",
        *(f"{leader['name']}, {leader['funktion']}" for leader in planning["leitung"]),
    ]
    [assessment] = assess(inputs.check().concept)
    question, facts, _ = next(d for d in assessment.dialogue if "strategisch-politische Ebene selbst" in d[0].text)
    assert facts and all(f in context[1:] for f in facts)
    inputs.edit(FILE, lambda data: data.pop("planung"))
    assert not [e for e in evidence(inputs.check().concept) if e.level is None]


# --- absent and minimal sections -----------------------------------------------------------------

OPTIONAL_CHAPTERS = (
    "kinderschutz",
    "datenschutz",
    "eltern",
    "oeffentlichkeitsarbeit",
    "qualifizierung",
    "planung",
)


def _number_of(chapters: dict[str, str], name: str) -> int:
    """A chapter's number as a reader counts it: the place of its heading among all numbered
    first-level headings of the document (the front matter has none)."""
    headings = re.findall(r'<h1(?![^>]*unnumbered)[^>]*id="([^"]+)"', "\n".join(chapters.values()))
    first = re.search(r'<h1[^>]*id="([^"]+)"', chapters[name])
    assert first, name
    return headings.index(first[1]) + 1


@pytest.mark.parametrize("present", [True, False], ids=["mit-querschnitt", "ohne-querschnitt"])
def test_references_count_the_chapters_there_are(inputs, present):
    if not present:
        inputs.remove(FILE)
    chapters = _chapters(inputs)
    for name in OPTIONAL_CHAPTERS:
        assert bool(chapters[name].strip()) is present, name
    resources = _text(chapters["ressourcen"])
    assert f"zeigt Kapitel {_number_of(chapters, 'politische_verankerung')};" in resources
    assert f"Kapitel {_number_of(chapters, 'verankerung_stand')}." in resources
    quality = _text(chapters["qualitaet"])
    assert f"beschreibt Kapitel {_number_of(chapters, 'evaluation')};" in quality
    if present:
        assert f"beschreibt Kapitel {_number_of(chapters, 'kinderschutz')}" in _text(chapters["abstimmungswege"])


def test_one_absent_section_leaves_only_its_chapter_out(inputs):
    inputs.edit(FILE, lambda data: data.pop("kinderschutz"))
    chapters = _chapters(inputs)
    assert chapters["kinderschutz"].strip() == ""
    assert _headings(chapters["datenschutz"])[0] == "Datenschutz und Schweigepflicht"
    assert "wie Kapitel" not in _text(chapters["datenschutz"])  # no reference to the missing chapter
    assert f"beschreibt Kapitel {_number_of(chapters, 'datenschutz')}." in _text(chapters["abstimmungswege"])


MINIMAL = """
kinderschutz:
  jugendamt: asd
datenschutz:
  verantwortlich: netzwerkkoordination
elternbeteiligung:
  formate:
    - name: Elterncafé-Befragung
      turnus: jährlich
oeffentlichkeitsarbeit:
  kanaele:
    - name: Flyer
      art: Druckmaterial
      adressaten: [Eltern]
qualifizierung:
  angebote:
    - titel: Kinderschutz in den Frühen Hilfen
      zielgruppe: Fachkräfte aller Sektoren
      anbieter: Jugendamt
      turnus: jährlich
evaluation:
  vorhaben:
    - gegenstand: Zusammenarbeit
      methode: Befragung
      turnus: jährlich
      durchfuehrung: sg-fruehe-hilfen
planung:
  planungen:
    - art: Sonstiges
      bezeichnung: Kinder- und Familienbericht
      bezug: Der Bericht nennt die Frühen Hilfen.
"""


def test_sections_with_only_their_required_fields_read_as_whole_chapters(inputs):
    """The default texts: each chapter stands on the structured fields alone, with whole
    sentences and no heading without content."""
    inputs.write(FILE, MINIMAL)
    chapters = _chapters(inputs)
    for name in (*OPTIONAL_CHAPTERS, "evaluation"):
        assert chapters[name].count("<h1") == 1, name
        assert flaws(chapters[name]) == [], (name, flaws(chapters[name]))
    text = _text(chapters["kinderschutz"])
    assert "Wer diese Beratung übernimmt, vermittelt die Ansprechstelle im Jugendamt." in text
    assert "Rückmeldung an die meldende Fachkraft" not in _headings(chapters["kinderschutz"])
    assert "Netzwerk Kinderschutz" not in _headings(chapters["kinderschutz"])
    assert "in einer weiteren Planung verankert" in _text(chapters["planung"])
    assert "Termine der Fortbildungen" not in chapters["qualifizierung"]


def test_a_section_with_only_a_text_is_a_chapter_of_that_text(inputs):
    inputs.write(FILE, "oeffentlichkeitsarbeit:\n  text: Das Netzwerk informiert im Familienwegweiser.\n")
    html = _chapters(inputs)["oeffentlichkeitsarbeit"]
    assert _headings(html) == ["Öffentlichkeitsarbeit"]
    assert "Das Netzwerk informiert im Familienwegweiser." in _text(html)
    assert "Kanäle" not in _text(html) and flaws(html) == []


# --- validation ----------------------------------------------------------------------------------


def test_an_unknown_reference_is_an_error_with_file_and_line(inputs):
    inputs.replace(FILE, "  jugendamt: asd", "  jugendamt: asdf")
    line, column = inputs.position_of(FILE, "  jugendamt: asdf")
    [problem] = inputs.problems()
    assert problem.startswith(f"{FILE}:{line}:{column}: kinderschutz.jugendamt: Akteur 'asdf' gibt es nicht")
    assert "Meinten Sie 'asd'?" in problem


def test_unknown_forms_bodies_and_measures_are_errors(inputs):
    inputs.replace(FILE, "      formular: schweigepflichtentbindung", "      formular: entbindung")
    inputs.replace(FILE, "  auswertung: sg-fruehe-hilfen", "  auswertung: steuerung")
    inputs.replace(FILE, "      massnahme: patenschaften", "      massnahme: paten")
    problems = inputs.problems()
    transfers = yaml.safe_load(inputs.text(FILE))["datenschutz"]["weitergaben"]
    first = next(i for i, t in enumerate(transfers) if t.get("formular") == "entbindung")
    assert any(
        f"datenschutz.weitergaben[{first}].formular: Formular 'entbindung' gibt es nicht" in p for p in problems
    )
    assert any(
        "evaluation.auswertung: Netzwerkgremium 'steuerung' gibt es nicht in netzwerk.yaml" in p for p in problems
    )
    trainings = yaml.safe_load(inputs.text(FILE))["qualifizierung"]["angebote"]
    index = next(i for i, t in enumerate(trainings) if t.get("massnahme") == "paten")
    assert any(
        f"qualifizierung.angebote[{index}].massnahme: Maßnahme 'paten' gibt es nicht" in p for p in problems
    )


def test_an_indicator_names_an_actor_or_a_network_body(inputs):
    inputs.replace("ziele.yaml", "verantwortlich: familienbildung", "verantwortlich: niemand")
    [problem] = inputs.problems()
    assert "Akteur oder Netzwerkgremium 'niemand' gibt es nicht in akteure.yaml oder netzwerk.yaml" in problem
    assert problem.startswith("ziele.yaml:")


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("kinderschutz: {}\n", "Pflichtfeld 'jugendamt' fehlt"),
        ("elternbeteiligung: {}\n", "Der Abschnitt ist leer"),
        ("planung:\n  text_ersetzt: true\n", "'text_ersetzt: true' braucht einen 'text'"),
        (
            "qualifizierung:\n  angebote:\n    - titel: X\n      zielgruppe: Y\n      anbieter: Z\n",
            "Bitte 'termine' oder einen 'turnus' angeben",
        ),
    ],
)
def test_sections_that_would_give_an_empty_or_open_chapter_are_refused(inputs, yaml_text, message):
    inputs.write(FILE, yaml_text)
    problems = inputs.problems()
    assert any(p.startswith(f"{FILE}:") and message in p for p in problems), problems


def _warnings(inputs: Inputs, fragment: str) -> list:
    return [w for w in inputs.warnings() if w.level == WARNING and fragment in w.message]


def test_an_indicator_without_method_or_responsible_is_warned_about(inputs):
    def strip(data):
        indicator = data["ziele"][1]["indikatoren"][0]
        del indicator["methode"], indicator["verantwortlich"]

    inputs.edit("ziele.yaml", strip)
    [warning] = _warnings(inputs, "Zum Indikator")
    assert warning.where.file == "ziele.yaml" and warning.where.field == "ziele[1].indikatoren[0].name"
    assert "fehlen Methode und Zuständigkeit ('methode', 'verantwortlich')" in warning.message
    assert warning.where.line == inputs.position_of("ziele.yaml", "- name: Durchgeführte Willkommensbesuche")[0]


def test_the_examples_document_every_indicator(neuhafen, inputs):
    assert not _warnings(inputs, "Zum Indikator") and not _warnings(neuhafen, "Zum Indikator")


def test_child_protection_data_go_only_to_the_youth_office(inputs):
    inputs.replace(
        FILE,
        '      an: [asd]\n      grundlage: "§ 4 KKG"',
        '      an: [asd, familienbildung]\n      grundlage: "§ 4 KKG"',
    )
    [warning] = _warnings(inputs, "Nach § 4 KKG gehen Angaben nur an")
    flows = _raw(EXAMPLE, FILE)["datenschutz"]["weitergaben"]
    index = next(i for i, f in enumerate(flows) if f["grundlage"] == "§ 4 KKG")
    assert warning.where.field == f"datenschutz.weitergaben[{index}].an"
    assert "Familienbildungsstätte Musterstadt" in warning.message and "Einwilligung" in warning.message


def test_consent_may_go_to_anyone(inputs):
    inputs.replace(FILE, "      an: [fruehfoerderung]", "      an: [fruehfoerderung, familienbildung]")
    assert not _warnings(inputs, "gehen Angaben nur an")


def test_the_child_protection_contact_belongs_to_the_youth_welfare(inputs):
    inputs.replace(FILE, "  jugendamt: asd", "  jugendamt: gesundheitsamt")
    [warning] = _warnings(inputs, "Mitteilungen nach § 4 KKG und § 8a SGB VIII nimmt")
    assert warning.where.field == "kinderschutz.jugendamt" and "Gesundheitswesen" in warning.message


# --- review 13 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [EXAMPLE, NEUHAFEN], ids=["landkreis", "stadt"])
def test_the_transfer_summary_names_the_child_protection_exception(folder):
    flows = _raw(folder, FILE)["datenschutz"]["weitergaben"]
    protection = [f for f in flows if f["grundlage"] in ("§ 4 KKG", "§ 8a SGB VIII")]
    grounds = ", ".join(dict.fromkeys(f["grundlage"] for f in protection))
    words = {1: "eine weitere ist", 2: "zwei weitere sind", 3: "drei weitere sind"}
    text = _text(_chapters(_in_memory(folder))["datenschutz"])
    assert protection
    assert f"; {words[len(protection)]} im Kinderschutz ohne Einwilligung zulässig ({grounds})." in text


def test_without_consent_flows_the_summary_still_reads(inputs):
    def only_protection(data):
        flows = data["datenschutz"]["weitergaben"]
        data["datenschutz"]["weitergaben"] = [f for f in flows if f["grundlage"] == "§ 4 KKG"]

    inputs.edit(FILE, only_protection)
    # the agreement's form still refers families on their parents' consent: a row of the table
    text = _text(_chapters(inputs)["datenschutz"])
    assert (
        "auf welcher Grundlage. Eine Weitergabe beruht auf der Einwilligung oder Schweigepflichtentbindung der "
        "Eltern; eine weitere ist im Kinderschutz ohne Einwilligung zulässig (§ 4 KKG)." in text
    )
    # without the form (and so without it as the paper's Anlage): the table's rows are the transfers alone
    inputs.edit(
        "netzwerk.yaml",
        lambda d: d["kooperationsvereinbarung"]["einverstaendniserklaerung"].update(erzeugen=False),
    )
    paper = "vorlagen/jha-2026-030-gesamtkonzept.yaml"
    inputs.edit(paper, lambda d: d["vorlage"]["anlagen"].remove({"erzeugt": "einverstaendniserklaerung"}))
    text = _text(_chapters(inputs)["datenschutz"])
    assert (
        "auf welcher Grundlage. Eine Weitergabe ist im Kinderschutz ohne Einwilligung zulässig (§ 4 KKG)." in text
    )


def test_german_is_shown_only_where_the_input_names_it(neuhafen):
    channels = _raw(NEUHAFEN, FILE)["oeffentlichkeitsarbeit"]["kanaele"]
    rows = _rows(_chapters(neuhafen)["oeffentlichkeitsarbeit"], "Kanäle und Materialien der Öffentlichkeitsarbeit")
    without = [c for c in channels if c.get("sprachen") and "Deutsch" not in c["sprachen"]]
    assert without  # the videos with Stadtteilmütter
    for row, channel in zip(rows, channels, strict=True):
        listed = channel.get("sprachen") or ["Deutsch"]
        german = ["Deutsch"] if "Deutsch" in listed else []
        assert row[3] == ", ".join(german + [lang for lang in listed if lang != "Deutsch"])


def test_courses_for_volunteers_and_turnus_stand_apart_from_the_dates(inputs, neuhafen):
    for folder, chapters in ((EXAMPLE, _chapters(inputs)), (NEUHAFEN, _chapters(neuhafen))):
        trainings = _raw(folder, FILE)["qualifizierung"]["angebote"]
        forms = {a["id"]: a["organisationsform"] for a in _raw(folder, "akteure.yaml")["akteure"]}
        volunteers = [
            t
            for t in trainings
            if t.get("akteure") and all(forms[a] == "ehrenamtlich-zivilgesellschaftlich" for a in t["akteure"])
        ]
        words = {1: "eine", 3: "drei", 4: "vier", 5: "fünf"}
        text = _text(chapters["qualifizierung"])
        professionals = len(trainings) - len(volunteers)
        assert volunteers
        assert (
            f"Vorgesehen sind {words[professionals]} Fortbildungen für Fachkräfte und "
            f"{words[len(volunteers)]} Schulung für Ehrenamtliche." in text
        )
        for training in trainings:
            if training.get("turnus"):
                assert f"Turnus: {training['turnus']}" in text
            dates = ", ".join(d.strftime("%d.%m.%Y") for d in sorted(training.get("termine", [])))
            if dates:
                assert f"{'Termine' if len(training['termine']) > 1 else 'Termin'}: {dates}" in text
            assert f"Termine: {training.get('turnus')};" not in text


def test_headings_and_pairs_say_what_the_law_says(inputs, neuhafen):
    mk, nh = _chapters(inputs), _chapters(neuhafen)
    assert "Rückmeldung an die Fachkraft, die das Jugendamt informiert hat" in _headings(mk["kinderschutz"])
    assert "meldende" not in mk["kinderschutz"] + nh["kinderschutz"]
    assert "Gemeinsames Netzwerk Frühe Hilfen und Kinderschutz" in _headings(nh["kinderschutz"])
    assert "Netzwerk Kinderschutz" in _headings(mk["kinderschutz"])  # two networks
    assert "alle Netzwerkpartner " not in _text(mk["datenschutz"]) + " "


def test_an_advice_limited_to_one_occasion_says_so(neuhafen):
    entries = _raw(NEUHAFEN, FILE)["kinderschutz"]["fachberatung"]
    limited = next(e for e in entries if e.get("nur_bei"))
    rows = _rows(_chapters(neuhafen)["kinderschutz"], "Insoweit erfahrene Fachkräfte")
    row = rows[entries.index(limited)]
    assert row[1].endswith(f"– nur bei {limited['nur_bei']}")
    assert all("nur bei" not in r[1] for r, e in zip(rows, entries, strict=True) if not e.get("nur_bei"))


def test_a_health_profession_under_section_8a_is_warned_about(neuhafen):
    assert not _warnings(neuhafen, "Angehörige der Heilberufe informieren")
    neuhafen.replace(
        FILE, "      von: [familienzentren, familienbildung]", "      von: [familienzentren, familienhebammen]"
    )
    [warned] = _warnings(neuhafen, "Angehörige der Heilberufe informieren")
    flows = _raw(NEUHAFEN, FILE)["datenschutz"]["weitergaben"]
    index = next(i for i, f in enumerate(flows) if f["grundlage"] == "§ 8a SGB VIII")
    assert warned.where.field == f"datenschutz.weitergaben[{index}].von"
    assert _actors(NEUHAFEN)["familienhebammen"] in warned.message and "§ 4 KKG" in warned.message


def test_a_last_value_that_is_the_baseline_is_not_called_unchanged(inputs):
    concept = inputs.check().concept
    indicator = next(i for _, i in concept.indicator_pairs if i.name.startswith("Anteil der Befragten"))
    assert (indicator.current, indicator.current_year) == (indicator.baseline, indicator.baseline_year)
    assert indicator.assessment == "bisher nur Ausgangswert"


def test_without_courses_for_volunteers_all_trainings_are_for_professionals(inputs):
    def professionals_only(data):
        courses = data["qualifizierung"]["angebote"]
        data["qualifizierung"]["angebote"] = [c for c in courses if c.get("akteure") != ["familienpatenschaften"]]

    inputs.edit(FILE, professionals_only)
    left = len(yaml.safe_load(inputs.text(FILE))["qualifizierung"]["angebote"])
    text = _text(_chapters(inputs)["qualifizierung"])
    assert f"Für die Fachkräfte des Netzwerks sind {number_word(left, 'eine')} Fortbildungen vorgesehen." in text
    assert "Ehrenamtliche" not in text.split("Tabelle")[0]


def test_an_insoweit_erfahrene_fachkraft_stands_among_its_actor_s_zustaendigkeiten(inputs):
    """Who advises as insoweit erfahrene Fachkraft (querschnitt.yaml) has that duty among its
    Zuständigkeiten in the chapter on actors and in the Kooperationsvereinbarung (Anlage 1), with
    the Absätze and the one occasion it is limited to."""
    from pipeline.render import render_agreement

    concept = inputs.edit("querschnitt.yaml", with_violence_advice).check().concept
    chapter = next(html for name, html in concept_chapters(concept).items() if "07_akteure" in name)
    agreement = render_agreement(concept.agreement).body_html
    biss = "Beratung als insoweit erfahrene Fachkraft (§ 8a Abs. 4 SGB VIII), nur bei Gefährdung im Zusammenhang mit häuslicher Gewalt"
    # the Caritas' EB answers claims against the Jugendamt (§ 4 Abs. 2 KKG, § 8b Abs. 1 SGB VIII): it
    # advises on its behalf, no duty of its own; the BISS only under the Träger's agreements (§ 8a Abs. 4)
    efb = (
        "Beratung als insoweit erfahrene Fachkraft (§ 4 Abs. 2 KKG, § 8a Abs. 4 SGB VIII und § 8b Abs. 1 SGB VIII) "
        "im Auftrag des Jugendamts"
    )
    for html in (chapter, agreement):
        text = _text(html)
        assert text.count(biss) == 1 and text.count(efb) == 1
    section = chapter.split('id="akteur-biss"')[1].split("<h3")[0]
    assert biss in _text(section)


def test_an_actor_of_several_facilities_counts_them_as_facilities(inputs):
    """The Familienzentren are nine facilities, not 'neun Personen' (council review)."""
    actors = _raw(EXAMPLE, "akteure.yaml")["akteure"]
    centres = next(a for a in actors if a.get("anzahl_einrichtungen"))
    text = _text(_chapters(inputs)["akteure"])
    count = {9: "neun", 7: "sieben"}.get(centres["anzahl_einrichtungen"], str(centres["anzahl_einrichtungen"]))
    assert f"Organisationsform: Institution, {count} Einrichtungen" in text
    assert "Institution, neun Personen" not in text


def test_volunteers_are_attached_to_a_traeger_and_freelancers_represented_not_carried(inputs):
    """Volunteers have no Träger and no employer: an 'Anbindung' at the organisation of their
    project (a noun like the others, not 'angebunden an:'; Lektorat); freelancers have a
    'Vertretung'; only an institution has a Träger (network coordinator's review). From the YAML."""
    actors = _raw(EXAMPLE, "akteure.yaml")["akteure"]
    carriers = {c["id"]: c["name"] for c in _raw(EXAMPLE, "akteure.yaml")["traeger"]}
    text = _text(_chapters(inputs)["akteure"])
    labels = {
        "Institution": "Träger",
        "freiberuflich": "Vertretung",
        "ehrenamtlich-zivilgesellschaftlich": "Anbindung",
    }
    forms = set()
    for actor in actors:
        if actor.get("traeger"):
            assert f"{labels[actor['organisationsform']]}: {carriers[actor['traeger']]}" in text
            forms.add(actor["organisationsform"])
    assert "ehrenamtlich-zivilgesellschaftlich" in forms
    assert "ehrenamtlich-zivilgesellschaftlich, 31 Personen, Träger:" not in text


def test_own_grants_name_each_traeger_once(inputs):
    """Grants with the same conditions are listed per Träger: 'Caritasverband …: Zuwendung A;
    Zuwendung B', not the Träger before every grant (council review)."""
    html = _chapters(inputs)["ressourcen"]
    part = html[html.index("Auch die meisten eigenen Bewilligungen") :]
    text = _text(part[: part.index("<h2")])
    grants = [e for e in _raw(EXAMPLE, "ressourcen.yaml")["aufwand"] if e.get("kooperationsauflagen")]
    carriers = {o["id"]: o["name"] for o in _raw(EXAMPLE, "akteure.yaml")["traeger"]}
    names = {carriers[e["empfaenger"]] for e in grants}
    assert len(names) < len({(e["empfaenger"], e["bezeichnung"]) for e in grants})  # some give several
    for name in names:
        assert text.count(f"{name}:") == 1, name


def test_earmarked_grant_reads_as_sentences_not_a_chain_of_colons(inputs):
    """'Projektförderung … (…; 2027 zugesagt): Zweckbindung: Babylotsendienst …' had two colons in
    one line (Lektorat): the heading ends with a full stop, the earmarking is a sentence, and
    'Auflagen:' leads to the list."""
    text = _text(_chapters(inputs)["ressourcen"])
    earmarked = [
        e
        for e in _raw(EXAMPLE, "ressourcen.yaml")["ertraege"]
        if e.get("zweckbindung") and e.get("kooperationsauflagen")
    ]
    assert earmarked
    for grant in earmarked:
        purpose = grant["zweckbindung"].rstrip(".")
        assert f"). Zweckbindung: {purpose}. Auflagen:" in text
    assert "): Zweckbindung:" not in text


def test_own_grants_without_conditions_are_named_not_glossed_over(inputs):
    """'Auch die eigenen Bewilligungen … verlangen Zusammenarbeit' claimed it of every grant while
    two asked for none (finance review): the chapter says 'die meisten' and names the others."""
    text = _text(_chapters(inputs)["ressourcen"])
    carriers = {o["id"]: o["name"] for o in _raw(EXAMPLE, "akteure.yaml")["traeger"]}
    bare = [
        e
        for e in _raw(EXAMPLE, "ressourcen.yaml")["aufwand"]
        if e["art"] == "Zuwendung an Träger" and not e.get("kooperationsauflagen")
    ]
    assert bare
    assert "Auch die meisten eigenen Bewilligungen und Leistungsvereinbarungen mit Trägern verlangen" in text
    # after those with conditions, not before them: the list 'Zuwendungen:' read as theirs (Kreistag member)
    lead = f"Keine solchen Auflagen {'enthalten' if len(bare) > 1 else 'enthält'} bisher: "
    assert text.index("Auflagen für diese Zuwendungen:") < text.index(lead)
    sentence = text[text.index(lead) :]
    for grant in bare:
        assert f"{grant['bezeichnung']} (Träger: {carriers[grant['empfaenger']]}; " in sentence

    def all_conditioned(data):
        for line in data["aufwand"]:
            if line["art"] == "Zuwendung an Träger":
                line.setdefault("kooperationsauflagen", ["Teilnahme an der Netzwerkkonferenz"])

    text = _text(_chapters(inputs.edit("ressourcen.yaml", all_conditioned))["ressourcen"])
    assert "Keine solchen Auflagen" not in text
    assert (
        "Auch die eigenen Bewilligungen und Leistungsvereinbarungen mit Trägern verlangen Zusammenarbeit" in text
    )


@pytest.mark.parametrize(("asking", "subject"), [(1, "eine der {whole}"), (2, "zwei von {whole}")])
def test_a_minority_of_own_grants_with_conditions_is_counted_not_called_most(inputs, asking, subject):
    """'Auch die meisten eigenen Bewilligungen … verlangen Zusammenarbeit' stood for two of five
    (Bavarian review): below half, the chapter gives the count."""
    from pipeline.formatting import number_word

    grants = [e for e in _raw(EXAMPLE, "ressourcen.yaml")["aufwand"] if e["art"] == "Zuwendung an Träger"]
    # one grant per Träger, purpose and committee, whatever its title says in each year
    distinct = list(dict.fromkeys((e["empfaenger"], e["fuer"], e["ausschuss"]) for e in grants))
    assert len(distinct) >= 2 * asking + 1 and len(distinct) <= 12
    keep = set(distinct[:asking])

    def few_conditioned(data):
        for line in data["aufwand"]:
            if (
                line["art"] == "Zuwendung an Träger"
                and (line["empfaenger"], line["fuer"], line["ausschuss"]) not in keep
            ):
                line.pop("kooperationsauflagen", None)
            elif line["art"] == "Zuwendung an Träger":
                line.setdefault("kooperationsauflagen", ["Teilnahme an der Netzwerkkonferenz"])

    text = _text(_chapters(inputs.edit("ressourcen.yaml", few_conditioned))["ressourcen"])
    verb = "verlangt" if asking == 1 else "verlangen"
    lead = subject.format(whole=number_word(len(distinct)))
    assert (
        f"Auch {lead} eigenen Bewilligungen und Leistungsvereinbarungen mit Trägern {verb} Zusammenarbeit im Netzwerk."
        in text
    )
    assert "die meisten" not in text


def test_jugendamt_staff_assess_under_section_8a_not_4_kkg(inputs):
    """Musterkreis's Familienhebammen work in the Jugendamt ('im_jugendamt'): their transfer to the
    ASD stands under § 8a SGB VIII without a warning; listed under § 4 KKG, they are warned about."""
    actors = {a["id"]: a for a in _raw(EXAMPLE, "akteure.yaml")["akteure"]}
    assert (
        actors["familienhebammen"]["sektor"] == "Gesundheitswesen" and actors["familienhebammen"]["im_jugendamt"]
    )
    flows = _raw(EXAMPLE, FILE)["datenschutz"]["weitergaben"]
    assert any(f["grundlage"] == "§ 8a SGB VIII" and "familienhebammen" in f["von"] for f in flows)
    assert not _warnings(inputs, "Angehörige der Heilberufe") and not _warnings(inputs, "zum Jugendamt")
    inputs.replace(
        FILE,
        "      von: [kinderaerzte, frauenaerzte, hebammen, geburtsklinik, kinderklinik, spdi, schwangerschaftsberatung, "
        "erziehungsberatung, suchtberatung]",
        "      von: [kinderaerzte, frauenaerzte, hebammen, geburtsklinik, kinderklinik, spdi, familienhebammen, "
        "schwangerschaftsberatung, erziehungsberatung, suchtberatung]",
    )
    [warned] = _warnings(inputs, "zum Jugendamt (im_jugendamt: ja)")
    index = next(i for i, f in enumerate(flows) if f["grundlage"] == "§ 4 KKG")
    assert warned.where.field == f"datenschutz.weitergaben[{index}].von"
    assert actors["familienhebammen"]["name"] in warned.message and "§ 8a Abs. 1 SGB VIII" in warned.message


@pytest.mark.parametrize("folder", [EXAMPLE, NEUHAFEN], ids=["musterkreis", "neuhafen"])
def test_the_coordination_has_a_chapter_of_its_own(folder):
    """Where it sits, its tasks, the bodies it leads, its posts and its money – gathered in one
    chapter (coordinator review: it was scattered). Recomputed from the YAML."""
    inputs = _in_memory(folder)
    html = _chapters(inputs)["netzwerkkoordination"]
    text = _text(html)
    municipality = _raw(folder, "kommune.yaml")["kommune"]
    position = municipality["netzwerkkoordination"]["stelle"]
    # 'örtlicher' Träger, as in the agreement (Netzwerkkoordinatorin)
    assert "hat als örtlicher Träger der öffentlichen Jugendhilfe im Jugendamt" in text
    # the post's own name only where it says more than 'Netzwerkkoordination Frühe Hilfen' (review:
    # 'die Netzwerkkoordination … arbeitet als „Netzwerkkoordination …“' was a tautology), as the
    # object it is, not '…; sie heißt dort „Koordinierungsstelle Frühe Hilfen“' (Netzwerkkoordinatorin)
    named = f"{position} als Netzwerkkoordination Frühe Hilfen eingerichtet." in text
    assert named == (not position.startswith("Netzwerkkoordination Frühe Hilfen"))
    assert "heißt dort" not in text
    assert f"Ansprechperson ist {municipality['netzwerkkoordination']['person']}" in text
    actor = next(a for a in _raw(folder, "akteure.yaml")["akteure"] if a["id"] == "netzwerkkoordination")
    assert all(r in text for r in actor["zustaendigkeiten"])
    # the role reads as a predicate of the actor: under a label, not as a sentence without subject
    assert f"Rolle im Netzwerk: {actor['rolle']}" in text
    led = [
        b["name"]
        for b in _raw(folder, "netzwerk.yaml")["netzwerkgremien"]
        if b["leitung"] == "netzwerkkoordination"
    ]
    assert led and all(name in text for name in led)
    # one 'sie' for one thing: not '…; Kapitel 11 beschreibt sie' beside 'Sie leitet' (Lektorat)
    assert "Die Netzwerkkoordination leitet " in text and "beschreibt sie" not in text
    money = _raw(folder, "ressourcen.yaml")
    posts = [p for p in money["personal"] if p.get("akteur") == "netzwerkkoordination"]
    rows = _rows(html, "Stellen der Netzwerkkoordination")
    assert [r[0] for r in rows] == [p["stelle"] for p in posts]
    for year in sorted({e["jahr"] for e in money["aufwand"]}):
        cost = coordination_cost(money, year)
        assert f"{euro(cost)} im Jahr {year}".replace("\u00a0", " ") in text  # _text joins on plain spaces
    # each grant with its amount per year, marked where only applied for (finance review)
    grants = [i for i in money["ertraege"] if "netzwerkkoordination" in i.get("fuer", [])]
    assert grants
    for grant in grants:
        shown = f"{euro(Decimal(str(grant['betrag'])))} im Jahr {grant['jahr']}".replace("\u00a0", " ")
        assert shown + (" (beantragt)" if grant.get("beantragt") else "") in text
    assert "Kompetenzprofil Netzwerkkoordinatorinnen und Netzwerkkoordinatoren Frühe Hilfen" in text


def test_paths_an_agreement_not_yet_in_force_lays_down_are_not_called_agreed(inputs):
    """The new agreement starts on 01.07.2027, after the concept's Stand: its Abstimmungswege
    become binding then (coordinator review: 'hat vereinbart' read as already in force). Without a
    start date they are agreed."""
    start = _raw(EXAMPLE, "netzwerk.yaml")["kooperationsvereinbarung"]["beginn"]
    assert start.day == 1
    previous_ends = _raw(EXAMPLE, "netzwerk.yaml")["kooperationsvereinbarung"]["bisherige_endet"]
    chapters = _chapters(inputs)
    paths, protection = _text(chapters["abstimmungswege"]), _text(chapters["kinderschutz"])
    assert (
        "legt das Netzwerk Abstimmungswege fest. Verbindlich werden sie mit der Kooperationsvereinbarung zu dieser "
        f"Fassung: für die Erstunterzeichnenden mit dem Inkrafttreten der Vereinbarung am {start:%d.%m.%Y}, für später "
        "Unterzeichnende mit ihrer Unterschrift, für Beitretende mit der Bestätigung ihres Beitritts. Für die "
        "Partnerinnen und Partner der bisherigen Vereinbarung gilt diese weiter, bis sie die neue unterzeichnen oder "
        "ihr beitreten, längstens bis die Kündigung der bisherigen Vereinbarung wirksam wird (frühestens zum "
        f"{previous_ends:%d.%m.%Y})." in paths
    )  # as the agreement's own § on its term says (review by a Netzwerkkoordinatorin)
    assert (
        f"Die Kooperationsvereinbarung zu dieser Fassung legt ab dem {start:%d.%m.%Y} diese Wege zur Ansprechstelle "
        "im Jugendamt fest" in protection
    )
    inputs.edit("netzwerk.yaml", lambda data: data["kooperationsvereinbarung"].pop("beginn"))
    chapters = _chapters(inputs)
    assert "hat das Netzwerk verbindliche Abstimmungswege vereinbart" in _text(chapters["abstimmungswege"])
    assert "Im Netzwerk vereinbart sind diese Wege" in _text(chapters["kinderschutz"])


def test_the_chapter_and_the_agreement_name_the_same_grounds_for_passing_on_data(inputs):
    """Consent under the DSGVO and the Sozialdatenschutz of the SGB VIII, in the concept's chapter
    and in § 6 of the agreement alike – the consent form already named them (reader review)."""
    from pipeline.render import render_agreement

    chapter = _text(_chapters(inputs)["datenschutz"])
    agreement = _text(render_agreement(inputs.check().concept.agreement).body_html)
    for cited in ("Art. 6 Abs. 1 Buchst. a DSGVO", "Art. 9 Abs. 2 Buchst. a DSGVO", "Art. 7 Abs. 3 DSGVO"):
        assert cited in chapter and cited in agreement
    for cited in ("§§ 61 ff. SGB VIII", "Sozialgeheimnis (§ 35 SGB I) und die §§ 67 ff. SGB X"):
        assert cited in chapter and cited in agreement


def test_a_public_service_advises_in_its_own_right(inputs):
    """Run by the Landkreis itself, the EB is the Jugendamt's own: no 'im Auftrag des Jugendamts'."""

    def public(data):
        next(a for a in data["akteure"] if a["id"] == "erziehungsberatung")["traeger"] = "landkreis"

    text = _text(_chapters(inputs.edit("akteure.yaml", public))["akteure"])
    assert "Beratung als insoweit erfahrene Fachkraft (§ 4 Abs. 2 KKG" in text
    assert "im Auftrag des Jugendamts" not in text


def test_parents_and_child_are_involved_only_where_that_does_not_endanger_the_child(inputs):
    """§ 8a Abs. 1 Satz 2 and Abs. 4 Nr. 3 SGB VIII involve parents and child 'soweit … der wirksame
    Schutz … nicht in Frage gestellt wird': both steps say so (reviews of both agreements)."""
    from pipeline.render import render_agreement

    caveat = "Eltern und Kind beziehen sie ein, soweit das den wirksamen Schutz des Kindes nicht in Frage stellt"
    concept = inputs.check().concept
    for text in (_text(_chapters(inputs)["kinderschutz"]), _text(render_agreement(concept.agreement).body_html)):
        assert caveat in text
        assert (
            "bezieht Eltern und Kind ein, soweit das den wirksamen Schutz des Kindes nicht in Frage stellt" in text
        )


@pytest.mark.parametrize("folder", [EXAMPLE, NEUHAFEN], ids=["musterkreis", "neuhafen"])
def test_every_path_between_two_places_has_its_data_flow(folder):
    """Each Abstimmungsweg passes a family, and data about it, from one place to another: the
    overview of Weitergaben names its ground (coordinator review: five of Musterkreis' paths were
    missing, among them one under § 8a Abs. 4 SGB VIII). The examples leave none out; paths inside
    the Jugendamt or one free Träger and those marked 'personenbezogen: nein' need none."""
    inputs = _in_memory(folder)
    assert not _warnings(inputs, "Auf dem Abstimmungsweg von")
    paths = _raw(folder, "netzwerk.yaml")["abstimmungswege"]
    flows = _raw(folder, "querschnitt.yaml")["datenschutz"]["weitergaben"]
    counted = [f for f in flows if f["grundlage"] not in ("anonymisiert", "pseudonymisiert")]
    actors = {a["id"]: a for a in _raw(folder, "akteure.yaml")["akteure"]}
    statistics = [p for p in paths if p.get("personenbezogen") == "nein"]
    assert statistics  # the yearly data report to the planning
    # a path to someone outside the Jugendamt, and its flow taken away: warned at the path
    index, path = next(
        (i, p)
        for i, p in enumerate(paths)
        if p.get("personenbezogen") != "nein"
        and not actors[p["von"]].get("im_jugendamt")
        and actors[p["von"]].get("traeger") != actors[p["an"]].get("traeger")
        and any(p["von"] in f.get("von", []) and p["an"] in f["an"] for f in counted)
    )

    def without(data):
        for flow in data["datenschutz"]["weitergaben"]:
            if path["von"] in flow.get("von", []) and path["an"] in flow["an"]:
                flow["von"] = [a for a in flow["von"] if a != path["von"]] or ["planung"]

    (warned,) = _warnings(inputs.edit("querschnitt.yaml", without), "Auf dem Abstimmungsweg von")
    assert warned.where.file == "netzwerk.yaml" and warned.where.field == f"abstimmungswege[{index}].von"
    assert actors[path["von"]]["name"] in warned.message and actors[path["an"]]["name"] in warned.message
    assert f"von: [{path['von']}] und an: [{path['an']}]" in warned.suggestion
    # a path marked as carrying no personal data needs no flow
    inputs = _in_memory(folder).edit("querschnitt.yaml", without)
    inputs.edit("netzwerk.yaml", lambda data: data["abstimmungswege"][index].update(personenbezogen="nein"))
    assert not _warnings(inputs, "Auf dem Abstimmungsweg von")


def test_a_path_inside_one_free_traeger_needs_no_flow_but_one_inside_the_landkreis_does(inputs):
    """Volunteers and their coordination belong to one association, one controller; Gesundheitsamt
    and Jugendhilfeplanung of one Landkreis are two places of a public body."""
    actors = {a["id"]: a for a in _raw(EXAMPLE, "akteure.yaml")["akteure"]}
    assert actors["familienpatenschaften"]["traeger"] == actors["kinderschutzbund"]["traeger"]
    assert actors["gesundheitsamt"]["traeger"] == actors["planung"]["traeger"] == "landkreis"

    def add(data):
        for sender, recipient in (("familienpatenschaften", "kinderschutzbund"), ("gesundheitsamt", "planung")):
            data["abstimmungswege"].append(
                {"von": sender, "an": recipient, "anlass": "Anlass", "form": "telefonisch", "frist": "sofort"}
            )

    warned = _warnings(inputs.edit("netzwerk.yaml", add), "Auf dem Abstimmungsweg von")
    assert [w.message.split("“ an „")[0] for w in warned] == [
        f"Auf dem Abstimmungsweg von „{actors['gesundheitsamt']['name']}"
    ]


def test_a_clinic_passes_on_data_only_with_a_release_from_secrecy(inputs):
    """A Babylotsin of the Geburtsklinik may hand on what a family entrusted only with a release
    from professional secrecy (§ 203 StGB): a Weitergabe from the health sector on 'Einwilligung'
    is warned about; a volunteer's Träger or the Jobcenter on 'Einwilligung' is not (health-sector
    review). The examples carry the release."""
    flows = _raw(EXAMPLE, "querschnitt.yaml")["datenschutz"]["weitergaben"]
    index = next(i for i, f in enumerate(flows) if f["von"] == ["geburtsklinik"])
    assert flows[index]["grundlage"] == "Schweigepflichtentbindung"
    assert not [w for w in inputs.warnings() if "(§ 203 StGB)" in w.message]

    def consent_only(data):
        data["datenschutz"]["weitergaben"][index]["grundlage"] = "Einwilligung"

    warned = [w for w in inputs.edit("querschnitt.yaml", consent_only).warnings() if "(§ 203 StGB)" in w.message]
    assert len(warned) == 1
    assert warned[0].where.field == f"datenschutz.weitergaben[{index}].grundlage"
    assert "'grundlage: Schweigepflichtentbindung'" in warned[0].message


def _advising_actor(data: dict) -> dict:
    return next(a for a in data["akteure"] if a["id"] == "erziehungsberatung")


def test_an_actors_own_line_on_the_advice_gives_way_to_the_fuller_one(inputs):
    """A Saxon user wrote 'Beratung als insoweit erfahrene Fachkraft' under the actor's
    Zuständigkeiten; the concept and the agreement listed it, and under it the tool's fuller line
    with the paragraphs – the same duty twice."""
    inputs.edit(
        "akteure.yaml",
        lambda d: _advising_actor(d)["zustaendigkeiten"].insert(0, "Beratung als insoweit erfahrene Fachkraft."),
    )
    validated = inputs.check()
    assert validated.warnings == []
    concept = validated.concept
    actor = concept.actor("erziehungsberatung")
    lines = concept.topics.responsibilities(actor)
    assert [line for line in lines if "insoweit erfahren" in line] == [lines[0]]
    assert lines[0].startswith("Beratung als insoweit erfahrene Fachkraft (§ 4 Abs. 2 KKG")
    assert lines[1:] == actor.responsibilities[1:]


def test_an_actors_line_naming_the_advice_otherwise_is_warned_about(inputs):
    written = "Insoweit erfahrene Fachkraft nach § 8a SGB VIII für Kitas"
    inputs.edit("akteure.yaml", lambda d: _advising_actor(d)["zustaendigkeiten"].append(written))
    index = next(
        i
        for i, a in enumerate(yaml.safe_load(inputs.text("akteure.yaml"))["akteure"])
        if a["id"] == "erziehungsberatung"
    )
    (found,) = inputs.warnings()
    assert found.where.file == "akteure.yaml"
    assert found.where.field == f"akteure[{index}].zustaendigkeiten[2]"
    assert found.message.startswith(f"„{written}“ nennt die Beratung als insoweit erfahrene Fachkraft")
    assert "Bitte die Zeile hier streichen" in found.message


def test_the_youth_offices_feedback_and_a_free_traegers_midwives_under_8a_pass():
    """Stadt Rheinfurt (RLP): the ASD's feedback to whom informed it ('Mitteilung, ob der ASD tätig
    geworden ist', § 4 KKG) was told to need the parents' consent – § 4 Abs. 4 KKG itself allows it;
    and the SkF's Familienhebammen, a freier Träger's service financed under § 16 SGB VIII, were told
    § 8a Abs. 4 SGB VIII did not apply to them (RLP review). A clinic's midwives still are."""
    from .conftest import fixture_inputs

    inputs = fixture_inputs("rheinfurt")
    flows = yaml.safe_load(inputs.text(FILE))["datenschutz"]["weitergaben"]
    office = yaml.safe_load(inputs.text(FILE))["kinderschutz"]["jugendamt"]
    assert any(f["von"] == [office] and f["grundlage"] == "§ 4 KKG" for f in flows)
    assert any(f["von"] == ["familienhebammen"] and f["grundlage"] == "§ 8a SGB VIII" for f in flows)
    assert not [w for w in inputs.warnings() if w.where.file == FILE]

    def run_by_the_clinic(data):
        next(a for a in data["akteure"] if a["id"] == "familienhebammen")["traeger"] = next(
            t["id"] for t in data["traeger"] if t["art"] != "freier Träger" and t["art"] != "öffentlicher Träger"
        )

    warned = [w for w in inputs.edit("akteure.yaml", run_by_the_clinic).warnings() if "§ 8a Abs. 4" in w.message]
    assert [w.where.field for w in warned] == [
        f"datenschutz.weitergaben[{[f['von'] for f in flows].index(['familienhebammen'])}].von"
    ]


def test_the_youth_offices_feedback_goes_only_to_whom_informed_it():
    """Re-check: with the feedback under § 4 KKG allowed, a 'Hilfeplan' from the ASD to the Jobcenter
    under § 4 KKG passed as well; § 4 Abs. 4 KKG covers the feedback to whom informed the Jugendamt."""
    from .conftest import fixture_inputs

    inputs = fixture_inputs("rheinfurt")
    office = yaml.safe_load(inputs.text(FILE))["kinderschutz"]["jugendamt"]

    def plan_to_jobcenter(data):
        data["datenschutz"]["weitergaben"].append(
            {
                "was": "Hilfeplan",
                "zweck": "Abstimmung",
                "von": [office],
                "an": ["jobcenter"],
                "grundlage": "§ 4 KKG",
            }
        )

    actors = {a["id"] for a in yaml.safe_load(inputs.text("akteure.yaml"))["akteure"]}
    assert "jobcenter" in actors
    warned = [w for w in inputs.edit(FILE, plan_to_jobcenter).warnings() if w.where.file == FILE]
    assert any("Nach § 4 KKG gehen Angaben nur an" in w.message and "Jobcenter" in w.message for w in warned)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # the place once (Kreistag member: „besteht im Landkreis Musterkreis das Netzwerk Kinderschutz im
        # Landkreis Musterkreis“)
        (
            "Netzwerk Kinderschutz im Landkreis Musterkreis",
            "besteht das Netzwerk Kinderschutz im Landkreis Musterkreis.",
        ),
        ("Netzwerk Kinderschutz", "besteht im Landkreis Musterkreis das Netzwerk Kinderschutz."),
    ],
)
def test_the_child_protection_network_names_the_place_once(inputs, name, said):
    inputs.edit(FILE, lambda data: data["kinderschutz"]["netzwerk_kinderschutz"].update(name=name))
    text = _text(_chapters(inputs)["kinderschutz"])
    assert f"Neben dem Netzwerk Frühe Hilfen {said}" in text
