#!/usr/bin/env bash
# `make backup`: the PostgreSQL database (pg_dump custom format) and the media folder, into
# BACKUP_DIR/<UTC time>/ (db.dump, media.tar.gz, MANIFEST). Prints the backup's folder.
#
#   DATABASE_URL=postgres://user@host:5432/lokercs [MEDIA_ROOT=media] [BACKUP_DIR=.data/backups] \
#     bash scripts/backup.sh
#
# With MEDIA_S3_BUCKET set, uploads live in the bucket: keep them with the store's own
# versioning / replication; this script then backs up the database only.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "backup: DATABASE_URL must be a postgres:// URL (SQLite: copy db.sqlite3 and media/)" >&2; exit 2 ;;
esac
MEDIA=${MEDIA_ROOT:-$PWD/media}
DEST=${BACKUP_DIR:-$PWD/.data/backups}/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$DEST"

pg_dump --format=custom --compress=6 --no-owner --no-privileges --file "$DEST/db.dump" "$DATABASE_URL"
if [ -n "${MEDIA_S3_BUCKET:-}" ]; then
  media="bucket ${MEDIA_S3_BUCKET} (not copied)"
elif [ -d "$MEDIA" ]; then
  tar -C "$MEDIA" -czf "$DEST/media.tar.gz" .
  media="$(tar -tzf "$DEST/media.tar.gz" | grep -vc '/$' || true) files from $MEDIA"
else
  media="none ($MEDIA does not exist)"
fi
{
  echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database: $(pg_restore --list "$DEST/db.dump" | grep -c ' TABLE DATA ') tables"
  echo "media: $media"
} >"$DEST/MANIFEST"
echo "$DEST"
