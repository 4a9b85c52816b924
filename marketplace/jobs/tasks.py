"""The background jobs' own tasks: delivering e-mail, relaying the outbox, housekeeping."""

import logging

from celery import shared_task
from django.core.management import call_command
from django.utils import timezone

from .base import BackgroundTask
from .models import ScheduledRun
from .schedule import DAILY, last_due

logger = logging.getLogger(__name__)


@shared_task(base=BackgroundTask, name="jobs.send_email", max_retries=10, retry_backoff_max=3600)
def send_email(data):
    from .mail import deliver

    deliver(data)


@shared_task(base=BackgroundTask, name="jobs.relay_outbox")
def relay_outbox():
    from .outbox import relay

    sent = relay()
    if sent:
        logger.info("Relayed %s task(s) kept while the broker was down", sent)
    return sent


def record_run(name):
    ScheduledRun.objects.update_or_create(name=name, defaults={"finished": timezone.now()})


@shared_task(base=BackgroundTask, name="jobs.clear_sessions")
def clear_sessions():
    call_command("clearsessions")
    record_run("clear-sessions")


@shared_task(base=BackgroundTask, name="jobs.clean_up_stock_alerts")
def clean_up_stock_alerts():
    """Oscar's "tell me when it is back in stock" requests never confirmed by e-mail are dropped."""
    call_command("oscar_cleanup_alerts")
    record_run("clean-up-stock-alerts")


@shared_task(base=BackgroundTask, name="jobs.publish_scheduled_pages")
def publish_scheduled_pages():
    """Wagtail publishes and unpublishes pages an editor scheduled only when this runs."""
    call_command("publish_scheduled", verbosity=0)


@shared_task(base=BackgroundTask, name="jobs.catch_up")
def catch_up():
    """Run each daily job whose last run is older than its last due time (the scheduler was down)."""
    from marketplace.celery import app

    now = timezone.localtime()
    finished = dict(ScheduledRun.objects.values_list("name", "finished"))
    missed = [
        name
        for name, (_task, at) in DAILY.items()
        if name not in finished or finished[name] < last_due(at, now)
    ]
    for name in missed:
        app.tasks[DAILY[name][0]].delay()
    return missed


@shared_task(base=BackgroundTask, name="jobs.make_thumbnails")
def make_thumbnails(source_name, family):
    from marketplace.thumbnails import make_thumbnails as make

    return make(source_name, family)


@shared_task(base=BackgroundTask, name="jobs.make_renditions")
def make_renditions(image_pk):
    from wagtail.images import get_image_model

    from .images import RENDITIONS

    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is not None:  # deleted meanwhile: nothing to make
        image.get_renditions(*RENDITIONS)
