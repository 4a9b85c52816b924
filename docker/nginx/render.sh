#!/bin/sh
# Renders the nginx templates into OUT_DIR with an nginx.conf of their own, so that nginx
# runs from there as any user, without touching /etc/nginx:
#
#   PROXY_LISTEN=127.0.0.1:8080 PROXY_UPSTREAM=127.0.0.1:8000 \
#   PROXY_STATIC_ROOT=$PWD/var/static PROXY_MEDIA_ROOT=$PWD/var/media \
#       docker/nginx/render.sh /tmp/cho-ocop-nginx
#   nginx -p /tmp/cho-ocop-nginx/ -c nginx.conf -e logs/error.log -t   # check
#   nginx -p /tmp/cho-ocop-nginx/ -c nginx.conf -e logs/error.log      # start (daemon)
#   nginx -p /tmp/cho-ocop-nginx/ -c nginx.conf -e logs/error.log -s quit
#
# With PROXY_TLS_LISTEN, PROXY_TLS_CERT and PROXY_TLS_KEY set, the HTTPS server
# (tls.conf.template) is rendered too. Options:
#   --user NAME    workers run as NAME (only matters when nginx starts as root: without it
#                  they run as nobody, who must then read the static and media folders)
#   --foreground   "daemon off;" (nginx stays in the foreground, as under a supervisor)
#
# The official nginx image renders the same templates itself (see compose.yaml); the
# variables substituted are exactly the PROXY_* ones below, nginx's own $variables stay.
set -eu

usage() {
    echo "usage: $0 OUT_DIR [--user NAME] [--foreground]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
out=$1
shift
user=
foreground=
while [ $# -gt 0 ]; do
    case $1 in
        --user) [ $# -ge 2 ] || usage; user=$2; shift 2 ;;
        --foreground) foreground=1; shift ;;
        *) usage ;;
    esac
done

here=$(cd "$(dirname "$0")" && pwd)
templates=$here/templates
variables='${PROXY_LISTEN} ${PROXY_UPSTREAM} ${PROXY_STATIC_ROOT} ${PROXY_MEDIA_ROOT}'
tls_variables='${PROXY_TLS_LISTEN} ${PROXY_TLS_CERT} ${PROXY_TLS_KEY}'

command -v envsubst >/dev/null || { echo "$0: envsubst is missing (Debian: gettext-base)" >&2; exit 1; }

missing=
for name in PROXY_LISTEN PROXY_UPSTREAM PROXY_STATIC_ROOT PROXY_MEDIA_ROOT; do
    eval "value=\${$name:-}"
    [ -n "$value" ] || missing="$missing $name"
done
tls=
if [ -n "${PROXY_TLS_LISTEN:-}${PROXY_TLS_CERT:-}${PROXY_TLS_KEY:-}" ]; then
    tls=1
    for name in PROXY_TLS_LISTEN PROXY_TLS_CERT PROXY_TLS_KEY; do
        eval "value=\${$name:-}"
        [ -n "$value" ] || missing="$missing $name"
    done
fi
if [ -n "$missing" ]; then
    echo "$0: set$missing (see $templates/default.conf.template)" >&2
    exit 1
fi

mime_types=
for candidate in /etc/nginx/mime.types /usr/local/nginx/conf/mime.types /usr/share/nginx/mime.types; do
    if [ -f "$candidate" ]; then mime_types=$candidate; break; fi
done
[ -n "$mime_types" ] || { echo "$0: no nginx mime.types found (Debian: nginx-common)" >&2; exit 1; }

mkdir -p "$out/conf.d" "$out/logs" "$out/temp"
out=$(cd "$out" && pwd)
rm -f "$out/conf.d/default.conf" "$out/conf.d/tls.conf" "$out/conf.d/cho-ocop.locations"

envsubst "$variables" <"$templates/default.conf.template" >"$out/conf.d/default.conf"
envsubst "$variables" <"$templates/cho-ocop.locations.template" >"$out/conf.d/cho-ocop.locations"
if [ -n "$tls" ]; then
    envsubst "$tls_variables" <"$templates/tls.conf.template" >"$out/conf.d/tls.conf"
fi
cp "$mime_types" "$out/mime.types"

{
    echo "# Written by docker/nginx/render.sh; start with: nginx -p $out/ -c nginx.conf -e logs/error.log"
    [ -z "$user" ] || echo "user $user;"
    [ -z "$foreground" ] || echo "daemon off;"
    cat <<'EOF'
worker_processes auto;
pid nginx.pid;
error_log logs/error.log warn;

events {
    worker_connections 1024;
}

http {
    include mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    types_hash_max_size 2048;

    # Everything nginx writes stays under the prefix.
    access_log logs/access.log;
    client_body_temp_path temp/client_body;
    proxy_temp_path temp/proxy;
    fastcgi_temp_path temp/fastcgi;
    uwsgi_temp_path temp/uwsgi;
    scgi_temp_path temp/scgi;

    include conf.d/*.conf;
}
EOF
} >"$out/nginx.conf"

echo "$out/nginx.conf"
