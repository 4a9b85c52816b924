"""Every filter narrows exactly as the catalogue says, and every facet counts what choosing it would give."""

from dataclasses import replace
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from search.query import PRICE_BUCKETS, BadgeKind, Facet, ProductQuery

from .conftest import ALL, counted

Category = get_model("catalogue", "Category")
Province = get_model("places", "Province")


def queries(reference):
    """One query per filter, and some combining them, built from what the demo holds."""
    documents = reference.documents
    category = Category.objects.get(pk=documents[0].category_ids[-1])
    sector = Category.objects.get(pk=documents[0].category_ids[0])
    enterprise_a, enterprise_b = sorted({pk for d in documents for pk in d.enterprise_ids})[:2]
    province = next(d.province_code for d in documents if d.province_code)
    communes = sorted({d.commune_code for d in documents if d.commune_code})[:2]
    return {
        "everything": ProductQuery(),
        "words": ProductQuery(text="tieu"),
        "category and its descendants": ProductQuery(
            category_ids=tuple(sector.get_descendants_and_self().values_list("pk", flat=True))
        ),
        "one leaf category": ProductQuery(category_ids=(category.pk,)),
        "enterprises": ProductQuery(enterprise_ids=(enterprise_a, enterprise_b)),
        "province": ProductQuery(province_codes=(province,)),
        "communes": ProductQuery(commune_codes=tuple(communes)),
        "at least 4 stars": ProductQuery(min_stars=4),
        "at least 3 stars": ProductQuery(min_stars=3),
        "a badge": ProductQuery(badges=(BadgeKind.TRACEABLE,)),
        "two badges": ProductQuery(badges=(BadgeKind.OCOP, BadgeKind.VERIFIED_ORIGIN)),
        "a price bucket": ProductQuery(price_min=PRICE_BUCKETS[1][0], price_max=PRICE_BUCKETS[1][1]),
        "a typed price range": ProductQuery(price_min=Decimal(95_000), price_max=Decimal(300_000)),
        "only a lowest price": ProductQuery(price_min=Decimal(200_000)),
        "in stock": ProductQuery(in_stock=True),
        "words and filters": ProductQuery(text="mam", min_stars=3, in_stock=True, province_codes=(province,)),
        "every family at once": ProductQuery(
            text="tra",
            category_ids=(sector.pk, category.pk),
            enterprise_ids=(enterprise_a, enterprise_b),
            province_codes=(province,),
            commune_codes=tuple(communes),
            min_stars=3,
            badges=(BadgeKind.OCOP,),
            price_min=Decimal(1),
            price_max=Decimal(10_000_000),
            in_stock=True,
        ),
        "nothing matches": ProductQuery(text="khong co san pham nao nhu the"),
    }


@pytest.fixture
def cases(reference):
    return queries(reference)


@pytest.mark.parametrize(
    "name",
    [
        "everything",
        "words",
        "category and its descendants",
        "one leaf category",
        "enterprises",
        "province",
        "communes",
        "at least 4 stars",
        "at least 3 stars",
        "a badge",
        "two badges",
        "a price bucket",
        "a typed price range",
        "only a lowest price",
        "in stock",
        "words and filters",
        "every family at once",
        "nothing matches",
    ],
)
def test_hits_and_facet_counts_equal_a_count_over_the_catalogue(backend, reference, cases, name):
    query = cases[name]
    results = backend.search(replace(query, per_page=ALL))
    expected = reference.hits(query)
    assert {product.pk for product in results.products} == expected
    assert results.total == len(expected)
    assert counted(results) == reference.facet_counts(query)


def test_every_filter_narrows_something(reference, cases):
    """The cases above are worth running: each filter alone leaves out some products but not all."""
    everything = reference.hits(ProductQuery())
    for name in (
        "words",
        "one leaf category",
        "enterprises",
        "communes",
        "at least 4 stars",
        "a badge",
        "a price bucket",
        "in stock",
    ):
        assert 0 < len(reference.hits(cases[name])) < len(everything), name


def test_facet_values_carry_labels_and_say_which_are_chosen(backend, cases):
    (code,) = cases["province"].province_codes
    results = backend.search(ProductQuery(province_codes=(code,), min_stars=4))
    provinces = results.facets[Facet.PROVINCE]
    assert [value.label for value in provinces if value.selected] == [Province.objects.get(code=code).name]
    stars = {value.value: value for value in results.facets[Facet.STARS]}
    assert stars["4"].selected and not stars["3"].selected
    assert all(value.label and value.label != value.value for value in results.facets[Facet.CATEGORY])
    assert all(value.label and value.label != value.value for value in results.facets[Facet.ENTERPRISE])
    assert all(value.label != value.value for value in results.facets[Facet.COMMUNE])


def test_choosing_a_facet_value_gives_the_count_it_showed(backend):
    for name, field in (
        (Facet.ENTERPRISE, "enterprise_ids"),
        (Facet.COMMUNE, "commune_codes"),
        (Facet.BADGE, "badges"),
    ):
        for value in backend.search(ProductQuery(text="tieu")).facets[name]:
            chosen = (int(value.value),) if field == "enterprise_ids" else (value.value,)
            assert backend.search(ProductQuery(text="tieu", **{field: chosen})).total == value.count
