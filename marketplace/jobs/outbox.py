"""Handing work to the worker after commit, without losing it when the broker is down.

A request calls ``enqueue(task, ...)``; once its transaction commits the task
is published. Should the broker not answer, the task is written to the
``OutboxTask`` table instead (the request does not wait: the connection fails
within the broker timeout) and ``relay`` publishes it when the broker is back.
Without a broker (``make run``, tests) the task runs in the same process.
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

from marketplace.celery import app

from .models import OutboxTask

logger = logging.getLogger(__name__)

# Publishing errors that mean "the broker is unreachable now": keep the task for the relay.
BROKER_DOWN = (OperationalError, OSError)  # OSError covers refused connections and time-outs

RELAY_BATCH = 500


def enqueue(task, *args, **kwargs):
    """Run ``task(*args, **kwargs)`` in the background once the current transaction commits."""

    def publish_committed():
        publish(task.name, list(args), kwargs)

    transaction.on_commit(publish_committed, robust=True)


def publish(name, args, kwargs):
    """Send one task now; returns False when it was kept in the outbox instead."""
    task = app.tasks[name]
    if app.conf.task_always_eager:
        run_here(task, args, kwargs)
        return True
    try:
        task.apply_async(args, kwargs, retry=False)
    except BROKER_DOWN as error:
        OutboxTask.objects.create(name=name, args=args, kwargs=kwargs, error=describe(error))
        logger.warning("Broker unreachable, %s kept in the outbox: %s", name, error)
        return False
    return True


def run_here(task, args, kwargs):
    """Without a broker: run the task at once, and record it as failed if it fails (no retries)."""
    task.apply(args, kwargs, retries=task.max_retries or 0, throw=False)


def relay(limit=RELAY_BATCH):
    """Publish the tasks kept while the broker was down, oldest first; returns how many went."""
    sent = 0
    for kept in OutboxTask.objects.filter(state=OutboxTask.State.WAITING).order_by("pk")[:limit]:
        if not publish_kept(kept):
            break  # the broker is down again: the rest waits for the next relay
        sent += 1
    return sent


def publish_kept(kept):
    try:
        app.tasks[kept.name].apply_async(kept.args, kept.kwargs, retry=False)
    except BROKER_DOWN as error:
        OutboxTask.objects.filter(pk=kept.pk).update(error=describe(error))
        return False
    except KeyError:
        OutboxTask.objects.filter(pk=kept.pk).update(
            state=OutboxTask.State.FAILED, error=f"No task named {kept.name} in this version."
        )
        return True
    kept.delete()
    return True


def send_again(kept_tasks):
    """The operator's retry of failed tasks: publish each again (or keep it waiting)."""
    count = 0
    for kept in kept_tasks:
        kept.state = OutboxTask.State.WAITING
        kept.save(update_fields=["state"])
        count += publish_kept(kept)
    return count


def describe(error):
    return f"{type(error).__name__}: {error}"[:2000]
