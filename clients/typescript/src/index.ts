export { MercatoClient, newIdempotencyKey, withIdempotencyKey, type MercatoClientOptions } from "./client.js";
export { MercatoApiError, readErrorEnvelope, type MercatoErrorEntry } from "./errors.js";
export { CART_KEY_HEADER, IDEMPOTENCY_KEY_HEADER, takesIdempotencyKey } from "./middlewares.js";
export type { TokenPair } from "./session.js";
export * from "./generated/mercatoApiClient.js";
