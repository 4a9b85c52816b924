"""The image sizes content pages use, made when an image is saved.

Wagtail makes a rendition the first time a page asks for it and records it
in the database; made up front, a shopper's GET never writes.
"""

HERO = "fill-1600x600"
CARD = "fill-600x340"
BODY = "width-1200"

PAGE_RENDITIONS = (HERO, CARD, BODY)


def make_page_renditions(image):
    image.get_renditions(*PAGE_RENDITIONS)
