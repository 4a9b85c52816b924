"""The storefront's palette meets WCAG 2.2 AA: every text/background pair the stylesheet declares.

The pairs are declared next to the custom properties in cho-ocop.css ("pair: --text on --background
minimum"), so a new colour and the pairs it is used in are changed, and checked, in one place.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "marketplace" / "static" / "css" / "cho-ocop.css"
PROPERTY = re.compile(r"(--ocop-[\w-]+)\s*:\s*(#[0-9a-fA-F]{6})\b")
PAIR = re.compile(r"pair:\s*(--ocop-[\w-]+)\s+on\s+(--ocop-[\w-]+)\s+([\d.]+)")


def palette():
    root = re.search(r":root\s*{([^}]*)}", STYLESHEET.read_text()).group(1)
    return dict(PROPERTY.findall(root))


def declared_pairs():
    return [
        (text, background, float(minimum))
        for text, background, minimum in PAIR.findall(STYLESHEET.read_text())
    ]


def relative_luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_ratio_is_computed_as_wcag_defines_it():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_stylesheet_declares_pairs_for_text_muted_text_buttons_prices_and_states():
    declared = {(text, background) for text, background, _ in declared_pairs()}
    for pair in [
        ("--ocop-text", "--ocop-surface"),
        ("--ocop-muted", "--ocop-surface"),
        ("--ocop-on-primary", "--ocop-primary"),
        ("--ocop-success", "--ocop-surface"),
        ("--ocop-danger", "--ocop-surface"),
        ("--ocop-price", "--ocop-surface"),
    ]:
        assert pair in declared


@pytest.mark.parametrize(("text", "background", "minimum"), declared_pairs())
def test_each_declared_colour_pair_meets_wcag_aa(text, background, minimum):
    colours = palette()
    assert minimum >= 3, "WCAG AA asks at least 3:1, even for large text and UI components"
    ratio = contrast_ratio(colours[text], colours[background])
    assert ratio >= minimum, f"{text} on {background}: {ratio:.2f}:1, below {minimum}:1"
