from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from .renditions import make_page_renditions


@receiver(post_save, sender=get_image_model())
def prepare_renditions(sender, instance, raw=False, **kwargs):
    if not raw and instance.file:
        make_page_renditions(instance)
