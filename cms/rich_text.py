"""Rich text an editor writes is cleaned when it is saved and again when it is shown.

Wagtail's Draftail editor already drops unknown tags and ``javascript:`` links while converting
what the editor typed, but rich text stored any other way (the API, an import, the demo, a
migration) is rendered by Wagtail exactly as stored. Everything here goes through one nh3
whitelist: the tags of the features in use, Wagtail's own page and document links, and links
only to the web, e-mail and phone numbers.
"""

import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h2", "h3", "h4"}
# href for external links; linktype and id for Wagtail's page and document links (expanded on render).
ATTRIBUTES = {"a": {"href", "linktype", "id"}, "*": {"data-block-key"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.\-]*)\s*:", re.IGNORECASE)


def sanitise(html):
    """``html`` with only the allowed tags, attributes and link schemes left."""
    return nh3.clean(
        html or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def refused_links(html):
    """The link addresses in ``html`` leading anywhere but the web, e-mail or a phone number."""
    refused = []
    for match in _HREF.finditer(html or ""):
        href = next(group for group in match.groups() if group is not None)
        cleaned = re.sub(r"[\x00-\x20]+", "", href)
        scheme = _SCHEME.match(cleaned)
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            refused.append(href)
    return refused


def check_links(html):
    if refused_links(html):
        raise ValidationError(
            _("A link may only lead to a web address (http, https), an e-mail address or a phone number."),
            code="unsafe_link",
        )


class SafeRichTextBlock(blocks.RichTextBlock):
    """Wagtail's rich text block, cleaned when saved (``clean``, ``get_prep_value``) and when read."""

    def to_python(self, value):
        return RichText(sanitise(value))

    def normalize(self, value):
        source = value.source if isinstance(value, RichText) else value
        return RichText(sanitise(source))

    def get_prep_value(self, value):
        source = value.source if isinstance(value, RichText) else value
        return sanitise(source)

    def clean(self, value):
        source = value.source if isinstance(value, RichText) else value
        check_links(source)
        return super().clean(RichText(sanitise(source)))
