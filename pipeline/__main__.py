"""Allows `python -m pipeline …` as an alias of the `gesamtkonzept` command."""

from pipeline.cli import main

main()
