"""The units in force before 1 July 2025, as facts read from the installed `vietnam-provinces` package.

The package keeps them as Python literal tables (``legacy/_lookup.py`` for the old provinces, districts
and wards, ``_ward_conversion_2025.py`` and ``_province_conversion_2025.py`` for what each became).
Like :mod:`places.sources`, this module never imports or runs them (the package is GPL, this project
BSD): it parses their text with :mod:`ast` and walks the dict literals, keeping codes, names, division
types and successors, which are facts.
"""

import ast
from pathlib import Path
from typing import NamedTuple

from .sources import UnitsUnavailable, package_folder

LOOKUP_FILE = Path("legacy") / "_lookup.py"
BASE_FILE = Path("legacy") / "base.py"
WARD_CONVERSION_FILE = Path("_ward_conversion_2025.py")
PROVINCE_CONVERSION_FILE = Path("_province_conversion_2025.py")

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
CODE_DIGITS = {PROVINCE: 2, DISTRICT: 3, COMMUNE: 5}  # the lengths keep the three levels' codes apart


class OldUnit(NamedTuple):
    """One pre-2025 unit; ``successors`` are (new commune code, partly) pairs, for wards only."""

    level: str
    code: str
    name: str
    division_type: str
    province_code: str  # the old province's code
    parent_code: str  # a ward's district, a district's province; "" for a province
    successors: tuple = ()


class OldUnitSet(NamedTuple):
    units: tuple  # OldUnit, provinces first, then districts, then wards
    new_province_code: str  # where they went
    source: str


def package_old_units(new_province_code, folder=None):
    """The old provinces, districts and wards that became (part of) this new province."""
    folder = Path(folder) if folder else package_folder()
    types = division_types(_parse(folder / BASE_FILE))
    lookup = _parse(folder / LOOKUP_FILE)
    old_provinces = {
        old
        for old, news in _conversion(_parse(folder / PROVINCE_CONVERSION_FILE), "OLD_TO_NEW").items()
        if new_province_code in [_pad(ref[0], 2) for ref in news]
    }
    wards = {}  # old ward code -> (district code, province code, successors)
    for old, (ref, news) in _ward_conversion(_parse(folder / WARD_CONVERSION_FILE)).items():
        _code, district, province, partly = ref
        successors = tuple(
            (_pad(new[0], 5), bool(partly)) for new in news if _pad(new[1], 2) == new_province_code
        )
        if successors:
            wards[_pad(old, 5)] = (_pad(district, 3), _pad(province, 2), successors)
    old_provinces |= {province for _district, province, _successors in wards.values()}
    districts = {district for district, _province, _successors in wards.values()}

    units = []
    for key, (name, _code, kind, _parent) in sorted(_mapping(lookup, "PROVINCE_MAPPING", types).items()):
        if _pad(key, 2) in old_provinces:
            units.append(OldUnit(PROVINCE, _pad(key, 2), name, kind, _pad(key, 2), ""))
    for key, (name, _code, kind, parent) in sorted(_mapping(lookup, "DISTRICT_MAPPING", types).items()):
        if _pad(key, 3) in districts:
            units.append(OldUnit(DISTRICT, _pad(key, 3), name, kind, _pad(parent, 2), _pad(parent, 2)))
    for key, (name, _code, kind, _parent) in sorted(_mapping(lookup, "WARD_MAPPING", types).items()):
        code = _pad(key, 5)
        if code in wards:
            district, province, successors = wards[code]
            units.append(OldUnit(COMMUNE, code, name, kind, province, district, successors))
    if not units:
        raise UnitsUnavailable(f"{folder} names no pre-2025 units for province {new_province_code}.")
    return OldUnitSet(tuple(units), new_province_code, f"{folder / LOOKUP_FILE} and its conversion tables")


def division_types(tree):
    """``VietNamDivisionType`` member name -> its word ("HUYEN" -> "huyện"), from the enum's literals."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "VietNamDivisionType":
            return {
                statement.targets[0].id: statement.value.value
                for statement in node.body
                if isinstance(statement, ast.Assign)
                and isinstance(statement.targets[0], ast.Name)
                and isinstance(statement.value, ast.Constant)
            }
    raise UnitsUnavailable("The package's legacy/base.py defines no VietNamDivisionType.")


def _parse(path):
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (OSError, SyntaxError, ValueError) as error:
        raise UnitsUnavailable(f"Cannot read {path}: {error}") from error


def _dict(tree, name):
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == name and isinstance(node.value, ast.Dict):
            return node.value
    raise UnitsUnavailable(f"The package's tables define no {name}.")


def _mapping(tree, name, types):
    """``{code: Unit('name', XCode.X_n, VietNamDivisionType.T, 'codename', ParentCode.P_n)}`` as
    code -> (name, code, division word, parent code or None)."""
    table = {}
    for key, call in zip(_dict(tree, name).keys, _dict(tree, name).values, strict=True):
        try:
            args = call.args
            kind = types[args[2].attr]
            parent = _enum_number(args[4]) if len(args) > 4 and isinstance(args[4], ast.Attribute) else None
            table[key.value] = (args[0].value.strip(), _enum_number(args[1]), kind, parent)
        except (AttributeError, IndexError, KeyError, ValueError) as error:
            raise UnitsUnavailable(
                f"{name} holds an entry that is not a unit literal ({error!r})."
            ) from error
    return table


def _conversion(tree, name):
    """``{old: Entry(OldRef(old), (NewRef(new), ...))}`` -> old code -> list of NewRef argument tuples."""
    table = {}
    node = _dict(tree, name)
    for key, entry in zip(node.keys, node.values, strict=True):
        table[_pad(key.value, 2)] = [_literal_args(ref) for ref in entry.args[1].elts]
    return table


def _ward_conversion(tree):
    """Old ward code -> (OldWardRef arguments, [NewWardRef arguments])."""
    node = _dict(tree, "OLD_TO_NEW")
    try:
        return {
            key.value: (_literal_args(entry.args[0]), [_literal_args(ref) for ref in entry.args[1].elts])
            for key, entry in zip(node.keys, node.values, strict=True)
        }
    except (AttributeError, IndexError, ValueError) as error:
        raise UnitsUnavailable(
            f"The ward conversion table holds an entry it cannot read ({error!r})."
        ) from error


def _literal_args(call):
    return tuple(ast.literal_eval(arg) for arg in call.args)


def _enum_number(node):
    """``DistrictCode.D_455`` -> 455: the number is in the member's name."""
    return int(node.attr.split("_", 1)[1])


def _pad(value, digits):
    return str(int(value)).zfill(digits)
