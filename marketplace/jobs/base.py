"""The task class every background job uses: retried with back-off, never silently dropped."""

import logging

from celery import Task

logger = logging.getLogger(__name__)


class BackgroundTask(Task):
    """Retried on any error with exponential back-off (2 s, 4 s, … up to 10 min, jittered).

    After the last retry the task is kept in the outbox as failed, with its
    error, and logged at ERROR (which reaches ``ADMINS`` and Sentry), so the
    operator sees it and can send it again.
    """

    autoretry_for = (Exception,)
    retry_backoff = 2
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 8

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        from .models import OutboxTask

        OutboxTask.objects.create(
            name=self.name,
            args=list(args or ()),
            kwargs=dict(kwargs or {}),
            state=OutboxTask.State.FAILED,
            error=str(einfo)[-10_000:],
        )
        logger.error("Task %s failed after %s retries: %s", self.name, self.request.retries, exc)
