"""The WSGI application the page benchmark serves: the project's own, plus the ceiling and a query count.

gunicorn loads it with the production settings (``DJANGO_SETTINGS_MODULE`` from the bench);
before the application is built, the benchmark's URLs (``urls``: the site's own and
``/__bench__/ceiling/<bytes>/``) take the place of the site's and the query-counting middleware
goes outermost. This is done here, at startup of the benchmark's processes only, rather than
in a settings module, so that the demo app imports nothing of the project's settings.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from marketplace.operations.workers import settle_garbage_collector

URLCONF = "marketplace.demo.pages_bench.urls"
MIDDLEWARE = "marketplace.demo.pages_bench.serving.count_queries"

if settings.ROOT_URLCONF != URLCONF:
    settings.BENCH_SITE_URLCONF = settings.ROOT_URLCONF
    settings.ROOT_URLCONF = URLCONF
    settings.MIDDLEWARE = [MIDDLEWARE, *settings.MIDDLEWARE]

application = get_wsgi_application()
settle_garbage_collector()  # as the project's own WSGI module does
