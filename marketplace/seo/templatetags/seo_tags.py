"""The <head> that search engines and link previews read: ``{% remember %}`` and ``{% seo_head %}``.

``{% remember "title" %}{% block title %}…{% endblock %}{% endremember %}`` writes its content as
usual and keeps it as text for the head (``silent`` keeps it without writing it), so a page's own
title and description blocks feed the canonical, robots, description and Open Graph tags that
``{% seo_head %}`` writes. ``{% site_jsonld %}`` and ``{% breadcrumbs_jsonld %}`` write schema.org
data built in :mod:`marketplace.seo.structured_data`.
"""

from django import template
from django.utils.html import format_html, format_html_join

from catalogue.templatetags.menu_tags import category_trail
from cms.models import ProvinceSettings

from ..head import page_head
from ..structured_data import organization, product_breadcrumbs, script_json, website

register = template.Library()

REMEMBERED = "seo_remembered"
SCRIPT = '<script type="application/ld+json">{}</script>'


class RememberNode(template.Node):
    def __init__(self, name, nodelist, silent):
        self.name, self.nodelist, self.silent = name, nodelist, silent

    def render(self, context):
        output = self.nodelist.render(context)
        # A template and those it extends share one render context: the head reads it there.
        context.render_context.setdefault(REMEMBERED, {})[self.name] = output
        return "" if self.silent else output


@register.tag
def remember(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "silent"):
        raise template.TemplateSyntaxError('Usage: {% remember "name" [silent] %}…{% endremember %}')
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(bits[1].strip("\"'"), nodelist, len(bits) == 3)


@register.inclusion_tag("seo/head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    if request is None:
        return {}
    remembered = context.render_context.get(REMEMBERED, {})
    head = page_head(request, context, remembered.get("title", ""), remembered.get("description", ""))
    return {"head": head, "site_name": context.get("shop_name", "")}


@register.simple_tag(takes_context=True)
def site_jsonld(context):
    """The platform (Organization) and its search (WebSite), for the home page."""
    request = context["request"]
    site_name = context.get("shop_name", "")
    province = ProvinceSettings.for_request(request)
    items = [organization(request, site_name, province), website(request, site_name)]
    return format_html_join(
        "", '<script type="application/ld+json">{}</script>', ((script_json(i),) for i in items)
    )


@register.simple_tag(takes_context=True)
def product_breadcrumbs_jsonld(context, product):
    """Home → the product's categories → the product, as a BreadcrumbList."""
    data = product_breadcrumbs(context["request"], product, category_trail(product))
    return format_html(SCRIPT, script_json(data))
