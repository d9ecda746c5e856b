import assert from "node:assert/strict";
import { test } from "node:test";
import { newClient, registerAndSignIn } from "./shop.js";

/** The server under test issues ten-second access tokens (the shortest Identity accepts) with no clock skew. */
const accessTokenLifetimeMs = 10_000;

/** How long before expiry the refreshing-ahead client refreshes: shorter than the tokens' lifetime (the default, 30 s, is not). */
const refreshMarginMs = 3_000;

/** A fetch that records "METHOD path status" for every exchange. */
function recordingFetch(log: string[]): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    const response = await fetch(url, init);
    log.push(`${init.method ?? "GET"} ${new URL(url).pathname} ${response.status}`);
    return response;
  };
}

test("after the access token expires the client refreshes before the call, or after one 401, and goes on", { timeout: 120_000 }, async () => {
  const early: string[] = [];
  const late: string[] = [];
  const ahead = newClient({ fetch: recordingFetch(early), refreshMarginMs });
  const onRefusal = newClient({ fetch: recordingFetch(late), refreshBeforeExpiry: false });
  const aheadEmail = await registerAndSignIn(ahead);
  const refusalEmail = await registerAndSignIn(onRefusal);
  const firstAhead = ahead.tokens!;
  const firstRefusal = onRefusal.tokens!;
  assert.equal((await ahead.v1.auth.me.get())?.data?.email, aheadEmail);

  await new Promise((resolve) => setTimeout(resolve, accessTokenLifetimeMs + 2_000));

  assert.equal((await ahead.v1.auth.me.get())?.data?.email, aheadEmail);
  assert.equal((await onRefusal.v1.auth.me.get())?.data?.email, refusalEmail);

  assert.notEqual(ahead.tokens!.accessToken, firstAhead.accessToken);
  assert.notEqual(ahead.tokens!.refreshToken, firstAhead.refreshToken);
  assert.deepEqual(early.slice(-2), ["POST /api/v1/auth/refresh 200", "GET /api/v1/auth/me 200"]);
  assert.ok(!early.some((e) => e.endsWith(" 401")));

  assert.notEqual(onRefusal.tokens!.accessToken, firstRefusal.accessToken);
  assert.deepEqual(late.slice(-3), ["GET /api/v1/auth/me 401", "POST /api/v1/auth/refresh 200", "GET /api/v1/auth/me 200"]);

  assert.ok(await onRefusal.refresh());
  assert.equal((await onRefusal.v1.auth.me.get())?.data?.email, refusalEmail);
});
