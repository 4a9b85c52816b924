"""Reading the sitemap as a crawler does: the index, then each section's pages, then their addresses."""

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SCHEMAS = Path(__file__).parent / "schemas"


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def section_urls(client):
    """Each section page the index names, as a path."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [path_of(loc.text) for loc in root.findall("s:sitemap/s:loc", NS)]


def entries(client, section_path):
    """(loc, {hreflang: href}) for every <url> of one section page."""
    response = client.get(section_path)
    assert response.status_code == 200, section_path
    root = ElementTree.fromstring(response.content)
    listed = []
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        listed.append((url.find("s:loc", NS).text, alternates))
    return listed


def every_entry(client):
    return {section: entries(client, section) for section in section_urls(client)}
