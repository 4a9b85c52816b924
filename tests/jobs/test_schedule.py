"""The periodic jobs are scheduled in code, in the province's time, and a missed day is caught up."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from celery.schedules import crontab
from django.utils import timezone

from marketplace.celery import app
from marketplace.jobs import tasks
from marketplace.jobs.models import ScheduledRun
from marketplace.jobs.schedule import DAILY, last_due

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def entry(name):
    return app.conf.beat_schedule[name]


def test_every_periodic_job_is_scheduled():
    app.loader.import_default_modules()  # the tasks modules a worker finds at start
    by_task = {job["task"]: job["schedule"] for job in app.conf.beat_schedule.values()}
    assert by_task["payment.release_unpaid_orders"] == 300  # every 5 minutes
    assert by_task["jobs.relay_outbox"] <= 60
    assert by_task["search.warm_search"] == 60
    assert by_task["jobs.publish_scheduled_pages"] == 60
    assert isinstance(by_task["search.refresh_badges"], crontab)
    assert isinstance(by_task["jobs.clear_sessions"], crontab)
    assert set(by_task) <= set(app.tasks)  # each names a task the worker knows


def test_badges_are_refreshed_just_after_midnight_in_vietnam():
    schedule = entry("refresh-badges")["schedule"]
    assert (schedule.hour, schedule.minute) == ({0}, {5})
    assert str(app.conf.timezone) == "Asia/Ho_Chi_Minh"


def test_a_daily_job_was_last_due_today_after_its_time_and_yesterday_before_it():
    at = time(0, 5)
    assert last_due(at, datetime(2026, 12, 3, 9, 0, tzinfo=HANOI)) == datetime(
        2026, 12, 3, 0, 5, tzinfo=HANOI
    )
    assert last_due(at, datetime(2026, 12, 3, 0, 1, tzinfo=HANOI)) == datetime(
        2026, 12, 2, 0, 5, tzinfo=HANOI
    )


@pytest.mark.django_db
def test_on_start_the_scheduler_runs_the_daily_jobs_it_missed_and_only_those(monkeypatch):
    ran = []
    for task_name, _at in DAILY.values():
        monkeypatch.setattr(app.tasks[task_name], "delay", lambda name=task_name: ran.append(name))
    now = timezone.now()
    ScheduledRun.objects.create(name="refresh-badges", finished=now - timedelta(days=2))  # missed a night
    ScheduledRun.objects.create(name="clear-sessions", finished=now)  # ran after its time
    missed = tasks.catch_up()
    assert "refresh-badges" in missed and "clear-sessions" not in missed
    assert "search.refresh_badges" in ran and "jobs.clear_sessions" not in ran


@pytest.mark.django_db
def test_a_daily_job_records_when_it_finished():
    tasks.clear_sessions.apply()
    assert ScheduledRun.objects.get(name="clear-sessions").finished > timezone.now() - timedelta(minutes=1)
