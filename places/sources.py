"""Where the administrative units come from: the data files of the installed `vietnam-provinces` package.

That package is GPL-3.0-or-later and this project BSD-3-Clause, so only its data is used here: the
statistics office's official codes, names and division types, which are facts. None of its code is
imported or run: its folder is located without executing it, its JSON data file is parsed, and its
data version is read from the text of its ``__init__.py`` as a literal.

This module needs no database and no settings (tests and tools may read the units directly).
"""

import ast
import csv
import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import NamedTuple

PACKAGE = "vietnam_provinces"
DISTRIBUTION = "vietnam-provinces"
DATA_FILE = Path("data") / "nested-divisions.json"

# The package's division types, stored as they are (the project's rows have always held these words).
PROVINCE_TYPES = ("tỉnh", "thành phố trung ương")
COMMUNE_TYPES = ("xã", "phường", "đặc khu")
CSV_COLUMNS = (
    "province_code",
    "province_name",
    "province_type",
    "commune_code",
    "commune_name",
    "commune_type",
)
NAME_MAX_LENGTH = 100  # Province.name and Commune.name
VERSION_MAX_LENGTH = 20  # data_version


class UnitsUnavailable(Exception):
    """The data cannot be found or read; the message says why and what to do."""


class Division(NamedTuple):
    """One commune-level unit with its province: codes zero-padded (2 and 5 digits)."""

    province_code: str
    province_name: str
    province_type: str
    commune_code: str
    commune_name: str
    commune_type: str


class DivisionSet(NamedTuple):
    rows: tuple[Division, ...]
    data_version: str
    source: str  # said in messages: where the rows were read

    def only(self, province_codes):
        """The rows of these provinces; refused when none of the codes has units."""
        wanted = set(province_codes)
        rows = tuple(row for row in self.rows if row.province_code in wanted)
        if not rows:
            raise UnitsUnavailable(f"No units for province codes {', '.join(province_codes)}.")
        return self._replace(rows=rows)


def package_folder():
    """The installed package's folder, found without importing (running) the package."""
    spec = importlib.util.find_spec(PACKAGE)
    locations = list(spec.submodule_search_locations or ()) if spec else []
    if not locations:
        raise UnitsUnavailable(
            f"The {DISTRIBUTION} package is not installed: install the pinned requirements "
            "(pip install -r requirements.txt)."
        )
    return Path(locations[0])


def package_divisions():
    """Every unit in the installed package's data, with the package's data version."""
    folder = package_folder()
    data_file = folder / DATA_FILE
    try:
        version = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    rows = read_json(data_file)
    return DivisionSet(rows, package_data_version(folder), f"{DISTRIBUTION} {version} ({data_file})")


def package_data_version(folder):
    """``__data_version__`` of the package (its data's retrieval date), read as a literal from its source."""
    init = folder / "__init__.py"
    try:
        tree = ast.parse(init.read_text(encoding="utf-8"), filename=str(init))
    except (OSError, SyntaxError, ValueError) as error:
        raise UnitsUnavailable(f"Cannot read the data version in {init}: {error}") from error
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(getattr(target, "id", None) == "__data_version__" for target in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return check_version(node.value.value, init)
    raise UnitsUnavailable(f"{init} names no __data_version__.")


def check_version(version, source):
    version = version.strip()
    if not version or len(version) > VERSION_MAX_LENGTH:
        raise UnitsUnavailable(
            f"The data version of {source} must be 1 to {VERSION_MAX_LENGTH} characters, not {version!r}."
        )
    return version


def read_json(path):
    """Rows of a file in the package's nested format: a list of provinces, each with its ``wards``."""
    try:
        with open(path, encoding="utf-8") as handle:
            provinces = json.load(handle)
    except (OSError, ValueError) as error:
        raise UnitsUnavailable(f"Cannot read {path}: {error}") from error
    if not isinstance(provinces, list):
        raise UnitsUnavailable(f"{path} is not a list of provinces.")
    rows = []
    try:
        for province in provinces:
            province_code = _code(province["code"], 2)
            province_name = _name(province["name"])
            province_type = _type(province["division_type"], PROVINCE_TYPES)
            for ward in province["wards"]:
                rows.append(
                    Division(
                        province_code,
                        province_name,
                        province_type,
                        _code(ward["code"], 5),
                        _name(ward["name"]),
                        _type(ward["division_type"], COMMUNE_TYPES),
                    )
                )
    except (KeyError, TypeError) as error:
        raise UnitsUnavailable(
            f"{path} lacks the fields code, name, division_type and wards of the nested format ({error!r})."
        ) from error
    except ValueError as error:
        raise UnitsUnavailable(f"{path}: {error}") from error
    return _checked(rows, path)


def read_csv(path):
    """Rows of a CSV file with the columns of ``CSV_COLUMNS``, codes as zero-padded strings."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise UnitsUnavailable(f"{path} lacks the columns: {', '.join(sorted(missing))}")
            records = list(reader)
    except (OSError, UnicodeDecodeError) as error:
        raise UnitsUnavailable(f"Cannot read {path}: {error}") from error
    try:
        rows = [
            Division(
                _code(record["province_code"], 2),
                _name(record["province_name"]),
                _type(record["province_type"], PROVINCE_TYPES),
                _code(record["commune_code"], 5),
                _name(record["commune_name"]),
                _type(record["commune_type"], COMMUNE_TYPES),
            )
            for record in records
        ]
    except ValueError as error:
        raise UnitsUnavailable(f"{path}: {error}") from error
    return _checked(rows, path)


def read_file(path):
    """A data file named on the command line: CSV by its suffix, otherwise the package's JSON format."""
    path = Path(path)
    return read_csv(path) if path.suffix.lower() == ".csv" else read_json(path)


def _code(value, digits):
    """An official code as the project stores it: a zero-padded string of exactly `digits` digits."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"code {value!r} is not a number")
    text = str(value).strip()
    if not text.isdigit() or len(text) > digits or int(text) == 0:
        raise ValueError(f"code {value!r} is not a code of at most {digits} digits")
    return text.zfill(digits)


def _name(value):
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > NAME_MAX_LENGTH:
        raise ValueError(f"name {value!r} is empty or longer than {NAME_MAX_LENGTH} characters")
    return value.strip()


def _type(value, known):
    if value not in known:
        raise ValueError(f"division type {value!r} is not one of {', '.join(known)}")
    return value


def _checked(rows, path):
    if not rows:
        raise UnitsUnavailable(f"{path} holds no units.")
    codes = [row.commune_code for row in rows]
    if len(set(codes)) != len(codes):
        raise UnitsUnavailable(f"{path} gives some commune codes twice.")
    names = {}
    for row in rows:
        if names.setdefault(row.province_code, (row.province_name, row.province_type)) != (
            row.province_name,
            row.province_type,
        ):
            raise UnitsUnavailable(f"{path} gives province {row.province_code} two names or types.")
    return tuple(rows)
