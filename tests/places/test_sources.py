"""The units come from the vietnam-provinces package's data files, never from its code."""

import json
import subprocess
import sys
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from places import loader, sources
from places.models import Commune, Province


def test_the_package_data_is_read_without_importing_the_package():
    """GPL-3.0 code must not run in this BSD-3-Clause project: only its data files are read."""
    script = (
        "import sys; from places import sources; units = sources.package_divisions(); "
        "print(len(units.rows), units.data_version, 'vietnam_provinces' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["3321", "2026-09-20", "False"]


def test_codes_are_zero_padded_and_division_types_are_the_official_words():
    units = sources.package_divisions()
    provinces = {row.province_code: row.province_type for row in units.rows}
    assert len(provinces) == 34
    assert all(len(code) == 2 and code.isdigit() for code in provinces)
    assert all(len(row.commune_code) == 5 and row.commune_code.isdigit() for row in units.rows)
    assert Counter(provinces.values()) == {"tỉnh": 28, "thành phố trung ương": 6}
    # The domain notes: 2,621 communes, 687 wards and 13 special zones.
    assert Counter(row.commune_type for row in units.rows) == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert ("01", "Thành phố Hà Nội") in {(row.province_code, row.province_name) for row in units.rows}


def test_the_data_version_is_the_packages_literal(tmp_path):
    (tmp_path / "__init__.py").write_text(
        "raise SystemExit('never run')\n__data_version__ = '2027-01-15'\n", encoding="utf-8"
    )
    assert sources.package_data_version(tmp_path) == "2027-01-15"


def nested(tmp_path, provinces):
    path = tmp_path / "nested-divisions.json"
    path.write_text(json.dumps(provinces, ensure_ascii=False), encoding="utf-8")
    return path


DONG_HOI = {"code": 44, "name": "Tỉnh Quảng Trị", "division_type": "tỉnh", "wards": []}


def test_a_file_in_the_packages_format_is_read(tmp_path):
    ward = {"code": 19999, "name": "Phường Mới", "division_type": "phường"}
    path = nested(tmp_path, [DONG_HOI | {"wards": [ward]}])
    assert sources.read_file(path) == (
        sources.Division("44", "Tỉnh Quảng Trị", "tỉnh", "19999", "Phường Mới", "phường"),
    )


@pytest.mark.parametrize(
    ("province", "message"),
    [
        ({"code": 44, "name": "Tỉnh Quảng Trị"}, "lacks the fields"),
        (DONG_HOI | {"wards": [{"code": 123456, "name": "Xã A", "division_type": "xã"}]}, "at most 5 digits"),
        (DONG_HOI | {"wards": [{"code": 19999, "name": "Xã A", "division_type": "huyện"}]}, "division type"),
    ],
)
def test_a_malformed_file_is_refused(tmp_path, province, message):
    with pytest.raises(sources.UnitsUnavailable, match=message):
        sources.read_file(nested(tmp_path, [province]))


@pytest.mark.django_db
def test_a_file_needs_its_data_version(tmp_path):
    path = nested(tmp_path, [DONG_HOI | {"wards": [{"code": 19999, "name": "Xã A", "division_type": "xã"}]}])
    with pytest.raises(CommandError, match="--data-version"):
        call_command("import_places", file=path, verbosity=0)
    call_command("import_places", file=path, data_version="2027-01-15", verbosity=0)
    commune = Commune.objects.get(code="19999")
    assert (commune.province.code, commune.data_version) == ("44", "2027-01-15")
    assert Province.objects.get(code="44").data_version == "2027-01-15"


@pytest.mark.django_db
def test_loading_again_writes_nothing():
    with CaptureQueriesContext(connection) as queries:
        report = loader.load_package_units()
    assert not report.changed
    assert (report.provinces, report.communes, report.kept) == (34, 3321, 0)
    assert not [q for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]


@pytest.mark.django_db
def test_a_unit_the_data_no_longer_lists_is_kept():
    Commune.objects.create(
        code="99999",
        name="Xã Đã Sáp Nhập",
        division_type="xã",
        province=Province.objects.get(code="44"),
        slug="xa-da-sap-nhap",
        data_version="2025-07-01",
    )
    report = loader.load_package_units(provinces=["44"])
    assert report.kept == 1
    assert Commune.objects.filter(code="99999").exists()
    assert "no longer in the data" in report.summary()


def test_short_names_read_as_in_running_text():
    assert Province(name="Tỉnh Quảng Trị").short_name == "Quảng Trị"
    assert Province(name="Thành phố Hồ Chí Minh").short_name == "Hồ Chí Minh"
