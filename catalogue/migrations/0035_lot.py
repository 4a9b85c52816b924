"""One name for a traceability record: the lot (was TraceabilityBatch, BatchStep, BatchCertification).

Renames only, so every lot, step and certification is kept.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0034_certificate_scans_origin_decisions"),
    ]

    operations = [
        migrations.RenameModel("TraceabilityBatch", "Lot"),
        migrations.RenameModel("BatchStep", "LotStep"),
        migrations.RenameModel("BatchCertification", "LotCertification"),
        migrations.RenameField("LotStep", "batch", "lot"),
        migrations.RenameField("LotCertification", "batch", "lot"),
        migrations.AlterModelOptions(
            name="lot",
            options={
                "ordering": ["product", "lot_code", "-revision"],
                "verbose_name": "traceability lot",
                "verbose_name_plural": "traceability lots",
            },
        ),
        migrations.RemoveConstraint(model_name="lot", name="unique_batch_revision"),
        migrations.AlterField(
            model_name="lot",
            name="product",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="lots",
                to="catalogue.product",
                verbose_name="product",
            ),
        ),
        migrations.AddConstraint(
            model_name="lot",
            constraint=models.UniqueConstraint(
                fields=("product", "lot_code", "revision"), name="unique_lot_revision"
            ),
        ),
    ]
