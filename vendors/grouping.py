"""A basket's lines grouped by the enterprise that sells them: the marketplace's one split.

Each group becomes a group on the basket page, a delivery rate to choose at checkout and a
parcel of the order, so the basket, shipping and the order all split a basket here.
"""

from .models import Partner


def lines_by_enterprise(basket):
    """``[(enterprise, [lines])]`` in the order the shopper added them."""
    lines = list(basket.all_lines())
    partner_ids = {line.stockrecord.partner_id for line in lines}
    enterprises = Partner.objects.in_bulk(partner_ids) if partner_ids else {}
    groups = {}
    for line in lines:
        groups.setdefault(line.stockrecord.partner_id, []).append(line)
    return [(enterprises[partner_id], group) for partner_id, group in groups.items()]
