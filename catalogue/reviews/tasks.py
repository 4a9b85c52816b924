"""The reviews' background work: inviting a shopper to review after a delivery."""

from celery import shared_task

from marketplace.jobs.base import BackgroundTask


@shared_task(base=BackgroundTask, name="reviews.send_invitation")
def send_review_invitation(change_pk):
    from .invitations import send_now

    send_now(change_pk)
