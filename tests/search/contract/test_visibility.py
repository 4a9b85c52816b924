"""Only what a shopper may buy is ever found, with the badges that hold on the day."""

from dataclasses import replace
from datetime import timedelta

from django.utils import timezone
from oscar.core.loading import get_model

from search.query import BadgeKind, Facet, ProductQuery

from .conftest import ALL, Reference, counted, everything

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
OcopCertificate = get_model("catalogue", "OcopCertificate")
StockRecord = get_model("partner", "StockRecord")


def test_only_browsable_products_are_ever_returned(backend):
    found = set(everything(backend))
    assert found == set(Product.objects.browsable().values_list("pk", flat=True))


def test_products_of_enterprises_not_approved_are_never_found(backend, committed):
    waiting = Partner.objects.create(name="HTX Chờ Duyệt", slug="htx-cho-duyet", status="submitted")
    with committed():
        product = Product.objects.create(title="Mật ong bạc hà chờ duyệt", is_public=True)
        StockRecord.objects.create(product=product, partner=waiting, partner_sku="CHO-1", price=90_000)
    for text in ("", "mat ong", "bac ha", "cho duyet"):
        assert product.pk not in everything(backend, text=text)
    assert str(waiting.pk) not in {
        value.value for value in backend.search(ProductQuery()).facets[Facet.ENTERPRISE]
    }
    assert backend.suggest("mat ong bac") == []


def test_an_expired_certificate_drops_its_badge_and_its_stars(backend):
    today = timezone.localdate()
    candidates = sorted(
        (
            (certificate.expires_on, certificate.pk, certificate, product)
            for certificate in OcopCertificate.objects.filter(status="verified").prefetch_related("products")
            if certificate.decision_date <= today < certificate.expires_on
            for product in certificate.products.all()
        ),
        key=lambda candidate: candidate[:2],
    )
    for expiry, _pk, certificate, product in candidates:
        after = Reference(on=expiry)
        (document,) = after.documents_with(lambda d, product=product: d.product_id == product.pk) or [None]
        if document and document.stars < certificate.stars:
            break
    else:
        raise AssertionError("the demo has a product whose only certificate of its stars expires")
    assert product.pk in everything(backend, min_stars=certificate.stars)

    assert backend.refresh_badges(on=expiry) >= 1

    assert product.pk not in everything(backend, min_stars=certificate.stars)
    if not document.stars:
        assert product.pk not in everything(backend, badges=(BadgeKind.OCOP,))
    for query in (ProductQuery(), ProductQuery(min_stars=certificate.stars), ProductQuery(text="tieu")):
        results = backend.search(replace(query, per_page=ALL))
        assert {product.pk for product in results.products} == after.hits(query)
        assert counted(results) == after.facet_counts(query)


def test_refreshing_badges_before_any_change_rebuilds_nothing(backend):
    yesterday = timezone.localdate() - timedelta(days=1)
    assert backend.refresh_badges(on=yesterday) == 0
