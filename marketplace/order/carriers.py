"""Where a shopper follows a parcel: the Vietnamese carriers' public tracking pages.

The enterprise types the carrier's name when it ships, so names are matched loosely
("Viettel Post", "viettelpost", "VTP"). An unknown carrier has no link: the shopper gets
the tracking number alone.
"""

import re
import unicodedata
from urllib.parse import quote

# Each carrier: the names enterprises write for it (lower case, letters and digits only), its
# tracking page with ``{number}`` for the tracking number.
CARRIERS = {
    "VNPost": (
        ("vnpost", "vietnampost", "buudienvietnam", "buudien", "ems"),
        "https://vnpost.vn/tra-cuu-hanh-trinh/buu-pham?key={number}",
    ),
    "Viettel Post": (
        ("viettelpost", "viettel", "vtp"),
        "https://viettelpost.com.vn/tra-cuu-hanh-trinh-don/?peopleTracking=sender&orderNumber={number}",
    ),
    "GHN": (
        ("ghn", "giaohangnhanh"),
        "https://donhang.ghn.vn/?order_code={number}",
    ),
    "GHTK": (
        ("ghtk", "giaohangtietkiem"),
        "https://i.ghtk.vn/{number}",
    ),
    "J&T Express": (
        ("jtexpress", "jt", "jandt", "jandtexpress", "jtexpressvn"),
        "https://jtexpress.vn/vi/tracking?type=track&billcode={number}",
    ),
}


def _key(name):
    """A carrier's name as compared: lower case without accents, "&" as "and", letters and digits only."""
    name = (name or "").lower().replace("đ", "d").replace("&", "and")
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]", "", plain)


_BY_KEY = {alias: url for _name, (aliases, url) in CARRIERS.items() for alias in aliases}


def tracking_url(carrier, tracking_number):
    """The carrier's page for this parcel, or "" when the carrier is unknown or there is no number."""
    template = _BY_KEY.get(_key(carrier))
    number = (tracking_number or "").strip()
    if not template or not number:
        return ""
    return template.format(number=quote(number, safe=""))
