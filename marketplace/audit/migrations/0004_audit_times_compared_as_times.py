"""SQLite's trigger compares an audit row's time to the millisecond also when it has no fraction.

The test runner's copy of the database keeps times to the millisecond, and a time whose
sub-millisecond part it drops comes back without a fraction at all ("…:45" for "…:45.000512"):
compared as the first 23 characters of text, that write-back looked like a change and was refused.
Both are now read with ".000" appended, "…:45.000" (SQLite's strftime would round, not truncate).
PostgreSQL's trigger already compares with date_trunc.
"""

from importlib import import_module

from django.db import migrations

refuses_update = import_module("marketplace.audit.migrations.0002_audit_entry_refuses_update")

SQLITE_CHANGED = " OR ".join(
    [f'NEW."{column}" IS NOT OLD."{column}"' for column in refuses_update.COLUMNS]
    + ["""substr(NEW."when" || '.000', 1, 23) IS NOT substr(OLD."when" || '.000', 1, 23)"""]
)
TRIGGER = """
    CREATE TRIGGER audit_entry_refuses_update BEFORE UPDATE ON audit_auditentry
    FOR EACH ROW WHEN {changed}
    BEGIN
        SELECT RAISE(ABORT, 'audit log rows cannot be updated');
    END;
    """
DROP = "DROP TRIGGER IF EXISTS audit_entry_refuses_update;"


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_copy_history")]

    operations = [
        refuses_update.RunSQLOn(
            "sqlite",
            [DROP, TRIGGER.format(changed=SQLITE_CHANGED)],
            [DROP, *refuses_update.SQLITE_FORWARD],
        ),
    ]
