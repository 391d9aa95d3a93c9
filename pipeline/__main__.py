"""Allows `python -m pipeline …` as an alias of the `gesamtkonzept` command."""

from pipeline.cli import main

if __name__ == "__main__":  # not again in the processes of a batch (multiprocessing imports this file)
    main()
