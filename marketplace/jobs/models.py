"""Background work the operator may have to look at: kept in the database, never dropped."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxTask(models.Model):
    """A task that could not be handed to the broker, or that gave up after its retries.

    Waiting tasks are sent by the relay as soon as the broker answers again;
    failed ones stay for the operator, who reads the error and sends them again
    from Django admin.
    """

    class State(models.TextChoices):
        WAITING = "waiting", _("waiting for the broker")
        FAILED = "failed", _("failed after its retries")

    name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.WAITING)
    error = models.TextField(_("last error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")
        ordering = ["pk"]
        indexes = [models.Index(fields=["state", "id"], name="jobs_outbox_state")]

    def __str__(self):
        return f"{self.name} ({self.get_state_display()})"


class ScheduledRun(models.Model):
    """When a scheduled job last finished, so a scheduler that was down can catch up on start."""

    name = models.CharField(_("job"), max_length=100, primary_key=True)
    finished = models.DateTimeField(_("last finished"))

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")

    def __str__(self):
        return self.name
