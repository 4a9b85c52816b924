"""Payouts: the platform's commission and the append-only ledger of what each enterprise is owed."""
