from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class TransfersConfig(OscarConfig):
    """Bank transfers by VietQR: the code the shopper pays with, and the bank's word that money arrived."""

    label = "transfers"
    name = "marketplace.transfers"
    namespace = "transfers"
    verbose_name = _("Bank transfers")

    def get_urls(self):
        from django.urls import path, re_path

        from . import shopper_views
        from .notification_views import BankNotificationView

        number = r"(?P<number>\d+(?:R\d+)?)"  # an order number, never "notify/"
        urls = [
            path("notify/", BankNotificationView.as_view(), name="notify"),  # the bank's signed credits
            re_path(rf"^{number}/$", shopper_views.TransferPaymentView.as_view(), name="pay"),
            re_path(rf"^{number}/qr\.png$", shopper_views.TransferQrView.as_view(), name="qr"),
            re_path(rf"^{number}/status/$", shopper_views.TransferStatusView.as_view(), name="status"),
        ]
        return self.post_process_urls(urls)
