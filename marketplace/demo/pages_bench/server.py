"""gunicorn serving the benchmark's database as production does: 2 sync workers, production settings.

The environment is production's minimum (a random SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL,
DEBUG off), with what a server reached directly over plain HTTP on 127.0.0.1 needs (no HTTPS
redirect, no proxy in front); Redis only when REDIS_URL is set. The collected static files live
beside the databases, so ``{% static %}`` finds its manifest as in production.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from .load import Client
from .serving import CEILING_PATH

HOST = "127.0.0.1"
WORKERS = 2
START_SECONDS = 60
MANIFEST = "staticfiles.json"
APPLICATION = "marketplace.demo.pages_bench.wsgi:application"  # must answer the ceiling (readiness)
# What the bench sets; everything else is the caller's environment minus what would point elsewhere.
DROPPED = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "STATIC_ROOT", "DEBUG", "SECURE_SSL_REDIRECT")


def production_environment(database_url, static_root):
    environment = {name: value for name, value in os.environ.items() if name not in DROPPED}
    environment.update(
        DJANGO_SETTINGS_MODULE="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on 127.0.0.1, no nginx in front
        TRUSTED_PROXY_COUNT="0",
        LOG_LEVEL=os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
        LOG_FORMAT="text",
    )
    return environment


def collect_static(static_root, environment):
    """``collectstatic`` into ``static_root`` unless its manifest is newer than every source file."""
    manifest = Path(static_root) / MANIFEST
    if manifest.exists():
        newest = max(
            (
                os.stat(storage.path(path)).st_mtime
                for finder in finders.get_finders()
                for path, storage in finder.list([])
            ),
            default=0,
        )
        if newest < manifest.stat().st_mtime:
            return False
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
    )
    return True


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """A gunicorn master and its workers; use as a context manager, it is stopped whatever happens."""

    def __init__(self, environment, log_path, workers=WORKERS, application=APPLICATION):
        self.environment = environment
        self.application = application
        self.log_path = Path(log_path)
        self.workers = workers
        self.port = free_port()
        self.process = None

    def __enter__(self):
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--bind",
                f"{HOST}:{self.port}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
                self.application,
            ],
            cwd=settings.BASE_DIR,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def wait_until_ready(self):
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start:\n{self.log_tail()}")
            probe = Client(HOST, self.port)
            try:
                status, _headers, _body = probe.request("GET", CEILING_PATH.format(size=100))
            except OSError:
                time.sleep(0.2)
                continue
            finally:
                probe.close()
            if status == 200 and len(self.worker_pids()) == self.workers:
                return
            if status != 200:
                raise RuntimeError(f"the ceiling answered {status}:\n{self.log_tail()}")
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn was not ready after {START_SECONDS} s:\n{self.log_tail()}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def worker_rss_mib(self):
        """Resident memory of each worker (VmRSS), in MiB."""
        sizes = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def log_tail(self, lines=40):
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
