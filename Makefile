# The project's commands, defined once; README and .ci/run call these targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///lexversion.db

.PHONY: demo test lint bench clean messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

## demo: build the store over corpus/ (SQLite) and show the Almaty oblast rules as of 1 June 2019
demo: $(VENV)/.installed
	scripts/system-deps
	$(BIN)/lexversion build corpus --db $(DB)
	$(BIN)/lexversion show "Алматы облыстық мәслихатының 2017 жылғы 15 желтоқсандағы № 26-129 шешімі" --as-of 2019-06-01 --db $(DB)

## test: lint, type-check and run the whole test suite on the real corpus,
## the store tests also against a throwaway PostgreSQL server (scripts/pg-test-server)
test: $(VENV)/.installed lint
	@url=$$(scripts/pg-test-server start) || url=""; \
	LEXVERSION_TEST_PG_URL="$$url" $(BIN)/pytest -q; status=$$?; \
	scripts/pg-test-server stop; exit $$status

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## bench: print parse, build, diff, PDF, web and search figures (not timed tests)
bench: $(VENV)/.installed
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_bluebell.py
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_diff.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_web.py
	$(BIN)/python bench/bench_search.py

## messages: extract the interface words (babel.cfg) and update the kk and ru catalogs;
## translate what it adds (tests/test_i18n.py fails while a msgid is untranslated).
## The catalogs are compiled when first used (lexversion.i18n.translations): no .mo to build.
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ --no-location --sort-output --omit-header -o lexversion.pot .
	$(BIN)/pybabel update -i lexversion.pot -d src/lexversion/locale -D lexversion --width 100 --ignore-obsolete --no-fuzzy-matching
	rm -f lexversion.pot

clean:
	rm -rf $(VENV) lexversion.db .pytest_cache .mypy_cache .ruff_cache
