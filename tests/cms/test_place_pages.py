"""Place pages (issue 19): a page per commune or ward of the province, kept in step with the
administrative units, listing what verified data puts there and nothing else."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.models import PageViewRestriction

from catalogue.models import ClaimStatus
from cms.models import StoryIndexPage, StoryPage
from cms.place_pages import PRODUCTS_PER_PAGE, PlaceIndexPage, PlacePage, ensure_place_pages
from places.models import Commune, Province
from vendors.models import EnterpriseStatus

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_built_afresh(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def province():
    return Province.objects.get(code=settings.MARKETPLACE_PROVINCE_CODE)


@pytest.fixture
def place(province):
    """The page of a commune where no demo product comes from nor any enterprise is: a blank slate."""
    taken = set(Product.objects.values_list("origin_commune", flat=True)) | set(
        Partner.objects.values_list("commune", flat=True)
    )
    commune = province.communes.exclude(pk__in=taken - {None}).order_by("code").first()
    return PlacePage.objects.get(commune=commune)


def browsable(count, skip=0):
    return list(Product.objects.browsable().order_by("pk")[skip : skip + count])


def originate(products, commune, status=ClaimStatus.VERIFIED, specialty=False):
    """The Department's decision on where ``products`` come from, as the review page records it."""
    Product.objects.filter(pk__in=[product.pk for product in products]).update(
        origin_province=commune.province,
        origin_commune=commune,
        origin_status=status,
        is_provincial_specialty=specialty,
    )


def shown(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response.content.decode()


def section(html, name):
    """The HTML of one section of a place page (``place__<name>``), empty when it is not shown."""
    start = html.find(f'class="place__{name}"')
    return "" if start < 0 else html[start : html.find("</section>", start)]


def tag(story, commune):
    """The story is about the commune, as an editor ticks it under "Places this story is about"."""
    story.places.add(commune)
    story.save()


def cards_in(html):
    return html.count('<article class="product_pod"')


# --- Kept in step with the administrative units ----------------------------------------------


def test_the_demo_gives_every_commune_of_the_province_one_live_page(province):
    pages = PlacePage.objects.live().filter(commune__province=province)
    assert pages.count() == province.communes.count() == 78
    assert set(pages.values_list("title", flat=True)) == set(province.communes.values_list("name", flat=True))
    assert PlaceIndexPage.objects.live().get().get_children().count() == 78


def test_running_it_again_creates_nothing(province):
    report = ensure_place_pages(province)

    assert (report.created, report.renamed, report.index_created) == (0, 0, False)
    assert PlacePage.objects.count() == 78


def test_a_renamed_commune_renames_its_page_and_keeps_the_editors_text(client, place, province):
    place.intro = "Vùng đất của những làng nghề."
    place.body = [("paragraph", "<p>Đình làng trăm năm tuổi.</p>")]
    place.save_revision().publish()
    Commune.objects.filter(pk=place.commune_id).update(name="Phường Mới Đặt Tên")

    report = ensure_place_pages(province)

    place.refresh_from_db()
    assert report.renamed == 1 and place.title == "Phường Mới Đặt Tên"
    html = shown(client, place)
    assert "Phường Mới Đặt Tên" in html
    assert "Vùng đất của những làng nghề." in html and "Đình làng trăm năm tuổi." in html


def test_a_new_commune_gets_a_page_its_slug_made_unique_with_its_code(client, place, province):
    twin = Commune.objects.create(
        code="99999",
        name=place.commune.name,
        division_type="Xã",
        province=province,
        slug=place.slug,
        data_version=province.data_version,
    )

    assert ensure_place_pages(province).created == 1

    page = PlacePage.objects.get(commune=twin)
    assert page.live and page.slug == f"{place.slug}-99999"
    assert shown(client, page)


def test_import_places_keeps_the_pages_in_step(province):
    Commune.objects.filter(pk=province.communes.order_by("code").first().pk).update(name="Xã Tên Cũ")
    call_command("import_places", province=[province.code], verbosity=0)

    assert set(PlacePage.objects.values_list("title", flat=True)) == set(
        province.communes.values_list("name", flat=True)
    )
    assert not PlacePage.objects.filter(title="Xã Tên Cũ").exists()


# --- What a place page lists --------------------------------------------------------------------


def test_only_browsable_products_of_verified_origin_here_are_listed(client, place, province):
    verified, claimed, rejected, elsewhere = browsable(4)
    sellers = Partner.objects.filter(stockrecords__product__in=[verified, claimed, rejected, elsewhere])
    unapproved = Product.objects.browsable().exclude(stockrecords__partner__in=sellers).order_by("pk")[0]
    originate([verified], place.commune)
    originate([claimed], place.commune, ClaimStatus.CLAIMED)
    originate([rejected], place.commune, ClaimStatus.REJECTED)
    other = province.communes.exclude(pk=place.commune_id).first()
    originate([elsewhere], other)
    originate([unapproved], place.commune)
    Partner.objects.filter(stockrecords__product=unapproved).update(status=EnterpriseStatus.SUSPENDED)

    html = shown(client, place)

    products = section(html, "products")
    assert verified.get_absolute_url() in products
    for absent in (claimed, rejected, elsewhere, unapproved):
        assert absent.get_absolute_url() not in html
    assert cards_in(products) == 1


def test_specialties_are_shown_first_and_apart(client, place):
    specialty, product = browsable(2)
    originate([specialty], place.commune, specialty=True)
    originate([product], place.commune)

    html = shown(client, place)

    specialties, products = section(html, "specialties"), section(html, "products")
    assert specialty.get_absolute_url() in specialties and product.get_absolute_url() not in specialties
    assert product.get_absolute_url() in products and specialty.get_absolute_url() not in products
    assert html.index('class="place__specialties"') < html.index('class="place__products"')


def test_a_place_without_verified_products_says_so(client, place):
    html = shown(client, place)
    assert 'class="place__no-products"' in html
    assert cards_in(html) == 0


def test_products_come_a_page_at_a_time(client, place):
    products = browsable(PRODUCTS_PER_PAGE + 3)
    originate(products, place.commune)

    first, second = shown(client, place), shown(client, place, "?page=2")

    assert cards_in(section(first, "products")) == PRODUCTS_PER_PAGE
    assert cards_in(section(second, "products")) == 3
    assert 'href="?page=2#products"' in first
    assert products[-1].get_absolute_url() in second and products[-1].get_absolute_url() not in first
    assert cards_in(section(shown(client, place, "?page=abc"), "products")) == PRODUCTS_PER_PAGE
    assert cards_in(section(shown(client, place, "?page=999"), "products")) == 3


def test_approved_enterprises_here_are_listed_with_a_link_to_their_storefront(client, place):
    approved = Partner.objects.approved().exclude(slug=None).order_by("pk")[0]
    waiting = Partner.objects.exclude(status=EnterpriseStatus.APPROVED).order_by("pk")[0]
    Partner.objects.filter(pk__in=[approved.pk, waiting.pk]).update(commune=place.commune)

    enterprises = section(shown(client, place), "enterprises")

    assert approved.name in enterprises and f"/enterprises/{approved.slug}/" in enterprises
    assert approved.get_kind_display() in enterprises
    assert waiting.name not in enterprises


def test_public_live_stories_about_the_place_are_listed(client, place, committing):
    told, draft, private = StoryPage.objects.live().order_by("pk")[:3]
    for story in (told, draft, private):
        tag(story, place.commune)
    StoryPage.objects.filter(pk=draft.pk).update(live=False)
    with committing():
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    stories = section(shown(client, place), "stories")

    assert told.title in stories
    assert draft.title not in stories and private.title not in stories


def test_a_story_links_to_the_places_it_is_about(client, place):
    story = StoryPage.objects.live().filter(places=None).first()
    tag(story, place.commune)

    html = shown(client, story)

    assert f'href="{place.url}"' in html and place.title in html


def test_the_demo_stories_link_to_their_places(client):
    story = StoryPage.objects.get(slug="nuoc-mam-cua-tung")
    assert list(story.places.values_list("name", flat=True)) == ["Xã Cửa Tùng"]
    assert PlacePage.objects.get(commune__name="Xã Cửa Tùng").url in shown(client, story)


def test_the_index_lists_the_places_with_their_verified_products(client, place):
    originate(browsable(2), place.commune)

    html = shown(client, PlaceIndexPage.objects.get())

    assert html.count("<li>") >= 78
    assert f'href="{place.url}"' in html
    assert "2 sản phẩm có nguồn gốc đã xác minh" in html


def test_a_place_page_costs_the_same_few_queries_with_many_products_and_enterprises(client, place):
    originate(browsable(1), place.commune)
    tag(StoryPage.objects.live().first(), place.commune)
    few = place_queries(client, place)

    products = browsable(50)
    originate(products, place.commune, specialty=False)
    originate(products[:6], place.commune, specialty=True)
    enterprises = list(Partner.objects.approved().exclude(slug=None).order_by("pk")[:10])
    Partner.objects.filter(pk__in=[enterprise.pk for enterprise in enterprises]).update(commune=place.commune)
    for story in StoryPage.objects.live():
        tag(story, place.commune)
    many = place_queries(client, place)

    html = shown(client, place)
    assert cards_in(html) == min(len(products), PRODUCTS_PER_PAGE + 6)
    assert section(html, "enterprises").count("<li>") == len(enterprises)
    assert (many, few) == (few, few) and many <= 15


def place_queries(client, place):
    """The queries of the place page, opened a second time (the first fills what is kept)."""
    client.get(place.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(place.url).status_code == 200
    return len(captured)


def test_an_editor_can_open_a_place_page_in_the_admin_but_not_change_its_commune(client, editor, place):
    client.force_login(editor)
    response = client.get(f"/cms/pages/{place.pk}/edit/")
    assert response.status_code == 200
    assert response.context["form"].fields["commune"].disabled


def test_the_place_index_sits_under_the_home_page():
    index = PlaceIndexPage.objects.get()
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert StoryIndexPage.objects.exists()


def test_bootstrap_reports_the_place_pages_it_keeps(province):
    from marketplace.operations import bootstrap

    outcome = bootstrap.ensure_place_pages(province)

    assert not (outcome.created or outcome.changed)
    assert "Place pages" in outcome.message
