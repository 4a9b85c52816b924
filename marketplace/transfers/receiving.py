"""What a credit on the marketplace's account does: pays the order its reference names, or waits
for the operator.

Bank notifications, statement lines and the operator's matching by hand all end here, so a
credit heard of twice (notified, then on the statement) is written down once: the bank's
transaction id is unique. Only exactly the amount due, for an order still awaiting payment,
confirms the order; anything else is flagged with its problem and never silently accepted.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import bookkeeping, outcomes

from .models import IncomingTransfer
from .references import order_numbers_in

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Problem = IncomingTransfer.Problem
State = IncomingTransfer.State
SOURCE_CODE = "transfer"  # the bank transfer gateway's code, naming its orders' payment Source


@dataclass(frozen=True)
class Credit:
    """Money the bank reports on the account, as a notification or a statement line gives it."""

    transaction_id: str
    amount: Decimal
    description: str
    credited_at: datetime
    account_number: str = ""
    payload: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """What a credit does: pays ``order`` when there is no ``problem``."""

    order: object = None
    problem: str = ""


def receive(credit: Credit, channel, statement=None):
    """Write the credit down and act on it, once per bank transaction id.

    Returns ``(transfer, created)``; a replay returns the credit first written down, unchanged.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                transfer = IncomingTransfer.objects.create(
                    transaction_id=credit.transaction_id,
                    amount=credit.amount,
                    description=credit.description,
                    account_number=credit.account_number,
                    credited_at=credit.credited_at,
                    channel=channel,
                    statement=statement,
                    state=State.FLAGGED,
                    payload=credit.payload,
                )
        except IntegrityError:  # the same transaction id, written down first (maybe at this instant)
            known = IncomingTransfer.objects.get(transaction_id=credit.transaction_id)
            if known.amount != credit.amount:
                logger.warning(
                    "Bank transaction %s reported again with another amount (%s, first %s): ignored",
                    credit.transaction_id,
                    credit.amount,
                    known.amount,
                )
            return known, False
        verdict = assess(credit, lock=True)
        transfer.order = verdict.order
        if verdict.problem:
            transfer.problem = verdict.problem
            logger.warning(
                "Bank transaction %s of %s ₫ flagged for the operator: %s (order %s)",
                credit.transaction_id,
                credit.amount,
                verdict.problem,
                verdict.order.number if verdict.order else "-",
            )
        else:
            pay(verdict.order, credit.transaction_id, credit.amount)
            transfer.state = State.APPLIED
        transfer.save(update_fields=["order", "problem", "state"])
    return transfer, True


def assess(credit: Credit, lock=False) -> Verdict:
    """The order the credit pays, or why it pays none; ``lock`` holds the order (inside atomic)."""
    if not is_our_account(credit.account_number):
        return Verdict(problem=Problem.WRONG_ACCOUNT)
    numbers = order_numbers_in(credit.description)
    if len(numbers) > 1:
        return Verdict(problem=Problem.TWO_ORDERS)
    order = transfer_order(numbers[0]) if numbers else None
    if order is None:
        return Verdict(problem=Problem.NO_ORDER)
    return Verdict(order, problem_paying(order, credit.amount, lock=lock))


def transfer_order(number):
    """The order numbered ``number`` that is paid by bank transfer, or None."""
    return Order.objects.filter(number=number, sources__source_type__code=SOURCE_CODE).first()


def problem_paying(order, amount: Decimal, lock=False) -> str:
    """Why ``amount`` cannot pay the order ("" when it is exactly what an order awaiting payment is due).

    ``lock`` holds the order's row, as the payment outcomes and the hold's release do, so a release
    cannot slip between this answer and the payment.
    """
    if lock:
        Order.objects.select_for_update().get(pk=order.pk)
    source = bookkeeping.order_source(order, lock=lock)
    if source.amount_debited > 0:
        return Problem.ALREADY_PAID
    if not order.parcels.filter(status=Parcel.Status.AWAITING_PAYMENT).exists():
        if order.parcels.exclude(status=Parcel.Status.CANCELLED).exists():
            return Problem.ALREADY_PAID
        return Problem.RELEASED
    if amount < source.amount_allocated:
        return Problem.PARTIAL
    if amount > source.amount_allocated:
        return Problem.EXCESS
    return ""


def pay(order, transaction_id, amount: Decimal):
    """Write the transfer into the order's books and confirm its parcels (order locked, amount checked)."""
    source = bookkeeping.order_source(order, lock=True)
    bookkeeping.record_debit(source, amount, transaction_id)
    outcomes.payment_succeeded(order, reference=transaction_id)


def is_our_account(account_number) -> bool:
    """Whether the account credited is the marketplace's (a statement line names none: it is)."""
    ours = _digits(getattr(settings, "BANK_TRANSFER", {}).get("ACCOUNT_NUMBER", ""))
    given = _digits(account_number)
    return not given or not ours or given == ours


def _digits(text):
    return "".join(ch for ch in str(text or "") if ch.isalnum())


@dataclass(frozen=True)
class Forecast:
    """What one credit of a statement would do if applied now."""

    credit: Credit
    known: bool = False  # received already (a notification, an earlier import, a repeated line)
    verdict: Verdict = Verdict()


def foresee(credits) -> list[Forecast]:
    """What applying the credits, in order, would do; writes nothing. A second credit for an order
    the file pays already is foreseen as already paid, as applying would find it."""
    known = set(
        IncomingTransfer.objects.filter(
            transaction_id__in=[credit.transaction_id for credit in credits]
        ).values_list("transaction_id", flat=True)
    )
    paid = set()
    forecasts = []
    for credit in credits:
        if credit.transaction_id in known:
            forecasts.append(Forecast(credit, known=True))
            continue
        known.add(credit.transaction_id)
        verdict = assess(credit)
        if not verdict.problem and verdict.order.pk in paid:
            verdict = Verdict(verdict.order, Problem.ALREADY_PAID)
        if verdict.order is not None and not verdict.problem:
            paid.add(verdict.order.pk)
        forecasts.append(Forecast(credit, verdict=verdict))
    return forecasts
