"""Cancel card orders whose payment was never completed, so their stock goes back on sale.

Run it every few minutes (cron, systemd timer). The shopper keeps the basket and may
check out again; a payment that still arrives later is refused by
``payment_succeeded`` returning False, and the payment provider's refund follows.
"""

from django.core.management.base import BaseCommand, CommandError

from marketplace.payment.outcomes import cancel_abandoned


class Command(BaseCommand):
    help = "Cancel orders left awaiting payment for more than --minutes (stock released, basket kept)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=None,
            help="Minutes an order may wait for its payment (default: each gateway's hold, e.g. "
            "the payment timeout setting for a card, BANK_TRANSFER's HOLD_MINUTES for a transfer).",
        )

    def handle(self, *args, minutes, **options):
        if minutes is not None and minutes < 1:
            raise CommandError("--minutes must be at least 1.")
        cancelled = cancel_abandoned(minutes)
        for order in cancelled:
            self.stdout.write(f"Cancelled order {order.number}: payment not completed.")
        self.stdout.write(f"{len(cancelled)} abandoned order(s) cancelled.")
