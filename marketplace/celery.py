"""The Celery application: background work for e-mail, search updates, images and the schedule.

Workers start with ``celery -A marketplace worker``, the scheduler with
``celery -A marketplace beat``. Without ``CELERY_BROKER_URL`` every task runs
in the process that asks for it (``make run`` needs nothing more).
"""

import logging
import os

from celery import Celery
from celery.signals import beat_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.production")

app = Celery("marketplace")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@beat_init.connect
def catch_up_on_start(sender, **kwargs):
    """A scheduler that was down at a daily job's time has it run now (``jobs.catch_up`` decides)."""
    try:
        app.send_task("jobs.catch_up")
    except Exception as error:  # the broker may still be starting: the next daily run will do
        logger.warning("Could not ask for the catch-up of missed daily jobs: %s", error)
