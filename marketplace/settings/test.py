"""Tests: fast hashing, in-memory e-mail, files in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
DEMO_DATA_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cho-ocop-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Only used when ELASTICSEARCH_URL is set: tests get their own alias and see their writes at once.
ELASTICSEARCH_INDEX_PREFIX = "cho-ocop-test"
ELASTICSEARCH_WAIT_FOR_REFRESH = True
# No test reaches the real Stripe: without the localstripe fixture, calls fail fast on loopback.
STRIPE_API_BASE = "http://127.0.0.1:9"
STRIPE_SECRET_KEY = "sk_test_unused"
STRIPE_PUBLISHABLE_KEY = "pk_test_unused"  # with both keys card payment is offered
# Tests clear caches, which in Redis would empty a developer's whole database: memory only.
CACHES = {
    name: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"cho-ocop-test-{name}"}
    for name in ("default", "search", "pages")
}
# Tests change data inside a transaction that never commits, so the changes that keep cached
# pages fresh are never recorded: pages are rendered for every request, except in
# tests/page_cache, which commit their changes and turn the cache on.
PAGE_CACHE_ENABLED = False
# Tasks run in the test's own process after commit; tests of the broker path set it themselves.
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
# A demo bank account: bank transfer by VietQR is offered (marketplace.transfers).
BANK_TRANSFER = {
    "BANK_BIN": "970436",
    "BANK_NAME": "Vietcombank",
    "ACCOUNT_NUMBER": "0071000123456",
    "ACCOUNT_NAME": "CONG TY CHO OCOP",
    "HOLD_MINUTES": 60,
    "NOTIFICATION_SECRET": "test-bank-notification-secret",
}
