"""Texts that name a time already past as if it were still ahead (year-later reviews: „bis Mitte
2027 … neu unterzeichnet“ in a concept of October 2027)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.validate.dated import past_times

STAND = dt.date(2027, 10, 14)


@pytest.mark.parametrize(
    ("sentence", "words", "day"),
    [
        ("Die Vereinbarung wird bis Mitte 2027 neu unterzeichnet.", "bis Mitte 2027", dt.date(2027, 6, 30)),
        (
            "Das Land entscheidet voraussichtlich im ersten Quartal 2027.",
            "im ersten Quartal 2027",
            dt.date(2027, 3, 31),
        ),
        (
            "Die Auftakte werden für das erste Quartal 2027 vorbereitet.",
            "für das erste Quartal 2027",
            dt.date(2027, 3, 31),
        ),
        ("Der Stellenumfang soll zum 01.04.2027 steigen.", "zum 01.04.2027", dt.date(2027, 4, 1)),
        ("Das Projekt ist bis Ende 2026 befristet.", "bis Ende 2026", dt.date(2026, 12, 31)),
        (
            "Die Stelle soll im Juli und August 2027 besetzt werden.",
            "im Juli und August 2027",
            dt.date(2027, 8, 31),
        ),
        (
            "Sie klärt bis Anfang März 2027, wo das Paket abzuholen ist.",
            "bis Anfang März 2027",
            dt.date(2027, 3, 10),
        ),
        ("Der Bericht folgt spätestens im Sommer 2027.", "spätestens im Sommer 2027", dt.date(2027, 8, 31)),
        # a foreword of the earlier Fassung (Saxon year-later review)
        (
            "Ich empfehle sie dem Kreistag zur Beschlussfassung im Dezember 2026.",
            "im Dezember 2026",
            dt.date(2026, 12, 31),
        ),
        # a day by its month's name, a day after 'am' (diff review)
        ("Die Stelle soll zum 1. Januar 2027 besetzt werden.", "zum 1. Januar 2027", dt.date(2027, 1, 1)),
        ("Am 10.12.2026 entscheidet der Kreistag.", "Am 10.12.2026", dt.date(2026, 12, 10)),
        ("Sie tritt am 01.01.2027 in Kraft.", "am 01.01.2027", dt.date(2027, 1, 1)),
        # 'für' before a month or a part of a year is a time, before a bare year a budget's (diff review)
        ("Der Start ist für Anfang 2027 geplant.", "für Anfang 2027", dt.date(2027, 3, 31)),
        ("Die Schulung ist für März 2027 vorgesehen.", "für März 2027", dt.date(2027, 3, 31)),
        # an obligation, not a perfect (diff review)
        (
            "Der Träger hat bis zum 31.03.2027 einen Bericht vorzulegen.",
            "bis zum 31.03.2027",
            dt.date(2027, 3, 31),
        ),
        (
            "Die Stelle soll im zweiten Halbjahr 2026 besetzt werden.",
            "im zweiten Halbjahr 2026",
            dt.date(2026, 12, 31),
        ),
    ],
)
def test_a_time_told_as_ahead_that_lies_before_the_stand(sentence, words, day):
    assert [(t.words, t.day, t.start) for t in past_times(sentence, STAND)] == [(words, day, False)]


@pytest.mark.parametrize(
    ("sentence", "words", "day"),
    [
        # Saxon year-later review: a start planned before the Stand
        ("Ein viertes Elterncafé ist ab Juli 2027 geplant.", "ab Juli 2027", dt.date(2027, 7, 1)),
        ("Die Stelle soll ab dem 01.04.2027 besetzt werden.", "ab dem 01.04.2027", dt.date(2027, 4, 1)),
        (
            "Ab dem zweiten Halbjahr 2027 sollen die Teams arbeiten.",
            "Ab dem zweiten Halbjahr 2027",
            dt.date(2027, 7, 1),
        ),
    ],
)
def test_a_start_planned_before_the_stand(sentence, words, day):
    assert [(t.words, t.day, t.start) for t in past_times(sentence, STAND)] == [(words, day, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        # what is done from then on, and a start still ahead
        "Die Sprechstunde wird ab 2027 in vier Praxen angeboten.",
        "Ab November 2027 soll die Stelle besetzt sein.",
        # still ahead, or not wholly past: the fourth quarter ends after the Stand
        "Die Vereinbarung wird bis Ende 2027 neu unterzeichnet.",
        "Das Land entscheidet voraussichtlich im vierten Quartal 2027.",
        "Die Vorsitzenden sollen sich im Oktober 2027 abstimmen.",
        # told in the past
        "Die Vereinbarung wurde bis Mitte 2027 neu unterzeichnet.",
        "Die Familienbegleitung betreute bis zum 30.09.2027 104 Familien.",
        "Die Hebammen begleiteten bis Mitte 2027 zwölf Familien.",
        "Die Träger haben die Vereinbarung bis Mitte 2027 unterzeichnet.",
        "Der Lotsendienst ist im März 2027 angelaufen.",
        # spans and starts stay true
        "Das Land fördert den Landkreis von 2025 bis 2027 mit jährlich 6.000,00 €.",
        "Lebendgeborene 2022 bis 2024 (Durchschnitt)",
        "Die Befragung lief von Oktober 2024 bis März 2025.",
        "Die Sozialraumteams arbeiten ab 2027.",
        "Die Stelle ist seit März 2027 besetzt.",
        # history without a word of plans after 'im'
        "Im Mai 2026 befragt das Jugendamt alle Kitas.",
        # a year's money, not a time
        "Die Mittel für 2026 sind im Haushalt veranschlagt.",
        # diff review: past forms, a participle describing a noun, how far data reaches
        "Die Zahl der Meldungen stieg bis Ende 2026 auf 140.",
        "Das bis Ende 2026 befristete Projekt soll weiterlaufen.",
        "Die Statistik reicht bis 2026.",
        "Die Konferenz am 12. März 2025 beschloss neue Leitsätze.",
        "Am 10.12.2026 hat der Kreistag beschlossen.",
        # a date that does not exist is not a time
        "Die Stelle soll zum 31.02.2027 besetzt werden.",
    ],
)
def test_what_is_no_time_past_told_as_ahead(sentence):
    assert list(past_times(sentence, STAND)) == []


def test_texts_a_year_behind_are_pointed_out_where_they_stand(inputs):
    """The example a year later: its plans for the first half of 2027 are now past. A decision's
    wording is the record of what was decided then and stays unremarked."""
    assert not [w for w in inputs.warnings() if "als stünde es noch bevor" in w.message]
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    found = {(w.where.file, w.where.field): w.message for w in inputs.warnings() if "als stünde es" in w.message}
    message = found[("massnahmen.yaml", "massnahmen[17].beschreibung")]
    assert message.startswith("„… ")  # quoted from a little before the words it is about
    assert (
        "Der Text nennt „bis Mitte 2027“, als stünde es noch bevor; diese Zeit endete am 30.06.2027, "
        "vor dem Stand (14.10.2027). Aus einer früheren Fassung übernommen?"
    ) in message
    assert ("gremien.yaml", "beschluesse[6].umsetzungsstand") in found
    # a paper whose sittings all lie before the Stand is a record: its own warning asks to move it
    # to vorlagen/beraten/, not to edit it (diff review)
    assert not [file for file, _ in found if file.startswith("vorlagen/")]
    assert not [field for file, field in found if file == "gremien.yaml" and field.endswith(".inhalt")]
    # the decision of KT/2025/088 names 01.04.2026 and 01.01.2027 for its steps: a record
    decision = inputs.check().concept.decisions
    assert any("01.01.2027" in d.content for d in decision)


def test_a_text_naming_the_earlier_fassung_as_the_present_one_is_pointed_out(inputs):
    """„Die Fortschreibung liegt mit der Fassung 2.0 vor“ in the Fassung 2.1 (Hessian year-later
    review: „Mit der Fassung 3.0 bündeln …“ in the foreword of 3.1). A Fassung in the genitive or
    in the past stays true; the papers have their own rule."""
    assert not [w for w in inputs.warnings() if "wie von der jetzigen Fassung" in w.message]
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    inputs.edit(
        "massnahmen.yaml",
        lambda d: d["massnahmen"][0].update(
            beschreibung="Mit der Fassung 2.0 bündeln die Träger ihre Angebote. Die Maßnahmen der Fassung 1.0 "
            "sind umgesetzt. Die Fassung 1.0 wurde 2021 beschlossen."
        ),
    )
    found = {
        (w.where.file, w.where.field): w.message
        for w in inputs.warnings()
        if "wie von der jetzigen Fassung" in w.message
    }
    assert found[("massnahmen.yaml", "massnahmen[0].beschreibung")] == (
        "„Mit der Fassung 2.0 bündeln die Träger ihre Angebote.“ – Der Text spricht von „Mit der Fassung 2.0“ wie "
        "von der jetzigen Fassung; dieses Konzept ist die Fassung 2.1. Aus einer früheren Fassung übernommen? Bitte "
        "den Satz anpassen."
    )
    # the state of a decision carried out stays true: 'die Fortschreibung liegt mit der Fassung 2.0 vor'
    assert ("gremien.yaml", "beschluesse[0].umsetzungsstand") not in found
    # the draft of the Fassung adopted since (Saxon year-later review)
    inputs.edit(
        "massnahmen.yaml",
        lambda d: d["massnahmen"][1].update(beschreibung="Der Entwurf der Fassung 2.0 liegt vor."),
    )
    assert any(
        w.where.field == "massnahmen[1].beschreibung" and "„Entwurf der Fassung 2.0“" in w.message
        for w in inputs.warnings()
    )
    assert not [file for file, _ in found if file.startswith("vorlagen/")]
    assert len([f for f in found if f[0] == "massnahmen.yaml"]) == 1


def test_a_finished_measure_described_as_under_way_is_pointed_out(inputs):
    """Saxon year-later review: the Kooperationsvereinbarung set 'abgeschlossen', its description
    still „wird überarbeitet und … neu unterzeichnet“. A description of what was done, or in
    nouns ('Aufbau eines …'), stays unremarked."""
    assert not [w for w in inputs.warnings() if "Die Maßnahme ist abgeschlossen" in w.message]
    index = next(i for i, m in enumerate(inputs.check().concept.measures) if m.id == "kooperationsvereinbarung")
    inputs.edit("massnahmen.yaml", lambda d: d["massnahmen"][index].update(status="abgeschlossen"))
    found = [w for w in inputs.warnings() if "Die Maßnahme ist abgeschlossen" in w.message]
    assert [w.where.field for w in found] == [f"massnahmen[{index}].beschreibung"]
    assert found[0].message.startswith("„Die Kooperationsvereinbarung von 2021 wird an diese Fassung")
    assert found[0].message.endswith("Bitte beschreiben, was umgesetzt wurde.")
    inputs.edit(
        "massnahmen.yaml",
        lambda d: d["massnahmen"][index].update(
            beschreibung="Die Kooperationsvereinbarung wurde überarbeitet und von elf Trägern neu unterzeichnet."
        ),
    )
    assert not [w for w in inputs.warnings() if "Die Maßnahme ist abgeschlossen" in w.message]


def test_a_budget_year_gone_by_is_told_in_the_past(inputs):
    """A year later, 2026 is over: the summary began „Für 2026 sind 471.700,00 € Aufwand
    eingeplant“ and the resources chapter said „Im Jahr 2026 … stehen … gegenüber“ (Saxon
    year-later review). The summary now begins with the Stand's year; the chapter keeps 2026 in
    the past tense."""
    import lxml.html

    from pipeline.render import concept_chapters

    def text(concept, name):
        return " ".join(
            lxml.html.fromstring(concept_chapters(concept)[f"konzept/{name}.html.j2"]).text_content().split()
        )

    now = inputs.check().concept
    assert "Für 2026 sind 471.700,00 € Aufwand eingeplant" in text(now, "00b_kurzfassung")
    assert "Im Jahr 2026 (Haushalt beschlossen) stehen einem Aufwand von 471.700,00 €" in text(
        now, "12_ressourcen"
    )
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    later = inputs.check().concept
    summary = text(later, "00b_kurzfassung")
    assert "Für 2026" not in summary and "Für 2027 sind 545.000,00 € Aufwand eingeplant" in summary
    chapter = text(later, "12_ressourcen")
    assert (
        "Im Jahr 2026 (Haushalt beschlossen) standen einem Aufwand von 471.700,00 € Erträge von 179.300,00 € "
        "gegenüber; der Zuschussbedarf betrug 292.400,00 €. Im Jahr 2027 (Haushaltsentwurf) stehen"
    ) in chapter


def test_a_day_past_is_said_as_a_day(inputs):
    """„zum 01.01.2027“: „diese Zeit war am 01.01.2027 vorbei“ read oddly for a day."""
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    (found,) = [w for w in inputs.warnings() if "„zum 01.01.2027“" in w.message]
    assert "„zum 01.01.2027“, als stünde es noch bevor; der Tag lag vor dem Stand (14.10.2027)." in found.message


def test_a_summary_of_years_all_gone_by_is_told_in_the_past(inputs):
    """Where every planned year lies before the Stand's year, the summary names them all – in the
    past tense (diff review: the fallback said „Für 2026 sind … eingeplant“ in 2028)."""
    import lxml.html

    from pipeline.render import concept_chapters

    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2028-02-14")
    chapter = concept_chapters(inputs.check().concept)["konzept/00b_kurzfassung.html.j2"]
    text = " ".join(lxml.html.fromstring(chapter).text_content().split())
    assert (
        "Für 2026 waren 471.700,00 € Aufwand veranschlagt; nach Abzug der Erträge blieb ein Zuschussbedarf" in text
    )
    assert "für 2027 waren es 545.000,00 € Aufwand" in text
