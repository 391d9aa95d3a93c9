"""Stage 3, model: the typed model of a municipality's Frühe Hilfen, the single source of truth.

- :mod:`.types`: value types, references and choices shared by every input file; the text type
  accepts only what the PDF's font can show (:mod:`.fonts`);
- :mod:`.paths`: files named in the inputs, only inside the municipality's folder, and pictures
  checked for pixels and format before anything decodes them (:mod:`.images`);
- :mod:`.inputs`: one model per input file, and :data:`~.inputs.INPUTS`, the registry of them;
- :mod:`.concept`: :class:`~.concept.Concept`, the validated files assembled, with lookups and
  numbering;
- views derived from it, each computed once so every document agrees: :mod:`.resources` (money,
  staff, network time), :mod:`.reporting` (the reporting calendar and its notices),
  :mod:`.papers` (what a council paper shows), :mod:`.changes` (between two Fassungen),
  :mod:`.quality` (the quality dimensions' catalogs, rules and assessments);
- :mod:`.schema`: JSON Schemas of the input files for editors.

Templates and exporters only read the model; nothing downstream changes it.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

# pydantic looks for plugins in the metadata of every installed package the first time it builds
# a model's validator (a hundredth of a second per call of `validate`); the models use none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

_HERE = Path(__file__).resolve().parent

__all__ = ["INPUTS", "Concept", "InputKind", "model_for"]


def __getattr__(name: str) -> Any:
    """The model's names, imported when first asked for: a command that needs only a light
    submodule (the command line's choices, the fonts) does not pay for building every model.
    A submodule's name is left to the import system (`from pipeline.model import fonts`)."""
    if name.startswith("_") or (_HERE / f"{name}.py").is_file() or (_HERE / name).is_dir():
        raise AttributeError(f"module 'pipeline.model' has no attribute {name!r}")
    if name == "Concept":
        from pipeline.model.concept import Concept

        return Concept
    inputs = importlib.import_module("pipeline.model.inputs")
    try:
        return getattr(inputs, name)
    except AttributeError:
        raise AttributeError(f"module 'pipeline.model' has no attribute {name!r}") from None
