"""``{% site_offers_running as offers %}``: whether the menu links the offers page (an empty menu
item that opens an empty page tells a shopper nothing)."""

from django import template

from marketplace.basket.offers import running_site_offers

register = template.Library()


@register.simple_tag
def site_offers_running():
    return bool(running_site_offers())
