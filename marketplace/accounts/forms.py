from django import forms
from django.utils.translation import gettext_lazy as _

from .attempts import USERNAME_MAX_LENGTH


class UnlockForm(forms.Form):
    account = forms.CharField(
        label=_("Account"),
        help_text=_("The e-mail address or username the person signs in with."),
        max_length=USERNAME_MAX_LENGTH,
        required=False,
    )
    address = forms.GenericIPAddressField(
        label=_("IP address"),
        help_text=_("Every account signing in from this address is unlocked."),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("account") and not cleaned.get("address"):
            raise forms.ValidationError(_("Give an account, an IP address, or both."))
        return cleaned
