import { readErrorEnvelope } from "./errors.js";

/** The tokens of a signed-in session. */
export interface TokenPair {
  /** The JWT sent as `Authorization: Bearer`. */
  accessToken: string;
  /** The single-use token that gets the next pair. */
  refreshToken: string;
  /** When the access token expires (milliseconds since the epoch, from the server's `expiresIn`). */
  expiresAt: number;
}

/** Sends one request past the bearer middleware. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The signed-in session of one client: signs in through `POST /api/v1/auth/login`, keeps the access
 * and refresh tokens, and redeems the refresh token (single use) through `POST /api/v1/auth/refresh`.
 * One refresh runs at a time; concurrent callers share its result.
 */
export class TokenSession {
  tokens: TokenPair | null = null;
  private refreshing: Promise<TokenPair | null> | null = null;

  constructor(private readonly baseUrl: string) {}

  /** Signs in through `send` (the whole pipeline: a refusal throws `MercatoApiError`). */
  async signIn(send: Send, login: string, password: string): Promise<TokenPair> {
    const response = await send(this.endpoint("login"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: login, password }),
    });
    this.tokens = await TokenSession.readPair(response);
    return this.tokens;
  }

  /**
   * Redeems the refresh token unless another caller already replaced `stale` (null: refresh whatever
   * is current). A refused refresh (revoked or expired session) signs the session out.
   */
  refresh(send: Send, stale: string | null): Promise<TokenPair | null> {
    if (this.refreshing === null) {
      this.refreshing = this.refreshOnce(send, stale).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refreshOnce(send: Send, stale: string | null): Promise<TokenPair | null> {
    const current = this.tokens;
    if (current === null || (stale !== null && current.accessToken !== stale)) {
      return current;
    }

    const response = await send(this.endpoint("refresh"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    if (!response.ok) {
      await response.body?.cancel();
      if ([400, 401, 403].includes(response.status)) {
        this.tokens = null;
      }
      return null;
    }

    this.tokens = await TokenSession.readPair(response);
    return this.tokens;
  }

  private endpoint(name: string): string {
    return `${this.baseUrl}/api/v1/auth/${name}`;
  }

  private static async readPair(response: Response): Promise<TokenPair> {
    if (!response.ok) {
      throw await readErrorEnvelope(response);
    }
    const { data } = (await response.json()) as { data: { accessToken: string; refreshToken: string; expiresIn: number } };
    return { accessToken: data.accessToken, refreshToken: data.refreshToken, expiresAt: Date.now() + data.expiresIn * 1000 };
  }
}
