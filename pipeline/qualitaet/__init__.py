"""Quality dialogue: check a municipality against a dimension of the Qualitätsrahmen Frühe Hilfen.

A dimension is data plus rules: ``<id>.yaml`` here is its catalog (themes, goal statements,
central and dialogue questions, in the project's own words) and ``rules_<id>.py`` holds one rule
per goal. Adding a dimension means adding these two files; nothing else changes.

Stages: :mod:`.catalog` reads catalogs, the rules turn the typed :class:`~pipeline.model.Concept`
into :mod:`.findings`, :mod:`.review` combines them with the network's own rating
(``qualitaet.yaml``) into the view that the CLI and the templates read.

This module imports nothing, so the validator can read the catalogs without the rules.
"""
