# The README's two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := seeds/000_349c8de6d9ab456e.txt

.PHONY: run test install install-dev clean

$(BIN)/backcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev: $(BIN)/backcheck
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/backcheck
install-dev: $(VENV)/.dev

# Exit code 1 means "the article has flags at or above --fail-on": that is the report, not a failure.
run: install
	$(BIN)/backcheck check $(SAMPLE) $(ARGS) || [ $$? -eq 1 ]

test: install-dev
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
