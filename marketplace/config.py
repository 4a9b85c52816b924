"""The Oscar shop config: Oscar's URLs without its home page (Wagtail serves it), plus enterprises."""

from django.apps import apps
from django.urls import path
from oscar.config import Shop


class MarketplaceShop(Shop):
    def ready(self):
        super().ready()
        self.enterprises_app = apps.get_app_config("partner")

    def get_urls(self):
        urls = [pattern for pattern in super().get_urls() if getattr(pattern, "name", None) != "home"]
        return [path("vendors/", self.enterprises_app.urls), *urls]
