# Two commands do all the set-up on a fresh machine:
#   make serve   -> creates .venv, installs the pinned site, serves it on http://127.0.0.1:8000
#   make test    -> creates .venv, installs the pinned tools and Chromium if missing, runs every test
# Before pushing an essay: make check (lint, sources, English, strict build; no browser).
# For the inner loop: make test-fast (no site build, no browser: a few seconds).
VENV    ?= .venv
PYTHON  ?= python3
BIN      = $(VENV)/bin
SITE_OK  = $(VENV)/.site-installed
DEV_OK   = $(VENV)/.dev-installed
ADDR    ?= 127.0.0.1:8000

.PHONY: serve build test test-fast lint check install actionlint bench clean

serve: $(SITE_OK)
	$(BIN)/mkdocs serve --dev-addr $(ADDR)

build: $(SITE_OK)
	$(BIN)/mkdocs build --strict

test: $(DEV_OK)
	bash scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

test-fast: $(DEV_OK)
	$(BIN)/python -m pytest -m "not build and not browser" -q

lint: $(DEV_OK)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/zizmor --offline --strict-collection --quiet .
	@if [ -x $(BIN)/actionlint ]; then $(BIN)/actionlint; else echo "actionlint: not installed here \
	(make actionlint; its install downloads the binary from github.com): zizmor checked the workflows"; fi

# What a contributor runs before pushing: every check of a pull request but the tests.
check: $(DEV_OK)
	VENV=$(VENV) bash scripts/check.sh

install: $(DEV_OK)

# actionlint (GitHub Actions workflow checker): separate, because installing it downloads the
# binary from github.com (CI and most machines can; `make lint` then runs it too).
actionlint: $(DEV_OK)
	$(BIN)/pip install --quiet -r requirements-actionlint.txt -c constraints.txt

bench: $(SITE_OK)
	$(BIN)/python benchmarks/run_all.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_OK): requirements.txt constraints.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet setuptools==80.9.0
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(DEV_OK): requirements-dev.txt $(SITE_OK)
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

clean:
	rm -rf site .pytest_cache .ruff_cache
