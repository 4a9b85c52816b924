"""The storefront's pages fetch a small icon font holding every icon their templates name, not
Oscar's whole Font Awesome (``manage.py storefront_icons`` cuts it again when they change)."""

from fontTools.ttLib import TTFont

from marketplace.operations.storefront_icons import (
    FULL_FONT,
    STYLESHEET,
    SUBSET_FONT,
    code_points,
    font_face,
    icon_names,
)


def test_every_icon_the_storefront_names_is_in_its_icon_font():
    wanted = set(code_points(icon_names()).values())
    assert wanted, "the storefront shows icons"
    held = set(TTFont(SUBSET_FONT).getBestCmap())
    assert wanted <= held, f"run manage.py storefront_icons: missing {sorted(map(hex, wanted - held))}"


def test_the_stylesheet_takes_just_those_icons_from_the_small_font():
    css = STYLESHEET.read_text(encoding="utf-8")
    assert font_face(code_points(icon_names()).values()) in css, "run manage.py storefront_icons"


def test_the_icon_font_is_a_small_part_of_oscars():
    assert SUBSET_FONT.stat().st_size * 20 < FULL_FONT.stat().st_size
