"""Find the names of former units (before 1 July 2025) in what a shopper typed.

"nước mắm bố trạch", "huyen bo trach", "TP Đồng Hới", "quang binh": each names a former district or
province whose current communes search can filter by. A name matches whole, on folded words, with or
without its division word; a single word never matches alone ("bình" is also a bottle), and current
names win: "Quảng Trị" is today's province, and an old ward that gave its name to a current commune
is that commune. Where a former district shares its name with a current commune ("Bố Trạch"), both
are said.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch

from marketplace.text import fold

from .legacy_loader import NAMES_KEY, search_name
from .models import Commune, LegacySuccessor, LegacyUnit, Province

_TOKEN = re.compile(r"[^\W_]+")
MIN_WORDS = 2  # a match spans at least two words, division word included
NAMES_SECONDS = 24 * 3600  # the loader forgets them sooner when it changes them

# Division words as typed, folded, with the division types they may precede.
DIVISION_WORDS = {
    ("tinh",): ("tỉnh", "thành phố trung ương"),
    ("thanh", "pho"): ("thành phố", "thành phố trung ương"),
    ("tp",): ("thành phố", "thành phố trung ương"),
    ("huyen",): ("huyện",),
    ("h",): ("huyện",),
    ("quan",): ("quận",),
    ("thi", "xa"): ("thị xã",),
    ("tx",): ("thị xã",),
    ("xa",): ("xã",),
    ("phuong",): ("phường",),
    ("p",): ("phường",),
    ("thi", "tran"): ("thị trấn",),
    ("tt",): ("thị trấn",),
}


@dataclass
class OldName:
    """A former unit's name found in a query: where it was typed, the units it names, what they became."""

    start: int  # character offsets of the name in the typed text
    end: int
    typed: str
    units: list = field(default_factory=list)  # LegacyUnit, successor links prefetched
    current: list = field(default_factory=list)  # current communes of the same name, said too

    @cached_property
    def successors(self):
        """The current communes the former units became, by name, each once."""
        communes = {
            link.commune.code: link.commune for unit in self.units for link in unit.successor_links.all()
        }
        return sorted(communes.values(), key=lambda commune: commune.name)

    @property
    def commune_codes(self):
        """Every current commune this name stands for: the successors and same-named current communes."""
        return {commune.code for commune in self.successors} | {commune.code for commune in self.current}

    @property
    def name(self):
        return self.units[0].short_name


def old_names_in(text):
    """The former units named in ``text``, in the order typed; [] when none (one query then)."""
    tokens = _tokens(text)
    if len(tokens) < MIN_WORDS:
        return []
    found = _scan(tokens, _name_index())
    if not found:
        return []
    return _resolve(text, found)


def without_old_names(text, names):
    """``text`` without the found names and their division words: "nước mắm bố trạch" -> "nước mắm"."""
    text = unicodedata.normalize("NFC", text or "")
    for name in sorted(names, key=lambda name: name.start, reverse=True):
        text = text[: name.start] + " " + text[name.end :]
    return " ".join(text.split())


def old_units(codes):
    """The former units with these old codes, ready to be said like found names."""
    units = _with_successors(LegacyUnit.objects.filter(code__in=list(codes)))
    return [OldName(0, 0, unit.name, [unit]) for unit in units]


def _name_index():
    """Folded name words -> [(old code, division type)]; the rows are cached, since every search asks."""
    rows = cache.get(NAMES_KEY)
    if rows is None:
        rows = list(LegacyUnit.objects.values_list("code", "search_name", "division_type"))
        cache.set(NAMES_KEY, rows, NAMES_SECONDS)
    index = {}
    for code, name, division_type in rows:
        index.setdefault(tuple(name.split()), []).append((code, division_type))
    return index


def _tokens(text):
    """(folded word, start, end) for each word typed; a word folding to several keeps its span."""
    text = unicodedata.normalize("NFC", text or "")
    return [
        (word, match.start(), match.end())
        for match in _TOKEN.finditer(text)
        for word in _TOKEN.findall(fold(match.group()))
    ]


def _scan(tokens, index):
    """Longest matches, left to right: (start token, end token, [(old code, division type)], prefixed)."""
    words = [token[0] for token in tokens]
    longest = max((len(name) for name in index), default=0)
    found, i = [], 0
    while i < len(words):
        match = _match_at(words, i, index, longest)
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found


def _match_at(words, i, index, longest):
    for prefix, types in sorted(DIVISION_WORDS.items(), key=lambda item: -len(item[0])):
        if tuple(words[i : i + len(prefix)]) == prefix:
            for size in range(longest, 0, -1):
                start = i + len(prefix)
                units = [u for u in index.get(tuple(words[start : start + size]), ()) if u[1] in types]
                if units and start + size <= len(words):
                    return (i, start + size, units, True)
    for size in range(longest, MIN_WORDS - 1, -1):
        units = index.get(tuple(words[i : i + size]))
        if units and i + size <= len(words):
            return (i, i + size, units, False)
    return None


def _resolve(text, found):
    """Load the matched units; current names win over former ones of the same level."""
    home = settings.MARKETPLACE_PROVINCE_CODE
    provinces = {
        search_name(name, kind) for name, kind in Province.objects.values_list("name", "division_type")
    }
    communes = {}
    for commune in Commune.objects.filter(province__code=home):
        communes.setdefault(search_name(commune.name, commune.division_type), []).append(commune)
    codes = [code for match in found for code, _kind in match[2]]
    units = {unit.code: unit for unit in _with_successors(LegacyUnit.objects.filter(code__in=codes))}
    tokens = _tokens(text)
    names = []
    for start, end, matched, prefixed in found:
        matched = [code for code, _kind in matched if code in units]  # the cache may be a moment old
        if not matched:
            continue
        name = units[matched[0]].search_name
        if name in provinces and not prefixed:
            continue  # "Quảng Trị" is today's province
        current = communes.get(name, [])
        same_level = LegacyUnit.Level.COMMUNE if current else None
        kept = [units[code] for code in matched if units[code].level != same_level]
        if not kept:
            continue  # an old ward whose name a current commune carries on is that commune
        span = (tokens[start][1], tokens[end - 1][2])
        names.append(OldName(*span, unicodedata.normalize("NFC", text)[slice(*span)], kept, current))
    return names


def _with_successors(units):
    links = LegacySuccessor.objects.select_related("commune").order_by("commune__name")
    return list(
        units.select_related("successor_province").prefetch_related(Prefetch("successor_links", links))
    )
