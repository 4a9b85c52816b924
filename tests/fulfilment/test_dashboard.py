"""The parcels dashboard, end to end through its views: an enterprise packs, ships, delivers or
cancels its own parcels; the platform's staff see every parcel."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order import parcels
from marketplace.payouts.models import LedgerEntry
from tests.factories import parcel_of, product_of, shared_order
from tests.responses import messages_of

Parcel = get_model("order", "Parcel")
StockRecord = get_model("partner", "StockRecord")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def detail_url(parcel):
    return reverse("dashboard:parcel-detail", kwargs={"number": parcel.number})


def move_url(parcel):
    return reverse("dashboard:parcel-move", kwargs={"number": parcel.number})


def seen(parcel):
    return parcel.status_changes.order_by("-pk").values_list("pk", flat=True).first()


def act(client, parcel, to_status, **data):
    data = {"to_status": to_status, "seen_change": seen(parcel), **data}
    return client.post(move_url(parcel), data, follow=True)


@pytest.fixture
def order(shopper, vendor1, vendor2):
    return shared_order(shopper, vendor1, vendor2)


@pytest.fixture
def own(order, vendor1):
    return parcel_of(order, vendor1)


def test_an_enterprise_lists_only_its_own_parcels_with_counts_per_status(
    client, vendor1, vendor2, order, own
):
    parcels.move(own, Status.PACKED)
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:parcel-list"))
    assert response.status_code == 200
    listed = list(response.context["parcels"])
    assert own in listed
    assert all(parcel.enterprise.users.filter(pk=vendor1.pk).exists() for parcel in listed)
    assert parcel_of(order, vendor2).number not in response.content.decode()
    counts = {status: n for status, _label, n in response.context["status_counts"]}
    mine = Parcel.objects.filter(enterprise__users=vendor1)
    assert counts == {status: mine.filter(status=status).count() for status in Status.values}
    assert counts[Status.PACKED] >= 1


def test_the_list_narrows_by_status_number_and_dates(client, vendor1, order, own):
    client.force_login(vendor1)
    url = reverse("dashboard:parcel-list")
    assert list(client.get(url, {"status": "packed"}).context["parcels"]) == []
    assert list(client.get(url, {"number": own.number}).context["parcels"]) == [own]
    assert list(client.get(url, {"number": order.number}).context["parcels"]) == [own]
    today = timezone.localdate()
    assert own in client.get(url, {"date_from": today, "date_to": today}).context["parcels"]
    tomorrow = today + datetime.timedelta(days=1)
    assert own not in client.get(url, {"date_from": tomorrow}).context["parcels"]


@pytest.mark.parametrize(
    "query",
    [{"status": "lost"}, {"date_from": "yesterday"}, {"date_from": "2026-11-30", "date_to": "2026-11-01"}],
)
def test_bad_filters_are_explained_and_the_whole_list_shown(client, vendor1, own, query):
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:parcel-list"), query)
    assert response.status_code == 200
    assert own in response.context["parcels"]
    assert 'id="filter_errors"' in response.content.decode()


def test_the_platforms_staff_see_every_parcel(client, admin_user, order, vendor1, vendor2):
    client.force_login(admin_user)
    listed = client.get(reverse("dashboard:parcel-list")).context["parcels"]
    assert {parcel_of(order, vendor1), parcel_of(order, vendor2)} <= set(listed)
    assert client.get(detail_url(parcel_of(order, vendor2))).status_code == 200


def test_the_detail_shows_what_to_ship_and_where(client, vendor1, order, own):
    client.force_login(vendor1)
    response = client.get(detail_url(own))
    html = response.content.decode()
    assert list(response.context["lines"]) == list(own.lines)
    for line in own.lines:
        assert line.title in html
    other_line = order.lines.exclude(partner=own.enterprise).get()
    assert other_line.title not in html
    assert response.context["shipping_address"] == order.shipping_address
    assert 'id="parcel_history"' in html
    assert [status for status, *_ in response.context["form"].moves] == [Status.PACKED, Status.CANCELLED]


def test_an_enterprise_packs_ships_and_delivers_its_parcel(client, vendor1, own):
    client.force_login(vendor1)
    act(client, own, Status.PACKED)
    own.refresh_from_db()
    assert own.status == Status.PACKED

    response = act(client, own, Status.SHIPPED, carrier="VNPost", tracking_number="")
    assert response.status_code == 200
    assert "tracking_number" in response.context["form"].errors
    own.refresh_from_db()
    assert (own.status, own.tracking_number) == (Status.PACKED, "")

    act(client, own, Status.SHIPPED, carrier="Viettel Post", tracking_number="VTP123")
    act(client, own, Status.DELIVERED)
    own.refresh_from_db()
    assert (own.status, own.carrier, own.tracking_number) == (Status.DELIVERED, "Viettel Post", "VTP123")
    assert [(c.to_status, c.changed_by) for c in own.status_changes.all()][-3:] == [
        (Status.PACKED, vendor1),
        (Status.SHIPPED, vendor1),
        (Status.DELIVERED, vendor1),
    ]
    assert [status for status, *_ in client.get(detail_url(own)).context["form"].moves] == []


def test_cancelling_needs_a_reason_then_returns_stock_and_reverses_the_sale(client, vendor1, own):
    record = StockRecord.objects.get(product=product_of(vendor1))
    allocated = record.num_allocated
    client.force_login(vendor1)
    response = act(client, own, Status.CANCELLED, note="  ")
    assert "note" in response.context["form"].errors
    own.refresh_from_db()
    assert own.status == Status.CONFIRMED

    response = act(client, own, Status.CANCELLED, note="Hết hàng, xin lỗi quý khách")
    own.refresh_from_db()
    record.refresh_from_db()
    assert own.status == Status.CANCELLED
    assert record.num_allocated == allocated - 2
    assert own.ledger_entries.filter(kind=LedgerEntry.Kind.REVERSAL).exists()
    assert own.status_changes.last().note == "Hết hàng, xin lỗi quý khách"


def test_cancelling_a_parcel_paid_by_card_refunds_it(client, monkeypatch, shopper, vendor1, vendor2):
    refunds = []
    monkeypatch.setattr(
        "marketplace.payment.refunds.refund",
        lambda order, parcel=None, by=None, reason="": refunds.append((order, parcel, by, reason)),
    )
    order = shared_order(shopper, vendor1, vendor2, paid_by_card=True)
    own = parcel_of(order, vendor1)
    client.force_login(vendor1)
    act(client, own, Status.CANCELLED, note="Hết hàng")
    assert refunds == [(order, own, vendor1, "Hết hàng")]


def test_cash_on_delivery_parcels_are_cancelled_without_a_refund(client, monkeypatch, vendor1, own):
    monkeypatch.setattr("marketplace.payment.refunds.refund", lambda *args, **kwargs: pytest.fail("refunded"))
    client.force_login(vendor1)
    act(client, own, Status.CANCELLED, note="Khách không nghe máy")
    own.refresh_from_db()
    assert own.status == Status.CANCELLED


def test_a_refused_refund_is_explained_and_the_cancellation_stands(
    client, monkeypatch, shopper, vendor1, vendor2
):
    from django.core.exceptions import ValidationError

    def refuse(*args, **kwargs):
        raise ValidationError("The card issuer refused the refund.")

    monkeypatch.setattr("marketplace.payment.refunds.refund", refuse)
    own = parcel_of(shared_order(shopper, vendor1, vendor2, paid_by_card=True), vendor1)
    client.force_login(vendor1)
    response = act(client, own, Status.CANCELLED, note="Hết hàng")
    assert response.status_code == 200
    assert any("The card issuer refused the refund." in message for message in messages_of(response))
    own.refresh_from_db()
    assert own.status == Status.CANCELLED


def test_an_action_on_an_out_of_date_page_is_refused(client, vendor1, own):
    client.force_login(vendor1)
    stale = seen(own)
    parcels.move(own, Status.PACKED, by=vendor1)  # a colleague packed it meanwhile
    response = client.post(
        move_url(own), {"to_status": Status.CANCELLED, "note": "x", "seen_change": stale}, follow=True
    )
    own.refresh_from_db()
    assert own.status == Status.PACKED
    assert messages_of(response)


def test_moves_the_dashboard_does_not_offer_are_refused(client, vendor1, shopper, vendor2):
    order = shared_order(shopper, vendor1, vendor2, confirm=False)
    own = parcel_of(order, vendor1)
    client.force_login(vendor1)
    for to_status in (Status.CONFIRMED, Status.CANCELLED, Status.REFUNDED, "lost"):
        act(client, own, to_status, note="x")
    own.refresh_from_db()
    assert own.status == Status.AWAITING_PAYMENT


def test_another_enterprise_can_neither_see_nor_move_the_parcel(client, vendor1, vendor2, order, own):
    before = (list(Parcel.objects.filter(pk=own.pk).values()), list(own.status_changes.values()))
    client.force_login(vendor2)
    assert own not in client.get(reverse("dashboard:parcel-list")).context["parcels"]
    assert client.get(detail_url(own)).status_code == 404
    assert client.get(move_url(own)).status_code in (404, 405)
    for to_status in (Status.PACKED, Status.CANCELLED):
        response = client.post(move_url(own), {"to_status": to_status, "note": "x", "seen_change": seen(own)})
        assert response.status_code == 404
    assert (list(Parcel.objects.filter(pk=own.pk).values()), list(own.status_changes.values())) == before


@pytest.mark.parametrize("who", ["shopper", "reviewer", None])
def test_people_without_an_enterprise_are_kept_out(client, request, who, own):
    if who:
        client.force_login(request.getfixturevalue(who))
    for url in (reverse("dashboard:parcel-list"), detail_url(own)):
        response = client.get(url)
        assert response.status_code in (302, 403)
    client.post(move_url(own), {"to_status": Status.PACKED, "seen_change": seen(own)})
    own.refresh_from_db()
    assert own.status == Status.CONFIRMED


def test_parcel_totals_are_shown_in_dong(client, vendor1, own):
    client.force_login(vendor1)
    html = client.get(detail_url(own)).content.decode()
    assert "₫" in html
    assert own.total > D(0)


def test_the_dashboard_menu_leads_enterprises_and_operators_to_parcels_and_statements(
    client, vendor1, admin_user, reviewer
):
    wanted = (reverse("dashboard:parcel-list"), reverse("dashboard:payout-list"))
    for user in (vendor1, admin_user):
        client.force_login(user)
        html = client.get(reverse("dashboard:index")).content.decode()
        assert all(f'href="{url}"' in html for url in wanted)
    client.force_login(reviewer)
    html = client.get(reverse("dashboard:index")).content.decode()
    assert not any(f'href="{url}"' in html for url in wanted)
