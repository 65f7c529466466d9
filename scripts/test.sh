#!/usr/bin/env bash
# `make test`: lint, deploy check, the SQLite smoke pass, then the whole suite on PostgreSQL + Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
start=$(date +%s)

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .

echo "== manage.py check --deploy (production settings)"
DEBUG=0 SECRET_KEY="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')" ALLOWED_HOSTS=lokercs.id \
  DATABASE_URL= $BIN/python manage.py check --deploy --fail-level WARNING

echo "== migrations are complete"
DEBUG=1 $BIN/python manage.py makemigrations --check --dry-run >/dev/null

eval "$(bash scripts/ensure_services.sh)"
export DATABASE_URL REDIS_URL
echo "== services: $DATABASE_URL $REDIS_URL"
eval "$(bash scripts/ensure_browser.sh)"
export AXE_CORE_JS CHROMIUM_PATH
export E2E_REQUIRED=1  # browser tests fail instead of skipping when chromium or axe-core is missing
echo "== browser: $CHROMIUM_PATH, axe-core: $AXE_CORE_JS"

echo "== SQLite smoke pass (the quick start's database)"
mkdir -p .data
DATABASE_URL="sqlite:///$PWD/.data/smoke.sqlite3" $BIN/pytest -m smoke -q -p no:cacheprovider

echo "== full suite on PostgreSQL + Redis"
$BIN/pytest -q -p no:cacheprovider "$@"

echo "== make test finished in $(( $(date +%s) - start )) s"
