"""Each page's head: its canonical address, whether it may be indexed, its description and its card."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.seo.head_reading import canonical, head_of, structured

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    """A browsable product with a picture and a category."""
    return Product.objects.browsable().exclude(images=None).exclude(categories=None).order_by("pk").first()


def test_a_product_page_names_itself_canonical_and_shows_its_picture(client, product):
    response = client.get(product.get_absolute_url() + "?utm_source=zalo")
    head = head_of(response)

    url = f"http://testserver{product.get_absolute_url()}"
    assert canonical(response) == url == head.meta["og:url"]
    assert head.meta["og:type"] == "product" and head.meta["og:title"].startswith(product.get_title())
    picture = product.primary_image().original.url
    assert head.meta["og:image"] == f"http://testserver{picture}"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["og:locale"] == "vi_VN" and head.meta["og:site_name"]
    assert head.meta["description"] and len(head.meta["description"]) <= 155
    assert head.meta["description"] == head.meta["og:description"]
    assert "robots" not in head.meta


def test_a_product_in_english_has_its_english_address_and_locale(client, product):
    with translation.override("en"):
        address = product.get_absolute_url()
    response = client.get(address)
    assert response.status_code == 200
    assert canonical(response) == f"http://testserver{address}"
    assert head_of(response).meta["og:locale"] == "en_US"


def test_product_structured_data_has_breadcrumbs_seller_and_rating(client, product, django_user_model):
    for n, score in enumerate((5, 4)):
        author = django_user_model.objects.create_user(f"seo{n}", f"seo{n}@example.vn", "x")
        ProductReview.objects.create(
            product=product,
            user=author,
            title="Ngon",
            body="Ngon",
            score=score,
            status=ProductReview.APPROVED,
        )
    response = client.get(product.get_absolute_url())

    (crumbs,) = structured(response, "BreadcrumbList")
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names[0] == "Trang chủ" and names[-1] == product.get_title()
    top = Category.objects.get(name=names[1], depth=1)  # the category path, from the top down
    assert len(names) >= 3 and set(names[1:-1]) <= set(Category.objects.values_list("name", flat=True))
    assert crumbs["itemListElement"][1]["item"] == f"http://testserver{top.get_absolute_url()}"
    assert crumbs["itemListElement"][-1]["item"] == f"http://testserver{product.get_absolute_url()}"
    (data,) = structured(response, "Product")
    enterprise = product.stockrecords.first().partner
    assert data["offers"]["seller"] == {
        "@type": "Organization",
        "name": enterprise.name,
        "url": f"http://testserver/enterprises/{enterprise.slug}/",
    }
    counted = ProductReview.objects.filter(product=product, status=ProductReview.APPROVED)
    assert data["aggregateRating"]["reviewCount"] == counted.count() >= 2


def test_no_rating_before_a_review_counts(client, product):
    ProductReview.objects.filter(product=product).delete()
    (data,) = structured(client.get(product.get_absolute_url()), "Product")
    assert "aggregateRating" not in data


@pytest.mark.parametrize(
    "query",
    ["sort_by=price-asc", "stars=4", "badge=traceable", "in_stock=1", "province=44", "price_min=10000"],
)
def test_a_refined_or_sorted_search_is_not_indexed(client, query):
    response = client.get(f"/search/?q=mat+ong&{query}&page=2")
    assert head_of(response).meta["robots"] == "noindex, follow"
    assert canonical(response) == "http://testserver/search/?q=mat+ong&page=2"


def test_a_plain_search_and_its_pages_are_indexed(client):
    response = client.get("/search/?q=mat+ong")
    assert "robots" not in head_of(response).meta
    assert canonical(response) == "http://testserver/search/?q=mat+ong"
    assert canonical(client.get("/catalogue/?page=1")) == "http://testserver/catalogue/"


def test_a_category_refined_by_stars_points_at_the_category(client, product):
    category = product.categories.first()
    response = client.get(category.get_absolute_url() + "?stars=4&sort_by=newest")
    assert head_of(response).meta["robots"] == "noindex, follow"
    assert canonical(response) == f"http://testserver{category.get_absolute_url()}"


def test_baskets_and_accounts_are_not_indexed(client):
    for address in (reverse("basket:summary"), reverse("customer:login")):
        response = client.get(address)
        assert head_of(response).meta["robots"] == "noindex, follow", address


def test_the_home_page_describes_the_platform(client):
    response = client.get("/")
    head = head_of(response)

    assert canonical(response) == "http://testserver/"
    assert head.meta["description"] and head.meta["og:type"] == "website"
    (organization,) = structured(response, "Organization")
    (site,) = structured(response, "WebSite")
    assert organization["url"] == "http://testserver/" and organization["name"]
    assert (
        site["potentialAction"]["target"]["urlTemplate"] == "http://testserver/search/?q={search_term_string}"
    )


def test_a_storefront_is_described_by_its_story(client, product):
    enterprise = product.stockrecords.first().partner
    response = client.get(f"/enterprises/{enterprise.slug}/?page=1&utm_campaign=tet")
    assert canonical(response) == f"http://testserver/enterprises/{enterprise.slug}/"
    assert head_of(response).meta["description"]
