"""The money rules of payouts, as plain functions on plain values (no database).

Amounts are Vietnamese đồng, which have no minor unit: every amount the ledger
stores is rounded to a whole đồng, half up, once per parcel.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from oscar.templatetags.currency_filters import currency

WHOLE_DONG = Decimal("1")


def round_dong(amount) -> Decimal:
    """``amount`` rounded to a whole đồng, halves up (12.5 → 13)."""
    return Decimal(amount).quantize(WHOLE_DONG, rounding=ROUND_HALF_UP)


def rate_for(category_paths, rates_by_path, default, steplen=4):
    """The commission rate of a product in the categories at ``category_paths``.

    ``rates_by_path`` maps a category's tree path (treebeard's materialised path,
    ``steplen`` characters per level) to its rate. The most specific category with a
    rate wins: a product's own category before its parent, the parent before the root.
    A product in two categories with rates at the same depth gets the lower rate.
    Without any rate on the way up, ``default`` applies.
    """
    best = None  # (depth, -rate): deeper first, then lower
    for path in category_paths:
        for depth in range(len(path) // steplen, 0, -1):
            rate = rates_by_path.get(path[: depth * steplen])
            if rate is not None:
                candidate = (depth, -rate)
                best = candidate if best is None else max(best, candidate)
                break  # shallower ancestors of this category are less specific
    return default if best is None else -best[1]


@dataclass(frozen=True)
class Split:
    """How a parcel's money divides: ``gross`` paid, ``commission`` kept, tax withheld for the seller
    (``vat_withheld``, ``pit_withheld``: nothing for companies and cooperatives), ``net`` owed."""

    gross: Decimal
    commission: Decimal
    net: Decimal
    vat_withheld: Decimal = Decimal(0)
    pit_withheld: Decimal = Decimal(0)

    def reversed(self):
        return Split(-self.gross, -self.commission, -self.net, -self.vat_withheld, -self.pit_withheld)


def split(goods, shipping=Decimal(0), vat_rate=Decimal(0), pit_rate=Decimal(0)):
    """The split of a parcel from its ``goods`` as (amount, rate) pairs and its shipping charge.

    Commission is taken on the goods only: the enterprise ships the parcel itself,
    so the shipping charge goes to it whole. Tax is withheld at ``vat_rate`` and ``pit_rate``
    on the seller's revenue, which is the whole gross (goods and shipping the shopper paid,
    before commission: the commission is the seller's cost, not less revenue), each rounded
    to a whole đồng.
    """
    goods = list(goods)
    gross = round_dong(sum((amount for amount, _rate in goods), Decimal(0)) + shipping)
    commission = round_dong(sum((amount * rate for amount, rate in goods), Decimal(0)))
    vat, pit = round_dong(gross * Decimal(vat_rate)), round_dong(gross * Decimal(pit_rate))
    return Split(gross, commission, gross - commission - vat - pit, vat, pit)


def shares(amount, weights) -> list[Decimal]:
    """``amount`` (whole đồng) divided in proportion to ``weights``, the shares adding up to it exactly.

    Each share is rounded down; the đồng left over go one each to the largest remainders
    (the earlier weight first on a tie), so no đồng is lost or made up.
    """
    amount, weights = int(amount), [int(weight) for weight in weights]
    total = sum(weights)
    if total <= 0:
        return [Decimal(0) for _weight in weights]
    exact = [amount * weight for weight in weights]  # each share is exact / total
    result = [value // total for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: -(exact[i] % total))
    for i in by_remainder[: amount - sum(result)]:
        result[i] += 1
    return [Decimal(value) for value in result]


def part_of(split, gross) -> Split:
    """The part of ``split`` that ``gross`` of its gross is: the commission and the tax withheld in the
    same proportion (all of it when ``gross`` is the whole)."""

    def same_share(amount):
        return round_dong(amount * gross / split.gross) if split.gross else Decimal(0)

    commission, vat, pit = (same_share(a) for a in (split.commission, split.vat_withheld, split.pit_withheld))
    return Split(gross, commission, gross - commission - vat - pit, vat, pit)


def balance(nets) -> Decimal:
    """What the platform owes the enterprise after these ledger rows (negative: it owes the platform)."""
    return sum(nets, Decimal(0))


def check_payout(month: date, today: date, owed: Decimal, amount: Decimal, already_paid: bool):
    """Refuse a payout that pays a month twice, before it ends, for nothing, or more than owed."""
    if already_paid:
        raise ValidationError(_("This month has already been paid to the enterprise."), code="already_paid")
    if (month.year, month.month) >= (today.year, today.month):
        raise ValidationError(_("A month can be paid only after it has ended."), code="month_not_over")
    if owed <= 0:
        raise ValidationError(_("Nothing is owed to the enterprise for this month."), code="nothing_owed")
    if amount != round_dong(amount) or amount <= 0:
        raise ValidationError(_("Please give a positive amount in whole đồng."), code="invalid_amount")
    if amount > owed:
        raise ValidationError(
            _("The amount is more than the %(owed)s owed to the enterprise.") % {"owed": currency(owed)},
            code="more_than_owed",
        )
