"""Posting to the ledger: the parcel moves that earn or give back money, and payouts.

Every parcel move reaches :func:`record_move` through the order app's ``parcel_moved``
signal, sent inside the move's transaction (connected in ``PayoutsConfig.ready``), so a
parcel's status and its ledger rows are always committed together.
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format

from marketplace.audit import log as audit_log

from . import rules, withholding
from .models import CommissionRate, LedgerEntry
from .months import month_end

Kind = LedgerEntry.Kind

# Statuses in which a parcel has been sold (its sale row stands).
SOLD = {"confirmed", "packed", "shipped", "delivered"}
UNDONE = {"cancelled", "refunded"}


def default_rate():
    return Decimal(str(getattr(settings, "MARKETPLACE_COMMISSION_RATE", "0.05")))


def rates_by_path():
    return dict(CommissionRate.objects.values_list("category__path", "rate"))


def goods_with_rates(parcel):
    """(line amount, commission rate) for each of the parcel's lines."""
    rates, default = rates_by_path(), default_rate()
    lines = parcel.lines.select_related("product__parent").prefetch_related(
        "product__categories", "product__parent__categories"
    )
    goods = []
    for line in lines:
        product = line.product
        if product is not None and product.parent_id:
            product = product.parent  # variants take their parent's categories
        paths = [category.path for category in product.categories.all()] if product else []
        goods.append((line.line_price_incl_tax, rules.rate_for(paths, rates, default)))
    return goods


def sale_split(parcel, day=None):
    """The parcel's split if sold on ``day`` (today): commission, and the tax withheld at the rates in
    force that day for its enterprise's kind."""
    rates = withholding.rates_for(
        parcel.enterprise.kind, day or timezone.localdate(), withholding.configured_periods()
    )
    return rules.split(goods_with_rates(parcel), parcel.shipping_charge, rates.vat_rate, rates.pit_rate)


def follow_parcel_move(sender, parcel, change, **kwargs):
    """The ``parcel_moved`` receiver: the ledger follows every parcel move."""
    record_move(parcel, change.from_status, change.to_status, note=change.note)


def record_move(parcel, from_status, to_status, note=""):
    """Post what a parcel's move means for the enterprise's account, if anything."""
    if to_status == "confirmed":
        return post_sale(parcel)
    if to_status in UNDONE and from_status in SOLD:
        return post_reversal(parcel, note)
    return None


def post_sale(parcel):
    return _post(parcel, Kind.SALE, sale_split(parcel))


def still_earned(parcel):
    """What the parcel still earns: its sale row less the partial refunds taken back since, as a Split;
    None when it was never sold or was already reversed."""
    rows = LedgerEntry.objects.filter(parcel=parcel)
    if not rows.filter(kind=Kind.SALE).exists() or rows.filter(kind=Kind.REVERSAL).exists():
        return None
    sums = rows.filter(kind__in=[Kind.SALE, Kind.PARTIAL_REFUND]).aggregate(
        gross=Sum("gross"),
        commission=Sum("commission"),
        net=Sum("net"),
        vat_withheld=Sum("vat_withheld"),
        pit_withheld=Sum("pit_withheld"),
    )
    return rules.Split(**sums)


def post_reversal(parcel, note=""):
    """Take back exactly what the parcel still earns (its sale row, less partial refunds), whatever
    the rates are today: the tax withheld at the sale is given back with it."""
    earned = still_earned(parcel)
    if earned is None:
        return None
    return _post(parcel, Kind.REVERSAL, earned.reversed(), note)


def post_partial_refund(parcels, amount, note=""):
    """Take back ``amount`` given back on an order without naming a parcel (a refund made in Stripe's
    own dashboard that matches no parcel's total).

    It is shared among the parcels still sold, in proportion to what each still earns, with the
    commission and the tax withheld in the same proportion; never more than they earn together.
    Returns the rows written: none when no parcel of the order stands sold.
    """
    earning = [
        (parcel, earned)
        for parcel in parcels
        if (earned := still_earned(parcel)) is not None and earned.gross > 0
    ]
    total = sum((earned.gross for _parcel, earned in earning), Decimal(0))
    shares = rules.shares(min(rules.round_dong(amount), total), [earned.gross for _parcel, earned in earning])
    return [
        _post(parcel, Kind.PARTIAL_REFUND, rules.part_of(earned, share).reversed(), note)
        for (parcel, earned), share in zip(earning, shares, strict=True)
        if share
    ]


def _post(parcel, kind, split, note=""):
    return LedgerEntry.objects.create(
        enterprise_id=parcel.enterprise_id,
        parcel=parcel,
        kind=kind,
        gross=split.gross,
        commission=split.commission,
        vat_withheld=split.vat_withheld,
        pit_withheld=split.pit_withheld,
        net=split.net,
        note=note,
    )


def owed_for_month(enterprise, month):
    """What the enterprise is owed for its sales up to the end of ``month``, less every payout made."""
    entries = LedgerEntry.objects.for_enterprise(enterprise)
    earned = entries.exclude(kind=Kind.PAYOUT).filter(date__lt=month_end(month)).aggregate(n=Sum("net"))["n"]
    paid = entries.filter(kind=Kind.PAYOUT).aggregate(n=Sum("net"))["n"]
    return rules.balance([earned or Decimal(0), paid or Decimal(0)])


@transaction.atomic
def pay(enterprise, month, amount, reference, by, note=""):
    """Record that the operator paid ``amount`` to the enterprise for ``month`` (no money moves here).

    Raises ValidationError when the rules refuse it; the enterprise row is locked so two
    operators cannot pay the same month at once.
    """
    type(enterprise).objects.select_for_update().get(pk=enterprise.pk)
    already_paid = (
        LedgerEntry.objects.for_enterprise(enterprise).filter(kind=Kind.PAYOUT, month_paid=month).exists()
    )
    owed = owed_for_month(enterprise, month)
    rules.check_payout(month, timezone.localdate(), owed, amount, already_paid)
    payout = LedgerEntry.objects.create(
        enterprise=enterprise,
        kind=Kind.PAYOUT,
        net=-amount,
        month_paid=month,
        reference=reference.strip(),
        note=note.strip(),
        recorded_by=by,
    )
    label = date_format(month, "YEAR_MONTH_FORMAT") + (f" · {payout.reference}" if payout.reference else "")
    audit_log.record("payout", payout, by=by, reason=note, amount=amount, enterprise=enterprise, label=label)
    return payout
