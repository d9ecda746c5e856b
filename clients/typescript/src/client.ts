import { AnonymousAuthenticationProvider, type RequestConfiguration } from "@microsoft/kiota-abstractions";
import { DefaultRequestAdapter } from "@microsoft/kiota-bundle";
import { CustomFetchHandler, HttpClient, MiddlewareFactory, type Middleware } from "@microsoft/kiota-http-fetchlibrary";
import { createMercatoApiClient, type MercatoApiClient } from "./generated/mercatoApiClient.js";
import {
  BearerTokenMiddleware,
  CartKeyMiddleware,
  ErrorEnvelopeMiddleware,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeyMiddleware,
} from "./middlewares.js";
import { TokenSession, type TokenPair } from "./session.js";

/** Settings of a `MercatoClient`. */
export interface MercatoClientOptions {
  /** The server's (or gateway's) base URL, e.g. `http://localhost:5000`. */
  baseUrl: string;
  /** Refresh the access token before it expires (default true); a 401 always triggers one refresh and a retry. */
  refreshBeforeExpiry?: boolean;
  /** How long before its expiry a token is refreshed, in milliseconds (default 30000). */
  refreshMarginMs?: number;
  /** Give creation POSTs that take an `Idempotency-Key` a fresh one when the call sets none (default true). */
  automaticIdempotencyKeys?: boolean;
  /** The fetch implementation (default: the global `fetch`). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/**
 * A client of the Mercato API: the Kiota-generated request builders (`v1`, e.g.
 * `client.v1.products.get()`) over a fetch pipeline that signs in and refreshes the token, adds
 * idempotency keys, carries the guest's cart key, retries 429/503 answers, and throws
 * `MercatoApiError` for every error answer.
 */
export class MercatoClient {
  /** The generated client (its root; `v1` is the usual entry). */
  readonly api: MercatoApiClient;
  /** The guest's cart key: kept from a guest's first cart write, sent as `X-Cart-Key` while not signed in. */
  cartKey: string | null = null;

  private readonly session: TokenSession;
  private readonly bearer: BearerTokenMiddleware;
  private readonly pipeline: HttpClient;
  private readonly baseUrl: string;

  constructor(options: MercatoClientOptions | string) {
    const settings = typeof options === "string" ? { baseUrl: options } : options;
    const baseUrl = settings.baseUrl.replace(/\/+$/, "");
    this.baseUrl = baseUrl;
    this.session = new TokenSession(baseUrl);
    this.bearer = new BearerTokenMiddleware(this.session, {
      refreshBeforeExpiry: settings.refreshBeforeExpiry ?? true,
      refreshMarginMs: settings.refreshMarginMs ?? 30_000,
    });

    // Outermost first: errors are read last, after Kiota's retries and the token refresh.
    const defaults = MiddlewareFactory.getDefaultMiddlewares(settings.fetch);
    const sender = defaults.pop() as CustomFetchHandler;
    const chain: Middleware[] = [new ErrorEnvelopeMiddleware()];
    if (settings.automaticIdempotencyKeys ?? true) {
      chain.push(new IdempotencyKeyMiddleware());
    }
    chain.push(...defaults, this.bearer, new CartKeyMiddleware(this), sender);
    this.pipeline = new HttpClient(settings.fetch, ...chain);

    const adapter = new DefaultRequestAdapter(new AnonymousAuthenticationProvider(), undefined, undefined, this.pipeline);
    adapter.baseUrl = baseUrl;
    this.api = createMercatoApiClient(adapter);
  }

  /** The API's version 1 (`/api/v1`): `v1.products`, `v1.cart`, `v1.orders`, ... */
  get v1(): MercatoApiClient["api"]["v1"] {
    return this.api.api.v1;
  }

  /** The signed-in session's tokens, or null when signed out. */
  get tokens(): TokenPair | null {
    return this.session.tokens;
  }

  /** Whether the client is signed in. */
  get isSignedIn(): boolean {
    return this.session.tokens !== null;
  }

  /** Signs in; later calls carry the access token, refreshed as needed. Throws `MercatoApiError` when refused. */
  signIn(login: string, password: string): Promise<TokenPair> {
    return this.session.signIn((url, init) => this.pipeline.executeFetch(url, init), login, password);
  }

  /** Refreshes the access token now; null when the session could not be refreshed (then signed out). */
  refresh(): Promise<TokenPair | null> {
    return this.bearer.refreshNow();
  }

  /** Uses tokens kept from an earlier session, or signs out locally with null. */
  useTokens(tokens: TokenPair | null): void {
    this.session.tokens = tokens;
  }

  /** Forgets the tokens locally (call `v1.auth.logout` first to revoke the session on the server). */
  signOut(): void {
    this.session.tokens = null;
  }

  /** Sends a request through the whole pipeline, for calls the generated code does not cover. */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const url = /^https?:/.test(path) ? path : `${this.baseUrl}${path}`;
    return this.pipeline.executeFetch(url, init);
  }
}

/** A fresh idempotency key (a random UUID). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * A call's configuration that sends `key` as its `Idempotency-Key`, so that the same call sent again
 * with the same key gets the first answer back: `client.v1.orders.post(body, withIdempotencyKey(key))`.
 */
export function withIdempotencyKey<T extends object>(key: string, configuration: RequestConfiguration<T> = {}): RequestConfiguration<T> {
  return { ...configuration, headers: { ...(configuration.headers ?? {}), [IDEMPOTENCY_KEY_HEADER]: key } };
}
