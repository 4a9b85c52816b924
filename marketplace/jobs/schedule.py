"""What runs when: the scheduler's (Celery beat's) timetable, in the province's time.

Daily jobs also run once when the scheduler starts if their last run is older
than their last due time (``jobs.catch_up``), so a scheduler that was down at
midnight does not leave expired OCOP stars in the search filters for a day.
Imported by the settings: nothing here may import Django models.
"""

from datetime import datetime, time, timedelta

from celery.schedules import crontab

# name -> (task, time of day in Asia/Ho_Chi_Minh)
DAILY = {
    "refresh-badges": ("search.refresh_badges", time(0, 5)),
    "reconcile-payments": ("payment.reconcile_payments", time(2, 45)),
    "clear-sessions": ("jobs.clear_sessions", time(3, 15)),
    "clean-up-stock-alerts": ("jobs.clean_up_stock_alerts", time(3, 30)),
    "expiry-reminders": ("ocop.send_expiry_reminders", time(7, 0)),
}


def beat_schedule(relay_seconds=60):
    schedule = {
        "release-unpaid-orders": {"task": "payment.release_unpaid_orders", "schedule": 5 * 60.0},
        "relay-outbox": {"task": "jobs.relay_outbox", "schedule": float(relay_seconds)},
        "warm-search": {"task": "search.warm_search", "schedule": 60.0},
        "publish-scheduled-pages": {"task": "jobs.publish_scheduled_pages", "schedule": 60.0},
    }
    for name, (task, at) in DAILY.items():
        schedule[name] = {"task": task, "schedule": crontab(hour=at.hour, minute=at.minute)}
    return schedule


def last_due(at, now):
    """The latest moment at or before ``now`` (aware, local) when a daily job at ``at`` was due."""
    due = datetime.combine(now.date(), at, tzinfo=now.tzinfo)
    return due if due <= now else due - timedelta(days=1)
