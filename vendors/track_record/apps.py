from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackRecordConfig(AppConfig):
    name = "vendors.track_record"
    label = "track_record"
    verbose_name = _("Enterprise records")
