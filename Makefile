# protestwatch: `make run` and `make test` set everything up in .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

WEB_VENDOR := src/protestwatch/web/static/vendor
# Rebuilt only when the lockfile or the list of copied files changes.
WEB_STAMP := $(WEB_VENDOR)/.built-$(shell cat web/package-lock.json web/vendor-files.json web/copy-vendor.mjs | sha1sum | cut -c1-12)
SAMPLE_DB := out/sample.db

.PHONY: setup web run test bench clean models

setup: $(STAMP) web

# The web app's libraries: from the npm registry at build time, served by the app.
web: $(WEB_STAMP)

$(WEB_STAMP): web/package-lock.json web/vendor-files.json web/copy-vendor.mjs
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $(WEB_STAMP)

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
	$(BIN)/protestwatch ingest examples/ --db $(SAMPLE_DB) --quiet
	$(BIN)/protestwatch serve --db $(SAMPLE_DB)

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_extract.py examples
	$(BIN)/python benchmarks/bench_extract.py founding
	$(BIN)/python benchmarks/bench_event_models.py all
	$(BIN)/python benchmarks/bench_models.py

# Rebuilds the everyday-word list of the toponym recogniser and retrains models/event/ and
# models/pw_core_en/ from ../shared/data on the CPU (about an
# hour and a quarter on 2 cores; see models/README.md); `setup` never runs this. The NER's
# word vectors are distilled from a packaged MiniLM encoder in a venv of their own: with
# torch installed beside spaCy, thinc imports it in every process (+200 MB each).
VECTORS_VENV := .venv-vectors

models: $(STAMP)
	test -x $(VECTORS_VENV)/bin/python || $(PYTHON) -m venv $(VECTORS_VENV)
	$(VECTORS_VENV)/bin/python -m pip install --quiet -e ".[vectors]"
	$(BIN)/python scripts/build_common_words.py
	$(BIN)/python scripts/train_event_models.py
	$(BIN)/python scripts/train_core_model.py all --vectors-python $(VECTORS_VENV)/bin/python

clean:
	rm -rf $(VENV) $(VECTORS_VENV) out .pytest_cache
