import type { RequestOption } from "@microsoft/kiota-abstractions";
import type { Middleware } from "@microsoft/kiota-http-fetchlibrary";
import { readErrorEnvelope } from "./errors.js";
import type { TokenSession } from "./session.js";

/** The header a guest's cart key travels in. */
export const CART_KEY_HEADER = "X-Cart-Key";

/** The header of an idempotent creation. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

type Options = Record<string, RequestOption> | undefined;

/**
 * The request's headers as Kiota's middlewares keep them (a plain record), with lookups that ignore
 * the case of names.
 */
class RequestHeaders {
  private readonly record: Record<string, string>;

  constructor(init: RequestInit) {
    if (init.headers instanceof Headers || Array.isArray(init.headers)) {
      init.headers = Object.fromEntries(new Headers(init.headers).entries());
    }
    init.headers ??= {};
    this.record = init.headers as Record<string, string>;
  }

  private nameOf(name: string): string | undefined {
    return Object.keys(this.record).find((k) => k.toLowerCase() === name.toLowerCase());
  }

  has(name: string): boolean {
    return this.nameOf(name) !== undefined;
  }

  set(name: string, value: string): void {
    this.delete(name);
    this.record[name] = value;
  }

  delete(name: string): void {
    const existing = this.nameOf(name);
    if (existing !== undefined) {
      delete this.record[existing];
    }
  }
}

function headersOf(init: RequestInit): RequestHeaders {
  return new RequestHeaders(init);
}

/** Base of the middlewares below: passes a request on to the next one. */
abstract class Link implements Middleware {
  next: Middleware | undefined;

  protected pass(url: string, init: RequestInit, options: Options): Promise<Response> {
    if (this.next === undefined) {
      throw new Error("The Mercato middleware is the last of the pipeline.");
    }
    return this.next.execute(url, init, options);
  }

  abstract execute(url: string, init: RequestInit, options?: Options): Promise<Response>;
}

/**
 * Turns every 4xx and 5xx answer into a `MercatoApiError` read from the error envelope. The
 * outermost middleware: retries (429/503) and the token refresh happen inside it first.
 */
export class ErrorEnvelopeMiddleware extends Link {
  async execute(url: string, init: RequestInit, options?: Options): Promise<Response> {
    const response = await this.pass(url, init, options);
    if (response.status >= 400) {
      throw await readErrorEnvelope(response);
    }
    return response;
  }
}

/** Whether a request is a creation POST that takes an `Idempotency-Key` (orders, payments, refunds, captures). */
export function takesIdempotencyKey(method: string | undefined, url: string): boolean {
  if ((method ?? "GET").toUpperCase() !== "POST") {
    return false;
  }
  const segments = new URL(url).pathname.split("/").filter((s) => s.length > 0);
  const at = segments.findIndex((s) => s.toLowerCase() === "v1");
  if (at < 0) {
    return false;
  }
  const path = segments.slice(at + 1).join("/");
  return /^(orders|payments\/process|payments\/[^/]+\/(refund|capture))$/.test(path);
}

/** Adds a fresh `Idempotency-Key` to the creation POSTs that take one when the call set none. */
export class IdempotencyKeyMiddleware extends Link {
  execute(url: string, init: RequestInit, options?: Options): Promise<Response> {
    const headers = headersOf(init);
    if (!headers.has(IDEMPOTENCY_KEY_HEADER) && takesIdempotencyKey(init.method, url)) {
      headers.set(IDEMPOTENCY_KEY_HEADER, crypto.randomUUID());
    }
    return this.pass(url, init, options);
  }
}

/** When a bearer middleware refreshes. */
export interface RefreshPolicy {
  /** Refresh before the access token expires (else only after a 401). */
  refreshBeforeExpiry: boolean;
  /** How long before its expiry a token is refreshed, in milliseconds. */
  refreshMarginMs: number;
}

/**
 * Sends the session's access token (when signed in and the call set no `Authorization`),
 * refreshes it shortly before it expires, and on a 401 refreshes once and sends the request again.
 */
export class BearerTokenMiddleware extends Link {
  private static readonly marker = "x-mercato-bearer";

  constructor(
    private readonly session: TokenSession,
    private readonly policy: RefreshPolicy,
  ) {
    super();
  }

  /** Refreshes now, past this middleware. */
  refreshNow(): ReturnType<TokenSession["refresh"]> {
    return this.session.refresh((u, i) => this.pass(u, i, undefined), null);
  }

  async execute(url: string, init: RequestInit, options?: Options): Promise<Response> {
    const headers = headersOf(init);
    const ours = headers.has(BearerTokenMiddleware.marker);
    headers.delete(BearerTokenMiddleware.marker);
    let tokens = this.session.tokens;
    if ((headers.has("Authorization") && !ours) || tokens === null) {
      return this.pass(url, init, options);
    }

    const send = (u: string, i: RequestInit) => this.pass(u, i, undefined);
    if (this.policy.refreshBeforeExpiry && tokens.expiresAt - this.policy.refreshMarginMs <= Date.now()) {
      tokens = (await this.session.refresh(send, tokens.accessToken)) ?? tokens;
    }

    headers.set("Authorization", `Bearer ${tokens.accessToken}`);
    const response = await this.pass(url, init, options);
    if (response.status !== 401) {
      headers.set(BearerTokenMiddleware.marker, "1");
      return response;
    }

    const renewed = await this.session.refresh(send, tokens.accessToken);
    if (renewed === null || renewed.accessToken === tokens.accessToken) {
      return response;
    }

    await response.body?.cancel();
    headers.set("Authorization", `Bearer ${renewed.accessToken}`);
    const retried = await this.pass(url, init, options);
    headers.set(BearerTokenMiddleware.marker, "1");
    return retried;
  }
}

/**
 * The guest's cart key: while not signed in and holding a key, sends `X-Cart-Key` on every request
 * that names no other, and keeps the key a guest's first cart write answers with.
 */
export class CartKeyMiddleware extends Link {
  constructor(private readonly holder: { cartKey: string | null }) {
    super();
  }

  async execute(url: string, init: RequestInit, options?: Options): Promise<Response> {
    const headers = headersOf(init);
    const guest = !headers.has("Authorization");
    if (guest && this.holder.cartKey !== null && !headers.has(CART_KEY_HEADER)) {
      headers.set(CART_KEY_HEADER, this.holder.cartKey);
    }
    const response = await this.pass(url, init, options);
    const answered = response.headers.get(CART_KEY_HEADER);
    if (guest && this.holder.cartKey === null && response.ok && answered !== null) {
      this.holder.cartKey = answered;
    }
    return response;
  }
}
