"""Badges on product pages and cards, and a product's structured data for search engines.

``{% product_badges product as badges %}`` decides the badges a product earns
today (see :mod:`catalogue.badges`); ``{% card_badges product as badges %}``
does the same for a product card but only from facts the page has already
fetched, so a list of cards never costs a query per card.
``{% render_badges badges %}`` shows them; ``{% product_jsonld product %}``
writes a schema.org Product as JSON-LD.
"""

import html
import json
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from oscar.core.loading import get_class, get_model

from catalogue.badges import verified_badges

register = template.Library()

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

# What verified_badges reads, and must find already fetched for a card to show badges.
PREFETCHED = ("ocop_certificates", "lots", "stockrecords")
SELECTED = ("origin_province", "origin_commune")

# Characters that could end the <script> element or start markup, written as JSON escapes.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
GTIN_KEYS = {8: "gtin8", 12: "gtin12", 13: "gtin13", 14: "gtin14"}


@register.simple_tag
def product_badges(product):
    """The badges the product earns today, fetching whatever facts it needs."""
    return verified_badges(product, timezone.localdate())


@register.simple_tag
def card_badges(product):
    """The badges for a product card, from prefetched facts only; none when they were not fetched."""
    if not badge_facts_fetched(product):
        return []
    return verified_badges(product, timezone.localdate())


def badge_facts_fetched(product):
    """Whether verified_badges can decide for this product without a query."""
    cache = getattr(product, "_prefetched_objects_cache", {})
    if not all(name in cache for name in PREFETCHED):
        return False
    if any("steps" not in getattr(lot, "_prefetched_objects_cache", {}) for lot in cache["lots"]):
        return False
    partner = StockRecord._meta.get_field("partner")
    if not all(partner.is_cached(record) for record in cache["stockrecords"]):
        return False
    return all(
        getattr(product, f"{name}_id") is None or Product._meta.get_field(name).is_cached(product)
        for name in SELECTED
    )


@register.inclusion_tag("catalogue/partials/badges.html")
def render_badges(badges, compact=False):
    return {"badges": badges, "compact": compact}


@register.inclusion_tag("catalogue/partials/product_jsonld.html", takes_context=True)
def product_jsonld(context, product):
    return {"jsonld": script_json(product_structured_data(context["request"], product))}


def script_json(data):
    """JSON safe to place inside a <script> element, keeping Vietnamese readable."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))


def product_structured_data(request, product):
    """A schema.org Product: what search engines show about the product and its offer."""
    strategy = getattr(request, "strategy", None) or Selector().strategy(request=request, user=request.user)
    info = strategy.fetch_for_product(product)
    enterprise = info.stockrecord.partner if info.stockrecord else None
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.get_title(),
        "image": [request.build_absolute_uri(image.original.url) for image in product.images.all()],
        "sku": (info.stockrecord.partner_sku if info.stockrecord else "") or product.upc or str(product.pk),
        "url": request.build_absolute_uri(product.get_absolute_url()),
    }
    if description := plain_text(product.description):
        data["description"] = description
    if product.gtin and len(product.gtin) in GTIN_KEYS:
        data[GTIN_KEYS[len(product.gtin)]] = product.gtin
    if enterprise:
        data["brand"] = {"@type": "Brand", "name": enterprise.name}
        data["manufacturer"] = {"@type": "Organization", "name": enterprise.name}
    if info.price.exists:
        price = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        offer = {
            "@type": "Offer",
            "price": str(price.quantize(Decimal(1), rounding=ROUND_HALF_UP)),
            "priceCurrency": info.price.currency,
            "availability": "https://schema.org/"
            + ("InStock" if info.availability.is_available_to_buy else "OutOfStock"),
            "url": data["url"],
        }
        if enterprise:
            offer["seller"] = {"@type": "Organization", "name": enterprise.name}
            if enterprise.is_approved and enterprise.slug:
                storefront = reverse("enterprises:detail", kwargs={"slug": enterprise.slug})
                offer["seller"]["url"] = request.build_absolute_uri(storefront)
        data["offers"] = offer
    if product.rating is not None and product.num_approved_reviews:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(product.rating, 1),
            "reviewCount": product.num_approved_reviews,
            "bestRating": 5,
            "worstRating": 0,
        }
    return data


def plain_text(markup):
    """The description as text: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(markup or "")).split())
