"""Applying to sell: a draft, a certificate, one submission; bad input is refused and nothing is saved."""

import io

import pytest
from django.contrib.messages import INFO, get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from places.models import Commune, Province
from vendors.forms import ApplicationForm
from vendors.models import EnterpriseDocument, EnterpriseKind, EnterpriseStatus, EnterpriseStatusChange
from vendors.review import move
from vendors.validators import normalise_phone, validate_document, validate_picture, validate_tax_code

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

APPLY = reverse("enterprises:apply")
SUBMIT = reverse("enterprises:apply-submit")
PROFILE = reverse("enterprises:profile")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
CORRUPT_PNG = b"\x89PNG\r\n\x1a\n" + b"this is not an image at all " * 20


def picture_bytes(format="PNG", size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=format)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def home_commune():
    return Commune.objects.filter(province__code="44").order_by("name").first()


def application(**overrides):
    commune = home_commune()
    data = {
        "name": "Hợp tác xã Mật ong Trường Sơn",
        "kind": EnterpriseKind.COOPERATIVE,
        "tax_code": "0312687878",
        "representative": "Hồ Văn Sơn",
        "phone": "0912 345 678",
        "email": "htx.matong@example.vn",
        "province": commune.province_id,
        "commune": commune.pk,
        "street_address": "Thôn 3",
        "story": "Mật ong rừng khai thác bền vững.",
        "save_draft": "",
    }
    data.update(overrides)
    return data


def draft_of(user):
    return Partner.objects.filter(users=user).first()


@pytest.fixture
def applicant(client, shopper):
    client.force_login(shopper)
    return shopper


@pytest.fixture
def draft(client, applicant):
    assert client.post(APPLY, application()).status_code == 302
    return draft_of(applicant)


def upload_certificate(client, name="giay-phep.pdf", content=PDF):
    return client.post(
        APPLY,
        {
            "kind": EnterpriseDocument.Kind.BUSINESS_REGISTRATION,
            "file": upload(name, content),
            "upload_document": "",
        },
    )


def message_levels(response):
    return [message.level for message in get_messages(response.wsgi_request)]


# --- The journey ------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(APPLY)
    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]
    assert client.post(SUBMIT).status_code == 302
    assert not Partner.objects.filter(
        status=EnterpriseStatus.DRAFT, name__startswith="Hợp tác xã Mật ong"
    ).exists()


def test_a_new_application_offers_the_home_provinces_communes(client, applicant):
    response = client.get(APPLY)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["province"].value() == Province.objects.get(code="44").pk
    offered = {value for value, _label in form.fields["commune"].widget.choices if value}
    assert offered == set(Commune.objects.filter(province__code="44").values_list("pk", flat=True))
    assert form.fields["province"].queryset.count() == Province.objects.count()


def test_a_shopper_saves_a_draft_uploads_the_certificate_and_submits(client, applicant):
    response = client.post(APPLY, application())
    assert response.status_code == 302
    enterprise = draft_of(applicant)
    assert enterprise.status == EnterpriseStatus.DRAFT
    assert enterprise.slug == "hop-tac-xa-mat-ong-truong-son"
    assert enterprise.phone == "+84912345678"
    assert enterprise.tax_code == "0312687878"
    assert not enterprise.status_changes.exists()

    assert upload_certificate(client).status_code == 302
    document = enterprise.documents.get()
    assert (document.original_name, document.content_type, document.size) == (
        "giay-phep.pdf",
        "application/pdf",
        len(PDF),
    )
    assert document.uploaded_by == applicant

    assert client.post(SUBMIT).status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.SUBMITTED
    assert enterprise.date_submitted is not None
    change = enterprise.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        EnterpriseStatus.DRAFT,
        EnterpriseStatus.SUBMITTED,
        applicant,
    )

    page = client.get(APPLY)
    assert page.templates[0].name == "vendors/application/summary.html"
    assert "giay-phep.pdf" in page.content.decode()


def test_submitting_twice_changes_nothing_the_second_time(client, draft):
    upload_certificate(client)
    client.post(SUBMIT)
    submitted_at = Partner.objects.get(pk=draft.pk).date_submitted

    response = client.post(SUBMIT)
    assert response.status_code == 302
    assert message_levels(response)[-1] == INFO
    draft.refresh_from_db()
    assert (draft.status, draft.date_submitted) == (EnterpriseStatus.SUBMITTED, submitted_at)
    assert draft.status_changes.count() == 1


def test_submitting_needs_the_certificate(client, draft):
    response = client.post(SUBMIT)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == EnterpriseStatus.DRAFT
    assert not draft.status_changes.exists()


def test_a_cooperative_group_submits_without_a_tax_code_or_certificate(client, applicant):
    client.post(APPLY, application(kind=EnterpriseKind.COOPERATIVE_GROUP, tax_code=""))
    client.post(SUBMIT)
    enterprise = draft_of(applicant)
    assert (enterprise.tax_code, enterprise.status) == ("", EnterpriseStatus.SUBMITTED)


def test_submit_accepts_only_post(client, draft):
    assert client.get(SUBMIT).status_code == 405


def test_one_person_applies_for_one_enterprise(client, draft, applicant):
    client.post(APPLY, application(name="Công ty Thứ Hai", tax_code="0100233488"))
    assert Partner.objects.filter(users=applicant).count() == 1
    draft.refresh_from_db()
    assert draft.name == "Công ty Thứ Hai"  # the same draft, edited


def test_staff_of_an_approved_enterprise_see_it_read_only(client, vendor1):
    client.force_login(vendor1)
    response = client.get(APPLY)
    assert response.templates[0].name == "vendors/application/summary.html"
    enterprise = vendor1.partners.get()
    before = enterprise.name
    client.post(APPLY, application(name="Tên mới"))
    enterprise.refresh_from_db()
    assert enterprise.name == before


# --- Refused input ---------------------------------------------------------------------


def another_province_commune():
    return Commune.objects.exclude(province__code="44").first()


def demo_company_tax_code():
    return Partner.objects.filter(kind=EnterpriseKind.COMPANY).exclude(tax_code="").first().tax_code


REFUSALS = {
    "missing legal name": (lambda: {"name": ""}, "name", "required"),
    "missing representative": (lambda: {"representative": ""}, "representative", "required"),
    "missing phone": (lambda: {"phone": ""}, "phone", "required"),
    "missing commune": (lambda: {"commune": ""}, "commune", "required"),
    "wrong check digit": (lambda: {"tax_code": "0312687879"}, "tax_code", "invalid_check_digit"),
    "branch 000": (lambda: {"tax_code": "0312687878-000"}, "tax_code", "invalid_branch"),
    "12-digit id for a company": (
        lambda: {"kind": EnterpriseKind.COMPANY, "tax_code": "044190001234"},
        "tax_code",
        "personal_id_not_allowed",
    ),
    "company without tax code": (
        lambda: {"kind": EnterpriseKind.COMPANY, "tax_code": ""},
        "tax_code",
        "required",
    ),
    "tax code of a demo enterprise": (lambda: {"tax_code": demo_company_tax_code()}, "tax_code", "duplicate"),
    "bad phone": (lambda: {"phone": "12345"}, "phone", "invalid_phone"),
    "foreign phone": (lambda: {"phone": "+1 202 555 0143"}, "phone", "invalid_phone"),
    "commune of another province": (
        lambda: {"commune": another_province_commune().pk},
        "commune",
        "commune_not_in_province",
    ),
    "corrupt logo": (lambda: {"logo": upload("logo.png", CORRUPT_PNG)}, "logo", "corrupt_image"),
    "program as banner": (lambda: {"banner": upload("banner.jpg", EXE)}, "banner", "unsupported_type"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_bad_application_input_is_explained_and_nothing_is_saved(client, applicant, case):
    overrides, field, code = REFUSALS[case]
    partners_before = Partner.objects.count()
    response = client.post(APPLY, application(**overrides()))
    assert response.status_code == 200
    assert response.context["form"].has_error(field, code), response.context["form"].errors
    assert message_levels(response)
    assert Partner.objects.count() == partners_before
    assert not applicant.partners.exists()


def test_a_valid_logo_is_kept(client, applicant):
    client.post(APPLY, application(logo=upload("logo.png", picture_bytes())))
    assert draft_of(applicant).logo.name.startswith("enterprises/logos/")


def test_editing_a_draft_may_keep_its_own_tax_code_but_not_take_anothers(client, draft):
    assert client.post(APPLY, application(story="Câu chuyện mới")).status_code == 302
    draft.refresh_from_db()
    assert draft.story == "Câu chuyện mới"
    response = client.post(APPLY, application(tax_code=demo_company_tax_code()))
    assert response.context["form"].has_error("tax_code", "duplicate")
    draft.refresh_from_db()
    assert draft.tax_code == "0312687878"


DOCUMENT_REFUSALS = {
    "a renamed program": (lambda: upload("giay-phep.pdf", EXE, "application/pdf"), "unsupported_type"),
    "a corrupt PNG": (lambda: upload("giay-phep.png", CORRUPT_PNG, "image/png"), "corrupt_image"),
    "an empty file": (lambda: upload("giay-phep.pdf", b""), None),
}


@pytest.mark.parametrize("case", DOCUMENT_REFUSALS)
def test_bad_documents_are_refused_and_nothing_is_stored(client, draft, case):
    make_file, code = DOCUMENT_REFUSALS[case]
    response = client.post(
        APPLY, {"kind": "business_registration", "file": make_file(), "upload_document": ""}
    )
    assert response.status_code == 200
    assert response.context["document_form"].has_error("file", code)
    assert not draft.documents.exists()


@override_settings(ENTERPRISE_DOCUMENT_MAX_BYTES=1000)
def test_an_oversized_document_is_refused(client, draft):
    response = upload_certificate(client, content=PDF + b"0" * 1000)
    assert response.context["document_form"].has_error("file", "too_large")
    assert not draft.documents.exists()


def test_a_photographed_certificate_is_accepted(client, draft):
    upload_certificate(client, name="giay-phep.jpeg", content=picture_bytes("JPEG"))
    document = draft.documents.get()
    assert document.content_type == "image/jpeg"
    assert document.file.name.endswith(".jpg")


def test_documents_need_a_saved_draft_first(client, applicant):
    assert upload_certificate(client).status_code == 302
    assert not EnterpriseDocument.objects.filter(uploaded_by=applicant).exists()


# --- Editing after review --------------------------------------------------------------


def test_changes_requested_reopen_the_application(client, draft, reviewer):
    upload_certificate(client)
    client.post(SUBMIT)
    move(draft, EnterpriseStatus.CHANGES_REQUESTED, by=reviewer, reason="Ảnh giấy phép bị mờ.")

    page = client.get(APPLY)
    assert page.templates[0].name == "vendors/application/form.html"
    assert page.context["change_request"].reason == "Ảnh giấy phép bị mờ."
    assert "Ảnh giấy phép bị mờ." in page.content.decode()

    assert client.post(APPLY, application(street_address="Thôn 5")).status_code == 302
    assert upload_certificate(client, name="giay-phep-ro.pdf").status_code == 302
    client.post(SUBMIT)
    draft.refresh_from_db()
    assert (draft.street_address, draft.status) == ("Thôn 5", EnterpriseStatus.SUBMITTED)
    assert draft.documents.count() == 2
    assert draft.status_changes.count() == 3


def test_a_submitted_application_cannot_be_edited(client, draft):
    upload_certificate(client)
    client.post(SUBMIT)
    response = client.post(APPLY, application(street_address="Thôn 9"))
    assert response.status_code == 302
    upload_certificate(client, name="them.pdf")
    draft.refresh_from_db()
    assert draft.street_address == "Thôn 3"
    assert draft.documents.count() == 1
    assert EnterpriseStatusChange.objects.filter(enterprise=draft).count() == 1


# --- Profile ---------------------------------------------------------------------------


def test_an_approved_enterprise_edits_its_public_profile_only(client, vendor1):
    client.force_login(vendor1)
    enterprise = vendor1.partners.get()
    assert client.get(PROFILE).status_code == 200
    data = {
        "story": "Câu chuyện mới",
        "phone": "0912345678",
        "email": "lienhe@example.vn",
        "street_address": "Số 1",
        "name": "Tên khác",
        "tax_code": "0100233488",
    }
    assert client.post(PROFILE, data).status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.story, enterprise.phone) == ("Câu chuyện mới", "+84912345678")
    assert enterprise.name != "Tên khác"
    assert enterprise.tax_code != "0100233488"


def test_the_profile_refuses_a_bad_phone(client, vendor1):
    client.force_login(vendor1)
    response = client.post(PROFILE, {"phone": "12345", "street_address": "Số 1"})
    assert response.context["form"].has_error("phone", "invalid_phone")


def test_the_profile_is_for_approved_enterprises(client, applicant, draft):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == APPLY


# --- Document download -----------------------------------------------------------------


@pytest.fixture
def certificate(vendor1):
    return EnterpriseDocument.objects.create(
        enterprise=vendor1.partners.get(),
        kind=EnterpriseDocument.Kind.BUSINESS_REGISTRATION,
        file=SimpleUploadedFile("x.pdf", PDF),
        original_name="giấy phép.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )


@pytest.mark.parametrize("who", ["vendor1", "reviewer", "admin_user"])
def test_documents_reach_their_enterprise_and_the_department(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("enterprises:document", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("who", ["vendor2", "shopper"])
def test_documents_do_not_exist_for_anyone_else(client, certificate, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("enterprises:document", args=[certificate.pk])).status_code == 404
    assert client.get(reverse("enterprises:document", args=[certificate.pk + 1000])).status_code == 404


def test_anonymous_visitors_cannot_download_documents(client, certificate):
    response = client.get(reverse("enterprises:document", args=[certificate.pk]))
    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


# --- Validators ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("0312687878", EnterpriseKind.COMPANY, "0312687878"),
        (" 0312 687 878 ", EnterpriseKind.COOPERATIVE, "0312687878"),
        ("0312687878-001", EnterpriseKind.COMPANY, "0312687878-001"),
        ("0312687878001", EnterpriseKind.COMPANY, "0312687878-001"),
        ("044190001234", EnterpriseKind.HOUSEHOLD, "044190001234"),
        ("0312687878", EnterpriseKind.HOUSEHOLD, "0312687878"),
        ("", EnterpriseKind.COOPERATIVE_GROUP, ""),
        ("0312687878", EnterpriseKind.COOPERATIVE_GROUP, "0312687878"),
    ],
)
def test_valid_tax_codes_are_normalised(value, kind, expected):
    assert validate_tax_code(value, kind) == expected


@pytest.mark.parametrize(
    ("value", "kind", "code"),
    [
        ("0312687879", EnterpriseKind.COMPANY, "invalid_check_digit"),
        ("0312687878-000", EnterpriseKind.COMPANY, "invalid_branch"),
        ("044190001234", EnterpriseKind.COMPANY, "personal_id_not_allowed"),
        ("044190001234", EnterpriseKind.COOPERATIVE, "personal_id_not_allowed"),
        ("", EnterpriseKind.COMPANY, "required"),
        ("", EnterpriseKind.HOUSEHOLD, "required"),
        ("12345", EnterpriseKind.COMPANY, "invalid_format"),
        ("03126878A8", EnterpriseKind.COMPANY, "invalid_format"),
        ("04419000123", EnterpriseKind.HOUSEHOLD, "invalid_format"),
        ("0312687878-001", EnterpriseKind.HOUSEHOLD, "invalid_format"),
        ("0100000008", EnterpriseKind.COMPANY, "invalid"),
    ],
)
def test_invalid_tax_codes_are_refused(value, kind, code):
    with pytest.raises(ValidationError) as refusal:
        validate_tax_code(value, kind)
    assert refusal.value.code == code


def test_phones_become_e164():
    assert normalise_phone("0912 345 678") == "+84912345678"
    assert normalise_phone("+84 233 3852 123") == "+842333852123"
    assert normalise_phone("") == ""
    for bad in ("12345", "not a phone", "+1 202 555 0143"):
        with pytest.raises(ValidationError) as refusal:
            normalise_phone(bad)
        assert refusal.value.code == "invalid_phone"


def test_documents_are_judged_by_content():
    assert validate_document(upload("scan.bin", PDF)) == "application/pdf"
    assert validate_document(upload("anh.pdf", picture_bytes("PNG"))) == "image/png"
    with pytest.raises(ValidationError) as refusal:
        validate_document(upload("giay-phep.pdf", EXE))
    assert refusal.value.code == "unsupported_type"
    with pytest.raises(ValidationError):
        validate_document(upload("banner.webp", picture_bytes("WEBP")))


def test_pictures_are_bounded():
    assert validate_picture(upload("logo.webp", picture_bytes("WEBP"))) == "image/webp"
    truncated = picture_bytes("JPEG", (400, 400))[:300]
    cases = {
        "corrupt_image": upload("logo.png", CORRUPT_PNG),
        "unsupported_type": upload("logo.pdf", PDF),
        "too_many_pixels": upload("wide.png", picture_bytes("PNG", (6001, 10))),
    }
    for code, picture in cases.items():
        with pytest.raises(ValidationError) as refusal:
            validate_picture(picture)
        assert refusal.value.code == code
    with pytest.raises(ValidationError) as refusal:
        validate_picture(upload("cut.jpg", truncated))
    assert refusal.value.code == "corrupt_image"


@override_settings(ENTERPRISE_PICTURE_MAX_BYTES=100)
def test_pictures_have_a_size_limit():
    with pytest.raises(ValidationError) as refusal:
        validate_picture(upload("logo.png", picture_bytes("PNG", (200, 200))))
    assert refusal.value.code == "too_large"


def test_decompression_bombs_are_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(ValidationError) as refusal:
        validate_picture(upload("bomb.png", picture_bytes("PNG", (20, 20))))
    assert refusal.value.code == "too_many_pixels"


def test_the_form_rejects_a_duplicate_but_not_its_own_tax_code(vendor1):
    enterprise = vendor1.partners.get()
    data = application(tax_code=enterprise.tax_code, kind=enterprise.kind)
    assert ApplicationForm(data).has_error("tax_code", "duplicate")
    assert not ApplicationForm(data, instance=enterprise).has_error("tax_code", "duplicate")
