"""One kind of finding and rule: places print the way users look for them, rule sets run their
rules in order and refuse a name twice, and every rule of the tool says what it checks."""

from __future__ import annotations

import pytest

from pipeline.findings import (
    ERROR,
    EVERY,
    WARNING,
    Finding,
    Place,
    RuleSet,
    at,
    explained_once,
    format_path,
    listing,
    summary,
)
from pipeline.model.quality.assessment import rules_for
from pipeline.model.quality.catalog import catalogs
from pipeline.model.reporting import NOTICES
from pipeline.validate import BEFORE_CONCEPT, council, rules


def test_paths_read_like_yaml_tools_write_them():
    assert format_path(("massnahmen", 6, "ziele", 1)) == "massnahmen[6].ziele[1]"
    assert format_path(("akteure", EVERY, "rolle")) == "akteure[].rolle"
    assert format_path(()) == ""
    assert str(at("gremien.yaml", "gremien", 1, "berichte")) == "gremien.yaml: gremien[1].berichte"
    assert str(Place("vorlagen/")) == "vorlagen/"


def test_a_located_finding_prints_file_line_column_field_and_message():
    where = Place("massnahmen.yaml", ("massnahmen", 2, "status"), 48, 7)
    assert str(Finding(where, "Text.")) == "massnahmen.yaml:48:7: massnahmen[2].status: Text."
    assert str(Finding(where, "Text.", WARNING)) == "massnahmen.yaml:48:7: Warnung: massnahmen[2].status: Text."
    assert str(Finding(Place("x.yaml", (), 1, 1), "leer")) == "x.yaml:1:1: leer"
    assert Finding(where, "Text.").as_json() == {
        "datei": "massnahmen.yaml",
        "zeile": 48,
        "spalte": 7,
        "feld": "massnahmen[2].status",
        "schweregrad": ERROR,
        "meldung": "Text.",
    }


def test_a_finding_names_every_place_it_rests_on():
    found = Finding(at("gremien.yaml", "gremien"), "…", None, "tun", (at("vorlagen/*.yaml", "vorlage"),))
    assert found.source == "gremien.yaml: gremien; vorlagen/*.yaml: vorlage"
    assert found.places == (at("gremien.yaml", "gremien"), at("vorlagen/*.yaml", "vorlage"))


def test_an_explanation_several_warnings_share_is_listed_once_in_full():
    """Three texts name the same body: the list explains it at the first place, saying how many
    more there are, and the others quote their text and point there, a suggestion kept; findings
    without a shared explanation, and the findings themselves, stay as they are."""
    why = "Der Text nennt 'Kreistag'; die Stadt hat keinen."

    def named(file: str, line: int, quote: str, suggestion: str | None = None) -> Finding:
        return Finding(
            Place(file, ("vorlage", "begruendung"), line, 3),
            f"„{quote}“ – {why}",
            WARNING,
            suggestion=suggestion,
            brief=f"„{quote}“ – 'Kreistag'",
            shared=why,
        )

    other = Finding(Place("ziele.yaml", ("ziele", 0), 5, 3), "Anderes.", WARNING)
    findings = [named("a.yaml", 4, "Der Kreistag beschließt."), other, named("b.yaml", 9, "Im Kreistag.", "Rat")]
    first, unrelated, later = explained_once(findings)
    assert first.message == f"{findings[0].message} Ebenso an einer weiteren Stelle (siehe unten)."
    assert unrelated is other
    assert later.message == "„Im Kreistag.“ – 'Kreistag': siehe die Warnung zu a.yaml, Zeile 4. Vorschlag: „Rat“"
    assert later.where == findings[2].where and findings[2].message.endswith(why)
    assert listing(findings) == [str(first), str(other), str(later)]
    three = listing(findings + [named("c.yaml", 1, "Kreistag")])
    assert sum(why in line for line in three) == 1 and "Ebenso an zwei weiteren Stellen (siehe unten)." in three[0]
    assert explained_once([findings[0]]) == [findings[0]]  # alone, nothing more to say


def test_summary_counts_errors_and_warnings_in_german():
    error, warning = Finding(at("a"), "x"), Finding(at("a"), "y", WARNING)
    assert summary([error, error, warning]) == "2 Fehler und 1 Warnung"
    assert summary([warning, warning]) == "2 Warnungen"
    assert summary([]) == "keine Probleme"


def test_rule_sets_run_in_order_and_refuse_a_name_twice():
    checks: RuleSet[int] = RuleSet("Probe")

    @checks.rule("gerade")
    def even(n: int):
        """Even numbers only."""
        if n % 2:
            yield Finding(at("zahl.yaml"), f"{n} ist ungerade")

    @checks.rule("klein")
    def small(n: int):
        return [Finding(at("zahl.yaml"), f"{n} ist zu groß")] if n > 10 else []

    assert [f.message for f in checks.run(13)] == ["13 ist ungerade", "13 ist zu groß"]
    assert checks.run(4) == []
    assert checks.names == ["gerade", "klein"] and "gerade" in checks and len(checks) == 2
    assert checks["gerade"].description == "Even numbers only."
    with pytest.raises(ValueError, match="gibt es schon"):
        checks.rule("gerade")(small)


ALL_RULE_SETS = [
    *BEFORE_CONCEPT,
    council.PAPER_RULES,
    rules.WARNINGS,
    NOTICES,
    *(rules_for(c) for c in catalogs()),
]


@pytest.mark.parametrize("ruleset", ALL_RULE_SETS, ids=[r.title for r in ALL_RULE_SETS])
def test_every_rule_of_the_tool_says_what_it_checks(ruleset):
    assert len(ruleset) > 0
    for rule in ruleset:
        assert rule.description, f"{ruleset.title}: Regel '{rule.name}' ohne Beschreibung"


def test_the_terminal_lists_errors_before_warnings():
    """A new user found two errors among fourteen warnings, sorted by file (NRW review)."""
    from pipeline.findings import ERROR, WARNING, Finding, at, listing

    warning = Finding(at("a.yaml", "x"), "Bitte prüfen.", WARNING)
    error = Finding(at("b.yaml", "y"), "Das fehlt.", ERROR)
    later = Finding(at("c.yaml", "z"), "Auch das fehlt.", ERROR)
    assert listing([warning, error, later]) == [str(error), str(later), str(warning)]
