"""One pass shows every problem: a wrong value in one entry hides nothing else.

Entries of a list that have type errors are left out and the rest is checked as usual – their
references, the rules across files, and (where the concept can be put together) the warnings –
with every finding numbered and located as the file is written. All on the example in memory."""

from __future__ import annotations

import pytest

from pipeline.errors import InvalidInput


def _all(inputs) -> list[str]:
    """Every finding of a run with errors, errors and warnings, as the CLI prints them."""
    with pytest.raises(InvalidInput) as caught:
        inputs.check()
    return [str(p) for p in caught.value.problems]


def test_a_type_error_hides_no_reference_error_in_the_same_file(inputs):
    inputs.replace("massnahmen.yaml", "status: laufend", "status: läuft")  # massnahmen[0]
    inputs.replace("massnahmen.yaml", "federfuehrung: geburtsklinik\n", "federfuehrung: geburtsklinikk\n")
    line, column = inputs.position_of("massnahmen.yaml", "federfuehrung: geburtsklinikk")
    status_line, status_column = inputs.position_of("massnahmen.yaml", "status: läuft")
    problems = _all(inputs)
    assert any(
        p.startswith(f"massnahmen.yaml:{status_line}:{status_column}: massnahmen[0].status: Der Wert 'läuft'")
        for p in problems
    )
    # numbered and located as written, although massnahmen[0] was left out
    assert (
        f"massnahmen.yaml:{line}:{column}: massnahmen[1].federfuehrung: Akteur 'geburtsklinikk' gibt es "
        "nicht in akteure.yaml. Meinten Sie 'geburtsklinik'?"
    ) in "\n".join(problems)


def test_rules_across_files_run_on_the_entries_that_parsed(inputs):
    inputs.replace("massnahmen.yaml", "status: laufend", "status: läuft")  # massnahmen[0]
    # massnahmen[6], the Familienpatenschaften, led by the volunteers themselves
    inputs.replace("massnahmen.yaml", "federfuehrung: kinderschutzbund", "federfuehrung: familienpatenschaften")
    problems = "\n".join(_all(inputs))
    assert (
        "massnahmen[6].federfuehrung: 'Ehrenamtliche Familienpatinnen und -paten' ist "
        "ehrenamtlich-zivilgesellschaftlich tätig und kann eine Maßnahme nicht federführend verantworten."
    ) in problems


def test_an_entry_left_out_for_its_errors_still_exists_for_references(inputs):
    """'willkommensbesuche' has a wrong status; gremien.yaml and the papers still name it rightly."""
    inputs.replace("massnahmen.yaml", "status: laufend", "status: läuft")
    problems = _all(inputs)
    assert len(problems) == 1, problems
    assert "willkommensbesuche" not in problems[0]


def test_duplicate_ids_are_numbered_as_written(inputs, raw_inputs):
    groups = raw_inputs["zielgruppen.yaml"]["zielgruppen"]
    inputs.replace("zielgruppen.yaml", "geschaetzte_anzahl: 1000", "geschaetzte_anzahl: viele")  # entry 0 out
    inputs.replace("zielgruppen.yaml", f"id: {groups[2]['id']}\n", f"id: {groups[1]['id']}\n")
    problems = "\n".join(_all(inputs))
    assert (
        f"zielgruppen[2].id: Die Kennung '{groups[1]['id']}' ist bereits vergeben (bei zielgruppen[1])."
    ) in problems


def test_warnings_are_reported_alongside_errors(inputs):
    # an error in an entry nobody refers to, a warning in another file
    inputs.replace("netzwerk.yaml", "  - name: Fallunabhängige Netzwerktreffen", "  - name: [5]")
    inputs.replace("ziele.yaml", "istwert: 71", "istwert: 710")
    with pytest.raises(InvalidInput) as caught:
        inputs.check()
    levels = {(p.where.file, p.level) for p in caught.value.problems}
    assert levels == {("netzwerk.yaml", "Fehler"), ("ziele.yaml", "Warnung")}
    warning = next(p for p in caught.value.problems if p.level == "Warnung")
    assert "Ein Anteil in % liegt zwischen 0 und 100; angegeben ist 710." in warning.message
    assert "1 Fehler und 1 Warnung" in str(caught.value)


def test_warnings_also_next_to_an_entry_others_refer_to(inputs):
    """'willkommensbesuche' is named in gremien.yaml and in papers: for the warnings, what refers
    to it is left out as well, and the rest is looked at."""
    inputs.replace("massnahmen.yaml", "status: laufend", "status: läuft")
    inputs.replace("ziele.yaml", "istwert: 71", "istwert: 710")
    with pytest.raises(InvalidInput) as caught:
        inputs.check()
    found = [(p.where.file, p.where.field, p.level) for p in caught.value.problems]
    assert found == [
        ("massnahmen.yaml", "massnahmen[0].status", "Fehler"),
        ("ziele.yaml", "ziele[0].indikatoren[0].istwert", "Warnung"),
    ]


def test_warnings_that_look_for_what_is_missing_wait_for_the_whole_file(inputs):
    """With a measure left out, its goals would look unserved: that warning waits."""
    inputs.replace("netzwerk.yaml", "  - name: Fallunabhängige Netzwerktreffen", "  - name: [5]")
    inputs.edit("massnahmen.yaml", lambda data: data["massnahmen"][0].update(status=5))
    text = inputs.text("massnahmen.yaml")
    assert "willkommensbesuche" in text
    problems = _all(inputs)
    assert not any("trägt keine Maßnahme bei" in p for p in problems), problems


def test_council_rules_wait_for_a_paper_that_parsed_completely(inputs):
    """A consultation left out would make the Beratungsfolge look wrong."""
    name = "vorlagen/jha-2026-030-gesamtkonzept.yaml"
    inputs.edit_paper(
        "jha-2026-030-gesamtkonzept.yaml", lambda paper: paper["beratungsfolge"][0].update(rolle="x")
    )
    problems = _all(inputs)
    assert [p for p in problems if p.startswith(name)] == [
        p for p in problems if p.startswith(name) and "Der Wert 'x' ist nicht vorgesehen" in p
    ], problems
