"""What changed between two Fassungen: `gesamtkonzept diff` and the section in the concept."""

from __future__ import annotations

import copy
import dataclasses
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document

from pipeline.build import build
from pipeline.cli import main
from pipeline.formatting import euro, number, signed_euro

from .conftest import EXAMPLE, edit_yaml

#: How much less the earlier Fassung planned for the Familienbegleitung in 2027.
CUT = 38000


def _budget_2027(folder: Path) -> tuple[Decimal, Decimal]:
    """Aufwand and Zuschussbedarf 2027 of a folder, read from its YAML."""
    data = yaml.safe_load((folder / "ressourcen.yaml").read_text(encoding="utf-8"))
    spent = sum(Decimal(str(e["betrag"])) for e in data["aufwand"] if e["jahr"] == 2027)
    received = sum(Decimal(str(i["betrag"])) for i in data["ertraege"] if i["jahr"] == 2027)
    return spent, spent - received


def _older(folder: Path) -> None:
    """Turn a copy of the example into a plausible earlier Fassung 1.5."""

    def municipality(data):
        data["konzept"].update(fassung="1.5", stand="2025-10-15")

    def measures(data):
        extra = copy.deepcopy(data["massnahmen"][0])
        extra.update(id="elternbriefe-papier", titel="Elternbriefe auf Papier")
        data["massnahmen"].append(extra)
        data["massnahmen"][1]["status"] = "geplant"
        for measure in data["massnahmen"]:
            measure["beteiligte"] = [a for a in measure.get("beteiligte", []) if a != "biss"]

    def network(data):
        for body in data["netzwerkgremien"]:
            body["mitglieder"] = [a for a in body["mitglieder"] if a != "biss"]
        agreement = data["kooperationsvereinbarung"]
        agreement["unterzeichnende"] = [a for a in agreement["unterzeichnende"] if a != "biss"]

    def goals(data):
        data["ziele"][0]["indikatoren"][0]["zielwert"] = 80
        data["ziele"][0]["indikatoren"][0]["zieljahr"] = 2028

    def resources(data):
        expense = next(e for e in data["aufwand"] if e["id"] == "familienbegleitung-2027")
        expense["betrag"] -= CUT

    def actors(data):
        data["akteure"] = [a for a in data["akteure"] if a["id"] != "biss"]

    edit_yaml(folder, "kommune.yaml", municipality)
    edit_yaml(folder, "massnahmen.yaml", measures)
    edit_yaml(folder, "ziele.yaml", goals)
    edit_yaml(folder, "ressourcen.yaml", resources)
    edit_yaml(folder, "akteure.yaml", actors)
    edit_yaml(folder, "netzwerk.yaml", network)
    shutil.rmtree(folder / "vorlagen")


@pytest.fixture
def older(tmp_path) -> Path:
    folder = tmp_path / "fassung-1.5"
    shutil.copytree(EXAMPLE, folder)
    _older(folder)
    return folder


def test_diff_names_added_removed_changed_and_budget(older):
    result = CliRunner().invoke(main, ["diff", str(older), str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Änderungen von Fassung 1.5 (Stand 15.10.2025) zu Fassung 2.0 (Stand 15.10.2026)" in out
    assert "Maßnahmen: 0 neu, 1 entfallen, 2 geändert" in out  # one lost BISS as participant
    assert "  - Elternbriefe auf Papier (elternbriefe-papier)" in out
    assert (
        "  ~ Babylotsendienst im Klinikum Musterstadt (babylotsen): Stand der Umsetzung: geplant → laufend"
    ) in out
    assert "Akteure: 1 neu, 0 entfallen, 0 geändert" in out
    assert "  + Beratungs- und Interventionsstelle bei häuslicher Gewalt (BISS) (biss)" in out
    assert "Ziele: 0 neu, 0 entfallen, 1 geändert" in out
    goal = next(x for x in out.splitlines() if x.startswith("  ~ ") and "(fruehzeitiger-zugang)" in x)
    # an indicator named, with its old and new values (year-later review: only 'Indikatoren' stood there)
    indicator = yaml.safe_load((EXAMPLE / "ziele.yaml").read_text(encoding="utf-8"))["ziele"][0]["indikatoren"][0]
    assert goal.endswith(
        f": Indikator „{indicator['name']}“ (Zielwert: 80 → {number(indicator['zielwert'])}; Jahr, bis zu dem der "
        f"Zielwert erreicht sein soll: 2028 → {indicator['zieljahr']})"
    ), goal
    assert "Zielgruppen" not in out
    (old_spent, old_own), (new_spent, new_own) = _budget_2027(older), _budget_2027(EXAMPLE)
    assert new_spent - old_spent == new_own - old_own == CUT
    spent = next(x for x in out.splitlines() if x.startswith("Aufwand "))
    assert " ".join(
        spent.split()
    ) == f"Aufwand 2027 {euro(old_spent)} → {euro(new_spent)} ({signed_euro(CUT)})".replace("\u00a0", " ")
    own = next(x for x in out.splitlines() if x.startswith("Zuschussbedarf (kommunaler Eigenanteil)"))
    assert f"{euro(old_own)} → {euro(new_own)}".replace("\u00a0", " ") in " ".join(own.split())
    assert not any(x.startswith("Bundesstiftung") for x in out.splitlines())  # what did not move


def test_changed_values_are_written_the_german_way():
    from pipeline.model.changes import shown

    assert shown([{"jahr": 2027, "betrag": 39500, "finanzierung": "kommune-2027"}], "kosten") == (
        "jahr: 2027, betrag: 39.500,00\u00a0€, finanzierung: kommune-2027"
    )
    assert shown(1234) == "1.234" and shown(True) == "ja" and shown(None) == "–"


def test_diff_of_equal_folders_says_so():
    result = CliRunner().invoke(main, ["diff", str(EXAMPLE), str(EXAMPLE)])
    assert result.exit_code == 0
    assert "Keine Änderungen" in result.output


def test_diff_of_a_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "fehlt"), str(EXAMPLE)])
    assert result.exit_code == 2
    assert "existiert nicht" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_concept_lists_the_changes_since_the_earlier_fassung(older, tmp_path):
    written = build(EXAMPLE, tmp_path / "out", "konzept", earlier=older).paths
    document = Document(str(next(p for p in written if p.suffix == ".docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert any(h.endswith("Änderungen gegenüber der Fassung 1.5") for h in headings)
    rows = {
        (r.cells[0].text, r.cells[1].text): r.cells[2].text
        for t in document.tables
        for r in t.rows
        if len(r.cells) == 3
    }
    assert ("entfallen", "Elternbriefe auf Papier") in rows
    changed = rows[("geändert", "Babylotsendienst im Klinikum Musterstadt")]
    assert changed == "Stand der Umsetzung: geplant → laufend"
    budget = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Quelle" and t.rows[0].cells[-1].text == "Veränderung"
    )
    (old_spent, _), (new_spent, _) = _budget_2027(older), _budget_2027(EXAMPLE)
    assert [c.text for c in budget.rows[1].cells] == [
        "Aufwand",
        "2027",
        euro(old_spent),
        euro(new_spent),
        signed_euro(CUT),
    ]


def test_concept_without_comparison_has_no_change_section(concept_files):
    document = Document(str(concept_files[".docx"]))
    assert not any("Änderungen gegenüber" in p.text for p in document.paragraphs)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Test", "-c", "user.email=t@example.org", *args],
        check=True,
        capture_output=True,
    )


def test_diff_reads_git_revisions(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo / "kommune")
    _git(repo, "init", "-q")
    _older(repo / "kommune")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Fassung 1.5")
    shutil.rmtree(repo / "kommune")
    shutil.copytree(EXAMPLE, repo / "kommune")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Fassung 2.0")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", "HEAD~1:kommune", "kommune"])
    assert result.exit_code == 0, result.output
    assert "Änderungen von Fassung 1.5" in result.output
    assert "  - Elternbriefe auf Papier (elternbriefe-papier)" in result.output
    missing = CliRunner().invoke(main, ["diff", "gibtsnicht:kommune", "kommune"])
    assert missing.exit_code == 2
    assert "Die Revision 'gibtsnicht' gibt es in diesem git-Repository nicht." in missing.output


def test_problems_of_the_earlier_fassung_are_marked_as_such(tmp_path):
    broken = tmp_path / "alt"
    shutil.copytree(EXAMPLE, broken)
    edit_yaml(broken, "kommune.yaml", lambda d: d["kommune"].update(einwohner="viele"))
    result = CliRunner().invoke(
        main, ["build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--nur", "konzept", "--vergleich", str(broken)]
    )
    assert result.exit_code == 1
    assert f"[{broken}] kommune.yaml:" in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_outside_the_repository_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(EXAMPLE.parent.parent)
    result = CliRunner().invoke(main, ["diff", f"HEAD:{tmp_path}", str(EXAMPLE)])
    assert result.exit_code == 2
    assert "liegt nicht im git-Repository" in result.output
    assert "Traceback" not in result.output


# --- what a repository holds is not trusted -------------------------------------------------------


def _run(repo: Path, *args: str, stdin: str = "") -> str:
    process = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=t@example.org", *args],
        input=stdin.encode("utf-8"),
        check=True,
        capture_output=True,
    )
    return process.stdout.decode("utf-8").strip()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository holding the example as 'kommune', one commit, as the working folder."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo / "kommune")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Fassung 2.0")
    monkeypatch.chdir(repo)
    return repo


def test_file_names_with_umlauts_and_spaces_are_read(repo):
    """git quotes such names in its usual output; read NUL-separated they stay as they are."""
    papers = repo / "kommune" / "vorlagen"
    (papers / "jha-2026-030-gesamtkonzept.yaml").rename(papers / "JHA März 2026 – Gesamtkonzept.yaml")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Umbenannt")
    result = CliRunner().invoke(main, ["diff", "HEAD:kommune", "kommune"])
    assert result.exit_code == 0, result.output
    assert "Keine Änderungen" in result.output


def test_tree_entries_leading_out_of_the_folder_are_refused(repo, tmp_path, monkeypatch):
    """A crafted commit whose folder holds an entry '..' (git itself never makes one) would
    write kommune/../../boese.yaml beside the temporary folder."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    blob = _run(repo, "hash-object", "-w", "--stdin", stdin="geschrieben: ja\n")
    escape = _run(repo, "mktree", stdin=f"100644 blob {blob}\tboese.yaml\n")
    escape = _run(repo, "mktree", stdin=f"040000 tree {escape}\t..\n")
    folder = _run(repo, "mktree", stdin=_run(repo, "ls-tree", "HEAD:kommune") + f"\n040000 tree {escape}\t..\n")
    top = _run(repo, "mktree", stdin=f"040000 tree {folder}\tkommune\n")
    _run(repo, "update-ref", "refs/heads/boese", _run(repo, "commit-tree", top, "-p", "HEAD", "-m", "boese"))
    for command in (["diff", "boese:kommune", "kommune"], ["build", "kommune", "--vergleich", "boese:kommune"]):
        result = CliRunner().invoke(
            main, [*command, *(["-o", str(tmp_path / "out")] if command[0] == "build" else [])]
        )
        assert result.exit_code == 2, result.output
        assert (
            "Fehler: In 'boese:kommune' gibt es einen Dateinamen, der aus dem Ordner herausführt "
            "('../../boese.yaml')." in result.output
        )
        assert not (temp / "boese.yaml").exists() and not (tmp_path / "boese.yaml").exists()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("revision", ["-x", "--output=/tmp/geschrieben", "--end-of-options"])
def test_revisions_never_reach_git_as_options(repo, revision):
    result = CliRunner().invoke(main, ["diff", "--", f"{revision}:kommune", "kommune"])
    assert result.exit_code == 2
    assert f"Fehler: '{revision}' ist keine Revision. Bitte z. B. 'HEAD~1:kommune'" in result.output


def test_links_in_a_revision_are_refused(repo):
    (repo / "kommune" / "ziele.yaml").unlink()
    (repo / "kommune" / "ziele.yaml").symlink_to("/etc/hostname")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Verweis")
    result = CliRunner().invoke(main, ["diff", "HEAD:kommune", "HEAD~1:kommune"])
    assert result.exit_code == 2
    assert "'ziele.yaml' ist in 'HEAD:kommune' ein symbolischer Verweis" in result.output


def test_a_year_one_fassung_did_not_plan_is_no_rise_from_nothing(inputs):
    """The next Fassung plans a year the earlier did not: 'nicht geplant', not '0,00 € →
    545.900,00 € (+545.900,00 €)', which a councillor read as a rise; the budget adopted since, and
    the decision recorded since, are named too (year-later review)."""
    from pipeline.model.changes import compare

    new = inputs.check().concept

    def earlier(data):
        data["aufwand"] = [e for e in data["aufwand"] if e["jahr"] != 2027]
        data["ertraege"] = [i for i in data["ertraege"] if i["jahr"] != 2027]
        for year in data["haushalt"]:
            year["stand"] = "Entwurf" if year["jahr"] == 2026 else year["stand"]

    def fewer_decisions(data):
        data["beschluesse"] = data["beschluesse"][:-1]

    old_inputs = inputs.edit("ressourcen.yaml", earlier).edit("gremien.yaml", fewer_decisions)
    for name in [n for n in old_inputs.texts if n.startswith("vorlagen/")]:  # the papers of the later one
        old_inputs.remove(name)
    old = old_inputs.check().concept
    changes = compare(old, new)
    spent = next(c for c in changes.budget if c.year == 2027 and c.source == new.budget.terms.expenses)
    assert (spent.old, spent.delta) == (None, None) and spent.new == new.budget.expense_total(2027)
    assert (spent.old_shown, spent.delta_shown) == ("nicht geplant", "–")
    assert [(c.year, c.old, c.new) for c in changes.budget_status] == [(2026, "Entwurf", "beschlossen")]
    decisions = next(k for k in changes.kinds if k.plural == "Beschlüsse")
    assert [d.label for d in decisions.added] == [f"{new.decisions[-1].number} {new.decisions[-1].title}"]
    # the other way round: a year the later Fassung no longer plans
    back = next(c for c in compare(new, old).budget if c.year == 2027 and c.source == new.budget.terms.expenses)
    assert (back.new_shown, back.delta_shown) == ("nicht mehr geplant", "–")
    # each source as the documents name it: the Land by its name (Saxon review: 'Land' in diff)
    assert {c.source for c in changes.budget if c.year == 2027} >= {"Land Niedersachsen", "Krankenkassen"}


def test_a_measure_whose_number_changed_says_so(inputs):
    """A measure inserted mid-list renumbers the ones after it: 'M21' became 'M22' while councils
    and decisions cite the numbers (year-later review)."""
    from pipeline.model.changes import compare

    old = inputs.check().concept

    def inserted(data):
        extra = copy.deepcopy(data["massnahmen"][0])
        extra.update(id="familienbuero", titel="Familienbüro")
        data["massnahmen"].insert(len(data["massnahmen"]) - 1, extra)

    new = inputs.edit("massnahmen.yaml", inserted).check().concept
    measures = next(k for k in compare(old, new).kinds if k.plural == "Maßnahmen")
    last = old.measures[-1]
    assert [(a.id, a.label) for a in measures.added] == [("familienbuero", f"M{len(old.measures)} Familienbüro")]
    count = len(old.measures)
    assert [(c.id, [f.summary for f in c.fields]) for c in measures.changed] == [
        (last.id, [f"Nummer: M{count} → M{count + 1}"])
    ]


def test_a_year_gone_by_no_longer_listed_is_no_cut_and_a_grant_granted_since_is_named(inputs):
    """Fassung 2.1 leaves the finished year 2026 out: no '471.700,00 € → nicht mehr geplant' (read as a
    cut); a grant applied for in 2.0 and granted since is named (re-check review)."""
    from pipeline.model.changes import compare

    old = inputs.check().concept
    applied = next(line for line in old.resources.income if line.applied_for)

    def later(data):
        data["aufwand"] = [e for e in data["aufwand"] if e["jahr"] != 2026]
        data["ertraege"] = [i for i in data["ertraege"] if i["jahr"] != 2026]
        for line in data["ertraege"]:
            if line["id"] == applied.id:
                line["beantragt"] = False
        data["netzwerkaufwand"] = [
            n for n in data["netzwerkaufwand"] if not n.get("aufwand", "").endswith("-2026")
        ]

    new = inputs.edit("ressourcen.yaml", later).replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    changes = compare(old, new.check().concept)
    assert not [c for c in changes.budget if c.year == 2026]
    assert [(c.label, c.year, c.old, c.new) for c in changes.grants] == [
        (applied.label, applied.year, "beantragt", "bewilligt")
    ]


def test_a_changed_field_is_named_without_the_advice_its_description_gives(inputs):
    """'Stand der Umsetzung in Worten', not the fill-in hint after it (Hessian year-later review:
    '…; er steht im Konzept und in jeder Vorlage … – also nicht 'mit dieser Vorlage' schreiben'
    stood in the published concept)."""
    from pipeline.model.changes import compare

    old = inputs.check().concept
    new = (
        inputs.edit("gremien.yaml", lambda d: d["beschluesse"][0].update(umsetzungsstand="Umgesetzt."))
        .check()
        .concept
    )
    decisions = next(k for k in compare(old, new).kinds if k.plural == "Beschlüsse")
    (field,) = decisions.changed[0].fields
    assert field.field == "Stand der Umsetzung in Worten"


def test_measures_that_only_moved_up_together_are_one_row(inputs):
    """Ten of thirteen rows said only 'Nummer: M9 → M10' (Hessian year-later review)."""
    from pipeline.model.changes import compare

    old = inputs.check().concept

    def inserted(data):
        extra = copy.deepcopy(data["massnahmen"][0])
        extra.update(id="familienbuero", titel="Familienbüro")
        data["massnahmen"].insert(1, extra)

    new = inputs.edit("massnahmen.yaml", inserted).check().concept
    measures = next(k for k in compare(old, new).kinds if k.plural == "Maßnahmen")
    count = len(old.measures)
    (row,) = measures.changed
    assert row.label == f"{count - 1} Maßnahmen, von „{old.measures[1].title}“ bis „{old.measures[-1].title}“"
    assert [f.summary for f in row.fields] == [f"Nummern: M2 bis M{count} → M3 bis M{count + 1}"]
    assert [a.label for a in measures.added] == ["M2 Familienbüro"]


def test_a_changed_period_names_the_date_that_moved(inputs):
    """A measure that ended earlier than planned showed only „Zeitraum;“ – both periods together
    were too long to show (Saxon year-later review): the field of the section that changed."""
    from pipeline.model.changes import compare

    old = inputs.check().concept
    index = next(i for i, m in enumerate(old.measures) if m.period.end is not None)
    end = old.measures[index].period.end
    inputs.edit("massnahmen.yaml", lambda d: d["massnahmen"][index]["zeitraum"].update(bis=end.replace(day=1)))
    new = inputs.check().concept
    measures = next(k for k in compare(old, new).kinds if k.plural == "Maßnahmen")
    [changed] = measures.changed
    assert [f.summary for f in changed.fields] == [
        f"Zeitraum, Ende: {end:%d.%m.%Y} → {end.replace(day=1):%d.%m.%Y}"
    ]


def test_settings_beyond_the_items_are_named_with_old_and_new_value(inputs):
    """The agreement's start, the evaluation's date, the decision procedure and a network body
    changed: each is named with old and new value, the Stand and the previous Fassung's date
    (which every Fassung changes) are not (Saxon year-later review: 23.4 said nothing of them)."""
    from pipeline.model.changes import compare

    old = inputs.check().concept
    inputs.replace("kommune.yaml", "beschluss: JHA/2026/030", "beschluss: KT/2027/164")
    inputs.replace("kommune.yaml", "naechste: 2029-06-30", "naechste: 2030-06-30")
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2026-10-20")
    inputs.replace("netzwerk.yaml", "beginn: 2027-07-01", "beginn: 2027-09-01")
    inputs.replace("netzwerk.yaml", "sitzungen_pro_jahr: 4", "sitzungen_pro_jahr: 6")
    inputs.replace("querschnitt.yaml", "zeitpunkt: 2023-05-31", "zeitpunkt: 2027-05-31")
    changes = compare(old, inputs.check().concept)
    settings = next(k for k in changes.kinds if k.plural == "Weitere Festlegungen")
    rows = {row.label: [f.summary for f in row.fields] for row in settings.changed}
    assert rows["Konzept"] == [
        "Fortschreibung, Termin der nächsten Fortschreibung: 30.06.2029 → 30.06.2030",
        "Beschluss über diese Fassung: JHA/2026/030 → KT/2027/164",
    ]
    assert rows["Netzwerk"] == [
        "Netzwerkgremium „Steuerungsgruppe Frühe Hilfen“ (Sitzungen pro Jahr: 4 → 6)",
        "Kooperationsvereinbarung, Tag des Inkrafttretens: 01.07.2027 → 01.09.2027",
    ]
    assert rows["Querschnittsthemen"] == [
        "Dokumentation und Evaluation, Evaluationsvorhaben „Zusammenarbeit im Netzwerk“ "
        "(Wann: 31.05.2023 → 31.05.2027)"
    ]
    assert "Leitbild" not in rows


def test_an_agreement_added_since_is_named_new(inputs):
    from pipeline.model.changes import compare

    new = inputs.check().concept
    paper = "vorlagen/jha-2026-030-gesamtkonzept.yaml"
    for attachment in ("    - erzeugt: kooperationsvereinbarung\n", "    - erzeugt: einverstaendniserklaerung\n"):
        inputs.replace(paper, attachment, "")
    old = inputs.edit("netzwerk.yaml", lambda d: d.pop("kooperationsvereinbarung")).check().concept
    settings = next(k for k in compare(old, new).kinds if k.plural == "Weitere Festlegungen")
    assert [(r.label, [f.summary for f in r.fields]) for r in settings.changed] == [
        ("Netzwerk", ["neu: Kooperationsvereinbarung"])
    ]


def test_a_settings_file_dropped_is_entfallen_and_a_fields_title_is_its_name(inputs):
    """Diff review: a dropped querschnitt.yaml stood as 'geändert | Querschnittsthemen | entfallen',
    'fortgeltend' as 'Kooperationsvereinbarung, Die mit einer früheren Fassung …: nein → ja'."""
    from pipeline.model.changes import compare

    old = inputs.check().concept
    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].update(fortgeltend=True))
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    for name in [n for n in inputs.texts if n.startswith("vorlagen/")]:
        inputs.remove(name)
    new = inputs.check().concept
    settings = next(k for k in compare(old, new).kinds if k.plural == "Weitere Festlegungen")
    network = next(row for row in settings.changed if row.label == "Netzwerk")
    assert "Kooperationsvereinbarung, Fortgeltung: nein → ja" in [f.summary for f in network.fields]
    assert old.cross_cutting is not None
    dropped = dataclasses.replace(new, cross_cutting=None)
    settings = next(k for k in compare(old, dropped).kinds if k.plural == "Weitere Festlegungen")
    assert [r.label for r in settings.removed] == ["Querschnittsthemen"]
    assert "Querschnittsthemen" not in [r.label for r in settings.changed]
