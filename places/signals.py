"""What the places app tells others, without knowing them: apps above it (the content pages'
place pages) follow the administrative units by listening here."""

from django.dispatch import Signal

# Sent by ``import_places`` once its units are saved, with ``report`` (places.loader.LoadReport)
# and ``progress`` (whether the command shows progress). A receiver may answer a sentence for
# the command to print.
units_imported = Signal()
