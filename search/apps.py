from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, answered by the project's own search service (no haystack)."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import indexing
        from .views import SearchView, SuggestView

        indexing.connect()
        self.search_view = SearchView
        self.suggest_view = SuggestView

    def get_urls(self):
        urlpatterns = [
            path("", self.search_view.as_view(), name="search"),
            path("suggest/", self.suggest_view.as_view(), name="suggest"),
        ]
        return self.post_process_urls(urlpatterns)
