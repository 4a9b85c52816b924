"""Benchmark the pages under gunicorn beside a bare Django view of the same size (``make bench-pages``).

The served site, the ceiling and the load driver are in ``marketplace.demo.pages_bench``; the
catalogue is the search benchmark's generator (``marketplace.demo.bench``).
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from marketplace.demo.pages_bench import database, scenarios, server
from marketplace.demo.pages_bench.database import Recipe, RefusedDatabase
from marketplace.demo.pages_bench.load import Client, Figures, drive
from marketplace.demo.pages_bench.serving import CEILING_PATH

DEFAULT_SIZES = (20_000, 100_000)
DEFAULT_DIRECTORY = Path(tempfile.gettempdir())


def sizes(text):
    try:
        values = tuple(int(value.replace("_", "")) for value in text.split(",") if value.strip())
    except ValueError:
        raise CommandError(f"--sizes takes numbers separated by commas, not {text!r}") from None
    return values


class Command(BaseCommand):
    help = (
        "Build (or reuse) generated catalogues of 20,000 and 100,000 products, serve each with gunicorn "
        "(2 sync workers, production settings) and print, for every page a shopper opens, req/s, p50/p99 "
        "latency and the ratio to a bare Django view of the same size served by the same processes, "
        "with errors, SQL queries per page and the workers' memory."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            type=sizes,
            default=DEFAULT_SIZES,
            help="Catalogue sizes, comma-separated (default 20000,100000).",
        )
        parser.add_argument("--products", type=int, help="One size only, e.g. 2000 for a quick run.")
        parser.add_argument("--enterprises", type=int, default=1_000)
        parser.add_argument("--seed", type=int, default=2026, help="The generator's seed (default 2026).")
        parser.add_argument(
            "--database-dir",
            type=Path,
            default=DEFAULT_DIRECTORY,
            help=f"Folder of the SQLite files and collected static files (default {DEFAULT_DIRECTORY}).",
        )
        parser.add_argument("--rebuild", action="store_true", help="Generate again even if a database fits.")
        parser.add_argument("--connections", type=int, default=8, help="Concurrent connections (default 8).")
        parser.add_argument(
            "--requests", type=int, default=100, help="Requests per batch, site or ceiling (default 100)."
        )
        parser.add_argument(
            "--rounds", type=int, default=3, help="Site and ceiling batches, alternating (default 3)."
        )

    def handle(self, *args, **options):
        chosen = (options["products"],) if options["products"] is not None else options["sizes"]
        numbers = (
            *chosen,
            options["enterprises"],
            options["connections"],
            options["requests"],
            options["rounds"],
        )
        if not chosen or min(numbers) < 1:
            raise CommandError(
                "Sizes, --enterprises, --connections, --requests and --rounds must be at least 1."
            )
        if options["enterprises"] < 12 or min(chosen) < 12:
            raise CommandError("The 12-line basket needs at least 12 enterprises and 12 products.")
        self.options = options
        self.quiet = options["verbosity"] == 0
        directory = options["database_dir"].resolve()
        directory.mkdir(parents=True, exist_ok=True)
        static_root = directory / "cho-ocop-bench-static"
        for products in chosen:
            recipe = Recipe(products, options["enterprises"], options["seed"])
            with tqdm(desc=f"Database ({products:,})", unit="product", disable=self.quiet) as bar:
                try:
                    built = database.prepare(recipe, directory, options["rebuild"], progress=bar)
                except RefusedDatabase as refusal:
                    raise CommandError(str(refusal)) from None
            environment = server.production_environment(built.url, static_root)
            server.collect_static(static_root, environment)
            log = directory / f"cho-ocop-pages-{products}-gunicorn.log"
            with server.Server(environment, log) as site:
                results = self.run_scenarios(site)
                memory = site.worker_rss_mib()
            self.report(built, results, memory, log)

    def run_scenarios(self, site):
        connections, per_batch, rounds = (
            self.options[name] for name in ("connections", "requests", "rounds")
        )
        try:
            plan = scenarios.build(server.HOST, site.port)
        except scenarios.SetupFailed as failure:
            raise CommandError(f"{failure}\n{site.log_tail()}") from None
        results = []
        total = len(plan) * rounds * per_batch * 2
        with tqdm(total=total, desc="Requests", unit="req", disable=self.quiet) as bar:
            for scenario in plan:
                bar.set_description(scenario.name)
                size = self.page_size(site, scenario)
                ceiling = scenarios.Scenario("ceiling", CEILING_PATH.format(size=size), scenario.cookies)
                warm_up = connections * 2
                drive(server.HOST, site.port, scenario.requests(warm_up), connections, Figures())
                drive(server.HOST, site.port, ceiling.requests(warm_up), connections, Figures())
                page, bare = Figures(), Figures()
                for _round in range(rounds):
                    drive(server.HOST, site.port, scenario.requests(per_batch), connections, page, bar)
                    drive(server.HOST, site.port, ceiling.requests(per_batch), connections, bare, bar)
                results.append((scenario, page, bare, site.worker_rss_mib()))
        return results

    @staticmethod
    def page_size(site, scenario):
        """The page's size in bytes, from one untimed request: the ceiling sends as many."""
        client = Client(server.HOST, site.port)
        try:
            _status, _headers, body = client.request(
                "GET", scenario.requests(1)[0].path, cookies=scenario.cookies
            )
        finally:
            client.close()
        return len(body)

    def report(self, built, results, memory, log):
        out = self.stdout.write
        counts, options = built.counts, self.options
        cache = "Redis" if settings.REDIS_URL else "local memory per worker"
        cache += ", whole pages kept" if settings.PAGE_CACHE_ENABLED else ", pages rendered every time"
        out("")
        out(
            f"Page benchmark: {counts['products']:,} products, {counts['enterprises']:,} enterprises; "
            f"{built.where}{' (reused)' if built.reused else ''}"
        )
        for step, seconds in built.steps.items():
            out(f"  {step}: {seconds:.1f} s")
        out(
            f"gunicorn, {server.WORKERS} sync workers, production settings, cache: {cache}; "
            f"{options['connections']} connections; {options['rounds']} rounds of {options['requests']} "
            "requests to the page, then as many to the ceiling"
        )
        out(
            f"{'scenario':<26}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'ceiling req/s':>15}{'ratio':>8}"
            f"{'errors':>8}{'queries':>9}{'KiB':>7}{'workers MiB':>14}"
        )
        for scenario, page, bare, rss in results:
            errors = page.errors + bare.errors
            out(
                f"{scenario.name:<26}{page.rate:>8.1f}{page.percentile(50):>8.1f}{page.percentile(99):>8.1f}"
                f"{bare.rate:>15.1f}{page.rate / bare.rate if bare.rate else 0:>8.4f}{errors:>8}"
                f"{_range(page.queries):>9}{_kib(page.sizes):>7}{_memory(rss):>14}"
            )
            for figures in (page, bare):
                if figures.first_error:
                    out(f"  first error: {figures.first_error}")
        out(f"gunicorn workers' memory at the end (VmRSS): {_memory(memory)} MiB; log: {log}")


def _range(values):
    if not values:
        return "-"
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def _kib(sizes):
    return f"{max(sizes) / 1024:.0f}" if sizes else "-"


def _memory(sizes):
    return "/".join(f"{size:.0f}" for size in sizes) or "-"
