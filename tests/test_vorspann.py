"""Front matter of the concept: an optional foreword and 'Das Wichtigste in Kürze', one page from
the model; both stand before chapter 1 without a number."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from decimal import Decimal

import lxml.html
import pytest
import yaml
from pypdf import PdfReader

from pipeline.formatting import euro, number_word
from pipeline.model.summary import Summary
from pipeline.render import concept_chapters

from .conftest import EXAMPLE, ROOT

CITY = ROOT / "inputs" / "neuhafen"
FOREWORD = "konzept/00a_vorwort.html.j2"
SUMMARY = "konzept/00b_kurzfassung.html.j2"


def text(html: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())


def raw(folder, name):
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def test_foreword_is_signed_by_the_head_of_the_administration(concept):
    html = concept_chapters(concept)[FOREWORD]
    written = raw(EXAMPLE, "kommune.yaml")
    assert '<h1 id="vorwort" class="unnumbered">Vorwort</h1>' in html.replace(
        ' data-quelle="konzept/00a_vorwort.html.j2:5"', ""
    )
    for paragraph in written["konzept"]["vorwort"]["text"].split("\n\n"):
        assert " ".join(paragraph.split()) in text(html)
    head = written["kommune"]["verwaltungsspitze"]
    assert f"{head['name']}<br>{head['amtsbezeichnung']}</p>" in html


def test_foreword_names_its_author_where_given(inputs):
    def author(data):
        data["konzept"]["vorwort"]["verfasst_von"] = "Dr. Petra Lorenz, Dezernentin für Jugend und Soziales"

    inputs.edit("kommune.yaml", author)
    html = concept_chapters(inputs.check().concept)[FOREWORD]
    assert "Dr. Petra Lorenz, Dezernentin für Jugend und Soziales</p>" in html
    assert "Landrätin" not in html


def test_without_head_or_author_the_foreword_is_unsigned(inputs):
    inputs.edit("kommune.yaml", lambda data: data["kommune"].pop("verwaltungsspitze"))
    html = concept_chapters(inputs.check().concept)[FOREWORD]
    assert "Vorwort" in html and "<br>" not in html


def test_without_foreword_there_is_no_heading_and_chapter_one_stays_one(inputs):
    inputs.edit("kommune.yaml", lambda data: data["konzept"].pop("vorwort"))
    chapters = concept_chapters(inputs.check().concept)
    assert chapters[FOREWORD].strip() == ""
    summary = re.sub(r"<[^>]+>", "", chapters[SUMMARY])  # the number is a link to the chapter
    assert "(Kapitel\u00a05)" in summary  # Zielgruppen: chapters count from Einleitung


@pytest.mark.parametrize("folder", [EXAMPLE, CITY], ids=["landkreis", "stadt"])
def test_summary_states_the_models_totals(folder):
    from pipeline.build import check_folder

    html = concept_chapters(check_folder(folder).concept)[SUMMARY]
    plain = text(html).replace("\xa0", " ")
    money = raw(folder, "ressourcen.yaml")
    expenses, income = defaultdict(Decimal), defaultdict(Decimal)
    for line in money["aufwand"]:
        expenses[line["jahr"]] += Decimal(str(line["betrag"]))
    for line in money["ertraege"]:
        income[line["jahr"]] += Decimal(str(line["betrag"]))
    root = lxml.html.fromstring(f"<div>{html}</div>")
    [table] = root.iter("table")
    rows = [  # a total's label spans the empty cells after it: counted once per column
        [" ".join(c.text_content().split()) for c in tr.iter("td") for _ in range(int(c.get("colspan", "1")))]
        for tr in table.iter("tr")
    ][1:]
    by_year = {r[0]: r[2:] for r in rows}

    def shown(amount: Decimal) -> str:
        return euro(amount).replace("\xa0", " ")

    for index, year in enumerate(sorted(expenses)):
        spent, received = expenses[year], income[year]
        assert by_year[str(year)] == [shown(spent), shown(received), shown(spent - received)]
        # the Zuschussbedarf as what remains after the Erträge, not 'davon' (Kreistag member read it as a share)
        said = (
            f"Für {year} sind {shown(spent)} Aufwand eingeplant; nach Abzug der Erträge bleibt ein Zuschussbedarf von "
            f"{shown(spent - received)}"
            if index == 0
            else f"für {year} sind es {shown(spent)} Aufwand und {shown(spent - received)} Zuschussbedarf"
        )
        assert said in plain
    total, received = sum(expenses.values(), Decimal(0)), sum(income.values(), Decimal(0))
    span = f"Summe {min(expenses)}–{max(expenses)}"  # which years the total adds
    assert by_year[span] == [shown(total), shown(received), shown(total - received)]
    listed = raw(folder, "massnahmen.yaml")["massnahmen"]
    measures = Counter(m["status"] for m in listed)

    def part(n: int, whole: int, one: str = "eine") -> str:
        """Parts of a whole in digits where the whole is (over twelve), else in words (Lektorat)."""
        return str(n) if whole > 12 else number_word(n, one)

    if measures["laufend"]:
        assert (
            f"{part(measures['laufend'], len(listed))} {'läuft' if measures['laufend'] == 1 else 'laufen'}"
            in plain
        )
    if measures["geplant"]:
        assert (
            f"{part(measures['geplant'], len(listed))} {'ist' if measures['geplant'] == 1 else 'sind'} geplant"
            in plain
        )
    groups = raw(folder, "zielgruppen.yaml")["zielgruppen"]
    # inside the sentence a name that opens with an adjective is written small ('werdende Eltern')
    assert all(g["name"] in plain or g["name"][0].lower() + g["name"][1:] in plain for g in groups)
    impact = [g for g in raw(folder, "ziele.yaml")["ziele"] if g["art"] == "Wirkungsziel"]
    assert all(g["kurztitel"] in plain for g in impact)
    decisions = raw(folder, "gremien.yaml").get("beschluesse", [])
    for status, n in Counter(d["umsetzungsstatus"] for d in decisions).items():
        assert f"{number_word(n, 'einer')} {status}" in plain
    indicators = [i for g in raw(folder, "ziele.yaml")["ziele"] for i in g.get("indikatoren", [])]
    counted = re.search(r"Stand der Indikatoren: (.*?)\.(?=\s|$)", plain)  # not the point in "Z1.3"
    assert counted is not None
    words = {part(n, len(indicators), "einer"): n for n in range(1, len(indicators) + 1)}
    named = re.findall(r"(?:^|, | und )(\S+) (?:ist|sind|hat|haben|liegt|liegen) ", counted.group(1))
    assert sum(words[w] for w in named) == len(indicators)  # every indicator is counted once


def test_front_matter_stands_unnumbered_before_chapter_one_in_the_pdf(concept_files):
    reader = PdfReader(str(concept_files[".pdf"]))
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "Vorwort" in contents and "Das Wichtigste in Kürze" in contents
    assert contents.index("Das Wichtigste in Kürze") < contents.index("1 Einleitung und Auftrag")
    assert "1 Vorwort" not in contents


def test_the_summary_names_the_goals_whose_indicators_lag(concept):
    """'sieben liegen hinter dem Zielpfad' makes a council member ask which: the goals follow,
    in the order of their numbers."""
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    for reading in ("hinter dem Zielpfad", "rückläufig"):
        goals = {concept.goal_number(g.id) for g, i in concept.indicator_pairs if i.assessment == reading}
        assert goals, reading  # the example has both
        ordered = sorted(goals, key=lambda n: [int(p) for p in n[1:].split(".")])
        listed = ", ".join(ordered[:-1]) + " und " + ordered[-1] if len(ordered) > 1 else ordered[0]
        # the indicators' goals, not the goals as lagging (Kreistag member: Z2 has another indicator on its way)
        assert f"{reading} ({'zu den Zielen' if len(ordered) > 1 else 'zu Ziel'} {listed})" in plain


def test_the_summary_says_which_report_is_due_at_the_next_sitting(concept):
    """A report whose cycle has run out, to a body that has not met since, is due – not
    overdue: the summary names it with the body's next sitting (recomputed from gremien.yaml)."""
    import datetime as dt

    data = raw(EXAMPLE, "gremien.yaml")
    stand = raw(EXAMPLE, "kommune.yaml")["konzept"]["stand"]
    health = next(g for g in data["gremien"] if g["id"] == "ga")
    last = max(r["datum"] for r in health["berichte"])
    months = health["berichtsturnus_monate"]
    due = dt.date(last.year + (last.month - 1 + months) // 12, (last.month - 1 + months) % 12 + 1, last.day)
    assert due < stand and not [d for d in health["sitzungen"] if due < d <= stand]
    following = min(d for d in health["sitzungen"] if d > stand)
    # the papers planned for that sitting (vorlagen/*.yaml): the report is prepared, and the
    # summary says so (a Kreistag reader found it 'fällig' with no word of the paper)
    papers = sorted(
        paper["vorlage"]["nummer"]
        for paper in (yaml.safe_load(f.read_text(encoding="utf-8")) for f in (EXAMPLE / "vorlagen").glob("*.yaml"))
        if any(c["gremium"] == "ga" and c["datum"] == following for c in paper["vorlage"]["beratungsfolge"])
    )
    assert papers
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    listed = ", ".join(papers[:-1]) + " und " + papers[-1] if len(papers) > 1 else papers[0]
    assert (
        f"der Bericht an den {health['name']} (seit dem {due:%d.%m.%Y}; vorgesehen für die Sitzung am "
        f"{following:%d.%m.%Y}, {'Vorlagen' if len(papers) > 1 else 'Vorlage'} {listed})" in plain
    )


@pytest.mark.parametrize("folder", [EXAMPLE, ROOT / "inputs" / "neuhafen"], ids=["kreis", "stadt"])
def test_the_reports_due_beside_the_overdue_ones_stand_in_a_sentence_of_their_own(folder):
    """Reports overdue and reports due in one sentence of about 95 words (a Kreistag member): a
    report due after those overdue begins a sentence of its own, and no sentence of the item on
    political anchoring runs over 60 words."""
    from pipeline.build import check_folder

    plain = text(concept_chapters(check_folder(folder).concept)[SUMMARY]).replace("\xa0", " ")
    item = plain.split("Wie es politisch verankert ist")[1]
    item = item.split(" Beschlüsse betreffen die Frühen Hilfen")[0]
    overdue = "noch nicht vorgelegt worden" if folder == EXAMPLE else "steht seit dem 22.06.2026 ein Bericht aus"
    assert overdue in item and ". Fällig ist außerdem der Bericht an " in item
    sentences = re.split(r"(?<=[.)]) (?=[A-ZÄÖÜ])", item)
    assert max(len(s.split()) for s in sentences) <= 60, sentences


def test_the_summary_says_since_when_a_report_is_overdue(concept):
    """'steht ein Bericht aus' alone understated a report missing for years: the summary names
    the day it fell due (the last report plus the body's cycle, recomputed from gremien.yaml)."""
    data = raw(EXAMPLE, "gremien.yaml")
    social = next(g for g in data["gremien"] if g["id"] == "sa")
    last = max(r["datum"] for r in social["berichte"])
    months = social["berichtsturnus_monate"]
    due = dt.date(last.year + (last.month - 1 + months) // 12, (last.month - 1 + months) % 12 + 1, last.day)
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    # with the report back on SA/2022/019 planned in the same paper, both are named with their days
    assert (
        f". Dem {social['name']} sind zwei Berichte noch nicht vorgelegt worden: der regelmäßige Bericht "
        f"(laut Berichtsturnus seit dem {due:%d.%m.%Y} fällig)" in plain
    )


def test_the_audiences_of_the_public_relations_are_told_apart_by_their_preposition(concept):
    """'sie richten sich an werdende Eltern und Familien; Fachkräfte; …' read as a fault in a
    sentence: each audience takes its 'an', so one with an 'und' of its own stays whole."""
    chapter = text(concept_chapters(concept)["konzept/11b_oeffentlichkeitsarbeit.html.j2"]).replace("\xa0", " ")
    sentence = next(s for s in re.split(r"(?<=\.) ", chapter) if "richten sich" in s).split("richten sich")[1]
    channels = raw(EXAMPLE, "querschnitt.yaml")["oeffentlichkeitsarbeit"]["kanaele"]
    audiences = {a for c in channels for a in c["adressaten"]}
    assert len(audiences) > 2 and ";" not in sentence
    assert sentence.count(" an ") == len(audiences)


def test_the_summary_counts_the_bodies_that_expect_reports_against_all_of_them(inputs):
    """'zwei Gremien zuständig; zwei davon erwarten …' read as a slip: where every body expects
    reports, the summary says so ('alle', 'beide', 'es') instead of counting a part."""
    bodies = raw(EXAMPLE, "gremien.yaml")["gremien"]
    regular = [g for g in bodies if g.get("berichtsturnus_monate")]
    assert 2 < len(regular) < len(bodies)  # the example: a part of them

    def sentence() -> str:
        plain = text(concept_chapters(inputs.check().concept)[SUMMARY]).replace("\xa0", " ")
        return plain.split("Wie es politisch verankert ist")[1].split(". ")[0]

    assert f"; {number_word(len(regular), 'eines')} davon erwarten regelmäßig Berichte" in sentence()

    def every_body_reports(data):
        for body in data["gremien"]:
            body.setdefault("berichtsturnus_monate", 12)

    inputs.edit("gremien.yaml", every_body_reports)
    assert sentence().endswith(f"{number_word(len(bodies))} Gremien zuständig; alle erwarten regelmäßig Berichte")


def test_time_is_fully_planned_only_when_every_actor_s_is(inputs):
    """The coordination's own hours once outweighed all the gaps: 'sie sind vollständig … berück-
    sichtigt. Für 14 Akteure ist die Zeit bisher nicht eingeplant' (code review). 'Vollständig' is
    said only when every actor's time is planned."""

    def coordination_plans(hours):
        def change(data):
            next(e for e in data["netzwerkaufwand"] if e["akteur"] == "netzwerkkoordination")[
                "stunden_pro_jahr"
            ] = hours

        inputs.edit("ressourcen.yaml", change)
        concept = inputs.check().concept
        return concept, text(concept_chapters(concept)["konzept/12_ressourcen.html.j2"])

    concept, chapter = coordination_plans(99999)
    effort = concept.effort
    assert effort.total_budgeted_hours >= effort.total_network_hours and effort.actors_without_budget
    assert not effort.fully_planned
    assert "vollständig in der Ressourcenplanung berücksichtigt" not in chapter
    assert "ist die Zeit bisher nicht eingeplant" in chapter


def test_the_summary_counts_the_overdue_reports_the_quality_chapter_counts(concept):
    """A Kreistag member read one overdue report in the summary and 'Zwei Berichte sind überfällig' in the
    quality chapter: the report back on SA/2022/019 – a decision still being implemented, whose body met
    after the report fell due (a year after the decision, the body's cycle) – is named in the summary too."""
    data = raw(EXAMPLE, "gremien.yaml")
    decision = next(d for d in data["beschluesse"] if d["nummer"] == "SA/2022/019")
    social = next(g for g in data["gremien"] if g["id"] == decision["gremium"])
    assert decision["umsetzungsstatus"] != "umgesetzt" and not any(
        r["datum"] > decision["datum"] for r in social["berichte"] if "datum" in r
    )
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    # the regular report to the same body is overdue too and prepared for the same sitting and paper: the
    # two reports said in one sentence (review of a Große Kreisstadt: „zudem fehlt“ read as a further gap),
    # counted as the quality chapter counts them
    (regular,) = [r for r in concept.reporting.schedule if r.overdue and r.committee.id == social["id"]]
    assert "SA/2026/041" in regular.prepared and regular.next_sitting == dt.date(2026, 12, 3)
    (late,) = [due for d, due in concept.reporting.overdue_decision_reports if d.number == "SA/2022/019"]
    assert (
        f"Dem {social['name']} sind zwei Berichte noch nicht vorgelegt worden: der regelmäßige Bericht (laut "
        f"Berichtsturnus seit dem {regular.due:%d.%m.%Y} fällig) und der Bericht über die Umsetzung des Beschlusses "
        f"SA/2022/019 (laut Berichtsturnus seit dem {late:%d.%m.%Y} fällig); vorgesehen sind sie für die Sitzung "
        "am 03.12.2026" in plain
    )
    assert "zudem fehlt" not in plain
    quality = text(concept_chapters(concept)["konzept/14_verankerung_stand.html.j2"])
    assert "Zwei Berichte sind überfällig, nämlich der regelmäßige Bericht an den" in quality
    # the day a report back falls due is reckoned from the body's cycle: chapter 22 says it beside the decision
    politics = text(concept_chapters(concept)["konzept/13_politische_verankerung.html.j2"]).replace("\xa0", " ")
    assert (
        f"Bericht über die Umsetzung fällig: seit dem {late:%d.%m.%Y} (laut Berichtsturnus des {social['name'].replace('Ausschuss', 'Ausschusses', 1)}: "
        in politics
    )
    # the administration owes them (BW review), named (a Stadtverordnete)
    assert "getagt; die Verwaltung hat sie dort noch nicht vorgelegt." in quality


def test_with_two_overdue_regular_reports_the_decision_s_report_is_named_apart(inputs):
    """Code review: with the regular reports of two bodies overdue, the sentence „… steht je ein Bericht
    aus“ has no room for the report back on SA/2022/019 – it must not be dropped as said already."""

    def health_report_missing(data):
        health = next(g for g in data["gremien"] if g["id"] == "ga")
        health["berichte"] = [r for r in health["berichte"] if str(r.get("datum")) < "2025-01-01"]

    inputs.edit("gremien.yaml", health_report_missing)
    concept = inputs.check(strict=False).concept
    summary = Summary(concept)
    assert len(summary.overdue_reports) == 2 and summary.reports_due_together == (0, "")
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    assert "steht je ein Bericht aus" in plain
    assert (
        "zudem fehlt der Bericht an den Ausschuss für Soziales und Teilhabe über die Umsetzung von SA/2022/019"
        in plain
    )


def test_a_decision_s_report_not_yet_prepared_is_named_apart(inputs):
    """Without a paper planned to report on SA/2022/019, the report back on it is not the regular one:
    the summary names it apart, with the day it fell due."""

    def unplanned(paper):
        # a paper that names no decisions reports on all of its bodies': name another one
        paper["beschluesse"] = [d for d in paper.get("beschluesse", []) if d != "sa-2022-019"] or ["kt-2021-041"]

    before = inputs.check().concept
    assert (
        before.reporting.planned_report_on(next(d for d in before.decisions if d.number == "SA/2022/019"))
        is not None
    )
    for name in ("sa-2026-041-sgb2.yaml", "jha-2026-030-gesamtkonzept.yaml", "gv-2026-004-ressourcenplanung.yaml"):
        inputs.edit_paper(name, unplanned)
    concept = inputs.check(strict=False).concept
    decision = next(d for d in concept.decisions if d.number == "SA/2022/019")
    assert concept.reporting.planned_report_on(decision) is None
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    # due a reporting cycle after the decision
    social = concept.committee(decision.committee)
    months, day = social.report_cycle_months, decision.date
    assert months
    due = day.replace(year=day.year + (day.month - 1 + months) // 12, month=(day.month - 1 + months) % 12 + 1)
    assert (
        f"zudem fehlt der Bericht an den {social.name} über die Umsetzung von SA/2022/019 (seit dem "
        f"{due:%d.%m.%Y} fällig, laut Berichtsturnus" in plain
    )


def test_the_legend_says_a_tenth_of_what():
    """'um ein Zehntel des Wegs' read as of the time or of the way gone (Kreistag member): the legend says
    of the distance between baseline and target – as Indicator.behind_path reckons it – and defines the
    Zielpfad in a sentence of its own, once."""
    from pipeline.model.summary import reading_legend

    legend = dict(reading_legend(["auf dem Weg", "hinter dem Zielpfad"]))
    assert (
        "höchstens um ein Zehntel des Abstands zwischen Ausgangs- und Zielwert hinter dem Zielpfad zurück."
        in (legend["auf dem Weg"])
    )
    assert legend["auf dem Weg"].endswith(
        "Der Zielpfad ist eine gleichmäßige Entwicklung vom Ausgangswert über etwaige Zwischenziele zum Zielwert."
    )
    assert (
        "Zielpfad zurück." in legend["hinter dem Zielpfad"] and "gleichmäßig" not in legend["hinter dem Zielpfad"]
    )
    alone = dict(reading_legend(["hinter dem Zielpfad"]))["hinter dem Zielpfad"]
    assert (
        "hinter dem Zielpfad (gleichmäßig vom Ausgangswert über etwaige Zwischenziele zum Zielwert) zurück."
        in alone
    )


def test_indicators_none_of_which_is_measured_are_said_so(inputs):
    """'Stand der Indikatoren: alle sind noch nicht erhoben' reads as 'not all' (review of a new
    Landkreis), and every indicator has its baseline (Sachsen-Anhalt review: „sechs sind noch nicht
    erhoben“ of indicators measured in 2025): 'alle haben bisher nur einen Ausgangswert'."""

    def nothing_measured(data):
        for goal in data["ziele"]:
            for indicator in goal.get("indikatoren", []):
                for key in ("istwert", "istjahr", "erhoben_am"):  # only the baseline, no current value
                    indicator.pop(key, None)

    inputs.edit("ziele.yaml", nothing_measured)
    plain = text(concept_chapters(inputs.check().concept)[SUMMARY])
    assert "Stand der Indikatoren: alle haben bisher nur einen Ausgangswert" in plain
    assert "erhoben" not in plain.split("Stand der Indikatoren:")[1].split(".")[0]


def test_a_report_on_a_decision_due_with_the_regular_one_is_one_overdue_report():
    """Neuhafen's report on M 212/2020 falls due by the Stadtverordnetenversammlung's cycle on the
    day its regular report does: one report is overdue, in the summary as in the paper that brings
    it (M-V review and re-check: the paper counted one, the concept and the Qualitätsdialog 'Zwei
    Berichte sind überfällig')."""
    from pipeline.build import check_folder
    from pipeline.model.reporting import ReportingView

    concept = check_folder(ROOT / "inputs" / "neuhafen").concept
    view = ReportingView(concept, concept.version.date)
    council = concept.committee("stvv")
    assert view.of(council).overdue and view.of(council).due == view.decision_report_due(
        next(d for d in concept.decisions if d.id == "stvv-2020-212")
    )
    assert all(d.id != "stvv-2020-212" for d, _ in view.overdue_decision_reports)
    plain = text(concept_chapters(concept)[SUMMARY]).replace("\xa0", " ")
    assert "Der Stadtverordnetenversammlung steht seit dem 22.06.2026 ein Bericht aus" in plain
    assert "zwei Berichte" not in plain.split("Wie es politisch verankert ist")[1].split("Beschlüsse betreffen")[0]
    # the quality chapter (and the Qualitätsdialog) count it once too (consistency review: chapter 23
    # said 'Zwei Berichte sind überfällig' beside the summary's one)
    from pipeline.model.quality.assessment import assess

    (dimension,) = assess(concept)
    reports = next(r for r in dimension.results if r.goal.id == "berichte-gremien")
    assert dimension.why_focus(reports).startswith("Ein Bericht ist überfällig.")
    decision = next(e for e in reports.evidence if "M 212/2020" in e.message)
    assert (
        not decision.overdue
        and "zusammen mit dem regelmäßigen Bericht an die Stadtverordnetenversammlung" in decision.message
    )
    chapter = text(concept_chapters(concept)["konzept/14_verankerung_stand.html.j2"]).replace("\xa0", " ")
    assert "Zwei Berichte sind überfällig" not in chapter and "Ein Bericht ist überfällig" in chapter
