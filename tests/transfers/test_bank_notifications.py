"""The bank's signed notification of money received: only exactly the amount due, for an order
awaiting it, confirms the order; a replay pays nothing twice; anything else is flagged, never
accepted; a body unsigned or unreadable is refused and nothing is stored."""

import json

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import outcomes
from marketplace.transfers import receiving
from marketplace.transfers.bank_notices import signature_for
from marketplace.transfers.models import IncomingTransfer
from marketplace.transfers.references import reference_for
from tests.factories import parcel_statuses

from .bank_helpers import ACCOUNT, SECRET, notice, post_notice

Transaction = get_model("payment", "Transaction")
Status = Parcel.Status
Problem = IncomingTransfer.Problem

pytestmark = pytest.mark.django_db


def books(order):
    source = order.sources.get()
    return source.amount_debited, list(source.transactions.values_list("txn_type", "amount", "reference"))


def assert_unpaid(order):
    assert parcel_statuses(order) == {Status.AWAITING_PAYMENT}
    assert books(order) == (0, [])


def test_the_address_is_the_unprefixed_one_the_bank_is_given():
    assert reverse("transfers:notify") == "/checkout/transfer/notify/"


def test_a_signed_notification_of_the_amount_due_confirms_the_order(client, awaiting):
    response = post_notice(client, notice(awaiting))
    assert response.status_code == 200
    assert response.json()["status"] == "applied"
    assert parcel_statuses(awaiting) == {Status.CONFIRMED}
    assert books(awaiting) == (awaiting.total_incl_tax, [("Debit", awaiting.total_incl_tax, "FT26340123456")])
    transfer = IncomingTransfer.objects.get()
    assert (transfer.state, transfer.order, transfer.channel) == ("applied", awaiting, "notification")
    assert transfer.payload["account_number"] == ACCOUNT


def test_the_english_address_answers_the_same(client, awaiting):
    response = post_notice(client, notice(awaiting), url="/en/checkout/transfer/notify/")
    assert response.status_code == 200
    assert parcel_statuses(awaiting) == {Status.CONFIRMED}


@pytest.mark.parametrize(
    "signature",
    [
        "",  # missing
        "sha256=" + "0" * 64,  # bad
        "not-a-signature",
    ],
)
def test_an_unsigned_or_badly_signed_notification_is_refused(client, awaiting, signature):
    response = post_notice(client, notice(awaiting), signature=signature)
    assert response.status_code == 400
    assert IncomingTransfer.objects.count() == 0
    assert_unpaid(awaiting)


def test_a_notification_signed_with_another_secret_is_refused(client, awaiting):
    assert post_notice(client, notice(awaiting), secret="someone-elses-secret").status_code == 400
    assert IncomingTransfer.objects.count() == 0
    assert_unpaid(awaiting)


def test_without_a_secret_configured_every_notification_is_refused(client, awaiting, settings):
    settings.BANK_TRANSFER = {**settings.BANK_TRANSFER, "NOTIFICATION_SECRET": ""}
    response = post_notice(client, notice(awaiting), secret="")
    assert response.status_code == 400
    assert post_notice(client, notice(awaiting), signature=signature_for(b"{}", "")).status_code == 400
    assert IncomingTransfer.objects.count() == 0


def test_an_amount_tampered_with_after_signing_breaks_the_signature(client, awaiting):
    body = json.dumps(notice(awaiting)).encode()
    signature = signature_for(body, SECRET)
    tampered = body.replace(str(int(awaiting.total_incl_tax)).encode(), b"1000")
    assert tampered != body
    assert post_notice(client, tampered, signature=signature).status_code == 400
    assert IncomingTransfer.objects.count() == 0
    assert_unpaid(awaiting)


def test_a_replayed_notification_pays_nothing_twice(client, awaiting):
    body = notice(awaiting)
    assert post_notice(client, body).json()["status"] == "applied"
    replay = post_notice(client, body)
    assert replay.status_code == 200
    assert replay.json()["status"] == "known"
    assert IncomingTransfer.objects.count() == 1
    assert books(awaiting) == (awaiting.total_incl_tax, [("Debit", awaiting.total_incl_tax, "FT26340123456")])


def test_a_replay_with_another_amount_changes_nothing(client, awaiting):
    post_notice(client, notice(awaiting))
    assert post_notice(client, notice(awaiting, amount=1)).json()["status"] == "known"
    assert books(awaiting)[0] == awaiting.total_incl_tax
    assert IncomingTransfer.objects.get().amount == awaiting.total_incl_tax


@pytest.mark.parametrize(("difference", "problem"), [(-1000, Problem.PARTIAL), (5000, Problem.EXCESS)])
def test_a_signed_notification_of_another_amount_is_flagged_not_accepted(
    client, awaiting, difference, problem
):
    amount = int(awaiting.total_incl_tax) + difference
    response = post_notice(client, notice(awaiting, amount=amount))
    assert response.status_code == 200
    assert response.json() == {"status": "flagged", "problem": problem, "transaction_id": "FT26340123456"}
    transfer = IncomingTransfer.objects.get()
    assert (transfer.state, transfer.problem, transfer.order) == ("flagged", problem, awaiting)
    assert_unpaid(awaiting)


def test_a_reference_naming_no_order_is_flagged(client, awaiting):
    response = post_notice(
        client, notice(description=f"CK {reference_for('999999')}", amount=int(awaiting.total_incl_tax))
    )
    assert response.json()["problem"] == Problem.NO_ORDER
    assert (
        post_notice(client, notice(awaiting, transaction_id="FT2", description="tien hang")).json()["problem"]
        == Problem.NO_ORDER
    )
    assert IncomingTransfer.objects.filter(order=None).count() == 2
    assert_unpaid(awaiting)


def test_a_reference_of_an_order_paid_otherwise_is_flagged(client, shopper, bank_settings):
    from tests.factories import place_order

    cash_order = place_order(shopper, gateway="cod")
    response = post_notice(client, notice(cash_order))
    assert response.json()["problem"] == Problem.NO_ORDER


def test_a_description_naming_two_orders_is_flagged(client, awaiting, another_awaiting):
    description = f"{reference_for(awaiting.number)} {reference_for(another_awaiting.number)}"
    response = post_notice(client, notice(awaiting, description=description))
    assert response.json()["problem"] == Problem.TWO_ORDERS
    assert_unpaid(awaiting)
    assert_unpaid(another_awaiting)


def test_a_second_transfer_for_a_paid_order_is_flagged(client, awaiting):
    post_notice(client, notice(awaiting))
    second = post_notice(client, notice(awaiting, transaction_id="FT26340999999"))
    assert second.json()["problem"] == Problem.ALREADY_PAID
    assert books(awaiting)[0] == awaiting.total_incl_tax


@pytest.mark.usefixtures("in_english")  # the problem is read in English
def test_money_for_an_order_released_after_its_hold_is_flagged_and_confirms_nothing(client, awaiting):
    outcomes.payment_failed(awaiting, reason="The hold expired.")
    response = post_notice(client, notice(awaiting))
    assert response.json()["problem"] == Problem.RELEASED
    assert parcel_statuses(awaiting) == {Status.CANCELLED}
    assert books(awaiting) == (0, [])
    assert "return the money or re-open" in str(Problem.RELEASED.label)


def test_a_credit_to_another_account_is_flagged(client, awaiting):
    response = post_notice(client, notice(awaiting, account="9999999999"))
    assert response.json()["problem"] == Problem.WRONG_ACCOUNT
    assert_unpaid(awaiting)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        ({"amount": 1000, "description": "x", "credited_at": "2026-11-25T09:15:00+07:00"}, "transaction_id"),
        ({"transaction_id": "FT1", "amount": "125000", "credited_at": "2026-11-25T09:15:00"}, "amount"),
        ({"transaction_id": "FT1", "amount": True, "credited_at": "2026-11-25T09:15:00"}, "amount"),
        ({"transaction_id": "FT1", "amount": 12.5, "credited_at": "2026-11-25T09:15:00"}, "amount"),
        ({"transaction_id": "FT1", "amount": -5, "credited_at": "2026-11-25T09:15:00"}, "amount"),
        ({"transaction_id": "FT1", "amount": 1000, "credited_at": "yesterday"}, "credited_at"),
        (
            {"transaction_id": "FT1", "amount": 1000, "credited_at": "2026-11-25", "description": 7},
            "description",
        ),
        ({"transaction_id": ["FT1"], "amount": 1000, "credited_at": "2026-11-25"}, "transaction_id"),
        ({"transaction_id": "FT1", "amount": 10**15, "credited_at": "2026-11-25"}, "amount"),
        (
            {"transaction_id": "FT1", "amount": 1000, "credited_at": "2026-11-25", "description": "a\u0000"},
            "NUL",
        ),
    ],
)
def test_a_signed_but_malformed_notification_is_refused_with_the_reason(client, awaiting, body, said):
    response = post_notice(client, body)
    assert response.status_code == 400
    assert said in response.json()["error"]
    assert IncomingTransfer.objects.count() == 0
    assert_unpaid(awaiting)


def test_only_post_is_answered(client, bank_settings):
    assert client.get(reverse("transfers:notify")).status_code == 405


def test_a_credit_written_down_at_the_same_instant_is_recognised(awaiting):
    """Two deliveries racing: the second insert meets the unique transaction id and pays nothing."""
    credit = receiving.Credit(
        "FT-RACE", awaiting.total_incl_tax, reference_for(awaiting.number), awaiting.date_placed
    )
    first, created = receiving.receive(credit, IncomingTransfer.Channel.NOTIFICATION)
    again, created_again = receiving.receive(credit, IncomingTransfer.Channel.STATEMENT)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk and again.channel == "notification"
    assert books(awaiting)[0] == awaiting.total_incl_tax
