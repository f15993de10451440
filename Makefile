# Two front doors: `make run` executes the compendium, `make test` checks it.
# Both bootstrap .venv from the pinned requirements when it is missing or stale.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.kolac-installed
JOBS   ?=
ARGS   ?=

.PHONY: run test audit nbval refresh golden bench package readme validate lab clean help

help:
	@echo "make run      execute every chapter notebook into outputs/ (skips unchanged ones)"
	@echo "make test     library and data tests; a fresh run compared with the references and the golden record"
	@echo "make audit    transcriptions against the printed lines of the source texts (needs the five texts)"
	@echo "make nbval    re-execute the committed notebooks under nbval (stored outputs are the reference)"
	@echo "make golden   regenerate tests/golden/ (claim statuses, exhibit checksums) for review"
	@echo "make refresh  re-execute and store the reference notebooks in notebooks/"
	@echo "make bench    time a cold run against a sequential papermill loop"
	@echo "make package  regenerate data/datapackage.json and data/dictionary.csv from the sidecars"
	@echo "make readme   regenerate the README's generated sections (sources, citation, exhibits)"
	@echo "make lab      open JupyterLab on the notebooks"

# A half-made .venv (make killed during `python -m venv`: no pip) or one whose editable install
# points elsewhere (the repository was moved) is not trusted: the stamp goes and it is rebuilt.
VENV_OK := $(shell $(PY) -c 'import pip, kolac, pathlib, sys; sys.exit(pathlib.Path(kolac.__file__).resolve().parents[2] != pathlib.Path.cwd().resolve())' >/dev/null 2>&1 && echo yes)
ifneq ($(VENV_OK),yes)
$(shell rm -f $(STAMP))
endif

$(STAMP): requirements.txt requirements-lock.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "kolac needs Python 3.11; set PYTHON=/path/to/python3.11")'
	$(PY) -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements-lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m kolac run $(if $(JOBS),-j $(JOBS)) $(ARGS)

# `make test` needs nothing beside the clone; `make audit` reads the source texts and stops at
# once, saying what is missing and how to provide it, when they are not there.
test: $(STAMP)
	$(PY) -m pytest -m "not audit" $(ARGS)

audit: $(STAMP)
	@$(PY) -m kolac sources
	$(PY) -m pytest -m audit $(ARGS)

nbval: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks/

refresh: $(STAMP)
	$(PY) -m kolac refresh

golden: $(STAMP)
	$(PY) -m kolac golden

bench: $(STAMP)
	$(PY) -m kolac bench

package: $(STAMP)
	$(PY) -m kolac package

readme: $(STAMP)
	$(PY) -m kolac readme

validate: $(STAMP)
	$(VENV)/bin/frictionless validate data/datapackage.json

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

clean:
	cd outputs && find . -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf scratch
