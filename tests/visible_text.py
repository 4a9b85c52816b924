"""What a reader sees on a page, and which of it is catalogue text left in the wrong language.

A page is judged by its text nodes (scripts and styles skipped) plus the labels Wagtail hands to
its client-side menu as JSON. Only strings that are catalogue entries are judged: content such as
product names reads the same in both languages and is no translator's business.
"""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import oscar
import wagtail
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

SPACES = re.compile(r"\s+")
IDENTIFIER = re.compile(r"[a-z0-9_.:/-]+")
# Text that reads the same in Vietnamese: proper names and codes.
SAME_IN_BOTH = {
    "Wagtail", "Draftail", "Oscar", "Django", "OCOP", "Email", "Email:", "E-mail", "ID", "URL", "Slug",
    "SEO", "HTML", "PDF", "CSV", "XLSX", "JSON", "API", "OK", "Stripe", "Zalo", "Facebook", "Logo",
}  # fmt: skip


class _Text(HTMLParser):
    SKIP = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.skipping, self.json_blocks = [], 0, []
        self._json = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/json":
            self._json = []
        if tag in self.SKIP:
            self.skipping += 1
        for name in ("placeholder", "title", "aria-label"):
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "script" and self._json is not None:
            self.json_blocks.append("".join(self._json))
            self._json = None
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if self._json is not None:
            self._json.append(data)
        elif not self.skipping:
            self.texts.append(data)


def _strings(value):
    """Strings held in a JSON document, leaving out identifiers (icon names, keys, codes)."""
    if isinstance(value, str):
        if not IDENTIFIER.fullmatch(value):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def visible_texts(html):
    """Each text a reader sees, whitespace collapsed, empty ones dropped."""
    parser = _Text()
    parser.feed(html)
    texts = list(parser.texts)
    for block in parser.json_blocks:
        try:
            texts.extend(_strings(json.loads(block)))
        except ValueError:
            continue
    cleaned = (SPACES.sub(" ", text).strip() for text in texts)
    return [text for text in cleaned if text and any(char.isalpha() for char in text)]


def _site(package):
    return Path(package.__file__).parent


def _entries(path):
    """(context, msgid) of each message in a .po file, plural messages by their singular."""
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        string = message.string[0] if isinstance(message.string, tuple) else message.string
        yield message.context, msgid, string or ""


@cache
def third_party_msgids():
    """(context, msgid) of Wagtail's, Oscar's and Django's messages, as their English sources list them."""
    paths = [
        *_site(wagtail).glob("**/locale/en/LC_MESSAGES/django*.po"),
        *_site(oscar).glob("locale/vi/LC_MESSAGES/django.po"),
        _site(django) / "conf/locale/en/LC_MESSAGES/django.po",
        *_site(django).glob("contrib/*/locale/en/LC_MESSAGES/django.po"),
    ]
    return frozenset((ctx, msgid) for path in paths for ctx, msgid, _ in _entries(path))


@cache
def project_catalogue():
    """(context, msgid, Vietnamese) of the project's own catalogue."""
    return tuple(_entries(Path(settings.BASE_DIR) / "marketplace/locale/vi/LC_MESSAGES/django.po"))


@cache
def _same_in_project():
    """Msgids the project's translators chose to keep as they are ("Excel (XLSX)")."""
    return frozenset(msgid for _ctx, msgid, string in project_catalogue() if string == msgid)


def translated(context, msgid, language):
    """The message in ``language`` as the running catalogues give it."""
    with translation.override(language):
        if context:
            return translation.pgettext(context, msgid)
        return translation.gettext(msgid)


def english_left_in_vietnamese(texts, msgids=None):
    """Texts that are an English msgid with a different Vietnamese translation missing from the page.

    A text counts as English when it equals a msgid whose Vietnamese (in any context) would differ,
    yet the page shows the msgid itself.
    """
    msgids = (
        third_party_msgids() | {(ctx, mid) for ctx, mid, _ in project_catalogue()}
        if msgids is None
        else msgids
    )
    by_text = {}
    for ctx, msgid in msgids:
        by_text.setdefault(msgid, set()).add(ctx)
    found = []
    for text in texts:
        if text in SAME_IN_BOTH or text in _same_in_project() or text not in by_text:
            continue
        if all(translated(ctx, text, "vi") == text for ctx in by_text[text]):
            found.append(text)
    return found


def vietnamese_left_in_english(texts):
    """Texts that are the project's Vietnamese for a msgid, shown on a page meant to be English."""
    vietnamese = {string: msgid for _ctx, msgid, string in project_catalogue() if string and string != msgid}
    return [text for text in texts if text in vietnamese and text not in SAME_IN_BOTH]


@cache
def _catalogue_strings():
    msgids = {msgid for _ctx, msgid in third_party_msgids()}
    msgids |= {msgid for _ctx, msgid, _string in project_catalogue()}
    with translation.override("vi"):
        return frozenset(msgids | {translation.gettext(msgid) for msgid in msgids})


def catalogue_texts(texts):
    """Texts that are a msgid or its Vietnamese: what the share of English is measured on."""
    return [text for text in texts if text in _catalogue_strings()]
