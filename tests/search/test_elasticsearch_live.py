"""Against a live cluster only (``ELASTICSEARCH_URL`` set): the analysers do what the mapping promises.

Elasticsearch cannot run on the development machines; these checks run wherever
one can (``docker compose -f docker/compose.yaml up search``), next to the
contract suite in ``tests/search/contract``. Tests use their own alias
(``ELASTICSEARCH_INDEX_PREFIX`` is ``cho-ocop-test`` in test settings).
"""

import unicodedata

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from search.backends.elasticsearch import ElasticsearchBackend
from search.query import ProductQuery

Product = get_model("catalogue", "Product")

pytestmark = [
    pytest.mark.skipif(not settings.ELASTICSEARCH_URL, reason="needs a live cluster: set ELASTICSEARCH_URL"),
    pytest.mark.django_db,
]


@pytest.fixture
def backend():
    backend = ElasticsearchBackend()
    backend.rebuild()
    return backend


def tokens(backend, analyzer, text):
    answer = backend.client.indices.analyze(index=backend.alias, analyzer=analyzer, text=text)
    return [token["token"] for token in answer["tokens"]]


def test_folding_lower_cases_strips_marks_and_turns_d_with_stroke_into_d(backend):
    expected = ["nuoc", "mam", "da", "nang"]
    assert tokens(backend, "vietnamese_folded", "NƯỚC MẮM Đà Nẵng") == expected
    assert tokens(backend, "vietnamese_folded", "nuoc mam da nang") == expected
    # typed decomposed: base letters followed by combining marks
    assert tokens(backend, "vietnamese_folded", unicodedata.normalize("NFD", "Nước mắm Đà Nẵng")) == expected


def test_the_accented_analyser_keeps_the_marks(backend):
    assert tokens(backend, "vietnamese_accented", "Mâm TRE Mắm") == ["mâm", "tre", "mắm"]


def test_autocomplete_indexes_every_prefix_of_every_folded_word(backend):
    assert tokens(backend, "vietnamese_autocomplete", "Mật ong") == ["m", "ma", "mat", "o", "on", "ong"]


def test_a_rebuild_leaves_one_index_behind_the_alias_and_searches_answer(backend):
    backend.rebuild()
    assert len(backend.client.indices.get_alias(name=backend.alias)) == 1
    browsable = Product.objects.browsable().count()
    assert backend.search(ProductQuery(per_page=100)).total == browsable
    assert backend.suggest("mat o")
