"""Images are made ready when they are uploaded, by a worker, not by the first shopper who sees them.

Product photos and enterprise logos and banners get the thumbnails the
templates ask for (``marketplace.thumbnails.VARIANTS``); images uploaded to
Wagtail get the renditions the content templates ask for. Only a new upload
asks: saving an enterprise's status or a photo's order makes nothing again.
"""

from django.db.models.signals import post_save, pre_save
from oscar.core.loading import get_model
from wagtail.images import get_image_model

from .outbox import enqueue

# The renditions cms templates use ({% image … %}): hero, story page and block, story card.
RENDITIONS = ("fill-1600x600", "width-1200", "fill-600x340")

# model -> {image field: thumbnail family}
THUMBNAILED = {
    ("catalogue", "ProductImage"): {"original": "product-image"},
    ("partner", "Partner"): {"logo": "enterprise-logo", "banner": "enterprise-banner"},
}


def _note_uploads(sender, instance, raw=False, **kwargs):
    """Before the save stores them: the image fields holding a file not yet stored (a new upload)."""
    fields = THUMBNAILED[sender._meta.app_label, sender._meta.object_name]
    instance._new_uploads = (
        []
        if raw
        else [name for name in fields if getattr(instance, name) and not getattr(instance, name)._committed]
    )


def _make_thumbnails(sender, instance, **kwargs):
    from .tasks import make_thumbnails

    fields = THUMBNAILED[sender._meta.app_label, sender._meta.object_name]
    for name in getattr(instance, "_new_uploads", ()):
        enqueue(make_thumbnails, getattr(instance, name).name, fields[name])
    instance._new_uploads = []


def _wagtail_image_saved(sender, instance, created, raw=False, **kwargs):
    from .tasks import make_renditions

    if created and not raw:
        enqueue(make_renditions, instance.pk)


def connect():
    for app_label, model_name in THUMBNAILED:
        model = get_model(app_label, model_name)
        pre_save.connect(_note_uploads, sender=model, dispatch_uid=f"jobs-uploads-{model_name}")
        post_save.connect(_make_thumbnails, sender=model, dispatch_uid=f"jobs-thumbnails-{model_name}")
    post_save.connect(_wagtail_image_saved, sender=get_image_model(), dispatch_uid="jobs-wagtail-image")
