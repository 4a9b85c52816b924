"""Words as search sees them, the same at indexing and at query time.

Both sides go through :func:`marketplace.text.fold` and are then cut into
runs of letters and digits, so "NƯỚC-MẮM" and "nuoc mam" give the same words
and nothing a shopper types can reach a full-text engine as syntax
(quotes, ``*``, ``NEAR``, ``-``, ``:``).
"""

import re
import unicodedata
from functools import lru_cache

from marketplace.text import fold

_WORD = re.compile(r"[^\W_]+")


def words(text):
    """Folded words: "Nước mắm Đà Nẵng!" -> ["nuoc", "mam", "da", "nang"].

    Words are folded one at a time through a cache: a catalogue repeats the same
    few thousand words, and folding every character of every description again
    would dominate building the index.
    """
    raw = _WORD.findall(unicodedata.normalize("NFC", text or ""))
    return [word for token in raw for word in _folded(token)]


@lru_cache(maxsize=100_000)
def _folded(token):
    return tuple(_WORD.findall(fold(token)))


def accented_words(text):
    """Lower-case words keeping their diacritics, to rank an exact accented match first."""
    return _WORD.findall(unicodedata.normalize("NFC", text or "").casefold())


def has_diacritics(text):
    """Whether the shopper typed any diacritics (then the exact accented form ranks first)."""
    return accented_words(text) != words(text)
