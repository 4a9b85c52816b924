"""Log formatting: JSON lines (LOG_FORMAT=json) or text, each record with its request's context.

A JSON line carries ``time`` (ISO 8601 with the zone), ``level``, ``logger``, ``message``,
``request_id``, ``user_id`` and ``path`` (null outside a request), whatever the caller passed
in ``extra`` (the request line adds method, status, duration_ms and bytes) and, for errors,
``exc_info``, the formatted traceback.
"""

import logging
from datetime import datetime

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from .context import current, logged_path, user_id_of

CONTEXT_FIELDS = ("request_id", "user_id", "path")
# Attributes Django and others put on records that are objects, not data.
NOT_LOGGED = ("request", "color_message")


def iso_time(created):
    """2025-01-31T14:05:09.123+07:00: the zone is TIME_ZONE's (Django sets the process's TZ)."""
    return datetime.fromtimestamp(created).astimezone().isoformat(timespec="milliseconds")


class RequestContextFilter(logging.Filter):
    """Adds request_id, user_id and path of the current request (or task) to each record."""

    def filter(self, record):
        context = current()
        request = context.request if context else None
        if not hasattr(record, "request_id"):
            record.request_id = context.request_id if context else None
        if not hasattr(record, "user_id"):
            record.user_id = user_id_of(request) if request is not None else getattr(context, "user_id", None)
        if not hasattr(record, "path"):
            record.path = logged_path(request) if request is not None else None
        return True


class JsonFormatter(BaseJsonFormatter):
    def __init__(self, **kwargs):
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, *CONTEXT_FIELDS, *NOT_LOGGED])
        super().__init__(["message"], **kwargs)

    def add_fields(self, log_data, record, message_dict):
        log_data["time"] = iso_time(record.created)
        log_data["level"] = record.levelname
        log_data["logger"] = record.name
        super().add_fields(log_data, record, message_dict)
        for field in CONTEXT_FIELDS:
            log_data[field] = getattr(record, field, None)


class TextFormatter(logging.Formatter):
    """2025-01-31T14:05:09.123+07:00 INFO marketplace.requests [request id] message"""

    default_format = "{asctime} {levelname} {name} [{request_id}] {message}"

    def __init__(self, fmt=None, datefmt=None):
        super().__init__(fmt or self.default_format, datefmt, style="{")

    def formatTime(self, record, datefmt=None):
        if datefmt:
            return super().formatTime(record, datefmt)
        return iso_time(record.created)

    def formatMessage(self, record):
        # Records from outside a request (or from a handler without the filter) show "-".
        values = {**record.__dict__, "request_id": getattr(record, "request_id", None) or "-"}
        return self._fmt.format(**values)
