"""Quality dialogue: check a municipality against the dimensions of the Qualitätsrahmen Frühe Hilfen.

A dimension is data plus rules: ``<id>.yaml`` here is its catalog (themes, goal statements,
central and dialogue questions, the concept's chapter on it, in the project's own words) and
``rules_<id>.py`` holds one rule per goal. Adding a dimension means adding these two files;
`check`, the Qualitätsdialog and the concept's chapters pick it up.

:mod:`.catalog` reads the catalogs, the rules read the concept on a reference date
(:class:`~pipeline.model.reporting.ReportingView`) and return findings, and :mod:`.assessment`
combines them with the network's own rating (``qualitaet.yaml``) into the view that the CLI and
the templates read.

This module imports nothing, so the validator can read the catalogs without the rules.
"""
