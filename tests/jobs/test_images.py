"""An uploaded image gets its thumbnails and renditions at once, not when the first shopper asks."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.loading import get_model
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from marketplace.jobs.images import RENDITIONS
from marketplace.thumbnails import VARIANTS, thumbnail_name

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db


def a_photo(name="mat-ong.jpg"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (800, 600), "orange").save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


def expected_thumbnails(source_name, family):
    return [
        thumbnail_name(source_name, options["size"], options.get("crop"), options.get("upscale", True), 85)
        for options in VARIANTS[family]
    ]


def test_a_product_photo_has_every_thumbnail_the_pages_show_once_uploaded(django_capture_on_commit_callbacks):
    product = Product.objects.browsable().first()
    with django_capture_on_commit_callbacks(execute=True):
        image = ProductImage.objects.create(product=product, original=a_photo(), display_order=9)
    for name in expected_thumbnails(image.original.name, "product-image"):
        assert default_storage.exists(name), name


def test_an_enterprise_logo_has_its_thumbnails_once_uploaded(vendor1, django_capture_on_commit_callbacks):
    enterprise = vendor1.partners.get()
    with django_capture_on_commit_callbacks(execute=True):
        enterprise.logo = a_photo("logo.jpg")
        enterprise.save()
    for name in expected_thumbnails(enterprise.logo.name, "enterprise-logo"):
        assert default_storage.exists(name), name


def test_an_image_uploaded_to_wagtail_has_the_renditions_of_the_content_templates(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(title="Đồi chè", file=get_test_image_file())
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(RENDITIONS)


def test_saving_an_enterprise_without_a_new_picture_makes_no_thumbnails_again(vendor1, monkeypatch):
    from marketplace.jobs import images

    asked = []
    monkeypatch.setattr(images, "enqueue", lambda task, *args: asked.append((task.name, args)))
    enterprise = vendor1.partners.get()
    enterprise.name = f"{enterprise.name} "
    enterprise.save()
    assert asked == []
    enterprise.logo = a_photo("logo-moi.jpg")
    enterprise.save()
    assert asked == [("jobs.make_thumbnails", (enterprise.logo.name, "enterprise-logo"))]
