"""Large municipalities and fixed costs: the fast YAML reader reads exactly what the strict one
reads, the size limit is set in kommune.yaml, the Zuständigkeitsmatrix of a very large plan is
split into tables a page can hold, and `validate` loads none of the converters."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.load import load_folder
from pipeline.load.yaml_source import MAX_FILE_BYTES, StrictLoader, _parse, parse_yaml, read_fast
from pipeline.render.provenance import MAX_SOURCES, InputLocation, TextIndex, _inputs_in, _outermost, text_index

from .conftest import EXAMPLE, ROOT, edit_yaml, example_texts, three_times_the_measures

INPUT_FOLDERS = [EXAMPLE, ROOT / "inputs" / "neuhafen"]


# --- reading YAML ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(example_texts()))
def test_the_fast_reader_reads_what_the_strict_one_reads(name):
    """Data, and line and column of every value and key, are the same as the pure-Python
    reader's (the one every message is worded for)."""
    text = (EXAMPLE / name).read_text(encoding="utf-8")
    fast = read_fast(name, text)
    strict, expected = _parse(StrictLoader, name, text)
    assert yaml.__with_libyaml__, "PyYAML ohne libyaml: der schnelle Leser fehlt"
    assert fast is not None and strict is not None and expected == []
    assert fast.data == strict.data
    assert fast.value_positions == strict.value_positions
    assert fast.key_positions == strict.key_positions


SCALARS = """\
titel: "Zitat: ja"
leer:
nichts: ~
ja: yes
aus: Off
zahl: 1_000
hex: 0x1F
minus: -12
komma: 1.5
tausend: 80.400
oktal: 0750
telefon: 01234567
sechzig: 1:30
gleitend: 1_000.5
nullwert: 0
datum: 2026-10-15
zeit: 2026-10-15 10:30:00
liste: [1, "2", drei, {a: b}]
block: |
  Zeile eins
  Zeile zwei
gefaltet: >
  ein
  Satz
'einfach': 'it''s'
tief:
  - - - x
"""


def test_the_fast_reader_reads_every_kind_of_plain_value_as_the_strict_one():
    fast = read_fast("t.yaml", SCALARS)
    strict, problems = _parse(StrictLoader, "t.yaml", SCALARS)
    assert fast is not None and strict is not None and problems == []
    assert fast.data == strict.data
    assert fast.data["tausend"] == "80.400"  # German thousands stay text
    # what YAML 1.1 reads as octal, hexadecimal, base 60 or with underscores stays as written: a Betrag
    # 0750 became 488 € (review with hostile input); plain integers stay numbers
    assert [fast.data[k] for k in ("oktal", "telefon", "sechzig", "gleitend", "zahl", "hex")] == [
        "0750",
        "01234567",
        "1:30",
        "1_000.5",
        "1_000",
        "0x1F",
    ]
    assert (fast.data["minus"], fast.data["nullwert"]) == (-12, 0)
    assert fast.value_positions == strict.value_positions
    assert fast.key_positions == strict.key_positions


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "1: eins\n",
        "a: 1\n---\nb: 2\n",
        "a: 2026-02-30\n",
        "",
        "# nur ein Kommentar\n",
        "a: " + "[" * 40 + "]" * 40 + "\n",
    ],
)
def test_the_fast_reader_leaves_what_it_is_unsure_of_to_the_strict_one(text):
    """An alias, a tag, a duplicate key, a merge key, a key that is no word, a second document,
    an impossible date, an empty file, deep nesting: the strict reader reads these and words
    the message."""
    assert read_fast("t.yaml", text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: ein\twort\n", "1:7: Die Datei ist kein gültiges YAML: Tabulatorzeichen"),  # libyaml would take it
        ("a: &x 1\nb: *x\n", "1:4: Die Datei ist kein gültiges YAML: '&x' ist für YAML ein Anker, kein Text"),
        ("a: !!str 1\n", "1:4: Die Datei ist kein gültiges YAML: Sonder-Tags wie '!!str'"),
        ("a: 1\na: 2\n", "2:1: Das Feld 'a' steht doppelt"),
    ],
)
def test_what_plain_yaml_never_needs_is_still_refused_where_it_stands(text, expected):
    source, problems = parse_yaml("t.yaml", text.encode("utf-8"))
    assert [str(p) for p in problems][0].startswith(f"t.yaml:{expected}")


def test_kommune_yaml_raises_the_size_limit_of_the_other_files(example_copy):
    big = "# " + "x" * (MAX_FILE_BYTES + 1024) + "\n"
    (example_copy / "netzwerk.yaml").write_text(big + (EXAMPLE / "netzwerk.yaml").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["validate", str(example_copy)])
    assert result.exit_code == 1
    assert "netzwerk.yaml:1:1: Die Datei ist größer als 2048 KiB." in result.output
    assert "pruefung: dateigroesse_mib" in result.output  # says how to raise it

    edit_yaml(example_copy, "kommune.yaml", lambda d: d.setdefault("pruefung", {}).update(dateigroesse_mib=3))
    result = CliRunner().invoke(main, ["validate", str(example_copy)])
    assert result.exit_code == 0, result.output

    _loaded, problems = load_folder(example_copy)
    assert problems == []


@pytest.mark.parametrize("value", [0, 65, "viel"])
def test_a_size_limit_out_of_range_is_an_error_at_its_line_and_the_default_stays(example_copy, value):
    edit_yaml(example_copy, "kommune.yaml", lambda d: d.setdefault("pruefung", {}).update(dateigroesse_mib=value))
    result = CliRunner().invoke(main, ["validate", str(example_copy)])
    assert result.exit_code == 1
    line = next(
        n
        for n, t in enumerate((example_copy / "kommune.yaml").read_text().splitlines(), 1)
        if "dateigroesse_mib" in t
    )
    assert f"kommune.yaml:{line}:" in result.output and "pruefung.dateigroesse_mib" in result.output


# --- lookups that grew with the square of the input ---------------------------------------------


def test_the_index_of_input_texts_finds_what_a_search_through_all_of_them_finds(concept):
    """Provenance finds the YAML strings in a block by their first characters; the result is
    the one a search through every string gives."""
    loaded, _ = load_folder(EXAMPLE)
    index = text_index(loaded)
    assert isinstance(index, TextIndex)
    plain = dict(index)
    strings = list(plain)
    samples = [
        strings[0],
        f"Text davor {strings[3]} und danach {strings[7][:-1]}",
        " ".join(strings[10:20]),
        "nichts",
    ]
    for text in samples:
        assert _inputs_in(text, index) == _inputs_in(text, plain)


def test_strings_that_begin_alike_are_all_found_by_the_index():
    """Many inputs begin alike ('Familienhebammen …', ids 'familien-…'); the index groups them
    by their next characters and still finds every one, short and long, that a block holds."""
    location = InputLocation("massnahmen.yaml", "massnahmen[1].titel", 3)
    strings = [f"Familienhebammen im Sozialraum {n}" for n in range(40)]
    strings += [f"familien-{n}" for n in range(40)] + ["Familien", "Familienhebammen", "Familienhebammen im"]
    strings += ["Familienhebammen im Sozialraum 1 und 2 gemeinsam", "Familienzentrum Nord"]
    index = TextIndex({s: [location] for s in strings})
    plain = dict(index)
    texts = [
        "Die Familienhebammen im Sozialraum 17 und die Familienhebammen im Sozialraum 1 und 2 gemeinsam.",
        "Kennungen familien-3, familien-39 und familien-4 sowie das Familienzentrum Nord",
        "Familienhebamme im Sozialraum 5",
    ]
    for text in texts:
        word_starts = [i for i in range(len(text)) if i == 0 or not text[i - 1].isalnum() or not text[i].isalnum()]

        def ends_a_word(end: int, text: str = text) -> bool:
            return end >= len(text) or not (text[end].isalnum() and text[end - 1].isalnum())

        assert index.within(text) == [
            s for s in plain if any(text.startswith(s, i) and ends_a_word(i + len(s)) for i in word_starts)
        ]
        assert _inputs_in(text, index) == _inputs_in(text, plain)
    assert "Familienhebammen im Sozialraum 17" in index.within(texts[0])
    assert "familien-39" in index.within(texts[1]) and "familien-3" in index.within(texts[1])


def test_a_block_names_the_same_sources_when_it_stops_looking_early():
    """A block of thousands of values (a row naming every measure) stops comparing them once no
    later one could change its sources; the sources are those of comparing every value: the
    longest, none inside another, the document's own file's first."""
    rng = random.Random(7)
    place = InputLocation("vorlagen/v1.yaml", "vorlage.titel", 2)
    words = ["Familie", "Hebamme", "Lotsin", "Netz", "Kita", "Amt"]
    for _ in range(400):
        values = {" ".join(rng.choices(words, k=rng.randint(1, 4))) for _ in range(rng.randint(0, 12))}
        found = sorted(values, key=len, reverse=True)
        own = {value: [place] if rng.random() < 0.3 else [] for value in found}
        whole: list[str] = []
        for value in found:
            if not any(value in longer for longer in whole):
                whole.append(value)
        expected = [v for v in whole if own[v]] + [v for v in whole if not own[v]]
        assert _outermost(found, own) == expected[:MAX_SOURCES]


def test_a_very_large_plan_splits_the_matrix_into_tables_a_page_holds(inputs):
    """Up to 30 measures one table as before; more: tables of at most 30 measures, each with
    the actors that lead or join one of them – every mark once, nothing lost."""
    single = inputs.check().concept
    assert [t.numbers for t in single.responsibility_tables] == [tuple(range(1, len(single.measures) + 1))]
    assert [a for a, _ in single.responsibility_tables[0].rows] == single.actors_in_matrix

    big = inputs.edit("massnahmen.yaml", three_times_the_measures).check().concept
    measures = yaml.safe_load(inputs.text("massnahmen.yaml"))["massnahmen"]
    tables = big.responsibility_tables
    assert len(measures) == 63 and len(tables) == 3
    assert [len(t.numbers) for t in tables] == [21, 21, 21]
    marks = {}
    for table in tables:
        for actor, cells in table.rows:
            assert any(cells), f"{actor.id} hat in dieser Tabelle nichts zu tun"
            for number, cell in zip(table.numbers, cells, strict=True):
                if cell:
                    marks[(actor.id, measures[number - 1]["id"])] = cell
    expected = {(m["federfuehrung"], m["id"]): "F" for m in measures}
    expected |= {(a, m["id"]): "B" for m in measures for a in m.get("beteiligte", []) if a != m["federfuehrung"]}
    assert marks == expected


# --- fixed costs --------------------------------------------------------------------------------


def test_validate_loads_none_of_the_converters():
    """Checking inputs needs neither Jinja nor python-docx, typst or pandoc: they load only
    when a build needs them."""
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from pipeline.cli import main\n"
        f"result = CliRunner().invoke(main, ['validate', {str(EXAMPLE)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'jinja2', 'typst', 'pypandoc'})))\n"
    )
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert process.stdout.strip() == ""


def test_the_benchmark_municipality_validates_like_the_example(tmp_path):
    """scripts/grosse_kommune.py copies measures, actors and expense lines: the copy has the
    measures asked for and no warning the example lacks – the copied sites sign the agreement as
    their originals did, and the indicator counting its partners says so."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from grosse_kommune import scale
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    from pipeline.build import check_folder

    scale(EXAMPLE, tmp_path / "gross", 60)
    checked = check_folder(tmp_path / "gross")
    assert len(checked.concept.measures) == 60
    assert [str(w) for w in checked.warnings] == [str(w) for w in check_folder(EXAMPLE).warnings]
    assert len(checked.concept.bound_by_agreement) > len(check_folder(EXAMPLE).concept.bound_by_agreement)
