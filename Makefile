# The two commands of the README. Each creates .venv (from requirements.txt) if needed.
# Both call the package's command line, `python -m perucorpus <command>` (`--help` on each).
#   make notebooks  – refresh the navigation links, then re-execute every notebook in order, in place;
#                     regenerates figures/ and data/derived/, builds the HTML reading copy in _build/html/
#                     and the classroom pack in _build/classroom/ (its PDFs need Chromium), and its Arabic
#                     edition in _build/ar/ (teaching/ar.toml).
#                     A notebook that fails is named with its cell and error, left unchanged, and the run stops.
#   make test       – ruff (lint and format check, notebooks included), the import layering (lint-imports), the unit tests and nbval over every notebook, then the end-to-end
#                     test (a fourth article added to a copy of the project, every notebook run)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: notebooks test

notebooks: $(VENV)/.installed
	$(BIN)/python -m perucorpus navigation notebooks
	$(BIN)/python -m perucorpus run notebooks
	$(BIN)/python -m perucorpus site notebooks _build/html
	$(BIN)/python -m perucorpus classroom . _build/classroom
	$(BIN)/python -m perucorpus classroom . _build/ar --language ar

test: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest -m end_to_end tests/test_end_to_end.py

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@
