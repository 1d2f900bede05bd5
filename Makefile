# Conventional entry points. `make serve` and `make test` are the two set-up commands.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The browser tests use Debian's Chromium (never a browser download).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup browser serve build check test test-fast lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project with its test tools

# Chromium and Java (vnu) for the browser tests, Pango for WeasyPrint, poppler for reading PDFs.
DEBIAN_PACKAGES := chromium default-jre-headless libpango-1.0-0 libpangoft2-1.0-0 poppler-utils

browser:  ## install the Debian packages the build and tests need (apt-get), unless present
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v pdftotext \
	  >/dev/null && ldconfig -p | grep -q libpangoft2-1.0 || { \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install \
	  -y -qq --no-install-recommends $(DEBIAN_PACKAGES); }

serve: setup  ## build the site from briefs/ and serve it at http://127.0.0.1:8000
	$(BIN)/briefing serve --dev-addr 127.0.0.1:8000

build: setup  ## build the site into site/ (strict: any warning fails)
	$(BIN)/briefing build --strict

check: setup  ## validate every brief and list names missing from the gazetteer
	$(BIN)/briefing check

test: setup browser lint typecheck  ## lint, type check and the whole test suite (what CI runs)
	$(BIN)/python -m pytest -q

# No site build, no browser: every unit, fixture and golden test (WeasyPrint needs Pango).
test-fast: setup  ## the fast tier: pytest -m "not slow and not browser" (under a minute)
	$(BIN)/python -m pytest -q -m "not slow and not browser"

lint: setup  ## ruff: lint rules and formatting
	$(BIN)/ruff check builder briefing_tools tests
	$(BIN)/ruff format --check builder briefing_tools tests

typecheck: setup  ## check the types with mypy (settings and files in pyproject.toml)
	$(BIN)/mypy

clean:
	rm -rf site .pytest_cache docs/briefs docs/people docs/organizations docs/countries \
	       docs/topics docs/timeline docs/sources docs/quotes docs/terms
