#!/bin/sh
# Static files for a production image, with production settings; fails on any error.
# The Dockerfile runs this script, and tests/security/test_production_build.py runs the same
# script outside Docker, then serves the home page with DEBUG=0 from what it built.
# Translations: the compiled locale/*/LC_MESSAGES/django.mo files are committed.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"
# Settings refuse to load without a key; this one only lives for the build (nothing it signs is kept).
SECRET_KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')" \
DEBUG=0 ALLOWED_HOSTS=localhost DATABASE_URL="" REDIS_URL="" \
  "$PYTHON" manage.py collectstatic --noinput
