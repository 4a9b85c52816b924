"""Vietnamese text folding, shared by slugs and every search backend."""

import unicodedata

from django.utils.text import slugify

# "đ" has no Unicode decomposition, so stripping combining marks leaves it.
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text):
    """Lower-case, strip diacritics and fold đ to d: "Nước mắm Đà" -> "nuoc mam da"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def slugify_vi(value, allow_unicode=False):
    """A URL slug that keeps Vietnamese words readable: "Mật ong rừng" -> "mat-ong-rung"."""
    return slugify(fold(str(value)), allow_unicode=allow_unicode)
