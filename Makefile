# Guía NSS. The README's two commands: `make serve` and `make test`.
# Each installs what it needs on a fresh machine: the venv and pinned Python
# packages, the pinned npm packages (Pyodide, axe-core, Lighthouse), the
# postal-code data and, for tests, Debian's Chromium.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# make test: pytest-xdist workers (one file per worker at a time: the files'
# fixtures build sites and start Chromium once) and the branch-coverage floors.
PYTEST_WORKERS ?= auto
COVERAGE_CHECKER := 95
COVERAGE_GUIDE := 90
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps data build serve test lint typecheck bench chromium clean

help:
	@echo "make serve   construye todas las escuelas y las sirve en http://127.0.0.1:$(PORT)"
	@echo "make test    corre todas las pruebas (instala lo necesario)"
	@echo "make build   construye site/ sin servir"
	@echo "make bench   imprime las cifras de bench/"
	@echo "make lint    revisa el estilo del código (ruff)"

# The pinned packages, then the project itself (editable: guide and checker
# import from anywhere without sys.path edits; see pyproject.toml).
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

# The offline postal catalogue, generated from pinned PyPI packages and, once
# imported with `python -m update.postal --sepomex CPdescarga.txt`, the official
# Correos de México file kept in update/data/ (see README «Datos»).
# The tool rewrites only files whose content changed: touch the target so a
# run that changed nothing is not repeated by every later make.
checker/data/postal/meta.json: $(VENV)/.installed $(wildcard update/*.py update/data/*)
	$(PY) -m update.postal
	@touch $@

data: checker/data/postal/meta.json

chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@command -v zbarimg >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools; }  # the poster's QR test

# site/ is rebuilt only when something it is built from changed, so `make test`
# builds once (its `make serve` test then serves that site instead of building
# it again). The public address (GUIA_URL, set by the Pages workflow) counts
# too: .cache/guia-url is rewritten only when it differs.
$(shell mkdir -p .cache; [ -f .cache/guia-url ] && [ "$$(cat .cache/guia-url)" = '$(GUIA_URL)' ] || printf '%s' '$(GUIA_URL)' > .cache/guia-url)
BUILD_INPUTS := mkdocs.yml .cache/guia-url \
	$(shell find docs schools overrides guide checker -type f -not -path '*/__pycache__/*' -not -path 'checker/data/*')

site/index.html: $(BUILD_INPUTS) $(VENV)/.installed node_modules/.installed checker/data/postal/meta.json
	$(PY) -m guide build

build: site/index.html

serve: build
	$(PY) -m guide serve --no-build --watch --port $(PORT)

test: build chromium typecheck lint
	GUIA_SITE=$(CURDIR)/site $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --cov --cov-report=
	$(VENV)/bin/coverage report --include='checker/*' --fail-under=$(COVERAGE_CHECKER)
	$(VENV)/bin/coverage report --include='guide/*' --fail-under=$(COVERAGE_GUIDE)

# The widgets' JavaScript: // @ts-check + JSDoc, checked by the pinned tsc
# (page modules with the DOM, worker modules with the worker's globals).
typecheck: node_modules/.installed
	node_modules/.bin/tsc -p overrides/widgets/tsconfig.json
	node_modules/.bin/tsc -p overrides/widgets/tsconfig.worker.json

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: build chromium
	$(PY) -m bench.checker
	$(PY) -m bench.site
	$(PY) -m bench.widgets

clean:
	rm -rf site build .cache .coverage guia_nss.egg-info
