"""Lighthouse scores of home, a product page, a search and a storefront under production settings.

``make lighthouse``. The database, the served application and the reading of Lighthouse's reports
are in ``marketplace.demo.lighthouse``; the gunicorn server and collectstatic are the page
benchmark's (``marketplace.demo.pages_bench.server``).
"""

import html
import re
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from marketplace.demo.lighthouse import audits, database, pages
from marketplace.demo.pages_bench import server
from marketplace.demo.pages_bench.database import RefusedDatabase
from marketplace.demo.pages_bench.load import Client

DEFAULT_DIRECTORY = Path(tempfile.gettempdir())
APPLICATION = "marketplace.demo.lighthouse.wsgi:application"
BAR = 95  # issue 20: every category at least this on every page
WARM_UPS = 2
ATTEMPTS = 3
PICTURE = re.compile(r"/media/[^\"'\s,]+\.(?:jpe?g|png|webp)")


class Command(BaseCommand):
    help = (
        "Serve the demo province with gunicorn under production settings (collected, compressed and "
        "cached static files) and print Lighthouse's four category scores (mobile, default throttling) "
        "for home, a product page, a search and a storefront, with the audits that fail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-dir",
            type=Path,
            default=DEFAULT_DIRECTORY,
            help=f"Folder of the demo database, its pictures and the collected static files "
            f"(default {DEFAULT_DIRECTORY}).",
        )
        parser.add_argument("--rebuild", action="store_true", help="Load the demo again even if it fits.")
        parser.add_argument(
            "--runs", type=int, default=1, help="Lighthouse runs per page; the median is kept."
        )
        parser.add_argument(
            "--chromium", default=audits.CHROMIUM, help="Chromium's binary (default %(default)s)."
        )
        parser.add_argument("--page", action="append", choices=["home", "product", "search", "storefront"])
        parser.add_argument(
            "--cold",
            action="store_true",
            help="No warm-up: the first shopper after a deployment (page cache empty, thumbnails unmade).",
        )

    def handle(self, *args, **options):
        if options["runs"] < 1:
            raise CommandError("--runs must be at least 1.")
        if not audits.lighthouse_binary().exists():
            raise CommandError("Lighthouse is not installed: run `npm ci` (package.json pins it).")
        if not Path(options["chromium"]).exists():
            raise CommandError(f"No Chromium at {options['chromium']} (--chromium).")
        quiet = options["verbosity"] == 0
        self.cold = options["cold"]
        directory = options["database_dir"].resolve()
        directory.mkdir(parents=True, exist_ok=True)
        if not quiet:
            self.stdout.write("Demo database (built once, a few minutes; reused afterwards)…")
        try:
            url, reused = database.prepare(directory, options["rebuild"])
        except RefusedDatabase as refusal:
            raise CommandError(str(refusal)) from None
        measured = [(name, path) for name, path in pages.measured() if name in (options["page"] or [name])]
        media = database.media_root(directory)
        environment = server.production_environment(url, directory / "cho-ocop-lighthouse-static")
        environment["MEDIA_ROOT"] = str(media)
        server.collect_static(directory / "cho-ocop-lighthouse-static", environment)
        log = directory / "cho-ocop-lighthouse-gunicorn.log"
        reports = directory / "cho-ocop-lighthouse-reports"
        reports.mkdir(exist_ok=True)
        results = []
        with server.Server(environment, log, application=APPLICATION) as site:
            base = f"http://{server.HOST}:{site.port}"
            if not options["cold"]:
                warm_up(site, measured)
            total = len(measured) * options["runs"]
            with tqdm(total=total, desc="Lighthouse", unit="run", disable=quiet) as bar:
                for name, path in measured:
                    runs = []
                    for number in range(options["runs"]):
                        bar.set_description(f"Lighthouse: {name}")
                        report = reports / f"{name}-{number + 1}.json"
                        runs.append(self.lighthouse(base + path, report, options["chromium"], site))
                        bar.update()
                    results.append((name, path, median(runs)))
        self.report(results, reused, reports, log)

    def lighthouse(self, url, report, chromium, site):
        """One run, tried again when Chromium loses the trace (Lighthouse's NO_NAVSTART, now and then)."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return audits.run(url, report, chromium)
            except audits.LighthouseFailed as failure:
                if attempt == ATTEMPTS:
                    raise CommandError(f"{failure}\n{site.log_tail()}") from None
                self.stderr.write(
                    f"Lighthouse failed on {url}, trying again: {str(failure).splitlines()[-1]}"
                )

    def report(self, results, reused, reports, log):
        out = self.stdout.write
        out("")
        out(
            "Lighthouse 12 (mobile, simulated throttling, headless Chromium); gunicorn under production "
            f"settings, demo province{' (reused)' if reused else ''}, "
            f"{'cold (no warm-up)' if self.cold else 'after a warm-up request per page'}"
        )
        names = audits.CATEGORIES
        out(f"{'page':<12}" + "".join(f"{name:>16}" for name in names) + "  path")
        for name, path, measured in results:
            cells = "".join(f"{_score(measured.scores.get(category)):>16}" for category in names)
            out(f"{name:<12}{cells}  {path}")
        for name, _path, measured in results:
            if measured.failing or measured.console_errors:
                out(f"\n{name}: audits under 90")
                for audit in measured.failing:
                    detail = f" ({audit.detail})" if audit.detail else ""
                    out(f"  {round(audit.score * 100):>3}  {audit.id}: {audit.title}{detail}")
                for message in measured.console_errors:
                    out(f"  console: {message[:200]}")
        below = [
            (name, category)
            for name, _path, measured in results
            for category, score in measured.scores.items()
            if score is not None and score < BAR
        ]
        verdict = "every score at least 95" if not below else f"{len(below)} scores under {BAR}"
        out(f"\n{verdict}; reports: {reports}; log: {log}")


def warm_up(site, measured):
    """Each page and its pictures asked for once, as the shoppers before Lighthouse would have.

    In production the page cache answers a page seen before and a worker makes the thumbnails
    when a picture is uploaded; the demo's build does neither, so the first request would
    measure a cold start (``--cold`` measures it on purpose).
    """
    client = Client(server.HOST, site.port)
    try:
        for _name, path in measured:
            for _ in range(WARM_UPS):
                client.cookies.clear()  # Lighthouse comes without cookies
                status, _headers, body = client.request("GET", path)
                if status != 200:
                    raise CommandError(f"{path} answered {status} at warm-up:\n{site.log_tail()}")
            for picture in sorted(set(PICTURE.findall(html.unescape(body.decode("utf-8", "replace"))))):
                client.request("GET", picture)
    finally:
        client.close()


def median(runs):
    """The run whose performance score is the median (Lighthouse's own advice for noisy figures)."""
    ordered = sorted(runs, key=lambda measured: measured.scores.get("performance") or 0)
    return ordered[len(ordered) // 2]


def _score(value):
    return "-" if value is None else str(value)
