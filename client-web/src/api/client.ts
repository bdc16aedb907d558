/**
 * The one place that talks HTTP to the server.
 *
 * - same-origin cookies (the session cookie is HttpOnly; we never see it)
 * - X-CSRF-Token and Content-Type: application/json on every state-changing
 *   request
 * - every failure becomes an ApiError (errors.ts)
 * - a 401 on any request made while signed in means the session has ended:
 *   the app is told (onSessionExpired) so it can show sign-in again without
 *   throwing away what the person was doing
 * - a 403 csrf_failed is retried once after fetching a fresh token
 * - a 401 reauth_required (a sensitive action after 10 minutes) asks the app
 *   to confirm the password (onReauthRequired), then retries once
 * - other 401 codes that mean "this answer was wrong", not "signed out"
 *   (a wrong password or code), leave the session alone
 */
import { ApiError, networkError, parseApiError } from './errors';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** JSON body; state-changing requests without one send `{}`. */
  body?: unknown;
  /** Query parameters; undefined and null values are left out. */
  query?: Record<string, string | number | null | undefined>;
  /** Do not treat a 401 as an expired session (used by sign-in and the first /me). */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
  /** Do not offer re-authentication on a 401 reauth_required (the reauth call itself). */
  noReauth?: boolean;
}

/** 401 codes that answer a wrong proof, not an ended session. */
export const NOT_SIGNED_OUT_CODES = new Set(['reauth_required', 'invalid_credentials', 'invalid_totp', 'totp_required']);

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const STATE_CHANGING = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

export const API_PREFIX = '/api/v1';

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  let url = path.startsWith('/api/') ? path : API_PREFIX + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  return url;
}

export class ApiClient {
  private csrfToken: string | null = null;
  private readonly fetchImpl: FetchLike;
  /** Called once per 401 received while a session was thought to be active. */
  onSessionExpired: ((error: ApiError) => void) | null = null;
  /**
   * Called on a 401 reauth_required: resolves true once the person has
   * confirmed their password (the request is then retried), false if they
   * cancelled.
   */
  onReauthRequired: (() => Promise<boolean>) | null = null;

  constructor(fetchImpl?: FetchLike) {
    this.fetchImpl = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get hasSession(): boolean {
    return this.csrfToken !== null;
  }

  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    try {
      return await this.sendOrCsrfRetry<T>(method, path, options);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 401 &&
        error.code === 'reauth_required' &&
        !options.noReauth &&
        this.onReauthRequired
      ) {
        if (await this.onReauthRequired()) return this.sendOrCsrfRetry<T>(method, path, options);
      }
      throw error;
    }
  }

  private async sendOrCsrfRetry<T>(method: Method, path: string, options: RequestOptions): Promise<T> {
    try {
      return await this.send<T>(method, path, options);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 403 &&
        error.code === 'csrf_failed' &&
        STATE_CHANGING.has(method) &&
        this.csrfToken !== null
      ) {
        // The token may have been rotated (another tab signed in again).
        const me = await this.send<{ csrf_token?: string }>('GET', '/me', {});
        if (typeof me.csrf_token === 'string') this.csrfToken = me.csrf_token;
        return this.send<T>(method, path, options);
      }
      throw error;
    }
  }

  private async send<T>(method: Method, path: string, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (STATE_CHANGING.has(method)) {
      headers['Content-Type'] = 'application/json';
      if (this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
      body = JSON.stringify(options.body ?? {});
    }
    let response: Response;
    try {
      response = await this.fetchImpl(buildUrl(path, options.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const error = parseApiError(response.status, text, response.headers.get('Retry-After'));
      if (
        response.status === 401 &&
        !options.expectUnauthenticated &&
        !NOT_SIGNED_OUT_CODES.has(error.code) &&
        this.csrfToken !== null
      ) {
        this.csrfToken = null;
        this.onSessionExpired?.(error);
      }
      throw error;
    }
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'invalid_response', 'The server sent an answer that could not be read. Try again.');
    }
  }
}
