"""schema.org data search engines read beside a page: the platform, and where a product sits.

Built in Python and written by :func:`script_json`, never typed into templates, so every value is
escaped for the <script> element it goes in.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# Characters that could end the <script> element or start markup, written as JSON escapes.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
CONTEXT = "https://schema.org"


def script_json(data):
    """JSON safe to place inside a <script> element, keeping Vietnamese readable."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES))


def home_url(request):
    return request.build_absolute_uri("/")


def breadcrumbs(request, trail):
    """A BreadcrumbList from (name, address) pairs, the home page first."""
    steps = [(_("Home"), "/"), *trail]
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(steps, start=1)
        ],
    }


def product_breadcrumbs(request, product, categories):
    """Home, the product's category path (the page's own breadcrumbs), then the product."""
    trail = [(category.name, category.get_absolute_url()) for category in categories]
    return breadcrumbs(request, [*trail, (product.get_title(), product.get_absolute_url())])


def organization(request, site_name, province):
    """The platform as an Organization, with the contacts the province's settings give."""
    data = {
        "@context": CONTEXT,
        "@type": "Organization",
        "@id": home_url(request) + "#organization",
        "name": site_name,
        "url": home_url(request),
    }
    if province is not None:
        if province.province_name:
            data["areaServed"] = province.province_name
        contact = {"@type": "ContactPoint", "contactType": "customer service"}
        for key, value in (
            ("telephone", province.contact_phone),
            ("email", province.contact_email),
        ):
            if value:
                contact[key] = value
                data[key] = value
        if len(contact) > 2:
            data["contactPoint"] = contact
        if province.contact_address:
            data["address"] = province.contact_address
    return data


def website(request, site_name):
    """The site, with the search box search engines may offer: /search/?q=…"""
    search = request.build_absolute_uri(reverse("search:search"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": site_name,
        "url": home_url(request),
        "publisher": {"@id": home_url(request) + "#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
