# Two commands for a newcomer: `make demo` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?= -n auto
PROFILES ?= school

.PHONY: install demo test lint messages clean bench bench-matching

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# axe-core for the browser tests' accessibility checks (package.json pins it; no browser download).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Портал: http://127.0.0.1:$(PORT)/  Администрирование: http://127.0.0.1:$(PORT)/admin/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.test $(PY) manage.py makemigrations --check --dry-run

test: lint
	$(PY) -m pytest $(PYTEST_ARGS)

# Load test (not part of `make test`): gunicorn + wrk, a table and benchmarks/results/*.json; PROFILES="school municipality".
bench: install
	$(PY) -m benchmarks.run --profiles $(PROFILES)

# Matching of 5000 mentees and 1000 mentors against a greedy baseline; JSON in benchmarks/results/.
bench-matching: install
	$(PY) -m benchmarks.matching

# Regenerate the Russian catalogues after changing interface strings.
messages: install
	for app in portal home programmes forms_app benchmarks/scale; do \
		(cd $$app && $(abspath $(PY)) $(CURDIR)/manage.py makemessages -l ru --no-obsolete --add-location file) ; \
	done
	$(PY) manage.py compilemessages -l ru --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles node_modules
