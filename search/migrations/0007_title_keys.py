"""Title keys for autocomplete (search.models.TitleKey), their index, and the keys of records already there.

The index orders keys byte by byte on both databases (SQLite's BINARY, PostgreSQL's
"C" collation), so "the keys starting with 'mat o'" is one range of it, read
in order and cut after a few rows. The partial index holds the whole titles
(position 0), for the titles starting with the typed words.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

RunSQLOn = importlib.import_module("search.migrations.0002_full_text").RunSQLOn

LENGTH = 64  # TitleKey.LENGTH when this migration was written
CHUNK = 2000

SQLITE = [
    "CREATE INDEX search_titlekey_folded ON search_titlekey (folded, position, record_id)",
    "CREATE INDEX search_titlekey_start ON search_titlekey (folded, record_id) WHERE position = 0",
]
POSTGRESQL = [
    'CREATE INDEX search_titlekey_folded ON search_titlekey ((folded COLLATE "C"), position, record_id)',
    'CREATE INDEX search_titlekey_start ON search_titlekey ((folded COLLATE "C"), record_id) WHERE position = 0',
]
REVERSE = ["DROP INDEX IF EXISTS search_titlekey_start", "DROP INDEX IF EXISTS search_titlekey_folded"]


def keys_of_indexed_titles(apps, schema_editor):
    ProductText = apps.get_model("search", "ProductText")
    TitleKey = apps.get_model("search", "TitleKey")
    texts = ProductText.objects.order_by("pk").values_list("record_id", "title_folded")
    keys = []
    for record_id, title in texts.iterator(chunk_size=CHUNK):
        title_words = title.split()
        keys += [
            TitleKey(record_id=record_id, position=position, folded=" ".join(title_words[position:])[:LENGTH])
            for position in range(len(title_words))
        ]
        if len(keys) >= CHUNK:
            TitleKey.objects.bulk_create(keys)
            keys = []
    TitleKey.objects.bulk_create(keys)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_index_changes")]

    operations = [
        migrations.CreateModel(
            name="TitleKey",
            fields=[
                (
                    "id",
                    models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                ),
                ("position", models.PositiveSmallIntegerField()),
                ("folded", models.CharField(max_length=64)),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="title_keys",
                        to="search.productrecord",
                    ),
                ),
            ],
        ),
        migrations.RunPython(keys_of_indexed_titles, migrations.RunPython.noop, elidable=True),
        RunSQLOn("sqlite", SQLITE, REVERSE),  # after the keys: one sort rather than a million inserts
        RunSQLOn("postgresql", POSTGRESQL, REVERSE),
    ]
