"""A basket's lines grouped by the enterprise that sells them: the marketplace's one split.

Each group becomes a group on the basket page, a delivery rate to choose at checkout and a
parcel of the order, so the basket, shipping and the order all split a basket here.
"""


def lines_by_enterprise(basket):
    """``[(enterprise, [lines])]`` in the order the shopper added them.

    The enterprise is the one the basket loaded with its lines (``Basket.all_lines``), so
    splitting a basket again costs no query.
    """
    groups = {}
    for line in basket.all_lines():
        groups.setdefault(line.stockrecord.partner_id, (line.stockrecord.partner, []))[1].append(line)
    return list(groups.values())
