"""JSON Schemas for editors: generated from the model, committed in inputs/schema, named in the
first line of every example file, and strict enough to flag what the validator refuses."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model.inputs import INPUTS
from pipeline.model.schema import schema_files, schema_name

from .conftest import EXAMPLE, ROOT

SCHEMA_DIR = ROOT / "inputs" / "schema"


def _as_json(value):
    """YAML data as an editor sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _validator(file_name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_name(file_name)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_schemas_are_current():
    fresh = schema_files()
    assert sorted(p.name for p in SCHEMA_DIR.iterdir()) == sorted(fresh)
    for name, data in fresh.items():
        assert (SCHEMA_DIR / name).read_bytes() == data, f"{name} ist veraltet: 'gesamtkonzept schema' ausführen"


def test_schema_command_writes_one_schema_per_input_file(tmp_path):
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema_name(k.name) for k in INPUTS)
    assert (tmp_path / "ziele.schema.json").read_bytes() == (SCHEMA_DIR / "ziele.schema.json").read_bytes()


#: Both examples: the Landkreis and the kreisfreie Stadt.
EXAMPLES = (EXAMPLE, ROOT / "inputs" / "neuhafen")
#: Every example file with the kind of input file it is ('vorlagen/*.yaml' for each paper).
EXAMPLE_FILES = [
    (folder.name, path, kind)
    for folder in EXAMPLES
    for path, kind in [(name, name) for name in (k.name for k in INPUTS) if "*" not in name]
    + [(f"vorlagen/{p.name}", "vorlagen/*.yaml") for p in sorted((folder / "vorlagen").glob("*.yaml"))]
]


@pytest.mark.parametrize(("example", "path", "kind"), EXAMPLE_FILES)
def test_example_names_its_schema_and_satisfies_it(example, path, kind):
    text = (ROOT / "inputs" / example / path).read_text(encoding="utf-8")
    up = "../" * path.count("/")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../{up}schema/{schema_name(kind)}"
    errors = list(_validator(kind).iter_errors(_as_json(yaml.safe_load(text))))
    assert errors == []


@pytest.mark.parametrize(
    ("file_name", "change", "complaint"),
    [
        ("akteure.yaml", lambda d: d["akteure"][0].update(sektr="Bildung"), "sektr"),
        ("massnahmen.yaml", lambda d: d["massnahmen"][0].update(status="läuft"), "läuft"),
        ("ressourcen.yaml", lambda d: d["aufwand"][0].update(betrag=-1), "-1"),
        ("massnahmen.yaml", lambda d: d["massnahmen"][0].pop("federfuehrung"), "federfuehrung"),
        ("kommune.yaml", lambda d: d["kommune"].update(logo="logo.gif"), "logo.gif"),
        ("ziele.yaml", lambda d: d["ziele"][0].update(id="Groß Geschrieben"), "Groß Geschrieben"),
    ],
)
def test_schemas_flag_what_the_validator_refuses(file_name, change, complaint):
    data = _as_json(yaml.safe_load((EXAMPLE / file_name).read_text(encoding="utf-8")))
    change(data)
    messages = [e.message for e in _validator(file_name).iter_errors(data)]
    assert any(complaint in m for m in messages), messages


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for child in node.values():
            yield from _objects(child)
    elif isinstance(node, list):
        for child in node:
            yield from _objects(child)


@pytest.mark.parametrize("file_name", [k.name for k in INPUTS])
def test_every_field_has_a_german_title_and_description(file_name):
    schema = json.loads(schema_files()[schema_name(file_name)])
    for name, definition in schema.get("$defs", {}).items():
        assert definition["title"] != name  # a German title, not the class name
    for obj in _objects(schema):
        assert obj["additionalProperties"] is False
        for key, prop in obj["properties"].items():
            assert prop.get("title") and prop.get("description"), key
            assert prop["title"] != key


def test_choices_are_listed():
    schema = json.loads(schema_files()["massnahmen.schema.json"])
    status = schema["$defs"]["Measure"]["properties"]["status"]
    assert status["enum"] == ["geplant", "laufend", "abgeschlossen"]


def test_the_schema_folder_is_not_taken_for_a_municipality():
    result = CliRunner().invoke(main, ["validate", str(SCHEMA_DIR)])
    assert result.exit_code == 1
    assert "Hier liegt keine der Eingabedateien (kommune.yaml, " in result.output
    assert "Ist das der Ordner einer Kommune, z. B. inputs/musterkreis?" in result.output
    assert result.output.count(".yaml:") == 0
