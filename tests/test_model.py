"""The model's views on the example: every sum is computed once and adds up, numbering and
lookups follow the inputs, and the reporting calendar that `plan` prints is the one the quality
rules of `check` read. Checked against the YAML read independently of the pipeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from pipeline.findings import FULFILLED, OPEN
from pipeline.model.papers import paper_views
from pipeline.model.quality.assessment import QualityAssessment
from pipeline.model.quality.catalog import catalogs
from pipeline.model.reporting import ReportingView


def _amount(value) -> Decimal:
    return Decimal(str(value))


def test_funding_by_source_adds_up_to_the_lines(concept, raw_inputs):
    lines = raw_inputs["ressourcen.yaml"]["finanzierung"]
    table = concept.budget.by_source
    assert table.columns == tuple(str(y) for y in sorted({x["jahr"] for x in lines}))
    for row in table.rows:
        expected = [
            sum(_amount(x["betrag"]) for x in lines if x["quelle"] == row.label and x["jahr"] == int(y))
            for y in table.columns
        ]
        assert list(row.amounts) == expected
        assert row.total == sum(expected)
    assert list(table.totals) == [sum(r.amounts[i] for r in table.rows) for i in range(len(table.columns))]
    assert table.total == sum(_amount(x["betrag"]) for x in lines) == sum(table.totals)


def test_funding_by_committee_covers_the_same_money(concept, raw_inputs):
    committees = {c["id"]: c["name"] for c in raw_inputs["gremien.yaml"]["gremien"]}
    lines = raw_inputs["ressourcen.yaml"]["finanzierung"]
    table = concept.budget.by_committee
    assert [r.label for r in table.rows] == [
        n for i, n in committees.items() if any(x["ausschuss"] == i for x in lines)
    ]
    assert sum(r.total for r in table.rows) == table.total == concept.budget.by_source.total
    assert table.totals == concept.budget.by_source.totals


def test_measure_costs_per_year(concept, raw_inputs):
    measures = raw_inputs["massnahmen.yaml"]["massnahmen"]
    table = concept.budget.measure_table
    with_costs = [(n, m) for n, m in enumerate(measures, start=1) if m.get("kosten")]
    assert [r.label for r in table.rows] == [f"M{n} {' '.join(m['titel'].split())}" for n, m in with_costs]
    every_cost = [c for _, m in with_costs for c in m["kosten"]]
    assert table.total == sum(_amount(c["betrag"]) for c in every_cost) == concept.budget.measure_costs()
    for column, year in enumerate(table.columns):
        assert table.totals[column] == sum(_amount(c["betrag"]) for c in every_cost if c["jahr"] == int(year))


def test_network_effort_and_staff(concept, raw_inputs):
    actors = raw_inputs["akteure.yaml"]["akteure"]
    budgeted = raw_inputs["ressourcen.yaml"]["netzwerkaufwand"]
    effort = concept.effort
    assert effort.total_network_hours == sum(_amount(a["netzwerkaufwand_stunden"]) for a in actors)
    assert effort.total_budgeted_hours == sum(_amount(e["stunden_pro_jahr"]) for e in budgeted)
    assert effort.total_fte == sum(_amount(p["vzae"]) for p in raw_inputs["ressourcen.yaml"]["personal"])
    planned = {e["akteur"] for e in budgeted}
    assert [a.id for a in effort.actors_without_budget] == [
        a["id"] for a in actors if a["netzwerkaufwand_stunden"] > 0 and a["id"] not in planned
    ]


def test_resource_plan_of_the_joint_paper(concept):
    view = next(v for v in paper_views(concept) if v.paper.number == "GV/2026/004")
    plan = view.resource_plan
    assert plan.year == 2027 and plan.previous_year == 2026
    assert plan.by_source.total == concept.budget.total(year=2027)
    assert [sum(r.amounts[i] for r in plan.by_source.rows) for i, _ in enumerate(plan.committees)] == list(
        plan.by_source.totals
    )
    assert plan.total_change is not None
    assert plan.total_change.delta == concept.budget.total(year=2027) - concept.budget.total(year=2026)
    assert sum(c.delta for c in plan.changes) == plan.total_change.delta
    for committee, lines, total in plan.lines:
        assert all(line.committee == committee.id and line.year == 2027 for line in lines)
        assert total == sum(line.amount for line in lines)


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
    fewer = dataclasses.replace(concept, measures=concept.measures[:1])
    assert fewer.budget.measure_costs() == concept.budget.measure_cost(concept.measures[0].id)
    assert fewer.budget.measure_costs() < concept.budget.measure_costs()
    assert len(fewer.budget.measure_table.rows) <= 1


def test_plan_and_check_read_the_same_calendar(concept):
    """Who is overdue in `plan`'s notices is exactly who is 'offen' in goal 5.1.1 of `check`."""
    for day in (dt.date(2026, 10, 15), dt.date(2026, 11, 23), dt.date(2027, 6, 1), dt.date(2029, 1, 1)):
        view = ReportingView(concept, day)
        overdue = {item.committee.name for item in view.schedule if item.overdue or item.last_report is None}
        noticed = {
            n.message.split(":")[0]
            for n in view.notices
            if "Bericht" in n.message and "Beschluss" not in n.message
        }
        assert overdue <= noticed
        dimension = next(c for c in catalogs() if c.dimension.id == "dimension5")
        result = QualityAssessment(concept, dimension, day).result("berichte-gremien")
        committee_evidence = result.evidence[: len(concept.committees)]
        open_in_check = {e.message.split(":")[0] for e in committee_evidence if e.level == OPEN}
        fulfilled = {e.message.split(":")[0] for e in committee_evidence if e.level == FULFILLED}
        assert open_in_check == overdue
        assert fulfilled == {c.name for c in concept.committees} - overdue
