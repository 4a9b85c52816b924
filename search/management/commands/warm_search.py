from django.core.cache.backends.locmem import LocMemCache
from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.backends import get_backend
from search.backends.database import DatabaseBackend
from search.backends.database.cache import answers_cache, index_version
from search.warming import busiest_pages, warm

WARMED = "search:warmed-version"  # the index version the last run warmed


class Command(BaseCommand):
    help = (
        "Ask the catalogue's first page, each category's and each province's again, so shoppers find "
        "their answers remembered after the index changed. Run every minute with --if-changed (cron); "
        "useful with REDIS_URL, which shares remembered answers between processes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="Do nothing when the index has not changed since the last run.",
        )

    def handle(self, *args, if_changed, **options):
        quiet = options["verbosity"] == 0
        if not isinstance(get_backend(), DatabaseBackend):
            if not quiet:
                self.stdout.write("Elasticsearch answers every search itself: nothing to warm.")
            return
        store = answers_cache()
        if isinstance(store, LocMemCache) and not quiet:
            self.stderr.write(
                "Answers are remembered in each process's own memory (no REDIS_URL): "
                "what this command asks, the web processes will not find."
            )
        version = index_version()
        if if_changed and store.get(WARMED) == version:
            if not quiet:
                self.stdout.write("The index has not changed since the last run: nothing to warm.")
            return
        queries = busiest_pages()
        with tqdm(total=len(queries), desc="Pages", unit="page", disable=quiet) as bar:
            asked = warm(queries, progress=bar)
        store.set(WARMED, version, None)  # the version read before warming: a change meanwhile warms again
        if not quiet:
            self.stdout.write(f"{asked} pages asked again.")
