"""The Oscar shop config: Oscar's URLs without its home page, which Wagtail serves."""

from oscar.config import Shop


class MarketplaceShop(Shop):
    def get_urls(self):
        return [pattern for pattern in super().get_urls() if getattr(pattern, "name", None) != "home"]
