import { describe, expect, it } from 'vitest';
import { ApiError, describeSeconds, messageOf, networkError, parseApiError, parseRetryAfter } from './errors';

describe('parseApiError', () => {
  it('reads the documented error shape', () => {
    const e = parseApiError(
      403,
      JSON.stringify({ error: { code: 'review_required', message: 'At Crawl level every post needs a coach approval.' } }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(403);
    expect(e.code).toBe('review_required');
    expect(e.message).toBe('At Crawl level every post needs a coach approval.');
    expect(e.isNetwork).toBe(false);
  });

  it('falls back to a message for the status when the body is not JSON', () => {
    const e = parseApiError(502, '<html><body>Bad gateway</body></html>');
    expect(e.code).toBe('unavailable');
    expect(e.message).toMatch(/not reachable/);
  });

  it('falls back when the body is empty or has the wrong shape', () => {
    expect(parseApiError(404, '').code).toBe('not_found');
    expect(parseApiError(409, '{"error":"nope"}').code).toBe('conflict');
    expect(parseApiError(400, '{"error":{"code":42,"message":""}}').message).toBe('The request was not valid.');
    expect(parseApiError(400, '{"error":{"code":"Not A Code","message":"m"}}').code).toBe('bad_request');
    expect(parseApiError(400, 'null').code).toBe('bad_request');
    expect(parseApiError(400, '[1,2]').code).toBe('bad_request');
  });

  it('handles statuses it does not know', () => {
    expect(parseApiError(418, '').code).toBe('http_418');
    expect(parseApiError(418, '').message).toMatch(/HTTP 418/);
    expect(parseApiError(599, '').code).toBe('internal');
  });

  it('keeps Retry-After and mentions it when the message does not', () => {
    const e = parseApiError(429, '{"error":{"code":"rate_limited","message":"Too many sign-in attempts."}}', '120');
    expect(e.retryAfter).toBe(120);
    expect(e.message).toBe('Too many sign-in attempts. Try again in 2 minutes.');
    const f = parseApiError(429, '{"error":{"code":"rate_limited","message":"Wait 15 minutes."}}', '900');
    expect(f.message).toBe('Wait 15 minutes.');
  });
});

describe('policy findings on a 422', () => {
  it('keeps well-formed findings and drops the rest', () => {
    const body = JSON.stringify({
      error: {
        code: 'policy_violation',
        message: 'The post breaks 1 golden rule.',
        findings: [
          { rule: 'personal_data', severity: 'error', message: 'Remove the email address.', start: 3, end: 18 },
          { rule: 'x', severity: 'error', message: 'no offsets' },
          'junk',
        ],
      },
    });
    const e = parseApiError(422, body);
    expect(e.code).toBe('policy_violation');
    expect(e.findings).toEqual([{ rule: 'personal_data', severity: 'error', message: 'Remove the email address.', start: 3, end: 18 }]);
    expect(parseApiError(400, '{"error":{"code":"bad_request","message":"m"}}').findings).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = new Date('2026-11-24T15:00:00Z');
    expect(parseRetryAfter('Tue, 24 Nov 2026 15:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('Tue, 24 Nov 2026 14:00:00 GMT', now)).toBe(0);
  });
});

describe('helpers', () => {
  it('describes waits in words', () => {
    expect(describeSeconds(1)).toBe('1 second');
    expect(describeSeconds(45)).toBe('45 seconds');
    expect(describeSeconds(60)).toBe('1 minute');
    expect(describeSeconds(61)).toBe('2 minutes');
  });

  it('gives network errors status 0', () => {
    const e = networkError();
    expect(e.isNetwork).toBe(true);
    expect(e.code).toBe('network_error');
  });

  it('gets a message from anything thrown', () => {
    expect(messageOf(new ApiError(400, 'x', 'Bad thing.'))).toBe('Bad thing.');
    expect(messageOf(new Error('boom'))).toBe('boom');
    expect(messageOf('weird')).toMatch(/Something went wrong/);
  });
});
