"""The README documents every YAML field (generated from the model), every goal of the quality
catalogs, and the two commands."""

import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import feldreferenz  # noqa: E402


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:400]
    assert "make concept" in head and "make test" in head


def test_field_reference_is_current():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert feldreferenz.reference() in text
    assert "`massnahmen[].federfuehrung` | Kennung (akteur) | ja |" in text


def test_every_quality_goal_is_documented():
    from pipeline.model.quality.catalog import catalogs

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for catalog in catalogs():
        for goal in catalog.goals:
            assert f"| {catalog.goal_number(goal.id)} | `{goal.id}` |" in text


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
