"""Stories built as an editor builds them: a StoryPage under the story index, saved and published."""

from datetime import date

from django.utils import timezone
from oscar.core.loading import get_model

from cms.models import StoryIndexPage, StoryPage

Lot = get_model("catalogue", "Lot")


def publish_story(title, body=(), **fields):
    """A live story with ``body`` given as (block type, value) pairs."""
    story = StoryPage(
        title=title,
        date=fields.pop("date", date(2026, 11, 1)),
        intro=f"{title}: intro",
        body=list(body),
        **fields,
    )
    StoryIndexPage.objects.live().first().add_child(instance=story)
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def published_lot(exclude_product=None):
    """A published lot, with steps, of a product shoppers may see."""
    Product = get_model("catalogue", "Product")
    lots = Lot.objects.filter(
        status=Lot.Status.PUBLISHED, steps__isnull=False, product__in=Product.objects.browsable()
    )
    if exclude_product is not None:
        lots = lots.exclude(product=exclude_product)
    return lots.order_by("pk").select_related("product").first()


def draft_lot(product):
    """A lot its enterprise is still drafting."""
    lot = Lot.objects.create(
        product=product, lot_code="NHAP-1", production_date=timezone.localdate(), status=Lot.Status.DRAFT
    )
    lot.steps.create(event="Thu hoạch", date=timezone.localdate())
    return lot
