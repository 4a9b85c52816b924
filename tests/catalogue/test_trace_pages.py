"""Traceability pages, their QR codes and OCOP certificate pages show only published, verified facts."""

import io
import re
from datetime import date

import pytest
import segno
import zxingcpp
from dateutil.relativedelta import relativedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from catalogue import ocop, traceability
from catalogue.gtin import digital_link_path, gtin_check_digit
from catalogue.models import Lot, LotCertification, LotStep, OcopCertificate, Product
from cms.models import ProvinceSettings
from tests.catalogue.ocop_dashboard import PDF
from tests.factories import ocop_certificate
from vendors.models import EnterpriseStatus, OfficerTitle
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


def digital_link_qr(product, fmt, code=LOT):
    return f"{page(product, code)}/qr.{fmt}"


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
    # Every page names its canonical address (marketplace.seo): without a GTIN, this one.
    assert f'<link rel="canonical" href="http://testserver{pk_page(product)}">' in response.content.decode()


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


def test_the_digital_link_serves_the_qr_code_of_the_lot(client, product):
    recorded_lot(product)
    png = client.get(digital_link_qr(product, "png"))
    assert png.status_code == 200
    assert png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    (code,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
    assert code.text == f"http://testserver{page(product)}"

    svg = client.get(digital_link_qr(product, "svg"))
    assert svg.status_code == 200
    assert svg["Content-Type"] == "image/svg+xml"
    expected = io.BytesIO()
    segno.make_qr(f"http://testserver{page(product)}", error="m", boost_error=False).save(
        expected, kind="svg", border=4
    )
    assert svg.content == expected.getvalue()  # the same symbol, encoding the canonical address
    assert svg.content.decode().lstrip().startswith(("<?xml", "<svg"))


def test_the_digital_link_qr_code_is_only_for_published_lots_and_offered_formats(client, product):
    recorded_lot(product, publish=False)
    assert client.get(digital_link_qr(product, "svg")).status_code == 404  # a draft
    recorded_lot(product, code="OTHER-LOT")
    other = "893000000002" + gtin_check_digit("893000000002")
    assert client.get(digital_link_qr(product, "png", "OTHER-LOT")).status_code == 200
    assert client.get(f"{digital_link_path(other, 'OTHER-LOT')}/qr.png").status_code == 404
    assert client.get(digital_link_qr(product, "gif", "OTHER-LOT")).status_code == 404
    assert client.get(digital_link_qr(product, "svg", "NO-SUCH-LOT")).status_code == 404


def test_the_lot_page_shows_its_qr_code_and_offers_it_to_download(client, product):
    recorded_lot(product)
    html = client.get(page(product)).content.decode()
    image = re.search(r'<img class="trace__qr-image"[^>]*>', html).group()
    assert f'src="{digital_link_qr(product, "svg")}"' in image
    assert 'width="160" height="160"' in image and 'alt="' in image and LOT in image
    assert f'href="{digital_link_qr(product, "svg")}" download' in html
    assert f'href="{digital_link_qr(product, "png")}" download' in html


def test_a_lot_without_gtin_shows_the_qr_code_at_its_product_address(client, product):
    product.gtin = ""
    product.save()
    recorded_lot(product)
    html = client.get(pk_page(product)).content.decode()
    assert f'src="{qr(product, "svg")}"' in html and f'href="{qr(product, "png")}" download' in html


PNG_SCAN = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def verified_certificate(product, reviewer, scan_name="quyet-dinh.png", content=PNG_SCAN):
    """A certificate the demo reviewer verified through the Department's workflow, with its scan."""
    pending = certificate(product, OcopCertificate.Status.PENDING)
    pending.scan = SimpleUploadedFile(scan_name, content)
    pending.save()
    ocop.move(pending, OcopCertificate.Status.VERIFIED, by=reviewer)
    return pending


def verified_line(html):
    return re.search(r'<p class="certificate__verified[^>]*>(.*?)</p>', html, re.S).group(1)


def test_a_verified_certificate_shows_its_scan_and_the_unit_and_role_that_verified_it(
    client, product, reviewer
):
    OfficerTitle.objects.create(user=reviewer, unit="Phòng Quản lý Công nghiệp", role="Chuyên viên")
    verified = verified_certificate(product, reviewer)
    html = client.get(certificate_page(verified)).content.decode()

    scan_url = reverse("catalogue:ocop-certificate-scan", kwargs={"pk": verified.pk})
    assert re.search(rf'<img class="certificate__scan-image" src="{scan_url}"[^>]* alt="[^"]+"', html)
    assert client.get(scan_url)["Content-Type"] == "image/png"
    decided = verified.status_changes.get(to_status=OcopCertificate.Status.VERIFIED).date_created
    line = verified_line(html)
    assert "Phòng Quản lý Công nghiệp" in line and "Chuyên viên" in line
    assert timezone.localtime(decided).strftime("%d/%m/%Y") in line
    for private in (reviewer.email, reviewer.last_name, reviewer.get_full_name()):
        assert private not in html


def test_a_pdf_scan_is_linked_and_an_untitled_officer_is_named_by_the_department(client, product, reviewer):
    verified = verified_certificate(product, reviewer, scan_name="quyet-dinh.pdf", content=PDF)
    html = client.get(certificate_page(verified)).content.decode()
    scan_url = reverse("catalogue:ocop-certificate-scan", kwargs={"pk": verified.pk})
    assert f'href="{scan_url}"' in html and '<img class="certificate__scan-image"' not in html
    province = ProvinceSettings.objects.order_by("pk").first().province_name
    assert province in verified_line(html)
    assert reviewer.email not in html and reviewer.last_name not in html


def test_a_revoked_certificate_shows_neither_scan_nor_verifier(client, product, reviewer):
    OfficerTitle.objects.create(user=reviewer, unit="Phòng Quản lý Công nghiệp", role="Chuyên viên")
    revoked = verified_certificate(product, reviewer)
    ocop.move(revoked, OcopCertificate.Status.REVOKED, by=reviewer, reason="x")
    response = client.get(certificate_page(revoked))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<figure class="certificate__scan' not in html and '<p class="certificate__verified' not in html
    assert "Chuyên viên" not in html
    assert (
        client.get(reverse("catalogue:ocop-certificate-scan", kwargs={"pk": revoked.pk})).status_code == 404
    )
