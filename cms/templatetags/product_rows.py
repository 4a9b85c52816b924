"""``{% row_cards rows value as cards %}``: a product row's cards, every row of the page rendered at once
(:class:`cms.services.ProductRows`)."""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def row_cards(context, rows, value):
    csrf_field = CsrfTokenNode().render(context)
    return [mark_safe(html) for html in rows.cards(value, csrf_field)]
