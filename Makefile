# Gesamtkonzept Frühe Hilfen – Einstieg: `make concept` und `make test`.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installiert
KOMMUNE ?= musterkreis
EINGABE := inputs/$(KOMMUNE)
AUSGABE := outputs/$(KOMMUNE)

.PHONY: concept vorlagen plan validate test bench lint clean setup schema

concept: $(STAMP)
	$(BIN)/gesamtkonzept build $(EINGABE) -o $(AUSGABE)

vorlagen: $(STAMP)
	$(BIN)/gesamtkonzept build $(EINGABE) -o $(AUSGABE) --nur vorlagen

plan: $(STAMP)
	$(BIN)/gesamtkonzept plan $(EINGABE)

validate: $(STAMP)
	$(BIN)/gesamtkonzept validate $(EINGABE)

test: $(STAMP)
	$(BIN)/pytest

schema: $(STAMP)
	$(BIN)/gesamtkonzept schema -o inputs/schema

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)
	$(BIN)/ruff check .

setup: $(STAMP)

# Die Umgebung wird neu aufgebaut, sobald pyproject.toml neuer ist als die letzte Installation.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

clean:
	find outputs -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
