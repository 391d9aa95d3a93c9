"""Paths in the inputs (a logo now, attachments later): a model type that accepts only files
inside the municipality's folder.

Use ``Annotated[Path, *input_file_checks(".png", ".svg")]`` (or, where no static type is
needed, ``input_file(".png", ".svg")``) as a field's type. The check needs the folder, which the
validator passes to pydantic as context (``model_validate(data, context={FOLDER: folder})``);
the model then holds the resolved absolute path. Anything that leaves the folder – ``..``,
absolute paths, symbolic links pointing elsewhere – is refused, so inputs cannot make the
build read arbitrary files. Pictures must also be safe to decode (:mod:`pipeline.model.images`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, GetJsonSchemaHandler, ValidationInfo
from pydantic_core import CoreSchema

from pipeline.model.images import ImageProblem, check_image
from pipeline.model.types import refuse

#: Key of the municipality's folder in pydantic's validation context.
FOLDER = "ordner"

#: Files that are pictures: their pixels and format are checked before anything decodes them.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
#: What the first bytes of a file of each kind look like, and what to call it in messages.
SIGNATURES: dict[str, tuple[bytes, str]] = {
    ".png": (b"\x89PNG\r\n\x1a\n", "PNG-Bild"),
    ".jpg": (b"\xff\xd8\xff", "JPEG-Bild"),
    ".jpeg": (b"\xff\xd8\xff", "JPEG-Bild"),
    ".svg": (b"<svg", "SVG-Bild"),
    ".pdf": (b"%PDF-", "PDF-Dokument"),
}


def _looks_like(suffix: str, head: bytes) -> bool:
    """Content matches the suffix: binary formats by their start, SVG (text) anywhere early."""
    if suffix not in SIGNATURES:
        return True
    signature = SIGNATURES[suffix][0]
    return signature in head if suffix == ".svg" else head.startswith(signature)


def _suffix_pattern(suffixes: tuple[str, ...]) -> str:
    """'.png', '.svg' → a case-insensitive ECMA regex for JSON Schema (which has no flags)."""

    def either_case(suffix: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix[1:])

    return r"\.(" + "|".join(either_case(s) for s in suffixes) + r")$"


@dataclass(frozen=True)
class PathRule:
    """The rule of one path field: allowed suffixes and the largest file accepted."""

    suffixes: tuple[str, ...]
    max_bytes: int

    def check(self, value: Path, info: ValidationInfo) -> Path:
        folder = (info.context or {}).get(FOLDER)
        if folder is None:
            raise RuntimeError("Pfade in den Eingaben brauchen den Ordner der Kommune als Kontext")
        return resolve_inside(Path(folder), value, self)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        shown = handler(schema)
        shown.pop("format", None)
        shown["pattern"] = _suffix_pattern(self.suffixes)
        return shown

    @property
    def listed(self) -> str:
        return ", ".join(self.suffixes)


def input_file_checks(*suffixes: str, max_bytes: int = 5 * 1024 * 1024) -> tuple[AfterValidator, PathRule]:
    """The metadata of a field naming a file in the municipality's folder: the check and its
    rule, for ``Annotated[Path, *input_file_checks(".png")]``, a type that mypy can read."""
    rule = PathRule(tuple(s.lower() for s in suffixes), max_bytes)
    return AfterValidator(rule.check), rule


def input_file(*suffixes: str, max_bytes: int = 5 * 1024 * 1024) -> Any:
    """The type of a field naming a file in the municipality's folder, e.g. a logo."""
    return Annotated[Path, *input_file_checks(*suffixes, max_bytes=max_bytes)]


def resolve_inside(folder: Path, value: Path, rule: PathRule) -> Path:
    """The absolute path of `value` inside `folder`, or a German refusal saying what is wrong."""
    shown = value.as_posix()
    if value.is_absolute() or value.drive:
        raise refuse(f"Bitte den Pfad relativ zum Ordner der Kommune angeben, z. B. 'logo.png', nicht '{shown}'.")
    try:
        root = folder.resolve(strict=True)
        target = (root / value).resolve()
    except (OSError, ValueError, RuntimeError):
        raise refuse(f"Der Pfad '{shown}' ist ungültig.") from None
    # leaving the folder first: '../../etc/passwd' was refused for its type (hostile-input sweep)
    if not target.is_relative_to(root):
        raise refuse(
            f"Der Pfad '{shown}' führt aus dem Ordner der Kommune heraus. Bitte die Datei "
            "in den Ordner legen und ihren Namen angeben."
        )
    suffix = value.suffix.lower()
    if suffix not in rule.suffixes:
        raise refuse(
            f"Dateien vom Typ '{value.suffix or shown}' sind hier nicht vorgesehen. Erlaubt sind: {rule.listed}."
        )
    if not target.is_file():
        reason = "ist ein Ordner, keine Datei" if target.is_dir() else "gibt es nicht"
        raise refuse(f"Die Datei '{shown}' {reason} im Ordner der Kommune.")
    if target.stat().st_size > rule.max_bytes:
        raise refuse(f"Die Datei '{shown}' ist größer als {rule.max_bytes // (1024 * 1024)} MiB.")
    with target.open("rb") as stream:
        head = stream.read(4096)
    if not _looks_like(suffix, head):
        raise refuse(
            f"Der Inhalt von '{shown}' ist kein {SIGNATURES[suffix][1]}, obwohl der Name "
            f"auf '{value.suffix}' endet."
        )
    if suffix in IMAGE_SUFFIXES:
        try:
            check_image(target.read_bytes(), suffix, shown)
        except ImageProblem as problem:
            raise refuse(str(problem)) from None
    if suffix == ".pdf":
        unreadable = pdf_problem(target.read_bytes(), shown)
        if unreadable:
            raise refuse(unreadable)
    return target


def pdf_problem(data: bytes, shown: str) -> str:
    """Why a PDF attached to a paper would not open, '' if nothing tells so: cut off (an interrupted
    download or copy has no end mark). Only the header was checked, and such files went out with the
    council's papers (fuzz review). A protected one is a warning (:func:`is_protected`)."""
    # the last end mark ends the file, give or take a little padding: a file saved for fast web view
    # or updated has an earlier one, and cut off halfway it kept only that (re-check)
    last = data.rfind(b"%%EOF")
    if last < 0 or (len(data) - last > 1024 and data[last + 5 :].strip(b" \t\r\n\x00")):
        return (
            f"Die PDF-Datei '{shown}' ist unvollständig oder beschädigt (ihr Ende fehlt, etwa nach einem "
            "abgebrochenen Herunterladen oder Kopieren). Bitte die Datei neu speichern oder erneut herunterladen."
        )
    return ""


def is_protected(data: bytes) -> bool:
    """Whether a PDF names an /Encrypt dictionary – in its last trailer, or in the first one of a file
    saved for fast web view (diff review): a password, or restrictions only, which every reader
    opens; which of the two, only decrypting would tell."""
    return b"/Encrypt" in data
