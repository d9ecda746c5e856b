import assert from "node:assert/strict";
import { test } from "node:test";
import { MercatoApiError, newIdempotencyKey, withIdempotencyKey } from "../src/index.js";
import { address, inStockProduct, newClient, payOnSandboxPage, registerAndSignIn, waitUntilPaid } from "./shop.js";

test("a customer registers, browses, orders once per idempotency key, pays on the sandbox and reads the order paid", async () => {
  const client = newClient();
  await registerAndSignIn(client);
  assert.equal(client.isSignedIn, true);

  const product = await inStockProduct(client);
  const word = product.name!.split(" ")[0];
  const found = await client.v1.products.search.get({ queryParameters: { q: word } });
  assert.ok(found?.data?.items?.some((i) => i.name!.toLowerCase().includes(word.toLowerCase())));

  const line = await client.v1.cart.items.post({ productId: product.id, quantity: 2 });
  assert.equal(line?.data?.quantity, 2);
  const cart = await client.v1.cart.get();
  assert.equal(cart?.data?.items?.length, 1);

  const key = newIdempotencyKey();
  const body = { shippingAddress: address() };
  const placed = (await client.v1.orders.post(body, withIdempotencyKey(key)))?.data;
  const replayed = (await client.v1.orders.post(body, withIdempotencyKey(key)))?.data;
  assert.ok(placed?.id);
  assert.equal(replayed?.id, placed.id);
  assert.equal(replayed?.orderNumber, placed.orderNumber);
  assert.equal(placed.status, "pending");

  const orders = await client.v1.orders.get();
  assert.equal(orders?.data?.items?.filter((o) => o.id === placed.id).length, 1);

  const session = (await client.v1.payments.checkoutSessions.post({ orderId: placed.id }))?.data;
  assert.ok(session?.checkoutUrl && session.paymentId);
  assert.equal(await payOnSandboxPage(session.checkoutUrl), 200);

  const paid = await waitUntilPaid(client, placed.id);
  assert.equal(paid.isPaid, true, `order status ${paid.status}`);
  assert.equal(paid.status, "paid");
  const payment = (await client.v1.payments.byId(session.paymentId).get())?.data;
  assert.equal(payment?.status, "succeeded");
});

test("a guest keeps the cart key the first cart write answers and checks out with it", async () => {
  const guest = newClient();
  const product = await inStockProduct(guest);
  assert.equal(guest.cartKey, null);

  await guest.v1.cart.items.post({ productId: product.id, quantity: 1 });
  assert.ok(guest.cartKey);
  const cart = await guest.v1.cart.get();
  assert.equal(cart?.data?.items?.[0]?.productId, product.id);

  const order = (await guest.v1.orders.post({ contactEmail: "guest@client.test", shippingAddress: address() }))?.data;
  assert.ok(order?.id);
  assert.equal(order.status, "pending");
  assert.equal((await guest.v1.orders.byId(order.id).get())?.data?.orderNumber, order.orderNumber);

  const stranger = newClient();
  await stranger.v1.cart.items.post({ productId: product.id, quantity: 1 });
  assert.notEqual(stranger.cartKey, guest.cartKey);
  await assert.rejects(stranger.v1.orders.byId(order.id).get(), (e: unknown) => e instanceof MercatoApiError && e.status === 404);
});
