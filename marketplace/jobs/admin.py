from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutboxTask, ScheduledRun
from .outbox import send_again


@admin.register(OutboxTask)
class OutboxTaskAdmin(admin.ModelAdmin):
    """The operator's view of background work that waits for the broker or failed for good."""

    list_display = ("name", "state", "created", "short_error")
    list_filter = ("state", "name")
    readonly_fields = ("name", "args", "kwargs", "state", "error", "created")
    actions = ["send_again"]

    @admin.display(description=_("last error"))
    def short_error(self, task):
        return task.error.strip().splitlines()[-1][:120] if task.error.strip() else ""

    @admin.action(description=_("Send the selected tasks again"))
    def send_again(self, request, queryset):
        sent = send_again(queryset)
        self.message_user(
            request,
            ngettext("%(count)d task sent again.", "%(count)d tasks sent again.", sent) % {"count": sent},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ("name", "finished")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
