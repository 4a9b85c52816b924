#!/bin/sh
# The stack's one-shot init (compose service "init"), run before web, worker and beat start
# and again at every `docker compose up`: every step is safe to repeat.
set -eu

echo "init: static files for the proxy"
# The image collected them at build (STATIC_ROOT); the proxy reads a copy in the shared
# volume. Files of earlier releases stay there, so pages still open in browsers keep
# their stylesheets while a new release takes over.
if [ -n "${STATIC_EXPORT:-}" ]; then
    cp -R "$STATIC_ROOT/." "$STATIC_EXPORT/"
fi

echo "init: Oscar's missing-image picture in MEDIA_ROOT"
# Oscar would symlink it into MEDIA_ROOT from the application's static files, a link the
# proxy (another container) cannot follow: a copy serves everywhere.
missing_image="$MEDIA_ROOT/image_not_found.jpg"
if [ ! -f "$missing_image" ] || [ -L "$missing_image" ]; then
    rm -f "$missing_image"
    cp "$STATIC_ROOT/oscar/img/image_not_found.jpg" "$missing_image"
fi

echo "init: migrate"
python manage.py migrate --noinput

echo "init: bootstrap"
python manage.py bootstrap

echo "init: search index"
python manage.py search_index --rebuild

echo "init: done"
