"""The Department's scheduled OCOP work: expiry reminders to enterprises and the weekly digest."""

from celery import shared_task
from django.utils import timezone

from marketplace.jobs.base import BackgroundTask


@shared_task(base=BackgroundTask, name="ocop.send_expiry_reminders")
def send_expiry_reminders():
    """Daily: each reminder due today (or missed since), and the week's digest on its first run.

    Safe to run again or retry: what was sent is recorded and never sent twice.
    """
    from catalogue import reminders
    from marketplace.jobs.tasks import record_run

    today = timezone.localdate()
    sent = reminders.send_reminders(today)
    digest = reminders.send_digest(today)
    record_run("expiry-reminders")
    return {"reminders": sent, "digest": digest}
