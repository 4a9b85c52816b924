from django import forms
from django.utils.translation import gettext_lazy as _

from .query import MAX_QUERY_LENGTH, Sort


class SearchForm(forms.Form):
    """The header search box and the search page's own form."""

    q = forms.CharField(
        required=False,
        label=_("Search"),
        widget=forms.TextInput(attrs={"placeholder": _("Search products, e.g. nuoc mam"), "type": "search"}),
    )
    sort_by = forms.ChoiceField(label=_("Sort by"), choices=Sort.CHOICES, required=False)

    def clean_q(self):
        # Over-long input is cut, not refused: the shopper still gets results.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]

    def clean_sort_by(self):
        return self.cleaned_data["sort_by"] or Sort.RELEVANCE
