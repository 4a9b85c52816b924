"""The enterprise downloads its parcels' invoice data and records the issued invoice; the shopper sees it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.audit.models import AuditEntry
from marketplace.invoicing.models import InvoiceRequest, IssuedInvoice
from marketplace.order.models import Parcel
from tests.factories import parcel_of, place_order, product_of

ISSUED = {
    "template": "1",
    "series": "c26taa",
    "number": "42",
    "issued_on": "2026-12-05",
    "lookup_code": "TRACUU-42",
    "lookup_url": "https://hoadon.example.vn/tra-cuu",
}


@pytest.fixture
def order(shopper, vendor1, vendor2, company):
    return place_order(shopper, {product_of(vendor1): 2, product_of(vendor2): 1}, confirm=True)


@pytest.fixture
def own_parcel(order, vendor1):
    return parcel_of(order, vendor1)


@pytest.fixture
def others_parcel(order, vendor2):
    return parcel_of(order, vendor2)


def file_url(parcel, kind):
    return reverse("dashboard:parcel-invoice-file", kwargs={"number": parcel.number, "kind": kind})


def record_url(parcel):
    return reverse("dashboard:parcel-invoice-record", kwargs={"number": parcel.number})


def test_the_enterprise_downloads_its_parcels_invoice_data(staff, own_parcel, in_english):
    page = staff.get(reverse("dashboard:parcel-detail", kwargs={"number": own_parcel.number}))
    assert file_url(own_parcel, "xml") in page.content.decode()

    xml = staff.get(file_url(own_parcel, "xml"))
    spreadsheet = staff.get(file_url(own_parcel, "csv"))

    assert xml.status_code == 200 and xml["Content-Type"] == "application/xml"
    assert f'filename="hoadon-{own_parcel.number}.xml"' in xml["Content-Disposition"]
    assert b"<HDon>" in xml.content
    assert spreadsheet.status_code == 200 and spreadsheet["Content-Type"].startswith("text/csv")


def test_another_enterprises_parcel_is_not_found(staff, others_parcel):
    assert staff.get(file_url(others_parcel, "xml")).status_code == 404
    assert staff.post(record_url(others_parcel), ISSUED).status_code == 404
    assert not IssuedInvoice.objects.exists()


def test_the_platforms_staff_reach_every_parcel(client, admin_user, others_parcel):
    client.force_login(admin_user)
    assert client.get(file_url(others_parcel, "csv")).status_code == 200


def test_recording_and_correcting_the_issued_invoice_is_audit_logged(staff, own_parcel, vendor1):
    response = staff.post(record_url(own_parcel), ISSUED)

    assert response.status_code == 302
    invoice = IssuedInvoice.objects.get(parcel=own_parcel)
    assert (invoice.symbol, invoice.number, invoice.recorded_by) == ("1C26TAA", 42, vendor1)

    staff.post(record_url(own_parcel), {**ISSUED, "number": "43"})

    assert IssuedInvoice.objects.get(parcel=own_parcel).number == 43
    assert IssuedInvoice.objects.count() == 1
    entries = AuditEntry.objects.filter(kind="invoice", subject_id=str(own_parcel.pk)).order_by("pk")
    assert [entry.to_label for entry in entries] == ["Invoice recorded", "Invoice corrected"]
    assert "1C26TAA 00000043" in entries[1].reason


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"series": "X1"}, "The series has six characters"),
        ({"template": "9"}, "Choose 1 (VAT invoice) or 2 (sales invoice)."),
        ({"number": "123456789"}, "An invoice number has one to eight digits"),
        ({"issued_on": "not a date"}, "Enter a valid date"),
        ({"lookup_url": "javascript:alert(1)"}, "Enter a valid URL"),
    ],
)
def test_bad_invoice_details_are_refused_with_a_message(staff, own_parcel, changes, message, in_english):
    response = staff.post(record_url(own_parcel), {**ISSUED, **changes})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IssuedInvoice.objects.exists()


def test_a_cancelled_parcel_has_no_invoice(staff, own_parcel, in_english):
    Parcel.objects.filter(pk=own_parcel.pk).update(status=Parcel.Status.CANCELLED)

    response = staff.get(file_url(own_parcel, "xml"), follow=True)

    assert "has no invoice data" in response.content.decode()
    assert staff.post(record_url(own_parcel), ISSUED).status_code == 302
    assert not IssuedInvoice.objects.exists()


def test_the_monthly_page_and_files(staff, own_parcel, others_parcel, in_english):
    today = timezone.localdate()
    key = f"{today.year}-{today.month:02d}"
    page = staff.get(reverse("dashboard:parcel-invoices"))
    assert page.status_code == 200 and key in page.content.decode()

    response = staff.get(reverse("dashboard:parcel-invoices-file", kwargs={"month": key, "kind": "xml"}))

    assert response.status_code == 200
    assert own_parcel.number in response.content.decode()
    assert others_parcel.number not in response.content.decode()
    bad = staff.get(
        reverse("dashboard:parcel-invoices-file", kwargs={"month": "2026-13", "kind": "csv"}), follow=True
    )
    assert "Please choose a month from the list." in bad.content.decode()


def test_the_shopper_sees_the_request_then_the_invoice_number(client, shopper, order, own_parcel, in_english):
    InvoiceRequest.objects.create(
        order=order, buyer_name="Công ty Quà Quê", tax_code="0312687878", address="Đồng Hới", email="a@b.vn"
    )
    client.force_login(shopper)
    url = reverse("customer:order", kwargs={"order_number": order.number})
    assert "VAT invoice requested" in client.get(url).content.decode()

    IssuedInvoice.objects.create(
        parcel=own_parcel,
        template="1",
        series="C26TAA",
        number=42,
        issued_on=timezone.localdate(),
        lookup_code="TRACUU-42",
        lookup_url="https://hoadon.example.vn/tra-cuu",
    )
    html = client.get(url).content.decode()

    assert "1C26TAA" in html and "00000042" in html and "TRACUU-42" in html
    assert "https://hoadon.example.vn/tra-cuu" in html
