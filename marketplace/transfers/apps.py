from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class TransfersConfig(OscarConfig):
    """Bank transfers by VietQR: the code the shopper pays with, and the bank's word that money arrived."""

    label = "transfers"
    name = "marketplace.transfers"
    namespace = "transfers"
    verbose_name = _("Bank transfers")

    def get_urls(self):
        urls = []
        return self.post_process_urls(urls)
