"""Container health check: python docker/healthcheck.py [PATH] (default /healthz).

Asks the local gunicorn the way nginx does: with a Host the production settings allow
(the first of ALLOWED_HOSTS) and X-Forwarded-Proto https, so that neither the host check
nor the redirect to HTTPS answers instead of the view. Healthy only on 200; no redirect
is followed. Needs nothing but Python (the image has no curl).
"""

import http.client
import os
import sys


def allowed_host():
    for host in (os.environ.get("ALLOWED_HOSTS") or "localhost").split(","):
        host = host.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def main(argv):
    path = argv[1] if len(argv) > 1 else "/healthz"
    port = int((os.environ.get("WEB_BIND") or "0.0.0.0:8000").rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": allowed_host(), "X-Forwarded-Proto": "https"})
        status = connection.getresponse().status
    except OSError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status != 200:
        print(f"{path}: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
