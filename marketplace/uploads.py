"""Names for stored uploads that must not be found by guessing their URL.

A model's ``upload_to`` stays a module-level function of its own app (migrations name it
by its dotted path) and asks this module for the name.
"""

import uuid


def unguessable_name(folder, filename):
    """``folder``/<random hex>.<extension>: the uploaded name is dropped, its extension kept (lower case)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{folder}/{uuid.uuid4().hex}.{extension}"
