"""What a product card shows a shopper on a phone: the whole name, the enterprise, the badges that
fit with "+n" for the rest, stars only for a reviewed product, a picture that does not shift the page.

Cards are rendered from :class:`catalogue.cards.ProductCard` values, so most of this needs no database.
"""

import re

import pytest
from django.utils import translation

from catalogue import card_fragments
from catalogue.cards import CompactBadge, ProductCard, split_badges

TITLE = "Nước mắm cá cơm Hưng Thịnh nhĩ cốt 45 độ đạm (chai thủy tinh 200ml)"
OCOP = CompactBadge("ocop-4", "OCOP 4★", "Recognised as a 4-star OCOP product.")
ORIGIN = CompactBadge("verified-origin", "Verified origin: Quảng Trị", "Checked by the Department.")
TRACEABLE = CompactBadge("traceable", "Traceable lot", "Each step is published.")
SPECIALTY = CompactBadge("specialty", "Specialty of Quảng Trị", "A specialty of the province.")


def a_card(**facts):
    badges, more = split_badges(facts.pop("all_badges", ()))
    values = {
        "pk": 1,
        "url": "/catalogue/nuoc-mam_1/",
        "title": TITLE,
        "image_url": "/media/thumbnails/ab/abc.jpg",
        "stars": None,
        "badges": badges,
        "more_badges": more,
        "enterprise": "HTX Nước mắm Hưng Thịnh",
        "price_exists": True,
        "price_text": "125.000 ₫",
        "availability_code": "instock",
        "available": True,
        "availability_text": "In stock",
        "basket": "form",
        "basket_url": "/basket/add/1/",
    }
    return ProductCard(**{**values, **facts})


def shown(card):
    with translation.override("en"):
        return card_fragments.render_fresh([card])[card.pk]


def test_a_card_shows_the_whole_product_name_for_the_stylesheet_to_clamp_to_two_lines():
    html = shown(a_card())
    assert f">{TITLE}</a>" in html
    assert "…" not in html


def test_a_card_names_the_enterprise_that_sells_it():
    assert '<p class="product_pod__enterprise">HTX Nước mắm Hưng Thịnh</p>' in shown(a_card())
    assert "product_pod__enterprise" not in shown(a_card(enterprise=""))


def test_an_unreviewed_product_shows_no_stars():
    assert "star-rating" not in shown(a_card(stars=None))


def test_a_reviewed_product_shows_its_stars_with_words_for_screen_readers():
    html = shown(a_card(stars="Four"))
    assert 'class="star-rating Four" role="img" aria-label="Rated 4 out of 5"' in html


def test_two_badges_are_both_shown():
    html = shown(a_card(all_badges=[OCOP, ORIGIN]))
    assert "product-badge--ocop-4" in html and "product-badge--verified-origin" in html
    assert "product-badge--more" not in html


def test_more_badges_than_fit_show_the_first_by_priority_and_a_plus_n_naming_the_rest():
    html = shown(a_card(all_badges=[OCOP, ORIGIN, TRACEABLE, SPECIALTY]))
    assert "product-badge--ocop-4" in html
    assert "product-badge--verified-origin" not in html
    more = re.search(r'<li class="[^"]*product-badge--more" title="([^"]*)">(.*?)</li>', html)
    assert more.group(1) == "3 more badges: Verified origin: Quảng Trị, Traceable lot, Specialty of Quảng Trị"
    assert '<span aria-hidden="true">+3</span>' in more.group(2)
    assert f'<span class="sr-only">{more.group(1)}</span>' in more.group(2)


def test_badges_are_split_by_priority_never_leaving_a_lone_plus_one_where_a_badge_fits():
    assert split_badges([OCOP]) == ((OCOP,), ())
    assert split_badges([OCOP, ORIGIN]) == ((OCOP, ORIGIN), ())
    assert split_badges([OCOP, ORIGIN, TRACEABLE]) == ((OCOP,), (ORIGIN, TRACEABLE))


def test_a_cards_picture_has_its_size_so_the_page_does_not_shift_while_it_loads():
    html = shown(a_card())
    assert re.search(r'<img src="/media/thumbnails/ab/abc.jpg" alt="[^"]+" width="320" height="320"', html)


@pytest.mark.django_db
def test_the_first_row_of_a_page_loads_its_pictures_at_once_the_first_before_all_and_the_rest_lazily():
    from oscar.core.loading import get_model

    ids = list(get_model("catalogue", "Product").objects.browsable().values_list("pk", flat=True)[:6])
    assert len(ids) == 6, "the demo catalogue"
    cards = card_fragments.render_cards(ids)
    loading = [re.search(r'loading="(\w+)"', html).group(1) for html in cards]
    assert loading == ["eager"] * 4 + ["lazy"] * 2
    assert ['fetchpriority="high"' in html for html in cards] == [True] + [False] * 5


@pytest.mark.django_db
def test_every_badge_on_a_card_says_in_short_what_it_is_with_its_full_label_in_its_title():
    from oscar.core.loading import get_model

    ids = list(get_model("catalogue", "Product").objects.browsable().values_list("pk", flat=True)[:24])
    with translation.override("en"):
        html = "".join(card_fragments.render_cards(ids))
    badges = re.findall(r'<li class="[^"]*product-badge--([a-z0-9-]+)" title="([^"]*)">(.*?)</li>', html)
    shown = [(code, title, text) for code, title, text in badges if code != "more"]
    assert shown, "the demo's cards carry badges"
    assert all(text.strip() for _code, _title, text in shown)
    origin = next(badge for badge in shown if badge[0] == "verified-origin")
    assert origin[2] == "Verified origin" and origin[1].startswith("Verified origin: ")
