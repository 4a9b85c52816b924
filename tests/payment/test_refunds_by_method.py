"""The operator refunds from the order's page, whatever the order was paid by: card (Stripe, here
localstripe), bank transfer (money sent back by hand, named by its reference) and cash on delivery
(once delivered). Each refund moves the parcels and reverses their ledger rows exactly once."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import bookkeeping, outcomes, refunds
from marketplace.payment.gateways import get_gateway
from marketplace.payouts import statements
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of
from marketplace.transfers.gateway import BankTransfer
from tests.factories import place_order, ship

Transaction = get_model("payment", "Transaction")
Status = Parcel.Status
Kind = LedgerEntry.Kind

# The messages asserted are in English, the second language.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

METHODS = ["card", "transfer", "cod"]
OUTGOING = "FT26340123456"  # the bank's reference of the transfer that sent the money back


def paid_by_transfer(shopper):
    """An order paid by bank transfer: its Source opened by the transfer gateway, debited by the bank's
    credit, the parcels confirmed as the bank notification or a matched statement line does."""
    assert isinstance(get_gateway("transfer"), BankTransfer)
    order = place_order(shopper, gateway="transfer")
    order.sources.get().debit(order.total_incl_tax, reference="FT26339000001", status="succeeded")
    assert outcomes.payment_succeeded(order, reference="FT26339000001")
    return order


@pytest.fixture(params=METHODS)
def method(request):
    return request.param


@pytest.fixture
def delivered_order(method, request, shopper):
    """An order paid by ``method`` whose two parcels were delivered (cash collected at the door)."""
    if method == "card":
        order = request.getfixturevalue("paid_order")
    elif method == "transfer":
        order = paid_by_transfer(shopper)
    else:
        order = place_order(shopper, gateway="cod")
    assert bookkeeping.gateway_for(order).code == method
    for parcel in order.parcels.order_by("pk"):
        ship(parcel, deliver=True)
    return order


@pytest.fixture
def operator(admin_user):
    """The operator's own browser (the card fixtures sign the shopper in on ``client``)."""
    browser = Client()
    browser.force_login(admin_user)
    return browser


def order_page(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def post_refund(client, order, **data):
    return client.post(order_page(order), {"order_action": "refund", **data}, follow=True)


def said(response):
    return " ".join(str(message) for message in response.context["messages"])


def reference_for(method):
    return {"transfer": OUTGOING, "cod": ""}.get(method, "")


def books(order):
    """Everything a refused or repeated refund must leave as it was."""
    source = order.sources.get()
    return (
        dict(order.parcels.values_list("pk", "status")),
        source.amount_refunded,
        source.transactions.filter(txn_type=Transaction.REFUND).count(),
        LedgerEntry.objects.filter(parcel__order=order).count(),
        order.payment_events.count(),
    )


def assert_reversed_once(parcel):
    """One SALE and one REVERSAL, the reversal exactly the negative of the sale."""
    sale, reversal = parcel.ledger_entries.order_by("pk")
    assert (sale.kind, reversal.kind) == (Kind.SALE, Kind.REVERSAL)
    assert (reversal.gross, reversal.commission, reversal.net) == (-sale.gross, -sale.commission, -sale.net)
    assert sale.gross == parcel.total


def test_the_form_shows_the_method_and_what_each_parcel_gives_back(operator, delivered_order, method):
    page = operator.get(order_page(delivered_order))
    form = page.context["refund_form"]
    assert form.gateway.code == method
    assert ("reference" in form.fields) == (method != "card")
    if method == "transfer":
        assert form.fields["reference"].required
    preview = page.context["refund_preview"]
    assert [(row.parcel.pk, row.amount) for row in preview] == [
        (parcel.pk, parcel.total) for parcel in delivered_order.parcels.order_by("pk")
    ]
    assert str(get_gateway(method).name) in page.content.decode()


def test_one_parcel_is_refunded_once_through_the_order_page(operator, admin_user, delivered_order, method):
    first, second = delivered_order.parcels.order_by("pk")
    response = post_refund(
        operator, delivered_order, parcel=first.pk, reason="Vỡ hàng", reference=reference_for(method)
    )
    assert "The refund was made." in said(response)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.REFUNDED, Status.DELIVERED)
    assert_reversed_once(first)
    assert list(second.ledger_entries.values_list("kind", flat=True)) == [Kind.SALE]
    source = delivered_order.sources.get()
    assert source.amount_refunded == first.total
    [refund_txn] = source.transactions.filter(txn_type=Transaction.REFUND)
    assert refund_txn.amount == first.total
    if method == "transfer":
        assert refund_txn.reference == OUTGOING
    [event] = delivered_order.payment_events.filter(event_type__code="refunded")
    assert event.amount == first.total and event.reference == refund_txn.reference
    assert {line.pk for line in event.lines.all()} == {line.pk for line in first.lines}
    # The payment history on the order page names the refund.
    assert refund_txn.reference in operator.get(order_page(delivered_order)).content.decode()

    # A second click, a replay and a second operator are refused, and nothing is written twice.
    before = books(delivered_order)
    again = post_refund(
        operator, delivered_order, parcel=first.pk, reason="Again", reference=reference_for(method) + "X"
    )
    assert "already refunded" in said(again)
    other = type(admin_user).objects.create_superuser(
        username="operator2", email="operator2@demo.vn", password="x-Long-pass-42"
    )
    operator.force_login(other)
    second_operator = post_refund(
        operator, delivered_order, parcel=first.pk, reason="Mine too", reference="FT-OTHER"
    )
    assert "already refunded" in said(second_operator)
    assert books(delivered_order) == before


def test_the_whole_order_is_refunded_once_through_the_order_page(operator, delivered_order, method):
    response = post_refund(
        operator, delivered_order, reason="Shopper complaint", reference=reference_for(method)
    )
    assert "The refund was made." in said(response)

    source = delivered_order.sources.get()
    assert source.amount_refunded == delivered_order.total_incl_tax
    for parcel in delivered_order.parcels.all():
        assert parcel.status == Status.REFUNDED
        assert_reversed_once(parcel)
    events = delivered_order.payment_events.filter(event_type__code="refunded")
    assert sum(event.amount for event in events) == delivered_order.total_incl_tax
    if method == "transfer":  # one outgoing transfer: one Transaction, one event, for both parcels
        [refund_txn] = source.transactions.filter(txn_type=Transaction.REFUND)
        assert refund_txn.reference == OUTGOING
        assert [event.reference for event in events] == [OUTGOING]
    else:
        assert events.count() == 2

    before = books(delivered_order)
    again = post_refund(operator, delivered_order, reason="Again", reference="FT-NEW")
    assert "already refunded" in said(again)
    assert books(delivered_order) == before


def test_every_method_refunds_under_the_source_lock(monkeypatch, delivered_order, method):
    locks = []
    order_source = bookkeeping.order_source

    def spy(order, lock=False):
        locks.append(lock)
        return order_source(order, lock=lock)

    monkeypatch.setattr(bookkeeping, "order_source", spy)
    first = delivered_order.parcels.order_by("pk").first()
    refunds.refund(delivered_order, parcel=first, reason="Broken", reference=reference_for(method))
    assert True in locks


def test_a_refund_without_a_reason_is_refused(operator, delivered_order, method):
    first = delivered_order.parcels.order_by("pk").first()
    before = books(delivered_order)
    response = post_refund(
        operator, delivered_order, parcel=first.pk, reason="", reference=reference_for(method)
    )
    assert "This field is required." in said(response)
    assert books(delivered_order) == before


def test_a_tampered_parcel_of_another_order_is_refused(operator, shopper, delivered_order):
    other = place_order(shopper, gateway="cod")
    stranger = other.parcels.order_by("pk").first()
    ship(stranger, deliver=True)
    before, others_before = books(delivered_order), books(other)
    response = post_refund(
        operator, delivered_order, parcel=stranger.pk, reason="Tampered", reference=OUTGOING
    )
    assert "Select a valid choice" in said(response)
    assert books(delivered_order) == before and books(other) == others_before


# --- Bank transfer ---------------------------------------------------------------------------


@pytest.fixture
def transfer_order(shopper):
    order = paid_by_transfer(shopper)
    for parcel in order.parcels.order_by("pk"):
        ship(parcel, deliver=True)
    return order


def test_a_transfer_refund_needs_the_outgoing_reference(operator, transfer_order):
    first = transfer_order.parcels.order_by("pk").first()
    before = books(transfer_order)
    for reference in ("", "   "):
        response = post_refund(
            operator, transfer_order, parcel=first.pk, reason="Broken", reference=reference
        )
        assert "reference of the transfer that sent the money back" in said(response)
    assert books(transfer_order) == before


def test_the_same_transfer_reference_is_not_used_twice_on_an_order(operator, transfer_order):
    first, second = transfer_order.parcels.order_by("pk")
    post_refund(operator, transfer_order, parcel=first.pk, reason="Broken", reference=OUTGOING)
    before = books(transfer_order)
    response = post_refund(operator, transfer_order, parcel=second.pk, reason="Broken", reference=OUTGOING)
    assert "already used" in said(response)
    assert books(transfer_order) == before
    second.refresh_from_db()
    assert second.status == Status.DELIVERED


def test_a_tampered_amount_is_ignored_and_never_more_than_was_paid(operator, transfer_order):
    first = transfer_order.parcels.order_by("pk").first()
    # Most of the payment already went back (a refund the operator recorded against no parcel).
    bookkeeping.record_refund(
        transfer_order.sources.get(),
        transfer_order.total_incl_tax - first.total + 1,
        "FT-EARLIER",
        to_review=True,
    )
    before = books(transfer_order)
    response = post_refund(
        operator, transfer_order, parcel=first.pk, reason="Broken", reference=OUTGOING, amount="1"
    )
    assert "more than was paid" in said(response)
    assert books(transfer_order) == before


def test_the_enterprise_statement_shows_a_transfer_refund(operator, transfer_order):
    first = transfer_order.parcels.order_by("pk").first()
    post_refund(operator, transfer_order, parcel=first.pk, reason="Broken", reference=OUTGOING)
    statement = statements.statement(first.enterprise, month_of(timezone.localdate()))
    rows = [(entry.parcel_id, entry.kind) for entry in statement.entries if entry.parcel_id == first.pk]
    assert rows == [(first.pk, Kind.SALE), (first.pk, Kind.REVERSAL)]
    assert sum(entry.net for entry in statement.entries if entry.parcel_id == first.pk) == 0


# --- Cash on delivery ------------------------------------------------------------------------


def test_cash_not_yet_delivered_gives_nothing_back_and_says_cancel_instead(operator, shopper):
    order = place_order(shopper, gateway="cod")
    first, second = order.parcels.order_by("pk")
    ship(second)  # on its way, the cash not collected yet
    for parcel in (first, second):
        before = books(order)
        response = post_refund(operator, order, parcel=parcel.pk, reason="Changed mind")
        assert f"Parcel {parcel.number} has not been delivered, so no cash was collected" in said(response)
        assert "cancelled instead" in said(response)
        assert books(order) == before


def test_cash_handed_back_may_carry_the_operators_reference(operator, shopper):
    order = place_order(shopper, gateway="cod")
    first = order.parcels.order_by("pk").first()
    ship(first, deliver=True)
    post_refund(operator, order, parcel=first.pk, reason="Broken jar", reference="PT-0042")
    [refund_txn] = order.sources.get().transactions.filter(txn_type=Transaction.REFUND)
    assert (refund_txn.reference, refund_txn.amount) == ("PT-0042", first.total)
    first.refresh_from_db()
    assert first.status == Status.REFUNDED
    assert_reversed_once(first)


def test_a_parcel_paid_by_transfer_cancelled_by_its_enterprise_waits_for_the_operators_transfer(
    operator, shopper
):
    """Nobody can send a bank transfer back but a person: the enterprise's cancellation stands, the
    parcel waits on the operator's list of refunds to send, and leaves it once the refund is recorded."""
    order = paid_by_transfer(shopper)
    parcel = order.parcels.order_by("pk").first()
    enterprise_staff = Client()
    enterprise_staff.force_login(parcel.enterprise.users.first())
    seen = parcel.status_changes.order_by("-pk").values_list("pk", flat=True).first()
    response = enterprise_staff.post(
        reverse("dashboard:parcel-move", kwargs={"number": parcel.number}),
        {"to_status": Status.CANCELLED, "note": "Out of stock", "seen_change": seen},
        follow=True,
    )
    assert "staff send the money back" in said(response)
    parcel.refresh_from_db()
    assert parcel.status == Status.CANCELLED
    assert not bookkeeping.is_refunded(parcel)

    waiting = operator.get(reverse("dashboard:transfer-list"))
    assert list(waiting.context["refunds_to_send"]) == [parcel]

    post_refund(operator, order, parcel=parcel.pk, reason="Out of stock", reference=OUTGOING)
    assert bookkeeping.is_refunded(parcel)
    assert_reversed_once(parcel)
    assert order.sources.get().transactions.filter(txn_type=Transaction.REFUND, reference=OUTGOING).exists()
    assert list(operator.get(reverse("dashboard:transfer-list")).context["refunds_to_send"]) == []
