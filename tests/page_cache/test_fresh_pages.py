"""A page served from the cache is the page as it is now: every change a shopper could see
shows on the very next request, and only the pages showing it are rendered again."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.models import PageViewRestriction

from catalogue.models import OcopCertificate
from cms.models import HomePage, StoryIndexPage
from marketplace.page_cache.release import release, source_digest
from tests.factories import ocop_certificate
from vendors import review
from vendors.models import EnterpriseStatus

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what each change does once it commits (the site's signals), as a real request would."""

    def commit():
        return django_capture_on_commit_callbacks(execute=True)

    return commit


@pytest.fixture
def record():
    return (
        StockRecord.objects.filter(partner__status=EnterpriseStatus.APPROVED, num_in_stock__gt=0)
        .select_related("product", "partner")
        .order_by("pk")
        .first()
    )


@pytest.fixture
def other_record(record):
    return (
        StockRecord.objects.filter(partner__status=EnterpriseStatus.APPROVED, num_in_stock__gt=0)
        .exclude(product=record.product)
        .order_by("pk")
        .first()
    )


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def cached(client, url):
    """The page, asked twice: the second answer comes from the cache."""
    served(client, url)
    response = served(client, url)
    assert response["X-Page-Cache"] == "hit"
    return response


def html(response):
    return response.content.decode()


def test_a_page_asked_again_comes_from_the_cache_in_at_most_two_queries(
    client, record, django_assert_max_num_queries
):
    url = record.product.get_absolute_url()
    assert served(client, url)["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(2):  # the content revision, and the product's view count
        assert served(client, url)["X-Page-Cache"] == "hit"


def test_a_new_price_shows_on_the_product_page_and_the_lists_at_once(client, record, committing):
    product_url = record.product.get_absolute_url()
    cached(client, product_url)
    cached(client, "/catalogue/")
    with committing():
        record.price = Decimal("123456")
        record.save()
    assert "123.456" in html(served(client, product_url))
    assert "123.456" in html(served(client, "/catalogue/"))


def test_a_sold_out_product_says_so_at_once(client, record, committing):
    url = record.product.get_absolute_url()
    assert 'id="add_to_basket_form"' in html(cached(client, url))
    with committing():
        record.num_in_stock = record.num_allocated or 0
        record.save()
    assert 'id="add_to_basket_form"' not in html(served(client, url))


def test_a_new_title_shows_at_once(client, record, committing):
    url = record.product.get_absolute_url()
    cached(client, url)
    with committing():
        product = Product.objects.get(pk=record.product_id)
        product.title = "Nước mắm nhĩ đặc biệt mới"
        product.save()
    assert "Nước mắm nhĩ đặc biệt mới" in html(served(client, url))


def test_a_verified_certificate_shows_its_badge_at_once(client, record, committing):
    product = record.product
    OcopCertificate.objects.filter(products=product).delete()
    url = product.get_absolute_url()
    assert "3981/QĐ-UBND" not in html(cached(client, url))
    with committing():
        ocop_certificate(
            product,
            record.partner,
            decision_number="3981/QĐ-UBND",
            decision_date=timezone.localdate() - timedelta(days=90),
        )
    assert "3981/QĐ-UBND" in html(served(client, url))


def test_a_suspended_enterprise_takes_its_product_pages_and_storefront_down_at_once(
    client, record, committing, reviewer
):
    product_url = record.product.get_absolute_url()
    storefront_url = f"/enterprises/{record.partner.slug}/"
    cached(client, product_url)
    cached(client, storefront_url)
    with committing():
        review.move(record.partner, EnterpriseStatus.SUSPENDED, by=reviewer, reason="Hàng giả")
    assert client.get(product_url).status_code == 404
    assert client.get(storefront_url).status_code == 404


def test_a_published_content_page_shows_at_once(client, committing):
    home = HomePage.objects.live().first()
    assert "Mùa mật ong rừng" not in html(cached(client, home.url))
    with committing():
        home.hero_title = "Mùa mật ong rừng"
        home.save_revision().publish()
    assert "Mùa mật ong rừng" in html(served(client, home.url))


def test_a_badge_that_expires_overnight_is_gone_the_next_morning(client, record, committing, monkeypatch):
    product = record.product
    OcopCertificate.objects.filter(products=product).delete()
    today = timezone.localdate()
    with committing():
        certificate = ocop_certificate(
            product,
            record.partner,
            stars=3,
            decision_date=today - timedelta(days=3 * 365),
            valid_until=today + timedelta(days=1),
        )
    url = product.get_absolute_url()
    assert certificate.decision_number in html(cached(client, url))
    tomorrow = today + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert certificate.decision_number not in html(served(client, url))


def test_a_change_renders_again_only_the_pages_that_show_it(client, record, other_record, committing):
    stories = StoryIndexPage.objects.live().first()
    pages = [record.product.get_absolute_url(), other_record.product.get_absolute_url(), stories.url]
    for url in pages:
        cached(client, url)
    with committing():
        record.price = Decimal("99000")
        record.save()
    answers = {url: served(client, url)["X-Page-Cache"] for url in pages}
    assert answers == {pages[0]: "miss", pages[1]: "hit", pages[2]: "hit"}


def test_a_page_made_private_leaves_the_cache_at_once(client, committing):
    stories = StoryIndexPage.objects.live().first()
    cached(client, stories.url)
    with committing():
        PageViewRestriction.objects.create(page=stories, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(stories.url).status_code == 302  # to the sign-in page


@pytest.fixture
def next_release(settings):
    """Deploys the next release; the previous one's pages may still be in the cache."""

    def deploy(name):
        settings.PAGE_CACHE_RELEASE = name
        release.cache_clear()

    yield deploy
    release.cache_clear()


def test_a_new_release_renders_its_pages_again(client, record, next_release):
    url = record.product.get_absolute_url()
    next_release("2026.12.1")
    cached(client, url)

    next_release("2026.12.2")
    assert served(client, url)["X-Page-Cache"] == "miss"
    assert served(client, url)["X-Page-Cache"] == "hit"


def test_without_a_release_name_a_change_of_the_source_is_a_new_release(tmp_path):
    (tmp_path / "catalogue" / "templates").mkdir(parents=True)
    template = tmp_path / "catalogue" / "templates" / "page.html"
    template.write_text("<p>Mật ong</p>")
    before = source_digest(tmp_path)
    template.write_text("<p>Mật ong rừng</p>")
    assert source_digest(tmp_path) != before
