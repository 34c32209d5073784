# paradip: the two commands of the README (run, test) and the ones they rest on.
# Every target creates .venv and installs what it needs: nothing by hand.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: help install dev browser model run test lint bench clean

help:
	@echo "make run    - create .venv, install, and start paradip (see README)"
	@echo "make test   - create .venv, install with test tools, run the whole suite"
	@echo "make lint   - ruff and mypy"
	@echo "make bench  - throughput and memory benchmarks (not tests; about 15 minutes)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "paradip needs Python 3.11, got " + sys.version' 
	$(PYTHON) -m venv $(VENV)

# camel-tools and hazm go in with --no-deps: see requirements-nodeps.txt.
$(VENV)/.installed: $(BIN)/python requirements.txt requirements-nodeps.txt pyproject.toml
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -r requirements-nodeps.txt
	$(PIP) install --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

# The shipped model is committed; a clone without one (or with a removed one)
# gets one trained from the committed corpus before the service starts.
model: install
	@test -s models/ACTIVE || $(BIN)/paradip train

run: model
	$(BIN)/paradip serve

# The web page's end-to-end tests drive Debian's Chromium through Playwright;
# Playwright's own browser download is never used (it needs a CDN).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: dev browser
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check src api tests bench
	$(BIN)/ruff format --check src api tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/text_pipeline.py
	cd bench && ../$(BIN)/python batch_throughput.py
	cd bench && ../$(BIN)/python batch_memory.py
	cd bench && ../$(BIN)/python api_load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
