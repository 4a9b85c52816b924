import oscar.apps.payment.apps as apps
from django.urls import path


class PaymentConfig(apps.PaymentConfig):
    """Oscar's payment app, with the card page and Stripe's webhook under ``/checkout/``."""

    name = "marketplace.payment"
    namespace = "payment"

    def ready(self):
        super().ready()
        from . import tasks  # noqa: F401  the daily reconciliation, which the catch-up runs by name

    def get_urls(self):
        from . import views

        urls = [
            path("pay/<str:number>/", views.CardPaymentView.as_view(), name="card"),
            path("pay/<str:number>/confirm/", views.CardConfirmView.as_view(), name="card-confirm"),
            path("pay/<str:number>/abandon/", views.AbandonPaymentView.as_view(), name="card-abandon"),
            path("pay/<str:number>/cash/", views.CashInsteadView.as_view(), name="card-cash-instead"),
            path("stripe/webhook/", views.StripeWebhookView.as_view(), name="stripe-webhook"),
        ]
        return self.post_process_urls(urls)
