"""The 2025 two-tier units are the project's own data, with codes and version."""

import pytest
from django.core.management import CommandError, call_command

from places.models import Commune, Province

pytestmark = pytest.mark.django_db


def test_all_34_provinces_and_their_communes_are_loaded():
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321


def test_quang_tri_after_the_merger_has_78_units_with_official_codes():
    quang_tri = Province.objects.get(code="44")
    assert quang_tri.name == "Tỉnh Quảng Trị"
    assert quang_tri.communes.count() == 78
    assert quang_tri.data_version == "2026-09-20"
    dong_hoi = quang_tri.communes.get(name="Phường Đồng Hới")  # formerly Quảng Bình's capital
    assert len(dong_hoi.code) == 5 and dong_hoi.code.isdigit()


def test_thanh_hoa_has_communes_named_after_other_provinces():
    """A trap named in the domain notes: 'Xã Quảng Bình' is in Thanh Hóa."""
    assert Commune.objects.filter(name="Xã Quảng Bình", province__code="38").exists()


def test_importing_again_changes_nothing():
    before = list(Commune.objects.order_by("code").values_list("code", "name", "province__code"))
    call_command("import_places", verbosity=0)
    after = list(Commune.objects.order_by("code").values_list("code", "name", "province__code"))
    assert before == after


def test_a_file_without_the_expected_columns_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name\n01,Hà Nội\n", encoding="utf-8")
    with pytest.raises(CommandError, match="lacks the columns"):
        call_command("import_places", file=bad, verbosity=0)
    assert Commune.objects.count() == 3321


def test_an_unknown_province_code_is_refused():
    with pytest.raises(CommandError, match="No units"):
        call_command("import_places", provinces=["99"], verbosity=0)


def test_a_renamed_unit_is_updated_in_place_by_its_code(tmp_path):
    commune = Commune.objects.get(name="Phường Đồng Hới")
    commune.name = "Phường Đồng Hới (cũ)"
    commune.save()
    call_command("import_places", verbosity=0)
    commune.refresh_from_db()
    assert commune.name == "Phường Đồng Hới"
    assert Commune.objects.count() == 3321
