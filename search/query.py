"""What a search asks for and what it answers, independent of the backend.

Every backend takes a :class:`ProductQuery` and returns :class:`ProductResults`;
views, the header search box, storefronts and content blocks only ever see
these two types, so a backend can be swapped without touching a page.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 100


class Sort:
    RELEVANCE = "relevance"
    PRICE_ASC = "price-asc"
    PRICE_DESC = "price-desc"
    NEWEST = "newest"
    RATING = "rating"

    CHOICES = [
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest")),
        (PRICE_ASC, _("Price, low to high")),
        (PRICE_DESC, _("Price, high to low")),
        (RATING, _("Best rated")),
    ]
    VALUES = frozenset(value for value, _label in CHOICES)


class BadgeKind:
    """The badge families a shopper can filter by; codes as in ``catalogue.badges``.

    OCOP stars are filtered by ``min_stars`` rather than here.
    """

    VERIFIED_ORIGIN = "verified-origin"
    TRACEABLE = "traceable"
    SPECIALTY = "specialty"
    OCOP = "ocop"  # any in-force OCOP certificate, whatever its stars

    CHOICES = [
        (OCOP, _("OCOP certified")),
        (VERIFIED_ORIGIN, _("Verified origin")),
        (TRACEABLE, _("Traceable lot")),
        (SPECIALTY, _("Provincial specialty")),
    ]
    VALUES = frozenset(value for value, _label in CHOICES)


class Facet:
    """Names of the facets every backend counts, one per filter."""

    CATEGORY = "category"
    PROVINCE = "province"
    COMMUNE = "commune"
    STARS = "stars"
    BADGE = "badge"
    ENTERPRISE = "enterprise"
    PRICE = "price"
    IN_STOCK = "in_stock"

    ALL = (CATEGORY, PROVINCE, COMMUNE, STARS, BADGE, ENTERPRISE, PRICE, IN_STOCK)
    # Families whose values grow with the marketplace (a thousand enterprises, hundreds of
    # communes): only the FACET_SIZE largest are listed, and whichever the shopper chose.
    LONG = (COMMUNE, ENTERPRISE)


FACET_SIZE = 30


# Price facet buckets in đồng: [lower, upper) with None for open ends.
PRICE_BUCKETS = (
    (None, Decimal(100_000)),
    (Decimal(100_000), Decimal(200_000)),
    (Decimal(200_000), Decimal(500_000)),
    (Decimal(500_000), None),
)


@dataclass(frozen=True)
class ProductQuery:
    """A shopper's question. All filters combine with AND; values inside one filter with OR."""

    text: str = ""
    category_ids: tuple = ()  # a category matches its descendants too (the caller expands)
    enterprise_ids: tuple = ()  # a storefront: only products these enterprises stock
    province_codes: tuple = ()  # province of origin, official codes
    commune_codes: tuple = ()  # commune or ward of origin, official codes
    min_stars: int | None = None  # an in-force, verified certificate of at least these stars
    badges: tuple = ()  # BadgeKind values; a product must hold every one asked for
    price_min: Decimal | None = None  # both ends inclusive; unpriced products never match a price filter
    price_max: Decimal | None = None
    in_stock: bool = False
    sort: str = Sort.RELEVANCE
    page: int = 1
    per_page: int = 24
    on: date | None = None  # the day badges are computed for; today when None

    def __post_init__(self):
        object.__setattr__(self, "text", " ".join(self.text.split())[:MAX_QUERY_LENGTH])
        object.__setattr__(self, "per_page", max(1, min(int(self.per_page), MAX_PER_PAGE)))
        object.__setattr__(self, "page", max(1, int(self.page)))
        if self.sort not in Sort.VALUES:
            object.__setattr__(self, "sort", Sort.RELEVANCE)

    @property
    def words(self):
        return self.text.split()


@dataclass(frozen=True)
class FacetValue:
    value: str  # what goes back into the query string to select it
    label: str
    count: int  # products matching the query with this value, other filters applied
    selected: bool = False


@dataclass
class ProductResults:
    """One page of products, the facet counts for the whole result, and the query as understood.

    ``products`` are the page's catalogue Products in hit order, known by id
    (:class:`catalogue.card_products.ProductsById`): cards render from the ids, loading only the
    products whose cards are not cached; reading them loads them all once with ``for_cards()``
    (stock records, enterprise, images, certificates and lots prefetched).
    """

    query: ProductQuery
    page: Page
    products: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # Facet name -> list[FacetValue]
    understood: str = ""  # the folded text actually searched, e.g. "nuoc mam" for "NƯỚC MẮM"

    @property
    def total(self):
        return self.page.paginator.count

    @property
    def paginator(self) -> Paginator:
        return self.page.paginator


@dataclass(frozen=True)
class Suggestion:
    """One autocomplete answer for the header search box."""

    title: str
    url: str
