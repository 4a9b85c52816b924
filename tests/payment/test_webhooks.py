"""Stripe's webhooks: signed, handled once per event, in any order, agreeing with the card page."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import stripe_api
from marketplace.payment.models import StripeEvent
from tests.factories import parcel_statuses as statuses

from .stripe_helpers import DECLINED, as_payload, card_token, charged_intent, deliver, event, signed

Transaction = get_model("payment", "Transaction")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def succeeded(intent, **kwargs):
    return event("payment_intent.succeeded", intent, **kwargs)


def debits(order):
    return Transaction.objects.filter(source__order=order, txn_type=Transaction.DEBIT).count()


@pytest.mark.parametrize(
    "signing",
    [{"secret": "whsec_forged"}, {"timestamp": 1_000_000_000}],
    ids=["wrong secret", "replayed long after"],
)
def test_an_event_without_a_valid_signature_is_refused_and_changes_nothing(client, card_order, signing):
    response = deliver(client, succeeded(charged_intent(card_order)), **signing)
    assert response.status_code == 400
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
    assert not StripeEvent.objects.exists()


def test_an_event_without_a_signature_or_with_a_tampered_body_is_refused(client, card_order):
    url = reverse("payment:stripe-webhook")
    body, header = signed(succeeded(charged_intent(card_order)))
    assert client.post(url, data=body, content_type="application/json").status_code == 400
    tampered = body.replace(card_order.number, "999999")
    assert (
        client.post(
            url, data=tampered, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        ).status_code
        == 400
    )
    assert (
        client.post(
            url, data="not json", content_type="application/json", HTTP_STRIPE_SIGNATURE="t=1,v1=00"
        ).status_code
        == 400
    )
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}


def test_a_server_without_a_webhook_secret_accepts_no_event(client, card_order, settings):
    payload = succeeded(charged_intent(card_order))
    body, header = signed(payload)
    settings.STRIPE_WEBHOOK_SECRET = ""
    response = client.post(
        reverse("payment:stripe-webhook"),
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    assert response.status_code == 400
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}


def test_a_payment_confirmed_only_by_webhook_confirms_the_order(client, card_order):
    intent = charged_intent(card_order)
    assert deliver(client, succeeded(intent)).status_code == 200

    source = card_order.sources.get()
    assert source.amount_debited == card_order.total_incl_tax
    assert source.reference == intent["id"]
    assert statuses(card_order) == {Status.CONFIRMED}


def test_a_duplicate_delivery_is_processed_once(client, card_order):
    payload = succeeded(charged_intent(card_order))
    for _ in range(3):
        assert deliver(client, payload).status_code == 200

    assert StripeEvent.objects.filter(event_id=payload["id"]).count() == 1
    assert debits(card_order) == 1
    assert card_order.sources.get().amount_debited == card_order.total_incl_tax


def test_the_webhook_after_the_card_page_adds_nothing(client, shopper_client, card_order):
    shopper_client.post(
        reverse("payment:card", kwargs={"number": card_order.number}),
        {"token": card_token()},
        content_type="application/json",
    )
    intent = as_payload(stripe_api.client().v1.payment_intents.retrieve(card_order.sources.get().reference))

    # Stripe sends the same fact under two event ids (a retry after a timeout, say).
    assert deliver(client, succeeded(intent)).status_code == 200
    assert deliver(client, succeeded(intent)).status_code == 200
    assert debits(card_order) == 1
    assert statuses(card_order) == {Status.CONFIRMED}


def test_a_failure_arriving_after_the_success_leaves_the_order_paid(client, card_order):
    intent = charged_intent(card_order)
    deliver(client, succeeded(intent))
    failed = dict(intent, status="requires_payment_method")
    assert deliver(client, event("payment_intent.payment_failed", failed)).status_code == 200

    assert statuses(card_order) == {Status.CONFIRMED}
    assert card_order.sources.get().amount_debited == card_order.total_incl_tax


def test_a_declined_attempt_is_noted_and_the_order_stays_payable(client, shopper_client, card_order):
    client_stripe = stripe_api.client()
    customer = client_stripe.v1.customers.create(params={"source": card_token(DECLINED)})
    declined = {
        "id": "pi_declined_attempt",
        "object": "payment_intent",
        "amount": int(card_order.total_incl_tax),
        "currency": "vnd",
        "status": "requires_payment_method",
        "customer": customer.id,
        "metadata": {"order_number": card_order.number},
    }
    assert deliver(client, event("payment_intent.payment_failed", declined)).status_code == 200

    source = card_order.sources.get()
    assert source.transactions.filter(reference="pi_declined_attempt", status="payment_failed").exists()
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
    # A later success (another card) still confirms the order.
    deliver(client, succeeded(charged_intent(card_order)))
    assert statuses(card_order) == {Status.CONFIRMED}


def test_a_payment_for_an_unknown_order_is_acknowledged_and_ignored(client, card_order):
    intent = dict(charged_intent(card_order), metadata={"order_number": "no-such-order"})
    assert deliver(client, succeeded(intent)).status_code == 200
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
    assert card_order.sources.get().amount_debited == 0


def test_a_payment_arriving_after_the_shopper_gave_up_is_given_back(client, shopper_client, card_order):
    intent = charged_intent(card_order)
    card_order.sources.update(reference="")  # the browser never heard of this payment
    shopper_client.post(reverse("payment:card-abandon", kwargs={"number": card_order.number}))
    assert statuses(card_order) == {Status.CANCELLED}

    assert deliver(client, succeeded(intent)).status_code == 200

    source = card_order.sources.get()
    assert source.amount_debited == source.amount_refunded == card_order.total_incl_tax
    assert statuses(card_order) == {Status.CANCELLED}
    refunds = stripe_api.client().v1.refunds.list(params={"payment_intent": intent["id"]})
    assert [refund.amount for refund in refunds.data] == [int(card_order.total_incl_tax)]


def test_an_event_type_we_do_not_use_is_acknowledged(client):
    assert (
        deliver(client, event("customer.created", {"id": "cus_1", "object": "customer"})).status_code == 200
    )
    assert not StripeEvent.objects.exists()


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(
    "payload",
    [
        [event("charge.refunded", {"id": "ch_1", "object": "charge"})],
        {"id": "evt_no_data", "object": "event", "type": "payment_intent.succeeded"},
        event("payment_intent.succeeded", "pi_123"),
        event("charge.refunded", "ch_123"),
        event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent", "amount": "lots"}),
        event("payment_intent.payment_failed", {"id": "pi_1", "metadata": "order 100001"}),
    ],
    ids=["a JSON array", "no data", "a string object", "a string charge", "a text amount", "text metadata"],
)
def test_a_signed_body_that_is_not_a_readable_event_is_refused_and_changes_nothing(
    client, card_order, payload
):
    response = deliver(client, payload)

    assert response.status_code == 400
    assert "not a Stripe event" in response.content.decode()
    assert not StripeEvent.objects.exists()
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
