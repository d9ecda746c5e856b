#!/usr/bin/env python3
"""The README's shopper flow against a running Mercato (the gateway in distributed mode), one step
per call so that a shell check can record each step as a test case:

    shopper_flow.py STATE_FILE STEP

STATE_FILE is a JSON file holding the base URL and the administrator's credentials (written by the
caller) and what earlier steps learnt (tokens, ids). Steps, in order:

    admin      the administrator signs in with the printed credentials and has the Admin role
    register   a new customer registers and signs in
    browse     the customer lists the products and reads one that is in stock
    cart       the customer adds it to the cart and reads the cart
    order      the customer places an order from the cart
    pay        the customer pays on the sandbox gateway's hosted page (as a browser posts its form)
    paid       the order reads as paid (the PaymentSucceeded event crossed RabbitMQ to Ordering)
    operations the administrator reads parked outbox rows and the dead-letter queue through the gateway
    pages      the storefront, the admin dashboard's sign-in and /api/docs answer through the gateway
               (last: rendering the storefront spends the guest budget of 127.0.0.1, which
               every call here comes from)

Only the standard library: it runs wherever python3 does. Exit status 0 when the step passed.
"""
import http.client
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PASSWORD = "Shopper-Passw0rd!"
PATIENCE = 90  # seconds for an event to cross the services


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A browser whose every redirect the flow checks itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


BROWSER = urllib.request.build_opener(NoRedirect)


def call(state, method, path, body=None, token=None, form=None, expect=(200,)):
    """Sends a request; returns (status, headers, parsed JSON or text). Fails on an unexpected status."""
    url = path if path.startswith("http") else state["base"] + path
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Accept"] = "text/html"
    if token:
        headers["Authorization"] = "Bearer " + token
    deadline = time.time() + PATIENCE
    while True:
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            response = BROWSER.open(request, timeout=60)
            status, response_headers, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, response_headers, raw = error.code, error.headers, error.read()
        # Every call of the flow comes from 127.0.0.1: a guest budget spent (429) is waited for,
        # as Retry-After says, like a well-behaved client does.
        wait = int(response_headers.get("Retry-After") or 0) if status == 429 and 429 not in expect else 0
        if not wait or time.time() + wait > deadline:
            break
        time.sleep(wait)
    text = raw.decode("utf-8", "replace")
    try:
        content = json.loads(text) if text else None
    except ValueError:
        content = text
    if status not in expect:
        raise AssertionError(f"{method} {path} answered {status}, expected {expect}: {text[:800]}")
    return status, response_headers, content


def data(state, method, path, **kwargs):
    """The envelope's data of a successful call."""
    _, _, content = call(state, method, path, **kwargs)
    assert content["success"] is True, content
    return content["data"]


def eventually(probe, condition, what):
    deadline = time.time() + PATIENCE
    last = None
    while time.time() < deadline:
        last = probe()
        if condition(last):
            return last
        time.sleep(1)
    raise AssertionError(f"{what} did not happen within {PATIENCE}s; last: {json.dumps(last)[:800]}")


def step_pages(state):
    _, _, page = call(state, "GET", "/")
    assert "<html" in page.lower(), "the storefront is not an HTML page"
    status, headers, _ = call(state, "GET", "/admin", expect=(200, 302, 303))
    if status != 200:
        location = headers["Location"]
        assert "login" in location.lower(), f"/admin redirects to {location}, not to a sign-in page"
    status, headers, docs = call(state, "GET", "/api/docs", expect=(200, 301, 302))
    if status != 200:
        _, _, docs = call(state, "GET", urllib.parse.urljoin(state["base"] + "/api/docs", headers["Location"]))
    assert "<html" in docs.lower(), "/api/docs is not an HTML page"
    call(state, "GET", "/health/ready")


def step_admin(state):
    signed_in = data(state, "POST", "/api/v1/auth/login", body={"email": state["adminEmail"], "password": state["adminPassword"]})
    state["admin"] = signed_in["accessToken"]
    me = data(state, "GET", "/api/v1/auth/me", token=state["admin"])
    assert "Admin" in me["roles"], me


def step_register(state):
    email = f"shopper.{uuid.uuid4().hex}@example.com"
    registered = data(state, "POST", "/api/v1/auth/register", expect=(201,),
                      body={"email": email, "password": PASSWORD, "firstName": "Ada", "lastName": "Lovelace"})
    state["customerId"] = registered["userId"]
    state["customer"] = data(state, "POST", "/api/v1/auth/login", body={"email": email, "password": PASSWORD})["accessToken"]


def step_browse(state):
    page = data(state, "GET", "/api/v1/products?pageSize=50")
    assert page["totalCount"] > 0, "the catalog lists no product (demo data)"
    product = next((p for p in page["items"] if p.get("inStock")), None)
    assert product is not None, "no product of the first page is in stock"
    detail = data(state, "GET", f"/api/v1/products/{product['id']}")
    assert detail["id"] == product["id"] and detail["stock"] > 0, detail
    state["productId"] = product["id"]


def step_cart(state):
    call(state, "POST", "/api/v1/cart/items", token=state["customer"], expect=(200, 201),
         body={"productId": state["productId"], "quantity": 1})
    cart = data(state, "GET", "/api/v1/cart", token=state["customer"])
    assert any(i["productId"] == state["productId"] for i in cart["items"]), cart


def step_order(state):
    order = data(state, "POST", "/api/v1/orders", token=state["customer"], expect=(201,), body={
        "shippingAddress": {"street": "1 Harbour Road", "city": "Portsmouth", "state": "Hampshire",
                            "zipCode": "PO1 2AB", "country": "GB"}})
    assert order["status"] == "pending", order
    state["orderId"] = order["id"]


def step_pay(state):
    session = data(state, "POST", "/api/v1/payments/checkout-sessions", token=state["customer"], expect=(201,),
                   body={"orderId": state["orderId"], "successUrl": "https://shop.example/paid",
                         "cancelUrl": "https://shop.example/cart"})
    checkout = urllib.parse.urlsplit(session["checkoutUrl"])
    base = urllib.parse.urlsplit(state["base"])
    assert checkout.netloc == base.netloc, f"the hosted page {session['checkoutUrl']} is not behind the gateway"
    page_path = checkout.path + ("?" + checkout.query if checkout.query else "")
    _, _, page = call(state, "GET", page_path, expect=(200,))
    assert "cardNumber" in page, "the hosted page has no card form"
    _, headers, _ = call(state, "POST", page_path, expect=(303,),
                         form={"cardNumber": "4242 4242 4242 4242", "expiry": "12/34", "cvc": "123", "name": "Ada Lovelace"})
    back = urllib.parse.urlsplit(urllib.parse.urljoin(state["base"] + page_path, headers["Location"]))
    _, headers, _ = call(state, "GET", back.path + ("?" + back.query if back.query else ""), expect=(303,))
    assert "status=success" in headers["Location"], headers["Location"]
    payment = data(state, "GET", f"/api/v1/payments/{session['paymentId']}", token=state["customer"])
    assert payment["status"] == "succeeded", payment


def step_paid(state):
    order = eventually(lambda: data(state, "GET", f"/api/v1/orders/{state['orderId']}", token=state["customer"]),
                       lambda o: o["status"] == "paid", "the order becoming paid")
    assert order["isPaid"] is True, order


def step_operations(state):
    for module in ("ordering", "payments", "catalog"):
        page = data(state, "GET", f"/api/v1/operations/{module}/outbox/parked", token=state["admin"])
        assert page["totalCount"] == 0, f"{module} has parked outbox rows: {page}"
    data(state, "GET", "/api/v1/operations/ordering/dead-letters", token=state["admin"])
    call(state, "GET", "/api/v1/operations/ordering/outbox/parked", token=state["customer"], expect=(403,))
    call(state, "GET", "/api/v1/operations/ordering/outbox/parked", expect=(401,))


STEPS = {name[len("step_"):]: fn for name, fn in globals().items() if name.startswith("step_")}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in STEPS:
        print(__doc__, file=sys.stderr)
        return 2
    path, step = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        state = json.load(f)
    try:
        STEPS[step](state)
    except (AssertionError, KeyError, TypeError, OSError, http.client.HTTPException) as error:
        print(f"{step}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(state, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
