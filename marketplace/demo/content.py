"""Demo content for Tỉnh Quảng Trị (code 44): OCOP product groups, enterprises and products.

Pure Python and deterministic: no Django imports, no global random state. The tables are data
files (``data/*.toml``, read by :mod:`.loader`); the small functions below turn them into
``ENTERPRISES`` and ``product_specs()``.
"""

import random
import unicodedata

from . import loader

PRODUCT_GROUPS = loader.product_groups()  # the six OCOP sectors with their product sets and colours
SERVICE_SETS = frozenset({"du-lich-cong-dong-sinh-thai"})
BASE_PRODUCTS = loader.base_products()

_ENTERPRISE_ROWS = loader.enterprise_rows()
_FORMER_QUANG_BINH = loader.former_quang_binh()
_MOBILE_PREFIXES = loader.mobile_prefixes()

_WORDING = loader.wording()
_USAGE = _WORDING["usage"]  # per product set: how to use it
_ORIGIN = _WORDING["origin"]  # ties a product to its maker
_ORIGIN_SERVICE = _WORDING["origin_service"]
_STORAGE = _WORDING["storage"]
_BARE_UNITS = frozenset(_WORDING["bare_units"])  # plain counting words: a title needs no "(chiếc)"

_LIVING_SETS = frozenset({"hoa", "cay-canh", "dong-vat-canh"})
_NO_STORAGE_SETS = SERVICE_SETS | _LIVING_SETS | {"thit-thuy-san-trung-sua-tuoi"}


# --------------------------------------------------------------------------------------------
# Generators.
# --------------------------------------------------------------------------------------------


def _ascii(text):
    """Fold Vietnamese to plain ASCII lower case: "Đồng Hới" -> "dong hoi"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _mst_check_digit(first_nine):
    """The tenth digit of an MST (as python-stdnum computes it), or None if none exists."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    digit = 10 - sum(w * int(n) for w, n in zip(weights, first_nine, strict=True)) % 11
    return str(digit) if digit < 10 else None


def _make_mst(rng, prefix):
    while True:
        body = prefix + "".join(str(rng.randrange(10)) for _ in range(7))
        check = _mst_check_digit(body)
        if check is not None and body[2:] != "0000000":
            return body + check


def _make_personal_id(rng, province):
    """A 12-digit personal id: province of birth, century/sex digit, year of birth, six digits."""
    century_sex = rng.choice("01")
    year = f"{rng.randint(60, 95):02d}"
    return province + century_sex + year + "".join(str(rng.randrange(10)) for _ in range(6))


def _make_phone(rng):
    return "+84" + rng.choice(_MOBILE_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(7))


def _build_enterprises():
    rng = random.Random(44)
    enterprises, codes, phones = [], set(), set()
    for row in _ENTERPRISE_ROWS:
        kind = row["kind"]
        former_qb = row["commune"] in _FORMER_QUANG_BINH
        while True:
            if kind in ("company", "cooperative"):
                tax_code = _make_mst(rng, "31" if former_qb else "32")
            elif kind == "household":
                tax_code = _make_personal_id(rng, "044" if former_qb else "045")
            else:
                tax_code = ""
            if not tax_code or tax_code not in codes:
                break
        codes.add(tax_code)
        phone = _make_phone(rng)
        while phone in phones:
            phone = _make_phone(rng)
        phones.add(phone)
        local = _ascii(row["brand"]).replace(" ", "")
        prefix = {"company": "lienhe", "cooperative": "htx", "cooperative_group": "tht"}.get(kind, "")
        email = f"{prefix}.{local}@demo.vn" if prefix else f"{local}.{rng.randint(10, 99)}@demo.vn"
        enterprises.append(
            {
                "name": row["name"],
                "kind": kind,
                "tax_code": tax_code,
                "representative": row["representative"],
                "phone": phone,
                "email": email,
                "commune": row["commune"],
                "street_address": row["street_address"],
                "story": row["story"],
                "status": row["status"],
            }
        )
    return enterprises


ENTERPRISES = _build_enterprises()


def _title(base_name, brand, grade, unit, set_slug):
    if set_slug in SERVICE_SETS:
        return base_name
    if "{brand}" not in base_name:
        base_name += " {brand}"
    if "{grade}" not in base_name:
        base_name += " {grade}"
    name = base_name.format(brand=brand, grade=grade)
    name = " ".join(name.split())
    return name if unit in _BARE_UNITS else f"{name} ({unit})"


def _description(rng, base_desc, set_slug, enterprise):
    sentences = [base_desc]
    if set_slug in SERVICE_SETS:
        templates = _ORIGIN_SERVICE
    elif set_slug in _LIVING_SETS:
        templates = _ORIGIN[:4]
    else:
        templates = _ORIGIN
    commune = enterprise["commune"]
    for kind in ("Xã ", "Phường ", "Đặc khu "):  # lower case inside a sentence: "ở xã Cửa Tùng"
        if commune.startswith(kind):
            commune = kind.lower() + commune[len(kind) :]
    origin = rng.choice(templates).format(name=enterprise["name"], commune=commune)
    sentences.append(origin[0].upper() + origin[1:])
    if rng.random() < 0.7:
        sentences.append(rng.choice(_USAGE[set_slug]))
    if set_slug not in _NO_STORAGE_SETS and rng.random() < 0.4:
        sentences.append(rng.choice(_STORAGE))
    if rng.random() < 0.3:  # vary the order a little: origin first
        sentences[0], sentences[1] = sentences[1], sentences[0]
    return " ".join(sentences)


def _candidates(rng, base_keys):
    """All (base key, variant) pairs of an enterprise, interleaved so every base shows up early."""
    per_base = []
    for key in base_keys:
        variants = list(enumerate(BASE_PRODUCTS[key][3]))
        rng.shuffle(variants)
        per_base.append([(key, v) for v in variants])
    out = []
    while any(per_base):
        for queue in per_base:
            if queue:
                out.append(queue.pop(0))
    return out


def product_specs(seed=2026):
    """About 300 demo products (exactly 300), each tied to an enterprise index and a product-set slug."""
    rng = random.Random(seed)
    specs, titles = [], set()
    for index, row in enumerate(_ENTERPRISE_ROWS):
        brand, quota, base_keys = row["brand"], row["listed"], row["products"]
        enterprise = ENTERPRISES[index]
        picked = 0
        for key, (variant_no, (grade, unit, price, grams)) in _candidates(rng, base_keys):
            if picked == quota:
                break
            set_slug, base_name, base_desc, _variants = BASE_PRODUCTS[key]
            title = _title(base_name, brand, grade, unit, set_slug)
            if title in titles:
                continue
            titles.add(title)
            picked += 1
            if set_slug in SERVICE_SETS:
                stock = rng.choice((10, 15, 20, 30))
            else:
                stock = 0 if rng.random() < 0.05 else rng.randint(3, 200)
            specs.append(
                {
                    "title": title,
                    "description": _description(rng, base_desc, set_slug, enterprise),
                    "group_slug": set_slug,
                    "enterprise": index,
                    "price": max(1000, round(price * rng.uniform(0.92, 1.12) / 1000) * 1000),
                    "stock": stock,
                    "weight_grams": grams,
                    "unit": unit,
                    "sku": f"QT{index:02d}-{key.replace('_', '').upper()}-{variant_no + 1}",
                }
            )
        if picked < quota:
            raise ValueError(f"{row['name']}: only {picked} distinct products for a quota of {quota}")
    return specs
