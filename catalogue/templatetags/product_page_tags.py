"""The product page's own sections: ``{% traceable_lots product as lots %}`` lists the lots a shopper
can trace, each with its public page."""

from django import template

from catalogue import traceability
from catalogue.badges import trace_url

register = template.Library()


@register.simple_tag
def traceable_lots(product):
    return [(lot, trace_url(lot, product)) for lot in traceability.traceable_lots(product)]
