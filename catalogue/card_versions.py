"""The version of each product's card, from one query that loads no product.

A cached card fragment is named by its product's version: a digest of every column a card
shows or decides from (the product's own, its stock records and their enterprise, its
images, certificates, lots and their steps, its origin places, whether it has options).
Reading those as column values, joined in the database per product, costs one query of one
short row per product; loading the products with ``for_cards()`` to read the same facts
costs six queries and some 140 model instances for 24 cards, and is now only paid for the
cards that are not cached yet.

Values, not dates: a bare ``.update()`` (a certificate verified in bulk, a stock import)
changes no ``date_updated`` and sends no signal, but it changes a column read here, so the
change shows on the next request in every process, whatever cache each one uses.
"""

import hashlib
from functools import cache, lru_cache

from django.db import connections, router
from django.db.models import Aggregate, F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce
from oscar.core.loading import get_model

from .models import Lot, LotStep, OcopCertificate, Product

ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")

# Facts read through a join: the origin places' names and codes (the verified-origin badge).
PLACE_FIELDS = ("origin_province__name", "origin_province__code", "origin_commune__name")


class GroupConcat(Aggregate):
    """SQLite's GROUP_CONCAT: the group's texts joined, in no promised order (a new order
    only costs a card rendered again)."""

    function = "GROUP_CONCAT"
    output_field = TextField()


class ColumnsText(Func):
    """The columns' values as one text, "|" between them, NULL as empty. Flat, not nested
    like ``Concat``'s pairs, which overflow SQLite's parser beyond a few dozen columns."""

    arg_joiner = " || '|' || "
    template = "(%(expressions)s)"
    output_field = TextField()

    def __init__(self, *names):
        super().__init__(*(Coalesce(Cast(F(name), TextField()), Value("")) for name in names))


def card_versions(ids):
    """``{pk: version}`` for those of ``ids`` that still exist; ``None`` for parents, whose
    price comes from children their facts do not cover, so their cards are not kept."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    using = router.db_for_read(Product)
    sql, params = compiled(using, len(ids))
    with connections[using].cursor() as cursor:
        cursor.execute(sql, (*params, *ids))
        rows = cursor.fetchall()
    is_parent = card_columns(Product).index("structure")
    return {
        row[0]: None
        if row[is_parent] == Product.PARENT
        else hashlib.blake2b(repr(row).encode(), digest_size=12).hexdigest()
        for row in rows
    }


@lru_cache(maxsize=32)
def compiled(using, count):
    """The version query's SQL for ``count`` ids, and its parameters but the ids (which come
    last: the products' filter is its only WHERE). Built once per page size and process:
    Django takes some 10 ms to build and compile its hundred expressions, the database
    0.5 ms to answer it."""
    vendor = connections[using].vendor
    joined = {
        "card_stock": _joined(vendor, StockRecord, "product", partner=Partner),
        "card_images": _joined(vendor, ProductImage, "product"),
        "card_certificates": _joined(vendor, OcopCertificate, "products"),
        "card_lots": _joined(vendor, Lot, "product"),
        "card_steps": _joined(vendor, LotStep, "lot__product"),
    }
    stand_ins = tuple(range(-count, 0))
    rows = (
        Product.objects.using(using)
        .filter(pk__in=stand_ins)
        .with_option_flags()
        .annotate(**joined)
        .order_by()
        .values_list(
            *card_columns(Product), *PLACE_FIELDS, "has_product_class_options", "has_product_options", *joined
        )
    )
    sql, params = rows.query.sql_with_params()
    if tuple(params[-count:]) != stand_ins:
        raise AssertionError("The products' ids are not the version query's last parameters.")
    return sql, tuple(params[:-count])


def _joined(vendor, model, to_product, partner=None):
    """A subquery: the outer product's rows of ``model``, each as its columns' text."""
    related = model.objects.filter(**{to_product: OuterRef("pk")})
    parts = [*card_columns(model)]
    if partner is not None:
        parts += [f"partner__{name}" for name in card_columns(partner)]
    row = ColumnsText(*parts)
    if vendor == "postgresql":
        from django.contrib.postgres.aggregates import StringAgg

        # In a stable order, so that an unchanged product keeps its version.
        aggregate = StringAgg(row, delimiter=";", order_by="pk", output_field=TextField())
    else:
        aggregate = GroupConcat(row)
    return Subquery(related.order_by().values(to_product).annotate(text=aggregate).values("text"))


@cache
def card_columns(model):
    """The model's columns, but long texts (descriptions, stories, notes) no card shows."""
    return tuple(field.attname for field in model._meta.concrete_fields if not isinstance(field, TextField))
