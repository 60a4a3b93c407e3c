"""Around a payment, at the counter: the spoken amount, receipts (ESC/POS). No Qt here."""
