"""The payment reference a shopper's transfer carries, and finding it again in a bank's text.

Banks keep only letters and digits of a transfer's purpose, may upper-case it and add their own
words around it, so the reference is one upper-case word: the platform's prefix and the order
number ("OCOP100123", "OCOP100123R2" for a basket checked out again).
"""

import re

PREFIX = "OCOP"
_IN_TEXT = re.compile(rf"(?<![A-Z0-9]){PREFIX}(\d+(?:R\d+)?)(?![A-Z0-9])")


def reference_for(order_number: str) -> str:
    """The reference the shopper's transfer must carry for the order ``order_number``."""
    return f"{PREFIX}{order_number}"


def order_numbers_in(text: str) -> list[str]:
    """The order numbers whose references appear in a bank's description of a transfer, in order,
    each once (a description naming two orders is for the operator to sort out)."""
    found = _IN_TEXT.findall((text or "").upper())
    return list(dict.fromkeys(found))
