"""A shopper's words naming a former unit (before 1 July 2025): found whole, never from one word alone."""

import pytest

from places.legacy import old_names_in, without_old_names

pytestmark = pytest.mark.django_db


def named(text):
    return [[unit.name for unit in place.units] for place in old_names_in(text)]


@pytest.mark.parametrize(
    "text", ["Bố Trạch", "bo trach", "huyện Bố Trạch", "HUYEN BO TRACH", "mật ong bố trạch", "Bố-Trạch!"]
)
def test_the_former_district_is_found_with_or_without_diacritics_and_division_word(text):
    assert named(text) == [["Huyện Bố Trạch"]]


@pytest.mark.parametrize("text", ["Quảng Bình", "quang binh", "tỉnh Quảng Bình", "tinh quang binh"])
def test_the_former_province_is_found(text):
    assert named(text) == [["Tỉnh Quảng Bình"]]


@pytest.mark.parametrize("text", ["TP Đồng Hới", "Đồng Hới", "thanh pho dong hoi"])
def test_a_former_city_is_found_by_its_short_and_long_names(text):
    assert named(text) == [["Thành Phố Đồng Hới"]]


@pytest.mark.parametrize(
    "text", ["bình", "binh", "nước mắm bình 1 lít", "trạch", "bố", "quảng", "chai bình", "huyện", "Quảng Trị"]
)
def test_single_words_and_current_names_find_no_former_unit(text):
    assert old_names_in(text) == []


def test_a_name_inside_other_words_does_not_match():
    assert old_names_in("quangbinh") == []
    assert old_names_in("bo trachx") == []


def test_a_current_commune_of_the_same_name_is_said_with_the_former_district():
    (place,) = old_names_in("Bố Trạch")
    assert [commune.name for commune in place.current] == ["Xã Bố Trạch"]
    assert {"Xã Bố Trạch", "Xã Hoàn Lão", "Xã Phong Nha"} <= {commune.name for commune in place.successors}
    assert place.commune_codes >= {commune.code for commune in place.current}


def test_the_name_leaves_the_words_and_the_rest_stays_as_typed():
    text = "Nước mắm huyện Bố Trạch loại 1"
    found = old_names_in(text)
    assert found[0].typed == "huyện Bố Trạch"
    assert without_old_names(text, found) == "Nước mắm loại 1"


def test_two_former_names_in_one_query():
    assert named("bo trach quang binh") == [["Huyện Bố Trạch"], ["Tỉnh Quảng Bình"]]
