"""Build the demo province: places, enterprises, products and their verified facts, accounts and pages."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from marketplace.demo import builders, content, events, facts
from marketplace.operations.bootstrap import ensure_categories
from places import loader
from places.sources import UnitsUnavailable
from search import indexing


class Command(BaseCommand):
    help = "Load the demo province (Quảng Trị). Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument(
            "--products",
            type=int,
            default=None,
            metavar="N",
            help="Only the first N demo products (for quick test set-ups).",
        )
        parser.add_argument(
            "--once", action="store_true", help="Do nothing if the demo province is already there (make run)."
        )

    def handle(self, *args, products, once, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is never loaded with these settings (DEMO_DATA_ALLOWED is off).")
        if once and builders.demo_is_loaded():
            self.stdout.write(
                "The demo province is already loaded (python manage.py load_demo refreshes it)."
            )
            return
        if products is not None and products < 0:
            raise CommandError("--products must be zero or more.")
        quiet = options["verbosity"] == 0

        try:  # the same loader as import_places and bootstrap
            places = loader.load_package_units(progress=not quiet)
        except UnitsUnavailable as error:
            raise CommandError(str(error)) from error
        if not quiet:
            self.stdout.write(places.summary())
        with indexing.paused():  # one rebuild at the end instead of an update per product
            self.build(products, quiet)
        call_command("search_index", rebuild=True, verbosity=options["verbosity"])

    def build(self, products, quiet):
        builders.ensure_country()
        categories = ensure_categories()
        with tqdm(total=len(content.ENTERPRISES), desc="Enterprises", unit="ent", disable=quiet) as bar:
            enterprises = builders.ensure_enterprises(progress=bar)
        accounts = builders.ensure_accounts(enterprises)
        total = len(content.product_specs()[:products])
        with tqdm(total=total, desc="Products", unit="product", disable=quiet) as bar:
            builders.ensure_products(enterprises, categories, limit=products, progress=bar)
        with tqdm(desc="Facts", unit="product", disable=quiet) as bar:
            counts = facts.ensure_product_facts(progress=bar)
        events.ensure_events(builders.ensure_pages(categories))
        if not quiet:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo province ready: {len(enterprises)} enterprises, {total} products, "
                    f"accounts {', '.join(user.email for user in accounts.values())} "
                    f"(password {builders.DEMO_PASSWORD})."
                )
            )
            self.stdout.write(
                f"Verified facts: {counts['origin_verified']} origins, {counts['gtins']} GTINs, "
                f"{counts['certificates']} OCOP certificates ({counts['in_force']} in force, "
                f"{counts['pending']} pending, {counts['expired']} expired, {counts['revoked']} revoked, "
                f"{counts['superseded']} superseded), {counts['lots']} traceability lots "
                f"(drafts: {counts['draft_lots']}, revised: {counts['revised_lots']})."
            )
