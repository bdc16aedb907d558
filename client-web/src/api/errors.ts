/**
 * Every API failure has the shape {"error":{"code":"...","message":"..."}}
 * (docs/API.md). This module turns any response, or a failed fetch, into an
 * ApiError with a message that can be shown to a person as it is.
 */
import type { Finding } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds to wait before retrying, from Retry-After (429, 503). */
  readonly retryAfter: number | null;
  /** Policy lint findings of a `422 policy_violation`, else empty. */
  readonly findings: Finding[];

  constructor(status: number, code: string, message: string, retryAfter: number | null = null, findings: Finding[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.findings = findings;
  }

  /** True for a network failure (no HTTP response at all). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const FALLBACK_MESSAGES: Record<number, [string, string]> = {
  400: ['bad_request', 'The request was not valid.'],
  401: ['unauthenticated', 'You are not signed in.'],
  403: ['forbidden', 'You are not allowed to do that.'],
  404: ['not_found', 'That could not be found, or you may not see it.'],
  405: ['method_not_allowed', 'That action is not supported here.'],
  409: ['conflict', 'That conflicts with the current state. Reload and try again.'],
  413: ['payload_too_large', 'That is too large to send.'],
  415: ['unsupported_media_type', 'The request was sent in a format the server does not accept.'],
  422: ['policy_violation', 'That breaks a posting rule.'],
  429: ['rate_limited', 'Too many attempts. Wait a moment and try again.'],
  431: ['headers_too_large', 'The request headers were too large.'],
  500: ['internal', 'Something went wrong on the server. Try again in a moment.'],
  502: ['unavailable', 'The server is not reachable right now. Try again in a moment.'],
  503: ['unavailable', 'The server is busy or restarting. Try again in a moment.'],
  504: ['unavailable', 'The server took too long to answer. Try again in a moment.'],
};

function fallbackFor(status: number): [string, string] {
  const known = FALLBACK_MESSAGES[status];
  if (known) return known;
  if (status >= 500) return ['internal', 'Something went wrong on the server. Try again in a moment.'];
  return ['http_' + status, `The request failed (HTTP ${status}).`];
}

/** Parses a Retry-After header given in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/** Keeps the well-formed findings of an error body (422 policy_violation). */
export function parseFindings(value: unknown): Finding[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is Finding =>
      !!f &&
      typeof f === 'object' &&
      typeof (f as Finding).message === 'string' &&
      Number.isInteger((f as Finding).start) &&
      Number.isInteger((f as Finding).end),
  );
}

const CODE_RE = /^[a-z][a-z0-9_]*$/;

/**
 * Builds the ApiError for a failed response from its status, its body text
 * and its Retry-After header. Bodies that are not the documented shape (an
 * HTML error page from a proxy, empty, truncated JSON) still give a sensible
 * code and message for the status.
 */
export function parseApiError(status: number, bodyText: string, retryAfterHeader?: string | null): ApiError {
  const [fallbackCode, fallbackMessage] = fallbackFor(status);
  let code = fallbackCode;
  let message = fallbackMessage;
  let findings: Finding[] = [];
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      const err = (parsed as { error: unknown }).error;
      if (err && typeof err === 'object') {
        const c = (err as { code?: unknown }).code;
        const m = (err as { message?: unknown }).message;
        if (typeof c === 'string' && CODE_RE.test(c)) code = c;
        if (typeof m === 'string' && m.trim() !== '') message = m.trim();
        findings = parseFindings((err as { findings?: unknown }).findings);
      }
    }
  } catch {
    // not JSON: keep the fallback
  }
  let retryAfter = parseRetryAfter(retryAfterHeader);
  if (retryAfter !== null && code === 'rate_limited' && !/\bwait\b|\bretry\b|\btry again\b/i.test(message)) {
    message = `${message} Try again in ${describeSeconds(retryAfter)}.`;
  }
  return new ApiError(status, code, message, retryAfter, findings);
}

export function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** The error for a fetch that never got a response. */
export function networkError(): ApiError {
  return new ApiError(0, 'network_error', 'Could not reach Greenroom. Check your connection and try again.');
}

/** A message for any thrown value, for showing next to a form. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
