"""Product reviews: only from shoppers who received the product, hidden by operators with a reason."""
