# Kompas Aanpak Mensenhandel: the two commands are `make serve` and `make test`.
# Both create .venv from the pinned requirements.txt when it is missing or outdated.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)

.PHONY: serve build test tools review benchmark lock clean

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig (gevonden: " + sys.version.split()[0] + "). Zet PYTHON=... naar een nieuwere python.")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

## serve: show the site on http://127.0.0.1:8000 and reload on every change
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: write the site to site/ (fails on any warning), with the downloads (PDF, cards, .docx, offline zip)
build: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict --clean
	$(BIN)/python scripts/downloads.py site

## test: build the site and run every test, browser tests included
test: build tools
	$(BIN)/python -m pytest

## tools: system packages (Java, hunspell, Chromium), the Nu HTML Checker and iframe-worker
tools: $(NODE_STAMP)

$(NODE_STAMP): package-lock.json
	@bash scripts/systeem.sh
	npm ci --no-audit --no-fund --silent
	@rm -f node_modules/.installed-*
	@touch $@

## review: list pages, facts and sources that are due for a check (REVIEW_DAYS=365)
REVIEW_DAYS ?= 365
review: $(STAMP)
	$(BIN)/python scripts/review.py --dagen $(REVIEW_DAYS) --bron-dagen $(REVIEW_DAYS)

## benchmark: speed and page weight against a default Material site (not a test; see README)
benchmark: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/benchmark.py

## lock: re-pin requirements.txt after a change to requirements.in
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet --requirement requirements.in
	{ echo '# Pinned versions of every package, installed into .venv by the Makefile.'; \
	  echo '# Generated from requirements.in with "make lock"; do not edit by hand.'; \
	  .venv-lock/bin/python -m pip freeze; } > requirements.txt
	rm -rf .venv-lock

clean:
	rm -rf site .pytest_cache node_modules
