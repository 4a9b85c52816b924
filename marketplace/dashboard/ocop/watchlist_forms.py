"""Narrowing the Department's certificate expiry watchlist: by how soon, enterprise, commune and stars."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue.expiry import lapsing_within
from marketplace.dashboard.enterprises.forms import CommuneChoiceField

OcopCertificate = get_model("catalogue", "OcopCertificate")
Commune = get_model("places", "Commune")

ALL = [("", _("All"))]
EXPIRED = "expired"
WINDOWS = (30, 60, 90)  # days ahead a reviewer looks


def _within(days):
    return gettext("Within %(days)s days") % {"days": days}


within = lazy(_within, str)  # in the language of the page that shows it, not of the import
WINDOW_CHOICES = [(EXPIRED, _("Expired")), *((str(days), within(days)) for days in WINDOWS)]
LONG_AGO = -100 * 365  # days: before any OCOP recognition


def window_filter(window, today):
    """A filter on certificates annotated with ``expiry``: lapsed (0 days left or fewer), or lapsing
    within ``window`` days (from tomorrow)."""
    if window == EXPIRED:
        return lapsing_within(today, LONG_AGO, 0)
    return lapsing_within(today, 1, int(window))


class WatchlistFilterForm(forms.Form):
    """Every field optional: an empty form lists every verified certificate, expired first."""

    window = forms.ChoiceField(label=_("Expiry"), choices=ALL + WINDOW_CHOICES, required=False)
    enterprise = forms.CharField(label=_("Enterprise name"), max_length=100, required=False)
    commune = CommuneChoiceField(
        label=_("Commune or ward"),
        queryset=Commune.objects.filter(enterprises__ocop_certificates__isnull=False)
        .distinct()
        .order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    stars = forms.TypedChoiceField(
        label=_("Stars"), choices=ALL + [(3, "3★"), (4, "4★"), (5, "5★")], coerce=int, required=False
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def filter(self, certificates):
        """The annotated queryset narrowed by the valid filters (call only on a valid form)."""
        data = self.cleaned_data
        if data["window"]:
            certificates = certificates.filter(window_filter(data["window"], self.today))
        if data["enterprise"].strip():
            certificates = certificates.filter(enterprise__name__icontains=data["enterprise"].strip())
        if data["commune"]:
            certificates = certificates.filter(enterprise__commune=data["commune"])
        if data["stars"]:
            certificates = certificates.filter(stars=data["stars"])
        return certificates
