"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE themselves."""

import os

from django.core.wsgi import get_wsgi_application

from marketplace.operations.workers import settle_garbage_collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.production")

application = get_wsgi_application()
settle_garbage_collector()  # what is loaded now lives as long as the worker
