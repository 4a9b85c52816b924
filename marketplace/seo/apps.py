from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """What search engines read: robots.txt, the sitemap, and each page's head (canonical, Open Graph)."""

    name = "marketplace.seo"
    label = "seo"
    verbose_name = _("Search engines")
