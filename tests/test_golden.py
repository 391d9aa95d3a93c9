"""Golden files of the HTML intermediate: every chapter of the concept, every council paper of
the example, the Maßnahmenplan, the Qualitätsdialog (for the talk, and the network's working
copy with the lines of its sources), the Kooperationsvereinbarung and the consent form for
parents, as the templates render them.

A template or model change shows up here as a readable diff, in milliseconds and without pandoc
or typst. When the change was meant, write the files anew and review the diff in git:
``make golden`` (``pytest tests/test_golden.py --golden-neu``). The source markers
(``data-quelle="…:12"``) are left out, so moving a template line is no change.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from pipeline.build import check_folder
from pipeline.model.papers import paper_views
from pipeline.model.quality.assessment import assess
from pipeline.render import (
    concept_chapters,
    render_agreement,
    render_consent_form,
    render_measure_plan,
    render_paper,
    render_quality_dialogue,
)
from pipeline.render.document import TEMPLATE_DIR

from .conftest import EXAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden"
SOURCE_MARKER = re.compile(r' data-quelle="[^"]*"')

CHAPTERS = sorted(p.name for p in (TEMPLATE_DIR / "konzept").glob("[0-9]*.html.j2"))
PAPER_FILES = sorted(p.name for p in (EXAMPLE / "vorlagen").glob("*.yaml"))
CASES = (
    [f"konzept/{name.removesuffix('.html.j2')}" for name in CHAPTERS]
    + [f"vorlagen/{name.removesuffix('.yaml')}" for name in PAPER_FILES]
    + ["anlagen/massnahmenplan", "qualitaetsdialog/dimension5", "qualitaetsdialog/dimension5-arbeitsfassung"]
    + ["vereinbarung/kooperationsvereinbarung", "vereinbarung/einverstaendniserklaerung"]
)


def readable(html: str) -> str:
    """The HTML without source markers, one block per line, ending with a newline."""
    html = SOURCE_MARKER.sub("", html)
    return html.rstrip("\n") + "\n"


@pytest.fixture(scope="module")
def rendered(concept) -> dict[str, str]:
    """Every case's HTML, rendered from the example."""
    html = {
        f"konzept/{name.removeprefix('konzept/').removesuffix('.html.j2')}": body
        for name, body in concept_chapters(concept).items()
    }
    views = paper_views(concept)  # papers come in the order of their file names
    for name, view in zip(PAPER_FILES, views, strict=True):
        html[f"vorlagen/{name.removesuffix('.yaml')}"] = render_paper(view).body_html
    html["anlagen/massnahmenplan"] = render_measure_plan(concept).body_html
    html["vereinbarung/kooperationsvereinbarung"] = render_agreement(concept.agreement).body_html
    html["vereinbarung/einverstaendniserklaerung"] = render_consent_form(concept.agreement).body_html
    locate = check_folder(EXAMPLE).loaded.locate
    for assessment in assess(concept):
        name = f"qualitaetsdialog/{assessment.catalog.dimension.id}"
        html[name] = render_quality_dialogue(assessment).body_html
        working = render_quality_dialogue(assessment, working_copy=True, locate=locate)
        html[f"{name}-arbeitsfassung"] = working.body_html
    return {case: readable(body) for case, body in html.items()}


def test_every_case_is_rendered(rendered):
    assert sorted(rendered) == sorted(CASES)


@pytest.mark.parametrize("case", CASES)
def test_html_matches_its_golden_file(case, rendered, request):
    path = GOLDEN / f"{case}.html"
    if request.config.getoption("--golden-neu"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rendered[case], encoding="utf-8")
    assert path.is_file(), f"{path} fehlt: mit `make golden` anlegen"
    expected = path.read_text(encoding="utf-8")
    if rendered[case] != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), rendered[case].splitlines(), "golden", "jetzt", lineterm="", n=1
        )
        pytest.fail(f"{case} weicht von {path.name} ab (gewollt? `make golden`):\n" + "\n".join(list(diff)[:60]))


def test_golden_files_have_no_orphans():
    """A golden file whose chapter or paper is gone would never be checked again."""
    present = {p.relative_to(GOLDEN).as_posix().removesuffix(".html") for p in GOLDEN.rglob("*.html")}
    assert present <= set(CASES), sorted(present - set(CASES))
