"""The footer names who runs the exchange, as the Law on E-commerce 122/2025 asks: from settings
editors fill in at /cms/, showing what is filled, at the same cost on every page."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.models import OperatorSettings, SocialLink, StoryPage
from marketplace.operations.bootstrap import ensure_operator_settings
from places.models import Province
from tests.cms.stories import publish_story

pytestmark = pytest.mark.django_db


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


@pytest.fixture
def operator():
    return OperatorSettings.for_site(Site.objects.get(is_default_site=True))


def test_the_demo_footer_names_the_provinces_department_as_operator(client):
    assert "Sở Công Thương tỉnh Quảng Trị" in footer(client.get("/"))


def test_the_footer_shows_the_legal_details_an_editor_filled_in(client, operator):
    operator.operator_name = "Trung tâm Xúc tiến Thương mại tỉnh Quảng Trị"
    operator.tax_code = "3200123456"
    operator.representative = "Nguyễn Văn A"
    operator.moit_registration_number = "DK-2026-0144"
    operator.moit_registration_url = "https://online.gov.vn/Home/WebDetails/144"
    operator.save()
    SocialLink.objects.create(setting=operator, network="zalo", url="https://zalo.me/cho-ocop")
    terms = publish_story("Điều khoản sử dụng")
    operator.terms_page = terms
    operator.save()

    shown = footer(client.get("/catalogue/"))
    assert "Trung tâm Xúc tiến Thương mại tỉnh Quảng Trị" in shown
    assert "3200123456" in shown and "Nguyễn Văn A" in shown
    assert 'href="https://online.gov.vn/Home/WebDetails/144"' in shown and "DK-2026-0144" in shown
    assert 'href="https://zalo.me/cho-ocop"' in shown and "Zalo" in shown
    assert f'href="{terms.url}"' in shown


def test_details_left_empty_are_not_shown(client, operator):
    operator.tax_code = ""
    operator.moit_registration_number = operator.moit_registration_url = ""
    operator.save()
    shown = footer(client.get("/"))
    assert "site-footer__moit" not in shown
    assert "site-footer__social" not in shown


def test_an_unpublished_policy_page_is_not_linked(client, operator):
    terms = publish_story("Chính sách bảo mật")
    operator.privacy_page = terms
    operator.save()
    terms.unpublish()
    assert f'href="{terms.url}"' not in footer(client.get("/"))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://facebook.com/cho-ocop", "data:text/html,x"])
def test_a_social_link_must_be_https(operator, url):
    with pytest.raises(ValidationError) as refused:
        SocialLink(setting=operator, network="facebook", url=url).full_clean()
    assert "https://" in str(refused.value)


def test_the_footer_costs_the_same_queries_however_many_links_it_shows(client, operator, settings):
    settings.PAGE_CACHE_ENABLED = False

    def queries():
        client.get("/catalogue/")  # fills what is kept under the revision
        with CaptureQueriesContext(connection) as captured:
            client.get("/catalogue/")
        return len(captured)

    few = queries()
    for n in range(5):
        SocialLink.objects.create(setting=operator, network="other", url=f"https://example.vn/{n}")
    for name in ("terms_page", "privacy_page", "delivery_page", "payment_page", "dispute_page"):
        setattr(operator, name, publish_story(f"Chính sách {name}"))
    operator.save()
    assert queries() == few
    assert StoryPage.objects.live().count() >= 5


def test_bootstrap_keeps_the_operator_an_editor_wrote(operator):
    operator.operator_name = "Trung tâm Xúc tiến Thương mại"
    operator.save()
    province = Province.objects.get(code="44")
    outcome = ensure_operator_settings(operator.site, province)
    operator.refresh_from_db()
    assert operator.operator_name == "Trung tâm Xúc tiến Thương mại"
    assert not outcome.changed and not outcome.created


def test_bootstrap_fills_an_empty_operator_name_from_the_province(operator):
    operator.operator_name = ""
    operator.save()
    province = Province.objects.get(code="44")
    assert ensure_operator_settings(operator.site, province).changed
    operator.refresh_from_db()
    assert operator.operator_name == f"Sở Công Thương tỉnh {province.short_name}"
