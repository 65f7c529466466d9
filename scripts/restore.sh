#!/usr/bin/env bash
# `make restore BACKUP=<folder>`: put a backup made by scripts/backup.sh back. Creates the
# database when it is missing (e.g. after a DROP), replaces its tables with the backup's, and
# unpacks the media; media files present now are moved aside to <MEDIA_ROOT>.before-restore-<time>
# first, so nothing saved is lost.
#
#   DATABASE_URL=postgres://user@host:5432/lokercs [MEDIA_ROOT=media] bash scripts/restore.sh BACKUP_FOLDER
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-${BACKUP:-}}
[ -n "$SRC" ] || { echo "usage: make restore BACKUP=.data/backups/<time>" >&2; exit 2; }
[ -f "$SRC/db.dump" ] || { echo "restore: $SRC/db.dump not found" >&2; exit 2; }
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to restore into}"
MEDIA=${MEDIA_ROOT:-$PWD/media}

# postgres://user@host:port/name?opts -> the server's maintenance database, and the name
base=${DATABASE_URL%%\?*}
name=${base##*/}
server=${base%/*}
if ! psql "$server/postgres" -Atqc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
  echo "restore: creating database $name" >&2
  psql "$server/postgres" -qc "create database \"$name\""
fi
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname "$DATABASE_URL" "$SRC/db.dump"

if [ -f "$SRC/media.tar.gz" ]; then
  if [ -d "$MEDIA" ] && [ -n "$(ls -A "$MEDIA")" ]; then
    aside="${MEDIA%/}.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$MEDIA" "$aside"
    echo "restore: current media moved to $aside" >&2
  fi
  mkdir -p "$MEDIA"
  tar -C "$MEDIA" -xzf "$SRC/media.tar.gz"
fi
echo "restore: $SRC restored into $name"
