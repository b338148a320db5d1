# protestwatch: `make run` and `make test` set everything up in .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: setup run test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: setup
	mkdir -p out
	$(BIN)/protestwatch extract examples/ -o out/events.jsonl --table --quiet
	@echo "wrote out/events.jsonl"

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_extract.py examples
	$(BIN)/python benchmarks/bench_extract.py founding

clean:
	rm -rf $(VENV) out .pytest_cache
