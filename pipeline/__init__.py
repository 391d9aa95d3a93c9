"""Gesamtkonzept Frühe Hilfen: YAML-Eingaben → geprüftes Modell → Word und PDF.

The pipeline reads like its stages: load → validate → model → render → export
(see :mod:`pipeline.build`).
"""

__version__ = "0.2.0"
