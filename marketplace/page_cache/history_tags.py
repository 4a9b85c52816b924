"""Oscar's ``history_tags``, with its recently viewed products left to the shopper's own region.

Oscar's product page calls ``{% recently_viewed_products %}``, which reads the history cookie's
products whether or not anything shows them. Here the tag only places the "recently-viewed"
region (``marketplace.page_cache.personal``), which fetches the products when the shopper has
viewed others. Installed under Oscar's library name in ``TEMPLATES["OPTIONS"]["libraries"]``.
"""

from django import template
from oscar.templatetags import history_tags as oscars

register = template.Library()
register.tags.update(oscars.register.tags)
register.filters.update(oscars.register.filters)


@register.inclusion_tag("oscar/customer/history/recently_viewed_products.html", takes_context=True)
def recently_viewed_products(context, current_product=None):
    return {"request": context["request"]}
