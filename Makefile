# The README's two commands: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := seeds/000_349c8de6d9ab456e.txt

.PHONY: run test lint install install-dev system clean

$(BIN)/backcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[serve]'
	@touch $@

# ray: tests/test_batch_ray.py runs the Ray executor on a local Ray runtime (a 79 MB wheel, about
# 16 s to install; PYTEST_ARGS='-m "not ray"' leaves those tests out)
$(VENV)/.dev: $(BIN)/backcheck
	$(BIN)/pip install --quiet -e '.[dev,serve,ray]'
	@touch $@

install: $(BIN)/backcheck
install-dev: $(VENV)/.dev

# From Debian: Apertium's Serbo-Croatian <-> English pair (the back-translation engine available
# without a model download), FreeDict dictionaries and Mueller's English-Russian dictionary (the
# name checks tell translated words from names with them: backcheck/glosses.py) and SCOWL word
# lists (which English words are common).
# Installed when this runs as root on Debian/Ubuntu; otherwise backcheck runs without them.
DEBIAN_PACKAGES = apertium-hbs-eng wamerican-large wbritish-large mueller7-dict hunspell-sr hunspell-hr hunspell-bs \
	$(foreach d,hrv-eng eng-hrv srp-eng eng-srp slv-eng pol-eng eng-pol ces-eng eng-ces slk-eng \
	  deu-eng eng-deu fra-eng eng-fra ita-eng eng-ita spa-eng eng-spa eng-rus eng-bul,dict-freedict-$(d))
system:
	@if dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $(DEBIAN_PACKAGES) >/dev/null; \
	else echo "note: Debian packages missing (needs root: apt-get install $(DEBIAN_PACKAGES))"; fi

# Exit code 1 means "the article has flags at or above --fail-on": that is the report, not a failure.
run: system install
	$(BIN)/backcheck check $(SAMPLE) $(ARGS) || [ $$? -eq 1 ]

test: install-dev
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Layers (import-linter contracts in pyproject.toml), lint, formatting and types. .ci/run runs it.
lint: install-dev
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache
