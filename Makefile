# Two entry points that work on a fresh machine; each sets up .venv itself.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)  ## ingest data/raw into data/processed
	$(VENV)/bin/python -m pipeline ingest data/raw --out data/processed

test: $(STAMP)  ## lint and run the test suite
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest

BENCH_DOCS ?= 1000
bench: $(STAMP)  ## the pipeline beside the parse floor, then throughput, memory, fuzzing
	$(VENV)/bin/python bench/bench_floor.py --docs $(BENCH_DOCS)
	$(VENV)/bin/python bench/bench_ingest.py
	$(VENV)/bin/python bench/bench_parsers.py
	$(VENV)/bin/python bench/bench_memory.py
	$(VENV)/bin/python bench/bench_discover.py
	$(VENV)/bin/python bench/bench_fuzz.py --count 2000
	$(VENV)/bin/python bench/bench_report.py --rows 100000

clean:
	rm -rf $(VENV) data/processed/* .pytest_cache .ruff_cache
