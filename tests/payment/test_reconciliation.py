"""Reconciliation: card orders compared with Stripe; what a lost webhook left out is reported,
and repaired on demand and daily through the webhooks' own path."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from celery.schedules import crontab
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.celery import app
from marketplace.jobs.models import ScheduledRun
from marketplace.order.models import Parcel
from marketplace.payment import tasks
from marketplace.payment.management.commands import reconcile_payments
from marketplace.payouts.models import LedgerEntry
from tests.factories import ship
from tests.factories import status_by_parcel as statuses

from .stripe_helpers import THREE_D_SECURE, authenticate, card_token, refund_at_stripe

Order = get_model("order", "Order")
Transaction = get_model("payment", "Transaction")
Status = Parcel.Status
Kind = LedgerEntry.Kind

pytestmark = pytest.mark.django_db


def reconcile(*options):
    out = StringIO()
    call_command("reconcile_payments", *options, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_refund_made_behind_the_sites_back_is_reported_then_repaired_once(paid_order):
    first, second = paid_order.parcels.order_by("pk")
    ship(first)
    stripe_refund = refund_at_stripe(paid_order.sources.get().reference, first.total)  # no webhook came

    report = reconcile()
    line = (
        f"Order {paid_order.number}: "
        f"refund {stripe_refund.id} of {first.total:.0f} made at Stripe is not recorded"
    )
    assert line in report.splitlines()
    assert report.splitlines()[-1] == "1 card order(s) checked, 1 with differences."
    assert statuses(paid_order) == {first.pk: Status.SHIPPED, second.pk: Status.CONFIRMED}  # only reported

    repaired = reconcile("--repair")
    assert f"{line} (repaired)" in repaired.splitlines()
    assert repaired.splitlines()[-1] == "1 card order(s) checked, 1 with differences, 1 repaired."
    assert statuses(paid_order) == {first.pk: Status.REFUNDED, second.pk: Status.CONFIRMED}
    assert list(first.ledger_entries.values_list("kind", flat=True)) == [Kind.SALE, Kind.REVERSAL]
    assert paid_order.sources.get().amount_refunded == first.total

    assert reconcile("--repair").splitlines() == ["1 card order(s) checked, 0 with differences, 0 repaired."]


def test_a_payment_whose_answer_and_webhook_were_lost_is_reported_then_repaired(shopper_client, card_order):
    page = reverse("payment:card", kwargs={"number": card_order.number})
    started = shopper_client.post(
        page, {"token": card_token(THREE_D_SECURE)}, content_type="application/json"
    )
    authenticate(started.json()["client_secret"])  # the bank says yes; the browser never comes back
    intent_id = card_order.sources.get().reference

    report = reconcile("--since", "1")
    assert (
        f"Order {card_order.number}: payment {intent_id} of {card_order.total_incl_tax:.0f} is not recorded"
        in (report)
    )
    assert set(statuses(card_order).values()) == {Status.AWAITING_PAYMENT}

    assert "(repaired)" in reconcile("--repair", "--since", "1")
    assert set(statuses(card_order).values()) == {Status.CONFIRMED}
    assert card_order.sources.get().amount_debited == card_order.total_incl_tax
    assert reconcile().splitlines() == ["1 card order(s) checked, 0 with differences."]


def test_a_difference_no_repair_can_settle_is_reported_and_left_for_a_person(paid_order):
    paid_order.sources.get().refund(5000, reference="re_typed_by_hand", status="succeeded")

    report = reconcile("--repair")

    assert report.splitlines() == [
        f"Order {paid_order.number}: refund re_typed_by_hand of 5000 is unknown to Stripe",
        "1 card order(s) checked, 1 with differences, 0 repaired.",
    ]
    assert paid_order.sources.get().amount_refunded == 5000


def test_the_window_leaves_older_orders_out_and_long_runs_show_progress(paid_order, monkeypatch):
    Order.objects.filter(pk=paid_order.pk).update(date_placed=timezone.now() - timedelta(days=10))
    assert reconcile("--since", "5").splitlines() == ["0 card order(s) checked, 0 with differences."]

    monkeypatch.setattr(reconcile_payments, "PROGRESS_EVERY", 1)
    err = StringIO()
    call_command("reconcile_payments", "--since", "30", stdout=StringIO(), stderr=err)
    assert err.getvalue().strip() == "1/1 orders compared"


def test_every_day_the_scheduler_repairs_what_stripe_did_and_logs_each_difference(paid_order, caplog):
    stripe_refund = refund_at_stripe(paid_order.sources.get().reference)

    with caplog.at_level(logging.WARNING, logger="marketplace.payment"):
        assert tasks.reconcile_payments.apply().get() == [paid_order.number]

    assert set(statuses(paid_order).values()) == {Status.CANCELLED}
    assert any(
        stripe_refund.id in record.getMessage() for record in caplog.records if record.levelname == "WARNING"
    )
    assert ScheduledRun.objects.get(name="reconcile-payments").finished > timezone.now() - timedelta(
        minutes=1
    )
    schedule = app.conf.beat_schedule["reconcile-payments"]
    assert schedule["task"] == "payment.reconcile_payments" and isinstance(schedule["schedule"], crontab)
