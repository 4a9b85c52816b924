"""Keeping the search index in step with the catalogue, after each transaction commits.

Every change a shopper could notice in search (a product, its price or stock,
a certificate, a traceability lot, its categories, its enterprise's name or
status) names the products it touches; they are collected for the current
transaction and handed to a worker once, deduplicated, when it commits (the
``search.update_records`` task; in-process without a broker).
A rolled-back change never reaches the index. Bulk loads (the demo) pause
this and rebuild the index once at the end.
"""

import logging
from contextlib import contextmanager

from asgiref.local import Local
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from oscar.core.loading import get_model

from marketplace.jobs.outbox import enqueue

from .backends import get_backend
from .signals import catalogue_changed
from .tasks import update_records

logger = logging.getLogger(__name__)

_state = Local()

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Category = get_model("catalogue", "Category")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Lot = get_model("catalogue", "Lot")
LotStep = get_model("catalogue", "LotStep")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")


def schedule(product_ids):
    """Update these products' records once the current transaction commits (at once outside one)."""
    if getattr(_state, "paused", False):
        return
    ids = {pk for pk in product_ids if pk is not None}
    if not ids:
        return
    if getattr(_state, "pending", None) is None:
        _state.pending = set()
    _state.pending |= ids
    # One callback per change, but the first to run takes every pending id and the rest
    # find nothing: one update per transaction. Ids left by a rolled-back transaction
    # are only updated again with the next one, which is harmless.
    transaction.on_commit(_flush, robust=True)


def _flush():
    ids, _state.pending = getattr(_state, "pending", None) or set(), set()
    if ids:
        catalogue_changed.send(sender=Product, product_ids=sorted(ids))
        enqueue(update_records, sorted(ids))


@contextmanager
def paused():
    """Collect nothing while bulk-loading; the caller rebuilds the index afterwards."""
    was_paused = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = was_paused


# --- What each change touches ------------------------------------------------------------


def _product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule([instance.pk])


def _product_fact_changed(sender, instance, raw=False, **kwargs):
    """Stock records, lots and category links name their product."""
    if not raw:
        schedule([instance.product_id])


def _step_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(Lot.objects.filter(pk=instance.lot_id).values_list("product_id", flat=True))


def _enterprise_saved(sender, instance, raw=False, **kwargs):
    """Its name is searchable and its status decides whether its products are shown at all."""
    if not raw:
        get_backend().invalidate()  # the status holds from the very next search, before any reindex
        schedule(StockRecord.objects.filter(partner=instance).values_list("product_id", flat=True))


def _certificate_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        schedule(instance.products.values_list("pk", flat=True))


def _links_changed(sender, instance, action, pk_set, **kwargs):
    """A product gained or lost a category or a certificate through a many-to-many manager."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if isinstance(instance, Product):
        schedule([instance.pk])
    elif action == "pre_clear":
        (to_product,) = [f for f in sender._meta.fields if f.is_relation and f.related_model is Product]
        (to_other,) = [f for f in sender._meta.fields if f.is_relation and f.related_model is type(instance)]
        links = sender.objects.filter(**{to_other.name: instance})
        schedule(links.values_list(to_product.attname, flat=True))
    else:
        schedule(pk_set or ())


def _category_changed(sender, instance, raw=False, **kwargs):
    """A category's name is searchable in its whole subtree."""
    if not raw and instance.path:
        links = ProductCategory.objects.filter(category__path__startswith=instance.path)
        schedule(links.values_list("product_id", flat=True))


def connect():
    post_save.connect(_product_saved, sender=Product, dispatch_uid="search-product")
    for model in (StockRecord, Lot, ProductCategory):
        post_save.connect(_product_fact_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
        post_delete.connect(_product_fact_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
    post_save.connect(_step_changed, sender=LotStep, dispatch_uid="search-step")
    post_delete.connect(_step_changed, sender=LotStep, dispatch_uid="search-step")
    post_save.connect(_enterprise_saved, sender=Partner, dispatch_uid="search-enterprise")
    post_save.connect(_certificate_changed, sender=OcopCertificate, dispatch_uid="search-certificate")
    pre_delete.connect(_certificate_changed, sender=OcopCertificate, dispatch_uid="search-certificate")
    for through in (OcopCertificate.products.through, Product.categories.through):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"search-{through.__name__}")
    post_save.connect(_category_changed, sender=Category, dispatch_uid="search-category")
    pre_delete.connect(_category_changed, sender=Category, dispatch_uid="search-category")
