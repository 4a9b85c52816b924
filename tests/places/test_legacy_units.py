"""Former units (before 1 July 2025): read from the package's literal tables, loaded with their successors."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from places import legacy_loader, legacy_sources, loader
from places.models import LegacyUnit

# A small package folder in the package's own literal format (only facts are read from it).
BASE = """
from enum import StrEnum


class VietNamDivisionType(StrEnum):
    TINH = 'tỉnh'
    HUYEN = 'huyện'
    XA = 'xã'
    THI_TRAN = 'thị trấn'
"""
LOOKUP = """
from .base import District, Province, VietNamDivisionType, Ward
from .codes import DistrictCode, ProvinceCode, WardCode

PROVINCE_MAPPING: dict[int, Province] = {
    97: Province('Tỉnh Sông Xưa', ProvinceCode.P_97, VietNamDivisionType.TINH, 'tinh_song_xua', 299),
    98: Province('Tỉnh Nơi Khác', ProvinceCode.P_98, VietNamDivisionType.TINH, 'tinh_noi_khac', 298),
}
DISTRICT_MAPPING: dict[int, District] = {
    997: District(
        'Huyện Bến Cũ', DistrictCode.D_997, VietNamDivisionType.HUYEN, 'huyen_ben_cu', ProvinceCode.P_97
    ),
    998: District(
        'Huyện Xa Lạ', DistrictCode.D_998, VietNamDivisionType.HUYEN, 'huyen_xa_la', ProvinceCode.P_98
    ),
}
WARD_MAPPING: dict[int, Ward] = {
    99901: Ward('Xã Đò Ngang', WardCode.W_99901, VietNamDivisionType.XA, 'xa_do_ngang', DistrictCode.D_997),
    99902: Ward(
        'Thị trấn Bến Cũ', WardCode.W_99902, VietNamDivisionType.THI_TRAN, 'thi_tran_ben_cu',
        DistrictCode.D_997,
    ),
    99903: Ward('Xã Xa Lạ', WardCode.W_99903, VietNamDivisionType.XA, 'xa_xa_la', DistrictCode.D_998),
}
"""
WARDS = """
OLD_TO_NEW: dict[int, OldToNewEntry] = {
    99901: OldToNewEntry(OldWardRef(99901, 997, 97, False), (NewWardRef(19111, 44),)),
    99902: OldToNewEntry(OldWardRef(99902, 997, 97, True), (NewWardRef(19111, 44), NewWardRef(19141, 44))),
    99903: OldToNewEntry(OldWardRef(99903, 998, 98, False), (NewWardRef(1, 1),)),
}
"""
PROVINCES = """
OLD_TO_NEW: dict[int, OldToNewEntry] = {
    97: OldToNewEntry(OldProvinceRef(97), (NewProvinceRef(44),)),
    98: OldToNewEntry(OldProvinceRef(98), (NewProvinceRef(1),)),
}
"""


@pytest.fixture
def package(tmp_path):
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "base.py").write_text(BASE, encoding="utf-8")
    (tmp_path / "legacy" / "_lookup.py").write_text(LOOKUP, encoding="utf-8")
    (tmp_path / "_ward_conversion_2025.py").write_text(WARDS, encoding="utf-8")
    (tmp_path / "_province_conversion_2025.py").write_text(PROVINCES, encoding="utf-8")
    return tmp_path


def successors(code):
    unit = LegacyUnit.objects.get(code=code)
    return {(link.commune.name, link.partly) for link in unit.successor_links.select_related("commune")}


def test_only_the_units_that_became_the_province_are_read(package):
    units = legacy_sources.package_old_units("44", folder=package).units
    assert [(unit.level, unit.code, unit.name) for unit in units] == [
        ("province", "97", "Tỉnh Sông Xưa"),
        ("district", "997", "Huyện Bến Cũ"),
        ("commune", "99901", "Xã Đò Ngang"),
        ("commune", "99902", "Thị trấn Bến Cũ"),
    ]
    assert units[3].division_type == "thị trấn"


@pytest.mark.django_db
def test_a_fixture_loads_with_successors_and_again_changes_nothing(package):
    old = legacy_sources.package_old_units("44", folder=package)
    report = legacy_loader.load_legacy_units(old, "2026-09-20")
    assert (report.units, report.new_units) == (4, 4)
    assert successors("99901") == {("Xã Hoàn Lão", False)}
    assert successors("99902") == {("Xã Hoàn Lão", True), ("Xã Bố Trạch", True)}
    # A district's and a province's successors are the union of their wards'.
    assert successors("997") == successors("97") == {("Xã Hoàn Lão", True), ("Xã Bố Trạch", True)}
    town = LegacyUnit.objects.get(code="99902")
    assert (town.search_name, town.short_name) == ("ben cu", "Bến Cũ")
    assert town.successor_province.code == "44"

    with CaptureQueriesContext(connection) as queries:
        again = legacy_loader.load_legacy_units(old, "2026-09-20")
    assert not again.changed
    assert "already up to date" in again.summary()
    assert not [q for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


@pytest.mark.django_db
def test_the_installed_package_gives_the_former_bo_trach_district():
    district = LegacyUnit.objects.get(code="455")
    assert (district.name, district.level, district.old_province_code) == ("Huyện Bố Trạch", "district", "44")
    assert (district.valid_from, district.valid_until) == (None, datetime.date(2025, 6, 30))
    names = {commune.name for commune in district.successors.all()}
    assert {"Xã Bố Trạch", "Xã Hoàn Lão", "Xã Phong Nha"} <= names
    assert all(commune.province.code == "44" for commune in district.successors.all())
    old_province = LegacyUnit.objects.get(code="44", level="province")
    assert old_province.name == "Tỉnh Quảng Bình"
    assert names <= {commune.name for commune in old_province.successors.all()}
    # Old Quảng Trị's communes did not belong to Quảng Bình.
    assert "Phường Đông Hà" not in {commune.name for commune in old_province.successors.all()}


@pytest.mark.django_db
def test_loading_the_package_again_writes_nothing_and_says_so():
    with CaptureQueriesContext(connection) as queries:
        report = loader.load_package_units(provinces=["44"])
    assert not report.changed
    assert report.legacy.units > 200
    assert "former units" in report.summary()
    assert not [q for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


@pytest.mark.django_db
def test_import_places_restores_a_lost_successor_link(capsys):
    district = LegacyUnit.objects.get(code="455")
    district.successor_links.filter(commune__name="Xã Phong Nha").delete()
    call_command("import_places", provinces=["44"])
    assert "Xã Phong Nha" in {commune.name for commune in district.successors.all()}
    assert "1 links changed" in capsys.readouterr().out


@pytest.mark.django_db
def test_other_provinces_bring_no_former_units():
    assert loader.load_package_units(provinces=["01"]).legacy is None
