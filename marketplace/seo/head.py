"""What a page's <head> tells search engines and link previews, from what the view already has.

The canonical address, whether to index the page, its description, and its Open Graph card are
decided here from the request and the template's context: no query of their own, so a page costs
what it cost before (tests/marketplace/test_page_queries.py).
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

DESCRIPTION_LENGTH = 155
# Areas that are each visitor's own or staff's: never indexed, whatever the address holds.
PRIVATE_AREAS = (
    "/dashboard/",
    "/basket/",
    "/checkout/",
    "/accounts/",
    "/cms/",
    "/admin/",
    "/enterprises/apply/",
)
# Pages listing products, where the query string refines the list (search.forms.SearchForm).
LISTINGS = {"catalogue:index", "catalogue:category", "search:search", "enterprises:detail"}
LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
LANGUAGE_PREFIX = re.compile(rf"^/({LANGUAGE_CODES})/")
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


@dataclass
class Head:
    canonical: str
    noindex: bool
    description: str
    title: str
    og_type: str = "website"
    image: str = ""
    locale: str = ""
    alternate_locales: list = field(default_factory=list)


def plain(markup):
    """Text of some markup: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(str(markup or ""))).split())


def shortened(text, length=DESCRIPTION_LENGTH):
    return Truncator(text).chars(length)


def unprefixed(path):
    """The path without its language prefix (/en/basket/ is /basket/)."""
    return LANGUAGE_PREFIX.sub("/", path, count=1)


def view_name(request):
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def page_number(request):
    try:
        return int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        return 1


def canonical_path(request, context):
    """The one address this page's content answers at: refinements, sorting and tracking left out."""
    name = view_name(request)
    product = context.get("product")
    if name == "catalogue:detail" and product is not None:
        return product.get_absolute_url()
    if name not in LISTINGS:
        return request.path
    kept = []
    if name == "search:search" and (words := request.GET.get("q", "").strip()):
        kept.append(("q", words))
    if (number := page_number(request)) > 1:
        kept.append(("page", number))
    return request.path + (f"?{urlencode(kept)}" if kept else "")


def is_refined(request):
    """A list filtered or sorted by its query string: one of countless addresses of the same products."""
    return view_name(request) in LISTINGS and any(key not in ("q", "page") for key in request.GET)


def noindex(request):
    return is_refined(request) or unprefixed(request.path).startswith(PRIVATE_AREAS)


def described(context, written):
    """The description the template wrote, else the shown object's own text, else the site's sentence."""
    text = plain(written)
    for name, attribute in (("page", "intro"), ("product", "description"), ("enterprise", "story")):
        if text:
            break
        text = plain(getattr(context.get(name), attribute, ""))
    if not text:
        text = _(
            "OCOP-certified products and local specialties, sold by the province's own enterprises "
            "and verified by the Department of Industry and Trade."
        )
    return shortened(text)


def picture(request, context):
    """The absolute address of the picture to show in link previews: the product's, the enterprise's."""
    if view_name(request) == "catalogue:detail" and (product := context.get("product")) is not None:
        images = list(product.images.all())  # prefetched by the product page (Product.objects.for_detail)
        images.sort(key=lambda image: image.display_order)
        if images and images[0].original:
            return request.build_absolute_uri(images[0].original.url)
    enterprise = context.get("enterprise")
    for name in ("banner", "logo"):
        image = getattr(enterprise, name, None)
        if image:
            return request.build_absolute_uri(image.url)
    return ""


def page_head(request, context, title="", written_description=""):
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    canonical = context.get("canonical_url") or request.build_absolute_uri(canonical_path(request, context))
    return Head(
        canonical=canonical,
        noindex=noindex(request),
        description=described(context, written_description),
        title=plain(title) or context.get("shop_name", ""),
        og_type="product" if view_name(request) == "catalogue:detail" else "website",
        image=picture(request, context),
        locale=OG_LOCALES.get(language, language),
        alternate_locales=[locale for code, locale in OG_LOCALES.items() if code != language],
    )
