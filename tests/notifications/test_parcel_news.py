"""The shopper hears of each parcel's confirmation, shipment, delivery, cancellation and refund, in
the language they ordered in; after a delivery they are invited to review what they received."""

import pytest
from django.db import transaction
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.order import parcels
from marketplace.order.models import Parcel
from tests.factories import parcel_of, place_order, product_of, shared_order

Notification = get_model("communication", "Notification")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the worker's tasks) as each block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def order(shopper, vendor1, vendor2):
    """A signed-in shopper's order with a confirmed parcel from each demo enterprise."""
    return shared_order(shopper, vendor1, vendor2)


@pytest.fixture
def parcel(order, vendor1):
    return parcel_of(order, vendor1)


def ship(parcel, committed, carrier="Viettel Post", tracking_number="VTP123456"):
    parcels.move(parcel, Status.PACKED)
    with committed():
        parcels.move(parcel, Status.SHIPPED, carrier=carrier, tracking_number=tracking_number)


def latest_notification(user):
    return Notification.objects.filter(recipient=user).order_by("-pk").first()


def test_a_shipped_parcel_is_mailed_with_its_carrier_and_the_carriers_tracking_link(
    parcel, shopper, committed, mailoutbox
):
    ship(parcel, committed)

    (mail,) = mailoutbox
    assert mail.to == [shopper.email]
    assert parcel.number in mail.subject
    assert "Viettel Post" in mail.body and "VTP123456" in mail.body
    link = "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?peopleTracking=sender&orderNumber=VTP123456"
    assert link in mail.body
    html, _mimetype = mail.alternatives[0]
    assert link.replace("&", "&amp;") in html
    assert f"/accounts/orders/{parcel.order.number}/" in mail.body


def test_a_signed_in_shopper_also_finds_the_shipment_in_their_account_notifications(
    parcel, shopper, committed, mailoutbox, client
):
    ship(parcel, committed)

    notification = latest_notification(shopper)
    assert parcel.number in notification.subject
    assert "VTP123456" in notification.body and "viettelpost.com.vn" in notification.body
    client.force_login(shopper)
    page = client.get("/accounts/notifications/inbox/")
    assert parcel.number in page.content.decode()


def test_a_carrier_without_a_known_tracking_page_shows_the_number_only(parcel, committed, mailoutbox):
    ship(parcel, committed, carrier="Xe khách Hùng Cường", tracking_number="HC-0042")

    (mail,) = mailoutbox
    assert "Xe khách Hùng Cường" in mail.body and "HC-0042" in mail.body
    assert mail.body.count("http") == 1  # the order's own page, no carrier's


def test_a_delivered_parcel_is_mailed_and_the_shopper_invited_to_review_what_they_received(
    parcel, shopper, vendor1, committed, mailoutbox
):
    ship(parcel, committed)
    mailoutbox.clear()
    with committed():
        parcels.move(parcel, Status.DELIVERED)

    assert len(mailoutbox) == 2
    delivered = next(mail for mail in mailoutbox if parcel.number in mail.subject)
    invitation = next(mail for mail in mailoutbox if mail is not delivered)
    assert delivered.to == [shopper.email]
    product = product_of(vendor1)
    assert product.get_title() in delivered.body
    assert invitation.to == [shopper.email]
    assert parcel.enterprise.name in invitation.subject
    assert f"/catalogue/{product.slug}_{product.pk}/reviews/add/" in invitation.body


def test_a_product_already_reviewed_is_not_asked_for_again(parcel, shopper, vendor1, committed, mailoutbox):
    product = product_of(vendor1)
    product.reviews.create(user=shopper, title="Ngon", score=5, body="Rất ngon.")
    ship(parcel, committed)
    mailoutbox.clear()
    with committed():
        parcels.move(parcel, Status.DELIVERED)

    (delivered,) = mailoutbox  # the delivery news, and no invitation: nothing left to review
    assert parcel.number in delivered.subject


def test_a_cancelled_parcel_is_mailed_with_the_reason(parcel, shopper, committed, mailoutbox):
    with committed():
        parcels.move(parcel, Status.CANCELLED, note="Hết hàng vụ này")

    (mail,) = mailoutbox
    assert mail.to == [shopper.email]
    assert parcel.number in mail.subject
    assert "Hết hàng vụ này" in mail.body
    assert "Hết hàng vụ này" in latest_notification(shopper).body


def test_a_refunded_parcel_is_mailed_with_the_amount_in_dong(parcel, shopper, committed, mailoutbox):
    ship(parcel, committed)
    mailoutbox.clear()
    with committed():
        parcels.move(parcel, Status.REFUNDED, note="Hàng vỡ khi giao")

    (mail,) = mailoutbox
    amount = f"{int(parcel.total):,}".replace(",", ".") + " ₫"
    assert amount in mail.body
    assert "Hàng vỡ khi giao" in mail.body


def test_a_confirmed_parcel_is_in_the_orders_confirmation_mail_and_the_account_notifications(
    shopper, vendor1, vendor2, committed, mailoutbox
):
    with committed():
        order = shared_order(shopper, vendor1, vendor2, confirm=False, gateway="cod")

    to_shopper = [mail for mail in mailoutbox if mail.to == [shopper.email]]
    assert len(to_shopper) == 1  # one confirmation of the whole order, not one more per parcel
    for parcel in order.parcels.all():
        assert parcel.number in to_shopper[0].body
        assert Notification.objects.filter(recipient=shopper, subject__contains=parcel.number).exists()


def test_a_guest_gets_the_mail_alone_with_the_link_to_their_orders_status_page(
    vendor1, committed, mailoutbox
):
    order = place_order(quantities={product_of(vendor1): 1}, guest_email="khach@example.vn", confirm=True)
    parcel = order.parcels.get()
    notifications_before = Notification.objects.count()
    ship(parcel, committed)

    (mail,) = mailoutbox
    assert mail.to == ["khach@example.vn"]
    assert f"/accounts/order-status/{order.number}/{order.verification_hash()}/" in mail.body
    assert Notification.objects.count() == notifications_before


def test_a_parcel_whose_payment_never_came_is_cancelled_without_a_mail(
    shopper, vendor1, committed, mailoutbox
):
    order = place_order(shopper, {product_of(vendor1): 1})
    with committed():
        parcels.move(order.parcels.get(), Status.CANCELLED, note="The payment did not go through.")

    assert mailoutbox == []


def test_a_shopper_who_ordered_in_english_is_written_to_in_english(shopper, vendor1, committed, mailoutbox):
    with translation.override("en"), committed():
        order = place_order(shopper, {product_of(vendor1): 1}, gateway="cod")
    assert order.language == "en"
    confirmation = next(mail for mail in mailoutbox if mail.to == [shopper.email])
    assert f"Your order {order.number} is confirmed" in confirmation.subject
    mailoutbox.clear()
    ship(order.parcels.get(), committed)

    (mail,) = mailoutbox
    assert "is on its way" in mail.subject
    assert "Tracking number:" in mail.body
    assert "/en/accounts/orders/" in mail.body


def test_a_shopper_who_ordered_in_vietnamese_is_written_to_in_vietnamese(parcel, committed, mailoutbox):
    assert parcel.order.language == "vi"
    ship(parcel, committed)

    (mail,) = mailoutbox
    assert "/en/" not in mail.body  # the Vietnamese wording itself arrives with the merged catalogue


def test_a_move_that_rolls_back_tells_nobody(parcel, shopper, committed, mailoutbox):
    notifications_before = Notification.objects.filter(recipient=shopper).count()
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        parcels.move(parcel, Status.CANCELLED, note="Thử")
        raise RuntimeError("the request failed after the move")

    assert mailoutbox == []
    assert Notification.objects.filter(recipient=shopper).count() == notifications_before
