"""The category tree kept under the content revision (catalogue.category_index) answers as the
database does, and a category renamed or moved in the dashboard shows from the next request on."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from catalogue.category_index import category_index
from marketplace import content_revision
from marketplace.page_cache import revisions

Category = get_model("catalogue", "Category")
CategoryForm = get_class("dashboard.catalogue.forms", "CategoryForm")

pytestmark = pytest.mark.django_db


def as_a_request_sees_it():
    """The index as a request reading the content revision now sees it (kept across requests)."""
    with content_revision.asked_once(revisions.current):
        return category_index()


def edit_in_dashboard(category, **changes):
    """Save ``category`` with the dashboard's form, as an operator does, its commit's hooks run."""
    data = {
        "name": category.name,
        "slug": category.slug,
        "is_public": "on" if category.is_public else "",
        "treebeard_position": "first-child",
        "treebeard_ref_node": category.get_parent().pk if category.depth > 1 else "",
        **changes,
    }
    form = CategoryForm(data, instance=category)
    assert form.is_valid(), form.errors
    form.save()


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sub_category():
    return Category.objects.filter(depth=2).order_by("path").first()


def test_the_index_answers_as_the_tree_does(sub_category):
    index = category_index()
    sector = sub_category.get_parent()

    under_sector = sector.get_descendants_and_self().values_list("pk", flat=True)
    assert index.descendants_and_self(sector.pk) == tuple(under_sector)
    assert [node.pk for node in index.ancestors_and_self(sub_category.pk)] == [sector.pk, sub_category.pk]
    assert index.get(sub_category.pk).url == sub_category.get_absolute_url()
    assert index.get(sub_category.pk).parent == sector.pk
    assert index.topmost([sub_category.pk, sector.pk]) == [sector.pk]


def test_unknown_categories_have_no_place_in_the_index():
    index = category_index()
    assert index.descendants_and_self(0) == ()
    assert index.ancestors_and_self(0) == []
    assert index.topmost([0, "x"]) == []


def test_once_kept_the_index_costs_no_query(django_assert_num_queries):
    as_a_request_sees_it()
    with django_assert_num_queries(1):  # the revision, asked by each request anyway
        as_a_request_sees_it()


def test_a_renamed_category_shows_its_new_name_and_address_on_the_next_request(sub_category, committing):
    as_a_request_sees_it()
    with committing():
        edit_in_dashboard(sub_category, name="Mật ong rừng U Minh", slug="mat-ong-rung-u-minh")

    node = as_a_request_sees_it().get(sub_category.pk)

    assert node.name == "Mật ong rừng U Minh"
    full_slug = f"{sub_category.get_parent().slug}/mat-ong-rung-u-minh"
    assert node.url == reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": node.pk})


def test_a_moved_category_is_under_its_new_parent_on_the_next_request(sub_category, committing):
    old_sector = sub_category.get_parent()
    new_sector = Category.objects.filter(depth=1).exclude(pk=old_sector.pk).order_by("path").first()
    as_a_request_sees_it()
    with committing():
        edit_in_dashboard(sub_category, treebeard_ref_node=new_sector.pk)

    index = as_a_request_sees_it()

    assert [node.pk for node in index.ancestors_and_self(sub_category.pk)] == [new_sector.pk, sub_category.pk]
    assert sub_category.pk in index.descendants_and_self(new_sector.pk)
    assert sub_category.pk not in index.descendants_and_self(old_sector.pk)
