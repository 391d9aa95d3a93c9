"""Sentences that cannot break: the example rendered as it is, with every optional field left
out and with every text at its longest, and each sentence of every document ends once.

The variants are made from the input models, not from a list kept by hand: a field added to
`pipeline/model/inputs.py` is left out (if optional) or written at length (if text) here
without anyone remembering to. Rendering the HTML is enough – Word and PDF show the same text.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Any, get_args

import pytest
import yaml

from pipeline.model.inputs import model_for
from pipeline.model.types import Item, MunicipalityKind
from pipeline.scaffold import starter_files

from .conftest import EXAMPLE, ROOT, Inputs
from .sentences import flaws, render_all

# --- walking the input models ---------------------------------------------------------------


def _items(annotation: Any) -> list[type[Item]]:
    """The item models a field holds: `Contact`, `list[Actor]`, `FinancialInfo | None` …"""
    if isinstance(annotation, type) and issubclass(annotation, Item):
        return [annotation]
    return [item for arg in typing.get_args(annotation) for item in _items(arg)]


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    """A free text field (the `Text` type, alone or in a list), not an id, URL or choice."""
    if annotation is str:
        return any(getattr(getattr(m, "func", None), "__name__", "") == "_displayable" for m in metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        return _is_text(base, meta)
    return any(_is_text(arg, []) for arg in typing.get_args(annotation))


def _walk(model: type[Item], data: Any, visit: Any, path: tuple[str, ...] = ()) -> None:
    """Call visit(model, key, info, mapping, path) for every field present in the data, depth
    first (nested items before the field that holds them is visited)."""
    if isinstance(data, list):
        for entry in data:
            _walk(model, entry, visit, path)
        return
    if not isinstance(data, dict):
        return
    for info in model.model_fields.values():
        key = info.alias or ""
        if key not in data:
            continue
        for inner in _items(info.annotation):
            _walk(inner, data[key], visit, (*path, key))
        visit(model, key, info, data, (*path, key))


def _edit_every_file(inputs, visit) -> None:
    for name in list(inputs.texts):
        model = model_for(name)

        def change(data, model=model, name=name):
            _walk(model, data, lambda *args: visit(name, *args))

        inputs.edit(name, change)


# --- every optional field left out ----------------------------------------------------------

#: Optional fields the remaining data still needs: a rule about another field asks for them
#: (a Zuwendung names its Träger, a Bundesstiftung grant its Förderbereich, a Beschlussvorlage
#: its proposal), or the papers' sittings must be in the calendar.
STILL_NEEDED = {
    ("Aufwand", "empfaenger"),
    ("Akteure", "traeger"),
    ("Ertrag", "foerderbereich"),
    ("Leitbild", "bezug_nzfh"),
    ("Vorlage", "beschlussvorschlag"),
    ("Gremium", "sitzungen"),
}


def _leave_out_optional(name, model, key, info, data, path) -> None:
    if not info.is_required() and (model.model_config.get("title"), key) not in STILL_NEEDED:
        del data[key]


@pytest.fixture
def sparse(inputs):
    """The example with every optional field left out, papers and quality ratings kept."""
    _edit_every_file(inputs, _leave_out_optional)
    return inputs


def test_every_optional_field_can_be_left_out(sparse):
    """The sparse variant is valid input, so the sentence check below reads real documents."""
    concept = sparse.check().concept
    assert not concept.decisions and not concept.resources.positions and not concept.version.contributors
    assert all(not g.short_title and not g.description for g in concept.goals)
    assert concept.papers


@pytest.mark.parametrize("papers", [True, False], ids=["mit-vorlagen", "ohne-vorlagen"])
def test_sentences_end_once_without_optional_fields(sparse, papers):
    if not papers:
        for name in [n for n in sparse.texts if n.startswith("vorlagen/") or n == "qualitaet.yaml"]:
            sparse.remove(name)
        sparse.edit("gremien.yaml", lambda data: [c.pop("sitzungen", None) for c in data["gremien"]])
    documents = render_all(sparse.check().concept)
    broken = {name: found for name, html in documents.items() if (found := flaws(html))}
    assert not broken, broken


# --- every text at its longest --------------------------------------------------------------

#: Texts that name something (a heading, a table cell, a part of a sentence): long, without a
#: full stop of their own, and ending in an abbreviation where a name may ('… e. V.'), so a
#: sentence that ends with it must not add a second full stop.
LONG_NAME = (
    "Arbeitsgemeinschaft der Träger der Kinder- und Jugendhilfe und des Gesundheitswesens im "
    "Landkreis Musterkreis – Fachgruppe Frühe Hilfen, Familienbildung und Elternberatung {n} e. V."
)
LONG_COMMITTEE = "Ausschuss für Jugend, Familie, Soziales, Gesundheit und Teilhabe des Landkreises Musterkreis {n}"
LONG_BODY = "Arbeitskreis Frühe Hilfen, Kinderschutz und Gesundheit in den ländlichen Sozialräumen {n}"
#: Texts that are sentences: several of them, with abbreviations and a quote inside.
LONG_SENTENCES = (
    "Die Angaben beruhen auf der Netzwerkbefragung 2023, den Dokumentationen der Träger und den "
    "Rückmeldungen aus den Sozialraumteams, die die Steuerungsgruppe im Frühjahr ausgewertet hat. "
    "Sie werden jährlich zum 31. März fortgeschrieben, z. B. nach Vorliegen der Landesstatistik, und "
    "in der Netzwerkkonferenz „Frühe Hilfen im Gespräch“ vorgestellt. Offen ist, wie die "
    "Zusammenarbeit mit den Kinder- und Jugendarztpraxen in den ländlichen Sozialräumen dauerhaft "
    "gesichert werden kann, u. a. in Bergstedt und Heideland."
)
#: Fields that hold sentences, by key (and model title where the key means a name elsewhere).
SENTENCE_FIELDS = {
    "beschreibung",
    "beteiligungsprozess",
    "text",
    "leitsaetze",
    "rolle",
    "rahmenbedingungen",
    "anforderungen",
    "handlungsbedarf",
    "inhalt",
    "umsetzungsstand",
    "notiz",
    "beschlussvorschlag",
    "zusammenfassung",
    "sachverhalt",
    "begruendung",
    "erlaeuterung",
    "grundlage",
    "schlussfolgerungen",
    "beschluss",
    "ergebnisse",
    "folgen",
    "abstimmung",
    "rueckmeldung",
    "erreichbarkeit",
    "bezug",
    "aufgabe",
    ("Einbettung in die Planung", "verwaltungsspitze"),
    ("Formular", "zweck"),
    ("Ziel", "titel"),
}
#: Texts that must keep their form: numbers, addresses, short names for file names, units.
KEEP_AS_WRITTEN = {
    "oparl_basis",
    "dateien_basis",
    "kurzname",
    "fassung",
    "telefon",
    "email",
    "nummer",
    "vorlage",
    "top",
    "einheit",
    "person",
    "hauptfarbe",
    "akzentfarbe",
}


def _long_value(model_title: str, key: str, number: int) -> str:
    if key in SENTENCE_FIELDS or (model_title, key) in SENTENCE_FIELDS:
        return LONG_SENTENCES
    if model_title == "Gremium" and key == "name":
        return LONG_COMMITTEE.format(n=number)
    if model_title == "Netzwerkgremium" and key == "name":
        return LONG_BODY.format(n=number)
    return LONG_NAME.format(n=number)


@pytest.fixture
def longest(inputs):
    """The example with every free text at a long, realistic length."""
    counter = iter(range(1, 100_000))

    def lengthen(name, model, key, info, data, path):
        if key in KEEP_AS_WRITTEN or not _is_text(info.annotation, info.metadata):
            return
        title = model.model_config.get("title") or ""
        if isinstance(data[key], list):
            data[key] = [_long_value(title, key, next(counter)) for _ in data[key]]
        elif isinstance(data[key], str):
            data[key] = _long_value(title, key, next(counter))

    _edit_every_file(inputs, lengthen)
    return inputs


def test_every_text_can_be_long(longest):
    concept = longest.check().concept
    assert concept.committees[0].name.startswith("Ausschuss für Jugend")
    assert concept.actors[0].name.endswith("e. V.")
    assert len(concept.measures[0].description) > 400


def test_sentences_end_once_with_the_longest_texts(longest):
    documents = render_all(longest.check().concept)
    broken = {name: found for name, html in documents.items() if (found := flaws(html))}
    assert not broken, broken


def test_sentences_end_once_in_the_example(concept):
    documents = render_all(concept)
    broken = {name: found for name, html in documents.items() if (found := flaws(html))}
    assert not broken, broken


# --- the checker itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "flaw"),
    [
        ("<p>Das Konzept wurde mit dem Beschluss X am 1.1. vorgesehen. verabschiedet.</p>", "Satzanfang klein"),
        ("<p>Beim Kinderschutzbund e. V..</p>", "doppelter Punkt"),
        ("<p>Mitglieder: ().</p>", "leere Klammern"),
        ("<p>Gremien: A, B, .</p>", "Satzzeichen nach Komma"),
        ("<p>Der Bericht ist None.</p>", "None"),
        ("<p>Leitung :X.</p>", "Leerzeichen vor Satzzeichen"),
        ("<h2>Z1 Familien finden Zugang.</h2>", "Überschrift"),
        ("<p>Der Satz hört nicht auf</p>", "Absatz ohne Satzende"),
        ("<h1>Kapitel</h1>\n<h2>Abschnitt</h2>\n<p>Text.</p>\n<h2>Leer</h2>", "leere Überschrift"),
        ("<h2>Leer</h2>\n<h1>Nächstes Kapitel</h1>\n<p>Text.</p>", "leere Überschrift"),
    ],
)
def test_the_checker_finds_broken_sentences(html, flaw):
    assert any(f.startswith(flaw) for f in flaws(html)), flaws(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p>Träger ist der Kinderschutzbund e. V. und z. B. die Caritas, u. a. in Lindenau.</p>",
        "<p>Bericht am 3. Dezember 2026 nach § 3 Abs. 2 KKG; E-Mail: info@musterkreis.example.org.</p>",
        "<h3>Kinderschutzbund Musterkreis e. V.</h3>\n<p>Text.</p>",
        "<p><strong>Ziele:</strong> Z1 Zugang</p>",
        "<p>Kontakt<br>Musterstraße 1</p>",
    ],
)
def test_the_checker_accepts_sound_sentences(html):
    assert flaws(html) == []


# --- the decision on this Fassung -------------------------------------------------------------


def _text_of(html: str) -> str:
    import lxml.html

    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def _introduction(concept) -> str:
    return _text_of(render_all(concept)["konzept/01_einleitung"])


def test_a_paper_makes_the_decision_planned(inputs, raw_inputs):
    """The example names its Beschlussvorlage: the sentence says when and where the decision is
    to be taken, from the paper's Beratungsfolge read here independently."""
    concept = inputs.check().concept
    paper = yaml.safe_load((EXAMPLE / "vorlagen" / "jha-2026-030-gesamtkonzept.yaml").read_text())["vorlage"]
    assert raw_inputs["kommune.yaml"]["konzept"]["beschluss"] == paper["nummer"]
    final = next(c for c in paper["beratungsfolge"] if c["rolle"] == "Entscheidung")
    text = _introduction(concept)
    assert (
        f"Diese Fassung soll am {final['datum']:%d.%m.%Y} im Kreistag beschlossen werden "
        f"(Beschlussvorlage {paper['nummer']})." in text
    )
    assert (
        "Zuvor wird sie am 19.11.2026 im Ausschuss für Gesundheit, am 26.11.2026 im Jugendhilfeausschuss, "
        "am 03.12.2026 im Ausschuss für Soziales und Teilhabe und am 08.12.2026 im Kreisausschuss (nicht öffentlich) "
        "beraten." in text  # § 78 Abs. 2 Satz 1 NKomVG
    )
    assert "verabschiedet" not in text


def test_a_recorded_decision_makes_it_adopted(inputs):
    """Once the Kreistag has decided and the decision is in gremien.yaml under the paper's
    number, the same reference reads in the past tense."""

    def decided(data):
        data["beschluesse"].append(
            {
                "id": "kt-2026-099",
                "nummer": "JHA/2026/030",
                "datum": "2026-12-17",
                "gremium": "kt",
                "titel": "Gesamtkonzept Frühe Hilfen (Fassung 2.0)",
                "inhalt": "Der Kreistag beschließt das Gesamtkonzept Frühe Hilfen in der Fassung 2.0.",
                "umsetzungsstatus": "in Umsetzung",
                "umsetzungsstand": "Die Umsetzung hat begonnen.",
            }
        )

    inputs.edit("gremien.yaml", decided)
    text = _introduction(inputs.check().concept)
    assert (
        "Der Kreistag hat diese Fassung des Gesamtkonzepts am 17.12.2026 beschlossen (Beschluss JHA/2026/030)."
        in text
    )
    assert "soll am" not in text


def test_old_free_text_stays_readable_and_is_warned_about(inputs):
    old = (
        "Vorlage JHA/2026/030: Beratung im Jugendhilfeausschuss am 26.11.2026, Beschlussfassung im "
        "Kreistag am 17.12.2026 vorgesehen."
    )
    inputs.edit("kommune.yaml", lambda data: data["konzept"].update(beschluss=old))
    validated = inputs.check()
    warned = [w for w in validated.warnings if w.where.field == "konzept.beschluss"]
    assert len(warned) == 1
    assert "bitte nur die Nummer eintragen (beschluss: JHA/2026/030)" in warned[0].message
    text = _introduction(validated.concept)
    assert f"Beschluss über das Gesamtkonzept: {old}" in text
    assert "vorgesehen. verabschiedet" not in text
    assert not flaws(render_all(validated.concept)["konzept/01_einleitung"])


def test_the_reference_to_the_decision_is_optional(inputs):
    inputs.edit("kommune.yaml", lambda data: data["konzept"].pop("beschluss"))
    validated = inputs.check()
    assert not [w for w in validated.warnings if w.where.field == "konzept.beschluss"]
    assert "beschlossen" not in _introduction(validated.concept)


# --- a report never calls itself missing --------------------------------------------------------


def test_the_status_report_is_the_report_it_would_have_called_missing(concept):
    """SA/2026/041 goes to the Sozialausschuss, which took SA/2022/019: it says that it is the
    report, and nothing in it says the report is still to come."""
    text = _text_of(render_all(concept)["vorlage SA/2026/041"])
    assert "noch aus" not in text
    assert "zugleich der Bericht" not in text


def test_a_paper_says_it_is_the_report_where_its_subject_does_not(inputs):
    def retitle(data):
        data["vorlage"]["betreff"] = "Frühe Hilfen für Familien im SGB-II-Bezug"

    inputs.edit("vorlagen/sa-2026-041-sgb2.yaml", retitle)
    text = _text_of(render_all(inputs.check().concept)["vorlage SA/2026/041"])
    assert (
        "Die Vorlage ist zugleich der Bericht an den Ausschuss für Soziales und Teilhabe über die Umsetzung "
        "des Beschlusses SA/2022/019." in text
    )


def test_the_concept_names_the_planned_report_from_the_calendar(concept):
    text = _text_of(render_all(concept)["konzept/13_politische_verankerung"])
    assert (
        "Nächster Bericht über die Umsetzung: am 03.12.2026 im Ausschuss für Soziales und Teilhabe "
        "(Sachstandsbericht SA/2026/041)" in text
    )


def test_progress_that_announces_the_report_is_warned_about(inputs):
    def announce(data):
        decision = next(d for d in data["beschluesse"] if d["nummer"] == "SA/2022/019")
        decision["umsetzungsstand"] += " Der vorgesehene Bericht im Sozialausschuss steht noch aus."

    inputs.edit("gremien.yaml", announce)
    warned = [w for w in inputs.warnings() if w.where.field.endswith("umsetzungsstand")]
    assert len(warned) == 1
    assert (
        "Die Vorlage SA/2026/041 berichtet am 03.12.2026 dem Ausschuss für Soziales und Teilhabe"
        in warned[0].message
    )


def test_progress_without_announcements_passes(inputs):
    assert not [w for w in inputs.warnings() if w.where.field.endswith("umsetzungsstand")]


# --- committees with their articles ---------------------------------------------------------


def test_an_unknown_committee_name_is_named_safely_and_warned_about(inputs):
    def rename(data):
        data["gremien"][2]["name"] = "Netzwerk Soziales"

    inputs.edit("gremien.yaml", rename)
    validated = inputs.check()
    warned = [w for w in validated.warnings if w.where.field == "gremien[2].name"]
    assert len(warned) == 1 and "'artikel'" in warned[0].message
    text = _text_of(render_all(validated.concept)["konzept/13_politische_verankerung"])
    assert "das Gremium „Netzwerk Soziales“" in text


def test_the_article_field_silences_the_warning(inputs):
    def rename(data):
        data["gremien"][2].update(name="Netzwerk Soziales", artikel="das")

    inputs.edit("gremien.yaml", rename)
    validated = inputs.check()
    assert not [w for w in validated.warnings if w.where.field == "gremien[2].name"]
    text = _text_of(render_all(validated.concept)["konzept/13_politische_verankerung"])
    assert "das Netzwerk Soziales" in text


def test_committees_are_named_with_article_in_running_text(concept):
    text = _text_of(render_all(concept)["konzept/13_politische_verankerung"])
    assert "sind für sie fünf Gremien zuständig: der Jugendhilfeausschuss, der Ausschuss für Gesundheit" in text


# --- numbers and nouns agree ------------------------------------------------------------------


def test_a_count_of_one_takes_the_singular(concept):
    """The example's indicator 'Fachausschüsse …' stands at 1 in 2026 (ziele.yaml)."""
    html = render_all(concept)["konzept/05_ziele"]
    assert "1\u00a0Ausschuss (2026)" in html and "1\u00a0Bericht pro Jahr (2023)" in html
    assert not re.search(r"\b1\u00a0(Ausschüsse|Berichte)\b", html)


# --- headings and codes -----------------------------------------------------------------------


def test_goal_headings_are_phrases_and_the_goal_is_stated_below(concept, raw_inputs):
    html = render_all(concept)["konzept/05_ziele"]
    goal = raw_inputs["ziele.yaml"]["ziele"][0]
    assert f">Z1\u00a0{goal['kurztitel']}</h2>" in html  # number and title on one line
    assert f"<strong>{goal['art']}:</strong> {goal['titel']}" in html


def test_papers_name_the_goals_their_tables_number(concept, raw_inputs):
    """A council member has no goals chapter at hand: each goal number in a paper's tables
    comes with its name once."""
    titles = {g["id"]: g["kurztitel"] for g in raw_inputs["ziele.yaml"]["ziele"]}
    text = _text_of(render_all(concept)["vorlage SA/2026/041"])
    numbers = set(re.findall(r"\bZ\d+(?:\.\d+)?\b", text))
    named = {n for n in numbers if any(f"{n} {t}" in text for t in titles.values())}
    assert numbers and named == numbers


@pytest.mark.parametrize("kind", get_args(MunicipalityKind))
def test_sentences_end_once_in_a_new_municipality(kind):
    """`init` writes one of everything: every count is one, every text a placeholder."""
    files = starter_files(ROOT / "inputs" / "neustadt", kind, "Hessen", None, dt.date(2026, 11, 23))
    concept = Inputs({name: text.encode() for name, text in files.items()}).check().concept
    documents = render_all(concept)
    broken = {name: found for name, html in documents.items() if (found := flaws(html))}
    assert not broken, broken


def test_a_group_is_named_in_lower_case_inside_a_sentence_an_institution_never(concept):
    """'sowie freiberufliche Hebammen', but 'Allgemeiner Sozialer Dienst' stays a proper name."""
    by_name = {a.name: a for a in concept.actors}
    assert by_name["Freiberufliche Hebammen"].name_in_text == "freiberufliche Hebammen"
    assert by_name["Allgemeiner Sozialer Dienst (ASD)"].organisation_form == "Institution"
    assert by_name["Allgemeiner Sozialer Dienst (ASD)"].name_in_text == "Allgemeiner Sozialer Dienst (ASD)"
    text = _text_of(render_all(concept)["vorlage JHA/2026/030"])
    assert "Geburtshilfe; freiberufliche Hebammen; Familienhebammen" in text  # who took part


def test_who_took_part_in_the_fassung_is_counted_against_all_actors_in_both_rows(concept):
    """'Akteure, die … mitgewirkt haben: 15' beside '… beteiligte Akteure: 21 von 21' read as a
    contradiction (Word review): both rows count of all actors, the first a part of the second."""
    import lxml.html

    from pipeline.render import concept_chapters

    chapter = next(html for name, html in concept_chapters(concept).items() if "15_qualitaet" in name)
    table = next(
        t
        for t in lxml.html.fromstring(f"<div>{chapter}</div>").iter("table")
        if "Fortschreibung" in t.findtext("caption")
    )
    rows = {
        r[0].text_content().strip(): r[1].text_content().strip()
        for r in table.iter("tr")
        if len(r.findall("td")) == 2
    }
    own = next(v for k, v in rows.items() if "selbst mitgewirkt" in k)
    all_ = next(v for k, v in rows.items() if "vertreten sind" in k)
    actors = len(concept.actors)
    assert own == f"{len(concept.version.contributors)} von {actors}"
    assert all_.endswith(f" von {actors}") and int(own.split()[0]) <= int(all_.split()[0])


def test_the_coordinations_conditions_stand_once_in_its_own_chapter(concept):
    """Chapter 'Netzwerkkoordination' and the chapter on the actors' Rahmenbedingungen repeated the
    same sentence word for word (review): the second refers to the first."""
    import re as _re

    from pipeline.render import concept_chapters

    conditions = concept.coordination_actor.conditions
    assert conditions
    text = " ".join(_re.sub(r"<[^>]+>", " ", html) for html in concept_chapters(concept).values())
    assert " ".join(text.split()).count(" ".join(conditions.split())) == 1
    rahmen = next(html for name, html in concept_chapters(concept).items() if "11_rahmenbedingungen" in name)
    assert "Stellen, Finanzierung und Rahmenbedingungen beschreibt Kapitel" in rahmen
