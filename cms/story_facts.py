"""The verified facts a story's fact blocks show, loaded for the whole page at once, and what a
story is about.

A page with several enterprise cards and lots would otherwise ask for each block apart: the first
fact block to render loads every block's facts of the page (:class:`StoryFacts`), in the same few
queries whatever their number. Only what a shopper may see right now is shown: approved
enterprises with a storefront, the current published revision of a lot of a browsable product.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue.badges import trace_url
from search.query import Facet, ProductQuery
from search.services import SearchUnavailable, search_products
from vendors.storefronts import storefronts

FACTS = "story_facts"  # where a page's context holds its StoryFacts
ENTERPRISE_CARD = "enterprise_card"
TRACEABLE_LOT = "traceable_lot"
STARRED = 3  # OCOP recognises 3 to 5 stars: a starred product holds any certificate in force

Lot = get_model("catalogue", "Lot")
Product = get_model("catalogue", "Product")


@dataclass(frozen=True)
class EnterpriseFacts:
    enterprise: object
    url: str
    products: int | None  # None while search is unavailable: the card leaves the figures out
    starred: int | None


@dataclass(frozen=True)
class LotFacts:
    lot: object  # the current published revision
    url: str
    qr_url: str


@dataclass(frozen=True)
class Mentions:
    """What a story's blocks name: the enterprises of its cards, the products of its lots."""

    product_ids: frozenset
    enterprise_ids: frozenset


def facts_mentioned(body):
    """The products and enterprises a story's ``body`` shows in its fact blocks."""
    products, enterprises = set(), set()
    for block in body or ():
        if block.block_type == ENTERPRISE_CARD and (partner := block.value["enterprise"]):
            enterprises.add(partner.pk)
        elif block.block_type == TRACEABLE_LOT and (lot := block.value["lot"]):
            products.add(lot.product_id)
    return Mentions(frozenset(products), frozenset(enterprises))


class StoryFacts:
    """The enterprise cards' and lots' facts of one page, loaded together on first use."""

    def __init__(self, enterprises=(), lots=()):
        self.enterprise_ids = {partner.pk for partner in enterprises if partner}
        self.lot_keys = {(lot.product_id, lot.lot_code) for lot in lots if lot}
        self._enterprises = None
        self._lots = None

    @classmethod
    def of(cls, body):
        blocks = list(body or ())
        return cls(
            enterprises=[
                block.value["enterprise"] for block in blocks if block.block_type == ENTERPRISE_CARD
            ],
            lots=[block.value["lot"] for block in blocks if block.block_type == TRACEABLE_LOT],
        )

    def enterprise(self, partner):
        """The card's facts, or None when the enterprise may no longer be shown."""
        if self._enterprises is None:
            self._enterprises = self._load_enterprises()
        return self._enterprises.get(partner.pk) if partner else None

    def lot(self, lot):
        """The lot's current published revision with its links, or None when it is not public."""
        if self._lots is None:
            self._lots = self._load_lots()
        return self._lots.get((lot.product_id, lot.lot_code)) if lot else None

    def _load_enterprises(self):
        if not self.enterprise_ids:
            return {}
        shown = storefronts().filter(pk__in=self.enterprise_ids).select_related("commune", "province")
        ids = tuple(sorted(self.enterprise_ids))
        products, starred = _counts_by_enterprise(ids), _counts_by_enterprise(ids, min_stars=STARRED)
        return {
            partner.pk: EnterpriseFacts(
                enterprise=partner,
                url=reverse("enterprises:detail", kwargs={"slug": partner.slug}),
                products=None if products is None else products.get(str(partner.pk), 0),
                starred=None if starred is None else starred.get(str(partner.pk), 0),
            )
            for partner in shown
        }

    def _load_lots(self):
        if not self.lot_keys:
            return {}
        product_ids = {product_id for product_id, _code in self.lot_keys}
        codes = {code for _product, code in self.lot_keys}
        current = (
            Lot.objects.filter(
                status=Lot.Status.PUBLISHED,
                product_id__in=product_ids,
                lot_code__in=codes,
            )
            .filter(Exists(Product.objects.browsable().filter(pk=OuterRef("product_id"))))
            .select_related("product", "area_commune__province")
            .prefetch_related("steps")
            .order_by("product_id", "lot_code", "-revision")
        )
        found = {}
        for lot in current:
            key = (lot.product_id, lot.lot_code)
            if key in self.lot_keys and key not in found and lot.steps.all():
                found[key] = LotFacts(
                    lot=lot,
                    url=trace_url(lot, lot.product),
                    qr_url=reverse(
                        "catalogue:trace-qr",
                        kwargs={"product_pk": lot.product_id, "lot": lot.lot_code, "fmt": "svg"},
                    ),
                )
        return found


def _counts_by_enterprise(ids, min_stars=None):
    """{enterprise id as text: browsable products}, counted by the search service's facets."""
    try:
        results = search_products(ProductQuery(enterprise_ids=ids, min_stars=min_stars, per_page=1))
    except SearchUnavailable:
        return None
    return {value.value: value.count for value in results.facets.get(Facet.ENTERPRISE, ())}


def mention_facts(story):
    """Adds to ``story``'s products and enterprises those its fact blocks show (kept on save)."""
    mentions = facts_mentioned(story.body)
    if mentions.product_ids:
        _add(story.products, Product.objects.filter(pk__in=mentions.product_ids))
    if mentions.enterprise_ids:
        _add(
            story.enterprises, get_model("partner", "Partner").objects.filter(pk__in=mentions.enterprise_ids)
        )


def _add(relation, objects):
    """Adds in memory (saved with the page); a relation already holding one keeps it once."""
    try:
        relation.add(*objects)
    except ValueError:  # a story never saved, nothing chosen yet: there is nothing to keep
        relation.set(list(objects))


def story_about(story):
    """What a story's page lists as its subjects: only products and enterprises still public."""
    if story.pk is None:  # a preview of a story never saved
        return {"products": [], "enterprises": []}
    return {
        "products": list(Product.objects.browsable().filter(stories=story).order_by("title")),
        "enterprises": list(storefronts().filter(stories=story).order_by("name")),
    }
