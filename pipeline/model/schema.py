"""JSON Schemas of the input files, generated from the same model that validates them.

Editors with the YAML language server read them (see the first line of each example file) and
then suggest fields, show their German descriptions and flag mistakes while typing. Every kind
of input file (model.inputs.INPUTS) gets one, so a new input file needs nothing here.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from pipeline.model.inputs import INPUTS
from pipeline.model.types import title_of

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with amounts as plain JSON numbers: a string alternative (which
    pydantic offers for Decimal) would let editors accept 'zwölf' without a word."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        shown: JsonSchemaValue = {"type": "number"}
        self.update_with_validations(shown, schema, self.ValidationsMapping.numeric)
        return shown

    def encode_default(self, dft: Any) -> Any:
        if isinstance(dft, Decimal):
            return int(dft) if dft == dft.to_integral_value() else float(dft)
        return super().encode_default(dft)


def schema_name(file_name: str) -> str:
    """'kommune.yaml' → 'kommune.schema.json'; 'vorlagen/*.yaml' → 'vorlagen.schema.json'."""
    path = Path(file_name)
    return f"{path.parent.name if path.stem == '*' else path.stem}.schema.json"


def _titled(node: Any) -> None:
    """Give every property a German title: pydantic leaves it out next to some references."""
    if isinstance(node, dict):
        for prop in node.get("properties", {}).values():
            if "title" not in prop and "description" in prop:
                prop["title"] = title_of(prop["description"])
        for child in node.values():
            _titled(child)
    elif isinstance(node, list):
        for child in node:
            _titled(child)


def _empty_allowed(node: Any) -> None:
    """Let every optional key be written without a value ('beteiligt:', null in YAML), as the
    validator takes it: the same as leaving the key out."""
    if isinstance(node, dict):
        required = set(node.get("required", ()))
        for key, prop in node.get("properties", {}).items():
            if key in required:
                continue
            if "anyOf" in prop:
                if {"type": "null"} not in prop["anyOf"]:
                    prop["anyOf"].append({"type": "null"})
            elif "$ref" in prop:
                prop["anyOf"] = [{"$ref": prop.pop("$ref")}, {"type": "null"}]
            elif isinstance(prop.get("type"), str) and prop["type"] != "null":
                prop["type"] = [prop["type"], "null"]
                if "enum" in prop and None not in prop["enum"]:
                    prop["enum"].append(None)
        for child in node.values():
            _empty_allowed(child)
    elif isinstance(node, list):
        for child in node:
            _empty_allowed(child)


def file_schema(file_name: str) -> dict[str, Any]:
    """The JSON Schema of one input file, with German titles and no unknown keys allowed."""
    model = next(k.model for k in INPUTS if k.name == file_name)
    schema = model.model_json_schema(by_alias=True, schema_generator=_Generator)
    _titled(schema)
    _empty_allowed(schema)
    return {
        "$schema": DIALECT,
        **schema,
        "title": f"{file_name} – {model.model_config.get('title')}",
        "description": f"Eingabedatei {file_name} des Gesamtkonzepts Frühe Hilfen. Erzeugt mit "
        "'gesamtkonzept schema' aus dem Modell; bitte nicht von Hand ändern.",
    }


def schema_files() -> dict[str, bytes]:
    """File name → bytes of every schema, stable so that a test can compare them."""
    return {
        schema_name(name): (json.dumps(file_schema(name), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        for name in (k.name for k in INPUTS)
    }
