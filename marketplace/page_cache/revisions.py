"""The content revision: a counter of changes shoppers could see, and the tags each change touched.

Kept in the database, not the cache, so every application process (each with its own
local-memory cache by default) learns of a change on its very next request, in one small query.
"""

from django.db import transaction
from django.db.models import F

from .models import ContentChange, ContentRevision

KEPT_REVISIONS = 5_000  # changes kept for pages rendered before them; older pages are rendered again
PRUNE_EVERY = 500  # revisions between two prunings

EVERYTHING = "everything"  # a change every page may show: categories, the site's settings


def current():
    """The revision this transaction sees (0 before the first change)."""
    return ContentRevision.objects.filter(pk=1).values_list("revision", flat=True).first() or 0


def record(tags):
    """Count a change touching ``tags``; pages showing any of them are stale from the next request."""
    tags = sorted({tag[:40] for tag in tags if tag})
    if not tags:
        return None
    with transaction.atomic():
        if not ContentRevision.objects.filter(pk=1).update(revision=F("revision") + 1):
            ContentRevision.objects.create(pk=1, revision=1)
        revision = ContentRevision.objects.values_list("revision", flat=True).get(pk=1)
        ContentChange.objects.bulk_create(ContentChange(revision=revision, tag=tag) for tag in tags)
        if revision % PRUNE_EVERY == 0:
            through = revision - KEPT_REVISIONS
            ContentChange.objects.filter(revision__lte=through).delete()
            ContentRevision.objects.filter(pk=1, pruned_through__lt=through).update(pruned_through=through)
    return revision


def changed_since(revision, now):
    """The tags changed after ``revision`` up to ``now``, or ``None`` when that history is pruned."""
    if revision >= now:
        return frozenset()
    pruned_through = (
        ContentRevision.objects.filter(pk=1).values_list("pruned_through", flat=True).first() or 0
    )
    if revision < pruned_through:
        return None
    rows = ContentChange.objects.filter(revision__gt=revision, revision__lte=now)
    return frozenset(rows.values_list("tag", flat=True).distinct())
