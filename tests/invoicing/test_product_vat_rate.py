"""The enterprise sets a product's VAT rate in its product form; blank means the marketplace's default."""

from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.invoicing.vat import rate_of
from tests.vendors.dashboard_forms import product_form_data

Product = get_model("catalogue", "Product")


def test_the_product_form_saves_the_vat_rate_and_refuses_an_unknown_one(client, vendor2, settings):
    own = vendor2.partners.get()
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "ocop-product"})
    client.force_login(vendor2)

    refused = client.post(url, {**product_form_data(own.pk, "VAT-007", "Rượu thử"), "vat_rate": "7"})
    assert refused.status_code == 200 and not Product.objects.filter(upc="VAT-007").exists()

    saved = client.post(url, {**product_form_data(own.pk, "VAT-010", "Rượu thử"), "vat_rate": "10"})
    assert saved.status_code == 302
    assert rate_of(Product.objects.get(upc="VAT-010")) == "10"

    client.post(url, product_form_data(own.pk, "VAT-DEF", "Mật ong thử"))
    settings.EINVOICE = {**settings.EINVOICE, "DEFAULT_VAT_RATE": "8"}
    assert rate_of(Product.objects.get(upc="VAT-DEF")) == "8"
