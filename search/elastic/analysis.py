"""Analysers that fold Vietnamese the way :func:`marketplace.text.fold` does, without the ICU plugin.

``asciifolding`` strips the marks of precomposed letters ("ướ" -> "uo") but leaves
``đ`` alone and does not remove combining marks typed as separate characters (text
in decomposed form, as some keyboards send it); the ``vietnamese_folding`` character
filter handles both before the tokenizer runs.
"""

from elasticsearch.dsl import analyzer, char_filter, token_filter

# Combining marks Vietnamese uses: five tones (grave, acute, tilde, hook above, dot
# below) and the circumflex, breve and horn of â ê ô ă ơ ư.
VIETNAMESE_COMBINING_MARKS = ("0300", "0301", "0303", "0309", "0323", "0302", "0306", "031B")

vietnamese_folding = char_filter(
    "vietnamese_folding",
    "mapping",
    mappings=["đ => d", "Đ => D", *(f"\\u{code} => " for code in VIETNAMESE_COMBINING_MARKS)],
)

# "NƯỚC MẮM", "nước mắm" and "nuoc mam" give the same tokens: nuoc, mam.
folded = analyzer(
    "vietnamese_folded",
    tokenizer="standard",
    char_filter=[vietnamese_folding],
    filter=["lowercase", "asciifolding"],
)

# Keeps the marks, so a query typed with them can rank its exact spelling first
# ("mật" above "mất" and "mát").
accented = analyzer("vietnamese_accented", tokenizer="standard", filter=["lowercase"])

# One-letter prefixes too: "mat o" must already suggest "Mật ong".
title_prefixes = token_filter("title_prefixes", "edge_ngram", min_gram=1, max_gram=20)

# Indexes every prefix of every folded word; queries are folded but not cut into
# prefixes (``folded`` is the search analyser), so each typed word must be the start
# of some word of the title.
autocomplete = analyzer(
    "vietnamese_autocomplete",
    tokenizer="standard",
    char_filter=[vietnamese_folding],
    filter=["lowercase", "asciifolding", title_prefixes],
)
