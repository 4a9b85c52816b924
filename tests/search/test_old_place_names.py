"""Searching or filtering by a former place name (before 1 July 2025) finds its products, no bottles."""

import pytest
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from oscar.core.loading import get_model

from places.models import Commune, LegacyUnit
from search.elastic.queries import search_body
from search.forms import SearchForm
from search.services import search_products

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(new_product, committed):
    """Fish sauce from the former Bố Trạch, from the former Quảng Trị, and a bottle ("bình") from there."""

    def made_in(title, commune_name):
        product = new_product(title)
        commune = Commune.objects.get(province__code="44", name=commune_name)
        product.origin_province, product.origin_commune = commune.province, commune
        product.save()
        return product

    with committed():
        return {
            "bo_trach": made_in("Nước mắm Phong Nha thử nghiệm", "Xã Phong Nha"),
            "dong_ha": made_in("Nước mắm Đông Hà thử nghiệm", "Phường Đông Hà"),
            "bottle": made_in("Nước mắm cá cơm chai/bình 1 lít", "Phường Đông Hà"),
            "honey": made_in("Mật ong rừng Phong Nha thử nghiệm", "Xã Phong Nha"),
        }


def said_former(page, name):
    """The notice names the former unit (in Vietnamese once the catalogue is compiled)."""
    return f"{name} (cũ)" in page or f"{name} (former)" in page


def found(**params):
    form = SearchForm(MultiValueDict({name: [value] for name, value in params.items()}))
    form.is_valid()
    return set(search_products(form.product_query(per_page=100)).products)


def origin_codes(unit_code):
    return set(LegacyUnit.objects.get(code=unit_code).successors.values_list("code", flat=True))


@pytest.mark.parametrize("typed", ["Bố Trạch", "bo trach"])
def test_the_page_says_what_the_former_district_became(client, products, typed):
    response = client.get(reverse("search:search"), {"q": typed})
    assert response.status_code == 200
    page = response.content.decode()
    assert said_former(page, "Bố Trạch")
    assert "Xã Phong Nha" in page and "Xã Hoàn Lão" in page
    assert products["bo_trach"] in set(response.context["results"].products)


@pytest.mark.parametrize("typed", ["Bố Trạch", "bo trach", "huyen bo trach"])
def test_only_the_successor_communes_products_are_found(products, typed):
    results = found(q=typed)
    assert {products["bo_trach"], products["honey"]} <= results
    assert {product.origin_commune.code for product in results} <= origin_codes("455")


def test_the_other_words_still_narrow_the_products(products):
    results = found(q="mật ong bố trạch")
    assert products["honey"] in results
    assert products["bo_trach"] not in results
    assert products["dong_ha"] not in results


@pytest.mark.parametrize("typed", ["Quảng Bình", "quang binh"])
def test_the_former_province_finds_its_products_and_no_bottle(products, typed):
    results = found(q=typed)
    assert products["bo_trach"] in results
    assert products["bottle"] not in results
    assert products["dong_ha"] not in results
    assert {product.origin_commune.code for product in results} <= origin_codes("44")


def test_a_bottle_is_still_found_by_its_own_word(products):
    assert products["bottle"] in found(q="bình 1 lít")


def test_the_former_place_filter_in_the_address(client, products):
    assert products["bo_trach"] in found(old="455")
    assert products["dong_ha"] not in found(old="455")
    assert products["dong_ha"] in found(old="45")  # the former Quảng Trị province
    response = client.get(reverse("search:search"), {"old": "455"})
    assert said_former(response.content.decode(), "Bố Trạch")


def test_a_former_place_and_a_chosen_commune_meet(products):
    phong_nha = products["bo_trach"].origin_commune.code
    dong_ha = products["dong_ha"].origin_commune.code
    assert found(q="bo trach", commune=phong_nha) >= {products["bo_trach"]}
    assert found(q="bo trach", commune=dong_ha) == set()


def test_an_unknown_former_place_code_is_said_and_ignored(client, products):
    response = client.get(reverse("search:search"), {"old": "999", "q": "nước mắm"})
    assert response.status_code == 200
    assert "Không nhận diện được bộ lọc" in response.content.decode()
    assert response.context["results"].total > 0


def test_the_elasticsearch_query_filters_on_the_successor_communes():
    form = SearchForm({"q": "nước mắm bố trạch"})
    form.is_valid()
    body = search_body(form.product_query())
    codes = sorted(origin_codes("455") | {"19141"})
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"commune_code": codes}}]}}
    must = body["query"]["bool"]["must"][0]["multi_match"]
    assert must["query"] == "nuoc mam"
    assert "bo" not in must["query"].split()
