"""What the order app announces, so apps above it (the payouts ledger) can follow without being imported."""

from django.dispatch import Signal

# Sent inside the move's transaction, after the parcel's new status and history row are saved,
# with ``parcel`` and ``change`` (its ParcelStatusChange): a receiver's writes commit or roll
# back with the move.
parcel_moved = Signal()
