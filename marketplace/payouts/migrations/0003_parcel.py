"""The ledger names the parcel it books (was ``vendor_order``); rows and constraints are kept."""

import django.db.models.deletion
import django.db.models.expressions
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("payouts", "0002_partial_refund"),
        ("order", "0024_parcel"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="ledgerentry", name="one_sale_and_one_reversal_per_parcel"),
        migrations.RemoveConstraint(model_name="ledgerentry", name="ledger_entry_adds_up"),
        # Constraints name the field, so they go before the rename and come back after it.
        migrations.RenameField("LedgerEntry", "vendor_order", "parcel"),
        migrations.AlterField(
            model_name="ledgerentry",
            name="parcel",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ledger_entries",
                to="order.parcel",
                verbose_name="parcel",
            ),
        ),
        migrations.AddConstraint(
            model_name="ledgerentry",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind__in", ["sale", "reversal"])),
                fields=("parcel", "kind"),
                name="one_sale_and_one_reversal_per_parcel",
            ),
        ),
        migrations.AddConstraint(
            model_name="ledgerentry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "payout"), ("month_paid__isnull", False), ("net__lt", 0)),
                    models.Q(
                        models.Q(("kind", "payout"), _negated=True),
                        (
                            "net",
                            django.db.models.expressions.CombinedExpression(
                                models.F("gross"), "-", models.F("commission")
                            ),
                        ),
                        ("parcel__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="ledger_entry_adds_up",
            ),
        ),
    ]
