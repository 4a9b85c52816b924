"""Reviews come only from shoppers who received the product; operators hide them with a reason.

Only published reviews are shown and counted in the product's rating, which search sorts by.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.order import parcels
from search.models import ProductRecord
from tests.factories import parcel_of, place_order, product_of
from tests.responses import messages_of

ProductReview = get_model("reviews", "ProductReview")
Parcel = get_model("order", "Parcel")

pytestmark = pytest.mark.django_db

REVIEW = {"title": "Nước mắm rất thơm", "score": "4", "body": "Đậm đà, đóng chai cẩn thận."}
ANONYMOUS_REVIEW = {**REVIEW, "name": "Khách lạ", "email": "khach@example.vn"}


def add_url(product):
    return reverse("catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk})


def detail_url(review):
    return reverse(
        "catalogue:reviews-detail",
        kwargs={"product_slug": review.product.slug, "product_pk": review.product.pk, "pk": review.pk},
    )


def bring(parcel, to_status):
    """Move a confirmed parcel on, the way the enterprise's dashboard does."""
    path = [Parcel.Status.PACKED, Parcel.Status.SHIPPED, Parcel.Status.DELIVERED]
    for status in path[: path.index(to_status) + 1]:
        parcels.move(parcel, status, carrier="VNPost", tracking_number="EB123456789VN")


@pytest.fixture
def product(vendor1):
    product = product_of(vendor1)
    product.reviews.all().delete()
    product.refresh_from_db()
    return product


@pytest.fixture
def delivered(shopper, vendor1, product):
    """The shopper's order of the product, its parcel delivered."""
    order = place_order(shopper, {product: 1}, confirm=True)
    bring(parcel_of(order, vendor1), Parcel.Status.DELIVERED)
    return order


@pytest.fixture
def review(client, shopper, product, delivered, django_capture_on_commit_callbacks):
    """The shopper's published review (4 of 5), in the search index too."""
    client.force_login(shopper)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(add_url(product), REVIEW)
    client.logout()
    return ProductReview.objects.get(product=product, user=shopper)


def html(response):
    return response.content.decode()


def assert_nothing_stored(product):
    product.refresh_from_db()
    assert not ProductReview.objects.filter(product=product).exists()
    assert product.rating is None


# --- Who may review ----------------------------------------------------------------------------


def test_nobody_without_a_delivered_parcel_gets_a_review_published_and_counted(client, shopper, product):
    """The failure measured on main: anyone, even anonymous, posted a review, published and rated at once."""
    client.post(add_url(product), ANONYMOUS_REVIEW)
    client.force_login(shopper)
    client.post(add_url(product), REVIEW)
    assert not ProductReview.objects.filter(product=product).exists()
    product.refresh_from_db()
    assert product.rating is None


def test_an_anonymous_visitor_is_asked_to_sign_in_and_cannot_post_a_review(client, product, in_english):
    page = client.get(add_url(product))
    assert page.status_code == 200
    assert "Sign in to review this product" in html(page)
    assert 'id="add_review_form"' not in html(page)
    assert reverse("customer:login") in html(page)

    response = client.post(add_url(product), ANONYMOUS_REVIEW)
    assert response.status_code == 302
    assert "Sign in to review this product" in " ".join(messages_of(response))
    assert_nothing_stored(product)


def test_a_shopper_who_never_bought_the_product_cannot_review_it(client, shopper, product, in_english):
    client.force_login(shopper)
    page = client.get(add_url(product))
    assert "Only shoppers who bought this product can review it" in html(page)
    assert 'id="add_review_form"' not in html(page)

    response = client.post(add_url(product), REVIEW)
    assert response.status_code == 302
    assert "Only shoppers who bought this product can review it" in " ".join(messages_of(response))
    assert_nothing_stored(product)


@pytest.mark.parametrize("status", [Parcel.Status.CONFIRMED, Parcel.Status.PACKED, Parcel.Status.SHIPPED])
def test_a_shopper_whose_parcel_is_on_its_way_reviews_after_delivery(
    client, shopper, vendor1, product, status, in_english
):
    parcel = parcel_of(place_order(shopper, {product: 1}, confirm=True), vendor1)
    if status != Parcel.Status.CONFIRMED:
        bring(parcel, status)
    client.force_login(shopper)
    assert "You can review this product after your parcel is delivered." in html(client.get(add_url(product)))
    assert "You can review this product after your parcel is delivered." in html(
        client.get(product.get_absolute_url())
    )

    response = client.post(add_url(product), REVIEW)
    assert "You can review this product after your parcel is delivered." in " ".join(messages_of(response))
    assert_nothing_stored(product)


def test_a_cancelled_parcel_does_not_let_the_shopper_review(client, shopper, vendor1, product, in_english):
    parcels.move(
        parcel_of(place_order(shopper, {product: 1}, confirm=True), vendor1),
        Parcel.Status.CANCELLED,
        note="Khách đổi ý",
    )
    client.force_login(shopper)
    client.post(add_url(product), REVIEW)
    assert_nothing_stored(product)


def test_a_delivered_parcel_of_another_shopper_does_not_count(client, django_user_model, product, delivered):
    stranger = django_user_model.objects.create_user("khach@example.vn", "khach@example.vn", "x")
    client.force_login(stranger)
    client.post(add_url(product), REVIEW)
    assert_nothing_stored(product)


def test_a_shopper_with_a_delivered_parcel_reviews_once_and_it_counts_at_once(
    client, shopper, product, delivered, in_english
):
    client.force_login(shopper)
    page = client.get(product.get_absolute_url())
    assert 'id="write_review"' in html(page)
    assert 'id="add_review_form"' in html(client.get(add_url(product)))

    response = client.post(add_url(product), REVIEW)
    assert response.status_code == 302
    review = ProductReview.objects.get(product=product, user=shopper)
    assert review.is_approved and review.verified_purchase
    product.refresh_from_db()
    assert product.rating == 4.0

    again = client.post(add_url(product), {**REVIEW, "score": "1"})
    assert "You have already reviewed this product." in " ".join(messages_of(again))
    assert ProductReview.objects.filter(product=product).count() == 1
    product.refresh_from_db()
    assert product.rating == 4.0
    assert 'id="write_review"' not in html(client.get(product.get_absolute_url()))


def test_an_invalid_review_is_shown_again_with_its_errors_not_stored(client, shopper, product, delivered):
    client.force_login(shopper)
    response = client.post(add_url(product), {**REVIEW, "score": "9", "title": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"score", "title"}
    assert_nothing_stored(product)


def test_enterprise_staff_cannot_review_what_their_enterprise_sells(client, vendor1, product, in_english):
    bring(parcel_of(place_order(vendor1, {product: 1}, confirm=True), vendor1), Parcel.Status.DELIVERED)
    client.force_login(vendor1)
    assert "Your enterprise sells this product" in html(client.get(add_url(product)))
    client.post(add_url(product), REVIEW)
    assert_nothing_stored(product)


# --- Verified purchase ------------------------------------------------------------------------


def test_the_review_says_verified_purchase_on_the_product_page_and_its_own_page(client, review):
    for url in (review.product.get_absolute_url(), detail_url(review)):
        page = html(client.get(url))
        assert review.title in page
        with translation.override("vi"):
            assert translation.gettext("Verified purchase") in page  # "Đã mua hàng"


def test_the_verified_purchase_badge_in_english(client, review, in_english):
    assert "Verified purchase" in html(client.get(review.product.get_absolute_url()))


def test_a_review_written_before_the_rule_is_not_called_a_verified_purchase(
    client, shopper, product, in_english
):
    ProductReview.objects.create(product=product, user=shopper, score=3, title="Cũ", body="Viết từ trước.")
    page = html(client.get(product.get_absolute_url()))
    assert "Cũ" in page
    assert "Verified purchase" not in page


# --- Moderation -------------------------------------------------------------------------------


def moderate_url(review):
    return reverse("dashboard:reviews-update", kwargs={"pk": review.pk})


def test_an_operator_hides_a_review_with_a_reason_and_it_leaves_the_page_the_rating_and_search(
    client, admin_user, review, django_capture_on_commit_callbacks
):
    product = review.product
    assert ProductRecord.objects.get(product=product).rating == 4.0
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            moderate_url(review), {"status": ProductReview.REJECTED, "hidden_reason": "Quảng cáo"}
        )
    assert response.status_code == 302

    review.refresh_from_db()
    assert review.is_hidden
    assert (review.hidden_reason, review.hidden_by) == ("Quảng cáo", admin_user)
    product.refresh_from_db()
    assert product.rating is None
    assert ProductRecord.objects.get(product=product).rating is None
    client.logout()
    assert review.title not in html(client.get(product.get_absolute_url()))
    assert client.get(detail_url(review)).status_code == 404
    reviews_list = reverse(
        "catalogue:reviews-list", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )
    assert review.title not in html(client.get(reviews_list))

    client.force_login(admin_user)
    assert "Quảng cáo" in html(client.get(reverse("dashboard:reviews-list")))
    form = client.get(moderate_url(review)).context["form"]
    assert (form["status"].value(), form["hidden_reason"].value()) == (ProductReview.REJECTED, "Quảng cáo")


def test_search_follows_the_rating_as_reviews_are_published_and_hidden(
    client, admin_user, review, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate_url(review), {"status": ProductReview.REJECTED, "hidden_reason": "Sai sản phẩm"})
    assert ProductRecord.objects.get(product=review.product).rating is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate_url(review), {"status": ProductReview.APPROVED, "hidden_reason": ""})
    review.refresh_from_db()
    assert review.is_approved and review.hidden_reason == ""
    assert ProductRecord.objects.get(product=review.product).rating == 4.0


def test_the_rating_averages_published_reviews_only(client, admin_user, django_user_model, product, review):
    other = django_user_model.objects.create_user("khach2@example.vn", "khach2@example.vn", "x")
    ProductReview.objects.create(product=product, user=other, score=1, title="Tệ", body="Vỡ chai.")
    product.refresh_from_db()
    assert product.rating == 2.5

    client.force_login(admin_user)
    client.post(moderate_url(review), {"status": ProductReview.REJECTED, "hidden_reason": "Trùng lặp"})
    product.refresh_from_db()
    assert product.rating == 1.0
    assert product.num_approved_reviews == 1


def test_hiding_without_a_reason_is_refused_and_changes_nothing(client, admin_user, review, in_english):
    client.force_login(admin_user)
    response = client.post(moderate_url(review), {"status": ProductReview.REJECTED, "hidden_reason": "  "})
    assert response.status_code == 200
    assert "Please write why the review is hidden." in html(response)
    review.refresh_from_db()
    assert review.is_approved and review.hidden_reason == ""
    review.product.refresh_from_db()
    assert review.product.rating == 4.0


def test_the_moderation_page_shows_what_the_shopper_wrote_without_letting_it_be_edited(
    client, admin_user, review
):
    client.force_login(admin_user)
    response = client.get(moderate_url(review))
    assert response.status_code == 200
    assert review.body in html(response)
    assert set(response.context["form"].fields) == {"status", "hidden_reason"}
    client.post(moderate_url(review), {"status": ProductReview.APPROVED, "title": "Sửa", "score": "5"})
    review.refresh_from_db()
    assert (review.title, review.score) == (REVIEW["title"], 4)


def test_operators_hide_selected_reviews_in_bulk_with_a_reason(client, admin_user, review, in_english):
    client.force_login(admin_user)
    bulk = {"action": "update_selected_review_status", "selected_review": [review.pk]}

    for refused in ({"status": ProductReview.REJECTED, "hidden_reason": ""}, {"status": "abc"}, {}):
        response = client.post(reverse("dashboard:reviews-list"), {**bulk, **refused})
        assert response.status_code == 302
        assert messages_of(response)
        review.refresh_from_db()
        assert review.is_approved

    response = client.post(
        reverse("dashboard:reviews-list"), {**bulk, "status": ProductReview.REJECTED, "hidden_reason": "Spam"}
    )
    assert "Reviews hidden: 1." in messages_of(response)
    review.refresh_from_db()
    assert review.is_hidden and review.hidden_reason == "Spam"
    review.product.refresh_from_db()
    assert review.product.rating is None


def test_enterprise_staff_cannot_moderate_reviews_even_of_their_own_products(client, vendor1, review):
    client.force_login(vendor1)
    for url in (reverse("dashboard:reviews-list"), moderate_url(review)):
        assert client.get(url).status_code == 403
    client.post(moderate_url(review), {"status": ProductReview.REJECTED, "hidden_reason": "Chê sản phẩm"})
    client.post(
        reverse("dashboard:reviews-list"),
        {
            "action": "update_selected_review_status",
            "selected_review": [review.pk],
            "status": 2,
            "hidden_reason": "x",
        },
    )
    client.post(reverse("dashboard:reviews-delete", kwargs={"pk": review.pk}))
    review.refresh_from_db()
    assert review.is_approved and review.hidden_reason == ""
