from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayoutsConfig(AppConfig):
    name = "marketplace.payouts"
    label = "payouts"
    verbose_name = _("Payouts")

    def ready(self):
        from marketplace.order.signals import parcel_moved

        from .ledger import follow_parcel_move

        parcel_moved.connect(follow_parcel_move, dispatch_uid="payouts.follow_parcel_move")
