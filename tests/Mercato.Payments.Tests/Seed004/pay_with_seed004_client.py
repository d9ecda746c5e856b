"""Seed 004's whole payment flow, driven by seed 004's own Python client (seed004_client.py, copied
unchanged from the seed). The client has login, get_products and create_order; the calls it lacks
(cart, payment methods, process) go through its own session, as a user of it would write them.

Usage: python3 pay_with_seed004_client.py <base_url> <email> <password> <product_id>
Prints one JSON line: the order id, its total and the process answer's status."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed004_client import ECommerceApiClient  # noqa: E402

base_url, email, password, product_id = sys.argv[1:5]
client = ECommerceApiClient(base_url)
client.login(email, password)
assert client.get_products(page_number=1, page_size=20)["items"] is not None

added = client.session.post(f"{base_url}/api/v1/cart/items", json={"productId": product_id, "quantity": 1})
added.raise_for_status()

method = client.session.post(f"{base_url}/api/v1/payments/methods", json={"type": "card", "cardToken": "tok_visa", "isDefault": True})
method.raise_for_status()
method_id = method.json()["data"]["id"]

order = client.create_order({
    "shippingAddress": {"street": "123 Main St", "city": "New York", "state": "NY", "zipCode": "10001", "country": "USA"},
    "paymentMethodId": method_id,
})

processed = client.session.post(f"{base_url}/api/v1/payments/process", json={
    "orderId": order["id"],
    "paymentMethodId": method_id,
    "amount": order["total"],
    "currency": "USD",
    "paymentGateway": "sandbox",
    "returnUrl": "https://example.com/payment/success",
    "cancelUrl": "https://example.com/payment/cancel",
})
processed.raise_for_status()
print(json.dumps({"orderId": order["id"], "total": order["total"], "status": processed.json()["data"]["status"]}))
