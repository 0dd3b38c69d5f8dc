# One Makefile for people and CI. `make demo` and `make test` are the quick start.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: setup demo test test-fast lint typecheck browser-deps bench docs clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/dadkhah demo --out demo-case --force

# Browser tests drive Debian's Chromium through Playwright; install it when we can (root, apt).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "Chromium could not be installed: browser tests will be skipped"; \
	fi

test: setup browser-deps
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# Everything but the slow tests (browser, Spark, big simulations): for quick local runs.
test-fast: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not slow" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/run.py $(BENCH)

docs: setup
	$(BIN)/python -m dadkhah.cli.reference > docs/cli.md

clean:
	rm -rf $(VENV) demo-case .pytest_cache .mypy_cache .ruff_cache
