"""Product cards as plain values: what a card shows, decided for a whole page of products at once.

A list page shows 24 cards; deciding each one inside templates (purchase info twice, a basket
form, a thumbnail, ``{% url %}`` several times) cost about 3 ms a card. Here each URL pattern is
reversed once per page and filled in by string formatting, prices and availability come from the
strategy over the stock records the page already fetched, and badges from
:func:`catalogue.badges.verified_badges` without their evidence links (cards do not show them).
The card template then only prints these values.
"""

import logging
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import feature_hidden, get_class
from oscar.core.thumbnails import get_thumbnailer
from oscar.templatetags.currency_filters import currency
from oscar.templatetags.reviews_tags import as_stars

from .badges import verified_badges
from .models import Product

Selector = get_class("partner.strategy", "Selector")
logger = logging.getLogger(__name__)

# A square picture of known size: the card's <img> carries width and height (no layout shift).
THUMBNAIL_SIZE = "320x320"
THUMBNAIL_PIXELS = 320
# A phone's card (some 170 px wide) holds two small badges on one line; the rest is "+n".
CARD_BADGES = 2
STAR_CLASSES = ("One", "Two", "Three", "Four", "Five")  # as_stars()' names
# Stand-ins reversed once per page, then replaced by each product's values.
_PK = 918273645
_SLUG = "cardslugstandin"
# Reverse's own quoting of path arguments (django.urls.resolvers), applied to each slug.
_PATH_SAFE = "/~:@!$&'()*+,;="


@dataclass(frozen=True)
class CompactBadge:
    code: str
    label: str
    explanation: str
    card_label: str = ""  # the label in a word or two, for a card on a phone (``Badge.card_label``)


@dataclass(frozen=True)
class ProductCard:
    pk: int
    url: str
    title: str
    image_url: str
    stars: str | None  # the rating's CSS class; None when unrated or reviews are switched off
    badges: tuple  # those shown, by priority (certificate, origin, traceability, specialty)
    more_badges: tuple  # those folded into "+n"
    enterprise: str  # the name of the enterprise that sells it ("" when none offers it)
    price_exists: bool
    price_text: str
    availability_code: str
    available: bool  # available to buy
    availability_text: str
    basket: str  # "form", "disabled", or "" when bought from the product page (parent, options)
    basket_url: str

    @property
    def rating_stars(self):
        """The rating as a number of stars (1-5) for words; ``stars`` is its CSS class."""
        return STAR_CLASSES.index(self.stars) + 1 if self.stars in STAR_CLASSES else None

    @property
    def all_badges(self):
        return self.badges + self.more_badges

    @property
    def more_badges_label(self):
        """ "+2", spoken as "2 more badges: …" by its title."""
        return f"+{len(self.more_badges)}"

    @property
    def more_badges_title(self):
        count = len(self.more_badges)
        names = ", ".join(badge.label for badge in self.more_badges)
        return ngettext("%(count)s more badge: %(names)s", "%(count)s more badges: %(names)s", count) % {
            "count": count,
            "names": names,
        }


def split_badges(badges, limit=CARD_BADGES):
    """The badges a card shows and those it folds into "+n": never a lone "+1" where the badge fits."""
    badges = tuple(badges)
    if len(badges) <= limit:
        return badges, ()
    return badges[: limit - 1], badges[limit - 1 :]


class CardUrls:
    """The URLs every card needs, each pattern reversed once (a page of cards reversed 157 times)."""

    def __init__(self):
        self._product = reverse("catalogue:detail", kwargs={"product_slug": _SLUG, "pk": _PK})
        self._basket = reverse("basket:add", kwargs={"pk": _PK})

    def product(self, product):
        slug = quote(product.slug, safe=_PATH_SAFE)
        return self._product.replace(_SLUG, slug, 1).replace(str(_PK), str(product.pk), 1)

    def basket_add(self, product):
        return self._basket.replace(str(_PK), str(product.pk), 1)


def facts_fetched(product):
    """Whether the product came with what its card reads (``for_cards()``), so no query is needed."""
    fetched = getattr(product, "_prefetched_objects_cache", {})
    return hasattr(product, "has_product_options") and all(
        name in fetched for name in ("stockrecords", "images", "ocop_certificates", "lots")
    )


def with_card_facts(products):
    """``products``, those that came without what their card reads loaded again with ``for_cards()``:
    a few queries for them all (a shopper's history, recommendations) instead of some per card."""
    missing = [product.pk for product in products if not facts_fetched(product)]
    if not missing:
        return products
    loaded = Product.objects.for_cards().in_bulk(missing)
    return [loaded.get(product.pk, product) for product in products]


def build_cards(products, on, urls=None):
    """The cards of ``products`` (loaded with ``for_cards()``) with badges as they hold on ``on``."""
    urls = urls or CardUrls()
    strategy = Selector().strategy()
    show_stars = not feature_hidden("reviews")
    thumbnailer = get_thumbnailer()
    prices = {}  # formatting a price with Babel costs more than the rest of a card
    return [build_card(product, on, urls, strategy, thumbnailer, show_stars, prices) for product in products]


def build_card(product, on, urls, strategy, thumbnailer, show_stars, prices):
    title = product.get_title()
    info = strategy.fetch_for_parent(product) if product.is_parent else strategy.fetch_for_product(product)
    price, availability = info.price, info.availability
    image = product.primary_image()
    original = image["original"] if isinstance(image, dict) else image.original
    if product.is_parent or product.has_options:
        basket = ""
    elif availability.is_available_to_buy and price.exists:
        basket = "form"
    else:
        basket = "disabled"
    badges = tuple(
        CompactBadge(badge.code, badge.label, badge.explanation, badge.card_label)
        for badge in verified_badges(product, on, evidence=False)
    )
    shown, more = split_badges(badges)
    stockrecord = getattr(info, "stockrecord", None)
    return ProductCard(
        pk=product.pk,
        url=urls.product(product),
        title=title,
        image_url=thumbnail_url(thumbnailer, original),
        stars=as_stars(product.rating) if show_stars and product.rating is not None else None,
        badges=shown,
        more_badges=more,
        enterprise=stockrecord.partner.name if stockrecord is not None else "",
        price_exists=price.exists,
        price_text=price_text(price, prices),
        availability_code=availability.code,
        available=availability.is_available_to_buy,
        availability_text=str(availability.short_message),
        basket=basket,
        basket_url=urls.basket_add(product) if basket == "form" else "",
    )


def thumbnail_url(thumbnailer, original):
    """The card's picture, "" when it cannot be made (as ``{% oscar_thumbnail %}`` does)."""
    try:
        return thumbnailer.generate_thumbnail(original, size=THUMBNAIL_SIZE, crop="center").url
    except Exception:
        logger.exception("No thumbnail for %s", original)
        return ""


def price_text(price, formatted=None):
    """The shelf price as Oscar's card writes it ("" when there is none); ``formatted`` remembers amounts."""
    if not price.exists:
        return ""
    if price.excl_tax == 0:
        return _("Free")
    amount = price.incl_tax if price.is_tax_known else price.excl_tax
    formatted = {} if formatted is None else formatted
    if (amount, price.currency) not in formatted:
        formatted[amount, price.currency] = currency(amount, price.currency)
    return formatted[amount, price.currency]
