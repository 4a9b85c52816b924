"""The enterprise replies, once and editably, to reviews of its own products from its dashboard;
the reply shows under the review with its name and date. Another enterprise's reviews are not
theirs to answer, and markup is refused with a message."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from catalogue.reviews import replies
from tests.responses import messages_of

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
ReviewReply = get_model("reviews", "ReviewReply")

pytestmark = pytest.mark.django_db

ANSWER = "Cảm ơn anh đã tin dùng!\nLần sau shop gói kỹ hơn."


def browsable_product_of(user):
    return Product.objects.browsable().filter(stockrecords__partner__users=user).order_by("pk").first()


@pytest.fixture
def review(shopper, vendor1):
    """A published verified review of one of vendor1's products."""
    return ProductReview.objects.create(
        product=browsable_product_of(vendor1),
        user=shopper,
        title="Giao hơi chậm",
        body="Nước mắm ngon nhưng giao chậm.",
        score=4,
        status=ProductReview.APPROVED,
        verified_purchase=True,
    )


def reply_url(review):
    return reverse("dashboard:review-reply", kwargs={"pk": review.pk})


def test_the_enterprise_replies_and_shoppers_read_it_under_the_review(client, vendor1, review):
    client.force_login(vendor1)
    assert review.title in client.get(reverse("dashboard:review-reply-list")).content.decode()
    response = client.post(reply_url(review), {"body": ANSWER})
    assert response.status_code == 302
    reply = ReviewReply.objects.get(review=review)
    assert reply.body == ANSWER and reply.enterprise.users.filter(pk=vendor1.pk).exists()
    client.logout()
    with translation.override("en"):
        product_page = client.get(review.product.get_absolute_url()).content.decode()
        reviews_page = client.get(
            reverse("catalogue:reviews-list", args=[review.product.slug, review.product.pk])
        ).content.decode()
    for page in (product_page, reviews_page):
        assert f"Reply from <strong>{reply.enterprise.name}</strong>" in page
        assert "Cảm ơn anh đã tin dùng!" in page


def test_a_second_reply_edits_the_first(client, vendor1, review):
    client.force_login(vendor1)
    client.post(reply_url(review), {"body": ANSWER})
    client.post(reply_url(review), {"body": "Shop đã gửi bù một chai."})
    assert list(ReviewReply.objects.filter(review=review).values_list("body", flat=True)) == [
        "Shop đã gửi bù một chai."
    ]
    assert "Shop đã gửi bù một chai." in client.get(reply_url(review)).content.decode()


def test_another_enterprise_cannot_see_or_answer_the_review(client, vendor2, review):
    client.force_login(vendor2)
    assert review.title not in client.get(reverse("dashboard:review-reply-list")).content.decode()
    assert client.get(reply_url(review)).status_code == 404
    assert client.post(reply_url(review), {"body": "Sản phẩm bên tôi tốt hơn."}).status_code == 404
    assert not ReviewReply.objects.filter(review=review).exists()
    with pytest.raises(replies.ValidationError):
        replies.reply(review, vendor2, "Sản phẩm bên tôi tốt hơn.")


def test_a_shopper_has_no_reply_pages(client, shopper, review):
    client.force_login(shopper)
    assert client.get(reply_url(review)).status_code in (302, 403)
    assert not ReviewReply.objects.exists()


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>Cảm ơn",
        'Xem <a href="http://lua-dao.example">ưu đãi</a>',
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "&#60;b&#62;đậm",
        "   ",
        "x" * 1001,
    ],
)
def test_hostile_or_empty_replies_are_refused_with_a_message(client, vendor1, review, hostile):
    client.force_login(vendor1)
    with translation.override("en"):  # the English page: /en/dashboard/…
        response = client.post(reply_url(review), {"body": hostile})
    assert response.status_code == 200
    assert not ReviewReply.objects.filter(review=review).exists()
    assert "Your reply was not saved: please correct it." in messages_of(response)
    form_errors = response.context["form"].errors["body"]
    assert form_errors
