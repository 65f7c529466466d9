#!/usr/bin/env bash
# Load test: gunicorn with production settings on PostgreSQL holding 100k gigs, driven by wrk
# on loopback (home, search, gig detail, API mixed; see bench/load.lua) for DURATION seconds at each
# concurrency level. Prints req/s, p50/p90/p99 latency and errors per level.
#
#   bash bench/load.sh                      # 100k gigs, 60 s at 4, 8, 16 and 32 connections
#   GIGS=10000 DURATION=10 LEVELS="16" bash bench/load.sh
#   NODES=2 bash bench/load.sh              # two gunicorn nodes (masters) behind one port
#
# NODES gunicorn masters bind the same port with SO_REUSEPORT (the kernel spreads connections
# over them, as a load balancer would over machines), WORKERS sync workers in all, split
# between them. Nodes share nothing but PostgreSQL and Redis (sessions and cache), so any node
# can serve any request.
#
# Uses DATABASE_URL's server (default: local PostgreSQL) with its own database LOAD_DB
# (default `lokercs_load`, created on first run and reused), REDIS_URL for the cache and
# sessions, installs wrk with apt if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
GIGS=${GIGS:-100000}
DURATION=${DURATION:-60}
LEVELS=${LEVELS:-"4 8 16 32"}
PORT=${PORT:-8765}
WORKERS=${WORKERS:-$((2 * $(nproc) + 1))}
NODES=${NODES:-1}
LOAD_DB=${LOAD_DB:-lokercs_load}
PG=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}
export DATABASE_URL="$PG/$LOAD_DB"
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export DJANGO_SETTINGS_MODULE=jobboard.settings DEBUG=0 ALLOWED_HOSTS=127.0.0.1 LOG_LEVEL=WARNING
# wrk is one address standing for many visitors: lift the per-address API throttle.
export API_ANON_RATE=${API_ANON_RATE:-1000000/minute}
export SECRET_KEY=${SECRET_KEY:-$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')}
BIN=.venv/bin
WORK=.data/load
mkdir -p "$WORK"

command -v wrk >/dev/null 2>&1 || {
  [ "$(id -u)" = 0 ] || { echo "load.sh: wrk is missing: sudo apt-get install -y wrk"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
}
psql "$PG/postgres" -Atqc "select 1 from pg_database where datname='$LOAD_DB'" | grep -q 1 \
  || psql "$PG/postgres" -qc "create database $LOAD_DB"

$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py collectstatic --noinput -v0
$BIN/python bench/load_data.py "$GIGS" "$WORK/urls.txt"

PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait "${PIDS[@]}" 2>/dev/null || true' EXIT
REUSE=()
[ "$NODES" -gt 1 ] && REUSE=(--reuse-port)
for node in $(seq 1 "$NODES"); do
  per_node=$(( WORKERS / NODES + (node <= WORKERS % NODES ? 1 : 0) ))
  : >"$WORK/access-$node.log"
  $BIN/gunicorn -c python:jobboard.gunicorn_conf jobboard.wsgi -w "$per_node" -b "127.0.0.1:$PORT" "${REUSE[@]}" --log-level warning \
    --access-logfile "$WORK/access-$node.log" --access-logformat '%(s)s' \
    --pid "$WORK/gunicorn-$node.pid" >"$WORK/gunicorn-$node.log" 2>&1 &
  PIDS+=($!)
done
for _ in $(seq 1 50); do
  curl -fs -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/healthz/" 2>/dev/null && break
  sleep 0.2
done
for path in / "/lowongan/?q=cs+wfh" "$(head -1 "$WORK/urls.txt")"; do  # warm up; fail loudly on errors
  curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT$path"
done

echo "load: $GIGS gigs, $NODES gunicorn node(s), $WORKERS sync workers in all, on $(nproc) cores, wrk on the same machine, ${DURATION}s per level"
echo "load: PostgreSQL $(psql "$DATABASE_URL" -Atqc 'show server_version'), mix: 20% home, 35% search, 35% gig detail, 10% API"
for conns in $LEVELS; do
  printf "c=%-4s " "$conns"
  LOAD_URLS="$WORK/urls.txt" wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 5s -s bench/load.lua \
    "http://127.0.0.1:$PORT" | grep '^RESULT'
done
if [ "$NODES" -gt 1 ]; then
  for node in $(seq 1 "$NODES"); do
    printf "node %s served %s requests\n" "$node" "$(wc -l <"$WORK/access-$node.log")"
  done
fi
