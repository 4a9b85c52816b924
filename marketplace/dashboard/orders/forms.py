"""Oscar's order dashboard forms, with ways of paying named in the operator's language."""

from oscar.apps.dashboard.orders import forms as oscar_forms
from oscar.core.loading import get_model

SourceType = get_model("payment", "SourceType")


class OrderSearchForm(oscar_forms.OrderSearchForm):
    def payment_method_choices(self):
        # The stored name is the English one written with the first order paid that way.
        return (("", "---------"), *((source.code, source.label) for source in SourceType.objects.all()))
