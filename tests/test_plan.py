"""The reporting calendar: due dates from cycles and reports, warnings for gaps."""

from __future__ import annotations

import datetime as dt
import shutil

import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.types import add_months

from .conftest import EXAMPLE, ROOT, edit_yaml


def _plan(folder, day="2026-11-23"):
    return CliRunner().invoke(main, ["plan", str(folder), "--stichtag", day])


def _row(output: str, name: str) -> list[str]:
    line = next(x for x in output.splitlines() if x.startswith(name + "  "))
    return [cell for cell in line[len(name) :].split("  ") if cell.strip()]


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(dt.date(2026, 5, 7), 12) == dt.date(2027, 5, 7)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2021, 3, 11), 24) == dt.date(2023, 3, 11)


def test_calendar_of_the_example():
    result = _plan(EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "Stichtag 23.11.2026" in result.output
    jha = _row(result.output, "Jugendhilfeausschuss")
    assert [c.strip() for c in jha[:4]] == [
        "jährlich",
        "07.05.2026",  # the last report; the decision of 10.09.2026 starts no new cycle
        "07.05.2027",
        "26.11.2026: GV/2026/004 (Kenntnisnahme), JHA/2026/030 (Vorberatung)",
    ]
    health = _row(result.output, "Ausschuss für Gesundheit")
    assert [c.strip() for c in health[1:4]] == ["19.11.2026", "19.11.2027", "keine geplant"]
    assert (
        "Ausschuss für Soziales und Teilhabe: Bericht überfällig seit 11.03.2023; die "
        "nächste Vorlage (GV/2026/004) kommt erst am 03.12.2026."
    ) in result.output
    papers = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in (EXAMPLE / "vorlagen").glob("*.yaml")]
    planned = sum(1 for p in papers for c in p["vorlage"]["beratungsfolge"] if c["datum"] > dt.date(2026, 11, 23))
    section = result.output.split("Geplante Beratungen\n")[1].split("\n\nHinweise")[0]
    assert len(section.splitlines()) == planned


def test_a_body_without_report_or_plan_is_named(example_copy):
    shutil.rmtree(example_copy / "vorlagen")
    result = _plan(example_copy)
    assert result.exit_code == 0
    assert (
        "Ausschuss für Soziales und Teilhabe: seit dem letzten Bericht am 11.03.2021 kein "
        "Bericht über Frühe Hilfen, fällig war er bis zum 11.03.2023 (alle zwei Jahre); keine "
        "Vorlage geplant."
    ) in result.output
    assert "Ausschuss für Gesundheit: seit dem letzten Bericht am 18.09.2025" in result.output


def test_a_report_due_soon_without_a_paper_is_named():
    result = _plan(EXAMPLE, "2027-09-01")
    assert (
        "Jugendhilfeausschuss: nächster Bericht fällig bis 26.11.2027, noch keine Vorlage "
        "geplant (passende Sitzung: 25.11.2027)."
    ) in result.output
    assert "Kreistag: nächster Bericht" not in result.output  # due only in 2029


def test_decisions_without_reported_implementation(example_copy):
    def decisions(data):
        decision = next(d for d in data["beschluesse"] if d["id"] == "ga-2024-031")
        decision.update(datum="2026-11-20", gremium="ga", umsetzungsstatus="in Umsetzung")
        decision.pop("umsetzungsstand")
        data["gremien"][1]["sitzungen"].append("2026-11-20")

    edit_yaml(example_copy, "gremien.yaml", decisions)
    result = _plan(example_copy)
    assert (
        "Beschluss GA/2024/031 (in Umsetzung): noch kein Bericht über die Umsetzung an "
        "den Ausschuss für Gesundheit, und keine Vorlage ist geplant."
    ) in result.output
    assert "Beschluss GA/2024/031: kein Umsetzungsstand beschrieben ('umsetzungsstand')." in result.output
    assert "Beschluss SA/2022/019" not in result.output  # its report is planned for 03.12.2026


def test_a_body_that_never_had_a_report(example_copy):
    def committees(data):
        data["gremien"][1]["berichte"] = []
        data["beschluesse"] = [d for d in data["beschluesse"] if d["gremium"] != "ga"]

    edit_yaml(example_copy, "gremien.yaml", committees)
    shutil.rmtree(example_copy / "vorlagen")
    result = _plan(example_copy)
    assert (
        "Ausschuss für Gesundheit: bisher kein Bericht über Frühe Hilfen; keine Vorlage geplant." in result.output
    )
    health = _row(result.output, "Ausschuss für Gesundheit")
    assert [c.strip() for c in health[1:4]] == ["noch keiner", "sofort", "keine geplant"]


def test_a_body_that_has_not_met_since_its_report_fell_due_is_not_overdue(example_copy):
    """On 15.10.2026 the Ausschuss für Gesundheit's report has been due since 18.09.2026, but the
    body has not met since: its next sitting needs a paper, nothing is overdue."""
    with_paper = _plan(EXAMPLE, "2026-10-15")
    hints = with_paper.output.split("Hinweise")[1].splitlines()
    assert not [h for h in hints if h.startswith("Warnung") and "Ausschuss für Gesundheit" in h]
    # said as planned, with its deadline (Bavarian review: 'alle Gremien sind im Berichtsturnus')
    assert [h for h in hints if h.startswith("Ausschuss für Gesundheit: Frist 18.09.2026 abgelaufen")]
    shutil.rmtree(example_copy / "vorlagen")
    result = _plan(example_copy, "2026-10-15")
    assert (
        "Ausschuss für Gesundheit: Bericht fällig seit 18.09.2026; seitdem keine Sitzung – für die nächste "
        "am 19.11.2026 ist noch keine Vorlage geplant."
    ) in result.output
    assert "Ausschuss für Gesundheit: Bericht überfällig" not in result.output


def test_a_calendar_of_coming_sittings_leaves_open_whether_the_body_met():
    """Stadt Rheinfurt entered only the Stadtrat's coming sittings: 'seitdem keine Sitzung' was
    said of a Stadtrat whose report had been due for two years (RLP review)."""
    folder = ROOT / "tests" / "fixtures" / "rheinfurt"
    result = _plan(folder, "2026-12-06")
    assert (
        "Stadtrat: Bericht fällig seit 15.12.2024; ob seitdem Sitzungen waren, ist offen – eingetragen sind erst "
        "Sitzungen ab dem 17.12.2026 ('sitzungen')."
    ) in " ".join(result.output.split())
    assert "seitdem keine Sitzung" not in result.output


def test_a_report_due_already_is_not_called_within_the_cycle():
    """Landkreis Altmühlau on 06.12.2026: the JHA's report was due on 20.11.2026 and is planned for
    its next sitting; 'alle Gremien sind im Berichtsturnus' stood under that row (Bavarian review)."""
    result = _plan(ROOT / "tests" / "fixtures" / "altmuehlau", "2026-12-06")
    assert "alle Gremien sind im Berichtsturnus" not in result.output
    # what it is, with the deadline and the sitting (re-check: 'keine –' and then a hint)
    assert (
        "Jugendhilfeausschuss: Frist 20.11.2026 abgelaufen; der Bericht ist für die Sitzung am 28.01.2027 vorgesehen "
        "(JHA/2027/004"
    ) in " ".join(result.output.split())
    assert "Hinweise keine" not in " ".join(result.output.split())
