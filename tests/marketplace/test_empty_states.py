"""An empty list says what to do next: a sentence of help and a button that does it."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from vendors.models import EnterpriseStatus

WishList = get_model("wishlists", "WishList")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(client, django_user_model):
    """A shopper who has just signed up: no orders, no wish list lines, no notifications."""
    user = django_user_model.objects.create_user("newcomer", "newcomer@example.vn", "x")
    client.force_login(user)
    return user


def empty_state(client, address, **params):
    response = client.get(address, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="empty-state' in html, address
    return html[html.index('class="empty-state') :]


def action(state):
    """The button's address."""
    start = state.index('class="btn btn-primary empty-state__action" href="') + len(
        'class="btn btn-primary empty-state__action" href="'
    )
    return state[start : state.index('"', start)]


def test_an_empty_basket_invites_to_browse_products(client, in_english):
    state = empty_state(client, reverse("basket:summary"))
    assert escape(_("Your basket is empty.")) in state
    assert action(state) == reverse("catalogue:index")
    assert reverse("enterprises:list") in state


def test_no_orders_yet_invites_to_start_shopping(client, in_english, newcomer):
    state = empty_state(client, reverse("customer:order-list"))
    assert _("You haven't placed any orders.") in state  # translated strings are safe: not escaped
    assert action(state) == reverse("catalogue:index")


def test_an_empty_wish_list_says_how_to_fill_it(client, in_english, newcomer):
    wishlist = WishList.objects.create(owner=newcomer, name="Quà Tết")
    state = empty_state(client, reverse("customer:wishlists-detail", kwargs={"key": wishlist.key}))
    assert escape(_("Your wish list is empty.")) in state
    assert escape(_("Add to wish list")) in state or "Add to wish list" in state
    assert action(state) == reverse("catalogue:index")


def test_an_empty_shared_wish_list_invites_to_browse(client, in_english, newcomer):
    wishlist = WishList.objects.create(owner=newcomer, name="Quà Tết", visibility=WishList.PUBLIC)
    state = empty_state(client, reverse("wishlists:detail", kwargs={"key": wishlist.key}))
    assert action(state) == reverse("catalogue:index")


def test_no_notifications_yet_says_what_will_arrive_and_links_the_orders(client, in_english, newcomer):
    state = empty_state(client, reverse("customer:notifications-inbox"))
    assert escape(_("No notifications yet.")) in state
    assert action(state) == reverse("customer:order-list")


def test_an_empty_archive_leads_back_to_the_inbox(client, in_english, newcomer):
    state = empty_state(client, reverse("customer:notifications-archive"))
    assert action(state) == reverse("customer:notifications-inbox")


def test_a_storefront_with_nothing_on_sale_points_to_other_products(client, in_english):
    enterprise = Partner.objects.create(
        name="Hợp tác xã Mới Mở", slug="hop-tac-xa-moi-mo", status=EnterpriseStatus.APPROVED
    )
    state = empty_state(client, reverse("enterprises:detail", kwargs={"slug": enterprise.slug}))
    assert escape(_("This enterprise has nothing on sale right now.")) in state
    assert action(state) == reverse("catalogue:index")
    assert reverse("enterprises:list") in state


def test_a_search_with_no_results_suggests_what_to_try_and_offers_every_product(client, in_english):
    response = client.get(reverse("search:search"), {"q": "zzqxv"})
    html = response.content.decode()
    no_results = html[html.index('class="no-results"') :]
    assert "accents are optional" in no_results
    assert f'class="btn btn-primary" href="{reverse("catalogue:index")}"' in no_results
    assert "no-results__categories" in no_results


def test_a_filtered_search_with_no_results_suggests_removing_the_filters(client, in_english):
    response = client.get(reverse("search:search"), {"q": "zzqxv", "badge": "verified-origin"})
    html = response.content.decode()
    assert "Remove a filter above" in html or "Remove the filters" in html


def test_the_offers_page_with_none_running_says_so(client, in_english):
    state = empty_state(client, reverse("offer:list"))
    assert escape(_("There are no offers at the moment.")) in state
    assert action(state) == reverse("catalogue:index")
