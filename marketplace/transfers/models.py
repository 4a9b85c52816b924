"""Money the bank says reached the marketplace's account, and what became of it."""
