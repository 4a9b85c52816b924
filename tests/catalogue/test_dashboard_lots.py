"""An enterprise writes its traceability lots in the dashboard: drafts, publication, revisions and QR codes.

A lot, its steps and its certifications are saved together or not at all; a
published lot is never edited, a change makes a new revision the public page lists.
"""

import io
from datetime import timedelta

import pytest
import zxingcpp
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from oscar.core.loading import get_model
from PIL import Image

from catalogue import traceability
from catalogue.badges import trace_url
from tests.catalogue.ocop_dashboard import STEPS, Lot, lot_data, products_of, scan, url
from tests.factories import lotless_product

LotCertification = get_model("catalogue", "LotCertification")
LotStep = get_model("catalogue", "LotStep")

pytestmark = pytest.mark.django_db

CREATE = url("ocop-lot-create")


@pytest.fixture
def product(vendor1):
    return lotless_product(vendor1)


def stored(product):
    """Everything recorded about the product's lots, as a comparable value."""
    lots = Lot.objects.filter(product=product)
    return (
        list(lots.order_by("pk").values()),
        list(LotStep.objects.filter(lot__in=lots).order_by("pk").values()),
        list(LotCertification.objects.filter(lot__in=lots).order_by("pk").values()),
    )


def error_codes(response):
    """The codes of every error on the lot's page: the lot form's, each step's, each certification's."""
    context = response.context
    codes = set()
    for form in [context["form"], *context["steps"], *context["certifications"]]:
        codes |= {error.code for errors in form.errors.as_data().values() for error in errors}
    return codes


def shows_every_error(response):
    html = response.content.decode()
    context = response.context
    forms = [context["form"], *context["steps"], *context["certifications"]]
    messages = [message for form in forms for errors in form.errors.values() for message in errors]
    return bool(messages) and all(escape(message) in html for message in messages)


def publish_lot(client, product, lot_code="NM2507-01"):
    client.post(CREATE, lot_data(product, lot_code, steps=STEPS, publish="1"))
    return Lot.objects.get(product=product, lot_code=lot_code)


# --- Writing and publishing -----------------------------------------------------------------


def test_a_published_lot_shows_its_steps_in_order_on_its_public_page(staff, client, product):
    document = scan("vietgap.pdf")
    data = lot_data(product, steps=STEPS, certifications=[("vietgap", "VG-123", document)], publish="1")
    response = staff.post(CREATE, data)

    lot = Lot.objects.get(product=product, lot_code="NM2507-01")
    assert response.status_code == 302 and response["Location"] == url("ocop-lot-update", pk=lot.pk)
    assert (lot.status, lot.revision) == ("published", 1)
    assert [(step.position, step.event) for step in lot.steps.all()] == [
        (1, "Đánh bắt cá cơm"),
        (2, "Ủ chượp"),
        (3, "Đóng chai"),
    ]
    certification = lot.certifications.get()
    assert certification.number == "VG-123" and certification.document.name.endswith(".pdf")

    client.logout()
    public = client.get(trace_url(lot), follow=True)
    html = public.content.decode()
    assert public.status_code == 200
    assert html.index("Đánh bắt cá cơm") < html.index("Ủ chượp") < html.index("Đóng chai")
    assert "VG-123" in html


def test_a_draft_is_saved_but_not_public_until_published(staff, client, product):
    staff.post(CREATE, lot_data(product, steps=STEPS[:1]))
    lot = Lot.objects.get(product=product, lot_code="NM2507-01")
    assert lot.status == "draft"
    listed = {lot.pk: lot.is_public for lot in client.get(url("ocop-lot-list")).context["lots"]}
    assert listed[lot.pk] is False
    assert client.get(url("ocop-lot-qr", pk=lot.pk, fmt="svg")).status_code == 404
    client.logout()
    assert client.get(trace_url(lot), follow=True).status_code == 404

    client.force_login(product.stockrecords.get().partner.users.get())
    data = lot_data(product, steps=STEPS)
    data.update({"steps-TOTAL_FORMS": 3, "publish": "1"})
    draft_step = lot.steps.get()
    data.update({"steps-INITIAL_FORMS": 1, "steps-0-id": draft_step.pk, "steps-0-lot": lot.pk})
    response = client.post(url("ocop-lot-update", pk=lot.pk), data)
    assert response.status_code == 302
    lot.refresh_from_db()
    assert lot.status == "published"
    assert lot.steps.count() == 3


def test_publishing_without_steps_is_refused_and_nothing_is_saved(staff, product):
    before = stored(product)
    response = staff.post(CREATE, lot_data(product, publish="1"))
    assert response.status_code == 200
    assert error_codes(response) == {"no_steps"}
    assert shows_every_error(response)
    assert stored(product) == before


# --- Bad input: a clear message, nothing stored ------------------------------------------


def future():
    return (timezone.localdate() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"steps": ((1, "Thu hoạch", "FUTURE", "", ""),)}, "future_step"),
        ({"best_before": "2025-07-01"}, "best_before_production"),
        ({"production_date": "FUTURE"}, "future_production"),
        ({"lot_code": "LÔ 01/2025"}, "invalid_lot_code"),
        ({"lot_code": "A" * 21}, "max_length"),
        ({"lot_code": ""}, "required"),
        ({"certifications": (("vietgap", "VG-1", scan("x.pdf", b"GIF89a fake")),)}, "unsupported_type"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(staff, product, changes, code):
    steps = changes.pop("steps", STEPS)
    steps = tuple(tuple(future() if value == "FUTURE" else value for value in step) for step in steps)
    certifications = changes.pop("certifications", ())
    changes = {name: future() if value == "FUTURE" else value for name, value in changes.items()}
    before = stored(product)
    data = lot_data(product, steps=steps, certifications=certifications, publish="1", **changes)
    response = staff.post(CREATE, data)
    assert response.status_code == 200
    assert code in error_codes(response)
    assert shows_every_error(response)
    assert stored(product) == before


def test_a_lot_code_cannot_be_reused_for_the_same_product(staff, vendor1, product):
    publish_lot(staff, product)
    before = stored(product)
    response = staff.post(CREATE, lot_data(product, steps=STEPS))
    assert error_codes(response) == {"lot_reused"}
    assert shows_every_error(response)
    assert stored(product) == before
    other = products_of(vendor1).exclude(pk=product.pk).first()
    assert staff.post(CREATE, lot_data(other, steps=STEPS)).status_code == 302  # another product may


def test_a_lot_for_another_enterprises_product_is_refused(staff, vendor2):
    theirs = products_of(vendor2).first()
    before = stored(theirs)
    response = staff.post(CREATE, lot_data(theirs, lot_code="HIJACK-1", steps=STEPS, publish="1"))
    assert error_codes(response) == {"invalid_choice"}
    assert stored(theirs) == before


# --- Published lots are never edited: revisions ------------------------------------------


def test_a_published_lot_cannot_be_edited(staff, product):
    lot = publish_lot(staff, product)
    page = staff.get(url("ocop-lot-update", pk=lot.pk))
    assert page.templates[0].name == "oscar/dashboard/ocop/lot_detail.html"
    before = stored(product)
    response = staff.post(url("ocop-lot-update", pk=lot.pk), lot_data(product, "CHANGED", steps=STEPS))
    assert response.status_code == 302
    assert stored(product) == before


@pytest.mark.usefixtures("in_english")
def test_a_revision_needs_a_note(staff, product):
    lot = publish_lot(staff, product)
    before = stored(product)
    response = staff.post(url("ocop-lot-revise", pk=lot.pk), {"change_note": "  "})
    assert response.status_code == 200
    assert (
        "Please say what changes in this revision." in response.context["revise_form"].errors["change_note"]
    )
    assert stored(product) == before


def test_revising_makes_revision_2_and_the_public_page_shows_the_history(staff, client, product):
    first = publish_lot(staff, product)
    first_values = stored(product)
    response = staff.post(url("ocop-lot-revise", pk=first.pk), {"change_note": "Sửa nơi đóng chai"})

    second = Lot.objects.get(product=product, lot_code=first.lot_code, revision=2)
    assert response["Location"] == url("ocop-lot-update", pk=second.pk)
    assert (second.status, second.change_note) == ("draft", "Sửa nơi đóng chai")
    # Starting the revision again leads to the same draft.
    again = staff.post(url("ocop-lot-revise", pk=first.pk), {"change_note": "Lần nữa"})
    assert again["Location"] == url("ocop-lot-update", pk=second.pk)

    steps = list(second.steps.all())
    data = lot_data(product, first.lot_code, publish="1")
    data.update({"steps-TOTAL_FORMS": 3, "steps-INITIAL_FORMS": 3})
    for index, step in enumerate(steps):
        place = "Xưởng mới Gio Linh" if step.event == "Đóng chai" else step.place
        data.update(
            {
                f"steps-{index}-id": step.pk,
                f"steps-{index}-lot": second.pk,
                f"steps-{index}-ORDER": step.position,
                f"steps-{index}-event": step.event,
                f"steps-{index}-date": step.date.isoformat(),
                f"steps-{index}-place": place,
                f"steps-{index}-actor": step.actor,
            }
        )
    assert staff.post(url("ocop-lot-update", pk=second.pk), data).status_code == 302

    second.refresh_from_db()
    assert second.status == "published"
    assert traceability.current_revision(product, first.lot_code) == second
    assert stored(product)[0][0] == first_values[0][0]  # revision 1 exactly as it was published
    client.logout()
    public = client.get(trace_url(second), follow=True)
    assert public.context["lot"] == second
    assert [revision.revision for revision in public.context["history"]] == [2, 1]
    html = public.content.decode()
    assert "Xưởng mới Gio Linh" in html and "Sửa nơi đóng chai" in html


# --- QR codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_the_qr_codes_download_and_the_png_decodes_to_the_public_page(staff, product, fmt):
    lot = publish_lot(staff, product)
    response = staff.get(url("ocop-lot-qr", pk=lot.pk, fmt=fmt))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="qr-{lot.lot_code}.{fmt}"'
    if fmt == "png":
        decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
        assert [code.text for code in decoded] == [f"http://testserver{trace_url(lot)}"]
    else:
        assert response["Content-Type"] == "image/svg+xml"
    assert staff.get(url("ocop-lot-qr", pk=lot.pk, fmt="gif")).status_code == 404


def test_a_lot_created_twice_at_once_is_explained_not_a_crash(staff, product, monkeypatch):
    """Another request saves the same lot code between this one's check and its save."""
    publish_lot(staff, product)
    monkeypatch.setattr(traceability, "check_new_lot", lambda *args, **kwargs: None)
    before = stored(product)
    response = staff.post(CREATE, lot_data(product, steps=STEPS, publish="1"))
    assert response.status_code == 200
    assert shows_every_error(response)
    assert stored(product) == before


def test_the_lot_form_offers_own_products_empty_step_rows_and_the_province_communes(staff, vendor1, product):
    page = staff.get(CREATE)
    assert page.status_code == 200
    assert set(page.context["form"].fields["product"].queryset) == set(
        get_model("catalogue", "Product").objects.filter(stockrecords__partner__users=vendor1)
    )
    assert len(page.context["steps"].forms) == 2 and len(page.context["certifications"].forms) == 1
    communes = page.context["form"].fields["area_commune"].queryset
    assert {commune.province.code for commune in communes} == {settings.MARKETPLACE_PROVINCE_CODE}

    staff.post(CREATE, lot_data(product, steps=STEPS[:1]))
    draft = Lot.objects.get(product=product, lot_code="NM2507-01")
    page = staff.get(url("ocop-lot-update", pk=draft.pk))
    assert page.context["steps"].forms[0].instance == draft.steps.get()
    assert 'name="publish"' in page.content.decode()
