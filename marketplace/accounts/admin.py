"""Locked sign-ins in Django admin: axes' list of attempts, with an unlock page and actions."""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import UnlockForm
from .unlock import unlock


class SignInAttemptAdmin(AccessAttemptAdmin):
    change_list_template = "admin/accounts/accessattempt_change_list.html"
    actions = [*AccessAttemptAdmin.actions, "unlock_accounts", "unlock_addresses"]

    def get_urls(self):
        unlock_view = self.admin_site.admin_view(self.unlock_view)
        return [path("unlock/", unlock_view, name="axes_accessattempt_unlock"), *super().get_urls()]

    def unlock_view(self, request):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        form = UnlockForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            removed = unlock(form.cleaned_data["account"], form.cleaned_data["address"])
            self.message_user(request, unlocked_message(removed))
            return redirect("admin:axes_accessattempt_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Unlock sign-ins"),
            "opts": self.model._meta,
            "form": form,
        }
        return TemplateResponse(request, "admin/accounts/unlock.html", context)

    @admin.action(
        description=gettext_lazy("Unlock the accounts of the selected attempts"), permissions=["delete"]
    )
    def unlock_accounts(self, request, queryset):
        accounts = set(queryset.exclude(username=None).values_list("username", flat=True))
        self.message_user(request, unlocked_message(sum(unlock(account=name) for name in accounts)))

    @admin.action(
        description=gettext_lazy("Unlock the IP addresses of the selected attempts"), permissions=["delete"]
    )
    def unlock_addresses(self, request, queryset):
        addresses = set(queryset.exclude(ip_address=None).values_list("ip_address", flat=True))
        self.message_user(request, unlocked_message(sum(unlock(address=address) for address in addresses)))


def unlocked_message(removed):
    return _("Unlocked: they can sign in again now (%(count)s failed sign-in records removed).") % {
        "count": removed
    }


if admin.site.is_registered(AccessAttempt):  # axes registers its admin unless AXES_ENABLE_ADMIN is off
    admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, SignInAttemptAdmin)
