"""A post to Wagtail's admin asks for at most 100 rows of lists in all, or is refused (400).

Wagtail's admin builds its formsets (a group's page, image, document and collection
permissions; a workflow's tasks and pages) with Django's ceiling of 2,000 forms each,
some of them anew for each request (InlinePanel), so they cannot be given a lower one:
one post to /cms/groups/new/ with huge ``TOTAL_FORMS`` counts took 70 s of CPU. Its
pages never offer that many rows; a post that asks for more is refused before Wagtail
builds anything. (The project's own formsets are bounded themselves: marketplace.formsets.)
"""

from functools import cache

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _

ROWS = 100


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def rows_asked(post):
    """The rows a post's formsets ask for, counts that are not numbers aside (formsets refuse them)."""
    rows = 0
    for name, value in post.items():
        if name.endswith("-TOTAL_FORMS"):
            try:
                rows += max(int(value), 0)
            except ValueError:
                continue
    return rows


class AdminRowsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path.startswith(admin_prefix())
            and rows_asked(request.POST) > ROWS
        ):
            message = _("This form asks for more rows than its page offers: please reload the page.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
