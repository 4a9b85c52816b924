"""The database itself refuses to change an audit row, whatever code runs the UPDATE.

An UPDATE writing a row back as it was passes: restoring a copy of the database (as the test
runner does for its transactional tests, with times kept to the millisecond) changes nothing.
No DELETE trigger: the test database is emptied with DELETE between transactional tests.
"""

from django.db import migrations

COLUMNS = (
    "id",
    "kind",
    "who_id",
    "who_email",
    "who_name",
    "subject_type_id",
    "subject_id",
    "subject_label",
    "enterprise_id",
    "enterprise_name",
    "from_status",
    "from_label",
    "to_status",
    "to_label",
    "reason",
    "amount",
)  # and "when", compared to the millisecond
SQLITE_CHANGED = " OR ".join(
    [f'NEW."{column}" IS NOT OLD."{column}"' for column in COLUMNS]
    + ["""substr(NEW."when", 1, 23) IS NOT substr(OLD."when", 1, 23)"""]
)
POSTGRESQL_CHANGED = " OR ".join(
    [f'NEW."{column}" IS DISTINCT FROM OLD."{column}"' for column in COLUMNS]
    + ["""date_trunc('milliseconds', NEW."when") IS DISTINCT FROM date_trunc('milliseconds', OLD."when")"""]
)

# Lists: each item one statement, run as it is (a trigger's body holds semicolons of its own).
SQLITE_FORWARD = [
    """
    CREATE TRIGGER audit_entry_refuses_update BEFORE UPDATE ON audit_auditentry
    FOR EACH ROW WHEN %s
    BEGIN
        SELECT RAISE(ABORT, 'audit log rows cannot be updated');
    END;
    """
    % SQLITE_CHANGED
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS audit_entry_refuses_update;"]

POSTGRESQL_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION audit_entry_refuse_update() RETURNS trigger AS $$
    BEGIN
        IF %s THEN
            RAISE EXCEPTION 'audit log rows cannot be updated';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """
    % POSTGRESQL_CHANGED,
    """
    CREATE TRIGGER audit_entry_refuses_update BEFORE UPDATE ON audit_auditentry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_update();
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_entry_refuses_update ON audit_auditentry;",
    "DROP FUNCTION IF EXISTS audit_entry_refuse_update();",
]


class RunSQLOn(migrations.RunSQL):
    """RunSQL for one database vendor only; on any other it does nothing."""

    def __init__(self, vendor, *args, **kwargs):
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        RunSQLOn("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        RunSQLOn("postgresql", POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
    ]
