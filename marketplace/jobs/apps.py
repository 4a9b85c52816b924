from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "marketplace.jobs"
    label = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        from . import images

        images.connect()
