#!/usr/bin/env bash
# A throwaway PostgreSQL primary and a streaming replica made from it with pg_basebackup, for
# the read-replica tests (and for trying DATABASE_REPLICA_URLS by hand). Data under
# .data/replica/ (kept between runs, so a second start is quick); fsync off: test data only.
#
#   bash scripts/replica_cluster.sh start           # prints: export REPLICA_PRIMARY_URL=… REPLICA_STANDBY_URL=…
#   bash scripts/replica_cluster.sh stop-standby    # the replica goes away (fallback test)
#   bash scripts/replica_cluster.sh start-standby
#   bash scripts/replica_cluster.sh stop            # both
#
# Ports: REPLICA_PRIMARY_PORT (55442) and REPLICA_STANDBY_PORT (55443). Exit status 3, with
# the reason on stdout, when the PostgreSQL server binaries are not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${REPLICA_CLUSTER_DIR:-$PWD/.data/replica}
PRIMARY_PORT=${REPLICA_PRIMARY_PORT:-55442}
STANDBY_PORT=${REPLICA_STANDBY_PORT:-55443}
PRIMARY="$DIR/primary"
STANDBY="$DIR/standby"
log() { echo "replica_cluster: $*" >&2; }

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_basebackup" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_basebackup >/dev/null 2>&1 \
    && { dirname "$(command -v initdb)"; return 0; }
  return 1
}
BIN=$(bindir) || {
  echo "PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found: apt-get install postgresql"
  exit 3
}
RUNAS=()
if [ "$(id -u)" = 0 ]; then RUNAS=(runuser -u postgres --); fi
pg() { "${RUNAS[@]}" "$BIN/$1" "${@:2}"; }

running() { [ -f "$1/postmaster.pid" ] && pg pg_ctl -D "$1" status >/dev/null 2>&1; }

start_one() {  # data dir
  running "$1" || pg pg_ctl -D "$1" -l "$1/server.log" -w -t 60 start >/dev/null
}

stop_one() {
  if running "$1"; then pg pg_ctl -D "$1" -m fast -w stop >/dev/null; fi
}

settings() {  # port
  cat <<CONF
listen_addresses = '127.0.0.1'
port = $1
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
jit = off
CONF
}

init_primary() {
  [ -f "$PRIMARY/PG_VERSION" ] && return
  log "initdb $PRIMARY"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  pg initdb -D "$PRIMARY" -U postgres --auth=trust --no-sync >/dev/null
  settings "$PRIMARY_PORT" | "${RUNAS[@]}" tee -a "$PRIMARY/postgresql.conf" >/dev/null
}

init_standby() {
  [ -f "$STANDBY/PG_VERSION" ] && return
  log "pg_basebackup $PRIMARY -> $STANDBY"
  pg pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" -R -X stream -c fast
  echo "port = $STANDBY_PORT" | "${RUNAS[@]}" tee -a "$STANDBY/postgresql.conf" >/dev/null
}

wait_standby() {
  for _ in $(seq 1 300); do
    [ "$("$BIN/psql" "postgresql://postgres@127.0.0.1:$STANDBY_PORT/postgres" -Atqc 'select pg_is_in_recovery()' 2>/dev/null)" = t ] && return 0
    sleep 0.1
  done
  log "standby did not come up; see $STANDBY/server.log"
  exit 1
}

case "${1:-}" in
  start)
    init_primary
    start_one "$PRIMARY"
    init_standby
    start_one "$STANDBY"
    wait_standby
    echo "export REPLICA_PRIMARY_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT REPLICA_STANDBY_URL=postgres://postgres@127.0.0.1:$STANDBY_PORT"
    ;;
  stop-standby) stop_one "$STANDBY" ;;
  start-standby) start_one "$STANDBY"; wait_standby ;;
  stop) stop_one "$STANDBY"; stop_one "$PRIMARY" ;;
  *) echo "usage: $0 start|stop|stop-standby|start-standby" >&2; exit 2 ;;
esac
