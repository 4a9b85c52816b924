"""The kinds of event a province announces: kept apart so blocks can name them without the pages."""

from django.db import models
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    FAIR = "fair", pgettext_lazy("event kind", "Fair")
    EXHIBITION = "exhibition", pgettext_lazy("event kind", "Exhibition")
    MARKET_DAY = "market_day", pgettext_lazy("event kind", "Market day")
    WORKSHOP = "workshop", pgettext_lazy("event kind", "Workshop")
    OTHER = "other", pgettext_lazy("event kind", "Other")
