"""sitemap.xml: an index of sections, each listing what a visitor may open, in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from oscar.core.loading import get_model
from wagtail.models import Page, PageViewRestriction

from cms.models import StoryPage
from marketplace.seo.head import unprefixed
from tests.seo.sitemap_reading import NS, SCHEMAS, entries, path_of, section_urls
from vendors.models import EnterpriseStatus

Category = get_model("catalogue", "Category")
Lot = get_model("catalogue", "Lot")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

SECTIONS = ("pages", "products", "categories", "enterprises", "lots", "certificates")


def locs(client, section):
    return [loc for loc, _alternates in entries(client, f"/sitemap-{section}.xml")]


def test_the_index_names_every_section(client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert section_urls(client) == [f"/sitemap-{section}.xml" for section in SECTIONS]
    assert b"<loc>http://testserver/sitemap-products.xml</loc>" in response.content


def test_products_are_the_browsable_ones_in_both_languages(client):
    listed = locs(client, "products")
    browsable = Product.objects.browsable()

    assert {path_of(loc) for loc in listed} >= {product.get_absolute_url() for product in browsable}
    assert len(listed) == 2 * browsable.count()  # Vietnamese and English


def test_an_entry_names_its_language_alternates(client):
    loc, alternates = entries(client, "/sitemap-products.xml")[0]
    assert set(alternates) == {"vi", "en", "x-default"}
    assert alternates["vi"] == alternates["x-default"] == loc


def test_a_suspended_enterprise_leaves_with_its_products(client):
    product = Product.objects.browsable().order_by("pk").first()
    enterprise = product.stockrecords.first().partner
    Partner.objects.filter(pk=enterprise.pk).update(status=EnterpriseStatus.SUSPENDED)
    hidden = set(Product.objects.exclude(pk__in=Product.objects.browsable()).values_list("pk", flat=True))
    assert product.pk in hidden

    products = {unprefixed(path_of(loc)) for loc in locs(client, "products")}
    enterprises = {unprefixed(path_of(loc)) for loc in locs(client, "enterprises")}

    assert product.get_absolute_url() not in products
    assert f"/enterprises/{enterprise.slug}/" not in enterprises
    assert enterprises == {f"/enterprises/{e.slug}/" for e in Partner.objects.approved().exclude(slug="")}


def test_lots_are_the_published_ones_once_per_lot_code(client):
    product = Product.objects.browsable().exclude(gtin="").order_by("pk").first()
    Lot.objects.create(
        product=product, lot_code="NHAP-SEO", production_date=timezone.localdate(), status=Lot.Status.DRAFT
    )

    listed = [path_of(loc) for loc in locs(client, "lots")]

    assert not any("NHAP-SEO" in path for path in listed)
    published = (
        Lot.objects.filter(status=Lot.Status.PUBLISHED, product__in=Product.objects.browsable())
        .values("product", "lot_code")
        .distinct()
    )
    assert len(listed) == 2 * published.count() and len(set(listed)) == len(listed)
    with_gtin = Lot.objects.filter(status=Lot.Status.PUBLISHED, product__in=Product.objects.browsable())
    lot = with_gtin.exclude(product__gtin="").select_related("product").first()
    assert f"/01/{lot.product.gtin.zfill(14)}/10/{lot.lot_code}" in listed  # its GS1 Digital Link


def test_certificates_are_the_public_ones(client):
    listed = {path_of(loc) for loc in locs(client, "certificates")}
    pending = OcopCertificate.objects.filter(status=OcopCertificate.Status.PENDING).first()
    verified = OcopCertificate.objects.filter(
        status=OcopCertificate.Status.VERIFIED, enterprise__in=Partner.objects.approved()
    ).first()

    assert f"/catalogue/ocop/{verified.pk}/" in listed
    if pending is not None:
        assert f"/catalogue/ocop/{pending.pk}/" not in listed


def test_categories_are_the_public_ones(client):
    hidden = Category.objects.filter(depth=1).order_by("path").first()
    Category.objects.filter(pk=hidden.pk).update(is_public=False)

    listed = {path_of(loc) for loc in locs(client, "categories")}

    assert all(f"/{hidden.pk}/" not in path for path in listed)
    shown = Category.objects.filter(is_public=True, depth=1).exclude(pk=hidden.pk).first()
    assert any(path.endswith(f"_{shown.pk}/") for path in listed)


def test_content_pages_are_the_live_public_ones(client, committing):
    told, drafted, private = StoryPage.objects.live().order_by("pk")[:3]
    Page.objects.filter(pk=drafted.pk).update(live=False)
    with committing():
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    listed = {path_of(loc) for loc in locs(client, "pages")}

    assert told.url in listed and "/" in listed
    assert drafted.url not in listed and private.url not in listed


def test_sections_cost_the_same_few_queries_however_many_items(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/sitemap-products.xml")
    assert len(queries) <= 6


def test_a_page_of_a_section_beyond_the_last_is_not_found(client):
    assert client.get("/sitemap-products.xml?p=99").status_code == 404
    assert client.get("/sitemap-products.xml?p=x").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def test_the_index_and_every_section_validate_against_the_sitemap_schemas(client):
    index_schema, sitemap_schema = schema("siteindex.xsd"), schema("sitemap.xsd")
    index = etree.fromstring(client.get("/sitemap.xml").content)
    index_schema.assertValid(index)
    for section in section_urls(client):
        urlset = etree.fromstring(client.get(section).content)
        sitemap_schema.assertValid(urlset)
        assert urlset.findall("s:url", NS), section  # every section lists something
