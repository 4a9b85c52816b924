"""Every sort orders the whole result, and pages cut it without losing or repeating a product."""

import pytest

from search.query import ProductQuery, Sort

from .conftest import ALL, everything


def documents_by_id(reference):
    return {document.product_id: document for document in reference.documents}


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        (Sort.PRICE_ASC, lambda d: (d.price is None, d.price)),
        (Sort.PRICE_DESC, lambda d: (d.price is None, -(d.price or 0))),
        (Sort.NEWEST, lambda d: -d.date_created.timestamp()),
        (Sort.RATING, lambda d: (d.rating is None, -(d.rating or 0))),
    ],
)
@pytest.mark.parametrize("text", ["", "tieu"])
def test_each_sort_orders_every_hit(backend, reference, sort, key, text):
    ids = everything(backend, text=text, sort=sort)
    documents = documents_by_id(reference)
    assert set(ids) == reference.hits(ProductQuery(text=text))
    keys = [key(documents[pk]) for pk in ids]
    assert keys == sorted(keys)


def test_rating_sort_puts_reviewed_products_first(backend, reference, new_product, committed):
    with committed():
        product = new_product("Rượu ngô men lá Trường Sơn")
        product.rating = 4.5
        product.save()
    ids = everything(backend, sort=Sort.RATING)
    assert ids[0] == product.pk


def test_relevance_puts_title_matches_before_description_matches(backend, reference):
    ids = everything(backend, text="mat ong")
    documents = documents_by_id(reference)
    in_title = ["mật ong" in documents[pk].title.lower() for pk in ids]
    assert in_title == sorted(in_title, reverse=True)
    assert any(in_title)


@pytest.mark.parametrize("sort", sorted(Sort.VALUES))
@pytest.mark.parametrize("text", ["", "nuoc mam"])
def test_pages_cut_the_whole_result_without_gaps_or_repeats(backend, sort, text):
    whole = everything(backend, text=text, sort=sort)
    per_page = 7
    pages = [
        backend.search(ProductQuery(text=text, sort=sort, per_page=per_page, page=number))
        for number in range(1, len(whole) // per_page + 2)
    ]
    assert [product.pk for page in pages for product in page.products] == whole
    assert all(page.total == len(whole) for page in pages)
    assert pages[0].paginator.num_pages == len(pages)


def test_a_page_past_the_end_shows_the_last_page(backend):
    results = backend.search(ProductQuery(text="tieu", per_page=5, page=999))
    assert results.page.number == results.paginator.num_pages
    assert results.products


def test_no_hits_is_an_empty_first_page(backend):
    results = backend.search(ProductQuery(text="khong co san pham nao", per_page=5, page=3))
    assert results.total == 0
    assert results.products == []
    assert results.page.number == 1


def test_products_come_loaded_for_cards(backend, django_assert_max_num_queries):
    products = list(backend.search(ProductQuery(per_page=ALL)).products)  # loaded once, when read
    with django_assert_max_num_queries(0):
        for product in products:
            list(product.stockrecords.all())
            [record.partner.name for record in product.stockrecords.all()]
            list(product.ocop_certificates.all())
            [list(lot.steps.all()) for lot in product.lots.all()]
            list(product.images.all())
