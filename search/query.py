"""What a search asks for and what it answers, independent of the backend."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class Sort:
    RELEVANCE = "relevance"
    PRICE_ASC = "price-asc"
    PRICE_DESC = "price-desc"
    NEWEST = "newest"

    CHOICES = [
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest")),
        (PRICE_ASC, _("Price, low to high")),
        (PRICE_DESC, _("Price, high to low")),
    ]


@dataclass(frozen=True)
class ProductQuery:
    text: str = ""
    category_ids: tuple = ()
    enterprise_ids: tuple = ()  # a storefront: only products these enterprises stock
    sort: str = Sort.RELEVANCE
    page: int = 1
    per_page: int = 24

    def __post_init__(self):
        object.__setattr__(self, "text", " ".join(self.text.split())[:MAX_QUERY_LENGTH])

    @property
    def words(self):
        return self.text.split()


@dataclass
class ProductResults:
    query: ProductQuery
    page: Page
    products: list = field(default_factory=list)

    @property
    def total(self):
        return self.page.paginator.count

    @property
    def paginator(self) -> Paginator:
        return self.page.paginator
