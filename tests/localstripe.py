"""localstripe, a fake Stripe on a free loopback port, for the payment and browser tests.

A pytest plugin (registered in tests/conftest.py): the ``localstripe`` fixture starts one
server per test session and stops it at the end; ``stripe_settings`` points the project at
it for one test and empties it afterwards. The real Stripe is never called: the fixture
refuses any API base that is not loopback.
"""

import ipaddress
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

SECRET_KEY = "sk_test_localstripe"
PUBLISHABLE_KEY = "pk_test_localstripe"
WEBHOOK_SECRET = "whsec_test_localstripe"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_loopback(url):
    host = urlsplit(url).hostname
    assert host and ipaddress.ip_address(host).is_loopback, f"tests must not call {url}: not loopback"


@pytest.fixture(scope="session")
def localstripe(tmp_path_factory):
    """The base URL of a running localstripe, e.g. http://127.0.0.1:40123."""
    executable = shutil.which("localstripe", path=str(Path(sys.executable).parent)) or shutil.which(
        "localstripe"
    )
    if executable is None:
        pytest.fail("localstripe is not installed: pip install -r requirements-test.txt")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("localstripe") / "server.log").open("w")
    process = subprocess.Popen(
        [executable, "--port", str(port), "--from-scratch"], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{url}/js.stripe.com/v3/", timeout=1).raise_for_status()
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"localstripe did not start on port {port} (see {log.name})")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def stripe_settings(localstripe, settings):
    """The project's Stripe settings pointed at localstripe for one test, emptied afterwards."""
    assert_loopback(localstripe)
    settings.STRIPE_API_BASE = localstripe
    settings.STRIPE_JS_URL = f"{localstripe}/js.stripe.com/v3/"
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    yield settings
    requests.delete(f"{localstripe}/_config/data", timeout=5)
