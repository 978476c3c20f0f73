# The course's commands. Each target first runs scripts/setup.sh, which
# installs what is missing (Python packages in .venv, rust-src, the pinned
# evcxr_jupyter kernel) and skips what is already there.
#
#   make lab     open the course in JupyterLab
#   make test    run every test (helpers crate, harness, all notebooks, site build,
#                the site and JupyterLab in headless Chromium)
#   make book    build the static site into _build/html
#   make serve   serve _build/html on http://127.0.0.1:8000

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
LAB_PORT ?= 8888
# The folder JupyterLab opens, and its login token (empty: JupyterLab makes
# one up and prints it in the URL). The browser test starts JupyterLab with
# the same command (make lab-server), its own folder, a free port and a
# random token.
LAB_DIR ?= notebooks
LAB_TOKEN ?=
SITE_PORT ?= 8000
# JupyterLab refuses to run as root unless told to (containers often are root).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab lab-server test book serve clean

setup:
	@scripts/setup.sh

LAB_COMMAND = $(VENV)/bin/jupyter lab --notebook-dir=$(LAB_DIR) --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) --no-browser $(ALLOW_ROOT) $(if $(LAB_TOKEN),--IdentityProvider.token=$(LAB_TOKEN),)

lab: setup
	@echo "==> starting JupyterLab on $(LAB_DIR)/ (open the URL printed below; Ctrl-C stops it)"
	@$(LAB_COMMAND)

# `make lab` without the set-up checks: the browser test starts JupyterLab
# this way, after `make test` has already run them.
lab-server:
	@echo "==> starting JupyterLab on $(LAB_DIR)/"
	@$(LAB_COMMAND)

test: setup
	@scripts/setup_browser.sh
	@scripts/test.sh

book: setup
	@$(PY) -m tests.harness book

serve:
	@test -f _build/html/index.html || { echo "no site yet: run 'make book' first" >&2; exit 1; }
	@echo "==> serving the site on http://127.0.0.1:$(SITE_PORT)/ (Ctrl-C stops it)"
	@$(PY) -m http.server $(SITE_PORT) --bind 127.0.0.1 --directory _build/html

clean:
	rm -rf _build target
