"""A storefront's banner keeps its place while it loads and comes at a phone's size to phones."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def banner_tag(client):
    enterprise = Partner.objects.approved().exclude(banner="").order_by("pk").first()
    assert enterprise is not None, "the demo province gives enterprises banners"
    response = client.get(reverse("enterprises:detail", kwargs={"slug": enterprise.slug}))
    assert response.status_code == 200
    tag = re.search(r'<img class="storefront__banner"[^>]*>', response.content.decode())
    assert tag, "the storefront shows its banner"
    return tag.group(0)


def test_the_banner_carries_its_width_and_height(client):
    tag = banner_tag(client)
    assert 'width="1110"' in tag and 'height="280"' in tag


def test_phones_are_offered_narrower_banners_of_the_same_shape(client):
    srcset = re.search(r'srcset="([^"]+)"', banner_tag(client)).group(1)
    widths = [candidate.split()[1] for candidate in srcset.split(", ")]
    assert widths == ["555w", "740w", "1110w"]
    assert 'sizes="(min-width: 1200px) 1110px, 100vw"' in banner_tag(client)
