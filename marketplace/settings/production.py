"""Production: refuses to start without a strong secret; never loads demo data."""

from django.core.exceptions import ImproperlyConfigured

from marketplace.operations.conf import log_format
from marketplace.operations.errors import init_sentry

from .base import *  # noqa: F403
from .base import SECRET_KEY
from .env import env_bool, env_int

DEBUG = False
DEMO_DATA_ALLOWED = False

_INSECURE_MARKERS = ("insecure", "change-me", "changeme", "secret", "django-insecure")
if len(SECRET_KEY) < 50 or any(marker in SECRET_KEY.lower() for marker in _INSECURE_MARKERS):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the stack's nginx, which sets X-Forwarded-For to the client's address: login throttling
# counts by it. 0 if gunicorn ever faces clients itself (the header would then be theirs to write).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Browsers remember for a year (and for every subdomain) to come only over HTTPS. Preloading into
# the browsers' own lists is a promise hard to take back: only with SECURE_HSTS_PRELOAD=true.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
OSCAR_URL_SCHEMA = "https"
# A card payment whose shopper never comes back is known only from Stripe's webhook.
STRIPE_WEBHOOK_SECRET_REQUIRED = True

# Static files served by the application server itself, compressed and cached forever.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]

# --- Logs and error reporting ---------------------------------------------------------------

# JSON lines for the log collector unless LOG_FORMAT=text.
LOG_FORMAT = log_format(default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
# Sentry only when SENTRY_DSN is set (SENTRY_ENVIRONMENT, SENTRY_TRACES_SAMPLE_RATE); no personal data.
SENTRY_ENABLED = init_sentry()
