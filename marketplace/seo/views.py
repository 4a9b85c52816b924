"""robots.txt and the sitemap (an index of sections, each in pages), on the host they were asked at."""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

from .sitemaps import sections

SITEMAP_TYPE = "application/xml"


@dataclass
class IndexEntry:
    location: str
    last_mod: object = None


def absolute(request, path):
    return f"{request.scheme}://{request.get_host()}{path}"


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    return TemplateResponse(
        request,
        "seo/robots.txt",
        {"sitemap_url": absolute(request, reverse("seo:sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def sitemap_index(request):
    """Every section's pages; Django's index would ask each section for every item's date."""
    entries = []
    for name, section in sections(request).items():
        location = absolute(request, reverse("seo:sitemap-section", kwargs={"section": name}))
        latest = section.get_latest_lastmod()
        pages = section.paginator.num_pages
        entries.append(IndexEntry(location, latest))
        entries += [IndexEntry(f"{location}?p={number}", latest) for number in range(2, pages + 1)]
    context = {"sitemaps": entries}
    response = TemplateResponse(request, "sitemap_index.xml", context, content_type=SITEMAP_TYPE)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def sitemap_section(request, section):
    """One page of one section; an unknown section or page is a 404."""
    built = sections(request).get(section)
    if built is None:
        raise Http404("No such sitemap section")
    try:
        urls = built.get_urls(page=request.GET.get("p", 1), protocol=request.scheme)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such sitemap page") from error
    response = TemplateResponse(request, "sitemap.xml", {"urlset": urls}, content_type=SITEMAP_TYPE)
    response.headers["X-Robots-Tag"] = "noindex"
    return response
