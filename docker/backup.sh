#!/bin/sh
# Backs up what cannot be rebuilt: the PostgreSQL database and the uploaded media (private
# papers included). The search index, static files and caches are rebuilt from these.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/app/var/media docker/backup.sh /backups
#
# writes /backups/cho-ocop-<UTC time>.dump (pg_dump's custom format) and
# /backups/cho-ocop-<UTC time>-media.tar.gz, and prints their names. Restore with
# docker/restore.sh. Run it daily (cron, or a systemd timer) and keep copies off the machine.
set -eu
out=${1:?usage: $0 BACKUP_DIR}
: "${DATABASE_URL:?set DATABASE_URL}"
: "${MEDIA_ROOT:?set MEDIA_ROOT}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
pg_dump --format=custom --no-owner --no-privileges --file "$out/cho-ocop-$stamp.dump" "$DATABASE_URL"
tar -C "$MEDIA_ROOT" -czf "$out/cho-ocop-$stamp-media.tar.gz" .
echo "$out/cho-ocop-$stamp.dump"
echo "$out/cho-ocop-$stamp-media.tar.gz"
