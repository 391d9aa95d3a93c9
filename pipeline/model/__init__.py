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

from pipeline.model.concept import Concept
from pipeline.model.inputs import *  # noqa: F403 – the file models are the model's vocabulary
from pipeline.model.inputs import INPUTS, InputKind, model_for

__all__ = ["INPUTS", "Concept", "InputKind", "model_for"]
