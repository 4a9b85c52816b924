"""A basket as the shopper will receive it: one group, and later one parcel, per enterprise.

Each group carries its lines, its subtotal, its delivery (the chosen rate, or the
cheapest as an estimate on the basket page) and the lines that cannot be bought
now, with the reason, so the shopper sees which enterprise's part holds up checkout.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from oscar.apps.partner.availability import Unavailable
from oscar.core.loading import get_class

# The split by enterprise lives with the enterprises; order placement asks for it here too.
lines_by_enterprise = get_class("partner.grouping", "lines_by_enterprise")


def purchase_problem(basket, line):
    """Why this line cannot be bought as it stands, or "" when it can."""
    availability = basket.strategy.fetch_for_line(line).availability
    permitted, reason = availability.is_purchase_permitted(line.quantity)
    if permitted:
        return ""
    # "Unavailable" policies (e.g. an enterprise no longer trading) explain themselves in their message.
    return str(availability.message if isinstance(availability, Unavailable) else reason)


@dataclass
class BasketGroup:
    enterprise: object
    lines: list
    shipping: object  # an EnterpriseRate
    shipping_charge: Decimal
    problems: dict = field(default_factory=dict)  # line pk -> why it cannot be bought now

    @property
    def subtotal(self):
        return sum((line.line_price_incl_tax_incl_discounts for line in self.lines), Decimal("0"))

    @property
    def total(self):
        return self.subtotal + self.shipping_charge

    @property
    def can_check_out(self):
        return not self.problems

    def entries(self):
        """``(line, problem)`` pairs for templates."""
        return [(line, self.problems.get(line.pk, "")) for line in self.lines]


def basket_groups(basket, shipping=None):
    """The basket's groups, delivered by ``shipping`` (a ParcelShipping), else each one's cheapest rate."""
    if basket.id is None or basket.is_empty:
        return []
    if shipping is None:
        Repository = get_class("shipping.repository", "Repository")
        shipping = Repository().parcel_shipping(basket)
    groups = []
    for enterprise, lines in lines_by_enterprise(basket):
        method = shipping.for_enterprise(enterprise)
        problems = {line.pk: problem for line in lines if (problem := purchase_problem(basket, line))}
        groups.append(BasketGroup(enterprise, lines, method, method.charge_for(lines), problems))
    return groups


def line_problems(basket):
    """Every line that cannot be bought, as (line, problem) pairs, in basket order."""
    return [(line, problem) for line in basket.all_lines() if (problem := purchase_problem(basket, line))]
