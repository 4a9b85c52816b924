"""Lists of things that point at products (wish list lines): as the product ids the cards take,
or with their products fetched at once.

``{% product_cards lines|product_ids as cards %}`` renders every line's card at once, where
Oscar's ``{% render_product line.product %}`` loads each line's product, its class and its card apart.
"""

from django import template
from django.db.models import Prefetch, prefetch_related_objects
from oscar.core.loading import get_model

register = template.Library()


@register.filter
def product_ids(items):
    """The ``product_id`` of each item that has one, in order."""
    return [item.product_id for item in items if item.product_id is not None]


@register.filter
def with_their_products(formset):
    """The formset of lines, every line's product and its images fetched in two queries.

    Oscar's wish-list page shows each line's product and its image, which it reads line by line;
    its forms (built once per formset) now hold lines whose products are loaded.
    """
    Product = get_model("catalogue", "Product")
    prefetch_related_objects(
        [form.instance for form in formset.forms],
        Prefetch("product", queryset=Product.objects.prefetch_related("images")),
    )
    return formset
