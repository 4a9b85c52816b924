"""Rendered product cards kept in the ``default`` cache, one fragment per product.

A fragment's key names everything its HTML depends on: the product's version (a digest of
the facts its card shows, :func:`catalogue.cards.card_version`), the language, the day the
badges were decided for (a certificate stops giving stars on its expiry day) and the card
template itself. A sale, an edit, a certificate or lot change, an enterprise's new status or
a new day therefore asks for a key nobody has rendered yet: the change shows on the next
render, and stale fragments simply age out. A page gets its fragments in one ``get_many``,
renders only the missing ones and stores them in one ``set_many``.

The basket form's CSRF field is not kept in a fragment: fragments hold a marker that is
replaced, on every page, by the field as that page renders it.
"""

import hashlib
from functools import cache

from django.core.cache import caches
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import get_language

from .cards import CardUrls, build_cards, card_version, with_card_facts

TEMPLATE = "catalogue/partials/product_card.html"
CSRF_MARK = "<!--card-csrf-field-->"
TIMEOUT = 24 * 3600  # a fragment is for one badge day anyway


def render_cards(products, csrf_field=""):
    """The HTML of each product's card, in order, with ``csrf_field`` in its basket form."""
    products = with_card_facts(list(products))
    if not products:
        return []
    on = timezone.localdate()
    prefix = f"card:{template_version()}:{get_language()}:{on.isoformat()}"
    keys = [
        None if product.is_parent else f"{prefix}:{product.pk}:{card_version(product)}"
        for product in products
    ]
    store = caches["default"]
    found = store.get_many([key for key in keys if key])
    missing = [product for product, key in zip(products, keys, strict=True) if key not in found]
    if missing:
        rendered = render_fresh(build_cards(missing, on, CardUrls()))
        # Parents are not kept: their price comes from children their facts do not cover.
        fresh = {
            key: rendered[product.pk]
            for product, key in zip(products, keys, strict=True)
            if key and key not in found
        }
        store.set_many(fresh, TIMEOUT)
        found = {**found, **fresh}
    return [
        (found[key] if key else rendered[product.pk]).replace(CSRF_MARK, csrf_field)
        for product, key in zip(products, keys, strict=True)
    ]


def render_fresh(cards):
    """Each card's HTML by its product's id, the cards rendered in one pass of the template."""
    template = get_template(TEMPLATE).template
    context = Context({"csrf_field": CSRF_MARK})
    rendered = {}
    with context.render_context.push_state(template), context.bind_template(template):
        for card in cards:
            with context.push(card=card):
                rendered[card.pk] = template._render(context)
    return rendered


@cache
def template_version():
    """A digest of the card template's source: a changed template is a new set of fragments."""
    return hashlib.blake2b(get_template(TEMPLATE).template.source.encode(), digest_size=6).hexdigest()
