"""The way an order was paid is named in the reader's language, wherever it is shown.

The payment source type keeps the English name written with the first order paid that way;
the thank-you page, the e-mails and the dashboard show the gateway's translated name instead.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket

Order = get_model("order", "Order")
SourceType = get_model("payment", "SourceType")

pytestmark = pytest.mark.django_db


def vietnamese(text):
    with translation.override("vi"):
        return translation.gettext(text)


@pytest.fixture
def cash_order(guest_client, two_enterprise_products, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        assert checkout.place(checkout.up_to_preview("cod")).status_code == 302
    return Order.objects.get(guest_email="khach@example.vn")


def test_the_stored_name_stays_english_but_is_shown_translated(cash_order):
    source_type = cash_order.sources.get().source_type
    assert source_type.name == "Cash on delivery"
    assert vietnamese("Cash on delivery") != "Cash on delivery"  # the catalogue has it
    with translation.override("vi"):
        assert str(source_type) == source_type.label == vietnamese("Cash on delivery")
    with translation.override("en"):
        assert str(source_type) == "Cash on delivery"


def test_the_thank_you_page_names_cash_on_delivery_in_vietnamese(cash_order, guest_client):
    page = guest_client.get(reverse("checkout:thank-you")).content.decode()
    assert vietnamese("Cash on delivery") in page
    assert "Cash on delivery" not in page


def test_the_shoppers_email_names_cash_on_delivery_in_vietnamese(cash_order):
    to_shopper = next(message for message in mail.outbox if message.to == ["khach@example.vn"])
    assert vietnamese("Cash on delivery") in to_shopper.body
    assert "Cash on delivery" not in to_shopper.body


def test_the_dashboards_payment_filter_names_the_ways_of_paying_translated(cash_order):
    from oscar.core.loading import get_class

    OrderSearchForm = get_class("dashboard.orders.forms", "OrderSearchForm")
    with translation.override("vi"):
        choices = dict(OrderSearchForm().fields["payment_method"].choices)
    assert choices["cod"] == vietnamese("Cash on delivery")
