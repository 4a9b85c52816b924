"""Lists of things that point at products (wish list lines), as the product ids the cards take.

``{% product_cards lines|product_ids as cards %}`` renders every line's card at once, where
Oscar's ``{% render_product line.product %}`` loads each line's product, its class and its card apart.
"""

from django import template

register = template.Library()


@register.filter
def product_ids(items):
    """The ``product_id`` of each item that has one, in order."""
    return [item.product_id for item in items if item.product_id is not None]
