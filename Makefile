# Gesamtkonzept Frühe Hilfen – Einstieg: `make concept` und `make test`.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installiert
KOMMUNE ?= musterkreis
EINGABE := inputs/$(KOMMUNE)
AUSGABE := outputs/$(KOMMUNE)
# Tests auf alle Kerne verteilt, je Testdatei ein Arbeiter (so baut jede Datei ihre Beispiele einmal).
PARALLEL ?= -n auto --dist loadfile

.PHONY: concept vorlagen plan validate test test-fast check format lint typecheck golden bench clean setup schema

concept: $(STAMP)
	$(BIN)/gesamtkonzept build $(EINGABE) -o $(AUSGABE)

vorlagen: $(STAMP)
	$(BIN)/gesamtkonzept build $(EINGABE) -o $(AUSGABE) --nur vorlagen

plan: $(STAMP)
	$(BIN)/gesamtkonzept plan $(EINGABE)

validate: $(STAMP)
	$(BIN)/gesamtkonzept validate $(EINGABE)

# Alles, was CI prüft: Formatierung, Lint, Typen, dann alle Tests (auch die langsamen Builds).
test: check
	$(BIN)/pytest $(PARALLEL)

# Die schnelle Stufe beim Entwickeln: alle Tests außer denen, die pandoc und Typst laufen lassen.
test-fast: $(STAMP)
	$(BIN)/pytest $(PARALLEL) -m "not slow"

check: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

# Golden-Dateien des HTML-Zwischenformats neu schreiben (nach einer gewollten Änderung; Diff prüfen).
golden: $(STAMP)
	$(BIN)/pytest tests/test_golden.py --golden-neu

schema: $(STAMP)
	$(BIN)/gesamtkonzept schema -o inputs/schema

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

setup: $(STAMP)

# Die Umgebung wird neu aufgebaut, sobald pyproject.toml neuer ist als die letzte Installation.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

clean:
	find outputs -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
