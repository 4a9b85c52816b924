"""Product cards in templates, rendered from card values and kept as fragments (catalogue.card_fragments).

``{% product_cards products as cards %}`` gives the HTML of each card of a list at once (one cache
round trip, URLs reversed once); ``{% product_card product %}`` renders a single card the same way,
for Oscar's ``{% render_product %}`` (recommendations, recently viewed).
"""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import mark_safe

from catalogue.card_fragments import render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    csrf_field = CsrfTokenNode().render(context)
    return [mark_safe(html) for html in render_cards(products, csrf_field)]


@register.simple_tag(takes_context=True)
def product_card(context, product):
    if not product:
        return ""
    shown = product_cards(context, [product])
    return shown[0] if shown else ""  # removed since it was listed
