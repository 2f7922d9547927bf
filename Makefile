# The two commands of the README: `make site` / `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
REPORTS ?= reports
OUT ?= site

.PHONY: install site serve test lint golden model bench publish clean

$(BIN)/baogao: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(BIN)/baogao

install: $(BIN)/baogao

## Convert reports/ and build the site into site/ (checks that no text is lost).
site: install
	$(BIN)/baogao build --reports $(REPORTS) --out $(OUT)

## Convert and serve on http://127.0.0.1:8000 with live reload.
serve: install
	$(BIN)/baogao serve --reports $(REPORTS)

## Lint, then all tests: unit, golden, corpus (skipped without ../shared/corpus), browser.
## TEST_WORKERS pytest-xdist processes, a test file each at a time (its module fixtures built once).
TEST_WORKERS ?= 2
test: install lint
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

## Lint (ruff) and type-check (mypy); must be clean.
lint: install
	$(BIN)/ruff check baogao tests scripts
	$(BIN)/mypy baogao

## Regenerate tests/golden/ from reports/, then review with `git diff tests/golden`.
golden: install
	$(BIN)/python -m tests.golden

## Retrain the theme model (baogao/models/themes.npz) from the labelled sets (tests/data/).
model: install
	$(BIN)/python -m tests.theme_model export

## Build for BASE_URL (e.g. http://oa.example/archive/) and pack dist/baogao-site-*.tar.gz + .sha256.
publish: install
	$(BIN)/baogao publish --reports $(REPORTS) --out $(OUT) --base-url $(BASE_URL)

## Benchmark against stock Material at the corpus, 1 000 and 10 000 generated reports (slow).
## Then incremental builds (one report added/changed/deleted, 100 added, a sidecar, themes.yml), two runs each;
## then the search index alone (cold, one changed, added, deleted) on the largest one's pages.
BENCH_SIZES ?= corpus,1000,10000
INCREMENTAL_SIZES ?= 1000,10000
comma := ,
bench: install
	$(BIN)/python scripts/bench.py --sizes $(BENCH_SIZES)
	$(BIN)/python scripts/bench_incremental.py --sizes $(INCREMENTAL_SIZES) --runs 2
	$(BIN)/python scripts/bench_search_index.py /tmp/baogao-incremental/$(lastword $(subst $(comma), ,$(INCREMENTAL_SIZES)))/pages /tmp/baogao-index-bench

clean:
	rm -rf build site dist
