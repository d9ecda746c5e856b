/** One entry of the error envelope's `errors` list. */
export interface MercatoErrorEntry {
  /** The machine-readable code, e.g. `VALIDATION_ERROR` or `INSUFFICIENT_STOCK`. */
  code: string;
  /** The human-readable message. */
  message: string;
  /** The request field the error is about (e.g. `email`), or null. */
  field: string | null;
}

/**
 * An answer of the Mercato API with a 4xx or 5xx status, read from its error envelope
 * `{success:false, errors:[{code, message, field}], message, timestamp, traceId, path}`.
 */
export class MercatoApiError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** The envelope's errors (at least one for every Mercato error answer). */
  readonly errors: MercatoErrorEntry[];
  /** The trace id the server logged the request under. */
  readonly traceId: string | null;
  /** The request path the server reports. */
  readonly path: string | null;

  constructor(status: number, message: string, errors: MercatoErrorEntry[], traceId: string | null, path: string | null) {
    super(message);
    this.name = "MercatoApiError";
    this.status = status;
    this.errors = errors;
    this.traceId = traceId;
    this.path = path;
  }

  /** The first error's code, or null when the body was no envelope. */
  get code(): string | null {
    return this.errors.length > 0 ? this.errors[0].code : null;
  }

  /** The errors about `field` (compared without regard to case). */
  errorsFor(field: string): MercatoErrorEntry[] {
    return this.errors.filter((e) => e.field !== null && e.field.toLowerCase() === field.toLowerCase());
  }
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** Reads an error answer's envelope (any body: a non-envelope gives an error with the status only). */
export async function readErrorEnvelope(response: Response): Promise<MercatoApiError> {
  const fallback = `The Mercato API answered ${response.status} ${response.statusText}.`;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return new MercatoApiError(response.status, fallback, [], null, null);
  }

  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return new MercatoApiError(response.status, fallback, [], null, null);
  }

  const root = body as Record<string, unknown>;
  const errors: MercatoErrorEntry[] = Array.isArray(root.errors)
    ? root.errors
        .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null)
        .map((e) => ({ code: text(e.code) ?? "UNKNOWN", message: text(e.message) ?? "", field: text(e.field) }))
    : [];
  const message = text(root.message) ?? (errors.length > 0 ? errors[0].message : fallback);
  return new MercatoApiError(response.status, message, errors, text(root.traceId), text(root.path));
}
