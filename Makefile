# The two set-up commands of the README:
#   make demo  - create .venv, install newsgraph, extract the bundled example article
#   make test  - create .venv, install newsgraph with its test tools, run ruff and the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,store,accurate,web,cluster]'
	$(BIN)/pip install --quiet 'playwright>=1.40,<2'

demo: install
	$(BIN)/newsgraph extract examples/gipfel.txt -o examples/gipfel.record.jsonl
	$(BIN)/newsgraph show examples/gipfel.record.jsonl

# Debian's chromium for the browser tests (tests/test_web_browser.py skips without it); needs root for apt-get
browser:
	@test -x /usr/bin/chromium || { apt-get update && apt-get install -y chromium; } \
		|| echo "chromium could not be installed (not root?): the browser tests will skip"

test: install-dev browser
	$(BIN)/ruff check src tests training benchmarks
	$(BIN)/python -m pytest -q

.PHONY: install install-dev demo test browser
