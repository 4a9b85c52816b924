"""Rendered product cards kept in the ``default`` cache, one fragment per product.

A fragment's key names everything its HTML depends on: the product's version (a digest of
the facts its card shows, :func:`catalogue.card_versions.card_versions`, read in one query
without loading any product), the language, the day the badges were decided for (a
certificate stops giving stars on its expiry day) and the card template itself. A sale, an
edit, a certificate or lot change, an enterprise's new status or a new day therefore asks
for a key nobody has rendered yet: the change shows on the next render, and stale fragments
simply age out. A page gets its fragments in one ``get_many``, loads with ``for_cards()``
and renders only the missing ones, and stores them in one ``set_many``: a page whose cards
are all cached costs one query, whatever its number of cards.

The basket form's CSRF field is not kept in a fragment: fragments hold a marker that is
replaced, on every page, by the field as that page renders it. So is the picture's
``loading``: the first row of a page loads at once, the cards below the fold lazily.
"""

import hashlib
from functools import cache

from django.core.cache import caches
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import get_language

from .card_products import ProductsById
from .card_versions import card_versions
from .cards import CARD_BADGES, THUMBNAIL_SIZE, CardUrls, build_cards, facts_fetched, with_card_facts
from .models import Product

TEMPLATE = "catalogue/partials/product_card.html"
CSRF_MARK = "<!--card-csrf-field-->"
LOADING_MARK = "data-card-loading-mark"
EAGER_CARDS = 4  # a row on a desktop, two on a phone: above the fold
TIMEOUT = 24 * 3600  # a fragment is for one badge day anyway


def render_cards(products, csrf_field=""):
    """The HTML of each product's card, in order, with ``csrf_field`` in its basket form.

    ``products`` are Products, their ids or a :class:`~catalogue.card_products.ProductsById`;
    only those not cached are loaded (given Products that came with their card facts are not
    loaded again). A product that no longer exists has no card.
    """
    if isinstance(products, ProductsById):
        products = products.for_cards()
    products = list(products)
    ids = [getattr(product, "pk", product) for product in products]
    versions = card_versions(ids)
    ids = [pk for pk in ids if pk in versions]
    if not ids:
        return []
    on = timezone.localdate()
    prefix = f"card:{template_version()}:{get_language()}:{on.isoformat()}"
    # Parents are not kept: their price comes from children their facts do not cover.
    keys = {pk: f"{prefix}:{pk}:{version}" for pk, version in versions.items() if version}
    store = caches["default"]
    found = store.get_many(list(keys.values()))
    missing = [pk for pk in ids if keys.get(pk) not in found]
    if missing:
        given = [product for product in products if not isinstance(product, int)]
        rendered = render_fresh(build_cards(loaded_for_cards(missing, given), on, CardUrls()))
        fresh = {keys[pk]: rendered[pk] for pk in missing if pk in keys and pk in rendered}
        store.set_many(fresh, TIMEOUT)
        found = {**found, **fresh}
    shown = [found.get(keys[pk]) if pk in keys else rendered.get(pk) for pk in ids]
    shown = [html for html in shown if html is not None]
    return [
        html.replace(CSRF_MARK, csrf_field).replace(LOADING_MARK, picture_loading(index), 1)
        for index, html in enumerate(shown)
    ]


def picture_loading(index):
    """How the picture of a page's ``index``-th card loads: the first is the page's largest
    paint on a phone, so it comes first; the rest of the fold at once; below it when scrolled to."""
    if index == 0:
        return 'loading="eager" fetchpriority="high"'
    return 'loading="eager"' if index < EAGER_CARDS else 'loading="lazy"'


def loaded_for_cards(ids, given=()):
    """The products of ``ids`` with their card facts: those ``given`` with them as they are,
    the others loaded with ``for_cards()`` in one go."""
    by_pk = {product.pk: product for product in given}
    products = with_card_facts([by_pk.get(pk) or Product(pk=pk) for pk in ids])
    return [product for product in products if facts_fetched(product)]


def render_fresh(cards):
    """Each card's HTML by its product's id, the cards rendered in one pass of the template."""
    template = get_template(TEMPLATE).template
    context = Context({"csrf_field": CSRF_MARK, "loading": LOADING_MARK})
    rendered = {}
    with context.render_context.push_state(template), context.bind_template(template):
        for card in cards:
            with context.push(card=card):
                rendered[card.pk] = template._render(context)
    return rendered


@cache
def template_version():
    """A digest of the card template's source and of the layout decided in Python (the badges a
    card holds, its picture's size): a change to either is a new set of fragments."""
    source = f"{get_template(TEMPLATE).template.source}|{CARD_BADGES}|{THUMBNAIL_SIZE}"
    return hashlib.blake2b(source.encode(), digest_size=6).hexdigest()
