"""The model's views on the example: every sum is computed once and adds up, numbering and
lookups follow the inputs, and the reporting calendar that `plan` prints is the one the quality
rules of `check` read. Checked against the YAML read independently of the pipeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
import yaml

from pipeline.findings import FULFILLED, OPEN
from pipeline.formatting import euro, number_word
from pipeline.model.papers import paper_views
from pipeline.model.quality.assessment import QualityAssessment
from pipeline.model.quality.catalog import catalogs
from pipeline.model.reporting import ReportingView


def _amount(value) -> Decimal:
    return Decimal(str(value))


def _lines(raw_inputs, key: str) -> list[dict]:
    return raw_inputs["ressourcen.yaml"][key]


def test_income_and_own_share_add_up_to_the_expenses(concept, raw_inputs):
    """Finanzierung nach Quelle und Jahr: each source's income, then the own share; together the
    Aufwand of the year – the Zuschussbedarf is computed, never entered."""
    expenses, income = _lines(raw_inputs, "aufwand"), _lines(raw_inputs, "ertraege")
    table = concept.budget.by_source
    years = sorted({x["jahr"] for x in expenses + income})
    assert table.columns == tuple(str(y) for y in years)
    *sources, own = table.rows
    for row in sources:
        expected = [
            sum(
                _amount(x["betrag"])
                for x in income
                if concept.municipality.source_label(x["quelle"]) == row.label and x["jahr"] == y
            )
            for y in years
        ]
        assert list(row.amounts) == expected and row.total == sum(expected)
    spent = [sum(_amount(x["betrag"]) for x in expenses if x["jahr"] == y) for y in years]
    received = [sum(_amount(x["betrag"]) for x in income if x["jahr"] == y) for y in years]
    assert own.label == "Zuschussbedarf (kommunaler Eigenanteil)"
    assert list(own.amounts) == [a - b for a, b in zip(spent, received, strict=True)]
    assert list(table.totals) == spent == [sum(r.amounts[i] for r in table.rows) for i in range(len(years))]
    assert table.total == sum(spent)
    assert "Kommune" not in {x["quelle"] for x in income}


def test_every_expense_table_totals_the_same_aufwand(concept, raw_inputs):
    """By source, by kind, by purpose, by committee: the same Aufwand in every table."""
    budget = concept.budget
    total = sum(_amount(x["betrag"]) for x in _lines(raw_inputs, "aufwand"))
    tables = [budget.by_source, budget.by_kind, budget.by_purpose]
    assert {t.total for t in tables} == {total}
    assert len({t.totals for t in tables}) == 1
    for year in budget.years:
        assert sum(b.expenses for b in budget.balances(year)) == budget.balance(year).expenses
        assert sum(b.subsidy for b in budget.balances(year)) == budget.balance(year).subsidy


def test_expenses_by_purpose_itemise_the_coordination(concept, raw_inputs):
    """The coordination's own cost, then what its budget pays freelancers for their network time
    (the lines netzwerkaufwand names, in every year), then the measures."""
    measures = raw_inputs["massnahmen.yaml"]["massnahmen"]
    expenses = _lines(raw_inputs, "aufwand")
    named = {e["aufwand"] for e in _lines(raw_inputs, "netzwerkaufwand") if e.get("aufwand")}
    titles = {e["bezeichnung"] for e in expenses if e["id"] in named}
    table = concept.budget.by_purpose
    costed = [(n, m) for n, m in enumerate(measures, start=1) if any(e["fuer"] == m["id"] for e in expenses)]
    labels = ["Netzwerkkoordination", "Ausgleich für Netzwerkarbeit"]
    labels += [f"M{n} {' '.join(m['titel'].split())}" for n, m in costed]
    assert [r.label for r in table.rows] == labels
    coordination, compensation = table.rows[:2]
    booked = [e for e in expenses if e["fuer"] == "netzwerkkoordination"]
    paid = [e for e in booked if e["bezeichnung"] in titles]
    assert len(paid) == len(concept.budget.years) == 2
    assert compensation.total == sum(_amount(e["betrag"]) for e in paid) > 0
    assert coordination.total == sum(_amount(e["betrag"]) for e in booked) - compensation.total
    assert concept.budget.measure_costs() == table.total - coordination.total - compensation.total


def test_coordination_cost_in_words_leaves_out_the_compensation(concept):
    budget = concept.budget
    assert budget.by_year(budget.coordination_cost).replace("\N{NO-BREAK SPACE}", " ") == (
        "102.000,00 € im Jahr 2026 (Haushalt beschlossen) und 105.500,00 € im Jahr 2027 (Haushaltsentwurf)"
    )
    assert budget.by_year(budget.coordination_compensation, labelled=False).replace("\N{NO-BREAK SPACE}", " ") == (
        # 'jährlich', not 'je': after two groups 'je' read as what each receives (Kämmerei review)
        "jährlich 7.600,00 € in den Jahren 2026 und 2027"
    )
    assert [a.id for a in budget.compensated_actors] == ["kinderaerzte", "hebammen"]


def test_staff_costs_per_position(concept, raw_inputs):
    expenses = _lines(raw_inputs, "aufwand")
    organisations = {o["id"]: o["name"] for o in raw_inputs["akteure.yaml"]["traeger"]}
    for position, employer, costs in concept.effort.staff_rows:
        raw = next(p for p in _lines(raw_inputs, "personal") if p["id"] == position.id)
        assert employer.name == organisations[raw["anstellungstraeger"]]
        booked = [e for e in expenses if e.get("stelle") == position.id]
        if booked:
            assert costs == [
                sum(_amount(e["betrag"]) for e in booked if e["jahr"] == y) for y in concept.budget.years
            ]
        else:  # a Träger's position, paid through a grant: no amount rather than 0,00 €
            assert costs == [None] * len(concept.budget.years)
    assert concept.effort.positions_paid_by_grant


def test_posts_at_carriers_are_explained_only_where_there_are_any(concept, inputs):
    """'Darin enthalten sind auch Stellen bei Trägern …' where a Träger employs some; not in a concept
    whose posts are all the municipality's own (code review)."""
    from pipeline.render import concept_chapters

    def chapter(of) -> str:
        return next(html for name, html in concept_chapters(of).items() if "12_ressourcen" in name)

    assert concept.effort.posts_elsewhere
    assert (
        # the Stellen are co-financed, not the Träger (Lektorat: the relative clause hung on 'Trägern')
        "Darin enthalten sind auch Stellen, die der Landkreis Musterkreis bei anderen Trägern über Zuwendungen"
        in chapter(concept)
    )

    def own_posts_only(data):
        data["personal"] = [p for p in data["personal"] if p["anstellungstraeger"] == "landkreis"]
        for line in data["aufwand"]:
            if line.get("stelle") not in {p["id"] for p in data["personal"]}:
                line.pop("stelle", None)

    own = inputs.edit("ressourcen.yaml", own_posts_only).check().concept
    assert own.resources.positions and not own.effort.posts_elsewhere
    text = chapter(own)
    assert "Stellen bei Trägern" not in text
    assert "Nicht enthalten ist Personal, das Partnerinnen und Partner des Netzwerks vollständig" in text


def test_grants_with_the_same_conditions_are_listed_once(concept, raw_inputs):
    """A standard clause in seven Leistungsvereinbarungen is printed once with its seven grants."""
    grants = [e for e in _lines(raw_inputs, "aufwand") if e.get("kooperationsauflagen")]
    groups = concept.budget.own_requirements
    assert {conditions for conditions, _ in groups} == {tuple(e["kooperationsauflagen"]) for e in grants}
    for conditions, members in groups:
        expected = {
            (e["empfaenger"], e["bezeichnung"]) for e in grants if tuple(e["kooperationsauflagen"]) == conditions
        }
        assert {(e.recipient, e.title) for e, _ in members} == expected
        for expense, years in members:
            assert years == sorted(
                e["jahr"]
                for e in grants
                if (e["empfaenger"], e["bezeichnung"]) == (expense.recipient, expense.title)
            )


def test_network_effort_and_staff(concept, raw_inputs):
    actors = raw_inputs["akteure.yaml"]["akteure"]
    budgeted = raw_inputs["ressourcen.yaml"]["netzwerkaufwand"]
    effort = concept.effort
    assert effort.total_network_hours == sum(_amount(a["netzwerkaufwand_stunden"]) for a in actors)
    assert effort.total_budgeted_hours == sum(_amount(e["stunden_pro_jahr"]) for e in budgeted)
    positions = raw_inputs["ressourcen.yaml"]["personal"]
    first_year = min(h["jahr"] for h in raw_inputs["ressourcen.yaml"]["haushalt"])
    assert effort.fte_by_year[first_year] == sum(_amount(p["vzae"]) for p in positions)
    later = {c["jahr"] for p in positions for c in p.get("vzae_ab", [])}
    for year in later:  # the latest change up to that year, for each position that changes
        expected = sum(
            _amount(next((c["vzae"] for c in reversed(p.get("vzae_ab", [])) if c["jahr"] <= year), p["vzae"]))
            for p in positions
        )
        assert effort.fte_by_year[year] == expected
    planned = {e["akteur"] for e in budgeted}
    assert [a.id for a in effort.actors_without_budget] == [
        a["id"] for a in actors if a["netzwerkaufwand_stunden"] > 0 and a["id"] not in planned
    ]


def test_resource_plan_of_the_joint_paper(concept):
    view = next(v for v in paper_views(concept) if v.paper.number == "GV/2026/004")
    plan = view.resource_plan
    budget = concept.budget
    assert plan.year == 2027 and plan.previous_year == 2026
    assert plan.by_source.total == budget.expense_total(2027)
    assert [sum(r.amounts[i] for r in plan.by_source.rows) for i, _ in enumerate(plan.committees)] == list(
        plan.by_source.totals
    )
    *committees, overall = plan.changes
    assert overall.after.subsidy - overall.before.subsidy == budget.subsidy(2027) - budget.subsidy(2026)
    assert sum(c.after.expenses for c in committees) == overall.after.expenses
    for committee, expenses, income, balance in plan.lines:
        assert all(e.committee == committee.id and e.year == 2027 for e in expenses + income)
        assert balance.subsidy == sum(e.amount for e in expenses) - sum(i.amount for i in income)


def test_goals_and_measures_are_numbered_in_the_order_of_the_inputs(concept, raw_inputs):
    goals = raw_inputs["ziele.yaml"]["ziele"]
    impact = [g["id"] for g in goals if g["art"] == "Wirkungsziel"]
    assert [concept.goal_number(g) for g in impact] == [f"Z{n}" for n in range(1, len(impact) + 1)]
    first_children = [g["id"] for g in goals if g.get("uebergeordnet") == impact[0]]
    assert [concept.goal_number(g) for g in first_children] == [
        f"Z1.{n}" for n in range(1, len(first_children) + 1)
    ]
    measures = raw_inputs["massnahmen.yaml"]["massnahmen"]
    assert [concept.measure_number(m["id"]) for m in measures] == [f"M{n}" for n in range(1, len(measures) + 1)]
    assert [g.id for g in concept.numbered_goals][: 1 + len(first_children)] == [impact[0], *first_children]


def test_a_changed_concept_computes_its_views_anew(concept):
    """Views are cached per concept; a changed copy never sees the old sums."""
    resources = concept.resources.model_copy(update={"expenses": concept.resources.expenses[:1]})
    fewer = dataclasses.replace(concept, resources=resources)
    assert fewer.budget.expense_total() == concept.resources.expenses[0].amount
    assert fewer.budget.expense_total() < concept.budget.expense_total()
    assert len(fewer.budget.by_purpose.rows) == 1


def test_plan_and_check_read_the_same_calendar(concept):
    """Who is overdue in `plan`'s notices is exactly who is 'offen' in goal 5.1.1 of `check`, and
    a body that has not met since its report fell due is overdue in neither."""
    for day in (dt.date(2026, 10, 15), dt.date(2026, 11, 23), dt.date(2027, 6, 1), dt.date(2029, 1, 1)):
        view = ReportingView(concept, day)
        overdue = {item.committee.name for item in view.schedule if item.overdue or item.last_report is None}
        noticed = {
            n.message.split(":")[0]
            for n in view.notices
            if "Bericht" in n.message and "Beschluss" not in n.message
        }
        assert overdue <= noticed
        assert all(not item.missed_sittings for item in view.schedule if not item.overdue)
        dimension = next(c for c in catalogs() if c.dimension.id == "dimension5")
        result = QualityAssessment(concept, dimension, day).result("berichte-gremien")
        reporting = [c for c in concept.committees if c.reports_regularly]
        committee_evidence = result.evidence[: len(reporting)]
        open_in_check = {e.message.split(":")[0] for e in committee_evidence if e.level == OPEN}
        fulfilled = {e.message.split(":")[0] for e in committee_evidence if e.level == FULFILLED}
        assert open_in_check == overdue
        assert fulfilled <= {c.name for c in reporting} - overdue


def test_a_paper_without_its_own_list_shows_the_measures_of_its_remit(concept, raw_inputs):
    """Without `massnahmen:` a paper shows what its political bodies oversee: measures led from
    their sectors or paid from their money (the Ausschuss für Gesundheit: health and Frühförderung)."""
    view = next(v for v in paper_views(concept) if v.paper.number == "GA/2026/027")
    default = dataclasses.replace(view, paper=view.paper.model_copy(update={"measures": []}))
    sectors = {a["id"]: a["sektor"] for a in raw_inputs["akteure.yaml"]["akteure"]}
    health_money = {e["fuer"] for e in raw_inputs["ressourcen.yaml"]["aufwand"] if e["ausschuss"] == "ga"}
    expected = [
        m["id"]
        for m in raw_inputs["massnahmen.yaml"]["massnahmen"]
        if sectors[m["federfuehrung"]] in {"Gesundheitswesen", "Frühförderung"} or m["id"] in health_money
    ]
    assert [m.id for m in default.measures] == expected
    assert 0 < len(expected) < len(concept.measures)


def test_staff_that_starts_or_grows_later_is_counted_from_its_year(inputs):
    """A post that starts in 2027 and one that grows in 2027: 2026 and 2027 each get their own
    total, and the table says from when a size holds."""

    def grow(data):
        first, second = data["personal"][:2]
        first["vzae"], first["vzae_ab"] = 1, [{"jahr": 2027, "vzae": 1.5}]
        second["vzae"], second["vzae_ab"] = 0, [{"jahr": 2027, "vzae": 0.75}]
        for other in data["personal"][2:]:
            other.pop("vzae_ab", None)

    inputs.edit("ressourcen.yaml", grow)
    concept = inputs.check().concept
    effort = concept.effort
    positions = concept.resources.positions
    others = sum(p.fte for p in positions[2:])
    assert effort.fte_by_year == {2026: 1 + others, 2027: Decimal("2.25") + others}
    assert effort.fte_shown(positions[0]) == "1,0; ab 2027: 1,5"
    assert effort.fte_shown(positions[1]) == "ab 2027: 0,75"
    first, then = (f"{effort.fte_by_year[y].normalize():f}".replace(".", ",") for y in (2026, 2027))
    assert effort.fte_phrase == f"{first} Vollzeitäquivalenten (VZÄ) im Jahr 2026 und {then} VZÄ im Jahr 2027"


def test_staff_changes_must_come_in_order_of_years(inputs):
    def disorder(data):
        data["personal"][0]["vzae_ab"] = [{"jahr": 2028, "vzae": 2}, {"jahr": 2027, "vzae": 1.5}]

    inputs.edit("ressourcen.yaml", disorder)
    problems = "\n".join(inputs.problems())
    assert "personal[0]" in problems and "'vzae_ab' bitte nach Jahren geordnet" in problems


def test_a_year_is_named_with_the_state_of_its_budget_as_the_kaemmerei_names_it():
    from pipeline.model.resources import budget_label

    assert [budget_label(s) for s in ("beschlossen", "Entwurf", "Planung", None)] == [
        "Haushalt beschlossen",
        "Haushaltsentwurf",
        "Finanzplanung",
        None,
    ]


def test_an_indicator_clearly_behind_its_straight_path_to_the_target_is_said_to_be():
    """A Kreistag member reads 'auf dem Weg' as 'on track': 2 of 4 practices in 2026, when the
    straight path from 0 (2023) to 4 (2027) stands at 3, is behind it; a tenth of the way is
    tolerated; a falling waiting time reads the same way round."""
    from pipeline.model.inputs import Indicator

    def indicator(baseline, start, current, now, target, end):
        return Indicator.model_validate(
            {"name": "x", "einheit": "Praxen", "ausgangswert": baseline, "ausgangsjahr": start}
            | {"istwert": current, "istjahr": now, "zielwert": target, "zieljahr": end}
        )

    assert indicator(0, 2023, 2, 2026, 4, 2027).assessment == "hinter dem Zielpfad"
    assert indicator(0, 2023, 3, 2026, 4, 2027).assessment == "auf dem Weg"  # on the path
    assert indicator(0, 2020, 27, 2023, 100, 2030).assessment == "auf dem Weg"  # 0,27 of 0,30: within a tenth
    assert indicator(0, 2020, 19, 2023, 100, 2030).assessment == "hinter dem Zielpfad"
    assert indicator(38, 2024, 27, 2026, 14, 2027).assessment == "hinter dem Zielpfad"  # Tage: fewer is better
    assert indicator(38, 2024, 20, 2026, 14, 2027).assessment == "auf dem Weg"
    assert indicator(0, None, 2, 2026, 4, 2027).assessment == "auf dem Weg"  # no start year: no path to compare
    assert indicator(0, 2023, 4, 2026, 4, 2027).assessment == "erreicht"


def test_a_stepwise_plan_sets_the_path_an_indicator_is_measured_against():
    """Posts that grow by decision in steps (2,0 → 2,5 in 2026 → 3,0 in 2027) are on the path at
    2,5 in 2026, though a straight line from 2024 would expect 2,67 (council review: 'hinter dem
    Zielpfad' read as criticism of a decision being carried out)."""
    from pipeline.model.inputs import Indicator

    data = {"name": "Stellenumfang", "einheit": "VZÄ", "ausgangswert": 2.0, "ausgangsjahr": 2024}
    data |= {"zielwert": 3.0, "zieljahr": 2027, "istwert": 2.5, "istjahr": 2026}
    assert Indicator.model_validate(data).assessment == "hinter dem Zielpfad"
    stepped = Indicator.model_validate(data | {"zwischenziele": [{"jahr": 2026, "wert": 2.5}]})
    assert stepped.assessment == "auf dem Weg" and stepped.path_share == Decimal("0.5")
    assert (
        Indicator.model_validate(
            data | {"istwert": 2.3, "zwischenziele": [{"jahr": 2026, "wert": 2.5}]}
        ).assessment
        == "hinter dem Zielpfad"
    )
    for wrong in ([{"jahr": 2027, "wert": 2.5}], [{"jahr": 2025, "wert": 2.2}, {"jahr": 2025, "wert": 2.3}]):
        with pytest.raises(ValueError):
            Indicator.model_validate(data | {"zwischenziele": wrong})


def test_the_municipality_is_named_with_the_article_each_case_needs(concept):
    """'Zuwendungen an den Landkreis Musterkreis' (not 'an den Träger der öffentlichen
    Jugendhilfe': grants in health products are the Landkreis's too); a Stadt takes 'die'."""
    municipality = concept.municipality
    assert (municipality.nominative, municipality.accusative, municipality.dative) == (
        "der Landkreis Musterkreis",
        "den Landkreis Musterkreis",
        "dem Landkreis Musterkreis",
    )
    city = municipality.model_copy(update={"name": "Stadt Neuhafen am Main"})
    assert (city.accusative, city.dative, city.in_phrase) == (
        "die Stadt Neuhafen am Main",
        "der Stadt Neuhafen am Main",
        "in der Stadt Neuhafen am Main",
    )


def test_the_administration_reports_and_the_coordination_prepares(concept):
    """Under the HGO the Magistrat reports to the Stadtverordnetenversammlung (§ 50 Abs. 3 HGO);
    in a Landkreis the administration does – never the Netzwerkkoordination itself."""
    from pipeline.build import check_folder

    from .conftest import ROOT

    assert concept.reporter == "die Verwaltung"
    assert check_folder(ROOT / "inputs" / "neuhafen").concept.reporter == "der Magistrat"


def test_a_sum_over_years_says_what_it_adds_up(inputs):
    """The two-year sum adds an adopted budget to a draft and promised to applied-for grants:
    said once under the table, not hidden in a column head (finance review)."""
    note = inputs.check().concept.budget.span_note
    income = yaml.safe_load(inputs.text("ressourcen.yaml"))["ertraege"]
    assert any(i.get("beantragt") for i in income) and any(i.get("zugesagt") for i in income)
    # promised ones are not granted either (a finance committee member's review)
    assert note == (
        "Die Summe 2026–2027 verbindet den beschlossenen Haushalt 2026 mit dem Entwurf 2027 und enthält "
        "beantragte und zugesagte, noch nicht bewilligte Erträge; sie ist eine Planungsgröße, kein Haushaltsansatz."
    )

    def all_adopted_and_granted(data):
        for year in data["haushalt"]:
            year.update(stand="beschlossen", beschlossen_am=dt.date(2025, 12, 18))
        for line in data["ertraege"]:
            line.pop("beantragt", None)
            line.pop("zugesagt", None)

    inputs.edit("ressourcen.yaml", all_adopted_and_granted)
    assert inputs.check().concept.budget.span_note == ""


def test_paper_total_names_coordination_and_compensation_apart(concept):
    """The sentence under a paper's measures adds up: measures + coordination + compensation + others."""
    view = next(v for v in paper_views(concept) if v.paper.number == "JHA/2026/030")
    budget = concept.budget
    year = view.finances.year
    assert view.coordination_cost_in_scope == budget.coordination_cost(year)
    assert view.compensation_in_scope == budget.coordination_compensation(year) > 0
    # by kind, so the sum of the posts' table and the Sachkosten is traceable (a Kreistag member's review)
    lines = [
        e
        for e in budget.expense_lines
        if e.year == year and e.purpose == "netzwerkkoordination" and not budget.is_compensation(e)
    ]
    by_kind = {
        k: sum((e.amount for e in lines if e.kind == k), Decimal(0)) for k in dict.fromkeys(e.kind for e in lines)
    }
    assert set(by_kind) == {"Personal", "Sachkosten"}
    kinds = ", ".join(f"{k} {euro(amount)}" for k, amount in by_kind.items())
    assert view.included_in_total[:2] == [
        f"der Netzwerkkoordination mit {euro(budget.coordination_cost(year))} ({kinds})",
        f"des Ausgleichs für Netzwerkarbeit mit {euro(budget.coordination_compensation(year))}",
    ]
    assert sum(by_kind.values()) == budget.coordination_cost(year)


def test_a_grant_in_another_committees_area_than_its_measures_is_warned_about(inputs):
    """The Bürgerstiftung's grant for the Babylotsendienst moved to the Sozialausschuss, which holds
    none of M2's Aufwand: both committees' Zuschussbedarf would be wrong (Bavarian city review)."""

    def found():
        return [
            w
            for w in inputs.warnings()
            if w.where.path[-1] == "ausschuss" and "So stimmt der Zuschussbedarf" in w.message
        ]

    assert found() == []

    def move(data):
        line = next(i for i in data["ertraege"] if i["id"] == "stiftung-babylotsen-2026")
        line["ausschuss"] = "sa"

    inputs.edit("ressourcen.yaml", move)
    (warning,) = found()
    assert warning.where.file == "ressourcen.yaml"
    assert "Der Ertrag 'stiftung-babylotsen-2026' fördert M2" in warning.message
    assert "steht bei 'Ausschuss für Soziales" in warning.message


def test_a_measure_without_money_in_a_year_shows_a_dash_not_zero(concept, raw_inputs):
    """A measure that begins in 2027 read '0,00 €' beside its 2027 amount in the table of
    Aufwand by year (Lektorat): '–' there, as in the table of posts; the sums stay amounts."""
    import lxml.html

    from pipeline.render import concept_chapters

    spent = {(e["fuer"], e["jahr"]) for e in raw_inputs["ressourcen.yaml"]["aufwand"]}
    years = sorted({year for _, year in spent})
    later = [m for m in concept.measures if (m.id, years[0]) not in spent and (m.id, years[-1]) in spent]
    assert later
    root = lxml.html.fromstring(concept_chapters(concept)["konzept/12_ressourcen.html.j2"])
    rows = {
        " ".join(tr[0].text_content().split()): [" ".join(td.text_content().split()) for td in tr[1:]]
        for tr in root.iter("tr")
        if len(tr) == len(years) + 2
    }
    for measure in later:
        cells = rows[f"{concept.measure_number(measure.id)} {measure.title}"]
        assert cells[0] == "–" and cells[-1] != "–"
    assert not any(cell == "0,00 €" for cells in rows.values() for cell in cells[:-1])


def test_indicators_follow_the_goals_numbers_not_the_file():
    """Stadt Lindenbrück (tests/fixtures/lindenbrueck) writes a Handlungsziel of Z1 after Z2's: the
    tables and the indicator chart read Z1, Z1.1, Z2, Z2.1, Z1.2, Z3 (NRW review)."""
    from pipeline.build import check_folder

    from .conftest import ROOT

    concept = check_folder(ROOT / "tests" / "fixtures" / "lindenbrueck").concept
    in_file = [concept.goal_number(g.id) for g in concept.goals]
    assert in_file != sorted(in_file, key=lambda n: [int(p) for p in n[1:].split(".")])  # the case at hand
    shown = list(dict.fromkeys(concept.goal_number(g.id) for g, _ in concept.indicator_pairs))
    assert shown == sorted(shown, key=lambda n: [int(p) for p in n[1:].split(".")])
    for view in paper_views(concept):
        numbers = [concept.goal_number(g.id) for g, _ in view.indicators]
        assert numbers == sorted(numbers, key=lambda n: [int(p) for p in n[1:].split(".")])


def test_a_general_coordination_line_named_as_compensation_is_warned_and_not_called_sachkosten(inputs, concept):
    """Neckarbrunn (BW review) named its coordination's line 'Netzwerkkonferenz,
    Öffentlichkeitsarbeit und Geschäftsbedarf' as paying the midwives' allowance: the whole line,
    in every year, became the compensation – the concept said the coordination paid midwives
    6.500 € a year, and called the rest, staff only, „(Personal- und Sachkosten)“. The link is
    warned about where the line's title names no allowance, and the sentence names the kinds the
    coordination's own cost holds."""
    from pipeline.render import concept_chapters

    example = concept

    def general_line_for_the_midwives(data):
        for effort in data["netzwerkaufwand"]:
            if effort.get("aufwand"):
                effort["aufwand"] = "koordination-sachkosten-2026"
                if effort["akteur"] != "hebammen":
                    del effort["aufwand"]
        data["aufwand"] = [e for e in data["aufwand"] if not e["id"].startswith("netzwerkarbeit-entschaedigung")]

    changed = inputs.edit("ressourcen.yaml", general_line_for_the_midwives)
    [warning] = changed.warnings()
    entry = next(
        i for i, e in enumerate(changed.check().concept.resources.budgeted_effort) if e.actor == "hebammen"
    )
    assert warning.where.field == f"netzwerkaufwand[{entry}].aufwand"
    assert "„Geschäftsbedarf, Fahrtkosten und Öffentlichkeitsarbeit der Koordinierungsstelle“" in warning.message
    assert f"{euro(Decimal(8000))} im Jahr 2026" in warning.message and "ganz als Ausgleich" in warning.message
    concept = changed.check().concept
    assert concept.budget.coordination_cost_kinds == "Personalkosten"
    text = " ".join(concept_chapters(concept)["konzept/07a_netzwerkkoordination.html.j2"].split())
    assert "Der Aufwand der Netzwerkkoordination (Personalkosten) beträgt" in text
    # the example's own allowance line says what it is (no warning: test_example_has_no_warnings)
    assert example.budget.coordination_cost_kinds == "Personal- und Sachkosten"


def test_a_grant_whose_title_changes_over_the_years_counts_once():
    """Havelland-Süd (Brandenburg review): 'Mobile Familienberatung Süd (ab 01.05.)' in 2026 and
    '… Süd' in 2027 counted as two Bewilligungen – 'eine der zehn' in the chapter on money, '1 von
    5' in the Qualitätsdialog. A grant is one per Träger, purpose and committee (Rheinfurt's SkF
    grant says 2,0 VZÄ in one year and 2,5 VZÄ in the next)."""
    from .conftest import fixture_inputs

    concept = fixture_inputs("rheinfurt").check().concept
    grants = [e for e in concept.resources.expenses if e.kind == "Zuwendung an Träger"]
    titles = {(e.recipient, e.purpose, e.committee): set() for e in grants}
    for e in grants:
        titles[(e.recipient, e.purpose, e.committee)].add(e.title)
    assert any(len(t) > 1 for t in titles.values())
    asking = {(e.recipient, e.purpose, e.committee) for e in grants if e.cooperation_requirements}
    subject, _ = concept.budget.own_requirements_subject
    assert f"von {number_word(len(titles))} eigenen Bewilligungen" in subject
    assert subject.startswith(f"{number_word(len(asking))} von")
