from django.contrib.admin.apps import AdminConfig


class MarketplaceAdminConfig(AdminConfig):
    """Django admin, each registered page then bounded (marketplace.admin.bounds)."""

    def ready(self):
        super().ready()  # imports every app's admin module
        from django.contrib import admin

        from .bounds import bound_site

        bound_site(admin.site)
