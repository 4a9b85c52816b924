"""Compare card orders with Stripe and, with --repair, write down what a lost webhook left out.

Prints one line per order that differs and a summary; progress goes to stderr on long runs.
The scheduler runs it daily with --repair (``payment.reconcile_payments``).
"""

from django.core.management.base import BaseCommand, CommandError

from marketplace.payment.reconciliation import card_orders, reconcile

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = "Compare card orders with Stripe (all, or the last --since days); --repair writes what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--repair",
            action="store_true",
            help="Write down payments and refunds Stripe made that the books miss, as the webhooks would.",
        )
        parser.add_argument(
            "--since", type=int, metavar="DAYS", help="Only orders placed in the last DAYS days."
        )

    def handle(self, *args, repair, since, **options):
        if since is not None and since < 1:
            raise CommandError("--since must be at least 1 day.")
        orders = card_orders(since)
        differing = repaired = 0
        for check in reconcile(orders, repair=repair, progress=self.progress):
            differing += 1
            repaired += check.left == []
            self.stdout.write(str(check))
        checked = orders.count()
        summary = f"{checked} card order(s) checked, {differing} with differences"
        self.stdout.write(f"{summary}, {repaired} repaired." if repair else f"{summary}.")

    def progress(self, done, total):
        if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            self.stderr.write(f"{done}/{total} orders compared")
