# The README's two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := seeds/000_349c8de6d9ab456e.txt

.PHONY: run test install install-dev system clean

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

# Apertium's Serbo-Croatian <-> English pair from Debian: the back-translation engine available
# without a model download. Installed when this runs as root on Debian/Ubuntu; otherwise
# backcheck runs model-free and says so in its report.
system:
	@if dpkg -s apertium-hbs-eng >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq apertium-hbs-eng >/dev/null; \
	else echo "note: apertium-hbs-eng not installed (needs root: apt-get install apertium-hbs-eng)"; fi

# Exit code 1 means "the article has flags at or above --fail-on": that is the report, not a failure.
run: system install
	$(BIN)/backcheck check $(SAMPLE) $(ARGS) || [ $$? -eq 1 ]

test: install-dev
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache
