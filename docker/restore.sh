#!/bin/sh
# Restores a backup made by docker/backup.sh into an EMPTY database and media folder:
#
#   DATABASE_URL=postgres://…/cho_ocop MEDIA_ROOT=/app/var/media \
#       docker/restore.sh /backups/cho-ocop-<time>.dump /backups/cho-ocop-<time>-media.tar.gz
#
# then `python manage.py migrate` (a no-op unless the code is newer than the backup),
# `python manage.py search_index --rebuild`, and restart the web, worker and beat processes
# (each process keeps search facet columns in memory that must be read again).
set -eu
dump=${1:?usage: $0 DUMP MEDIA_TAR}
media=${2:?usage: $0 DUMP MEDIA_TAR}
: "${DATABASE_URL:?set DATABASE_URL}"
: "${MEDIA_ROOT:?set MEDIA_ROOT}"
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$DATABASE_URL" "$dump"
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$media"
echo "restored $dump and $media"
