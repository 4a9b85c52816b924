"""What the shopper saw on the preview, reduced to one value.

The preview page posts it back with "Place order"; when the basket, a price, a
delivery choice or the way of paying changed in the meantime (another tab, a price
update), the values differ and the order is shown again instead of being placed.
"""

import hashlib
import json


def submission_fingerprint(submission, gateway_code):
    basket = submission["basket"]
    lines = [
        [line.pk, line.stockrecord_id, line.quantity, str(line.unit_price_incl_tax)]
        for line in basket.all_lines()
    ]
    shipping = submission["shipping_method"]
    delivery = [
        [enterprise_id, method.code] for enterprise_id, method in getattr(shipping, "chosen", {}).items()
    ]
    address = submission["shipping_address"]
    total = submission["order_total"]
    payload = [
        lines,
        delivery,
        str(submission["shipping_charge"].incl_tax) if submission["shipping_charge"] else "",
        str(total.incl_tax) if total else "",
        address.generate_hash() if address else "",
        gateway_code or "",
    ]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:40]
