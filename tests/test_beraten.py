"""A Fassung a year later (year-later review). Papers already deliberated (vorlagen/beraten/)
still count as reports to the committees, are not built again, and their files stay as the
committees had them (the Kreistag's paper of 2026 was rewritten with the data of 2027); a paper
copied from the earlier one, files replaced by the new Fassung's, an agreement in force."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from pipeline import products
from pipeline.build import build
from pipeline.export.manifest import deliberated_files, stale_files
from pipeline.model.inputs import DELIBERATED_FOLDER
from pipeline.model.papers import paper_views
from pipeline.model.reporting import ReportingView
from pipeline.render import render_products

PAPER = "sa-2026-041-sgb2.yaml"
WARNING = "wurde zuletzt am 03.12.2026 beraten, vor dem Stand dieser Fassung (15.12.2026)"


def _later_stand(inputs):
    """The Stand after the sitting of the SA's paper (03.12.2026), before the Kreistag's (17.12.)."""
    return inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2026-12-15")


def _moved(inputs, name: str = PAPER):
    inputs.texts[f"{DELIBERATED_FOLDER}/{name}"] = inputs.texts.pop(f"vorlagen/{name}")
    return inputs


def test_a_paper_deliberated_before_the_stand_is_pointed_to_the_folder_for_it(inputs):
    warned = [w for w in _later_stand(inputs).warnings() if WARNING in w.message]
    assert [(w.where.file, w.where.field) for w in warned] == [(f"vorlagen/{PAPER}", "vorlage.beratungsfolge")]
    assert "bitte die Datei in den Ordner vorlagen/beraten/ verschieben" in warned[0].message
    # moved there, it is read, counts as a report, and is not built again
    concept = _moved(inputs).check().concept
    assert not [w for w in inputs.warnings() if WARNING in w.message]
    assert "SA/2026/041" in {p.number for p in concept.papers} and concept.deliberated == {"SA/2026/041"}
    assert "SA/2026/041" not in {v.paper.number for v in paper_views(concept)}
    heard = ReportingView(concept, dt.date(2027, 10, 14)).report_dates("sa")
    assert dt.date(2026, 12, 3) in heard


def test_a_deliberated_paper_is_not_rendered_and_its_number_is_handed_on(inputs):
    concept = _moved(_later_stand(inputs)).check().concept
    rendered = render_products(concept, [products.PAPERS.key])
    assert "SA/2026/041" not in {p.view.paper.number for p in rendered.papers}
    assert rendered.papers  # the others are built as before
    assert rendered.deliberated == ("SA/2026/041",)


def _output(tmp_path: Path, files: dict[str, bytes]) -> dict:
    previous: dict = {"dateien": {}}
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        previous["dateien"][name] = {"sha256": hashlib.sha256(data).hexdigest()}
    return previous


def test_the_files_of_a_deliberated_paper_and_its_attachments_stay(tmp_path: Path):
    """Found by the number its OParl record names – not by a file name made from today's inputs
    (the committee renamed since: 'SA-2026-041_Sozialausschuss' now) –, with the attachments the
    record names, each with its Word file; a number with a dot and the Fassung in a name are parts
    of the name (re-check review: 'Drs.' and '…_2.0' were cut at their first dot)."""
    stem = "vorlagen/SA-2026-041_Ausschuss-fuer-Soziales-und-Teilhabe"
    record = {
        "data": [
            {
                "reference": "SA/2026/041",
                "mainFile": {"fileName": "SA-2026-041_Ausschuss-fuer-Soziales-und-Teilhabe.pdf"},
                "auxiliaryFile": [
                    {"fileName": "Massnahmenplan_Musterkreis_2.0.pdf"},
                    {"fileName": "Gesamtkonzept_Musterkreis_2.0.pdf"},
                ],
            }
        ]
    }
    other = {
        "data": [
            {"reference": "Drs. JHA 7/2026", "mainFile": {"fileName": "Drs.-JHA-7-2026_Jugendhilfeausschuss.pdf"}}
        ]
    }
    previous = _output(
        tmp_path,
        {
            f"{stem}.pdf": b"pdf",
            f"{stem}.docx": b"docx",
            f"{stem}.oparl.json": json.dumps(record).encode(),
            "vorlagen/Massnahmenplan_Musterkreis_2.0.pdf": b"1",
            "vorlagen/Massnahmenplan_Musterkreis_2.0.docx": b"2",
            "vorlagen/Massnahmenplan_Musterkreis_2.1.pdf": b"3",  # withdrawn with its paper
            "vorlagen/Drs.-JHA-7-2026_Jugendhilfeausschuss.pdf": b"4",
            "vorlagen/Drs.-JHA-7-2026_Jugendhilfeausschuss.oparl.json": json.dumps(other).encode(),
            "Gesamtkonzept_Musterkreis_2.0.pdf": b"5",
        },
    )
    kept = deliberated_files(tmp_path, previous, ("SA/2026/041",))
    assert kept == {
        f"{stem}.pdf",
        f"{stem}.docx",
        f"{stem}.oparl.json",
        "vorlagen/Massnahmenplan_Musterkreis_2.0.pdf",
        "vorlagen/Massnahmenplan_Musterkreis_2.0.docx",
        "Gesamtkonzept_Musterkreis_2.0.pdf",
    }
    new = {"vorlagen/Massnahmenplan_Musterkreis_2.2.pdf": b"x"}
    assert stale_files(tmp_path, new, previous, ("vorlagen",), kept) == [
        "vorlagen/Massnahmenplan_Musterkreis_2.1.pdf",
        "vorlagen/Drs.-JHA-7-2026_Jugendhilfeausschuss.pdf",
        "vorlagen/Drs.-JHA-7-2026_Jugendhilfeausschuss.oparl.json",
    ]
    # a number with a dot is found by its record too
    assert "vorlagen/Drs.-JHA-7-2026_Jugendhilfeausschuss.pdf" in deliberated_files(
        tmp_path, previous, ("Drs. JHA 7/2026",)
    )
    # a record that cannot be read: every earlier file stays rather than the one a committee decided on going
    (tmp_path / f"{stem}.oparl.json").write_text("{kaputt", encoding="utf-8")
    assert deliberated_files(tmp_path, previous, ("SA/2026/041",)) == set(previous["dateien"])


@pytest.mark.slow
def test_a_later_fassung_leaves_the_deliberated_papers_files_as_they_were(inputs, tmp_path):
    """Built once with the SA's paper among the papers, then a Fassung later with it under
    vorlagen/beraten/: its Word, PDF and OParl files and the Maßnahmenplan it had stay byte for
    byte; the other papers are built anew."""
    output = tmp_path / "ausgabe"
    build(inputs.save(tmp_path / "vorher"), output, only=products.PAPERS.key)
    stem = output / "vorlagen" / "SA-2026-041_Ausschuss-fuer-Soziales-und-Teilhabe"
    record = json.loads(stem.with_suffix(".oparl.json").read_text(encoding="utf-8"))
    attachments = [f["fileName"] for f in record["data"][0]["auxiliaryFile"]]
    assert "Massnahmenplan_Musterkreis_2.0.pdf" in attachments
    had = {
        p: p.read_bytes()
        for p in output.rglob("*")
        if p.is_file() and p.name.startswith(("SA-", "Massnahmenplan"))
    }
    assert len(had) == 5  # the paper's Word, PDF and OParl files, the Maßnahmenplan's Word and PDF
    # the GA's paper, heard on 19.11.2026, is deliberated too: left in vorlagen/, the build would stop
    later = _moved(_moved(_later_stand(inputs)), "ga-2026-027-gesundheitswesen.yaml")
    later.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    build(later.save(tmp_path / "nachher"), output, only=products.PAPERS.key)
    assert {p: p.read_bytes() for p in had} == had
    assert (output / "vorlagen" / "Massnahmenplan_Musterkreis_2.1.pdf").is_file()


def test_a_paper_taken_over_from_the_earlier_fassung_is_pointed_out(inputs):
    """The new Beschlussvorlage copied from last year's: „Über die Fassung 2.0 entscheidet der
    Kreistag“ in the paper for 2.1 (year-later review); history ('hat … beschlossen') is no slip."""
    assert not [w for w in inputs.warnings() if "Fassung" in w.message]
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    found = [(w.where.file, w.where.field, w.message) for w in inputs.warnings() if "Fassung 2.1" in w.message]
    paper = "vorlagen/jha-2026-030-gesamtkonzept.yaml"
    assert (
        paper,
        "vorlage.begruendung",
        "Hier soll über die Fassung 2.0 entschieden werden; das Konzept ist die Fassung 2.1. Aus der Vorlage der "
        "früheren Fassung übernommen? Bitte Fassung und Jahreszahlen im Text prüfen.",
    ) in found
    # nowhere 2.1: the whole paper is the earlier one's
    assert any(f == paper and "nennt die Fassung 2.0, nirgends aber die Fassung 2.1" in m for f, _, m in found)
    # once the paper names this Fassung, only the sentence on the decision remains
    inputs.edit_paper(
        "jha-2026-030-gesamtkonzept.yaml",
        lambda p: p.update(betreff=p["betreff"].replace("Fassung 2.0", "Fassung 2.1")),
    )
    found = [
        (w.where.field, w.message[:49])
        for w in inputs.warnings()
        if "Fassung 2.1" in w.message and w.where.file.startswith("vorlagen/")
    ]
    decided = "Hier soll über die Fassung 2.0 entschieden werden"
    assert found == [("vorlage.beschlussvorschlag[0]", decided), ("vorlage.begruendung", decided)]


def test_a_file_of_the_earlier_fassung_is_said_to_be_replaced():
    """'entfernt (keine Vorlage mehr dazu)' for the Maßnahmenplan 2.0 read as if the paper were
    gone; the 2.1 file replaces it (year-later review)."""
    from pipeline.terminal import removal_line

    folder = Path("out") / "vorlagen"
    written = [folder / "Massnahmenplan_Musterkreis_2.1.pdf", folder / "JHA-2027-031_Kreistag.pdf"]
    assert removal_line(folder / "Massnahmenplan_Musterkreis_2.0.pdf", written, True) == (
        f"entfernt (ersetzt durch Massnahmenplan_Musterkreis_2.1.pdf): {folder / 'Massnahmenplan_Musterkreis_2.0.pdf'}"
    )
    gone = folder / "GA-2026-027_Ausschuss-fuer-Gesundheit.pdf"
    assert removal_line(gone, written, True) == f"entfernt (keine Vorlage mehr dazu): {gone}"
    agreement = Path("out") / "kooperationsvereinbarung" / "Kooperationsvereinbarung_Musterkreis_2.0.pdf"
    assert removal_line(agreement, written, False) == f"entfernt (wird nicht mehr erzeugt): {agreement}"


def test_an_agreement_in_force_at_the_stand_is_no_longer_to_be_signed(inputs):
    from .test_verfahren import concept_chapters_text

    before = concept_chapters_text(inputs.check().concept, "konzept/08_netzwerk.html.j2")
    assert "Unterzeichnen sollen die neue Vereinbarung zehn Organisationen" in before
    later = inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14").check().concept
    text = concept_chapters_text(later, "konzept/08_netzwerk.html.j2")
    assert "Unterzeichnen sollen" not in text
    assert (
        "Sie gilt seit dem 01.07.2027; Vertragsparteien sind zehn Organisationen; ihre Unterschriften binden"
        in text
    )


def _adopted_2027(data):
    for year in data["haushalt"]:
        if year["jahr"] == 2027:
            year["stand"] = "beschlossen"
            year["beschlossen_am"] = "2026-12-17"


def test_a_text_on_a_draft_budget_adopted_since_is_pointed_out(inputs):
    """„im Entwurf des Haushalts 2027 veranschlagt“ in October 2027, the Haushalt 2027 adopted
    (year-later review); a paper already deliberated says what it said then, unremarked."""
    assert not [w for w in inputs.warnings() if "Entwurf des Haushalts" in w.message]
    inputs.edit("ressourcen.yaml", _adopted_2027)
    found = {(w.where.file, w.where.field) for w in inputs.warnings() if "der Haushalt 2027 ist nach" in w.message}
    assert ("massnahmen.yaml", "massnahmen[5].beschreibung") in found
    assert ("gremien.yaml", "beschluesse[4].umsetzungsstand") in found  # 'Haushaltsentwurf 2027'
    assert ("vorlagen/gv-2026-004-ressourcenplanung.yaml", "vorlage.finanzen.erlaeuterung") in found
    _moved(inputs, "gv-2026-004-ressourcenplanung.yaml")
    found = {w.where.file for w in inputs.warnings() if "der Haushalt 2027 ist nach" in w.message}
    assert not [f for f in found if f.startswith(DELIBERATED_FOLDER)] and "massnahmen.yaml" in found


def test_a_grant_still_applied_for_late_in_its_adopted_year_is_asked_about(inputs):
    applied = [
        i for i, e in enumerate(inputs.check().concept.resources.income) if e.applied_for and e.year == 2027
    ]
    assert applied
    inputs.edit("ressourcen.yaml", _adopted_2027)
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    asked = [w for w in inputs.warnings() if "noch als beantragt eingetragen" in w.message]
    assert [w.where.field for w in asked] == [f"ertraege[{i}].beantragt" for i in applied]
    assert "Ist er inzwischen bewilligt oder zugesagt?" in asked[0].message
    # in the first half of the year it may still be on its way
    inputs.replace("kommune.yaml", "stand: 2027-10-14", "stand: 2027-04-14")
    assert not [w for w in inputs.warnings() if "noch als beantragt eingetragen" in w.message]


def test_a_deliberated_papers_sittings_are_its_record_not_a_plan_to_check(inputs):
    """Its sittings may have left gremien.yaml's calendar; the build was refused, a sitting of 2026
    to be moved to 2027 (re-check review)."""
    text = inputs.text(f"vorlagen/{PAPER}").replace("datum: 2026-12-03", "datum: 2026-12-04")
    inputs.write(f"vorlagen/{PAPER}", text)
    assert any("am 04.12.2026 nicht; der nächstgelegene Termin" in p for p in inputs.problems())
    _moved(inputs)
    assert inputs.problems() == []


def test_a_paper_copied_instead_of_moved_is_told_so(inputs):
    inputs.write(f"{DELIBERATED_FOLDER}/{PAPER}", inputs.text(f"vorlagen/{PAPER}"))
    (problem,) = [p for p in inputs.problems() if "SA/2026/041" in p]
    assert (
        "Die Vorlage 'SA/2026/041' liegt zweimal vor: hier und in vorlagen/beraten/sa-2026-041-sgb2.yaml. Ist sie "
        "beraten, bitte die Datei nur in vorlagen/beraten/ behalten und die andere löschen (verschieben, nicht "
        "kopieren)."
    ) in problem, problem


def test_a_fassung_without_a_dot_is_replaced_as_well():
    from pipeline.terminal import removal_line

    folder = Path("out") / "kooperationsvereinbarung"
    old = folder / "Kooperationsvereinbarung_Musterkreis_2026.pdf"
    written = [folder / "Kooperationsvereinbarung_Musterkreis_2027.pdf"]
    assert removal_line(old, written, False) == (
        f"entfernt (ersetzt durch Kooperationsvereinbarung_Musterkreis_2027.pdf): {old}"
    )


@pytest.mark.parametrize(
    ("sentence", "warned"),
    [
        (
            "Der Jugendhilfeausschuss empfiehlt dem Kreistag, das Gesamtkonzept in der Fassung 2.0 zu beschließen.",
            True,
        ),
        ("Der Kreistag beschließt, das Gesamtkonzept in der Fassung 2.0 fortzuschreiben.", True),
        ("Das Gesamtkonzept (Fassung 2.0) wird beschlossen.", True),
        # history, and the earlier Fassung named beside this one (re-check review)
        ("Der Kreistag hat die Fassung 2.0 am 17.12.2026 beschlossen.", False),
        ("Der Kreistag beschließt die Fortschreibung der Fassung 2.0 (Fassung 2.1).", False),
    ],
)
def test_a_decision_on_another_fassung_in_any_usual_words(inputs, sentence, warned):
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1 (Entwurf)"')  # free text: its number counts
    inputs.edit_paper("sa-2026-041-sgb2.yaml", lambda p: p.update(sachverhalt=sentence))
    found = [
        w
        for w in inputs.warnings()
        if w.where.file == f"vorlagen/{PAPER}" and "Fassung 2.0 entschieden" in w.message
    ]
    assert bool(found) == warned, found


def test_a_sachstand_on_the_adopted_fassung_names_it_unremarked(inputs):
    """Until 2.1 is adopted, a Sachstand on the implementation of 2.0 rightly names only 2.0."""
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    inputs.edit_paper(
        "sa-2026-041-sgb2.yaml",
        lambda p: p.update(
            sachverhalt="Grundlage ist das Gesamtkonzept in der Fassung 2.0, die der Kreistag beschlossen hat."
        ),
    )
    assert not [w for w in inputs.warnings() if w.where.file == f"vorlagen/{PAPER}" and "Fassung" in w.message]


@pytest.mark.parametrize(
    "wording",
    [
        "Entwurf des Haushaltsplanes 2027",
        "Haushaltsplan-Entwurf 2027",
        "Entwurf des Kreishaushalts 2027",
        "Entwurf des Doppelhaushalts 2027/2028",
        "Haushaltsentwurf für 2027",
        "Entwurf zum Haushalt 2027",
    ],
)
def test_a_draft_budget_in_other_usual_words(inputs, wording):
    inputs.edit("ressourcen.yaml", _adopted_2027)
    inputs.edit(
        "massnahmen.yaml", lambda d: d["massnahmen"][0].update(beschreibung=f"Die Mittel stehen im {wording}.")
    )
    assert [w.where.field for w in inputs.warnings() if "der Haushalt 2027 ist nach" in w.message].count(
        "massnahmen[0].beschreibung"
    ) == 1


def test_a_grant_of_a_year_gone_by_still_applied_for_is_asked_about(inputs):
    applied = [
        i for i, e in enumerate(inputs.check().concept.resources.income) if e.applied_for and e.year == 2027
    ]
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2028-02-14")
    asked = [w for w in inputs.warnings() if "noch als beantragt eingetragen" in w.message]
    assert [w.where.field for w in asked] == [f"ertraege[{i}].beantragt" for i in applied]
    assert "liegt nach diesem Haushaltsjahr" in asked[0].message


def test_a_measure_cited_by_a_number_that_moved_is_pointed_out():
    """„Familienzentrum Mainbogen (M12)“ after a measure was inserted before it (Hessian year-later
    review: the new Beschlussvorlage then cited the Babytreffs)."""
    import copy

    from .conftest import ROOT, folder_inputs

    city = folder_inputs(ROOT / "inputs" / "neuhafen")
    assert not [w for w in city.warnings() if "nach den Worten von" in w.message]

    def inserted(data):
        extra = copy.deepcopy(data["massnahmen"][0])
        extra.update(id="neu-vorn", titel="Digitale Sprechstunde")
        data["massnahmen"].insert(0, extra)

    (found,) = [w for w in city.edit("massnahmen.yaml", inserted).warnings() if "nach den Worten von" in w.message]
    assert found.where.file == "vorlagen/m-184-2026-gesamtkonzept.yaml"
    assert found.message.startswith(
        "Der Text nennt „(M12)“ nach den Worten von „Übergangstreff und Familienzentrum im Neubauquartier Mainbogen“; "
        "diese Maßnahme ist M13."
    )


def test_an_agreement_in_force_before_the_stand_asks_whether_a_new_one_is_meant(inputs):
    """Built again, its text would follow this Fassung under the old date – a text nobody signed
    (Hessian year-later review); without the section, a deliberated paper that attached it is no
    error (it is not built again)."""
    assert not [w for w in inputs.warnings() if w.where.field == "kooperationsvereinbarung.beginn"]
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    (found,) = [w for w in inputs.warnings() if w.where.field == "kooperationsvereinbarung.beginn"]
    assert found.message.startswith(
        "Die Kooperationsvereinbarung gilt seit dem 01.07.2027, vor dem Stand dieser Fassung (14.10.2027)."
    )
    assert "Gilt die bisherige unverändert weiter, 'fortgeltend: ja' eintragen" in found.message

    def without_agreement(data):
        del data["kooperationsvereinbarung"]

    inputs.edit("netzwerk.yaml", without_agreement)
    attaching = [
        n for n in inputs.texts if n.startswith("vorlagen/") and "kooperationsvereinbarung" in inputs.text(n)
    ]
    assert attaching and any("wird nur erzeugt, wenn netzwerk.yaml" in p for p in inputs.problems())
    for name in attaching:
        _moved(inputs, name.removeprefix("vorlagen/"))
    assert not [p for p in inputs.problems() if "wird nur erzeugt, wenn netzwerk.yaml" in p]


def test_papers_moved_to_another_subfolder_are_said_to_be_unread(inputs, tmp_path):
    """Moved to 'vorlagen/archiv-2026/', papers vanished silently and plan called their reports
    overdue (year-later review)."""
    from pipeline.build import check_folder

    inputs.texts[f"vorlagen/archiv-2026/{PAPER}"] = inputs.texts.pop(f"vorlagen/{PAPER}")
    folder = inputs.save(tmp_path / "kommune")
    (found,) = [w for w in check_folder(folder).warnings if w.where.file == "vorlagen/archiv-2026/"]
    assert found.message.startswith("Dieser Ordner wird nicht gelesen: Seine Vorlagen werden weder erzeugt noch")
    assert "Beratene Vorlagen gehören nach vorlagen/beraten/" in found.message
    # beraten/ itself is read, and says nothing
    (folder / "vorlagen" / "archiv-2026").rename(folder / "vorlagen" / "beraten")
    assert not [w for w in check_folder(folder).warnings if "wird nicht gelesen" in w.message]


def test_the_earlier_fassungs_adopted_paper_is_asked_to_be_moved_not_edited(inputs):
    """Fassung and Stand a year on, the Beschlussvorlage of 2.0 still in vorlagen/ and still named
    in 'beschluss': the warnings asked to check its Fassung and years – to rewrite the paper the
    Kreistag adopted (Saxon year-later review). Now they say where it belongs."""
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    paper = "vorlagen/jha-2026-030-gesamtkonzept.yaml"
    whole = [w.message for w in inputs.warnings() if w.where.file == paper and "nirgends aber" in w.message]
    assert whole == [
        "Die Vorlage nennt die Fassung 2.0, nirgends aber die Fassung 2.1, über die sie entscheiden lässt. Sie wurde "
        "zuletzt am 17.12.2026 beraten: Ist sie die Vorlage der früheren Fassung, bitte sie nach vorlagen/beraten/ "
        "verschieben (dort bleibt sie, wie die Gremien sie hatten) und in kommune.yaml unter 'beschluss' die "
        "Vorlage dieser Fassung eintragen."
    ]
    adoption = [w.message for w in inputs.warnings() if w.where.field == "konzept.beschluss"]
    assert any(
        "ist es die Vorlage einer früheren Fassung, gehört sie nach vorlagen/beraten/" in m for m in adoption
    )


def test_a_build_stops_before_writing_a_new_fassung_over_a_deliberated_paper(inputs, tmp_path):
    """The Fassung 2.1 built into the folder of 2.0, the adopted Beschlussvorlage of 2.0 still in
    vorlagen/: the build rewrote it with the data of 2.1 and removed the agreement it attached,
    with warnings only (Saxon year-later review). Now it stops before writing anything; a paper
    whose sittings are still ahead, or a rebuild of the same Fassung, goes on."""
    from pipeline.export import BuildRecord, papers_overwritten

    output = tmp_path / "out"
    (output / "vorlagen").mkdir(parents=True)
    record_path = "vorlagen/JHA-2026-030_Kreistag.oparl.json"
    (output / record_path).write_text(json.dumps({"type": "Paper", "reference": "JHA/2026/030"}), encoding="utf-8")
    previous = {"fassung": "2.0", "dateien": {record_path: {}}}
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    concept = inputs.check().concept
    papers = render_products(concept, [products.PAPERS.key]).papers
    record = BuildRecord("Landkreis Musterkreis", "2.1", dt.date(2027, 10, 14), "musterkreis", "x")
    found = papers_overwritten(papers, output, previous, record)
    assert [(f.where.file, f.level) for f in found] == [("vorlagen/jha-2026-030-gesamtkonzept.yaml", "Fehler")]
    assert found[0].message.startswith(
        "Die Vorlage JHA/2026/030 wurde zuletzt am 17.12.2026 beraten, vor dem Stand dieser Fassung (14.10.2027); "
        "ihre Dateien im Ausgabeordner hat der Build der Fassung 2.0 geschrieben "
        "(vorlagen/JHA-2026-030_Kreistag.oparl.json). Dieser Build würde sie mit den Angaben der Fassung 2.1 "
        "überschreiben und hat nichts geschrieben. Ist die Vorlage beraten, bitte die Datei nach vorlagen/beraten/ "
        "verschieben"
    )
    assert papers_overwritten(papers, output, {**previous, "fassung": "2.1"}, record) == []
    earlier = dataclasses.replace(record, stand=dt.date(2026, 12, 1))
    assert papers_overwritten(papers, output, previous, earlier) == []


def test_the_attachments_name_their_fassung(inputs):
    """The concept and the Maßnahmenplan attached to the papers of two Fassungen had the same title
    in the list and in the OParl record (Saxon year-later review): they name Fassung and Stand."""
    inputs.replace("kommune.yaml", 'fassung: "2.0"', 'fassung: "2.1"')
    view = next(v for v in paper_views(inputs.check().concept) if v.paper.number == "JHA/2026/030")
    titles = [a.title for a in view.attachments]
    assert "Gesamtkonzept Frühe Hilfen, Fassung 2.1, Stand 15.10.2026" in titles
    assert "Maßnahmenplan Frühe Hilfen, Fassung 2.1, Stand 15.10.2026" in titles
    assert any(t.startswith("Kooperationsvereinbarung") and "Fassung" not in t for t in titles)


def test_an_agreement_that_continues_is_described_but_not_built_again(inputs):
    """Removing the section of an agreement still in force lost its start, term, parties and the
    consent form's paragraph from the concept (Saxon year-later review). 'fortgeltend: ja' keeps
    the concept's description, builds neither the agreement nor its form again and leaves their
    folder to the signed files; a paper may then attach the signed file, not a generated one."""
    from pipeline.render import concept_chapters

    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].update(fortgeltend=True))
    attaching = [
        n
        for n in inputs.texts
        if n.startswith("vorlagen/") and "erzeugt: kooperationsvereinbarung" in inputs.text(n)
    ]
    assert attaching
    assert any("gilt unverändert fort ('fortgeltend: ja' in netzwerk.yaml)" in p for p in inputs.problems())
    for name in attaching:
        _moved(inputs, name.removeprefix("vorlagen/"))
    checked = inputs.check()
    assert not [w for w in checked.warnings if w.where.field == "kooperationsvereinbarung.beginn"]
    concept = checked.concept
    rendered = render_products(concept, [p.key for p in products.PRODUCTS])
    assert not {"kooperationsvereinbarung", "einverstaendniserklaerung"} & set(rendered.attachments)
    assert products.AGREEMENT_FOLDER not in rendered.owned_folders and "vorlagen" in rendered.owned_folders
    network = concept_chapters(concept)["konzept/08_netzwerk.html.j2"]
    assert "Sie gilt seit dem 01.07.2027" in network
    # not 'zu dieser Fassung', not 'ändert sich' of an agreement in force for months
    assert "sie wurde mit einer früheren Fassung des Konzepts abgeschlossen und gilt unverändert fort" in network
    assert "zu dieser Fassung liegt" not in network and "ändert sich:" not in network


def _agreement_in_force(inputs, **settings):
    """Fassung 2.1 a year on: the agreement of 2.0 in force since 01.07.2027, its papers deliberated."""
    inputs.replace("kommune.yaml", "stand: 2026-10-15", "stand: 2027-10-14")
    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].update(fortgeltend=True, **settings))
    for name in [n for n in inputs.texts if n.startswith("vorlagen/")]:
        _moved(inputs, name.removeprefix("vorlagen/"))
    return inputs


def test_once_the_agreement_is_in_force_it_is_what_binds(inputs):
    """„An die bisherige Vereinbarung sind 14 von 22 Akteuren gebunden“ beside „ihre Unterschriften
    binden 18 der 22“ in Fassung 2.1, the agreement in force for months (Saxon year-later review):
    the one in force binds its partners; the actors' dates stay the signatures of the earlier one,
    which binds who did not sign the new one only until its notice takes effect."""
    from pipeline.render import concept_chapters

    before = inputs.check().concept
    earlier = {a.id for a in before.bound_by_agreement}
    concept = _agreement_in_force(inputs).check().concept
    agreement = concept.agreement
    assert agreement is not None and concept.agreement_in_force is agreement
    partners = {a.id for a in agreement.bound_actors}
    assert {a.id for a in concept.bound_now} == partners  # every earlier partner signed the new one
    assert concept.bound_by_label == "Kooperationsvereinbarung"
    text = " ".join(concept_chapters(concept)["konzept/08_netzwerk.html.j2"].split())
    assert "bisherige Vereinbarung sind" not in text and "Bisherige Kooperationsvereinbarung" not in text
    assert f"binden {len(partners)} der {len(concept.actors)} Akteure" in text
    # since when: an earlier partner since its signature, a new one since the start
    dates = dict((a.id, day) for a, day in concept.bound_with_dates)
    new = next(iter(partners - earlier))
    old = next(a for a in concept.actors if a.id in partners & earlier)
    assert dates[new] == dt.date(2027, 7, 1) and dates[old.id] == old.agreement_signed
    assert f"<td>{len(partners)}</td>" in concept_chapters(concept)["konzept/03_ausgangslage.html.j2"]
    # on a day before the start, the earlier agreement's signatures count (an indicator's baseline)
    assert {a.id for a in concept.bound_on(dt.date(2026, 12, 31))} == earlier


def test_who_did_not_sign_the_agreement_in_force_is_bound_by_the_earlier_until_its_notice(inputs):
    from pipeline.render import concept_chapters

    concept = inputs.check().concept
    leaving = next(a for a in concept.bound_by_agreement if a.id in concept.network.agreement.signatories)

    def drop(data):
        data["kooperationsvereinbarung"]["unterzeichnende"].remove(leaving.id)

    inputs.edit("netzwerk.yaml", drop)
    concept = _agreement_in_force(inputs).check().concept
    assert concept.bound_only_by_earlier == [leaving]
    text = " ".join(concept_chapters_text(concept, "konzept/08_netzwerk.html.j2").split())
    assert (
        "Bis die Kündigung der bisherigen Vereinbarung wirksam wird (frühestens zum 31.12.2027), bindet sie noch "
        f"einen Akteur, der die geltende nicht unterzeichnet hat: {leaving.name_in_text}." in text
    )
    # one label, one count: chapter 3 and the table count those the agreement in force binds (diff review)
    assert leaving not in concept.bound_by_this_label
    assert leaving not in [a for a, _ in concept.bound_with_dates]
    partners = len(concept.agreement.bound_actors)
    assert f"<td>{partners}</td>" in concept_chapters(concept)["konzept/03_ausgangslage.html.j2"]
    # after the notice took effect, it binds nobody any more
    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].update(bisherige_endet="2027-09-30"))
    later = inputs.check().concept
    assert later.bound_only_by_earlier == [] and leaving not in later.bound_now


def concept_chapters_text(concept, name: str) -> str:
    import lxml.html

    from pipeline.render import concept_chapters

    return lxml.html.fromstring(f"<div>{concept_chapters(concept)[name]}</div>").text_content()


def test_an_agreement_not_yet_in_force_cannot_continue(inputs):
    """'fortgeltend: ja' on the agreement this Fassung introduces (its start after the Stand): the
    build would never make it (diff review)."""
    inputs.edit("netzwerk.yaml", lambda d: d["kooperationsvereinbarung"].update(fortgeltend=True))
    problems = inputs.problems()
    assert any(
        "netzwerk.yaml" in p and "Diese beginnt erst am 01.07.2027, nach dem Stand (15.10.2026)" in p
        for p in problems
    ), problems
