"""Which pages are private, kept under the content revision rather than asked on every page.

Wagtail's ``.public()`` reads every view restriction (a query) each time a page lists its
stories, and before serving a page it reads the page's and its ancestors' restrictions (two
queries), though a province's pages are rarely private at all. A restriction saved or deleted,
and a page moved, records "cms" (``marketplace.page_cache.changes``), a new content revision:
the private sections' paths are kept under it (``marketplace.content_revision``) and read again
from the next request on.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from marketplace import content_revision

KEPT_AS = "cms-private-paths"


def private_paths():
    """The paths of the restricted pages: each heads a private section."""
    return content_revision.kept(
        KEPT_AS, lambda: tuple(sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))))
    )


def public(pages):
    """``pages`` without those in a private section, as Wagtail's ``.public()`` but at no query."""
    private = Q()
    for path in private_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


class PrivateSectionsKept:
    """For content page models: with no private page anywhere, serving a page asks for no restriction.

    Wagtail's check before serving (``page.get_view_restrictions()``) follows aliases and
    ancestors; once any page is private, it is asked as Wagtail asks it.
    """

    def get_view_restrictions(self):
        if not private_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
