# Two commands for a fresh clone (only Python 3.11+ and make needed):
#   make serve   install everything into .venv and serve the site with live reload
#   make test    install everything into .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

# Material prints an end-of-life banner on every build; we know (see README).
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install serve build offline example validate lint links bench test test-unit clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

# Reinstall when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the site and test packages

serve: install ## Serve the site with live reload on http://127.0.0.1:8000/guide/ (HOST=… to change)
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

build: install ## Build the site into site/ with --strict
	$(BIN)/mkdocs build --strict

VERSION ?= $(shell date +%Y-%m-%d)
DIST    ?= dist

offline: install ## Build the offline zip and the PDF into dist/ (the PDF needs Chromium)
	rm -rf $(DIST)/offline-site
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir $(abspath $(DIST))/offline-site
	$(BIN)/python scripts/offline.py $(DIST)/offline-site $(DIST) $(VERSION)

example: install ## Start a worked example: make example NAME="Design a URL shortener" [SLUG=folder-name]
	@test -n "$(NAME)" || { echo 'usage: make example NAME="Design a URL shortener" [SLUG=folder-name]'; exit 2; }
	$(BIN)/python scripts/example.py new "$(NAME)" "$(SLUG)"

validate: install ## Every problem at once, as the build finds them: the whole guide, or EXAMPLE=url-shortener
	$(BIN)/python scripts/example.py $(if $(EXAMPLE),validate "$(EXAMPLE)",check)

# Content checks, also run by `make test` (tests/lint): Markdown lint and spelling.
lint: install ## Lint the Markdown (pymarkdownlnt), spelling (codespell), Python (ruff) and types (mypy)
	$(BIN)/pymarkdown --config .pymarkdown.json scan -r -e 'docs/_includes/*' docs README.md CONTRIBUTING.md
	$(BIN)/codespell docs README.md CONTRIBUTING.md hooks scripts .github
	$(BIN)/ruff check
	$(BIN)/mypy

links: build ## Check internal links in site/, and list external ones for a person with a network
	$(BIN)/python scripts/links.py check site /guide/
	$(BIN)/python scripts/links.py external site

bench: install ## Measure build, reload, page weight and Lighthouse; write benchmarks/RESULTS.md
	cd benchmarks && npm ci --no-audit --no-fund --silent
	$(BIN)/python benchmarks/bench.py

test: install ## Run the whole test suite: unit, build and browser tests
	$(BIN)/python -m pytest

test-unit: install ## Only the unit tests of the build logic (seconds)
	$(BIN)/python -m pytest tests/unit

clean: ## Remove build output and the virtual environment
	rm -rf site dist $(VENV) .pytest_cache test-output
