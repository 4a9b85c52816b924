"""What every search backend stores for one product: a flat, denormalised record.

Backends never read the catalogue while answering a query: they search these
records (a search row in the database, a document in Elasticsearch) and only
load the Products of the page being shown. Badges are decided by
:func:`catalogue.badges.verified_badges` for a given day, so a record also
says until when its badges hold (``badges_change_on``); the daily
``refresh_badges`` command rebuilds the records whose day has come.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.html import strip_tags
from oscar.core.loading import get_model

from catalogue.badges import verified_badges
from catalogue.ocop import is_in_force
from marketplace.text import fold

from .query import BadgeKind
from .text import words as folded_words

Category = get_model("catalogue", "Category")


@dataclass
class ProductDocument:
    product_id: int
    title: str  # as written, for exact-accent ranking and display in suggestions
    title_folded: str  # fold(title): lower-case, no diacritics, đ -> d
    text_folded: str  # folded words of title + categories + enterprise + origin + description
    url: str
    category_ids: list[int]  # the product's categories and all their ancestors
    enterprise_ids: list[int]  # approved enterprises with a stock record for it
    province_code: str  # origin province official code, "" if unknown
    commune_code: str  # origin commune official code, "" if unknown
    stars: int  # best in-force verified OCOP stars on the day, 0 if none
    badges: list[str]  # BadgeKind values held on the day
    price: Decimal | None  # lowest price among approved enterprises' stock, None if unpriced
    in_stock: bool
    rating: float | None
    date_created: datetime
    browsable: bool  # public, listed and sold by an approved enterprise; others are never returned
    badges_change_on: date | None = None  # first day the badges may differ (a certificate expiry)
    suggest: list[str] = field(default_factory=list)  # folded phrases for autocomplete


def build_document(product, on=None, ancestry=None) -> ProductDocument:
    """The record for ``product``, loaded with :func:`indexable` (or ``base_queryset()`` and its categories).

    ``ancestry`` (an :class:`Ancestry`) lets a bulk build name every category's
    ancestors from memory; without it they cost one query for the product.
    """
    on = on or timezone.localdate()
    badges = verified_badges(product, on)
    codes = [badge.code for badge in badges]
    stars = max((int(code.split("-")[1]) for code in codes if code.startswith("ocop-")), default=0)
    kinds = [code for code in codes if code in BadgeKind.VALUES]
    if stars:
        kinds.insert(0, BadgeKind.OCOP)
    approved = [record for record in product.stockrecords.all() if record.partner.is_approved]
    prices = [record.price for record in approved if record.price is not None]
    categories = (ancestry or Ancestry.of([product])).categories_of(product)
    words = [
        product.title,
        *(category.name for category in categories),
        *(record.partner.name for record in approved),
        product.origin_province.name if product.origin_province_id else "",
        product.origin_commune.name if product.origin_commune_id else "",
        product.origin_wording,
        strip_tags(product.description or ""),
    ]
    return ProductDocument(
        product_id=product.pk,
        title=product.title,
        title_folded=fold(product.title),
        text_folded=" ".join(folded_words(" ".join(word for word in words if word))),
        url=product.get_absolute_url(),
        category_ids=sorted({category.pk for category in categories}),
        enterprise_ids=sorted({record.partner_id for record in approved}),
        province_code=product.origin_province.code if product.origin_province_id else "",
        commune_code=product.origin_commune.code if product.origin_commune_id else "",
        stars=stars,
        badges=kinds,
        price=min(prices) if prices else None,
        in_stock=any(_available(record) > 0 for record in approved),
        rating=float(product.rating) if product.rating is not None else None,
        date_created=product.date_created,
        browsable=bool(product.is_public and product.is_listed and approved and product.parent_id is None),
        badges_change_on=_badges_change_on(product, on),
        suggest=[fold(product.title)],
    )


def _available(record):
    return (record.num_in_stock or 0) - (record.num_allocated or 0)


def indexable(products):
    """``products`` with just what :func:`build_document` reads, fetched in a few queries per chunk.

    Lighter than ``base_queryset()`` (no images, options or children), which matters
    when building the records of a whole catalogue.
    """
    return products.select_related("origin_province", "origin_commune").prefetch_related(
        "stockrecords__partner", "ocop_certificates", "lots__steps", "categories"
    )


def build_documents(products, on=None):
    """Records for many products (each loaded as :func:`build_document` expects), categories read once."""
    products = list(products)
    ancestry = Ancestry.of(products)
    return [build_document(product, on, ancestry) for product in products]


class Ancestry:
    """Categories by their treebeard path: a category's ancestors are the prefixes of its path."""

    def __init__(self, categories):
        self.by_path = {category.path: category for category in categories}

    @classmethod
    def of(cls, products):
        """Every category these products are in, with all their ancestors, in one query."""
        paths = {
            category.path[:end]
            for product in products
            for category in product.categories.all()
            for end in range(Category.steplen, len(category.path) + 1, Category.steplen)
        }
        return cls(Category.objects.filter(path__in=paths).only("pk", "path", "name") if paths else [])

    def categories_of(self, product):
        """The product's categories and their ancestors, each once, root first."""
        paths = {
            category.path[:end]
            for category in product.categories.all()
            for end in range(Category.steplen, len(category.path) + 1, Category.steplen)
        }
        return [self.by_path[path] for path in sorted(paths) if path in self.by_path]


def _badges_change_on(product, on):
    """The first day after ``on`` a certificate starts or stops holding: badges must be recomputed then."""
    days = []
    for certificate in product.ocop_certificates.all():
        if is_in_force(certificate, on):
            days.append(certificate.expires_on)
        elif certificate.status == certificate.Status.VERIFIED and certificate.decision_date > on:
            days.append(certificate.decision_date)
    return min(days, default=None)
