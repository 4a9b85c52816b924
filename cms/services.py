"""What content pages ask of the shop, through the shop's public services."""

from search.query import ProductQuery
from search.services import search_products


def featured_products(category=None, text="", count=8):
    ids = tuple(category.get_descendants_and_self().values_list("pk", flat=True)) if category else ()
    return search_products(ProductQuery(text=text or "", category_ids=ids, per_page=count)).products
