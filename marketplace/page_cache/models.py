from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentRevision(models.Model):
    """One row counting the changes shoppers could see; a cached page is fresh while nothing it shows changed.

    Taking the next revision locks this row until the change's transaction commits, so
    revisions commit in order and a reader that sees revision ``n`` sees every change up to it.
    """

    revision = models.PositiveBigIntegerField(default=0)
    # ContentChange rows up to this revision are gone: a page older than that is rendered again.
    pruned_through = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content revision")

    def __str__(self):
        return str(self.revision)


class ContentChange(models.Model):
    """What a revision changed, as page tags (``product:12``, ``enterprise:3``, ``listing``, ``cms``…)."""

    revision = models.PositiveBigIntegerField(db_index=True)
    tag = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("content change")

    def __str__(self):
        return f"{self.tag} at {self.revision}"
