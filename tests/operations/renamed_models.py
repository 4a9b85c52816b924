"""Run by test_renamed_models in its own process: records written under the old model names,
then the rename migrations, then what the current models read back (as JSON on stdout).

It works on the database DATABASE_URL names, which the test points at a fresh SQLite file.
"""

import json
from datetime import date
from decimal import Decimal

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django.utils import timezone  # noqa: E402

BEFORE_RENAMES = [
    ("catalogue", "0034_certificate_scans_origin_decisions"),
    ("order", "0023_shipping_address_administrative_units"),
    ("payouts", "0002_partial_refund"),
]
RENAMED_APPS = {app for app, _migration in BEFORE_RENAMES}


def write_old_records(apps):
    """One lot with a step and a certification, one parcel with its history and a ledger row."""
    model = apps.get_model
    product = model("catalogue", "Product").objects.create(title="Mật ong rừng", slug="mat-ong-rung")
    lot = model("catalogue", "TraceabilityBatch").objects.create(
        product=product, lot_code="MO2607-01", status="published", production_date=date(2026, 7, 1)
    )
    model("catalogue", "BatchStep").objects.create(batch=lot, event="Thu hoạch", date=date(2026, 7, 1))
    model("catalogue", "BatchCertification").objects.create(batch=lot, scheme="vietgap", number="VG-1")
    enterprise = model("partner", "Partner").objects.create(name="HTX Ong Mật", code="htx-ong-mat")
    order = model("order", "Order").objects.create(
        number="100001",
        currency="VND",
        total_incl_tax=Decimal(250000),
        total_excl_tax=Decimal(250000),
        shipping_incl_tax=Decimal(30000),
        shipping_excl_tax=Decimal(30000),
        date_placed=timezone.now(),
    )
    parcel = model("order", "VendorOrder").objects.create(
        order=order, enterprise=enterprise, number="100001-1", status="delivered", lines_total=Decimal(220000)
    )
    model("order", "VendorOrderStatusChange").objects.create(
        vendor_order=parcel, from_status="shipped", to_status="delivered"
    )
    model("payouts", "LedgerEntry").objects.create(
        enterprise=enterprise,
        vendor_order=parcel,
        kind="sale",
        gross=Decimal(250000),
        commission=Decimal(12500),
        net=Decimal(237500),
    )


def read_new_records():
    from django.apps import apps

    model = apps.get_model
    lot = model("catalogue", "Lot").objects.get()
    parcel = model("order", "Parcel").objects.get()
    return {
        "lot": [lot.lot_code, lot.product.title, [s.event for s in lot.steps.all()]],
        "certifications": [c.number for c in lot.certifications.all()],
        "product_lots": [x.lot_code for x in lot.product.lots.all()],
        "parcel": [parcel.number, parcel.status, parcel.order.number, parcel.enterprise.name],
        "history": [[c.from_status, c.to_status] for c in parcel.status_changes.all()],
        "ledger": [[str(e.net), e.kind] for e in parcel.ledger_entries.all()],
        "parcels_of_order": [p.number for p in parcel.order.parcels.all()],
    }


executor = MigrationExecutor(connection)
executor.migrate(BEFORE_RENAMES)
write_old_records(executor.loader.project_state(BEFORE_RENAMES).apps)
executor = MigrationExecutor(connection)
executor.migrate([node for node in executor.loader.graph.leaf_nodes() if node[0] in RENAMED_APPS])
print(json.dumps(read_new_records(), ensure_ascii=False))
