"""The menu's categories and a product's breadcrumbs, kept under the content revision
(``marketplace.content_revision``).

Every page's menu lists the top categories; a category change bumps the content revision
(``marketplace.page_cache.changes``), so the list is read again only after one. A product page's
breadcrumbs come from the kept category index (``catalogue.category_index``).
"""

from dataclasses import dataclass

from django import template
from django.utils import translation
from oscar.templatetags.category_tags import get_annotated_list

from catalogue.category_index import category_index
from marketplace import content_revision

register = template.Library()


@dataclass(frozen=True)
class MenuCategory:
    name: str
    url: str

    def get_absolute_url(self):
        return self.url


@register.simple_tag(name="menu_categories")
def menu_categories(depth=1):
    """Oscar's ``category_tree`` as the menu shows it: each category's name and address."""

    def read():
        return [MenuCategory(info.name, info.get_absolute_url()) for info in get_annotated_list(depth=depth)]

    return content_revision.kept(f"menu-categories:{depth}:{translation.get_language()}", read)


@register.simple_tag
def category_trail(product):
    """The product's first category (Oscar's breadcrumbs), from the top category down to it.

    The product page's query tells which category comes first (``first_category_pk``); anywhere
    else it is asked.
    """
    if hasattr(product, "first_category_pk"):
        pk = product.first_category_pk
    else:
        first = product.get_categories().first()
        pk = first.pk if first else None
    return category_index().ancestors_and_self(pk) if pk is not None else []
