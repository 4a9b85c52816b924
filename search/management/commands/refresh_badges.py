from django.core.management.base import BaseCommand

from search.backends import get_backend


class Command(BaseCommand):
    help = (
        "Run daily: re-index the products whose badges change today (an OCOP certificate "
        "expires or comes into force), since nobody saves anything when that happens."
    )

    def handle(self, *args, **options):
        refreshed = get_backend().refresh_badges()
        if options["verbosity"]:
            self.stdout.write(f"{refreshed} products had their badges refreshed.")
