"""The full-text index over ProductText, in each database's own engine.

SQLite: an FTS5 table with ProductText as its external content, kept in step
by triggers, so every ORM write to ProductText reaches it. The words are
already folded (đ -> d included); remove_diacritics 2 only makes sure.
PostgreSQL: a tsvector generated from the folded words with the 'simple'
configuration (no stemming, no stop words: Vietnamese has neither), title
words weighted A, and a GIN index on it.
"""

from django.db import migrations


class RunSQLOn(migrations.RunSQL):
    """RunSQL for one database vendor; a no-op on the others."""

    def __init__(self, vendor, sql, reverse_sql):
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


SQLITE = [
    """
    CREATE VIRTUAL TABLE search_producttext_fts USING fts5(
        title_folded, text_folded,
        content='search_producttext', content_rowid='record_id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_producttext_fts_insert AFTER INSERT ON search_producttext BEGIN
        INSERT INTO search_producttext_fts(rowid, title_folded, text_folded)
        VALUES (new.record_id, new.title_folded, new.text_folded);
    END
    """,
    """
    CREATE TRIGGER search_producttext_fts_delete AFTER DELETE ON search_producttext BEGIN
        INSERT INTO search_producttext_fts(search_producttext_fts, rowid, title_folded, text_folded)
        VALUES ('delete', old.record_id, old.title_folded, old.text_folded);
    END
    """,
    """
    CREATE TRIGGER search_producttext_fts_update AFTER UPDATE ON search_producttext BEGIN
        INSERT INTO search_producttext_fts(search_producttext_fts, rowid, title_folded, text_folded)
        VALUES ('delete', old.record_id, old.title_folded, old.text_folded);
        INSERT INTO search_producttext_fts(rowid, title_folded, text_folded)
        VALUES (new.record_id, new.title_folded, new.text_folded);
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_producttext_fts_update",
    "DROP TRIGGER IF EXISTS search_producttext_fts_delete",
    "DROP TRIGGER IF EXISTS search_producttext_fts_insert",
    "DROP TABLE IF EXISTS search_producttext_fts",
]

POSTGRESQL = [
    """
    ALTER TABLE search_producttext ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_folded), 'A')
        || setweight(to_tsvector('simple', text_folded), 'B')
    ) STORED
    """,
    "CREATE INDEX search_producttext_vector ON search_producttext USING GIN (search_vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_producttext_vector",
    "ALTER TABLE search_producttext DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        RunSQLOn("sqlite", SQLITE, SQLITE_REVERSE),
        RunSQLOn("postgresql", POSTGRESQL, POSTGRESQL_REVERSE),
    ]
