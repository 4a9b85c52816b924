"""One enterprise's staff can neither see nor change another's certificates and lots.

Every URL of the OCOP dashboard is found from the app's own URL list, so a new
view is swept without anyone adding it here: vendor2 tries each with vendor1's
records, by GET and by POST, and gets 403 or 404 while nothing stored changes.
"""

import pytest
from django.apps import apps
from django.urls import reverse
from oscar.core.loading import get_model

from tests.catalogue.ocop_dashboard import (
    STEPS,
    Lot,
    OcopCertificate,
    certificate_data,
    certificate_for,
    lot_data,
    products_of,
    url,
)
from tests.factories import enterprise_of

LotStep = get_model("catalogue", "LotStep")
CertificateStatusChange = get_model("catalogue", "CertificateStatusChange")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


@pytest.fixture
def vendor1_records(client, vendor1):
    """A pending and a verified certificate, and a published lot with a draft revision, of vendor1."""
    client.force_login(vendor1)
    product = products_of(vendor1).first()
    client.post(url("ocop-lot-create"), lot_data(product, "ISO-LOT-1", steps=STEPS, publish="1"))
    lot = Lot.objects.get(product=product, lot_code="ISO-LOT-1")
    client.post(url("ocop-lot-revise", pk=lot.pk), {"change_note": "Sửa"})
    client.logout()
    return {
        "certificate": certificate_for(vendor1),
        "verified certificate": certificate_for(
            vendor1, status=OcopCertificate.Status.VERIFIED, number="2/QĐ"
        ),
        "lot": lot,
        "draft lot": Lot.objects.get(product=product, lot_code="ISO-LOT-1", revision=2),
        "product": product,
    }


def snapshot(vendor):
    enterprise = enterprise_of(vendor)
    lots = Lot.objects.filter(product__stockrecords__partner=enterprise)
    certificates = OcopCertificate.objects.filter(enterprise=enterprise)
    return (
        list(certificates.order_by("pk").values()),
        list(certificates.values_list("pk", "products").order_by("pk", "products")),
        list(CertificateStatusChange.objects.filter(certificate__in=certificates).order_by("pk").values()),
        list(lots.order_by("pk").values()),
        list(LotStep.objects.filter(lot__in=lots).order_by("pk").values()),
        list(Product.objects.filter(stockrecords__partner=enterprise).order_by("pk").values()),
    )


def ocop_urls(records):
    """Every URL of the OCOP dashboard, its ids pointing at vendor1's records."""
    found = {}
    for pattern in apps.get_app_config("ocop_dashboard").urls[0]:
        keys = set(pattern.pattern.converters)
        choices = [{}]
        if "pk" in keys:
            if pattern.name.startswith(("ocop-origin", "ocop-listing")):
                choices = [{"pk": records["product"].pk}]
            elif "lot" in pattern.name:
                choices = [{"pk": records["lot"].pk}, {"pk": records["draft lot"].pk}]
            else:
                choices = [{"pk": records["certificate"].pk}, {"pk": records["verified certificate"].pk}]
        if "fmt" in keys:
            choices = [{**choice, "fmt": fmt} for choice in choices for fmt in ("svg", "png")]
        for kwargs in choices:
            found[f"{pattern.name} {kwargs}"] = reverse(f"dashboard:{pattern.name}", kwargs=kwargs or None)
    return found


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and "login" in response["Location"]


def hijack(records, vendor1):
    """A post that would change something if it were let through."""
    data = certificate_data(products_of(vendor1)[:1], decision_number="HIJACK")
    data.update(lot_data(records["product"], "HIJACK", steps=STEPS, publish="1"))
    data.update({"change_note": "hijack", "to_status": "verified", "reason": "x", "seen_change": "0"})
    return data


def let_through(client, records, vendor1, skip=()):
    """Each GET and POST of the OCOP dashboard at vendor1's records that the client was not refused
    (pages named in ``skip`` left out), with the status it got."""
    answered = {}
    for name, address in ocop_urls(records).items():
        if name.split(" ")[0] in skip:
            continue
        for method in (client.get, client.post):
            response = method(address, hijack(records, vendor1))
            if not refused(response):
                answered[f"{method.__name__.upper()} {name}"] = response.status_code
    return answered


def test_the_sweep_finds_every_view_of_the_ocop_dashboard(vendor1_records):
    names = {name.split(" ")[0] for name in ocop_urls(vendor1_records)}
    assert names == {pattern.name for pattern in apps.get_app_config("ocop_dashboard").urls[0]}


def test_another_enterprise_gets_nothing_of_vendor1s_records(client, vendor1, vendor2, vendor1_records):
    """vendor2 may use the list and create pages: those only ever show and make vendor2's own records."""
    own_pages = {"ocop-certificate-list", "ocop-certificate-create", "ocop-lot-list", "ocop-lot-create"}
    before = snapshot(vendor1)
    client.force_login(vendor2)
    assert let_through(client, vendor1_records, vendor1, skip=own_pages) == {}
    assert snapshot(vendor1) == before


def test_another_enterprises_lists_show_none_of_vendor1s_records(client, vendor2, vendor1_records):
    client.force_login(vendor2)
    certificates = client.get(url("ocop-certificate-list")).context["certificates"]
    lots = client.get(url("ocop-lot-list")).context["lots"]
    assert {c.enterprise for c in certificates} <= {enterprise_of(vendor2)}
    assert not {lot.product_id for lot in lots} & {vendor1_records["product"].pk}


def test_another_enterprise_cannot_attach_vendor1s_products(client, vendor1, vendor2, vendor1_records):
    before = snapshot(vendor1)
    theirs = products_of(vendor1).first()
    client.force_login(vendor2)
    response = client.post(url("ocop-certificate-create"), certificate_data([theirs], decision_number="X/1"))
    assert response.context["form"].has_error("products", "invalid_choice")
    response = client.post(url("ocop-lot-create"), lot_data(theirs, "X-1", steps=STEPS, publish="1"))
    assert response.context["form"].has_error("product", "invalid_choice")
    assert not OcopCertificate.objects.filter(decision_number="X/1").exists()
    assert snapshot(vendor1) == before


@pytest.mark.parametrize("who", ["anonymous", "shopper", "editor"])
def test_people_outside_enterprises_and_the_department_are_refused_everywhere(
    client, who, request, vendor1, vendor1_records
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    before = snapshot(vendor1)
    assert let_through(client, vendor1_records, vendor1) == {}
    assert snapshot(vendor1) == before


def test_reviewers_verify_but_do_not_write_an_enterprises_records(client, reviewer, vendor1, vendor1_records):
    client.force_login(reviewer)
    for name in ("ocop-certificate-list", "ocop-lot-list", "ocop-certificate-create"):
        assert client.get(url(name)).status_code == 403
    certificate = vendor1_records["certificate"]
    seen = client.get(url("ocop-review-detail", pk=certificate.pk)).context["form"]["seen_change"].value()
    client.post(url("ocop-review-decide", pk=certificate.pk), {"to_status": "verified", "seen_change": seen})
    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.VERIFIED
