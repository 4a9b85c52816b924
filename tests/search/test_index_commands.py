"""The operator's commands: rebuild the whole index, and the daily badge refresh."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from search.backends import get_backend
from search.models import ProductRecord
from search.query import ProductQuery

Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")

pytestmark = pytest.mark.django_db


def test_rebuild_indexes_every_browsable_product_and_shows_progress(capsys):
    ProductRecord.objects.filter(pk__in=Product.objects.values("pk")[:5]).delete()
    out = StringIO()
    call_command("search_index", rebuild=True, stdout=out)
    browsable = set(Product.objects.browsable().values_list("pk", flat=True))
    assert set(ProductRecord.objects.values_list("pk", flat=True)) == browsable
    assert f"{len(browsable)} products indexed" in out.getvalue()
    assert "Search index" in capsys.readouterr().err  # the progress bar


def test_rebuild_drops_records_of_products_no_longer_browsable():
    product = Product.objects.browsable().first()
    Product.objects.filter(pk=product.pk).update(is_public=False)  # no signal: only a rebuild notices
    call_command("search_index", rebuild=True, verbosity=0)
    assert not ProductRecord.objects.filter(pk=product.pk).exists()


def test_search_index_without_an_action_says_what_to_do():
    with pytest.raises(Exception, match="--rebuild"):
        call_command("search_index")


def test_refresh_badges_rebuilds_the_records_whose_certificate_expired_today():
    today = timezone.localdate()
    product = Product.objects.browsable().filter(ocop_certificates__isnull=True).first()
    certificate = OcopCertificate.objects.create(
        enterprise=product.stockrecords.first().partner,
        decision_number="5/QĐ-UBND",
        decision_date=today - timedelta(days=400),
        valid_until=today,  # the recognition ends today
        issuer="UBND tỉnh Quảng Trị",
        stars=4,
        status=OcopCertificate.Status.VERIFIED,
    )
    certificate.products.add(product)
    get_backend().update([product.pk], on=today - timedelta(days=1))  # as indexed last night
    assert product.pk in {
        p.pk for p in get_backend().search(ProductQuery(min_stars=4, per_page=100)).products
    }

    out = StringIO()
    call_command("refresh_badges", stdout=out)

    assert int(out.getvalue().split()[0]) >= 1  # this product, and any other whose day it is
    assert ProductRecord.objects.get(pk=product.pk).stars == 0
    assert product.pk not in {
        p.pk for p in get_backend().search(ProductQuery(min_stars=3, per_page=100)).products
    }
