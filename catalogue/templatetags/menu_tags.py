"""The menu's categories, kept under the content revision (``marketplace.content_revision``).

Every page's menu lists the top categories; a category change bumps the content revision
(``marketplace.page_cache.changes``), so the list is read again only after one.
"""

from dataclasses import dataclass

from django import template
from django.utils import translation
from oscar.templatetags.category_tags import get_annotated_list

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
