"""The WSGI application Lighthouse measures: the project's own, with what nginx adds in production.

In production nginx (docker/nginx/templates/cho-ocop.locations.template) serves /media/ (thumbnails
cached for a year, other pictures for a day) and gzips the pages; the application serves /static/
itself through WhiteNoise. gunicorn faces Lighthouse directly here, so this module does nginx's
part: WhiteNoise over MEDIA_ROOT with the same cache headers and Django's gzip outermost. It wraps
the page benchmark's application; only the measurement's processes load it, with the production
settings (``DJANGO_SETTINGS_MODULE``).
"""

from django.conf import settings
from whitenoise import WhiteNoise

GZIP = "django.middleware.gzip.GZipMiddleware"
MEDIA_DAY = 86400
THUMBNAILS_YEAR = "public, max-age=31536000, immutable"

if GZIP not in settings.MIDDLEWARE:
    settings.MIDDLEWARE = [GZIP, *settings.MIDDLEWARE]

# The page benchmark's application (its ceiling answers the server's readiness probe), built now.
from marketplace.demo.pages_bench.wsgi import application as site  # noqa: E402


def media_headers(headers, path, url):
    if url.startswith(f"{settings.MEDIA_URL}thumbnails/"):
        headers["Cache-Control"] = THUMBNAILS_YEAR


application = WhiteNoise(
    site,
    autorefresh=True,  # thumbnails made while measuring are found, as nginx's try_files finds them
    max_age=MEDIA_DAY,
    add_headers_function=media_headers,
)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
