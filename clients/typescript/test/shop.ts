import assert from "node:assert/strict";
import { MercatoClient, type MercatoClientOptions } from "../src/index.js";
import type { AddressBody, OrderResponse, ProductSummaryResponse } from "../src/generated/models/index.js";

/** The server under test (started by scripts/checks/typescript-client.sh). */
export const baseUrl = process.env.MERCATO_URL ?? "http://127.0.0.1:5000";

/** The password every test account gets. */
export const password = "Shopper-Passw0rd!";

/** A new client of the server under test. */
export function newClient(options: Partial<MercatoClientOptions> = {}): MercatoClient {
  return new MercatoClient({ baseUrl, ...options });
}

/** A shipping address the orders go to. */
export function address(): AddressBody {
  return { street: "12 Analytical Row", city: "London", state: "LDN", zipCode: "NW1 6XE", country: "GB" };
}

/** Registers a new customer and signs the client in as them; answers the e-mail address. */
export async function registerAndSignIn(client: MercatoClient): Promise<string> {
  const email = `shopper-${crypto.randomUUID()}@client.test`;
  await client.v1.auth.register.post({ email, password, confirmPassword: password, firstName: "Ada", lastName: "Lovelace" });
  await client.signIn(email, password);
  return email;
}

/** A product of the demo catalog that is on sale and in stock (browsing the first page). */
export async function inStockProduct(client: MercatoClient): Promise<ProductSummaryResponse> {
  const page = await client.v1.products.get({ queryParameters: { inStock: true, pageSize: 20 } });
  const product = page?.data?.items?.find((p) => p.available === true && (p.stock ?? 0) >= 5);
  assert.ok(product, "the demo catalog has a product in stock");
  return product;
}

/** Polls the order until it is paid (Ordering hears of the payment through an event). */
export async function waitUntilPaid(client: MercatoClient, orderId: string): Promise<OrderResponse> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const order = (await client.v1.orders.byId(orderId).get())?.data;
    assert.ok(order);
    if (order.isPaid === true || Date.now() > deadline) {
      return order;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The shopper's browser on the sandbox gateway's hosted page (card data is typed there, never sent
 * to Mercato's API): pays with a test card and follows the redirect back to Mercato.
 */
export async function payOnSandboxPage(checkoutUrl: string, card = "4242 4242 4242 4242"): Promise<number> {
  const paid = await fetch(checkoutUrl, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ cardNumber: card, expiry: "12/34", cvc: "123", name: "Ada Lovelace" }),
  });
  assert.ok(paid.status === 303 || paid.status === 302, `the page answered ${paid.status}: ${await paid.text()}`);
  const location = paid.headers.get("location");
  assert.ok(location);
  const back = await fetch(new URL(location, checkoutUrl), { redirect: "manual" });
  await back.body?.cancel();
  return back.status;
}
