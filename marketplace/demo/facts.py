"""Facts behind the demo products' badges: origin, OCOP recognitions and traceability lots.

The whole plan is computed from ``content`` alone with ``random.Random(2026)``, over all 300
demo products whether or not they are in the database, so a product gets the same facts
with ``load_demo --products 48`` as with the full province. :func:`ensure_product_facts`
then writes what is missing for the products present: certificates are keyed by decision
number and lots by (product, lot code), so loading again doubles nothing.

Every date is on or before :data:`AS_OF`, the demo's "today" (November 2026). Certificates
go through :func:`catalogue.ocop.move` and lots through :mod:`catalogue.traceability`, so
the review history and revisions read as if the Department and enterprises had made them.
"""

import datetime
import functools
import random
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import ocop, traceability
from catalogue.gtin import gtin_check_digit
from catalogue.models import (
    ClaimStatus,
    Lot,
    LotCertification,
    LotStep,
    OcopCertificate,
)
from marketplace.text import slugify_vi
from places.models import Commune, Province

from . import builders, content, loader

Product = get_model("catalogue", "Product")

SEED = 2026
AS_OF = datetime.date(2026, 11, 1)
YEAR_START = datetime.date(2026, 1, 5)

# Who recognised OCOP products, by period (Decisions 148/QĐ-TTg and 1489/QĐ-TTg).
DISTRICT_PERIOD_STARTS = datetime.date(2023, 2, 24)
TWO_TIER_STARTS = datetime.date(2025, 7, 6)
MINISTRY_RENAMED = datetime.date(2025, 3, 1)

# The tables are data files (data/*.toml): recognitions, lots, shelf life, communes.
OLD_DISTRICTS = loader.old_districts()  # commune -> (district, former province) before July 2025
SPECIALTIES = loader.specialties()  # (enterprise row, base product) the Department lists
SCORE_RANGES = loader.score_ranges()  # hundredths of a point, by stars
SCENARIOS = loader.scenarios()  # hand-written recognitions of the first four enterprises
DRAWN_RECOGNITIONS = loader.drawn_recognitions()  # the other enterprises': (share, first, last, status)
_RECOGNITIONS = loader.read("recognitions")
EXPIRED_THEN_REEVALUATED = tuple(_RECOGNITIONS["expired_then_reevaluated"])
REEVALUATED = tuple(_RECOGNITIONS["reevaluated"])
REVOCATION_REASON = _RECOGNITIONS["revocation_reason"]

_SHELF_LIFE = loader.read("shelf_life")
SHELF_LIFE = _SHELF_LIFE["by_set"]  # days
SHELF_LIFE_BY_KEY = _SHELF_LIFE["by_product"]  # where it differs from the product set's
LIVING_SETS = frozenset({"hoa", "cay-canh", "dong-vat-canh"})
NO_GTIN_SETS = content.SERVICE_SETS | LIVING_SETS  # a tour or a potted orchid has no barcode
NO_LOT_SETS = NO_GTIN_SETS | {"thit-thuy-san-trung-sua-tuoi"}

_LOTS = loader.read("lots")
FORCED_LOTS = loader.forced_lots()  # (enterprise row, base product) -> what the lot shows
REVISION_NOTE = _LOTS["revision_note"]
LAB = _LOTS["lab"]
STEPS = loader.lot_steps()  # kind -> [(event, place, actor, (days), optional)], see _step_values
KIND_BY_KEY = _LOTS["kind_by_product"]
KIND_BY_SET = _LOTS["kind_by_set"]
RAW = _LOTS["raw"]
HARVEST = _LOTS["harvest"]
CRAFT = _LOTS["craft"]
# Farm and livestock certifications for growers, food-safety systems for processors.
FARM_KINDS = frozenset(_LOTS["farm_kinds"])
PROCESSOR_KINDS = frozenset(_LOTS["processor_kinds"])
CERTIFIERS = {LotCertification.Scheme(scheme): issuer for scheme, issuer in _LOTS["certifiers"].items()}


# --- The plan -----------------------------------------------------------------------------


@dataclass
class ProductFacts:
    sku: str
    enterprise: int
    key: str
    origin_commune: str | None
    origin_wording: str
    origin_status: str
    is_provincial_specialty: bool
    gtin: str
    weight_grams: int | None
    unit: str
    shelf_life_days: int | None


@dataclass
class CertificatePlan:
    enterprise: int
    skus: list
    decision_number: str
    decision_date: datetime.date
    issuer: str
    stars: int
    score: Decimal
    evaluation: str
    status: str  # what the Department's moves end on
    superseded_by: str | None = None  # decision number of the newer recognition
    reason: str = ""


@dataclass
class LotPlan:
    sku: str
    enterprise: int
    lot_code: str
    production_date: datetime.date
    best_before: datetime.date | None
    area_commune: str
    quantity: str
    steps: list  # (event, date, place, actor)
    certifications: list  # (scheme, number, issuer, valid_until)
    publish: bool
    revision_actor: str = ""  # if set, a second revision gives the lab step this actor


@dataclass
class Plan:
    facts: dict = field(default_factory=dict)  # sku -> ProductFacts
    certificates: list = field(default_factory=list)
    lots: list = field(default_factory=list)


_KEY_BY_CODE = {key.replace("_", "").upper(): key for key in content.BASE_PRODUCTS}


def base_key(sku):
    """``QT00-NMCACOM-1`` -> ``nm_ca_com``."""
    return _KEY_BY_CODE[sku.split("-")[1]]


@functools.cache
def plan(seed=SEED):
    rng = random.Random(seed)
    result = Plan()
    specs = content.product_specs()
    decision_numbers = set()
    gs1_companies = set()
    for index, enterprise in enumerate(content.ENTERPRISES):
        own = [spec for spec in specs if spec["enterprise"] == index]
        result.facts.update(
            (item.sku, item) for item in _plan_facts(rng, index, enterprise, own, gs1_companies)
        )
        if enterprise["status"] != "approved" or not own:
            continue
        result.certificates += _plan_certificates(rng, index, enterprise, own, decision_numbers)
        result.lots += _plan_lots(rng, index, enterprise, own, result.facts)
    return result


def _plan_facts(rng, index, enterprise, specs, gs1_companies):
    approved = enterprise["status"] == "approved"
    company = None
    if rng.random() < {"company": 1, "cooperative": 0.8, "household": 0.35}.get(enterprise["kind"], 0.25):
        company = rng.randrange(10000, 100000)
        while company in gs1_companies:
            company = rng.randrange(10000, 100000)
        gs1_companies.add(company)
    district, old_province = OLD_DISTRICTS[enterprise["commune"]]
    neighbours = sorted(  # communes of the same former province
        {row["commune"] for row in content.ENTERPRISES if OLD_DISTRICTS[row["commune"]][1] == old_province}
        - {enterprise["commune"]}
    )
    out, flagged, item_number = [], set(), 0
    for spec in specs:
        key, set_slug = base_key(spec["sku"]), spec["group_slug"]
        specialty = approved and (index, key) in SPECIALTIES and (index, key) not in flagged
        flagged.add((index, key))
        roll = rng.random()
        if specialty or (approved and roll < 0.70):
            status = ClaimStatus.VERIFIED
        elif approved and roll >= 0.96:
            status = ClaimStatus.REJECTED
        else:
            status = ClaimStatus.CLAIMED
        roll = rng.random()
        commune = enterprise["commune"]
        if not specialty and roll >= 0.95:
            commune = None  # the enterprise names only the province
        elif not specialty and roll >= 0.88:
            commune = rng.choice(neighbours)  # raw material bought in a neighbouring commune
        wording = ""
        if commune == enterprise["commune"] and (specialty or rng.random() < 0.3):
            wording = f"{district}, tỉnh {old_province}"
        gtin = ""
        if company and set_slug not in NO_GTIN_SETS and rng.random() < 0.85:
            item_number += 1
            body = f"893{company:05d}{item_number:04d}"
            gtin = body + gtin_check_digit(body)
        services = set_slug in content.SERVICE_SETS
        out.append(
            ProductFacts(
                sku=spec["sku"],
                enterprise=index,
                key=key,
                origin_commune=commune,
                origin_wording=wording,
                origin_status=status,
                is_provincial_specialty=specialty,
                gtin=gtin,
                weight_grams=None if services else spec.get("weight_grams"),
                unit=spec.get("unit", ""),
                shelf_life_days=SHELF_LIFE_BY_KEY.get(key, SHELF_LIFE.get(set_slug)),
            )
        )
    return out


def _issuer(decision_date, stars, commune):
    district, old_province = OLD_DISTRICTS[commune]
    if stars == 5:
        if decision_date >= MINISTRY_RENAMED:
            return "Bộ Nông nghiệp và Môi trường"
        return "Bộ Nông nghiệp và Phát triển nông thôn"
    if decision_date < DISTRICT_PERIOD_STARTS:
        return f"UBND tỉnh {old_province}"
    if decision_date < TWO_TIER_STARTS:
        return f"UBND {district}" if stars == 3 else f"UBND tỉnh {old_province}"
    return "UBND tỉnh Quảng Trị"


def _decision_number(rng, stars, used):
    while True:
        number = f"{rng.randint(120, 3600)}/{'QĐ-BNNMT' if stars == 5 else 'QĐ-UBND'}"
        if number not in used:
            used.add(number)
            return number


def _random_date(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def _score(rng, stars):
    low, high = SCORE_RANGES[stars]
    return Decimal(rng.randint(low, high)).scaleb(-2)


def _plan_certificates(rng, index, enterprise, specs, used):
    skus_by_key = {}
    for spec in specs:
        skus_by_key.setdefault(base_key(spec["sku"]), []).append(spec["sku"])
    commune = enterprise["commune"]

    def certificate(key, stars, when, evaluation, status):
        if TWO_TIER_STARTS > when >= datetime.date(2025, 7, 1):
            when = TWO_TIER_STARTS  # no district left to sign, no merged province yet
        return CertificatePlan(
            enterprise=index,
            skus=skus_by_key[key],
            decision_number=_decision_number(rng, stars, used),
            decision_date=when,
            issuer=_issuer(when, stars, commune),
            stars=stars,
            score=_score(rng, stars),
            evaluation=evaluation,
            status=status,
        )

    if index in SCENARIOS:
        named = {}
        for name, key, stars, when, evaluation, status, newer in SCENARIOS[index]:
            if key not in skus_by_key:
                continue
            named[name] = certificate(key, stars, when, evaluation, status)
            named[name].superseded_by = newer
            if status == "revoked":
                named[name].reason = REVOCATION_REASON
        for item in named.values():
            item.superseded_by = named[item.superseded_by].decision_number if item.superseded_by else None
        return list(named.values())

    out = []
    for key in skus_by_key:
        if rng.random() >= 0.5:
            continue
        stars = 3 if rng.random() < 0.62 else 4
        roll = rng.random()
        for share, first, last, status in DRAWN_RECOGNITIONS:
            if roll < share:
                out.append(certificate(key, stars, _random_date(rng, first, last), "new", status))
                break
            roll -= share
        else:  # an expired recognition replaced by a re-evaluation
            old = certificate(key, 3, _random_date(rng, *EXPIRED_THEN_REEVALUATED), "new", "superseded")
            new = certificate(key, stars, _random_date(rng, *REEVALUATED), "reevaluation", "verified")
            old.superseded_by = new.decision_number
            out += [old, new]
    return out


def _kind(key, set_slug):
    return KIND_BY_KEY.get(key) or KIND_BY_SET.get(set_slug) or "processed"


def _short(commune):
    return (
        commune.split(" ", 1)[1]
        if commune.startswith(("Xã ", "Phường "))
        else commune.replace("Đặc khu ", "")
    )


def _in_sentence(commune):
    for kind in ("Xã ", "Phường ", "Đặc khu "):
        if commune.startswith(kind):
            return kind.lower() + commune[len(kind) :]
    return commune


def _step_values(enterprise, key, area):
    """Fields and boats are in the production area; the workshop is at the enterprise."""
    commune = _in_sentence(area)
    village = enterprise["street_address"] if area == enterprise["commune"] else ""
    if not village.startswith(("Thôn", "Bản", "Khóm")):
        village = ""
    raw = RAW.get(key, "")
    return {
        "commune": commune,
        "commune_short": _short(area),
        "village": village[0].lower() + village[1:] if village else "",
        "workshop": f"Cơ sở sản xuất {enterprise['street_address']}, {_in_sentence(enterprise['commune'])}",
        "enterprise": enterprise["name"],
        "representative": f"{enterprise['representative']} (phụ trách sản xuất)",
        "raw": raw,
        "raw_short": raw.replace("lá ", "") if raw else "",
        "harvest": HARVEST.get(key, "Quay mật"),
        "craft": CRAFT.get(key, "Đan thủ công"),
        "lab": LAB,
    }


def _tidy(text):
    return " ".join(text.replace(" ,", ",").split()).strip(", ")


def _lot_steps(rng, kind, values, earliest, latest, every_step=False):
    """Steps of one lot, the first on the production date, the last on or before ``latest``."""
    template = [step for step in STEPS[kind] if every_step or not step[4] or rng.random() < 0.7]
    gaps = [rng.randint(*step[3]) for step in template]
    span = sum(gaps)
    room = (latest - earliest).days
    if span > room:  # squeeze a long process into the year so far
        gaps = [gap * room // span for gap in gaps]
        span = sum(gaps)
    start = earliest + datetime.timedelta(days=rng.randint(0, room - span))
    steps, day = [], start
    for (event, place, actor, _gap, _optional), gap in zip(template, gaps, strict=True):
        day += datetime.timedelta(days=gap)
        steps.append(
            (_tidy(event.format(**values)), day, _tidy(place.format(**values)), _tidy(actor.format(**values)))
        )
    return steps


def _lot_certifications(rng, kind, index, sequence):
    if kind in FARM_KINDS:
        if rng.random() < 0.6:
            scheme, number = (
                LotCertification.Scheme.VIETGAP,
                f"VietGAP-TT-{rng.randint(10, 40)}-44-{sequence:04d}",
            )
            years = 3
        else:
            scheme, number = LotCertification.Scheme.ORGANIC, f"{rng.randint(100, 999)}/2025/HC-{index:02d}"
            years = 2
    elif kind in PROCESSOR_KINDS:
        scheme = rng.choice([LotCertification.Scheme.HACCP, LotCertification.Scheme.ISO22000])
        number, years = f"HT-{rng.randint(1000, 9999)}.25.{scheme.upper()}", 3
    else:
        return []
    issued = _random_date(rng, datetime.date(2024, 9, 1), datetime.date(2025, 12, 31))
    return [(scheme, number, CERTIFIERS[scheme], issued + relativedelta(years=years))]


def _quantity(rng, unit):
    amount = rng.randint(5, 150) * 10
    return f"{amount:,}".replace(",", ".") + (f" {unit}" if unit else "")


def _plan_lots(rng, index, enterprise, specs, facts):
    initials = "".join(word[0] for word in slugify_vi(_short(enterprise["commune"])).upper().split("-"))[:3]
    lots, certification_sequence = [], 0
    for spec in specs:
        key, set_slug = base_key(spec["sku"]), spec["group_slug"]
        forced = FORCED_LOTS.get((index, key)) if spec["sku"] == _first_sku(specs, key) else None
        roll = rng.random()
        if set_slug in NO_LOT_SETS or not (forced or roll < 0.4):
            continue
        kind, item = _kind(key, set_slug), facts[spec["sku"]]
        count = forced["lots"] if forced else (2 if rng.random() < 0.35 else 1)
        certify = forced.get("certify") if forced else rng.random() < 0.35
        certifications = []
        if certify:
            certification_sequence += 1
            certifications = _lot_certifications(rng, kind, index, certification_sequence)
        area = item.origin_commune or enterprise["commune"]
        values = _step_values(enterprise, key, area)
        shelf_life = item.shelf_life_days
        for number in range(1, count + 1):
            if shelf_life and shelf_life < 60:  # fresh produce: only recent lots make sense
                earliest, latest = AS_OF - datetime.timedelta(days=25), AS_OF - datetime.timedelta(days=2)
            elif count == 2 and number == 1:
                earliest, latest = YEAR_START, datetime.date(2026, 7, 15)
            else:
                earliest, latest = YEAR_START if count == 1 else datetime.date(2026, 5, 1), AS_OF
            revise = bool(forced and forced.get("revise") and number == 1)
            steps = _lot_steps(rng, kind, values, earliest, latest, every_step=revise)
            production, packed = steps[0][1], steps[-1][1]
            draft = rng.random() < (0.15 if number == count == 2 else 0.03)
            if forced:
                draft = forced.get("draft", False) and number == count
            lots.append(
                LotPlan(
                    sku=spec["sku"],
                    enterprise=index,
                    lot_code=f"{initials}{production:%y%m}-{number:02d}",
                    production_date=production,
                    best_before=packed + datetime.timedelta(days=shelf_life) if shelf_life else None,
                    area_commune=area,
                    quantity=_quantity(rng, spec.get("unit", "")),
                    steps=steps,
                    certifications=certifications,
                    publish=not draft,
                    revision_actor=f"{LAB} (phiếu kết quả thử nghiệm số {rng.randint(100, 999)}/KQ-TĐC)"
                    if revise
                    else "",
                )
            )
    return lots


def _first_sku(specs, key):
    return next(spec["sku"] for spec in specs if base_key(spec["sku"]) == key)


# --- Writing it -----------------------------------------------------------------------------


def ensure_product_facts(progress=None):
    """Write the plan for the demo products present; returns the totals for a summary."""
    result = plan()
    products = {product.upc: product for product in Product.objects.filter(upc__in=list(result.facts))}
    province = Province.objects.get(code=builders.PROVINCE_CODE)
    communes = {commune.name: commune for commune in Commune.objects.filter(province=province)}
    reviewer = builders.ensure_reviewer()
    enterprises = _enterprises_by_index()
    if hasattr(progress, "reset"):
        progress.reset(total=len(products))  # tqdm: the bar learns its length here

    certificates_by_enterprise, lots_by_enterprise = {}, {}
    for item in result.certificates:
        certificates_by_enterprise.setdefault(item.enterprise, []).append(item)
    for item in result.lots:
        lots_by_enterprise.setdefault(item.enterprise, []).append(item)
    existing_lots = set(
        Lot.objects.filter(product__in=products.values()).values_list("product_id", "lot_code")
    )
    for index in range(len(content.ENTERPRISES)):
        own = [
            products[item.sku]
            for item in result.facts.values()
            if item.enterprise == index and item.sku in products
        ]
        if not own:
            continue
        with transaction.atomic():
            _write_facts(own, result.facts, province, communes)
            _write_certificates(
                certificates_by_enterprise.get(index, []), products, enterprises[index], reviewer
            )
            _write_lots(lots_by_enterprise.get(index, []), products, communes, existing_lots)
        if progress is not None:
            progress.update(len(own))
    return summary(products.values())


def _enterprises_by_index():
    Partner = get_model("partner", "Partner")
    by_slug = {partner.slug: partner for partner in Partner.objects.all()}
    return {
        index: by_slug.get(slugify_vi(row["name"])[:140]) for index, row in enumerate(content.ENTERPRISES)
    }


FACT_FIELDS = [
    "origin_province",
    "origin_commune",
    "origin_wording",
    "origin_status",
    "is_provincial_specialty",
    "gtin",
    "weight_grams",
    "unit",
    "shelf_life_days",
]


def _write_facts(products, facts, province, communes):
    changed = []
    for product in products:
        item = facts[product.upc]
        wanted = {
            "origin_province_id": province.pk,
            "origin_commune_id": communes[item.origin_commune].pk if item.origin_commune else None,
            "origin_wording": item.origin_wording,
            "origin_status": item.origin_status,
            "is_provincial_specialty": item.is_provincial_specialty,
            "gtin": item.gtin,
            "weight_grams": item.weight_grams,
            "unit": item.unit,
            "shelf_life_days": item.shelf_life_days,
        }
        if any(getattr(product, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(product, name, value)
            changed.append(product)
    Product.objects.bulk_update(changed, FACT_FIELDS)


def _write_certificates(plans, products, enterprise, reviewer):
    if enterprise is None:
        return
    existing = {
        certificate.decision_number: certificate
        for certificate in OcopCertificate.objects.filter(
            decision_number__in=[item.decision_number for item in plans]
        )
    }
    created = {}
    for item in sorted(plans, key=lambda item: item.decision_date):
        covered = [products[sku] for sku in item.skus if sku in products]
        if not covered:
            continue
        certificate = existing.get(item.decision_number)
        if certificate is not None:
            certificate.products.add(*covered)
            continue
        certificate = OcopCertificate.objects.create(
            enterprise=enterprise,
            decision_number=item.decision_number,
            decision_date=item.decision_date,
            issuer=item.issuer,
            stars=item.stars,
            score=item.score,
            evaluation=item.evaluation,
        )
        certificate.products.add(*covered)
        created[item.decision_number] = certificate
        if item.status != OcopCertificate.Status.PENDING:
            ocop.move(certificate, OcopCertificate.Status.VERIFIED, by=reviewer)
        if item.status == OcopCertificate.Status.REVOKED:
            ocop.move(certificate, OcopCertificate.Status.REVOKED, by=reviewer, reason=item.reason)
    # A recognition is superseded once its successor is verified.
    for item in plans:
        certificate = created.get(item.decision_number)
        newer = created.get(item.superseded_by) or existing.get(item.superseded_by)
        if certificate is not None and newer is not None and item.status == OcopCertificate.Status.SUPERSEDED:
            ocop.move(certificate, OcopCertificate.Status.SUPERSEDED, by=reviewer, superseded_by=newer)


def _published_at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))


def _write_lots(plans, products, communes, existing):
    for item in plans:
        product = products.get(item.sku)
        if product is None or (product.pk, item.lot_code) in existing:
            continue
        lot = Lot.objects.create(
            product=product,
            lot_code=item.lot_code,
            production_date=item.production_date,
            best_before=item.best_before,
            area_commune=communes[item.area_commune],
            quantity=item.quantity,
        )
        LotStep.objects.bulk_create(
            LotStep(lot=lot, position=position, event=event, date=day, place=place, actor=actor)
            for position, (event, day, place, actor) in enumerate(item.steps, start=1)
        )
        LotCertification.objects.bulk_create(
            LotCertification(lot=lot, scheme=scheme, number=number, issuer=issuer, valid_until=until)
            for scheme, number, issuer, until in item.certifications
        )
        existing.add((product.pk, item.lot_code))
        if not item.publish:
            continue
        packed = item.steps[-1][1]
        traceability.publish(lot)
        _set_published(lot, packed + datetime.timedelta(days=1))
        if item.revision_actor:
            revision = traceability.revise(lot, REVISION_NOTE)
            revision.steps.filter(event="Kiểm nghiệm").update(actor=item.revision_actor)
            traceability.publish(revision)
            _set_published(revision, min(packed + datetime.timedelta(days=20), AS_OF))


def _set_published(lot, day):
    lot.date_published = _published_at(day)
    Lot.objects.filter(pk=lot.pk).update(date_published=lot.date_published)


# --- Totals ---------------------------------------------------------------------------------


def summary(products):
    """What the demo products hold now: origin, certificates by standing, lots."""
    products = list(products)
    today = timezone.localdate()
    certificates = list(OcopCertificate.objects.filter(products__in=products).distinct())
    Status = OcopCertificate.Status
    lots = Lot.objects.filter(product__in=products).order_by()
    return {
        "products": len(products),
        "origin_verified": sum(product.origin_status == ClaimStatus.VERIFIED for product in products),
        "origin_claimed": sum(product.origin_status == ClaimStatus.CLAIMED for product in products),
        "origin_rejected": sum(product.origin_status == ClaimStatus.REJECTED for product in products),
        "specialties": sum(product.is_provincial_specialty for product in products),
        "gtins": sum(bool(product.gtin) for product in products),
        "certificates": len(certificates),
        "in_force": sum(ocop.is_in_force(certificate, today) for certificate in certificates),
        "expired": sum(
            certificate.status == Status.VERIFIED and certificate.expires_on <= today
            for certificate in certificates
        ),
        "pending": sum(certificate.status == Status.PENDING for certificate in certificates),
        "revoked": sum(certificate.status == Status.REVOKED for certificate in certificates),
        "superseded": sum(certificate.status == Status.SUPERSEDED for certificate in certificates),
        "lot_revisions": lots.count(),
        "lots": lots.values("product", "lot_code").distinct().count(),
        "draft_lots": lots.filter(status=Lot.Status.DRAFT).count(),
        "revised_lots": lots.filter(revision__gt=1).values("product", "lot_code").distinct().count(),
    }
