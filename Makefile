# Loker CS — the two commands: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py

.PHONY: install install-dev run test smoke lint check-deploy worker beat messages clean backup restore

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Quick start: SQLite, Celery tasks in-process, mail printed to the console.
run: install
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) seed_demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

# Whole suite on real PostgreSQL + Redis (started or installed when missing).
test: install-dev
	bash scripts/test.sh

smoke: install-dev
	DATABASE_URL=sqlite:///.data/smoke.sqlite3 $(VENV)/bin/pytest -m smoke -q

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-deploy: install
	DEBUG=0 SECRET_KEY=$$(openssl rand -hex 32) ALLOWED_HOSTS=lokercs.id $(MANAGE) check --deploy --fail-level WARNING

worker: install
	$(VENV)/bin/celery -A jobboard worker -l info

beat: install
	$(VENV)/bin/celery -A jobboard beat -l info

# Database (pg_dump custom format) + media into BACKUP_DIR/<time>/; see scripts/backup.sh.
backup:
	bash scripts/backup.sh

# make restore BACKUP=.data/backups/<time>
restore:
	bash scripts/restore.sh "$(BACKUP)"

messages: install
	$(MANAGE) makemessages -l en -l id --ignore=.venv --ignore=.data
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf .data/test-media .pytest_cache
