from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.backends import get_backend


class Command(BaseCommand):
    help = "Rebuild the product search index from the catalogue; searching goes on meanwhile."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Index every product from scratch.")

    def handle(self, *args, rebuild, **options):
        if not rebuild:
            raise CommandError("Say what to do: --rebuild.")
        backend = get_backend()
        quiet = options["verbosity"] == 0
        with tqdm(desc="Search index", unit="product", disable=quiet) as bar:
            indexed = backend.rebuild(progress=bar)
        if not quiet:
            self.stdout.write(self.style.SUCCESS(f"{indexed} products indexed ({type(backend).__name__})."))
