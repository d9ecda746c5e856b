import assert from "node:assert/strict";
import { test } from "node:test";
import { MercatoApiError } from "../src/index.js";
import { newClient, password } from "./shop.js";

test("bad input throws a MercatoApiError naming the field, with the code and the trace id", async () => {
  const client = newClient();
  const error = await client.v1.auth.register
    .post({ email: "not-an-address", password, confirmPassword: password, firstName: "Ada", lastName: "Lovelace" })
    .then(() => null, (e: unknown) => e);
  assert.ok(error instanceof MercatoApiError, `expected a MercatoApiError, got ${String(error)}`);
  assert.equal(error.status, 400);
  assert.equal(error.code, "VALIDATION_ERROR");
  assert.ok(error.errorsFor("email").length > 0);
  assert.ok(error.traceId);
  assert.equal(error.path, "/api/v1/auth/register");
});

test("a refused sign-in and an unknown product throw with their status and code", async () => {
  const client = newClient();
  await assert.rejects(client.signIn("nobody@client.test", "Wrong-Passw0rd!"), (e: unknown) => e instanceof MercatoApiError && e.status === 401 && e.code === "UNAUTHORIZED");
  assert.equal(client.isSignedIn, false);
  await assert.rejects(
    client.v1.products.byId(crypto.randomUUID()).get(),
    (e: unknown) => e instanceof MercatoApiError && e.status === 404 && e.code === "NOT_FOUND",
  );
});
