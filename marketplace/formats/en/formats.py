"""English dates for the site's second language: the same day-first ``03/12/2026`` as Vietnamese.

The English version is read by visitors to a Vietnamese province, next to Vietnamese labels,
receipts and certificates that all write day/month/year; the American ``12/03/2026`` would be
read as 12 March. So English keeps the Vietnamese order and 24-hour clock, and only the words
around the dates change. Month names appear nowhere, so no page mixes ``Dec`` and ``Tháng 12``.
"""

from marketplace.formats.vi.formats import *  # noqa: F403 (dates and times as in Vietnamese)

# Amounts keep the site's đồng style in English too (OSCAR_CURRENCY_FORMAT); plain numbers
# follow English grouping.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
