"""Work committed while the broker is down is kept in the database and sent when it is back."""

import json
import time

import pytest
from django.core import mail
from django.db import transaction

from marketplace.jobs import outbox
from marketplace.jobs.models import OutboxTask
from marketplace.jobs.tasks import send_email
from search.tasks import update_records

pytestmark = pytest.mark.django_db


def queued(client):
    """The task names waiting in Redis's default Celery queue."""
    return [json.loads(raw)["headers"]["task"] for raw in client.lrange("celery", 0, -1)]


def test_a_task_committed_while_the_broker_is_down_is_kept_at_once(broker_down, committing):
    started = time.monotonic()
    with committing():
        outbox.enqueue(update_records, [3, 1, 2])
    assert time.monotonic() - started < 3
    (kept,) = OutboxTask.objects.all()
    assert (kept.name, kept.args, kept.state) == ("search.update_records", [[3, 1, 2]], "waiting")
    assert "OperationalError" in kept.error or "Connection" in kept.error


def test_nothing_is_kept_or_sent_for_a_transaction_rolled_back(broker_down, committing):
    with committing(), pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue(update_records, [1])
        raise RuntimeError("the request failed")
    assert not OutboxTask.objects.exists()


def test_the_relay_keeps_waiting_while_the_broker_is_down(broker_down, committing):
    with committing():
        outbox.enqueue(update_records, [1])
    assert outbox.relay() == 0
    assert OutboxTask.objects.filter(state="waiting").count() == 1


def test_the_relay_sends_kept_tasks_in_order_once_the_broker_answers(broker, settings):
    OutboxTask.objects.create(name="search.update_records", args=[[1]])
    OutboxTask.objects.create(name="jobs.send_email", args=[{"subject": "x"}])
    assert outbox.relay() == 2
    assert not OutboxTask.objects.exists()
    assert sorted(queued(broker)) == ["jobs.send_email", "search.update_records"]


def test_with_a_broker_a_committed_task_is_published_not_run(broker, committing):
    with committing():
        outbox.enqueue(update_records, [7])
        assert queued(broker) == []  # not before the commit
    assert queued(broker) == ["search.update_records"]
    assert not OutboxTask.objects.exists()


def test_a_kept_task_this_version_no_longer_knows_is_marked_failed_not_retried_forever(broker):
    OutboxTask.objects.create(name="catalogue.retired_task", args=[])
    assert outbox.relay() == 1
    assert OutboxTask.objects.get().state == "failed"


def test_the_operator_sends_failed_tasks_again(broker):
    failed = OutboxTask.objects.create(name="jobs.send_email", args=[{}], state="failed", error="SMTP down")
    assert outbox.send_again(OutboxTask.objects.filter(pk=failed.pk)) == 1
    assert queued(broker) == ["jobs.send_email"]
    assert not OutboxTask.objects.exists()


def test_without_a_broker_a_failing_task_is_recorded_failed_for_the_operator(settings):
    settings.EMAIL_DELIVERY_BACKEND = "tests.jobs.test_outbox.RefusingBackend"
    outbox.publish(
        send_email.name,
        [
            {
                "subject": "s",
                "body": "b",
                "from_email": "a@b.vn",
                "to": ["c@d.vn"],
                "cc": [],
                "bcc": [],
                "reply_to": [],
                "headers": {},
                "alternatives": [],
                "attachments": [],
            }
        ],
        {},
    )
    (failed,) = OutboxTask.objects.all()
    assert failed.name == "jobs.send_email" and failed.state == "failed"
    assert "the mail server said no" in failed.error
    assert not mail.outbox


class RefusingBackend:
    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server said no")
