# The two commands of the README. Each creates .venv (from requirements.txt) if needed.
# Both call the package's command line, `python -m perucorpus <command>` (`--help` on each).
#   make notebooks  – refresh the navigation links, then re-execute every notebook in order, in place;
#                     regenerates figures/ and data/derived/, writes the data package (datapackage.json, the panel,
#                     the ClaimReview export, data/README.md's codebook tables), builds the HTML reading copy in _build/html/
#                     the classroom pack in _build/classroom/ and its Arabic edition in _build/ar/ (teaching/ar.toml)
#                     (PDFs only where Chromium or Chrome is found).
#                     Folders of _build/ that an older build wrote and this one does not (the old handouts/) are removed.
#                     A notebook that fails is named with its cell and error, left unchanged, and the run stops.
#   make test       – ruff (lint and format check, notebooks included), the import layering (lint-imports), the data package
#                     (frictionless validate), the unit tests and nbval over every notebook, then the end-to-end
#                     test (a fourth article added to a copy of the project, every notebook run)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: notebooks test

notebooks: $(VENV)/.installed
	$(BIN)/python -m perucorpus navigation notebooks
	$(BIN)/python -m perucorpus run notebooks
	$(BIN)/python -m perucorpus datapackage
	$(BIN)/python -m perucorpus site notebooks _build/html
	$(BIN)/python -m perucorpus classroom . _build/classroom
	$(BIN)/python -m perucorpus classroom . _build/ar --language ar

test: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/frictionless validate datapackage.json
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest -m end_to_end tests/test_end_to_end.py

# uv installs the same pins as pip, in parallel and with bytecode compiled at install (the first
# notebook run is then not slowed by compiling); pip is the fallback (or: make INSTALLER=pip).
UV := uv==0.13.8
INSTALLER ?= uv

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	if [ "$(INSTALLER)" = uv ] && $(BIN)/python -m pip install --quiet --disable-pip-version-check "$(UV)"; then \
		$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.txt; \
	else \
		$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt; \
	fi
	touch $@
