"""Tax the platform withholds on a seller's sales: which rates are in force for a kind of seller on a day.

Decree 117/2025/NĐ-CP (in force since 1 July 2025): a platform with a payment function
withholds, on each sale of a household business or individual, VAT and personal income tax
as a share of the sale's revenue, and declares them monthly; companies and cooperatives
declare their own taxes and are not withheld. The rates live in ``settings.TAX_WITHHOLDING``
as periods with their legal basis, so a change of law is a new period, never an edit of
history: a ledger row keeps the amounts withheld at the rate of its sale's day.

Uncertain (checked against secondary sources only, not the official gazette): the goods rates
(VAT 1 %, PIT 0.5 % for resident sellers; services and transport have other rates, not sold
here); whether cooperative groups (tổ hợp tác) count as "individuals" for withholding (not
withheld by default: add their kind to the period if the tax office says so); the monthly
declaration form's name (believed to be Mẫu 01/CNKD-TMĐT).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings

from .rules import round_dong

ZERO = Decimal(0)


@dataclass(frozen=True)
class RatePeriod:
    """Rates withheld on the sales of sellers of ``kinds`` from ``valid_from`` to ``valid_until``
    (both days included; no end while the law stands)."""

    kinds: frozenset
    vat_rate: Decimal
    pit_rate: Decimal
    valid_from: date
    valid_until: date | None = None
    legal_basis: str = ""

    def covers(self, kind, day):
        in_force = self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
        return kind in self.kinds and in_force


@dataclass(frozen=True)
class Rates:
    vat_rate: Decimal = ZERO
    pit_rate: Decimal = ZERO
    legal_basis: str = ""

    @property
    def withholds(self):
        return bool(self.vat_rate or self.pit_rate)


NOT_WITHHELD = Rates()


def _day(value):
    return value if isinstance(value, date) or value is None else date.fromisoformat(value)


def period_from(config) -> RatePeriod:
    """One period from its settings entry (rates as strings or Decimals, days as dates or ISO text)."""
    return RatePeriod(
        kinds=frozenset(config["kinds"]),
        vat_rate=Decimal(str(config["vat_rate"])),
        pit_rate=Decimal(str(config["pit_rate"])),
        valid_from=_day(config["valid_from"]),
        valid_until=_day(config.get("valid_until")),
        legal_basis=config.get("legal_basis", ""),
    )


def configured_periods():
    return [period_from(config) for config in getattr(settings, "TAX_WITHHOLDING", [])]


def rates_for(kind, day, periods) -> Rates:
    """The rates in force for a seller of ``kind`` on ``day``: the latest-starting period covering it,
    or nothing withheld (companies, cooperatives, and every sale before the law)."""
    covering = [period for period in periods if period.covers(kind, day)]
    if not covering:
        return NOT_WITHHELD
    period = max(covering, key=lambda period: period.valid_from)
    return Rates(period.vat_rate, period.pit_rate, period.legal_basis)


def withheld(revenue, rates) -> tuple[Decimal, Decimal]:
    """(VAT, PIT) withheld on ``revenue`` (whole đồng), each rounded to a whole đồng on its own."""
    return round_dong(revenue * rates.vat_rate), round_dong(revenue * rates.pit_rate)
