"""Images are made ready when they are uploaded, by a worker, not by the first shopper who sees them.

Product photos and enterprise logos and banners get the thumbnails the
templates ask for (``marketplace.thumbnails.VARIANTS``); images uploaded to
Wagtail get the renditions the content templates ask for.
"""

from django.db.models.signals import post_save
from oscar.core.loading import get_model
from wagtail.images import get_image_model

from .outbox import enqueue

# The renditions cms templates use ({% image … %}): hero, story page and block, story card.
RENDITIONS = ("fill-1600x600", "width-1200", "fill-600x340")


def _product_image_saved(sender, instance, raw=False, **kwargs):
    from .tasks import make_thumbnails

    if not raw and instance.original:
        enqueue(make_thumbnails, instance.original.name, "product-image")


def _enterprise_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    from .tasks import make_thumbnails

    if raw:
        return
    for field, family in (("logo", "enterprise-logo"), ("banner", "enterprise-banner")):
        image = getattr(instance, field)
        if image and (update_fields is None or field in update_fields):
            enqueue(make_thumbnails, image.name, family)


def _wagtail_image_saved(sender, instance, created, raw=False, **kwargs):
    from .tasks import make_renditions

    if created and not raw:
        enqueue(make_renditions, instance.pk)


def connect():
    post_save.connect(
        _product_image_saved, sender=get_model("catalogue", "ProductImage"), dispatch_uid="jobs-img"
    )
    post_save.connect(
        _enterprise_saved, sender=get_model("partner", "Partner"), dispatch_uid="jobs-enterprise"
    )
    post_save.connect(_wagtail_image_saved, sender=get_image_model(), dispatch_uid="jobs-wagtail-image")
