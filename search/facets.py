"""Facet values as shoppers see them, the same whichever backend counted them.

A backend counts products per value; this module says which values the query
chose, names them (one query per family that has values) and orders them.
"""

from django.db import connection
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from .forms import price_range_value
from .query import PRICE_BUCKETS, BadgeKind, Facet, FacetValue, ProductQuery

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Province = get_model("places", "Province")
Commune = get_model("places", "Commune")

STAR_LEVELS = (3, 4, 5)  # OCOP recognises 3 to 5 stars; the stars facet reads "at least n"
IN_STOCK_VALUE = "1"


# Families listed in a fixed order rather than by count.
FIXED_ORDER = {
    Facet.STARS: [str(n) for n in STAR_LEVELS],
    Facet.BADGE: [value for value, _label in BadgeKind.CHOICES],
    Facet.PRICE: [price_range_value(lower, upper) for lower, upper in PRICE_BUCKETS],
    Facet.IN_STOCK: [IN_STOCK_VALUE],
}


def facet_values(counts: dict, query: ProductQuery, names=None) -> dict:
    """``{facet: [FacetValue]}`` from ``{facet: {value: count}}``: values with products, and the chosen ones.

    A chosen value stays listed (to be removed) even when nothing is left.
    ``names`` looks up the names kept in the database, :func:`database_names`
    unless a backend remembers them.
    """
    chosen = selected_values(query)
    found = {}
    for facet in Facet.ALL:
        counted = counts.get(facet, {})
        found[facet] = {value: count for value, count in counted.items() if count}
        found[facet].update((value, counted.get(value, 0)) for value in chosen[facet])
    shown = {facet: sorted(values) for facet, values in found.items()}
    labels = {**(names or database_names)(shown), **fixed_labels()}
    facets = {}
    for facet, values in found.items():
        facets[facet] = sorted(
            (
                FacetValue(value, labels[facet].get(value, value), count, value in chosen[facet])
                for value, count in values.items()
            ),
            key=_order(facet),
        )
    return facets


def selected_values(query: ProductQuery) -> dict:
    """The values of each facet the query asks for, written as facet values are."""
    low, high = query.price_min, query.price_max
    return {
        Facet.CATEGORY: {str(pk) for pk in query.category_ids},
        Facet.ENTERPRISE: {str(pk) for pk in query.enterprise_ids},
        Facet.PROVINCE: {str(code) for code in query.province_codes},
        Facet.COMMUNE: {str(code) for code in query.commune_codes},
        Facet.STARS: {str(query.min_stars)} if str(query.min_stars) in FIXED_ORDER[Facet.STARS] else set(),
        Facet.BADGE: set(query.badges) & BadgeKind.VALUES,
        Facet.PRICE: {price_range_value(low, high)} if (low, high) in PRICE_BUCKETS else set(),
        Facet.IN_STOCK: {IN_STOCK_VALUE} if query.in_stock else set(),
    }


def database_names(values: dict) -> dict:
    """Names of the categories, enterprises and places shown, read in one statement.

    Each family that has values adds its rows to a UNION ALL, as (family,
    value, name): a search asked for the first time pays one round trip for
    its labels, not four.
    """
    parts, params = [], []

    def add(facet, select, chosen):
        parts.append(f"SELECT %s, {select} IN ({', '.join(['%s'] * len(chosen))})")
        params.extend([facet, *chosen])

    for facet, model in ((Facet.CATEGORY, Category), (Facet.ENTERPRISE, Partner)):
        if ids := [int(value) for value in values[facet] if str(value).isdigit()]:
            table, pk = model._meta.db_table, model._meta.pk.column
            add(facet, f"CAST({pk} AS TEXT), name FROM {table} WHERE {pk}", ids)
    communes, provinces = Commune._meta.db_table, Province._meta.db_table
    if codes := list(values[Facet.COMMUNE]):
        add(Facet.COMMUNE, f"code, name FROM {communes} WHERE code", codes)
        # The provinces of the communes shown: usually every province shown.
        in_communes = f"SELECT province_id FROM {communes} WHERE code"
        add(Facet.PROVINCE, f"code, name FROM {provinces} WHERE id IN ({in_communes}", codes)
        parts[-1] += ")"
    if codes := list(values[Facet.PROVINCE]):
        add(Facet.PROVINCE, f"code, name FROM {provinces} WHERE code", codes)
    labels = {facet: {} for facet in Facet.ALL}
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for facet, value, name in cursor.fetchall():
                labels[facet][value] = name
    return labels


def fixed_labels() -> dict:
    """Labels of the families whose values are fixed, in the current language."""
    return {
        Facet.STARS: {str(n): _("%(stars)s★ and more") % {"stars": n} for n in STAR_LEVELS},
        Facet.BADGE: {kind: str(label) for kind, label in BadgeKind.CHOICES},
        Facet.PRICE: {price_range_value(low, high): price_label(low, high) for low, high in PRICE_BUCKETS},
        Facet.IN_STOCK: {IN_STOCK_VALUE: _("In stock")},
    }


def price_label(low, high):
    """A price range as shoppers read it, either end open."""
    if low is None:
        return _("Under %(price)s") % {"price": currency(high)}
    if high is None:
        return _("%(price)s and more") % {"price": currency(low)}
    # An en dash between two amounts, as prices are written in Vietnamese.
    return _("%(low)s – %(high)s") % {"low": currency(low), "high": currency(high)}  # noqa: RUF001


def _order(facet):
    if facet in FIXED_ORDER:
        order = FIXED_ORDER[facet]
        return lambda value: order.index(value.value) if value.value in order else len(order)
    return lambda value: (-value.count, value.label)
