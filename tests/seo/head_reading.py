"""Reading a page's <head> as a crawler or a link preview does."""

import json
from html.parser import HTMLParser


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.jsonld, self._in_jsonld = {}, {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), attrs["content"])
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links.setdefault("canonical", []).append(attrs.get("href"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_endtag(self, tag):
        self._in_jsonld = self._in_jsonld and tag != "script"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))


def head_of(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def canonical(response):
    """The page's one canonical address."""
    found = head_of(response).links.get("canonical", [])
    assert len(found) == 1, found
    return found[0]


def structured(response, kind):
    return [data for data in head_of(response).jsonld if data.get("@type") == kind]
