"""Calendar months in the marketplace's time zone (a month is named by its first day)."""

from datetime import date, datetime

from django.utils import timezone


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


def month_start(month: date) -> datetime:
    """The first instant of ``month`` in the current time zone (Asia/Ho_Chi_Minh)."""
    return timezone.make_aware(datetime(month.year, month.month, 1))


def month_end(month: date) -> datetime:
    """The first instant after ``month``."""
    return month_start(next_month(month))
