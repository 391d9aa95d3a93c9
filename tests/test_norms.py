"""Professional rules and legal norms: the table of checked facts, the warnings that compare the
users' texts with it, and the Förderbereich names and professions the documents print from it.

Each rule gets a text it warns about and a text it accepts, written into the example in memory;
expected titles and age limits are written out here as the research found them, not read from
the table under test.
"""

from __future__ import annotations

import re
from typing import get_args

import pytest

from pipeline.findings import WARNING
from pipeline.model.norms import (
    DUTIES,
    FUNDING_AREA_SOURCES,
    FUNDING_AREAS,
    NORMS,
    NORMS_BY_CITATION,
    PROFESSION_IDS,
    PROFESSIONS,
    Binding,
    FundingAreaCode,
)
from pipeline.model.papers import paper_views
from pipeline.model.quality.assessment import assess
from pipeline.render import (
    concept_chapters,
    render_agreement,
    render_consent_form,
    render_paper,
    render_quality_dialogue,
)
from pipeline.validate.norms import age_limits, citations, overstated, sentences

#: The official titles of the Förderbereiche (NZFH, Bericht der Geschäftsstelle 2020).
OFFICIAL = {
    "I": "Maßnahmen zur Sicherstellung der Netzwerkstrukturen in den Frühen Hilfen",
    "II": "Psychosoziale Unterstützung von Familien durch spezifische Angebote Früher Hilfen",
    "III": "Erprobung innovativer Maßnahmen und Implementierung erfolgreicher Modelle",
}
JHA_PAPER = "vorlagen/jha-2026-030-gesamtkonzept.yaml"


def _rule(inputs, name: str) -> list:
    """The warnings of one rule (by its message's wording, as every rule has its own)."""
    return [w for w in inputs.warnings() if w.level == WARNING and name in w.message]


def _set(data: list[dict], key: str, value: str, field: str) -> int:
    """Set `field` of the entry with id `key`; its index in the list."""
    index = next(i for i, entry in enumerate(data) if entry["id"] == key)
    data[index][field] = value
    return index


# --- the table ---------------------------------------------------------------------------------


def test_every_entry_cites_its_source():
    for norm in NORMS:
        assert norm.sources and all(s.strip() for s in norm.sources), norm.citation
        assert norm.reading and norm.wording and norm.paraphrase, norm.citation
    for profession in PROFESSIONS.values():
        assert profession.sources and all(s.strip() for s in profession.sources), profession.id
        assert all(rule.source.strip() for rule in profession.in_states), profession.id
    assert FUNDING_AREA_SOURCES


def test_the_tables_are_consistent():
    assert len(NORMS_BY_CITATION) == len(NORMS)  # no paragraph twice
    kinds = set(get_args(Binding))
    for norm in NORMS:
        assert norm.bindings() <= kinds
    assert kinds >= DUTIES
    assert tuple(PROFESSIONS) == PROFESSION_IDS
    assert set(FUNDING_AREAS) == set(get_args(FundingAreaCode))
    for profession in PROFESSIONS.values():
        pattern = re.compile(profession.pattern)
        assert pattern.search(profession.plural), profession.id  # it finds its own name
        if profession.max_months is not None:
            assert profession.until_months is not None and profession.until_months <= profession.max_months
            assert profession.until_words
        for misreading in profession.misreadings:
            assert (misreading.law, misreading.number) in NORMS_BY_CITATION


def test_the_table_says_what_the_research_found():
    assert NORMS_BY_CITATION["KKG", "3"].bindings(1) == {"programmsatz"}
    assert NORMS_BY_CITATION["KKG", "3"].bindings(3) == {"soll"}
    assert NORMS_BY_CITATION["KKG", "4"].bindings(3) == {"befugnis"}
    assert NORMS_BY_CITATION["SGB V", "20a"].binding == "kann"
    assert NORMS_BY_CITATION["SGB VIII", "8a"].binding == "muss"
    assert (PROFESSIONS["familienhebamme"].until_months, PROFESSIONS["familienhebamme"].max_months) == (12, 36)
    assert PROFESSIONS["fgkikp"].until_months == 36 and not PROFESSIONS["fgkikp"].verified
    assert {code: area.title for code, area in FUNDING_AREAS.items()} == OFFICIAL


# --- reading texts -----------------------------------------------------------------------------


def test_sentences_go_on_after_abbreviations_and_ordinals():
    text = "Nach § 3 Abs. 3 KKG soll z. B. das Jugendamt bis zum 3. Lebensjahr planen. Zweiter Satz."
    assert sentences(text) == (
        "Nach § 3 Abs. 3 KKG soll z. B. das Jugendamt bis zum 3. Lebensjahr planen.",
        "Zweiter Satz.",
    )


def test_citations_name_norm_and_paragraph():
    found = citations("Nach § 3 Abs. 3 KKG, §§ 71 und 80 SGB VIII sowie § 20a SGB V und § 2 SchKG")
    assert [(c.norm.citation, c.paragraph) for c in found] == [
        ("§ 3 KKG", 3),
        ("§ 71 SGB VIII", None),
        ("§ 80 SGB VIII", None),
        ("§ 20a SGB V", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("bis zum ersten Geburtstag des Kindes", [12]),
        ("Im ersten Lebensjahr", [12]),
        ("bis zum 3. Lebensjahr", [36]),
        ("Sie begleiten Kinder unter drei Jahren", [36]),
        # whom a sentence speaks of, not how long anyone accompanies (M-V review)
        ("Die Fachstelle vermittelt jede Familie mit Kind unter drei Jahren an eine Familienhebamme.", []),
        ("in den ersten drei Lebensjahren", [36]),
        ("für Kinder von 0 bis 3 Jahren", [36]),
        ("bis zu einem Jahr nach der Geburt", [12]),
        ("bis zum ersten Geburtstag, in besonderen Fällen bis zum dritten.", [12, 36]),
        ("bis zum dritten.", []),  # no age without its noun
        # before a bracket too (review of a city in Mecklenburg-Vorpommern)
        (
            "bis zum ersten Geburtstag des Kindes, FGKiKP bis zum dritten (finanziert aus Mitteln der Stadt).",
            [12, 36],
        ),
        ("befristet bis 2027", []),
        # a waiting time is no age (review in Niedersachsen); a Begleitung's length is
        ("Angestellt beim Gesundheitsamt; Wartezeit im Hafenviertel bis zu sechs Wochen.", []),
        ("Die Begleitung dauert bis zu sechs Monate.", [6]),
    ],
)
def test_age_limits_in_months(sentence, months):
    assert list(age_limits(sentence)) == months


# --- normen-verbindlichkeit ----------------------------------------------------------------------

WRONG_KKG = (
    "Nach § 3 KKG ist der Landkreis als Träger der öffentlichen Jugendhilfe verpflichtet, verbindliche "
    "Netzwerkstrukturen aufzubauen."
)


def test_a_programmsatz_cited_as_duty_warns_with_a_suggestion(inputs):
    inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", lambda p: p.update(begruendung=WRONG_KKG))
    [warning] = _rule(inputs, "keine Muss-Vorschrift")
    assert warning.where.file == JHA_PAPER and warning.where.field == "vorlage.begruendung"
    assert warning.where.line > 1
    assert "§ 3 KKG ist keine Muss-Vorschrift" in warning.message and "„verpflichtet“" in warning.message
    assert warning.suggestion and "soll" in warning.suggestion and "§ 3 Abs. 3 KKG" in warning.suggestion
    assert f"Vorschlag: „{warning.suggestion}“" in warning.message


@pytest.mark.parametrize(
    "text",
    [
        "Die Organisation des Netzwerks soll nach § 3 Abs. 3 KKG beim Jugendamt liegen.",
        "Berufsgeheimnisträger sind nach § 4 KKG befugt, das Jugendamt zu informieren; eine Meldepflicht besteht nicht.",
        "Die Partner verpflichten sich in Vereinbarungen nach § 3 Abs. 3 KKG zur Zusammenarbeit.",
        "Das Jugendamt muss nach § 8a SGB VIII das Gefährdungsrisiko einschätzen.",
        "Fachkräfte haben nach § 8b SGB VIII Anspruch auf Beratung.",
    ],
)
def test_norms_cited_as_binding_as_they_are_pass(inputs, text):
    inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", lambda p: p.update(begruendung=text))
    assert _rule(inputs, "Muss-Vorschrift") == _rule(inputs, "keinen Anspruch") == []


def test_the_documents_own_sentences_cite_norms_as_binding_as_they_are(concept):
    """Templates and catalogs write sentences too: in the concept, the papers, the
    Qualitätsdialog, the Kooperationsvereinbarung and the consent form none makes a norm stronger
    than it is."""
    documents = [
        *concept_chapters(concept).values(),
        *(render_paper(v).body_html for v in paper_views(concept)),
        *(render_quality_dialogue(a).body_html for a in assess(concept)),
        render_agreement(concept.agreement).body_html,
        render_consent_form(concept.agreement).body_html,
    ]
    cited = 0
    for html in documents:
        for block in re.findall(r"<(?:p|li|td)\b[^>]*>(.*?)</(?:p|li|td)>", html, re.DOTALL):
            for sentence in sentences(re.sub(r"<[^>]+>", "", block)):
                cited += bool(citations(sentence))
                assert overstated(sentence) == [], sentence
    assert cited >= 5  # chapter 1 alone names the legal bases


def test_every_text_field_is_read_also_one_no_rule_lists(inputs):
    """The rule walks the parsed files: a Befugnis called a Meldepflicht is found in a report's
    Handlungsbedarf as well as in a quality note."""

    def report(data):
        data["gremien"][0]["berichte"][0]["handlungsbedarf"] = "Die Meldepflicht nach § 4 KKG ist zu schulen."

    def note(data):
        data["einschaetzungen"][0]["notiz"] = "Ein Rechtsanspruch nach § 16 SGB VIII fehlt im Text."

    inputs.edit("gremien.yaml", report).edit("qualitaet.yaml", note)
    found = {(w.where.file, w.where.field): w.message for w in inputs.warnings()}
    assert "„Meldepflicht“" in found["gremien.yaml", "gremien[0].berichte[0].handlungsbedarf"]
    assert "§ 16 SGB VIII gibt keinen Anspruch" in found["qualitaet.yaml", "einschaetzungen[0].notiz"]


# --- finanzierung-der-fachkraefte ---------------------------------------------------------------


def test_lotsendienst_under_20a_warns_unless_a_project(inputs, raw_inputs):
    routine = "Präventionsförderung der gesetzlichen Krankenkassen nach § 20a SGB V"
    index = _set(raw_inputs["ressourcen.yaml"]["ertraege"], "krankenkassen-2026", routine, "bezeichnung")
    inputs.edit(
        "ressourcen.yaml", lambda data: _set(data["ertraege"], "krankenkassen-2026", routine, "bezeichnung")
    )
    [warning] = _rule(inputs, "Lotsendienste haben im SGB V keine Regelfinanzierung")
    assert warning.where.field == f"ertraege[{index}].bezeichnung"
    assert "projektbezogen" in (warning.suggestion or "")

    project = "Projektförderung der Krankenkassen im Rahmen von § 20a SGB V, befristet bis 2027"
    inputs.edit(
        "ressourcen.yaml", lambda data: _set(data["ertraege"], "krankenkassen-2026", project, "bezeichnung")
    )
    assert _rule(inputs, "Regelfinanzierung") == []


def test_20a_without_lotsen_is_no_funding_claim_about_them(inputs):
    text = "Die Krankenkassen fördern nach § 20a SGB V Bewegungsangebote in den Familienzentren."
    inputs.edit("massnahmen.yaml", lambda data: _set(data["massnahmen"], "elterncafes", text, "beschreibung"))
    assert _rule(inputs, "Regelfinanzierung") == []


def test_familienhebammen_under_24d_warn(inputs):
    text = "Familienhebammen begleiten Familien aufsuchend; die Kosten tragen die Krankenkassen nach § 24d SGB V."
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", text, "beschreibung")
    )
    [warning] = _rule(inputs, "§ 24d SGB V deckt nur die reguläre Hebammenhilfe")
    assert warning.where.file == "massnahmen.yaml" and warning.where.field.endswith(".beschreibung")


# --- fachkraefte-alter --------------------------------------------------------------------------

OLD_TEXT = (
    "Familienhebammen und FGKiKP begleiten Familien in belastenden Lebenslagen aufsuchend ab der "
    "Schwangerschaft bis zum ersten Geburtstag des Kindes, in begründeten Fällen länger."
)


def test_fgkikp_until_the_first_birthday_gets_a_hint(inputs, raw_inputs):
    index = _set(raw_inputs["massnahmen.yaml"]["massnahmen"], "familienbegleitung", OLD_TEXT, "beschreibung")
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", OLD_TEXT, "beschreibung")
    )
    [warning] = _rule(inputs, "Hinweis:")
    assert warning.where.field == f"massnahmen[{index}].beschreibung"
    assert "(FGKiKP) können Familien bis zum dritten Geburtstag des Kindes begleiten" in warning.message
    assert "Praxis der Länder unterscheidet sich" in warning.message


def test_a_sentence_below_two_professions_gets_one_hint(inputs):
    """Review in Niedersachsen: one sentence brought two notes, one per profession it named."""
    text = "Familienhebammen und FGKiKP begleiten Familien bis zu sechs Monate nach der Geburt."
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", text, "beschreibung")
    )
    [warning] = _rule(inputs, "Hinweis:")
    assert (
        "– Hinweis: Familienhebammen können Familien in der Regel bis zum ersten Geburtstag des Kindes, bei "
        "besonderem Bedarf bis zum dritten begleiten, Familien-Gesundheits- und Kinderkrankenpflegende (FGKiKP) "
        "bis zum dritten Geburtstag des Kindes" in warning.message
    )


def test_an_entry_names_the_profession_a_sentence_leaves_out(inputs, raw_inputs):
    """The actor's role says 'Bieten … bis zum ersten Geburtstag'; its name says who."""
    role = "Bieten die Gesundheitsorientierte Familienbegleitung bis zum ersten Geburtstag des Kindes."
    index = _set(raw_inputs["akteure.yaml"]["akteure"], "familienhebammen", role, "rolle")
    inputs.edit("akteure.yaml", lambda data: _set(data["akteure"], "familienhebammen", role, "rolle"))
    [warning] = _rule(inputs, "Hinweis:")
    assert warning.where.field == f"akteure[{index}].rolle" and "FGKiKP" in warning.message


def test_an_age_beyond_the_profession_warns(inputs):
    text = "Familienhebammen begleiten Familien bis zum sechsten Geburtstag des Kindes."
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", text, "beschreibung")
    )
    [warning] = _rule(inputs, "die Grenze im Text liegt darüber")
    assert "Familienhebammen begleiten Familien in der Regel bis zum ersten Geburtstag" in warning.message


@pytest.mark.parametrize(
    "text",
    [
        "Familienhebammen begleiten in der Regel bis zum ersten Geburtstag, FGKiKP bis zum dritten Geburtstag.",
        "FGKiKP begleiten Familien nach der Förderrichtlinie des Landes bis zum ersten Geburtstag des Kindes.",
        "Familienhebammen begleiten Familien bis zum ersten Geburtstag des Kindes.",
    ],
)
def test_ages_that_fit_the_profession_pass(inputs, text):
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", text, "beschreibung")
    )
    assert _rule(inputs, "Hinweis:") == _rule(inputs, "darüber") == []


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Familienhebammen begleiten Familien bis zum ersten Geburtstag des Kindes.", "darunter"),
        ("FGKiKP begleiten Familien bis zum dritten Geburtstag des Kindes.", "darüber"),
        ("Familienhebammen begleiten Familien bis zum Ende des 18. Lebensmonats des Kindes.", None),
        # another funding named, as the warning asks (review of a city in M-V: it stayed)
        (
            "Familienhebammen begleiten Familien bis zum ersten Geburtstag des Kindes, finanziert aus Mitteln "
            "der Bundesstiftung Frühe Hilfen.",
            None,
        ),
    ],
)
def test_a_lands_programme_sets_the_age(inputs, raw_inputs, text, side):
    """Mecklenburg-Vorpommern's Landesprogramm: Familienhebammen and FGKiKP from birth to the end of
    the 18th month (review of a city there: a Hessian 'bis zum ersten Geburtstag' passed unwarned)."""
    index = _set(raw_inputs["massnahmen.yaml"]["massnahmen"], "familienbegleitung", text, "beschreibung")
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland="Mecklenburg-Vorpommern"))
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", text, "beschreibung")
    )
    found = [
        w
        for w in _rule(inputs, "Im Landesprogramm in Mecklenburg-Vorpommern begleiten")
        if w.where.field == f"massnahmen[{index}].beschreibung"
    ]
    assert [w.message.split("liegt ")[1].split(".")[0] for w in found] == ([side] if side else [])
    assert all("bis zum Ende des 18. Lebensmonats" in w.message for w in found)
    # the programme's rule, not the Land's law: another funding is said in the sentence (review of a city
    # in M-V); one warning per sentence, not one per profession
    assert all("wird sie anders finanziert (etwa aus Mitteln der Bundesstiftung)" in w.message for w in found)


def test_a_lands_programme_warns_once_per_sentence_naming_the_professions_off_it(inputs, raw_inputs):
    """'Familienhebammen … bis zum ersten Geburtstag, FGKiKP bis zum dritten' in M-V: one warning,
    naming both (the M-V city review got two, each with the other's limit)."""
    text = "Familienhebammen begleiten bis zum ersten Geburtstag, FGKiKP bis zum dritten Geburtstag des Kindes."
    index = _set(raw_inputs["massnahmen.yaml"]["massnahmen"], "familienbegleitung", text, "beschreibung")
    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland="Mecklenburg-Vorpommern"))
    inputs.edit(
        "massnahmen.yaml", lambda data: _set(data["massnahmen"], "familienbegleitung", text, "beschreibung")
    )
    found = [w for w in _rule(inputs, "Im Landesprogramm") if w.where.field == f"massnahmen[{index}].beschreibung"]
    assert len(found) == 1
    assert (
        "begleiten Familienhebammen und Familien-Gesundheits- und Kinderkrankenpflegende (FGKiKP) Familien"
        in found[0].message
    )


# --- foerderbereiche -----------------------------------------------------------------------------


def test_a_foerderbereich_with_another_areas_title_warns(inputs):
    facts = "Aus Förderbereich I: Psychosoziale Unterstützung von Familien wird die Familienbegleitung finanziert."
    inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", lambda p: p.update(sachverhalt=facts))
    [warning] = _rule(inputs, "Förderbereich I heißt")
    assert warning.where.field == "vorlage.sachverhalt"
    assert f"„{OFFICIAL['I']}“" in warning.message and "gehört zu Förderbereich II" in warning.message


def test_leistungsbereich_is_no_word_of_the_bundesstiftung(inputs):
    facts = "Die Mittel aus dem Leistungsbereich II fließen in die Familienbegleitung."
    inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", lambda p: p.update(sachverhalt=facts))
    [warning] = _rule(inputs, "nicht von Leistungsbereichen")
    assert warning.suggestion == f"Förderbereich\u00a0II „{OFFICIAL['II']}“"


def test_an_income_title_naming_another_area_than_its_code_warns(inputs, raw_inputs):
    title = "Förderbereich III"
    index = _set(raw_inputs["ressourcen.yaml"]["ertraege"], "bsfh-fb1-2026", title, "bezeichnung")
    inputs.edit("ressourcen.yaml", lambda data: _set(data["ertraege"], "bsfh-fb1-2026", title, "bezeichnung"))
    [warning] = _rule(inputs, "eingetragen ist aber 'foerderbereich: I'")
    assert warning.where.field == f"ertraege[{index}].bezeichnung"


def test_official_and_short_titles_pass(inputs):
    facts = (
        f"Förderbereich I „{OFFICIAL['I']}“ trägt die Koordination; Förderbereich II: Psychosoziale Unterstützung "
        "von Familien; Förderbereich III (Erprobung innovativer Maßnahmen) nutzt der Landkreis nicht."
    )
    inputs.edit_paper("jha-2026-030-gesamtkonzept.yaml", lambda p: p.update(sachverhalt=facts))
    assert _rule(inputs, "Förderbereich") == []


# --- what the documents print ---------------------------------------------------------------------


def _chapter(concept, stem: str) -> str:
    return next(html for name, html in concept_chapters(concept).items() if stem in name)


def test_documents_print_the_official_name_whatever_the_title_says(inputs, raw_inputs):
    """A free-text title cannot get the Förderbereich wrong: chapter 12 (income table and
    Zweckbindung) and the Ressourcenplanung paper print the name from the code."""
    loose = "Förderbereich II – Hilfen mit spezifischen Angeboten"

    def retitle(data):
        for line in data["ertraege"]:
            if line.get("foerderbereich") == "II":
                line["bezeichnung"] = loose
            elif line.get("foerderbereich") == "I":
                line["bezeichnung"] = "Zuweisung über das Landesjugendamt"

    concept = inputs.edit("ressourcen.yaml", retitle).check().concept
    chapter = _chapter(concept, "12_ressourcen")
    areas = {line.get("foerderbereich") for line in raw_inputs["ressourcen.yaml"]["ertraege"]} - {None}
    assert areas == {"I", "II"}
    assert loose not in chapter
    income_table, requirements = chapter.split('id="kooperationsauflagen"')
    for text in (income_table, requirements):
        assert f"Förderbereich\u00a0II „{OFFICIAL['II']}“" in text
        assert f"Förderbereich\u00a0I „{OFFICIAL['I']}“ – Zuweisung über das Landesjugendamt" in text
    plan = next(v for v in paper_views(concept) if "ressourcenplanung" in v.paper.blocks)
    paper = render_paper(plan).body_html
    assert f"Bundesstiftung Frühe Hilfen: Förderbereich\u00a0II „{OFFICIAL['II']}“" in paper and loose not in paper


def test_measures_name_their_professions_from_the_table(inputs):
    def staff(data):
        for measure in data["massnahmen"]:
            measure.pop("fachkraefte", None)
        measure = next(m for m in data["massnahmen"] if m["id"] == "patenschaften")
        measure["fachkraefte"] = ["fgkikp"]

    concept = inputs.edit("massnahmen.yaml", staff).check().concept
    chapter = _chapter(concept, "06_massnahmen")
    section = chapter.split('id="massnahme-patenschaften"')[1].split("<h3")[0]
    assert "<strong>Fachkräfte:</strong> Familien-Gesundheits- und Kinderkrankenpflegende" in section
    assert "bis zum dritten Geburtstag des Kindes" in section and "Kompetenzprofil" in section
    assert "je nach Land" not in chapter  # a concept is for one Land
    assert chapter.count("<strong>Fachkräfte:</strong>") == 1  # measures without the field stay as they were


def test_a_land_programme_with_other_ages_is_what_its_municipalities_read():
    """Mecklenburg-Vorpommern's Landesprogramm accompanies families to the end of the 18th month;
    elsewhere FGKiKP accompany them to the third birthday. No profile hedges with "je nach Land"."""
    fgkikp, familienhebamme = PROFESSIONS["fgkikp"], PROFESSIONS["familienhebamme"]
    for profession in (fgkikp, familienhebamme):
        assert "bis zum Ende des 18. Lebensmonats" in profession.profile_in("Mecklenburg-Vorpommern")
    assert "bis zum dritten Geburtstag des Kindes." in fgkikp.profile_in("Niedersachsen")
    assert "in der Regel bis zum ersten Geburtstag" in familienhebamme.profile_in("Hessen")
    assert not any("je nach Land" in p.profile_in(s) for p in PROFESSIONS.values() for s in ("", "Bayern"))


def test_an_unknown_profession_is_an_error_naming_the_choices(inputs):
    def staff(data):
        data["massnahmen"][0]["fachkraefte"] = ["familienhebammen"]

    [problem] = inputs.edit("massnahmen.yaml", staff).problems()
    assert problem.startswith("massnahmen.yaml:") and "massnahmen[0].fachkraefte[0]" in problem
    assert "familienhebamme" in problem


def test_a_measure_names_each_line_of_its_aufwand_and_the_sum_of_a_year(concept, raw_inputs):
    """Two lines of one year (M2: the health and the youth-welfare share) are not two rival
    amounts: the year's sum first, then each line with its title; years with the same lines stand
    together ('2026 und 2027: je …'; Lektorat: the lines twice word for word), the recipient both
    share once above them. Sums from the raw YAML."""
    lines = [e for e in raw_inputs["ressourcen.yaml"]["aufwand"] if e["fuer"] == "babylotsen"]
    section = _chapter(concept, "06_massnahmen").split('id="massnahme-babylotsen"')[1].split("<h3")[0]
    by_year = {year: [e for e in lines if e["jahr"] == year] for year in (2026, 2027)}
    assert all(len(of_year) == 2 for of_year in by_year.values())
    key = lambda e: (e["bezeichnung"], e["betrag"], e.get("produkt"))  # noqa: E731
    assert sorted(map(key, by_year[2026])) == sorted(map(key, by_year[2027]))
    total = f"{sum(e['betrag'] for e in by_year[2026]):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert f">2026 und 2027: je {total}\u00a0€, davon" in section
    for e in by_year[2026]:
        assert section.count(e["bezeichnung"]) == 1
    assert section.count("Zuwendung an Träger (") == 1


def test_a_title_naming_the_source_is_not_repeated_after_the_official_name(inputs):
    """'… (Förderbereich I „…“ (Bundesstiftung Frühe Hilfen, Netzwerkkoordination))': the title
    follows after a dash, without the source the sentence has just named."""

    def retitle(data):
        for line in data["ertraege"]:
            if line.get("foerderbereich") == "I":
                line["bezeichnung"] = "Bundesstiftung Frühe Hilfen, Netzwerkkoordination"

    chapter = _chapter(inputs.edit("ressourcen.yaml", retitle).check().concept, "12_ressourcen")
    assert f"Förderbereich\u00a0I „{OFFICIAL['I']}“ – Netzwerkkoordination" in chapter
    assert "(Bundesstiftung Frühe Hilfen, Netzwerkkoordination)" not in chapter and "))" not in chapter


def test_a_measure_that_says_its_span_gets_no_second_one_from_the_profession():
    """Landkreis Altmühlau's Familienpaten 'entlasten sie im ersten Lebensjahr des Kindes', and the
    profession's line added 'meist bis zum dritten Lebensjahr'; the Erziehungsberatung's 'bis zur
    Vollendung des 27. Lebensjahres' stood under a service for crying babies (Bavarian review)."""
    patin = PROFESSIONS["familienpatin"]
    said = "Geschulte Ehrenamtliche entlasten Familien im ersten Lebensjahr des Kindes."
    assert patin.profile_in("Bayern", said).startswith("Familienpatinnen und Familienpaten. Qualifikation: ")
    assert "bis zum dritten Geburtstag" in patin.profile_in("Bayern", "Ehrenamtliche besuchen Familien.")
    assert "27. Lebensjahr" not in PROFESSIONS["erziehungsberatung"].profile_in("Bayern")


def test_texts_containing_words_are_found_by_one_search_as_by_one_search_each():
    """The texts a rule reads closely are found in all texts joined (one search, not 170,000): the
    same texts as searching each, also at the edges of the joined string and for repeated texts."""
    from pipeline.validate.norms import Passage, _Read

    words = re.compile(r"Geburtstag|Jahr", re.IGNORECASE)
    written = ["Jahr eins", "ohne", "bis zum ersten Geburtstag", "", "ohne", "jahr", "Jahres", "zuletzt ohne"]
    read = _Read(passages=tuple(Passage("a.yaml", ("x", i), text) for i, text in enumerate(written)))
    assert (
        read.containing(words)
        == {t for t in written if words.search(t)}
        == {
            "Jahr eins",
            "bis zum ersten Geburtstag",
            "jahr",
            "Jahres",
        }
    )
    assert _Read().containing(words) == set()


def test_the_short_form_of_sachsen_anhalt_is_explained():
    """'LSA' alone ('Kinderschutzgesetz LSA') was warned about as unexplained (review of a Landkreis in
    Sachsen-Anhalt): the Land's list explains it, and the glossary of a document that uses it."""
    from pipeline.model.abbreviations import glossary, used_in

    assert glossary("Sachsen-Anhalt")["LSA"] == "Land Sachsen-Anhalt"
    assert ("LSA", "Land Sachsen-Anhalt") in used_in("nach § 3 Kinderschutzgesetz LSA", "Sachsen-Anhalt")
    assert "LSA" not in glossary("Sachsen")


def test_volunteers_are_headed_as_volunteers_with_one_colon():
    """Saxon review: „Fachkräfte: Familienpatinnen und Familienpaten … Qualifikation: keine
    Fachausbildung: Ehrenamtliche mit Schulung“ – volunteers called professionals, two colons."""
    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    patin = PROFESSIONS["familienpatin"]
    assert patin.volunteers and not PROFESSIONS["familienhebamme"].volunteers
    assert "Qualifikation: keine Fachausbildung; Ehrenamtliche" in patin.profile_in("Sachsen")
    concept = fixture_inputs("muldenaue").check().concept
    chapter = concept_chapters(concept)["konzept/06_massnahmen.html.j2"]
    plain = " ".join(re.sub(r"<[^>]+>", " ", chapter).split())
    assert "Ehrenamtliche: Familienpatinnen und Familienpaten" in plain.replace(" :", ":")
    assert "Fachkräfte: Familienpatinnen" not in plain.replace(" :", ":")
