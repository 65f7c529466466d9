#!/usr/bin/env bash
# Prints `export DATABASE_URL=… REDIS_URL=…` for the test suite, making sure real PostgreSQL
# and Redis are there: given URLs win; else the local servers when reachable; else throwaway
# instances under .data/ started from the installed binaries; else install them with apt
# (as root on Debian/Ubuntu) or stop with the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$PWD/.data"
mkdir -p "$DATA"
log() { echo "ensure_services: $*" >&2; }

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
  else
    log "missing $*; install it with: sudo apt-get install -y $*"
    exit 1
  fi
}

pg_up() {  # host port
  "${PSQL:-psql}" "postgresql://postgres@$1:$2/postgres" -Atqc "select 1" >/dev/null 2>&1
}

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then echo "$DATABASE_URL"; return; fi
  command -v psql >/dev/null 2>&1 || apt_install postgresql postgresql-contrib
  if pg_up 127.0.0.1 5432; then echo "postgres://postgres@127.0.0.1:5432/lokercs"; return; fi
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    log "starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 2>&1 || true
    for _ in $(seq 1 30); do pg_up 127.0.0.1 5432 && { echo "postgres://postgres@127.0.0.1:5432/lokercs"; return; }; sleep 0.5; done
  fi
  local bin; bin=$(pg_bindir) || { apt_install postgresql postgresql-contrib; bin=$(pg_bindir); }
  local dir="$DATA/pg" port=55432 runas=()
  [ "$(id -u)" = 0 ] && runas=(runuser -u postgres --)
  if ! pg_up 127.0.0.1 $port; then
    log "starting a throwaway PostgreSQL in $dir on port $port"
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir" "$DATA"
      "${runas[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust >/dev/null
    fi
    "${runas[@]}" "$bin/pg_ctl" -D "$dir" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l "$dir/log" -w start >&2
  fi
  echo "postgres://postgres@127.0.0.1:$port/lokercs"
}

redis_up() { redis-cli -u "$1" ping >/dev/null 2>&1; }

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then echo "$REDIS_URL"; return; fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  if redis_up redis://127.0.0.1:6379; then echo "redis://127.0.0.1:6379"; return; fi
  local port=56379
  if ! redis_up "redis://127.0.0.1:$port"; then
    log "starting a throwaway Redis on port $port"
    redis-server --daemonize yes --bind 127.0.0.1 --port $port --save "" --appendonly no \
      --dir "$DATA" --logfile "$DATA/redis.log" >&2
    for _ in $(seq 1 30); do redis_up "redis://127.0.0.1:$port" && break; sleep 0.2; done
  fi
  echo "redis://127.0.0.1:$port"
}

db=$(ensure_postgres)
redis=$(ensure_redis)
echo "export DATABASE_URL='$db' REDIS_URL='$redis'"
