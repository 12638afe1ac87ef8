# Two commands for a newcomer (README): `make run` starts the dashboard, `make test` runs every test.
# Both set up what they need first: a virtual environment with the pinned requirements, the npm
# packages (official region list, Leaflet, plotly's world topojson) and, for tests, Chromium.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DB     ?= var/cettar.duckdb
export CETTAR_DB ?= $(abspath $(DB))

.PHONY: run test setup build check chromium clean

run: setup $(DB)
	$(PY) -m cettar.serve

test: setup chromium
	$(PY) -m pytest

setup: $(VENV)/.installed node_modules/.installed static/vendor/.installed

build: setup
	$(PY) -m cettar build

check:
	$(PY) -m cettar check

# Rebuilt when the shipped data or the build code changes (earlier imports are replayed).
BUILD_INPUTS := $(wildcard queries/build/*.sql queries/contracts/*.sql data/*.csv data/*.toml data/facts/*.csv) \
                cettar/build.py cettar/demo.py cettar/derive.py
$(DB): $(BUILD_INPUTS) | $(VENV)/.installed node_modules/.installed
	$(PY) -m cettar build

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.installed: node_modules/.installed $(VENV)/.installed
	$(PY) -m cettar assets
	touch $@

# Browser tests need Debian's Chromium (never a downloaded browser build).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

clean:
	rm -rf var/ static/vendor/ tests/artifacts/ .pytest_cache
