"""The database backend's index: one denormalised row per browsable product.

A :class:`ProductRecord` is a :class:`~search.documents.ProductDocument` as a
narrow row that filters, facets and sorts scan; its words live in a
separate :class:`ProductText`, which the database's full-text engine
indexes (an FTS5 table on SQLite, a tsvector column with a GIN index on
PostgreSQL, both created by migration 0002). Only browsable products have
a record, so nothing else can ever be returned.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import BadgeSetField

PLACES = ["province_code", "commune_code"]  # grouped together in one facet pass
FILTERED = ["stars", "badges", "in_stock", "price_band"]  # filtered on, and counted by their cell


class ProductRecord(models.Model):
    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=255)
    province_code = models.CharField(max_length=2, blank=True)
    commune_code = models.CharField(max_length=5, blank=True)
    stars = models.PositiveSmallIntegerField(default=0)
    badges = BadgeSetField(default=0)
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    price_band = models.PositiveSmallIntegerField(null=True)  # index into query.PRICE_BUCKETS
    in_stock = models.BooleanField(default=False)
    rating = models.FloatField(null=True)
    date_created = models.DateTimeField()
    badges_change_on = models.DateField(null=True, db_index=True)
    # Stars, badges, stock and price band packed into one integer (see backends.database.cells),
    # which the facet pass for these four families groups by.
    cell = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("product search record")
        verbose_name_plural = _("product search records")
        indexes = [
            # Covering indexes: each facet pass reads one of these instead of the wider rows,
            # whatever filters apply. Without words, a pass reads all of one in the order of
            # its leading columns (the cell, or the places), which is the order it groups by;
            # with words, it looks up each hit in the last, which leads with the record's id.
            models.Index(fields=["cell", *PLACES, "price"], name="search_record_cells"),
            models.Index(fields=[*PLACES, *FILTERED, "price"], name="search_record_places"),
            models.Index(fields=["product", "cell", *PLACES, *FILTERED, "price"], name="search_record_hits"),
            models.Index(fields=["price"], name="search_record_price"),
            models.Index(fields=["date_created"], name="search_record_newest"),
            # The orders without words: "relevance" (most stars first) and best rated, read off an index.
            models.Index(fields=["stars", "rating", "date_created"], name="search_record_relevance"),
            models.Index(fields=["rating", "stars"], name="search_record_rated"),
        ]

    def __str__(self):
        return self.title


class ProductText(models.Model):
    """A record's words, kept apart so scans of records stay narrow."""

    record = models.OneToOneField(
        ProductRecord, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    title_folded = models.TextField()  # folded title words, space-separated
    title_words = models.TextField()  # " nước mắm cá cơm ": lower-case accented words, space-delimited
    text_folded = models.TextField()  # folded words of everything searchable

    def __str__(self):
        return self.title_folded


class TitleKey(models.Model):
    """A record's folded title from one of its words on: "mat ong rung", "ong rung", "rung".

    Autocomplete reads a bounded range of an index on these (migration 0007),
    so what it costs does not grow with the catalogue: every title holding the
    typed words as typed has a key starting with them, and a title starting
    with them has one at position 0.
    """

    LENGTH = 64  # longer keys are cut; nobody types that much before choosing

    record = models.ForeignKey(ProductRecord, on_delete=models.CASCADE, related_name="title_keys")
    position = models.PositiveSmallIntegerField()  # the word the key starts at, 0 for the whole title
    folded = models.CharField(max_length=LENGTH)

    def __str__(self):
        return self.folded


class RecordCategory(models.Model):
    """A category the product is in, or an ancestor of one: a category matches its whole subtree."""

    record = models.ForeignKey(
        ProductRecord, on_delete=models.CASCADE, related_name="categories", db_index=False
    )
    category = models.ForeignKey("catalogue.Category", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["category", "record"], name="search_record_category_unique")
        ]
        # A search's hits are looked up here to count categories: this order answers from the index.
        indexes = [models.Index(fields=["record", "category"], name="search_record_categories")]

    def __str__(self):
        return f"{self.record_id} in {self.category_id}"


class RecordEnterprise(models.Model):
    """An approved enterprise that stocks the product."""

    record = models.ForeignKey(
        ProductRecord, on_delete=models.CASCADE, related_name="enterprises", db_index=False
    )
    enterprise = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "record"], name="search_record_enterprise_unique")
        ]
        indexes = [models.Index(fields=["record", "enterprise"], name="search_record_enterprises")]

    def __str__(self):
        return f"{self.record_id} sold by {self.enterprise_id}"


class IndexVersion(models.Model):
    """A token that changes in the same transaction as any record, so answers can be cached by it.

    A fresh random token rather than a counter: a rolled-back transaction's
    token is never seen again, so nothing cached under it can be mistaken
    for the state that follows.
    """

    token = models.CharField(max_length=32)
    # Counts the changes, so a process holding facet columns (backends.database.columns) can
    # read only the records changed since the revision it holds, from IndexChange.
    revision = models.PositiveBigIntegerField(default=0)
    # IndexChange rows up to this revision are gone: a process further behind reloads everything.
    pruned_through = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("search index version")

    def __str__(self):
        return self.token


class IndexChange(models.Model):
    """A product whose record was written or removed at an index revision.

    Written in the transaction that changes the record, after the revision is
    taken (which locks the version row on PostgreSQL until the commit), so
    changes commit in revision order and a reader never skips one.
    """

    revision = models.PositiveBigIntegerField(db_index=True)
    product_id = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("search index change")

    def __str__(self):
        return f"{self.product_id} at {self.revision}"
