"""Demo content and generated pictures: plain checks that need no database or settings."""

import io
import re
from collections import Counter
from pathlib import Path

import phonenumbers
from PIL import Image
from stdnum.vn import mst

from marketplace.demo import content, images
from marketplace.demo.content import ENTERPRISES, PRODUCT_GROUPS, product_specs
from places.sources import package_divisions

SPECS = product_specs()
SET_SLUGS = {s["slug"] for group in PRODUCT_GROUPS for s in group["sets"]}


def _province_44_communes():
    return {row.commune_name for row in package_divisions().rows if row.province_code == "44"}


def _contrast_with_white(hex_colour):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_six_sectors_with_unique_slugs_and_readable_distinct_colours():
    assert len(PRODUCT_GROUPS) == 6
    sets = [s for group in PRODUCT_GROUPS for s in group["sets"]]
    slugs = [g["slug"] for g in PRODUCT_GROUPS] + [s["slug"] for s in sets]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs)
    colours = [s["colour"] for s in sets]
    assert len({c.upper() for c in colours}) == len(colours)
    for item in [*PRODUCT_GROUPS, *sets]:
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", item["colour"])
        assert _contrast_with_white(item["colour"]) >= 4.5, item


def test_three_hundred_unique_products():
    assert len(SPECS) == 300
    assert len({p["title"] for p in SPECS}) == 300
    assert len({p["sku"] for p in SPECS}) == 300
    assert all(p["sku"].isascii() for p in SPECS)


def test_products_are_well_formed():
    for p in SPECS:
        assert p["group_slug"] in SET_SLUGS
        assert 0 <= p["enterprise"] < len(ENTERPRISES)
        assert isinstance(p["price"], int) and p["price"] > 0 and p["price"] % 1000 == 0
        assert isinstance(p["stock"], int) and 0 <= p["stock"] <= 200
        assert isinstance(p["weight_grams"], int) and p["weight_grams"] >= 0
        assert p["unit"]
        sentences = [s for s in re.split(r"(?<=\.)\s+", p["description"]) if s]
        assert 2 <= len(sentences) <= 4, p["description"]
    assert any(p["stock"] == 0 for p in SPECS)
    assert {p["group_slug"] for p in SPECS} == SET_SLUGS


def test_product_specs_are_deterministic():
    assert product_specs() == SPECS
    assert product_specs(seed=7) != SPECS


def test_only_a_few_products_on_enterprises_not_approved():
    pending = [p for p in SPECS if ENTERPRISES[p["enterprise"]]["status"] != "approved"]
    assert len(pending) <= 10


def test_enterprise_statuses_and_kinds():
    assert len(ENTERPRISES) == 36
    assert Counter(e["status"] for e in ENTERPRISES) == {
        "approved": 30,
        "submitted": 3,
        "rejected": 2,
        "changes_requested": 1,
    }
    kinds = Counter(e["kind"] for e in ENTERPRISES)
    assert set(kinds) == {"company", "cooperative", "cooperative_group", "household"}
    assert kinds["cooperative_group"] >= 2
    approved = [e for e in ENTERPRISES if e["status"] == "approved"]
    assert "nước mắm" in approved[0]["name"].lower()
    assert approved[0]["kind"] == "company"
    assert approved[1]["kind"] == "cooperative"
    assert "mật ong" in approved[1]["name"].lower()


def test_tax_codes():
    for e in ENTERPRISES:
        code = e["tax_code"]
        if e["kind"] in ("company", "cooperative"):
            assert len(code) == 10 and code[:2] in ("31", "32"), e
            assert mst.is_valid(code), e
        elif e["kind"] == "household":
            assert re.fullmatch(r"04[45]\d{9}", code), e
        else:
            assert code == ""
    codes = [e["tax_code"] for e in ENTERPRISES if e["tax_code"]]
    assert len(codes) == len(set(codes))


def test_phones_emails_and_text():
    for e in ENTERPRISES:
        number = phonenumbers.parse(e["phone"], "VN")
        assert phonenumbers.is_valid_number(number), e["phone"]
        assert e["phone"] == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert re.fullmatch(r"[a-z0-9.]+@[a-z0-9.-]+\.vn", e["email"])
        assert e["name"] and e["representative"] and e["street_address"]
        assert 2 <= e["story"].count(".") <= 3, e["story"]
    assert len({e["phone"] for e in ENTERPRISES}) == len(ENTERPRISES)
    assert len({e["name"] for e in ENTERPRISES}) == len(ENTERPRISES)


def test_every_commune_exists_in_province_44():
    communes = _province_44_communes()
    assert len(communes) == 78
    for e in ENTERPRISES:
        assert e["commune"] in communes, e["commune"]


def test_module_imports_no_django():
    for module in (content, images):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+django", source, re.MULTILINE)


def test_product_card_is_a_jpeg_of_the_requested_size():
    data = images.product_card(
        "Nước mắm cá cơm Hưng Thịnh 40 độ đạm (chai 500ml)",
        "Công ty TNHH Nước mắm Hưng Thịnh Cửa Tùng",
        "#7A3B12",
        size=(400, 300),
    )
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "JPEG"
    assert picture.size == (400, 300)
    picture.load()
    colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # not a flat box


def test_banner_and_logo():
    wide = Image.open(io.BytesIO(images.banner("Chợ OCOP Quảng Trị", "Đặc sản của tỉnh", "#1F5F8B")))
    assert (wide.format, wide.size) == ("JPEG", (1600, 600))
    badge = Image.open(io.BytesIO(images.logo("HT", "#7A3B12")))
    assert (badge.format, badge.size) == ("JPEG", (300, 300))


def test_a_vietnamese_font_is_found():
    assert images.font_path(bold=True) is not None
