"""The production stack in docker/: what its users rely on, checked with the real tools.

``docker-compose config`` validates docker/compose.yaml and gives the resolved stack; nginx
checks the rendered templates and then really serves, in front of a stand-in application,
on 127.0.0.1. No Docker engine is needed. The tools are Debian's (``make test`` installs
them): a missing one fails the run in CI (CI=true) and skips the test elsewhere.
"""

import gzip
import http.client
import importlib
import json
import logging
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "docker"
COMPOSE_FILE = DOCKER / "compose.yaml"
TEMPLATES = DOCKER / "nginx" / "templates"
RENDER = DOCKER / "nginx" / "render.sh"

APP_SERVICES = ("web", "worker", "beat")
LONG_RUNNING = ("proxy", "web", "worker", "beat", "db", "redis", "search")
REQUIRED_ENV = {
    "SECRET_KEY": "t3st-Only-" + "x" * 60,
    "ALLOWED_HOSTS": "shop.example.vn",
    "SITE_URL": "https://shop.example.vn",
    "POSTGRES_PASSWORD": "s3cretpassw0rd",
}


def tool(name):
    """The path of a command-line tool; without it, fail in CI and skip elsewhere."""
    path = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/sbin") / name) if p.exists()), None
    )
    if path:
        return path
    message = f"{name} is not installed (make test installs Debian's package)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


# --- docker-compose config -----------------------------------------------------------------


def run_compose_config(tmp_path, values, *extra):
    """``docker-compose config`` with only ``values`` as settings (no docker/.env, no shell's)."""
    env_file = tmp_path / "stack.env"
    env_file.write_text("".join(f"{name}={value}\n" for name, value in values.items()))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "APP_ENV_FILE": str(env_file)}
    command = [tool("docker-compose"), "-f", str(COMPOSE_FILE), "--env-file", str(env_file), "config"]
    return subprocess.run(command + list(extra), env=env, capture_output=True, text=True, timeout=120)


def load_yaml(text):
    """Compose v1 prints YAML only: read it with PyYAML, or with the Python docker-compose runs on."""
    try:
        import yaml
    except ImportError:
        pass
    else:
        return yaml.safe_load(text)
    first_line = Path(tool("docker-compose")).read_bytes()[:200].split(b"\n", 1)[0].decode()
    interpreter = first_line[2:].strip().split() if first_line.startswith("#!") else None
    if not interpreter or "python" not in interpreter[-1]:
        pytest.fail("cannot read docker-compose's YAML: no PyYAML, and docker-compose is not a Python script")
    converted = subprocess.run(
        [*interpreter, "-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(converted.stdout)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """The stack as docker-compose resolves it with the required settings and nothing else."""
    tmp_path = tmp_path_factory.mktemp("compose")
    version = subprocess.run(
        [tool("docker-compose"), "version", "--short"], capture_output=True, text=True, timeout=60
    ).stdout.strip()
    if version.startswith("1."):
        result = run_compose_config(tmp_path, REQUIRED_ENV)
        assert result.returncode == 0, result.stderr
        return load_yaml(result.stdout)
    result = run_compose_config(tmp_path, REQUIRED_ENV, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def depends_on(service):
    value = service.get("depends_on") or {}
    return value if isinstance(value, dict) else {name: {"condition": "service_started"} for name in value}


def volume_mounts(service):
    """{target: (type, source, read_only)} for a service's volumes, short or long syntax."""
    mounts = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, str):
            parts = volume.split(":")
            source, target = parts[0], parts[1]
            read_only = len(parts) > 2 and "ro" in parts[2].split(",")
            kind = "bind" if source.startswith(("/", ".")) else "volume"
        else:
            source, target = volume.get("source"), volume["target"]
            read_only = bool(volume.get("read_only"))
            kind = volume.get("type", "volume")
        mounts[target] = (kind, source, read_only)
    return mounts


def healthcheck_command(service):
    test = (service.get("healthcheck") or {}).get("test") or []
    return " ".join(test) if isinstance(test, list) else test


def test_compose_has_the_services_of_the_stack(stack):
    assert set(stack["services"]) == {"proxy", "web", "worker", "beat", "init", "db", "redis", "search"}


def test_only_the_proxy_publishes_ports(stack):
    publishing = {name for name, service in stack["services"].items() if service.get("ports")}
    assert publishing == {"proxy"}
    targets = {
        int(port["target"]) if isinstance(port, dict) else int(str(port).split(":")[-1].split("/")[0])
        for port in stack["services"]["proxy"]["ports"]
    }
    assert targets == {80, 443}


def test_init_completes_before_web_worker_and_beat(stack):
    services = stack["services"]
    for name in APP_SERVICES:
        assert depends_on(services[name])["init"]["condition"] == "service_completed_successfully", name
    init = services["init"]
    assert init.get("restart", "no") == "no"
    for name in ("db", "redis", "search"):
        assert depends_on(init)[name]["condition"] == "service_healthy"
    # What init runs: migrations, the bootstrap and the search index, stopping at the first failure.
    assert init["command"] == ["sh", "docker/init.sh"]
    script = (DOCKER / "init.sh").read_text()
    assert "set -eu" in script
    steps = [
        "python manage.py migrate --noinput",
        "python manage.py bootstrap",
        "python manage.py search_index --rebuild",
    ]
    positions = [script.index(step) for step in steps]
    assert positions == sorted(positions)
    subprocess.run(["sh", "-n", str(DOCKER / "init.sh")], check=True)


def test_the_proxy_waits_for_a_healthy_web(stack):
    assert depends_on(stack["services"]["proxy"])["web"]["condition"] == "service_healthy"


def test_every_long_running_service_has_a_healthcheck_and_a_restart_policy(stack):
    services = stack["services"]
    for name in LONG_RUNNING:
        command = healthcheck_command(services[name])
        assert command and command != "NONE", f"{name} has no healthcheck"
        assert services[name].get("restart") in {"always", "unless-stopped"}, name
    assert "/healthz" in healthcheck_command(services["web"])
    assert "pg_isready" in healthcheck_command(services["db"])
    assert "ping" in healthcheck_command(services["redis"])
    assert "_cluster/health" in healthcheck_command(services["search"])
    assert "inspect ping" in healthcheck_command(services["worker"])


def test_app_processes_run_the_production_settings_against_the_stack(stack):
    services = stack["services"]
    for name in (*APP_SERVICES, "init"):
        environment = services[name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "marketplace.settings.production"
        assert environment["SECRET_KEY"] == REQUIRED_ENV["SECRET_KEY"]
        assert (
            environment["DATABASE_URL"].startswith("postgres://")
            and "@db:5432/" in environment["DATABASE_URL"]
        )
        assert environment["REDIS_URL"].startswith("redis://redis:6379/")
        assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
        assert environment["REDIS_URL"] != environment["CELERY_BROKER_URL"]  # a cache clear keeps the queues
        assert environment["ELASTICSEARCH_URL"] == "http://search:9200"
        assert environment["MEDIA_ROOT"] == "/app/var/media"
    assert (
        services["web"]["command"][0] == "gunicorn"
        and "docker/gunicorn.conf.py" in services["web"]["command"]
    )
    assert services["web"]["command"][-1] == "marketplace.wsgi:application"
    assert services["worker"]["command"][:4] == ["celery", "-A", "marketplace", "worker"]
    beat = services["beat"]["command"]
    assert beat[:4] == ["celery", "-A", "marketplace", "beat"]
    schedule = beat[beat.index("--schedule") + 1]
    assert any(schedule.startswith(target + "/") for target in volume_mounts(services["beat"]))
    assert "scale" not in services["beat"] and (services["beat"].get("deploy") or {}).get("replicas", 1) == 1


def test_required_settings_fail_clearly(tmp_path):
    for missing in REQUIRED_ENV:
        values = {name: value for name, value in REQUIRED_ENV.items() if name != missing}
        result = run_compose_config(tmp_path, values)
        assert result.returncode != 0, missing
        assert f"set {missing}" in result.stderr, result.stderr


def test_media_is_shared_and_read_only_in_the_proxy(stack):
    services = stack["services"]
    web_media = volume_mounts(services["web"])["/app/var/media"]
    assert web_media[0] == "volume" and not web_media[2]
    assert volume_mounts(services["worker"])["/app/var/media"] == web_media
    proxy = volume_mounts(services["proxy"])
    proxy_media = [mount for mount in proxy.values() if mount[1] == web_media[1]]
    assert proxy_media and all(mount[2] for mount in proxy_media)
    # The static files the init copies out of the image, read-only in the proxy too.
    static = volume_mounts(services["init"])["/app/var/static-export"]
    assert any(mount[1] == static[1] and mount[2] for mount in proxy.values())
    environment = services["proxy"]["environment"]
    assert proxy[environment["PROXY_MEDIA_ROOT"]][1] == web_media[1]
    assert proxy[environment["PROXY_STATIC_ROOT"]][1] == static[1]
    assert stack["volumes"].keys() >= {web_media[1], static[1]}


def test_data_services_keep_their_data_in_volumes(stack):
    services = stack["services"]
    assert volume_mounts(services["db"])["/var/lib/postgresql/data"][0] == "volume"
    assert services["db"]["image"].startswith("postgres:16")
    search = services["search"]
    assert volume_mounts(search)["/usr/share/elasticsearch/data"][0] == "volume"
    assert re.search(r"elasticsearch:8\.\d+", search["image"])
    assert search["environment"]["discovery.type"] == "single-node"
    assert re.search(r"-Xms\S+ -Xmx\S+", search["environment"]["ES_JAVA_OPTS"])
    redis = services["redis"]
    assert redis["image"].startswith("redis:7")
    command = redis["command"] if isinstance(redis["command"], list) else redis["command"].split()
    assert command[command.index("--maxmemory-policy") + 1] in {"volatile-lru", "allkeys-lru"}


def test_the_proxy_renders_the_nginx_templates_it_is_given(stack):
    proxy = stack["services"]["proxy"]
    assert proxy["environment"]["NGINX_ENVSUBST_FILTER"] == "PROXY_"
    templates = volume_mounts(proxy)["/etc/nginx/templates"]
    assert templates[0] == "bind" and Path(templates[1]) == TEMPLATES and templates[2]
    used = set()
    for template in TEMPLATES.glob("*.template"):
        used |= set(re.findall(r"\$\{(PROXY_[A-Z_]+)\}", template.read_text()))
    assert used and used <= set(proxy["environment"])


# --- the image -------------------------------------------------------------------------------


def dockerignore_patterns():
    patterns = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            negate = line.startswith("!")
            patterns.append((negate, line.lstrip("!").strip("/")))
    return patterns


def pattern_regex(pattern):
    """A .dockerignore pattern (Go's filepath.Match, plus ``**``) as a regular expression."""
    regex, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex, i = regex + "(?:.*/)?", i + 3
            continue
        if pattern.startswith("**", i):
            regex, i = regex + ".*", i + 2
            continue
        char = pattern[i]
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "[":
            end = pattern.index("]", i)
            regex += "[" + pattern[i + 1 : end].replace("!", "^", 1) + "]"
            i = end
        else:
            regex += re.escape(char)
        i += 1
    return re.compile("^" + regex + "$")


def excluded(path, patterns):
    """Whether Docker leaves ``path`` (relative to the context) out: the last matching pattern wins."""
    parts = path.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    verdict = False
    for negate, pattern in patterns:
        regex = pattern_regex(pattern)
        if any(regex.match(candidate) for candidate in candidates):
            verdict = not negate
    return verdict


def test_dockerignore_keeps_local_data_secrets_and_history_out_of_the_image():
    patterns = dockerignore_patterns()
    for path in [
        ".venv/bin/python",
        "db.sqlite3",
        "db.sqlite3-wal",
        "var/media/private/enterprise-documents/0123.pdf",
        "var/static/app.css",
        ".git/HEAD",
        ".env",
        "docker/.env",
        "docker/certs/privkey.pem",
        "marketplace/__pycache__/urls.cpython-312.pyc",
        "catalogue/models.pyc",
        "node_modules/x/index.js",
        ".pytest_cache/v/cache",
    ]:
        assert excluded(path, patterns), path
    # ...and everything the image is built from stays in.
    for path in [
        "manage.py",
        "requirements.txt",
        "marketplace/settings/production.py",
        "marketplace/static/marketplace/site.css",
        "docker/gunicorn.conf.py",
        "docker/init.sh",
        "docker/healthcheck.py",
    ]:
        assert not excluded(path, patterns), path


def test_dockerfile_builds_a_non_root_image_that_does_not_migrate():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    instructions = [line for line in dockerfile.splitlines() if line and not line.startswith("#")]
    assert instructions[0] == "FROM python:3.12-slim"
    assert re.search(r"^USER (?!root\b)\w+", dockerfile, re.MULTILINE)
    assert "collectstatic --noinput" in dockerfile
    assert "pip install --no-cache-dir -r requirements.txt" in dockerfile
    assert "requirements-test" not in dockerfile
    cmd = next(line for line in instructions if line.startswith(("CMD", "ENTRYPOINT")))
    assert "migrate" not in cmd and "gunicorn" in cmd
    assert "HEALTHCHECK" in dockerfile


def test_gunicorn_configuration(monkeypatch):
    import runpy

    monkeypatch.setenv("WEB_WORKERS", "5")
    monkeypatch.setenv("LOG_FORMAT", "json")
    config = runpy.run_path(str(DOCKER / "gunicorn.conf.py"))
    assert config["bind"] == "0.0.0.0:8000"
    assert config["workers"] == 5
    assert config["accesslog"] is None
    assert config["max_requests"] > 0 and config["max_requests_jitter"] > 0
    assert config["forwarded_allow_ips"]
    assert config["timeout"] < 75  # nginx's proxy_read_timeout: gunicorn gives up first
    # Gunicorn's own messages as the application's JSON lines; its access log (turned on by any
    # logging configuration) goes nowhere.
    logging_config = config["logconfig_dict"]
    loggers = logging_config["loggers"]
    assert loggers["gunicorn.access"]["handlers"] == [] and not loggers["gunicorn.access"]["propagate"]
    assert not loggers["gunicorn.error"]["propagate"]
    factory = logging_config["formatters"]["json"]["()"]
    module, _, name = factory.rpartition(".")
    formatter = getattr(importlib.import_module(module), name)()
    record = logging.LogRecord("gunicorn.error", logging.INFO, __file__, 1, "Booting worker", None, None)
    line = json.loads(formatter.format(record))
    assert (line["level"], line["logger"], line["message"]) == ("INFO", "gunicorn.error", "Booting worker")
    monkeypatch.setenv("LOG_FORMAT", "text")
    assert "logconfig_dict" not in runpy.run_path(str(DOCKER / "gunicorn.conf.py"))


# --- nginx -------------------------------------------------------------------------------------


class Upstream(BaseHTTPRequestHandler):
    """The application's stand-in: answers an HTML page naming the headers it was given."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        seen = {name.lower(): value for name, value in self.headers.items()}
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, location = 200, None
        if self.path == "/healthz":
            # As the production settings would: only an allowed host, only over HTTPS.
            secure = seen.get("x-forwarded-proto") == "https"
            status = 200 if secure and seen.get("host") in {"example.vn", "shop.example.vn"} else 400
        elif self.path == "/healthz-down":
            status = 503
        elif self.path == "/moved":
            status, location = 301, "https://elsewhere.example/"
        padding = "<p>Chợ OCOP</p>" * 200  # enough to be worth compressing
        body = f"<!doctype html><pre id=headers>{json.dumps(seen)}</pre>{padding}".encode()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def self_signed_certificate(folder):
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def render(out, variables):
    tool("envsubst")
    command = ["sh", str(RENDER), str(out), "--foreground"]
    if os.geteuid() == 0:
        command += ["--user", "root"]  # workers read the test's private temporary folders
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **variables}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return out / "nginx.conf"


def nginx_command(out, *extra):
    return [tool("nginx"), "-p", f"{out}/", "-c", "nginx.conf", "-e", "logs/error.log", *extra]


@pytest.fixture(scope="module")
def site(tmp_path_factory, upstream):
    """Files as the stack holds them: collected static files, public uploads and private papers."""
    root = tmp_path_factory.mktemp("site")
    static, media = root / "static", root / "media"
    (static / "marketplace").mkdir(parents=True)
    css = "body { color: #222; }\n" * 200
    (static / "marketplace" / "site.css").write_text(css)
    (static / "marketplace" / "site.0123456789ab.css").write_text(css)
    (static / "marketplace" / "site.0123456789ab.css.gz").write_bytes(gzip.compress(css.encode()))
    (static / "marketplace" / "data.json").write_text(json.dumps({"x": ["y" * 50] * 100}))
    (media / "products").mkdir(parents=True)
    (media / "products" / "honey.jpg").write_bytes(b"\xff\xd8\xff\xe0 a picture")
    (media / "thumbnails" / "3f").mkdir(parents=True)
    (media / "thumbnails" / "3f" / "3f2a9c.jpg").write_bytes(b"\xff\xd8\xff\xe0 a thumbnail")
    (media / "private" / "enterprise-documents").mkdir(parents=True)
    (media / "private" / "enterprise-documents" / "paper.pdf").write_bytes(b"%PDF-1.4 registration")
    return {"static": static, "media": media, "upstream": upstream}


@pytest.fixture(scope="module")
def nginx(tmp_path_factory, site):
    """Debian's nginx started from the rendered templates, HTTP and HTTPS, on free ports."""
    out = tmp_path_factory.mktemp("nginx")
    cert, key = self_signed_certificate(out / "certs")
    http_port, https_port = free_port(), free_port()
    render(
        out,
        {
            "PROXY_LISTEN": f"127.0.0.1:{http_port}",
            "PROXY_UPSTREAM": site["upstream"],
            "PROXY_STATIC_ROOT": str(site["static"]),
            "PROXY_MEDIA_ROOT": str(site["media"]),
            "PROXY_TLS_LISTEN": f"127.0.0.1:{https_port}",
            "PROXY_TLS_CERT": str(cert),
            "PROXY_TLS_KEY": str(key),
        },
    )
    check = subprocess.run(nginx_command(out, "-t"), capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(nginx_command(out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", http_port), timeout=1).close()
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    error_log = (out / "logs" / "error.log").read_text(errors="replace")
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode()} {error_log}")
                time.sleep(0.05)
        yield {"http": http_port, "https": https_port, "out": out}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT)  # graceful: workers finish, then exit
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stderr:
            process.stderr.close()


def get(nginx, path, headers=None, https=False, method="GET", body=None):
    """A request with the path exactly as written (no client-side normalisation)."""
    if https:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", nginx["https"], timeout=10, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def seen_by_upstream(body):
    return json.loads(re.search(rb"<pre id=headers>(.*?)</pre>", body).group(1))


def test_nginx_configuration_is_valid_with_and_without_tls(tmp_path):
    cert, key = self_signed_certificate(tmp_path / "certs")
    base = {
        "PROXY_LISTEN": "127.0.0.1:8080",
        "PROXY_UPSTREAM": "127.0.0.1:8000",
        "PROXY_STATIC_ROOT": str(tmp_path),
        "PROXY_MEDIA_ROOT": str(tmp_path),
    }
    tls = {"PROXY_TLS_LISTEN": "127.0.0.1:8443", "PROXY_TLS_CERT": str(cert), "PROXY_TLS_KEY": str(key)}
    for name, variables in (("plain", base), ("tls", {**base, **tls})):
        out = tmp_path / name
        config = render(out, variables)
        rendered = "".join(path.read_text() for path in (out / "conf.d").iterdir())
        assert not re.search(r"\$\{PROXY_[A-Z_]+\}", rendered)  # every variable filled...
        assert "$http_x_request_id" in rendered and "$request_id" in rendered  # ...and nginx's own kept
        assert (out / "conf.d" / "tls.conf").exists() == (name == "tls")
        result = subprocess.run(nginx_command(out, "-t"), capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert "test is successful" in result.stderr
        assert f"{out}/" in config.read_text()  # the start command it documents


def test_render_refuses_missing_variables(tmp_path):
    tool("envsubst")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PROXY_LISTEN": "8080"}
    result = subprocess.run(
        ["sh", str(RENDER), str(tmp_path / "out")], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "PROXY_UPSTREAM" in result.stderr and "PROXY_STATIC_ROOT" in result.stderr


def test_static_files_are_served_with_long_cache_for_hashed_names(nginx):
    status, headers, body = get(nginx, "/static/marketplace/site.0123456789ab.css")
    assert status == 200 and body.startswith(b"body {")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["content-type"].startswith("text/css")
    status, headers, _ = get(nginx, "/static/marketplace/site.css")
    assert status == 200 and headers["cache-control"] == "public, max-age=3600"
    status, _, body = get(nginx, "/static/marketplace/missing.css")
    assert status == 404 and b"<pre id=headers>" not in body  # never handed to the application


def test_text_is_compressed(nginx):
    accept = {"Accept-Encoding": "gzip"}
    # The .gz whitenoise's storage wrote beside the file, as it is.
    status, headers, body = get(nginx, "/static/marketplace/site.0123456789ab.css", accept)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"body {")
    for path in ("/static/marketplace/site.css", "/static/marketplace/data.json", "/"):
        status, headers, body = get(nginx, path, accept)
        assert status == 200 and headers.get("content-encoding") == "gzip", path
        assert "accept-encoding" in headers.get("vary", "").lower(), path
        gzip.decompress(body)
    status, headers, _ = get(nginx, "/")
    assert "content-encoding" not in headers


def test_public_media_is_served_and_private_papers_never(nginx):
    status, headers, body = get(nginx, "/media/products/honey.jpg")
    assert status == 200 and body == b"\xff\xd8\xff\xe0 a picture"
    assert headers["cache-control"].startswith("public, max-age=")
    assert headers["x-content-type-options"] == "nosniff"
    for path in [
        "/media/private/enterprise-documents/paper.pdf",
        "/media//private/enterprise-documents/paper.pdf",
        "/media/./private/enterprise-documents/paper.pdf",
        "/media/products/../private/enterprise-documents/paper.pdf",
        "/media/thumbnails/../private/enterprise-documents/paper.pdf",
        "/media/%70rivate/enterprise-documents/paper.pdf",
        "/media/private%2Fenterprise-documents%2Fpaper.pdf",
        "/media/private/",
        "/media/private",
    ]:
        status, _, body = get(nginx, path)
        assert status in {403, 404}, path
        assert b"registration" not in body and b"<pre id=headers>" not in body, path


def test_thumbnails_are_kept_by_browsers_for_a_year(nginx):
    status, headers, body = get(nginx, "/media/thumbnails/3f/3f2a9c.jpg")
    assert status == 200 and body == b"\xff\xd8\xff\xe0 a thumbnail"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["x-content-type-options"] == "nosniff"
    assert get(nginx, "/media/thumbnails/3f/missing.jpg")[0] == 404


def test_the_rest_reaches_the_application_with_the_forwarded_headers(nginx):
    status, _, body = get(nginx, "/catalogue/?q=m%E1%BA%ADt+ong", {"X-Forwarded-For": "6.6.6.6"})
    assert status == 200
    seen = seen_by_upstream(body)
    assert seen["host"] == f"127.0.0.1:{nginx['http']}"
    assert seen["x-forwarded-proto"] == "http"
    assert seen["x-forwarded-for"] == "127.0.0.1"  # what the client claimed is not passed on
    assert re.fullmatch(r"[0-9a-f]{32}", seen["x-request-id"])
    _, _, body = get(nginx, "/", {"X-Request-ID": "edge-4f2a.9"})
    assert seen_by_upstream(body)["x-request-id"] == "edge-4f2a.9"
    _, _, body = get(nginx, "/", {"X-Request-ID": 'bad"id with spaces'})
    assert re.fullmatch(r"[0-9a-f]{32}", seen_by_upstream(body)["x-request-id"])
    # The application's own answers pass unchanged: redirects, errors.
    status, headers, _ = get(nginx, "/moved")
    assert status == 301 and headers["location"] == "https://elsewhere.example/"
    assert get(nginx, "/healthz-down")[0] == 503


def test_https_tells_the_application_the_request_was_secure(nginx):
    status, _, body = get(nginx, "/accounts/login/", https=True)
    assert status == 200
    seen = seen_by_upstream(body)
    assert seen["x-forwarded-proto"] == "https"
    assert seen["host"] == f"127.0.0.1:{nginx['https']}"
    status, headers, _ = get(nginx, "/static/marketplace/site.0123456789ab.css", https=True)
    assert status == 200 and "immutable" in headers["cache-control"]
    assert get(nginx, "/media/private/enterprise-documents/paper.pdf", https=True)[0] in {403, 404}


def test_uploads_up_to_the_forms_limits_pass_and_larger_ones_are_refused(nginx):
    twelve_mb = b"x" * (12 * 1024 * 1024)
    status, _, body = get(nginx, "/enterprises/apply/", method="POST", body=twelve_mb)
    assert status == 200 and seen_by_upstream(body)["content-length"] == str(len(twelve_mb))
    # Announced too large: refused before a byte of the body is read.
    connection = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=10)
    try:
        connection.putrequest("POST", "/enterprises/apply/")
        connection.putheader("Content-Length", str(40 * 1024 * 1024))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()


def test_the_proxy_has_a_health_location_of_its_own(nginx):
    status, _, body = get(nginx, "/proxy-healthz")
    assert status == 200 and body == b"ok\n"


# --- the containers' health check ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "healthy"), [("/healthz", True), ("/healthz-down", False), ("/moved", False)]
)
def test_health_check_script_asks_as_the_proxy_does(upstream, path, healthy):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "WEB_BIND": f"0.0.0.0:{upstream.rsplit(':', 1)[1]}",
        "ALLOWED_HOSTS": ".example.vn,shop.example.vn",
    }
    result = subprocess.run(
        [sys.executable, str(DOCKER / "healthcheck.py"), path],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (result.returncode == 0) == healthy, result.stderr
