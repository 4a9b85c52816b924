"""The Django project; importing it makes the Celery app the current one for shared tasks."""

from .celery import app as celery_app

__all__ = ("celery_app",)
