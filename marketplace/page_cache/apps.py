from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "marketplace.page_cache"
    label = "page_cache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import changes

        changes.connect()
