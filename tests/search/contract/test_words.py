"""Shoppers type with or without diacritics; every word they type counts."""

from oscar.core.loading import get_model

from search.query import ProductQuery, Sort
from search.text import words

from .conftest import everything

Category = get_model("catalogue", "Category")


def test_with_or_without_diacritics_and_in_any_case_the_same_products_are_found(backend):
    found = [set(everything(backend, text=text)) for text in ("nuoc mam", "NƯỚC MẮM", "nước mắm", "Nuoc Mắm")]
    assert found[0]
    assert all(hits == found[0] for hits in found)


def test_d_with_stroke_is_found_by_a_plain_d(backend, reference):
    with_stroke = reference.documents_with(lambda document: "đ" in document.title.lower())
    assert with_stroke
    target = with_stroke[0]
    word = next(word for word in target.title.split() if "đ" in word.lower())
    assert target.product_id in everything(backend, text=word.lower().replace("đ", "d"))
    assert target.product_id in everything(backend, text=word.upper())


def test_every_word_must_match(backend, reference):
    both = set(everything(backend, text="mat ong"))
    assert both == reference.hits(ProductQuery(text="mat ong"))
    assert both <= set(everything(backend, text="ong"))
    assert set(everything(backend, text="ca phe")) < set(everything(backend, text="ca"))  # not fish sauce
    for document in reference.documents:
        if document.product_id in both:
            assert {"mat", "ong"} <= set(words(document.text_folded))


def test_words_in_any_order_and_any_field_of_the_product(backend, reference):
    sector = (
        Category.objects.filter(depth=1, productcategory__isnull=False).first() or Category.objects.first()
    )
    hits = set(everything(backend, text=f"{sector.name}"))
    assert hits == reference.hits(ProductQuery(text=sector.name))
    assert set(everything(backend, text="ong mat")) == set(everything(backend, text="mat ong"))


def test_the_best_match_comes_first(backend):
    results = backend.search(ProductQuery(text="nước mắm cá cơm", per_page=5))
    assert "nước mắm cá cơm" in results.products[0].title.lower()


def test_an_accented_query_ranks_the_exact_accented_title_first(backend, new_product, committed):
    with committed():
        tray = new_product("Mâm tre đan tay Trường Sơn", description="Mâm đựng mắm, muối.")
        paste = new_product("Mắm tôm chua Trường Sơn", description="Mắm ăn kèm, bày trên mâm tre.")
    for text, first in (("mâm tre", tray), ("mắm", paste), ("mâm", tray)):
        ids = everything(backend, text=text, sort=Sort.RELEVANCE)
        assert ids.index(first.pk) < ids.index((paste if first == tray else tray).pk), text
    unaccented = everything(backend, text="mam tre")
    assert {tray.pk, paste.pk} <= set(unaccented)


def test_the_query_as_understood_is_the_folded_words(backend):
    results = backend.search(ProductQuery(text="  NƯỚC   MẮM! "))
    assert results.understood == "nuoc mam"


def test_autocomplete_takes_the_last_word_as_a_prefix(backend):
    titles = [suggestion.title for suggestion in backend.suggest("mat o")]
    assert titles
    assert all(title.lower().startswith("mật ong") or "mật ong" in title.lower() for title in titles)
    assert backend.suggest("MẬT O") == backend.suggest("mat o")


def test_autocomplete_answers_title_words_only_and_links_to_the_product(backend):
    suggestions = backend.suggest("tieu d", limit=3)
    assert 0 < len(suggestions) <= 3
    assert all("tiêu" in s.title.lower() and s.url.startswith("/catalogue/") for s in suggestions)
    assert backend.suggest("") == []
    assert backend.suggest("zzzzqx") == []
