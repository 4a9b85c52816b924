"""Traceability pages, their QR codes and OCOP certificate pages show only published, verified facts."""

import io
from datetime import date

import pytest
import zxingcpp
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from catalogue import traceability
from catalogue.gtin import digital_link_path, gtin_check_digit
from catalogue.models import Lot, LotCertification, LotStep, OcopCertificate, Product
from tests.factories import ocop_certificate
from vendors.models import EnterpriseStatus
from vendors.review import move

pytestmark = pytest.mark.django_db

GTIN = "893000000001" + gtin_check_digit("893000000001")
LOT = "TEST-2025-07"


@pytest.fixture
def product():
    product = Product.objects.browsable().order_by("pk").first()
    product.gtin = GTIN
    product.save()
    return product


def sellers(product):
    return {record.partner for record in product.stockrecords.all() if record.partner.is_approved}


def recorded_lot(product, code=LOT, publish=True):
    """A lot whose steps are created out of order: the page must order them by position."""
    lot = Lot.objects.create(
        product=product,
        lot_code=code,
        production_date=date(2025, 7, 2),
        best_before=date(2026, 7, 2),
        area_code="VG-TN-0042",
        quantity="500 hộp",
    )
    LotStep.objects.create(lot=lot, position=3, event="Đóng gói", date=date(2025, 7, 4), place="Xưởng")
    LotStep.objects.create(lot=lot, position=1, event="Thu hoạch chè", date=date(2025, 7, 2), actor="Tổ 3")
    LotStep.objects.create(lot=lot, position=2, event="Sao chè", date=date(2025, 7, 3))
    LotCertification.objects.create(lot=lot, scheme="vietgap", number="VG-123", issuer="Trung tâm A")
    return traceability.publish(lot) if publish else lot


def page(product, code=LOT):
    return digital_link_path(product.gtin, code)


def pk_page(product, code=LOT):
    return reverse("catalogue:trace", kwargs={"product_pk": product.pk, "lot": code})


def qr(product, fmt, code=LOT):
    return reverse("catalogue:trace-qr", kwargs={"product_pk": product.pk, "lot": code, "fmt": fmt})


def test_the_digital_link_page_shows_the_lot_its_steps_in_order_and_the_enterprise(client, product):
    recorded_lot(product)
    response = client.get(page(product))
    assert response.status_code == 200
    html = response.content.decode()
    assert LOT in html and "VG-TN-0042" in html and "500 hộp" in html and "VG-123" in html
    assert html.index("Thu hoạch chè") < html.index("Sao chè") < html.index("Đóng gói")
    enterprise = sellers(product).pop()
    assert enterprise.name in html
    assert reverse("enterprises:detail", kwargs={"slug": enterprise.slug}) in html
    assert f'href="{product.get_absolute_url()}"' in html
    assert f'<link rel="canonical" href="http://testserver{page(product)}">' in html


def test_a_gtin_stored_in_its_14_digit_form_resolves_too(client, product):
    product.gtin = "0" + GTIN
    product.save()
    recorded_lot(product)
    assert client.get(page(product)).status_code == 200


def test_a_draft_lot_is_not_public(client, product):
    recorded_lot(product, publish=False)
    assert client.get(page(product)).status_code == 404
    assert client.get(pk_page(product)).status_code == 404
    assert client.get(qr(product, "png")).status_code == 404


def test_an_unknown_lot_or_gtin_is_not_found(client, product):
    recorded_lot(product)
    assert client.get(page(product, "NO-SUCH-LOT")).status_code == 404
    other = "893000000002" + gtin_check_digit("893000000002")
    assert client.get(digital_link_path(other, LOT)).status_code == 404


def test_the_product_page_address_redirects_to_the_digital_link(client, product):
    recorded_lot(product)
    response = client.get(pk_page(product))
    assert response.status_code == 302
    assert response["Location"] == page(product)


def test_a_product_without_gtin_is_served_at_its_product_address(client, product):
    product.gtin = ""
    product.save()
    recorded_lot(product)
    response = client.get(pk_page(product))
    assert response.status_code == 200
    assert LOT in response.content.decode()
    assert 'rel="canonical"' not in response.content.decode()


def test_a_suspended_enterprises_lot_is_not_found(client, product, reviewer):
    recorded_lot(product)
    for enterprise in sellers(product):
        move(enterprise, EnterpriseStatus.SUSPENDED, by=reviewer, reason="x")
    assert client.get(page(product)).status_code == 404
    assert client.get(qr(product, "svg")).status_code == 404


def test_a_revised_lot_shows_the_new_revision_and_keeps_the_history(client, product):
    first = recorded_lot(product).pk
    draft = traceability.revise(Lot.objects.get(pk=first), "Sửa ngày thu hoạch")
    draft.production_date = date(2025, 7, 1)
    draft.save()
    assert client.get(page(product)).context["lot"].pk == first  # a draft revision is never public
    traceability.publish(draft)

    response = client.get(page(product))
    assert response.context["lot"] == draft
    assert [lot.revision for lot in response.context["history"]] == [2, 1]
    html = response.content.decode()
    assert "trace__revised" in html and "Sửa ngày thu hoạch" in html
    assert html.count('class="trace__revision') == 2


def test_the_qr_code_png_decodes_to_the_public_page(client, product):
    recorded_lot(product)
    response = client.get(qr(product, "png"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="qr-{LOT}.png"'
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert code.text == f"http://testserver{page(product)}"


def test_the_qr_code_svg(client, product):
    recorded_lot(product)
    response = client.get(qr(product, "svg"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "<svg" in response.content.decode()
    assert client.get(qr(product, "gif")).status_code == 404


def certificate(product, status, decision_date=None):
    return ocop_certificate(product, sellers(product).pop(), status=status, decision_date=decision_date)


def certificate_page(certificate):
    return reverse("catalogue:ocop-certificate", kwargs={"pk": certificate.pk})


def test_a_verified_certificate_is_public_and_named_on_the_lot_page(client, product):
    verified = certificate(product, OcopCertificate.Status.VERIFIED)
    response = client.get(certificate_page(verified))
    assert response.status_code == 200
    assert response.context["standing"] == "in-force"
    html = response.content.decode()
    assert verified.decision_number in html and product.get_absolute_url() in html

    recorded_lot(product)
    assert certificate_page(verified) in client.get(page(product)).content.decode()


@pytest.mark.parametrize("status", [OcopCertificate.Status.PENDING, OcopCertificate.Status.REJECTED])
def test_an_unverified_certificate_is_not_found(client, product, status):
    assert client.get(certificate_page(certificate(product, status))).status_code == 404


def test_an_expired_certificate_says_so(client, product):
    expired = certificate(
        product, OcopCertificate.Status.VERIFIED, timezone.localdate() - relativedelta(months=40)
    )
    response = client.get(certificate_page(expired))
    assert response.status_code == 200
    assert response.context["standing"] == "expired"
    assert "certificate__standing--expired" in response.content.decode()
    recorded_lot(product)
    assert client.get(page(product)).context["certificate"] != expired  # no longer in force
