"""Writes the YAML field reference into README.md (between the two marker lines) from the model.

The model's German aliases and descriptions are the single source, so the README cannot drift:
`python scripts/feldreferenz.py` after changing a field; a test checks the README is current.
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.model.inputs import INPUTS  # noqa: E402
from pipeline.model.paths import PathRule  # noqa: E402

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- feldreferenz:start -->"
END = "<!-- feldreferenz:ende -->"


def _type_name(annotation: typing.Any) -> str:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in typing.get_args(annotation))
    if origin is list:
        return f"Liste von {_type_name(args[0])}"
    if origin is typing.Annotated:
        rule = next((m for m in annotation.__metadata__ if isinstance(m, PathRule)), None)
        if rule is not None:
            return f"Datei im Ordner der Kommune ({rule.listed})"
        meta = " ".join(repr(m) for m in annotation.__metadata__)
        if "Ref(" in meta:
            kind = meta.split("Ref('")[1].split("'")[0]
            return f"Kennung ({kind})"
        return _type_name(args[0])
    if args and origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "Abschnitt"
    return {
        "str": "Text",
        "int": "ganze Zahl",
        "Decimal": "Zahl",
        "date": "Datum (TT.MM.JJJJ oder JJJJ-MM-TT)",
        "bool": "ja/nein",
        "time": "Uhrzeit (SS:MM)",
    }.get(getattr(annotation, "__name__", ""), str(annotation))


def _nested(annotation: typing.Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested(arg)
        if found:
            return found
    return None


def _rows(model: type[BaseModel], prefix: str) -> list[str]:
    rows = []
    for info in model.model_fields.values():
        key = f"{prefix}{info.alias}"
        required = "ja" if info.is_required() else "nein"
        annotation = info.annotation
        if info.metadata:
            annotation = typing.Annotated[annotation, *info.metadata]
        rows.append(f"| `{key}` | {_type_name(annotation)} | {required} | {info.description} |")
        inner = _nested(info.annotation)
        if inner is not None:
            marker = "[]." if typing.get_origin(info.annotation) is list else "."
            rows += _rows(inner, f"{key}{marker}")
    return rows


def reference() -> str:
    parts = []
    for name, model in ((k.name, k.model) for k in INPUTS):
        parts.append(f"#### `{name}`\n")
        parts.append("| Feld | Typ | Pflicht | Bedeutung |\n|---|---|---|---|")
        parts.extend(_rows(model, ""))
        parts.append("")
    return "\n".join(parts)


def update_readme() -> bool:
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n{reference()}\n{END}{tail}"
    changed = new != text
    README.write_text(new, encoding="utf-8")
    return changed


if __name__ == "__main__":
    print("README aktualisiert" if update_readme() else "README war aktuell")
