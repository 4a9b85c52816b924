"""What the OCOP dashboard tests share: the demo enterprises' products and posted form data."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from oscar.core.loading import get_model

from tests.factories import enterprise_of

OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")
Lot = get_model("catalogue", "Lot")

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def products_of(user):
    """The browsable products the user's enterprise sells, in a stable order."""
    return Product.objects.browsable().filter(stockrecords__partner__users=user).order_by("pk")


def scan(name="quyet-dinh.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def certificate_data(covered, **changes):
    data = {
        "decision_number": "1234/QĐ-UBND",
        "decision_date": "2025-03-10",
        "issuer": "UBND tỉnh Quảng Trị",
        "stars": "4",
        "score": "78.50",
        "evaluation": "new",
        "valid_until": "",
        "products": [product.pk for product in covered],
        "scan": scan(),
    }
    data.update(changes)
    return data


def lot_data(product, lot_code="NM2507-01", steps=(), certifications=(), **changes):
    """A lot form as the browser posts it; ``steps`` are (order, event, date, place, actor)."""
    data = {
        "product": product.pk,
        "lot_code": lot_code,
        "production_date": "2025-07-02",
        "best_before": "2027-07-02",
        "area_commune": "",
        "area_code": "VG-QT-0042",
        "quantity": "500 chai",
        "steps-TOTAL_FORMS": len(steps),
        "steps-INITIAL_FORMS": 0,
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
        "certifications-TOTAL_FORMS": len(certifications),
        "certifications-INITIAL_FORMS": 0,
        "certifications-MIN_NUM_FORMS": 0,
        "certifications-MAX_NUM_FORMS": 1000,
    }
    for index, (order, event, day, place, actor) in enumerate(steps):
        data.update(
            {
                f"steps-{index}-ORDER": order,
                f"steps-{index}-event": event,
                f"steps-{index}-date": day,
                f"steps-{index}-place": place,
                f"steps-{index}-actor": actor,
            }
        )
    for index, (scheme, number, document) in enumerate(certifications):
        data.update(
            {
                f"certifications-{index}-scheme": scheme,
                f"certifications-{index}-number": number,
                f"certifications-{index}-issuer": "Trung tâm Chứng nhận",
                f"certifications-{index}-valid_until": "2027-01-01",
                f"certifications-{index}-document": document or "",
            }
        )
    data.update(changes)
    return data


STEPS = (
    (2, "Ủ chượp", "2025-01-05", "Nhà thùng Cửa Tùng", "Tổ ủ chượp"),
    (1, "Đánh bắt cá cơm", "2025-01-03", "Biển Cửa Tùng", "Tàu QT-90123"),
    (3, "Đóng chai", "2025-07-02", "Xưởng đóng chai", ""),
)


def url(name, **kwargs):
    return reverse(f"dashboard:{name}", kwargs=kwargs or None)


def certificate_for(user, status=OcopCertificate.Status.PENDING, number="777/QĐ-UBND", stars=4):
    """A certificate of ``user``'s enterprise, stored directly, covering its first product."""
    certificate = OcopCertificate.objects.create(
        enterprise=enterprise_of(user),
        decision_number=number,
        decision_date=date(2025, 1, 10),
        issuer="UBND tỉnh Quảng Trị",
        stars=stars,
        status=status,
    )
    certificate.products.add(products_of(user).first())
    return certificate


def shows_errors(response, form, field):
    """``form`` has errors on ``field`` and the page shows each of them (in the page's language)."""
    html = response.content.decode()
    messages = form.errors.get(field, [])
    return bool(messages) and all(escape(message) in html for message in messages)


def product_edit_data(product, **changes):
    """Oscar's product form for an existing product, as the browser posts it, with ``changes``."""
    from tests.vendors.dashboard_forms import product_form_data

    record = product.stockrecords.get()
    placement = product.productcategory_set.get()
    data = product_form_data(record.partner_id, record.partner_sku, product.title)
    data.update(
        {
            "upc": product.upc,
            "stockrecords-INITIAL_FORMS": 1,
            "stockrecords-0-id": record.pk,
            "productcategory_set-INITIAL_FORMS": 1,
            "productcategory_set-0-id": placement.pk,
            "productcategory_set-0-product": product.pk,
            "productcategory_set-0-category": placement.category_id,
            "origin_province": product.origin_province_id or "",
            "origin_commune": product.origin_commune_id or "",
            "origin_wording": product.origin_wording,
            "gtin": product.gtin,
        }
    )
    data.update(changes)
    return data
