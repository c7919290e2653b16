# Praktijkenbank: `make help` lists every target.
# Everything installs itself into .venv on first use; nothing to install by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
# The site engine: ProperDocs (maintained fork of MkDocs 1.x); 'make build ENGINE=mkdocs' gives the same site.
ENGINE ?= properdocs
# Silence the Material end-of-life banner in every build.
export NO_MKDOCS_2_WARNING := 1

help: ## Toon alle opdrachten
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP) ## Installeer alles in .venv (gebeurt ook vanzelf)

# The port of 'make serve'; another one with 'make serve POORT=8001'.
POORT ?= 8000

serve: $(STAMP) ## Bouw de site en toon ze op http://127.0.0.1:8000/praktijkenbank/ (andere poort: make serve POORT=8001)
	@$(BIN)/python -m praktijkenbank.site.serve_port $(POORT)
	$(BIN)/$(ENGINE) serve --dirty -f mkdocs.yml --dev-addr 127.0.0.1:$(POORT)

build: $(STAMP) ## Bouw de site in site/ (strikt: elke waarschuwing is een fout)
	$(BIN)/$(ENGINE) build --strict -f mkdocs.yml

validate: $(STAMP) ## Kijk alle praktijken na
	$(BIN)/praktijkenbank valideer

# npm installs axe-core and the JavaScript test tools (the site itself needs no npm). Without npm, 'make test' runs everything else; the end of the test run says which browser tests were skipped.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --silent --no-audit --no-fund && touch $@; \
	else echo "npm ontbreekt: de toegankelijkheidstests (axe-core) worden overgeslagen; de rest draait wel." >&2; fi

vendor: $(STAMP) node_modules/.installed ## Werk de browserbibliotheken in docs/assets/vendor/ bij na een versiewijziging in package.json
	$(BIN)/python -m praktijkenbank.site.vendor .

browser: ## Installeer Chromium (Debian-pakket) voor de browsertests, indien nodig
	@bash tools/ensure-chromium.sh

test: $(STAMP) node_modules/.installed browser ## Draai alle tests (validatie, build, browser)
	$(BIN)/praktijkenbank valideer
	$(BIN)/pytest

bench: $(STAMP) node_modules/.installed browser ## Draai alle benchmarks (100, 1.000, 10.000 praktijken; ±30 min)
	$(BIN)/python benchmarks/bench_validate.py --sizes 1000 10000
	$(BIN)/python benchmarks/bench_site.py --sizes 100 1000 10000
	$(BIN)/python benchmarks/bench_serve.py --sizes 1000 10000
	$(BIN)/python benchmarks/bench_finder.py --sizes 100 1000 10000
	$(BIN)/python benchmarks/bench_budget.py
	$(BIN)/python benchmarks/bench_suggest.py
	$(BIN)/python benchmarks/eval_suggest.py

bench-begroting: $(STAMP) node_modules/.installed browser ## Benchmark van de begrotingsscan (50.000 regels; 11.000 acties met SDG-suggesties; browser en CLI) en de kwaliteit van de suggesties
	$(BIN)/python benchmarks/bench_budget.py
	$(BIN)/python benchmarks/bench_suggest.py
	$(BIN)/python benchmarks/eval_suggest.py

clean: ## Verwijder gebouwde bestanden
	rm -rf site test-artifacts .pytest_cache

.PHONY: help setup serve build validate vendor browser test bench bench-begroting clean
