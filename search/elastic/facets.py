"""Facet counts from an Elasticsearch response, labelled for the shopper.

The index only holds ids and codes; names come from the database, one query per
facet that has values, whatever the number of values or hits.
"""

from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from search.query import PRICE_BUCKETS, BadgeKind, Facet, FacetValue, ProductQuery

from .queries import STAR_LEVELS, price_bucket_value

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Province = get_model("places", "Province")
Commune = get_model("places", "Commune")

IN_STOCK_VALUE = "1"

# Facets whose values are listed in a fixed order rather than by count.
FIXED_ORDER = {
    Facet.STARS: [str(n) for n in STAR_LEVELS],
    Facet.BADGE: [value for value, _label in BadgeKind.CHOICES],
    Facet.PRICE: [price_bucket_value(lower, upper) for lower, upper in PRICE_BUCKETS],
    Facet.IN_STOCK: [IN_STOCK_VALUE],
}


def counts_from_aggregations(aggregations: dict) -> dict:
    """``{facet: {value: count}}`` from the aggregations :func:`~.queries.search_body` asks for."""
    counts = {}
    for facet in Facet.ALL:
        counter = aggregations[facet]["counts"]
        if facet == Facet.IN_STOCK:
            counts[facet] = {IN_STOCK_VALUE: counter["doc_count"]}
        else:
            buckets = counter["buckets"] + aggregations[facet].get("chosen", {}).get("buckets", [])
            counts[facet] = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
    return counts


def facet_values(counts: dict, query: ProductQuery) -> dict:
    """``{facet: [FacetValue]}``: values with products, and the selected ones even when none are left."""
    chosen = selected_values(query)
    facets = {}
    for facet in Facet.ALL:
        found = {value: count for value, count in counts.get(facet, {}).items() if count}
        for value in chosen[facet]:
            found.setdefault(value, 0)
        facets[facet] = found
    labels = _labels(facets)
    result = {}
    for facet, found in facets.items():
        values = [
            FacetValue(
                value=value,
                label=labels[facet].get(value, value),
                count=count,
                selected=value in chosen[facet],
            )
            for value, count in found.items()
        ]
        if facet in FIXED_ORDER:
            order = FIXED_ORDER[facet]
            values.sort(key=lambda v: order.index(v.value) if v.value in order else len(order))
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        result[facet] = values
    return result


def selected_values(query: ProductQuery) -> dict:
    """The values of each facet the query asks for, as facet values are written."""
    price = set()
    if query.price_min is not None or query.price_max is not None:
        price.add(price_bucket_value(query.price_min, query.price_max))
    return {
        Facet.CATEGORY: {str(pk) for pk in query.category_ids},
        Facet.PROVINCE: set(query.province_codes),
        Facet.COMMUNE: set(query.commune_codes),
        Facet.STARS: {str(query.min_stars)} if query.min_stars in STAR_LEVELS else set(),
        Facet.BADGE: set(query.badges) & BadgeKind.VALUES,
        Facet.ENTERPRISE: {str(pk) for pk in query.enterprise_ids},
        Facet.PRICE: price if price & set(FIXED_ORDER[Facet.PRICE]) else set(),
        Facet.IN_STOCK: {IN_STOCK_VALUE} if query.in_stock else set(),
    }


def _labels(facets: dict) -> dict:
    return {
        Facet.CATEGORY: _names(Category, "pk", _ids(facets[Facet.CATEGORY])),
        Facet.PROVINCE: _names(Province, "code", facets[Facet.PROVINCE]),
        Facet.COMMUNE: _names(Commune, "code", facets[Facet.COMMUNE]),
        Facet.ENTERPRISE: _names(Partner, "pk", _ids(facets[Facet.ENTERPRISE])),
        Facet.STARS: {str(n): _("%(stars)s★ and more") % {"stars": n} for n in STAR_LEVELS},
        Facet.BADGE: {value: str(label) for value, label in BadgeKind.CHOICES},
        Facet.PRICE: {
            price_bucket_value(lower, upper): _price_label(lower, upper) for lower, upper in PRICE_BUCKETS
        },
        Facet.IN_STOCK: {IN_STOCK_VALUE: _("In stock")},
    }


def _ids(values):
    return [int(value) for value in values if value.isdigit()]


def _names(model, key, values):
    """``{value: name}`` in one query, or none when there is nothing to name."""
    if not values:
        return {}
    rows = model.objects.filter(**{f"{key}__in": list(values)}).values_list(key, "name")
    return {str(value): name for value, name in rows}


def _price_label(lower, upper):
    if lower is None:
        return _("Under %(price)s") % {"price": currency(upper)}
    if upper is None:
        return _("%(price)s and more") % {"price": currency(lower)}
    return _("%(low)s – %(high)s") % {"low": currency(lower), "high": currency(upper)}  # noqa: RUF001
