from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, answered by the project's own search service (no haystack)."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from .views import SearchView

        self.search_view = SearchView

    def get_urls(self):
        urlpatterns = [path("", self.search_view.as_view(), name="search")]
        return self.post_process_urls(urlpatterns)
