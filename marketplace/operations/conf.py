"""Helpers the settings modules call: they read the environment and import nothing from Django's apps."""

import os
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

LOG_FORMATS = ("json", "text")


def log_format(default):
    """LOG_FORMAT: "json" (one JSON object a line) or "text"."""
    value = (os.environ.get("LOG_FORMAT") or default).strip().lower()
    if value not in LOG_FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {value!r}")
    return value


def parse_admins(value):
    """ADMINS for Django: "Name <a@b>, c@d" or "a@b,c@d" becomes [("Name", "a@b"), ("", "c@d")]."""
    if not value or not value.strip():
        return []
    admins = []
    for name, address in getaddresses([value]):
        local, _at, domain = address.partition("@")
        if not local or not domain or any(char.isspace() for char in address):
            raise ImproperlyConfigured(
                f"ADMINS must be comma-separated e-mail addresses such as "
                f'"Name <ops@example.vn>, dev@example.vn", not {value!r}'
            )
        admins.append((name.strip(), address))
    return admins


def sentry_options():
    """sentry_sdk.init's options from SENTRY_DSN and friends, or None when SENTRY_DSN is not set."""
    dsn = (os.environ.get("SENTRY_DSN") or "").strip()
    if not dsn:
        return None
    raw_rate = (os.environ.get("SENTRY_TRACES_SAMPLE_RATE") or "0").strip()
    try:
        rate = float(raw_rate)
    except ValueError:
        rate = -1.0
    if not 0.0 <= rate <= 1.0:
        raise ImproperlyConfigured(
            f"SENTRY_TRACES_SAMPLE_RATE must be a number from 0 to 1, not {raw_rate!r}"
        )
    return {
        "dsn": dsn,
        "environment": (os.environ.get("SENTRY_ENVIRONMENT") or "").strip() or "production",
        "traces_sample_rate": rate,
        "send_default_pii": False,
    }
