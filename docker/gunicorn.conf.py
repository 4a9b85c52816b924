"""Gunicorn's settings for the web service.

    gunicorn --config docker/gunicorn.conf.py marketplace.wsgi:application

Read from the environment:
    WEB_BIND             address to listen on (default 0.0.0.0:8000)
    WEB_WORKERS          worker processes (default 2 per core + 1, at most 8)
    WEB_TIMEOUT          seconds a request may take before its worker is replaced (default 60)
    WEB_MAX_REQUESTS     requests a worker serves before it is replaced (default 2000, 0: never)
    FORWARDED_ALLOW_IPS  proxies trusted for X-Forwarded-Proto (default *: only the proxy
                         reaches gunicorn, on the stack's own network)
    LOG_FORMAT           json (default: marketplace.operations.logs' JSON lines) or text
    LOG_LEVEL            gunicorn's own messages (default info)
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("WEB_BIND") or "0.0.0.0:8000"
workers = _int("WEB_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
timeout = _int("WEB_TIMEOUT", 60)
graceful_timeout = 30
# Behind nginx, which keeps its connections to gunicorn open between requests.
keepalive = 5

# Workers are replaced now and then, staggered so that they do not all restart at once
# (each loads its search facet columns again on its first search).
max_requests = _int("WEB_MAX_REQUESTS", 2000)
max_requests_jitter = max(max_requests // 10, 0)

# nginx sets X-Forwarded-Proto; gunicorn is reachable only by it on the stack's network.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "*"

# The heartbeat file in memory, not on the container's overlay file system.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# No access log: Django logs one line per request (with its request id).
accesslog = None
errorlog = "-"
loglevel = (os.environ.get("LOG_LEVEL") or "info").lower()

if (os.environ.get("LOG_FORMAT") or "json").strip().lower() == "json":
    # Gunicorn's own messages (workers started, timed out, killed) as the application's JSON
    # lines. Any logging configuration turns gunicorn's access log on: it gets no handler.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "marketplace.operations.logs.JsonFormatter"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
        },
        "root": {"level": "INFO", "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
        },
    }
