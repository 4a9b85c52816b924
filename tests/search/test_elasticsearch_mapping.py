"""The Elasticsearch index: analysers that fold Vietnamese, one field per ProductDocument field, names.

Elasticsearch cannot run here, so the definition sent to the cluster is the specification.
"""

from dataclasses import fields
from datetime import UTC, datetime

import pytest
from django.test import override_settings
from oscar.core.loading import get_model

from search.documents import ProductDocument, build_document
from search.elastic.documents import IndexedProduct
from search.elastic.indices import concrete_index_name, product_index, products_alias
from search.text import words

Product = get_model("catalogue", "Product")

FOLDING = {
    "type": "mapping",
    "mappings": [
        "đ => d",
        "Đ => D",
        # combining tone marks and the circumflex, breve and horn, for text typed decomposed
        "\\u0300 => ",
        "\\u0301 => ",
        "\\u0303 => ",
        "\\u0309 => ",
        "\\u0323 => ",
        "\\u0302 => ",
        "\\u0306 => ",
        "\\u031B => ",
    ],
}

INDEX_DEFINITION = {
    "settings": {
        "number_of_shards": 1,
        "max_result_window": 10_000,
        "analysis": {
            "char_filter": {"vietnamese_folding": FOLDING},
            "filter": {"title_prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}},
            "analyzer": {
                "vietnamese_folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vietnamese_folding"],
                    "filter": ["lowercase", "asciifolding"],
                },
                "vietnamese_accented": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
                "vietnamese_autocomplete": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vietnamese_folding"],
                    "filter": ["lowercase", "asciifolding", "title_prefixes"],
                },
            },
        },
    },
    "mappings": {
        "dynamic": "strict",
        "properties": {
            "product_id": {"type": "long"},
            "title": {
                "type": "text",
                "analyzer": "vietnamese_folded",
                "fields": {"accented": {"type": "text", "analyzer": "vietnamese_accented"}},
            },
            "title_folded": {"type": "keyword"},
            "text_folded": {"type": "text", "analyzer": "vietnamese_folded"},
            "url": {"type": "keyword", "index": False},
            "category_ids": {"type": "keyword"},
            "enterprise_ids": {"type": "keyword"},
            "province_code": {"type": "keyword"},
            "commune_code": {"type": "keyword"},
            "stars": {"type": "byte"},
            "badges": {"type": "keyword"},
            "price": {"type": "long"},
            "in_stock": {"type": "boolean"},
            "rating": {"type": "float"},
            "date_created": {"type": "date"},
            "browsable": {"type": "boolean"},
            "badges_change_on": {"type": "date", "format": "strict_date"},
            "suggest": {
                "type": "text",
                "analyzer": "vietnamese_autocomplete",
                "search_analyzer": "vietnamese_folded",
            },
        },
    },
}


def test_the_index_is_defined_exactly_so():
    assert product_index("cho-ocop-test-products-20260101t000000000000").to_dict() == INDEX_DEFINITION


def test_d_is_folded_by_the_character_filter_since_asciifolding_leaves_it():
    analysis = product_index("any").to_dict()["settings"]["analysis"]
    assert {"đ => d", "Đ => D"} <= set(analysis["char_filter"]["vietnamese_folding"]["mappings"])
    for name in ("vietnamese_folded", "vietnamese_autocomplete"):
        assert analysis["analyzer"][name]["char_filter"] == ["vietnamese_folding"]
        assert analysis["analyzer"][name]["filter"][:2] == ["lowercase", "asciifolding"]


def test_the_accent_keeping_analyser_only_lower_cases():
    analysis = product_index("any").to_dict()["settings"]["analysis"]
    assert "char_filter" not in analysis["analyzer"]["vietnamese_accented"]
    assert analysis["analyzer"]["vietnamese_accented"]["filter"] == ["lowercase"]


def test_autocomplete_cuts_titles_into_prefixes_but_not_what_is_typed():
    suggest = INDEX_DEFINITION["mappings"]["properties"]["suggest"]
    assert product_index("any").to_dict()["mappings"]["properties"]["suggest"] == suggest
    assert suggest["search_analyzer"] == "vietnamese_folded"


def test_every_field_of_the_product_document_is_mapped_and_nothing_else():
    properties = product_index("any").to_dict()["mappings"]["properties"]
    assert set(properties) == {field.name for field in fields(ProductDocument)}


@pytest.mark.django_db
def test_a_product_is_stored_with_keyword_ids_whole_dong_prices_and_no_empty_codes():
    product = Product.objects.base_queryset().browsable().filter(stockrecords__price__isnull=False).first()
    document = build_document(product)
    source = IndexedProduct.from_document(document).to_dict()

    assert source["product_id"] == product.pk
    assert source["title"] == product.title
    # folded text is stored as the words queries are cut into ("(hũ 250g)" -> "hu 250g")
    assert source["title_folded"] == " ".join(words(document.title_folded))
    assert source["text_folded"] == " ".join(words(document.text_folded))
    assert source["category_ids"] == [str(pk) for pk in document.category_ids]
    assert source["enterprise_ids"] == [str(pk) for pk in document.enterprise_ids]
    assert source["price"] == int(document.price) and isinstance(source["price"], int)
    assert source["browsable"] is True
    assert source["suggest"] == [source["title_folded"]]
    assert set(source) <= {field.name for field in fields(ProductDocument)}


def test_an_unknown_origin_is_no_value_rather_than_an_empty_code():
    document = ProductDocument(
        product_id=7,
        title="Mật ong rừng",
        title_folded="mat ong rung",
        text_folded="mat ong rung",
        url="/catalogue/mat-ong-rung_7/",
        category_ids=[1, 2],
        enterprise_ids=[3],
        province_code="",
        commune_code="",
        stars=0,
        badges=[],
        price=None,
        in_stock=False,
        rating=None,
        date_created=datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
        browsable=True,
    )
    record = IndexedProduct.from_document(document)
    assert record.meta.id == 7
    assert record.to_dict() == {
        "product_id": 7,
        "title": "Mật ong rừng",
        "title_folded": "mat ong rung",
        "text_folded": "mat ong rung",
        "url": "/catalogue/mat-ong-rung_7/",
        "category_ids": ["1", "2"],
        "enterprise_ids": ["3"],
        "stars": 0,
        "in_stock": False,
        "date_created": datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
        "browsable": True,
    }


def test_searches_use_an_alias_named_from_the_settings_prefix():
    assert products_alias() == "cho-ocop-test-products"
    with override_settings(ELASTICSEARCH_INDEX_PREFIX="Staging-OCOP"):
        assert products_alias() == "staging-ocop-products"


def test_each_build_gets_its_own_index_named_by_time():
    first = concrete_index_name("cho-ocop-products", datetime(2026, 1, 23, 10, 15, 2, 123456, tzinfo=UTC))
    later = concrete_index_name("cho-ocop-products", datetime(2026, 1, 23, 10, 15, 3, tzinfo=UTC))
    assert first == "cho-ocop-products-20260123t101502123456"
    assert first < later
