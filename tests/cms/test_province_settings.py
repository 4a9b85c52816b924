"""The footer names the province from the site's settings, which editors change in Wagtail."""

import pytest
from wagtail.models import Site

from cms.models import OperatorSettings, ProvinceSettings

pytestmark = pytest.mark.django_db


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def name_operator(name):
    operator = OperatorSettings.for_site(Site.objects.get(is_default_site=True))
    operator.operator_name = name
    operator.save()


def test_the_demo_site_names_its_province_in_the_footer(client):
    assert "Quảng Trị" in footer(client.get("/"))


def test_changing_the_province_name_changes_the_footer(client):
    setting = ProvinceSettings.for_site(Site.objects.get(is_default_site=True))
    setting.province_name = "Thừa Thiên Huế"
    setting.save()
    name_operator("Sở Công Thương thành phố Huế")  # the operator is its own setting (cms.operator)
    shown = footer(client.get("/catalogue/"))
    assert "Thừa Thiên Huế" in shown
    assert "Quảng Trị" not in shown


def test_footer_text_and_contacts_replace_the_standard_sentence(client):
    setting = ProvinceSettings.for_site(Site.objects.get(is_default_site=True))
    setting.footer_text = "Sàn do Sở Công Thương vận hành."
    setting.contact_email = "sct@example.vn"
    setting.save()
    name_operator("Sở Công Thương")  # the operator is its own setting (cms.operator)
    shown = footer(client.get("/"))
    assert "Sàn do Sở Công Thương vận hành." in shown
    assert "mailto:sct@example.vn" in shown
    assert "Quảng Trị" not in shown
