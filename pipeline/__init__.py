"""Gesamtkonzept Frühe Hilfen: YAML-Eingaben → geprüftes Modell → Word und PDF.

The pipeline reads like its stages: load → validate → model → render → export
(see :func:`pipeline.build.build_concept`).
"""

__version__ = "0.1.0"
