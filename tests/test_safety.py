"""User text is data, never markup; builds are reproducible; failures lose nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from docx import Document
from pypdf import PdfReader

from pipeline.build import build, check_folder
from pipeline.errors import BuildLocked, InvalidInput, TemplateFailure
from pipeline.export.files import LOCK_NAME, output_lock
from pipeline.export.to_html import SCROLL_SCRIPT
from pipeline.formatting import euro
from pipeline.render import render_concept
from pipeline.render.document import TEMPLATE_DIR
from pipeline.render.environment import chapter_templates

from .conftest import EXAMPLE, ROOT, edit_yaml
from .test_input_files import tagged_figures

HOSTILE = (
    '*fett* _kursiv_ # Titel $x^2$ #set page(width: 1cm) #include "/etc/passwd" '
    "\\textbf{x} <b>html</b> <script>alert(1)</script> {{ 7*7 }} {% if true %}ja{% endif %} "
    "[Link](http://example.org) `code` @label <ref> &amp; ---"
)
TOKENS = [
    "*fett*",
    "$x^2$",
    "#set page(width: 1cm)",
    '#include "/etc/passwd"',
    "\\textbf{x}",
    "<b>html</b>",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% if true %}",
    "`code`",
    "@label",
    "&amp;",
]


LINE_STARTS = ["= Willkommensbesuche", "/ ohne Doppelpunkt", "- Spiegelstrich", "+ Plus", "1. Eins"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    """One build of concept and papers whose inputs hold hostile text everywhere: markup of every
    kind in measures, actors, the municipality's name and a council paper; '= …', '- …' and
    '1. …' at the start of table cells and list items; a paper number that reads like a path."""
    folder = tmp_path_factory.mktemp("feindlich") / "kommune"
    shutil.copytree(EXAMPLE, folder)

    def measure(data):
        data["massnahmen"][0]["titel"] = HOSTILE
        data["massnahmen"][0]["beschreibung"] = HOSTILE + "\n\nZweiter Absatz " + HOSTILE
        data["massnahmen"][1]["titel"] = LINE_STARTS[0]

    def municipality(data):
        data["kommune"]["name"] = HOSTILE
        data["kommune"]["kurzname"] = "../../böse Name"

    def actor(data):
        data["akteure"][0]["rolle"] = HOSTILE

    def groups(data):
        data["zielgruppen"][0]["bedarfe"] = LINE_STARTS[1:]

    def paper(data):
        data["vorlage"].update(
            nummer="../../JHA/2026/<030>",
            betreff=HOSTILE,
            zusammenfassung=HOSTILE,
            beschlussvorschlag=[HOSTILE, "Zweiter Punkt"],
        )

    edit_yaml(folder, "massnahmen.yaml", measure)
    edit_yaml(folder, "kommune.yaml", municipality)
    edit_yaml(folder, "akteure.yaml", actor)
    edit_yaml(folder, "zielgruppen.yaml", groups)
    edit_yaml(folder, "vorlagen/jha-2026-030-gesamtkonzept.yaml", paper)
    out = folder.parent / "out"
    written = build(folder, out, ["konzept", "vorlagen", "webseite", "tabellen"]).paths
    concept = {p.suffix: p for p in written if p.name.startswith("Gesamtkonzept_")}
    workbook = next(p for p in written if p.suffix == ".xlsx")
    return concept | {"vorlage": next((out / "vorlagen").glob("JHA-2026-030*.docx")), ".xlsx": workbook}


@pytest.fixture(scope="module")
def hostile_build(hostile) -> dict[str, Path]:
    return {suffix: hostile[suffix] for suffix in (".docx", ".pdf")}


@pytest.fixture(scope="module")
def hostile_paper(hostile) -> Path:
    return hostile["vorlage"]


def test_hostile_text_appears_literally_on_the_html_page(hostile):
    page = hostile[".html"].read_text(encoding="utf-8")
    root = lxml.html.fromstring(page)
    assert not root.xpath(
        "//b|//*[@href and not(starts-with(@href, '#')) and not(starts-with(@href, 'mailto:'))"
        " and not(starts-with(@href, 'tel:'))]"
    )
    # the one script is the page's own, word for word (to_html.SCROLL_SCRIPT); none of the text's
    scripts = root.xpath("//script")
    assert len(scripts) == 1 and scripts[0].text == SCROLL_SCRIPT and not scripts[0].attrib
    # a phone number: digits only in the link
    for link in root.xpath("//*[starts-with(@href, 'tel:')]"):
        assert link.tag == "a" and len(link) == 0 and re.fullmatch(r"tel:\+\d{6,15}", link.get("href"))
    # the only other links: an e-mail address of the text to write to, exactly as it stands there
    for link in root.xpath("//*[starts-with(@href, 'mailto:')]"):
        assert link.tag == "a" and len(link) == 0 and link.get("href") == f"mailto:{link.text}"
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", link.text)
    text = " ".join(root.text_content().split())
    assert HOSTILE in text
    assert root.find(".//title").text.startswith("Gesamtkonzept Frühe Hilfen – " + HOSTILE[:40])
    assert LINE_STARTS[0] in text


def test_hostile_text_stays_text_in_the_workbook(hostile):
    import openpyxl

    book = openpyxl.load_workbook(hostile[".xlsx"])
    plan = book["Maßnahmenplan"]
    assert plan["B2"].value == HOSTILE and plan["B2"].data_type == "s"
    assert plan["B3"].value == LINE_STARTS[0] and plan["B3"].data_type == "s"  # '= …' is no formula
    assert not any(c.hyperlink for row in plan.iter_rows() for c in row)


def test_file_names_are_sanitised(hostile_build):
    assert hostile_build[".docx"].name == "Gesamtkonzept_boese-Name_2.0.docx"
    assert hostile_build[".docx"].parent.name == "out"


def test_hostile_text_appears_literally_in_word(hostile_build):
    document = Document(str(hostile_build[".docx"]))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.count(HOSTILE) >= 2  # description paragraph and title-page subtitle
    assert f"Zweiter Absatz {HOSTILE}" in paragraphs
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert HOSTILE in cells
    assert document.sections[-1].header.paragraphs[0].text.startswith(HOSTILE)
    assert document.core_properties.title.startswith(f"Gesamtkonzept Frühe Hilfen – {HOSTILE[:60]}")
    [logo] = document.paragraphs[0]._p.xpath(".//wp:docPr")
    assert logo.get("descr") == f"Logo – {HOSTILE}"


def test_hostile_text_appears_literally_in_pdf(hostile_build):
    reader = PdfReader(str(hostile_build[".pdf"]))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for token in TOKENS:
        assert token in text, token
    assert "root:x:0:0" not in text
    assert reader.metadata.title.endswith(HOSTILE)
    figures = tagged_figures(reader, reader.trailer["/Root"]["/StructTreeRoot"])
    assert (f"Logo – {HOSTILE}", 0) in figures  # the logo's alternative text, literally
    assert len(reader.pages) > 20  # '#set page(width: 1cm)' did not change the layout


@pytest.mark.slow
def test_same_inputs_give_identical_bytes(concept_files, tmp_path):
    again = {p.suffix: p for p in build(EXAMPLE, tmp_path, "konzept").paths}
    assert again[".docx"].read_bytes() == concept_files[".docx"].read_bytes()
    assert again[".pdf"].read_bytes() == concept_files[".pdf"].read_bytes()


@pytest.mark.slow
def test_failed_builds_leave_earlier_outputs_untouched(example_copy, tmp_path):
    out = tmp_path / "out"
    written = build(example_copy, out, "konzept").paths
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in written}

    broken_templates = tmp_path / "vorlagen"
    shutil.copytree(TEMPLATE_DIR, broken_templates)
    (broken_templates / "konzept" / "99_kaputt.html.j2").write_text("<h1>x</h1>\n{{ k.gibt_es_nicht }}\n")
    with pytest.raises(TemplateFailure):
        build(example_copy, out, "konzept", broken_templates)

    path = example_copy / "massnahmen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: laufend", "status: x", 1))
    with pytest.raises(InvalidInput):
        build(example_copy, out, "konzept")

    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in written} == before
    left = sorted(p.name for p in out.iterdir() if p.name != LOCK_NAME)  # no temporary files
    assert left == sorted(p.name for p in written)


def test_template_errors_name_template_and_line(concept, tmp_path):
    shutil.copytree(TEMPLATE_DIR, tmp_path / "vorlagen")
    (tmp_path / "vorlagen" / "konzept" / "99_kaputt.html.j2").write_text(
        "<h1>Anhang</h1>\n<p>ok</p>\n<p>{{ k.municipality.gibt_es_nicht }}</p>\n"
    )
    with pytest.raises(TemplateFailure) as error:
        render_concept(concept, tmp_path / "vorlagen")
    assert "99_kaputt.html.j2:3" in str(error.value)
    assert "gibt_es_nicht" in str(error.value)


@pytest.mark.parametrize(
    "template",
    [
        "{{ k.measures.append(1) }}\n",
        # the sandbox remembers what is safe by type and name: a safe name of the same type first
        # does not let the unsafe one through
        "{{ k.measures.index(k.measures[0]) }}{{ k.measures.append(1) }}\n",
        "{{ k.municipality.name }}{{ k.municipality.__class__ }}\n",
    ],
)
def test_templates_cannot_modify_the_model(concept, tmp_path, template):
    shutil.copytree(TEMPLATE_DIR, tmp_path / "vorlagen")
    (tmp_path / "vorlagen" / "konzept" / "99_kaputt.html.j2").write_text(template)
    with pytest.raises(TemplateFailure):
        render_concept(concept, tmp_path / "vorlagen")
    assert len(check_folder(EXAMPLE).concept.measures) == len(concept.measures)


def test_sparse_municipality_renders(inputs, raw_inputs):
    """Optional parts left out (no decisions, staff, budgeted effort, costs, papers; one year):
    every chapter still reads as a sentence."""
    for name in [n for n in inputs.texts if n.startswith("vorlagen/")]:
        inputs.remove(name)

    def committees(data):
        data["beschluesse"] = []
        for committee in data["gremien"]:
            committee["berichte"] = []
            committee["sitzungen"] = []

    def resources(data):
        data["haushalt"] = data["haushalt"][:1]
        data["aufwand"] = [e for e in data["aufwand"] if e["jahr"] == 2026 and e["fuer"] == "netzwerkkoordination"]
        for expense in data["aufwand"]:
            expense.pop("stelle", None)
        data["ertraege"] = []
        data["personal"] = []
        data["netzwerkaufwand"] = []

    def measures(data):
        for measure in data["massnahmen"]:
            measure.pop("beteiligte", None)

    def municipality(data):
        data["kommune"].pop("kinder_unter_3_sgb2", None)
        data["konzept"]["mitwirkende"] = []
        data["konzept"].pop("beteiligungsprozess", None)
        data["konzept"]["fortschreibung"]["turnus_jahre"] = 1
        data["leitbild"] = {"bezug_nzfh": True}

    inputs.edit("gremien.yaml", committees).edit("ressourcen.yaml", resources)
    inputs.edit("massnahmen.yaml", measures).edit("kommune.yaml", municipality)
    html = render_concept(inputs.check().concept).body_html
    text = " ".join(lxml.html.fromstring(html).text_content().split())
    assert "Zu den Frühen Hilfen liegen bisher keine eigenen Beschlüsse der Gremien vor." in text
    assert "jährlich fortgeschrieben" in text
    assert "bisher kein Bericht" in text
    assert "Erträge Dritter sind nicht eingeplant" in text
    kept = [
        e
        for e in raw_inputs["ressourcen.yaml"]["aufwand"]
        if e["jahr"] == 2026 and e["fuer"] == "netzwerkkoordination"
    ]
    spent = euro(sum(Decimal(str(e["betrag"])) for e in kept)).replace("\u00a0", " ")
    assert f"Im Jahr 2026 (Haushalt beschlossen) beträgt der Aufwand {spent}, ohne Erträge." in text
    assert "Erträge: Zuwendungen und Erstattungen" not in text  # no empty table of income


HOLD_LOCK = """
import sys
from decimal import Decimal
from pathlib import Path
from pipeline.export.files import output_lock
with output_lock(Path(sys.argv[1])):
    print("gesperrt", flush=True)
    sys.stdin.readline()
"""


def _hold_lock(folder):
    """Another process that holds the folder's build lock until told to stop."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder)],
        cwd=ROOT,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert holder.stdout.readline() == "gesperrt\n"
    return holder


def test_second_build_into_the_same_folder_stops_with_a_clear_message(tmp_path):
    out = tmp_path / "out"
    holder = _hold_lock(out)
    earlier = out / "Gesamtkonzept_Musterkreis_2.0.pdf"
    earlier.write_bytes(b"frueherer Stand")
    try:
        second = subprocess.run(
            [sys.executable, "-m", "pipeline", "build", str(EXAMPLE), "-o", str(out)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    finally:
        holder.communicate("fertig\n")
    assert second.returncode == 1
    assert f"Fehler: Im Ordner {out} läuft bereits ein Build (seit " in second.stderr
    assert "Bitte warten, bis er fertig ist" in second.stderr
    assert "Traceback" not in second.stderr
    assert earlier.read_bytes() == b"frueherer Stand"
    assert sorted(p.name for p in out.iterdir()) == sorted([LOCK_NAME, earlier.name])
    with output_lock(out):  # released when the first one finished
        pass


@pytest.mark.slow
def test_two_builds_at_once_leave_intact_files(concept_files, tmp_path):
    """However the two interleave, each one finishes or is turned away, and the files that
    remain are exactly those of a single build."""
    out = tmp_path / "out"
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = [pool.submit(build, EXAMPLE, out, "konzept") for _ in range(2)]
    outcomes = [type(run.exception()).__name__ if run.exception() else "fertig" for run in runs]
    assert "fertig" in outcomes and set(outcomes) <= {"fertig", "BuildLocked"}
    for path in concept_files.values():
        assert (out / path.name).read_bytes() == path.read_bytes()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [LOCK_NAME, "manifest.json", *(p.name for p in concept_files.values())]
    )


def test_a_lock_left_by_a_crashed_build_does_not_block(tmp_path):
    holder = _hold_lock(tmp_path)
    holder.kill()
    holder.wait()
    assert (tmp_path / LOCK_NAME).exists()
    with output_lock(tmp_path), pytest.raises(BuildLocked, match="läuft bereits ein Build"), output_lock(tmp_path):
        pass  # the first lock is taken (the crash left none behind); the second one is refused


def test_hostile_paper_text_appears_literally(hostile_paper):
    assert hostile_paper.name == "JHA-2026-030_Kreistag.docx"
    document = Document(str(hostile_paper))
    paragraphs = [p.text for p in document.paragraphs]
    assert HOSTILE in paragraphs  # subtitle, summary and first proposal point
    assert paragraphs.count(HOSTILE) >= 3
    reader = PdfReader(str(hostile_paper.with_suffix(".pdf")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for token in TOKENS:
        assert token in text, token
    assert "../../JHA/2026/<030>" in text
    record = json.loads(hostile_paper.with_suffix(".oparl.json").read_text(encoding="utf-8"))
    assert record["data"][0]["name"] == HOSTILE
    assert record["data"][0]["reference"] == "../../JHA/2026/<030>"


def test_line_start_markup_in_cells_and_list_items_stays_literal(hostile_build):
    """'= …', '- …', '+ …', '/ …' and '1. …' at the start of a table cell or list item are text."""
    reader = PdfReader(str(hostile_build[".pdf"]))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for start in LINE_STARTS:
        assert start in text, start
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    chapters = chapter_templates(TEMPLATE_DIR, "konzept")  # the example has every chapter
    assert len(top) == len(chapters) and not any("Willkommensbesuche" in t for t in top)
