"""Quality dialogue: every rule passes and fails on real data, the catalog and the rules match,
`check` reports and exits as documented, qualitaet.yaml is validated, and the Qualitätsdialog in
Word and PDF shows the same numbers as the findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from pydantic import ValidationError
from pypdf import PdfReader

from pipeline.build import build
from pipeline.cli import main
from pipeline.formatting import count, euro
from pipeline.model import BudgetCoordination, BudgetedEffort, CoordinationPath, TargetGroup
from pipeline.model.quality.assessment import QualityAssessment, assess, overall, rules_for
from pipeline.model.quality.catalog import CATALOG_DIR, catalogs, load_catalog
from pipeline.model.types import add_months

from .conftest import EXAMPLE, edit_yaml

STAND = dt.date(2026, 10, 15)
DIMENSION5 = next(c for c in catalogs() if c.dimension.id == "dimension5")


def finding(concept, goal_id: str, on: dt.date = STAND):
    return QualityAssessment(concept, DIMENSION5, on).result(goal_id)


def texts(found) -> str:
    return " ".join(e.message for e in found.evidence)


def changed(model, **update):
    """A copy of a frozen model with some fields replaced (no validation: test data only)."""
    if dataclasses.is_dataclass(model):
        return dataclasses.replace(model, **update)
    return model.model_copy(update=update)


def with_committee(concept, committee_id: str, **update):
    return changed(
        concept, committees=[changed(c, **update) if c.id == committee_id else c for c in concept.committees]
    )


def with_resources(concept, **update):
    return changed(concept, resources=changed(concept.resources, **update))


def with_version(concept, **update):
    return changed(concept, version=changed(concept.version, **update))


def report(day: str, topic: str = "Sachstand Frühe Hilfen", **extra):
    from pipeline.model import Report

    return Report.model_validate({"datum": day, "thema": topic, **extra})


def full_effort(concept):
    """Budgeted network time equal to the time every actor spends."""
    return [
        BudgetedEffort.model_validate(
            {"akteur": a.id, "stunden_pro_jahr": a.network_hours, "ausgleich": "im Stellenplan oder als Pauschale"}
        )
        for a in concept.actors
    ]


# --- catalog and rules ------------------------------------------------------------------------


def test_every_goal_has_exactly_one_rule_and_every_rule_a_goal():
    for catalog in catalogs():
        assert sorted(rules_for(catalog).names) == sorted(g.id for g in catalog.goals)


def test_catalog_numbers_and_references():
    assert DIMENSION5.dimension.number == 5
    assert [len(t.goals) for t in DIMENSION5.themes] == [4, 6, 4]
    assert len(DIMENSION5.central_questions) == 3
    assert len(DIMENSION5.dialogue_questions) == 14
    assert DIMENSION5.goal_number("abgestimmte-planung") == "5.1.4"
    assert DIMENSION5.goal_number("netzwerkaufwand") == "5.3.4"
    for theme in DIMENSION5.themes:
        assert DIMENSION5.central_question(theme) is not None


def test_a_broken_catalog_is_refused(tmp_path):
    data = yaml.safe_load((CATALOG_DIR / "dimension5.yaml").read_text(encoding="utf-8"))
    data["dialogfragen"][0]["ziele"] = ["gibt-es-nicht"]
    broken = tmp_path / "dimension5.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError, match="gibt-es-nicht"):
        load_catalog(broken)
    renamed = tmp_path / "dimension9.yaml"
    shutil.copy(CATALOG_DIR / "dimension5.yaml", renamed)
    with pytest.raises(ValueError, match="dimension9"):
        load_catalog(renamed)


def test_status_scheme():
    assert overall(["erfüllt", None, "erfüllt"]) == "erfüllt"
    assert overall(["erfüllt", "offen"]) == "teilweise"
    assert overall(["erfüllt", "nicht prüfbar"]) == "teilweise"
    assert overall(["offen", "nicht prüfbar", None]) == "offen"
    assert overall(["nicht prüfbar", None]) == "nicht prüfbar"


def test_months_are_added_calendar_true():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2026, 10, 15), -24) == dt.date(2024, 10, 15)
    assert add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)


def test_example_shows_a_realistic_mix(concept):
    review = assess(concept)[0]
    assert review.reference_date == STAND
    assert review.counts() == [4, 7, 2, 1]
    assert {f.goal.id for f in review.disagreements} == {
        "informationsfluss",
        "abgestimmte-planung",
        "netzwerkaufwand",
    }


def test_every_finding_names_its_sources_and_how_to_change_it(concept):
    for found in assess(concept)[0].results:
        assert found.evidence
        assert all(".yaml" in e.source for e in found.evidence)
        if found.status != "erfüllt":
            assert found.changes, found.goal.id


# --- 5.1 Verankerung in der Kommunalpolitik ---------------------------------------------------


def test_reports_overdue_in_two_committees(concept):
    found = finding(concept, "berichte-gremien")
    assert found.status == "teilweise"
    by_source = {e.source: e for e in found.evidence}
    jha = by_source["gremien.yaml: gremien[0].berichte"]
    assert jha.level == "erfüllt" and "letzter Bericht am 07.05.2026" in jha.message
    ga = by_source["gremien.yaml: gremien[1].berichte"]
    assert ga.level == "offen" and "seit 18.09.2026 überfällig" in ga.message
    assert "19.11.2026" in ga.suggestion and "GA/2026/027" in ga.suggestion
    decision = by_source["gremien.yaml: beschluesse[1]"]
    assert decision.level == "offen" and "SA/2022/019" in decision.message
    assert "SA/2026/041" in decision.suggestion and "GV/2026/004" not in decision.suggestion


def test_reports_within_every_cycle_fulfil_the_goal(concept):
    ga = next(c for c in concept.committees if c.id == "ga")
    sa = next(c for c in concept.committees if c.id == "sa")
    current = with_committee(concept, "ga", reports=[*ga.reports, report("2026-09-30")])
    current = with_committee(current, "sa", reports=[*sa.reports, report("2026-06-11")])
    assert finding(current, "berichte-gremien").status == "erfüllt"
    silent = changed(concept, committees=[changed(c, reports=[]) for c in concept.committees])
    assert finding(silent, "berichte-gremien").status == "offen"


def test_decisions_passed_to_the_network(concept):
    found = finding(concept, "informationsfluss")
    assert found.status == "teilweise"
    assert "6 von 7 Beschlüssen" in texts(found) and "JHA/2026/021" in texts(found)
    passed = changed(
        concept,
        decisions=[
            changed(d, passed_to_network=d.passed_to_network or dt.date(2026, 9, 30)) for d in concept.decisions
        ],
    )
    assert finding(passed, "informationsfluss").status == "erfüllt"


def test_information_flow_without_data_is_not_checkable(concept):
    found = finding(changed(concept, decisions=[]), "informationsfluss")
    assert found.status == "nicht prüfbar"
    unrecorded = changed(
        concept, decisions=[changed(d, passed_to_network=None, progress=None) for d in concept.decisions]
    )
    found = finding(unrecorded, "informationsfluss")
    assert found.status == "offen"
    assert any(e.level == "nicht prüfbar" and "an_netzwerk_weitergegeben" in e.suggestion for e in found.evidence)


def test_needs_from_practice_reach_the_committees(concept):
    found = finding(concept, "handlungsbedarf")
    assert found.status == "erfüllt"
    assert "Sprechstunde Frühe Hilfen erreicht nur Familien in zwei Praxen" in texts(found)
    unrecorded = changed(
        concept,
        committees=[changed(c, reports=[changed(r, needs=None) for r in c.reports]) for c in concept.committees],
    )
    found = finding(unrecorded, "handlungsbedarf")
    assert found.status == "teilweise"
    assert any(e.level == "nicht prüfbar" and "handlungsbedarf" in e.suggestion for e in found.evidence)
    assert finding(concept, "handlungsbedarf", dt.date(2030, 1, 1)).status == "offen"


def test_joint_planning_counts_deliberations_held_by_the_date_of_reference(concept):
    found = finding(concept, "abgestimmte-planung")
    assert found.status == "offen"
    assert "GV/2026/004" in found.changes[0] and "03.12.2026" in found.changes[0]
    assert finding(concept, "abgestimmte-planung", dt.date(2026, 11, 30)).status == "teilweise"
    assert finding(concept, "abgestimmte-planung", dt.date(2026, 12, 31)).status == "erfüllt"


def test_joint_planning_without_health_and_social_committees_is_not_checkable(concept):
    narrow = with_committee(concept, "ga", sectors=["Bildung"])
    narrow = with_committee(narrow, "sa", sectors=["Bildung"])
    found = finding(narrow, "abgestimmte-planung")
    assert found.status == "nicht prüfbar"
    assert "Gesundheitswesen und Soziales" in texts(found)


# --- 5.2 Systemübergreifendes Gesamtkonzept ---------------------------------------------------


def test_concept_developed_together_and_known(concept, raw_inputs):
    found = finding(concept, "gemeinsam-entwickelt")
    assert found.status == "teilweise"
    actors = raw_inputs["akteure.yaml"]["akteure"]
    bodies = {b["id"]: b for b in raw_inputs["netzwerk.yaml"]["netzwerkgremien"]}
    presented = raw_inputs["kommune.yaml"]["konzept"]["vorgestellt_in"]
    reached = {m for b in presented for m in [bodies[b]["leitung"], *bodies[b]["mitglieder"]]}
    assert f"{sum(1 for a in actors if a['id'] in reached)} von {len(actors)} Akteuren" in texts(found)
    assert "Bildung, Frühförderung und Zivilgesellschaft" in texts(found)
    everyone = with_version(
        concept, contributors=[a.id for a in concept.actors], presented_in=["nk-fruehe-hilfen"]
    )
    assert finding(everyone, "gemeinsam-entwickelt").status == "erfüllt"


def test_concept_not_shared_and_late_measures(concept):
    unknown = with_version(concept, contributors=[], process=None, presented_in=[])
    found = finding(unknown, "gemeinsam-entwickelt", dt.date(2027, 6, 1))
    assert [e.level for e in found.evidence] == ["nicht prüfbar", "offen", "nicht prüfbar", "teilweise"]
    assert found.status == "teilweise"
    assert "noch nicht begonnen" in texts(found) and "Sozialraumteams" in texts(found)
    assert any("vorgestellt_in" in c for c in found.changes)
    assert finding(unknown, "gemeinsam-entwickelt").status == "teilweise"
    nothing_on_time = changed(unknown, measures=[changed(m, status="geplant") for m in concept.measures])
    assert finding(nothing_on_time, "gemeinsam-entwickelt", dt.date(2027, 6, 1)).status == "offen"


def test_target_groups_goals_and_measures_linked(concept):
    assert finding(concept, "zielgruppen-ziele-massnahmen").status == "erfüllt"
    lonely = TargetGroup.model_validate(
        {"id": "neu", "name": "Pflegefamilien", "beschreibung": "Neu im Konzept", "bedarfe": ["Beratung"]}
    )
    found = finding(
        changed(concept, target_groups=[*concept.target_groups, lonely]), "zielgruppen-ziele-massnahmen"
    )
    assert found.status == "teilweise"
    assert "Ohne Ziel: Pflegefamilien" in texts(found)


def test_coordination_paths_for_every_actor(concept, raw_inputs):
    found = finding(concept, "rollen-abstimmungswege")
    assert found.status == "teilweise"
    paths = raw_inputs["netzwerk.yaml"]["abstimmungswege"]
    actors = raw_inputs["akteure.yaml"]["akteure"]
    with_path = sum(1 for a in actors if any(a["id"] in (p["von"], p["an"]) for p in paths))
    assert f"Für {with_path} von {len(actors)} Akteuren ist ein Abstimmungsweg vereinbart" in texts(found)
    on_path = {p.sender for p in concept.network.paths} | {p.recipient for p in concept.network.paths}
    added = [
        CoordinationPath.model_validate(
            {
                "von": a.id,
                "an": "netzwerkkoordination",
                "anlass": "Fallübergreifende Fragen",
                "form": "telefonisch",
                "frist": "binnen einer Woche",
            }
        )
        for a in concept.actors
        if a.id not in on_path
    ]
    complete = changed(concept, network=changed(concept.network, paths=[*concept.network.paths, *added]))
    assert finding(complete, "rollen-abstimmungswege").status == "erfüllt"


def test_framework_conditions_of_freelance_and_volunteer_actors(concept):
    found = finding(concept, "rahmenbedingungen")
    assert found.status == "teilweise"
    assert "Ehrenamtliche Familienpatinnen und -paten: kein Ausgleich für 120 Stunden" in texts(found)
    assert (
        finding(with_resources(concept, budgeted_effort=full_effort(concept)), "rahmenbedingungen").status
        == "erfüllt"
    )


def test_update_cycle(concept):
    assert finding(concept, "fortschreibung").status == "erfüllt"
    late_plan = with_version(concept, update=changed(concept.version.update, next_date=dt.date(2030, 6, 30)))
    assert finding(late_plan, "fortschreibung").status == "teilweise"
    found = finding(concept, "fortschreibung", dt.date(2030, 1, 1))
    assert found.status == "offen"
    assert "älter als ihr Turnus" in texts(found)


def test_guiding_principle(concept):
    assert finding(concept, "leitbild").status == "erfüllt"
    own_only = changed(concept, guiding_principle=changed(concept.guiding_principle, national=False))
    assert finding(own_only, "leitbild").status == "teilweise"


# --- 5.3 Ressourcen ---------------------------------------------------------------------------


def test_joint_resource_planning(concept, raw_inputs):
    found = finding(concept, "gemeinsame-ressourcenplanung")
    assert found.status == "offen"
    jha = sum(
        Decimal(str(e["betrag"]))
        for e in raw_inputs["ressourcen.yaml"]["aufwand"]
        if e["ausschuss"] == "jha" and e["jahr"] == 2026
    )
    assert f"Jugendhilfeausschuss {euro(jha)}" in texts(found)
    assert finding(concept, "gemeinsame-ressourcenplanung", dt.date(2026, 12, 31)).status == "erfüllt"


def test_budget_consultations(concept):
    found = finding(concept, "haushaltsberatungen")
    assert found.status == "nicht prüfbar"
    assert "haushaltsabstimmung" in found.changes[0]

    def agreed(*committees: str, day: str = "2026-09-30"):
        entry = BudgetCoordination.model_validate(
            {
                "haushaltsjahr": 2027,
                "datum": day,
                "gremien": list(committees),
                "form": "gemeinsame Sitzung der Ausschussvorsitzenden",
            }
        )
        return with_resources(concept, budget_coordination=[entry])

    assert finding(agreed("jha", "ga", "sa"), "haushaltsberatungen").status == "erfüllt"
    partly = finding(agreed("jha", "ga"), "haushaltsberatungen")
    assert partly.status == "teilweise" and "Ausschuss für Soziales und Teilhabe" in texts(partly)
    assert finding(agreed("jha", "ga", "sa", day="2024-09-30"), "haushaltsberatungen").status == "offen"


def test_cooperation_requirements_in_grants(concept, raw_inputs):
    """5.3.3 is about the municipality's own Bewilligungen and Leistungsvereinbarungen with
    Träger, not about the conditions of grants it receives."""
    found = finding(concept, "kooperationsauflagen")
    assert found.status == "teilweise"
    grants = [
        e
        for e in raw_inputs["ressourcen.yaml"]["aufwand"]
        if e["art"] == "Zuwendung an Träger" and e["jahr"] == 2026
    ]
    asking = sum(1 for e in grants if e.get("kooperationsauflagen"))
    assert f"2026: {asking} von {count(len(grants), 'Zuwendung', 'Zuwendungen')} an Träger" in texts(found)
    grants_only = [e for e in concept.resources.expenses if e.kind == "Zuwendung an Träger"]
    required = [
        changed(e, cooperation_requirements=e.cooperation_requirements or ["Netzwerk"]) for e in grants_only
    ]
    assert finding(with_resources(concept, expenses=required), "kooperationsauflagen").status == "erfüllt"
    none = [changed(e, cooperation_requirements=[]) for e in grants_only]
    assert finding(with_resources(concept, expenses=none), "kooperationsauflagen").status == "offen"
    no_grants = [e for e in concept.resources.expenses if e.kind != "Zuwendung an Träger"]
    assert finding(with_resources(concept, expenses=no_grants), "kooperationsauflagen").status == "nicht prüfbar"
    incoming = [changed(i, cooperation_requirements=[]) for i in concept.resources.income]
    assert finding(with_resources(concept, income=incoming), "kooperationsauflagen").status == "teilweise"


def test_network_effort_budgeted_for_every_actor(concept, raw_inputs):
    found = finding(concept, "netzwerkaufwand")
    assert found.status == "teilweise"
    planned = {e["akteur"] for e in raw_inputs["ressourcen.yaml"]["netzwerkaufwand"]}
    unplanned = [
        a
        for a in raw_inputs["akteure.yaml"]["akteure"]
        if a["netzwerkaufwand_stunden"] > 0 and a["id"] not in planned
    ]
    assert (
        f"Für {count(len(unplanned), 'Akteur', 'Akteure', 'einen')} ist kein Netzwerkaufwand eingeplant"
        in texts(found)
    )
    assert "Jobcenter Landkreis Musterkreis" in texts(found)
    assert (
        finding(with_resources(concept, budgeted_effort=full_effort(concept)), "netzwerkaufwand").status
        == "erfüllt"
    )
    assert finding(with_resources(concept, budgeted_effort=[]), "netzwerkaufwand").status == "offen"


def test_dialogue_questions_carry_facts(concept):
    review = assess(concept)[0]
    prepared = dict((q.id, facts) for q, facts in review.dialogue)
    assert len(prepared) == 14
    assert all(1 <= len(facts) <= 3 for facts in prepared.values())
    assert any(
        "Jugendhilfeausschuss: letzter Bericht am 07.05.2026" in e.message
        for e in prepared["gelingensbedingungen"]
    )
    assert any("kein Netzwerkaufwand eingeplant" in e.message for e in prepared["transparenz-ressourcen"])


# --- qualitaet.yaml ---------------------------------------------------------------------------


def _validate(folder: Path):
    return CliRunner().invoke(main, ["validate", str(folder)])


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_unknown_goal_in_rating_gets_a_suggestion(example_copy):
    path = example_copy / "qualitaet.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ziel: informationsfluss", "ziel: informationsflus"),
        encoding="utf-8",
    )
    result = _validate(example_copy)
    assert result.exit_code == 1
    line = _line_of(path, "ziel: informationsflus")
    assert (
        f"qualitaet.yaml:{line}:11: einschaetzungen[1].ziel: Qualitätsziel 'informationsflus' "
        "gibt es nicht in den Katalogen der Qualitätsdimensionen. Meinten Sie "
        "'informationsfluss'?"
    ) in result.output


def test_rating_status_must_be_one_of_four(example_copy):
    edit_yaml(example_copy, "qualitaet.yaml", lambda data: data["einschaetzungen"][0].update(status="gut"))
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert (
        "einschaetzungen[0].status: Der Wert 'gut' ist nicht vorgesehen. Erlaubt sind: "
        "'erfüllt', 'teilweise', 'offen' oder 'nicht prüfbar'."
    ) in result.output


def test_one_rating_per_goal(example_copy):
    edit_yaml(
        example_copy,
        "qualitaet.yaml",
        lambda data: data["einschaetzungen"].append({"ziel": "leitbild", "status": "offen"}),
    )
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert (
        "einschaetzungen[7].ziel: Zum Ziel 'leitbild' gibt es schon eine Einschätzung (Eintrag 4)."
    ) in result.output


def test_unknown_network_body_in_presented_in(example_copy):
    edit_yaml(
        example_copy, "kommune.yaml", lambda data: data["konzept"].update(vorgestellt_in=["netzwerkkonferenz"])
    )
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert (
        "konzept.vorgestellt_in[0]: Netzwerkgremium 'netzwerkkonferenz' gibt es nicht in netzwerk.yaml."
    ) in result.output


def test_qualitaet_yaml_is_optional(example_copy):
    (example_copy / "qualitaet.yaml").unlink()
    assert _validate(example_copy).exit_code == 0
    result = CliRunner().invoke(main, ["check", str(example_copy)])
    assert result.exit_code == 0
    assert "Eigene Einschätzung" not in result.output


# --- gesamtkonzept check ----------------------------------------------------------------------


def test_check_prints_a_table_by_theme():
    result = CliRunner().invoke(main, ["check", str(EXAMPLE)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("Qualitätsdimension 5: Politisch-strukturelle Verankerung – Landkreis Musterkreis")
    assert lines[1] == "Stichtag 15.10.2026 (Stand des Konzepts)"
    themes = [line for line in lines if line[:3] in ("5.1", "5.2", "5.3") and line[3] == " "]
    assert themes == [
        "5.1  Verankerung in der Kommunalpolitik",
        "5.2  Systemübergreifendes Gesamtkonzept",
        "5.3  Ressourcen für die Frühen Hilfen",
    ]
    row = lines.index(next(line for line in lines if line.strip().startswith("5.1.4")))
    assert lines[row].split()[:2] == ["5.1.4", "offen"]
    assert "Eigene Einschätzung: teilweise – weicht ab" in lines[row + 2]
    assert "Zusammen: 4 erfüllt, 7 teilweise, 2 offen, 1 nicht prüfbar." in lines
    assert all(len(line) <= 120 for line in lines)


def test_check_json_matches_the_findings(concept):
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    dimension = data["qualitaetsdimensionen"][0]
    assert dimension["zusammenfassung"] == {"erfüllt": 4, "teilweise": 7, "offen": 2, "nicht prüfbar": 1}
    records = {r["ziel"]: r for r in dimension["befunde"]}
    assert len(records) == 14
    assert records["haushaltsberatungen"]["status"] == "nicht prüfbar"
    assert records["informationsfluss"]["abweichung"] is True
    assert records["informationsfluss"]["eigene_einschaetzung"]["status"] == "erfüllt"
    assert records["berichte-gremien"]["belege"][1]["quelle"] == "gremien.yaml: gremien[1].berichte"


def test_check_exit_codes():
    runner = CliRunner()
    assert runner.invoke(main, ["check", str(EXAMPLE), "--fail-on", "offen"]).exit_code == 1
    later = ["check", str(EXAMPLE), "--stichtag", "2026-12-31"]
    result = runner.invoke(main, [*later, "--fail-on", "offen"])
    assert result.exit_code == 0
    assert "Stichtag 31.12.2026\n" in result.output
    assert runner.invoke(main, [*later, "--fail-on", "teilweise"]).exit_code == 1
    german = runner.invoke(main, ["check", str(EXAMPLE), "--stichtag", "31.12.2026"])
    assert german.exit_code == 0 and "Stichtag 31.12.2026\n" in german.output
    wrong = runner.invoke(main, ["check", str(EXAMPLE), "--stichtag", "31.13.2026"])
    assert wrong.exit_code == 2
    assert "'31.13.2026' ist kein Datum, z. B. 2026-11-23 oder 23.11.2026." in wrong.output
    assert runner.invoke(main, ["check", str(EXAMPLE), "--fail-on", "gut"]).exit_code == 2


def test_check_on_invalid_input_lists_the_problems(example_copy):
    path = example_copy / "gremien.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "an_netzwerk_weitergegeben: 2021-07-14", "an_netzwerk_weitergegeben: bald"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(example_copy)])
    assert result.exit_code == 1
    assert "beschluesse[0].an_netzwerk_weitergegeben: Hier wird ein Datum" in result.output
    assert "1 Fehler gefunden. Es wurde nichts geschrieben." in result.output


# --- the Qualitätsdialog as Word and PDF ------------------------------------------------------

HEADINGS = [
    "Worum es geht",
    "Auf einen Blick",
    "Befunde nach Themen",
    "Fragen für das Gespräch mit der strategisch-politischen Ebene",
    "Vereinbarungen",
]


@pytest.fixture(scope="module")
def full_build(built) -> dict[str, Path]:
    """Everything `build` writes without --nur, by file name."""
    return {p.name: p for p in built.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def dialogue(full_build) -> dict[str, Path]:
    return {
        suffix: full_build[f"Qualitaetsdialog-Dimension-5_Musterkreis_2.0{suffix}"] for suffix in (".docx", ".pdf")
    }


def _table(document, caption_start: str):
    for table in document.tables:
        caption = table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is not None and caption.get(qn("w:val")).startswith(caption_start):
            return table
    raise AssertionError(f"no table '{caption_start}'")


def test_build_without_nur_writes_the_dialogue(dialogue):
    assert dialogue[".docx"].parent.name == "qualitaet"
    assert dialogue[".pdf"].stat().st_size > 10_000


def test_dialogue_docx_headings_chart_and_numbers(dialogue, concept):
    review = assess(concept)[0]
    document = Document(str(dialogue[".docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == HEADINGS
    table = _table(document, "Befunde je Thema")
    assert [c.text for c in table.rows[0].cells] == [
        "Thema",
        "erfüllt",
        "teilweise",
        "offen",
        "nicht prüfbar",
        "Ziele",
    ]
    for row, theme in zip(table.rows[1:-1], DIMENSION5.themes, strict=True):
        assert [int(c.text) for c in row.cells[1:5]] == review.counts(theme)
    assert [int(c.text) for c in table.rows[-1].cells[1:]] == [*review.counts(), 14]
    pictures = list(document.element.body.iter(qn("pic:pic")))  # the logo, then the chart
    picture = next(
        p for p in pictures if "gestapeltes Balkendiagramm" in (p.find(f".//{qn('pic:cNvPr')}").get("descr") or "")
    )
    blip = picture.find(f".//{qn('a:blip')}")
    png = document.part.related_parts[blip.get(qn("r:embed"))]
    assert png.content_type == "image/png" and png.blob.startswith(b"\x89PNG")
    assert document.core_properties.category == "Qualitätsdialog"


def test_dialogue_docx_marks_disagreements_and_prefills_facts(dialogue):
    document = Document(str(dialogue[".docx"]))
    table = _table(document, "Befunde 5.1")
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert rows["5.1.2"][2:] == ["teilweise", "erfüllt – weicht ab"]
    assert rows["5.1.1"][2:] == ["teilweise", "teilweise"]
    paragraphs = [p.text for p in document.paragraphs]
    question = paragraphs.index("Was braucht es, damit die Frühen Hilfen politisch fester verankert werden?")
    assert paragraphs[question + 1].startswith("Jugendhilfeausschuss: letzter Bericht am 07.05.2026")


def _figures_alt(reader: PdfReader) -> list[str]:
    found: list[str] = []

    def walk(node, depth=0):
        node = node.get_object()
        if node.get("/S") == "/Figure":
            found.append(str(node.get("/Alt")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and depth < 60:
                walk(kid, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_dialogue_pdf_is_tagged_with_the_chart_described(dialogue):
    reader = PdfReader(str(dialogue[".pdf"]))
    assert reader.trailer["/Root"]["/Lang"] == "de-DE"
    assert reader.metadata.title == ("Qualitätsdialog: Politisch-strukturelle Verankerung – Landkreis Musterkreis")
    alts = _figures_alt(reader)
    assert alts[0] == "Logo – Landkreis Musterkreis" and len(alts) == 2
    assert "5.3 Ressourcen für die Frühen Hilfen: 2 teilweise, 1 offen, 1 nicht prüfbar." in alts[1]
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for heading in HEADINGS:
        assert heading in text
    assert "Jugendhilfeausschuss: letzter Bericht am 07.05.2026" in text
    assert "Seite 2 von" in text


def test_concept_chapter_shows_the_same_counts(concept_files, concept):
    review = assess(concept)[0]
    document = Document(str(concept_files[".docx"]))
    table = _table(document, "Stand der Verankerung je Thema")
    assert [int(c.text) for c in table.rows[-1].cells[1:]] == [*review.counts(), 14]
    details = _table(document, "Befunde im Einzelnen")
    assert [row.cells[2].text for row in details.rows[1:]] == [f.status for f in review.results]


def test_dialogue_bytes_are_reproducible(dialogue, tmp_path):
    again = {p.suffix: p for p in build(EXAMPLE, tmp_path, "qualitaet").paths}
    assert sorted(p.name for p in tmp_path.rglob("*.*") if p.suffix in (".docx", ".pdf")) == sorted(
        p.name for p in dialogue.values()
    )
    assert again[".docx"].read_bytes() == dialogue[".docx"].read_bytes()
    assert again[".pdf"].read_bytes() == dialogue[".pdf"].read_bytes()


def test_money_in_evidence_matches_the_budget(concept):
    found = finding(concept, "gemeinsame-ressourcenplanung")
    for committee in concept.budget.committees:
        assert f"{committee.name} {euro(concept.budget.expense_total(2026, committee=committee.id))}" in texts(
            found
        )
